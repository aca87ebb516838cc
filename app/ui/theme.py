"""Light and dark themes on Qt's Fusion style, or the system's own look.

"system" follows the platform (Qt 6.5+ reports the colour scheme); "light" and "dark" set a
Fusion palette with a restrained accent, so the app looks the same on every platform when the
user picks one. A small style sheet rounds inputs and gives panels breathing room; it leaves
spin and combo boxes alone (a style sheet on them replaces Fusion's arrows with crude ones).
"""

from __future__ import annotations

from pathlib import Path

from app.ui.qt import QApplication, QColor, QPalette, QStyleFactory, Qt

ACCENT = QColor(64, 120, 242)
STYLE = """
QLineEdit, QPlainTextEdit, QTextEdit { border-radius: 5px; padding: 3px 6px; }
QPushButton { border-radius: 5px; padding: 5px 12px; }
QTabBar::tab { padding: 6px 14px; }
QDockWidget::title { padding: 6px; }
QTabBar::close-button { image: url("%CLOSE%"); subcontrol-position: right; margin: 2px; }
QTabBar::close-button:hover { background: rgba(128, 128, 128, 0.25); border-radius: 3px; }
QToolBar { border: none; spacing: 2px; padding: 2px 6px; }
QToolButton { border-radius: 5px; padding: 4px; }
QToolButton:hover { background: rgba(128, 128, 128, 0.18); }
QPushButton#runButton, QPushButton#compareButton {
    background: palette(highlight); color: palette(highlighted-text); font-weight: 600;
    border: none; padding: 5px 16px;
}
QPushButton#runButton:disabled, QPushButton#compareButton:disabled {
    background: palette(mid); color: palette(base);
}
"""


def _palette(dark: bool) -> QPalette:
    palette = QPalette()
    if dark:
        base, window, text = QColor(30, 31, 34), QColor(43, 45, 48), QColor(223, 225, 229)
        alt, button, mid = QColor(37, 38, 41), QColor(53, 55, 59), QColor(90, 93, 99)
    else:
        base, window, text = QColor(255, 255, 255), QColor(246, 247, 249), QColor(28, 30, 33)
        alt, button, mid = QColor(240, 242, 245), QColor(250, 251, 252), QColor(200, 204, 210)
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, window),
        (role.WindowText, text),
        (role.Base, base),
        (role.AlternateBase, alt),
        (role.Text, text),
        (role.Button, button),
        (role.ButtonText, text),
        (role.ToolTipBase, window),
        (role.ToolTipText, text),
        (role.PlaceholderText, mid),
        (role.Mid, mid),
        (role.Highlight, ACCENT),
        (role.HighlightedText, QColor(255, 255, 255)),
        (role.Link, ACCENT.lighter(130) if dark else ACCENT),
    ):
        palette.setColor(r, colour)
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, mid)
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, mid)
    return palette


def apply_theme(choice: str) -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    app.setStyle(QStyleFactory.create("Fusion"))
    if choice == "system":
        dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    else:
        dark = choice == "dark"
    app.setPalette(_palette(dark))
    close = (Path(__file__).resolve().parent / "icons" / "close.svg").as_posix()
    app.setStyleSheet(STYLE.replace("%CLOSE%", close))


def is_dark() -> bool:
    app = QApplication.instance()
    return (
        isinstance(app, QApplication)
        and app.palette().color(QPalette.ColorRole.Base).lightness() < 128
    )
