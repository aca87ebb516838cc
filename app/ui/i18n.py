"""The language of the interface: Qt translators for the app's strings and Qt's own.

English is the source language, but it is loaded as a translation too: Qt picks plural forms
("1 result", "2 results") from a translation file, so without it strings written as
``tr("%n result(s)", "", n)`` would show "(s)". The chosen language (``ui.language``; "system"
follows the OS) is loaded over it, with Qt's own translations for its standard buttons and
dialogs. A language with no translation file falls back to English.
"""

from __future__ import annotations

from pathlib import Path

from app.ui.qt import QApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
SOURCE_LANGUAGE = "en"

# Kept alive here: Qt holds translators by pointer, and Python would collect them.
_installed: list[QTranslator] = []
_current = [SOURCE_LANGUAGE]  # the language of what is installed


def available_languages() -> list[str]:
    """Language codes that have a compiled translation, English first."""
    found = sorted(p.stem.removeprefix("promptdesk_") for p in TRANSLATIONS.glob("promptdesk_*.qm"))
    return sorted(found, key=lambda code: code != SOURCE_LANGUAGE)


def resolve_language(choice: str) -> str:
    """``choice`` ("system" or a code) as a language the app has, else English."""
    wanted = choice
    if choice == "system":
        # The languages the user chose for the interface, not the region's number formats.
        preferred = QLocale.system().uiLanguages() or [QLocale.system().name()]
        wanted = preferred[0].replace("_", "-").split("-")[0]
    return wanted if wanted in available_languages() else SOURCE_LANGUAGE


def install_translators(choice: str = "system") -> str:
    """Load the translations for ``choice`` into the application; returns the language used.

    Call before building widgets: texts are translated when they are set.
    """
    app = QApplication.instance()
    if app is None:
        return SOURCE_LANGUAGE
    language = resolve_language(choice)
    if _installed and _current[0] == language:
        return language  # already loaded (start-up asks before and after unlocking)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    files = [TRANSLATIONS / f"promptdesk_{SOURCE_LANGUAGE}.qm"]
    if language != SOURCE_LANGUAGE:
        files.append(TRANSLATIONS / f"promptdesk_{language}.qm")
    for file in files:
        translator = QTranslator()
        if translator.load(str(file)):
            app.installTranslator(translator)
            _installed.append(translator)
    if language != SOURCE_LANGUAGE:
        qt = QTranslator()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(QLocale(language), "qtbase", "_", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
    _current[0] = language
    return language
