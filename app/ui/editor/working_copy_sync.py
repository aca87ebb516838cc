"""Keeping the replica an open prompt tab shows and the store in step.

:class:`WorkingCopySync` holds the replica of the working copy a tab shows and makes every
exchange with the store for it: the first load; sending what the store lacks once typing
pauses for :data:`SAVE_DEBOUNCE_MS`; the cheap poll, every :data:`FOLLOW_MS` while the tab is
visible, for changes made elsewhere; and what an answer may bring besides what the tab lacked:
a checkout elsewhere (the replica is replaced by the new branch's, after what was typed on the
old one is sent there), a rename, or the prompt's deletion. It lives apart from the tab so
that the tab stays a view: this side owns the timers, the exchanges in flight and the
answers' bookkeeping, and says what happened through signals, leaving the widgets and the
words shown to the user to the tab.
"""

from __future__ import annotations

import concurrent.futures
import functools
from typing import TYPE_CHECKING

from app.storage.library.errors import PromptNotFound
from app.storage.library.replicas import ReplicaSync, WorkingCopyStamp
from app.sync.replica import Outgoing, WorkingCopyReplica
from app.ui.ops import Op
from app.ui.qt import QObject, QTimer, Signal

if TYPE_CHECKING:
    from app.workbench import Workbench

SAVE_DEBOUNCE_MS = 300
FOLLOW_MS = 500  # how often the visible tab looks for changes made elsewhere


