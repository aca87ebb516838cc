"""Versions (immutable, content-addressed objects) and references (branch heads, labels).

A version is stored under the SHA-256 of its canonical JSON, exactly as the client sent it;
the server recomputes the id and refuses bytes that are not canonical or hash to another id,
so a download can always be checked against its address. Beyond that the server reads only
``parents`` (a list of ids, which need not be here yet: a client may upload a history in any
order).

A reference names a version: a prompt's branch head or one of its labels. It moves only by
compare-and-swap, like a git push: the client says which target it last saw (``None``: the
reference must not exist yet), and a reference someone else moved in the meantime answers 409
with who moved it and where. The swap is one ``UPDATE ... WHERE target = :expected`` (or one
``INSERT ... ON CONFLICT DO NOTHING``), so it is atomic on SQLite and PostgreSQL alike without
any read-then-write window. Editors move branches and unprotected labels; a protected label,
and protecting or unprotecting one, needs an admin. Every change is written to the audit log in
the same transaction.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import CursorResult, Delete, Update, delete, literal, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.core.protocol.objects import OBJECT_ID, is_canonical
from sync_server.auth import audit
from sync_server.auth.roles import Role
from sync_server.db.engine import aware, utcnow
from sync_server.db.models import Ref, User, VersionObject

MAX_VERSION_BYTES = 1024 * 1024
MAX_IDS = 1000  # per "which of these do you lack" question, and per page of a listing
DEFAULT_PAGE = 500

OBJECT_ID_PATTERN = r"^[0-9a-f]{64}$"
PROMPT_ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"

# A swap that loses a race re-reads and decides again; more losses than this in one request
# means the reference is being fought over, and the client hears 409 with the newest state.
_CAS_ATTEMPTS = 5


class RefKind(StrEnum):
    BRANCH = "branch"
    LABEL = "label"


@dataclass(frozen=True)
class RefKey:
    workspace_id: str
    prompt_id: str
    kind: RefKind
    name: str

    @property
    def label(self) -> str:
        """How the audit log and messages name it."""
        return f"{self.prompt_id}/{self.name}"


@dataclass(frozen=True)
class RefState:
    prompt_id: str
    kind: RefKind
    name: str
    target: str
    protected: bool
    updated_at: datetime
    updated_by: str | None  # a user id
    updated_by_name: str | None  # their display name, for "Ana moved it" messages


@dataclass(frozen=True)
class StoredVersion:
    id: str
    prompt_id: str
    size: int
    created: bool  # False: it was here already, nothing changed


class ObjectsError(Exception):
    """A request this module refuses, with the HTTP status and a message for the user."""

    def __init__(self, status_code: int, detail: str) -> None:
        super().__init__(detail)
        self.status_code = status_code
        self.detail = detail


class RefConflict(ObjectsError):
    """The reference is not where the client expected it: 409, with where it is now."""

    def __init__(self, detail: str, current: RefState | None) -> None:
        super().__init__(409, detail)
        self.current = current


# --- versions ----------------------------------------------------------------------------


def _reject_constant(name: str) -> Any:
    # Python's json accepts NaN and Infinity, and writes them back "canonically"; they are not
    # JSON, and another client's parser would refuse the download.
    raise ValueError(f"{name} is not JSON")


def check_version(version_id: str, raw: bytes) -> None:
    """Refuse bytes that are too big, not a canonical JSON object, or not stored under their id."""
    if len(raw) > MAX_VERSION_BYTES:
        raise ObjectsError(413, f"A version may be at most {MAX_VERSION_BYTES} bytes.")
    try:
        payload = json.loads(raw, parse_constant=_reject_constant)
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise ObjectsError(422, f"The body is not JSON: {error}") from None
    if not isinstance(payload, dict):
        raise ObjectsError(422, "A version is a JSON object.")
    if not is_canonical(raw):
        raise ObjectsError(
            422,
            "The body is not canonical JSON (sorted keys, no spaces, UTF-8 without escapes); "
            "upload the exact bytes the version id was computed over.",
        )
    # Canonical bytes are their own canonical form, so this is object_id(payload).
    actual = hashlib.sha256(raw).hexdigest()
    if actual != version_id:
        raise ObjectsError(
            422, f"The body hashes to {actual}, not to {version_id}: nothing was stored."
        )
    parents = payload.get("parents", [])
    if not isinstance(parents, list) or not all(
        isinstance(parent, str) and OBJECT_ID.fullmatch(parent) for parent in parents
    ):
        raise ObjectsError(422, "'parents' must be a list of version ids (64 lowercase hex).")


def _insert_new(session: Session, model: type[VersionObject | Ref], values: dict[str, Any]) -> bool:
    """Insert a row unless its primary key exists; whether it was inserted.

    ``ON CONFLICT DO NOTHING`` instead of catching IntegrityError: on PostgreSQL a failed
    INSERT aborts the whole transaction, and SQLite's driver mishandles the savepoint that
    would contain it. ``RETURNING`` says whether a row went in (psycopg reports no rowcount
    here); SQLite has it since 3.35.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        statement: Any = postgresql.insert(model).values(values).on_conflict_do_nothing()
    elif dialect == "sqlite":
        statement = sqlite.insert(model).values(values).on_conflict_do_nothing()
    else:  # pragma: no cover - the server runs on these two only
        raise RuntimeError(f"unsupported database {dialect}")
    inserted = session.execute(statement.returning(model.workspace_id)).first()
    return inserted is not None


