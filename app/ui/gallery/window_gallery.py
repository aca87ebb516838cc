"""The gallery's place in the main window: View ▸ Gallery, Prompt ▸ Publish to the gallery…,
Prompt ▸ Pull upstream…, and the line under a forked prompt.

A prompt forked from the gallery shows "Forked from “Title” — 2 releases behind · Pull
upstream…" in its tab's footer (what was last seen, then asked again off the UI thread). Pull
upstream shows what upstream changed since the fork's base (:class:`PullDialog`) and merges it
through the library's three-way merge — the prompt's own edits stay. What was typed is saved
first, and a pull over uncommitted changes is refused with what to do.
"""

from __future__ import annotations

import functools
import html
from typing import TYPE_CHECKING, Any

from app.core.diff import PromptDiff
from app.gallery.service import GalleryService
from app.storage.gallery_records import Lineage
from app.ui.ops import Op
from app.ui.qt import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QObject,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from app.ui.versions.diff_view import DiffView, diff_html

if TYPE_CHECKING:
    from app.ui.gallery.gallery_view import GalleryView
    from app.ui.main_window import MainWindow


class LineageText(QObject):
    """The line under a forked prompt (a QObject so its plural reaches the translator)."""

    def of(self, lineage: Lineage) -> str:
        title = html.escape(lineage.entry_title)
        if lineage.behind:
            return self.tr("Forked from “%1” — %n release(s) behind", "", lineage.behind).replace(
                "%1", title
            )
        return (
            self.tr("Forked from “%1” — release %2, up to date")
            .replace("%1", title)
            .replace("%2", str(lineage.release))
        )


def lineage_text(lineage: Lineage) -> str:
    return LineageText().of(lineage)


