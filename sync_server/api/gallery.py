"""``/v1/gallery``: the community gallery over HTTP.

Reading is public (no account needed): search, an entry's page, a release, an author, and
counting a use. Writing needs a token with the ``write`` scope: publish, release, submit,
archive, rate, report, count a fork, moderate. Every response is built from the models below,
which name each field that may leave the server (an allow-list): nothing of a workspace, a
member's e-mail, a private prompt or a version's commit message and author is ever in them,
and an entry that is not public answers 404 to everyone but its author (and, unless it is a
draft, the moderators).
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator, BaseModel, Field, StringConstraints
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from sync_server.api.accounts import PLAIN, IdPath, Moment, errors
from sync_server.api.deps import Address, Caller, DbSession, ServicesDep, require_scope
from sync_server.auth.principal import Principal, authenticate
from sync_server.auth.tokens import Scope
from sync_server.db.gallery_models import GalleryEntry, GalleryRelease
from sync_server.db.models import User
from sync_server.gallery import catalogue, entries, moderation, search
from sync_server.gallery.catalogue import CatalogueError
from sync_server.gallery.entries import GalleryError, Publication

router = APIRouter(prefix="/gallery", tags=["gallery"])
_bearer = HTTPBearer(auto_error=False, description="Optional: a session, device or API token")

MAX_BODY_BYTES = 512 * 1024


def _encodable(value: str) -> str:
    """Text that UTF-8 can hold (a lone surrogate is JSON, not text: 422, not a 500)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("holds characters that are not text (a lone surrogate)") from None
    return value


Text = Annotated[str, StringConstraints(max_length=4000, pattern=PLAIN), AfterValidator(_encodable)]
Short = Annotated[str, StringConstraints(max_length=200, pattern=PLAIN), AfterValidator(_encodable)]


