"""What the desktop app says when something fails: the error in words, never a CLI recipe.

The services' errors are shared with the command line, where advice such as "run `promptdesk
key recover`" or "use --force" is exactly right. In the app it is no help, so
:func:`describe` takes the parts meant for any front end — a library error's ``message``, a
store error's message with its ``app_hint`` — and never the command-line advice.
"""

from __future__ import annotations

from app.storage.errors import StoreError
from app.storage.library.errors import LibraryError


def describe(error: BaseException) -> str:
    """The text to show for ``error`` in the app (one or two sentences)."""
    if isinstance(error, StoreError):
        return f"{error.message} {error.app_hint}".strip()
    if isinstance(error, LibraryError):
        return _sentence(error.message)
    return str(error).strip() or type(error).__name__


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."
