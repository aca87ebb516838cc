"""The example prompts a new library starts with: small, well written, and each showing a feature.

They show typed variables with defaults, a choice and a number with bounds, a shared include
(``tone``), a system prompt, and history (the reply prompt has two versions and a label), so a
first-time user sees what the library can do by opening it.
"""

from __future__ import annotations

import dataclasses

from app.core.prompt import PromptContent
from app.core.variables import VariableSpec, VariableType
from app.storage.library import Library

TONE = PromptContent(
    name="tone",
    title="House tone",
    description="Included by other prompts so every answer sounds like us.",
    body="Write in plain, warm English. Short sentences. No jargon, no exclamation marks.",
    tags=("shared",),
    folder="Shared",
)

REPLY = PromptContent(
    name="support-reply",
    title="Support reply",
    description="A first reply to a customer's message, in the house tone.",
    system="You are a helpful support agent for {{ company }}.\n{% include 'tone' %}",
    body=(
        "Customer: {{ customer }}\n"
        "Their message:\n{{ message }}\n\n"
        "Reply in {{ language }}, in at most {{ max_sentences }} sentences."
        "{% if offer_callback %} Offer a phone call back.{% endif %}"
    ),
    tags=("support", "email"),
    folder="Support",
    use_case="customer support",
    variables=(
        VariableSpec("company", VariableType.TEXT, default="Acme"),
        VariableSpec("customer", VariableType.TEXT, description="the customer's first name"),
        VariableSpec("message", VariableType.MULTILINE, description="what they wrote"),
        VariableSpec(
            "language",
            VariableType.CHOICE,
            default="English",
            choices=("English", "French", "German"),
        ),
        VariableSpec("max_sentences", VariableType.INTEGER, default=4, minimum=1, maximum=10),
        VariableSpec("offer_callback", VariableType.BOOLEAN, default=False),
    ),
)

SUMMARY = PromptContent(
    name="summarise",
    title="Summarise a document",
    description="Key points of a text for a given reader.",
    body=(
        "Summarise the text below for {{ audience }} in {{ points }} bullet points.\n\n{{ text }}"
    ),
    tags=("writing",),
    folder="Writing",
    variables=(
        VariableSpec("audience", VariableType.TEXT, default="a busy manager"),
        VariableSpec("points", VariableType.INTEGER, default=3, minimum=1, maximum=12),
        VariableSpec("text", VariableType.MULTILINE),
    ),
)

EXAMPLES = (TONE, REPLY, SUMMARY)


def seed_examples(library: Library) -> list[str]:
    """Create the examples (skipping names already taken); returns the names created."""
    taken = set(library.names())
    created = []
    for example in EXAMPLES:
        if example.name in taken:
            continue
        library.create(example)
        library.commit(example.name, "First version")
        created.append(example.name)
    if REPLY.name in created:
        library.edit(
            REPLY.name,
            lambda c: dataclasses.replace(c, body=c.body + "\nSign off with your first name."),
        )
        version = library.commit(REPLY.name, "Sign off with a name")
        library.set_label(REPLY.name, "production", version.id)
    return created
