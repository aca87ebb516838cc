"""Forking a gallery entry into the library, and pulling its later releases.

A fork is a new prompt whose first version holds the release's content, with a
:class:`~app.storage.gallery_records.Lineage` that names the entry, the release and its
version hash, and that first version as the *base*. Pulling release N goes through the
library's own three-way merge: a branch ``upstream`` starts at the base, gets release N's
content as a commit, and is merged into the prompt's current branch — the fork's own edits and
upstream's changes to other parts of the same text both survive (the working copies are CRDTs
that share the base's history), and a preview shows the diff first. The lineage then moves to
release N with the upstream commit as the new base.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from app.core.diff import PromptDiff, diff_prompts
from app.core.prompt import ContentError, PromptContent, slugify
from app.storage.gallery_records import GalleryRecords, Lineage
from app.storage.library import Library, LibraryError

UPSTREAM_BRANCH = "upstream"


class GalleryProblem(LibraryError):
    code = "gallery"


def release_content(release: dict[str, Any], name: str) -> PromptContent:
    """A release's content as a prompt named ``name``; a malformed one is a clear error."""
    try:
        data = dict(release["version"]["content"])
        data["name"] = name
        return PromptContent.from_json(data)
    except (KeyError, TypeError, ValueError, ContentError) as error:
        raise GalleryProblem(
            f"the gallery's release cannot be read as a prompt ({error})",
            "report the entry as broken",
        ) from None


def free_name(library: Library, wanted: str) -> str:
    taken = set(library.names())
    base = slugify(wanted) or "forked"
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base[:90]}-{number}"
        number += 1
    return candidate


def fork(
    library: Library,
    records: GalleryRecords,
    server_url: str,
    entry: dict[str, Any],
    release: dict[str, Any],
    name: str | None = None,
) -> tuple[str, Lineage]:
    """Make the prompt, commit the release as its first version, record where it came from."""
    local = free_name(library, name or entry["title"])
    content = release_content(release, local)
    # What the entry says about itself fills what the content leaves empty.
    content = replace(
        content,
        industry=content.industry or str(entry.get("industry", "")),
        use_case=content.use_case or str(entry.get("use_case", "")),
    )
    library.create(content)
    first = library.commit(local, f"Forked from “{entry['title']}” release {release['number']}")
    lineage = Lineage(
        server_url=server_url,
        entry_id=str(entry["id"]),
        entry_title=str(entry["title"]),
        release=int(release["number"]),
        version_hash=str(release["version_hash"]),
        base_version=first.id,
        latest_release=int(entry.get("latest_release", release["number"])),
        checked_at="",
    )
    records.save_lineage(local, lineage)
    return local, lineage


def upstream_diff(
    library: Library, name: str, lineage: Lineage, release: dict[str, Any]
) -> PromptDiff:
    """What upstream changed from the release the fork is based on to ``release``."""
    base = library.get(name, lineage.base_version)
    return diff_prompts(base, replace(release_content(release, name), name=base.name))


def pull(
    library: Library, records: GalleryRecords, name: str, release: dict[str, Any]
) -> tuple[PromptDiff, str]:
    """Merge ``release`` into the prompt's current branch; ``(what upstream changed, the
    merged head)``. Refused over uncommitted changes (commit them first: a merge result must
    hold exactly the merge)."""
    lineage = records.lineage(name)
    if lineage is None:
        raise GalleryProblem(f"'{name}' was not forked from the gallery", "")
    number = int(release["number"])
    if number <= lineage.release:
        raise GalleryProblem(f"'{name}' already has release {lineage.release}", "")
    if library.has_uncommitted_changes(name):
        raise GalleryProblem(
            f"'{name}' has uncommitted changes",
            f"commit them first (`promptdesk prompt commit {name} -m ...`), then pull",
        )
    changes = upstream_diff(library, name, lineage, release)
    moved = replace(
        lineage,
        release=number,
        version_hash=str(release["version_hash"]),
        latest_release=max(lineage.latest_release, number),
    )
    if changes.is_empty:
        # A release with the base's content (re-published as is): nothing to merge.
        records.save_lineage(name, moved)
        return changes, library.resolve(name, _current_branch(library, name))
    current = library.get(name)
    here = _current_branch(library, name)
    branch = _fresh_branch(library, name)
    library.create_branch(name, branch, lineage.base_version)
    try:
        library.checkout(name, branch)
        try:
            incoming = replace(release_content(release, name), name=current.name)
            library.edit(name, lambda _old: incoming)
            upstream = library.commit(name, f"Release {number} of “{lineage.entry_title}”")
        finally:
            library.checkout(name, here)
        merged = library.merge(name, branch, here)
    finally:
        # Whatever happened, no "upstream" branch is left behind to pile up on the next try.
        library.delete_branch(name, branch)
    records.save_lineage(name, replace(moved, base_version=upstream.id))
    return changes, merged.id


def _current_branch(library: Library, name: str) -> str:
    return next(b.name for b in library.branches(name) if b.current)


def _fresh_branch(library: Library, name: str) -> str:
    taken = {b.name for b in library.branches(name)}
    candidate, number = UPSTREAM_BRANCH, 2
    while candidate in taken:
        candidate = f"{UPSTREAM_BRANCH}-{number}"
        number += 1
    return candidate


def describe_behind(lineage: Lineage) -> str:
    """ "forked from “Title” — 2 releases behind" (or "up to date")."""
    behind = lineage.behind
    if behind == 0:
        state = f"release {lineage.release}, up to date"
    else:
        state = f"release {lineage.release}, {behind} release{'s' if behind != 1 else ''} behind"
    return f"forked from “{lineage.entry_title}” — {state}"
