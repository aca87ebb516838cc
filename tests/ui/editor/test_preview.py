"""The preview renders off the UI thread, counts tokens, and says clearly why a render failed."""

from __future__ import annotations

import math
from typing import Any

from pytestqt.qtbot import QtBot

from app.core.prompt import ModelSettings, PromptContent
from app.core.variables import VariableSpec, VariableType
from app.ui.editor.preview import PromptPreview

GREETING = PromptContent(
    name="greeting",
    system="You are {{ role }}.",
    body="Say hello to {{ who }}.",
    variables=(VariableSpec("role", default="kind"), VariableSpec("who")),
)


def _preview(qtbot: QtBot, workbench: Any) -> PromptPreview:
    preview = PromptPreview(workbench)
    qtbot.addWidget(preview)
    preview.show()
    return preview


def test_renders_system_and_user_with_a_token_count(qtbot: QtBot, workbench: Any) -> None:
    preview = _preview(qtbot, workbench)
    with qtbot.waitSignal(preview.rendered):
        preview.request_render(GREETING, {"who": "Ada"})
    assert preview.system_text() == "You are kind."
    assert preview.user_text() == "Say hello to Ada."
    tokens = math.ceil(len("You are kind.\n\nSay hello to Ada.") / 4)
    assert preview.token_text() == f"{tokens} tokens (estimate)"
    assert "estimate" in preview.tokens.toolTip()
    assert preview.error_text() == ""


def test_a_missing_required_variable_is_named(qtbot: QtBot, workbench: Any) -> None:
    preview = _preview(qtbot, workbench)
    with qtbot.waitSignal(preview.render_failed):
        preview.request_render(GREETING, {})
    message = preview.error_text()
    assert message.startswith("The prompt cannot be rendered")
    assert "'who'" in message
    assert "required" in message
    assert preview.error.isVisible()
    assert preview.token_text() == ""


def test_a_template_error_shows_and_the_last_render_stays_greyed(
    qtbot: QtBot, workbench: Any
) -> None:
    preview = _preview(qtbot, workbench)
    with qtbot.waitSignal(preview.rendered):
        preview.request_render(GREETING, {"who": "Ada"})
    broken = PromptContent(name="greeting", body="Say {{ hello")
    with qtbot.waitSignal(preview.render_failed):
        preview.request_render(broken, {})
    assert "line 1" in preview.error_text()
    assert preview.user_text() == "Say hello to Ada."
    assert not preview.view.isEnabled()


def test_fast_requests_show_only_the_latest(qtbot: QtBot, workbench: Any) -> None:
    preview = _preview(qtbot, workbench)
    for who in ("A", "Ad", "Ada"):
        preview.request_render(GREETING, {"who": who})
        preview.render_now()  # no debounce: three renders race, the newest one wins
    qtbot.waitUntil(lambda: preview.user_text() == "Say hello to Ada.")


def test_includes_come_from_the_library(qtbot: QtBot, workbench: Any) -> None:
    workbench.library.create(PromptContent(name="footer", body="-- {{ team }}"))
    content = PromptContent(
        name="letter",
        body='Hi.\n{% include "footer" %}',
        variables=(VariableSpec("team"),),
        settings=ModelSettings(model="gpt-4o"),
    )
    preview = _preview(qtbot, workbench)
    with qtbot.waitSignal(preview.rendered):
        preview.request_render(content, {"team": "Support"})
    assert preview.user_text() == "Hi.\n-- Support"


def test_values_of_every_type_render(qtbot: QtBot, workbench: Any) -> None:
    content = PromptContent(
        name="typed",
        body="{{ n + 1 }} {{ 'yes' if flag else 'no' }} {{ tags | join('/') }} {{ data.k }}",
        variables=(
            VariableSpec("n", VariableType.INTEGER),
            VariableSpec("flag", VariableType.BOOLEAN),
            VariableSpec("tags", VariableType.MULTI_CHOICE, choices=("a", "b")),
            VariableSpec("data", VariableType.JSON),
        ),
    )
    preview = _preview(qtbot, workbench)
    with qtbot.waitSignal(preview.rendered):
        preview.request_render(
            content, {"n": 1, "flag": True, "tags": ["a", "b"], "data": {"k": 3}}
        )
    assert preview.user_text() == "2 yes a/b 3"
