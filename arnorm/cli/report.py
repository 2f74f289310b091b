"""``arnorm report``: what is wrong with a corpus, as one self-contained HTML page.

Each document (a line of text, a JSONL field, a CSV cell) is profiled
(:func:`arnorm.profile.profiled`) and added to a :class:`~arnorm.report.survey.Survey`.
Inputs are read in chunks of complete lines or records, as ``arnorm clean`` reads them, so
memory stays flat; with ``--jobs N`` chunks are surveyed in N processes and the surveys
merged. ``--sample N`` surveys N records drawn at random from each input (the input is read
twice, once to count its records, but profiled only where drawn). ``--json`` saves the
survey, and ``--merge`` renders saved surveys (of shards surveyed elsewhere) as one. The
surveying itself is :mod:`arnorm.cli.surveying`, imported when the command runs: every
command builds this one's parser.
"""

from __future__ import annotations

import argparse
import json
import sys

from arnorm.cli import options
from arnorm.cli.clean import MAX_LINE_BYTES, open_output
from arnorm.cli.textfile import InputError


def add_parser(commands: argparse._SubParsersAction[options.Parser]) -> None:
    report = commands.add_parser(
        "report",
        help="an HTML report of what is wrong with a corpus",
        description="Profile every document of text, JSONL or CSV files and write one "
        "self-contained HTML page (and, with --json, the numbers).",
    )
    report.add_argument("paths", nargs="+", metavar="PATH", help="files (or - for stdin)")
    report.add_argument(
        "-o", "--output", metavar="HTML", help="the HTML page (report.html unless --json only)"
    )
    report.add_argument("--json", metavar="FILE", help="also save the survey as JSON")
    report.add_argument(
        "--merge", action="store_true", help="the PATHs are JSON surveys: render them as one"
    )
    form = report.add_argument_group(
        "formats (default: by extension)"
    ).add_mutually_exclusive_group()
    form.add_argument("--text", action="store_true", help="one document a line")
    form.add_argument("--jsonl", action="store_true", help="one JSON object a line")
    form.add_argument("--csv", action="store_true", help="CSV with a header row")
    options.add_record_options(report)
    report.add_argument(
        "--sample", type=options.positive, metavar="N", help="N records drawn from each input"
    )
    report.add_argument("--seed", type=int, default=0, help="the seed of --sample (0)")
    options.add_process_options(report)
    report.add_argument(
        "--max-line-bytes", type=options.positive, default=MAX_LINE_BYTES, help=argparse.SUPPRESS
    )
    options.add_rule_options(report)
    options.add_config_options(report)
    report.set_defaults(run=run_report)


def run_report(args: argparse.Namespace) -> int:
    if len(args.delimiter) != 1 or args.delimiter in '"\r\n':
        raise options.UsageError("arnorm report: error: --delimiter must be one character")
    config = options.build_config(
        args, defaults={} if args.preset == "none" else {"html_tags": True}
    )
    options.warn_inactive(args, config)
    from arnorm.cli import surveying  # the survey and the page: imported when report runs
    from arnorm.report.page import render

    output = args.output or (None if args.json else "report.html")
    try:  # reading the inputs and writing the outputs fail alike: a message, status 2
        survey = surveying.merged(args.paths) if args.merge else surveying.surveyed(args, config)
        if args.json:
            data = json.dumps(survey.to_json(), ensure_ascii=False, indent=1)
            with open_output(args.json) as sink:
                sink.write((data + "\n").encode("utf-8"))
        if output:
            with open_output(output) as sink:
                sink.write(render(survey, config).encode("utf-8"))
    except InputError as error:
        print(error, file=sys.stderr)
        return 2
    except OSError as error:
        print(f"{error.filename}: {error.strerror or error}", file=sys.stderr)
        return 2
    print(
        f"arnorm report: {survey.documents:,} documents, {survey.findings:,} findings"
        + (f" -> {output}" if output else ""),
        file=sys.stderr,
    )
    return 0
