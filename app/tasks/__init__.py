"""How work leaves the UI thread: the single-writer executor, the asyncio loop, ``run_on_main``.

Populated with the desktop app; services stay free of Qt so the CLI can use them directly.
"""
