"""``/v1/auth`` and ``/v1/me``: sign-up, sign-in, sessions, API tokens and device sign-in.

Tokens appear in a response exactly once (when made); lists show their prefix. Every error
body is ``{"detail": "..."}`` (a list of field errors for 422 from request validation), and
every status a route can answer is declared, so the OpenAPI document is exact.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Response, status
from pydantic import AfterValidator, BaseModel, Field

from sync_server import accounts
from sync_server.api.deps import Address, Caller, DbSession, ServicesDep
from sync_server.auth import device
from sync_server.auth.tokens import Scope, parse_scopes
from sync_server.db.engine import aware
from sync_server.db.models import Credential, User

router = APIRouter(tags=["accounts"])


class Problem(BaseModel):
    detail: str


class InvalidRequest(BaseModel):
    """422: a field-by-field list from request validation, or one sentence from the server."""

    detail: str | list[dict[str, Any]]


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for these error statuses, each with its body schema.

    A route that reads a JSON body also answers 400 when the body cannot be parsed.
    """
    declared: dict[int | str, dict[str, Any]] = {}
    for code in codes:
        if code == status.HTTP_400_BAD_REQUEST:
            declared[code] = {"model": Problem, "description": "The body is not JSON"}
        elif code == status.HTTP_422_UNPROCESSABLE_CONTENT:
            declared[code] = {"model": InvalidRequest}
        elif code == status.HTTP_429_TOO_MANY_REQUESTS:
            declared[code] = {
                "model": Problem,
                "headers": {
                    "Retry-After": {
                        "description": "Seconds to wait before trying again",
                        "schema": {"type": "integer"},
                    }
                },
            }
        else:
            declared[code] = {"model": Problem}
    return declared


# PostgreSQL refuses NUL in text: refused here, such input is a 422 instead of a 500.
PLAIN = r"^[^\x00]*$"
IdPath = Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
# SQLite hands back naive datetimes; every time in a response says it is UTC.
Moment = Annotated[datetime, AfterValidator(aware)]


class UserOut(BaseModel):
    id: str
    email: str
    display_name: str
    is_admin: bool

    @classmethod
    def of(cls, user: User) -> UserOut:
        return cls(
            id=user.id, email=user.email, display_name=user.display_name, is_admin=user.is_admin
        )


class SignedIn(BaseModel):
    token: str = Field(description="Send as 'Authorization: Bearer <token>'; shown only now")
    expires_at: Moment | None
    user: UserOut

    @classmethod
    def of(cls, user: User, issued: accounts.Issued) -> SignedIn:
        return cls(
            token=issued.token, expires_at=issued.credential.expires_at, user=UserOut.of(user)
        )


class SignUp(BaseModel):
    email: str = Field(max_length=accounts.MAX_EMAIL, pattern=PLAIN)
    password: str = Field(max_length=1024)
    display_name: str = Field(default="", max_length=200, pattern=PLAIN)
    invitation: str | None = Field(default=None, max_length=200, description="invitation code")


class LogIn(BaseModel):
    email: str = Field(max_length=accounts.MAX_EMAIL, pattern=PLAIN)
    password: str = Field(max_length=1024)
    device_name: str | None = Field(
        default=None,
        max_length=200,
        pattern=PLAIN,
        description="Sign a device in (a long-lived device token) instead of opening a session",
    )


class CredentialOut(BaseModel):
    id: str
    kind: str = Field(description="session | device | api")
    name: str
    prefix: str
    scopes: list[Scope]
    created_at: Moment
    expires_at: Moment | None
    last_used_at: Moment | None
    current: bool = Field(description="the credential this request was made with")

    @classmethod
    def of(cls, credential: Credential, current_id: str) -> CredentialOut:
        return cls(
            id=credential.id,
            kind=credential.kind,
            name=credential.name,
            prefix=credential.prefix,
            scopes=sorted(parse_scopes(credential.scopes)),
            created_at=credential.created_at,
            expires_at=credential.expires_at,
            last_used_at=credential.last_used_at,
            current=credential.id == current_id,
        )


class NewApiToken(BaseModel):
    name: str = Field(min_length=1, max_length=200, pattern=PLAIN)
    scopes: list[Scope] = Field(min_length=1, max_length=3)
    expires_in_days: int | None = Field(default=None, ge=1, le=3650)


class ApiTokenOut(BaseModel):
    token: str = Field(description="shown only now")
    id: str
    prefix: str
    scopes: list[Scope]
    expires_at: Moment | None


class DeviceStart(BaseModel):
    device_name: str = Field(min_length=1, max_length=200, pattern=PLAIN)


