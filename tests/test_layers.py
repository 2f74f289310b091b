"""The import layers of the package (phenomenon: architecture).

Bottom to top: script facts; config and the edit log; the lexicon; the splitter; the rules;
the engine; the public API (``arnorm/__init__``); the command line. A module imports only its
own layer or lower ones; nothing below the API imports the CLI or the package ``__init__``;
no rule module (one that defines ``RULES``) imports another, nor the registry; and the
imports have no cycle. Imports inside functions count too: a lazy import is still a
dependency. A module that no layer lists belongs to the top layer, with the CLI, until it is
given its place in :data:`LAYERS`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "arnorm"

#: Module name prefixes, bottom layer first (a module takes the layer of its longest prefix).
LAYERS: tuple[tuple[str, ...], ...] = (
    ("arnorm.script",),
    ("arnorm.config", "arnorm.edits", "arnorm.wordlists", "arnorm.document"),
    ("arnorm.lexicon",),
    ("arnorm.splitter",),
    ("arnorm.rules",),
    ("arnorm.engine", "arnorm.profile"),  # the profile counts what the engine's passes find
    ("arnorm",),  # the public API: arnorm/__init__.py
    ("arnorm.report",),  # the corpus report and the playground, over the public API
    ("arnorm.cli", "arnorm.__main__"),
)
TOP = len(LAYERS) - 1


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> int:
    """The layer of `module`: that of its longest listed prefix (the top one if none)."""
    if module == "arnorm":
        return LAYERS.index(("arnorm",))
    best, level = "", TOP
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            under = module == prefix or module.startswith(prefix + ".")
            if prefix != "arnorm" and under and len(prefix) > len(best):
                best, level = prefix, index
    return level


def imports(module: str) -> set[str]:
    """The arnorm modules that `module` imports (``from arnorm import rules`` is the
    submodule arnorm.rules; ``from arnorm import __version__`` is the package)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "arnorm"}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] != "arnorm":
                continue
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in MODULES else node.module)
    return found - {module}


def is_rule_module(module: str) -> bool:
    """A module of arnorm.rules that defines rules (a top-level ``RULES``), not the registry."""
    if not module.startswith("arnorm.rules.") or MODULES[module].name == "__init__.py":
        return False
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in tree.body:
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        if any(isinstance(t, ast.Name) and t.id == "RULES" for t in targets):
            return True
    return False


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_only_its_layer_and_lower_ones(module: str) -> None:
    above = [
        f"{other} (layer {layer(other)})"
        for other in sorted(imports(module))
        if other in MODULES and layer(other) > layer(module)
    ]
    assert not above, (
        f"{module} (layer {layer(module)}) imports {', '.join(above)}: move what it needs "
        "down, or give the module its place in LAYERS (tests/test_layers.py)"
    )


def test_rule_modules_never_import_each_other_nor_the_registry() -> None:
    rule_modules = {module for module in MODULES if is_rule_module(module)}
    assert len(rule_modules) >= 10  # the test sees the rule modules at all
    crossings = {
        (module, other)
        for module in rule_modules
        for other in imports(module)
        if other in rule_modules or other == "arnorm.rules"
    }
    assert not crossings, "what a rule needs of another goes into a lower shared module"


def test_shared_rule_infrastructure_imports_no_rule_module() -> None:
    shared = {m for m in MODULES if m.startswith("arnorm.rules.") and not is_rule_module(m)}
    assert {"arnorm.rules.base", "arnorm.rules.context", "arnorm.rules.pairing"} <= shared
    assert not {(m, o) for m in shared for o in imports(m) if is_rule_module(o)}


def test_the_imports_have_no_cycle() -> None:
    graph = {module: {o for o in imports(module) if o in MODULES} for module in MODULES}
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycle = [*path[path.index(module) :], module]
            raise AssertionError("import cycle: " + " -> ".join(cycle))
        if module in done:
            return
        for other in sorted(graph[module]):
            visit(other, [*path, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_the_layers_see_the_real_imports() -> None:
    """The contract reads what the modules import (a test that cannot see them proves nothing)."""
    assert "arnorm.script.chars" in imports("arnorm.rules.invisibles")
    assert "arnorm.rules" in imports("arnorm.engine")
    assert layer("arnorm.rules.base") > layer("arnorm.splitter.runs") > layer("arnorm.edits")
    assert layer("arnorm.cli.main") == TOP
    assert layer("arnorm.engine") < layer("arnorm") < layer("arnorm.report") < TOP
