"""Tagging speed: stories per second and ms per story on corpus samples.

Wall-clock times include waiting for the CPU on a busy machine; the CPU time
line is what one free core would take.

    python bench/bench_tags.py [--n 400] [--corpus DIR] [--profile]

Samples ``--n`` stories spread over the corpus collections and times
:func:`reader.autotag.auto_tags` on each (after one warm-up call that loads jieba
and the place data). Prints median and mean ms per story, ms per 1,000
characters, stories/s, and the same for jieba's own segmentation as a yardstick.
Budget: 5 ms for an average (~1,000 character) story on one core.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

from corpus_folder import corpus_folder

from reader.autotag import auto_tags
from reader.story import Story


def sample(corpus: Path, n: int, seed: int = 7) -> list[Story]:
    files = sorted(corpus.glob("*.jsonl"))
    rng = random.Random(seed)
    out: list[Story] = []
    for path in files:
        with open(path, encoding="utf-8") as fh:
            lines = fh.readlines()
        for line in rng.sample(lines, min(n // len(files), len(lines))):
            rec = json.loads(line)
            paras = [p.strip() for p in rec["content"].split("\n") if p.strip()]
            out.append(Story(title=rec.get("title", ""), paragraphs=paras))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    stories = sample(corpus_folder(args.corpus, "bench_tags"), args.n)
    t0 = time.perf_counter()
    auto_tags(Story(title="预热", paragraphs=["江西上饶的马家柚。"]))
    print(f"first call (loads jieba, places, fold table): {time.perf_counter() - t0:.2f} s")
    if args.profile:
        import cProfile
        import pstats

        cProfile.runctx(
            "for s in stories: auto_tags(s)",
            globals(),
            {"stories": stories, "auto_tags": auto_tags},
            "/tmp/tags.prof",
        )
        pstats.Stats("/tmp/tags.prof").sort_stats("cumulative").print_stats(25)
        return
    times, chars = [], []
    cpu_start = time.process_time()
    for story in stories:
        start = time.perf_counter()
        auto_tags(story)
        times.append((time.perf_counter() - start) * 1000)
        chars.append(len(story.title) + len(story.text))
    cpu = time.process_time() - cpu_start
    import jieba

    jt = []
    for story in stories:
        start = time.perf_counter()
        jieba.lcut(story.title + "\n" + story.text)
        jt.append((time.perf_counter() - start) * 1000)
    total = sum(times) / 1000
    mean_chars, median_chars = statistics.mean(chars), statistics.median(chars)
    print(f"stories: {len(stories)}, mean {mean_chars:.0f} chars, median {median_chars:.0f}")
    print(
        f"auto_tags: median {statistics.median(times):.2f} ms, mean {statistics.mean(times):.2f} ms/story,"
        f" {1000 * sum(times) / sum(chars):.2f} ms per 1,000 chars, {len(stories) / total:.0f} stories/s"
    )
    print(f"auto_tags CPU time (what one free core would take): {1000 * cpu / len(stories):.2f} ms/story")
    print(
        f"jieba.lcut (yardstick): median {statistics.median(jt):.2f} ms, mean {statistics.mean(jt):.2f} ms; "
        f"ratio auto_tags/jieba {sum(times) / sum(jt):.2f}"
    )


if __name__ == "__main__":
    main()
