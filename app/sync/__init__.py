"""Team sync: pycrdt documents mapped to the store, the sync client and its offline queue.

Populated by the sync issue; speaks the protocol defined in ``app.core.protocol``.
"""
