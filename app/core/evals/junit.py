"""An eval run as JUnit XML, the test report format CI servers read (Jenkins, GitLab, GitHub).

:func:`junit_xml` writes one ``<testsuites>`` with a ``<testsuite>`` per (ref, model) column and a
``<testcase>`` per cell: named by the case's title (with the repeat when the case ran more than
once), classed ``suite.ref.model``, timed by the model's latency. A cell that failed its
assertions gets a ``<failure type="assertion">`` listing the failed assertions with their
reasons and the output; a cell whose model failed gets an ``<error>``; a pending or cancelled
cell is ``<skipped>``. The shape is the strictest common one, the Apache Ant schema as Windy
Road wrote it down (``JUnit.xsd``), which the laxer Jenkins and GitLab readers also accept: so
``<testsuites>`` carries no attributes, each suite has ``id``, ``package``, ``hostname``, a
timestamp without zone or fraction (UTC), and ``properties``, ``system-out`` and ``system-err``
always. The tree is built with ElementTree, which escapes; characters XML 1.0 cannot carry at
all (most control characters, lone surrogates) are dropped first, and line ends are normalised
to ``\\n`` as any XML reader would. The text is returned with its declaration: write it as UTF-8.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from app.core.evals.cases import TestCase
from app.core.evals.results import Cell, CellKey

# What XML 1.0 allows (its ``Char`` production); everything else is removed.
_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TIMESTAMP = "%Y-%m-%dT%H:%M:%S"  # the schema's pattern: no zone, no fraction
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def clean(text: str) -> str:
    """``text`` as XML 1.0 can carry it: illegal characters dropped, line ends as ``\\n``."""
    return _ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def junit_xml(
    suite_name: str,
    cells: Sequence[Cell],
    cases: Mapping[str, TestCase | str],
    *,
    versions: Mapping[str, str] | None = None,
    hostname: str = "localhost",
    timestamp: datetime | None = None,
) -> str:
    """The JUnit XML of ``cells`` (see the module). ``cases`` maps a case id to its
    :class:`TestCase` or its title; ``versions`` maps a ref to the version id it named (kept as
    a property); ``timestamp`` is when the run began (else each column's first finished cell,
    else now)."""
    columns: dict[tuple[str, str], list[Cell]] = {}
    for cell in cells:
        columns.setdefault(cell.key.column, []).append(cell)
    root = ET.Element("testsuites")
    for index, ((ref, model), listed) in enumerate(columns.items()):
        root.append(
            _suite(
                index, suite_name, ref, model, listed, cases, versions or {}, hostname, timestamp
            )
        )
    ET.indent(root)
    return DECLARATION + ET.tostring(root, encoding="unicode") + "\n"


def _suite(
    index: int,
    suite_name: str,
    ref: str,
    model: str,
    cells: Sequence[Cell],
    cases: Mapping[str, TestCase | str],
    versions: Mapping[str, str],
    hostname: str,
    timestamp: datetime | None,
) -> ET.Element:
    classname = ".".join(_class_part(part) for part in (suite_name, ref, model))
    names = _names(cells, cases)
    suite = ET.Element("testsuite")
    properties = ET.SubElement(suite, "properties")
    shown = {"prompt": suite_name, "ref": ref, "version": versions.get(ref, ""), "model": model}
    for name, value in shown.items():
        if value:
            ET.SubElement(properties, "property", name=name, value=clean(value))
    counts = {"failures": 0, "errors": 0, "skipped": 0}
    seconds = 0.0
    for cell in cells:
        case = ET.SubElement(suite, "testcase", name=names[cell.key], classname=classname)
        took = _seconds(cell)
        seconds += took
        case.set("time", f"{took:.3f}")
        if cell.status == "error":
            counts["errors"] += 1
            message = clean(cell.error.strip()) or "the model failed"
            error = ET.SubElement(case, "error", message=message.splitlines()[0], type="model")
            error.text = message
        elif cell.status != "done":
            counts["skipped"] += 1
            ET.SubElement(case, "skipped", message=cell.status)
        elif not cell.passed:
            counts["failures"] += 1
            message, text = _failure(cell, cases.get(cell.key.case_id))
            failure = ET.SubElement(case, "failure", message=message, type="assertion")
            failure.text = text
    ET.SubElement(suite, "system-out")
    ET.SubElement(suite, "system-err")
    suite.attrib = {
        "name": classname,
        "package": _token(suite_name),
        "id": str(index),
        "timestamp": _when(cells, timestamp),
        "hostname": _token(hostname) or "localhost",
        "tests": str(len(cells)),
        "failures": str(counts["failures"]),
        "errors": str(counts["errors"]),
        "skipped": str(counts["skipped"]),
        "time": f"{seconds:.3f}",
    }
    return suite


def _token(text: str) -> str:
    """Text for an ``xs:token`` attribute: clean, on one line, spaces collapsed."""
    return " ".join(clean(text).split())


def _class_part(text: str) -> str:
    # CI servers split a classname at its last dot into package and class, so a dot inside a
    # part ("gpt-4.1") would split a model's name in two: it becomes "_".
    return _token(text).replace(".", "_") or "_"


def _title(case: TestCase | str | None, case_id: str) -> str:
    if isinstance(case, TestCase):
        return case.title
    return case or case_id


def _names(cells: Sequence[Cell], cases: Mapping[str, TestCase | str]) -> dict[CellKey, str]:
    """Each cell's test name: the case's title, its id too when two cases share a title, and
    the repeat when the case ran more than once."""
    titles = {c.key.case_id: _token(_title(cases.get(c.key.case_id), c.key.case_id)) for c in cells}
    shared = {t for t in titles.values() if list(titles.values()).count(t) > 1}
    repeated = {c.key.case_id for c in cells if c.key.repeat > 0}
    names: dict[CellKey, str] = {}
    for cell in cells:
        case_id = cell.key.case_id
        name = titles[case_id] or case_id
        if name in shared:
            name += f" [{case_id}]"
        if case_id in repeated:
            name += f" (repeat {cell.key.repeat + 1})"
        names[cell.key] = name
    return names


def _seconds(cell: Cell) -> float:
    # A cached cell took no model time in this run; its stored latency is the original run's.
    if cell.cached or cell.latency_ms is None:
        return 0.0
    return max(0.0, cell.latency_ms / 1000)


def _failure(cell: Cell, case: TestCase | str | None) -> tuple[str, str]:
    """The failure's message (one line) and text (each failed assertion's reason, the output)."""
    failed = [g for g in cell.grades if not g.grade.passed]
    lines = [
        f"{g.assertion}: {g.grade.reason}" + (" (could not be checked)" if g.grade.error else "")
        for g in failed
    ]
    if failed:
        labels = ", ".join(g.assertion for g in failed)
        plural = "s" if len(cell.grades) != 1 else ""
        message = f"{len(failed)} of {len(cell.grades)} assertion{plural} failed: {labels}"
    elif isinstance(case, TestCase) and case.threshold is not None and cell.score is not None:
        # Every assertion passed on its own but the weighted score fell short of the case's.
        message = f"score {cell.score:.2f} is below the case's threshold {case.threshold:.2f}"
    else:
        message = "the case failed"
    text = "\n".join([*lines, "", "Output:", cell.output]) if lines else f"Output:\n{cell.output}"
    return clean(message), clean(text)


def _when(cells: Sequence[Cell], timestamp: datetime | None) -> str:
    moment = timestamp
    if moment is None:
        finished = [_parse(c.finished_at) for c in cells if c.finished_at]
        known = [f for f in finished if f is not None]
        moment = min(known) if known else datetime.now(UTC)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime(_TIMESTAMP)


def _parse(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    # Compare aware times only: a naive one is taken as UTC, as the store writes them.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
