"""``reader parse FILE...``: show the stories ingest finds in files and folders, as text or JSON lines.

Problems go to stderr as ``reader: FILE: reason``, then a summary line. Exit code 0
when every file was read cleanly, 1 when some file had problems (the rest is still
printed), 2 for usage errors (argparse's own).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from reader import paths
from reader.ingest import FileResult, iter_files, read_file
from reader.story import Story


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "parse",
        help="show the stories found in files or folders",
        description="Read news files (text, HTML, Markdown, JSON lines, CSV; folders are searched "
        "recursively) and print the stories found in them.",
    )
    parser.add_argument("paths", nargs="*", metavar="FILE", help="files or folders to read")
    parser.add_argument(
        "--sample", action="store_true", help="also read the sample archive that ships with reader"
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object per story per line (Story.to_json)"
    )
    parser.set_defaults(func=run, usage_error=parser.error)


def run(args: argparse.Namespace) -> int:
    given = [*args.paths, *([paths.bundled_archive()] if args.sample else [])]
    if not given:
        args.usage_error("give at least one FILE or folder, or --sample")  # exits 2
    return parse_paths(given, as_json=args.json)


def parse_paths(
    given: Iterable[str | Path],
    *,
    as_json: bool = False,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Print the stories of every file under ``given``; the exit code (0 clean, 1 problems)."""
    out = out or sys.stdout
    err = err or sys.stderr
    files = stories = problems = 0
    for path in iter_files(given):
        result = read_file(path)
        files += 1
        stories += len(result.stories)
        problems += len(result.problems)
        _print_result(result, as_json, out)
        out.flush()
        for problem in result.problems:
            print(f"reader: {problem}", file=err)
    if files == 0:
        print("reader: no files to read", file=err)
    print(
        f"parsed {files} file{'s' if files != 1 else ''}, {stories} stor{'ies' if stories != 1 else 'y'}, "
        f"{problems} problem{'s' if problems != 1 else ''}",
        file=err,
    )
    return 1 if problems or files == 0 else 0


def _print_result(result: FileResult, as_json: bool, out: TextIO) -> None:
    for story in result.stories:
        if as_json:
            out.write(json.dumps(story.to_json(), ensure_ascii=False) + "\n")
        else:
            out.write(format_story(story) + "\n")


def format_story(story: Story) -> str:
    """A story for reading in a terminal: a header, then paragraphs, subheads marked ``## ``."""
    lines = [f"# {story.title or '(untitled)'}"]
    for label, value in (
        ("subtitle", story.subtitle),
        ("date", story.date),
        ("source", story.source),
        ("authors", "、".join(story.authors)),
        ("byline", story.byline if story.byline and not story.authors else ""),
        ("column", story.column),
        ("place", story.place),
        ("editor", story.editor),
        ("edition", story.edition),
        ("url", story.url),
        ("file", f"{story.file} #{story.position + 1}" if story.file else ""),
        ("id", story.id),
    ):
        if value:
            lines.append(f"  {label}: {value}")
    lines.append("")
    for kind, text in story.blocks():
        lines.append(f"## {text}" if kind == "heading" else text)
        lines.append("")
    return "\n".join(lines)
