"""Where Promptdesk keeps its files on this machine.

Everything lives in one data directory: the platform's user data dir, or the folder named by
``PROMPTDESK_HOME`` (tests and scripts set it). The encrypted database, its SQLite side files,
the key file and the logs all sit inside it, which is what lets the canary test scan one tree
for anything written in the clear.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Promptdesk"
HOME_ENV = "PROMPTDESK_HOME"


@dataclass(frozen=True)
class StorePaths:
    """The files of one store, all under ``data_dir``."""

    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "promptdesk.db"

    @property
    def wal(self) -> Path:
        return self.data_dir / "promptdesk.db-wal"

    @property
    def shm(self) -> Path:
        return self.data_dir / "promptdesk.db-shm"

    @property
    def key_file(self) -> Path:
        return self.data_dir / "promptdesk.keys.json"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    def database_files(self) -> tuple[Path, Path, Path]:
        """The database and the side files SQLite keeps next to it in WAL mode."""
        return (self.database, self.wal, self.shm)


def default_data_dir() -> Path:
    """``PROMPTDESK_HOME`` if set, else the platform's per-user data folder."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser().resolve()
    # Imported here: platformdirs is light, but start-up only needs it on this path.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_paths() -> StorePaths:
    return StorePaths(default_data_dir())
