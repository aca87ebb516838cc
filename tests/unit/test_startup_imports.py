"""The GUI's start-up path imports no heavy library.

torch, llama_cpp, lancedb, litellm and sentence-transformers cost seconds to import; they
belong in the worker process or the function that needs them. This starts a fresh interpreter,
imports what ``promptdesk`` imports before the first window shows, and lists the modules loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("torch", "llama_cpp", "lancedb", "litellm", "sentence_transformers", "transformers")

PROBE = """
import json, sys
import app.cli
import app.ui.launch
import app.ui.main_window
print(json.dumps(sorted(sys.modules)))
"""


def test_gui_start_up_path_imports_nothing_heavy() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    loaded = json.loads(result.stdout)
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY)
    assert heavy == []
