"""Markdown pages (``.md``, e.g. pages saved by a web clipper) as stories.

The Markdown syntax (links, images, emphasis, inline HTML) is removed before the
text-page parser (:mod:`reader.ingest.textpage`) sees the text; a YAML front
matter block gives title, date, author, category and url like a record would.
"""

from __future__ import annotations

import re

from reader.ingest.records import record_to_story
from reader.ingest.textpage import parse_text
from reader.story import Story

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD_RULES = [
    (re.compile(r"```[^\n]*\n?|~~~[^\n]*\n?"), ""),  # code fences (keep the code's text)
    (re.compile(r"<figcaption[^>]*>(.*?)</figcaption>", re.S | re.I), r"\n\1\n"),
    (re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I), ""),
    (re.compile(r"<br\s*/?>|</p>|</div>|</li>", re.I), "\n"),
    (re.compile(r"<[^>\n]{1,2000}>"), ""),  # other inline HTML tags
    (re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]"), ""),  # images
    (re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # links [text](url)
    (re.compile(r"\[([^\]\n]*)\]\[[^\]\n]*\]"), r"\1"),  # reference links
    (re.compile(r"(?m)^\s{0,3}\[[^\]\n]+\]:\s*\S+.*$"), ""),  # link definitions
    (re.compile(r"(?m)^\s{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$"), r"\1"),  # ATX headings
    (re.compile(r"(?m)^\s{0,3}(?:[-*_][ \t]*){3,}$"), ""),  # horizontal rules
    (re.compile(r"(?m)^\s{0,3}>[ \t]?"), ""),  # block quotes
    (re.compile(r"(?m)^\s{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+"), ""),  # list markers
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![*\\])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)"), r"\1"),  # emphasis
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
]


def front_matter(text: str) -> tuple[dict, str]:
    """A Markdown file's YAML front matter (flat keys, strings and lists) and the rest."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    data: dict[str, object] = {}
    key = ""
    for line in match.group(1).splitlines():
        item = re.match(r"^\s+-\s*(.*)$", line)
        if item and key:
            value = data.get(key)
            data[key] = ([] if not isinstance(value, list) else value) + [_unquote(item.group(1))]
            continue
        pair = re.match(r"^([A-Za-z_][\w\-]*|[^\s:]+)\s*:\s*(.*)$", line)
        if pair:
            key = pair.group(1)
            data[key] = _unquote(pair.group(2)) if pair.group(2).strip() else []
    return data, text[match.end() :]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value


def markdown_to_text(text: str) -> str:
    """Markdown (with inline HTML) as plain text lines, syntax removed."""
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return text


def parse_markdown(text: str, file: str = "") -> tuple[list[Story], list[str]]:
    """The stories of a Markdown page; front matter fields win over what the text parser finds."""
    meta, body = front_matter(text)
    plain = markdown_to_text(body)
    title = str(meta.get("title") or "").strip()
    if title and not plain.lstrip().startswith(title):
        plain = f"{title}\n\n{plain}"
    stories = parse_text(plain, file)
    record = record_to_story(meta) if meta else None
    if record is None:
        return stories, []
    if not stories:
        return [record] if record.paragraphs or record.title else [], []
    main = stories[0]
    main.title = record.title or main.title
    main.date = record.date or main.date
    if record.authors:
        main.authors = record.authors
        main.byline = main.byline or record.byline
    main.column = record.column or main.column
    main.source = record.source or main.source
    main.url = record.url or main.url
    return stories, []
