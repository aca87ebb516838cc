"""Crash-consistency stress: SIGKILL a committing writer many times, check every survivor.

The same harness as ``tests/integration/test_crash_consistency.py`` (50 kills), run longer:
``make stress`` or ``.venv/bin/python bench/crash_stress.py --kills 500``. After each kill the
store must open, pass ``PRAGMA integrity_check`` and ``PRAGMA cipher_integrity_check``, hold
every transaction the writer reported as committed, and hold no partial transaction. Prints a
table; exits non-zero if any check failed, since a failure here is a bug, not a slow machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

from app.storage.connection import sqlcipher_version
from app.storage.paths import StorePaths
from tests.support.crash import prepare_store, run_crash_loop


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="promptdesk-stress-") as folder:
        paths = StorePaths(Path(folder) / "home")
        prepare_store(paths)
        report = run_crash_loop(paths, kills=args.kills, seed=args.seed)

    print(f"Promptdesk crash stress — {platform.platform()}, SQLCipher {sqlcipher_version()}")
    rows = [
        ("SIGKILLs", f"{report.kills}"),
        ("transactions reported committed", f"{report.reported}"),
        ("transactions found after the last kill", f"{report.committed}"),
        ("integrity / lost / partial problems", f"{len(report.problems)}"),
        ("wall time", f"{report.seconds:.1f} s ({report.seconds / report.kills:.2f} s per kill)"),
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    for problem in report.problems:
        print(f"  PROBLEM: {problem}")
    return 1 if report.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
