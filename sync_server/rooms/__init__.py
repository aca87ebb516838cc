"""Rooms: one Yjs document per prompt working copy (and one index per workspace) over WebSocket."""
