"""The migrations released up to team sync (0001-0006): the library, runs, file context,
settings and team sync. Released migrations are never edited (stores record their checksums).
"""

from __future__ import annotations

from app.storage.schema import Migration

RELEASED: tuple[Migration, ...] = (
    Migration(
        "0001_store_meta",
        (
            """
            CREATE TABLE store_meta (
                name  TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID
            """,
        ),
    ),
    Migration(
        "0002_prompt_library",
        (
            # One row per prompt; the catalogue columns mirror the working copy of the
            # prompt's current branch, for listing, filtering and search. `num` is the
            # rowid (stable across VACUUM) that the full-text index is keyed by.
            """
            CREATE TABLE prompt (
                num            INTEGER PRIMARY KEY,
                id             TEXT NOT NULL UNIQUE,
                name           TEXT NOT NULL UNIQUE,
                current_branch TEXT NOT NULL,
                title          TEXT NOT NULL DEFAULT '',
                description    TEXT NOT NULL DEFAULT '',
                folder         TEXT NOT NULL DEFAULT '',
                industry       TEXT NOT NULL DEFAULT '',
                use_case       TEXT NOT NULL DEFAULT '',
                complexity     TEXT NOT NULL DEFAULT '',
                created_at     TEXT NOT NULL,
                updated_at     TEXT NOT NULL
            )
            """,
            "CREATE INDEX prompt_by_folder ON prompt (folder)",
            "CREATE INDEX prompt_by_industry ON prompt (industry)",
            "CREATE INDEX prompt_by_use_case ON prompt (use_case)",
            """
            CREATE TABLE prompt_tag (
                num INTEGER NOT NULL REFERENCES prompt (num) ON DELETE CASCADE,
                tag TEXT NOT NULL,
                PRIMARY KEY (num, tag)
            ) WITHOUT ROWID
            """,
            # Filters are sets of prompt rowids read from covering indexes, intersected.
            "CREATE INDEX prompt_tag_by_tag ON prompt_tag (tag, num)",
            """
            CREATE TABLE version (
                id         TEXT PRIMARY KEY,
                prompt_id  TEXT NOT NULL REFERENCES prompt (id) ON DELETE CASCADE,
                parents    TEXT NOT NULL,
                content    TEXT NOT NULL,
                message    TEXT NOT NULL,
                author     TEXT NOT NULL,
                created_at TEXT NOT NULL,
                doc_state  BLOB NOT NULL
            )
            """,
            "CREATE INDEX version_by_prompt ON version (prompt_id, created_at)",
            """
            CREATE TABLE branch (
                prompt_id  TEXT NOT NULL REFERENCES prompt (id) ON DELETE CASCADE,
                name       TEXT NOT NULL,
                head       TEXT REFERENCES version (id),
                base       TEXT REFERENCES version (id),
                created_at TEXT NOT NULL,
                PRIMARY KEY (prompt_id, name)
            ) WITHOUT ROWID
            """,
            # The CRDT working copy of each branch: a snapshot plus the updates appended
            # since, folded back into the snapshot every so often. `content` is the same
            # state as plain JSON, kept in step, so reading a prompt needs no CRDT decoding.
            """
            CREATE TABLE working_copy (
                prompt_id  TEXT NOT NULL,
                branch     TEXT NOT NULL,
                snapshot   BLOB NOT NULL,
                content    TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (prompt_id, branch),
                FOREIGN KEY (prompt_id, branch) REFERENCES branch (prompt_id, name)
                    ON DELETE CASCADE
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE working_copy_update (
                seq       INTEGER PRIMARY KEY AUTOINCREMENT,
                prompt_id TEXT NOT NULL,
                branch    TEXT NOT NULL,
                payload   BLOB NOT NULL,
                FOREIGN KEY (prompt_id, branch) REFERENCES working_copy (prompt_id, branch)
                    ON DELETE CASCADE
            )
            """,
            "CREATE INDEX working_copy_update_by_branch ON working_copy_update (prompt_id, branch)",
            """
            CREATE TABLE label (
                prompt_id  TEXT NOT NULL REFERENCES prompt (id) ON DELETE CASCADE,
                name       TEXT NOT NULL,
                version_id TEXT NOT NULL REFERENCES version (id),
                protected  INTEGER NOT NULL DEFAULT 0,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (prompt_id, name)
            ) WITHOUT ROWID
            """,
            # Every move of a label, for "who deployed what when" and rollback.
            """
            CREATE TABLE label_move (
                seq          INTEGER PRIMARY KEY AUTOINCREMENT,
                prompt_id    TEXT NOT NULL REFERENCES prompt (id) ON DELETE CASCADE,
                label        TEXT NOT NULL,
                from_version TEXT,
                to_version   TEXT NOT NULL,
                moved_at     TEXT NOT NULL,
                is_rollback  INTEGER NOT NULL DEFAULT 0,
                undone       INTEGER NOT NULL DEFAULT 0
            )
            """,
            """
            CREATE VIRTUAL TABLE prompt_fts USING fts5 (
                name, title, description, body, tags,
                tokenize = 'unicode61 remove_diacritics 2',
                prefix = '2 3 4'
            )
            """,
        ),
    ),
    Migration(
        "0003_run_history",
        (
            # One row per run. Prompt, version and model are recorded by value (not by
            # reference): history outlives renames and deletions.
            """
            CREATE TABLE run (
                num           INTEGER PRIMARY KEY,
                id            TEXT NOT NULL UNIQUE,
                prompt_name   TEXT,
                version_id    TEXT,
                ref           TEXT NOT NULL,
                model_id      TEXT NOT NULL,
                params        TEXT NOT NULL,
                variables     TEXT NOT NULL,
                messages      TEXT NOT NULL,
                context       TEXT NOT NULL DEFAULT '[]',
                output        TEXT NOT NULL,
                finish_reason TEXT,
                status        TEXT NOT NULL,
                error         TEXT,
                input_tokens  INTEGER NOT NULL DEFAULT 0,
                output_tokens INTEGER NOT NULL DEFAULT 0,
                ttft_ms       REAL,
                latency_ms    REAL NOT NULL,
                tokens_per_s  REAL,
                cost_usd      REAL NOT NULL DEFAULT 0,
                started_at    TEXT NOT NULL
            )
            """,
            "CREATE INDEX run_by_prompt ON run (prompt_name, started_at)",
            "CREATE INDEX run_by_model ON run (model_id, started_at)",
            "CREATE INDEX run_by_time ON run (started_at)",
            """
            CREATE VIRTUAL TABLE run_fts USING fts5 (
                prompt_name, messages, output,
                tokenize = 'unicode61 remove_diacritics 2'
            )
            """,
            # GGUF files and folders the user added: paths are user data, so they live here.
            """
            CREATE TABLE local_model_source (
                path     TEXT PRIMARY KEY,
                added_at TEXT NOT NULL
            ) WITHOUT ROWID
            """,
            # Which providers have an API key and where it is: the OS keychain (secret NULL
            # here) or, where there is no keychain, this encrypted table.
            """
            CREATE TABLE provider_key (
                provider   TEXT PRIMARY KEY,
                location   TEXT NOT NULL CHECK (location IN ('keychain', 'store')),
                secret     TEXT,
                updated_at TEXT NOT NULL
            ) WITHOUT ROWID
            """,
        ),
    ),
    Migration(
        "0004_file_context",
        (
            # Folders and files the user gives as context, their chunks and vectors: all of it
            # (paths too) is user data, so it lives only in the encrypted store.
            """
            CREATE TABLE context_source (
                id         TEXT PRIMARY KEY,
                path       TEXT NOT NULL UNIQUE,
                include    TEXT NOT NULL DEFAULT '[]',
                exclude    TEXT NOT NULL DEFAULT '[]',
                added_at   TEXT NOT NULL,
                indexed_at TEXT,
                skipped    INTEGER NOT NULL DEFAULT 0
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE context_file (
                num          INTEGER PRIMARY KEY,
                source_id    TEXT NOT NULL REFERENCES context_source (id) ON DELETE CASCADE,
                path         TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                size         INTEGER NOT NULL,
                error        TEXT,
                indexed_at   TEXT NOT NULL,
                UNIQUE (source_id, path)
            )
            """,
            """
            CREATE TABLE context_chunk (
                num      INTEGER PRIMARY KEY,
                file_num INTEGER NOT NULL REFERENCES context_file (num) ON DELETE CASCADE,
                ordinal  INTEGER NOT NULL,
                text     TEXT NOT NULL,
                tokens   INTEGER NOT NULL,
                line     INTEGER,
                page     INTEGER,
                heading  TEXT NOT NULL DEFAULT '',
                embedder TEXT NOT NULL,
                vector   BLOB NOT NULL
            )
            """,
            "CREATE INDEX context_chunk_by_file ON context_chunk (file_num)",
            """
            CREATE VIRTUAL TABLE context_fts USING fts5 (
                text, heading,
                tokenize = 'unicode61 remove_diacritics 2'
            )
            """,
        ),
    ),
    Migration(
        "0005_settings_and_index_state",
        (
            # Setting values (declared in app.core.settings); JSON so a value keeps its type.
            """
            CREATE TABLE setting (
                key        TEXT PRIMARY KEY,
                value      TEXT NOT NULL,
                updated_at TEXT NOT NULL
            ) WITHOUT ROWID
            """,
            # Where a source's indexing stands, so a pass interrupted by pause, cancel or a
            # crash is visible and resumes (files already stored are skipped by their hash).
            "ALTER TABLE context_source ADD COLUMN state TEXT NOT NULL DEFAULT 'new'",
            "ALTER TABLE context_source ADD COLUMN state_detail TEXT NOT NULL DEFAULT ''",
            # How the source is watched right now ('' when nothing watches it), so a source
            # that fell back to polling (inotify limit) says so in every status listing.
            "ALTER TABLE context_source ADD COLUMN watch_mode TEXT NOT NULL DEFAULT ''",
            # Vector search filters by file type without parsing paths per query.
            "CREATE INDEX context_file_by_source ON context_file (source_id)",
        ),
    ),
    Migration(
        "0006_team_sync",
        (
            # One signed-in account per server; the device token lives here, in the
            # encrypted store, never in a plain file.
            """
            CREATE TABLE sync_account (
                server_url    TEXT PRIMARY KEY,
                user_id       TEXT NOT NULL,
                email         TEXT NOT NULL,
                display_name  TEXT NOT NULL,
                credential_id TEXT NOT NULL,
                token         TEXT NOT NULL,
                signed_in_at  TEXT NOT NULL
            ) WITHOUT ROWID
            """,
            # A workspace of the account (synced here unless the user turned it off).
            # `index_state` is the workspace's index document (which prompts it holds, their
            # names and branches) as a CRDT update; `hold` is a sync paused for the user's
            # answer (a mass delete), as JSON.
            """
            CREATE TABLE sync_workspace (
                id          TEXT PRIMARY KEY,
                server_url  TEXT NOT NULL,
                name        TEXT NOT NULL,
                role        TEXT NOT NULL,
                index_state BLOB,
                index_epoch TEXT NOT NULL DEFAULT '',
                status      TEXT NOT NULL DEFAULT 'new',
                detail      TEXT NOT NULL DEFAULT '',
                hold        TEXT NOT NULL DEFAULT '',
                synced_at   TEXT NOT NULL DEFAULT '',
                enabled     INTEGER NOT NULL DEFAULT 1
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE sync_prompt (
                prompt_id    TEXT PRIMARY KEY REFERENCES prompt (id) ON DELETE CASCADE,
                workspace_id TEXT NOT NULL REFERENCES sync_workspace (id),
                shared_at    TEXT NOT NULL,
                -- the name both sides last agreed on: tells a rename here from one there
                synced_name  TEXT NOT NULL DEFAULT ''
            ) WITHOUT ROWID
            """,
            "CREATE INDEX sync_prompt_by_workspace ON sync_prompt (workspace_id)",
            # A shared prompt deleted here, until the deletion reaches the server. A trigger,
            # so every way of deleting (CLI, app, import) is seen without each knowing sync.
            """
            CREATE TABLE sync_tombstone (
                prompt_id    TEXT PRIMARY KEY,
                workspace_id TEXT NOT NULL,
                deleted_at   TEXT NOT NULL
            ) WITHOUT ROWID
            """,
            """
            CREATE TRIGGER sync_prompt_deleted BEFORE DELETE ON prompt
            BEGIN
                INSERT OR REPLACE INTO sync_tombstone (prompt_id, workspace_id, deleted_at)
                SELECT prompt_id, workspace_id, strftime('%Y-%m-%dT%H:%M:%f', 'now')
                FROM sync_prompt WHERE prompt_id = old.id;
            END
            """,
            # One server document per branch working copy: its server epoch (a restore
            # changes it) and when this device last had everything of it on the server.
            """
            CREATE TABLE sync_document (
                workspace_id TEXT NOT NULL,
                name         TEXT NOT NULL,
                prompt_id    TEXT NOT NULL,
                branch       TEXT NOT NULL,
                epoch        TEXT NOT NULL DEFAULT '',
                synced_at    TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (workspace_id, name)
            ) WITHOUT ROWID
            """,
            "CREATE INDEX sync_document_by_prompt ON sync_document (prompt_id, branch)",
            # Where each branch head and label of a shared prompt pointed when this device
            # and the server last agreed: tells a move made here from one made there.
            """
            CREATE TABLE sync_ref (
                prompt_id TEXT NOT NULL REFERENCES prompt (id) ON DELETE CASCADE,
                kind      TEXT NOT NULL,
                name      TEXT NOT NULL,
                target    TEXT NOT NULL,
                PRIMARY KEY (prompt_id, kind, name)
            ) WITHOUT ROWID
            """,
        ),
    ),
)