def store_version(
    session: Session,
    workspace_id: str,
    version_id: str,
    prompt_id: str,
    raw: bytes,
    actor_id: str,
) -> StoredVersion:
    check_version(version_id, raw)
    created = _insert_new(
        session,
        VersionObject,
        {
            "workspace_id": workspace_id,
            "id": version_id,
            "prompt_id": prompt_id,
            "data": raw,
            "created_at": utcnow(),
            "created_by": actor_id,
        },
    )
    return StoredVersion(id=version_id, prompt_id=prompt_id, size=len(raw), created=created)


def load_version(session: Session, workspace_id: str, version_id: str) -> bytes | None:
    return session.scalar(
        select(VersionObject.data).where(
            VersionObject.workspace_id == workspace_id, VersionObject.id == version_id
        )
    )


def version_exists(session: Session, workspace_id: str, version_id: str) -> bool:
    found = session.scalar(
        select(literal(1)).where(
            VersionObject.workspace_id == workspace_id, VersionObject.id == version_id
        )
    )
    return found is not None


def list_versions(
    session: Session,
    workspace_id: str,
    *,
    prompt_id: str | None = None,
    after: str | None = None,
    limit: int = DEFAULT_PAGE,
) -> tuple[list[str], str | None]:
    """One page of version ids in id order, and the ``after`` of the next page (None: last)."""
    query = select(VersionObject.id).where(VersionObject.workspace_id == workspace_id)
    if prompt_id is not None:
        query = query.where(VersionObject.prompt_id == prompt_id)
    if after is not None:
        query = query.where(VersionObject.id > after)
    # One more than asked tells whether there is a next page without counting.
    ids = list(session.scalars(query.order_by(VersionObject.id).limit(limit + 1)))
    if len(ids) > limit:
        return ids[:limit], ids[limit - 1]
    return ids, None


