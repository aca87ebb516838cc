"""Everything that can go wrong when creating, unlocking or opening the encrypted store.

Each error names what happened (``message``) and what the user can do about it (``hint``),
and carries a stable ``code`` so that the GUI can show its own translated text for it and
scripts can branch on it. The texts never contain user content: paths of the store itself
are fine, prompt text or keys are not. Whenever one of these is raised while opening, the
store's files have not been touched (tests hash them before and after).
"""

from __future__ import annotations

from typing import ClassVar


class StoreError(Exception):
    """Base class: a problem with the store that the user can understand and act on."""

    code: ClassVar[str] = "store-error"
    message_template: ClassVar[str] = "The Promptdesk store could not be used."
    hint_template: ClassVar[str] = ""
    # The hint in the desktop app, where a command to type would be no help; None: the same.
    app_hint_template: ClassVar[str | None] = None
    exit_code: ClassVar[int] = 1

    def __init__(self, **details: object) -> None:
        self.details = details
        self.message = self.message_template.format(**details)
        self.hint = self.hint_template.format(**details)
        app_hint = self.app_hint_template
        self.app_hint = self.hint if app_hint is None else app_hint.format(**details)
        super().__init__(self.message)


# --- the store's files -----------------------------------------------------------------


class StoreNotFound(StoreError):
    code = "store-not-found"
    message_template = "There is no Promptdesk store in {data_dir}."
    hint_template = (
        "Run `promptdesk init` to create one, or set PROMPTDESK_HOME to the folder that "
        "holds your store."
    )
    app_hint_template = "Start Promptdesk without PROMPTDESK_HOME set to create a new library."


class StoreAlreadyExists(StoreError):
    code = "store-exists"
    message_template = "A Promptdesk store already exists in {data_dir}."
    hint_template = (
        "Nothing was changed. Run `promptdesk status` to inspect it, or set PROMPTDESK_HOME "
        "to another folder to create a new one."
    )
    app_hint_template = "Nothing was changed: open it, or choose another data folder."


class KeyFileMissing(StoreError):
    code = "key-file-missing"
    message_template = "The store {database} exists but its key file {key_file} is missing."
    hint_template = (
        "Restore the key file from a backup, or run `promptdesk key recover` with your "
        "recovery key. The database was not changed."
    )
    app_hint_template = (
        'Choose "Use recovery key…" and enter the recovery key you saved. The database was '
        "not changed."
    )


class KeyFileDamaged(StoreError):
    code = "key-file-damaged"
    message_template = "The key file {key_file} cannot be read ({reason})."
    hint_template = (
        "Restore it from a backup, or run `promptdesk key recover` with your recovery key. "
        "The database was not changed."
    )
    app_hint_template = (
        'Choose "Use recovery key…" and enter the recovery key you saved. The database was '
        "not changed."
    )


class StoreTruncated(StoreError):
    code = "store-truncated"
    exit_code = 4
    message_template = "The store file {database} is damaged: it is shorter than it should be."
    hint_template = (
        "The file was cut off (a full disk, an interrupted copy or sync tool). Restore it "
        "from a backup. Promptdesk has not changed it."
    )


class UnfinishedStore(StoreError):
    code = "unfinished-store"
    message_template = "An interrupted setup left an empty database file {database} and no key."
    hint_template = "It holds no data. Run `promptdesk init` again; it will replace the empty file."
    app_hint_template = "It holds no data. Start Promptdesk again to set up a new library."


class StoreClosed(StoreError):
    code = "store-closed"
    message_template = "The library is locked."
    hint_template = "Unlock it to go on; nothing was changed."


class StoreBusy(StoreError):
    code = "store-busy"
    message_template = "The store {database} is busy: another program holds it ({detail})."
    hint_template = (
        "Close other Promptdesk windows or commands using this store and try again. "
        "Nothing was changed."
    )


class StoreUnwritable(StoreError):
    code = "store-unwritable"
    message_template = "The store {database} cannot be written ({detail})."
    hint_template = (
        "Check free disk space and that the folder is writable by you. Nothing was changed."
    )


class ForeignFile(StoreError):
    code = "foreign-file"
    exit_code = 4
    message_template = "{database} is not a Promptdesk store: {what}."
    hint_template = (
        "Move that file out of the way, or set PROMPTDESK_HOME to the folder that holds your "
        "store. The file was not changed."
    )


class StoreDamaged(StoreError):
    code = "store-damaged"
    exit_code = 4
    message_template = (
        "The store file {database} is damaged or was changed outside Promptdesk ({detail})."
    )
    hint_template = "Restore it from a backup. Promptdesk has not changed it."


class OldCipherFormat(StoreError):
    code = "sqlcipher3-store"
    exit_code = 4
    message_template = (
        "The store {database} was written with SQLCipher 3, an older encryption format that "
        "this version of Promptdesk does not open directly."
    )
    hint_template = (
        "Run `promptdesk store upgrade` to convert it to SQLCipher 4; a copy of the old "
        "file is kept beside it. The file was not changed."
    )
    app_hint_template = (
        "Convert it in a terminal with `promptdesk store upgrade` (a copy of the old file is "
        "kept). The file was not changed."
    )


