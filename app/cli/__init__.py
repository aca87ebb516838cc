"""The ``promptdesk`` command: the desktop app with no arguments, headless commands otherwise.

Commands are grouped by domain in sibling modules (``store_commands``, ``key_commands``); each
module adds its parsers and handlers, and every handler receives the parsed arguments and the
store's paths. A :class:`~app.storage.errors.StoreError` becomes its message and hint on
stderr and a non-zero exit code; nothing else is caught, so bugs keep their tracebacks.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from app import __version__
from app.cli import (
    context_commands,
    eval_commands,
    eval_import_commands,
    gallery_commands,
    key_commands,
    library_commands,
    prompt_commands,
    provider_commands,
    run_commands,
    settings_commands,
    store_commands,
    sync_commands,
    terminal,
    workspace_commands,
)
from app.core.prompt import ContentError, PromptNameError
from app.core.rendering import TemplateError
from app.core.variables import VariableError
from app.core.versions import RefNameError
from app.runners.local.gguf import NotAGgufFile
from app.storage.errors import StoreError
from app.storage.library.errors import LibraryError
from app.storage.paths import default_paths

# Errors in what the user asked for: one line on stderr, exit 1, no traceback.
USER_ERRORS = (
    LibraryError,
    TemplateError,
    VariableError,
    PromptNameError,
    ContentError,
    RefNameError,
    NotAGgufFile,
    UnicodeError,
    json.JSONDecodeError,
    OSError,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="promptdesk",
        description=(
            "Promptdesk, a local-first workbench for prompt engineering. Run without a "
            "command to open the desktop app. The data folder is PROMPTDESK_HOME if set."
        ),
    )
    parser.add_argument("--version", action="version", version=f"promptdesk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    store_commands.add_parsers(commands)
    key_commands.add_parsers(commands)
    prompt_actions = prompt_commands.add_parsers(commands)
    library_commands.add_parsers(commands)
    run_commands.add_parsers(commands)
    eval_actions = eval_commands.add_parsers(commands)
    eval_import_commands.add_parsers(eval_actions)
    provider_commands.add_parsers(commands)
    context_commands.add_parsers(commands)
    settings_commands.add_parsers(commands)
    sync_commands.add_parsers(commands, prompt_actions)
    workspace_commands.add_parsers(commands)
    gallery_commands.add_parsers(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from app.ui.launch import run_app  # Qt is imported only when the GUI is wanted

        return run_app()
    paths = default_paths()
    if paths.data_dir.exists() or args.command == "init":
        from app.logs import configure_logging

        configure_logging(paths.logs_dir)
    try:
        code: int = args.handler(args, paths)
    except StoreError as error:
        terminal.say_error(f"promptdesk: {error.message}")
        if error.hint:
            terminal.say_error(error.hint)
        return error.exit_code
    except USER_ERRORS as error:
        terminal.say_error(f"promptdesk: {error}")
        return 1
    except KeyboardInterrupt:
        terminal.say_error("promptdesk: interrupted.")
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
