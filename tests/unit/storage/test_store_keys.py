"""Every way a store's key is kept and got back (issue 2, A5), with the files-unchanged check.

Each failing unlock hashes the database, -wal and -shm before and after: a wrong or missing key
must leave them byte-identical. The database is written to before the failures so that there
is something to lose.
"""

from __future__ import annotations

import json
import shutil

import keyring
import keyring.core
import pytest
from sqlalchemy import text

from app.storage import keychain
from app.storage.errors import (
    KeychainEntryMissing,
    KeychainTimeout,
    KeychainUnavailable,
    KeyFileDamaged,
    KeyFileMissing,
    PassphraseRequired,
    RecoveryKeyMismatch,
    StoreAlreadyExists,
    StoreNotFound,
    WeakPassphrase,
    WrongKey,
    WrongPassphrase,
)
from app.storage.key_file import KeyMode
from app.storage.key_wrapping import new_raw_key
from app.storage.paths import StorePaths
from app.storage.recovery_key import encode_recovery_key
from app.storage.store import Store
from tests.conftest import PASSPHRASE
from tests.support.files import snapshot


def _write_note(store: Store, body: str) -> None:
    with store.write() as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS note (body TEXT NOT NULL)")
        conn.execute(text("INSERT INTO note (body) VALUES (:body)"), {"body": body})


def _notes(store: Store) -> list[str]:
    with store.read() as conn:
        return list(conn.execute(text("SELECT body FROM note ORDER BY rowid")).scalars())


def _unchanged_after(paths: StorePaths, error: type[Exception], call: object) -> Exception:
    before = snapshot(paths)
    with pytest.raises(error) as caught:
        call()  # type: ignore[operator]
    assert snapshot(paths) == before
    return caught.value


# --- keychain ----------------------------------------------------------------------------


@pytest.mark.usefixtures("file_keychain")
def test_keychain_store_opens_with_the_key_from_the_keychain(paths: StorePaths) -> None:
    with Store.create(paths, KeyMode.KEYCHAIN) as store:
        _write_note(store, "kept in the keychain")
    key_file = json.loads(paths.key_file.read_text())
    assert key_file["mode"] == "keychain"
    assert "wrapped_key" not in key_file
    assert "plain_key" not in key_file
    assert keyring.get_password(keychain.SERVICE, key_file["keychain"]["account"])

    with Store.open(paths) as store:
        assert _notes(store) == ["kept in the keychain"]
        assert store.key_mode is KeyMode.KEYCHAIN


@pytest.mark.usefixtures("file_keychain")
def test_missing_keychain_entry_is_named_and_changes_nothing(paths: StorePaths) -> None:
    with Store.create(paths, KeyMode.KEYCHAIN) as store:
        _write_note(store, "soon locked out")
    account = json.loads(paths.key_file.read_text())["keychain"]["account"]
    keyring.delete_password(keychain.SERVICE, account)

    error = _unchanged_after(paths, KeychainEntryMissing, lambda: Store.open(paths))
    assert "promptdesk key recover" in error.hint
    assert paths.database.exists()


@pytest.mark.usefixtures("file_keychain")
def test_keychain_entry_of_another_store_is_a_wrong_key(paths: StorePaths) -> None:
    with Store.create(paths, KeyMode.KEYCHAIN) as store:
        _write_note(store, "mine")
    account = json.loads(paths.key_file.read_text())["keychain"]["account"]
    keyring.set_password(keychain.SERVICE, account, new_raw_key().hex())

    _unchanged_after(paths, WrongKey, lambda: Store.open(paths))


