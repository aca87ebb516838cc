"""File context in the encrypted store: sources, their files, chunks and vectors.

:mod:`~app.storage.context.sources` holds the folders and files a user added (one row each,
with the indexing state shown in the app); :mod:`~app.storage.context.chunks` holds what
indexing found in them: a row per file, its chunks with their vectors and the full-text index
over them. The indexing pipeline and search (:mod:`app.retrieval`) read and write only through
these two; no SQL is written anywhere else.
"""
