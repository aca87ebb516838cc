"""The audit log: one row per security-relevant action, written in the action's transaction.

Actions are dotted names (``auth.login``, ``auth.login_failed``, ``token.created``,
``member.role_changed``, ``label.moved``...). Details are small JSON objects of ids and names,
never passwords, tokens or document contents.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from sync_server.db.engine import utcnow
from sync_server.db.models import AuditEvent


def record(
    session: Session,
    action: str,
    *,
    actor_id: str | None,
    workspace_id: str | None = None,
    target: str = "",
    address: str = "",
    **details: Any,
) -> None:
    session.add(
        AuditEvent(
            at=utcnow(),
            workspace_id=workspace_id,
            actor_id=actor_id,
            action=action,
            target=target[:200],
            details=json.dumps(details, sort_keys=True, default=str),
            address=address[:64],
        )
    )
