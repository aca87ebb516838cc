"""The sync wire protocol shared by the desktop app and the sync server.

This is the only part of ``app`` that ``sync_server`` may import. Both sides compare
``PROTOCOL_VERSION`` when a connection opens, so an old client and a new server fail with a
clear message instead of corrupting each other's documents.
"""

PROTOCOL_VERSION = 1
"""Bumped whenever a message is added, removed or changes meaning."""
