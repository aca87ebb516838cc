"""Export and import of the library: Promptdesk's own JSON format, with full history.

The export is deterministic (sorted keys and prompts, versions in parent-before-child order, no
export timestamp), so exporting, importing into an empty store and exporting again gives the
same bytes. On import every version id is recomputed from its content, so a file edited by
hand cannot smuggle in a version whose id lies. Imports run in one transaction: a file that
fails anywhere imports nothing. Importing the same file again changes nothing. The format is
documented in ``docs/library-format.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text

from app.core.prompt import PromptContent, PromptNameError, check_prompt_name
from app.core.variables import VariableError
from app.core.versions import Version, ancestors, check_ref_name, hashed_content, version_id
from app.core.working_copy import PromptDocument
from app.storage.library import history, rows
from app.storage.library.documents import load_content, load_document, save_snapshot
from app.storage.library.errors import ImportFailed

if TYPE_CHECKING:
    from app.core.formats import ImportedPrompt

FORMAT = "promptdesk-library"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class ImportReport:
    created: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]


# --- export --------------------------------------------------------------------------------


def export_library(conn: Connection, names: Iterable[str] | None = None) -> str:
    wanted = set(names) if names is not None else None
    prompt_rows = conn.execute(
        text("SELECT id, name, current_branch, created_at FROM prompt ORDER BY name")
    ).all()
    prompts = [
        _export_prompt(conn, row.id, row.name, row.current_branch, row.created_at)
        for row in prompt_rows
        if wanted is None or row.name in wanted
    ]
    document = {"format": FORMAT, "format_version": FORMAT_VERSION, "prompts": prompts}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _export_prompt(
    conn: Connection, prompt_id: str, name: str, current_branch: str, created_at: str
) -> dict[str, Any]:
    versions = history.all_versions(conn, prompt_id, name)
    branches = [
        {
            "name": row.name,
            "head": row.head,
            "base": row.base,
            "created_at": row.created_at,
            "working_copy": hashed_content(load_content(conn, prompt_id, row.name, name)),
        }
        for row in history.branch_rows(conn, prompt_id)
    ]
    labels = [
        {"name": label.name, "version": label.version_id, "protected": label.protected}
        for label in history.labels(conn, prompt_id)
    ]
    return {
        "name": name,
        "created_at": created_at,
        "current_branch": current_branch,
        "versions": [_export_version(v) for v in topological(versions)],
        "branches": branches,
        "labels": labels,
    }


def _export_version(version: Version) -> dict[str, Any]:
    return {
        "id": version.id,
        "parents": list(version.parents),
        "message": version.message,
        "author": version.author,
        "created_at": version.created_at,
        "content": hashed_content(version.content),
    }


def topological(versions: list[Version]) -> list[Version]:
    """Parents before children; among ready versions, oldest first (then by id)."""
    by_id = {v.id: v for v in versions}
    done: set[str] = set()
    ordered: list[Version] = []
    pending = sorted(versions, key=lambda v: (v.created_at, v.id))
    while pending:
        ready = [v for v in pending if all(p in done or p not in by_id for p in v.parents)]
        if not ready:  # a cycle cannot come from hashing, but never loop forever on bad data
            ready = pending[:1]
        for version in ready:
            ordered.append(version)
            done.add(version.id)
        pending = [v for v in pending if v.id not in done]
    return ordered


# --- import --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ParsedPrompt:
    name: str
    created_at: str
    current_branch: str
    versions: list[Version]
    branches: list[dict[str, Any]]
    labels: list[dict[str, Any]]


@dataclass(frozen=True)
class ImportPlan:
    """A file parsed and checked, ready to write: a library export or other tools' prompts."""

    source: str
    format_name: str
    library: list[_ParsedPrompt] | None = None
    prompts: tuple[ImportedPrompt, ...] = ()


def plan_import(source: str, text_: str, columns: Mapping[str, str] | None = None) -> ImportPlan:
    """Parse one file completely (nothing is written); errors name file, place and reason.

    ``columns`` maps prompt fields to a CSV file's columns (other files do not use it).
    """
    if source.lower().endswith(".json"):
        try:
            data = json.loads(text_)
        except json.JSONDecodeError as exc:
            raise ImportFailed(
                source, f"line {exc.lineno}", f"not valid JSON ({exc.msg})"
            ) from None
        if is_library_export(data):
            return ImportPlan(source, "Promptdesk", library=parse_library(source, text_))
    from app.core.formats import FormatError, parse_prompt_file

    try:
        format_name, prompts = parse_prompt_file(source, text_, columns)
    except FormatError as exc:
        raise ImportFailed(source, exc.where, exc.reason) from None
    return ImportPlan(source, format_name, prompts=tuple(prompts))


