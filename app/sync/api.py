"""The sync server's HTTP API, as the desktop app and the CLI call it (httpx, asyncio).

Accounts (sign in a device, sign out, devices), workspaces (create, list, members, roles,
invitations, the audit log) and the versions and references of shared prompts. Every failure
becomes a :class:`ServerError` whose message says what happened and what to do — the server's
own sentence when it sent one — so no front end shows a stack trace or a bare status code.
"""

from __future__ import annotations

import functools
import ssl
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx

API = "/v1"
TIMEOUT = httpx.Timeout(15.0, connect=5.0)


class ServerError(Exception):
    """A request the server refused or could not answer; ``str()`` is for the user."""

    def __init__(self, message: str, status: int = 0, body: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.body = body


@dataclass(frozen=True)
class SignedIn:
    token: str
    user_id: str
    email: str
    display_name: str
    credential_id: str


def normalize_url(url: str) -> str:
    """``https://host/`` -> ``https://host``; a bare host gets ``https://``."""
    url = url.strip().rstrip("/")
    if "://" not in url:
        url = f"https://{url}"
    if not url.startswith(("http://", "https://")):
        raise ServerError(f"'{url}' is not a server address: use http:// or https://")
    return url


def websocket_url(server_url: str) -> str:
    if server_url.startswith("https://"):
        return "wss://" + server_url[len("https://") :]
    return "ws://" + server_url[len("http://") :]


def _explain(response: httpx.Response) -> ServerError:
    try:
        body = response.json()
    except ValueError:
        body = None
    detail = body.get("detail") if isinstance(body, dict) else None
    if isinstance(detail, list):
        detail = "; ".join(str(item.get("msg", item)) for item in detail if isinstance(item, dict))
    message = str(detail) if detail else f"the server answered {response.status_code}"
    if response.status_code == 401 and not response.request.url.path.endswith("/auth/login"):
        # A token no longer valid; a refused sign-in is the wrong password, said as it is.
        message = f"{message} (sign in again: `promptdesk sync login URL`)"
    elif response.status_code == 429:
        wait = response.headers.get("retry-after", "a few")
        message = f"{message} (wait {wait} seconds and try again)"
    return ServerError(message, response.status_code, body)


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """httpx's default context, made once: each one reads the CA bundle (~40 ms of CPU, on
    the event loop), and the client makes a ServerApi for every version exchange."""
    return httpx.create_ssl_context()


class ServerApi:
    """One server, one token (or none, to sign in)."""

    def __init__(self, server_url: str, token: str | None = None, transport: Any = None) -> None:
        self.server_url = normalize_url(server_url)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.client = httpx.AsyncClient(
            base_url=self.server_url + API,
            headers=headers,
            timeout=TIMEOUT,
            transport=transport,
            verify=_tls_context(),
        )

    async def close(self) -> None:
        await self.client.aclose()

    async def __aenter__(self) -> ServerApi:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = await self.client.request(method, path, **kwargs)
        except httpx.TimeoutException as error:
            raise ServerError(f"{self.server_url} did not answer in time; try again") from error
        except httpx.HTTPError as error:
            raise ServerError(
                f"cannot reach {self.server_url}: check the address and your connection"
            ) from error
        if response.status_code >= 400:
            raise _explain(response)
        return response

    async def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        response = await self._call(method, path, **kwargs)
        return response.json() if response.content else None

    # --- accounts --------------------------------------------------------------------------

    async def sign_in(self, email: str, password: str, device_name: str) -> SignedIn:
        body = {"email": email, "password": password, "device_name": device_name}
        answer = await self._json("POST", "/auth/login", json=body)
        token = str(answer["token"])
        self.client.headers["Authorization"] = f"Bearer {token}"
        credentials = await self._json("GET", "/auth/credentials")
        current: dict[str, Any] = next((c for c in credentials if c.get("current")), {})
        user = answer["user"]
        return SignedIn(
            token,
            str(user["id"]),
            str(user["email"]),
            str(user["display_name"]),
            str(current.get("id", "")),
        )

    async def sign_up(
        self, email: str, password: str, display_name: str = "", invitation: str | None = None
    ) -> None:
        body = {"email": email, "password": password, "display_name": display_name}
        if invitation:
            body["invitation"] = invitation
        await self._json("POST", "/auth/signup", json=body)

    async def sign_out(self) -> None:
        """Revoke the token this client carries (the device's)."""
        await self._call("POST", "/auth/logout")

    async def me(self) -> dict[str, Any]:
        return dict(await self._json("GET", "/me"))

    async def devices(self) -> list[dict[str, Any]]:
        return list(await self._json("GET", "/auth/credentials"))

    async def revoke_device(self, credential_id: str) -> None:
        await self._call("DELETE", f"/auth/credentials/{quote(credential_id, safe='')}")

    # --- workspaces ------------------------------------------------------------------------

    async def workspaces(self) -> list[dict[str, Any]]:
        return list(await self._json("GET", "/workspaces"))

    async def create_workspace(self, name: str) -> dict[str, Any]:
        return dict(await self._json("POST", "/workspaces", json={"name": name}))

    async def members(self, workspace_id: str) -> list[dict[str, Any]]:
        return list(await self._json("GET", f"/workspaces/{workspace_id}/members"))

    async def set_role(self, workspace_id: str, user_id: str, role: str) -> dict[str, Any]:
        return dict(
            await self._json(
                "PATCH", f"/workspaces/{workspace_id}/members/{user_id}", json={"role": role}
            )
        )

    async def remove_member(self, workspace_id: str, user_id: str) -> None:
        await self._call("DELETE", f"/workspaces/{workspace_id}/members/{user_id}")

    async def invite(
        self, workspace_id: str, role: str, email: str | None = None
    ) -> dict[str, Any]:
        body: dict[str, Any] = {"role": role}
        if email:
            body["email"] = email
        return dict(await self._json("POST", f"/workspaces/{workspace_id}/invitations", json=body))

    async def invitations(self, workspace_id: str) -> list[dict[str, Any]]:
        return list(await self._json("GET", f"/workspaces/{workspace_id}/invitations"))

    async def accept(self, code: str) -> dict[str, Any]:
        return dict(await self._json("POST", "/invitations/accept", json={"code": code}))

    async def audit(self, workspace_id: str) -> list[dict[str, Any]]:
        return list(await self._json("GET", f"/workspaces/{workspace_id}/audit"))

    # --- versions and references ------------------------------------------------------------

    async def missing_versions(self, workspace_id: str, ids: list[str]) -> list[str]:
        answer = await self._json(
            "POST", f"/workspaces/{workspace_id}/versions/missing", json={"ids": ids}
        )
        return list(answer["missing"])

    async def put_version(
        self, workspace_id: str, prompt_id: str, version_id: str, raw: bytes
    ) -> None:
        await self._call(
            "PUT",
            f"/workspaces/{workspace_id}/versions/{version_id}",
            params={"prompt_id": prompt_id},
            content=raw,
            headers={"Content-Type": "application/json"},
        )

    async def get_version(self, workspace_id: str, version_id: str) -> bytes:
        response = await self._call("GET", f"/workspaces/{workspace_id}/versions/{version_id}")
        return response.content

    async def refs(self, workspace_id: str) -> list[dict[str, Any]]:
        return list(await self._json("GET", f"/workspaces/{workspace_id}/refs"))

    async def put_ref(
        self,
        workspace_id: str,
        prompt_id: str,
        kind: str,
        name: str,
        *,
        expected: str | None,
        target: str,
        protected: bool | None = None,
    ) -> dict[str, Any]:
        body: dict[str, Any] = {"expected": expected, "target": target}
        if protected is not None:
            body["protected"] = protected
        path = f"/workspaces/{workspace_id}/refs/{prompt_id}/{kind}/{quote(name, safe='')}"
        return dict(await self._json("PUT", path, json=body))
