"""The prompt library on the encrypted store: see :mod:`app.storage.library.library`."""

from app.storage.library.errors import LibraryError
from app.storage.library.library import WORKING, Library, MergePreview, PromptSummary
from app.storage.library.search import SearchFilters, SearchHit

__all__ = [
    "WORKING",
    "Library",
    "LibraryError",
    "MergePreview",
    "PromptSummary",
    "SearchFilters",
    "SearchHit",
]
