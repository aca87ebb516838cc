"""The one place the UI imports Qt from (qutebrowser's ``qt/`` shim, in small)."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget

__all__ = [
    "QApplication",
    "QCoreApplication",
    "QLabel",
    "QMainWindow",
    "QVBoxLayout",
    "QWidget",
    "Qt",
]
