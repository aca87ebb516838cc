"""The desktop app shows errors in its own words: no command-line flags, no commands to type
(except where the app has no equivalent yet, which is named here)."""

from __future__ import annotations

import re

import pytest

import app.storage.errors as store_errors
import app.storage.library.errors as library_errors
from app.ui.errors import describe

FLAG = re.compile(r"(?<!\w)--\w")
# Converting a SQLCipher 3 store is done at a command line only, for now.
CLI_ONLY = {"OldCipherFormat"}


def every(module: object, base: type) -> list[type]:
    return [
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, base)
    ]


class Anything(dict[str, object]):
    """Fills any detail a message template asks for."""

    def __missing__(self, key: str) -> object:
        return 3 if key in ("seconds", "minimum") else f"<{key}>"


@pytest.mark.parametrize(
    "kind", every(store_errors, store_errors.StoreError), ids=lambda k: k.__name__
)
def test_store_errors_in_the_app(kind: type[store_errors.StoreError]) -> None:
    details = Anything()
    names = re.findall(
        r"{(\w+)", kind.message_template + kind.hint_template + (kind.app_hint_template or "")
    )
    error = kind(**{name: details[name] for name in names})
    text = describe(error)
    assert not FLAG.search(text), text
    if kind.__name__ not in CLI_ONLY:
        assert "promptdesk " not in text, text


def test_library_errors_keep_command_line_advice_for_the_command_line() -> None:
    protected = library_errors.LabelProtected("greet", "production")
    assert "--force" in str(protected)  # what the CLI prints
    assert describe(protected) == "Label 'production' of 'greet' is protected."
    missing = library_errors.PromptNotFound("greet")
    assert "promptdesk prompt list" in str(missing)
    assert describe(missing) == "No prompt named 'greet'."
