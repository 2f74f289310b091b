"""Configuration files: ``[tool.arnorm]`` in pyproject.toml, or ``.arnorm.toml``.

A configuration file is turned into command-line arguments that go before the ones typed, so
the command line overrides it and argparse validates both the same way (codespell's trick).
Keys are the long options without their dashes: ``select = ["AR1"]`` is ``--select AR1``,
``diacritics = "strip"`` is ``--diacritics strip``, ``spaces = false`` is ``--no-spaces``.

>>> table = {"select": ["AR101", "AR104"], "spaces": False, "preset": "search"}
>>> parser = options.Parser(prog="demo")
>>> options.add_rule_options(parser)
>>> to_arguments(ConfigFile(Path("pyproject.toml"), table), parser, frozenset())
['--select', 'AR101,AR104', '--no-spaces', '--preset', 'search']
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from arnorm.cli import options

#: The configuration files looked for in each folder, first match wins.
NAMES = (".arnorm.toml", "pyproject.toml")
#: Options that are not configuration keys: they choose the configuration or the input.
#: ``max-word-list-bytes`` is a limit on what a configuration file may make arnorm read, so
#: only the command line may raise it.
NOT_KEYS = frozenset(
    {
        "--config",
        "--isolated",
        "--help",
        "--stdin-filename",
        "--output",
        "--max-word-list-bytes",
    }
)


class ConfigError(Exception):
    """A configuration file that cannot be read or does not validate."""


@dataclass(frozen=True)
class ConfigFile:
    """The arnorm table of a configuration file, and where it is (globs are relative to it)."""

    path: Path
    table: Mapping[str, object]

    @property
    def root(self) -> Path:
        return self.path.parent


def find(start: Path) -> ConfigFile | None:
    """The nearest configuration file in `start` or a folder above it."""
    for folder in (start, *start.parents):
        for name in NAMES:
            candidate = folder / name
            if candidate.is_file():
                found = read(candidate)
                if found is not None:
                    return found
    return None


def read(path: Path) -> ConfigFile | None:
    """The arnorm table of `path` (None for a pyproject.toml without ``[tool.arnorm]``)."""
    import tomllib

    try:
        with path.open("rb") as stream:
            document = tomllib.load(stream)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None
    if path.name == "pyproject.toml":
        table = document.get("tool", {}).get("arnorm")
        return None if table is None else ConfigFile(path, _checked_table(path, table))
    return ConfigFile(path, document)


def _checked_table(path: Path, table: object) -> Mapping[str, object]:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.arnorm] must be a table")
    return table


def to_arguments(
    config: ConfigFile, parser: argparse.ArgumentParser, other_keys: frozenset[str]
) -> list[str]:
    """Arguments for `parser` that say what `config` says.

    Keys that `parser` does not take but another command does (`other_keys`) are skipped;
    any other key is an error.
    """
    actions = {s: a for a in parser._actions for s in a.option_strings}
    arguments: list[str] = []
    for key, value in config.table.items():
        flag = f"--{key}"
        if flag not in actions or flag in NOT_KEYS:
            if flag in other_keys and flag not in NOT_KEYS:
                continue
            raise ConfigError(f"{config.path}: unknown key {key!r}")
        arguments += _arguments(flag, actions[flag], value, config)
    return arguments


def _arguments(flag: str, action: argparse.Action, value: object, config: ConfigFile) -> list[str]:
    kind = options.kind_of(action)
    if flag == "--per-file-ignores":
        return [
            a for glob, rules in _table(flag, value, config) for a in (flag, _ignore(glob, rules))
        ]
    if kind in ("flag", "switch"):
        if not isinstance(value, bool):
            raise ConfigError(f"{config.path}: {flag[2:]} must be true or false")
        if kind == "switch":
            return [flag] if value else []
        return [flag if value else f"--no-{flag[2:]}"]
    if kind == "list":
        return [flag, ",".join(_strings(flag, value, config))]
    if kind == "repeat":
        items = _strings(flag, value, config)
        if action.metavar == "FILE":
            items = [str(config.root / item) for item in items]
        return [a for item in items for a in (flag, item)]
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ConfigError(f"{config.path}: {flag[2:]} must be a string or a number")
    return [flag, str(value)]


def _strings(flag: str, value: object, config: ConfigFile) -> list[str]:
    """A string or a list of strings, as a list."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ConfigError(f"{config.path}: {flag[2:]} must be a string or a list of strings")
    return items


def _table(flag: str, value: object, config: ConfigFile) -> list[tuple[str, object]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{config.path}: {flag[2:]} must be a table of glob = [rules]")
    return list(value.items())


def _ignore(glob: str, rules: object) -> str:
    items = [rules] if isinstance(rules, str) else rules
    if not isinstance(items, list):
        raise ConfigError(f"per-file-ignores: {glob!r} must map to a list of rules")
    return f"{glob}:{','.join(map(str, items))}"