def bounded(request: Request) -> None:
    """A publish body over the limit is refused before it is parsed."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            f"A publish request may be at most {MAX_BODY_BYTES} bytes.",
        )


def maybe_caller(
    session: DbSession,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal | None:
    """The caller when a valid token came with the request; public reads work without."""
    if credentials is None:
        return None
    return authenticate(session, credentials.credentials)


MaybeCaller = Annotated[Principal | None, Depends(maybe_caller)]


def _raise(error: GalleryError | CatalogueError) -> HTTPException:
    if isinstance(error, CatalogueError):
        return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error))
    headers = {"Retry-After": str(int(error.retry_after))} if error.retry_after else None
    return HTTPException(error.status, error.message, headers=headers)


# --- what leaves the server ------------------------------------------------------------------


class AuthorOut(BaseModel):
    id: str
    display_name: str
    reputation: int


class TestedOut(BaseModel):
    model: str
    passed: int
    cases: int


class EntrySummary(BaseModel):
    id: str
    title: str
    description: str
    industry: str
    use_case: str
    complexity: str
    tags: list[str]
    models: list[str]
    license: str
    author: AuthorOut
    latest_release: int
    rating_average: float
    rating_count: int
    pulls: int
    forks: int
    parent_id: str | None
    created_at: Moment
    updated_at: Moment


class ReleaseSummary(BaseModel):
    number: int
    version_hash: str
    notes: str
    created_at: Moment


class ReleaseOut(ReleaseSummary):
    version: dict[str, Any] = Field(
        description="{content}: the prompt's content (the rest of the version payload — parents, "
        "message, author, time — stays on the server, which checked it hashes to version_hash)"
    )
    examples: list[dict[str, Any]]
    tested: list[TestedOut]


class EntryPage(EntrySummary):
    status: str = Field(description="published for everyone; its author also sees the others")
    status_reason: str
    parent_release: int | None
    root_id: str | None
    releases: list[ReleaseSummary]
    latest: ReleaseOut
    forks_published: list[EntrySummary]
    my_rating: int | None
    can_moderate: bool
    yours: bool = Field(False, description="the caller published it (rating it is refused)")


class SearchPage(BaseModel):
    total: int = Field(description="how many match, counted up to 1,001 (1,001: more than 1,000)")
    entries: list[EntrySummary]


class Meta(BaseModel):
    industries: list[str]
    licenses: list[str]
    sorts: list[str]
    report_reasons: list[str]
    complexities: list[str]


def _authors(session: DbSession, user_ids: list[str]) -> dict[str, AuthorOut]:
    """The authors of a page of entries, with their reputations (two queries for them all)."""
    wanted = sorted(set(user_ids))
    users = {u.id: u for u in session.scalars(select(User).where(User.id.in_(wanted)))}
    standing = entries.reputations(session, wanted)
    found = {}
    for user_id in wanted:
        user = users.get(user_id)
        name = user.display_name if user else ""
        if user is not None and name == user.email.split("@")[0]:
            # The default name is the e-mail's local part: the gallery never shows it.
            name = f"author-{user_id[:6]}"
        found[user_id] = AuthorOut(
            id=user_id, display_name=name or "anonymous", reputation=standing[user_id]
        )
    return found


def _author(session: DbSession, user_id: str, cache: dict[str, AuthorOut]) -> AuthorOut:
    if user_id not in cache:
        cache.update(_authors(session, [user_id]))
    return cache[user_id]


def _summary(session: DbSession, entry: GalleryEntry, cache: dict[str, AuthorOut]) -> EntrySummary:
    return EntrySummary(
        id=entry.id,
        title=entry.title,
        description=entry.description,
        industry=entry.industry,
        use_case=entry.use_case,
        complexity=entry.complexity,
        tags=catalogue.unwords(entry.tags),
        models=catalogue.unwords(entry.models),
        license=entry.license,
        author=_author(session, entry.author_id, cache),
        latest_release=entry.latest_release,
        rating_average=round(entry.rating_avg, 2),
        rating_count=entry.rating_count,
        pulls=entry.pull_count,
        forks=entry.fork_count,
        parent_id=entry.parent_id,
        created_at=entry.created_at,
        updated_at=entry.updated_at,
    )


def _release(release: GalleryRelease) -> ReleaseOut:
    return ReleaseOut(
        number=release.number,
        version_hash=release.version_hash,
        notes=release.notes,
        created_at=release.created_at,
        version={"content": json.loads(release.version)["content"]},
        examples=json.loads(release.examples),
        tested=[TestedOut(**t) for t in json.loads(release.tested)],
    )


def _page(
    session: DbSession, entry: GalleryEntry, caller: Principal | None, services: ServicesDep
) -> EntryPage:
    cache: dict[str, AuthorOut] = {}
    all_releases = entries.releases(session, entry)
    moderator = entries.is_moderator(session, caller, services.settings)
    own = caller is not None and caller.user_id == entry.author_id
    return EntryPage(
        **_summary(session, entry, cache).model_dump(),
        # Why it is hidden is for its author and the moderators; nobody else gets this far.
        status=entry.status,
        status_reason=entry.status_reason if (own or moderator) else "",
        parent_release=entry.parent_release,
        root_id=entry.root_id,
        releases=[
            ReleaseSummary(
                number=r.number, version_hash=r.version_hash, notes=r.notes, created_at=r.created_at
            )
            for r in all_releases
        ],
        latest=_release(all_releases[-1]),
        forks_published=[_summary(session, f, cache) for f in entries.forks_of(session, entry)],
        my_rating=moderation.my_rating(session, caller, entry),
        can_moderate=moderator,
        yours=own,
    )


# --- public reads ------------------------------------------------------------------------------


@router.get("/meta", response_model=Meta)
def meta() -> Meta:
    """The words the filters and forms use."""
    return Meta(
        industries=list(catalogue.INDUSTRIES),
        licenses=list(catalogue.LICENSES),
        sorts=list(catalogue.SORTS),
        report_reasons=list(catalogue.REPORT_REASONS),
        complexities=[c for c in catalogue.COMPLEXITIES if c],
    )


@router.get("/entries", response_model=SearchPage, responses=errors(422))
def search_entries(
    session: DbSession,
    q: Annotated[str, Query(max_length=200, pattern=PLAIN)] = "",
    industry: Annotated[str, Query(max_length=40, pattern=PLAIN)] = "",
    use_case: Annotated[str, Query(max_length=60, pattern=PLAIN)] = "",
    tag: Annotated[str, Query(max_length=40, pattern=PLAIN)] = "",
    model: Annotated[str, Query(max_length=120, pattern=PLAIN)] = "",
    license: Annotated[str, Query(max_length=40, pattern=PLAIN)] = "",
    min_rating: Annotated[float, Query(ge=0, le=5)] = 0.0,
    sort: Literal["relevance", "top", "forks", "new", "trending"] = "relevance",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=search.COUNT_UP_TO)] = 0,
) -> SearchPage:
    """Search published entries: words (by prefix) with filters, sorted."""
    query = search.Query(
        q, industry, use_case, tag, model, license, min_rating, sort, limit, offset
    )
    total, found = search.search(session, query)
    cache = _authors(session, [e.author_id for e in found])
    return SearchPage(total=total, entries=[_summary(session, e, cache) for e in found])


@router.get("/entries/{entry_id}", response_model=EntryPage, responses=errors(404, 422))
def entry_page(
    entry_id: IdPath, session: DbSession, caller: MaybeCaller, services: ServicesDep
) -> EntryPage:
    """An entry's page: its latest release in full, its releases, forks and ratings."""
    try:
        entry = entries.find(session, entry_id, caller, services.settings)
    except GalleryError as error:
        raise _raise(error) from None
    return _page(session, entry, caller, services)


