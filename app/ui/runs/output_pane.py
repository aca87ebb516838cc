"""Where a run's answer appears: rendered Markdown or raw text, a Copy button, inline errors.

:class:`OutputPane` keeps the answer as plain text and shows it either rendered as Markdown
(``QTextBrowser.setMarkdown``) or as it came. Text is appended as it streams in (Markdown is
re-rendered whole, and less often when rendering gets slow); a reader who scrolled up stays
where they are, one at the bottom follows the stream. A failed run shows its message in an
error-styled line above the text, saying what to do.
"""

from __future__ import annotations

import time
from typing import Any

from app.ui.qt import (
    QButtonGroup,
    QGuiApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QTextBrowser,
    QTextCursor,
    QTimer,
    QToolButton,
    QUrl,
    QVBoxLayout,
    QWidget,
)

# While Markdown streams in, re-render at most once per this many render times: a long answer
# that takes 10 ms to lay out is redrawn every 40 ms, leaving the UI thread free in between.
RENDER_SHARE = 4

# A fallback look for the error line; an application style sheet may restyle [role="error"].
ERROR_STYLE = (
    "QLabel[role='error'] { color: #8a1c1c; background: #fdecea; border: 1px solid #f1b0ab;"
    " border-radius: 4px; padding: 6px; }"
)


class AnswerView(QTextBrowser):
    """A text browser that never follows links or loads what the answer refers to.

    A model's Markdown may name images or files (``![](file:///...)``); nothing of the kind is
    read from disk or the network, and clicking a link does not navigate away from the answer.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        return None


class OutputPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outputPane")
        self._text = ""
        self._render_ms = 0.0  # how long the last full render took
        self._rendered_at = 0.0
        self._rerender = QTimer(self)
        self._rerender.setSingleShot(True)
        self._rerender.timeout.connect(self._render)
        self._error = QLabel(self)
        self._error.setObjectName("runError")
        self._error.setAccessibleName(self.tr("Run error"))
        self._error.setProperty("role", "error")
        self._error.setStyleSheet(ERROR_STYLE)
        self._error.setTextFormat(Qt.TextFormat.PlainText)
        self._error.setWordWrap(True)
        self._error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._error.hide()
        self._view = AnswerView(self)
        self._view.setObjectName("outputView")
        self._view.setAccessibleName(self.tr("Output"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._toolbar())
        layout.addWidget(self._error)
        layout.addWidget(self._view, 1)

    def _toolbar(self) -> QHBoxLayout:
        self._markdown = self._toggle("markdownToggle", self.tr("Markdown"))
        self._raw = self._toggle("rawToggle", self.tr("Raw"))
        self._markdown.setToolTip(self.tr("Show the answer rendered as Markdown"))
        self._raw.setToolTip(self.tr("Show the answer exactly as the model wrote it"))
        self._markdown.setChecked(True)
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self._markdown)
        group.addButton(self._raw)
        self._markdown.toggled.connect(self._render)
        self._copy = QPushButton(self.tr("Copy"), self)
        self._copy.setObjectName("copyOutput")
        self._copy.setAccessibleName(self.tr("Copy the answer"))
        self._copy.setToolTip(self.tr("Copy the answer as plain text"))
        self._copy.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(self._markdown)
        row.addWidget(self._raw)
        row.addStretch(1)
        row.addWidget(self._copy)
        return row

    def _toggle(self, name: str, label: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setAccessibleName(label)
        button.setText(label)
        button.setCheckable(True)
        return button

    # -- text --------------------------------------------------------------------------------

    def text(self) -> str:
        return self._text

    def is_markdown(self) -> bool:
        return self._markdown.isChecked()

    def set_markdown(self, markdown: bool) -> None:
        (self._markdown if markdown else self._raw).setChecked(True)

    def clear(self) -> None:
        self._text = ""
        self._rerender.stop()
        self.clear_error()
        self._view.clear()

    def set_text(self, text: str) -> None:
        """Show exactly ``text`` now (a run's final answer)."""
        if text != self._text or self._rerender.isActive():
            self._text = text
            self._render()

    def append(self, text: str) -> None:
        self._text += text
        if self.is_markdown():
            self._render_soon()  # re-rendered whole: a later line can change an earlier one
            return
        bar = self._view.verticalScrollBar()
        following = bar.value() >= bar.maximum()
        cursor = QTextCursor(self._view.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text)
        if following:
            bar.setValue(bar.maximum())

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self._text)

    def _render_soon(self) -> None:
        """Render now, or later if rendering is slow (a long answer): the UI thread stays free."""
        if self._rerender.isActive():
            return
        since_ms = (time.perf_counter() - self._rendered_at) * 1000
        wait_ms = int(RENDER_SHARE * self._render_ms - since_ms)
        if wait_ms <= 0:
            self._render()
        else:
            self._rerender.start(wait_ms)

    def _render(self, *_: object) -> None:
        self._rerender.stop()
        started = time.perf_counter()
        bar = self._view.verticalScrollBar()
        following = bar.value() >= bar.maximum()
        position = bar.value()
        if self.is_markdown():
            self._view.setMarkdown(self._text)
        else:
            self._view.setPlainText(self._text)
        bar.setValue(bar.maximum() if following else position)
        self._rendered_at = time.perf_counter()
        self._render_ms = (self._rendered_at - started) * 1000

    # -- errors ------------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        self._error.setText(message)
        self._error.show()

    def clear_error(self) -> None:
        self._error.clear()
        self._error.hide()

    def error(self) -> str:
        return self._error.text() if not self._error.isHidden() else ""
