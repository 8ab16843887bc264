"""Field accuracy of reader.ingest.textpage.parse_text on the shared news corpus.

Renders sampled corpus records as plain-text pages the way a copy-paste looks
(title line, a date/source line, blank lines, paragraphs; a share of pages hold
2-4 records one after another, like a repost page), parses them and counts the
stories recovered with the exact title, the exact date, the exact body (all
paragraphs and subheads in order, whitespace ignored; a trailing chinanews
``【编辑:…】`` tag is expected in ``editor``, not the body, and a closing ``(完)`` is
dropped) and, where the text
names them (``中新社南京6月9日电(记者朱晓颖)``, hkcnews ``author``), the authors.

    python bench/ingest_accuracy.py [--corpus DIR] [--n 200] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.ingest.textpage import parse_text  # noqa: E402
from reader.paths import shared_dir  # noqa: E402

# A chinanews "【编辑:…】" tag is expected in ``editor``, and a closing "(完)" marker dropped
# (the sentence before it kept): neither is story text.
_EDITOR_TAG = re.compile(r"(?:\s{0,2}[（(]完[)）])?\s{0,2}(?:【编辑[:：][^】]{0,20}】)?\s*$")
_DATELINE_AUTHORS = re.compile(
    r"^.{0,30}?(?:电|讯|報導|报道)\s*[（(]\s*(?:本报|本報)?记者\s*([^）)]{2,30})[）)]"
)


# Not story text by the ingest spec, so not expected in the body either: app promos
# ("海量资讯、精准解读，尽在新浪财经APP") and a WeChat "END" mark.
_NOT_TEXT = re.compile(r"^(?:.{0,24}尽在.{1,12}(?:APP|客户端)|[-—\s]{0,4}END[-—\s]{0,4})$")
# A desk, group or organisation credited as hkcnews "author" (讀者來論, 眾新聞中國組, 特約轉載, 樂施會)
# is no person: the parser must not make it an author, so it sets no author expectation.
_GROUP_CREDIT = re.compile(
    r"組|组|部|群|團|团|會|会|中心|來論|来论|轉載|转载|新聞|新闻|媒體|讀者|網友|編輯|評論|專欄"
)
_CLOSING_CREDIT = re.compile(r"\s{0,3}[（(]([^（()）]{2,30})[)）]\s*$")


def expected_text(content: str, byline: str = "") -> str:
    """The record's text as the parser should give it: chrome lines out, and a closing
    ``（罗宁）`` credit out when the parser moved it into the byline."""
    lines = [_EDITOR_TAG.sub("", line).strip("\u3000 ") for line in content.split("\n")]
    lines = [line for line in lines if line and not _NOT_TEXT.match(line)]
    if lines and byline:
        m = _CLOSING_CREDIT.search(lines[-1])
        if m and m.group(1).strip() == byline:
            lines[-1] = lines[-1][: m.start()]
    return "\n".join(lines)


def _norm(text: str) -> str:
    """Whitespace-free text; markdown heading marks and the "/" joining two-line subheads ignored."""
    text = re.sub(r"(?m)^\s*#{1,6}\s*", "", text)
    return re.sub(r"[\s/]+", "", text)


def _long_lines(text: str) -> list[str]:
    """The real text lines (20+ characters): all must come through unchanged, and nothing else."""
    lines = (_norm(_EDITOR_TAG.sub("", line)) for line in text.split("\n"))
    return [line for line in lines if len(line) >= 20]


def _blocks(story) -> str:
    """Paragraphs and subheads in reading order, a two-line subhead back on two lines."""
    return "\n".join(text.replace("/", "\n") if kind == "heading" else text for kind, text in story.blocks())


def _tnorm(title: str) -> str:
    """Titles compared without whitespace and with a "——subtitle" split undone."""
    return re.sub(r"[\s—─-]+", "", title)


def expected_authors(rec: dict) -> list[str] | None:
    if rec.get("author"):
        names = re.split(
            r"[、,，&＆\s]+|及|和", re.sub(r"^(?:眾新聞)?(?:記者|特約記者|實習記者)", "", rec["author"])
        )
        names = [n for n in names if n]
        if any(_GROUP_CREDIT.search(n) for n in names):
            return None
        if names and all(re.fullmatch(r"[\u3400-\u9fff]{2,4}", n) for n in names):
            return names
        return None
    first = rec["content"].lstrip("\u3000 ").split("\n", 1)[0]
    m = _DATELINE_AUTHORS.match(first)
    if not m:
        return None
    names = [n for n in re.split(r"[\s、,，]+", m.group(1)) if n and n not in ("通讯员", "实习生")]
    names = [re.sub(r"^(?:通讯员|实习生|见习记者)", "", n) for n in names]
    return names if names and all(re.fullmatch(r"[\u3400-\u9fff]{2,4}", n) for n in names) else None


def render(rec: dict, rnd: random.Random) -> str:
    source = rec["source"].split(" ")[0]
    date = rec["date"] or rec["date_iso"]
    style = rnd.randrange(3)
    if style == 0:
        head = f"{date}　来源：{source}"
    elif style == 1:
        head = f"来源：{source}\n{date}"
    else:
        head = f"{date} {source}"
    if rec.get("author"):
        head = f"{date}　{rec['author']}"
    paras = [p.strip("\u3000 ") for p in rec["content"].split("\n") if p.strip("\u3000 ")]
    return f"{rec['title']}\n{head}\n\n" + "\n\n".join(paras) + "\n"


def load(corpus: Path, n: int, rnd: random.Random) -> dict[str, list[dict]]:
    out = {}
    for path in sorted(corpus.glob("*.jsonl")):
        lines = [ln for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip()]
        out[path.stem] = [json.loads(line) for line in rnd.sample(lines, min(n, len(lines)))]
    return out


FIELDS = ("found", "title", "date", "body", "paras")


def _row(name: str, stats: dict[str, list[int]]) -> None:
    pct = {k: (100.0 * a / b if b else float("nan")) for k, (a, b) in stats.items()}
    cells = "".join(f"{pct[k]:>7.1f}%" for k in FIELDS)
    print(f"{name:<22}{stats['found'][1]:>8}{cells}{pct['authors']:>8.1f}% (n={stats['authors'][1]})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = shared_dir() / "corpus" if shared_dir() else None
    ap.add_argument("--corpus", type=Path, default=default)
    ap.add_argument("--n", type=int, default=200, help="records per collection")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=0, help="print this many mismatches per collection")
    args = ap.parse_args()
    if not args.corpus or not args.corpus.is_dir():
        print("corpus folder not found; pass --corpus DIR", file=sys.stderr)
        return 2
    rnd = random.Random(args.seed)
    total = {k: [0, 0] for k in ("found", "title", "date", "body", "paras", "authors")}
    timings = []
    print(f"{'collection':<22}{'stories':>8}" + "".join(f"{k:>8}" for k in FIELDS) + f"{'authors':>16}")
    for name, recs in load(args.corpus, args.n, rnd).items():
        stats = {k: [0, 0] for k in total}
        shown = 0
        i = 0
        while i < len(recs):
            group = recs[i : i + (rnd.choice((2, 3, 4)) if rnd.random() < 0.3 else 1)]
            i += len(group)
            page = "\n".join(render(r, rnd) for r in group)
            t0 = time.perf_counter()
            stories = parse_text(page, name)
            timings.append(time.perf_counter() - t0)
            by_title = {s.title: s for s in stories}
            for k, rec in enumerate(group):
                story = stories[k] if len(stories) == len(group) else by_title.get(rec["title"])
                stats["found"][1] += 1
                for f in ("title", "date", "body", "paras"):
                    stats[f][1] += 1
                want_auth = expected_authors(rec)
                if want_auth:
                    stats["authors"][1] += 1
                if story is None:
                    continue
                stats["found"][0] += 1
                want_text = expected_text(rec["content"], story.byline)
                want_body = _norm(want_text)
                title = story.title + ("——" + story.subtitle if story.subtitle else "")
                got = {
                    "title": _tnorm(title) == _tnorm(rec["title"]),
                    "date": story.date == rec["date_iso"],
                    "body": _norm(story.text) == want_body,
                    "paras": _long_lines(_blocks(story)) == _long_lines(want_text),
                }
                for f, ok in got.items():
                    stats[f][0] += ok
                if want_auth and story.authors == want_auth:
                    stats["authors"][0] += 1
                if shown < args.show and not all(got.values()):
                    shown += 1
                    print(
                        "  MISMATCH",
                        {f: ok for f, ok in got.items() if not ok},
                        "|",
                        rec["title"],
                        "->",
                        story.title,
                        "|",
                        rec["date_iso"],
                        story.date,
                        "| paras",
                        len(story.paragraphs),
                        "heads",
                        story.headings[:3],
                    )
        for k in total:
            total[k][0] += stats[k][0]
            total[k][1] += stats[k][1]
        _row(name, stats)
    _row("ALL", total)
    print(
        f"parse time per page: median {statistics.median(timings) * 1000:.2f} ms,"
        f" max {max(timings) * 1000:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
