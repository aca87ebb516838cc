"""File context: watched folders, parsing, chunking, local embeddings, the vector index, search.

Chunk text and vectors live in the encrypted store (:mod:`app.storage.context`); the vector
index is built in memory at unlock (numpy, and LanceDB's ANN index for large corpora). The
package is called ``retrieval``, not ``context``: see docs/architecture.md.
"""
