"""The app's event loop: asyncio running on Qt's loop (qasync), one thread for both.

Qt paints and delivers input on its loop; asyncio code (the team sync client's WebSocket, a
provider's streaming HTTP) runs as coroutines on the *same* loop, so a coroutine may touch a
widget between its awaits, and nothing needs a lock or a queued signal to reach the UI. Blocking
work still goes to a thread through :mod:`app.ui.ops`; a coroutine never blocks.
"""

from __future__ import annotations

import asyncio

from app.ui.qt import QApplication

_loop: asyncio.AbstractEventLoop | None = None


def app_loop() -> asyncio.AbstractEventLoop | None:
    """The asyncio loop running on Qt's (None before the app's loop exists: the sync client
    then waits for it)."""
    return _loop


def use_loop(loop: asyncio.AbstractEventLoop | None) -> None:
    """Make ``loop`` the app's (the app does it once; tests that drive coroutines too)."""
    global _loop
    _loop = loop


def run_event_loop(app: QApplication) -> int:
    """Run Qt's loop with asyncio on it until the app quits; the app's exit code."""
    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    use_loop(loop)
    try:
        with loop:  # closed on the way out, with whatever coroutines were left
            return int(loop.run_forever())
    finally:
        use_loop(None)