@router.get(
    "/entries/{entry_id}/releases/{number}", response_model=ReleaseOut, responses=errors(404, 422)
)
def release(
    entry_id: IdPath,
    number: Annotated[int, Path(ge=1, le=1_000_000)],
    session: DbSession,
    caller: MaybeCaller,
    services: ServicesDep,
) -> ReleaseOut:
    try:
        entry = entries.find(session, entry_id, caller, services.settings)
    except GalleryError as error:
        raise _raise(error) from None
    found = session.get(GalleryRelease, (entry.id, number))
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "The entry has no such release.")
    return _release(found)


@router.get("/authors/{user_id}", response_model=AuthorOut, responses=errors(404, 422))
def author(user_id: IdPath, session: DbSession) -> AuthorOut:
    """An author: the name they chose and their reputation (never their e-mail)."""
    published = session.query(GalleryEntry.id).filter(
        GalleryEntry.author_id == user_id, search.visible()
    )
    if published.first() is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such author in the gallery.")
    return _author(session, user_id, {})


# --- writes --------------------------------------------------------------------------------------


class PublishIn(BaseModel):
    version_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    version: dict[str, Any]
    title: Annotated[
        str,
        StringConstraints(min_length=1, max_length=200, pattern=PLAIN),
        AfterValidator(_encodable),
    ]
    description: Text = ""
    industry: Short = "general"
    use_case: Short = ""
    complexity: Short = ""
    tags: list[
        Annotated[str, StringConstraints(max_length=40, pattern=PLAIN), AfterValidator(_encodable)]
    ] = Field(default_factory=list, max_length=12)
    license: Short = catalogue.DEFAULT_LICENSE
    examples: list[dict[str, Any]] = Field(default_factory=list, max_length=10)
    tested: list[dict[str, Any]] = Field(default_factory=list, max_length=20)
    notes: Text = ""

    def publication(self) -> Publication:
        return Publication(**self.model_dump(exclude={"draft", "parent_id", "parent_release"}))


class ReleaseIn(PublishIn):
    title: Short = ""


class NewEntryIn(PublishIn):
    draft: bool = False
    parent_id: Annotated[str, StringConstraints(max_length=32, pattern=r"^[0-9a-f]*$")] = ""
    parent_release: Annotated[int, Field(ge=0, le=1_000_000)] = 0


class ModerateIn(BaseModel):
    action: Literal["approve", "reject", "remove", "dismiss-reports"]
    reason: Text = ""
    release: Annotated[int | None, Field(ge=1, le=1_000_000)] = Field(
        default=None, description="approve: the release you read (refused if there is a newer)"
    )


