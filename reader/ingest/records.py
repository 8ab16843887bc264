"""Structured exports: JSON lines, JSON and CSV/TSV files, one story per record.

Keys and column headers are matched case-insensitively against the common names
news exports use (``title``/``标题``, ``content``/``正文``, ``date_iso``/``发布时间`` ...).
A record with its own ``id`` keeps a story id derived from that id, so re-importing
an edited export maps each record to the same story. A bad line or row is reported
with its number and the rest of the file still imports.
"""

from __future__ import annotations

import csv
import html
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

from reader.ingest.dates import parse_date
from reader.story import Story, story_id

#: Accepted names of each field, in order of preference (compared case-insensitively,
#: ignoring spaces, ``-`` and ``_``).
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "标题", "標題", "headline", "题目", "題目"),
    "content": (
        "content",
        "text",
        "body",
        "正文",
        "内容",
        "內容",
        "article",
        "maintext",
        "fulltext",
        "description",
    ),
    "date": (
        "dateiso",
        "date",
        "published",
        "publishdate",
        "publishedat",
        "publishtime",
        "pubdate",
        "time",
        "datetime",
        "发布时间",
        "發佈時間",
        "發布時間",
        "日期",
        "时间",
        "時間",
    ),
    "source": (
        "source",
        "来源",
        "來源",
        "publisher",
        "media",
        "sitename",
        "site",
        "出处",
        "出處",
        "媒体",
        "媒體",
    ),
    "author": ("author", "authors", "作者", "byline", "记者", "記者", "reporter", "writer"),
    "url": ("url", "link", "href", "网址", "網址", "链接", "鏈接", "originalurl"),
    "column": ("column", "category", "栏目", "欄目", "channel", "section", "频道", "頻道", "分类", "分類"),
    "subtitle": ("subtitle", "副标题", "副標題", "subheading"),
    "editor": ("editor", "责任编辑", "責任編輯", "编辑", "編輯"),
    "id": ("id", "uid", "articleid", "docid", "编号", "編號", "_id"),
}

#: Bad records reported one by one; past this, one line counts the rest.
MAX_PROBLEMS = 20
#: A JSON line longer than this is refused as a whole (one story is never this long).
MAX_RECORD_CHARS = 8 * 1024 * 1024

#: Keys under which a JSON document may hold its list of records.
LIST_KEYS = (
    "stories",
    "articles",
    "items",
    "data",
    "records",
    "results",
    "news",
    "docs",
    "rows",
    "entries",
    "list",
    "hits",
    "posts",
    "documents",
)

_AUTHOR_SPLIT = re.compile(r"\s*(?:[、,，;；/／&＆]|\band\b|\s{2,}|　)\s*")
_ROLE = re.compile(
    r"^(?:本报|本報|本刊|特约|特約|实习|實習|见习|見習)?"
    r"(?:(?:记者|記者|通讯员|通訊員|撰文|作者|编辑|編輯|文|采写|採寫)[:：/／\s]+|(?:记者|記者|通讯员|通訊員)(?=[\u4e00-\u9fff]{2,4}$))"
)
_HTML_CONTENT = re.compile(r"</?(?:p|br|div|span|strong|img|h[1-6])\b[^>]*>", re.IGNORECASE)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BREAK = re.compile(
    r"<br\s*/?>|</(?:p|div|h[1-6]|li|tr|blockquote)\s*>|<(?:p|div|h[1-6]|li)\b[^>]*>", re.IGNORECASE
)
_TAG = re.compile(r"<[^>]{0,2000}>")
_ISO = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?")


@dataclass
class RecordProblem:
    """A record that could not be read: where (``line 12``, ``row 3``) and why."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}" if self.where else self.reason


@lru_cache(maxsize=4096)
def _norm(key: str) -> str:
    return re.sub(r"[\s_\-]", "", str(key)).lower()


_NORMED = {field: tuple(_norm(n) for n in names) for field, names in FIELD_NAMES.items()}
_KNOWN = frozenset(n for names in _NORMED.values() for n in names)


def _pick(record: dict, field: str, keys: dict[str, str] | None = None) -> object:
    """The first non-empty value among ``field``'s accepted names; ``keys`` maps normalised names to keys."""
    if keys is None:
        keys = {_norm(k): k for k in record}
    for name in _NORMED[field]:
        key = keys.get(name)
        if key is not None and record[key] not in (None, "", []):
            return record[key]
    return None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(_text(v) for v in value)
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("text") or "")
    return str(value).strip()


def split_paragraphs(content: str) -> list[str]:
    """Paragraphs of a content field: one per line, ``　　`` indents and blank lines dropped.

    Content stored as HTML (``<p>…</p>``, ``<br>``) is turned into lines first.
    """
    if _HTML_CONTENT.search(content[:2000]):
        content = html_fragment_text(content)
    out = []
    for line in content.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.strip()  # str.strip takes 　 (U+3000) and no-break spaces too
        if line:
            out.append(line)
    return out


