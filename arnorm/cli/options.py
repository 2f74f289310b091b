"""The options shared by the commands, and the :class:`~arnorm.config.Config` they build.

argparse is the one schema: the behaviour options are derived from the fields of ``Config``
(``--diacritics strip``, ``--no-spaces``), so the command line, the configuration file and the
library name every behaviour the same way. An option left out keeps the preset's value.

>>> parser = Parser(prog="demo")
>>> add_rule_options(parser)
>>> args = parser.parse_args(["--preset", "search", "--diacritics", "keep", "--ignore", "AR104"])
>>> config = build_config(args)
>>> config.diacritics, config.fold_alef, "AR104" in config.ignore
('keep', True, True)
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, NoReturn

from arnorm.config import NONE, PRESETS, Config, choices, field_types, resolve
from arnorm.rules import BY_CODE, RULES, matching

#: The largest word-list file read by default (``--max-word-list-bytes``): arnorm's own lists
#: are a few hundred bytes; a list of a million names is about 15 MB.
MAX_WORD_LIST_BYTES = 8 * 1024 * 1024
#: Config fields that are not behaviour options (rule selection has options of its own).
_NOT_OPTIONS = frozenset({"ignore"})
#: Help for the fields whose rules cannot be found by switching the field (word-list files).
_WORD_LIST_HELP = {
    "extra_words": "a word-list file (one word a line) of extra known words; repeatable",
    "never_split": "a word-list file (one word a line) of words never split; repeatable",
    "never_respell": "a word-list file (one word a line) of words never respelt; repeatable",
}


class UsageError(Exception):
    """A command line (or configuration) that does not parse; the message says why."""


class Parser(argparse.ArgumentParser):
    """An argument parser that raises :class:`UsageError` instead of exiting the process."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.format_usage()}{self.prog}: error: {message}")


def comma_list(value: str) -> tuple[str, ...]:
    """``"AR101, exotic-space"`` as ``("AR101", "exotic-space")``; empty items are dropped."""
    return tuple(item.strip() for item in value.split(",") if item.strip())


def selectors(value: str) -> tuple[str, ...]:
    """A comma list of rule selectors (codes, prefixes or names), each matching some rule."""
    items = comma_list(value)
    try:
        matching(items)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return items


def option_name(field: str) -> str:
    """The option (and configuration key) of a Config field: ``html_tags`` -> ``html-tags``."""
    return field.replace("_", "-")


def behaviour_fields() -> tuple[dataclasses.Field[object], ...]:
    """The Config fields that are behaviour options, in declaration order."""
    return tuple(f for f in dataclasses.fields(Config) if f.name not in _NOT_OPTIONS)


def add_record_options(parser: argparse.ArgumentParser) -> None:
    """The options that pick the text of JSONL and CSV records (``clean`` and ``report``)."""
    parser.add_argument("--field", action="append", metavar="KEY", help="JSONL key (text)")
    parser.add_argument("--column", action="append", metavar="NAME", help="CSV column (text)")
    parser.add_argument("--delimiter", default=",", help="CSV delimiter (,)")


def add_process_options(parser: argparse.ArgumentParser) -> None:
    """How many processes work, and whether a progress bar shows (``clean`` and ``report``)."""
    parser.add_argument(
        "--jobs", "-j", type=non_negative, default=1, help="processes (0: one per core)"
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a progress bar on stderr (default: when stderr is a terminal)",
    )


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    """--preset, rule selection, and one option per behaviour field of Config."""
    rules = parser.add_argument_group("rule selection")
    rules.add_argument("--preset", choices=list(PRESETS), help="the base behaviour (clean)")
    rules.add_argument(
        "--select", type=selectors, metavar="RULES", help="only these codes, prefixes or names"
    )
    rules.add_argument("--ignore", type=selectors, metavar="RULES", help="switch these rules off")
    rules.add_argument(
        "--extend-select",
        type=selectors,
        action="append",
        metavar="RULES",
        help="add these rules to the selection",
    )
    options = parser.add_argument_group("behaviours (each overrides the preset)")
    for field in behaviour_fields():
        _add_behaviour(options, field.name)
    options.add_argument(
        "--max-word-list-bytes",
        type=positive,
        default=MAX_WORD_LIST_BYTES,
        metavar="N",
        help="refuse larger word-list files (8 MiB; command line only, not a config key)",
    )


def _add_behaviour(group: argparse._ArgumentGroup, field: str) -> None:
    flag = f"--{option_name(field)}"
    hint = field_types()[field]
    if field in choices():
        rules = _rules_of(field)
        help = f"the policy of {rules}" if rules else "a policy (its rules are not in this build)"
        group.add_argument(flag, choices=choices()[field], dest=field, help=help)
    elif hint is bool:
        help = f"switch {_rules_of(field) or 'this behaviour'} on or off"
        group.add_argument(flag, action=argparse.BooleanOptionalAction, dest=field, help=help)
    else:
        help = _WORD_LIST_HELP.get(field, "repeatable")
        group.add_argument(flag, action="append", metavar="FILE", dest=field, help=help)


