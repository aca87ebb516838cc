"""Render every main view of the real app, in light and dark, into docs/screenshots/.

Runs the real window offscreen on a throwaway store seeded with the example prompts, a few
committed versions, a context folder indexed by the real embedder, and runs recorded with the
built-in model, then grabs each view as a PNG. Run: ``.venv/bin/python scripts/screenshots.py``
(about a minute; it needs the packaged models, as the app does).
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.runners.local.models import ensure_default_model
from app.runners.prompt_runs import PromptRun
from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.store import Store
from app.ui.qt import QApplication, QWidget

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def wait(app: QApplication, condition: object, timeout: float = 120.0) -> None:
    end = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        app.processEvents()
        if time.monotonic() > end:
            raise TimeoutError("the view did not get ready in time")
        time.sleep(0.02)


def settle(app: QApplication, seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def seed(home: Path) -> StorePaths:
    from app.storage.library import Library
    from app.ui.startup.examples import seed_examples

    paths = StorePaths(home)
    ensure_default_model(home / "models")
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        library = Library(store)
        seed_examples(library)
        library.edit(
            "summarise",
            lambda c: dataclasses.replace(
                c, body=c.body.replace("bullet points", "short bullet points")
            ),
        )
        library.commit("summarise", "Shorter bullets")
    docs = home.parent / "handbook"
    docs.mkdir()
    (docs / "returns.md").write_text(
        "# Returns\n\nUnused items can be sent back within thirty days for a full refund. "
        "Refunds reach the original payment method within five business days.\n\n"
        "## Exchanges\n\nExchanges are free for a different size or colour.\n"
    )
    (docs / "shipping.md").write_text(
        "# Shipping\n\nParcels leave the warehouse within two business days. Express delivery "
        "arrives the next working day when ordered before noon.\n"
    )
    (docs / "warranty.txt").write_text(
        "Every appliance has a two-year warranty covering manufacturing defects.\n"
    )
    return paths


def shoot(window: QWidget, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(OUT / f"{name}.png"))
    print(f"wrote docs/screenshots/{name}.png")


def main() -> int:
    from app.ui.launch import open_main_window
    from app.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="promptdesk-shots-") as tmp:
        paths = seed(Path(tmp) / "home")
        store = Store.open(paths)
        window = open_main_window(paths, store)
        window.resize(1440, 900)
        window.show()
        bench = window.workbench
        window.open_prompt("support-reply")
        settle(app, 1.5)
        sources = window.context.sources
        wait(app, lambda: sources.service is not None)
        sources.add_source(Path(tmp) / "handbook")
        wait(
            app,
            lambda: sources.table.rowCount() == 1 and "ready" in sources.table.item(0, 1).text(),
        )
        tab = window.current_tab()
        values = {"customer": "Ann", "message": "My parcel arrived damaged. Can I get a refund?"}
        wait(app, lambda: bool(tab.form.variables()))
        tab.form.set_values(values)
        settle(app, 1.0)
        window.run_panel.start(
            PromptRun(
                "support-reply",
                {**tab.values(), **values},
                params={"max_tokens": 120, "temperature": 0.2},
            )
        )
        wait(app, lambda: not window.run_panel.is_running(), timeout=300)
        settle(app, 1.0)
        for theme in ("light", "dark"):
            apply_theme(theme)
            settle(app, 0.8)
            window.show_panel(0)
            settle(app)
            shoot(window, f"{theme}-editor-and-run")
            window.show_panel(2)
            window.versions.show_prompt("support-reply")
            settle(app, 1.0)
            if window.versions.history.count():
                window.versions.history.item(0).setSelected(True)
            settle(app, 1.0)
            shoot(window, f"{theme}-versions")
            window.show_panel(3)
            window.history.refresh()
            settle(app, 1.0)
            shoot(window, f"{theme}-history")
            window.show_panel(4)
            window.context.search.query.setText("refund for a damaged parcel")
            settle(app, 2.0)
            window.context.search.add.click()
            settle(app, 2.0)
            shoot(window, f"{theme}-context")
            window.open_palette()
            settle(app, 0.5)
            shoot(window, f"{theme}-palette")
            window._palette.close()
        window.close()
        bench.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
