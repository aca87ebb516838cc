"""Template colouring: Jinja's ``{{ expressions }}``, ``{% tags %}`` and ``{# comments #}``.

A small scanner rather than one regular expression per construct, because Jinja spans may
cross lines (a long ``{# comment #}``, a ``{% for %}`` tag split for readability): the block
state carries "inside an expression, a tag or a comment" to the next line. Inside expressions
and tags, string literals and Jinja keywords get their own formats. Colours come from the
editor's palette (:mod:`app.ui.editor.colors`), and :meth:`TemplateHighlighter.use_palette`
recolours everything when the theme changes.
"""

from __future__ import annotations

import re
from enum import IntEnum

from app.ui.editor.colors import is_dark, muted_color, pick, tint
from app.ui.qt import QColor, QFont, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument


class Span(IntEnum):
    """The block states: what an unfinished line leaves open for the next one."""

    TEXT = 0
    EXPRESSION = 1
    STATEMENT = 2
    COMMENT = 3


_OPENERS = {"{{": Span.EXPRESSION, "{%": Span.STATEMENT, "{#": Span.COMMENT}
_CLOSERS = {Span.EXPRESSION: "}}", Span.STATEMENT: "%}", Span.COMMENT: "#}"}
_OPEN = re.compile(r"\{[{%#]")
_STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'")
_KEYWORD = re.compile(
    r"\b(?:if|elif|else|endif|for|endfor|in|not|and|or|is|include|set|endset|with|endwith"
    r"|macro|endmacro|call|endcall|filter|endfilter|raw|endraw|true|false|none|loop)\b"
)

# Light-theme and dark-theme variants of each accent (GitHub's Primer palette, which is
# tuned for contrast on white and on near-black backgrounds).
_ACCENTS = {
    Span.EXPRESSION: ("#0550ae", "#79c0ff"),
    Span.STATEMENT: ("#8250df", "#d2a8ff"),
    "string": ("#0a3069", "#a5d6ff"),
}


class TemplateHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self.formats: dict[str, QTextCharFormat] = {}
        self.use_palette(palette, rehighlight=False)

    def use_palette(self, palette: QPalette, *, rehighlight: bool = True) -> None:
        """Build the formats for ``palette`` (light or dark) and recolour the document."""
        expression = pick(palette, *_ACCENTS[Span.EXPRESSION])
        statement = pick(palette, *_ACCENTS[Span.STATEMENT])
        self.formats = {
            "expression": _format(
                expression, background=tint(expression, 40 if is_dark(palette) else 22)
            ),
            "statement": _format(statement),
            "keyword": _format(statement, bold=True),
            "string": _format(pick(palette, *_ACCENTS["string"])),
            "comment": _format(muted_color(palette), italic=True),
        }
        # Keywords and strings inside an expression keep the expression's background.
        self.formats["expression_keyword"] = _format(
            statement, bold=True, background=self.formats["expression"].background().color()
        )
        self.formats["expression_string"] = _format(
            self.formats["string"].foreground().color(),
            background=self.formats["expression"].background().color(),
        )
        if rehighlight:
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        state = Span(max(self.previousBlockState(), Span.TEXT))
        position = 0
        while position < len(text):
            if state is Span.TEXT:
                opener = _OPEN.search(text, position)
                if opener is None:
                    break
                start, position, state = opener.start(), opener.end(), _OPENERS[opener.group()]
            else:
                start = position  # a span left open by the line above
            close = text.find(_CLOSERS[state], position)
            end = len(text) if close < 0 else close + 2
            self._format_span(text, start, end, state)
            position = end
            if close >= 0:
                state = Span.TEXT
        self.setCurrentBlockState(state)

    def _format_span(self, text: str, start: int, end: int, kind: Span) -> None:
        if kind is Span.COMMENT:
            self.setFormat(start, end - start, self.formats["comment"])
            return
        inside_expression = kind is Span.EXPRESSION
        self.setFormat(start, end - start, self.formats[kind.name.lower()])
        keyword = self.formats["expression_keyword" if inside_expression else "keyword"]
        string = self.formats["expression_string" if inside_expression else "string"]
        segment = text[start:end]
        strings = [(m.start(), m.end()) for m in _STRING.finditer(segment)]
        for match in _KEYWORD.finditer(segment):
            if not any(a <= match.start() < b for a, b in strings):
                self.setFormat(start + match.start(), match.end() - match.start(), keyword)
        for a, b in strings:
            self.setFormat(start + a, b - a, string)


def _format(
    foreground: QColor,
    *,
    bold: bool = False,
    italic: bool = False,
    background: QColor | None = None,
) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setForeground(foreground)
    if background is not None:
        char_format.setBackground(background)
    if bold:
        char_format.setFontWeight(QFont.Weight.Bold)
    char_format.setFontItalic(italic)
    return char_format
