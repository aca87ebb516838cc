"""File ▸ Import prompts… and File ▸ Export library…: files in, files out, from the app.

Import reads the chosen files and imports all of them or, on any error, nothing (the library's
own rule), then says how many prompts were new, updated or unchanged. Export first says plainly
that the file will not be encrypted — everything else Promptdesk keeps is — and writes the
whole library with its history as JSON. Reading, importing and writing run off the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.ui.errors import describe
from app.ui.ops import Op
from app.ui.qt import QFileDialog, QMessageBox, QObject, QWidget

if TYPE_CHECKING:
    from app.workbench import Workbench

IMPORT_FILTER = "Prompts (*.json *.csv *.md *.markdown *.yaml *.yml *.txt);;All files (*)"


class LibraryExchange(QObject):
    def __init__(
        self,
        window: QWidget,
        workbench: Workbench,
        tell: Callable[[str], None],
        imported: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._workbench = workbench
        self._tell = tell  # a line for the status bar
        self._imported = imported  # the library changed: show it

    def import_prompts(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self._window, self.tr("Import prompts"), str(Path.home()), IMPORT_FILTER
        )
        if not files:
            return
        library = self._workbench.library

        def read_and_import() -> Any:
            return library.import_files([(Path(f).name, _read(Path(f))) for f in files])

        def done(report: Any) -> None:
            self._imported()
            self._tell(
                self.tr("Imported: %1 new, %2 updated, %3 unchanged.")
                .replace("%1", str(len(report.created)))
                .replace("%2", str(len(report.updated)))
                .replace("%3", str(len(report.unchanged)))
            )

        def failed(error: BaseException) -> None:
            QMessageBox.warning(
                self._window,
                self.tr("Import failed"),
                describe(error) + "\n\n" + self.tr("Nothing was imported."),
            )

        Op(self, read_and_import, lane="writer").success(done).failure(failed).run(
            self._workbench.tasks
        )

    def export_library(self) -> None:
        answer = QMessageBox.warning(
            self._window,
            self.tr("Export the library"),
            self.tr(
                "The export file is not encrypted: anyone who can read it can read every "
                "prompt, version and label in it. Keep it somewhere safe."
            ),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Save:
            return
        target, _filter = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export the library"),
            str(Path.home() / "promptdesk-library.json"),
            "JSON (*.json)",
        )
        if not target:
            return
        library = self._workbench.library

        def export() -> int:
            data = library.export()
            Path(target).write_text(data, encoding="utf-8")
            return len(library.names())

        Op(self, export).success(
            lambda count: self._tell(
                self.tr("Exported %n prompt(s) to %1.", "", count).replace("%1", target)
            )
        ).failure(self._export_failed).run(self._workbench.tasks)

    def _export_failed(self, error: BaseException) -> None:
        QMessageBox.warning(self._window, self.tr("Export failed"), describe(error))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")  # a BOM from Windows editors is fine
    except UnicodeDecodeError:
        raise ValueError(f"{path.name} is not UTF-8 text, so it cannot be imported") from None
