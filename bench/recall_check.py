"""Recall and precision at scale: search totals against brute-force search over the index's own text.

    python bench/recall_check.py --home LIBRARY [--queries 60] [--seed 5]

For random 1-6 character runs taken from the library's stories, the number of
stories ``ArchiveIndex.search`` finds (and, below 30,000, the ids) must equal the
stories whose folded printed text (title, subtitle, source, column, byline,
authors, subheads, paragraphs) contains the folded query. Folding joins variant
characters (:mod:`reader.text.variants`), so the truth is variant-folded; each
query is also asked with a variant form of one of its characters where the
table has one (淸 for 清), which must find the same stories. Use it
on a big library (e.g. the one ``bench_search.py --keep`` builds) where posting
lists span many blocks and segments. Prints each query and the mismatches.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def variant_forms(query: str, forms: dict[str, list[str]], rng: random.Random) -> list[str]:
    """``query`` with one character typed in a variant form the fold joins to it (none if no such form)."""
    options = [(i, v) for i, c in enumerate(query) for v in forms.get(c, [])]
    if not options:
        return []
    i, variant = rng.choice(options)
    return [query[:i] + variant + query[i + 1 :]]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--queries", type=int, default=60)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()

    from reader.index import SearchRequest, open_index
    from reader.index.documents import decode_story
    from reader.text.fold import fold
    from reader.text.variants import variant_joins

    library = open_index(args.home)
    searcher = library._get_searcher()
    t0 = time.perf_counter()
    texts = {}
    for fields in searcher.all_stored_fields():
        if fields.get("kind") == "story":
            story = decode_story(fields["data"])
            printed = (story.title, story.subtitle, story.source, story.column, story.byline, *story.authors)
            texts[story.id] = fold("\n".join((*printed, story.text)))
    print(f"{len(texts)} stories read in {time.perf_counter() - t0:.1f} s")
    rng = random.Random(args.seed)
    ids = list(texts)
    forms: dict[str, list[str]] = {}
    for variant in variant_joins():
        forms.setdefault(fold(variant), []).append(variant)
    mismatches = 0
    for _ in range(args.queries):
        length = rng.choice([1, 2, 3, 4, 6])
        runs = [r for r in re.findall(r"[\u4e00-\u9fff]+", texts[rng.choice(ids)]) if len(r) >= length]
        if not runs:
            continue
        run = rng.choice(runs)
        start = rng.randint(0, len(run) - length)
        query = run[start : start + length]
        truth = {k for k, v in texts.items() if query in v}
        for asked in [query, *variant_forms(query, forms, rng)]:
            total = library.search(SearchRequest(query=asked)).total
            found = set(library.ids_for(SearchRequest(query=asked))) if len(truth) < 30000 else None
            ok = total == len(truth) and (found is None or found == truth)
            mismatches += not ok
            print(f"{asked:8} brute force {len(truth):6}  search {total:6}  {'ok' if ok else 'MISMATCH'}")
    print(f"mismatches: {mismatches}")
    library.close()
    return 1 if mismatches else 0


if __name__ == "__main__":
    raise SystemExit(main())
