"""Creating users (shared by the sign-up route and ``promptdesk-sync create-admin``)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync_server.auth.passwords import Passwords, password_problem
from sync_server.auth.tokens import new_id
from sync_server.db.engine import utcnow
from sync_server.db.models import User

MAX_EMAIL = 320


def normalize_email(email: str) -> str:
    return email.strip().lower()


def email_problem(email: str) -> str | None:
    local, at, domain = email.partition("@")
    if not at or not local or "." not in domain or len(email) > MAX_EMAIL or " " in email:
        return "That is not an e-mail address."
    return None


def create_user(
    session: Session,
    passwords: Passwords,
    email: str,
    password: str,
    display_name: str = "",
    *,
    is_admin: bool = False,
) -> User:
    """A new account; ``ValueError`` with a message for the user when it cannot be made."""
    email = normalize_email(email)
    problem = email_problem(email) or password_problem(password)
    if problem:
        raise ValueError(problem)
    if session.scalar(select(func.count()).select_from(User).where(User.email == email)):
        raise ValueError("An account with that e-mail address exists.")
    user = User(
        id=new_id(),
        email=email,
        display_name=display_name.strip()[:200] or email.split("@")[0],
        password_hash=passwords.hash(password),
        is_admin=is_admin,
        created_at=utcnow(),
    )
    session.add(user)
    session.flush()
    return user
