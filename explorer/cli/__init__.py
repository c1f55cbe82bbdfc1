"""The `explorer` command line.

Each area registers its subcommands from its own module (`cli/<area>.py`,
`register(subparsers)`); handlers take `(args, ctx)` and return an exit
code. Typed errors are turned into user text here, in `main`, and nowhere
else.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from explorer import __version__, settings
from explorer.errors import ExplorerError, InputFileError

# Command modules, in help order. Each exposes register(subparsers).
COMMAND_MODULES = (
    "explorer.cli.ingest",
    "explorer.cli.query",
    "explorer.cli.overview",
    "explorer.cli.extract",
    "explorer.cli.export",
    "explorer.cli.lexicon",
    "explorer.cli.gui",
)


@dataclass
class Context:
    """What every handler needs: the chosen project and how to open it."""

    project_path: Path
    _project: object = None

    def open(self, create: bool = False, writable: bool | None = None):
        """Open the project database once per command. Only a command that
        makes a project passes `create` (`ingest`); every other one says "no
        such project" for a mistyped path. `writable=True` refuses a read-only
        project now, before any long work."""
        if self._project is None:
            from explorer.services import project as project_service

            self._project = project_service.open_project(self.project_path, create=create, writable=writable)
        return self._project

    def close(self) -> None:
        if self._project is not None:
            self._project.close()
            self._project = None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explorer",
        description="Knowledge-graph explorer for Chinese local news.",
    )
    parser.add_argument("--version", action="version", version=f"explorer {__version__}")
    parser.add_argument(
        "--project",
        metavar="PATH",
        help=f"project database (default: ${settings.PROJECT_ENV} or one in the user data directory)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # an area that is not built yet
        module.register(subparsers)
    return parser


def describe_error(exc: ExplorerError) -> str:
    """The one place where CLI users see errors: short, with the file and reason."""
    if isinstance(exc, InputFileError):
        return f"error: {exc.path}: {exc.reason}"
    return f"error: {exc.message}"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    ctx = Context(project_path=settings.project_path(args.project))
    try:
        return int(args.func(args, ctx) or 0)
    except ExplorerError as exc:
        print(describe_error(exc), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `explorer show X | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:  # a database or disk failure below the typed layers
        from explorer.services.project import typed_error

        typed = typed_error(exc, ctx.project_path)
        if typed is None:
            raise
        print(describe_error(typed), file=sys.stderr)
        return typed.exit_code
    finally:
        ctx.close()