def html_fragment_text(content: str) -> str:
    """The text of an HTML fragment stored in a record, a line per paragraph or line break."""
    content = _SCRIPT.sub("", content)
    content = _BREAK.sub("\n", content)
    content = _TAG.sub("", content)
    return html.unescape(content)


# 眾新聞記者 / 本报记者 / 新华社通讯员: a desk or outlet, nobody's name
_GROUP_CREDIT = re.compile(
    r"[\u3400-\u9fff]{0,8}(?:記者|记者|通訊員|通讯员|特派員|特派员|編輯部|编辑部|報道組|报道组|評論員|评论员|"
    r"特約記者|特约记者)(?:組|组|團隊|团队)?"
)


def split_authors(value: object) -> list[str]:
    """Author names from a string (``飄楊 & 小鳥``, ``张三、李四``) or a list."""
    if isinstance(value, list):
        names = [_text(v) for v in value]
    else:
        names = _AUTHOR_SPLIT.split(_text(value))
    out = []
    for name in names:
        name = _ROLE.sub("", name.strip()).strip()
        if name and name not in out and not _GROUP_CREDIT.fullmatch(name):
            out.append(name)
    return out


def iso_date(value: object) -> str:
    """An ISO date (``YYYY-MM-DD``, or ``YYYY-MM``) from a record's date field, '' if none."""
    text = _text(value)
    if not text:
        return ""
    if re.fullmatch(r"\d{10}(\d{3})?", text):  # a Unix timestamp (seconds or milliseconds)
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d")
    match = _ISO.search(text)
    if match:
        year, month, day = match.group(1), int(match.group(2)), match.group(3)
        if 1 <= month <= 12:
            if day and 1 <= int(day) <= 31:
                return f"{year}-{month:02d}-{int(day):02d}"
            return f"{year}-{month:02d}"
    try:
        return parse_date(text)
    except Exception:  # a date parser bug must not lose the record
        return ""


def record_to_story(record: dict, file: str = "", seen_ids: dict[str, int] | None = None) -> Story | None:
    """A story from one record, or None when it has neither title nor text."""
    keys = {_norm(k): k for k in record if isinstance(k, str)}

    def pick(field: str) -> object:
        return _pick(record, field, keys)

    title = _text(pick("title"))
    paragraphs = split_paragraphs(_text(pick("content")))
    if not title and not paragraphs:
        return None
    author = pick("author")
    story = Story(
        title=title.replace("\n", " "),
        paragraphs=paragraphs,
        subtitle=_text(pick("subtitle")),
        authors=split_authors(author) if author is not None else [],
        byline=_text(author) if isinstance(author, str) else "",
        column=_text(pick("column")),
        date=iso_date(pick("date")),
        source=_text(pick("source")),
        editor=_text(pick("editor")),
        url=_text(pick("url")),
    )
    own_id = _text(pick("id"))
    if own_id and file:
        seen = seen_ids if seen_ids is not None else {}
        occurrence = seen.get(own_id, 0)
        seen[own_id] = occurrence + 1
        story.id = story_id(file, f"record:{own_id}", occurrence)
    return story


def _to_stories(records: Iterator[tuple[str, object]], file: str) -> tuple[list[Story], list[RecordProblem]]:
    stories: list[Story] = []
    problems: list[RecordProblem] = []
    seen: dict[str, int] = {}
    for where, record in records:
        if isinstance(record, RecordProblem):
            problems.append(record)
            continue
        if not isinstance(record, dict):
            problems.append(RecordProblem(where, f"not a record (a JSON {type(record).__name__})"))
            continue
        try:
            story = record_to_story(record, file, seen)
        except (
            RecursionError,
            ValueError,
            TypeError,
        ) as exc:  # odd values (deep lists ...): this record only
            problems.append(RecordProblem(where, f"record cannot be read ({type(exc).__name__})"))
            continue
        if story is None:
            problems.append(RecordProblem(where, "no title or text"))
        else:
            stories.append(story)
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        problems = problems[:MAX_PROBLEMS] + [RecordProblem("", f"and {more} more bad records")]
    return stories, problems


def parse_jsonl(text: str, file: str = "") -> tuple[list[Story], list[RecordProblem]]:
    """One JSON object per line; blank lines skipped, bad lines reported by number."""

    def records() -> Iterator[tuple[str, object]]:
        for number, line in enumerate(text.split("\n"), 1):
            line = line.strip()
            if not line:
                continue
            yield _load_line(line, f"line {number}")

    return _to_stories(records(), file)


