"""The community gallery's tables: entries, their releases, ratings and reports.

An entry is a template someone published; each release is an immutable snapshot of one of
their prompt's versions (``version_hash`` is the library's version id, checked against the
version payload that came with it), with its test cases, example inputs and outputs, and the
models it was tested on. Counters (ratings, pulls, forks, open reports) live on the entry so a
search sorts by them without joins; ``trend`` is a decayed activity score kept as a log, so
it sorts without being recomputed (:mod:`sync_server.gallery.entries`). The full-text index is
not a model: an FTS5 table on SQLite, ``tsvector`` and ``text[]`` columns on PostgreSQL, made by
migration 0002 (:mod:`sync_server.gallery.search_index`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sync_server.db.models import Base, BigId


class GalleryEntry(Base):
    __tablename__ = "gallery_entries"
    __table_args__ = (
        # One per sort order, matching it column for column (search.ORDERS).
        Index("ix_gallery_entries_status_rating", "status", "rating_rank", "num"),
        Index("ix_gallery_entries_status_created", "status", "created_at", "num"),
        Index("ix_gallery_entries_status_forks", "status", "fork_count", "num"),
        Index("ix_gallery_entries_status_trend", "status", "trend", "num"),
        Index("ix_gallery_entries_author", "author_id", "created_at"),
        Index("ix_gallery_entries_parent", "parent_id"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    # The full-text index's row id (SQLite FTS5 keys rows by integer).
    num: Mapped[int] = mapped_column(BigId, unique=True)
    author_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    industry: Mapped[str] = mapped_column(String(40), index=True)
    use_case: Mapped[str] = mapped_column(String(60), default="", index=True)
    complexity: Mapped[str] = mapped_column(String(20), default="")
    tags: Mapped[str] = mapped_column(Text, default="")  # " tag1 tag2 " (spaces around each)
    models: Mapped[str] = mapped_column(Text, default="")  # " local:x openai:y "
    license: Mapped[str] = mapped_column(String(40), index=True)
    # draft | pending | published | rejected | archived | removed
    status: Mapped[str] = mapped_column(String(16))
    status_reason: Mapped[str] = mapped_column(Text, default="")
    hidden_by_reports: Mapped[bool] = mapped_column(default=False)
    latest_release: Mapped[int] = mapped_column(Integer, default=0)
    parent_id: Mapped[str | None] = mapped_column(String(32), default=None)
    parent_release: Mapped[int | None] = mapped_column(Integer, default=None)
    root_id: Mapped[str | None] = mapped_column(String(32), default=None)
    rating_sum: Mapped[int] = mapped_column(Integer, default=0)
    rating_count: Mapped[int] = mapped_column(Integer, default=0)
    rating_avg: Mapped[float] = mapped_column(Float, default=0.0)  # shown
    # Sorted by: the average pulled towards 3 stars by two phantom ratings, so one 5-star
    # rating does not outrank fifty 4.8s (a Bayesian average).
    rating_rank: Mapped[float] = mapped_column(Float, default=3.0)
    pull_count: Mapped[int] = mapped_column(Integer, default=0)
    fork_count: Mapped[int] = mapped_column(Integer, default=0)
    open_reports: Mapped[int] = mapped_column(Integer, default=0)
    trend: Mapped[float] = mapped_column(Float, default=0.0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class GalleryRelease(Base):
    __tablename__ = "gallery_releases"

    entry_id: Mapped[str] = mapped_column(
        ForeignKey("gallery_entries.id", ondelete="CASCADE"), primary_key=True
    )
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_hash: Mapped[str] = mapped_column(String(64), index=True)
    version: Mapped[str] = mapped_column(Text)  # canonical JSON of the version payload
    examples: Mapped[str] = mapped_column(Text, default="[]")
    tested: Mapped[str] = mapped_column(Text, default="[]")  # [{model, passed, cases}]
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class GalleryRating(Base):
    __tablename__ = "gallery_ratings"

    entry_id: Mapped[str] = mapped_column(
        ForeignKey("gallery_entries.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[str] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    stars: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class GalleryReport(Base):
    __tablename__ = "gallery_reports"
    __table_args__ = (
        Index("ix_gallery_reports_entry_status", "entry_id", "status"),
        Index("ix_gallery_reports_reporter_at", "reporter_id", "at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(ForeignKey("gallery_entries.id", ondelete="CASCADE"))
    reporter_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | upheld | dismissed
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class GalleryFork(Base):
    """Who forked what (one per user and entry counts): the fork counter and reputation."""

    __tablename__ = "gallery_forks"

    entry_id: Mapped[str] = mapped_column(
        ForeignKey("gallery_entries.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[str] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    release: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class GalleryPull(Base):
    """A use of an entry, once a day per user (or per hashed client address)."""

    __tablename__ = "gallery_pulls"

    entry_id: Mapped[str] = mapped_column(
        ForeignKey("gallery_entries.id", ondelete="CASCADE"), primary_key=True
    )
    who: Mapped[str] = mapped_column(String(40), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
