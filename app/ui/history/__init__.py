"""Run history: past runs filtered, summed and charted, each one open in full and re-runnable."""

from app.ui.history.view import HistoryView

__all__ = ["HistoryView"]
