"""Colours for the editor package, chosen from the palette so light and dark themes both work.

Syntax colours, error and warning tints are not fixed hex values: each has a light-theme and a
dark-theme variant and :func:`is_dark` picks by the lightness of the palette's base colour, the
background text is drawn on. Tints are the accent colour at low alpha over whatever the base is.
"""

from __future__ import annotations

from app.ui.qt import QColor, QPalette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def pick(palette: QPalette, light: str, dark: str) -> QColor:
    return QColor(dark if is_dark(palette) else light)


def tint(color: QColor, alpha: int) -> QColor:
    tinted = QColor(color)
    tinted.setAlpha(alpha)
    return tinted


def error_color(palette: QPalette) -> QColor:
    return pick(palette, "#c62828", "#ff7b72")


def warning_color(palette: QPalette) -> QColor:
    return pick(palette, "#b26a00", "#e3b341")


def muted_color(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.PlaceholderText)


def css(color: QColor) -> str:
    """``rgba(...)`` for style sheets (``QColor.name()`` would drop the alpha)."""
    return f"rgba({color.red()}, {color.green()}, {color.blue()}, {color.alpha()})"


def banner_style(palette: QPalette, accent: QColor) -> str:
    """A rounded, tinted message box in ``accent``: used for errors and warnings."""
    return (
        f"color: {css(accent)}; background: {css(tint(accent, 28))};"
        f" border: 1px solid {css(tint(accent, 110))}; border-radius: 6px; padding: 6px 8px;"
    )


def secondary(palette: QPalette) -> str:
    """Text that says less than the text around it, still easy to read (about 7:1 on white;
    the theme's muted colour, for hints, is too faint for facts)."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    mixed = QColor(
        round(text.red() * 0.62 + base.red() * 0.38),
        round(text.green() * 0.62 + base.green() * 0.38),
        round(text.blue() * 0.62 + base.blue() * 0.38),
    )
    return css(mixed)
