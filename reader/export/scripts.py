"""Stories in the script the user chose for export (简体, 繁體, 臺灣正體, 香港繁體; see reader.text.scripts).

A story already written in the chosen script is left exactly as it is (see
:func:`reader.text.convert.to_script`); citations name authors and sources as
printed whatever the script (:func:`citable_story`). Conversion goes through the
core's cache (:mod:`reader.text.convertcache`), shared with the views: a PDF
converts each story for its body and again for its citation, the second time
from the cache.
"""

from __future__ import annotations

import dataclasses

from reader.story import Story
from reader.text.convert import family, story_script
from reader.text.convertcache import convert_cached as convert
from reader.text.scripts import SCRIPTS

__all__ = ["SCRIPTS", "citable_story", "convert", "convert_story"]


def citable_story(story: Story, script: str) -> Story:
    """``story`` converted to ``script`` for a citation: authors, byline and source as printed."""
    converted = convert_story(story, script)
    return dataclasses.replace(
        converted, authors=list(story.authors), byline=story.byline, source=story.source
    )


def convert_story(story: Story, script: str) -> Story:
    """A copy of ``story`` with every text field in ``script``; ids and paths unchanged.

    Unchanged when the story is already written in ``script`` (simplified for 简体,
    traditional for 繁體/臺灣/香港).
    """
    if story_script(story) == family(script):
        return dataclasses.replace(
            story,
            paragraphs=list(story.paragraphs),
            authors=list(story.authors),
            headings=list(story.headings),
            heading_at=list(story.heading_at),
            tags=list(story.tags),
            asides=list(story.asides),
        )

    fields = [
        story.title,
        story.subtitle,
        story.byline,
        story.column,
        story.source,
        story.place,
        story.editor,
        story.edition,
    ]
    parts = fields + story.authors + story.headings + story.paragraphs + story.asides
    done: dict[str, str] = {}
    if not any("\n" in part for part in parts):  # one OpenCC call per story, not per paragraph
        joined = convert("\n".join(parts), script).split("\n")
        if len(joined) == len(parts):
            done = dict(zip(parts, joined, strict=True))

    def c(text: str) -> str:
        if not text:
            return text
        return done[text] if text in done else convert(text, script)

    return dataclasses.replace(
        story,
        title=c(story.title),
        subtitle=c(story.subtitle),
        paragraphs=[c(p) for p in story.paragraphs],
        authors=[c(a) for a in story.authors],
        byline=c(story.byline),
        column=c(story.column),
        source=c(story.source),
        place=c(story.place),
        headings=[c(h) for h in story.headings],
        heading_at=list(story.heading_at),
        tags=list(story.tags),
        editor=c(story.editor),
        edition=c(story.edition),
        asides=[c(a) for a in story.asides],
    )
