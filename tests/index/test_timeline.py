"""Hit timelines against brute force: stories per month (day, year) from the records' own dates."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from reader.index import SearchRequest, open_index
from reader.index.documents import searchable_text
from reader.index.timeline import build_timeline, choose_period, timeline
from reader.text.fold import fold
from tests.helpers.research import research_records, write_research_archive

RECORDS = research_records(120, seed=5)


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    root = tmp_path_factory.mktemp("timeline")
    library = open_index(root / "home")
    library.update([write_research_archive(root / "archive", RECORDS)])
    yield library
    library.close()


def stories(library):
    return list(library.matches(SearchRequest(query="")).stories())


def holds(story, term: str) -> bool:
    texts = searchable_text(story)
    return fold(term) in fold(texts["title"]) or fold(term) in fold(texts["body"])


def per_month(dates) -> Counter:
    return Counter(d[:7] for d in dates if len(d) >= 7)


def test_counts_per_month_match_a_brute_force_count(library):
    every = stories(library)
    result = timeline(library, [SearchRequest(query="國家"), SearchRequest(query="香港")], "month")
    assert result.by == "month"
    base = per_month(s.date for s in every)
    assert result.periods[0] == min(base) and result.periods[-1] == max(base)
    assert dict(zip(result.periods, result.baseline, strict=True)) == {
        p: base.get(p, 0) for p in result.periods
    }
    for series, term in zip(result.series, ("国家", "香港"), strict=True):
        expected = per_month(s.date for s in every if holds(s, term))
        assert sum(expected.values()) > 0
        assert {p: c for p, c in zip(result.periods, series.counts, strict=True) if c} == dict(expected)
        matching = [s for s in every if holds(s, term)]
        assert series.total == len(matching)
        assert series.unplaced == sum(1 for s in matching if len(s.date) < 7)
        for share, count, all_then in zip(result.shares(series), series.counts, result.baseline, strict=True):
            assert share == (count / all_then if all_then else 0.0)


def test_months_without_stories_are_listed_with_zero(library):
    result = timeline(library, [SearchRequest(query="哈")], "month")
    assert len(result.periods) == 24  # 2023-01 .. 2024-12, every month once
    assert result.periods == [f"{y}-{m:02d}" for y in (2023, 2024) for m in range(1, 13)]


def test_filters_apply_to_the_counts_and_to_what_they_are_shared_against(library):
    every = stories(library)
    request = SearchRequest(query="港", filters={"source": ["乙報"]})
    result = timeline(library, [request], "year")
    of_source = [s for s in every if s.source == "乙報"]
    years = Counter(s.date[:4] for s in of_source if s.date)
    assert dict(zip(result.periods, result.baseline, strict=True)) == dict(years)
    hits = Counter(s.date[:4] for s in of_source if s.date and holds(s, "港"))
    assert {p: c for p, c in zip(result.periods, result.series[0].counts, strict=True) if c} == dict(hits)


def test_by_day_and_the_automatic_choice():
    keys = np.array([20240105, 20240107, 20240100, 0], dtype=np.int64)
    day = build_timeline(keys, [("q", keys[:2])], "day")
    assert day.periods == ["2024-01-05", "2024-01-06", "2024-01-07"]
    assert day.baseline == [1, 0, 1] and day.series[0].counts == [1, 0, 1]
    assert choose_period(keys) == "day"
    assert choose_period(np.array([20230101, 20241231])) == "month"
    assert choose_period(np.array([19900101, 20241231])) == "year"
    leap = build_timeline(np.array([20240228, 20240301]), [], "day")
    assert leap.periods == ["2024-02-28", "2024-02-29", "2024-03-01"]
    header, rows = day.table()
    assert header == ["period", "all stories", "q (stories)", "q (share)"]
    assert rows[0] == ["2024-01-05", 1, 1, 1.0]
    with pytest.raises(ValueError):
        build_timeline(keys, [], "week")


def test_impossible_dates_never_break_the_timeline():
    keys = np.array([20230230, 20231305, 20240101], dtype=np.int64)
    assert choose_period(keys) == "month"
    by_day = build_timeline(keys, [("q", keys)], "day")
    assert by_day.periods[-1] == "2024-01-01"
    series = by_day.series[0]
    assert sum(series.counts) + series.unplaced == series.total == 3
    assert series.counts[by_day.periods.index("2024-01-01")] == 1
