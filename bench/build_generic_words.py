"""Build ``reader/autotag/data/generic_words.txt``: nouns common in news of every source.

    python bench/build_generic_words.py [--per 2000] [--share 0.006] [--corpus DIR]

A word is *generic* when it appears in at least ``--share`` of the stories of
every corpus collection (CCTV bulletins 2022-26, 中新网 2025, 搜狐 2016, 眾新聞
HK 2016-22): such a word says nothing about one story, whatever the source or
year. Words that are frequent in one collection only (疫情, 特首, 香港) stay
topics. Only candidate topic words are counted (the tags topics.py considers).
The output is sorted and has one word per line; re-run it when the tagger's
candidate rules change.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from corpus_folder import corpus_folder

from reader.autotag.segment import is_cjk, segment, to_simplified
from reader.autotag.topics import NOUN_TAGS

OUT = Path(__file__).resolve().parent.parent / "reader" / "tags" / "data" / "generic_words.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per", type=int, default=2000)
    ap.add_argument("--share", type=float, default=0.006)
    ap.add_argument("--corpus", type=Path, default=None)
    args = ap.parse_args()
    corpus = corpus_folder(args.corpus, "build_generic_words")
    shares: list[dict[str, float]] = []
    for path in sorted(corpus.glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            lines = fh.readlines()
        rng = random.Random(11)
        picked = rng.sample(lines, min(args.per, len(lines)))
        df: Counter[str] = Counter()
        for line in picked:
            rec = json.loads(line)
            seg = segment(to_simplified(rec.get("title", "") + "\n" + rec["content"]))
            df.update(
                {t.word for t in seg.tokens if t.tag in NOUN_TAGS and len(t.word) >= 2 and is_cjk(t.word)}
            )
        shares.append({w: n / len(picked) for w, n in df.items()})
        print(f"{path.name}: {len(picked)} stories, {len(df)} words")
    common = set.intersection(*(set(s) for s in shares))
    generic = sorted(w for w in common if min(s[w] for s in shares) >= args.share)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        f"# Nouns in at least {args.share:.1%} of the stories of every corpus collection;"
        " built by bench/build_generic_words.py\n" + "\n".join(generic) + "\n",
        encoding="utf-8",
    )
    print(f"{len(generic)} generic words -> {OUT}")


if __name__ == "__main__":
    main()