class PullDialog(QDialog):
    """What upstream changed since the fork's base; Merge or Cancel."""

    def __init__(
        self,
        name: str,
        lineage: Lineage,
        release: dict[str, Any],
        changes: PromptDiff,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("galleryPull")
        self.setWindowTitle(
            self.tr("Pull release %1 of “%2” into %3")
            .replace("%1", str(release["number"]))
            .replace("%2", lineage.entry_title)
            .replace("%3", name)
        )
        self.resize(820, 560)
        view = DiffView()
        view.setObjectName("galleryPullDiff")
        view.setHtml(
            diff_html(
                changes,
                self.tr("release %1").replace("%1", str(lineage.release)),
                self.tr("release %1").replace("%1", str(release["number"])),
            )
        )
        note = QLabel(
            self.tr(
                "Upstream's changes since your fork's base. Merging keeps your own edits; "
                "where both changed the same words, both are kept for you to choose."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(view, 1)
        layout.addWidget(buttons)


REFRESH_MS = 15 * 60 * 1000


class WindowGallery:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.view: GalleryView | None = None
        self._following_tabs = False
        self.service = GalleryService(window.workbench.store, window.workbench.library)

    # --- View ▸ Gallery ------------------------------------------------------------------------

    def open_gallery(self) -> None:
        from app.ui.gallery.gallery_view import GalleryView

        window = self._window
        if self.view is None:
            self.view = GalleryView(window.workbench, window.runs.current_model_id, window)
            self.view.forked.connect(self._forked)
            self.view.message.connect(window.show_message)
        self.view.open()

    def _forked(self, name: str) -> None:
        self._window.library.refresh()
        self._window.open_prompt(name)

    # --- Prompt ▸ Publish to the gallery… -------------------------------------------------

    def publish_current(self) -> None:
        window = self._window
        tab = window.current_tab()
        name = getattr(tab, "prompt_name", None)
        if not name:
            window.show_message(QApplication.translate("Gallery", "Open a prompt to publish it."))
            return
        future = tab.flush(always=True)
        service, library = self.service, window.workbench.library

        def gather() -> tuple[Any, list[dict[str, Any]]]:
            if future is not None:
                future.result()
            if library.has_uncommitted_changes(name):
                raise _Refusal(
                    QApplication.translate(
                        "Gallery", "Commit your changes first: the gallery publishes versions."
                    )
                )
            server, token = service.server(account_needed=True)
            mine = [e for e in service.mine(server, token) if e["status"] != "removed"]
            return library.get(name), mine

        Op(window, gather).success(self._ask_publish).failure(self._refused).run(
            window.workbench.tasks
        )

    def _ask_publish(self, found: tuple[Any, list[dict[str, Any]]]) -> None:
        from app.ui.gallery.publish_dialog import PublishDialog

        content, mine = found
        window = self._window
        dialog = PublishDialog(
            window.workbench, content, window.runs.current_model_id(), mine, window
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.answer is not None:
            answer = dialog.answer
            if "number" in answer:
                text = QApplication.translate("Gallery", "Published release %1.").replace(
                    "%1", str(answer["number"])
                )
            else:
                text = QApplication.translate(
                    "Gallery", "Published “%1”: a moderator reviews it before it is public."
                ).replace("%1", str(answer.get("title", content.name)))
            window.show_message(text, 0)  # the outcome of a long wait: kept until the next

    # --- the footer line and Prompt ▸ Pull upstream… -------------------------------------

    def attach_tab(self, tab: Any) -> None:
        name = getattr(tab, "prompt_name", None)
        footer = getattr(tab, "footer", None)
        if not name or footer is None:
            return
        label = QLabel()
        label.setObjectName("galleryLineage")
        label.setVisible(False)
        label.setContentsMargins(8, 0, 8, 4)
        label.linkActivated.connect(lambda _link: self.pull_upstream(tab))
        footer.insertWidget(1, label)
        tab.gallery_label = label
        records = self.service.records
        Op(tab, lambda: records.lineage(name)).success(
            functools.partial(self._show_lineage, tab)
        ).run(self._window.workbench.tasks)
        self.refresh_tab(tab)
        if not self._following_tabs:
            # Coming back to a fork's tab asks upstream again (it may have published since).
            self._following_tabs = True
            self._window.tabs.currentChanged.connect(
                lambda _index: self.refresh_tab(self._window.current_tab())
            )
            # And every so often, for a tab left open.
            self._timer = QTimer(self._window, interval=REFRESH_MS)
            self._timer.timeout.connect(lambda: self.refresh_tab(self._window.current_tab()))
            self._timer.start()

    def refresh_tab(self, tab: Any) -> None:
        name = getattr(tab, "prompt_name", None)
        if not name or getattr(tab, "gallery_label", None) is None:
            return
        records, service = self.service.records, self.service
        Op(tab, lambda: service.refresh(name) if records.lineage(name) else None).success(
            functools.partial(self._show_lineage, tab)
        ).run(self._window.workbench.tasks)

    def _show_lineage(self, tab: Any, lineage: Lineage | None) -> None:
        label = getattr(tab, "gallery_label", None)
        if label is None or lineage is None:
            return
        text = lineage_text(lineage)
        if lineage.behind:
            pull = QApplication.translate("Gallery", "Pull upstream…")
            text += f" · <a href='pull'>{pull}</a>"
        label.setText(text)
        label.setVisible(True)

    def pull_current(self) -> None:
        tab = self._window.current_tab()
        if getattr(tab, "prompt_name", None) is None:
            self._window.show_message(
                QApplication.translate("Gallery", "Open a forked prompt to pull its upstream.")
            )
            return
        self.pull_upstream(tab)

    def pull_upstream(self, tab: Any) -> None:
        window, name = self._window, tab.prompt_name
        future = tab.flush(always=True)
        service, library = self.service, window.workbench.library

        def gather() -> tuple[Lineage, dict[str, Any], PromptDiff | None]:
            if future is not None:
                future.result()
            lineage = service.lineage(name)
            found = service.upstream(name)
            if not found:
                return lineage, {}, None
            if library.has_uncommitted_changes(name):
                raise _Refusal(
                    QApplication.translate(
                        "Gallery",
                        "Commit your changes first, then pull upstream.",
                    )
                )
            return lineage, found, service.preview(name, found)

        Op(window, gather).success(functools.partial(self._ask_pull, tab)).failure(
            self._refused
        ).run(window.workbench.tasks)

    def _ask_pull(self, tab: Any, found: tuple[Lineage, dict[str, Any], PromptDiff | None]) -> None:
        lineage, release, changes = found
        window, name = self._window, tab.prompt_name
        if not release or changes is None:
            window.show_message(
                QApplication.translate("Gallery", "“%1” is up to date with its upstream.").replace(
                    "%1", name
                )
            )
            self._show_lineage(tab, lineage)
            return
        dialog = PullDialog(name, lineage, release, changes, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service = self.service
        Op(window, lambda: service.pull(name, release), lane="writer").success(
            functools.partial(self._pulled, tab, release)
        ).failure(self._refused).run(window.workbench.tasks)

    def _pulled(self, tab: Any, release: dict[str, Any], _done: object) -> None:
        window = self._window
        tab.reload()
        window.versions.refresh()
        window.show_message(
            QApplication.translate(
                "Gallery", "Merged release %1 from upstream; your edits are kept."
            ).replace("%1", str(release["number"]))
        )
        records = self.service.records
        Op(tab, lambda: records.lineage(tab.prompt_name)).success(
            functools.partial(self._show_lineage, tab)
        ).run(window.workbench.tasks)

    def _refused(self, error: BaseException) -> None:
        message = getattr(error, "message", None) or str(error)
        self._window.show_message(message)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QApplication.translate("Gallery", "Gallery"),
            message,
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setObjectName("galleryRefusal")
        box.open()  # not exec(): nothing waits on it


class _Refusal(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
