"""Ingest on real pages: gold fields per story, and main text against ground truth.

    python bench/ingest_pages.py [--gold DIR] [--extraction DIR] [-v]

1. **Gold pages** (default ``../shared/pages-gold``): every page with a ``gold/<name>.json`` is parsed
   twice, as its whole-page text rendering (``.txt``) and as its HTML original, and scored exactly as
   ``../shared/tools/score_pages.py`` scores ``reader parse --json`` (its own ``checks`` are used): stories
   found by exact title, then subtitle, authors, date, source, body start/end and chrome left out.
   Figures are given **leave-one-site-out**: for each page, whatever ingest learns from gold (the
   title-line weights of :mod:`reader.ingest.headline`) is fitted on the pages of the other sites only,
   then the page is parsed. The figures with the shipped weights (fitted on all pages) follow for
   comparison; the rules themselves name no site.
2. **Main text** (default ``../shared/extraction``): each page's HTML is parsed and the stories' text
   (title where the truth holds it, subtitle, subheads, paragraphs) is compared with the dataset's
   ``main_text``, both NFKC with all whitespace removed: character recall (share of the truth found in
   order in the story, by longest matching blocks) and precision (share of the story that is truth).
   Median and worst 10% are printed, with the worst pages named.

Per-page parse time is printed too (median ms over the gold pages, HTML and text).
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import importlib.util
import json
import statistics
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.ingest import chrome, headline, read_file  # noqa: E402
from reader.ingest.decode import NotText, decode_bytes  # noqa: E402
from reader.ingest.lines import split_lines  # noqa: E402
from reader.paths import shared_dir  # noqa: E402


def _scorer(tools: Path):
    spec = importlib.util.spec_from_file_location("score_pages", tools / "score_pages.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {tools / 'score_pages.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def site_of(gold_file: Path) -> str:
    """Pages are named ``<site>_<n>``: the site is what leave-one-site-out holds out."""
    return gold_file.stem.rsplit("_", 1)[0]


def _original(page: Path) -> Path | None:
    for cand in sorted(page.parent.glob(page.stem + ".*")):
        if cand.suffix.lower() in (".html", ".htm"):
            return cand
    return None


def score_page(sp, gold: dict, page: Path) -> tuple[int, int, int, int, list[str], float]:
    """(found, wanted, right, checks, failures, seconds) for one page, as score_pages.py counts."""
    t0 = time.perf_counter()
    result = read_file(page)
    seconds = time.perf_counter() - t0
    stories = [s.to_json() for s in result.stories]
    found = wanted = ok = total = 0
    lines: list[str] = []
    for g in gold["stories"]:
        wanted += 1
        total += 1
        cand = [s for s in stories if sp.norm(s.get("title")) == sp.norm(g["title"])]
        if not cand:
            lines.append(f"missing {g['title']!r}; parsed {[s.get('title') for s in stories][:3]}")
            continue
        found += 1
        ok += 1
        for name, good in sp.checks(g, gold, cand[0]):
            total += 1
            ok += good
            if not good:
                s = cand[0]
                got = {
                    "subtitle": s.get("subtitle"),
                    "authors": s.get("authors"),
                    "date": s.get("date"),
                    "source": s.get("source"),
                    "body_starts": sp.body(s)[:20],
                    "body_ends": sp.body(s)[-20:],
                }
                lines.append(
                    f"wrong {name}" + (f" ({got[name]!r}; gold {g.get(name)!r})" if name in got else "")
                )
    return found, wanted, ok, total, lines, seconds


def gold_examples(folder: Path) -> list[headline.Example]:
    """Training examples from a folder of pages with ``gold/<name>.json`` (text renderings and HTML)."""
    out: list[headline.Example] = []
    for gpath in sorted((folder / "gold").glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        site = gpath.stem.rsplit("_", 1)[0]
        page = folder / gold["file"]
        for story in gold.get("stories", [])[:1]:
            try:
                text = decode_bytes(page.read_bytes()).text
            except (OSError, NotText):
                continue
            example = example_of(text, story["title"], site)
            if example is not None:
                out.append(example)
    return out


def example_of(text: str, title: str, site: str) -> headline.Example | None:
    """The candidates of a text page for training, or None when the gold title is not among them."""
    lines = split_lines(text)
    start, _end, _score = chrome.body_region(lines)
    start = chrome.body_start(lines, start, _end)
    counts: dict[str, int] = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1
    cands = headline.candidates(lines, start)
    want = headline.norm(title)
    golds = [i for i, k in enumerate(cands) if headline.norm(lines[k]) == want]
    if not golds or len(cands) < 2:
        return None
    vectors = [headline.features(lines, k, start, counts, headline.Evidence()) for k in cands]
    return headline.Example(site=site, vectors=vectors, gold=golds[0])


def gold_figures(gold_dir: Path, tools: Path, verbose: bool) -> list[float]:
    sp = _scorer(tools)
    golds = sorted((gold_dir / "gold").glob("*.json"))
    if not golds:
        raise SystemExit(f"no gold files in {gold_dir / 'gold'}")
    examples = gold_examples(gold_dir)
    times: list[float] = []
    # No weights are fitted on the gold pages (reader ships hand-set headline weights), so the shipped
    # figures are the leave-one-site-out ones; the refitted run shows what fitting the headline
    # weights without each page's site would give.
    for label, loso in (("shipped (LOSO)", False), ("refit w/o site", True)):
        for form in ("txt", "html"):
            found = wanted = ok = total = 0
            for gpath in golds:
                gold = json.loads(gpath.read_text(encoding="utf-8"))
                page = gold_dir / gold["file"]
                if form == "html":
                    page = _original(page)
                    if page is None:
                        continue
                site = site_of(gpath)
                weights = headline.fit([e for e in examples if e.site != site]) if loso else None
                with headline.using(weights) if weights is not None else contextlib.nullcontext():
                    f, w, o, t, lines, seconds = score_page(sp, gold, page)
                times.append(seconds)
                found, wanted, ok, total = found + f, wanted + w, ok + o, total + t
                if verbose and lines and not loso:
                    print(f"  {page.name}")
                    for line in lines:
                        print(f"      {line}")
            print(
                f"gold {form:4} {label:18}: stories found {found}/{wanted}; "
                f"checks right {ok}/{total} = {ok / max(1, total):.3f}"
            )
    return times


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def story_text(stories, truth: str) -> str:
    parts: list[str] = []
    head = truth[:300]
    for s in stories:
        if s.title and _norm(s.title) in head:
            parts.append(s.title)
        if s.subtitle:
            parts.append(s.subtitle)
        parts.extend(text for _kind, text in s.blocks())
    return _norm("".join(parts))


def matched(truth: str, got: str) -> int:
    sm = difflib.SequenceMatcher(None, truth, got, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks() if b.size >= 3)


def extraction_figures(folder: Path, verbose: bool) -> None:
    truths = sorted((folder / "truth").glob("*.json"))
    if not truths:
        raise SystemExit(f"no truth files in {folder / 'truth'}")
    rows = []
    for tpath in truths:
        truth = json.loads(tpath.read_text(encoding="utf-8"))
        page = folder / "pages" / truth["file"]
        t = _norm(truth["main_text"])
        result = read_file(page)
        got = story_text(result.stories, t)
        m = matched(t, got) if t and got else 0
        recall = m / len(t) if t else 1.0
        precision = m / len(got) if got else 0.0
        rows.append((recall, precision, truth.get("host") or "", page.name[:40], len(t), len(got)))
    recalls = sorted(r[0] for r in rows)
    precisions = sorted(r[1] for r in rows)
    tenth = max(1, len(rows) // 10)
    print(
        f"main text, {len(rows)} pages: recall median {statistics.median(recalls):.3f}, "
        f"worst 10% mean {statistics.mean(recalls[:tenth]):.3f}; precision median "
        f"{statistics.median(precisions):.3f}, worst 10% mean {statistics.mean(precisions[:tenth]):.3f}"
    )
    print(
        f"  recall >= 0.95: {sum(r >= 0.95 for r in recalls)}/{len(rows)}; "
        f"precision >= 0.95: {sum(p >= 0.95 for p in precisions)}/{len(rows)}"
    )
    worst = sorted(rows, key=lambda r: min(r[0], r[1]))[: tenth if not verbose else len(rows)]
    for recall, precision, host, name, nt, ng in worst:
        if verbose or min(recall, precision) < 0.95:
            print(f"    R {recall:.2f} P {precision:.2f}  {host:28} {name}  truth {nt} story {ng} chars")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=None, help="pages with gold/ (default ../shared/pages-gold)")
    ap.add_argument(
        "--extraction", type=Path, default=None, help="pages/ + truth/ (default ../shared/extraction)"
    )
    ap.add_argument(
        "--tools", type=Path, default=None, help="folder of score_pages.py (default ../shared/tools)"
    )
    ap.add_argument("--skip-gold", action="store_true")
    ap.add_argument("--skip-extraction", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every failed check and page")
    a = ap.parse_args()
    shared = shared_dir()
    gold = a.gold or (shared / "pages-gold" if shared else None)
    extraction = a.extraction or (shared / "extraction" if shared else None)
    tools = a.tools or (shared / "tools" if shared else None)
    if not a.skip_gold:
        if gold is None or tools is None or not gold.is_dir():
            print(
                "gold pages not found: give --gold DIR and --tools DIR "
                "(../shared/pages-gold, ../shared/tools)"
            )
        else:
            times = gold_figures(gold, tools, a.verbose)
            print(
                f"parse time per page: median {statistics.median(times) * 1000:.1f} ms, "
                f"max {max(times) * 1000:.0f} ms ({len(times)} parses)"
            )
    if not a.skip_extraction:
        if extraction is None or not extraction.is_dir():
            print("extraction pages not found: give --extraction DIR (../shared/extraction)")
        else:
            extraction_figures(extraction, a.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
