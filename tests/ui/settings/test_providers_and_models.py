"""The Providers and Models pages: API keys stored but never shown; GGUF files added and removed."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from app.storage.model_sources import ModelSources
from app.storage.provider_keys import ProviderKeys
from app.ui.qt import QAbstractButton, QLabel, QLineEdit, QListWidget, QPushButton, Qt, QWidget
from app.ui.settings.providers_page import (
    key_field_name,
    remove_button_name,
    save_button_name,
    status_name,
)

from .opening import open_dialog

SECRET = "sk-test-0123456789abcdef-do-not-show"


def every_visible_text(root: QWidget) -> str:
    texts = []
    for widget in root.findChildren(QWidget):
        for reader in ("text", "placeholderText", "toolTip", "accessibleName"):
            value = getattr(widget, reader, None)
            if callable(value):
                texts.append(str(value()))
    return "\n".join(texts)


def write_gguf(path: Path, name: str) -> Path:
    """A tiny but well-formed GGUF v3 file: no tensors, a few metadata entries."""

    def string(text: str) -> bytes:
        data = text.encode()
        return struct.pack("<Q", len(data)) + data

    entries = [
        string("general.architecture") + struct.pack("<I", 8) + string("llama"),
        string("general.name") + struct.pack("<I", 8) + string(name),
        string("general.file_type") + struct.pack("<I", 4) + struct.pack("<I", 15),
    ]
    header = b"GGUF" + struct.pack("<I", 3) + struct.pack("<Q", 0) + struct.pack("<Q", len(entries))
    path.write_bytes(header + b"".join(entries))
    return path


def test_a_stored_key_shows_as_stored_and_is_never_displayed(qtbot: QtBot, workbench: Any) -> None:
    dialog = open_dialog(qtbot, workbench)
    dialog.show_page("providers")
    status = dialog.findChild(QLabel, status_name("openai"))
    field = dialog.findChild(QLineEdit, key_field_name("openai"))
    assert status.text() == "No key"
    assert field.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(field, SECRET)
    assert field.displayText() != SECRET
    with qtbot.waitSignals(
        [dialog.provider_keys_changed, dialog.providers.keys_loaded], timeout=10_000
    ):
        qtbot.mouseClick(
            dialog.findChild(QPushButton, save_button_name("openai")), Qt.MouseButton.LeftButton
        )
    assert "key stored" in status.text().lower()
    assert field.text() == ""
    assert ProviderKeys(workbench.store).lookup("openai") == SECRET
    assert SECRET not in every_visible_text(dialog)

    again = open_dialog(qtbot, workbench)
    assert "key stored" in again.findChild(QLabel, status_name("openai")).text().lower()
    assert again.findChild(QLineEdit, key_field_name("openai")).text() == ""
    assert SECRET not in every_visible_text(again)
    assert again.findChild(QPushButton, save_button_name("openai")).text() == "Replace"


def test_return_in_a_key_field_saves_the_key_and_keeps_the_window_open(
    qtbot: QtBot, workbench: Any
) -> None:
    dialog = open_dialog(qtbot, workbench)
    dialog.show_page("providers")
    field = dialog.findChild(QLineEdit, key_field_name("mistral"))
    field.setFocus()
    qtbot.keyClicks(field, SECRET)
    with qtbot.waitSignals(
        [dialog.provider_keys_changed, dialog.providers.keys_loaded], timeout=10_000
    ):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert ProviderKeys(workbench.store).lookup("mistral") == SECRET


def test_removing_a_key_forgets_it(qtbot: QtBot, workbench: Any) -> None:
    ProviderKeys(workbench.store).set("anthropic", SECRET)
    dialog = open_dialog(qtbot, workbench)
    remove = dialog.findChild(QPushButton, remove_button_name("anthropic"))
    assert remove.isEnabled()
    with qtbot.waitSignals(
        [dialog.provider_keys_changed, dialog.providers.keys_loaded], timeout=10_000
    ):
        dialog.providers.remove_key("anthropic")
    assert dialog.findChild(QLabel, status_name("anthropic")).text() == "No key"
    assert ProviderKeys(workbench.store).lookup("anthropic") is None
    assert not remove.isEnabled()


def test_an_empty_key_is_not_stored(qtbot: QtBot, workbench: Any) -> None:
    dialog = open_dialog(qtbot, workbench)
    dialog.show_page("providers")
    with qtbot.waitSignal(dialog.providers.key_refused):
        qtbot.mouseClick(
            dialog.findChild(QPushButton, save_button_name("groq")), Qt.MouseButton.LeftButton
        )
    assert dialog.findChild(QLabel, "providerKeyError").isVisible()
    assert ProviderKeys(workbench.store).stored() == []


def test_local_providers_need_no_key(qtbot: QtBot, workbench: Any) -> None:
    dialog = open_dialog(qtbot, workbench)
    assert "no key needed" in dialog.findChild(QLabel, status_name("ollama")).text()
    assert dialog.findChild(QLineEdit, key_field_name("ollama")) is None
    assert dialog.findChild(QLabel, status_name("vllm")).text() == "No key (optional)"


def test_model_files_and_folders_are_added_and_removed(
    qtbot: QtBot, workbench: Any, tmp_path: Path
) -> None:
    model = write_gguf(tmp_path / "tiny.gguf", "Tiny Llama")
    folder = tmp_path / "more-models"
    folder.mkdir()
    write_gguf(folder / "a.gguf", "Model A")
    write_gguf(folder / "b.gguf", "Model B")
    dialog = open_dialog(qtbot, workbench)
    dialog.show_page("models")
    models = dialog.models
    for path in (model, folder):
        with qtbot.waitSignals(
            [dialog.model_sources_changed, models.sources_loaded], timeout=10_000
        ):
            models.add_model_source(path)
    assert ModelSources(workbench.store).paths() == sorted([str(model), str(folder)])
    listing = dialog.findChild(QListWidget, "modelSources")
    shown = [listing.item(i).text() for i in range(listing.count())]
    assert any(str(model) in t and "Tiny Llama" in t and "Q4_K_M" in t for t in shown)
    assert any(str(folder) in t and "2 model" in t and "Model A" in t for t in shown)

    listing.setCurrentRow(models.paths().index(str(model)))
    with qtbot.waitSignals([dialog.model_sources_changed, models.sources_loaded], timeout=10_000):
        qtbot.mouseClick(
            dialog.findChild(QAbstractButton, "removeModelSource"), Qt.MouseButton.LeftButton
        )
    assert ModelSources(workbench.store).paths() == [str(folder)]
    assert model.exists()  # forgotten, not deleted
    assert models.paths() == [str(folder)]


def test_a_file_that_is_not_a_model_is_refused(
    qtbot: QtBot, workbench: Any, tmp_path: Path
) -> None:
    bogus = tmp_path / "notes.gguf"
    bogus.write_text("just some text")
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    dialog = open_dialog(qtbot, workbench)
    dialog.show_page("models")
    with qtbot.waitSignal(dialog.models.source_refused, timeout=10_000) as refused:
        dialog.models.add_model_source(bogus)
    assert "not a GGUF model file" in refused.args[0]
    with qtbot.waitSignal(dialog.models.source_refused, timeout=10_000) as refused:
        dialog.models.add_model_source(empty)
    assert "no .gguf model file there" in refused.args[0]
    assert dialog.findChild(QLabel, "modelSourceError").isVisible()
    assert ModelSources(workbench.store).paths() == []


def test_threads_editor_names_its_automatic_value(qtbot: QtBot, workbench: Any) -> None:
    dialog = open_dialog(qtbot, workbench)
    threads = dialog.editor("runs.threads").widget
    assert threads.text() == "Automatic (one per core)"
