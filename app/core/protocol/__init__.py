"""The sync wire protocol shared by the desktop app and the sync server.

This is the only part of ``app`` that ``sync_server`` may import. Both sides compare
``PROTOCOL_VERSION`` when a connection opens, so an old client and a new server fail with a
clear message instead of corrupting each other's documents. :mod:`.frames` is the y-websocket
framing plus Promptdesk's own message types; :mod:`.objects` is how a version's bytes are
hashed, so the server can recompute a content address without knowing what a prompt is.
"""

PROTOCOL_VERSION = 1
"""Bumped whenever a message is added, removed or changes meaning."""
