"""The corpus report: what ``arnorm report`` measures over many documents, and its HTML page.

:mod:`arnorm.report.survey` adds up the :class:`~arnorm.profile.Profile` of each document
into a :class:`~arnorm.report.survey.Survey` (totals, histograms and capped examples) that
saves to JSON and merges with the surveys of other shards; :mod:`arnorm.report.page` draws
it as one self-contained HTML file, charts as inline SVG (:mod:`arnorm.report.charts`).
"""
