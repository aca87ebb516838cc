"""Keeping the gallery's search index: only entries anyone may see are in it.

:func:`index_entry` adds or replaces an entry when it is published (or a release changes its
text), :func:`unindex_entry` takes it out when it is hidden, rejected, archived or removed,
:func:`refresh_facets` follows its rating. SQLite keeps an FTS5 table (``gallery_search``:
title, description, tags, body, facets) keyed by the entry's ``num``; PostgreSQL a
weighted ``tsvector`` (title A, tags B, description C, body D) and a ``text[]`` of facets on
the entry's row, each with a GIN index (migration 0002). Facets are opaque tokens, one per
industry, use case, license, tag and rating step an entry has, so filters are looked up in
the index with the words (:mod:`sync_server.gallery.search`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

from sync_server.db.gallery_models import GalleryEntry

RATING_STEPS = tuple(step / 2 for step in range(2, 11))  # 1.0, 1.5, … 5.0 stars and up


def is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def facet(kind: str, value: str) -> str:
    """One filter value as a token: letters and digits only, so both tokenizers keep it
    whole, and nothing anyone types (the words are matched in the other columns anyway)."""
    digest = hashlib.blake2b(f"{kind}\x1f{value}".encode(), digest_size=8).hexdigest()
    return f"zf{digest}"


def facets_of(
    industry: str,
    use_case: str,
    license_id: str,
    tags: Iterable[str],
    rating_avg: float,
    rating_count: int,
) -> list[str]:
    """An entry's facets: its industry, use case, license, each tag, each rating step it
    reaches ("3.5 stars and up")."""
    tokens = [facet("industry", industry), facet("license", license_id)]
    if use_case:
        tokens.append(facet("use_case", use_case))
    tokens += [facet("tag", tag) for tag in tags]
    if rating_count:
        tokens += [facet("rating", f"{step:g}") for step in RATING_STEPS if rating_avg >= step]
    return tokens


def entry_facets(entry: GalleryEntry) -> list[str]:
    return facets_of(
        entry.industry,
        entry.use_case,
        entry.license,
        entry.tags.split(),
        entry.rating_avg,
        entry.rating_count,
    )


def index_entry(session: Session, entry: GalleryEntry, body: str) -> None:
    """Put (or replace) an entry in the index: title, description, tags, body, facets."""
    facets = entry_facets(entry)
    values = {
        "num": entry.num,
        "title": entry.title,
        "description": entry.description,
        "tags": entry.tags,
        "body": body[:20_000],
        "facets": facets if is_postgres(session) else " ".join(facets),
    }
    if is_postgres(session):
        session.execute(
            text(
                "UPDATE gallery_entries SET search = "
                "setweight(to_tsvector('simple', :title), 'A') || "
                "setweight(to_tsvector('simple', :tags), 'B') || "
                "setweight(to_tsvector('simple', :description), 'C') || "
                "setweight(to_tsvector('simple', :body), 'D'), "
                "facets = CAST(:facets AS text[]) WHERE num = :num"
            ),
            values,
        )
        return
    session.execute(text("DELETE FROM gallery_search WHERE rowid = :num"), values)
    session.execute(
        text(
            "INSERT INTO gallery_search (rowid, title, description, tags, body, facets) "
            "VALUES (:num, :title, :description, :tags, :body, :facets)"
        ),
        values,
    )


def refresh_facets(session: Session, entry: GalleryEntry) -> None:
    """The entry's facets again (its rating changed); nothing for an entry not in the index."""
    if entry.status != "published":
        return
    facets = entry_facets(entry)
    if is_postgres(session):
        session.execute(
            text("UPDATE gallery_entries SET facets = CAST(:f AS text[]) WHERE num = :num"),
            {"f": facets, "num": entry.num},
        )
    else:
        session.execute(
            text("UPDATE gallery_search SET facets = :f WHERE rowid = :num"),
            {"f": " ".join(facets), "num": entry.num},
        )


def unindex_entry(session: Session, entry: GalleryEntry) -> None:
    if is_postgres(session):
        session.execute(
            text("UPDATE gallery_entries SET search = NULL, facets = NULL WHERE num = :num"),
            {"num": entry.num},
        )
    else:
        session.execute(text("DELETE FROM gallery_search WHERE rowid = :num"), {"num": entry.num})
