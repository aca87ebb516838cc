"""Versions and references against a real server process (SQLite, and PostgreSQL where present).

Versions are stored byte for byte under the hash the server recomputes; references move only by
compare-and-swap, exactly one of two racing writers wins, protected labels need an admin, and
every label change lands in the audit log.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

import httpx
import pytest

from app.core.protocol.objects import canonical_json, object_id
from tests.support.sync_server import Api, ServerProcess
from tests.support.teams import Team, make_team


@pytest.fixture
def team(server: ServerProcess) -> Iterator[Team]:
    made = make_team(server, "Objects")
    yield made
    made.close()


def at(team: Team, tail: str) -> str:
    return f"/v1/workspaces/{team.workspace_id}/{tail}"


def make_version(message: str, parents: Sequence[str] = ()) -> tuple[str, bytes]:
    """A version as the desktop app builds one: its id and its canonical bytes."""
    payload = {
        "content": {"body": f"Grüße, {{{{name}}}} — {message}", "system": "", "fields": {}},
        "parents": sorted(parents),
        "message": message,
        "author": "ana@example.test",
        "created_at": "2025-01-02T03:04:05Z",
    }
    return object_id(payload), canonical_json(payload)


def upload(api: Api, team: Team, version_id: str, raw: bytes, prompt: str = "p1") -> httpx.Response:
    return api.put(
        at(team, f"versions/{version_id}"),
        params={"prompt_id": prompt},
        content=raw,
        headers={"Content-Type": "application/json"},
    )


def uploaded(team: Team, message: str, parents: Sequence[str] = (), prompt: str = "p1") -> str:
    version_id, raw = make_version(message, parents)
    response = upload(team.editor, team, version_id, raw, prompt)
    assert response.status_code == 201, response.text
    return version_id


def put_ref(
    api: Api,
    team: Team,
    ref: str,
    expected: str | None,
    target: str,
    **extra: Any,
) -> httpx.Response:
    return api.put(at(team, f"refs/{ref}"), json={"expected": expected, "target": target, **extra})


# --- versions ----------------------------------------------------------------------------


def test_upload_and_download_are_byte_exact(team: Team) -> None:
    version_id, raw = make_version("first")
    response = upload(team.editor, team, version_id, raw)
    assert response.status_code == 201, response.text
    assert response.json() == {
        "id": version_id,
        "prompt_id": "p1",
        "size": len(raw),
        "created": True,
    }

    download = team.viewer.get(at(team, f"versions/{version_id}"))
    assert download.status_code == 200
    assert download.content == raw
    assert download.headers["content-type"].startswith("application/json")
    assert download.headers["etag"] == f'"{version_id}"'
    again = team.viewer.get(
        at(team, f"versions/{version_id}"), headers={"If-None-Match": f'"{version_id}"'}
    )
    assert again.status_code == 304


def test_a_body_that_hashes_elsewhere_is_refused_and_not_stored(team: Team) -> None:
    version_id, raw = make_version("real")
    claimed = "0" * 64
    response = upload(team.editor, team, claimed, raw)
    assert response.status_code == 422
    assert version_id in response.json()["detail"]
    assert claimed in response.json()["detail"]
    assert team.viewer.get(at(team, f"versions/{claimed}")).status_code == 404
    missing = team.viewer.post(at(team, "versions/missing"), json={"ids": [claimed, version_id]})
    assert missing.json() == {"missing": [claimed, version_id]}


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(lambda data: json.dumps(data).encode(), id="spaces"),
        pytest.param(
            lambda data: json.dumps(data, sort_keys=True, separators=(",", ":")).encode(),
            id="escaped",
        ),
        pytest.param(lambda data: canonical_json(data) + b"\n", id="newline"),
        pytest.param(
            lambda data: json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode(),
            id="unsorted",
        ),
    ],
)
def test_non_canonical_bytes_are_refused(team: Team, body: Any) -> None:
    data = {"parents": [], "message": "ä", "content": {"b": 1, "a": 2}}
    raw = body(data)
    # Even under the hash of exactly these bytes: a client could not recompute that id.
    for claimed in (object_id(data), hashlib.sha256(raw).hexdigest()):
        response = upload(team.editor, team, claimed, raw)
        assert response.status_code == 422, response.text
        assert "canonical" in response.json()["detail"]


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param([1, 2], id="not-an-object"),
        pytest.param({"parents": "abc"}, id="parents-not-a-list"),
        pytest.param({"parents": ["ABC"]}, id="parent-not-an-id"),
        pytest.param({"parents": ["A" * 64]}, id="parent-upper-case"),
        pytest.param({"parents": ["a" * 64 + "\n"]}, id="parent-with-newline"),
    ],
)
def test_malformed_versions_are_refused(team: Team, payload: Any) -> None:
    response = upload(team.editor, team, object_id(payload), canonical_json(payload))
    assert response.status_code == 422, response.text


def test_nan_is_not_json(team: Team) -> None:
    raw = b'{"x":NaN}'
    response = upload(team.editor, team, hashlib.sha256(raw).hexdigest(), raw)
    assert response.status_code == 422


def test_parents_need_not_be_uploaded_first(team: Team) -> None:
    child = uploaded(team, "child", parents=["f" * 64])
    assert team.viewer.get(at(team, f"versions/{child}")).status_code == 200


def test_re_upload_is_a_no_op(team: Team) -> None:
    version_id, raw = make_version("twice")
    assert upload(team.editor, team, version_id, raw).status_code == 201
    again = upload(team.admin, team, version_id, raw, prompt="other")
    assert again.status_code == 200, again.text
    assert again.json()["created"] is False
    listed = team.viewer.get(at(team, "versions")).json()
    assert listed["ids"] == [version_id]
    # The first upload's prompt stays.
    assert team.viewer.get(at(team, "versions"), params={"prompt_id": "p1"}).json()["ids"] == [
        version_id
    ]


def test_a_too_big_version_is_refused(team: Team) -> None:
    raw = canonical_json({"parents": [], "pad": "x" * (1024 * 1024)})
    version_id = object_id(json.loads(raw))
    assert upload(team.editor, team, version_id, raw).status_code == 413
    # Without a Content-Length (chunked), the server stops reading at the limit.
    chunked = team.editor.put(
        at(team, f"versions/{version_id}"),
        params={"prompt_id": "p1"},
        content=iter([raw[:600_000], raw[600_000:]]),
    )
    assert chunked.status_code == 413
    assert team.viewer.get(at(team, "versions")).json()["ids"] == []


def test_listing_pages_through_ids_and_filters_by_prompt(team: Team) -> None:
    first = sorted(uploaded(team, f"a{index}") for index in range(5))
    other = uploaded(team, "b", prompt="p2")
    seen: list[str] = []
    after: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 2, "prompt_id": "p1"}
        if after:
            params["after"] = after
        page = team.viewer.get(at(team, "versions"), params=params)
        assert page.status_code == 200, page.text
        seen += page.json()["ids"]
        after = page.json().get("next")
        if not after:
            break
    assert seen == first
    everything = team.viewer.get(at(team, "versions"), params={"limit": 1000}).json()
    assert everything["ids"] == sorted([*first, other])
    assert everything.get("next") is None
    missing = team.viewer.post(
        at(team, "versions/missing"), json={"ids": [first[0], "e" * 64, "e" * 64, other]}
    )
    assert missing.json() == {"missing": ["e" * 64]}
    too_many = team.viewer.post(at(team, "versions/missing"), json={"ids": ["e" * 64] * 1001})
    assert too_many.status_code == 422


def test_versions_are_per_workspace(team: Team) -> None:
    version_id = uploaded(team, "private")
    stranger = team.outsider
    own = stranger.create_workspace("Elsewhere")
    assert stranger.get(f"/v1/workspaces/{own}/versions/{version_id}").status_code == 404
    # Someone else's workspace looks exactly like one that does not exist.
    assert stranger.get(at(team, f"versions/{version_id}")).status_code == 404
    assert stranger.get(at(team, "refs")).status_code == 404
    missing = stranger.post(f"/v1/workspaces/{own}/versions/missing", json={"ids": [version_id]})
    assert missing.json() == {"missing": [version_id]}


# --- references --------------------------------------------------------------------------


def test_compare_and_swap_creates_moves_and_refuses_stale_writers(team: Team) -> None:
    one, two, three = (uploaded(team, name) for name in ("one", "two", "three"))
    created = put_ref(team.editor, team, "p1/branch/main", None, one)
    assert created.status_code == 201, created.text
    assert created.json()["target"] == one
    assert created.json()["updated_by"] == team.editor.user["id"]

    moved = put_ref(team.admin, team, "p1/branch/main", one, two)
    assert moved.status_code == 200, moved.text
    assert moved.json()["target"] == two

    stale = put_ref(team.editor, team, "p1/branch/main", one, three)
    assert stale.status_code == 409
    current = stale.json()["current"]
    assert current["target"] == two
    assert current["updated_by"] == team.admin.user["id"]
    assert current["updated_at"]
    assert two[:12] in stale.json()["detail"]

    exists = put_ref(team.editor, team, "p1/branch/main", None, three)
    assert exists.status_code == 409
    assert exists.json()["current"]["target"] == two

    refs = team.viewer.get(at(team, "refs"), params={"prompt_id": "p1"}).json()
    assert [(ref["kind"], ref["name"], ref["target"]) for ref in refs] == [("branch", "main", two)]
    assert team.viewer.get(at(team, "refs"), params={"prompt_id": "p2"}).json() == []


def test_the_target_must_be_an_uploaded_version_of_this_workspace(team: Team) -> None:
    response = put_ref(team.editor, team, "p1/branch/main", None, "d" * 64)
    assert response.status_code == 422
    assert "d" * 64 in response.json()["detail"]


def test_names_and_kinds_are_checked(team: Team) -> None:
    one = uploaded(team, "one")
    for ref in ("p1/tag/x", "p1/label/.hidden", "p1/label/" + "x" * 101, "p%20q/label/x"):
        assert put_ref(team.editor, team, ref, None, one).status_code == 422, ref
    assert put_ref(team.editor, team, "p1/label/v1.0_rc-2", None, one).status_code == 201
    assert put_ref(team.admin, team, "p1/branch/b", None, one, protected=True).status_code == 422


def test_delete_is_compare_and_swap_too(team: Team) -> None:
    one, two = uploaded(team, "one"), uploaded(team, "two")
    assert put_ref(team.editor, team, "p1/branch/topic", None, one).status_code == 201
    stale = team.editor.delete(at(team, "refs/p1/branch/topic"), params={"expected": two})
    assert stale.status_code == 409
    assert stale.json()["current"]["target"] == one
    gone = team.editor.delete(at(team, "refs/p1/branch/topic"), params={"expected": one})
    assert gone.status_code == 204
    again = team.editor.delete(at(team, "refs/p1/branch/topic"), params={"expected": one})
    assert again.status_code == 409
    assert again.json()["current"] is None


def _race(calls: Sequence[Any]) -> list[httpx.Response]:
    """Run the calls at the same moment, one thread each."""
    barrier = threading.Barrier(len(calls))
    results: list[httpx.Response | None] = [None] * len(calls)

    def run(index: int) -> None:
        barrier.wait()
        results[index] = calls[index]()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert all(result is not None for result in results)
    return [result for result in results if result is not None]


def test_of_two_concurrent_swaps_exactly_one_wins(team: Team) -> None:
    versions = [uploaded(team, f"v{index}") for index in range(12)]
    racers = [team.editor, team.admin]
    creates = _race(
        [
            lambda api=api, target=target: put_ref(api, team, "p1/label/live", None, target)
            for api, target in zip(racers, versions[:2], strict=True)
        ]
    )
    assert sorted(response.status_code for response in creates) == [201, 409]
    current = next(r for r in creates if r.status_code == 201).json()["target"]
    for round_ in range(5):
        targets = versions[2 + 2 * round_ : 4 + 2 * round_]
        responses = _race(
            [
                lambda api=api, target=target, seen=current: put_ref(
                    api, team, "p1/label/live", seen, target
                )
                for api, target in zip(racers, targets, strict=True)
            ]
        )
        assert sorted(r.status_code for r in responses) == [200, 409], [r.text for r in responses]
        winner = next(r for r in responses if r.status_code == 200).json()
        loser = next(r for r in responses if r.status_code == 409).json()
        assert loser["current"]["target"] == winner["target"]
        assert loser["current"]["updated_by"] == winner["updated_by"]
        current = winner["target"]
    refs = team.viewer.get(at(team, "refs"), params={"prompt_id": "p1"}).json()
    assert [ref["target"] for ref in refs] == [current]


def test_protected_labels_need_an_admin(team: Team) -> None:
    one, two, three = (uploaded(team, name) for name in ("one", "two", "three"))
    label = "p1/label/production"
    refused = put_ref(team.editor, team, label, None, one, protected=True)
    assert refused.status_code == 403
    assert put_ref(team.admin, team, label, None, one, protected=True).status_code == 201

    assert put_ref(team.editor, team, label, one, two).status_code == 403
    assert put_ref(team.editor, team, label, one, one, protected=False).status_code == 403
    assert (
        team.editor.delete(at(team, f"refs/{label}"), params={"expected": one}).status_code == 403
    )

    moved = put_ref(team.admin, team, label, one, two)
    assert moved.status_code == 200
    assert moved.json()["protected"] is True
    unprotected = put_ref(team.owner, team, label, two, two, protected=False)
    assert unprotected.status_code == 200
    assert unprotected.json()["protected"] is False

    assert put_ref(team.editor, team, label, two, three).status_code == 200
    assert put_ref(team.editor, team, label, three, three, protected=True).status_code == 403


def test_every_label_change_is_audited(team: Team) -> None:
    one, two = uploaded(team, "one"), uploaded(team, "two")
    label = "p1/label/staging"
    assert put_ref(team.editor, team, label, None, one).status_code == 201
    assert put_ref(team.editor, team, label, one, two).status_code == 200
    assert put_ref(team.admin, team, label, two, two, protected=True).status_code == 200
    assert put_ref(team.admin, team, label, two, one).status_code == 200
    assert put_ref(team.admin, team, label, one, one, protected=False).status_code == 200
    assert team.admin.delete(at(team, f"refs/{label}"), params={"expected": one}).status_code == 204
    # A refused move changes nothing and records nothing.
    assert put_ref(team.editor, team, label, two, one).status_code == 409

    response = team.owner.get(at(team, "audit"))
    assert response.status_code == 200, response.text
    body = response.json()
    events = body["events"] if isinstance(body, dict) else body
    label_events = [e for e in events if e["action"].startswith("label.")]
    assert Counter(event["action"] for event in label_events) == Counter(
        {
            "label.created": 1,
            "label.moved": 2,
            "label.protected": 1,
            "label.unprotected": 1,
            "label.deleted": 1,
        }
    )
    assert {event.get("target") for event in label_events} == {"p1/staging"}


def test_viewers_read_but_cannot_upload_or_move(team: Team) -> None:
    one = uploaded(team, "one")
    assert put_ref(team.editor, team, "p1/branch/main", None, one).status_code == 201
    two, raw = make_version("two")
    assert upload(team.viewer, team, two, raw).status_code == 403
    assert put_ref(team.viewer, team, "p1/branch/main", one, one).status_code == 403
    assert put_ref(team.viewer, team, "p1/label/x", None, one).status_code == 403
    deleted = team.viewer.delete(at(team, "refs/p1/branch/main"), params={"expected": one})
    assert deleted.status_code == 403
    assert team.viewer.get(at(team, f"versions/{one}")).status_code == 200
    assert len(team.viewer.get(at(team, "refs")).json()) == 1
    assert team.viewer.get(at(team, "versions")).json()["ids"] == [one]
