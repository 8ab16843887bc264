"""Broadcast digests (新闻联播 style) written as one page: one story per item.

A digest page opens with a summary list (``本期节目主要内容：`` followed by
numbered or ``【…】`` item titles) and then gives each item: its title line and
its text, which usually opens with ``央视网消息（新闻联播）：``. Items are found
by their titles from the summary list, or, without a list, by the line just
before each ``…消息（…）：`` opening. Returns None when the page is no digest.
"""

from __future__ import annotations

import re

from reader.ingest import dates
from reader.ingest.assembly import build_stories
from reader.ingest.lines import classify
from reader.story import Story

_SUMMARY = re.compile(
    r"^(?:本期)?(?:节目|節目)?(?:主要内容|主要內容|内容提要|內容提要|今日要闻|今日要聞|提要)\s*[:：]?\s*$"
)
_NUMBERED = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.、．)）]\s*")
_OPENING = re.compile(r"^[\u3400-\u9fff]{2,8}?消息\s{0,2}[（(][^）)]{1,12}[）)]\s{0,2}[:：]")


def _key(line: str) -> str:
    return re.sub(r"\s+", "", _NUMBERED.sub("", line))


def split_digest(lines: list[str]) -> list[Story] | None:
    """One story per item of a digest page, or None when ``lines`` are not a digest."""
    summary_at = next((i for i, line in enumerate(lines[:60]) if _SUMMARY.match(line)), None)
    titles: list[str] = []
    body_from = 0
    if summary_at is not None:
        k = summary_at + 1
        while (
            k < len(lines)
            and len(lines[k]) <= 80
            and (_NUMBERED.match(lines[k]) or lines[k].startswith("【"))
        ):
            if _key(lines[k]) in titles or (k + 1 < len(lines) and _OPENING.match(lines[k + 1])):
                break
            titles.append(_key(lines[k]))
            k += 1
        body_from = k
    openings = [i for i, line in enumerate(lines) if _OPENING.match(line)]
    if len(titles) < 2 and len(openings) < 2:
        return None
    wanted = set(titles)
    starts: list[int] = []
    for i in range(body_from, len(lines)):
        if _key(lines[i]) in wanted and len(lines[i]) <= 80:
            starts.append(i)
            wanted.discard(_key(lines[i]))
        elif i + 1 < len(lines) and _OPENING.match(lines[i + 1]) and not _OPENING.match(lines[i]):
            k = i  # walk back over date/source lines to the item's title
            while k > (starts[-1] if starts else body_from - 1) + 1 and classify(lines[k]).kind == "meta":
                k -= 1
            if len(lines[k]) <= 80 and (not starts or starts[-1] < k):
                starts.append(k)
    if len(starts) < 2:
        return None
    head = lines[:summary_at] if summary_at is not None else lines[: starts[0]]
    page_date = next((dates.parse_date(line) for line in head if dates.parse_date(line)), "")
    stories: list[Story] = []
    for n, s in enumerate(starts):
        e = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body = [classify(line) for line in lines[s + 1 : e]]
        item_meta = [ln.meta for ln in body if ln.kind == "meta" and ln.meta is not None]
        for ln in body:  # inside an item every line is text or a subhead, never a new story
            if ln.kind == "short" and _OPENING.match(ln.text):
                ln.kind = "para"
        parts = build_stories(body, single=True)
        story = parts[0] if parts else Story(title="")
        story.title = _NUMBERED.sub("", lines[s]).strip()
        for meta in item_meta:
            story.date = story.date or meta.date
            story.source = story.source or meta.source
        story.date = story.date or page_date
        story.asides = [*head, *story.asides]  # the page's heading stands over every item
        stories.append(story)
    return stories
