"""The built-in assertion types, one module per family; :func:`built_in_types` lists them all.

Families: ``text`` (equals, contains, regex, lengths…), ``structured`` (JSON and its schema),
``metrics`` (edit distance, ROUGE, BLEU, embedding similarity), ``measures`` (latency, cost,
tokens, perplexity), ``expression`` (a Python expression in the sandbox) and ``model_graded``
(the judge: rubric, factuality, relevance, faithfulness, sentiment, tone, select-best).
"""

from __future__ import annotations

from importlib import import_module

from app.core.evals.grading import AnyAssertionType

FAMILIES = ("text", "structured", "metrics", "measures", "expression", "model_graded")


def built_in_types() -> dict[str, AnyAssertionType]:
    """Every built-in type by name (each family module lists its own in ``TYPES``)."""
    types: dict[str, AnyAssertionType] = {}
    for family in FAMILIES:
        try:
            module = import_module(f"{__name__}.{family}")
        except ModuleNotFoundError as missing:  # a family not written yet
            if missing.name != f"{__name__}.{family}":
                raise
            continue
        for kind in module.TYPES:
            if kind.name in types:
                raise ValueError(f"assertion type '{kind.name}' is defined twice")
            types[kind.name] = kind
    return types
