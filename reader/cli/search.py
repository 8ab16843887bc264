"""``reader search QUERY`` and ``reader show ID``: query the library from the command line.

``search --bookmarked`` and ``--collection NAME`` restrict the search to the user's
bookmarked stories or collections (``reader.service.search``, as the app's filters do).
``search --json`` prints one object ``{"total", "page", "hits": [{id, title, date,
source, score, snippet}], "facets", "notes"}``; a hit found by pinyin has ``"matched_by":
"pinyin"``, and one printed in other characters than typed has ``"matched": [{"printed": "綫",
"query": "线"}]``; ``show --json`` prints the
story's ``Story.to_json()`` (converted to ``--script`` if given). Exit codes:
0 found/ok, 1 unknown id or collection (or user data unreadable), 4 index unusable.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys

from reader import paths
from reader.autotag import tag_in_script
from reader.export.scripts import convert_story
from reader.index import ArchiveIndex, IndexUnavailable, open_index
from reader.index.results import FACETS, Results, SearchRequest
from reader.service.reprints import grouped_request
from reader.service.search import allowed_ids, restricted_search
from reader.text.convert import SCRIPTS
from reader.userdata import UserData, UserDataError

EXIT_NOT_FOUND = 1
EXIT_INDEX = 4
_TAGS = re.compile(r"</?b>")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search the library",
        description='Search the library. Query language: words (implicit AND), "quoted phrases", OR, '
        "NOT or -word, (brackets), fields title: author: source: column: tag: and date:2024, "
        "date:2024-05, date:2024-01-01..2024-06-30. Simplified and traditional find each other.",
    )
    parser.add_argument("query", nargs="*", help="the query (empty: every story)")
    add_filter_options(parser)
    parser.add_argument(
        "--all-copies",
        action="store_true",
        help="every copy of a reprinted story its own hit (default: one hit per reprint group)",
    )
    parser.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    parser.add_argument("--limit", type=int, default=20, help="hits per page (default 20)")
    parser.add_argument("--page", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    # a word like -香港 (NOT 香港) is a query term, not an unknown option (see reader.cli.main)
    parser.set_defaults(func=run_search, accepts_dash_terms=True)

    show = subparsers.add_parser(
        "show", help="print one story", description="Print one story of the library."
    )
    show.add_argument("id", help="the story id")
    show.add_argument("--script", choices=SCRIPTS, help="convert the text to this script")
    show.add_argument("--json", action="store_true", help="print Story.to_json()")
    show.set_defaults(func=run_show)


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """The filters a search takes (tag, source, author, dates, bookmarked, collection): ``search``,
    ``kwic``, ``timeline``, ``saved add`` and ``collection add --query`` share them."""
    parser.add_argument(
        "--tag",
        action="append",
        default=[],
        help="only stories with this tag (kind:name, or a bare name for any kind); repeatable",
    )
    parser.add_argument("--source", action="append", default=[], help="only stories from this source")
    parser.add_argument("--author", action="append", default=[], help="only stories by this author")
    parser.add_argument(
        "--from", dest="date_from", default="", help="from this date (2024, 2024-05 or 2024-05-24)"
    )
    parser.add_argument("--to", dest="date_to", default="", help="up to this date, inclusive")
    parser.add_argument(
        "--bookmarked", action="store_true", help="only bookmarked stories (as the app's filter)"
    )
    parser.add_argument(
        "--collection",
        action="append",
        default=[],
        metavar="NAME",
        help="only stories in this collection; repeatable (stories in any of them)",
    )


EMPTY_LIBRARY = (
    "the library is empty: import files with `reader index FOLDER...`, "
    "or the bundled sample archive with `reader index --sample`"
)


def open_library(args: argparse.Namespace) -> ArchiveIndex | None:
    try:
        return open_index(paths.home(args.home))
    except IndexUnavailable as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return None


def run_search(args: argparse.Namespace) -> int:
    allowed: set[str] | None = None
    if args.bookmarked or args.collection:
        try:
            allowed = allowed_by(args)
        except (UserDataError, LookupError) as exc:
            print(f"reader: {exc}", file=sys.stderr)
            return EXIT_NOT_FOUND
    try:
        request = grouped_request(request_from(args), bookmarked_ids(args), args.all_copies)
    except UserDataError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return EXIT_NOT_FOUND
    library = open_library(args)
    if library is None:
        return EXIT_INDEX
    try:
        results = restricted_search(library, request, allowed)
        if library.count() == 0:
            results.notes = [*results.notes, EMPTY_LIBRARY]
    finally:
        library.close()
    _print_results(results, args.json)
    return 0


def allowed_by(args: argparse.Namespace) -> set[str] | None:
    """The story ids ``--bookmarked``/``--collection`` allow; LookupError for an unknown collection."""
    with UserData.open(paths.home(args.home)) as ud:
        known = {c.name for c in ud.collections()}
        unknown = [name for name in args.collection if name not in known]
        if unknown:
            raise LookupError(f"no collection {', '.join(map(repr, unknown))} (see `reader collection list`)")
        return allowed_ids(ud, bookmarked=args.bookmarked, collections=args.collection)


def bookmarked_ids(args: argparse.Namespace) -> set[str]:
    """The user's bookmarked story ids (none when there is no user data yet: nothing is created)."""
    home = paths.home(args.home)
    if not paths.userdata_db(home).exists():
        return set()
    with UserData.open(home) as ud:
        return {b.id for b in ud.bookmarks()}


