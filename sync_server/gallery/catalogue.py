"""What the gallery's words mean: industries, licenses, statuses, report reasons, sorts, and
the checks a published version must pass before the server keeps it.

A release carries its version *payload* (the content without the prompt's name, with the
parent ids, message, author and time) exactly as the desktop hashes it: the server recomputes
the hash with :func:`app.core.protocol.objects.object_id` and refuses a release whose payload
does not hash to the version hash it names. Only the content is ever served back; the rest
stays on the server. The content itself is bounded and shape-checked here;
the desktop parses it again (``PromptContent.from_json``) before it shows or forks it.
"""

from __future__ import annotations

import json
from typing import Any

from app.core.protocol.gallery import (
    COMPLEXITIES,
    DEFAULT_LICENSE,
    INDUSTRIES,
    LICENSES,
    REPORT_REASONS,
    SORTS,
)
from app.core.protocol.objects import OBJECT_ID, canonical_json, object_id

__all__ = ["COMPLEXITIES", "DEFAULT_LICENSE", "INDUSTRIES", "LICENSES", "REPORT_REASONS", "SORTS"]

REPORTS_TO_HIDE = 5  # open reports from distinct users that take an entry out of search

MAX_VERSION_BYTES = 256 * 1024
MAX_EXAMPLES_BYTES = 128 * 1024
MAX_EXAMPLES = 10
MAX_TESTED = 20
TEXT_FIELDS = ("title", "description", "body", "system", "industry", "use_case")


class CatalogueError(ValueError):
    """A publish request the gallery cannot take; the message says what to change."""


def check_version(version: Any, version_hash: str) -> bytes:
    """The canonical bytes of a release's version payload, or :class:`CatalogueError`."""
    if not isinstance(version_hash, str) or not OBJECT_ID.match(version_hash):
        raise CatalogueError("version_hash must be 64 lowercase hex digits")
    if not isinstance(version, dict):
        raise CatalogueError("version must be a JSON object")
    if set(version) != {"content", "parents", "message", "author", "created_at"}:
        raise CatalogueError(
            "version must have exactly content, parents, message, author and created_at"
        )
    content = version["content"]
    if not isinstance(content, dict) or "name" in content:
        raise CatalogueError("version.content must be a prompt's content without its name")
    for field in TEXT_FIELDS:
        if not isinstance(content.get(field, ""), str):
            raise CatalogueError(f"version.content.{field} must be text")
    for field in ("tags", "variables"):
        if not isinstance(content.get(field, []), list):
            raise CatalogueError(f"version.content.{field} must be a list")
    if not isinstance(content.get("tests", []), list):
        raise CatalogueError("version.content.tests must be a list of test cases")
    raw = _strict_json(version, "version")
    if len(raw) > MAX_VERSION_BYTES:
        raise CatalogueError(f"the version is over {MAX_VERSION_BYTES // 1024} KiB")
    if object_id(version) != version_hash:
        raise CatalogueError("the version does not hash to version_hash (it was changed)")
    return raw


def check_examples(examples: Any) -> str:
    if not isinstance(examples, list) or len(examples) > MAX_EXAMPLES:
        raise CatalogueError(f"examples must be a list of at most {MAX_EXAMPLES}")
    for example in examples:
        if (
            not isinstance(example, dict)
            or not isinstance(example.get("vars", {}), dict)
            or not isinstance(example.get("output", ""), str)
            or not isinstance(example.get("model", ""), str)
        ):
            raise CatalogueError("each example is {vars: {...}, output: text, model: text}")
    raw = _strict_json(examples, "examples").decode()
    if len(raw.encode()) > MAX_EXAMPLES_BYTES:
        raise CatalogueError(f"the examples are over {MAX_EXAMPLES_BYTES // 1024} KiB")
    return raw


def check_tested(tested: Any) -> str:
    """``[{model, passed, cases}]``: the models the author ran the tests on, and how many
    of the cases passed there."""
    if not isinstance(tested, list) or len(tested) > MAX_TESTED:
        raise CatalogueError(f"tested must be a list of at most {MAX_TESTED} models")
    for item in tested:
        if not isinstance(item, dict) or not isinstance(item.get("model"), str):
            raise CatalogueError("each tested model is {model, passed, cases}")
        passed, cases = item.get("passed"), item.get("cases")
        if not (isinstance(passed, int) and isinstance(cases, int) and 0 <= passed <= cases):
            raise CatalogueError("a tested model's passed and cases are counts, passed <= cases")
    return _strict_json(
        [{"model": t["model"][:120], "passed": t["passed"], "cases": t["cases"]} for t in tested],
        "tested",
    ).decode()


def _strict_json(value: Any, what: str) -> bytes:
    """Canonical JSON of ``value``; NaN, infinities and lone surrogates refused (they would
    be stored as something that does not hash, or does not encode, as sent)."""
    try:
        json.dumps(value, allow_nan=False)
        return canonical_json(value)
    except ValueError:
        raise CatalogueError(f"{what} holds NaN or an infinity: not JSON") from None
    except UnicodeEncodeError:
        raise CatalogueError(f"{what} holds characters that are not text") from None


def words(values: list[str]) -> str:
    """Tags or model ids as stored: each between spaces, so ``LIKE '% x %'`` finds one."""
    kept = ["".join(v.split()) for v in values]  # no whitespace of any kind inside one
    kept = [v for v in kept if v]
    return " " + " ".join(kept) + " " if kept else ""


def unwords(stored: str) -> list[str]:
    return stored.split()
