"""Benchmark: the concordance's first page and the hit timeline on a large library.

    python bench/bench_research.py --library DIR        # DIR: a folder bench_search.py --keep built
    python bench/bench_research.py --n 20000 [--corpus DIR] [--keep DIR]   # build one first

Targets (issue 17): at 100,000 stories a query with about 10,000 occurrences lists its first
page of concordance lines in at most 300 ms (the rest streams), and a timeline takes at most
100 ms. The query is chosen among common words as the one whose occurrence count is nearest
10,000 (counted by a full concordance, also timed). Each figure is the median of --runs runs
with the evaluated-request cache emptied before each (so the query is evaluated every time);
the timeline is timed over several queries, alone and with a second query to compare.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.index import SearchRequest, open_index  # noqa: E402
from reader.index.concordance import Concordance, sorted_lines  # noqa: E402
from reader.index.timeline import timeline  # noqa: E402

CANDIDATES = (
    "发展",
    "经济",
    "政府",
    "记者",
    "香港",
    "工作",
    "社会",
    "上海",
    "北京",
    "企业",
    "市场",
    "国家",
    "中国",
)
TIMELINE_QUERIES = ("中国", "香港", "经济", "疫情", "上海", "记者", "发展", "政府", "台湾", "美国")
PAGE = 50
TARGET_OCCURRENCES = 10_000


def _cold(library) -> None:
    """Empty the evaluated-request cache, so the next call evaluates its query again."""
    cache = getattr(getattr(library, "_cache", None), "_results", None)
    if cache is not None:
        cache.clear()


def first_page_ms(library, query: str) -> float:
    _cold(library)
    t = time.perf_counter()
    kwic = Concordance(library.matches(SearchRequest(query=query, sort="date")))
    lines = list(itertools.islice(kwic.lines(), PAGE))
    assert len(lines) == PAGE, f"{query!r} has fewer than {PAGE} occurrences"
    return (time.perf_counter() - t) * 1000


def full(library, query: str) -> tuple[Concordance, float, float]:
    """The whole concordance of ``query`` (ms to read every line; ms more to sort them by left context)."""
    _cold(library)
    t = time.perf_counter()
    kwic = Concordance(library.matches(SearchRequest(query=query, sort="date")))
    lines = list(kwic.lines())
    read = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    sorted_lines(lines, "left")
    return kwic, read, (time.perf_counter() - t) * 1000


def timeline_ms(library, queries: list[str]) -> float:
    _cold(library)
    t = time.perf_counter()
    timeline(library, [SearchRequest(query=q) for q in queries], "month")
    return (time.perf_counter() - t) * 1000


def measure(home: Path, runs: int) -> None:
    library = open_index(home)
    try:
        total = library.count()
        print(f"library: {total} stories ({home})")
        library.search(SearchRequest(query="中国"))  # segment arrays loaded, as in a running app
        by_stories = []
        for word in CANDIDATES:
            n = library.matches(SearchRequest(query=word), ordered=False).total
            by_stories.append((n, word))
        # full concordances of the candidates nearest the target, by their story counts
        best = None
        for n, word in sorted(by_stories, key=lambda x: abs(x[0] * 2.5 - TARGET_OCCURRENCES))[:3]:
            kwic, read, sort = full(library, word)
            print(
                f"  {word}: {n} stories, {kwic.occurrences} occurrences; every line read in {read:.0f} ms, "
                f"sorted by left context in {sort:.0f} ms more"
            )
            if best is None or abs(kwic.occurrences - TARGET_OCCURRENCES) < abs(best[1] - TARGET_OCCURRENCES):
                best = (word, kwic.occurrences)
        assert best is not None
        word, occurrences = best
        times = [first_page_ms(library, word) for _ in range(runs)]
        p50 = statistics.median(times)
        print(
            f"concordance of {word!r} ({occurrences} occurrences): first page of {PAGE} lines "
            f"p50 {p50:.1f} ms, max {max(times):.1f} ms (target <= 300 ms at 100k: {p50 / 300:.2f}x)"
        )
        alone = [timeline_ms(library, [q]) for q in TIMELINE_QUERIES for _ in range(max(1, runs // 2))]
        pairs = [
            timeline_ms(library, [q, "记者"]) for q in TIMELINE_QUERIES for _ in range(max(1, runs // 2))
        ]
        for label, values in (("one query", alone), ("two queries compared", pairs)):
            p50 = statistics.median(values)
            print(
                f"timeline per month, {label}: p50 {p50:.1f} ms, max {max(values):.1f} ms over "
                f"{len(values)} runs (target <= 100 ms at 100k: {p50 / 100:.2f}x)"
            )
        _cold(library)
        t = time.perf_counter()
        ids = library.matches(SearchRequest(query="中国", sort="date"), ordered=False).ids()
        print(
            f"every id matching '中国' (what a saved search's new count compares): {len(ids)} ids in "
            f"{(time.perf_counter() - t) * 1000:.0f} ms (on a worker in the app)"
        )
    finally:
        library.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--library", type=Path, help="a folder bench_search.py --keep built (its home/ is used)")
    ap.add_argument("--n", type=int, default=20000, help="without --library: build a library of N stories")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--keep", type=Path, help="with --n: where to build (kept); default a temporary folder")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    folder = args.library
    if folder is None:
        folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_research_"))
        build = [sys.executable, str(ROOT / "bench" / "bench_search.py"), "--n", str(args.n)]
        build += ["--corpus", str(args.corpus), "--keep", str(folder), "--skip-baseline", "--per-class", "1"]
        print("building:", " ".join(build[1:]), flush=True)
        if subprocess.run(build).returncode != 0:
            return 1
    home = folder / "home"
    if not home.is_dir():
        print(f"bench: no library home in {folder}", file=sys.stderr)
        return 2
    measure(home, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
