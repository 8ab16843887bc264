"""``reader index [PATH...]``: import files and folders into the library, incrementally.

New files are added, changed ones re-parsed, stories of files gone from the
given folders removed; an unchanged archive costs (almost) nothing. With no
PATH the folders imported before are scanned again; ``--sample`` imports the
bundled sample archive (what the app imports on first run). A progress bar goes to
stderr when it is a terminal. Exit codes: 0 done, 1 some files failed (the
rest is imported), 3 library busy (another process is importing), 4 index
unusable.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import TextIO

from reader import paths
from reader.cli.search import stories_count
from reader.index import ArchiveIndex, IndexUnavailable, LibraryBusy, open_index
from reader.safefiles import shown
from reader.service.tagsync import AutoTagger, make_tagger, refresh_index_tags
from reader.userdata import UserData

EXIT_FAILED = 1
EXIT_BUSY = 3
EXIT_INDEX = 4
#: Tries at pushing queued tag changes after an import before leaving them queued.
QUEUE_RETRIES = 3


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "index",
        help="import files or folders into the library (incremental)",
        description="Import news files and folders into the library's search index. Re-running on an "
        "unchanged archive does almost no work; with no PATH the folders imported before are re-scanned.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to import")
    parser.add_argument(
        "--sample", action="store_true", help="also import the sample archive that ships with reader"
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="throw the index away and import everything again"
    )
    parser.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    parser.set_defaults(func=run)


def _tagger(home: Path) -> AutoTagger:
    """Automatic tags with the user's renames, hidden tags and own tags applied."""
    with UserData.open(home) as userdata:
        return make_tagger(userdata)


def _apply_queued_tag_changes(home: Path, library: ArchiveIndex) -> str:
    """Tag changes made while the index was busy wait in the user data; push them in now.

    The import itself is complete by then: when another process holds the index at this
    moment (e.g. pushing the very tag change that queued), a few short retries, then the
    changes stay queued for the next tag change or import. Returns a note when they wait.
    """
    for attempt in range(QUEUE_RETRIES):
        try:
            with UserData.open(home) as userdata:
                refresh_index_tags(home, userdata, index=library)
            return ""
        except LibraryBusy:
            time.sleep(0.2 * (attempt + 1))
    return "tag changes made during the import wait for the next change or import (the index was busy)"


class _Bar:
    """A one-line progress bar on a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.last = 0.0

    def __call__(self, done: int, total: int, current: str) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        width = 30
        filled = int(width * done / total) if total else width
        current = shown(current)
        name = current if len(current) <= 40 else "…" + current[-39:]
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def run(args: argparse.Namespace) -> int:
    home = paths.home(args.home)
    given = [*args.paths, *([str(paths.bundled_archive())] if args.sample else [])]
    try:
        library = open_index(home)
    except IndexUnavailable as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return EXIT_INDEX
    try:
        if not given and not library.roots():
            print(
                "reader: nothing to index: give files or folders, or --sample "
                "(no folders were imported before)",
                file=sys.stderr,
            )
            return 2
        progress = _Bar(sys.stderr) if sys.stderr.isatty() and not args.json else None
        report = library.update(given, rebuild=args.rebuild, progress=progress, tagger=_tagger(home))
        note = _apply_queued_tag_changes(home, library)
        total = library.count()
    except LibraryBusy as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except IndexUnavailable as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return EXIT_INDEX
    finally:
        library.close()
    if args.json:
        data = asdict(report)
        data["failed"] = [{"file": shown(p.file), "reason": p.reason} for p in report.failed]
        data["total"] = total
        if note:
            data["notes"] = [note]
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(
            f"added {report.added}, updated {report.updated}, removed {report.removed}, "
            f"unchanged {report.unchanged}, failed {len(report.failed)} "
            f"({stories_count(report.stories)} imported, {total} in the library, {report.seconds:.1f} s)"
        )
        for problem in report.failed:
            print(f"  failed: {problem}")
        if report.skipped:
            print(f"skipped {len(report.skipped)} files of other types (images, PDFs, ...):")
            for name in report.skipped:
                print(f"  skipped: {name}")
        if note:
            print(f"  note: {note}")
    return EXIT_FAILED if report.failed else 0