class WorkingCopySync(QObject):
    started = Signal(object)  # a replica to show whole: the first one, or a new branch's
    loaded = Signal()  # the first replica is held and shown
    load_failed = Signal(object)  # the error that kept the prompt from opening
    saving = Signal()  # edits are on their way to the store
    all_saved = Signal()  # no exchange is in flight any more
    switched = Signal(str)  # checked out elsewhere: the branch now shown
    renamed = Signal(str)  # the prompt's new name
    saved = Signal()  # an exchange finished
    save_failed = Signal(object)  # the error; the edits stay in the replica for the next try
    left_behind_failed = Signal(object)  # the error saving edits on a branch switched away from
    lost = Signal()  # the prompt was deleted elsewhere: nothing can be saved any more

    def __init__(self, workbench: Workbench, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.name = name
        self.replica: WorkingCopyReplica | None = None
        self.gone = False
        self.kept_copy = False  # what a demotion refused is kept as a prompt of its own
        self._stamp: WorkingCopyStamp | None = None
        self._saves_in_flight = 0
        self.save_timer = QTimer(self, singleShot=True, interval=SAVE_DEBOUNCE_MS)
        self.save_timer.timeout.connect(self.flush)
        self._follow_timer = QTimer(self, interval=FOLLOW_MS)
        self._follow_timer.timeout.connect(self._look_for_changes)

    # --- loading -------------------------------------------------------------------------

    def load(self) -> None:
        library, name = self.workbench.library, self.name  # the task must not hold the tab
        Op(
            self,
            lambda: library.open_replica(name),
            key=f"prompt-load-{id(self)}",
            lane="writer",  # a read, but queued behind any write asked for before it
        ).success(self._loaded).failure(self._load_failed).run(self.workbench.tasks)

    def reload(self) -> None:
        """Catch up with the store now (after a checkout or merge made from this window)."""
        if self.replica is None:
            self.load()
        else:
            self.flush(always=True)

    def renamed_to(self, name: str) -> None:
        """Renamed from this window: take the new name at once (the store says the same at
        the next exchange), so an action fired meanwhile does not look for the old one."""
        if name != self.name:
            self.name = name
            self.renamed.emit(name)

    def _loaded(self, sync: ReplicaSync) -> None:
        self._start(sync)
        self.loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        self.load_failed.emit(error)

    def _start(self, sync: ReplicaSync) -> None:
        """Hold (and have the tab show) the working copy ``sync`` carries whole (a repair
        made while showing it, such as line breaks, is saved at once)."""
        replica = WorkingCopyReplica(sync.stamp.prompt_id, sync.stamp.branch, sync.update)
        self.replica = replica
        self._stamp = sync.stamp
        self.started.emit(replica)
        if replica.outgoing() is not None:
            self.save_timer.start()

    # --- following changes made elsewhere ------------------------------------------------

    def start_following(self) -> None:
        self._follow_timer.start()

    def resume_following(self) -> None:
        """The tab is shown again: poll, and look now (it may have changed while another
        tab was shown)."""
        if self.replica is not None and not self.gone:
            self._follow_timer.start()
            self._look_for_changes()

    def stop_following(self) -> None:
        self._follow_timer.stop()

    def _look_for_changes(self) -> None:
        """Ask the store (a cheap read) whether the working copy changed elsewhere."""
        if self.replica is None or self.gone:
            return
        library, prompt_id = self.workbench.library, self.replica.prompt_id
        Op(
            self, lambda: library.working_copy_stamp(prompt_id), key=f"prompt-stamp-{id(self)}"
        ).success(self._stamped).run(self.workbench.tasks)

    def _stamped(self, stamp: WorkingCopyStamp | None) -> None:
        if stamp is None:
            self._lose()
        elif stamp != self._stamp and not self._saves_in_flight:
            self.flush(always=True)

    # --- saving --------------------------------------------------------------------------

    def save_soon(self) -> None:
        """The user edited: send it once typing pauses."""
        # Started by the first unsaved edit, not restarted by later ones: steady typing is
        # saved every SAVE_DEBOUNCE_MS instead of never (E4: a crash loses under a second).
        if not self.save_timer.isActive():
            self.save_timer.start()

    def flush(self, *, always: bool = False) -> concurrent.futures.Future[ReplicaSync] | None:
        """Send what the store lacks now; the future finishes once it is in the store.

        With ``always``, ask even when there is nothing to send (to fetch what changed
        elsewhere).
        """
        self.save_timer.stop()
        replica = self.replica
        # No replica until the first load is shown: there is nothing to send or compare yet.
        if replica is None or self.gone:
            return None
        outgoing = replica.outgoing()
        if outgoing is None and not always:
            return None
        self._saves_in_flight += 1
        if outgoing is not None:
            self.saving.emit()
        library = self.workbench.library
        prompt_id, branch, state = replica.prompt_id, replica.branch, replica.state_vector()
        update = outgoing.update if outgoing is not None else None
        future: concurrent.futures.Future[ReplicaSync] = (
            Op(
                self,
                lambda: library.exchange_replica(prompt_id, branch, update, state),
                lane="writer",
            )
            .success(functools.partial(self._synced, replica, outgoing))
            .failure(self._save_failed)
            .run(self.workbench.tasks)
        )
        return future

    def _synced(self, sender: WorkingCopyReplica, sent: Outgoing | None, sync: ReplicaSync) -> None:
        self._saves_in_flight -= 1
        replica = self.replica
        if replica is None or replica is not sender:
            # An answer for the replica this tab held before a switch: its edits are in the
            # store; this tab has moved on (its own exchanges bring the rest).
            if not self._saves_in_flight:
                self.flush(always=True)
            return
        if sync.switched:
            # Checked out elsewhere: what was typed meanwhile still goes to the branch it was
            # typed on (the store puts it there), then this tab shows the new branch.
            left = replica.outgoing()
            if left is not None:
                library = self.workbench.library
                prompt_id, branch, state = replica.prompt_id, replica.branch, sync.state_vector
                Op(
                    self,
                    lambda: library.exchange_replica(prompt_id, branch, left.update, state),
                    lane="writer",
                ).failure(self._left_behind_failed).run(self.workbench.tasks)
            self._start(sync)
            self.switched.emit(sync.stamp.branch)
        else:
            replica.receive(sync.update, sync.state_vector, sent)
            self._stamp = sync.stamp
        if sync.stamp.name != self.name:
            self.name = sync.stamp.name
            self.renamed.emit(self.name)
        if not self._saves_in_flight:
            self.all_saved.emit()
            if replica.outgoing() is not None:
                self.save_timer.start()
        self.saved.emit()

    def _left_behind_failed(self, error: BaseException) -> None:
        self.left_behind_failed.emit(error)

    def _save_failed(self, error: BaseException) -> None:
        self._saves_in_flight -= 1
        if isinstance(error, PromptNotFound):
            self._lose()
            return
        self.save_failed.emit(error)

    def _lose(self) -> None:
        self.gone = True
        self._follow_timer.stop()
        self.save_timer.stop()
        self.lost.emit()
