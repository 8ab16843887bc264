"""The ``reader`` command line: the same core as the app, headless, JSON for scripts.

Each sub-command lives in its own module here and exposes ``register(subparsers)``,
which adds its parser and sets ``func`` to a callable taking the parsed arguments
and returning an exit code. ``reader`` with no sub-command opens the app.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from reader import __version__

#: Sub-command modules, in the order ``--help`` lists them.
COMMAND_MODULES = (
    "reader.cli.parse",
    "reader.cli.index",
    "reader.cli.search",
    "reader.cli.library",
    "reader.cli.export",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Archive reader for Chinese news: parse, index, search and export stories. "
        "Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("--home", help="library home folder (default: READER_HOME or the user data folder)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # not written yet
                continue
            raise
        module.register(subparsers)
    return parser


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
    try:
        from reader.app import run
    except ImportError:
        # Until the desktop app exists: print the bundled archive's stories.
        from reader.cli.parse import print_bundled_archive

        return print_bundled_archive()
    return run(home=args.home)
