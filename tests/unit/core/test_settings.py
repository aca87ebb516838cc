"""Setting declarations in ``app.core.settings``: every declared default is valid under its own
declaration, values are parsed the same way from command-line text and from Python values for
each kind (int, float, bool, str, choice), limits are enforced with errors that name the key,
type confusions (a bool for an int, 1.5 for an int, "maybe" for a bool) are refused, and an
unknown key points the user at ``promptdesk settings list``."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.settings import SETTINGS, Setting, SettingError, setting

INT = Setting("test.int", int, 5, "an int", minimum=1, maximum=10)
FLOAT = Setting("test.float", float, 1.5, "a float", minimum=0.5, maximum=4)
BOOL = Setting("test.bool", bool, False, "a bool")
TEXT = Setting("test.text", str, "hello", "free text")
CHOICE = Setting("test.choice", str, "b", "a choice", choices=("a", "b", "c"))
UNBOUNDED = Setting("test.unbounded", int, 0, "an int without limits")


# --- the declarations themselves -----------------------------------------------------------


@pytest.mark.parametrize("key", sorted(SETTINGS))
def test_every_default_parses_under_its_own_declaration(key: str) -> None:
    declared = SETTINGS[key]
    parsed = declared.parse(declared.default)
    assert parsed == declared.default
    assert type(parsed) is declared.kind


@pytest.mark.parametrize("key", sorted(SETTINGS))
def test_every_default_round_trips_through_its_text_form(key: str) -> None:
    declared = SETTINGS[key]
    parsed = declared.parse(str(declared.default))
    assert parsed == declared.default
    assert type(parsed) is declared.kind


@pytest.mark.parametrize("key", sorted(SETTINGS))
def test_declarations_are_consistent(key: str) -> None:
    declared = SETTINGS[key]
    assert declared.key == key
    assert declared.description.strip()
    assert declared.scope in ("device", "workspace")
    assert declared.kind in (int, float, bool, str)
    assert type(declared.default) is declared.kind
    if declared.choices:
        assert declared.kind is str
        assert declared.default in declared.choices
    if declared.minimum is not None and declared.maximum is not None:
        assert declared.minimum <= declared.maximum


def test_setting_looks_up_declarations() -> None:
    for key, declared in SETTINGS.items():
        assert setting(key) is declared


@pytest.mark.parametrize("key", ["context.nope", "", "CONTEXT.EMBEDDER", "ui"])
def test_an_unknown_key_points_at_the_settings_list(key: str) -> None:
    with pytest.raises(SettingError, match="promptdesk settings list") as raised:
        setting(key)
    assert f"'{key}'" in str(raised.value)


def test_setting_error_is_a_value_error() -> None:
    assert issubclass(SettingError, ValueError)


# --- int -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("7", 7), (" 7 ", 7), ("10", 10), ("1", 1), (7, 7), (3.0, 3), ("+4", 4)],
)
def test_int_parses_text_and_python_values(value: object, expected: int) -> None:
    parsed = INT.parse(value)
    assert parsed == expected
    assert type(parsed) is int


@pytest.mark.parametrize("value", [1.5, "1.5", True, False, "abc", "", None, [3], "1e3", "seven"])
def test_int_rejects_what_is_not_a_whole_number(value: object) -> None:
    with pytest.raises(SettingError, match=r"^test\.int: expected int") as raised:
        INT.parse(value)
    assert repr(value) in str(raised.value)


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_unbounded_int_accepts_any_integer_as_text_or_value(number: int) -> None:
    assert UNBOUNDED.parse(number) == number
    assert UNBOUNDED.parse(str(number)) == number


# --- float ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2.5", 2.5), (" 2.5 ", 2.5), ("2", 2.0), (2, 2.0), (2.5, 2.5), ("0.5", 0.5), ("4", 4.0)],
)
def test_float_parses_text_and_python_values(value: object, expected: float) -> None:
    parsed = FLOAT.parse(value)
    assert parsed == expected
    assert type(parsed) is float


@pytest.mark.parametrize("value", [True, False, "abc", "", None, [1.0], "1,5"])
def test_float_rejects_what_is_not_a_number(value: object) -> None:
    with pytest.raises(SettingError, match=r"^test\.float: expected float"):
        FLOAT.parse(value)


@pytest.mark.parametrize("value", ["inf", "-inf", math.inf])
def test_float_infinities_are_refused(value: object) -> None:
    with pytest.raises(SettingError, match=r"^test\.float: expected float"):
        FLOAT.parse(value)


@pytest.mark.parametrize(
    ("declared", "value"),
    [
        (FLOAT, "nan"),
        (FLOAT, math.nan),
        (setting("context.max_file_mb"), "nan"),
        (setting("context.poll_seconds"), "NaN"),
    ],
)
def test_float_nan_is_refused_by_a_bounded_setting(declared: Setting, value: object) -> None:
    with pytest.raises(SettingError, match=rf"^{declared.key.replace('.', '[.]')}: "):
        declared.parse(value)


# --- bool ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, True),
        (False, False),
        ("true", True),
        ("TRUE", True),
        (" yes ", True),
        ("on", True),
        ("1", True),
        ("false", False),
        ("False", False),
        ("no", False),
        ("OFF", False),
        ("0", False),
    ],
)
def test_bool_parses_words_and_booleans(value: object, expected: bool) -> None:
    parsed = BOOL.parse(value)
    assert parsed is expected


@pytest.mark.parametrize("value", ["maybe", "", "y", "2", 1, 0, None, 1.0])
def test_bool_rejects_anything_else(value: object) -> None:
    with pytest.raises(SettingError, match=r"^test\.bool: expected bool") as raised:
        BOOL.parse(value)
    assert repr(value) in str(raised.value)


# --- str and choices -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("world", "world"), ("  padded\t", "padded"), ("local:model", "local:model")],
)
def test_text_is_stripped(value: str, expected: str) -> None:
    assert TEXT.parse(value) == expected


@pytest.mark.parametrize("value", [5, 1.5, True, None, b"bytes", ["a"]])
def test_text_rejects_non_strings(value: object) -> None:
    with pytest.raises(SettingError, match=r"^test\.text: expected str"):
        TEXT.parse(value)


@pytest.mark.parametrize(("value", "expected"), [("a", "a"), (" c ", "c"), ("b", "b")])
def test_choice_accepts_its_choices(value: str, expected: str) -> None:
    assert CHOICE.parse(value) == expected


@pytest.mark.parametrize("value", ["d", "A", "", "a b"])
def test_choice_refuses_others_and_lists_the_choices(value: str) -> None:
    with pytest.raises(SettingError) as raised:
        CHOICE.parse(value)
    assert str(raised.value) == "test.choice: choose one of a, b, c"


def test_declared_theme_is_a_choice() -> None:
    theme = setting("ui.theme")
    assert theme.parse("dark") == "dark"
    with pytest.raises(SettingError, match=r"^ui\.theme: choose one of system, light, dark$"):
        theme.parse("purple")


# --- bounds --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("declared", "value", "message"),
    [
        (INT, 0, "test.int: at least 1, got 0"),
        (INT, "-3", "test.int: at least 1, got -3"),
        (INT, 11, "test.int: at most 10, got 11"),
        (INT, "11", "test.int: at most 10, got 11"),
        (FLOAT, "0.25", "test.float: at least 0.5, got 0.25"),
        (FLOAT, 4.5, "test.float: at most 4, got 4.5"),
    ],
)
def test_bounds_are_enforced_with_the_key_named(
    declared: Setting, value: object, message: str
) -> None:
    with pytest.raises(SettingError) as raised:
        declared.parse(value)
    assert str(raised.value) == message


@pytest.mark.parametrize("key", sorted(k for k, s in SETTINGS.items() if s.minimum is not None))
def test_every_declared_minimum_is_inclusive_and_enforced(key: str) -> None:
    declared = SETTINGS[key]
    assert declared.minimum is not None
    assert declared.parse(declared.kind(declared.minimum)) == declared.minimum
    below = declared.minimum - 1 if declared.kind is int else declared.minimum / 2
    with pytest.raises(SettingError, match=rf"^{key.replace('.', '[.]')}: at least "):
        declared.parse(below)
    with pytest.raises(SettingError, match=key.replace(".", "[.]")):
        declared.parse(str(below))


@pytest.mark.parametrize("key", sorted(k for k, s in SETTINGS.items() if s.maximum is not None))
def test_every_declared_maximum_is_inclusive_and_enforced(key: str) -> None:
    declared = SETTINGS[key]
    assert declared.maximum is not None
    assert declared.parse(declared.kind(declared.maximum)) == declared.maximum
    above = declared.maximum + 1
    with pytest.raises(SettingError, match=rf"^{key.replace('.', '[.]')}: at most "):
        declared.parse(above)
    with pytest.raises(SettingError, match=key.replace(".", "[.]")):
        declared.parse(str(above))


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("context.chunk_tokens", "31"),
        ("context.chunk_tokens", "513"),
        ("context.overlap_tokens", "-1"),
        ("context.max_file_mb", "0.001"),
        ("context.poll_seconds", "0.1"),
        ("context.ann_min_chunks", "999"),
        ("runs.threads", "513"),
    ],
)
def test_declared_bounds_from_text(key: str, value: str) -> None:
    with pytest.raises(SettingError) as raised:
        setting(key).parse(value)
    assert str(raised.value).startswith(f"{key}: ")


@given(st.integers(min_value=-1000, max_value=1000))
def test_int_bounds_match_the_declared_range(number: int) -> None:
    if 1 <= number <= 10:
        assert INT.parse(str(number)) == number
    else:
        with pytest.raises(SettingError, match=r"^test\.int: at (least|most) "):
            INT.parse(str(number))


@given(st.floats(min_value=-10, max_value=10, allow_nan=False))
def test_float_bounds_match_the_declared_range(number: float) -> None:
    if 0.5 <= number <= 4:
        assert FLOAT.parse(number) == number
        assert FLOAT.parse(repr(number)) == number
    else:
        with pytest.raises(SettingError, match=r"^test\.float: at (least|most) "):
            FLOAT.parse(number)
