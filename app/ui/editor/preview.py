"""The live preview: the prompt as the model will receive it, with its size in tokens.

:class:`PromptPreview` renders off the UI thread (a task keyed per preview, so when the user
types faster than renders finish only the newest result is shown) after typing pauses for
:data:`DEBOUNCE_MS`. It shows the rendered system and user messages read-only, and a token count
that says whether it is exact (tiktoken, for OpenAI-family models) or an estimate. A render that
fails (a required variable without a value, a template syntax error, an include that does not
exist) replaces neither text: the last good preview stays, greyed out, under the error.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core.prompt import PromptContent
from app.core.rendering import PromptLookup, RenderedPrompt, TemplateError, render_prompt
from app.runners.tokens import TokenCount, count_tokens
from app.ui.editor.colors import banner_style, css, error_color, muted_color
from app.ui.qt import (
    QFont,
    QFontDatabase,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.weak import Lifetime

DEBOUNCE_MS = 150


@dataclass(frozen=True)
class PreviewResult:
    rendered: RenderedPrompt
    tokens: TokenCount


def render_preview(
    content: PromptContent, values: Mapping[str, Any], lookup: PromptLookup
) -> PreviewResult:
    """Render and count (runs on a background thread: it may read included prompts)."""
    rendered = render_prompt(content, values, lookup)
    text = "\n\n".join(part for part in (rendered.system, rendered.user) if part)
    return PreviewResult(rendered, count_tokens(text, content.settings.model))


class PromptPreview(QWidget):
    rendered = Signal()
    render_failed = Signal(str)

    def __init__(self, workbench: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptPreview")
        self.workbench = workbench
        self._lifetime = Lifetime(self)
        self._error_text = ""
        self._pending: tuple[PromptContent, dict[str, Any]] | None = None
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.render_now)
        self._build()

    def _build(self) -> None:
        title = QLabel(self.tr("Preview"))
        title.setObjectName("previewTitle")
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        self.tokens = QLabel()
        self.tokens.setObjectName("previewTokens")
        self.tokens.setAccessibleName(self.tr("Token count"))
        self.tokens.setStyleSheet(f"color: {css(muted_color(self.palette()))};")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.tokens)

        self.error = QLabel()
        self.error.setObjectName("previewError")
        self.error.setAccessibleName(self.tr("Render error"))
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet(
            f"QLabel {{ {banner_style(self.palette(), error_color(self.palette()))} }}"
        )
        self.error.hide()

        self.system = self._text_box("previewSystem", self.tr("System message"))
        self.user = self._text_box("previewUser", self.tr("User message"))
        self._placeholders(self.tr("No system prompt"), self.tr("The rendered prompt appears here"))

        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.setSpacing(6)
        column.addLayout(header)
        column.addWidget(self.error)
        column.addWidget(self._caption(self.tr("System")))
        column.addWidget(self.system, 1)
        column.addWidget(self._caption(self.tr("User")))
        column.addWidget(self.user, 2)

    def _text_box(self, name: str, accessible: str) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setReadOnly(True)
        box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        box.setMinimumHeight(44)  # the split above decides; the box scrolls
        return box

    def _placeholders(self, system: str, user: str) -> None:
        self.system.setPlaceholderText(system)
        self.user.setPlaceholderText(user)

    def _caption(self, text: str) -> QLabel:
        caption = QLabel(text)
        caption.setStyleSheet(f"color: {css(muted_color(self.palette()))};")
        return caption

    # --- rendering -----------------------------------------------------------------------

    def request_render(self, content: PromptContent, values: Mapping[str, Any]) -> None:
        """Render ``content`` with ``values`` once typing pauses."""
        self._pending = (content, dict(values))
        self._timer.start()

    def render_now(self) -> None:
        self._timer.stop()
        if self._pending is None:
            return
        content, values = self._pending
        self._pending = None
        lookup = self.workbench.library.include_lookup()
        self.workbench.tasks.run(
            lambda: render_preview(content, values, lookup),
            self._lifetime.guard(self._show),
            self._lifetime.guard(self._show_error),
            key=f"preview-{id(self)}",
        )

    def _show(self, result: PreviewResult) -> None:
        self.error.hide()
        self._placeholders(self.tr("No system prompt"), self.tr("The user message is empty"))
        for box, text in ((self.system, result.rendered.system), (self.user, result.rendered.user)):
            box.setEnabled(True)
            if box.toPlainText() != text:  # keeps the scroll position when nothing changed
                box.setPlainText(text)
        count = result.tokens
        if count.exact:
            text = self.tr("%n token(s) (exact)", "", count.tokens)
        else:
            text = self.tr("%n token(s) (estimate)", "", count.tokens)
        self.tokens.setText(text)
        self.tokens.setToolTip(self.tr("Counted by %1").replace("%1", count.method))
        self.rendered.emit()

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, TemplateError):
            detail = str(error)
        else:
            detail = f"{type(error).__name__}: {error}"
        heading = self.tr("The prompt cannot be rendered")
        self._error_text = f"{heading}\n{detail}"
        self.error.setText(f"<b>{html.escape(heading)}</b><br>{html.escape(detail)}")
        self.error.show()
        # Nothing rendered yet must not read as "empty": say why there is nothing.
        waiting = self.tr("Shown once the problem above is fixed")
        self._placeholders(waiting, waiting)
        self.system.setEnabled(False)  # the last good render stays, greyed: it is stale
        self.user.setEnabled(False)
        self.tokens.setText("")
        self.render_failed.emit(detail)

    # --- what tests and other panels read ------------------------------------------------

    def system_text(self) -> str:
        return self.system.toPlainText()

    def user_text(self) -> str:
        return self.user.toPlainText()

    def error_text(self) -> str:
        """The render error shown, as plain text; empty when the preview is good."""
        return "" if self.error.isHidden() else self._error_text

    def token_text(self) -> str:
        return self.tokens.text()
