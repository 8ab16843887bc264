"""``reader bookmark|collection|tag|userdata|history``: the user's own data, headless.

Ids are checked against the library's index (when it can be opened): an unknown
id is refused with exit 1 unless ``--force``. Stories that have left
the index are listed as "missing" with the snapshot taken when last seen (JSON
``"missing"``: true, false, or null when there is no index to ask). Tag changes
are pushed into the index at once (``refresh_index_tags``); if the index is busy
they stay queued and go in with the next tag change or import.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader import paths
from reader.cli.search import add_filter_options, request_from
from reader.index import open_index
from reader.service.collect import add_results
from reader.service.presence import present_ids
from reader.service.search import allowed_ids
from reader.service.tagsync import refresh_index_tags
from reader.userdata import UserData, UserDataError


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the bookmark, collection, tag, userdata and history commands."""
    _register_bookmark(subparsers)
    _register_collection(subparsers)
    _register_tag(subparsers)
    _register_userdata(subparsers)
    p = subparsers.add_parser("history", help="recently read stories")
    p.add_argument("--limit", type=int, default=50, help="how many (default 50)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=_run(_history))


def _group(subparsers, name: str, help_text: str) -> argparse._SubParsersAction:
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(func=lambda args: _usage(parser))
    return parser.add_subparsers(dest=f"{name}_command", metavar="ACTION")


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _register_bookmark(subparsers) -> None:
    sub = _group(subparsers, "bookmark", "star stories, with an optional note")
    p = sub.add_parser("add", help="bookmark a story")
    p.add_argument("id", help="story id")
    p.add_argument("--note", default="", help="note to keep with it")
    p.add_argument("--force", action="store_true", help="bookmark even if the index does not know the id")
    p.set_defaults(func=_run(_bookmark_add))
    p = sub.add_parser("remove", help="remove a bookmark (note, tags and collections stay)")
    p.add_argument("id", help="story id")
    p.set_defaults(func=_run(_bookmark_remove))
    p = sub.add_parser("list", help="list bookmarks, newest first; gone stories marked missing")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=_run(_bookmark_list))
    p = sub.add_parser("note", help="show a story's note, or set it (empty TEXT clears it)")
    p.add_argument("id", help="story id")
    p.add_argument("text", nargs="?", help="new note")
    p.set_defaults(func=_run(_note))


def _register_collection(subparsers) -> None:
    sub = _group(subparsers, "collection", "named collections of stories")
    p = sub.add_parser(
        "add", help="put stories into a collection (made if new): by id, or every result of --query"
    )
    p.add_argument("name")
    p.add_argument("ids", nargs="*", metavar="ID")
    p.add_argument("--force", action="store_true", help="add even ids the index does not know")
    p.add_argument(
        "--query",
        metavar="Q",
        help="add every story matching Q and the filters below (not one page; '' with filters: all of them)",
    )
    add_filter_options(p)
    p.add_argument("--json", action="store_true", help="print JSON (with --query)")
    p.set_defaults(func=_run(_collection_add))
    p = sub.add_parser("remove", help="take stories out of a collection")
    p.add_argument("name")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.set_defaults(func=_run(_collection_remove))
    p = sub.add_parser("list", help="list collections, or the stories of one")
    p.add_argument("name", nargs="?")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=_run(_collection_list))
    p = sub.add_parser("delete", help="delete a collection (the stories stay)")
    p.add_argument("name")
    p.set_defaults(
        func=_run(lambda a, h, ud: _done(ud.delete_collection(a.name), f"no collection {a.name!r}"))
    )
    p = sub.add_parser("rename", help="rename a collection")
    p.add_argument("old")
    p.add_argument("new")
    p.set_defaults(func=_run(_collection_rename))