class RatingIn(BaseModel):
    stars: Annotated[int, Field(ge=1, le=5)]


class ReportIn(BaseModel):
    reason: Literal["spam", "harmful", "copyright", "misleading", "broken", "other"]
    note: Text = ""


class ForkIn(BaseModel):
    release: Annotated[int, Field(ge=1, le=1_000_000)]


WRITE = errors(400, 401, 403, 404, 409, 413, 422, 429)


def _writer(caller: Principal) -> Principal:
    require_scope(caller, Scope.WRITE)
    return caller


@router.post(
    "/entries",
    response_model=EntryPage,
    status_code=201,
    responses=WRITE,
    dependencies=[Depends(bounded)],
)
def publish(
    body: NewEntryIn, caller: Caller, session: DbSession, services: ServicesDep
) -> EntryPage:
    """Publish a prompt version as a new entry: waits for review (``pending``) unless it is a
    ``draft``, or the author is a moderator. ``parent_id`` links a published fork to its
    upstream."""
    parent = (body.parent_id, body.parent_release) if body.parent_id else None
    try:
        entry = entries.publish(
            session,
            _writer(caller),
            body.publication(),
            services.settings,
            draft=body.draft,
            parent=parent,
        )
    except (GalleryError, CatalogueError) as error:
        raise _raise(error) from None
    return _page(session, entry, caller, services)


@router.post(
    "/entries/{entry_id}/releases",
    response_model=ReleaseOut,
    status_code=201,
    responses=WRITE,
    dependencies=[Depends(bounded)],
)
def add_release(
    entry_id: IdPath, body: ReleaseIn, caller: Caller, session: DbSession, services: ServicesDep
) -> ReleaseOut:
    """A later version of the entry's prompt, by its author; the entry's title, description,
    industry, use case, complexity, tags and license change only where the body gives them."""
    try:
        described = {"title", "description", "industry", "use_case", "complexity", "tags"}
        created = entries.add_release(
            session,
            _writer(caller),
            entry_id,
            body.publication(),
            services.settings,
            keep=frozenset((described | {"license"}) - body.model_fields_set),
        )
    except (GalleryError, CatalogueError) as error:
        raise _raise(error) from None
    return _release(created)


def _act(
    entry_id: str,
    caller: Principal,
    session: DbSession,
    services: ServicesDep,
    act: Any,
) -> EntryPage:
    try:
        act(_writer(caller))
        entry = entries.find(session, entry_id, caller, services.settings)
    except (GalleryError, CatalogueError) as error:
        raise _raise(error) from None
    except IntegrityError:  # the same user's second request at the same moment
        raise HTTPException(status.HTTP_409_CONFLICT, "Sent twice at once; try again.") from None
    return _page(session, entry, caller, services)


@router.post("/entries/{entry_id}/submit", response_model=EntryPage, responses=WRITE)
def submit(
    entry_id: IdPath, caller: Caller, session: DbSession, services: ServicesDep
) -> EntryPage:
    """Send a draft (or a rejected entry, changed) to review."""
    settings = services.settings
    return _act(
        entry_id,
        caller,
        session,
        services,
        lambda who: entries.submit(session, who, entry_id, settings),
    )


@router.post("/entries/{entry_id}/archive", response_model=EntryPage, responses=WRITE)
def archive(
    entry_id: IdPath, caller: Caller, session: DbSession, services: ServicesDep
) -> EntryPage:
    """Take your entry out of the gallery (forks keep their copies)."""
    settings = services.settings
    return _act(
        entry_id,
        caller,
        session,
        services,
        lambda who: entries.archive(session, who, entry_id, settings),
    )


@router.put("/entries/{entry_id}/rating", response_model=EntryPage, responses=WRITE)
def rate(
    entry_id: IdPath, body: RatingIn, caller: Caller, session: DbSession, services: ServicesDep
) -> EntryPage:
    """Rate 1–5 stars; rating again replaces your rating."""
    settings = services.settings
    return _act(
        entry_id,
        caller,
        session,
        services,
        lambda who: moderation.rate(session, who, entry_id, body.stars, settings),
    )