def is_library_export(data: object) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def parse_library(source: str, text_: str) -> list[_ParsedPrompt]:
    """Validate the whole file before anything is written; errors name the record."""
    try:
        data = json.loads(text_)
    except json.JSONDecodeError as exc:
        raise ImportFailed(source, f"line {exc.lineno}", f"not valid JSON ({exc.msg})") from None
    if not is_library_export(data):
        raise ImportFailed(source, "", "not a Promptdesk library export")
    if data.get("format_version") != FORMAT_VERSION:
        raise ImportFailed(
            source, "", f"format version {data.get('format_version')!r} is not supported"
        )
    prompts = data.get("prompts", [])
    if not isinstance(prompts, list):
        raise ImportFailed(source, "", "'prompts' must be a list")
    parsed = []
    for index, raw in enumerate(prompts, start=1):
        where = f"prompt {index}"
        if isinstance(raw, dict) and isinstance(raw.get("name"), str):
            where += f" ({raw['name']})"
        try:
            parsed.append(_parse_prompt(_mapping(raw, "a prompt")))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ImportFailed(source, where, _reason(exc)) from None
    names = [p.name for p in parsed]
    if len(set(names)) != len(names):
        raise ImportFailed(source, "", "the same prompt name appears twice")
    return parsed


def _parse_prompt(raw: Mapping[str, Any]) -> _ParsedPrompt:
    name = check_prompt_name(_text(raw, "name"))
    versions = []
    known: set[str] = set()
    for entry in _list(raw, "versions", "a version"):
        content = PromptContent.from_json({**_mapping(entry["content"], "content"), "name": name})
        parents = tuple(str(p) for p in _list(entry, "parents", "a parent id", kind=str))
        computed = version_id(
            content,
            parents,
            _text(entry, "message"),
            _text(entry, "author"),
            _text(entry, "created_at"),
        )
        if computed != entry["id"]:
            raise ValueError(f"version {str(entry['id'])[:12]} does not match its content")
        missing = [p for p in parents if p not in known]
        if missing:
            raise ValueError(f"version {computed[:12]} comes before its parent {missing[0][:12]}")
        known.add(computed)
        versions.append(
            Version(
                computed, parents, content, entry["message"], entry["author"], entry["created_at"]
            )
        )
    branches = _list(raw, "branches", "a branch")
    if not branches:
        raise ValueError("a prompt needs at least one branch")
    for branch in branches:
        check_ref_name(_text(branch, "name"), "branch")
        _text(branch, "created_at")
        for key in ("head", "base"):
            if branch.get(key) is not None and branch[key] not in known:
                raise ValueError(f"branch {branch['name']} points at an unknown version")
        PromptContent.from_json({**_mapping(branch["working_copy"], "working_copy"), "name": name})
    labels = _list(raw, "labels", "a label")
    for label in labels:
        check_ref_name(_text(label, "name"), "label")
        if label["version"] not in known:
            raise ValueError(f"label {label['name']} points at an unknown version")
        if not isinstance(label.get("protected", False), bool):
            raise ValueError(f"label {label['name']}: 'protected' must be true or false")
    current = _text(raw, "current_branch")
    if current not in {b["name"] for b in branches}:
        raise ValueError(f"current branch {current} is not among its branches")
    return _ParsedPrompt(name, _text(raw, "created_at"), current, versions, branches, labels)


def _mapping(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"{what} must be a JSON object, not {type(value).__name__}")
    return value


def _list(raw: Mapping[str, Any], key: str, what: str, kind: type = dict) -> list[Any]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, kind) for item in value):
        raise ValueError(f"'{key}' must be a list, each item {what}")
    return value


def _text(raw: Mapping[str, Any], key: str) -> str:
    value = raw[key]
    if not isinstance(value, str):
        raise ValueError(f"'{key}' must be text")
    return value


def import_library(conn: Connection, source: str, prompts: list[_ParsedPrompt]) -> ImportReport:
    created: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    for parsed in prompts:
        existing = rows.find_prompt(conn, parsed.name)
        if existing is None:
            first = parsed.branches[0]["name"] if parsed.branches else "main"
            placeholder = PromptContent(name=parsed.name)
            row = rows.insert_prompt(conn, placeholder, _new_id(), parsed.created_at, first)
            rows.delete_branches(conn, row.id)  # recreated below exactly as exported
            changed = _merge_history(conn, source, row.id, parsed, fresh=True)
            created.append(parsed.name)
        else:
            row = existing
            changed = _merge_history(conn, source, row.id, parsed, fresh=False)
            (updated if changed else unchanged).append(parsed.name)
        # Read again: importing may have set the current branch.
        prompt_row = rows.get_prompt(conn, parsed.name)
        content = load_content(conn, row.id, prompt_row.current_branch, parsed.name)
        rows.mirror(conn, prompt_row, content)
    return ImportReport(tuple(created), tuple(updated), tuple(unchanged))


