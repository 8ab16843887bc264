"""``reader kwic``, ``reader timeline`` and ``reader saved``: the research tools, headless.

``kwic QUERY`` prints every occurrence of the query's words and phrases in the matching
stories as left context, hit, right context (``--json``: one object with the counts and
the lines; ``--csv``: a spreadsheet-safe table, UTF-8 with BOM). ``timeline QUERY`` prints
matching stories per period and their share of all stories then (``--compare Q`` adds a
query to compare). ``saved add|list|remove|new`` keeps searches under a name and reports the
stories new since the user last looked (``new`` marks them seen unless ``--peek``), for a
weekly job. Exit codes: 0 ok, 1 unknown saved search or collection (or user data
unreadable), 4 index unusable.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
from collections.abc import Iterator

from reader import paths
from reader.cli.search import (
    EXIT_INDEX,
    EXIT_NOT_FOUND,
    add_filter_options,
    allowed_by,
    open_library,
    request_from,
)
from reader.export.sheets import csv_bytes
from reader.index.concordance import DEFAULT_WIDTH, SORTS, TABLE_HEADER, Concordance, KwicLine, sorted_lines
from reader.index.results import SearchRequest
from reader.index.timeline import PERIODS, timeline
from reader.service import saved
from reader.text.convert import SCRIPTS
from reader.userdata import UserData, UserDataError


def register(subparsers: argparse._SubParsersAction) -> None:
    kwic = subparsers.add_parser(
        "kwic",
        help="every occurrence of a query in context (a concordance)",
        description="List every occurrence of the query's words and phrases in the matching stories, "
        "with the characters before and after it (overlapping occurrences and hits inside words count).",
    )
    kwic.add_argument("query", nargs="+", help="the query (the search query language)")
    add_filter_options(kwic)
    kwic.add_argument("--width", type=int, default=DEFAULT_WIDTH, help="characters each side (default 20)")
    kwic.add_argument("--sort", choices=SORTS, default="order", help="line order (default: as the results)")
    kwic.add_argument("--script", choices=SCRIPTS, help="show the text in this script")
    kwic.add_argument("--limit", type=int, default=0, help="print at most this many lines (0: all)")
    out = kwic.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print one JSON object")
    out.add_argument("--csv", action="store_true", help="print CSV (UTF-8 with BOM, safe for spreadsheets)")
    kwic.set_defaults(func=run_kwic, accepts_dash_terms=True)

    tl = subparsers.add_parser(
        "timeline",
        help="matching stories per month (day, year) and their share of all stories",
        description="Count the stories matching the query per period, and their share of all stories "
        "(under the same filters) in that period.",
    )
    tl.add_argument("query", nargs="+", help="the query")
    tl.add_argument(
        "--compare", action="append", default=[], metavar="QUERY", help="another query; repeatable"
    )
    add_filter_options(tl)
    tl.add_argument("--by", choices=PERIODS, default="auto", help="period size (default: by the span)")
    out = tl.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print one JSON object")
    out.add_argument("--csv", action="store_true", help="print CSV (UTF-8 with BOM)")
    tl.set_defaults(func=run_timeline, accepts_dash_terms=True)

    group = subparsers.add_parser(
        "saved", help="saved searches and what is new in them", description="Saved searches."
    )
    group.set_defaults(func=lambda args: _usage(group))
    sub = group.add_subparsers(dest="saved_command", metavar="ACTION")
    p = sub.add_parser("add", help="save a query and its filters under NAME (replaces one of that name)")
    p.add_argument("name")
    p.add_argument("query", nargs="*", help="the query (empty: every story under the filters)")
    add_filter_options(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_saved_add, accepts_dash_terms=True)
    p = sub.add_parser("list", help="saved searches with their totals and new stories")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_saved_list)
    p = sub.add_parser("remove", help="forget a saved search")
    p.add_argument("name")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_saved_remove)
    p = sub.add_parser("new", help="the stories new in a saved search since last looked (then seen)")
    p.add_argument("name")
    p.add_argument("--peek", action="store_true", help="do not mark them seen")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_saved_new)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _restricted(args: argparse.Namespace, request: SearchRequest) -> SearchRequest | None:
    """``request`` limited to ``--bookmarked``/``--collection`` (None after saying what is wrong)."""
    if not (args.bookmarked or args.collection):
        return request
    try:
        allowed = allowed_by(args)
    except (UserDataError, LookupError) as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return None
    return dataclasses.replace(request, ids=sorted(allowed or ()))


def _write_bytes(data: bytes) -> None:
    """``data`` to stdout as it is (no newline translation); a captured text stream gets the text."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    buffer.write(data)
    buffer.flush()


# -- kwic ----------------------------------------------------------------------------------------


def run_kwic(args: argparse.Namespace) -> int:
    request = _restricted(args, dataclasses.replace(request_from(args), sort="date"))
    if request is None:
        return EXIT_NOT_FOUND
    library = open_library(args)
    if library is None:
        return EXIT_INDEX
    try:
        kwic = Concordance(library.matches(request), width=args.width, script=args.script)
        lines: Iterator[KwicLine] | list[KwicLine] = kwic.lines()
        if args.sort != "order":
            lines = sorted_lines(lines, args.sort)
        limit = args.limit if args.limit > 0 else None
        if args.csv:
            _write_csv(kwic, lines, limit)
        elif args.json:
            shown = [line.to_json() for line in itertools.islice(lines, limit)]
            for _rest in lines:  # counted to the end, even beyond --limit
                continue
            data = {
                "query": request.query,
                "occurrences": kwic.occurrences,
                "stories": kwic.stories,
                "matched_stories": kwic.matches.total,
                "width": kwic.width,
                "lines": shown,
                "notes": kwic.notes,
            }
            print(json.dumps(data, ensure_ascii=False))
        else:
            _print_kwic(kwic, lines, limit)
    finally:
        library.close()
    return 0


