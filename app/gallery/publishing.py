"""Publishing a prompt version to the gallery: the request body, and what is refused.

The body carries the version payload exactly as the library hashed it, so the entry's release
has the library's version hash. When the author sends only some of the prompt's test cases,
the published content differs from the library's version: it then goes up as a child version
of it (``parents`` = the library version, message "Published to the gallery"), still content
addressed, and the library version stays the parent anyone can trace.

Refused before anything is sent: a prompt with uncommitted changes (a release is a version),
one that includes other prompts (the gallery would publish a template that cannot render), one
without test cases, and one whose test cases fail on the model it says it was tested on
(the caller runs them — :func:`tested_from` turns the cells into the pass rates sent along).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from app.core.evals.results import Cell
from app.core.rendering import include_closure
from app.core.versions import Version, hashed_content, make_version
from app.gallery.forks import GalleryProblem
from app.storage.library import Library

GALLERY_MESSAGE = "Published to the gallery"


@dataclass
class Listing:
    """What the author says about the entry (the form, or the CLI's options)."""

    title: str
    description: str = ""
    industry: str = "general"
    use_case: str = ""
    complexity: str = ""
    tags: list[str] = field(default_factory=list)
    license: str = "CC0-1.0"
    notes: str = ""


@dataclass
class PublishRequest:
    name: str
    listing: Listing
    models: list[str] = field(default_factory=list)  # tested on ([]: the prompt's model)
    ref: str | None = None  # default: the current branch's head
    cases: list[str] | None = None  # default: all of them
    entry_id: str = ""  # publish a new release of this entry (the caller's own)
    draft: bool = False
    # For a release: the listing's fields to leave as the entry has them.
    unchanged: frozenset[str] = frozenset()


def examples_from(content: Any, cells: Iterable[Cell], model: str) -> list[dict[str, Any]]:
    """Up to three example outputs: the test run's answers on the first model."""
    found = []
    for case in content.tests:
        for cell in cells:
            if cell.key.case_id == case.id and cell.key.model == model and cell.output:
                found.append({"vars": dict(case.vars), "output": cell.output, "model": model})
                break
    return found[:3]


def version_to_publish(
    library: Library, name: str, ref: str | None, cases: Sequence[str] | None
) -> tuple[str, Version]:
    """``(the library version to test, the version to publish)``: the current branch's
    head by default, with only the chosen test cases; refused as the module says."""
    if ref is None and library.has_uncommitted_changes(name):
        raise GalleryProblem(
            f"'{name}' has uncommitted changes",
            "commit them first: the gallery publishes versions",
        )
    version_id = library.resolve(
        name, ref or next(b.name for b in library.branches(name) if b.current)
    )
    version = next(v for v in library.versions(name) if v.id == version_id)
    included = include_closure(version.content, library.include_lookup(version_id))
    if included:
        raise GalleryProblem(
            f"'{name}' includes other prompts ({', '.join(included)})",
            "the gallery publishes one prompt: paste their text in, or publish them first and "
            "say so in the description",
        )
    if not version.content.tests:
        raise GalleryProblem(
            f"'{name}' has no test cases",
            "add some in the Tests tab (or `promptdesk prompt edit`): the gallery shows how a "
            "template is tested",
        )
    if cases is None or set(cases) == {c.id for c in version.content.tests}:
        return version.id, version
    unknown = sorted(set(cases) - {c.id for c in version.content.tests})
    if unknown:
        raise GalleryProblem(f"'{name}' has no test case {unknown[0]}", "")
    chosen = tuple(c for c in version.content.tests if c.id in set(cases))
    content = replace(version.content, tests=chosen)
    # Its time is the library version's: the same cases of the same version are the same
    # version (one hash), so publishing it twice is refused as a second entry.
    return version.id, make_version(
        content, (version.id,), GALLERY_MESSAGE, version.author, version.created_at
    )


def tested_from(cells: Iterable[Cell]) -> list[dict[str, Any]]:
    """``[{model, passed, cases}]`` from an eval run's cells (a case passes when every one
    of its cells on that model passed)."""
    by_model: dict[str, dict[str, bool]] = {}
    for cell in cells:
        cases = by_model.setdefault(cell.key.model, {})
        cases[cell.key.case_id] = cases.get(cell.key.case_id, True) and cell.passed is True
    return [
        {"model": model, "passed": sum(cases.values()), "cases": len(cases)}
        for model, cases in by_model.items()
    ]


def check_tested(
    name: str,
    tested: list[dict[str, Any]],
    cells: Iterable[Cell] = (),
    titles: Mapping[str, str] | None = None,
) -> None:
    """Refused unless every case passes on the stated model (the first one tested); the
    refusal names the cases that failed there (``titles``: case id → title)."""
    stated = tested[0] if tested else None
    if stated is None or stated["passed"] < stated["cases"]:
        detail = f" ({stated['passed']}/{stated['cases']} on {stated['model']})" if stated else ""
        failed = sorted(
            {
                (titles or {}).get(cell.key.case_id, cell.key.case_id)
                for cell in cells
                if stated is not None and cell.key.model == stated["model"] and not cell.passed
            }
        )
        which = ": " + ", ".join(f"“{title}” failed" for title in failed) if failed else ""
        raise GalleryProblem(
            f"'{name}' does not pass its own test cases{detail}{which}",
            "fix the prompt or those cases, or test it on a model it passes on "
            "(Tested on; --model in the command line)",
        )


def publish_body(
    version: Version,
    listing: Listing,
    examples: list[dict[str, Any]],
    tested: list[dict[str, Any]],
    parent: tuple[str, int] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "version_hash": version.id,
        "version": {
            "content": hashed_content(version.content),
            "parents": sorted(version.parents),
            "message": version.message,
            "author": version.author,
            "created_at": version.created_at,
        },
        "title": listing.title,
        "description": listing.description,
        "industry": listing.industry,
        "use_case": listing.use_case,
        "complexity": listing.complexity,
        "tags": listing.tags,
        "license": listing.license,
        "examples": examples,
        "tested": tested,
        "notes": listing.notes,
    }
    if parent is not None:
        body["parent_id"], body["parent_release"] = parent
    return body
