"""Precision and recall of reprint grouping on a labelled sample of corpus story pairs.

    python bench/reprints_sample.py --home LIBRARY                 # evaluate bench/data/reprint_labels.tsv
    python bench/reprints_sample.py --home LIBRARY --draw SHEET    # draw a new sample to judge (see below)

LIBRARY is a library home holding ../shared/corpus (``reader --home LIBRARY index ../shared/corpus``).
The labels file holds story ids and judgements only (no text): ``a``, ``b``, ``stratum``, ``label``
(1: one is a printing of the other, edits allowed; 0: two reports, however alike their wording) and
a short note. It was drawn with ``--draw`` and judged by reading both stories of every pair:

* ``sketch``: pairs that share an LSH band (the sketch's candidates), in bands of estimated
  similarity from 0.3 up, a fixed number from each, so pairs just under and over the threshold
  are both judged;
* ``title``: pairs whose headlines share most of their character pairs but that share no band
  (reprints the sketch could have missed: recall beyond its own candidates);
* ``random``: random pairs of stories dated within a week of each other;
* ``dated``: pairs from two different sources printed within two days of each other whose
  headlines share at least 40% of their character pairs, drawn without looking at the sketch at
  all: the stratum that measures recall (a wire story carried by a portal and a broadcast).

``--held-out --seed N`` draws a new sample that leaves out the pairs of ``--labels`` (the
thresholds were chosen on the first sample; a sample judged apart says how they do on pairs
they were not chosen on: ``bench/data/reprint_labels_heldout.tsv``). ``--draw`` writes the pairs
(ids, stratum, similarity, both texts' start and the paragraph diff's
counts) to SHEET for reading, and the ids to SHEET.tsv to be labelled. Figures: precision and recall
of "in one reprint group" against the labels, overall and per stratum; of the library's pairwise
rule alone (``reprints.reprinted`` and the date window, without LSH's misses or chains' gains); and
of similarity alone at other thresholds. Stratified counts, not weighted to the library's pair
population.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.index import open_index  # noqa: E402
from reader.index.reprints import FILE_NAME, JOIN, close_in_time, reprinted  # noqa: E402
from reader.service.reprints import story_lines  # noqa: E402
from reader.text import sketch  # noqa: E402
from reader.text.paradiff import paragraph_diff, summary  # noqa: E402

LABELS = ROOT / "bench" / "data" / "reprint_labels.tsv"
BINS = ((0.3, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def bigrams(text: str) -> set[str]:
    flat = sketch.compact(text)
    return {flat[i : i + 2] for i in range(len(flat) - 1)}


def dated_pairs(rows: list, count: int, rng: random.Random) -> list[tuple[int, int]]:
    """Pairs of two sources dated within two days whose headlines share >= 40% of their character pairs."""
    by_day: dict[str, list] = {}
    for r in rows:
        if len(r[3]) >= 10 and len(r[4]) >= 6:
            by_day.setdefault(r[3][:10], []).append(r)
    days = sorted(by_day)
    found: list[tuple[int, int]] = []
    for i, day in enumerate(days):
        near = [r for d in days[i : i + 3] for r in by_day[d]]  # this day and the next two
        grams = {r[0]: bigrams(r[4]) for r in near}
        for a in by_day[day]:
            for b in near:
                if b[0] == a[0] or b[5] == a[5] or (b[3][:10] == day and b[0] < a[0]):
                    continue
                x, y = grams[a[0]], grams[b[0]]
                if x and y and len(x & y) / len(x | y) >= 0.4:
                    found.append((min(a[0], b[0]), max(a[0], b[0])))
    found = sorted(set(found))
    return rng.sample(found, min(count, len(found)))


def judged_pairs(labels: Path) -> set[frozenset[str]]:
    """The pairs a labels file holds already (a held-out draw leaves them out)."""
    if not labels.exists():
        return set()
    with open(labels, encoding="utf-8") as fh:
        return {frozenset((r["a"], r["b"])) for r in csv.DictReader(fh, delimiter="\t")}


def draw(
    home: Path,
    sheet: Path,
    per_bin: int,
    titles: int,
    randoms: int,
    dated: int,
    only: str,
    seed: int = 20260601,
    exclude: set[frozenset[str]] | None = None,
) -> None:
    library = open_index(home)
    db = sqlite3.connect(library.dir / FILE_NAME)
    rows = db.execute("SELECT sid, id, sig, date, title, source FROM story").fetchall()
    by_sid = {r[0]: r for r in rows}
    pairs: set[tuple[int, int]] = set()
    for (key,) in db.execute("SELECT key FROM band GROUP BY key HAVING COUNT(*) BETWEEN 2 AND 50"):
        sids = [r[0] for r in db.execute("SELECT sid FROM band WHERE key=?", (key,))]
        pairs.update(itertools.combinations(sorted(sids), 2))
    rng = random.Random(seed)
    chosen: list[tuple[str, str, str, float]] = []
    if only == "dated":
        for a, b in dated_pairs(rows, dated, random.Random(seed + 1)):
            chosen.append(
                (by_sid[a][1], by_sid[b][1], "dated", sketch.similarity(by_sid[a][2], by_sid[b][2]))
            )
        per_bin, titles, randoms = 0, 0, 0
    scored = [(a, b, sketch.similarity(by_sid[a][2], by_sid[b][2])) for a, b in sorted(pairs)]
    for lo, hi in BINS:
        inside = [p for p in scored if lo <= p[2] < hi]
        for a, b, sim in rng.sample(inside, min(per_bin, len(inside))):
            chosen.append((by_sid[a][1], by_sid[b][1], "sketch", sim))
    # headlines alike, no band shared
    by_title = [(r[0], bigrams(r[4])) for r in rows if len(r[4]) >= 6]
    index: dict[str, list[int]] = {}
    for sid, grams in by_title:
        for g in grams:
            index.setdefault(g, []).append(sid)
    alike: list[tuple[int, int]] = []
    for sid, grams in rng.sample(by_title, len(by_title)):
        counts: dict[int, int] = {}
        for g in grams:
            posting = index[g]
            if len(posting) > 200:
                continue
            for other in posting:
                if other != sid:
                    counts[other] = counts.get(other, 0) + 1
        for other, n in counts.items():
            pair = (min(sid, other), max(sid, other))
            if n / max(1, len(grams)) >= 0.6 and pair not in pairs:
                alike.append(pair)
        if len(alike) >= titles * 3:
            break
    for a, b in rng.sample(sorted(set(alike)), min(titles, len(set(alike)))):
        chosen.append((by_sid[a][1], by_sid[b][1], "title", sketch.similarity(by_sid[a][2], by_sid[b][2])))
    by_date = sorted((r for r in rows if r[3]), key=lambda r: r[3])
    for _ in range(randoms):
        i = rng.randrange(len(by_date))
        j = min(len(by_date) - 1, i + rng.randint(1, 400))
        a, b = by_date[i], by_date[j]
        chosen.append((a[1], b[1], "random", sketch.similarity(a[2], b[2])))
    with open(sheet, "w", encoding="utf-8") as out, open(f"{sheet}.tsv", "w", encoding="utf-8") as ids:
        ids.write("a\tb\tstratum\tlabel\tnote\n")
        for n, (a, b, stratum, sim) in enumerate(chosen, 1):
            if exclude and frozenset((a, b)) in exclude:
                continue
            sa, sb = library.get(a), library.get(b)
            if sa is None or sb is None:
                continue
            counts = summary(paragraph_diff(story_lines(sa), story_lines(sb)))
            out.write(f"=== {n} [{stratum}] sim {sim:.2f} {a} {b} {counts}\n")
            for s in (sa, sb):
                out.write(f"  《{s.title}》 {s.source} {s.date} ({len(s.text)} chars)\n")
                out.write(f"    {s.text[:160].replace(chr(10), ' / ')}\n")
                out.write(f"    …{s.text[-80:].replace(chr(10), ' / ')}\n")
            ids.write(f"{a}\t{b}\t{stratum}\t\t\n")
    library.close()
    print(f"{len(chosen)} pairs written to {sheet} (ids to {sheet}.tsv)")


def rates(rows: list[tuple[int, bool]]) -> tuple[float, float, int, int, int]:
    tp = sum(1 for label, said in rows if label and said)
    fp = sum(1 for label, said in rows if not label and said)
    fn = sum(1 for label, said in rows if label and not said)
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    return precision, recall, tp, fp, fn


def evaluate(home: Path, labels: Path) -> int:
    library = open_index(home)
    store = library.reprints
    with open(labels, encoding="utf-8") as fh:
        judged = [r for r in csv.DictReader(fh, delimiter="\t") if r["label"] in ("0", "1")]
    db = sqlite3.connect(library.dir / FILE_NAME)
    dates = dict(db.execute("SELECT id, date FROM story").fetchall())
    grouped: list[tuple[int, bool]] = []
    per_stratum: dict[str, list[tuple[int, bool]]] = {}
    missing = 0
    pairwise: dict[float, list[tuple[int, bool]]] = {}
    sizes = dict(db.execute("SELECT id, size FROM story").fetchall())
    linked: list[tuple[int, bool]] = []
    for row in judged:
        a, b, label = row["a"], row["b"], int(row["label"])
        ga, gb = store.group_of(a), store.group_of(b)
        if not ga or not gb:
            missing += 1
            continue
        said = ga == gb
        grouped.append((label, said))
        per_stratum.setdefault(row["stratum"], []).append((label, said))
        sim = store.similarity(a, b)
        near = close_in_time(dates.get(a, ""), dates.get(b, ""))
        linked.append((label, near and reprinted(sim, sizes.get(a, 0), sizes.get(b, 0))))
        for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
            pairwise.setdefault(threshold, []).append((label, sim >= threshold and near))
    positives = sum(label for label, _ in grouped)
    print(f"labelled pairs: {len(grouped)} ({positives} reprints), not in this library: {missing}")
    p, r, tp, fp, fn = rates(grouped)
    print(f"grouping precision: {p:.3f}")
    print(f"grouping recall: {r:.3f}")
    print(f"  (true {tp}, false {fp}, missed {fn})")
    for stratum, rows in sorted(per_stratum.items()):
        p, r, tp, fp, fn = rates(rows)
        print(f"  {stratum:7} pairs {len(rows):3}  reprints {tp + fn:3}  precision {p:.3f}  recall {r:.3f}")
    p, r, *_ = rates(linked)
    print(f"the library's pairwise rule (no LSH, no chains): precision {p:.3f}  recall {r:.3f}")
    print(f"similarity alone at other thresholds (the library's is {JOIN}, dates within the window):")
    for threshold, rows in sorted(pairwise.items()):
        p, r, tp, fp, fn = rates(rows)
        print(f"  similarity >= {threshold:.1f}: precision {p:.3f}  recall {r:.3f}")
    library.close()
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--home", type=Path, required=True, help="a library home holding ../shared/corpus")
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--draw", type=Path, help="draw a new sample into this sheet (and SHEET.tsv)")
    ap.add_argument("--per-bin", type=int, default=12)
    ap.add_argument("--titles", type=int, default=25)
    ap.add_argument("--random", type=int, default=25)
    ap.add_argument("--dated", type=int, default=40)
    ap.add_argument("--only", choices=("dated",), help="draw only this stratum")
    ap.add_argument("--seed", type=int, default=20260601, help="the draw's random seed")
    ap.add_argument(
        "--held-out", action="store_true", help="leave out the pairs --labels holds (a sample judged apart)"
    )
    args = ap.parse_args()
    if not (args.home / "index").is_dir():
        print(f"bench: no library in {args.home} (reader --home DIR index ../shared/corpus)", file=sys.stderr)
        return 2
    if args.draw:
        exclude = judged_pairs(args.labels) if args.held_out else None
        draw(
            args.home,
            args.draw,
            args.per_bin,
            args.titles,
            args.random,
            args.dated,
            args.only or "",
            args.seed,
            exclude,
        )
        return 0
    return evaluate(args.home, args.labels)


if __name__ == "__main__":
    sys.exit(main())
