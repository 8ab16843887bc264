"""Story <-> index document: the field values stored and indexed for one story.

Heavy work (folding, n-gram postings) happens in :func:`analyse`, which the
importer runs in worker processes; :func:`finish` adds the cheap per-story parts
(tags, facet column, stored JSON) in the writing process.
"""

from __future__ import annotations

import json

from reader.index.romanised import name_pinyin, title_pinyin
from reader.index.schema import Postings, encode_postings, make_schema
from reader.story import Story
from reader.text.fold import fold

_SCHEMA = make_schema()


def printed_body(story: Story) -> str:
    """Everything printed with the story apart from its title and subtitle, one line each.

    Source, column, byline, authors (those the byline does not already name),
    then subheads and paragraphs, then the print edition, the editor credited
    and the lines printed with the story that are not its text (closing credits,
    a date line; :attr:`Story.asides`): plain search covers all of it (a story contains its byline and
    credits). Lines never join into one run, so no hit spans two of them.
    """
    byline = story.byline.strip()
    authors = [a for a in story.authors if a and a not in byline]
    head = [story.source, story.column, byline, *authors]
    tail = [story.edition, story.editor, *story.asides]
    return "\n".join([*(h for h in head if h), story.text, *(t for t in tail if t)])


def searchable_text(story: Story) -> dict[str, str]:
    """The original text of each text field."""
    return {
        "title": "\n".join(t for t in (story.title, story.subtitle) if t),
        "body": printed_body(story),
        "author_t": "\n".join([*story.authors, story.byline]),
        "source_t": story.source,
        "column_t": story.column,
    }


def analyse(story: Story) -> dict[str, Postings]:
    """Pre-analysed postings of the text fields (picklable)."""
    out: dict[str, Postings] = {}
    for name, text in searchable_text(story).items():
        if text:
            out[name] = encode_postings(_SCHEMA[name].format, fold(text))
    out.update(title_pinyin(story))
    return out


def year_month(date: str) -> tuple[str, str]:
    year = date[:4] if len(date) >= 4 and date[:4].isdigit() else ""
    month = date[:7] if year and len(date) >= 7 and date[5:7].isdigit() else ""
    return year, month


def tag_key(tag: str) -> str:
    """Tags with the same key are one facet value: the same kind, names differing only by form (淸/清)."""
    kind, sep, name = tag.partition(":")
    return kind + sep + fold(name) if sep else fold(tag)


def facet_values(story: Story) -> dict[str, list[str]]:
    """The story's facet values; of tags differing only by variant form one (the standard simplified
    form if the story has it, else the first), so that merged facet counts add up."""
    year, month = year_month(story.date)
    tags: dict[str, str] = {}
    for tag in story.tags:
        key = tag_key(tag)
        if key not in tags or tag == key:
            tags[key] = tag
    return {
        "tag": list(tags.values()),
        "source": [story.source] if story.source else [],
        "author": list(dict.fromkeys(a for a in story.authors if a)),
        "year": [year] if year else [],
        "month": [month] if month else [],
    }


def encode_story(story: Story) -> str:
    """The story as stored: its JSON text, not compressed here (Whoosh compresses each document's
    stored fields as a whole; compressing this too cost a second inflate a read). A str, not
    UTF-8 bytes: Whoosh pickles stored fields with protocol 2, which has no bytes type and spells
    every byte over 0x7F as two (CJK text: 14.2 MB of pickles for 2,500 stories, 8.1 as str).
    Pickle keeps lone surrogates (a file name of undecodable bytes) as they are."""
    return json.dumps(story.to_json(), ensure_ascii=False)


def decode_story(data: str) -> Story:
    return Story.from_json(json.loads(data))


#: Whoosh terms must be valid UTF-8; a file name holding undecodable bytes (surrogates
#: U+DC80..U+DCFF under surrogateescape) is kept in the path term as plane-16 private-use
#: characters U+10FC80..U+10FCFF instead, and turned back when read.
_TO_TERM = {0xDC00 + b: 0x10FC00 + b for b in range(0x80, 0x100)}
_FROM_TERM = {v: k for k, v in _TO_TERM.items()}


def path_term(path: str) -> str:
    """``path`` as it is written in the index's ``path`` (and ``file:…`` id) terms."""
    return path.translate(_TO_TERM)


def path_from_term(term: str) -> str:
    """The file path a ``path`` term stands for (the inverse of :func:`path_term`)."""
    return term.translate(_FROM_TERM)


def file_document(path: str, row: dict) -> dict:
    """The manifest document of one imported file: size, mtime, SHA-1 and its story ids in ``row``."""
    term = path_term(path)
    return {"id": "file:" + term, "kind": "file", "path": term, "data": json.dumps(row)}


def tag_terms(tags: list[str]) -> list[str]:
    """Folded full tags and folded labels, for ``tag:`` in the query language."""
    out = []
    for tag in tags:
        out.append(fold(tag))
        if ":" in tag:
            out.append(fold(tag.split(":", 1)[1]))
    return out


def story_document(story: Story, analysed: dict[str, Postings] | None = None) -> dict:
    """The ``add_document`` keyword arguments for one story (its tags final)."""
    if analysed is None:
        analysed = analyse(story)
    facets = facet_values(story)
    doc = {
        "id": story.id,
        "kind": "story",
        "path": path_term(story.file),
        "tag": list(dict.fromkeys(story.tags)),  # every form (a merged facet value filters on all)
        "tagq": tag_terms(facets["tag"]),
        "author": facets["author"],
        "facets": json.dumps(
            {**facets, "date": story.date or ""}, ensure_ascii=False, separators=(",", ":")
        ).encode("utf-8"),
        "data": encode_story(story),
    }
    if story.date:
        doc["date"] = story.date
    for name in ("source", "column", "year", "month"):
        value = story.source if name == "source" else story.column if name == "column" else facets[name]
        if isinstance(value, list):
            value = value[0] if value else ""
        if value:
            doc[name] = value
    doc.update(analysed)
    doc.update(name_pinyin(story))
    return doc
