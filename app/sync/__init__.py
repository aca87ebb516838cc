"""Team sync, the client side: CRDT replicas and the sync client.

:mod:`replica` is an open editor's replica of a working copy. The team sync client
(:mod:`client`, with :mod:`progress`, :mod:`link`, :mod:`objects`, :mod:`presence`,
:mod:`restores`) keeps a device's shared prompts in step with a sync server over one
multiplexed WebSocket, and versions and labels over HTTP (:mod:`api`).
"""
