"""The command palette: type a few letters of any command's name and press Enter.

A frameless popup centred over the window. It asks for the current commands each time it
opens (so new prompts and actions appear without re-registering anything), narrows them with
a subsequence match on the title as the user types, and keeps the keyboard on the search
field: Up/Down (and Page Up/Down) move through the list, Enter runs the selected command, Esc
closes. A command runs after the palette has closed, so its callback can open a dialog of
its own or move focus without the palette in the way.
"""

from __future__ import annotations

from collections.abc import Callable

from app.ui.palette.command import Command
from app.ui.palette.delegate import CommandDelegate
from app.ui.palette.model import CommandListModel
from app.ui.qt import (
    QAbstractItemView,
    QDialog,
    QEvent,
    QFrame,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QListView,
    QModelIndex,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

_MOVES = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -8,
    Qt.Key.Key_PageDown: 8,
}


class CommandPalette(QDialog):
    command_will_run = Signal(object)  # the Command, after the palette closed, before its callback

    def __init__(self, commands: Callable[[], list[Command]], parent: QWidget | None) -> None:
        # A frameless dialog rather than a Qt.Popup: a popup grabs mouse and keyboard, which
        # some platforms (Wayland, offscreen) refuse; losing activation closes it instead.
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setModal(True)
        self._commands = commands
        self._was_active = False
        self.setObjectName("commandPalette")
        self.setAccessibleName(self.tr("Command palette"))
        self.setWindowTitle(self.tr("Command palette"))

        self.search = QLineEdit()
        self.search.setObjectName("paletteSearch")
        self.search.setAccessibleName(self.tr("Search commands"))
        self.search.setPlaceholderText(self.tr("Type a command or prompt name…"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.search.textChanged.connect(self._filter)

        self.model = CommandListModel()
        self.list = QListView()
        self.list.setObjectName("paletteList")
        self.list.setAccessibleName(self.tr("Commands"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(CommandDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.clicked.connect(self._run_row)

        self.empty = QLabel(self.tr("No matching commands"))
        self.empty.setObjectName("paletteEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)  # drawn in the palette's muted text colour
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        self.setStyleSheet(
            "#commandPalette { border: 1px solid palette(mid); border-radius: 8px; }"
            "#paletteSearch { padding: 6px 8px; font-size: 11pt; }"
        )

    def open_palette(self) -> None:
        """Reads the current commands, clears the search, and shows the palette centred."""
        self._was_active = False
        self.model.set_commands(self._commands())
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._filter("")
        self.resize(self._preferred_size())
        self.move(self._centred_position())
        self.show()
        self.activateWindow()
        self.search.setFocus(Qt.FocusReason.PopupFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        # Clicking elsewhere closes the palette, as a popup would.
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isVisible()
            and not self.isActiveWindow()
            and self._was_active
        ):
            self.reject()
        elif event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self._was_active = True
        super().changeEvent(event)

    def current_command(self) -> Command | None:
        return self.model.command(self.list.currentIndex().row())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = Qt.Key(event.key())
            if key in _MOVES:
                self._move(_MOVES[key])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._run_row(self.list.currentIndex())
                return True
            if key == Qt.Key.Key_Escape:
                self.reject()
                return True
        return super().eventFilter(watched, event)

    def _filter(self, text: str) -> None:
        self.model.filter(text)
        has_rows = self.model.rowCount() > 0
        self.list.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if has_rows:
            self.list.setCurrentIndex(self.model.index(0, 0))
            self.list.scrollToTop()

    def _move(self, step: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        row = self.list.currentIndex().row()
        # Single steps wrap around; page steps stop at the ends.
        row = (row + step) % count if abs(step) == 1 else min(max(row + step, 0), count - 1)
        self.list.setCurrentIndex(self.model.index(row, 0))

    def _run_row(self, index: QModelIndex) -> None:
        command = self.model.command(index.row()) if index.isValid() else None
        if command is None:
            return
        self.accept()
        self.command_will_run.emit(command)
        command.callback()

    def _host(self) -> QWidget | None:
        parent = self.parentWidget()
        return parent.window() if parent is not None else None

    def _preferred_size(self) -> QSize:
        host = self._host()
        width = 600 if host is None else max(360, min(640, int(host.width() * 0.6)))
        height = 420 if host is None else max(240, min(460, int(host.height() * 0.7)))
        return QSize(width, height)

    def _centred_position(self) -> QPoint:
        host = self._host()
        if host is None:
            screen = self.screen().availableGeometry()
            area = QRect(screen)
        else:
            area = QRect(host.mapToGlobal(QPoint(0, 0)), host.size())
        x = area.left() + (area.width() - self.width()) // 2
        y = area.top() + max((area.height() - self.height()) // 2, 0)
        return QPoint(x, y)
