"""What the window works on: the library's index and the user's data, plus the GUI's search.

The search here is ``ArchiveIndex.search``; when the user restricts results to
bookmarks or collections (user data, not index fields) it searches the index
for all matching ids, keeps the allowed ones and counts their facets itself.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable

from reader.gui.highlight import find_spans
from reader.index.results import FACETS, Hit, Results, SearchRequest
from reader.story import Story

SNIPPET_CHARS = 80


def snippet_for(story: Story, terms: list[str], width: int = SNIPPET_CHARS) -> str:
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


def search(index, request: SearchRequest, allowed: set[str] | None = None) -> Results:
    """``index.search(request)``, or restricted to the story ids in ``allowed``."""
    if allowed is None:
        return index.search(request)
    probe = index.search(
        SearchRequest(
            query=request.query,
            page_size=1,
            facets=False,
            snippets=False,
            date_from=request.date_from,
            date_to=request.date_to,
        )
    )
    unfiltered = SearchRequest(
        query=request.query,
        sort=request.sort,
        date_from=request.date_from,
        date_to=request.date_to,
        facets=False,
        snippets=False,
    )
    all_ids = index.ids_for(unfiltered)
    ids = [i for i in all_ids if i in allowed]
    notes = list(probe.notes)
    if not request.query and not request.date_from and not request.date_to:
        missing = len(allowed - set(all_ids))  # every story matched: the rest are gone
        if missing:
            notes.append(f"{missing} chosen stories are no longer in the library")
    stories = index.get_many(ids)
    stories = [s for s in stories if _matches_filters(s, request.filters)]
    facets = story_facets(stories) if request.facets else {}
    first = (max(1, request.page) - 1) * request.page_size
    page = stories[first : first + request.page_size]
    hits = [
        Hit(
            id=s.id,
            title=s.title,
            date=s.date,
            source=s.source,
            score=0.0,
            snippet=snippet_for(s, probe.terms) if request.snippets else "",
            subtitle=s.subtitle,
            authors=list(s.authors),
            column=s.column,
            tags=list(s.tags),
        )
        for s in page
    ]
    return Results(
        hits=hits,
        total=len(stories),
        page=request.page,
        page_size=request.page_size,
        facets=facets,
        notes=notes,
        terms=list(probe.terms),
    )


def make_tagger(userdata=None):
    """The tagger given to ``ArchiveIndex.update``: automatic tags with the user's choices applied.

    ``reader.library.make_tagger`` reads the user's tag rules once, so the tagger
    is safe to run on the import thread. Without user data: automatic tags only.
    """
    if userdata is not None:
        from reader.library import make_tagger as library_tagger

        return library_tagger(userdata)
    try:
        from reader.tags import auto_tags
    except ImportError:
        return None
    return auto_tags
