"""Print the automatic tags of a sample of corpus stories, for judging precision by hand.

    python bench/tags_sample.py [--per 13] [--seed 1] [--corpus DIR]

Takes ``--per`` random stories from each corpus collection (4 collections, so
13 gives 52) and prints title, start of the text and the tags, one per line.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from corpus_folder import corpus_folder

from reader.autotag import auto_tags
from reader.story import Story


def corpus_stories(corpus: Path, per: int, seed: int) -> list[tuple[str, Story]]:
    out = []
    for path in sorted(corpus.glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            lines = fh.readlines()
        rng = random.Random(seed)
        for line in rng.sample(lines, min(per, len(lines))):
            rec = json.loads(line)
            paras = [p.strip() for p in rec["content"].split("\n") if p.strip()]
            authors = [rec["author"]] if rec.get("author") else []
            out.append((path.stem, Story(title=rec.get("title", ""), paragraphs=paras, authors=authors)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per", type=int, default=13)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", type=Path, default=None)
    args = ap.parse_args()
    corpus = corpus_folder(args.corpus, "tags_sample")
    n_tags = 0
    for i, (coll, story) in enumerate(corpus_stories(corpus, args.per, args.seed), 1):
        tags = auto_tags(story)
        n_tags += len(tags)
        print(f"[{i}] {coll} | {story.title[:40]} | {story.text[:70]!r}")
        print("    " + "  ".join(tags))
    print(f"{n_tags} tags shown")


if __name__ == "__main__":
    main()
