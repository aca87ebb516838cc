"""CRDT replicas of working copies: what an open editor edits (:mod:`app.sync.replica`).

The team sync client, speaking the protocol of ``app.core.protocol``, is not written yet; it
will live here.
"""
