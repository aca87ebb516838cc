"""Matrix cases for versions and references (see ``__init__`` for the shape of a case).

Every version ``prepare`` makes names the workspace it is for in its payload, so the same
helper gives different content addresses in different workspaces: an id prepared in the
foreign workspace does not exist in the actor's own one, and using it there must fail (a
reference cannot point at another workspace's version). ``prepare`` also puts each reference
back where the request expects it (compare-and-swap needs the right ``expected``), since an
earlier actor's request moved or deleted it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from app.core.protocol.objects import canonical_json, object_id
from tests.server.authz import Case, Request, Target

WS = "/v1/workspaces/{workspace_id}"
VERSION = f"{WS}/versions/{{version_id}}"
REF = f"{WS}/refs/{{prompt_id}}/{{kind}}/{{name}}"
PROMPT = "p1"


def version_payload(target: Target, name: str) -> dict[str, Any]:
    return {
        "content": {"body": f"{name} in {target.workspace_id}"},
        "parents": [],
        "message": name,
        "author": "matrix",
        "created_at": "2025-01-01T00:00:00Z",
    }


def uploaded(target: Target, name: str) -> str:
    """A version of the target workspace (uploaded by its owner; again is a no-op)."""
    payload = version_payload(target, name)
    version_id = object_id(payload)
    response = target.owner.put(
        f"/v1/workspaces/{target.workspace_id}/versions/{version_id}",
        params={"prompt_id": PROMPT},
        content=canonical_json(payload),
    )
    assert response.status_code in (200, 201), response.text
    return version_id


def ref_at(target: Target, kind: str, name: str, version_id: str, protected: bool) -> None:
    """The reference exists, points at ``version_id`` and has this protection."""
    listed = target.owner.get(
        f"/v1/workspaces/{target.workspace_id}/refs", params={"prompt_id": PROMPT}
    )
    assert listed.status_code == 200, listed.text
    current = next(
        (ref for ref in listed.json() if (ref["kind"], ref["name"]) == (kind, name)), None
    )
    if current and (current["target"], current["protected"]) == (version_id, protected):
        return
    response = target.owner.put(
        f"/v1/workspaces/{target.workspace_id}/refs/{PROMPT}/{kind}/{name}",
        json={
            "expected": current["target"] if current else None,
            "target": version_id,
            "protected": protected if kind == "label" else None,
        },
    )
    assert response.status_code in (200, 201), response.text


def version_to_upload(target: Target) -> dict[str, str]:
    return {"version_id": object_id(version_payload(target, "upload"))}


def upload_body(target: Target, _values: Mapping[str, str]) -> dict[str, Any]:
    return {
        "content": canonical_json(version_payload(target, "upload")),
        "params": {"prompt_id": PROMPT},
        "headers": {"Content-Type": "application/json"},
    }


def stored_version(target: Target) -> dict[str, str]:
    return {"version_id": uploaded(target, "stored")}


def ref_ready(kind: str, name: str, protected: bool = False) -> Callable[[Target], dict[str, str]]:
    """``prepare``: the reference points at version A, and the request may move it to B."""

    def prepare(target: Target) -> dict[str, str]:
        first, second = uploaded(target, "a"), uploaded(target, "b")
        ref_at(target, kind, name, first, protected)
        return {"prompt_id": PROMPT, "kind": kind, "name": name, "from": first, "to": second}

    return prepare


def move(protected: bool | None = None) -> Request:
    def request(_target: Target, values: Mapping[str, str]) -> dict[str, Any]:
        return {
            "json": {"expected": values["from"], "target": values["to"], "protected": protected}
        }

    return request


def protect(_target: Target, values: Mapping[str, str]) -> dict[str, Any]:
    """Protect the label where it stands (no move: only the protection changes)."""
    return {"json": {"expected": values["from"], "target": values["from"], "protected": True}}


def delete_expected(_target: Target, values: Mapping[str, str]) -> dict[str, Any]:
    return {"params": {"expected": values["from"]}}


def ids_question(target: Target, _values: Mapping[str, str]) -> dict[str, Any]:
    return {"json": {"ids": [object_id(version_payload(target, "stored")), "0" * 64]}}


CASES = [
    Case(
        "version.upload",
        "PUT",
        VERSION,
        "editor",
        prepare=version_to_upload,
        request=upload_body,
        # The client chooses the id (the hash of the body it sends), so there is no foreign id.
        foreign_objects=False,
    ),
    Case("version.get", "GET", VERSION, "viewer", prepare=stored_version),
    Case("versions.list", "GET", f"{WS}/versions", "viewer"),
    Case("versions.missing", "POST", f"{WS}/versions/missing", "viewer", request=ids_question),
    Case("refs.list", "GET", f"{WS}/refs", "viewer"),
    Case("branch.move", "PUT", REF, "editor", prepare=ref_ready("branch", "main"), request=move()),
    Case("label.move", "PUT", REF, "editor", prepare=ref_ready("label", "beta"), request=move()),
    Case(
        "label.move_protected",
        "PUT",
        REF,
        "admin",
        prepare=ref_ready("label", "production", protected=True),
        request=move(),
    ),
    Case(
        "label.protect",
        "PUT",
        REF,
        "admin",
        prepare=ref_ready("label", "staging"),
        request=protect,
    ),
    Case(
        "label.unprotect",
        "PUT",
        REF,
        "admin",
        prepare=ref_ready("label", "frozen", protected=True),
        request=move(protected=False),
    ),
    Case(
        "branch.delete",
        "DELETE",
        REF,
        "editor",
        prepare=ref_ready("branch", "topic"),
        request=delete_expected,
    ),
    Case(
        "label.delete_protected",
        "DELETE",
        REF,
        "admin",
        prepare=ref_ready("label", "release", protected=True),
        request=delete_expected,
    ),
]
