"""A throwaway PostgreSQL server for tests: one cluster per test session, one database per call.

:func:`postgres_database` returns a SQLAlchemy URL (``postgresql+psycopg://...``) to a new, empty
database (``test_<uuid>``), so test modules never see each other's rows. The first call starts
the session's cluster: ``initdb`` in a temporary folder, ``pg_ctl start`` on a free loopback port
with its Unix socket inside that folder, trust authentication (loopback only) and no fsync. When
the tests run as root, PostgreSQL (which refuses to run as root) runs as the ``postgres`` user
through ``runuser``. The cluster is stopped and its folder removed when the session ends.

Binaries come from ``pg_config --bindir``, ``initdb`` on ``PATH`` or ``/usr/lib/postgresql/*/bin``
(Debian's layout; ``make install-test`` installs Debian's ``postgresql`` package where missing).
Where there are none, the test *fails*: CI must run the PostgreSQL half of the suite. Set
``PROMPTDESK_TEST_SKIP_POSTGRES=1`` to skip those tests instead (a machine without PostgreSQL).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SKIP_ENV = "PROMPTDESK_TEST_SKIP_POSTGRES"
SUPERUSER = "postgres"
PREFIX = "promptdesk-pg-"
OWNER_FILE = "owner.pid"  # the test process that started the cluster


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", path.parent.name)) or (0,)


def find_bindir() -> Path | None:
    """A folder holding ``initdb``, ``pg_ctl`` and ``postgres``, newest version first."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        result = subprocess.run(
            [pg_config, "--bindir"], capture_output=True, text=True, timeout=30, check=False
        )
        if result.returncode == 0 and result.stdout.strip():
            candidates.append(Path(result.stdout.strip()))
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).resolve().parent)
    candidates.extend(sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version_key)[::-1])
    for folder in candidates:
        if all((folder / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PostgresCluster:
    """One running PostgreSQL server in its own folder."""

    bindir: Path
    root: Path = field(default_factory=Path)  # set by start(); Path() until then
    port: int = 0
    run_as: str | None = None  # a user to run the server as (when the tests run as root)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "sock"

    @property
    def log_path(self) -> Path:
        return self.root / "postgres.log"

    def _run(self, *args: str, timeout: float = 120) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            env={**os.environ, "LC_ALL": "C"},
        )
        if result.returncode != 0:
            log = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
            raise RuntimeError(
                f"{' '.join(command)} failed ({result.returncode}):\n"
                f"{result.stdout}{result.stderr}{log}"
            )

    def start(self) -> PostgresCluster:
        if os.geteuid() == 0:
            # PostgreSQL refuses to run as root; the folder must be reachable by its user.
            self.run_as = _unprivileged_user()
            self.root = Path(tempfile.mkdtemp(prefix=PREFIX, dir="/tmp"))
            account = pwd.getpwnam(self.run_as)
            os.chown(self.root, account.pw_uid, account.pw_gid)
        else:
            self.root = Path(tempfile.mkdtemp(prefix=PREFIX))
        (self.root / OWNER_FILE).write_text(str(os.getpid()))
        self._run(
            "initdb", "--pgdata", str(self.data_dir), "--username", SUPERUSER,
            "--auth", "trust", "--encoding", "UTF8", "--no-locale", "--no-sync",
        )  # fmt: skip
        self._mkdir(self.socket_dir)
        for attempt in range(3):  # a free port may be taken before the server binds it
            self.port = _free_port()
            options = " ".join(
                [
                    f"-p {self.port}",
                    "-c listen_addresses=127.0.0.1",
                    f"-c unix_socket_directories={self.socket_dir}",
                    "-c fsync=off",
                    "-c max_connections=300",
                ]
            )
            try:
                self._run(
                    "pg_ctl", "start", "--pgdata", str(self.data_dir), "--log", str(self.log_path),
                    "--wait", "--timeout", "60", "-o", options,
                )  # fmt: skip
                break
            except RuntimeError:
                if attempt == 2:
                    raise
        return self

    def _mkdir(self, path: Path) -> None:
        path.mkdir()
        if self.run_as:
            account = pwd.getpwnam(self.run_as)
            os.chown(path, account.pw_uid, account.pw_gid)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database; its SQLAlchemy URL."""
        import psycopg

        name = f"test_{uuid.uuid4().hex}"
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')  # a name we made: not injectable
        return self.url(name)

    def stop(self) -> None:
        if not self.root.name:
            return
        with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
            if self.data_dir.exists():
                self._run(
                    "pg_ctl", "stop", "--pgdata", str(self.data_dir), "--mode", "immediate",
                    "--wait", timeout=60,
                )  # fmt: skip
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = Path()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale_clusters(bindir: Path) -> None:
    """Stop and remove clusters left by test sessions that were killed before their cleanup."""
    for parent in {Path("/tmp"), Path(tempfile.gettempdir())}:
        for root in parent.glob(f"{PREFIX}*"):
            try:
                owner = int((root / OWNER_FILE).read_text())
            except (OSError, ValueError):
                continue
            if owner == os.getpid() or _alive(owner):
                continue
            stale = PostgresCluster(bindir, root=root)
            if os.geteuid() == 0 and root.stat().st_uid != 0:
                stale.run_as = pwd.getpwuid(root.stat().st_uid).pw_name
            stale.stop()


def _unprivileged_user() -> str:
    for name in (SUPERUSER, "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise RuntimeError("running as root, and there is no 'postgres' or 'nobody' user to run as")


_cluster: PostgresCluster | None = None
_cluster_error: str | None = None


def postgres_cluster(request: pytest.FixtureRequest) -> PostgresCluster:
    """The session's cluster, started on first use (skips or fails as the docstring says)."""
    global _cluster, _cluster_error
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"PostgreSQL tests skipped ({SKIP_ENV}=1)")
    if _cluster is not None:
        return _cluster
    if _cluster_error is None:
        bindir = find_bindir()
        if bindir is None:
            _cluster_error = (
                "No PostgreSQL server binaries (initdb, pg_ctl) found: run 'make install-test' "
                "(it installs Debian's postgresql package), or set "
                f"{SKIP_ENV}=1 to skip the PostgreSQL tests."
            )
        else:
            sweep_stale_clusters(bindir)
            cluster = PostgresCluster(bindir)
            try:
                _cluster = cluster.start()
            except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
                cluster.stop()
                _cluster_error = f"Could not start a throwaway PostgreSQL server: {error}"
            else:
                request.config.add_cleanup(_stop_cluster)
                atexit.register(_stop_cluster)  # also when the session ends abnormally
                return _cluster
    pytest.fail(_cluster_error, pytrace=False)


def _stop_cluster() -> None:
    global _cluster
    if _cluster is not None:
        _cluster.stop()
        _cluster = None


def postgres_database(request: pytest.FixtureRequest) -> str:
    """A SQLAlchemy URL to a fresh database on the session's throwaway PostgreSQL server."""
    return postgres_cluster(request).create_database()
