"""A small in-memory stand-in for ArchiveIndex (api.md), for widget tests that need no Whoosh.

It searches by folded substring, so its answers are easy to predict. The
main-window flow tests use the real index; these fakes only test widgets
(paging, stale results, 100,000 rows) where a real library would be slow to build.
"""

from __future__ import annotations

import html
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from reader.index.archive import ImportReport
from reader.index.results import FACETS, Hit, Results, SearchRequest
from reader.index.snippets import find_spans
from reader.story import Story
from reader.text.fold import fold


def snippet_for(story: Story, terms: list[str], width: int = 80) -> str:
    """About ``width`` characters around the first hit (hits in <b>), rest escaped."""
    text = " ".join(p.strip() for p in story.paragraphs if p.strip())
    spans = find_spans(text, terms)
    start = max(0, spans[0][0] - width // 3) if spans else 0
    end = min(len(text), start + width)
    out, pos = [], start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(html.escape(text[pos:s]))
        out.append(f"<b>{html.escape(text[s:e])}</b>")
        pos = e
    out.append(html.escape(text[pos:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + "".join(out) + suffix


def story_facets(stories: Iterable[Story]) -> dict[str, list[tuple[str, int]]]:
    """Facet counts over a list of stories (same shape as ``Results.facets``)."""
    counts: dict[str, Counter] = {name: Counter() for name in FACETS}
    for story in stories:
        counts["tag"].update(set(story.tags))
        if story.source:
            counts["source"][story.source] += 1
        counts["author"].update(set(story.authors))
        if len(story.date) >= 4:
            counts["year"][story.date[:4]] += 1
        if len(story.date) >= 7:
            counts["month"][story.date[:7]] += 1
    return {name: sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) for name, c in counts.items() if c}


def _matches_filters(story: Story, filters: dict[str, list[str]]) -> bool:
    values = {
        "tag": set(story.tags),
        "source": {story.source},
        "author": set(story.authors),
        "year": {story.date[:4]},
        "month": {story.date[:7]},
    }
    return all(not wanted or values.get(name, set()) & set(wanted) for name, wanted in filters.items())


class FakeIndex:
    def __init__(self, stories: list[Story] | None = None, delay: float = 0.0) -> None:
        self.stories = {s.id: s for s in stories or []}
        self.order = [s.id for s in stories or []]
        self.delay = delay
        self.searches: list[SearchRequest] = []

    def _match(self, request: SearchRequest) -> list[Story]:
        words = [fold(w) for w in request.query.split() if w]
        out = []
        for sid in self.order:
            s = self.stories[sid]
            if request.ids is not None and sid not in request.ids:
                continue
            if words and not all(w in fold(s.title + "\n" + s.text) for w in words):
                continue
            values = (
                {}
                if not request.filters
                else {
                    "tag": set(s.tags),
                    "source": {s.source},
                    "author": set(s.authors),
                    "year": {s.date[:4]},
                    "month": {s.date[:7]},
                }
            )
            if not request.filters or all(not v or values[k] & set(v) for k, v in request.filters.items()):
                out.append(s)
        if request.sort == "date":
            out.sort(key=lambda s: s.date, reverse=True)
        return out

    def search(self, request: SearchRequest) -> Results:
        self.searches.append(request)
        if self.delay:
            time.sleep(self.delay)
        found = self._match(request)
        terms = [fold(w) for w in request.query.split() if w]
        first = (request.page - 1) * request.page_size
        hits = [
            Hit(
                id=s.id,
                title=s.title,
                date=s.date,
                source=s.source,
                score=1.0,
                snippet=snippet_for(s, terms) if request.snippets else "",
                tags=list(s.tags),
            )
            for s in found[first : first + request.page_size]
        ]
        return Results(
            hits=hits,
            total=len(found),
            page=request.page,
            page_size=request.page_size,
            facets=story_facets(found) if request.facets else {},
            terms=terms,
        )

    def ids_for(self, request: SearchRequest) -> list[str]:
        return [s.id for s in self._match(request)]

    def get(self, story_id: str) -> Story | None:
        return self.stories.get(story_id)

    def get_many(self, ids: list[str]) -> list[Story]:
        return [self.stories[i] for i in ids if i in self.stories]

    def set_tags(self, story_id: str, tags: list[str]) -> None:
        self.stories[story_id].tags = list(tags)

    def count(self) -> int:
        return len(self.stories)

    def roots(self) -> list[str]:
        return []

    def update(self, paths, *, rebuild=False, progress=None, cancelled=None, tagger=None) -> ImportReport:
        files = sorted(
            p for root in map(Path, paths) for p in (root.rglob("*.txt") if root.is_dir() else [root])
        )
        report = ImportReport()
        for i, path in enumerate(files):
            if cancelled and cancelled():
                break
            lines = [x.strip() for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
            story = Story(title=lines[0], paragraphs=lines[1:], file=str(path), id=f"f{len(self.stories)}")
            if tagger:
                story.tags = tagger(story)
            self.stories[story.id] = story
            self.order.append(story.id)
            report.added += 1
            if progress:
                progress(i + 1, len(files), str(path))
        report.stories = len(self.stories)
        return report

    def close(self) -> None:
        pass


def many_stories(n: int) -> list[Story]:
    """``n`` small distinct stories (for paging and scrolling tests)."""
    places = ["上饶", "南昌", "香港", "台北"]
    return [
        Story(
            title=f"第{i}号报道 {places[i % 4]}",
            paragraphs=[f"{places[i % 4]}新闻正文第{i}段，马家柚丰收。"],
            date=f"20{10 + i % 15:02d}-{1 + i % 12:02d}-01",
            source=f"来源{i % 7}",
            id=f"s{i:06d}",
            tags=[f"place:{places[i % 4]}"],
        )
        for i in range(n)
    ]
