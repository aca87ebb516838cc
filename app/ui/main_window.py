"""The main window. A placeholder until the desktop-app issue fills it with the workbench."""

from __future__ import annotations

from app.storage.paths import StorePaths
from app.ui.qt import QLabel, QMainWindow, Qt, QVBoxLayout, QWidget


class MainWindow(QMainWindow):
    def __init__(self, paths: StorePaths) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Promptdesk"))
        self.resize(960, 640)
        # A file-existence check only: unlocking the store belongs to the start-up flow,
        # which runs off the UI thread once it exists.
        if paths.database.exists():
            state = self.tr("Your encrypted store is in %1.").replace("%1", str(paths.data_dir))
        else:
            state = self.tr("No store yet. Run `promptdesk init` to create one.")
        message = QLabel(
            self.tr("Promptdesk: the workbench for your prompts is being built.") + "\n" + state
        )
        message.setObjectName("placeholderMessage")
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        message.setWordWrap(True)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(message)
        self.setCentralWidget(central)