class DeviceCodes(BaseModel):
    device_code: str = Field(description="secret: the device polls /v1/auth/device/token with it")
    user_code: str = Field(description="shown to the person, who enters it where signed in")
    verification_uri: str
    expires_in: int
    interval: int = Field(description="seconds between polls")


class DeviceApproval(BaseModel):
    user_code: str = Field(max_length=32)


class DeviceTokenRequest(BaseModel):
    device_code: str = Field(max_length=200)


@router.post(
    "/auth/signup",
    status_code=status.HTTP_201_CREATED,
    response_model=SignedIn,
    responses=errors(400, 403, 404, 409, 410, 422),
)
def sign_up(body: SignUp, session: DbSession, services: ServicesDep, address: Address) -> SignedIn:
    """Create an account (open sign-up, or with an invitation code, which also joins)."""
    user, issued = accounts.sign_up(
        session,
        services,
        body.email,
        body.password,
        body.display_name,
        invitation=body.invitation,
        address=address,
    )
    return SignedIn.of(user, issued)


@router.post("/auth/login", response_model=SignedIn, responses=errors(400, 401, 422, 429))
def log_in(body: LogIn, services: ServicesDep, address: Address) -> SignedIn:
    """Sign in with e-mail and password: a session, or with ``device_name`` a device token."""
    user, issued = accounts.log_in(services, body.email, body.password, body.device_name, address)
    return SignedIn.of(user, issued)


@router.post(
    "/auth/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=errors(401),
)
def log_out(principal: Caller, session: DbSession, services: ServicesDep, address: Address) -> None:
    """Revoke the token this request carries."""
    accounts.revoke(session, services, principal, principal.credential_id, address=address)


@router.get("/me", response_model=UserOut, responses=errors(401))
def me(principal: Caller, session: DbSession) -> UserOut:
    return UserOut.of(accounts.user_of(session, principal))


@router.get("/auth/credentials", response_model=list[CredentialOut], responses=errors(401))
def list_credentials(principal: Caller, session: DbSession) -> list[CredentialOut]:
    """The caller's sessions, devices and API tokens that still work (never the tokens)."""
    return [
        CredentialOut.of(credential, principal.credential_id)
        for credential in accounts.live_credentials(session, principal.user_id)
    ]


@router.delete(
    "/auth/credentials/{credential_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=errors(401, 403, 404, 422),
)
def revoke_credential(
    credential_id: IdPath,
    principal: Caller,
    session: DbSession,
    services: ServicesDep,
    address: Address,
) -> None:
    """Revoke one of the caller's credentials (another's answers 404 like a missing one)."""
    accounts.revoke(session, services, principal, credential_id, address=address)


@router.post(
    "/auth/tokens",
    status_code=status.HTTP_201_CREATED,
    response_model=ApiTokenOut,
    responses=errors(400, 401, 403, 422),
)
def create_token(
    body: NewApiToken, principal: Caller, session: DbSession, address: Address
) -> ApiTokenOut:
    """A personal API token with the chosen scopes (needs a caller with the admin scope)."""
    issued = accounts.create_api_token(
        session,
        principal,
        body.name,
        frozenset(body.scopes),
        body.expires_in_days,
        address=address,
    )
    credential = issued.credential
    return ApiTokenOut(
        token=issued.token,
        id=credential.id,
        prefix=credential.prefix,
        scopes=sorted(parse_scopes(credential.scopes)),
        expires_at=credential.expires_at,
    )


@router.post("/auth/device", response_model=DeviceCodes, responses=errors(400, 422))
def start_device_sign_in(
    body: DeviceStart, session: DbSession, services: ServicesDep
) -> DeviceCodes:
    """Begin signing a device in: show ``user_code``, poll ``/v1/auth/device/token``."""
    started = device.start(session, body.device_name)
    return DeviceCodes(
        device_code=started.device_code,
        user_code=started.user_code,
        verification_uri=services.settings.base_url + device.APPROVE_PATH,
        expires_in=started.expires_in,
        interval=device.INTERVAL_SECONDS,
    )


@router.post(
    "/auth/device/approve",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=errors(400, 401, 403, 404, 422),
)
def approve_device(
    body: DeviceApproval, principal: Caller, session: DbSession, address: Address
) -> None:
    """Let the device showing this code sign in as the caller."""
    device.approve(session, principal, body.user_code, address=address)


@router.post("/auth/device/token", response_model=SignedIn, responses=errors(400, 422))
def device_token(
    body: DeviceTokenRequest, session: DbSession, services: ServicesDep, address: Address
) -> SignedIn:
    """The device's token once approved; until then 400 ``authorization_pending``; later
    ``expired_token`` or ``invalid_grant`` (already used or unknown)."""
    user, issued = device.redeem(session, services, body.device_code, address=address)
    return SignedIn.of(user, issued)
