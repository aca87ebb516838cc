"""Desktops for sync tests: each a data folder with its own passphrase, driven through the
installed ``promptdesk`` command (as a user runs it) or opened in-process as a store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.storage.paths import StorePaths
from app.storage.store import Store
from tests.support.sync_server import PASSWORD

EXE = str(Path(sys.executable).with_name("promptdesk"))


@dataclass
class Desktop:
    home: Path
    passphrase: str

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            {
                "PROMPTDESK_HOME": str(self.home),
                "PROMPTDESK_PASSPHRASE": self.passphrase,
                "PROMPTDESK_NEW_PASSPHRASE": self.passphrase,
                "PROMPTDESK_SYNC_PASSWORD": PASSWORD,
                **extra,
            }
        )
        return env

    def run(
        self, *argv: str, code: int | None = 0, timeout: float = 180
    ) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [EXE, *argv], capture_output=True, text=True, env=self.env(), timeout=timeout
        )
        if code is not None:
            assert done.returncode == code, (argv, done.returncode, done.stdout, done.stderr)
        return done

    def json(self, *argv: str, code: int | None = 0) -> Any:
        return json.loads(self.run(*argv, "--json", code=code).stdout)

    def popen(self, *argv: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [EXE, *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=self.env(),
        )

    def store(self) -> Store:
        return Store.open(StorePaths(self.home), lambda: self.passphrase)


def make_desktop(root: Path, label: str) -> Desktop:
    desktop = Desktop(root / label, f"{label}-passphrase-{os.urandom(4).hex()}")
    desktop.run("init", "--passphrase")
    return desktop
