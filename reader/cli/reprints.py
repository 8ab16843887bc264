"""``reader reprints ID``: the reprint group of a story, its original, its copies and what each changed.

``--json`` prints one object: ``{"group", "story", "size", "original", "copies": [{id,
title, date, source, bookmarked}], "differences": [{copy, similarity, title_changed,
summary, paragraphs: [{op, original, copy}]}]}`` (paragraphs as each copy prints them;
unchanged ones left out, counted in ``summary``). Exit codes: 0 found, 1 unknown id,
4 index unusable.
"""

from __future__ import annotations

import argparse
import json
import sys

from reader import paths
from reader.cli.search import EXIT_INDEX, EXIT_NOT_FOUND, bookmarked_ids, reprints_line
from reader.index import IndexUnavailable, open_index
from reader.service.reprints import ReprintGroup, group_json, reprint_group
from reader.userdata import UserDataError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "reprints",
        help="a story's reprints and what each copy changed",
        description="List the reprint group of a story (every story printing the same or nearly the "
        "same text, in either script), its original (earliest, then the copy crediting its own "
        "source) and, for each copy, the paragraphs it added, removed or changed.",
    )
    parser.add_argument("id", help="the story id")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run_reprints)


def run_reprints(args: argparse.Namespace) -> int:
    try:
        bookmarked = bookmarked_ids(args)
    except UserDataError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return EXIT_NOT_FOUND
    try:
        library = open_index(paths.home(args.home))
    except IndexUnavailable as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return EXIT_INDEX
    try:
        known = library.get(args.id) is not None
        group = reprint_group(library, args.id, bookmarked) if known else None
    finally:
        library.close()
    if not known:
        print(f"reader: no story with id {args.id!r} in the library", file=sys.stderr)
        return EXIT_NOT_FOUND
    if group is None:  # the groups lag behind the index (an import was stopped between the two)
        print(
            f"reader: the reprint groups do not list {args.id!r} yet: `reader index` brings them up to date",
            file=sys.stderr,
        )
        return EXIT_NOT_FOUND
    if args.json:
        print(json.dumps(group_json(group), ensure_ascii=False))
    else:
        _print_group(group)
    return 0


_MARK = {"added": "+", "removed": "-", "changed": "~"}


def _print_group(group: ReprintGroup) -> None:
    if len(group.copies) == 1:
        print(f"{group.story_id}: no other story in the library prints this text")
        return
    sources = list(dict.fromkeys(c.source for c in group.copies if c.source))
    print(f"reprint group {group.id}: {reprints_line(len(group.copies), sources)}")
    for n, copy in enumerate(group.copies):
        role = "original" if n == 0 else "copy"
        mark = " ★" if copy.id in group.bookmarked else ""
        meta = " · ".join(x for x in (copy.date, copy.source) if x)
        print(f"  {role:8} [{copy.id}] {copy.title}{mark}" + (f"  ({meta})" if meta else ""))
    for diff in group.diffs:
        steps = [c for c in diff.changes if c.op != "same"]
        head = f"\n[{diff.copy.id}] against the original: similarity {diff.similarity:.2f}"
        if diff.title_changed:
            head += f", title 《{diff.copy.title}》"
        print(head + ("" if steps else ", the same paragraphs"))
        for change in steps:
            if change.op == "changed":
                print(f"  ~ {change.original}\n    → {change.copy}")
            else:
                print(f"  {_MARK[change.op]} {change.original or change.copy}")
