"""The example prompts a new library starts with: small, well written, and each showing a feature.

They show typed variables with defaults, a choice and a number with bounds, a shared include
(``tone``), a system prompt, and history (the reply prompt has two versions and a label), so a
first-time user sees what the library can do by opening it.

They are worded for the built-in default model, SmolLM2 135M Instruct, and every variable a
run needs has a sample value, so each example gives an answer on its first run. A model that
small does best with one short instruction per sentence and the text to work on in a labelled
block; the wording here was tried on it at temperature 0.
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
    body="Use plain, warm words and short sentences.",
    tags=("shared",),
    folder="Shared",
)

REPLY = PromptContent(
    name="support-reply",
    title="Support reply",
    description="A first reply to a customer's message, in the house tone.",
    system="You are a friendly support agent for {{ company }}, an online shop.\n"
    "{% include 'tone' %}",
    body=(
        "Reply to {{ customer }}, addressing them by name. Say sorry for the problem and offer "
        "{{ remedy }}.{% if offer_callback %} Offer to call them back.{% endif %}\n\n"
        "Their message:\n{{ message }}"
    ),
    tags=("support", "email"),
    folder="Support",
    use_case="customer support",
    variables=(
        VariableSpec("company", VariableType.TEXT, default="Acme"),
        VariableSpec(
            "customer", VariableType.TEXT, default="Maria", description="the customer's name"
        ),
        VariableSpec(
            "message",
            VariableType.MULTILINE,
            default=(
                "Hello, I ordered a blue kettle last week (order 4471) but a red one arrived. "
                "Can I swap it?"
            ),
            description="what they wrote",
        ),
        VariableSpec(
            "remedy",
            VariableType.CHOICE,
            default="a free replacement",
            choices=("a free replacement", "a full refund", "a 10% discount"),
            description="what we offer to put it right",
        ),
        VariableSpec("offer_callback", VariableType.BOOLEAN, default=False),
    ),
)

# The second version of the reply: without it the model signs off with a made-up name or a
# "[Your Name]" placeholder. Last in the prompt, where the small model heeds it best.
REPLY_SIGN_OFF = "\n\nSign off as the {{ company }} support team."

SUMMARY = PromptContent(
    name="summarise",
    title="Key points of a text",
    description="The most important points of a text, for a given reader.",
    # The text first and the instruction after it: asked first, the model rewrites the text.
    body=(
        "Here is a text:\n\n{{ text }}\n\n"
        "List the {{ points }} most important points of this text for {{ audience }}, "
        "one bullet point each."
    ),
    tags=("writing",),
    folder="Writing",
    variables=(
        VariableSpec("audience", VariableType.TEXT, default="a busy manager"),
        VariableSpec("points", VariableType.INTEGER, default=3, minimum=1, maximum=12),
        VariableSpec(
            "text",
            VariableType.MULTILINE,
            default=(
                "The city council voted on Monday to close Main Street to cars on Saturdays "
                "from June to September. Shops along the street asked for the change after a "
                "trial last summer brought more visitors. Buses will take a detour along River "
                "Road, and two new bike racks will be added near the library. Residents can "
                "still drive to their homes before 9 am."
            ),
        ),
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
        library.edit(REPLY.name, lambda c: dataclasses.replace(c, body=c.body + REPLY_SIGN_OFF))
        version = library.commit(REPLY.name, "Sign off as the support team")
        library.set_label(REPLY.name, "production", version.id)
    return created
