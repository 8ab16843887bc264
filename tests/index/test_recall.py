"""Search results equal brute-force substring search (on folded text) over real news text.

A sample of ../shared/corpus (simplified and traditional) plus the bundled
archive is imported; queries of 1-6 CJK characters are drawn from the stored
texts and asked in simplified and in traditional. Each result set must EQUAL
the set of stories whose folded printed text (title, subtitle, source, column,
byline, authors, subheads and paragraphs, print edition, editor and the lines set
aside from the text, such as closing credits and date lines) contains the folded query.
"""

from __future__ import annotations

import json
import random
import re

import pytest

from reader.index import SearchRequest, open_index
from reader.text.convert import convert
from reader.text.fold import fold
from reader.text.tokenise import CJK_RANGES
from tests.helpers.records import write_jsonl

PER_FILE = {
    "chinanews_2025.jsonl": 300,
    "sohu_news_2016.jsonl": 150,
    "xwlb_cctv_2022-2026.jsonl": 250,
    "hkcnews_zh-Hant.jsonl": 500,
}
MAX_CHARS = 500  # keep the import quick: the start of each story
RUN = re.compile(f"[{CJK_RANGES}]+")


def _sample(corpus, name, n):
    rows = []
    with open(corpus / name, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % 7 == 0:
                rec = json.loads(line)
                rec["content"] = rec["content"][:MAX_CHARS]
                rows.append(rec)
                if len(rows) >= n:
                    break
    return rows


@pytest.fixture(scope="module")
def corpus_library(tmp_path_factory, archive_dir):
    from reader import paths

    shared = paths.shared_dir()
    if shared is None or not (shared / "corpus").is_dir():
        pytest.skip("../shared/corpus is not present on this machine")
    root = tmp_path_factory.mktemp("recall")
    src = root / "archive"
    for name, n in PER_FILE.items():
        rows = _sample(shared / "corpus", name, n)
        for part in range(0, len(rows), 100):
            write_jsonl(src / f"{name}.{part // 100}.jsonl", rows[part : part + 100])
    library = open_index(root / "home")
    report = library.update([src, archive_dir])
    assert report.stories >= sum(PER_FILE.values()) * 0.95
    stories = library.get_many(library.ids_for(SearchRequest()))
    assert len(stories) == library.count()
    for story in stories:  # folded once: "\x00" keeps the printed parts apart
        printed = (story.title, story.subtitle, story.source, story.column, story.byline, *story.authors)
        tail = (story.edition, story.editor, *story.asides)
        story._folded = fold("\x00".join((*printed, story.text, *tail)))
    yield library, stories
    library.close()


def _brute(stories, query):
    q = fold(query)
    return {s.id for s in stories if q in s._folded}


def _queries(stories, n, seed):
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        story = rng.choice(stories)
        text = rng.choice([story.title, story.text, story.text])
        runs = [r for r in RUN.findall(text) if r]
        if not runs:
            continue
        run = rng.choice(runs)
        length = rng.randint(1, min(6, len(run)))
        start = rng.randint(0, len(run) - length)
        out.append(run[start : start + length])
    return out


def test_results_equal_brute_force(corpus_library):
    library, stories = corpus_library
    trad = sum(1 for s in stories if fold(s.text) != s.text)
    assert trad > 300, "the sample must mix traditional and simplified stories"
    queries = _queries(stories, 160, seed=7)
    mismatches = []
    for query in queries:
        for variant in {query, convert(query, "zh-hant"), convert(query, "zh-hans"), convert(query, "zh-hk")}:
            got = set(library.ids_for(SearchRequest(query=variant)))
            want = _brute(stories, variant)
            if got != want:
                mismatches.append((variant, len(got), len(want), sorted(got ^ want)[:3]))
    assert not mismatches, mismatches[:10]


def _variant_forms(query: str) -> list[str]:
    """``query`` typed with every variant form the fold joins to its characters (one at a time)."""
    from reader.text.variants import variant_joins

    forms: dict[str, list[str]] = {}
    for variant in variant_joins():
        forms.setdefault(fold(variant), []).append(variant)
    out = []
    for i, char in enumerate(query):
        for variant in forms.get(fold(char), [])[:3]:
            out.append(query[:i] + variant + query[i + 1 :])
    return out


def test_variant_forms_find_what_brute_force_finds(corpus_library):
    """Queries typed in variant forms (淸 for 清, 鬪 for 斗 ...) against a variant-folded brute force."""
    library, stories = corpus_library
    queries = [q for q in _queries(stories, 600, seed=11) if _variant_forms(q)][:80]
    assert len(queries) >= 40
    mismatches = []
    asked = 0
    for query in queries:
        for variant in _variant_forms(query)[:4]:
            asked += 1
            got = set(library.ids_for(SearchRequest(query=variant)))
            want = _brute(stories, variant)
            assert want == _brute(stories, query)  # the variant form folds as the query does
            if got != want:
                mismatches.append((variant, len(got), len(want)))
    assert asked >= 80 and not mismatches, mismatches[:10]


def test_no_query_finds_fewer_stories_than_with_opencc_folding_alone(corpus_library):
    """What OpenCC's folding alone (before variant joins) finds, search still finds."""
    from reader.text.fold import build_fold_table

    library, stories = corpus_library
    before = build_fold_table(variants={})
    texts = {}
    for s in stories:
        printed = (s.title, s.subtitle, s.source, s.column, s.byline, *s.authors, s.text)
        texts[s.id] = "\x00".join(printed).translate(before)
    for query in _queries(stories, 120, seed=13):
        q = query.translate(before)
        was = {k for k, v in texts.items() if q in v}
        assert was <= set(library.ids_for(SearchRequest(query=query))), query


def test_total_matches_ids_and_facets(corpus_library):
    library, stories = corpus_library
    for query in ("中国", "香港", "經濟", "的"):
        results = library.search(SearchRequest(query=query, page_size=5))
        want = _brute(stories, query)
        assert results.total == len(want)
        assert sum(c for _v, c in results.facets["year"]) <= results.total
        by_source = {}
        for s in stories:
            if s.id in want and s.source:
                by_source[s.source] = by_source.get(s.source, 0) + 1
        assert dict(results.facets["source"]) == by_source
