"""High-DPI icons: every action's icon is drawn from its SVG at the exact device pixels of the
screen (sharp at 1x, 1.5x, 2x), in the theme's text colour."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.ui.icons import app_icon, icon, names
from app.ui.qt import QApplication, QColor, QIcon, QImage, QPalette, QSize


def ink(image: QImage) -> set[str]:
    """The opaque colours an icon drew with."""
    found = set()
    for x in range(image.width()):
        for y in range(image.height()):
            colour = image.pixelColor(x, y)
            if colour.alpha() == 255:
                found.add(colour.name())
    return found


@pytest.mark.parametrize("ratio", [1.0, 1.5, 2.0, 3.0])
def test_icons_render_at_the_screens_own_pixels(ratio: float) -> None:
    for name in names():
        pixmap = icon(name).pixmap(QSize(24, 24), ratio)
        assert pixmap.size() == QSize(round(24 * ratio), round(24 * ratio)), name
        assert pixmap.devicePixelRatio() == ratio
        assert ink(pixmap.toImage()), f"{name} drew nothing"


def test_icons_follow_the_theme_colour_and_show_disabled() -> None:
    palette = QApplication.palette()
    try:
        changed = QPalette(palette)
        changed.setColor(QPalette.ColorRole.Text, QColor("#ff0000"))
        changed.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#00ff00"))
        QApplication.setPalette(changed)
        run = icon("run")
        assert ink(run.pixmap(QSize(32, 32)).toImage()) == {"#ff0000"}
        disabled = run.pixmap(QSize(32, 32), QIcon.Mode.Disabled)
        assert ink(disabled.toImage()) == {"#00ff00"}
    finally:
        QApplication.setPalette(palette)


def test_the_app_icon_keeps_its_own_colours() -> None:
    image = app_icon().pixmap(QSize(64, 64)).toImage()
    assert image.pixelColor(32, 8).blue() > 200  # the blue tile
    assert image.size() == QSize(64, 64)


def test_every_toolbar_and_menu_icon_exists(qtbot: QtBot, workbench: Any) -> None:
    from app.ui.main_window import MainWindow

    window = MainWindow(workbench)
    qtbot.addWidget(window)
    for action in window.toolbar.actions():
        if not action.isSeparator():
            assert not action.icon().isNull(), action.text()
            assert action.toolTip(), action.text()
    assert not window.actions_by_id["stop"].isEnabled()  # nothing is running
