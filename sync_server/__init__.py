"""The self-hostable sync and gallery server (FastAPI).

Until the sync issue lands it serves only its health and protocol version, so deployments and
clients can already check they speak the same protocol. It imports nothing from ``app`` but
``app.core.protocol``.
"""
