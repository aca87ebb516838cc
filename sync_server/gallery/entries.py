"""The gallery's rules: publishing and releases, who sees what, forks, pulls and trend.

An entry starts as a draft or goes straight to review (``pending``); a moderator publishes or
rejects it (:mod:`sync_server.gallery.moderation`). Its author adds releases — a later
version of the same prompt — which are public at once when the entry is (reports are the
safeguard). A fork of a published entry may itself be published: it then names its parent (and
the root of its line), and the parent's page lists it. Everything an author does is rate
limited per hour; a user whose requests would exceed it gets :class:`GalleryError` 429 with the
seconds to wait.

*Trend* is a decayed count of activity (a pull 1, a fork 3, a good rating 1–2): every event
adds ``weight · e^(t/τ)`` in log space, so the stored number sorts entries by their recent
activity without being recomputed as time passes (τ = 3 days).
"""

from __future__ import annotations

import hashlib
import json
import math
import secrets
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from sync_server.auth.principal import Principal
from sync_server.db.engine import aware, utcnow
from sync_server.db.gallery_models import GalleryEntry, GalleryFork, GalleryPull, GalleryRelease
from sync_server.gallery import catalogue, search, search_index
from sync_server.gallery.catalogue import CatalogueError
from sync_server.settings import ServerSettings

TREND_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
TREND_TAU_SECONDS = 3 * 24 * 3600.0
PHANTOM_RATINGS = 2  # the Bayesian average's prior: two ratings of 3 stars


