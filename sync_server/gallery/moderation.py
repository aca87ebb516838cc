"""Moderation, reports and ratings: what keeps the gallery worth browsing.

Moderators (the server's administrators, and users whose reputation reached
``gallery_trusted_reputation``) approve or reject entries waiting for review, remove any entry
with a reason, and dismiss reports. Anyone signed in reports an entry (one open report each,
``gallery_reports_per_day`` a day); reports from :data:`~catalogue.REPORTS_TO_HIDE` distinct
users take it out of search and send it back to review until a moderator decides. A rejected
or removed entry's page tells its author why; everyone else gets 404. Every moderator action is
in the audit log. Ratings are 1–5 stars, one per user and entry (a second replaces the
first); authors cannot rate their own entries, nor moderate them.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from sync_server.auth import audit
from sync_server.auth.principal import Principal
from sync_server.db.engine import aware, utcnow
from sync_server.db.gallery_models import (
    GalleryEntry,
    GalleryRating,
    GalleryRelease,
    GalleryReport,
)
from sync_server.gallery import catalogue, entries, search_index
from sync_server.gallery.entries import GalleryError
from sync_server.settings import ServerSettings

NEEDS_REASON = ("reject", "remove")


def moderate(
    session: Session,
    principal: Principal,
    entry_id: str,
    action: str,
    reason: str,
    settings: ServerSettings,
    address: str = "",
    release: int | None = None,
) -> GalleryEntry:
    """``release``, for approve: the release the moderator read — refused when the author
    published another meanwhile, so nothing is published unread."""
    if not entries.is_moderator(session, principal, settings):
        raise GalleryError(403, "Only moderators do this (administrators and trusted users).")
    entry = entries.find(session, entry_id, principal, settings)
    if entry.author_id == principal.user_id:
        raise GalleryError(403, "Another moderator decides about your own entries.")
    reason = reason.strip()[:1000]
    if action in NEEDS_REASON and not reason:
        raise GalleryError(422, f"Say why: a {action}ed entry's author sees the reason.")
    if action == "approve":
        if entry.status not in ("pending", "rejected"):
            raise GalleryError(409, f"The entry is {entry.status}; only one waiting is approved.")
        if release is not None and release != entry.latest_release:
            raise GalleryError(
                409,
                f"The author published release {entry.latest_release} since you read "
                f"release {release}: read it before approving.",
            )
        _set_reports(session, entry, "dismissed")
        entry.status, entry.status_reason, entry.hidden_by_reports = "published", "", False
        _index_latest(session, entry)
    elif action == "reject":
        if entry.status != "pending":
            raise GalleryError(409, f"The entry is {entry.status}; only one waiting is rejected.")
        _set_reports(session, entry, "upheld")
        entry.status, entry.status_reason, entry.hidden_by_reports = "rejected", reason, False
        search_index.unindex_entry(session, entry)
    elif action == "remove":
        _set_reports(session, entry, "upheld")
        entry.status, entry.status_reason, entry.hidden_by_reports = "removed", reason, False
        search_index.unindex_entry(session, entry)
    else:  # dismiss-reports (the API's Literal admits nothing else)
        _set_reports(session, entry, "dismissed")
        if entry.status == "pending" and entry.hidden_by_reports:
            # Only what the reports hid goes back; an entry otherwise in review stays there.
            entry.status, entry.status_reason, entry.hidden_by_reports = "published", "", False
            _index_latest(session, entry)
    entry.updated_at = utcnow()
    audit.record(
        session,
        f"gallery.{action}",
        actor_id=principal.user_id,
        target=entry.id,
        address=address,
        reason=reason,
    )
    return entry


def _index_latest(session: Session, entry: GalleryEntry) -> None:
    latest = session.get(GalleryRelease, (entry.id, entry.latest_release))
    if latest is not None:
        search_index.index_entry(session, entry, entries.body_of(latest))


def _set_reports(session: Session, entry: GalleryEntry, status: str) -> None:
    session.execute(
        update(GalleryReport)
        .where(GalleryReport.entry_id == entry.id, GalleryReport.status == "open")
        .values(status=status)
    )
    entry.open_reports = 0


def report(
    session: Session,
    principal: Principal,
    entry_id: str,
    reason: str,
    note: str,
    settings: ServerSettings,
) -> GalleryEntry:
    if reason not in catalogue.REPORT_REASONS:
        raise GalleryError(422, f"reason must be one of {', '.join(catalogue.REPORT_REASONS)}")
    entry = entries.find(session, entry_id, principal, settings)
    if entry.author_id == principal.user_id:
        raise GalleryError(409, "You cannot report your own entry; archive it instead.")
    already = session.scalar(
        select(GalleryReport.id).where(
            GalleryReport.entry_id == entry.id,
            GalleryReport.reporter_id == principal.user_id,
            GalleryReport.status == "open",
        )
    )
    if already is not None:
        raise GalleryError(409, "You reported this entry already; a moderator will look at it.")
    since = utcnow() - timedelta(days=1)
    recent = list(
        session.scalars(
            select(GalleryReport.at)
            .where(GalleryReport.reporter_id == principal.user_id, GalleryReport.at > since)
            .order_by(GalleryReport.at)
        )
    )
    limit = settings.gallery_reports_per_day
    if len(recent) >= limit:
        wait = (aware(recent[len(recent) - limit]) + timedelta(days=1) - utcnow()).total_seconds()
        raise GalleryError(
            429,
            f"You sent {limit} reports today; try again in {int(wait // 3600) + 1} h.",
            retry_after=max(1.0, wait),
        )
    session.add(
        GalleryReport(
            entry_id=entry.id,
            reporter_id=principal.user_id,
            reason=reason,
            note=note.strip()[:2000],
            at=utcnow(),
        )
    )
    session.flush()
    reporters = session.scalar(
        select(func.count(func.distinct(GalleryReport.reporter_id))).where(
            GalleryReport.entry_id == entry.id, GalleryReport.status == "open"
        )
    )
    entry.open_reports = int(reporters or 0)
    if entry.open_reports >= catalogue.REPORTS_TO_HIDE and entry.status == "published":
        entry.status, entry.hidden_by_reports = "pending", True
        entry.status_reason = (
            f"Hidden after reports from {entry.open_reports} users; a moderator will review it."
        )
        search_index.unindex_entry(session, entry)
    return entry


def rate(
    session: Session, principal: Principal, entry_id: str, stars: int, settings: ServerSettings
) -> GalleryEntry:
    if not 1 <= stars <= 5:
        raise GalleryError(422, "A rating is 1 to 5 stars.")
    entry = entries.find(session, entry_id, principal, settings)
    if entry.author_id == principal.user_id:
        raise GalleryError(409, "You cannot rate your own entry.")
    existing = session.get(GalleryRating, (entry.id, principal.user_id))
    if existing is None:
        session.add(
            GalleryRating(entry_id=entry.id, user_id=principal.user_id, stars=stars, at=utcnow())
        )
        session.flush()  # two ratings by one user at once: the second fails here, not later
        entries.bump(session, entry, rating_count=1, rating_sum=stars)
    else:
        entries.bump(session, entry, rating_sum=stars - existing.stars)
        existing.stars, existing.at = stars, utcnow()
    _rerank(session, entry)
    return entry


def unrate(session: Session, principal: Principal, entry_id: str, settings: ServerSettings) -> None:
    entry = entries.find(session, entry_id, principal, settings)
    existing = session.get(GalleryRating, (entry.id, principal.user_id))
    if existing is not None:
        entries.bump(session, entry, rating_count=-1, rating_sum=-existing.stars)
        session.delete(existing)
        _rerank(session, entry)


def _rerank(session: Session, entry: GalleryEntry) -> None:
    entry.rating_avg = entry.rating_sum / entry.rating_count if entry.rating_count else 0.0
    entry.rating_rank = entries.rating_rank(entry.rating_sum, entry.rating_count)
    search_index.refresh_facets(session, entry)  # "4 stars and up" finds it, or no longer does


def my_rating(session: Session, principal: Principal | None, entry: GalleryEntry) -> int | None:
    if principal is None:
        return None
    found = session.get(GalleryRating, (entry.id, principal.user_id))
    return found.stars if found else None


def queue(session: Session, limit: int = 100) -> list[GalleryEntry]:
    """Entries waiting for a moderator: submitted ones and ones hidden by reports, then
    published ones with open reports — oldest first."""
    return list(
        session.scalars(
            select(GalleryEntry)
            .where((GalleryEntry.status == "pending") | (GalleryEntry.open_reports > 0))
            .where(GalleryEntry.status.not_in(("removed", "archived")))
            .order_by(GalleryEntry.updated_at)
            .limit(limit)
        )
    )


def open_reports(session: Session, entry: GalleryEntry) -> list[GalleryReport]:
    return list(
        session.scalars(
            select(GalleryReport)
            .where(GalleryReport.entry_id == entry.id, GalleryReport.status == "open")
            .order_by(GalleryReport.at)
        )
    )
