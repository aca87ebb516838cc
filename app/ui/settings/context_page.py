"""The Context page: how files are chunked, embedded and watched, from the ``context.*`` settings.

The embedding model is free text (plugins can add embedders), with the built-in model and the
remote providers' well-known ones offered in the drop-down. A remote embedder sends the text
of the user's files to its provider, so the page says so under the box whenever one is chosen.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.core.settings import Setting
from app.ui.qt import QCoreApplication, QSizePolicy
from app.ui.settings.pages import SettingsPage, muted_label

EMBEDDER_KEY = "context.embedder"


def embedder_suggestions() -> list[tuple[str, str]]:
    """(embedder id, note) for the built-in embedder and the providers' well-known ones."""
    from app.runners.local.embedder import EMBEDDER_ID
    from app.runners.remote.embedder import WELL_KNOWN

    found = [(EMBEDDER_ID, _runs_where(EMBEDDER_ID))]
    for provider, models in WELL_KNOWN.items():
        found += [(f"remote:{provider}/{m}", _runs_where(f"remote:{provider}/{m}")) for m in models]
    return found


def _runs_where(embedder_id: str) -> str:
    from app.runners.remote.providers import PROVIDERS, split_model_id

    def tr(text: str) -> str:
        return QCoreApplication.translate(
            "", text
        )  # lupdate files a module-level tr() under no class

    if embedder_id.startswith("local:"):
        return tr("Runs on this computer")
    try:
        provider = PROVIDERS.get(split_model_id(embedder_id)[0])
    except LookupError:
        return ""  # a plugin's embedder: it describes itself
    if provider is None:
        return ""
    if provider.local:
        return tr("Runs on this computer, through %1").replace("%1", provider.title)
    return tr("Sends the text of your files to %1").replace("%1", provider.title)


class ContextPage(SettingsPage):
    def __init__(self, settings: Iterable[Setting]) -> None:
        super().__init__("context", settings, {EMBEDDER_KEY: embedder_suggestions()})
        self.set_heading(
            self.tr("Context"),
            self.tr(
                "How folders you give as context are split, embedded and watched. Chunk "
                "sizes apply to files indexed after a change."
            ),
        )
        self.embedder_note = muted_label("")
        self.embedder_note.setObjectName("embedderNote")
        self.embedder_note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        if EMBEDDER_KEY in self.editors:
            # One form row per editor, in order: the note goes right under the embedder.
            row = list(self.editors).index(EMBEDDER_KEY)
            self.form.insertRow(row + 1, "", self.embedder_note)
            self.editors[EMBEDDER_KEY].on_change(self._embedder_changed)
            self._embedder_changed()
        self.finish()

    def _embedder_changed(self) -> None:
        chosen = str(self.editors[EMBEDDER_KEY].value())
        self.embedder_note.setText(_runs_where(chosen) if chosen else "")
