"""Setting values in a real encrypted store (``app.storage.settings.Settings``): unset keys read
as their declared defaults, set values come back with their type (int stays int, float stays
float), a bad value is refused before anything is written, ``reset`` returns to the default,
``all`` lists every declared key, values survive closing and reopening the store, and a stored
value that no longer parses (written by an older version, or damaged) falls back to the default
instead of failing."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from app.core.settings import SETTINGS, SettingError
from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.settings import Settings
from app.storage.store import Store

# A valid value for every declared key that differs from its default.
NON_DEFAULT: dict[str, object] = {
    "context.embedder": "local:other-model",
    "context.chunk_tokens": 256,
    "context.overlap_tokens": 0,
    "context.max_file_mb": 2.5,
    "context.debounce_ms": 1200,
    "context.poll_seconds": 0.5,
    "context.ann_min_chunks": 5_000,
    "runs.threads": 8,
    "ui.theme": "dark",
    "ui.language": "de",
    "ui.lock_after_minutes": 15,
    "ui.window_state": '{"geometry": "AdnQywAD"}',
    "ui.open_tabs": '["summarise"]',
    "ui.variable_values": '{"summarise": {"text": "A long text."}}',
}


@pytest.fixture
def store(paths: StorePaths) -> Iterator[Store]:
    with Store.create(paths, KeyMode.INSECURE_FILE) as opened:
        yield opened


@pytest.fixture
def settings(store: Store) -> Settings:
    return Settings(store)


def _write_raw(store: Store, key: str, raw: str) -> None:
    with store.write() as conn:
        conn.execute(
            text(
                "INSERT INTO setting (key, value, updated_at) VALUES (:k, :v, :t) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
            ),
            {"k": key, "v": raw, "t": "2020-01-01T00:00:00+00:00"},
        )


def _stored(store: Store) -> dict[str, str]:
    with store.read() as conn:
        return dict(conn.execute(text("SELECT key, value FROM setting")).all())


def test_the_table_of_non_defaults_covers_every_declared_setting() -> None:
    assert set(NON_DEFAULT) == set(SETTINGS)
    for key, value in NON_DEFAULT.items():
        assert SETTINGS[key].parse(value) != SETTINGS[key].default


@pytest.mark.parametrize("key", sorted(SETTINGS))
def test_an_unset_key_reads_as_its_default(settings: Settings, key: str) -> None:
    value = settings.get(key)
    assert value == SETTINGS[key].default
    assert type(value) is SETTINGS[key].kind


def test_a_new_store_has_no_stored_values(store: Store) -> None:
    assert _stored(store) == {}


@pytest.mark.parametrize("key", sorted(SETTINGS))
def test_set_then_get_round_trips_the_typed_value(settings: Settings, key: str) -> None:
    value = NON_DEFAULT[key]
    returned = settings.set(key, value)
    assert returned == value
    got = settings.get(key)
    assert got == value
    assert type(got) is SETTINGS[key].kind


@pytest.mark.parametrize(
    ("key", "given", "expected"),
    [
        ("context.chunk_tokens", "300", 300),
        ("context.chunk_tokens", 300.0, 300),
        ("context.max_file_mb", "7", 7.0),
        ("context.max_file_mb", 7, 7.0),
        ("context.poll_seconds", " 1.25 ", 1.25),
        ("ui.theme", " light ", "light"),
        ("context.embedder", "  local:padded  ", "local:padded"),
    ],
)
def test_set_parses_text_and_stores_the_declared_type(
    settings: Settings, store: Store, key: str, given: object, expected: object
) -> None:
    assert settings.set(key, given) == expected
    got = settings.get(key)
    assert got == expected
    assert type(got) is type(expected)
    assert json.loads(_stored(store)[key]) == expected


def test_typed_getters(settings: Settings) -> None:
    settings.set("context.chunk_tokens", "128")
    settings.set("context.max_file_mb", "3")
    settings.set("context.embedder", "remote:x")
    assert settings.get_int("context.chunk_tokens") == 128
    assert type(settings.get_int("context.chunk_tokens")) is int
    assert settings.get_float("context.max_file_mb") == 3.0
    assert type(settings.get_float("context.max_file_mb")) is float
    assert settings.get_str("context.embedder") == "remote:x"
    assert settings.get_float("context.poll_seconds") == 2.0  # unset: the default


def test_set_overwrites_the_previous_value(settings: Settings, store: Store) -> None:
    settings.set("runs.threads", 4)
    settings.set("runs.threads", 6)
    assert settings.get("runs.threads") == 6
    assert _stored(store) == {"runs.threads": "6"}


@pytest.mark.parametrize(
    ("key", "bad"),
    [
        ("context.chunk_tokens", "abc"),
        ("context.chunk_tokens", 1.5),
        ("context.chunk_tokens", True),
        ("context.chunk_tokens", 31),
        ("context.chunk_tokens", "10000"),
        ("context.max_file_mb", "lots"),
        ("context.max_file_mb", 0),
        ("ui.theme", "purple"),
        ("context.embedder", 42),
    ],
)
def test_a_bad_value_is_refused_and_changes_nothing(
    settings: Settings, store: Store, key: str, bad: object
) -> None:
    settings.set(key, NON_DEFAULT[key])
    before = _stored(store)
    with pytest.raises(SettingError, match=rf"^{key.replace('.', '[.]')}: "):
        settings.set(key, bad)
    assert _stored(store) == before
    assert settings.get(key) == NON_DEFAULT[key]


def test_a_bad_value_for_an_unset_key_stores_nothing(settings: Settings, store: Store) -> None:
    with pytest.raises(SettingError):
        settings.set("runs.threads", -1)
    assert _stored(store) == {}
    assert settings.get("runs.threads") == 0


@pytest.mark.parametrize("method", ["get", "reset", "get_int"])
def test_unknown_keys_are_refused(settings: Settings, method: str) -> None:
    with pytest.raises(SettingError, match="promptdesk settings list"):
        getattr(settings, method)("no.such.key")


def test_set_of_an_unknown_key_is_refused_and_stores_nothing(
    settings: Settings, store: Store
) -> None:
    with pytest.raises(SettingError, match="promptdesk settings list"):
        settings.set("no.such.key", "1")
    assert _stored(store) == {}


def test_reset_returns_to_the_default(settings: Settings, store: Store) -> None:
    settings.set("context.debounce_ms", 900)
    settings.set("ui.theme", "light")
    assert settings.reset("context.debounce_ms") == 500
    assert settings.get("context.debounce_ms") == 500
    assert _stored(store) == {"ui.theme": '"light"'}  # the other value is untouched


def test_reset_of_an_unset_key_is_harmless(settings: Settings) -> None:
    assert settings.reset("ui.theme") == "system"
    assert settings.get("ui.theme") == "system"


def test_all_lists_every_declared_key_with_defaults(settings: Settings) -> None:
    values = settings.all()
    assert list(values) == list(SETTINGS)
    assert values == {key: declared.default for key, declared in SETTINGS.items()}


def test_all_shows_stored_values_and_defaults_together(settings: Settings) -> None:
    settings.set("context.chunk_tokens", 64)
    settings.set("ui.theme", "dark")
    values = settings.all()
    assert set(values) == set(SETTINGS)
    assert values["context.chunk_tokens"] == 64
    assert values["ui.theme"] == "dark"
    assert values["runs.threads"] == 0
    for key in values:
        assert values[key] == settings.get(key)
        assert type(values[key]) is SETTINGS[key].kind


def test_all_ignores_stored_keys_that_are_no_longer_declared(
    settings: Settings, store: Store
) -> None:
    _write_raw(store, "context.retired_setting", "123")
    values = settings.all()
    assert "context.retired_setting" not in values
    assert set(values) == set(SETTINGS)


def test_values_survive_closing_and_reopening_the_store(paths: StorePaths) -> None:
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        settings = Settings(store)
        for key, value in NON_DEFAULT.items():
            settings.set(key, value)
        settings.reset("runs.threads")
    with Store.open(paths) as store:
        settings = Settings(store)
        for key, value in NON_DEFAULT.items():
            expected = SETTINGS[key].default if key == "runs.threads" else value
            got = settings.get(key)
            assert got == expected
            assert type(got) is SETTINGS[key].kind
        assert settings.all() == {
            key: SETTINGS[key].default if key == "runs.threads" else value
            for key, value in NON_DEFAULT.items()
        }


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("context.chunk_tokens", '"two hundred"'),  # wrong type
        ("context.chunk_tokens", "1000"),  # out of today's bounds
        ("context.chunk_tokens", "12.5"),  # not whole
        ("context.chunk_tokens", "true"),  # a JSON bool for an int
        ("context.chunk_tokens", "null"),
        ("context.chunk_tokens", "[200]"),
        ("context.chunk_tokens", "not json at all"),
        ("context.max_file_mb", '{"mb": 5}'),
        ("context.max_file_mb", "1e400"),  # infinity
        ("ui.theme", '"sepia"'),  # a choice that no longer exists
        ("ui.theme", "3"),
        ("context.embedder", ""),  # not even JSON
    ],
)
def test_a_stored_value_that_no_longer_parses_falls_back_to_the_default(
    settings: Settings, store: Store, key: str, raw: str
) -> None:
    _write_raw(store, key, raw)
    default = SETTINGS[key].default
    assert settings.get(key) == default
    assert type(settings.get(key)) is SETTINGS[key].kind
    assert settings.all()[key] == default
    # and the other settings still read normally
    settings.set("runs.threads", 3)
    assert settings.all()["runs.threads"] == 3


def test_a_value_fixed_after_falling_back_is_read_again(settings: Settings, store: Store) -> None:
    _write_raw(store, "context.overlap_tokens", '"garbage"')
    assert settings.get("context.overlap_tokens") == 24
    assert settings.set("context.overlap_tokens", "12") == 12
    assert settings.get("context.overlap_tokens") == 12


def test_a_raw_value_that_still_parses_is_read(settings: Settings, store: Store) -> None:
    _write_raw(store, "context.debounce_ms", "750.0")  # a whole float is still an int
    assert settings.get("context.debounce_ms") == 750
    assert type(settings.get("context.debounce_ms")) is int


def test_setting_a_value_equal_to_its_default_stores_nothing(
    settings: Settings, store: Store
) -> None:
    settings.set("ui.theme", "system")
    assert _stored(store) == {}
