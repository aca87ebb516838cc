"""One prompt run as the UI sees it: started on the pool, streamed, cancellable, then recorded.

A :class:`RunSession` is what the run panel and each compare column share. :meth:`start`
sends :func:`app.runners.prompt_runs.run_prompt` to the background pool with a
:class:`TokenStream` as its ``on_text`` and a fresh :class:`CancelToken`; streamed text comes
back coalesced through :attr:`text_arrived` together with the live pace, and the run ends with
exactly one of :attr:`run_finished` (the :class:`RunRecord` history now holds, whether it
succeeded, failed or was cancelled) or :attr:`run_failed` (an error raised before the run
started, such as a missing variable, so nothing was recorded). If the session is destroyed
mid-run, the run is cancelled and its result dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.runners.base import CancelToken
from app.runners.prompt_runs import PromptRun, run_prompt
from app.storage.runs import RunRecord
from app.ui.errors import describe
from app.ui.ops import Op
from app.ui.qt import QObject, Signal
from app.ui.runs.token_stream import TokenStream
from app.ui.weak import Lifetime

if TYPE_CHECKING:
    from app.workbench import Workbench


class RunSession(QObject):
    text_arrived = Signal(str, object)  # the new text, and the StreamPace so far
    run_finished = Signal(object)  # the RunRecord
    run_failed = Signal(str)  # why the run could not start

    def __init__(self, workbench: Workbench, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workbench = workbench
        self._stream = TokenStream(self)
        self._stream.flushed.connect(self._flushed)
        self._cancel: CancelToken | None = None
        self._life = Lifetime(self)
        stream = self._stream
        self._life.on_end(stream.close)
        self._life.on_end(self._abandon)

    @property
    def stream(self) -> TokenStream:
        return self._stream

    def is_running(self) -> bool:
        return self._cancel is not None

    def start(self, run: PromptRun) -> None:
        if self._cancel is not None:
            raise RuntimeError("this session is already running; stop it or wait for it")
        cancel = self._cancel = CancelToken()
        stream = self._stream
        stream.begin()
        workbench = self._workbench

        def work() -> RunRecord:  # on the pool: no widgets here
            registry = workbench.registry()
            stream.mark_started()
            # The pace counts from when the model began this run (a compare column may wait
            # for another on the local model first).
            return run_prompt(
                workbench.library,
                registry,
                workbench.history,
                run,
                stream.append,
                cancel,
                stream.mark_started,
            )

        try:
            Op(self, work, lane="runs").success(self._done).failure(self._error).run(
                workbench.tasks
            )
        except RuntimeError:  # the pool has shut down: the workbench is closing
            self._cancel = None
            raise

    def stop(self) -> None:
        """Ask the run to stop; it ends soon after with a cancelled record."""
        if self._cancel is not None:
            self._cancel.cancel()

    def _flushed(self, text: str) -> None:
        self.text_arrived.emit(text, self._stream.pace())

    def _done(self, record: RunRecord) -> None:
        self._stream.flush()  # the last pieces, before the record that sums them up
        self._cancel = None
        self.run_finished.emit(record)

    def _error(self, error: BaseException) -> None:
        self._stream.flush()
        self._cancel = None
        self.run_failed.emit(describe(error))

    def _abandon(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