def _write_csv(kwic: Concordance, lines, limit: int | None) -> None:
    rows = (line.row() for line in itertools.islice(lines, limit))
    _write_bytes(csv_bytes(TABLE_HEADER, rows))
    for note in kwic.notes:
        print(f"note: {note}", file=sys.stderr)


def _print_kwic(kwic: Concordance, lines, limit: int | None) -> None:
    for note in kwic.notes:
        print(f"note: {note}", file=sys.stderr)
    width = kwic.width
    printed = 0
    for line in lines:
        if limit is None or printed < limit:
            meta = " · ".join(x for x in (line.date, line.source) if x)
            print(f"{line.left:>{width}}【{line.hit}】{line.right:<{width}}  {meta}  [{line.story_id}]")
            printed += 1
    print(
        f"{kwic.occurrences} occurrence{'s' if kwic.occurrences != 1 else ''} in {kwic.stories} "
        f"stor{'ies' if kwic.stories != 1 else 'y'} ({kwic.matches.total} matching)"
        + (f"; showing {printed}" if printed < kwic.occurrences else ""),
        file=sys.stderr,
    )


# -- timeline ------------------------------------------------------------------------------------


def run_timeline(args: argparse.Namespace) -> int:
    request = _restricted(args, request_from(args))
    if request is None:
        return EXIT_NOT_FOUND
    requests = [request, *(dataclasses.replace(request, query=q) for q in args.compare)]
    library = open_library(args)
    if library is None:
        return EXIT_INDEX
    try:
        result = timeline(library, requests, args.by)
    finally:
        library.close()
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return 0
    header, rows = result.table()
    if args.csv:
        _write_bytes(csv_bytes(header, rows))
        return 0
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    print("\t".join(header))
    for row in rows:
        print("\t".join(f"{v:.2%}" if isinstance(v, float) else str(v) for v in row))
    for s in result.series:
        if s.unplaced:
            print(f"{s.query}: {s.unplaced} of {s.total} stories not dated by {result.by}", file=sys.stderr)
    return 0


# -- saved searches ------------------------------------------------------------------------------


def _with_both(args: argparse.Namespace, action) -> int:
    """Run ``action(library, ud)`` with the index and the user data open."""
    try:
        with UserData.open(paths.home(args.home)) as ud:
            library = open_library(args)
            if library is None:
                return EXIT_INDEX
            try:
                return int(action(library, ud) or 0)
            finally:
                library.close()
    except (UserDataError, ValueError) as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return EXIT_NOT_FOUND


def run_saved_add(args: argparse.Namespace) -> int:
    if args.bookmarked or args.collection:
        print(
            "reader: a saved search keeps the query and filters only (not --bookmarked/--collection)",
            file=sys.stderr,
        )
        return 2
    request = request_from(args)

    def act(library, ud: UserData) -> int:
        made = saved.save(library, ud, args.name, request)
        search = ud.saved_search(args.name)
        assert search is not None  # just saved
        total = len(ud.seen_ids(search.name))
        if args.json:
            data = {"name": search.name, "replaced": not made, "total": total, "new": 0}
            print(json.dumps(data, ensure_ascii=False))
            return 0
        print(f"{'saved' if made else 'replaced'} {search.name!r}: {total} matching stories now, none new")
        return 0

    return _with_both(args, act)


def run_saved_list(args: argparse.Namespace) -> int:
    def act(library, ud: UserData) -> int:
        rows = saved.statuses(library, ud)
        if args.json:
            print(json.dumps([r.to_json() for r in rows], ensure_ascii=False))
            return 0
        for r in rows:
            print(f"{r.search.name}  ({r.total} stories, {r.new} new)  {r.search.query}")
        if not rows:
            print("no saved searches")
        return 0

    return _with_both(args, act)


def run_saved_remove(args: argparse.Namespace) -> int:
    try:
        with UserData.open(paths.home(args.home)) as ud:
            if not ud.remove_saved_search(args.name):
                print(f"reader: no saved search {args.name!r}", file=sys.stderr)
                return EXIT_NOT_FOUND
    except (UserDataError, ValueError) as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return EXIT_NOT_FOUND
    if args.json:
        print(json.dumps({"name": args.name, "removed": True}, ensure_ascii=False))
    return 0


def run_saved_new(args: argparse.Namespace) -> int:
    def act(library, ud: UserData) -> int:
        search = ud.saved_search(args.name)
        if search is None:
            print(f"reader: no saved search {args.name!r} (see `reader saved list`)", file=sys.stderr)
            return EXIT_NOT_FOUND
        found = saved.status(library, ud, search) if args.peek else saved.look(library, ud, search.name)
        stories = library.get_many(found.new_ids)
        if args.json:
            data = found.to_json()
            data["stories"] = [
                {"id": s.id, "title": s.title, "date": s.date, "source": s.source} for s in stories
            ]
            print(json.dumps(data, ensure_ascii=False))
            return 0
        print(f"{search.name}: {found.new} new of {found.total}")
        for s in stories:
            meta = " · ".join(x for x in (s.date, s.source) if x)
            print(f"  {s.title or '(untitled)'}  [{s.id}]" + (f"  {meta}" if meta else ""))
        return 0

    return _with_both(args, act)
