"""Helpers of ``bench/sync.py``: server processes, a lean y-websocket load client, the parts."""
