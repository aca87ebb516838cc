"""Every starter template passes its own test cases on the model it names, run through the
assertion engine on the real local model (llama.cpp, the packaged SmolLM2).

The catalogue is imported into a real store as a user would (``import_starter``), then each
template's cases run as ``promptdesk test`` runs them. Cases a template marks ``remote_only``
(they need a large remote model) are left out and listed with their reasons; a template whose
first model is not a local one is skipped the same way, with its reason printed. The run's
time is printed too: the catalogue keeps its outputs short so this stays a few minutes.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.core.evals.results import EvalSpec
from app.gallery import starter
from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.store import Store
from app.workbench import Workbench

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]


def test_every_starter_template_passes_its_own_cases_on_its_model(
    paths: StorePaths, models_dir: Path
) -> None:
    started = time.monotonic()
    failures: list[str] = []
    skipped: list[str] = []
    cells_run = 0
    with Workbench(paths, Store.create(paths, KeyMode.INSECURE_FILE)) as workbench:
        imported, _ = starter.import_starter(workbench.library)
        evals = workbench.evals()
        evals.use_cache = False
        templates = starter.load()
        assert sorted(imported) == sorted(t.content.name for t in templates)
        for template in templates:
            name, model = template.content.name, template.models[0]
            if not model.startswith("local:"):
                skipped.append(f"{name}: all cases need {model}")
                continue
            skipped += [f"{name}/{case}: {why}" for case, why in template.remote_only.items()]
            cases = [c.id for c in template.content.tests if c.id not in template.remote_only]
            spec = EvalSpec.from_json(
                {"prompt": name, "refs": ["working"], "models": [model], "case_ids": cases}
            )
            run = evals.run(spec)
            assert run.status == "finished", (name, run.status, run.detail)
            for cell in evals.records.cells(run.id):
                cells_run += 1
                if not cell.passed:
                    reasons = "; ".join(g.grade.reason for g in cell.grades if not g.grade.passed)
                    failures.append(
                        f"{name}/{cell.key.case_id} on {model}: {cell.error or reasons}\n"
                        f"    output: {cell.output!r}"
                    )
    seconds = time.monotonic() - started
    print(f"\nstarter catalogue: {len(templates)} templates, {cells_run} cases in {seconds:.0f} s")
    for line in skipped:
        print(f"  skipped (needs a large remote model) {line}")
    assert not failures, "\n".join(failures)
