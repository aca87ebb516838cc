"""Qt passes ``checked`` to whatever is connected to ``triggered`` and ``clicked``: no slot that
takes an argument may be connected to them directly.

A slot such as ``new_prompt(self, name=None)`` wired straight to ``action.triggered`` receives
``False`` as the name — the bug that crashed New prompt, Rename, Commit, New branch, Merge and
Set label. This test reads every module of ``app/ui`` and fails on such a connection:
``X.triggered.connect(target)``, ``X.clicked.connect(target)`` and ``menu.addAction(text,
target)`` (which connects to ``triggered``) where ``target`` names a function or method that
takes a parameter, unless the parameter is called ``checked``/``_checked`` (it accepts the flag
on purpose). Lambdas are fine: they say what they pass. The checker is also run on a snippet
with the bug in it, so the test is known to be able to fail.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SIGNALS = ("triggered", "clicked")
ACCEPTS_CHECKED = ("checked", "_checked")
# Item views' ``clicked`` carries the clicked index, which their slots do take.
ITEM_VIEWS = ("list", "view", "table", "tree", "results")


def _parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    names = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
    return names[1:] if names and names[0] in ("self", "cls") else names


def _takes_checked(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    parameters = _parameters(function)
    return bool(parameters) and parameters[0] not in ACCEPTS_CHECKED


def functions_taking_arguments(trees: list[ast.Module]) -> set[str]:
    """Names of functions and methods anywhere that would take ``checked`` as an argument."""
    return {
        node.name
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _takes_checked(node)
    }


def _methods(tree: ast.Module) -> dict[int, dict[str, bool]]:
    """For each line inside a class: that class's methods, and whether each takes an argument."""
    by_line: dict[int, dict[str, bool]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            methods = {
                item.name: _takes_checked(item)
                for item in node.body
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
            }
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                by_line[line] = methods
    return by_line


def _target_name(target: ast.expr) -> str | None:
    if isinstance(target, ast.Attribute):
        return target.attr
    if isinstance(target, ast.Name):
        return target.id
    return None  # a lambda, a partial, a call: what it passes is spelled out


def risky_connections(tree: ast.Module, where: str, takes_arguments: set[str]) -> list[str]:
    found = []
    methods = _methods(tree)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        target: ast.expr | None = None
        owner = node.func.value
        if (
            node.func.attr == "connect"
            and isinstance(owner, ast.Attribute)
            and owner.attr in SIGNALS
            and node.args
            and not _is_item_view(owner.value)
        ):
            target = node.args[0]
        elif node.func.attr == "addAction" and len(node.args) >= 2:
            target = node.args[-1]  # addAction(text, slot) / addAction(icon, text, slot)
        name = _target_name(target) if target is not None else None
        if name is None:
            continue
        own = methods.get(node.lineno, {})
        is_self = isinstance(target, ast.Attribute) and _is_self(target.value)
        risky = own[name] if is_self and name in own else name in takes_arguments
        if risky:
            found.append(f"{where}:{node.lineno} connects {name}, which would receive `checked`")
    return found


def _is_self(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


def _is_item_view(node: ast.expr) -> bool:
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
    return str(name).lower().endswith(ITEM_VIEWS)


def scan(sources: dict[str, str]) -> list[str]:
    trees = {where: ast.parse(text) for where, text in sources.items()}
    takes_arguments = functions_taking_arguments(list(trees.values()))
    return [
        problem
        for where, tree in trees.items()
        for problem in risky_connections(tree, where, takes_arguments)
    ]


def test_no_slot_with_an_argument_is_wired_to_triggered_or_clicked() -> None:
    sources = {
        str(path.relative_to(REPO)): path.read_text(encoding="utf-8")
        for path in sorted((REPO / "app" / "ui").rglob("*.py"))
    }
    assert scan(sources) == []


def test_the_checker_finds_the_bug() -> None:
    buggy = """
class Sidebar:
    def new_prompt(self, name=None): ...
    def refresh(self): ...
    def build(self, action, button, menu):
        action.triggered.connect(self.new_prompt)
        button.clicked.connect(self.refresh)
        menu.addAction("New", self.new_prompt)
        action.triggered.connect(lambda: self.new_prompt())
"""
    problems = scan({"buggy.py": buggy})
    assert [p.split(" ")[0] for p in problems] == ["buggy.py:6", "buggy.py:8"]
