"""The gallery as the CLI and the desktop use it: one call per thing a user does.

Each method is synchronous (it runs its HTTP calls on a private asyncio loop), so the CLI calls
it directly and the desktop from a worker thread (an ``Op``). Reads are remembered in the store
and answered from there when the server cannot be reached — with the time they were fetched,
which the caller shows ("offline: as of ..."). Writes (fork, pull, rate, report) need the
server; a refusal is a :class:`~app.storage.library.LibraryError` with the server's sentence.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any, TypeVar

from app.core.diff import PromptDiff
from app.core.evals.results import Cell
from app.gallery import forks, publishing
from app.gallery.client import GalleryApi
from app.storage.gallery_records import GalleryRecords, Lineage
from app.storage.library import Library, LibraryError
from app.storage.store import Store
from app.storage.team_records import TeamRecords
from app.sync.api import ServerError, normalize_url

T = TypeVar("T")
# (prompt, ref, models, case ids) -> the cells of a test run of them
RunCases = Callable[[str, str, list[str], list[str]], list[Cell]]
DEFAULT_MODEL_ID = "local:smollm2-135m-instruct"


class GalleryUnavailable(LibraryError):
    """The server could not be reached, or answered that it cannot serve now (5xx)."""

    code = "gallery-unavailable"


def call(server: str, token: str, work: Callable[[GalleryApi], Awaitable[T]]) -> T:
    async def run() -> T:
        async with GalleryApi(server, token or None) as api:
            return await work(api)

    try:
        return asyncio.run(run())
    except ServerError as error:
        if error.status == 0 or error.status >= 500:
            raise GalleryUnavailable(error.message) from None
        raise LibraryError(error.message) from None


class GalleryService:
    def __init__(self, store: Store, library: Library) -> None:
        self.store = store
        self.library = library
        self.records = GalleryRecords(store)

    def server(self, given: str | None = None, *, account_needed: bool = False) -> tuple[str, str]:
        """``(server URL, token or "")``: the given server, else the one signed in to."""
        url = normalize_url(given) if given else None
        account = TeamRecords(self.store).account(url)
        if url and account is None:
            if account_needed:
                raise LibraryError(
                    f"this needs an account on {given}", f"sign in: `promptdesk sync login {given}`"
                )
            return url, ""
        if account is None:
            raise LibraryError(
                "no gallery server: give a server address, or sign in to one "
                "(`promptdesk sync login URL`, or Team ▸ Sign in)"
            )
        return account.server_url, account.token

    def cached(
        self, server: str, token: str, key: str, work: Callable[[GalleryApi], Awaitable[Any]]
    ) -> tuple[Any, str]:
        """``(answer, "")`` fresh from the server (and remembered), or ``(the last answer,
        when it was fetched)`` when the server cannot be reached."""
        try:
            try:
                answer = call(server, token, work)
            except LibraryError as error:
                if not token or "sign in again" not in str(error):
                    raise
                answer = call(server, "", work)  # a revoked token: reading needs none
        except GalleryUnavailable:
            cached = self.records.recall(server, key)
            if cached is None:
                raise
            return cached.body, cached.fetched_at
        self.records.remember(server, key, answer)
        return answer, ""

    def search(self, server: str, token: str, params: dict[str, Any]) -> tuple[Any, str]:
        key = "search?" + "&".join(f"{k}={v}" for k, v in sorted(params.items()))
        return self.cached(server, token, key, lambda api: api.search(**params))

    def entry(self, server: str, token: str, entry_id: str) -> tuple[Any, str]:
        return self.cached(server, token, f"entry/{entry_id}", lambda api: api.entry(entry_id))

    def fork(
        self,
        server: str,
        token: str,
        entry_id: str,
        release: int | None = None,
        name: str | None = None,
    ) -> tuple[str, Lineage]:
        async def fetch(api: GalleryApi) -> tuple[dict[str, Any], dict[str, Any]]:
            entry = await api.entry(entry_id)
            number = release or int(entry["latest_release"])
            found = await api.release(entry_id, number)
            if token:
                await api.record_fork(entry_id, number)
            else:
                await api.record_pull(entry_id)
            return entry, found

        entry, found = call(server, token, fetch)
        return forks.fork(self.library, self.records, server, entry, found, name)

    def refresh(self, name: str) -> Lineage:
        """The fork's lineage with upstream's newest release asked again (kept if offline)."""
        lineage = self.lineage(name)
        try:
            page = call(lineage.server_url, "", lambda api: api.entry(lineage.entry_id))
        except LibraryError:
            return lineage
        self.records.set_latest(name, int(page["latest_release"]))
        return replace(lineage, latest_release=int(page["latest_release"]))

    def lineage(self, name: str) -> Lineage:
        found = self.records.lineage(name)
        if found is None:
            raise LibraryError(f"'{name}' was not forked from the gallery")
        return found

    def upstream(self, name: str, release: int | None = None) -> dict[str, Any]:
        """Upstream's release (default: its newest), or ``{}`` when the fork has it."""
        lineage = self.lineage(name)

        async def fetch(api: GalleryApi) -> dict[str, Any]:
            entry = await api.entry(lineage.entry_id)
            number = release or int(entry["latest_release"])
            if number <= lineage.release:
                return {}
            return await api.release(lineage.entry_id, number)

        return call(lineage.server_url, "", fetch)

    def preview(self, name: str, found: dict[str, Any]) -> PromptDiff:
        return forks.upstream_diff(self.library, name, self.lineage(name), found)

    def pull(self, name: str, found: dict[str, Any]) -> tuple[PromptDiff, str]:
        lineage = self.lineage(name)
        changes, merged = forks.pull(self.library, self.records, name, found)
        with contextlib.suppress(LibraryError):  # counting it is not worth failing a pull
            call(lineage.server_url, "", lambda api: api.record_pull(lineage.entry_id))
        return changes, merged

    def rate(self, server: str, token: str, entry_id: str, stars: int) -> dict[str, Any]:
        return call(server, token, lambda api: api.rate(entry_id, stars))

    def report(self, server: str, token: str, entry_id: str, reason: str, note: str) -> None:
        call(server, token, lambda api: api.report(entry_id, reason, note))

    def publish(
        self,
        server: str,
        token: str,
        request: publishing.PublishRequest,
        run_cases: RunCases,
    ) -> dict[str, Any]:
        """Run the prompt's cases on its models, refuse it if they fail, then publish it as
        a new entry (or a release of ``request.entry_id``); the server's answer."""
        tested_ref, version = publishing.version_to_publish(
            self.library, request.name, request.ref, request.cases
        )
        content = version.content
        models = request.models or [content.settings.model or DEFAULT_MODEL_ID]
        cells = run_cases(request.name, tested_ref, models, [c.id for c in content.tests])
        tested = publishing.tested_from(cells)
        publishing.check_tested(
            request.name, tested, cells, {c.id: c.title or c.id for c in content.tests}
        )
        examples = publishing.examples_from(content, cells, models[0])
        lineage = self.records.lineage(request.name)
        parent = None
        if lineage and not request.entry_id and lineage.server_url == server:
            parent = (lineage.entry_id, lineage.release)  # a fork links back to its upstream
        body = publishing.publish_body(version, request.listing, examples, tested, parent)
        if request.entry_id:
            body = {k: v for k, v in body.items() if k not in request.unchanged}
            return call(server, token, lambda api: api.add_release(request.entry_id, body))
        return call(server, token, lambda api: api.publish({**body, "draft": request.draft}))

    def mine(self, server: str, token: str) -> list[dict[str, Any]]:
        return call(server, token, lambda api: api.mine())
