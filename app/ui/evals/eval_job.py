"""One eval run as the UI drives it: started or resumed off the UI thread, watched, stoppable.

An :class:`EvalJob` sends the work to the workbench's ``runs`` lane through an
:class:`~app.ui.ops.Op`: it asks for the :class:`~app.evals.service.EvalService` there (the
first call loads the runner plugins), stores the run with its cells pending, and executes it.
The engine reports :class:`~app.evals.engine.Progress` from its own worker threads; reports
are coalesced (only the newest waits, together with every cell finished since) and handed to
the UI thread through a queued signal, so a fast cached eval never floods the event loop. The
job ends with exactly one of :attr:`finished` (the run as it ended: ``finished`` or
``cancelled``) or :attr:`failed` (why it could not start, in words). :meth:`stop` cancels: the
cells not begun stay pending, and :meth:`resume` later runs only those. A job whose owner is
destroyed mid-run cancels the run.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.evals.results import Cell, EvalRun, EvalSpec
from app.evals.engine import Progress
from app.runners.base import CancelToken
from app.ui.errors import describe
from app.ui.ops import Op
from app.ui.qt import QObject, Qt, Signal
from app.ui.weak import Lifetime

if TYPE_CHECKING:
    from app.evals.service import EvalService
    from app.workbench import Workbench


@dataclass(frozen=True)
class ProgressReport:
    """What arrived since the last report: the newest progress and the cells finished since."""

    progress: Progress
    cells: tuple[Cell, ...]


class _Relay(QObject):
    """Collects reports on worker threads; hands them to the UI thread in one queued signal."""

    started = Signal(object)  # the EvalRun, stored with its cells pending
    reported = Signal(object)  # a ProgressReport
    _woken = Signal()
    _announced = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._progress: Progress | None = None
        self._cells: list[Cell] = []
        self._closed = False
        self._woken.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._announced.connect(self._announce, Qt.ConnectionType.QueuedConnection)

    def add(self, progress: Progress) -> None:  # any thread
        with self._lock:
            if self._closed:
                return
            wake = self._progress is None
            self._progress = progress
            if progress.last is not None:
                self._cells.append(progress.last)
            if wake:
                self._woken.emit()  # under the lock: close() cannot slip in between

    def announce(self, run: EvalRun) -> None:  # any thread
        with self._lock:
            if not self._closed:
                self._announced.emit(run)

    def flush(self) -> None:
        self._deliver()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._progress = None
            self._cells.clear()

    def reopen(self) -> None:
        with self._lock:
            self._closed = False

    def _announce(self, run: EvalRun) -> None:
        self.started.emit(run)

    def _deliver(self) -> None:
        with self._lock:
            progress, self._progress = self._progress, None
            cells, self._cells = tuple(self._cells), []
        if progress is not None:
            self.reported.emit(ProgressReport(progress, cells))


class EvalJob(QObject):
    started = Signal(object)  # the EvalRun, its cells stored pending (before any is run)
    progressed = Signal(object)  # a ProgressReport, at most one per event-loop turn
    finished = Signal(object)  # the EvalRun as it ended ("finished" or "cancelled")
    failed = Signal(str)  # why the eval could not run

    def __init__(self, workbench: Workbench, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workbench = workbench
        self._cancel: CancelToken | None = None
        self._relay = _Relay(self)
        self._relay.started.connect(self.started)
        self._relay.reported.connect(self.progressed)
        self.run_id = ""  # the run going now (or last), once it is stored
        self.started.connect(self._remember)
        self._life = Lifetime(self)
        relay = self._relay
        self._life.on_end(relay.close)
        self._life.on_end(self._abandon)

    def is_running(self) -> bool:
        return self._cancel is not None

    def start(self, spec: EvalSpec) -> None:
        """Store a new run for ``spec`` and run all of it."""
        relay = self._relay

        def work(evals: EvalService, cancel: CancelToken) -> EvalRun:
            run = evals.engine.start(spec)
            relay.announce(run)
            return evals.engine.execute(run, cancel=cancel, progress=relay.add)

        self._launch(work)

    def resume(self, run_id: str) -> None:
        """Run the cells a stopped run left pending."""
        relay = self._relay

        def work(evals: EvalService, cancel: CancelToken) -> EvalRun:
            run = evals.records.run(run_id)
            if run is None:
                raise LookupError(f"no eval run '{run_id}'")
            relay.announce(run)
            return evals.resume(run.id, cancel=cancel, progress=relay.add)

        self._launch(work)

    def stop(self) -> None:
        """Stop after the cells already running; the rest stay pending (Resume runs them)."""
        if self._cancel is not None:
            self._cancel.cancel()

    # --- internals -------------------------------------------------------------------------

    def _launch(self, work: Callable[[EvalService, CancelToken], EvalRun]) -> None:
        if self._cancel is not None:
            raise RuntimeError("an eval is running already; stop it or wait for it")
        cancel = self._cancel = CancelToken()
        self._relay.reopen()
        workbench = self._workbench

        def job() -> EvalRun:  # on the runs lane: no widgets here
            return work(workbench.evals(), cancel)

        try:
            Op(self, job, lane="runs").success(self._done).failure(self._error).run(workbench.tasks)
        except RuntimeError:  # the pool has shut down: the workbench is closing
            self._cancel = None
            raise

    def _remember(self, run: EvalRun) -> None:
        self.run_id = run.id

    def _done(self, run: EvalRun) -> None:
        self._relay.flush()  # the last reports, before the run that sums them up
        self._cancel = None
        self.run_id = run.id
        self.finished.emit(run)

    def _error(self, error: BaseException) -> None:
        self._relay.flush()
        self._cancel = None
        self.failed.emit(describe(error))

    def _abandon(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
