"""The interface language: English plural forms, other languages from the setting, and
translation files that match the code.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.ui.i18n import available_languages, install_translators, resolve_language
from app.ui.qt import QCoreApplication, QLocale

ROOT = Path(__file__).resolve().parents[2]


def results(n: int) -> str:
    return QCoreApplication.translate("ContextSearchPanel", "%n result(s)", "", n)


def test_english_has_real_plural_forms() -> None:
    install_translators("en")
    assert results(1) == "1 result"
    assert results(3) == "3 results"
    matches = QCoreApplication.translate("FindBar", "%n match(es)", "", 2)
    assert matches == "2 matches"


@pytest.mark.parametrize(
    ("language", "file_menu", "one_result"),
    [
        ("de", "Datei", "1 Ergebnis"),
        ("es", "Archivo", "1 resultado"),
        ("fr", "Fichier", "1 résultat"),
    ],
)
def test_each_shipped_language_translates_the_window(
    qtbot: QtBot, workbench: Any, language: str, file_menu: str, one_result: str
) -> None:
    from app.ui.main_window import MainWindow

    assert language in available_languages()
    assert install_translators(language) == language
    assert results(1) == one_result
    window = MainWindow(workbench)
    qtbot.addWidget(window)
    menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert file_menu in menus


def test_a_language_without_a_translation_falls_back_to_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("ja_JP")))
    assert resolve_language("system") == "en"
    assert resolve_language("xx") == "en"
    assert install_translators("system") == "en"
    assert results(2) == "2 results"


def test_translation_files_match_the_code() -> None:
    """Every tr() string is in the translation sources and the compiled files are current
    (run ``scripts/translations.py`` after changing UI strings)."""
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    for ts_file in (ROOT / "app" / "ui" / "translations").glob("promptdesk_*.ts"):
        if ts_file.stem != "promptdesk_en":  # English needs only its plural forms
            assert 'type="unfinished"' not in ts_file.read_text(encoding="utf-8"), ts_file.name


def test_a_store_error_is_shown_in_the_users_language(qtbot: QtBot, paths: Any) -> None:
    from app.storage.errors import StoreNotFound
    from app.storage.key_file import KeyMode
    from app.storage.store import Store
    from app.ui.errors import describe
    from app.ui.qt import Qt
    from app.ui.startup.unlock import UnlockDialog

    Store.create(paths, KeyMode.PASSPHRASE, "correct horse battery").close()
    paths.key_file.write_text("{ not a key file")  # damaged after the dialog was opened
    assert install_translators("de") == "de"
    try:
        dialog = UnlockDialog(paths)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.passphrase, "correct horse battery")
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Die Schlüsseldatei" in dialog.message.text(), timeout=10_000)
        # The hint too, with the dialog's own button named as the dialog names it.
        assert "Wiederherstellungsschlüssel verwenden…" in dialog.message.text()
        # The details go into the translated text.
        assert describe(StoreNotFound(data_dir="/data/pd")).startswith(
            "In /data/pd gibt es keinen Promptdesk-Speicher."
        )
    finally:
        install_translators("en")


def test_the_sync_status_is_shown_in_the_users_language(qapp: Any) -> None:
    """The status bar's sync line, with its plural forms, in German (and back in English)."""
    from app.core.team import SyncStatus
    from app.sync.state import WorkspaceState
    from app.ui.team.status import describe

    offline = WorkspaceState("w1", "Team", "editor", SyncStatus.OFFLINE, pending=1)
    syncing = WorkspaceState("w1", "Team", "editor", SyncStatus.SYNCING, pending=3)
    assert install_translators("de") == "de"
    try:
        assert describe(offline) == "Offline – 1 lokale Änderung wartet"
        assert describe(syncing) == "3 Änderungen werden synchronisiert"
    finally:
        install_translators("en")
    assert describe(offline) == "Offline — 1 local change waiting"
    assert describe(syncing) == "Syncing 3 changes"
