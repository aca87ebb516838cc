"""``promptdesk-sync seed-gallery``: publish the starter catalogue on this server.

The entries belong to an account named "Promptdesk" (made here, with no password anyone
knows; an administrator's address may be given instead) and are published at once. Seeding is
idempotent: a template whose version is already released here is skipped, so running it again
after an upgrade adds only what is new.
"""

from __future__ import annotations

import secrets
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

import gallery_starter
from app.core.protocol.objects import object_id
from sync_server.db.engine import utcnow
from sync_server.db.gallery_models import GalleryRelease
from sync_server.db.models import User
from sync_server.gallery import catalogue, entries
from sync_server.gallery.entries import Publication

STARTER_EMAIL = "starter-catalogue@promptdesk.invalid"


def _author(session: Session, email: str | None) -> User:
    wanted = (email or STARTER_EMAIL).lower()
    user = session.scalar(select(User).where(User.email == wanted))
    if user is not None:
        return user
    if email:
        raise ValueError(f"no account {email}: create it first (create-admin)")
    user = User(
        id=uuid.uuid4().hex,
        email=STARTER_EMAIL,
        display_name="Promptdesk",
        password_hash="!" + secrets.token_hex(16),  # matches no password
        is_admin=False,
        created_at=utcnow(),
    )
    session.add(user)
    session.flush()
    return user


def seed(session: Session, email: str | None = None) -> tuple[int, int]:
    """``(published, already there)``."""
    author = _author(session, email)
    published = skipped = 0
    for template in gallery_starter.templates():
        payload = gallery_starter.version_payload(template)
        version_hash = object_id(payload)
        if session.scalar(
            select(GalleryRelease.entry_id).where(GalleryRelease.version_hash == version_hash)
        ):
            skipped += 1
            continue
        prompt = template["prompt"]
        cases = len(prompt.get("tests", []))
        remote = template.get("remote_only", {})
        publication = Publication(
            version_hash=version_hash,
            version=payload,
            title=prompt.get("title") or prompt["name"],
            description=prompt.get("description", ""),
            industry=prompt.get("industry") or "general",
            use_case=prompt.get("use_case", ""),
            complexity=prompt.get("complexity") or "",
            tags=list(prompt.get("tags", [])),
            license=template.get("license", catalogue.DEFAULT_LICENSE),
            examples=template.get("examples", []),
            tested=[
                {"model": model, "passed": cases - len(remote), "cases": cases}
                for model in template.get("models", [])
            ],
            notes="From the starter catalogue.",
        )
        entry = entries.new_entry(author.id, publication, "published")
        entries.store_entry(session, entry, publication, entries.checked(publication))
        published += 1
    return published, skipped