def _load_line(line: str, where: str) -> tuple[str, object]:
    """One JSON line: (where, value), or ("", the problem) when it is not JSON reader can take."""
    if len(line) > MAX_RECORD_CHARS:
        return "", RecordProblem(
            where, f"record too large ({len(line):,} characters; the limit is {MAX_RECORD_CHARS:,})"
        )
    try:
        return where, json.loads(line)
    except json.JSONDecodeError as exc:
        return "", RecordProblem(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return "", RecordProblem(where, "JSON nested too deeply")
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        return "", RecordProblem(where, _value_error(exc))


def _value_error(exc: ValueError) -> str:
    if "digits" in str(exc):
        return "invalid JSON (an integer too long to read: over 4,300 digits)"
    return f"invalid JSON ({str(exc)[:200]})"


def parse_json(text: str, file: str = "") -> tuple[list[Story], list[RecordProblem]]:
    """A JSON document: a list of records, an object holding one, or a single record.

    A ``.json`` file that is really JSON lines is read as such.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            return parse_jsonl(text, file)
        return [], [RecordProblem(f"line {exc.lineno}", f"invalid JSON ({exc.msg} at column {exc.colno})")]
    except RecursionError:
        return [], [RecordProblem("", "JSON nested too deeply")]
    except ValueError as exc:
        return [], [RecordProblem("", _value_error(exc))]
    if isinstance(data, dict):
        data = _find_records(data) or [data]
    if not isinstance(data, list):
        return [], [RecordProblem("", f"not a list of records (a JSON {type(data).__name__})")]
    return _to_stories(((f"record {i}", rec) for i, rec in enumerate(data, 1)), file)


def _find_records(data: dict, depth: int = 0) -> list | None:
    """The list of records inside a JSON object (``{"data": {"list": [...]}}``), searched 3 levels deep."""
    for key, value in data.items():
        if _norm(key) in LIST_KEYS and isinstance(value, list) and any(isinstance(v, dict) for v in value):
            return value
    if depth < 2:
        for value in data.values():
            if isinstance(value, dict):
                found = _find_records(value, depth + 1)
                if found is not None:
                    return found
    return None


def parse_csv(text: str, file: str = "", delimiter: str = "") -> tuple[list[Story], list[RecordProblem]]:
    """A table with a header row; ``delimiter`` guessed (tab, comma, semicolon) when not given."""
    if not delimiter:
        head = text[:4096].split("\n", 1)[0]
        delimiter = max("\t,;", key=head.count) if any(c in head for c in "\t,;") else ","
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    rows = _csv_rows(text, delimiter)
    first = next(rows, None)
    if first is None:
        return [], [RecordProblem("", "no header row")]
    if isinstance(first[1], RecordProblem):
        reason = first[1].reason
        return [], [RecordProblem("", f"no header row ({reason})" if reason else "no header row")]
    header = first[1]
    if not any(_norm(h) in _KNOWN for h in header):
        return [], [RecordProblem("line 1", "no known column (expected e.g. title, content, date)")]

    def records() -> Iterator[tuple[str, object]]:
        for line, row in rows:
            if isinstance(row, RecordProblem):
                yield "", row
            elif any(cell.strip() for cell in row):
                yield f"line {line}", dict(zip(header, row, strict=False))

    return _to_stories(records(), file)


def _csv_rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str] | RecordProblem]]:
    """(line number, row) for each row; a bad row or an unterminated quote as a ``RecordProblem``.

    A quote opened and never closed makes the csv module read the rest of the file as one
    field; that is reported at the line where the quote opened, and the lines after it are
    read again as rows of their own.
    """
    parts = text.split("\n")  # only \n ends a line here (U+2028 and the like stay inside fields)
    lines = [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    offset = 0  # lines before the part being read
    while True:
        reader = csv.reader(_from(lines, offset), delimiter=delimiter)
        held: tuple[int, list[str]] | None = None  # the last row, until we know it is not a runaway quote
        start = 1
        restart = None
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield (
                    offset + reader.line_num,
                    RecordProblem(f"line {offset + reader.line_num}", f"bad CSV ({exc})"),
                )
                start = reader.line_num + 1
                continue
            if held is not None:
                yield held
            held = (offset + start, row)
            if reader.line_num > start and _unterminated(_from(lines, offset + start - 1), delimiter):
                restart = offset + start  # this row's quote never closes: it swallowed the rest
                held = None
                break
            start = reader.line_num + 1
        if held is not None:
            yield held
        if restart is None:
            return
        yield (
            restart,
            RecordProblem(
                f"line {restart}",
                "unterminated quote: a quoted field opened here never closes "
                f"(lines {restart}-{len(lines)}); "
                "the lines after it are read as rows of their own",
            ),
        )
        offset = restart


def _from(lines: list[str], start: int) -> Iterator[str]:
    return (lines[i] for i in range(start, len(lines)))


def _unterminated(lines: Iterator[str], delimiter: str) -> bool:
    """The first row of ``lines`` opens a quote that the rest of the file never closes."""
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        next(reader)
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    except StopIteration:
        return False
    return False
