"""A document restored on the server from a backup: show both copies, merge nothing unasked.

``promptdesk-sync restore`` gives every document a new epoch; the client joins with the epoch
it last saw, so the server refuses it (``epoch-changed``) instead of letting the two copies
merge — merging would bring back everything the restore took away, or lose what it restored.
:func:`fetch_server_copy` reads the server's copy on a socket of its own (joining without an
epoch, sending nothing), so the user can compare; :func:`keep` then makes this device's
document the server's copy (``server``) or the user's own text rebuilt as edits on top of the
server's copy (``mine``), and records the new epoch. Either way it is a choice the user made.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.prompt import PromptContent
from app.core.protocol.frames import Frame, MessageType, SyncStep, json_frame, sync_frame
from app.core.team import document_name
from app.core.working_copy import PromptDocument
from app.storage.team_documents import TeamDocuments
from app.storage.team_records import Account
from app.sync.link import Link, LinkClosed

if TYPE_CHECKING:
    from app.sync.client import RunDb


@dataclass(frozen=True)
class ServerCopy:
    state: bytes
    epoch: str
    content: PromptContent


async def fetch_server_copy(
    account: Account, workspace_id: str, document: str, name: str, timeout: float = 30.0
) -> ServerCopy:
    link = await Link.open(account.server_url, account.token)
    hello: dict[str, object] = {}
    state: list[bytes] = []
    done = asyncio.Event()

    async def handle(workspace: str, doc: str, frame: Frame) -> None:
        if (workspace, doc) != (workspace_id, document):
            return
        if frame.type is MessageType.HELLO and frame.body:
            hello.update(frame.body)
        elif frame.type is MessageType.SYNC and frame.sync and frame.sync.step is SyncStep.STEP2:
            state.append(frame.sync.data)
            done.set()
        elif frame.type is MessageType.ERROR and frame.body:
            done.set()

    reader = asyncio.create_task(link.serve(handle))
    try:
        await link.send(workspace_id, document, json_frame(MessageType.JOIN, {}))
        await link.send(workspace_id, document, sync_frame(SyncStep.STEP1, b"\x00"))
        await asyncio.wait_for(done.wait(), timeout)
    finally:
        reader.cancel()
        await link.close()
    if not state:
        raise LinkClosed(None, "the server did not send its copy")
    content = PromptDocument.from_update(state[0]).content(name)
    return ServerCopy(state[0], str(hello.get("epoch", "")), content)


def keep_choice(
    documents: TeamDocuments, workspace_id: str, document: str, copy: ServerCopy, keep: str
) -> None:
    """Make the local document the server's copy, or ours rebuilt on it (store work)."""
    if keep == "server":
        documents.replace_document(workspace_id, document, copy.state, copy.epoch)
        return
    if keep != "mine":
        raise ValueError("keep 'server' or 'mine'")
    found = documents.document_content(workspace_id, document)
    if found is None:
        raise ValueError("that prompt is no longer here")
    rebuilt = PromptDocument.from_update(copy.state)
    rebuilt.set_content(found[1])
    documents.replace_document(workspace_id, document, rebuilt.state(), copy.epoch, pending=True)


async def keep(
    run_db: RunDb[object],
    documents: TeamDocuments,
    account: Account,
    workspace_id: str,
    prompt_id: str,
    branch: str,
    prompt_name: str,
    choice: str,
) -> ServerCopy:
    document = document_name(prompt_id, branch)
    copy = await fetch_server_copy(account, workspace_id, document, prompt_name)
    await run_db(lambda: keep_choice(documents, workspace_id, document, copy, choice))
    return copy
