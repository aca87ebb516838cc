"""The self-hostable sync and gallery server (FastAPI).

Accounts, workspaces with roles, and Yjs-protocol rooms that keep each prompt's working copy
(one CRDT document per prompt, plus an index document per workspace), with immutable versions
and compare-and-swap references beside them. SQLite for a small team, PostgreSQL for several
instances that fan updates out through LISTEN/NOTIFY. It imports nothing from ``app`` but
``app.core.protocol``. ``docs/architecture.md`` (the sync server section) maps the package.
"""
