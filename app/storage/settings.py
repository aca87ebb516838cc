"""Setting values in the encrypted store, read and written through their declarations.

``Settings(store).get("context.embedder")`` gives the stored value or the declared default;
``set`` checks the value against the declaration (``app.core.settings``) before anything is
written, so a bad value changes nothing. Only values that differ from a default are stored;
``reset`` goes back to the default.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import text

from app.core.settings import SETTINGS, SettingValue, setting
from app.storage.store import Store


class Settings:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str) -> SettingValue:
        declared = setting(key)
        with self.store.read() as conn:
            raw = conn.execute(
                text("SELECT value FROM setting WHERE key = :k"), {"k": key}
            ).scalar()
        if raw is None:
            return declared.default
        try:
            return declared.parse(json.loads(raw))
        except ValueError:  # a value an older version allowed: fall back rather than fail
            return declared.default

    def get_int(self, key: str) -> int:
        return int(self.get(key))

    def get_float(self, key: str) -> float:
        return float(self.get(key))

    def get_str(self, key: str) -> str:
        return str(self.get(key))

    def all(self) -> dict[str, SettingValue]:
        with self.store.read() as conn:
            stored: dict[str, str] = dict(
                conn.execute(text("SELECT key, value FROM setting")).all()
            )
        values: dict[str, SettingValue] = {}
        for key, declared in SETTINGS.items():
            try:
                values[key] = (
                    declared.parse(json.loads(stored[key])) if key in stored else declared.default
                )
            except ValueError:
                values[key] = declared.default
        return values

    def set(self, key: str, value: object) -> SettingValue:
        declared = setting(key)
        parsed = declared.parse(value)
        if parsed == declared.default:  # a default is not pinned: a new release may change it
            return self.reset(key)
        with self.store.write() as conn:
            conn.execute(
                text(
                    "INSERT INTO setting (key, value, updated_at) VALUES (:k, :v, :t) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                    "updated_at = excluded.updated_at"
                ),
                {"k": key, "v": json.dumps(parsed), "t": _now()},
            )
        return parsed

    def reset(self, key: str) -> SettingValue:
        declared = setting(key)
        with self.store.write() as conn:
            conn.execute(text("DELETE FROM setting WHERE key = :k"), {"k": key})
        return declared.default


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
