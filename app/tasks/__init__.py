"""How work leaves the UI thread: background threads, one ordered writer, results posted back.

See :mod:`app.tasks.executors`. This package imports no Qt; the UI gives it the function that
posts a callable to the UI thread (see docs/architecture.md).
"""
