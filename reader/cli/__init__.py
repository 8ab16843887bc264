"""The ``reader`` command line: the same core as the app, headless, JSON for scripts.

Each sub-command lives in its own module here and exposes ``register(subparsers)``,
which adds its parser and sets ``func`` to a callable taking the parsed arguments
and returning an exit code. ``reader`` with no sub-command opens the app.
Global options (``--home``) are accepted before the command and after it, at every
level (``reader --home D search X`` and ``reader search X --home D`` are the same).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from reader import __version__
from reader.display import EXIT_NO_DISPLAY, missing_display

#: Sub-command modules, in the order ``--help`` lists them.
COMMAND_MODULES = (
    "reader.cli.parse",
    "reader.cli.index",
    "reader.cli.search",
    "reader.cli.research",
    "reader.cli.library",
    "reader.cli.export",
    "reader.cli.reprints",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Archive reader for Chinese news: parse, index, search and export stories. "
        "Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    _add_global_options(parser, default=None)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    _add_global_options_to_commands(parser)
    return parser


def _add_global_options(parser: argparse.ArgumentParser, default: str | None) -> None:
    parser.add_argument(
        "--home", default=default, help="library home folder (default: READER_HOME or the user data folder)"
    )


def _add_global_options_to_commands(parser: argparse.ArgumentParser) -> None:
    """Every sub-command (and sub-sub-command) accepts the global options too.

    Their default there is SUPPRESS, so a value given before the command is kept
    unless the same option is given again after it.
    """
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):  # aliases share a parser
                _add_global_options(sub, default=argparse.SUPPRESS)
                _add_global_options_to_commands(sub)


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        accepts = getattr(args, "accepts_dash_terms", False)
        odd = [a for a in extra if not accepts or a.startswith("--") or a == "-"]
        if odd:
            parser.error(f"unrecognized arguments: {' '.join(odd)}")
        args.query = [*args.query, *extra]  # `reader search -香港`: a NOT term, not an option
    if not args.command:
        return _open_app(args)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _open_app(args: argparse.Namespace) -> int:
    problem = missing_display()
    if problem:
        print(f"reader: {problem}", file=sys.stderr)
        return EXIT_NO_DISPLAY
    problem = qt_problem()
    if problem:
        print(f"reader: {problem}", file=sys.stderr)
        return EXIT_NO_DISPLAY  # no window can open here either
    # Imported only to open the window: it loads Qt's widgets, which no sub-command needs.
    from reader.app import run

    return run(home=args.home)


def qt_problem() -> str | None:
    """One line saying why Qt's widgets cannot load here (a missing system library, say), or None.

    Asked before ``reader.app`` is imported, so that a broken Qt installation is told
    as such, while an error in reader's own app code still shows as the error it is.
    """
    try:
        import PySide6.QtWidgets  # noqa: F401 - only whether it loads
    except ImportError as exc:
        return (
            f"cannot open the app: Qt could not be loaded ({exc}); "
            "the reader commands (parse, index, search, show, export ...) work without it: see reader --help"
        )
    return None
