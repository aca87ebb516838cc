"""What can go wrong in the prompt library, each error one line a user can act on."""

from __future__ import annotations


class LibraryError(Exception):
    """Base class; ``str(error)`` is the one-line message the CLI prints.

    ``message`` says what happened in words any front end can show; ``cli_hint`` is advice
    that only makes sense at a command line (a command to run, a flag to add): the CLI prints
    it, the desktop app does not.
    """

    code = "library-error"
    exit_code = 1

    def __init__(self, message: str, cli_hint: str = "") -> None:
        self.message = message
        self.cli_hint = cli_hint
        super().__init__(f"{message} ({cli_hint})" if cli_hint else message)


class PromptNotFound(LibraryError):
    code = "prompt-not-found"

    def __init__(self, name: str) -> None:
        super().__init__(f"no prompt named '{name}'", "see `promptdesk prompt list`")


class PromptExists(LibraryError):
    code = "prompt-exists"

    def __init__(self, name: str) -> None:
        super().__init__(f"a prompt named '{name}' already exists")


class BranchNotFound(LibraryError):
    code = "branch-not-found"

    def __init__(self, prompt: str, branch: str) -> None:
        super().__init__(f"prompt '{prompt}' has no branch '{branch}'")


class BranchExists(LibraryError):
    code = "branch-exists"

    def __init__(self, prompt: str, branch: str) -> None:
        super().__init__(f"prompt '{prompt}' already has a branch '{branch}'")


class VersionNotFound(LibraryError):
    code = "version-not-found"

    def __init__(self, prompt: str, ref: str, detail: str = "") -> None:
        more = f" ({detail})" if detail else ""
        super().__init__(
            f"prompt '{prompt}' has no version, branch or label '{ref}'{more}",
            "see `promptdesk prompt log`",
        )


class NothingToCommit(LibraryError):
    code = "nothing-to-commit"

    def __init__(self, prompt: str, branch: str) -> None:
        super().__init__(
            f"nothing to commit: '{prompt}' on {branch} is unchanged since its last version"
        )


class UncommittedChanges(LibraryError):
    code = "uncommitted-changes"

    def __init__(self, prompt: str, branch: str, action: str) -> None:
        super().__init__(
            f"'{prompt}' has uncommitted changes on {branch}; commit them before you {action}"
        )


class LabelProtected(LibraryError):
    code = "label-protected"

    def __init__(self, prompt: str, label: str) -> None:
        super().__init__(
            f"label '{label}' of '{prompt}' is protected",
            "move it with --force if you mean it",
        )


class BranchInUse(LibraryError):
    code = "branch-in-use"

    def __init__(self, prompt: str, branch: str) -> None:
        super().__init__(f"'{branch}' is the current branch of '{prompt}'; check out another first")


class ImportFailed(LibraryError):
    """A file that cannot be imported; names the file, the record or line, and why."""

    code = "import-failed"

    def __init__(self, source: str, where: str, reason: str) -> None:
        self.source = source
        self.where = where
        self.reason = reason
        location = f"{source}, {where}" if where else source
        super().__init__(f"{location}: {reason} (nothing was imported)")
