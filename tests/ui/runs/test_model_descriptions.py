"""The model picker says what each model is and where to get more, as a user sees it.

The picker is opened with the mouse and read as shown: the built-in instruct model (the
default) and the base model say what they are, with their size and context, under a note that
built-in models are for trying things out. "Add a model file…" and "Connect a provider…" act
when clicked or chosen with the keys and never become the chosen model. A model server on this
machine (a real HTTP server on loopback speaking Ollama's protocol) is listed only while it
answers.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pytestqt.qtbot import QtBot

from app.runners.local.models import DEFAULT_MODEL_ID
from app.ui.qt import QAbstractItemView, QModelIndex, Qt
from app.ui.runs import ModelPicker
from app.workbench import Workbench

LOAD_MS = 30_000
# The offscreen platform cannot raise a popup or give it the keyboard; the popup works anyway.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


def open_picker(qtbot: QtBot, workbench: Workbench) -> ModelPicker:
    picker = ModelPicker(workbench)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    qtbot.waitUntil(picker.is_loaded, timeout=LOAD_MS)
    return picker


def open_popup(qtbot: QtBot, picker: ModelPicker) -> QAbstractItemView:
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton)
    view = picker.view()
    qtbot.waitUntil(view.isVisible)
    return view


def shown_rows(view: QAbstractItemView) -> list[str]:
    model = view.model()
    return [str(model.index(row, 0).data() or "") for row in range(model.rowCount())]


def row_of(view: QAbstractItemView, text: str) -> QModelIndex:
    model = view.model()
    for row in range(model.rowCount()):
        if str(model.index(row, 0).data() or "").startswith(text):
            return model.index(row, 0)
    raise AssertionError(f"no row starting {text!r} in {shown_rows(view)}")


def test_the_picker_says_which_models_follow_instructions(
    qtbot: QtBot, workbench: Workbench
) -> None:
    picker = open_picker(qtbot, workbench)
    assert picker.current_model_id() == DEFAULT_MODEL_ID  # the instruct model is the default
    assert picker.currentText().startswith("SmolLM2 135M Instruct")
    view = open_popup(qtbot, picker)
    rows = shown_rows(view)

    smol = rows[row_of(view, "SmolLM2").row()]
    assert smol.split(" · ")[1:] == ["instruct", "8K context"]  # 135M is in its name
    gemma = rows[row_of(view, "Gemma 3 270M").row()]
    assert "base: continues text" in gemma
    assert "32K context" in gemma
    assert "prepared on first run" in gemma
    note = row_of(view, "Built-in models are small: for trying things out")
    assert not note.flags() & Qt.ItemFlag.ItemIsSelectable  # a note, not a choice
    assert row_of(view, "Gemma").row() < note.row() < row_of(view, "Remote").row()

    tip = str(row_of(view, "SmolLM2").data(Qt.ItemDataRole.ToolTipRole))
    assert "Instruct: follows instructions" in tip
    assert "Parameters: 135M" in tip
    assert "File: 98 MB" in tip
    assert "for trying things out" in tip
    gemma_tip = str(row_of(view, "Gemma").data(Qt.ItemDataRole.ToolTipRole))
    assert "Base: continues the text it is given" in gemma_tip
    assert "Parameters: 270M" in gemma_tip
    assert rows[-2:] == ["Add a model file…", "Connect a provider…"]
    picker.hidePopup()


def test_add_a_model_file_and_connect_a_provider_act_and_choose_nothing(
    qtbot: QtBot, workbench: Workbench
) -> None:
    picker = open_picker(qtbot, workbench)
    chosen = picker.current_model_id()
    assert chosen == DEFAULT_MODEL_ID

    view = open_popup(qtbot, picker)
    add = view.visualRect(row_of(view, "Add a model file…")).center()
    with qtbot.waitSignal(picker.add_model_requested, timeout=5_000):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=add)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert picker.current_model_id() == chosen

    view = open_popup(qtbot, picker)
    qtbot.keyClick(view, Qt.Key.Key_End)  # the last entry: "Connect a provider…"
    assert view.currentIndex().data() == "Connect a provider…"
    with qtbot.waitSignal(picker.connect_provider_requested, timeout=5_000):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert picker.current_model_id() == chosen

    # With the popup closed, the arrow keys walk the models and stop at the last one.
    picker.setFocus()
    with qtbot.assertNotEmitted(picker.add_model_requested):
        for _ in range(picker.count()):
            qtbot.keyClick(picker, Qt.Key.Key_Down)
    assert picker.current_model_id() is not None


class _FakeOllama(BaseHTTPRequestHandler):
    """Ollama's model list, as ``GET /api/tags`` answers it."""

    def do_GET(self) -> None:
        if self.path != "/api/tags":
            self.send_error(404)
            return
        body = json.dumps({"models": [{"name": "qwen-tiny:0.5b", "size": 1}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def ollama(monkeypatch: pytest.MonkeyPatch) -> Iterator[ThreadingHTTPServer]:
    """A server on loopback answering as Ollama; every other local server is not running."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeOllama)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    nowhere = f"http://127.0.0.1:{_closed_port()}/v1"
    endpoints = {
        "ollama": f"http://127.0.0.1:{server.server_address[1]}",
        "lmstudio": nowhere,
        "llamacpp": nowhere,
        "vllm": nowhere,
    }
    monkeypatch.setenv(
        "PROMPTDESK_PROVIDER_ENDPOINTS", ",".join(f"{k}={v}" for k, v in endpoints.items())
    )
    yield server
    server.shutdown()
    server.server_close()


def test_a_local_server_is_listed_only_while_it_answers(
    qtbot: QtBot, workbench: Workbench, ollama: ThreadingHTTPServer
) -> None:
    picker = open_picker(qtbot, workbench)
    ids = [m.id for m in picker.models()]
    assert "remote:ollama/qwen-tiny:0.5b" in ids  # what the server has, not a guess
    assert "remote:ollama/llama3.2" not in ids
    assert not any(i.startswith("remote:lmstudio/") for i in ids)
    view = open_popup(qtbot, picker)
    assert "qwen-tiny:0.5b (Ollama) · local server" in shown_rows(view)
    picker.hidePopup()

    ollama.shutdown()
    ollama.server_close()  # Ollama stops: a picker opened now does not offer it
    later = open_picker(qtbot, workbench)
    assert not any(m.id.startswith("remote:ollama/") for m in later.models())
    assert later.current_model_id() == DEFAULT_MODEL_ID