def _merge_history(
    conn: Connection, source: str, prompt_id: str, parsed: _ParsedPrompt, *, fresh: bool
) -> bool:
    changed = False
    states: dict[str, bytes] = {}
    for version in parsed.versions:
        stored = conn.execute(
            text("SELECT prompt_id, doc_state FROM version WHERE id = :id"), {"id": version.id}
        ).first()
        if stored is not None:
            if stored.prompt_id != prompt_id:
                owner_row = rows.find_prompt_by_id(conn, stored.prompt_id)
                owner = owner_row.name if owner_row else None
                raise ImportFailed(
                    source,
                    f"prompt {parsed.name}",
                    f"its history belongs to the prompt '{owner}' here (renamed since the "
                    "export?); rename one of them, then import again",
                )
            states[version.id] = stored.doc_state
            continue
        document = _document_for(version, states)
        states[version.id] = document.state()
        history.insert_version(
            conn,
            prompt_id,
            version.content,
            version.parents,
            version.message,
            version.author,
            states[version.id],
            version.created_at,
        )
        changed = True
    for branch in parsed.branches:
        changed |= _import_branch(conn, source, prompt_id, parsed.name, branch, states)
    if fresh:
        rows.set_current_branch(conn, prompt_id, parsed.current_branch)
    for label in parsed.labels:
        if history.find_label(conn, prompt_id, str(label["name"])) is not None:
            # This store's labels are its own deployments: a file (maybe an old export)
            # never moves them. Labels it does not have yet are added.
            continue
        history.move_label(
            conn,
            prompt_id,
            parsed.name,
            str(label["name"]),
            str(label["version"]),
            protect=bool(label.get("protected", False)),
            force=False,
        )
        changed = True
    return changed


def _import_branch(
    conn: Connection,
    source: str,
    prompt_id: str,
    name: str,
    branch: Mapping[str, Any],
    states: dict[str, bytes],
) -> bool:
    working = PromptContent.from_json({**branch["working_copy"], "name": name})
    row = history.find_branch(conn, prompt_id, str(branch["name"]))
    if row is None:
        rows.insert_branch(
            conn,
            prompt_id,
            str(branch["name"]),
            branch.get("head"),
            branch.get("base"),
            str(branch["created_at"]),
        )
        head = branch.get("head")
        document = PromptDocument.from_update(states[head]) if head else PromptDocument()
        document.set_content(working)
        save_snapshot(conn, prompt_id, str(branch["name"]), document)
        return True
    if row.head == branch.get("head"):
        return False  # same line of work: keep the local working copy as it is
    local_head, file_head = row.head, branch.get("head")
    if local_head is None:
        # Nothing committed here: the local working copy shares no history with the file's,
        # so the two cannot merge. Take the file's branch if that loses nothing.
        if load_content(conn, prompt_id, str(branch["name"]), name) != PromptContent(name=name):
            raise ImportFailed(
                source,
                f"prompt {name}",
                f"branch '{branch['name']}' has uncommitted work here that the file does not "
                "have; commit it first, then import again",
            )
        conn.execute(
            text("UPDATE branch SET head = :h, base = :b WHERE prompt_id = :p AND name = :n"),
            {"h": file_head, "b": branch.get("base"), "p": prompt_id, "n": branch["name"]},
        )
        document = PromptDocument.from_update(states[str(file_head)])  # differs from None
        document.set_content(working)
        save_snapshot(conn, prompt_id, str(branch["name"]), document)
        return True

    def parents_of(vid: str) -> tuple[str, ...]:
        return history.load_version(conn, name, vid).parents

    if file_head and (local_head is None or local_head in ancestors(file_head, parents_of)):
        # The file is ahead of us on this branch: fast-forward.
        rows.set_branch_head(conn, prompt_id, str(branch["name"]), file_head)
        document = load_document(conn, prompt_id, str(branch["name"]))
        document.apply_update(states[file_head])
        save_snapshot(conn, prompt_id, str(branch["name"]), document)
        return True
    if file_head is None or file_head in ancestors(local_head, parents_of):
        return False  # we are ahead of the file: nothing to take
    raise ImportFailed(
        source,
        f"prompt {name}",
        f"branch '{branch['name']}' has diverged from the one in this store; import it "
        "into another store, or merge by hand",
    )


def _document_for(version: Version, states: Mapping[str, bytes]) -> PromptDocument:
    """The CRDT state of ``version``: its parents' states merged, then edited into it."""
    document = PromptDocument()
    for parent in version.parents:
        if parent in states:
            document.apply_update(states[parent])
    document.set_content(version.content)
    return document


def _new_id() -> str:
    import uuid

    return uuid.uuid4().hex


def _reason(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"the field {exc.args[0]!r} is missing"
    if isinstance(exc, PromptNameError | VariableError):
        return str(exc)
    return str(exc) or type(exc).__name__