class GalleryError(Exception):
    def __init__(self, status: int, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after


NOT_FOUND = "No such gallery entry."


@dataclass
class Publication:
    """What a publish or release request carries (the API's body, checked here)."""

    version_hash: str
    version: dict[str, Any]
    title: str
    description: str = ""
    industry: str = "general"
    use_case: str = ""
    complexity: str = ""
    tags: list[str] = field(default_factory=list)
    license: str = catalogue.DEFAULT_LICENSE
    examples: list[dict[str, Any]] = field(default_factory=list)
    tested: list[dict[str, Any]] = field(default_factory=list)
    notes: str = ""


def checked(publication: Publication) -> tuple[bytes, str, str]:
    if publication.industry not in catalogue.INDUSTRIES:
        raise CatalogueError(f"industry must be one of {', '.join(catalogue.INDUSTRIES)}")
    if publication.license not in catalogue.LICENSES:
        raise CatalogueError(f"license must be one of {', '.join(catalogue.LICENSES)}")
    if publication.complexity not in catalogue.COMPLEXITIES:
        raise CatalogueError("complexity must be beginner, intermediate or advanced")
    version = catalogue.check_version(publication.version, publication.version_hash)
    return (
        version,
        catalogue.check_examples(publication.examples),
        catalogue.check_tested(publication.tested),
    )


def add_trend(entry: GalleryEntry, weight: float, now: datetime | None = None) -> None:
    moment = ((now or utcnow()) - TREND_EPOCH).total_seconds() / TREND_TAU_SECONDS
    point = math.log(weight) + moment
    current = entry.trend if entry.trend else -math.inf
    high, low = max(current, point), min(current, point)
    entry.trend = high + math.log1p(math.exp(low - high)) if low > -math.inf else high


def rating_rank(rating_sum: int, rating_count: int) -> float:
    return (rating_sum + 3 * PHANTOM_RATINGS) / (rating_count + PHANTOM_RATINGS)


def reputation(session: Session, user_id: str) -> int:
    """Σ over the author's published entries of 5 × (stars − 3) per rating + 10 per fork
    (by someone else), never below 0."""
    return reputations(session, [user_id])[user_id]


def reputations(session: Session, user_ids: Iterable[str]) -> dict[str, int]:
    """:func:`reputation` of each author, in one query (a page of search results)."""
    wanted = sorted(set(user_ids))
    rows = session.execute(
        select(
            GalleryEntry.author_id,
            func.sum(GalleryEntry.rating_sum - 3 * GalleryEntry.rating_count),
            func.sum(GalleryEntry.fork_count),
        )
        .where(GalleryEntry.author_id.in_(wanted), search.published_here(session))
        .group_by(GalleryEntry.author_id)
    ).all()
    found = {
        author: max(0, 5 * int(stars or 0) + 10 * int(forks or 0)) for author, stars, forks in rows
    }
    return {user_id: found.get(user_id, 0) for user_id in wanted}


def is_moderator(session: Session, principal: Principal | None, settings: ServerSettings) -> bool:
    if principal is None:
        return False
    if principal.is_admin:
        return True
    threshold = settings.gallery_trusted_reputation
    return threshold > 0 and reputation(session, principal.user_id) >= threshold


def can_see(
    session: Session, entry: GalleryEntry, principal: Principal | None, settings: ServerSettings
) -> bool:
    if entry.status == "published":
        return True
    if principal is None:
        return False
    if entry.author_id == principal.user_id:
        return True
    # A draft is its author's alone; everything else not public is for moderators too.
    return entry.status != "draft" and is_moderator(session, principal, settings)


def find(
    session: Session, entry_id: str, principal: Principal | None, settings: ServerSettings
) -> GalleryEntry:
    """The entry if this caller may see it; 404 otherwise (hidden ones cannot be probed)."""
    entry = session.get(GalleryEntry, entry_id) if len(entry_id) <= 32 else None
    if entry is None or not can_see(session, entry, principal, settings):
        raise GalleryError(404, NOT_FOUND)
    return entry


def check_rate(session: Session, user_id: str, settings: ServerSettings) -> None:
    since = utcnow() - timedelta(hours=1)
    moments = list(
        session.scalars(
            select(GalleryRelease.created_at)
            .join(GalleryEntry, GalleryEntry.id == GalleryRelease.entry_id)
            .where(GalleryEntry.author_id == user_id, GalleryRelease.created_at > since)
            .order_by(GalleryRelease.created_at)
        )
    )
    limit = settings.gallery_publishes_per_hour
    if len(moments) >= limit:
        wait = int(
            (aware(moments[len(moments) - limit]) + timedelta(hours=1) - utcnow()).total_seconds()
        )
        raise GalleryError(
            429,
            f"You published {limit} times in the last hour; try again in {wait // 60 + 1} min.",
            retry_after=max(1, wait),
        )


def new_release(
    entry: GalleryEntry, publication: Publication, number: int, parts: tuple[bytes, str, str]
) -> GalleryRelease:
    version, examples, tested = parts
    return GalleryRelease(
        entry_id=entry.id,
        number=number,
        version_hash=publication.version_hash,
        version=version.decode(),
        examples=examples,
        tested=tested,
        notes=publication.notes[:4000],
        created_at=utcnow(),
    )


def describe(entry: GalleryEntry, publication: Publication) -> None:
    entry.title = publication.title.strip()[:200] or "Untitled"
    entry.description = publication.description[:4000]
    entry.industry = publication.industry
    entry.use_case = publication.use_case[:60]
    entry.complexity = publication.complexity
    entry.tags = catalogue.words([t.lower()[:40] for t in publication.tags[:12]])
    entry.license = publication.license
    entry.models = catalogue.words([t["model"][:120] for t in publication.tested])


def body_of(release: GalleryRelease) -> str:
    content = json.loads(release.version)["content"]
    return f"{content.get('body', '')}\n{content.get('system', '')}"


def publish(
    session: Session,
    principal: Principal,
    publication: Publication,
    settings: ServerSettings,
    *,
    draft: bool = False,
    parent: tuple[str, int] | None = None,
) -> GalleryEntry:
    parts = checked(publication)
    _check_not_published(session, principal.user_id, publication.version_hash)
    check_rate(session, principal.user_id, settings)
    entry = new_entry(principal.user_id, publication, "draft" if draft else "pending")
    if parent is not None:
        upstream = find(session, parent[0], principal, settings)
        if not 1 <= parent[1] <= upstream.latest_release:
            raise GalleryError(422, "The parent entry has no such release.")
        entry.parent_id, entry.parent_release = upstream.id, parent[1]
        entry.root_id = upstream.root_id or upstream.id
    if not draft and is_moderator(session, principal, settings):
        entry.status = "published"  # a moderator's own entries need no second moderator
    store_entry(session, entry, publication, parts)
    return entry


def _check_not_published(session: Session, author_id: str, version_hash: str) -> None:
    """A version its author published already is not a new entry (a second click on
    Publish would list the same template twice): say which entry has it."""
    found = session.execute(
        select(GalleryEntry.title, GalleryEntry.status)
        .join(GalleryRelease, GalleryRelease.entry_id == GalleryEntry.id)
        .where(GalleryEntry.author_id == author_id, GalleryRelease.version_hash == version_hash)
        .limit(1)
    ).first()
    if found is not None:
        then = {
            "removed": "a moderator removed it.",
            "draft": "submit that entry for review instead.",
            "rejected": "change it, then publish the change as a new release of that entry.",
            "archived": "submit that entry for review again instead.",
        }.get(found.status, "publish a change as a new release of that entry.")
        raise GalleryError(
            409, f"You published this version already, as “{found.title}” ({found.status}): {then}"
        )


def entry_number() -> int:
    """An entry's row number (the search index's key): its creation time in milliseconds
    and 20 random bits, so the index's order is newest last; never shown."""
    return (int(time.time() * 1000) << 20) | secrets.randbits(20)


def new_entry(author_id: str, publication: Publication, status: str) -> GalleryEntry:
    """An entry described by ``publication``, not stored yet."""
    now = utcnow()
    entry = GalleryEntry(
        id=uuid.uuid4().hex,
        num=entry_number(),
        author_id=author_id,
        status=status,
        latest_release=1,
        created_at=now,
        updated_at=now,
        trend=0.0,
    )
    describe(entry, publication)
    add_trend(entry, 1.0, now)
    return entry


def store_entry(
    session: Session,
    entry: GalleryEntry,
    publication: Publication,
    parts: tuple[bytes, str, str],
) -> GalleryRelease:
    """Store a new entry with its first release, in the index if it is published."""
    session.add(entry)
    release = new_release(entry, publication, 1, parts)
    session.add(release)
    session.flush()
    if entry.status == "published":
        search_index.index_entry(session, entry, body_of(release))
    return release


def add_release(
    session: Session,
    principal: Principal,
    entry_id: str,
    publication: Publication,
    settings: ServerSettings,
    keep: frozenset[str] = frozenset(),
) -> GalleryRelease:
    """A later release; the entry's fields named in ``keep`` (the ones the request left
    out) stay as they were."""
    entry = find(session, entry_id, principal, settings)
    if entry.author_id != principal.user_id:
        raise GalleryError(403, "Only the entry's author publishes its releases.")
    if entry.status == "removed":
        raise GalleryError(409, f"A moderator removed this entry: {entry.status_reason}")
    parts = checked(publication)
    latest = session.get(GalleryRelease, (entry.id, entry.latest_release))
    if latest is not None and latest.version_hash == publication.version_hash:
        raise GalleryError(409, "This version is already the entry's latest release.")
    check_rate(session, principal.user_id, settings)
    entry.latest_release += 1
    release = new_release(entry, publication, entry.latest_release, parts)
    kept = {name: getattr(entry, name) for name in keep if name != "tags"}
    tags = entry.tags
    describe(entry, publication)
    for name, value in kept.items():
        setattr(entry, name, value)
    if "tags" in keep:
        entry.tags = tags
    entry.updated_at = release.created_at
    session.add(release)
    session.flush()
    if entry.status == "published" and not entry.hidden_by_reports:
        search_index.index_entry(session, entry, body_of(release))
    return release


def submit(session: Session, principal: Principal, entry_id: str, settings: ServerSettings) -> None:
    entry = find(session, entry_id, principal, settings)
    if entry.author_id != principal.user_id:
        raise GalleryError(403, "Only the entry's author submits it for review.")
    if entry.status not in ("draft", "rejected", "archived"):
        raise GalleryError(
            409,
            f"The entry is {entry.status}; only a draft, a rejected or an "
            "archived entry is submitted for review.",
        )
    entry.status, entry.status_reason = "pending", ""
    entry.updated_at = utcnow()


def archive(
    session: Session, principal: Principal, entry_id: str, settings: ServerSettings
) -> None:
    entry = find(session, entry_id, principal, settings)
    if entry.author_id != principal.user_id:
        raise GalleryError(403, "Only the entry's author archives it.")
    if entry.status == "removed":
        raise GalleryError(409, f"A moderator removed this entry: {entry.status_reason}")
    entry.status, entry.status_reason = "archived", ""
    entry.updated_at = utcnow()
    search_index.unindex_entry(session, entry)


def record_fork(
    session: Session, principal: Principal, entry_id: str, release: int, settings: ServerSettings
) -> GalleryEntry:
    """Someone forked the entry into their library: counted once per user (not the author)."""
    entry = find(session, entry_id, principal, settings)
    if not 1 <= release <= entry.latest_release:
        raise GalleryError(422, "The entry has no such release.")
    if (
        entry.author_id != principal.user_id
        and session.get(GalleryFork, (entry.id, principal.user_id)) is None
    ):
        session.add(
            GalleryFork(entry_id=entry.id, user_id=principal.user_id, release=release, at=utcnow())
        )
        bump(session, entry, fork_count=1)
        add_trend(entry, 3.0)
    return entry


def record_pull(
    session: Session,
    principal: Principal | None,
    entry_id: str,
    settings: ServerSettings,
    address: str = "",
) -> GalleryEntry:
    """A use of the entry: counted once a day per user (or per client address, anonymous),
    so reloading a page, or a script, cannot inflate it."""
    entry = find(session, entry_id, principal, settings)
    who = (
        principal.user_id
        if principal
        else "address:" + hashlib.sha256(address.encode()).hexdigest()[:24]
    )
    day = utcnow().date().isoformat()
    if session.get(GalleryPull, (entry.id, who, day)) is None:
        session.add(GalleryPull(entry_id=entry.id, who=who, day=day))
        session.flush()
        bump(session, entry, pull_count=1)
        add_trend(entry, 1.0)
    return entry


def bump(session: Session, entry: GalleryEntry, **deltas: int) -> None:
    """Add to counters in the database itself (``count = count + 1``), so two requests at
    once both count; the entry is read back."""
    session.execute(
        update(GalleryEntry)
        .where(GalleryEntry.id == entry.id)
        .values({name: getattr(GalleryEntry, name) + delta for name, delta in deltas.items()})
    )
    session.refresh(entry)


def releases(session: Session, entry: GalleryEntry) -> list[GalleryRelease]:
    return list(
        session.scalars(
            select(GalleryRelease)
            .where(GalleryRelease.entry_id == entry.id)
            .order_by(GalleryRelease.number)
        )
    )


def forks_of(session: Session, entry: GalleryEntry, limit: int = 50) -> list[GalleryEntry]:
    """Published forks of the entry (private forks are only counted)."""
    return list(
        session.scalars(
            select(GalleryEntry)
            .where(GalleryEntry.parent_id == entry.id, search.published_here(session))
            .order_by(GalleryEntry.rating_rank.desc(), GalleryEntry.created_at)
            .limit(limit)
        )
    )
