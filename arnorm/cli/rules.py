"""``arnorm rules``: the rule table, or one rule's documentation."""

from __future__ import annotations

import argparse
import json
import sys

from arnorm.cli import options
from arnorm.config import PRESETS
from arnorm.rules import BY_CODE, BY_NAME, RULES, matching, rule_of
from arnorm.rules.base import Rule


def add_parser(commands: argparse._SubParsersAction[options.Parser]) -> None:
    rules = commands.add_parser(
        "rules",
        help="list the rules, or explain one",
        description="List the rules, or print one rule's documentation (by code or name).",
    )
    rules.add_argument("rule", nargs="?", metavar="RULE", help="a code, name or code prefix")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.set_defaults(run=run_rules)


def presets_of(rule: Rule) -> list[str]:
    """The presets that switch `rule` on."""
    return [name for name, config in PRESETS.items() if rule.enabled(config)]


def run_rules(args: argparse.Namespace) -> int:
    selector = args.rule
    single = rule_of(selector or "") or BY_NAME.get(selector or "")
    if single is not None and args.format == "text":
        print(explain(single))
        return 0
    try:
        codes = matching([selector]) if selector else frozenset(BY_CODE)
    except ValueError as error:
        print(f"arnorm rules: {error}", file=sys.stderr)
        return 2
    chosen = sorted((rule for rule in RULES if rule.code in codes), key=lambda r: r.code)
    print(as_json(chosen) if args.format == "json" else table(chosen))
    return 0


def explain(rule: Rule) -> str:
    """A rule's title line, its documentation, and where it is on."""
    on = ", ".join(presets_of(rule)) or "no preset (switch it on with its option)"
    safety = "safe" if rule.safe else "unsafe"
    formerly = f" Formerly {', '.join(rule.aliases)} (still accepted)." if rule.aliases else ""
    return (
        f"# {rule.code} {rule.name}\n\n{rule.doc.strip()}\n\nFix: {safety}. On in: {on}.{formerly}"
    )


def table(rules: list[Rule]) -> str:
    """One line per rule: code, name, safety, presets, message."""
    width = max((len(rule.name) for rule in rules), default=0)
    lines = []
    for rule in rules:
        on = ",".join(presets_of(rule)) or "-"
        safety = "safe  " if rule.safe else "unsafe"
        lines.append(f"{rule.code}  {rule.name:<{width}}  {safety}  {on:<12}  {rule.message}")
    return "\n".join(lines)


def as_json(rules: list[Rule]) -> str:
    items = [
        {
            "code": rule.code,
            "name": rule.name,
            "message": rule.message,
            "safe": rule.safe,
            "presets": presets_of(rule),
            "aliases": list(rule.aliases),
            "summary": rule.summary,
            "doc": rule.doc.strip(),
        }
        for rule in rules
    ]
    return json.dumps(items, ensure_ascii=False, indent=2)
