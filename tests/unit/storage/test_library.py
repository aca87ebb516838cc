"""The prompt library on a real encrypted store: edits, versions, branches, merges, labels,
search, rendering and the native export format."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from app.core.prompt import ContentError, ModelSettings, PromptContent
from app.core.rendering import TemplateError
from app.core.variables import VariableSpec
from app.storage.key_file import KeyMode
from app.storage.library import Library, LibraryError, SearchFilters
from app.storage.library.documents import COMPACT_AFTER, load_document
from app.storage.library.errors import (
    BranchInUse,
    ImportFailed,
    LabelProtected,
    NothingToCommit,
    PromptExists,
    PromptNotFound,
    UncommittedChanges,
    VersionNotFound,
)
from app.storage.paths import StorePaths
from app.storage.store import Store

ESSAY = PromptContent(
    name="essay",
    title="Essay writer",
    description="Writes a short essay",
    body="Intro about {{ topic }}.\nMiddle paragraph.\nConclusion.",
    tags=("writing",),
    folder="Content/Long form",
    industry="media",
    use_case="drafting",
    variables=(VariableSpec("topic"),),
)


@pytest.fixture
def library(paths: StorePaths) -> Iterator[Library]:
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        yield Library(store, author="tester")


def _set_body(library: Library, name: str, old: str, new: str) -> None:
    library.edit(name, lambda c: dataclasses.replace(c, body=c.body.replace(old, new)))


def test_prompts_persist_through_the_crdt_working_copy(paths: StorePaths) -> None:
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        library = Library(store)
        library.create(ESSAY)
        for i in range(COMPACT_AFTER + 5):  # enough edits to fold updates into a snapshot
            library.edit("essay", lambda c, i=i: dataclasses.replace(c, title=f"Title {i}"))
        with store.read() as conn:
            pending = conn.execute(text("SELECT count(*) FROM working_copy_update")).scalar_one()
        assert pending < COMPACT_AFTER
    with Store.open(paths) as store:
        content = Library(store).get("essay")
        # The JSON mirror that reads use and the CRDT document say the same thing.
        with store.read() as conn:
            prompt_id = conn.execute(text("SELECT id FROM prompt")).scalar_one()
            from_crdt = load_document(conn, prompt_id, "main").content("essay")
    assert content == dataclasses.replace(ESSAY, title=f"Title {COMPACT_AFTER + 4}")
    assert from_crdt == content


def test_names_are_unique_and_checked(library: Library) -> None:
    library.create(ESSAY)
    with pytest.raises(PromptExists):
        library.create(ESSAY)
    with pytest.raises(PromptNotFound):
        library.get("nope")


def test_commit_log_and_nothing_to_commit(library: Library) -> None:
    library.create(ESSAY)
    first = library.commit("essay", "first draft")
    with pytest.raises(NothingToCommit):
        library.commit("essay", "again")
    _set_body(library, "essay", "Middle", "Better middle")
    second = library.commit("essay", "better middle")
    assert [v.id for v in library.log("essay")] == [second.id, first.id]
    assert second.parents == (first.id,)
    assert library.get("essay", first.id[:8]).body == ESSAY.body
    assert library.get("essay", "main").body.startswith("Intro")


def test_edits_on_two_branches_in_different_places_both_survive_the_merge(
    library: Library,
) -> None:
    library.create(ESSAY)
    base = library.commit("essay", "base")
    library.create_branch("essay", "experiment")

    _set_body(library, "essay", "Intro about", "Opening on")
    library.commit("essay", "main: new opening")

    library.checkout("essay", "experiment")
    assert library.get("essay").body == ESSAY.body  # the branch starts from the base
    _set_body(library, "essay", "Conclusion.", "A stronger conclusion.")
    library.edit("essay", lambda c: dataclasses.replace(c, tags=(*c.tags, "experimental")))
    library.commit("essay", "experiment: new ending")
    library.checkout("essay", "main")

    preview = library.merge_preview("essay", "experiment")
    assert preview.base == base.id
    body_diff = next(t for t in preview.diff.texts if t.field == "body")
    assert any(line.text == "A stronger conclusion." for line in body_diff.lines)
    assert library.get("essay").body.endswith("Conclusion.")  # preview changes nothing

    merged = library.merge("essay", "experiment")
    result = library.get("essay")
    assert result.body == "Opening on {{ topic }}.\nMiddle paragraph.\nA stronger conclusion."
    assert result.tags == ("experimental", "writing")
    assert len(merged.parents) == 2
    assert library.get("essay", merged.id) == result
    assert library.search("stronger")[0].name == "essay"


def test_merge_refuses_uncommitted_changes_on_the_target(library: Library) -> None:
    library.create(ESSAY)
    library.commit("essay", "base")
    library.create_branch("essay", "side")
    library.checkout("essay", "side")
    _set_body(library, "essay", "Middle", "Side middle")
    library.commit("essay", "side change")
    library.checkout("essay", "main")
    _set_body(library, "essay", "Intro", "Unsaved intro")
    with pytest.raises(UncommittedChanges):
        library.merge("essay", "side")
    assert library.get("essay").body.startswith("Unsaved intro")


def test_branch_from_an_old_version_and_delete(library: Library) -> None:
    library.create(ESSAY)
    old = library.commit("essay", "v1")
    _set_body(library, "essay", "Middle", "Changed")
    library.commit("essay", "v2")
    info = library.create_branch("essay", "hotfix", old.id[:10])
    assert info.head == old.id
    library.checkout("essay", "hotfix")
    assert library.get("essay").body == ESSAY.body
    with pytest.raises(BranchInUse):
        library.delete_branch("essay", "hotfix")
    library.checkout("essay", "main")
    library.delete_branch("essay", "hotfix")
    assert [b.name for b in library.branches("essay")] == ["main"]


def test_labels_deploy_protect_and_roll_back(library: Library) -> None:
    library.create(ESSAY)
    v1 = library.commit("essay", "v1")
    _set_body(library, "essay", "Middle", "Improved")
    v2 = library.commit("essay", "v2")

    library.set_label("essay", "production", v1.id, protect=True)
    with pytest.raises(LabelProtected):
        library.set_label("essay", "production", v2.id)
    assert library.get("essay", "production").body == ESSAY.body

    move = library.set_label("essay", "production", v2.id, force=True)
    assert (move.from_version, move.to_version) == (v1.id, v2.id)
    assert library.labels("essay")[0].protected  # protection survives a forced move

    back = library.rollback_label("essay", "production", force=True)
    assert back.to_version == v1.id
    with pytest.raises(VersionNotFound):
        library.get("essay", "staging")


def test_diff_between_versions_and_the_working_copy(library: Library) -> None:
    library.create(ESSAY)
    v1 = library.commit("essay", "v1")
    library.edit(
        "essay",
        lambda c: dataclasses.replace(
            c, title="New", variables=(*c.variables, VariableSpec("tone", required=False))
        ),
    )
    diff = library.diff("essay", v1.id)
    assert [f.field for f in diff.fields] == ["title"]
    assert [(v.name, v.change) for v in diff.variables] == [("tone", "added")]
    assert library.diff("essay", v1.id, v1.id).is_empty


def test_search_ranks_filters_and_finds_prefixes(library: Library) -> None:
    library.create(ESSAY)
    library.create(
        PromptContent(
            name="support-reply",
            title="Support reply",
            body="Reply kindly to the customer about {{ issue }}.",
            tags=("support", "email"),
            folder="Support",
            industry="retail",
            variables=(VariableSpec("issue"),),
        )
    )
    library.create(PromptContent(name="essay-outline", title="Outline", body="An essay outline"))
    assert [h.name for h in library.search("essay")][:2] == ["essay", "essay-outline"]
    assert [h.name for h in library.search("cust*")] == ["support-reply"]
    assert library.search("customer kindly")[0].snippet.count("[") >= 1
    assert [h.name for h in library.search("", SearchFilters(tag="email"))] == ["support-reply"]
    assert [h.name for h in library.search("", SearchFilters(folder="Content"))] == ["essay"]
    assert library.search("essay", SearchFilters(industry="retail")) == []
    assert library.search('"OR" AND NEAR(') == []  # operators are words, never syntax
    assert [p.name for p in library.list_prompts(SearchFilters(folder="Support"))] == [
        "support-reply"
    ]


def test_rename_and_delete(library: Library) -> None:
    library.create(ESSAY)
    library.commit("essay", "v1")
    library.rename("essay", "long-essay")
    assert library.log("long-essay")[0].message == "v1"
    assert [h.name for h in library.search("essay")] == ["long-essay"]
    library.delete("long-essay")
    assert library.names() == []
    assert library.search("essay") == []


def test_render_includes_follow_the_label(library: Library) -> None:
    library.create(PromptContent(name="footer", body="Footer v1"))
    v1 = library.commit("footer", "v1")
    library.set_label("footer", "production", v1.id)
    library.edit("footer", lambda c: dataclasses.replace(c, body="Footer draft"))
    library.create(PromptContent(name="page", body='Page\n{% include "footer" %}'))
    library.set_label("page", "production", library.commit("page", "v1").id)

    assert library.render("page", {}).user == "Page\nFooter draft"
    assert library.render("page", {}, "production").user == "Page\nFooter v1"
    with pytest.raises(VersionNotFound):
        library.render("page", {}, "no-such-ref")
    library.create(PromptContent(name="needs", body="{{ x }}", variables=(VariableSpec("x"),)))
    with pytest.raises(TemplateError, match="variable 'x'"):
        library.render("needs", {})


# --- the native export format --------------------------------------------------------------


def _rich_library(library: Library) -> None:
    library.create(ESSAY)
    library.commit("essay", "v1")
    library.create_branch("essay", "exp")
    _set_body(library, "essay", "Middle", "Main middle")
    v2 = library.commit("essay", "v2")
    library.set_label("essay", "production", v2.id, protect=True)
    library.checkout("essay", "exp")
    _set_body(library, "essay", "Conclusion", "Exp conclusion")
    library.commit("essay", "exp change")
    library.checkout("essay", "main")
    library.merge("essay", "exp")
    _set_body(library, "essay", "Intro", "Uncommitted intro")
    library.create(PromptContent(name="draft", title="Never committed", body="x"))


def test_export_import_round_trips_byte_identically(paths: StorePaths, tmp_path: Path) -> None:
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        library = Library(store, author="tester")
        _rich_library(library)
        exported = library.export()
    other = StorePaths(tmp_path / "empty-store")
    with Store.create(other, KeyMode.INSECURE_FILE) as store:
        library = Library(store)
        report = library.import_files([("library.json", exported)])
        assert sorted(report.created) == ["draft", "essay"]
        assert library.export() == exported
        assert library.get("essay").body.startswith("Uncommitted intro")
        again = library.import_files([("library.json", exported)])
        assert again.created == ()
        assert again.updated == ()
        assert sorted(again.unchanged) == ["draft", "essay"]
        assert library.export() == exported
        # Imported history shares one CRDT lineage again: branches still merge by character.
        library.edit("essay", lambda c: dataclasses.replace(c, body="Opening.\nMiddle.\nEnd."))
        library.commit("essay", "reset")
        library.create_branch("essay", "left")
        _set_body(library, "essay", "Opening.", "New opening.")
        library.commit("essay", "main side")
        library.checkout("essay", "left")
        _set_body(library, "essay", "End.", "New end.")
        library.commit("essay", "left side")
        library.checkout("essay", "main")
        library.merge("essay", "left")
        assert library.get("essay").body == "New opening.\nMiddle.\nNew end."


def test_a_version_whose_id_lies_is_refused_and_nothing_is_imported(
    library: Library, tmp_path: Path
) -> None:
    _rich_library(library)
    data = json.loads(library.export())
    data["prompts"][1]["versions"][0]["content"]["body"] = "tampered"
    other = StorePaths(tmp_path / "other")
    with Store.create(other, KeyMode.INSECURE_FILE) as store:
        fresh = Library(store)
        with pytest.raises(ImportFailed) as caught:
            fresh.import_files([("library.json", json.dumps(data))])
        assert "does not match its content" in str(caught.value)
        assert "library.json, prompt 2 (essay)" in str(caught.value)
        assert fresh.names() == []


def test_malformed_json_names_the_line(library: Library) -> None:
    with pytest.raises(ImportFailed) as caught:
        library.import_files([("broken.json", '{\n  "format": "promptdesk-library",\n  oops\n}')])
    assert "broken.json, line 3" in str(caught.value)


def test_merging_nothing_is_refused_and_a_branch_behind_fast_forwards(library: Library) -> None:
    library.create(ESSAY)
    library.commit("essay", "base")
    with pytest.raises(LibraryError, match="into itself"):
        library.merge("essay", "main")
    library.create_branch("essay", "ahead")
    library.checkout("essay", "ahead")
    _set_body(library, "essay", "Middle", "Ahead middle")
    ahead = library.commit("essay", "ahead")
    library.checkout("essay", "main")
    merged = library.merge("essay", "ahead")
    assert merged.id == ahead.id  # fast-forward: no merge commit
    assert library.get("essay").body == library.get("essay", ahead.id).body
    with pytest.raises(LibraryError, match="already merged"):
        library.merge("essay", "ahead")


def test_protection_cannot_be_dropped_without_force(library: Library) -> None:
    library.create(ESSAY)
    v1 = library.commit("essay", "v1")
    library.set_label("essay", "production", v1.id, protect=True)
    with pytest.raises(LabelProtected):
        library.set_label("essay", "production", v1.id, protect=False)
    library.set_label("essay", "production", v1.id, protect=False, force=True)
    assert not library.labels("essay")[0].protected


def test_rollbacks_step_back_through_deploys(library: Library) -> None:
    library.create(ESSAY)
    versions = []
    for i in range(3):
        _set_body(library, "essay", "Conclusion", f"Conclusion {i}")
        versions.append(library.commit("essay", f"v{i}"))
        library.set_label("essay", "production", versions[-1].id)
    assert library.rollback_label("essay", "production").to_version == versions[1].id
    assert library.rollback_label("essay", "production").to_version == versions[0].id
    with pytest.raises(LibraryError, match="no earlier version"):
        library.rollback_label("essay", "production")


def test_an_import_never_moves_this_stores_labels(library: Library, tmp_path: Path) -> None:
    library.create(ESSAY)
    v1 = library.commit("essay", "v1")
    library.set_label("essay", "production", v1.id)
    old_export = library.export()
    _set_body(library, "essay", "Middle", "Newer")
    v2 = library.commit("essay", "v2")
    library.set_label("essay", "production", v2.id)
    library.import_files([("old.json", old_export)])
    assert library.labels("essay")[0].version_id == v2.id


def test_importing_history_over_an_uncommitted_prompt_is_refused(
    library: Library, tmp_path: Path
) -> None:
    with Store.create(StorePaths(tmp_path / "source"), KeyMode.INSECURE_FILE) as store:
        source = Library(store)
        source.create(ESSAY)
        source.commit("essay", "v1")
        exported = source.export()
    library.create(dataclasses.replace(ESSAY, body="my local draft"))
    with pytest.raises(ImportFailed, match="uncommitted work"):
        library.import_files([("essay.json", exported)])
    assert library.get("essay").body == "my local draft"


def test_rename_reports_prompts_that_include_the_old_name(library: Library) -> None:
    library.create(PromptContent(name="footer", body="Bye"))
    library.create(PromptContent(name="mail", body='Hi\n{% include "footer" %}'))
    assert library.rename("footer", "signature") == ["mail"]


@pytest.mark.parametrize(
    ("mutate", "says"),
    [
        (lambda d: d.update(prompts=5), "'prompts' must be a list"),
        (lambda d: d["prompts"][0].update(branches=["main"]), "'branches' must be a list"),
        (lambda d: d["prompts"][0].update(branches=[]), "at least one branch"),
        (lambda d: d["prompts"][0]["branches"][0].pop("created_at"), "'created_at' is missing"),
        (lambda d: d["prompts"][0]["branches"][0].update(name="bad name!"), "not a valid branch"),
        (lambda d: d["prompts"][0]["versions"][0]["content"].update(settings=[]), "settings"),
        (lambda d: d["prompts"][0].update(name="Not A Slug"), "not a valid prompt name"),
    ],
)
def test_malformed_library_files_say_where_and_import_nothing(
    library: Library, tmp_path: Path, mutate: object, says: str
) -> None:
    library.create(ESSAY)
    library.commit("essay", "v1")
    data = json.loads(library.export())
    mutate(data)  # type: ignore[operator]
    with Store.create(StorePaths(tmp_path / "other"), KeyMode.INSECURE_FILE) as store:
        fresh = Library(store)
        with pytest.raises(ImportFailed) as caught:
            fresh.import_files([("lib.json", json.dumps(data))])
        assert says in str(caught.value)
        assert str(caught.value).startswith("lib.json")
        assert fresh.names() == []


def test_control_characters_in_queries_are_just_spaces(library: Library) -> None:
    library.create(ESSAY)
    assert [h.name for h in library.search("essay\x00 writer")] == ["essay"]


def test_content_is_normalised_and_checked_whoever_builds_it(library: Library) -> None:
    messy = dataclasses.replace(ESSAY, tags=("Email", "email", " Ops "), folder="/a//b/")
    assert (messy.tags, messy.folder) == (("email", "ops"), "a/b")
    with pytest.raises(ContentError, match="declared twice"):
        dataclasses.replace(ESSAY, variables=(VariableSpec("x"), VariableSpec("x")))
    with pytest.raises(ContentError, match="not text"):
        dataclasses.replace(ESSAY, title="bad \udcff byte")
    with pytest.raises(ContentError, match="finite"):
        ModelSettings(temperature=float("nan"))


def test_name_title_and_tag_matches_rank_before_body_matches(library: Library) -> None:
    library.create(PromptContent(name="a-body", body="caching " * 30 + "is all this says"))
    library.create(PromptContent(name="b-title", title="Caching notes", body="unrelated"))
    library.create(PromptContent(name="c-tag", tags=("caching",), body="unrelated"))
    names = [hit.name for hit in library.search("caching")]
    assert names[-1] == "a-body"
    assert set(names[:2]) == {"b-title", "c-tag"}
