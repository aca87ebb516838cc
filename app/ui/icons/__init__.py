"""The app's icons: SVG line icons drawn in the theme's text colour, sharp at any scale.

Each ``<name>.svg`` here is a 24-unit line drawing in ``currentColor``. :func:`icon` returns a
QIcon whose engine renders the SVG at exactly the device pixels asked for (so a 2x or 1.5x
screen gets a sharp icon, not a scaled bitmap) in the palette's colour at paint time (so a
theme switch recolours every icon with nothing to rebuild); disabled icons use the disabled
text colour. Rendered pixmaps are cached per size, ratio and colour.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from app.ui.qt import (
    QApplication,
    QBuffer,
    QByteArray,
    QIcon,
    QIconEngine,
    QImageReader,
    QPainter,
    QPalette,
    QPixmap,
    QRect,
    QSize,
)

ICONS = Path(__file__).resolve().parent


@cache
def _svg(name: str) -> str:
    return (ICONS / f"{name}.svg").read_text(encoding="utf-8")


def _render(svg: str, size: QSize) -> QPixmap:
    data = QByteArray(svg.encode())
    buffer = QBuffer(data)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(size)
    return QPixmap.fromImage(reader.read())


class SvgIconEngine(QIconEngine):
    def __init__(self, name: str, coloured: bool = True) -> None:
        super().__init__()
        self.name = name
        self.coloured = coloured  # False: the SVG has its own colours (the app icon)
        self._cache: dict[tuple[int, int, float, str], QPixmap] = {}
        self._exists = (ICONS / f"{name}.svg").exists()

    def _colour(self, mode: QIcon.Mode) -> str:
        palette = QApplication.palette()
        if mode == QIcon.Mode.Disabled:
            colour = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        elif mode == QIcon.Mode.Selected:
            colour = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            colour = palette.color(QPalette.ColorRole.Text)
        return str(colour.name())

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        colour = self._colour(mode) if self.coloured else ""
        width = max(1, round(size.width() * scale))
        height = max(1, round(size.height() * scale))
        key = (width, height, scale, colour)
        found = self._cache.get(key)
        if found is None:
            svg = _svg(self.name)
            if colour:
                svg = svg.replace("currentColor", colour)
            found = _render(svg, QSize(width, height))
            found.setDevicePixelRatio(scale)
            self._cache[key] = found
        return found

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = self.scaledPixmap(rect.size(), mode, state, scale)
        painter.drawPixmap(rect, pixmap)

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self.name, self.coloured)

    def isNull(self) -> bool:
        return not self._exists

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        # Scalable; these are what platform code (window and dock icons) may ask for.
        return [QSize(n, n) for n in (16, 24, 32, 48, 64, 128, 256)]

    def key(self) -> str:
        return "promptdesk-svg"


def icon(name: str) -> QIcon:
    """The line icon ``name`` (a file ``<name>.svg`` here) in the current theme's colours."""
    return QIcon(SvgIconEngine(name))


def app_icon() -> QIcon:
    """The application's own icon, in its own colours."""
    return QIcon(SvgIconEngine("promptdesk", coloured=False))


def names() -> list[str]:
    return sorted(p.stem for p in ICONS.glob("*.svg"))
