"""The live preview: the prompt as the model will receive it, with its size in tokens.

:class:`PromptPreview` renders off the UI thread (a task keyed per preview, so when the user
types faster than renders finish only the newest result is shown) after typing pauses for
:data:`DEBOUNCE_MS`. It shows the rendered system and user messages read-only, in one
scrolling view, and a token count that says whether it is exact (tiktoken, for OpenAI-family
models) or an estimate. A render that fails (a required variable without a value, a template
syntax error, an include that does not exist) replaces nothing: the last good preview stays,
greyed out, under the error.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.core.prompt import PromptContent
from app.core.rendering import PromptLookup, RenderedPrompt, TemplateError, render_prompt
from app.runners.tokens import TokenCount, count_tokens
from app.ui.editor.colors import banner_style, css, error_color, muted_color
from app.ui.ops import Op
from app.ui.qt import (
    QFont,
    QFontDatabase,
    QHBoxLayout,
    QLabel,
    Qt,
    QTextEdit,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from app.workbench import Workbench

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

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptPreview")
        self.workbench = workbench
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

        self.view = QTextEdit()
        self.view.setObjectName("previewText")
        self.view.setAccessibleName(self.tr("Rendered prompt"))
        self.view.setReadOnly(True)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.view.setMinimumHeight(48)  # the split above decides; the text scrolls
        self._system = ""
        self._user = ""
        self._placeholder = self.tr("The rendered prompt appears here")
        self.view.setPlaceholderText(self._placeholder)

        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.setSpacing(4)
        column.addLayout(header)
        column.addWidget(self.error)
        column.addWidget(self.view, 1)

    def _show_texts(self, system: str, user: str) -> None:
        """One view for both messages: the system one (if any) under a small caption, then
        the user one — a single scrolling text needs no room of its own for each part."""
        if (system, user) == (self._system, self._user) and self.view.toPlainText():
            return  # keeps the scroll position when nothing changed
        self._system, self._user = system, user
        if not system and not user:
            self.view.clear()
            return
        muted = css(muted_color(self.palette()))
        parts = []
        if system:
            parts.append(f"<div style='color:{muted}'>{html.escape(self.tr('System'))}</div>")
            parts.append(_pre(system))
            parts.append(f"<div style='color:{muted}'>{html.escape(self.tr('User'))}</div>")
        parts.append(_pre(user))
        self.view.setHtml("".join(parts))

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
        Op(
            self, lambda: render_preview(content, values, lookup), key=f"preview-{id(self)}"
        ).success(self._show).failure(self._show_error).run(self.workbench.tasks)

    def _show(self, result: PreviewResult) -> None:
        self.error.hide()
        self.view.setPlaceholderText(self.tr("The rendered prompt is empty"))
        self.view.setEnabled(True)
        self._show_texts(result.rendered.system, result.rendered.user)
        count = result.tokens
        if count.exact:
            text = self.tr("%n token(s) (exact)", "", count.tokens)
        else:
            text = self.tr("%n token(s) (estimate)", "", count.tokens)
        self.tokens.setText(text)
        self.tokens.setToolTip(
            self.tr("Counted by %1").replace("%1", count.method)
            + "\n"
            + self.tr("A run's own count also includes the model's chat template.")
        )
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
        self.view.setPlaceholderText(self.tr("Shown once the problem above is fixed"))
        self.view.setEnabled(False)  # the last good render stays, greyed: it is stale
        self.tokens.setText("")
        self.render_failed.emit(detail)

    # --- what tests and other panels read ------------------------------------------------

    def system_text(self) -> str:
        return self._system

    def user_text(self) -> str:
        return self._user

    def error_text(self) -> str:
        """The render error shown, as plain text; empty when the preview is good."""
        return "" if self.error.isHidden() else self._error_text

    def token_text(self) -> str:
        return self.tokens.text()


def _pre(text: str) -> str:
    return f"<div style='white-space: pre-wrap; margin-bottom: 6px'>{html.escape(text)}</div>"
