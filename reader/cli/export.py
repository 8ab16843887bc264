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
from reader.safefiles import OutputExists, check_output
from reader.text.scripts import SCRIPTS

FORMATS = ("pdf", "ris", "bibtex", "csv", "gbt7714")
_BY_SUFFIX = {
    ".pdf": "pdf",
    ".ris": "ris",
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".csv": "csv",
    ".txt": "gbt7714",
}


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
    p.add_argument("--format", "-f", choices=FORMATS, help="default: from the --out suffix")
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


def guess_format(out: Path, given: str | None) -> str | None:
    return given or _BY_SUFFIX.get(out.suffix.lower())


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    try:  # said before any work, not after a long PDF
        check_output(out, replace=args.force)
    except OutputExists as exc:
        return _fail(str(exc))
    fmt = guess_format(out, args.format)
    if fmt is None:
        return _fail(f"{out}: cannot tell the format from the suffix; give --format ({', '.join(FORMATS)})")
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
    from reader.export import ExportError

    try:
        if fmt == "pdf":
            from reader.export.pdf import export_pdf

            progress = None if args.quiet or not sys.stderr.isatty() else _progress  # \r only on a terminal
            export_pdf(
                stories,
                out,
                script=args.script,
                title=args.title,
                query=args.query or "",
                collection=args.collection or "",
                selection=_bookmarks_label(args.script) if args.bookmarks else "",
                progress=progress,
                replace=args.force,
            )
        else:
            from reader.export.citations import export_citations

            export_citations(stories, out, fmt, script=args.script, replace=args.force)
    except ExportError as exc:
        return _fail(f"{out}: {exc}")
    except OSError as exc:
        return _fail(f"{out}: cannot write: {exc.strerror or exc}")
    print(f"{out}: {stories_count(len(stories))} ({fmt})", file=sys.stderr)
    return 0


def _bookmarks_label(script: str) -> str:
    from reader.export.labels import labels

    return labels(script)["bookmarks"]


def _progress(done: int, total: int) -> None:
    print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)


def _selected_ids(args: argparse.Namespace, home: Path) -> tuple[list[str], str]:
    if args.ids:
        return list(dict.fromkeys(args.ids)), "the ids given"
    if args.query is not None:
        from reader.index import open_index
        from reader.index.results import SearchRequest

        index = open_index(home)
        try:
            return index.ids_for(SearchRequest(query=args.query)), f"the query {args.query!r}"
        finally:
            index.close()
    from reader.userdata import UserData

    data = UserData.open(home)
    try:
        if args.bookmarks:
            return [b.id for b in data.bookmarks()], "the bookmarks"
        return data.collection_ids(args.collection), f"the collection {args.collection!r}"
    finally:
        close = getattr(data, "close", None)
        if close:
            close()


def _load(home: Path, ids: list[str]):
    from reader.index import open_index

    index = open_index(home)
    try:
        return index.get_many(ids)
    finally:
        index.close()
