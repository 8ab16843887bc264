"""One file in, its stories out: find the files, read the bytes, pick the right reader.

``iter_files`` walks folders for supported files; ``read_file`` never raises for bad
input: a missing, unreadable, binary or empty file comes back as a ``Problem``
naming the file and the reason, and the caller goes on with the next one.
Which reader a file gets depends on its suffix (``.html``, ``.jsonl``, ``.csv`` ...)
and, for text without a telling suffix, on a look at its first characters.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.ingest import html as html_reader
from reader.ingest import markdown as markdown_reader
from reader.ingest import records
from reader.ingest.decode import NotText, declared_charset, decode_bytes
from reader.ingest.textpage import parse_text
from reader.safefiles import NotRegularFile, read_regular, shown
from reader.story import Story, assign_ids

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv", ".tsv"}
#: Every suffix ``iter_files`` picks up in folders ("" is a file without suffix).
SUPPORTED_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | MARKDOWN_SUFFIXES | RECORD_SUFFIXES

#: Files larger than this are refused rather than read into memory.
MAX_BYTES = 512 * 1024 * 1024
#: A page (text, Markdown, HTML: one page, a few stories) longer than this is refused: no news
#: page is, and parsing one would take minutes and gigabytes. Exports (JSON lines, CSV) may be longer.
MAX_PAGE_CHARS = 8_000_000
#: A story longer than this (a book, or junk) is cut there, and the cut named: indexing and tagging
#: stay bounded (memory grows with a story's length), and the rest of the file imports.
MAX_STORY_CHARS = 1_000_000

_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)


@dataclass
class Problem:
    """One file that could not be (fully) read, and why, in a few human words."""

    file: str
    reason: str

    def __str__(self) -> str:
        return f"{shown(self.file)}: {self.reason}"


@dataclass
class FileResult:
    """What one file gave: its stories (ids assigned), the problems met, the encoding used."""

    file: str
    stories: list[Story] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encoding: str = ""


def suffix_of(path: Path) -> str:
    """The lowercase suffix; a purely numeric one (``story.2024``) counts as none."""
    suffix = path.suffix.lower()
    return "" if suffix[1:].isdigit() else suffix


def is_supported(path: Path) -> bool:
    return suffix_of(path) in SUPPORTED_SUFFIXES


def iter_files(paths: Iterable[str | Path], skipped: list[Path] | None = None) -> Iterator[Path]:
    """The files to read under ``paths``: folders walked recursively and sorted.

    In folders, hidden files and folders and unsupported suffixes (images, PDFs,
    archives ...) are skipped; files skipped for their type are appended to
    ``skipped`` when given, so the user can be told. A path given explicitly is
    yielded as it is, even when missing or unsupported, so that ``read_file`` can
    say what is wrong with it.
    """
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in _walk(path, skipped):
                key = os.path.normcase(os.path.abspath(found))
                if key not in seen:
                    seen.add(key)
                    yield found
        else:
            key = os.path.normcase(os.path.abspath(path))
            if key not in seen:
                seen.add(key)
                yield path


#: Files a folder holds to be shipped inside a Python package (the bundled archive is): never news,
#: never reported as skipped.
_PACKAGE_FILES = frozenset({"__init__.py"})


def _walk(folder: Path, skipped: list[Path] | None = None) -> Iterator[Path]:
    found: list[Path] = []
    other: list[Path] = []

    def unreadable(error: OSError) -> None:  # yielded so that read_file reports it
        if error.filename and Path(error.filename) != folder:
            found.append(Path(error.filename))
        elif error.filename:
            found.append(folder)

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
        for name in files:
            if name.startswith(".") or name.endswith("~") or name in _PACKAGE_FILES:
                continue  # hidden, backups, and the marker that ships a folder in a Python package
            path = Path(root) / name
            if is_supported(path):
                found.append(path)
            else:
                other.append(path)
    found.sort(key=lambda p: [part.lower() for part in p.relative_to(folder).parts])
    if skipped is not None:
        skipped.extend(sorted(other, key=lambda p: [part.lower() for part in p.relative_to(folder).parts]))
    return iter(found)


def read_file(path: str | Path) -> FileResult:
    """The stories in one file. Never raises for bad input: problems are reported in the result.

    Steps: the file's text (:func:`_page_text`: read, decoded, size-checked), the reader for its
    suffix, then the stories' size check and, for a damaged decoding, unreadable stories dropped.
    """
    path = Path(path)
    name = str(path)
    result = FileResult(file=name)
    suffix = suffix_of(path)
    page = _page_text(path, suffix, result)
    if isinstance(page, str):
        result.problems.append(Problem(name, page))
        return result
    text, damaged = page
    try:
        stories, problems = _parse(text, suffix, name)
    except Exception as exc:  # a parser bug must cost one file, not the whole import
        result.problems.append(Problem(name, f"could not parse ({type(exc).__name__}: {exc})"))
        return result
    stories, too_long = _within_size(stories)
    result.problems += [Problem(name, reason) for reason in [*problems, *too_long]]
    if damaged:
        stories = _readable_only(stories, result)
    if not stories and not result.problems:
        result.problems.append(Problem(name, "no stories found"))
    result.stories = assign_ids(stories, name)
    return result


def _page_text(path: Path, suffix: str, result: FileResult) -> tuple[str, bool] | str:
    """``(text, damaged)`` of the file at ``path`` (newlines normalised, BOM dropped), its encoding
    and any damage noted in ``result``; the reason when there is nothing to parse."""
    data_or_reason = _read_bytes(path)
    if isinstance(data_or_reason, str):
        return data_or_reason
    data = data_or_reason
    if not data:
        return "empty file"
    if suffix not in SUPPORTED_SUFFIXES:
        return f"unsupported file type ({suffix}); expected text, HTML, Markdown, JSON lines or CSV"
    declared = declared_charset(data[:4096]) if suffix in HTML_SUFFIXES or suffix in TEXT_SUFFIXES else ""
    try:
        decoded = decode_bytes(data, declared=declared)
    except NotText as exc:
        return str(exc)
    result.encoding = decoded.encoding
    damaged = bool(decoded.problem)
    if damaged:
        result.problems.append(Problem(result.file, decoded.problem))
    del data
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    del decoded
    if not text.strip().strip("\ufeff\u200b\u3000\u00a0"):
        return "no text (only whitespace)"
    is_records = suffix in RECORD_SUFFIXES or (suffix == "" and text.lstrip().startswith("{"))
    if not is_records and len(text) > MAX_PAGE_CHARS:
        what = "HTML" if suffix in HTML_SUFFIXES else "page"
        return (
            f"{what} too large to be one news page "
            f"({len(text):,} characters; the limit is {MAX_PAGE_CHARS:,})"
        )
    return text, damaged


def _readable_only(stories: list[Story], result: FileResult) -> list[Story]:
    """The stories of a damaged decoding that are more than replacement characters; the rest named."""
    readable = [s for s in stories if _readable(s)]
    if len(readable) < len(stories):
        dropped = len(stories) - len(readable)
        result.problems.append(
            Problem(
                result.file,
                f"nothing readable after decoding: {dropped} {'story' if dropped == 1 else 'stories'}"
                " of only replacement characters not imported",
            )
        )
    return readable


def _readable(story) -> bool:
    """Whether a story holds any character besides U+FFFD, private-use ones, spaces and punctuation."""
    for ch in story.title + story.subtitle + story.text:
        if ch == "\ufffd" or ch.isspace():
            continue
        if unicodedata.category(ch)[0] in "LN" and unicodedata.category(ch) != "Co":
            return True
    return False


def _within_size(stories: list[Story]) -> tuple[list[Story], list[str]]:
    """``stories`` with any longer than :data:`MAX_STORY_CHARS` cut there, and a reason for each cut."""
    reasons = []
    for number, story in enumerate(stories, 1):
        size = sum(map(len, story.paragraphs)) + sum(map(len, story.headings)) + len(story.title)
        if size <= MAX_STORY_CHARS:
            continue
        room = MAX_STORY_CHARS - len(story.title) - sum(map(len, story.headings))
        paragraphs = []
        for para in story.paragraphs:
            if room <= 0:
                break
            paragraphs.append(para[:room])
            room -= len(paragraphs[-1])
        story.paragraphs = paragraphs
        story.heading_at = [min(at, len(paragraphs)) for at in story.heading_at]
        title = story.title[:30] + ("…" if len(story.title) > 30 else "")
        reasons.append(
            f"story {number} ({title or 'untitled'}) too long: cut at {MAX_STORY_CHARS:,} of its "
            f"{size:,} characters"
        )
    return stories, reasons


def _read_bytes(path: Path) -> bytes | str:
    """The file's bytes, or the reason they cannot be read."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            return f"broken symbolic link (points to {os.readlink(path)})"
        return "no such file"
    except PermissionError:
        return "permission denied"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        return _os_reason(exc)
    if stat.S_ISDIR(info.st_mode):
        try:
            with os.scandir(path):
                pass
        except OSError as exc:
            return f"folder cannot be read ({_os_reason(exc)})"
        return "is a folder, not a file (pass folders to iter_files or reader parse)"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (device, pipe or socket)"
    if info.st_size > MAX_BYTES:
        return f"too large ({info.st_size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)"
    try:
        return read_regular(path, MAX_BYTES)
    except NotRegularFile as exc:
        return str(exc)
    except PermissionError:
        return "permission denied"
    except IsADirectoryError:
        return "is a folder, not a file"
    except OSError as exc:
        return _os_reason(exc)


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _parse(text: str, suffix: str, file: str) -> tuple[list[Story], list[str]]:
    if suffix in RECORD_SUFFIXES:
        return _parse_records(text, suffix, file)
    if suffix in HTML_SUFFIXES and "<" not in text[:4096]:
        return parse_plain(text, file), []  # a text file saved with an .html name
    if suffix in HTML_SUFFIXES or (suffix in TEXT_SUFFIXES and _HTML_START.match(text[:2048])):
        return html_reader.parse_html(text, file)
    if suffix in MARKDOWN_SUFFIXES:
        return markdown_reader.parse_markdown(text, file)
    if suffix == "" and text.lstrip().startswith("{"):
        stories, problems = _parse_records(text, ".jsonl", file)
        if stories:
            return stories, problems
    return parse_plain(text, file), []


def _parse_records(text: str, suffix: str, file: str) -> tuple[list[Story], list[str]]:
    if suffix in (".jsonl", ".ndjson"):
        stories, problems = records.parse_jsonl(text, file)
    elif suffix == ".json":
        stories, problems = records.parse_json(text, file)
    else:
        stories, problems = records.parse_csv(text, file, "\t" if suffix == ".tsv" else "")
    return stories, [str(p) for p in problems]


def parse_plain(text: str, file: str = "") -> list[Story]:
    """A plain-text page through the text-page parser."""
    return parse_text(text, file)
