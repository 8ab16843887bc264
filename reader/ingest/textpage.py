"""Plain-text news pages -> stories: the heart of ingest.

``parse_text`` takes the text of one file (a copy-pasted repost page with
several stories, a whole saved page with its site chrome, or a broadcast
digest) and returns the stories on it in page order. The steps:

1. normalise the text and split it into stripped, non-blank lines;
2. a broadcast digest (``本期节目主要内容`` …) goes to :mod:`.digest`;
3. a whole saved page (menus, related links, comments) goes to :mod:`.chrome`,
   which finds the densest block of sentence text and the title above it;
4. anything else: each line is classed (:mod:`.lines`: paragraph, short line,
   meta, column label, end marker, boilerplate) and :mod:`.assembly` groups the
   classed lines into stories.

The caller (``reader.ingest.read_file``) assigns ids with ``reader.story.assign_ids``.
"""

from __future__ import annotations

import logging
import re

from reader.ingest import boilerplate, chrome, credits, dates, digest, headline
from reader.ingest.assembly import MIN_TITLE_CHARS, build_stories
from reader.ingest.lines import Line, classify, join_labels, split_lines
from reader.story import Story

log = logging.getLogger(__name__)

__all__ = ["parse_text", "parse_date", "split_lines", "Line", "classify", "build_stories"]

parse_date = dates.parse_date


def parse_text(text: str, file: str = "", evidence: headline.Evidence | None = None) -> list[Story]:
    """The stories on one plain-text page, in page order (never raises).

    ``evidence`` is what an HTML page says of its headline (``<title>``, ``og:title``, ``<h1>``).
    """
    try:
        stories = _parse(text or "", evidence or headline.Evidence())
        for story in stories:
            credits.tidy(story)
        return stories
    except Exception:  # noqa: BLE001 - a bad page must not stop an import
        log.exception("could not parse %s; keeping it as one plain story", file or "text")
        lines = split_lines(text or "") if isinstance(text, str) else []
        return [Story(title="", paragraphs=lines)] if lines else []


def _menu_run(lines: list[str]) -> int:
    """The longest run of menu items or breadcrumbs (首页 / 新闻 / 登录) before the first sentence."""
    best = run = 0
    for line in lines:
        if len(line) >= 20 and boilerplate.has_sentence_punct(line):
            break
        menu = boilerplate.is_breadcrumb(line) or (
            len(line) <= 4 and not boilerplate.has_sentence_punct(line) and not dates.parse_date(line)
        )
        run = run + 1 if menu else 0
        best = max(best, run)
    return best


def _opens_with_meta(lines: list[str]) -> bool:
    """Does the page open with its story (title + date/source line, or a 来源 line), not with menus?"""
    first = [classify(line) for line in lines[:2]]

    def opening(ln: Line) -> bool:
        return (
            ln.kind == "meta"
            and ln.meta is not None
            and bool(ln.meta.date or ln.meta.source or ln.meta.authors)
        )

    if not first:
        return False
    if opening(first[0]) and first[0].meta is not None and first[0].meta.source:
        return True
    if len(first) < 2:
        return False
    if opening(first[0]) and len(first[1].text) >= MIN_TITLE_CHARS and first[1].kind in ("short", "meta"):
        return _menu_run(lines[1:20]) < 4  # today's date over a site header is no story's date line
    if first[0].kind == "para" and len(first[0].text) <= 40 and opening(first[1]):
        # a headline that is a sentence (“妈，求你让我再救一个……”) over its date and source line
        return bool(first[1].meta and first[1].meta.date and first[1].meta.source)
    return first[0].kind == "short" and opening(first[1])


def _parse(text: str, evidence: headline.Evidence) -> list[Story]:
    raw = join_labels(split_lines(text))
    if not raw:
        return []
    items = digest.split_digest(raw)
    if items is not None:
        return items
    if not _opens_with_meta(raw):
        page = chrome.find_page(raw, evidence)
        if page is not None:
            return page
    lines = [classify(line) for line in raw]
    if _headline_led_by_a_day(lines):
        lines[0] = Line(lines[0].text, "short")
    return build_stories(lines)


_CALENDAR = re.compile(r"星期|週|周[一二三四五六日天]|禮拜|礼拜|农历|農曆")
_HAN = re.compile(r"[\u3400-\u9fff]")


def _headline_led_by_a_day(lines: list[Line]) -> bool:
    """Is the first line a headline naming a day (2019年6月16日　香港的日與夜) over the story's own
    date and source line, not a date line itself? A date with five characters or more of words
    beside it (more than a name), no weekday or lunar date (a site's "today" line), over a line
    dated and credited."""
    if len(lines) < 2 or lines[0].kind != "meta" or lines[1].kind != "meta":
        return False
    head, under = lines[0].meta, lines[1].meta
    if head is None or under is None or not head.date or not under.date:
        return False
    if not (under.source or under.authors):
        return False
    words = dates.strip_dates(lines[0].text)
    return len(_HAN.findall(words)) >= 5 and not _CALENDAR.search(words)
