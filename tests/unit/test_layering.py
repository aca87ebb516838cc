"""The dependency rule of docs/architecture.md, as a test (issue 2, A7).

``ui``, ``cli`` and ``sync_server`` -> services (``storage``, ``runners``, ``retrieval``,
``sync``, ``tasks``) -> ``core``. Concretely:

- ``app.core`` imports no Qt, no SQL and no network library, and no other part of ``app``;
- nothing outside ``app.ui`` imports PySide6 (or shiboken6, or qasync, which drives Qt's loop);
- no service imports ``app.ui`` or ``app.cli``;
- ``sync_server`` imports nothing from ``app`` but ``app.core.protocol``.

Every ``import`` statement counts, including the lazy ones inside functions: a heavy or
forbidden import hidden in a function is still a dependency. The checker is also run on a small
tree with violations in it, so the test is known to be able to fail.
"""

from __future__ import annotations

import ast
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
SERVICES = ("app.storage", "app.runners", "app.retrieval", "app.sync", "app.tasks")


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
    if _within(module, SERVICES) and _within(imported, ("app.ui", "app.cli")):
        return "services never import the UI or the CLI"
    if (
        _within(module, ("sync_server",))
        and _within(imported, ("app",))
        and not _within(imported, ("app.core.protocol",))
    ):
        return "sync_server imports only app.core.protocol from app"
    return None


def violations(root: Path, packages: tuple[str, ...] = ("app", "sync_server")) -> list[Violation]:
    found = []
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            module = module_name(root, path)
            for imported in sorted(imports_of(path, module)):
                rule = rule_broken(module, imported)
                if rule:
                    found.append(Violation(module, imported, rule))
    return found


def test_the_code_base_keeps_the_layering_rule() -> None:
    assert [str(v) for v in violations(REPO)] == []


def test_the_checker_catches_each_kind_of_violation(tmp_path: Path) -> None:
    files = {
        "app/__init__.py": "",
        "app/core/__init__.py": "",
        "app/core/render.py": "import sqlalchemy\nfrom PySide6 import QtCore\n",
        "app/core/lazy.py": "def f():\n    import httpx\n    from ..storage import store\n",
        "app/storage/__init__.py": "",
        "app/storage/store.py": "from app.ui.qt import QLabel\n",
        "app/cli/__init__.py": "import qasync\n",
        "app/ui/__init__.py": "from PySide6.QtWidgets import QLabel\n",
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
    # What is allowed stays allowed.
    assert not any(module == "app.ui" for module, _ in found)
    assert ("sync_server", "app.core.protocol") not in found