def test_keychain_that_never_answers_times_out(
    paths: StorePaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.support.keyrings.HangingKeyring")
    monkeypatch.setenv("PROMPTDESK_KEYRING_TIMEOUT", "0.5")
    keyring.core.init_backend()

    with pytest.raises(KeychainTimeout) as caught:
        Store.create(paths, KeyMode.KEYCHAIN)
    assert "0.5 seconds" in caught.value.message
    # Nothing half-made: the claimed database file and the key file are gone again.
    assert not paths.database.exists()
    assert not paths.key_file.exists()


# --- no keychain -------------------------------------------------------------------------


def test_no_keychain_here_refuses_keychain_mode_and_writes_nothing(paths: StorePaths) -> None:
    # The autouse fixture gives keyring's `fail` backend: what these machines have.
    assert not keychain.keychain_status().available
    with pytest.raises(KeychainUnavailable) as caught:
        Store.create(paths, KeyMode.KEYCHAIN)
    assert "--passphrase" in caught.value.hint
    assert not paths.database.exists()
    assert not paths.key_file.exists()


def test_plaintext_keyring_is_not_taken_for_a_keychain_unless_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # keyrings.alt is installed for tests; keyring would pick it when nothing better exists.
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    keyring.core.init_backend()
    status = keychain.keychain_status()
    if "keyrings.alt" in status.backend:
        assert not status.available
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    keyring.core.init_backend()
    assert keychain.keychain_status().available


def test_keychain_store_on_a_machine_without_keychain_is_a_clear_error(
    paths: StorePaths, file_keychain: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.create(paths, KeyMode.KEYCHAIN) as store:
        _write_note(store, "made where a keychain worked")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.core.init_backend()

    error = _unchanged_after(paths, KeychainUnavailable, lambda: Store.open(paths))
    assert "recover" in error.hint


# --- passphrase --------------------------------------------------------------------------


def test_passphrase_store_round_trip(paths: StorePaths) -> None:
    with Store.create(paths, KeyMode.PASSPHRASE, PASSPHRASE) as store:
        _write_note(store, "behind a passphrase")
    wrapped = json.loads(paths.key_file.read_text())["wrapped_key"]
    assert wrapped["kdf"] == "argon2id"
    assert wrapped["memory_kib"] >= 64 * 1024
    assert wrapped["time_cost"] >= 3

    with Store.open(paths, lambda: PASSPHRASE) as store:
        assert _notes(store) == ["behind a passphrase"]


def test_wrong_passphrase_changes_nothing(passphrase_store: Store, paths: StorePaths) -> None:
    _write_note(passphrase_store, "precious")
    passphrase_store.close()
    _unchanged_after(paths, WrongPassphrase, lambda: Store.open(paths, lambda: "not it at all"))
    with Store.open(paths, lambda: PASSPHRASE) as store:
        assert _notes(store) == ["precious"]


def test_wrong_passphrase_while_a_wal_is_pending_changes_nothing(
    passphrase_store: Store, paths: StorePaths
) -> None:
    _write_note(passphrase_store, "still in the WAL")
    # The store stays open, so the WAL and shared-memory files hold uncheckpointed pages.
    assert paths.wal.exists()
    assert paths.wal.stat().st_size > 0
    _unchanged_after(paths, WrongPassphrase, lambda: Store.open(paths, lambda: "nope nope nope"))


def test_missing_passphrase_is_asked_for(passphrase_store: Store, paths: StorePaths) -> None:
    passphrase_store.close()
    _unchanged_after(paths, PassphraseRequired, lambda: Store.open(paths))


def test_short_passphrase_is_refused_before_anything_is_written(paths: StorePaths) -> None:
    with pytest.raises(WeakPassphrase):
        Store.create(paths, KeyMode.PASSPHRASE, "short")
    assert not paths.database.exists()
    assert not paths.key_file.exists()


def test_change_passphrase_is_verified_and_the_old_one_stops_working(
    passphrase_store: Store, paths: StorePaths
) -> None:
    _write_note(passphrase_store, "rekeyed")
    passphrase_store.change_passphrase("a brand new passphrase")
    passphrase_store.close()

    _unchanged_after(paths, WrongPassphrase, lambda: Store.open(paths, lambda: PASSPHRASE))
    with Store.open(paths, lambda: "a brand new passphrase") as store:
        assert _notes(store) == ["rekeyed"]


# --- plain key file (opt-in) -------------------------------------------------------------


def test_insecure_key_file_opens_without_asking(paths: StorePaths) -> None:
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        _write_note(store, "plain key")
    assert "plain_key" in json.loads(paths.key_file.read_text())
    with Store.open(paths) as store:
        assert _notes(store) == ["plain key"]


# --- recovery key ------------------------------------------------------------------------


def test_recovery_key_unlocks_the_store_on_another_machine(
    passphrase_store: Store, paths: StorePaths, tmp_path: object
) -> None:
    _write_note(passphrase_store, "moved to a new laptop")
    recovery = passphrase_store.recovery_key()
    passphrase_store.close()

    # The other machine has the database file and nothing else: no key file, no keychain.
    other = StorePaths(paths.data_dir.parent / "other-machine")
    other.data_dir.mkdir()
    shutil.copy2(paths.database, other.database)
    _unchanged_after(other, KeyFileMissing, lambda: Store.open(other))

    with Store.recover(other, recovery, KeyMode.PASSPHRASE, "the new laptop's passphrase"):
        pass
    with Store.open(other, lambda: "the new laptop's passphrase") as store:
        assert _notes(store) == ["moved to a new laptop"]
        assert store.store_id == passphrase_store.store_id


def test_recovery_key_of_another_store_is_refused(
    passphrase_store: Store, paths: StorePaths
) -> None:
    _write_note(passphrase_store, "not yours")
    passphrase_store.close()
    stranger = encode_recovery_key(new_raw_key())

    _unchanged_after(
        paths,
        RecoveryKeyMismatch,
        lambda: Store.recover(paths, stranger, KeyMode.PASSPHRASE, "whatever passphrase"),
    )
    # Without a key file to compare against, the database itself refuses the key.
    paths.key_file.unlink()
    _unchanged_after(
        paths,
        RecoveryKeyMismatch,
        lambda: Store.recover(paths, stranger, KeyMode.PASSPHRASE, "whatever passphrase"),
    )


def test_recover_after_forgotten_passphrase_keeps_the_old_key_file(
    passphrase_store: Store, paths: StorePaths
) -> None:
    _write_note(passphrase_store, "forgotten")
    recovery = passphrase_store.recovery_key()
    passphrase_store.close()

    with Store.recover(paths, recovery, KeyMode.INSECURE_FILE) as store:
        assert _notes(store) == ["forgotten"]
    backups = list(paths.data_dir.glob("promptdesk.keys.json.*.bak"))
    assert len(backups) == 1


# --- missing pieces ----------------------------------------------------------------------


def test_missing_key_file_never_recreates_the_database(
    passphrase_store: Store, paths: StorePaths
) -> None:
    _write_note(passphrase_store, "keep me")
    passphrase_store.close()
    paths.key_file.unlink()

    error = _unchanged_after(paths, KeyFileMissing, lambda: Store.open(paths, lambda: PASSPHRASE))
    assert "recover" in error.hint
    # And creating a store over it is refused too.
    _unchanged_after(
        paths, StoreAlreadyExists, lambda: Store.create(paths, KeyMode.PASSPHRASE, PASSPHRASE)
    )


def test_damaged_key_file_is_reported(passphrase_store: Store, paths: StorePaths) -> None:
    passphrase_store.close()
    paths.key_file.write_text("{ this is not json")
    _unchanged_after(paths, KeyFileDamaged, lambda: Store.open(paths, lambda: PASSPHRASE))


def test_missing_database_with_a_key_file_is_not_recreated(
    passphrase_store: Store, paths: StorePaths
) -> None:
    passphrase_store.close()
    paths.database.unlink()
    with pytest.raises(StoreNotFound):
        Store.open(paths, lambda: PASSPHRASE)
    assert not paths.database.exists()


def test_no_store_at_all(paths: StorePaths) -> None:
    with pytest.raises(StoreNotFound) as caught:
        Store.open(paths)
    assert "promptdesk init" in caught.value.hint
    assert not paths.data_dir.exists()
