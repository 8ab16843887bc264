"""Benchmark: build a library from N real stories and time queries, against plain Whoosh + jieba.

    python bench/bench_search.py [--n 10000] [--corpus DIR] [--per-class 25] [--keep DIR [--reuse]]

Stories come from ../shared/corpus (about 30,000). For N beyond that, extra
stories are SYNTHESISED by recombining paragraphs of different real stories
(fixed seed), and the output says how many. Stories are written as JSON-lines
files of 100 stories and imported with ``ArchiveIndex.update`` (reading,
parsing, analysing, writing). The baseline is plain Whoosh with jieba's
documented ``jieba.analyse.ChineseAnalyzer`` on title and body, built with one
ordinary writer from the same stories (already parsed: no file reading), and
queried through Whoosh's MultifieldParser with Whoosh's own facet counting.
Each side runs in its own process so peak memory is its own. Prints medians
(p50), p95 and the ratios against the targets.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CJK = re.compile(r"[\u4e00-\u9fff]+")
PROVINCES = [
    "北京",
    "上海",
    "江苏",
    "浙江",
    "广东",
    "四川",
    "湖北",
    "湖南",
    "河南",
    "山东",
    "福建",
    "江西",
    "香港",
    "台湾",
    "新疆",
    "西藏",
    "云南",
    "贵州",
    "陕西",
    "甘肃",
    "安徽",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "天津",
    "重庆",
    "海南",
]


# -- data -----------------------------------------------------------------------------------------


def load_corpus(corpus: Path) -> list[dict]:
    rows = []
    for path in sorted(corpus.glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                rows.append(
                    {
                        "id": rec["id"],
                        "title": rec.get("title") or "",
                        "content": rec.get("content") or "",
                        "source": rec.get("source") or "",
                        "date_iso": rec.get("date_iso") or "",
                        "author": rec.get("author") or "",
                        "category": rec.get("category") or "",
                    }
                )
    return rows


def make_stories(corpus: Path, n: int) -> tuple[list[dict], int]:
    real = load_corpus(corpus)
    rng = random.Random(20240524)
    rng.shuffle(real)
    if n <= len(real):
        return real[:n], 0
    paragraphs = [p for r in real for p in r["content"].split("\n") if len(p) > 20]
    out = list(real)
    extra = n - len(real)
    for k in range(extra):
        base = rng.choice(real)
        paras = rng.sample(paragraphs, rng.randint(3, 8))
        out.append(
            dict(
                base,
                id=f"synthetic:{k}",
                title=f"{rng.choice(real)['title']}（合成{k}）",
                content="\n".join(paras),
            )
        )
    return out, extra


def write_archive(stories: list[dict], folder: Path, per_file: int = 100) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(0, len(stories), per_file):
        part = stories[i : i + per_file]
        (folder / f"part{i // per_file:06d}.jsonl").write_text(
            "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in part), encoding="utf-8"
        )


def make_queries(
    stories: list[dict], per_class: int, extended: bool = False
) -> dict[str, list[tuple[str, dict]]]:
    """Queries per class; ``extended`` adds what only reader reads: pinyin and variant forms."""
    rng = random.Random(7)

    def word(length):
        while True:
            s = rng.choice(stories)
            runs = [r for r in CJK.findall(s["title"] + "\n" + s["content"][:400]) if len(r) >= length]
            if runs:
                r = rng.choice(runs)
                i = rng.randint(0, len(r) - length)
                return r[i : i + length]

    sources = sorted({s["source"] for s in stories if s["source"]})
    years = sorted({s["date_iso"][:4] for s in stories if s["date_iso"]})
    classes = {
        "1-char": [(word(1), {}) for _ in range(per_class)],
        "2-char": [(word(2), {}) for _ in range(per_class)],
        "4-char": [(word(4), {}) for _ in range(per_class)],
        "phrase": [(f'"{word(2)} {word(2)}"', {}) for _ in range(per_class)],
        "boolean": [(f"({word(2)} OR {word(2)}) -{word(1)}", {}) for _ in range(per_class)],
        "filtered": [
            (word(2), {"source": [rng.choice(sources)], "year": [rng.choice(years)]})
            for _ in range(per_class)
        ],
    }
    if extended:
        classes.update(reader_only_queries(stories, per_class, word, rng))
    return classes


def reader_only_queries(stories, per_class, word, rng) -> dict[str, list[tuple[str, dict]]]:
    """Pinyin of the stories' authors and place tags (syllables with and without spaces, initials),
    and words typed in a variant form (淸 for 清) that folding joins."""
    from reader.text import pinyin
    from reader.text.variants import variant_joins

    names = sorted({a for s in stories for a in [s.get("author", "")] if 2 <= len(a) <= 4} | set(PROVINCES))
    picked = [rng.choice(names) for _ in range(per_class)]

    def syllables(name):
        return [run[0] for runs in pinyin.readings(name) for run in runs]

    reverse: dict[str, str] = {}
    for variant, target in variant_joins().items():
        reverse.setdefault(target, variant)
    variants = []
    while len(variants) < per_class:
        w = word(2)
        if any(c in reverse for c in w):
            variants.append(("".join(reverse.get(c, c) for c in w), {}))
    return {
        "pinyin": [(" ".join(syllables(n)), {}) for n in picked],
        "pinyin (no spaces)": [("".join(syllables(n)), {}) for n in picked],
        "pinyin initials": [("".join(x[0] for x in syllables(n)), {}) for n in picked],
        "variant form": variants,
    }


def percentiles(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return statistics.median(values), p95


def du(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def peak_mb() -> float:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(self_kb, child_kb) / 1024


# -- phases (each in its own process) ------------------------------------------------------------


def tagger(story) -> list[str]:
    text = story.title + story.text[:300]
    tags = [f"place:{p}" for p in PROVINCES if p in text]
    if story.column:
        tags.append(f"column:{story.column}")
    return tags


def phase_ours(work: Path, per_class: int, reuse: bool = False) -> dict:
    from reader.index import SearchRequest, open_index

    stories = json.loads((work / "stories.json").read_text(encoding="utf-8"))
    extra = work / "archive" / "zz_added.jsonl"
    library = open_index(work / "home")
    if reuse:  # queries only, on the library a previous --keep run built (build figures not measured)
        extra.unlink(missing_ok=True)
        library.update([work / "archive"], tagger=tagger)  # back to the N stories
        out = {"stories": library.count(), "build_s": float("nan"), "docs_per_s": float("nan"), "failed": 0}
    else:
        t0 = time.perf_counter()
        report = library.update([work / "archive"], tagger=tagger)
        build = time.perf_counter() - t0
        out = {
            "stories": report.stories,
            "build_s": build,
            "docs_per_s": report.stories / build,
            "failed": len(report.failed),
        }
    out["index_mb"] = du(library.dir) / 2**20
    timings = {}
    for name, queries in make_queries(stories, per_class, extended=True).items():
        for facets in (True, False):
            results_cache = getattr(getattr(library, "_cache", None), "_results", None)
            if results_cache is not None:
                results_cache.clear()  # time evaluation, not the LRU of evaluated requests
            times = []
            for query, filters in queries:
                t = time.perf_counter()
                library.search(SearchRequest(query=query, filters=filters, facets=facets))
                times.append((time.perf_counter() - t) * 1000)
            timings[f"{name}{'' if facets else ' (no facets)'}"] = percentiles(times)
        times = []
        for query, filters in queries:  # the next page of a query just run (cached evaluation)
            t = time.perf_counter()
            library.search(SearchRequest(query=query, filters=filters, page=2))
            times.append((time.perf_counter() - t) * 1000)
        timings[f"{name} (page 2)"] = percentiles(times)
    t = time.perf_counter()
    library.search(SearchRequest(query=""))
    timings["empty query (all, date order, facets)"] = ((time.perf_counter() - t) * 1000,) * 2
    out["queries"] = timings
    # adding 100 stories to the library
    rng = random.Random(3)
    added = [
        dict(s, id=f"added:{i}", title=s["title"] + f"（补{i}）")
        for i, s in enumerate(rng.sample(stories, 100))
    ]
    extra.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in added), encoding="utf-8")
    t = time.perf_counter()
    add_report = library.update([work / "archive"], tagger=tagger)
    out["add100_s"] = time.perf_counter() - t
    out["add100_added"] = add_report.stories
    t = time.perf_counter()
    library.search(SearchRequest(query="中国"))
    out["first_query_after_add_ms"] = (time.perf_counter() - t) * 1000
    out["peak_mb"] = peak_mb()
    library.close()
    return out


def phase_baseline(work: Path, per_class: int) -> dict:
    import jieba
    from jieba.analyse import ChineseAnalyzer
    from whoosh import fields, index, sorting
    from whoosh import query as wq
    from whoosh.qparser import MultifieldParser

    jieba.setLogLevel(60)
    stories = json.loads((work / "stories.json").read_text(encoding="utf-8"))
    analyzer = ChineseAnalyzer()
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=analyzer, stored=True, field_boost=3.0),
        body=fields.TEXT(analyzer=analyzer, stored=True),
        source=fields.ID(stored=True, sortable=True),
        year=fields.ID(sortable=True),
        month=fields.ID(sortable=True),
        date=fields.ID(stored=True, sortable=True),
    )
    folder = work / "baseline"
    folder.mkdir()
    ix = index.create_in(str(folder), schema)
    t0 = time.perf_counter()
    writer = ix.writer()
    for s in stories:
        d = s["date_iso"]
        writer.add_document(
            id=s["id"],
            title=s["title"],
            body=s["content"],
            source=s["source"] or None,
            year=d[:4] or None,
            month=d[:7] or None,
            date=d or None,
        )
    writer.commit()
    build = time.perf_counter() - t0
    out = {
        "stories": len(stories),
        "build_s": build,
        "docs_per_s": len(stories) / build,
        "index_mb": du(folder) / 2**20,
    }
    parser = MultifieldParser(["title", "body"], schema)
    facet_list = {
        "source": sorting.FieldFacet("source"),
        "year": sorting.FieldFacet("year"),
        "month": sorting.FieldFacet("month"),
    }
    timings = {}
    with ix.searcher() as searcher:
        for name, queries in make_queries(stories, per_class).items():
            for facets in (True, False):
                times = []
                for query, filters in queries:
                    t = time.perf_counter()
                    q = parser.parse(query)
                    flt = None
                    if filters:
                        flt = wq.And([wq.Or([wq.Term(k, v) for v in vs]) for k, vs in filters.items()])
                    results = searcher.search(
                        q, limit=20, filter=flt, groupedby=facet_list if facets else None, terms=True
                    )
                    len(results)
                    if facets:
                        for fname in facet_list:
                            results.groups(fname)
                    for hit in results:
                        hit.highlights("body")
                    times.append((time.perf_counter() - t) * 1000)
                timings[f"{name}{'' if facets else ' (no facets)'}"] = percentiles(times)
    out["queries"] = timings
    out["peak_mb"] = peak_mb()
    return out


# -- driver -----------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--per-class", type=int, default=25, help="queries per query class (reader)")
    ap.add_argument(
        "--baseline-per-class",
        type=int,
        default=8,
        help="queries per class for the baseline (its highlighting re-runs jieba and is slow)",
    )
    ap.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one, removed)")
    ap.add_argument("--skip-baseline", action="store_true")
    ap.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: query the library a previous run kept there (no build; implies --skip-baseline)",
    )
    ap.add_argument("--phase", choices=("ours", "baseline"), help=argparse.SUPPRESS)
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        if args.phase == "ours":
            print(json.dumps(phase_ours(args.work, args.per_class, args.reuse)))
        else:
            print(json.dumps(phase_baseline(args.work, args.per_class)))
        return 0
    if args.reuse and not (args.keep and (args.keep / "home").is_dir()):
        print("bench: --reuse needs --keep FOLDER of an earlier run", file=sys.stderr)
        return 2
    if not args.corpus.is_dir():
        print(f"bench: corpus folder not found: {args.corpus}", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench_search_"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.reuse:
            stories = json.loads((work / "stories.json").read_text(encoding="utf-8"))
            synthetic = sum(1 for s in stories if s["id"].startswith("synthetic:"))
        else:
            stories, synthetic = make_stories(args.corpus, args.n)
            # a build is timed from an empty library of exactly N stories: a kept library of an earlier
            # run would make it a re-run on unchanged files (0 added), and its "add 100" file an extra
            for kept in ("home", "archive"):
                shutil.rmtree(work / kept, ignore_errors=True)
            (work / "stories.json").write_text(json.dumps(stories, ensure_ascii=False), encoding="utf-8")
            write_archive(stories, work / "archive")
        print(
            f"{len(stories)} stories ({synthetic} synthesised by recombining paragraphs of real stories), "
            f"{sum(len(s['content']) for s in stories) / len(stories):.0f} characters each on average; "
            f"{os.cpu_count()} cores"
        )
        results = {}
        for phase in ("ours",) if args.skip_baseline or args.reuse else ("ours", "baseline"):
            per_class = args.per_class if phase == "ours" else args.baseline_per_class
            cmd = [sys.executable, __file__, "--phase", phase, "--work", str(work)]
            cmd += ["--per-class", str(per_class)] + (["--reuse"] if args.reuse else [])
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode != 0:
                print(proc.stderr[-3000:], file=sys.stderr)
                return 1
            results[phase] = json.loads(proc.stdout.strip().splitlines()[-1])
            report(results)
            sys.stdout.flush()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def report(results: dict) -> None:
    ours = results["ours"]
    base = results.get("baseline")
    print(f"\n{'':38}{'reader':>16}{'whoosh+jieba':>22}")
    rows = [
        ("stories", "stories", "{:.0f}"),
        ("build (s)", "build_s", "{:.1f}"),
        ("docs/s", "docs_per_s", "{:.1f}"),
        ("index size (MB)", "index_mb", "{:.1f}"),
        ("peak memory (MB)", "peak_mb", "{:.0f}"),
    ]
    for label, key, fmt in rows:
        print(f"{label:38}{fmt.format(ours[key]):>16}{(fmt.format(base[key]) if base else '-'):>22}")
    print(f"\n{'query class: p50 / p95 (ms)':38}{'reader':>16}{'whoosh+jieba':>22}")
    for name, (p50, p95) in ours["queries"].items():
        b = base["queries"].get(name) if base else None
        print(f"{name:38}{f'{p50:.1f} / {p95:.1f}':>16}{(f'{b[0]:.1f} / {b[1]:.1f}' if b else '-'):>22}")
    print(
        f"\nadd 100 stories to the library: {ours['add100_s']:.2f} s ({ours['add100_added']} added); "
        f"first query after: {ours['first_query_after_add_ms']:.0f} ms"
    )
    faceted = [v for k, v in ours["queries"].items() if "no facets" not in k and "empty" not in k]
    p50 = statistics.median([v[0] for v in faceted])
    p95 = max(v[1] for v in faceted)
    print("\ntargets (at 100k):")
    if base:
        print(
            "  build throughput ratio reader/baseline = "
            f"{ours['docs_per_s'] / base['docs_per_s']:.2f}  (target >= 2.5)"
        )
    print(
        f"  query p50 with facets (median over classes) = {p50:.1f} ms (target <= 20); "
        f"worst class p95 = {p95:.1f} ms (target <= 80)"
    )
    print(f"  add 100 stories = {ours['add100_s']:.2f} s (target <= 5)")


if __name__ == "__main__":
    sys.exit(main())
