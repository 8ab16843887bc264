"""Benchmark: reprint groups on the library of bench_search.py — grouping, adding 100 stories, size, search.

    python bench/bench_reprints.py [--n 10000] [--corpus DIR] [--keep DIR [--reuse]]

Stories are bench_search.py's (``make_stories``: real corpus stories, beyond ~30,000 synthesised
by recombining paragraphs of real ones, which gives the sketch many partial overlaps to reject).
Figures:

* import of the N stories (``ArchiveIndex.update``, reprint groups included) and the index size,
  with the reprint store's share of it;
* grouping the whole library from nothing (the store removed; the next import sketches every story
  from the index and groups it): time and peak memory (tracemalloc, Python and numpy allocations);
* adding 100 stories: 50 new ones and 50 reprints of library stories (other headline, last
  paragraph cut, an editor's note added, every fifth in traditional characters): the import's
  time, the reprint store's share of it, and how many of the 50 joined their story's group;
* search: a broad query with groups folded into one row against every copy listed (p50 ms).

The import's added cost against a tree without reprint groups is measured by running
bench_search.py on both commits: ``python bench/against_commit.py main -- bench/bench_search.py
--n 10000 --skip-baseline`` (build seconds, index MB, adding 100 stories).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_search import du, make_stories, tagger, write_archive  # noqa: E402

from reader.index import SearchRequest, open_index  # noqa: E402
from reader.index.reprints import FILE_NAME  # noqa: E402
from reader.text.convert import convert  # noqa: E402


def store_bytes(index_dir: Path) -> int:
    return sum(p.stat().st_size for p in index_dir.glob(FILE_NAME + "*"))


def reprint_of(story: dict, k: int, rng: random.Random) -> dict:
    """A paper's reprint of ``story``: own headline, last paragraph cut, an editor's note, maybe 繁體."""
    paras = [p for p in story["content"].split("\n") if p.strip()]
    if len(paras) > 3:
        paras = paras[:-1]
    paras.append("（本报综合报道，编辑：王某）")
    if k % 5 == 0:
        paras = [convert(p, "zh-hant") for p in paras]
    return dict(
        story,
        id=f"reprint:{k}",
        title=f"{story['title'][: rng.randint(4, 12)]}——转载{k}",
        source=f"转载报{k % 7}",
        content="\n".join(paras),
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    ap.add_argument("--reuse", action="store_true", help="with --keep: the library a previous run built")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"bench: corpus folder not found: {args.corpus}", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench_reprints_"))
    work.mkdir(parents=True, exist_ok=True)
    archive, home = work / "archive", work / "home"
    extra = archive / "zz_reprints.jsonl"
    extra.unlink(missing_ok=True)
    if args.reuse and (work / "stories.json").is_file():
        stories = json.loads((work / "stories.json").read_text(encoding="utf-8"))
    else:
        stories, synthetic = make_stories(args.corpus, args.n)
        (work / "stories.json").write_text(json.dumps(stories, ensure_ascii=False), encoding="utf-8")
        write_archive(stories, archive)
        print(f"{len(stories)} stories ({synthetic} synthesised by recombining paragraphs of real ones)")

    library = open_index(home)
    t = time.perf_counter()
    report = library.update([archive], tagger=tagger)
    if not args.reuse:
        print(f"import of {report.stories} stories, groups included: {time.perf_counter() - t:.1f} s")
    index_mb = du(library.dir) / 2**20
    store_mb = store_bytes(library.dir) / 2**20
    groups = library.reprints.groups()
    grouped = sum(len(m) for m in groups.members.values())
    print(f"stories in the library: {library.count()}")
    print(f"reprint groups: {len(groups.members)} holding {grouped} stories")
    print(f"index size MB: {index_mb:.1f}")
    print(f"reprint store MB: {store_mb:.1f}")
    print(f"reprint store share of index %: {100 * store_mb / index_mb:.1f}")

    # the whole library grouped from nothing: timed, then again under tracemalloc for the peak
    def regroup(traced: bool) -> tuple[float, int]:
        nonlocal library
        library.close()
        for path in library.dir.glob(FILE_NAME + "*"):
            path.unlink()
        library = open_index(home)
        if traced:
            tracemalloc.start()
        t0 = time.perf_counter()
        library.update([archive], tagger=tagger)
        spent = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1] if traced else 0
        if traced:
            tracemalloc.stop()
        return spent, peak

    whole, _ = regroup(False)
    _, peak = regroup(True)
    again = library.reprints.groups()
    same = {frozenset(m.id for m in ms) for ms in again.members.values()} == {
        frozenset(m.id for m in ms) for ms in groups.members.values()
    }
    print(f"grouping the whole library s: {whole:.1f}")
    print(f"grouping the whole library peak MB: {peak / 2**20:.1f}")
    print(f"same groups as built at import: {'yes' if same else 'no'}")

    # adding 100 stories, 50 of them reprints
    rng = random.Random(11)
    sample = rng.sample(stories, 50)
    added = [reprint_of(s, k, rng) for k, s in enumerate(sample[:50])]
    fresh, _synth = make_stories(args.corpus, len(stories) + 50)  # 50 stories the library does not hold
    added += [dict(s, id=f"added:{i}") for i, s in enumerate(fresh[len(stories) :])]
    extra.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in added), encoding="utf-8")
    store = library.reprints
    spent = [0.0]
    real_apply = store.apply

    def timed_apply(*a, **k):
        t0 = time.perf_counter()
        try:
            return real_apply(*a, **k)
        finally:
            spent[0] += time.perf_counter() - t0

    store.apply = timed_apply  # type: ignore[method-assign]
    t = time.perf_counter()
    add_report = library.update([archive], tagger=tagger)
    add_s = time.perf_counter() - t
    store.apply = real_apply  # type: ignore[method-assign]
    by_title = {}
    for hit_id in library.ids_for(SearchRequest(query="转载", facets=False, snippets=False)):
        s = library.get(hit_id)
        if s is not None and "——转载" in s.title:
            by_title[s.title] = s.id
    joined = 0
    for k, base in enumerate(sample[:50]):
        copy_title = next((t for t in by_title if t.endswith(f"——转载{k}")), None)
        if copy_title is None:
            continue
        group = store.group_of(by_title[copy_title])
        members = {c.title for c in store.copies(group)}
        joined += base["title"] in members
    print(f"adding 100 stories s: {add_s:.2f}")
    print(f"adding 100 stories, reprint store s: {spent[0]:.3f}")
    print(f"added stories: {add_report.stories}")
    print(f"reprints that joined their story's group: {joined} / 50")

    # search: folded against every copy
    for label, folded in (("broad query, one row per group ms", True), ("broad query, every copy ms", False)):
        times = []
        for query in ("中国", "发展", "记者", "北京"):
            for _ in range(3):
                library._cache._results.clear()  # time evaluation, not the LRU
                t = time.perf_counter()
                library.search(SearchRequest(query=query, group_copies=folded))
                times.append((time.perf_counter() - t) * 1000)
        print(f"{label}: {statistics.median(times):.1f}")
    extra.unlink(missing_ok=True)
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
