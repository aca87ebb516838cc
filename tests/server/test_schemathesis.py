"""The whole HTTP API against its own OpenAPI schema, fuzzed by schemathesis on a real server.

The schema comes from a running ``promptdesk-sync serve`` (``/openapi.json``), so what is tested
is what clients download. Every operation gets its own freshly signed-up owner with a workspace
holding a version and a label, and requests go out with that owner's token and ids, so they reach
real rows instead of stopping at 401 or 404; an operation that signs out or deletes its
workspace only spoils its own later examples. Checks: no 5xx, every status and content type is
one the schema declares, and every body matches its declared schema. (The WebSocket and
``/metrics`` are not in the schema.)

CI runs 25 examples per operation and mode (positive, negative), the same ones every run, in
about 40 seconds; set ``PROMPTDESK_SCHEMATHESIS_EXAMPLES`` (say 200) for a longer, randomized
hunt. All failures are collected and reported together, each with a curl command that
reproduces it.

The operations are driven with Hypothesis directly (``operation.as_strategy``) rather than
``schemathesis.pytest.from_fixture``: the latter rewrites ``request.node._nodeid``, which
pytest 9 no longer has.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.core.protocol.objects import canonical_json, object_id
from tests.support.sync_server import Api, ServerProcess

EXAMPLES_VARIABLE = "PROMPTDESK_SCHEMATHESIS_EXAMPLES"
EXAMPLES = int(os.environ.get(EXAMPLES_VARIABLE, "25"))
# CI replays the same requests every run; a longer hunt explores new ones each time.
DERANDOMIZE = EXAMPLES_VARIABLE not in os.environ
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@dataclass
class Seeded:
    """One operation's own owner, workspace and objects."""

    api: Api
    workspace_id: str
    version_id: str  # also the target of the label p1/live

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api.token}"}


def seed(base_url: str) -> Seeded:
    api = Api.sign_up(base_url, "fuzz")
    workspace_id = api.create_workspace("Fuzzed")
    payload = {"content": {"body": "Hello"}, "parents": [], "message": "m", "author": "a"}
    version_id = object_id(payload)
    stored = api.put(
        f"/v1/workspaces/{workspace_id}/versions/{version_id}",
        params={"prompt_id": "p1"},
        content=canonical_json(payload),
    )
    assert stored.status_code == 201, stored.text
    label = api.put(
        f"/v1/workspaces/{workspace_id}/refs/p1/label/live",
        json={"expected": None, "target": version_id},
    )
    assert label.status_code == 201, label.text
    return Seeded(api, workspace_id, version_id)


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    # Its own process: fuzzing creates many users and must not disturb other modules' servers.
    process = ServerProcess(Path(tmp_path_factory.mktemp("schemathesis"))).start()
    yield process
    process.stop()


def load_schema(server: ServerProcess) -> Any:
    config = schemathesis.Config.from_dict({"generation": {"max-examples": EXAMPLES}})
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json", config=config)
    return schema.exclude(path_regex=r"^/metrics|/sync/")


def fixed_parameters(operation: Any, context: Seeded) -> dict[str, str]:
    """Path parameters that point the operation at its own workspace and objects."""
    names = {parameter.name for parameter in operation.path_parameters}
    fixed = {}
    if "workspace_id" in names:
        fixed["workspace_id"] = context.workspace_id
    if "version_id" in names and operation.method.upper() == "GET":
        fixed["version_id"] = context.version_id  # a 200 whose body the schema must match
    return fixed


def aim_body(case: Any, context: Seeded) -> None:
    body = case.body
    if isinstance(body, dict) and isinstance(body.get("target"), str):
        body["target"] = context.version_id  # a reference move that can succeed, or 409


def fuzz(operation: Any, mode: GenerationMode, server: ServerProcess, context: Seeded) -> None:
    strategy = operation.as_strategy(mode, path_parameters=fixed_parameters(operation, context))

    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=DERANDOMIZE,
        database=None,
        suppress_health_check=list(HealthCheck),
        # No shrinking: the first failing request is reported as it was, and CI stays bounded.
        phases=[Phase.explicit, Phase.generate],
    )
    def run(case: Any) -> None:
        aim_body(case, context)
        case.call_and_validate(base_url=server.url, headers=context.headers, checks=CHECKS)

    run()


def test_every_operation_conforms_to_the_schema(fuzz_server: ServerProcess) -> None:
    schema = load_schema(fuzz_server)
    failures: list[str] = []
    tested = 0
    for result in schema.get_all_operations():
        try:
            operation = result.ok()
        except Exception:  # an operation the schema describes so badly it cannot be tested
            failures.append(f"invalid operation: {result.err()}")
            continue
        context = seed(fuzz_server.url)
        try:
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                try:
                    fuzz(operation, mode, fuzz_server, context)
                except Unsatisfiable:
                    continue  # nothing to make invalid (an operation without parameters)
                # FailureGroup (what schemathesis raises) is a BaseExceptionGroup.
                except (Exception, BaseExceptionGroup) as error:
                    failures.append(f"{operation.label} ({mode}): {type(error).__name__}: {error}")
            tested += 1
        finally:
            context.api.close()
    assert tested > 20, f"only {tested} operations in the schema"
    assert not failures, "\n\n".join(failures)