class CipherVersionUnsupported(StoreError):
    code = "sqlcipher-version"
    message_template = "Promptdesk needs SQLCipher 4, but this installation provides {version}."
    hint_template = "Reinstall Promptdesk's dependencies (`make install`)."
    app_hint_template = "Reinstall Promptdesk."


class SchemaTooNew(StoreError):
    code = "schema-too-new"
    message_template = (
        "This store was written by a newer Promptdesk: it has migration {migration}, which "
        "this version does not know."
    )
    hint_template = "Update Promptdesk. The store was not changed."


class MigrationEdited(StoreError):
    code = "migration-edited"
    message_template = "Migration {migration} differs from the one that was applied to this store."
    hint_template = (
        "Released migrations must never be edited; add a new migration instead. The store "
        "was not changed."
    )


# --- keys --------------------------------------------------------------------------------


class KeychainUnavailable(StoreError):
    code = "keychain-unavailable"
    exit_code = 3
    message_template = "The OS keychain is not available ({reason})."
    hint_template = (
        "Unlock or start your keychain and try again. To use a passphrase instead, create "
        "the store with `promptdesk init --passphrase`; if this store's key is in the "
        "keychain, `promptdesk key recover` opens it with your recovery key."
    )
    app_hint_template = (
        'Unlock or start your keychain and try again, or choose "Use recovery key…" to open '
        "the library with your recovery key."
    )


class KeychainTimeout(StoreError):
    code = "keychain-timeout"
    exit_code = 3
    message_template = "The OS keychain did not answer within {seconds:g} seconds."
    hint_template = (
        "It may be locked and waiting for a password in another window. Unlock it and try "
        "again, or raise PROMPTDESK_KEYRING_TIMEOUT."
    )
    app_hint_template = (
        "It may be locked and waiting for a password in another window. Unlock it and try again."
    )


class KeychainEntryMissing(StoreError):
    code = "keychain-entry-missing"
    exit_code = 3
    message_template = (
        "The key for this store is not in the OS keychain (service {service!r}, "
        "account {account!r})."
    )
    hint_template = (
        "It was deleted, or you are signed in as another user. Run `promptdesk key recover` "
        "with your recovery key. The database was not changed."
    )
    app_hint_template = (
        'Choose "Use recovery key…" and enter the recovery key you saved. The database was '
        "not changed."
    )


class PassphraseRequired(StoreError):
    code = "passphrase-required"
    exit_code = 3
    message_template = "This store is locked with a passphrase, and none was given."
    hint_template = "Type it when asked, or set PROMPTDESK_PASSPHRASE for scripts."
    app_hint_template = "Type it to unlock."


class NewPassphraseRequired(StoreError):
    code = "new-passphrase-required"
    exit_code = 3
    message_template = "No new passphrase was given."
    hint_template = "Type it twice when asked, or set PROMPTDESK_NEW_PASSPHRASE for scripts."
    app_hint_template = "Type it twice."


class WrongPassphrase(StoreError):
    code = "wrong-passphrase"
    exit_code = 3
    message_template = "That passphrase does not unlock this store."
    hint_template = (
        "Check Caps Lock and the keyboard layout and try again. If it is forgotten, run "
        "`promptdesk key recover` with your recovery key. Nothing was changed."
    )
    app_hint_template = (
        "Check Caps Lock and the keyboard layout and try again. If it is forgotten, choose "
        '"Use recovery key…". Nothing was changed.'
    )


class WeakPassphrase(StoreError):
    code = "weak-passphrase"
    exit_code = 2
    message_template = "The passphrase is too short: use at least {minimum} characters."
    hint_template = "A few unrelated words make a passphrase that is long and easy to remember."


class InvalidRecoveryKey(StoreError):
    code = "invalid-recovery-key"
    exit_code = 3
    message_template = "That is not a valid recovery key ({reason})."
    hint_template = (
        "A recovery key is 56 letters and digits in groups of eight, as printed by "
        "`promptdesk key export-recovery`. Check it for typos."
    )
    app_hint_template = (
        "A recovery key is 56 letters and digits in groups of eight, as shown when the "
        "library was created. Check it for typos."
    )


class RecoveryKeyMismatch(StoreError):
    code = "recovery-key-mismatch"
    exit_code = 3
    message_template = "That recovery key belongs to a different store."
    hint_template = "Use the recovery key that was exported from this store. Nothing was changed."


class WrongKey(StoreError):
    code = "wrong-key"
    exit_code = 3
    message_template = "The key does not open the store {database}."
    hint_template = (
        "The key file or keychain entry belongs to another store, or the database file was "
        "replaced. Run `promptdesk key recover` with this store's recovery key. Nothing was "
        "changed."
    )
    app_hint_template = (
        'Choose "Use recovery key…" and enter the recovery key you saved. The database was '
        "not changed."
    )


class KeyModeMismatch(StoreError):
    code = "key-mode"
    exit_code = 2
    message_template = "This store is protected by {mode}; {action} does not apply to it."
    hint_template = "Run `promptdesk status` to see how the store is keyed."

    app_hint_template = "Settings → Security shows how the library is protected."