def _register_tag(subparsers) -> None:
    sub = _group(subparsers, "tag", "your own tags; hide or rename automatic ones")
    for name, help_text in (
        ("add", "give a story one of your tags (saved as user:TAG)"),
        ("remove", "take one of your tags off a story"),
        ("hide", "hide an automatic tag (e.g. place:上饶) on a story"),
        ("unhide", "show a hidden automatic tag again"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("id", help="story id")
        p.add_argument("tag")
        if name == "add":
            p.add_argument("--force", action="store_true", help="tag even if the index does not know the id")
        p.set_defaults(func=_run(_tag_change), action=name)
    p = sub.add_parser(
        "rename", help="rename a tag everywhere, now and after re-imports (OLD needs its kind)"
    )
    p.add_argument("old", help="e.g. place:上饶")
    p.add_argument("new", nargs="?", help="e.g. 上饶市 (keeps the kind) or org:…")
    p.add_argument("--undo", action="store_true", help="undo the rename of OLD instead (no NEW)")
    p.set_defaults(func=_run(_tag_rename))
    p = sub.add_parser("list", help="a story's tags, or (no ID) your tags and renames")
    p.add_argument("id", nargs="?")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=_run(_tag_list))


def _register_userdata(subparsers) -> None:
    sub = _group(
        subparsers, "userdata", "all your bookmarks, notes, collections, tags and history as one JSON file"
    )
    p = sub.add_parser("export", help="write everything to FILE")
    p.add_argument("file")
    p.set_defaults(func=_run(_export))
    p = sub.add_parser("import", help="merge FILE in (importing twice changes nothing)")
    p.add_argument("file")
    p.set_defaults(func=_run(_import))


# -- running -------------------------------------------------------------------


def _run(
    action: Callable[[argparse.Namespace, Path, UserData], int | None],
) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        home = paths.home(getattr(args, "home", None))
        try:
            with UserData.open(home) as ud:
                return int(action(args, home, ud) or 0)
        except (UserDataError, ValueError) as exc:
            print(f"reader: {exc}", file=sys.stderr)
            return 1

    return run


def _done(ok: bool, message: str) -> int:
    if not ok:
        print(f"reader: {message}", file=sys.stderr)
        return 1
    return 0


class _Index:
    """The library's index, opened on first use; None when it cannot be opened (said on stderr)."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self._index: Any = None
        self.opened = False

    def get(self) -> Any | None:
        if not self.opened:
            self.opened = True
            try:
                self._index = open_index(self.home)
            except Exception as exc:  # the index's own named errors; user data still works
                print(f"reader: warning: cannot open the index ({exc}); ids are not checked", file=sys.stderr)
        return self._index

    def close(self) -> None:
        if self._index is not None:
            self._index.close()


def _check_known(home: Path, index: _Index, ids: list[str], force: bool, ud: UserData) -> bool:
    """False (after saying why) when some id is unknown and --force was not given."""
    idx = index.get()
    if idx is None:
        print("reader: warning: no search index available, so the id was not checked", file=sys.stderr)
        return True
    known = present_ids(idx, ids, ud)
    unknown = [i for i in ids if i not in known]
    if not unknown or force:
        return True
    print(
        f"reader: no story with id {', '.join(unknown)} in the library at {home} "
        "(find ids with `reader search`); use --force to save it anyway",
        file=sys.stderr,
    )
    return False


def _push_tags(home: Path, ud: UserData, index: _Index, ids: list[str]) -> None:
    idx = index.get()
    if idx is None:
        return
    try:
        refresh_index_tags(home, ud, ids, index=idx)
    except Exception as exc:  # e.g. LibraryBusy: the change is saved and stays queued
        print(
            f"reader: saved; the index will show it after the next change or import ({exc})", file=sys.stderr
        )


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


# -- bookmarks -------------------------------------------------------------------


def _bookmark_add(args, home: Path, ud: UserData) -> int:
    index = _Index(home)
    try:
        if not _check_known(home, index, [args.id], args.force, ud):
            return 1
        idx = index.get()
        story = idx.get(args.id) if idx is not None else None
        new = ud.add_bookmark(args.id, note=args.note, snapshot=story)
    finally:
        index.close()
    print(
        f"{'bookmarked' if new else 'already bookmarked'}: {args.id}" + (f"  {story.title}" if story else "")
    )
    return 0


def _bookmark_remove(args, home: Path, ud: UserData) -> int:
    return _done(ud.remove_bookmark(args.id), f"{args.id} is not bookmarked")


def _present(home: Path, ud: UserData, ids: list[str]) -> set[str] | None:
    """Those of ``ids`` in the index (refreshing their snapshots); None when there is no index."""
    index = _Index(home)
    try:
        idx = index.get()
        return present_ids(idx, ids, ud) if idx is not None else None
    finally:
        index.close()


def _bookmark_list(args, home: Path, ud: UserData) -> int:
    marks = ud.bookmarks()
    present = _present(home, ud, [b.id for b in marks])
    marks = ud.bookmarks()  # snapshots may have been refreshed
    rows = []
    for b in marks:
        row = {
            "id": b.id,
            "created": b.created,
            "title": b.title,
            "date": b.date,
            "source": b.source,
            "file": b.file,
            "note": b.note,
            "missing": None if present is None else b.id not in present,
        }
        rows.append(row)
    if args.json:
        _print_json(rows)
        return 0
    if not rows:
        print("no bookmarks")
    for row in rows:
        print(_line(row))
        if row["note"]:
            print(f"    note: {row['note']}")
    return 0


def _line(row: dict) -> str:
    parts = [row["id"], row["date"] or "-", row["source"] or "-", row["title"] or "(title unknown)"]
    return "  ".join(parts) + ("  [missing]" if row["missing"] else "")


def _note(args, home: Path, ud: UserData) -> int:
    if args.text is None:
        text = ud.note(args.id)
        if text:
            print(text)
        return 0
    ud.set_note(args.id, args.text)
    return 0


# -- collections -----------------------------------------------------------------


def _collection_add(args, home: Path, ud: UserData) -> int:
    if args.query is not None:
        return _collection_add_query(args, home, ud)
    if not args.ids:
        print("reader: give story ids, or --query Q to add every story a search finds", file=sys.stderr)
        return 2
    index = _Index(home)
    try:
        if not _check_known(home, index, args.ids, args.force, ud):
            return 1
    finally:
        index.close()
    added = ud.add_to_collection(args.name, args.ids)
    print(f"{args.name}: {added} added, {len(ud.collection_ids(args.name))} in all")
    return 0


def _collection_add_query(args, home: Path, ud: UserData) -> int:
    if args.ids:
        print("reader: give either story ids or --query, not both", file=sys.stderr)
        return 2
    request = request_from(argparse.Namespace(**{**vars(args), "query": [args.query]}))
    known = {c.name for c in ud.collections()}
    unknown = [name for name in args.collection if name not in known]
    if unknown:
        return _done(False, f"no collection {', '.join(map(repr, unknown))} (see `reader collection list`)")
    allowed = allowed_ids(ud, bookmarked=args.bookmarked, collections=args.collection)
    try:
        library = open_index(home)
    except Exception as exc:  # the index's own named errors: nothing to search
        print(f"reader: {exc}", file=sys.stderr)
        return 4
    try:
        done = add_results(library, ud, args.name, request, allowed)
    finally:
        library.close()
    if args.json:
        _print_json({**done.to_json(), "in_all": len(ud.collection_ids(done.name))})
    else:
        print(
            f"{done.name}: {len(done.added)} added of {done.matched} matching, "
            f"{len(ud.collection_ids(done.name))} in all"
        )
    return 0


def _collection_remove(args, home: Path, ud: UserData) -> int:
    if args.name not in {c.name for c in ud.collections()}:
        return _done(False, f"no collection {args.name!r}")
    removed = ud.remove_from_collection(args.name, args.ids)
    print(f"{args.name}: {removed} removed, {len(ud.collection_ids(args.name))} left")
    return 0


def _collection_rename(args, home: Path, ud: UserData) -> int:
    ud.rename_collection(args.old, args.new)
    return 0


def _collection_list(args, home: Path, ud: UserData) -> int:
    if not args.name:
        rows = [{"name": c.name, "created": c.created, "count": c.count} for c in ud.collections()]
        if args.json:
            _print_json(rows)
        else:
            for row in rows:
                print(f"{row['name']}  ({row['count']})")
            if not rows:
                print("no collections")
        return 0
    if args.name not in {c.name for c in ud.collections()}:
        return _done(False, f"no collection {args.name!r}")
    ids = ud.collection_ids(args.name)
    present = _present(home, ud, ids)
    rows = []
    for story_id in ids:
        snap = ud.snapshot(story_id)
        rows.append(
            {
                "id": story_id,
                "title": snap.title if snap else "",
                "date": snap.date if snap else "",
                "source": snap.source if snap else "",
                "file": snap.file if snap else "",
                "missing": None if present is None else story_id not in present,
            }
        )
    if args.json:
        _print_json({"name": args.name, "stories": rows})
    else:
        for row in rows:
            print(_line(row))
    return 0


# -- tags ---------------------------------------------------------------------------


def _tag_change(args, home: Path, ud: UserData) -> int:
    index = _Index(home)
    try:
        if args.action == "add":
            if not _check_known(home, index, [args.id], args.force, ud):
                return 1
            ud.add_user_tag(args.id, args.tag)
        elif args.action == "remove":
            if not ud.remove_user_tag(args.id, args.tag):
                return _done(False, f"{args.id} has no user tag {args.tag!r}")
        elif args.action == "hide":
            ud.hide_auto_tag(args.id, args.tag)
        elif not ud.unhide_auto_tag(args.id, args.tag):
            return _done(False, f"{args.tag!r} is not hidden on {args.id}")
        _push_tags(home, ud, index, [args.id])
        idx = index.get()
        story = idx.get(args.id) if idx is not None else None
        if story is not None:
            print(f"{args.id}: {' '.join(story.tags)}")
    finally:
        index.close()
    return 0


def _tag_rename(args, home: Path, ud: UserData) -> int:
    if args.undo:
        if not ud.remove_rename(args.old):
            return _done(False, f"{args.old!r} is not renamed")
        new = args.old
    elif not args.new:
        return _done(False, "tag rename needs OLD and NEW (or --undo OLD)")
    else:
        new = ud.rename_tag(args.old, args.new)
    index = _Index(home)
    try:
        _push_tags(home, ud, index, [])
    finally:
        index.close()
    print(f"{args.old} -> {new}")
    return 0


def _tag_list(args, home: Path, ud: UserData) -> int:
    if args.id:
        index = _Index(home)
        try:
            idx = index.get()
            story = idx.get(args.id) if idx is not None else None
        finally:
            index.close()
        data = {
            "id": args.id,
            "tags": list(story.tags) if story else None,
            "user": ud.user_tags(args.id),
            "hidden": ud.hidden_tags(args.id),
        }
    else:
        data = {
            "user": [{"tag": t, "count": n} for t, n in ud.user_tag_counts()],
            "renames": [{"old": o, "new": n} for o, n in ud.renames().items()],
        }
    if args.json:
        _print_json(data)
    elif args.id:
        print(
            "tags:   " + (" ".join(data["tags"]) if data["tags"] is not None else "(story not in the index)")
        )
        print("user:   " + " ".join(data["user"]))
        print("hidden: " + " ".join(data["hidden"]))
    else:
        for row in data["user"]:
            print(f"{row['tag']}  ({row['count']})")
        for row in data["renames"]:
            print(f"{row['old']} -> {row['new']}")
    return 0


# -- transfer and history ----------------------------------------------------------


def _export(args, home: Path, ud: UserData) -> int:
    counts = ud.export_json(args.file)
    print(f"exported to {args.file}: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    return 0


def _import(args, home: Path, ud: UserData) -> int:
    counts = ud.import_json(args.file)
    changed = {k: n for k, n in counts.items() if n}
    print(f"imported {args.file}: " + (", ".join(f"{n} {k}" for k, n in changed.items()) or "nothing new"))
    index = _Index(home)
    try:
        _push_tags(home, ud, index, [])
    finally:
        index.close()
    return 0


GONE_TITLE = "(no longer in the library)"


def _history(args, home: Path, ud: UserData) -> int:
    entries = ud.history(args.limit)
    _present(home, ud, [story_id for story_id, _when in entries])  # snapshots of those in the index
    rows = []
    for story_id, when in entries:
        snap = ud.snapshot(story_id)
        title = (snap.title or "(untitled)") if snap else GONE_TITLE
        rows.append({"id": story_id, "read": when, "title": title})
    if args.json:
        _print_json(rows)
    elif not rows:
        print("no stories read yet (stories read in the app are listed here)")
    else:
        for row in rows:
            print(f"{row['read'][:19].replace('T', ' ')}  {row['id']}  {row['title']}")
    return 0
