"""The dependency rules of docs/architecture.md, as a test.

``ui``, ``cli`` and ``sync_server`` -> ``app.workbench`` (the composition root) -> services
(``storage``, ``runners``, ``retrieval``, ``sync``, ``tasks``) -> ``core``. Concretely:

- ``app.core`` imports no Qt, no SQL and no network library, and no other part of ``app``;
- nothing outside ``app.ui`` imports PySide6 (or shiboken6, or qasync, which drives Qt's loop);
- SQL (SQLAlchemy, sqlcipher3, sqlite3) is imported, and SQL statements are written, only in
  ``app.storage`` (and the server's own storage);
- services import only the services below them: ``tasks`` and ``storage`` nothing but core,
  ``sync`` storage, ``retrieval`` storage, ``runners`` storage and retrieval, ``evals``
  storage, runners and retrieval, ``gallery`` storage, sync, runners and retrieval; no
  service imports ``app.workbench``, ``app.ui`` or ``app.cli``;
- the CLI does not import the UI except to launch it (``app.ui.launch``); the UI never imports
  the CLI;
- ``sync_server`` imports nothing from ``app`` but ``app.core.protocol``.

Every ``import`` statement counts, including the lazy ones inside functions: a heavy or
forbidden import hidden in a function is still a dependency. The checker is also run on a small
tree with violations in it, so the test is known to be able to fail. Two more checks keep the
house walkable: no import cycle among modules (type-only imports under ``TYPE_CHECKING`` aside:
they do not run), and no module of ``app`` over 500 lines.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

QT = ("PySide6", "shiboken6", "qasync", "PyQt5", "PyQt6")
SQL = ("sqlalchemy", "sqlcipher3", "sqlite3", "alembic", "lancedb", "psycopg", "psycopg2")
NETWORK = (
    "socket",
    "ssl",
    "http",
    "urllib.request",
    "httpx",
    "requests",
    "aiohttp",
    "websockets",
    "litellm",
    "openai",
    "fastapi",
    "uvicorn",
    "starlette",
    "keyring",
)
SERVICES = (
    "app.storage",
    "app.runners",
    "app.retrieval",
    "app.sync",
    "app.tasks",
    "app.evals",
    "app.gallery",
)
# Which services each service may import (besides itself and app.core).
SERVICE_DEPENDENCIES = {
    "app.tasks": (),
    "app.storage": (),
    "app.sync": ("app.storage",),
    "app.retrieval": ("app.storage",),
    "app.runners": ("app.storage", "app.retrieval"),
    "app.evals": ("app.storage", "app.runners", "app.retrieval"),
    "app.gallery": ("app.storage", "app.sync", "app.runners", "app.retrieval"),
}
SQL_OWNERS = ("app.storage", "sync_server")
SQL_DRIVERS = ("sqlalchemy", "sqlcipher3", "sqlite3", "psycopg", "psycopg2")
# A statement written in a string: the start of one, as SQL is written.
SQL_TEXT = re.compile(r"^\s*(SELECT|INSERT INTO|DELETE FROM|UPDATE \w+ SET|CREATE (TABLE|INDEX))\b")
MAX_MODULE_LINES = 500


@dataclass(frozen=True)
class Violation:
    module: str
    imported: str
    rule: str

    def __str__(self) -> str:
        return f"{self.module} imports {self.imported}: {self.rule}"


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, module: str) -> set[str]:
    """Every module ``path`` imports, relative imports resolved, lazy imports included."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def rule_broken(module: str, imported: str) -> str | None:
    if _within(module, ("app.core",)):
        if _within(imported, QT + SQL + NETWORK):
            return "app.core is pure domain: no Qt, SQL or network"
        if _within(imported, ("app",)) and not _within(imported, ("app.core",)):
            return "app.core depends on nothing else in app"
    if _within(imported, QT) and not _within(module, ("app.ui",)):
        return "only app.ui imports Qt"
    if _within(imported, SQL_DRIVERS) and not _within(module, SQL_OWNERS):
        return "SQL lives in app.storage"
    if _within(module, SERVICES) and _within(imported, ("app.ui", "app.cli", "app.workbench")):
        return "services never import the UI, the CLI or the composition root"
    for service, allowed in SERVICE_DEPENDENCIES.items():
        if (
            _within(module, (service,))
            and _within(imported, SERVICES)
            and not _within(imported, (service, *allowed))
        ):
            return f"{service} may import only {', '.join(allowed) or 'app.core'} of the services"
    if _within(module, ("app.workbench",)) and _within(imported, ("app.ui", "app.cli")):
        return "the composition root never imports a front end"
    if (
        _within(module, ("app.cli",))
        and _within(imported, ("app.ui",))
        and not _within(imported, ("app.ui.launch",))
    ):
        return "the CLI imports the UI only to launch it"
    if _within(module, ("app.ui",)) and _within(imported, ("app.cli",)):
        return "the UI never imports the CLI"
    if (
        _within(module, ("sync_server",))
        and _within(imported, ("app",))
        and not _within(imported, ("app.core.protocol",))
    ):
        return "sync_server imports only app.core.protocol from app"
    return None


