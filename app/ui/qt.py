"""The one place the UI imports Qt from (qutebrowser's ``qt/`` shim).

Everything from QtCore, QtGui and QtWidgets is re-exported, so UI modules write
``from app.ui.qt import QWidget, Signal`` and never name PySide6; the layering test checks
that nothing outside ``app.ui`` imports Qt at all. Optional modules (QtCharts) are imported
where they are used, through :func:`charts`.
"""

# ruff: noqa: F403
from types import ModuleType

from PySide6.QtCore import *
from PySide6.QtGui import *
from PySide6.QtWidgets import *


def charts() -> ModuleType:
    """QtCharts, loaded when a chart is first shown (it is not needed to start the app)."""
    from PySide6 import QtCharts

    return QtCharts
