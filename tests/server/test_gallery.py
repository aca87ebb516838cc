"""The community gallery over HTTP, against a real server process on SQLite and PostgreSQL:
publish → review → search → rate and fork → a new release; moderation and abuse (rejection
and removal with reasons only the author sees, five reports hide an entry, one rating per
user, rate limits); search with its filters and sorts; tampered versions refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.server.conftest import sign_up
from tests.support.gallery import content, moderator, publication
from tests.support.sync_server import Api, ServerProcess


def _publish(api: Api, body: dict[str, Any]) -> dict[str, Any]:
    response = api.post("/v1/gallery/entries", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


def _search(api: Api, **params: Any) -> list[str]:
    response = api.get("/v1/gallery/entries", params=params)
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["entries"]]


def test_publish_review_search_rate_fork_and_release(server: ServerProcess) -> None:
    author, reader, mod = sign_up(server, "author"), sign_up(server, "reader"), moderator(server)
    public = Api(server.url)
    word = "zephyrine"  # a word nobody else's entries have
    prompt = content(
        "brief",
        body=f"Write a {word} brief about {{{{ topic }}}}.",
        title=f"{word.title()} brief",
        tags=("briefs", "writing"),
        industry="retail",
    )
    entry = _publish(author, publication(prompt, industry="retail", license="CC-BY-4.0"))
    assert entry["status"] == "pending"
    assert public.get(f"/v1/gallery/entries/{entry['id']}").status_code == 404
    assert _search(public, q=word) == []

    queue = mod.get("/v1/gallery/moderation/queue")
    assert entry["id"] in [item["entry"]["id"] for item in queue.json()]
    approved = mod.post(f"/v1/gallery/entries/{entry['id']}/moderation", json={"action": "approve"})
    assert approved.status_code == 200, approved.text
    assert _search(public, q=word) == [entry["id"]]
    assert _search(public, q=word[:5]) == [entry["id"]]  # by prefix
    page = public.get(f"/v1/gallery/entries/{entry['id']}").json()
    assert page["latest"]["version"]["content"]["body"] == prompt.body
    assert page["license"] == "CC-BY-4.0"

    # One rating per user: a second replaces the first.
    assert reader.put(f"/v1/gallery/entries/{entry['id']}/rating", json={"stars": 2}).is_success
    rated = reader.put(f"/v1/gallery/entries/{entry['id']}/rating", json={"stars": 5}).json()
    assert (rated["rating_count"], rated["rating_average"], rated["my_rating"]) == (1, 5.0, 5)
    own = author.put(f"/v1/gallery/entries/{entry['id']}/rating", json={"stars": 5})
    assert own.status_code == 409

    forked = reader.post(f"/v1/gallery/entries/{entry['id']}/forks", json={"release": 1})
    assert forked.json()["forks"] == 1
    reader.post(f"/v1/gallery/entries/{entry['id']}/forks", json={"release": 1})
    assert public.get(f"/v1/gallery/entries/{entry['id']}").json()["forks"] == 1  # once a user

    changed = content(prompt.name, body=prompt.body + "\nKeep it under 100 words.", title="B")
    version_1 = page["latest"]["version_hash"]
    second = author.post(
        f"/v1/gallery/entries/{entry['id']}/releases",
        json=publication(changed, parents=(version_1,), industry="retail", notes="Shorter"),
    )
    assert second.status_code == 201, second.text
    page = public.get(f"/v1/gallery/entries/{entry['id']}").json()
    assert [r["number"] for r in page["releases"]] == [1, 2]
    assert page["latest_release"] == 2
    assert "100 words" in page["latest"]["version"]["content"]["body"]
    first = public.get(f"/v1/gallery/entries/{entry['id']}/releases/1").json()
    assert first["version"]["content"]["body"] == prompt.body

    # A published fork names its parent, and the parent's page lists it.
    fork_body = publication(
        content("brief-mine", body=changed.body + "\nAdd a title.", title="Mine"),
        parent_id=entry["id"],
        parent_release=2,
    )
    child = _publish(reader, fork_body)
    mod.post(f"/v1/gallery/entries/{child['id']}/moderation", json={"action": "approve"})
    page = public.get(f"/v1/gallery/entries/{entry['id']}").json()
    assert [f["id"] for f in page["forks_published"]] == [child["id"]]
    assert public.get(f"/v1/gallery/entries/{child['id']}").json()["root_id"] == entry["id"]
    author_page = public.get(f"/v1/gallery/authors/{author.user['id']}").json()
    assert author_page["reputation"] == 5 * (5 - 3) + 10 * 1


def test_rejected_and_removed_entries_say_why_to_their_author_only(server: ServerProcess) -> None:
    author, other, mod = sign_up(server, "author"), sign_up(server, "other"), moderator(server)
    rejected = _publish(author, publication(content("spammy", title="Spammy thing")))
    answer = mod.post(f"/v1/gallery/entries/{rejected['id']}/moderation", json={"action": "reject"})
    assert answer.status_code == 422  # a reason is required
    mod.post(
        f"/v1/gallery/entries/{rejected['id']}/moderation",
        json={"action": "reject", "reason": "Too short to be useful"},
    )
    mine = author.get(f"/v1/gallery/entries/{rejected['id']}").json()
    assert (mine["status"], mine["status_reason"]) == ("rejected", "Too short to be useful")
    assert other.get(f"/v1/gallery/entries/{rejected['id']}").status_code == 404

    word = "quibblesome"
    gone = _publish(author, publication(content("gone", body=f"A {word} prompt", title=word)))
    mod.post(f"/v1/gallery/entries/{gone['id']}/moderation", json={"action": "approve"})
    assert _search(other, q=word) == [gone["id"]]
    mod.post(
        f"/v1/gallery/entries/{gone['id']}/moderation",
        json={"action": "remove", "reason": "Copies a paid course"},
    )
    assert _search(other, q=word) == []
    assert other.get(f"/v1/gallery/entries/{gone['id']}").status_code == 404
    mine = author.get(f"/v1/gallery/entries/{gone['id']}").json()
    assert (mine["status"], mine["status_reason"]) == ("removed", "Copies a paid course")
    assert [e["status"] for e in author.get("/v1/gallery/mine").json()] == ["removed", "rejected"]


def test_five_reports_from_distinct_users_hide_an_entry_until_a_moderator_decides(
    server: ServerProcess,
) -> None:
    author, mod = sign_up(server, "author"), moderator(server)
    word = "flumadiddle"
    entry = _publish(author, publication(content("reported", body=f"{word}", title=word)))
    mod.post(f"/v1/gallery/entries/{entry['id']}/moderation", json={"action": "approve"})
    reporters = [sign_up(server, f"reporter{n}") for n in range(5)]
    for number, reporter in enumerate(reporters[:4]):
        sent = reporter.post(f"/v1/gallery/entries/{entry['id']}/reports", json={"reason": "spam"})
        assert sent.status_code == 202, sent.text
        if number == 0:  # the same user twice counts once
            again = reporter.post(
                f"/v1/gallery/entries/{entry['id']}/reports", json={"reason": "harmful"}
            )
            assert again.status_code == 409
    assert _search(author, q=word) == [entry["id"]]  # four users: still listed
    reporters[4].post(f"/v1/gallery/entries/{entry['id']}/reports", json={"reason": "misleading"})
    assert _search(author, q=word) == []
    assert reporters[0].get(f"/v1/gallery/entries/{entry['id']}").status_code == 404
    mine = author.get(f"/v1/gallery/entries/{entry['id']}").json()
    assert mine["status"] == "pending"
    assert "5 users" in mine["status_reason"]
    queue = mod.get("/v1/gallery/moderation/queue").json()
    item = next(i for i in queue if i["entry"]["id"] == entry["id"])
    assert len(item["reports"]) == 5
    mod.post(f"/v1/gallery/entries/{entry['id']}/moderation", json={"action": "dismiss-reports"})
    assert _search(author, q=word) == [entry["id"]]


def test_search_filters_and_sorts(server: ServerProcess) -> None:
    mod = moderator(server)  # a moderator's entries are published at once
    raters = [sign_up(server, f"rater{n}") for n in range(3)]
    tag = "kelpish"
    made = {}
    for name, industry, licence, model in [
        ("alpha", "gaming", "MIT", "local:smollm2-135m-instruct"),
        ("beta", "gaming", "CC0-1.0", "openai:gpt-4o-mini"),
        ("gamma", "retail", "CC0-1.0", "local:smollm2-135m-instruct"),
    ]:
        body = publication(
            content(
                name, body=f"{name} summarizing {{{{ text }}}}", title=f"{name} {tag}", tags=(tag,)
            ),
            industry=industry,
            license=licence,
            tested=[{"model": model, "passed": 3, "cases": 3}],
        )
        made[name] = _publish(mod, body)["id"]
    for rater in raters:
        rater.put(f"/v1/gallery/entries/{made['beta']}/rating", json={"stars": 5})
    raters[0].put(f"/v1/gallery/entries/{made['alpha']}/rating", json={"stars": 2})
    raters[0].post(f"/v1/gallery/entries/{made['gamma']}/forks", json={"release": 1})
    raters[1].post(f"/v1/gallery/entries/{made['gamma']}/forks", json={"release": 1})

    everyone = Api(server.url)
    assert set(_search(everyone, tag=tag)) == set(made.values())
    assert set(_search(everyone, tag=tag, industry="gaming")) == {made["alpha"], made["beta"]}
    assert _search(everyone, tag=tag, license="MIT") == [made["alpha"]]
    assert set(_search(everyone, tag=tag, model="local:smollm2-135m-instruct")) == {
        made["alpha"],
        made["gamma"],
    }
    assert _search(everyone, tag=tag, min_rating=4) == [made["beta"]]
    assert _search(everyone, tag=tag, sort="top")[0] == made["beta"]
    assert _search(everyone, tag=tag, sort="forks")[0] == made["gamma"]
    assert _search(everyone, tag=tag, sort="new")[0] == made["gamma"]
    assert _search(everyone, tag=tag, sort="trending")[0] in (made["beta"], made["gamma"])
    assert set(_search(everyone, q=f"summarize {tag}")) == set(made.values())  # stemmed


def test_a_version_that_does_not_hash_to_its_id_is_refused(server: ServerProcess) -> None:
    author = sign_up(server, "author")
    body = publication(content("tampered"))
    body["version"]["content"]["body"] = "something else"
    refused = author.post("/v1/gallery/entries", json=body)
    assert refused.status_code == 422
    assert "hash" in refused.json()["detail"]
    body = publication(content("badindustry"), industry="astrology")
    assert author.post("/v1/gallery/entries", json=body).status_code == 422
    assert Api(server.url).post("/v1/gallery/entries", json=body).status_code == 401


def test_a_version_published_already_is_not_a_second_entry(server: ServerProcess) -> None:
    author = sign_up(server, "twice")
    body = publication(content("twice", title="Twice told"))
    made = _publish(author, body)["id"]
    assert author.get(f"/v1/gallery/entries/{made}").json()["yours"] is True
    again = author.post("/v1/gallery/entries", json=body)
    assert again.status_code == 409
    assert "Twice told" in again.json()["detail"]
    assert "new release" in again.json()["detail"]
    mine = author.get("/v1/gallery/mine").json()
    assert [e["title"] for e in mine] == ["Twice told"]
    # Someone else may publish the same text (a fork left as it was): it is their entry.
    other = sign_up(server, "other")
    assert other.post("/v1/gallery/entries", json=body).status_code == 201
    assert other.get(f"/v1/gallery/entries/{made}").status_code == 404  # still in review


@pytest.mark.parametrize("kind", ["publishing", "reporting"])
def test_publishing_and_reporting_are_rate_limited(tmp_path: Path, kind: str) -> None:
    server = ServerProcess(
        tmp_path / "limits",
        env={
            "PROMPTDESK_SYNC_GALLERY_PUBLISHES_PER_HOUR": "3",
            "PROMPTDESK_SYNC_GALLERY_REPORTS_PER_DAY": "2",
        },
    ).start()
    try:
        author = sign_up(server, "author")
        if kind == "publishing":
            for number in range(3):
                _publish(author, publication(content(f"p{number}", title=f"P{number}")))
            refused = author.post("/v1/gallery/entries", json=publication(content("p4")))
            assert refused.status_code == 429
            assert int(refused.headers["Retry-After"]) > 0
            assert "last hour" in refused.json()["detail"]
            return
        mod = moderator(server)
        ids = [_publish(mod, publication(content(f"r{n}", title=f"R{n}")))["id"] for n in range(3)]
        for entry_id in ids[:2]:
            sent = author.post(f"/v1/gallery/entries/{entry_id}/reports", json={"reason": "spam"})
            assert sent.status_code == 202
        refused = author.post(f"/v1/gallery/entries/{ids[2]}/reports", json={"reason": "spam"})
        assert refused.status_code == 429
        assert "Retry-After" in refused.headers
    finally:
        server.stop()


def test_moderation_cannot_be_undone_by_dismissing_reports_nor_done_by_the_author(
    server: ServerProcess,
) -> None:
    author, mod, other_mod = sign_up(server, "author"), moderator(server), moderator(server, "m2")
    reporters = [sign_up(server, f"r{n}") for n in range(5)]
    entry = _publish(author, publication(content("undo", title="Undo me")))
    mod.post(f"/v1/gallery/entries/{entry['id']}/moderation", json={"action": "approve"})
    for reporter in reporters:
        reporter.post(f"/v1/gallery/entries/{entry['id']}/reports", json={"reason": "spam"})
    removed = mod.post(
        f"/v1/gallery/entries/{entry['id']}/moderation",
        json={"action": "remove", "reason": "Spam"},
    )
    assert removed.json()["status"] == "removed"
    other_mod.post(
        f"/v1/gallery/entries/{entry['id']}/moderation", json={"action": "dismiss-reports"}
    )
    assert Api(server.url).get(f"/v1/gallery/entries/{entry['id']}").status_code == 404
    assert author.get(f"/v1/gallery/entries/{entry['id']}").json()["status"] == "removed"

    # A moderator's own entry is decided by another moderator.
    own = _publish(mod, publication(content("mine", title="Mine")))
    refused = mod.post(
        f"/v1/gallery/entries/{own['id']}/moderation",
        json={"action": "remove", "reason": "x"},
    )
    assert refused.status_code == 403


def test_drafts_are_their_authors_alone_and_approval_names_the_release_read(
    server: ServerProcess,
) -> None:
    author, mod = sign_up(server, "author"), moderator(server)
    draft = _publish(author, publication(content("draft", title="Draft"), draft=True))
    assert mod.get(f"/v1/gallery/entries/{draft['id']}").status_code == 404
    assert author.get(f"/v1/gallery/entries/{draft['id']}").json()["status"] == "draft"

    first = content("gate", title="Gate")
    entry = _publish(author, publication(first))
    read = author.get(f"/v1/gallery/entries/{entry['id']}").json()["latest"]["version_hash"]
    changed = content("gate", body="Something else entirely: {{ x }}", title="Gate")
    author.post(
        f"/v1/gallery/entries/{entry['id']}/releases",
        json=publication(changed, parents=(read,)),
    )
    stale = mod.post(
        f"/v1/gallery/entries/{entry['id']}/moderation", json={"action": "approve", "release": 1}
    )
    assert stale.status_code == 409
    assert "release 2" in stale.json()["detail"]
    fresh = mod.post(
        f"/v1/gallery/entries/{entry['id']}/moderation", json={"action": "approve", "release": 2}
    )
    assert fresh.json()["status"] == "published"


def test_uses_count_once_a_day_and_counters_survive_requests_at_once(
    server: ServerProcess,
) -> None:
    import concurrent.futures

    mod = moderator(server)
    entry = _publish(mod, publication(content("counted", title="Counted")))
    anonymous = Api(server.url)
    for _ in range(5):
        anonymous.post(f"/v1/gallery/entries/{entry['id']}/pulls")
    assert anonymous.get(f"/v1/gallery/entries/{entry['id']}").json()["pulls"] == 1

    forkers = [sign_up(server, f"f{n}") for n in range(12)]
    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        answers = list(
            pool.map(
                lambda api: (
                    api.post(
                        f"/v1/gallery/entries/{entry['id']}/forks", json={"release": 1}
                    ).status_code
                ),
                forkers,
            )
        )
        assert answers == [200] * 12
        list(
            pool.map(
                lambda api: (
                    api.put(
                        f"/v1/gallery/entries/{entry['id']}/rating", json={"stars": 4}
                    ).status_code
                ),
                forkers,
            )
        )
    page = anonymous.get(f"/v1/gallery/entries/{entry['id']}").json()
    assert (page["forks"], page["rating_count"], page["rating_average"]) == (12, 12, 4.0)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda body: body.update(title="bad \ud800 title"),
        lambda body: body["version"]["content"]["settings"].update(temperature=float("nan")),
        lambda body: body["examples"][0].update(output="\ud800"),
    ],
)
def test_text_that_is_not_text_is_refused_not_a_500(server: ServerProcess, spoil: Any) -> None:
    import json as _json

    author = sign_up(server, "author")
    body = publication(content("odd", title="Odd"))
    spoil(body)
    raw = _json.dumps(body)  # a lone surrogate as its JSON escape, NaN as NaN
    answer = author.post(
        "/v1/gallery/entries", content=raw, headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 422, answer.text