def request_from(args: argparse.Namespace) -> SearchRequest:
    """The search request of parsed arguments (the query words and :func:`add_filter_options`)."""
    filters = {
        name: values
        for name, values in (("tag", args.tag), ("source", args.source), ("author", args.author))
        if values
    }
    return SearchRequest(
        query=" ".join(args.query),
        filters=filters,
        date_from=args.date_from,
        date_to=args.date_to,
        sort=getattr(args, "sort", "relevance"),
        page=max(1, getattr(args, "page", 1)),
        page_size=max(1, getattr(args, "limit", 20)),
    )


def _print_results(results: Results, as_json: bool) -> None:
    if as_json:
        data = {
            "total": results.total,
            "page": results.page,
            "hits": [
                {
                    "id": h.id,
                    "title": h.title,
                    "date": h.date,
                    "source": h.source,
                    "score": h.score,
                    "snippet": h.snippet,
                    "group": h.group,
                    "group_size": h.group_size,
                    "group_sources": h.group_sources,
                    "folded": h.folded,
                    **({"matched_by": h.matched_by} if h.matched_by else {}),
                    **({"matched": [{"printed": p, "query": q} for p, q in h.forms]} if h.forms else {}),
                }
                for h in results.hits
            ],
            "copies": results.copies,
            "facets": {name: [[v, c] for v, c in results.facets.get(name, [])] for name in FACETS},
            "notes": results.notes,
        }
        print(json.dumps(data, ensure_ascii=False))
        return
    for note in results.notes:
        print(f"note: {note}", file=sys.stderr)
    first = (results.page - 1) * results.page_size
    shown = len(results.hits)
    counted = stories_count(results.total)
    if results.copies != results.total:
        counted += f" ({results.copies} copies counted, reprints folded: --all-copies lists each)"
    print(counted + (f" (showing {first + 1}-{first + shown})" if shown else ""))
    for n, hit in enumerate(results.hits, first + 1):
        meta = " · ".join(x for x in (hit.date, hit.source) if x)
        print(f"\n{n}. {hit.title or '(untitled)'}  [{hit.id}]")
        if meta:
            print(f"   {meta}")
        if hit.group_size > 1:
            print(f"   {reprints_line(hit.group_size, hit.group_sources)}  (reader reprints {hit.id})")
        if hit.snippet:
            print("   " + html.unescape(_TAGS.sub("", hit.snippet)))
        if hit.forms:
            print("   matched " + ", ".join(f"{p} for {q}" for p, q in hit.forms))
        if hit.matched_by:
            print(f"   matched by {hit.matched_by}")


def reprints_line(size: int, sources: list[str]) -> str:
    """``3 copies: 新华社, 人民网`` for a hit of a reprint group."""
    shown = ", ".join(sources[:5]) + (", …" if len(sources) > 5 else "")
    return f"{size} copies" + (f": {shown}" if shown else "")


def stories_count(n: int) -> str:
    """``1 story``, ``3 stories``."""
    return f"{n} story" if n == 1 else f"{n} stories"


def run_show(args: argparse.Namespace) -> int:
    library = open_library(args)
    if library is None:
        return EXIT_INDEX
    try:
        story = library.get(args.id)
    finally:
        library.close()
    if story is None:
        print(f"reader: no story with id {args.id!r} in the library", file=sys.stderr)
        return EXIT_NOT_FOUND
    if args.script:
        story = convert_story(story, args.script)  # every displayed field; as written if already in it
        story.tags = [tag_in_script(t, args.script) for t in story.tags]
    if args.json:
        print(json.dumps(story.to_json(), ensure_ascii=False))
        return 0
    print(story.title)
    if story.subtitle:
        print(story.subtitle)
    meta = " · ".join(x for x in (story.date, story.source, story.byline or "、".join(story.authors)) if x)
    if meta:
        print(meta)
    print()
    for kind, block in story.blocks():
        print(f"【{block}】" if kind == "heading" else block)
    return 0