def missing_versions(session: Session, workspace_id: str, ids: list[str]) -> list[str]:
    """Which of ``ids`` this workspace lacks, in the order asked, each once."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    present = set(
        session.scalars(
            select(VersionObject.id).where(
                VersionObject.workspace_id == workspace_id, VersionObject.id.in_(wanted)
            )
        )
    )
    return [version_id for version_id in wanted if version_id not in present]


# --- references --------------------------------------------------------------------------


def _states(session: Session, *conditions: Any) -> list[RefState]:
    rows = session.execute(
        select(Ref, User.display_name)
        .outerjoin(User, User.id == Ref.updated_by)
        .where(*conditions)
        .order_by(Ref.prompt_id, Ref.kind, Ref.name)
    ).all()
    return [
        RefState(
            prompt_id=ref.prompt_id,
            kind=RefKind(ref.kind),
            name=ref.name,
            target=ref.target,
            protected=ref.protected,
            updated_at=aware(ref.updated_at),
            updated_by=ref.updated_by,
            updated_by_name=name,
        )
        for ref, name in (row.tuple() for row in rows)
    ]


def list_refs(session: Session, workspace_id: str, prompt_id: str | None = None) -> list[RefState]:
    conditions: list[Any] = [Ref.workspace_id == workspace_id]
    if prompt_id is not None:
        conditions.append(Ref.prompt_id == prompt_id)
    return _states(session, *conditions)


def _key_conditions(key: RefKey) -> list[Any]:
    return [
        Ref.workspace_id == key.workspace_id,
        Ref.prompt_id == key.prompt_id,
        Ref.kind == key.kind.value,
        Ref.name == key.name,
    ]


def get_ref(session: Session, key: RefKey) -> RefState | None:
    found = _states(session, *_key_conditions(key))
    return found[0] if found else None


def _check_allowed(
    key: RefKey, role: Role, current: RefState | None, changes_protection: bool
) -> None:
    """403 unless ``role`` may change this label (admins may; editors only unprotected ones)."""
    if role.at_least(Role.ADMIN):
        return
    if current is not None and current.protected:
        raise ObjectsError(
            403, f"The label {key.label} is protected: moving or deleting it needs an admin."
        )
    if changes_protection:
        raise ObjectsError(403, "Protecting or unprotecting a label needs an admin.")


def _stale(key: RefKey, expected: str | None, current: RefState | None) -> RefConflict:
    if current is None:
        return RefConflict(
            f"The {key.kind} {key.label} does not exist (anymore); you expected it at "
            f"{(expected or '')[:12]}.",
            None,
        )
    who = current.updated_by_name or "someone"
    if expected is None:
        return RefConflict(
            f"The {key.kind} {key.label} exists already: {who} set it to {current.target[:12]}.",
            current,
        )
    return RefConflict(
        f"The {key.kind} {key.label} moved: {who} set it to {current.target[:12]} "
        f"(you expected {expected[:12]}).",
        current,
    )


def _execute(session: Session, statement: Update | Delete) -> int:
    return cast(CursorResult[Any], session.execute(statement)).rowcount


def _audit(
    session: Session,
    key: RefKey,
    verb: str,
    actor_id: str,
    address: str,
    before: str | None,
    after: str | None,
    protected: bool,
) -> None:
    """One audit event: ``label.moved`` from ``before`` to ``after`` (None: not there)."""
    audit.record(
        session,
        f"{key.kind}.{verb}",
        actor_id=actor_id,
        workspace_id=key.workspace_id,
        target=key.label,
        address=address,
        **{"from": before, "to": after, "protected": protected},
    )


def set_ref(
    session: Session,
    key: RefKey,
    *,
    expected: str | None,
    target: str,
    protected: bool | None,
    actor_id: str,
    role: Role,
    address: str = "",
) -> tuple[RefState, bool]:
    """Compare-and-swap ``key`` from ``expected`` to ``target``; the new state, and whether new.

    ``protected=None`` keeps the label's protection as it is (new labels: unprotected).
    """
    if key.kind is RefKind.BRANCH and protected:
        raise ObjectsError(422, "Only labels can be protected.")
    if not version_exists(session, key.workspace_id, target):
        raise ObjectsError(
            422, f"No version {target} in this workspace: upload it before pointing at it."
        )
    for _attempt in range(_CAS_ATTEMPTS):
        current = get_ref(session, key)
        was_protected = current.protected if current is not None else False
        protect = was_protected if protected is None else protected
        if key.kind is RefKind.LABEL:
            _check_allowed(key, role, current, protect != was_protected)
        if current is None:
            if expected is not None:
                raise _stale(key, expected, None)
            values = {
                "workspace_id": key.workspace_id,
                "prompt_id": key.prompt_id,
                "kind": key.kind.value,
                "name": key.name,
                "target": target,
                "protected": protect,
                "updated_at": utcnow(),
                "updated_by": actor_id,
            }
            if _insert_new(session, Ref, values):
                _audit(session, key, "created", actor_id, address, None, target, protect)
                return _found(session, key), True
            continue  # created by someone else just now: decide again against theirs
        if expected != current.target:
            raise _stale(key, expected, current)
        if current.target == target and protect == was_protected:
            return current, False  # nothing to change, nothing to audit
        moved = _execute(
            session,
            update(Ref)
            .where(
                *_key_conditions(key),
                Ref.target == expected,
                # The permission check above read this value: the swap holds only if it holds.
                Ref.protected == was_protected,
            )
            .values(target=target, protected=protect, updated_at=utcnow(), updated_by=actor_id),
        )
        if moved == 1:
            if current.target != target:
                _audit(session, key, "moved", actor_id, address, current.target, target, protect)
            if protect != was_protected:
                verb = "protected" if protect else "unprotected"
                _audit(session, key, verb, actor_id, address, current.target, target, protect)
            return _found(session, key), False
    raise _stale(key, expected, get_ref(session, key))


def delete_ref(
    session: Session,
    key: RefKey,
    *,
    expected: str,
    actor_id: str,
    role: Role,
    address: str = "",
) -> None:
    """Delete ``key`` if it still points at ``expected``."""
    for _attempt in range(_CAS_ATTEMPTS):
        current = get_ref(session, key)
        if key.kind is RefKind.LABEL:
            _check_allowed(key, role, current, False)
        if current is None or current.target != expected:
            raise _stale(key, expected, current)
        deleted = _execute(
            session,
            delete(Ref).where(
                *_key_conditions(key),
                Ref.target == expected,
                Ref.protected == current.protected,
            ),
        )
        if deleted == 1:
            _audit(session, key, "deleted", actor_id, address, expected, None, current.protected)
            return
    raise _stale(key, expected, get_ref(session, key))


def _found(session: Session, key: RefKey) -> RefState:
    state = get_ref(session, key)
    if state is None:  # pragma: no cover - we hold the row we just wrote
        raise RuntimeError(f"reference {key} vanished inside its own transaction")
    return state