@router.delete("/entries/{entry_id}/rating", status_code=204, responses=WRITE)
def unrate(entry_id: IdPath, caller: Caller, session: DbSession, services: ServicesDep) -> Response:
    try:
        moderation.unrate(session, _writer(caller), entry_id, services.settings)
    except GalleryError as error:
        raise _raise(error) from None
    return Response(status_code=204)


@router.post("/entries/{entry_id}/reports", status_code=202, responses=WRITE)
def report(
    entry_id: IdPath, body: ReportIn, caller: Caller, session: DbSession, services: ServicesDep
) -> dict[str, str]:
    """Report an entry to the moderators (once; reports from five users hide it)."""
    try:
        moderation.report(
            session, _writer(caller), entry_id, body.reason, body.note, services.settings
        )
    except GalleryError as error:
        raise _raise(error) from None
    return {"status": "reported"}


@router.post("/entries/{entry_id}/forks", response_model=EntrySummary, responses=WRITE)
def fork(
    entry_id: IdPath, body: ForkIn, caller: Caller, session: DbSession, services: ServicesDep
) -> EntrySummary:
    """Count a fork into the caller's library (the copy itself is made on the desktop)."""
    try:
        entry = entries.record_fork(
            session, _writer(caller), entry_id, body.release, services.settings
        )
    except GalleryError as error:
        raise _raise(error) from None
    return _summary(session, entry, {})


@router.post("/entries/{entry_id}/pulls", response_model=EntrySummary, responses=errors(404, 422))
def pull(
    entry_id: IdPath,
    session: DbSession,
    caller: MaybeCaller,
    services: ServicesDep,
    address: Address,
) -> EntrySummary:
    """Count a use (a fork without an account, a pull of a release): once a day per user, or
    per client address without an account."""
    try:
        entry = entries.record_pull(session, caller, entry_id, services.settings, address)
    except GalleryError as error:
        raise _raise(error) from None
    return _summary(session, entry, {})


@router.post("/entries/{entry_id}/moderation", response_model=EntryPage, responses=WRITE)
def moderate(
    entry_id: IdPath,
    body: ModerateIn,
    caller: Caller,
    session: DbSession,
    services: ServicesDep,
    address: Address,
) -> EntryPage:
    """Approve, reject or remove an entry, or dismiss its reports (moderators)."""
    settings = services.settings
    return _act(
        entry_id,
        caller,
        session,
        services,
        lambda who: moderation.moderate(
            session, who, entry_id, body.action, body.reason, settings, address, body.release
        ),
    )


class QueueItem(BaseModel):
    entry: EntrySummary
    status: str
    status_reason: str
    reports: list[dict[str, str]]


@router.get("/moderation/queue", response_model=list[QueueItem], responses=errors(401, 403))
def moderation_queue(caller: Caller, session: DbSession, services: ServicesDep) -> list[QueueItem]:
    """What waits for a moderator: entries in review and entries with open reports."""
    if not entries.is_moderator(session, caller, services.settings):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Only moderators see the queue.")
    cache: dict[str, AuthorOut] = {}
    return [
        QueueItem(
            entry=_summary(session, entry, cache),
            status=entry.status,
            status_reason=entry.status_reason,
            reports=[
                {"reason": r.reason, "note": r.note, "at": r.at.isoformat()}
                for r in moderation.open_reports(session, entry)
            ],
        )
        for entry in moderation.queue(session)
    ]


class MineItem(EntrySummary):
    status: str
    status_reason: str


@router.get("/mine", response_model=list[MineItem], responses=errors(401))
def mine(caller: Caller, session: DbSession) -> list[MineItem]:
    """The caller's own entries, whatever their status, with the reasons."""
    cache: dict[str, AuthorOut] = {}
    found = session.query(GalleryEntry).filter(GalleryEntry.author_id == caller.user_id)
    return [
        MineItem(
            **_summary(session, e, cache).model_dump(),
            status=e.status,
            status_reason=e.status_reason,
        )
        for e in found.order_by(GalleryEntry.created_at.desc()).limit(500)
    ]
