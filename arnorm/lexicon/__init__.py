"""The lexicon: wordfreq's Arabic list read through its API, arnorm's own word lists, the
clitic morphology and the spelling folds. Shared by the run-on splitter and the rules.
"""
