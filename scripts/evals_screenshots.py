"""Screenshots of evaluations in the real app: a prompt's Tests tab, an eval run's matrix with a
cell's output and reasons, a run-vs-run comparison, and an A/B verdict, into docs/screenshots/.

The real main window opens in a virtual X server (Xvfb, 1440×900) over a throwaway store with a
support-reply prompt: four test cases with their assertions, two committed versions labelled
``baseline`` and ``candidate``. Everything runs on the built-in local model (SmolLM2, offline):
the matrix of both versions × three repeats, the working copy's tests before and after an
edit (compared), and an A/B test of the two versions with five repeats a side. Then each view
is grabbed, in the light theme and the matrix in the dark one too.

Run: ``.venv/bin/python scripts/evals_screenshots.py`` (two or three minutes; needs Debian's
``xvfb`` and the packaged model).
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZE = (1440, 900)
sys.path.insert(0, str(ROOT))

BODY = (
    "Write a reply to {{ customer }}, who wrote: “{{ issue }}”.\n"
    "Be warm and concrete: say what happens next."
)
SYSTEM = "You are a support agent for an online shop. Answer in at most three sentences."


def main() -> int:
    if "--child" in sys.argv:
        return shoot_all()
    if shutil.which("Xvfb") is None:
        print("Xvfb is needed (Debian: apt-get install xvfb)", file=sys.stderr)
        return 2
    display = ":94"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        child = [sys.executable, __file__, "--child"]
        return subprocess.run(child, env=env, check=False).returncode
    finally:
        server.terminate()
        server.wait()


def wait(app: Any, condition: Any, timeout: float = 300.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        app.processEvents()
        if time.monotonic() > end:
            raise TimeoutError("the view did not get ready in time")
        time.sleep(0.02)


def settle(app: Any, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def cases() -> tuple[Any, ...]:
    from app.core.evals.cases import Assertion, TestCase

    def case(number: int, title: str, issue: str, *checks: Assertion) -> TestCase:
        return TestCase(
            id=f"c{number:08d}",
            description=title,
            vars={"customer": "Ann Smith", "issue": issue},
            assertions=checks,
        )

    short = Assertion("word-count", {"max": 70})
    return (
        case(
            1,
            "Late parcel: offers a refund",
            "My parcel arrived two weeks late.",
            Assertion("icontains", "refund"),
            short,
        ),
        case(
            2,
            "Broken vase: apologises",
            "The vase I ordered arrived in pieces.",
            Assertion("icontains-any", ["sorry", "apolog"]),
            short,
        ),
        case(
            3,
            "Wrong size: offers an exchange",
            "The shoes are one size too small.",
            Assertion("icontains", "exchange"),
            Assertion("contains", "Ann"),
        ),
        case(
            4,
            "A thank-you needs no refund",
            "Just wanted to say thanks, the tea set is lovely!",
            Assertion("icontains", "refund", negate=True),
            short,
        ),
    )


def seed(home: Path) -> Any:
    from app.core.prompt import PromptContent
    from app.core.variables import VariableSpec
    from app.runners.local.models import ensure_default_model
    from app.storage.key_file import KeyMode
    from app.storage.library import Library
    from app.storage.paths import StorePaths
    from app.storage.store import Store

    paths = StorePaths(home)
    ensure_default_model(home / "models")
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        library = Library(store, author="ann")
        content = PromptContent(
            name="support-reply",
            title="Support reply",
            body=BODY,
            system=SYSTEM,
            variables=(VariableSpec("customer"), VariableSpec("issue")),
            tests=cases(),
        )
        library.create(content)
        library.edit(
            "support-reply",
            lambda c: dataclasses.replace(
                c, settings=dataclasses.replace(c.settings, max_tokens=60, temperature=0.7)
            ),
        )
        library.commit("support-reply", "First reply template")
        library.set_label("support-reply", "baseline", "main")
        library.edit(
            "support-reply",
            lambda c: dataclasses.replace(
                c,
                system=SYSTEM + " Start with an apology when something went wrong, and offer "
                "a refund or an exchange.",
            ),
        )
        library.commit("support-reply", "Apologise first; offer a refund or an exchange")
        library.set_label("support-reply", "candidate", "main")
    return paths


def shoot_all() -> int:
    from app.core.evals.results import WORKING, EvalSpec
    from app.runners.local.models import DEFAULT_MODEL_ID
    from app.storage.store import Store
    from app.ui.launch import open_main_window
    from app.ui.qt import QApplication, Qt, QWidget
    from app.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv)

    def shoot(widget: QWidget, name: str) -> None:
        OUT.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(OUT / name))
        print(f"wrote docs/screenshots/{name}")

    with tempfile.TemporaryDirectory(prefix="promptdesk-evals-shots-") as tmp:
        paths = seed(Path(tmp) / "home")
        store = Store.open(paths)
        window = open_main_window(paths, store)
        window.show()
        bench = window.workbench
        settle(app, 1.0)
        window.open_prompt("support-reply")
        tab = window.current_tab()
        wait(app, lambda: len(tab.tests.cases()) == 4)
        tab.form.set_values({"customer": "Ann Smith", "issue": "My parcel arrived two weeks late."})
        # The panels get the room a user gives them when evaluating.
        window.resizeDocks([window.panels_dock], [430], Qt.Orientation.Vertical)
        view = window.evals_view

        def run(spec: EvalSpec) -> str:
            assert view.start(spec)
            wait(app, lambda: not view.is_running())
            settle(app, 1.0)
            return view._selected

        # The working copy's tests, then an edit that drops the apology, then again: compared.
        before = run(
            EvalSpec(prompt="support-reply", refs=(WORKING,), models=(DEFAULT_MODEL_ID,), repeats=2)
        )
        bench.library.edit(
            "support-reply", lambda c: dataclasses.replace(c, system=SYSTEM + " Be brief.")
        )
        run(
            EvalSpec(prompt="support-reply", refs=(WORKING,), models=(DEFAULT_MODEL_ID,), repeats=2)
        )
        view.compare_with(before)
        wait(app, lambda: view.comparison.comparison is not None)
        window.show_evals()
        settle(app, 1.0)
        shoot(window, "evals-comparison-1440x900.png")

        # The A/B test of the two versions.
        run(
            EvalSpec(
                prompt="support-reply",
                refs=("baseline", "candidate"),
                models=(DEFAULT_MODEL_ID,),
                repeats=5,
                kind="ab",
            )
        )
        view.side.setCurrentWidget(view.ab_panel)
        settle(app, 1.0)
        shoot(window, "evals-ab-verdict-1440x900.png")

        # The matrix: both versions × three repeats, a cell clicked for its output and reasons.
        run(
            EvalSpec(
                prompt="support-reply",
                refs=("baseline", "candidate"),
                models=(DEFAULT_MODEL_ID,),
                repeats=3,
            )
        )
        index = view.matrix_model.index(0, 1)
        view.matrix.setCurrentIndex(index)
        view.matrix.clicked.emit(index)
        settle(app, 1.0)
        shoot(window, "evals-matrix-1440x900.png")
        apply_theme("dark")
        settle(app, 1.0)
        shoot(window, "evals-matrix-dark-1440x900.png")
        apply_theme("light")

        # The Tests tab, a case with its assertions, the editor given the room back.
        window.resizeDocks([window.panels_dock], [240], Qt.Orientation.Vertical)
        tab.editor_tabs.setCurrentIndex(tab.editor_tabs.count() - 1)
        settle(app, 1.0)
        shoot(window, "evals-tests-tab-1440x900.png")
        window.close()
        bench.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
