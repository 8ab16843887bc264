"""``reader export``: stories out of the library as PDF or citations, headless.

Stories are picked by id, by ``--query`` (every match, in result order), by
``--bookmarks`` or by ``--collection NAME``. The format follows ``--format`` or
the suffix of ``--out`` (.pdf, .ris, .bib, .csv, .txt = GB/T 7714). Unknown ids
are named on stderr and the rest exported; nothing to export is exit 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader import paths
from reader.cli.search import stories_count
from reader.export import ExportError
from reader.export.formats import BY_NAME, ExportFormat, ExportOptions, format_for_path
from reader.export.labels import labels
from reader.index import open_index
from reader.index.results import SearchRequest
from reader.safefiles import OutputExists, check_output
from reader.story import Story
from reader.text.scripts import SCRIPTS
from reader.userdata import UserData


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export",
        help="export stories to PDF, RIS, BibTeX, CSV or GB/T 7714",
        description="Export stories picked by id, query, bookmarks or collection.",
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="story ids")
    pick = p.add_mutually_exclusive_group()
    pick.add_argument("--query", "-q", help="every story matching this search")
    pick.add_argument("--bookmarks", action="store_true", help="all bookmarked stories")
    pick.add_argument("--collection", metavar="NAME", help="the stories of a collection")
    p.add_argument("--out", "-o", required=True, help="file to write")
    p.add_argument("--format", "-f", choices=list(BY_NAME), help="default: from the --out suffix")
    p.add_argument("--script", "-s", choices=SCRIPTS, default="zh-hans", help="script of the text")
    p.add_argument("--title", "-t", default="", help="title on the PDF cover and headers")
    p.add_argument(
        "--force", action="store_true", help="replace --out if it exists (a FIFO or device never is)"
    )
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(func=run)


def _fail(message: str) -> int:
    print(f"reader export: {message}", file=sys.stderr)
    return 1


def guess_format(out: Path, given: str | None) -> ExportFormat | None:
    """The format named by ``--format``, else the one the suffix of ``out`` asks for."""
    return BY_NAME[given] if given else format_for_path(out)


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    try:  # said before any work, not after a long PDF
        check_output(out, replace=args.force)
    except OutputExists as exc:
        return _fail(str(exc))
    fmt = guess_format(out, args.format)
    if fmt is None:
        return _fail(f"{out}: cannot tell the format from the suffix; give --format ({', '.join(BY_NAME)})")
    chosen = [bool(args.ids), args.query is not None, args.bookmarks, args.collection is not None]
    if sum(chosen) != 1:
        return _fail("pick the stories: IDs, or one of --query, --bookmarks, --collection")
    home = paths.home(args.home)
    try:
        ids, label = _selected_ids(args, home)
    except Exception as exc:  # noqa: BLE001 - the index or user data could not be read
        return _fail(f"cannot read the library in {home}: {exc}")
    if not ids:
        return _fail(f"nothing to export: {label} selects no stories")
    stories = _load(home, ids)
    found = {s.id for s in stories}
    missing = [i for i in ids if i not in found]
    if missing:
        print(f"reader export: not in the library, skipped: {' '.join(missing)}", file=sys.stderr)
    if not stories:
        return _fail("nothing to export: none of the stories are in the library")
    try:
        fmt.write(stories, out, _options(args))
    except ExportError as exc:
        return _fail(f"{out}: {exc}")
    except OSError as exc:
        return _fail(f"{out}: cannot write: {exc.strerror or exc}")
    print(f"{out}: {stories_count(len(stories))} ({fmt.name})", file=sys.stderr)
    return 0


def _options(args: argparse.Namespace) -> ExportOptions:
    """What the command line asks of the writer (the PDF prints the selection on its cover)."""
    return ExportOptions(
        script=args.script,
        title=args.title,
        query=args.query or "",
        collection=args.collection or "",
        selection=labels(args.script)["bookmarks"] if args.bookmarks else "",
        progress=None if args.quiet or not sys.stderr.isatty() else _progress,  # \r only on a terminal
        replace=args.force,
    )


def _progress(done: int, total: int) -> None:
    print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)


def _selected_ids(args: argparse.Namespace, home: Path) -> tuple[list[str], str]:
    if args.ids:
        return list(dict.fromkeys(args.ids)), "the ids given"
    if args.query is not None:
        index = open_index(home)
        try:
            return index.ids_for(SearchRequest(query=args.query)), f"the query {args.query!r}"
        finally:
            index.close()
    with UserData.open(home) as data:
        if args.bookmarks:
            return [b.id for b in data.bookmarks()], "the bookmarks"
        return data.collection_ids(args.collection), f"the collection {args.collection!r}"


def _load(home: Path, ids: list[str]) -> list[Story]:
    index = open_index(home)
    try:
        return index.get_many(ids)
    finally:
        index.close()
