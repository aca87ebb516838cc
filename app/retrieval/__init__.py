"""File context: watched folders, parsing, chunking, local embeddings, the vector index, search.

Populated by the file-context issue. Vectors and text live in the encrypted store; the
LanceDB index is built in memory at unlock.
"""
