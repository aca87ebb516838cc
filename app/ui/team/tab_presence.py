"""Who else has a prompt open, in its tab: their initials in the footer, their cursors and
selections in the text, and a viewer's copy read-only.

The tab's own cursor is published (debounced) as awareness for the document of the branch it
edits; positions are Qt's, in UTF-16 code units, as the protocol carries them. A peer's caret
is a thin bar in their colour with their name above it, painted over the editor; their
selection is a tint in the same colour beneath the editor's own highlights.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.sync.state import Peer
from app.ui.qt import (
    QColor,
    QEvent,
    QFont,
    QLabel,
    QObject,
    QPainter,
    QPaintEvent,
    Qt,
    QTextCursor,
    QTextEdit,
    QTimer,
    QWidget,
)
from app.ui.team.controller import TeamSync

if TYPE_CHECKING:
    from app.ui.editor.code_editor import TemplateEditor
    from app.ui.editor.prompt_tab import PromptTab

PUBLISH_MS = 60
FIELDS = ("body", "system")


def initials(name: str) -> str:
    parts = [p for p in name.replace("@", " ").replace(".", " ").split() if p]
    return "".join(p[0].upper() for p in parts[:2]) or "?"


class PeersBar(QWidget):
    """A row of coloured initials, one per other editor of the document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peersBar")
        self.peers: list[Peer] = []
        self.setFixedHeight(22)

    def set_peers(self, peers: list[Peer]) -> None:
        self.peers = sorted(peers, key=lambda p: (p.name, p.client_id))
        self.setFixedWidth(max(0, 24 * len(self.peers)))
        editing = [self.tr("%1 is editing").replace("%1", p.name) for p in self.peers]
        self.setToolTip("\n".join(editing))
        self.setAccessibleName(", ".join(p.name for p in self.peers))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
        font.setBold(True)
        painter.setFont(font)
        for index, peer in enumerate(self.peers):
            rect = self.rect().adjusted(index * 24 + 1, 1, 0, -1)
            rect.setWidth(20)
            rect.setHeight(20)
            painter.setBrush(QColor(peer.color))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(rect)
            painter.setPen(QColor("white"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, initials(peer.name))
        painter.end()


class RemoteCursors(QWidget):
    """Other editors' carets over one text editor (transparent to the mouse)."""

    def __init__(self, editor: TemplateEditor) -> None:
        super().__init__(editor.viewport())
        self.editor = editor
        self.peers: list[Peer] = []
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setGeometry(editor.viewport().rect())
        editor.viewport().installEventFilter(self)
        editor.updateRequest.connect(lambda *_: self.update())
        self.show()  # a child made after its parent was shown stays hidden unless told

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.editor.viewport().rect())
        return False

    def _cursor(self, position: int) -> QTextCursor:
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(max(0, min(position, self.editor.document().characterCount() - 1)))
        return cursor

    def set_peers(self, peers: list[Peer]) -> None:
        self.peers = [p for p in peers if p.head is not None]
        selections = []
        for peer in self.peers:
            assert peer.head is not None
            if peer.anchor is None or peer.anchor == peer.head:
                continue
            selection = QTextEdit.ExtraSelection()
            color = QColor(peer.color)
            color.setAlpha(70)
            selection.format.setBackground(color)
            cursor = self._cursor(peer.anchor)
            cursor.setPosition(self._cursor(peer.head).position(), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.editor.set_peer_selections(selections)
        self.update()

    def caret_rects(self) -> list[tuple[Peer, object]]:
        return [(p, self.editor.cursorRect(self._cursor(p.head or 0))) for p in self.peers]

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.peers:
            return
        painter = QPainter(self)
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        for peer, rect in self.caret_rects():
            color = QColor(peer.color)
            painter.fillRect(rect.left(), rect.top(), 2, rect.height(), color)  # type: ignore[attr-defined]
            label = peer.name
            width = painter.fontMetrics().horizontalAdvance(label) + 6
            height = painter.fontMetrics().height()
            top = max(0, rect.top() - height)  # type: ignore[attr-defined]
            painter.fillRect(rect.left(), top, width, height, color)  # type: ignore[attr-defined]
            painter.setPen(QColor("white"))
            painter.drawText(rect.left() + 3, top + painter.fontMetrics().ascent(), label)  # type: ignore[attr-defined]
        painter.end()


class TabPresence(QObject):
    def __init__(self, tab: PromptTab, team: TeamSync) -> None:
        super().__init__(tab)
        self.tab = tab
        self.team = team
        self.bar = PeersBar()
        self.role_label = QLabel()
        self.role_label.setObjectName("teamRole")
        tab.footer.insertWidget(1, self.bar)
        tab.footer.insertWidget(2, self.role_label)
        self.editors = {"body": tab.body_editor, "system": tab.system_editor}
        self.cursors = {field: RemoteCursors(editor) for field, editor in self.editors.items()}
        self.timer = QTimer(self, singleShot=True, interval=PUBLISH_MS)
        self.timer.timeout.connect(self.publish)
        self._field = "body"
        self._role: str | None = None
        for field, editor in self.editors.items():
            editor.cursorPositionChanged.connect(lambda f=field: self._moved(f))
            editor.selectionChanged.connect(lambda f=field: self._moved(f))
        team.presence_changed.connect(self._presence)
        team.workspaces_changed.connect(self.apply_role)
        team.account_changed.connect(self.apply_role)
        tab.destroyed.connect(self.timer.stop)
        self.apply_role()

    def document(self) -> tuple[str, str] | None:
        replica = self.tab._replica
        if replica is None:
            return None
        return self.team.document_of(replica.prompt_id, replica.branch, self.tab.prompt_name)

    def apply_role(self) -> None:
        role = self.team.role_of(self.tab.prompt_name)
        workspace_id = self.team.shared.get(self.tab.prompt_name)
        if role is None or workspace_id is None:
            self.role_label.clear()
            self.tab.set_read_only("")
            self.bar.set_peers([])
            return
        name = self.team.workspace_name(workspace_id)
        self.role_label.setText(self.tr("%1 · %2").replace("%1", name).replace("%2", role))
        self.tab.set_read_only(
            self.tr("Read-only: you are a viewer in %1.").replace("%1", name)
            if role == "viewer"
            else ""
        )
        self._role = role
        if self.tab.isVisible():  # (re)connected, shared, signed in: say where this user is
            self.timer.start()

    def _moved(self, field: str) -> None:
        self._field = field
        if self.tab.isVisible():
            self.timer.start()

    def publish(self) -> None:
        found = self.document()
        if found is None:
            return
        cursor = self.editors[self._field].textCursor()
        self.team.publish_cursor(*found, self._field, cursor.anchor(), cursor.position())

    def leave(self) -> None:
        found = self.document()
        if found is not None:
            self.team.publish_cursor(*found, None, 0, 0)

    def _presence(self, workspace_id: str, document: str, peers: list[Peer]) -> None:
        if self.document() != (workspace_id, document):
            return
        self.bar.set_peers(peers)
        for field, cursors in self.cursors.items():
            cursors.set_peers([p for p in peers if p.field == field])
