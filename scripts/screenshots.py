"""Render the main views of the real app at real screen sizes, light and dark, into
docs/screenshots/.

For each screen size (1366×768, the smallest common laptop screen, and 1440×900) the script
starts a virtual X server of exactly that size (Xvfb) and runs the real app in it, so the
window opens at the size it chooses for that screen, as it would for a user on their first
start. The app runs on a throwaway store seeded with the example prompts, a six-variable
prompt, versions on two branches with labels, a context folder indexed by the real embedder,
runs recorded with the built-in model and a comparison in three panes; then each view is
grabbed as a PNG named ``<theme>-<view>-<width>x<height>.png``.

Run: ``.venv/bin/python scripts/screenshots.py`` (a few minutes; it needs the packaged models
and Debian's ``xvfb``). ``--sizes 1366x768`` limits the sizes.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZES = ("1366x768", "1440x900")
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--one", help=argparse.SUPPRESS)  # the child: one size, in its X server
    args = parser.parse_args()
    if args.one:
        return shoot_all(args.one)
    if shutil.which("Xvfb") is None:
        print("Xvfb is needed (Debian: apt-get install xvfb)", file=sys.stderr)
        return 2
    for number, size in enumerate(args.sizes.split(","), start=90):
        display = f":{number}"
        server = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(1.0)
            env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
            done = subprocess.run([sys.executable, __file__, "--one", size], env=env, check=False)
            if done.returncode:
                return done.returncode
        finally:
            server.terminate()
            server.wait()
    return 0


# --- the child: one screen size ---------------------------------------------------------


def wait(app: object, condition: object, timeout: float = 180.0) -> None:
    end = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        app.processEvents()  # type: ignore[attr-defined]
        if time.monotonic() > end:
            raise TimeoutError("the view did not get ready in time")
        time.sleep(0.02)


def settle(app: object, seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


CAMPAIGN = (
    "Write a {{ length }}-word launch email for {{ product }}, aimed at {{ audience }}.\n"
    "Tone: {{ tone }}.{% if include_discount %} Mention a {{ discount }}% launch discount."
    "{% endif %}"
)


def seed(home: Path) -> object:
    from app.core.prompt import PromptContent
    from app.core.variables import VariableSpec, VariableType
    from app.runners.local.models import ensure_default_model
    from app.storage.key_file import KeyMode
    from app.storage.library import Library
    from app.storage.paths import StorePaths
    from app.storage.store import Store
    from app.ui.startup.examples import seed_examples

    paths = StorePaths(home)
    ensure_default_model(home / "models")
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        library = Library(store, author="ann")
        seed_examples(library)
        library.create(
            PromptContent(
                name="launch-email",
                title="Launch email",
                description="A short product launch email.",
                body=CAMPAIGN,
                system="You write clear, friendly marketing emails.",
                tags=("email", "marketing"),
                folder="Marketing",
                variables=(
                    VariableSpec("product", VariableType.TEXT, default="Kettle Pro"),
                    VariableSpec("audience", VariableType.TEXT, default="busy parents"),
                    VariableSpec(
                        "tone",
                        VariableType.CHOICE,
                        default="warm",
                        choices=("warm", "playful", "formal"),
                    ),
                    VariableSpec("length", VariableType.INTEGER, default=80, minimum=30),
                    VariableSpec("include_discount", VariableType.BOOLEAN, default=True),
                    VariableSpec("discount", VariableType.NUMBER, default=15.0, maximum=50),
                ),
            )
        )
        library.commit("launch-email", "First draft")
        library.edit(
            "launch-email",
            lambda c: dataclasses.replace(c, body=c.body.replace("launch email", "launch email")),
        )
        library.create_branch("launch-email", "shorter")
        library.checkout("launch-email", "shorter")
        library.edit(
            "launch-email",
            lambda c: dataclasses.replace(c, body=c.body.replace("{{ length }}-word", "short")),
        )
        library.commit("launch-email", "Shorter: no word count")
        library.checkout("launch-email", "main")
        library.edit(
            "launch-email",
            lambda c: dataclasses.replace(c, system=c.system + " Never use exclamation marks."),
        )
        library.commit("launch-email", "No exclamation marks")
        library.set_label("launch-email", "staging", "main")
        library.set_label("launch-email", "production", "main", protect=True)
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


def shoot_all(size: str) -> int:
    from app.runners.prompt_runs import PromptRun
    from app.storage.store import Store
    from app.ui.launch import open_main_window
    from app.ui.qt import QApplication, QWidget
    from app.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)

    def shoot(window: QWidget, theme: str, view: str) -> None:
        OUT.mkdir(parents=True, exist_ok=True)
        name = f"{theme}-{view}-{size}.png"
        window.grab().save(str(OUT / name))
        print(f"wrote docs/screenshots/{name}")

    with tempfile.TemporaryDirectory(prefix="promptdesk-shots-") as tmp:
        paths = seed(Path(tmp) / "home")
        store = Store.open(paths)  # type: ignore[arg-type]
        window = open_main_window(paths, store)  # type: ignore[arg-type]
        window.show()
        bench = window.workbench
        settle(app, 1.0)
        window.open_prompt("launch-email")
        tab = window.current_tab()
        wait(app, lambda: len(tab.form.variables()) == 6)
        sources = window.context.sources
        wait(app, lambda: sources.service is not None)
        sources.add_source(Path(tmp) / "handbook")
        wait(
            app,
            lambda: sources.table.rowCount() == 1 and "ready" in sources.table.item(0, 1).text(),
        )
        params = {"max_tokens": 120, "temperature": 0.2}
        for values in ({}, {"audience": "students"}):
            window.run_panel.start(
                PromptRun("launch-email", {**tab.values(), **values}, params=params)
            )
            wait(app, lambda: not window.run_panel.is_running(), timeout=300)
        # Three panes: the built-in model on main, on the shorter branch, and cooler.
        compare = window.compare
        compare.set_column_count(3)
        settle(app, 1.0)
        wait(app, lambda: all(c.model_picker.is_loaded() for c in compare.columns()))
        wait(app, lambda: compare.columns()[1].version.findData("shorter") >= 0)
        compare.columns()[1].set_ref("shorter")
        compare.columns()[2].params_panel.set_overrides({"temperature": 0.0})
        compare.params_panel.set_overrides({"max_tokens": 90})
        compare.start_columns(PromptRun("launch-email", tab.values()))
        wait(app, lambda: not compare.is_running(), timeout=300)
        settle(app, 1.0)
        for theme in ("light", "dark"):
            apply_theme(theme)
            settle(app, 0.8)
            window.show_run()
            settle(app)
            shoot(window, theme, "editor-and-run")
            window.show_compare()
            settle(app)
            shoot(window, theme, "compare")
            window.show_versions()
            settle(app, 1.0)
            item = window.versions.history.topLevelItem(0)
            if item is not None:
                window.versions.history.clearSelection()
                item.setSelected(True)
            settle(app, 1.0)
            shoot(window, theme, "versions")
            window.show_history()
            window.history.refresh()
            settle(app, 1.5)
            shoot(window, theme, "history")
            window.show_context()
            window.context.search.query.setText("refund for a damaged parcel")
            settle(app, 2.0)
            results = window.context.search.results
            if results.count():
                results.setCurrentRow(0)
            settle(app, 1.0)
            shoot(window, theme, "context")
        window.close()
        bench.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