@functools.cache
def _rules_of(field: str) -> str:
    """The codes of the rules that switching `field` turns on or off, found by trying it."""
    values = choices().get(field, (True, False))
    codes = sorted(
        rule.code
        for rule in RULES
        for base in (NONE, PRESETS["clean"])
        for value in values
        if rule.enabled(resolve(base, {field: value})) != rule.enabled(base)
    )
    return ", ".join(dict.fromkeys(codes))


def build_config(
    args: argparse.Namespace,
    *,
    defaults: Mapping[str, object] | None = None,
    ignore: frozenset[str] = frozenset(),
) -> Config:
    """The Config of the parsed options: preset, then `defaults`, then the options given.

    Rules outside the selection, and the codes in `ignore` (per-file ignores), go into
    ``Config.ignore``.
    """
    given = {f.name: getattr(args, f.name) for f in behaviour_fields()}
    options = {**(defaults or {}), **{k: v for k, v in given.items() if v is not None}}
    try:
        config = resolve(args.preset or "clean", options)
    except (TypeError, ValueError) as error:
        raise UsageError(str(error)) from None
    off = frozenset(BY_CODE) - selected(args)
    check_word_lists(config, args.max_word_list_bytes)
    return dataclasses.replace(config, ignore=config.ignore | off | ignore)


def check_word_lists(config: Config, limit: int) -> None:
    """Read the word-list files of `config` now, each a regular file of at most `limit`
    bytes: a repository's configuration names them, so it must not make the tool read a
    device or gigabytes. Raises :class:`~arnorm.lexicon.words.WordListError`.

    The lists are cached once read, so the rules (and ``clean``'s workers, which read them
    again without the limit) find the same files.
    """
    from arnorm.lexicon.words import read_word_file

    for path in (*config.extra_words, *config.never_split):
        read_word_file(path, limit)


def selected(args: argparse.Namespace) -> frozenset[str]:
    """The codes that --select, --extend-select and --ignore leave on."""
    chosen = matching(args.select or ("ALL",))
    for extra in args.extend_select or ():
        chosen |= matching(extra)
    return chosen - matching(args.ignore or ())


def warn_inactive(args: argparse.Namespace, config: Config) -> None:
    """Say on stderr when a rule selected by name is switched off by the preset or options."""
    named = [*(args.select or ()), *(s for group in args.extend_select or () for s in group)]
    if not named or named == ["ALL"]:
        return
    for code in sorted(matching(named) - config.ignore):
        rule = BY_CODE[code]
        if not rule.enabled(config):
            print(
                f"arnorm: note: {code} {rule.name} is selected but off in this preset;"
                " switch it on with its behaviour option",
                file=sys.stderr,
            )


@dataclass(frozen=True)
class FileIgnore:
    """``--per-file-ignores GLOB:RULES``: rules switched off in the files matching a glob."""

    glob: str
    codes: frozenset[str]


def per_file_ignore(value: str) -> FileIgnore:
    """Parse ``GLOB:RULES``; the rules are a comma list of selectors."""
    glob, colon, rules = value.rpartition(":")
    if not colon or not glob:
        raise argparse.ArgumentTypeError(f"expected GLOB:RULES, not {value!r}")
    return FileIgnore(glob, matching(selectors(rules)))


def positive(value: str) -> int:
    """A whole number of at least 1 (sizes in bytes)."""
    return _at_least(value, 1)


def non_negative(value: str) -> int:
    """A whole number of at least 0 (``--jobs 0``: one per core)."""
    return _at_least(value, 0)


def _at_least(value: str, least: int) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {value!r}") from None
    if number < least:
        raise argparse.ArgumentTypeError(f"must be at least {least}, not {number}")
    return number


def kind_of(action: argparse.Action) -> Literal["flag", "switch", "list", "repeat", "value"]:
    """How a configuration value becomes arguments for `action` (see :mod:`configfile`)."""
    if isinstance(action, argparse.BooleanOptionalAction):
        return "flag"
    if isinstance(action, argparse._StoreTrueAction):
        return "switch"
    if action.type in (comma_list, selectors) and not isinstance(action, argparse._AppendAction):
        return "list"
    if isinstance(action, argparse._AppendAction):
        return "repeat"
    return "value"


def option_strings(parser: argparse.ArgumentParser) -> Sequence[str]:
    """Every long option of `parser`."""
    return [s for action in parser._actions for s in action.option_strings if s.startswith("--")]


def add_config_options(parser: argparse.ArgumentParser) -> None:
    """--config and --isolated: which configuration file, if any, is read."""
    group = parser.add_argument_group("configuration")
    choice = group.add_mutually_exclusive_group()
    choice.add_argument("--config", metavar="FILE", help="read this configuration file")
    choice.add_argument("--isolated", action="store_true", help="read no configuration file")