def sql_written(path: Path) -> list[str]:
    """The string constants of ``path`` that are SQL statements."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node.value[:40]
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and SQL_TEXT.match(node.value)
    ]


def violations(root: Path, packages: tuple[str, ...] = ("app", "sync_server")) -> list[Violation]:
    found = []
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            module = module_name(root, path)
            for imported in sorted(imports_of(path, module)):
                rule = rule_broken(module, imported)
                if rule:
                    found.append(Violation(module, imported, rule))
            if not _within(module, SQL_OWNERS):
                found += [
                    Violation(module, f"SQL {statement!r}", "SQL lives in app.storage")
                    for statement in sql_written(path)
                ]
    return found


def runtime_imports(root: Path, path: Path, module: str, known: set[str]) -> set[str]:
    """The modules of ``known`` that ``path`` imports when it runs (not under TYPE_CHECKING).

    ``from package import submodule`` depends on the submodule; ``from package import name``
    on the package, which is where the name comes from.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    type_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for statement in node.body
        for inner in ast.walk(statement)
    }
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                names.add(full if full in known else base)
    found = set()
    for name in names:
        while name and name not in known:
            name = name.rpartition(".")[0]
        if name and name != module:
            found.add(name)
    return found


def import_cycles(root: Path, package: str = "app") -> list[list[str]]:
    """Every group of modules that import each other, directly or round a loop (Tarjan)."""
    paths = {module_name(root, p): p for p in sorted((root / package).rglob("*.py"))}
    graph = {m: runtime_imports(root, p, m, set(paths)) for m, p in paths.items()}
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        for imported in sorted(graph[module]):
            if imported not in order:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], order[imported])
        if low[module] == order[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(graph):
        if module not in order:
            visit(module)
    return cycles


def long_modules(root: Path, package: str = "app") -> list[str]:
    return [
        f"{path.relative_to(root)}: {lines} lines"
        for path in sorted((root / package).rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]


def tasks_run_outside_ops(root: Path) -> list[str]:
    """Where ``app/ui`` sends work off the UI thread other than through ``app.ui.ops.Op``."""
    ui = root / "app" / "ui"
    return [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(ui.rglob("*.py"))
        if path != ui / "ops.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "tasks.run(" in line
    ]


def test_the_code_base_keeps_the_layering_rule() -> None:
    assert [str(v) for v in violations(REPO)] == []


def test_no_module_imports_itself_round_a_loop() -> None:
    assert import_cycles(REPO) == []


def test_no_module_is_longer_than_500_lines() -> None:
    assert long_modules(REPO) == []


def test_the_ui_leaves_its_thread_only_through_op(tmp_path: Path) -> None:
    assert tasks_run_outside_ops(REPO) == []
    files = {
        "app/ui/ops.py": "def run(tasks):\n    return tasks.run(work)\n",
        "app/ui/panel.py": "x = 1\nself.workbench.tasks.run(load, self._show)\n",
    }
    for name, body in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(body)
    assert tasks_run_outside_ops(tmp_path) == ["app/ui/panel.py:2"]


def test_the_checker_catches_each_kind_of_violation(tmp_path: Path) -> None:
    files = {
        "app/__init__.py": "",
        "app/core/__init__.py": "",
        "app/core/render.py": "import sqlalchemy\nfrom PySide6 import QtCore\n",
        "app/core/lazy.py": "def f():\n    import httpx\n    from ..storage import store\n",
        "app/storage/__init__.py": "",
        "app/storage/store.py": "from app.ui.qt import QLabel\n",
        "app/storage/context.py": "from app.runners import registry\n",
        "app/cli/__init__.py": "import qasync\nfrom app.ui import main_window\n",
        "app/cli/run.py": "import sqlalchemy\nQUERY = 'SELECT id FROM prompt'\n",
        "app/retrieval/index.py": "from app.runners.base import Runner\n",
        "app/runners/__init__.py": "from app.workbench import Workbench\n",
        "app/ui/__init__.py": "from PySide6.QtWidgets import QLabel\n"
        "from app.ui.launch import run\n",
        "app/ui/menu.py": "from app.cli import main\n",
        "sync_server/__init__.py": "from app.storage.store import Store\n"
        "from app.core.protocol import PROTOCOL_VERSION\n",
    }
    for name, body in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(body)

    found = {(v.module, v.imported) for v in violations(tmp_path)}

    assert ("app.core.render", "sqlalchemy") in found
    assert ("app.core.render", "PySide6") in found
    assert ("app.core.lazy", "httpx") in found
    assert ("app.core.lazy", "app.storage") in found
    assert ("app.storage.store", "app.ui.qt") in found
    assert ("app.cli", "qasync") in found
    assert ("sync_server", "app.storage.store") in found
    assert ("app.storage.context", "app.runners") in found
    assert ("app.cli", "app.ui.main_window") in found
    assert ("app.cli.run", "sqlalchemy") in found
    assert ("app.cli.run", "SQL 'SELECT id FROM prompt'") in found
    assert ("app.retrieval.index", "app.runners.base") in found
    assert ("app.runners", "app.workbench") in found
    assert ("app.ui.menu", "app.cli") in found
    # What is allowed stays allowed.
    assert not any(module == "app.ui" for module, _ in found)
    assert ("sync_server", "app.core.protocol") not in found


def test_the_cycle_and_length_checks_can_fail(tmp_path: Path) -> None:
    files = {
        "app/__init__.py": "",
        "app/pkg/__init__.py": "from app.pkg.part import thing\n",
        "app/pkg/part.py": "from app.pkg import other\nthing = 1\n",
        "app/pkg/other.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from app.pkg import part\n",
        "app/pkg/long.py": "x = 1\n" * 501,
    }
    for name, body in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(body)
    # __init__ -> part -> the package (for "other", a submodule: no loop); other's import of
    # part is for types only.
    assert import_cycles(tmp_path) == []
    (tmp_path / "app/pkg/part.py").write_text("from app.pkg import VALUE\nthing = 1\n")
    assert import_cycles(tmp_path) == [["app.pkg", "app.pkg.part"]]
    assert long_modules(tmp_path) == ["app/pkg/long.py: 501 lines"]
