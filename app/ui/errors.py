"""What the desktop app says when something fails: the error in words, never a CLI recipe.

The services' errors are shared with the command line, where advice such as "run `promptdesk
key recover`" or "use --force" is exactly right. In the app it is no help, so
:func:`describe` takes the parts meant for any front end — a library error's ``message``, a
store error's message with its ``app_hint`` — and never the command-line advice. The store's
messages are translated here (they are listed for translators in
:mod:`app.ui.store_error_texts`), with the error's details put in after translation.
"""

from __future__ import annotations

from app.storage.errors import StoreError
from app.storage.library.errors import LibraryError
from app.ui.qt import QCoreApplication


def describe(error: BaseException) -> str:
    """The text to show for ``error`` in the app (one or two sentences)."""
    if isinstance(error, StoreError):
        kind = type(error)
        hint = kind.app_hint_template
        hint = kind.hint_template if hint is None else hint
        message = _translated(kind.message_template, error.message, error.details)
        return f"{message} {_translated(hint, error.app_hint, error.details)}".strip()
    if isinstance(error, LibraryError):
        return _sentence(error.message)
    return str(error).strip() or type(error).__name__


def _translated(template: str, untranslated: str, details: dict[str, object]) -> str:
    """``template`` in the app's language with ``details`` put in; else the English text."""
    if not template:
        return untranslated
    translated = QCoreApplication.translate("StoreError", template)
    if translated == template:
        return untranslated
    try:
        return translated.format(**details)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return untranslated


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."
