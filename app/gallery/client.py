"""The gallery's HTTP API as the desktop and the CLI call it (``/v1/gallery`` on a sync server).

Reading needs no account: :class:`GalleryApi` works with or without a token. Every failure is a
:class:`~app.sync.api.ServerError` with a sentence for the user, like the rest of the sync API.
"""

from __future__ import annotations

from typing import Any

from app.core.protocol.gallery import SORTS
from app.sync.api import ServerApi

__all__ = ["SORTS", "GalleryApi"]


class GalleryApi(ServerApi):
    async def __aenter__(self) -> GalleryApi:
        return self

    async def meta(self) -> dict[str, Any]:
        found: dict[str, Any] = await self._json("GET", "/gallery/meta")
        return found

    async def search(self, **params: Any) -> dict[str, Any]:
        """``{total, entries}``; params: q, industry, use_case, tag, model, license,
        min_rating, sort, limit, offset (empty ones are left out)."""
        sent = {k: v for k, v in params.items() if v not in (None, "", 0, 0.0)}
        found: dict[str, Any] = await self._json("GET", "/gallery/entries", params=sent)
        return found

    async def entry(self, entry_id: str) -> dict[str, Any]:
        found: dict[str, Any] = await self._json("GET", f"/gallery/entries/{entry_id}")
        return found

    async def release(self, entry_id: str, number: int) -> dict[str, Any]:
        found: dict[str, Any] = await self._json(
            "GET", f"/gallery/entries/{entry_id}/releases/{number}"
        )
        return found

    async def publish(self, body: dict[str, Any]) -> dict[str, Any]:
        found: dict[str, Any] = await self._json("POST", "/gallery/entries", json=body)
        return found

    async def add_release(self, entry_id: str, body: dict[str, Any]) -> dict[str, Any]:
        found: dict[str, Any] = await self._json(
            "POST", f"/gallery/entries/{entry_id}/releases", json=body
        )
        return found

    async def rate(self, entry_id: str, stars: int) -> dict[str, Any]:
        found: dict[str, Any] = await self._json(
            "PUT", f"/gallery/entries/{entry_id}/rating", json={"stars": stars}
        )
        return found

    async def report(self, entry_id: str, reason: str, note: str = "") -> None:
        await self._json(
            "POST", f"/gallery/entries/{entry_id}/reports", json={"reason": reason, "note": note}
        )

    async def record_fork(self, entry_id: str, release: int) -> None:
        await self._json("POST", f"/gallery/entries/{entry_id}/forks", json={"release": release})

    async def record_pull(self, entry_id: str) -> None:
        await self._json("POST", f"/gallery/entries/{entry_id}/pulls")

    async def moderate(self, entry_id: str, action: str, reason: str = "") -> dict[str, Any]:
        found: dict[str, Any] = await self._json(
            "POST",
            f"/gallery/entries/{entry_id}/moderation",
            json={"action": action, "reason": reason},
        )
        return found

    async def mine(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = await self._json("GET", "/gallery/mine")
        return found
