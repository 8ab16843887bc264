"""Hit timelines: matching stories per day, month or year, and their share of all stories then.

Computed from the per-segment date arrays (``yyyymmdd`` keys, see :mod:`reader.index.segdata`)
with one ``np.unique`` per series: no story is read. The share divides by the stories in the
same period that pass the same filters without the query (all stories when there are no
filters), so a rise shows against how much was archived then. Periods with no story are
listed with zero, from the first dated story to the last; stories whose date is not precise
enough for the chosen period (no date; a year only, by month; a day that does not exist) are
counted as ``unplaced``.
"""

from __future__ import annotations

import calendar
import dataclasses
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from reader.index.matches import MatchList
from reader.index.results import SearchRequest

#: Period sizes; ``auto`` picks by the span of the dates.
PERIODS = ("auto", "day", "month", "year")
#: ``auto`` shows days up to this many days, months up to this many years, then years.
AUTO_DAYS = 92
AUTO_YEARS = 8


def _period_keys(date_keys: np.ndarray, by: str) -> np.ndarray:
    """Period key per date key (``yyyy``, ``yyyymm`` or ``yyyymmdd``); -1 where not precise enough."""
    if by == "year":
        keys = date_keys // 10000
        return np.where(keys > 0, keys, -1)
    if by == "month":
        keys = date_keys // 100
        return np.where((keys % 100) > 0, keys, -1)
    return np.where((date_keys % 100) > 0, date_keys, -1)


def label(key: int, by: str) -> str:
    """``2024``, ``2024-05`` or ``2024-05-24`` for a period key."""
    if by == "year":
        return f"{key:04d}"
    if by == "month":
        return f"{key // 100:04d}-{key % 100:02d}"
    return f"{key // 10000:04d}-{key // 100 % 100:02d}-{key % 100:02d}"


def _following(key: int, by: str) -> int:
    if by == "year":
        return key + 1
    if by == "month":
        year, month = divmod(key, 100)
        return (year + 1) * 100 + 1 if month >= 12 else key + 1
    year, rest = divmod(key, 10000)
    month, day = divmod(rest, 100)
    if not 1 <= month <= 12:  # not a real month: on to the next year
        return (year + 1) * 10000 + 101
    if day < calendar.monthrange(year, month)[1]:
        return key + 1
    return (year + 1) * 10000 + 101 if month >= 12 else year * 10000 + (month + 1) * 100 + 1


def choose_period(date_keys: np.ndarray) -> str:
    """``day``, ``month`` or ``year`` by the span of the (complete) dates among ``date_keys``."""
    days = date_keys[(date_keys % 100) > 0]
    if not len(days):
        return "year"
    lo, hi = int(days.min()), int(days.max())
    try:
        span = int((np.datetime64(label(hi, "day")) - np.datetime64(label(lo, "day"))).astype(int))
    except ValueError:  # an impossible day (2023-02-30) at either end: go by months and years
        span = AUTO_DAYS + 1
    if span <= AUTO_DAYS:
        return "day"
    return "month" if hi // 10000 - lo // 10000 < AUTO_YEARS else "year"


@dataclass
class Series:
    """One query's counts per period (aligned with :attr:`Timeline.periods`)."""

    query: str
    counts: list[int]
    total: int  # matching stories, placed or not
    unplaced: int  # of those, dated too vaguely (or not at all) for the period size


@dataclass
class Timeline:
    """Periods (labels in order), the baseline count in each, and one :class:`Series` per query."""

    by: str
    periods: list[str]
    baseline: list[int]
    series: list[Series] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def shares(self, series: Series) -> list[float]:
        """``series``'s count in each period over the baseline there (0 where nothing was archived)."""
        return [c / b if b else 0.0 for c, b in zip(series.counts, self.baseline, strict=True)]

    def table(self) -> tuple[list[str], list[list[object]]]:
        """Header and rows: the period, all stories, then each query's count and share."""
        header = ["period", "all stories"]
        for s in self.series:
            header += [f"{s.query} (stories)", f"{s.query} (share)"]
        shares = [self.shares(s) for s in self.series]
        rows: list[list[object]] = []
        for i, period in enumerate(self.periods):
            row: list[object] = [period, self.baseline[i]]
            for s, share in zip(self.series, shares, strict=True):
                row += [s.counts[i], round(share[i], 6)]
            rows.append(row)
        return header, rows

    def to_json(self) -> dict[str, object]:
        return {
            "by": self.by,
            "periods": self.periods,
            "all_stories": self.baseline,
            "series": [
                {
                    "query": s.query,
                    "total": s.total,
                    "unplaced": s.unplaced,
                    "counts": s.counts,
                    "shares": [round(x, 6) for x in self.shares(s)],
                }
                for s in self.series
            ],
            "notes": self.notes,
        }


def _counts(keys: np.ndarray, periods: np.ndarray) -> tuple[list[int], int]:
    """Stories per period, and how many fell in none (not dated precisely enough, or on a day
    that does not exist, such as 2023-02-30)."""
    found, counts = np.unique(keys[keys >= 0], return_counts=True)
    where = np.searchsorted(periods, found)
    known = where < len(periods)
    known[known] = periods[where[known]] == found[known]
    out = np.zeros(len(periods), dtype=np.int64)
    out[where[known]] = counts[known]
    return [int(x) for x in out.tolist()], len(keys) - int(counts[known].sum())


def build_timeline(
    baseline_keys: np.ndarray, series: list[tuple[str, np.ndarray]], by: str = "auto"
) -> Timeline:
    """The timeline of each ``(query, date keys of its matches)`` against ``baseline_keys``.

    The matches of every query must be among the baseline's stories (the same filters).
    """
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}; expected one of {', '.join(PERIODS)}")
    if by == "auto":
        by = choose_period(baseline_keys)
    base = _period_keys(baseline_keys, by)
    placed = base[base >= 0]
    keys: list[int] = []
    if len(placed):
        key, last = int(placed.min()), int(placed.max())
        while key <= last:
            keys.append(key)
            key = _following(key, by)
    periods = np.array(keys, dtype=np.int64)
    timeline = Timeline(by, [label(k, by) for k in keys], _counts(base, periods)[0])
    for query, date_keys in series:
        counts, unplaced = _counts(_period_keys(date_keys, by), periods)
        timeline.series.append(Series(query, counts, len(date_keys), unplaced))
    return timeline


class _Matching(Protocol):
    """What a timeline needs of an index (``ArchiveIndex`` has it)."""

    def matches(self, request: SearchRequest, *, ordered: bool = True) -> MatchList: ...


def timeline(index: _Matching, requests: list[SearchRequest], by: str = "auto") -> Timeline:
    """The timeline of each request's query, against the first request's filters with no query."""
    if not requests:
        raise ValueError("a timeline needs at least one query")
    base = index.matches(dataclasses.replace(requests[0], query="", sort="date"), ordered=False)
    found = [index.matches(dataclasses.replace(r, sort="date"), ordered=False) for r in requests]
    out = build_timeline(
        base.date_keys, [(r.query, m.date_keys) for r, m in zip(requests, found, strict=True)], by
    )
    out.notes = list(dict.fromkeys(n for m in found for n in m.notes))
    return out
