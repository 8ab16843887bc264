"""Random hostile queries against a small library: none may raise, each must answer in under a second.

    python bench/fuzz_queries.py [--n 10000] [--cli 200] [--seed 1] [--home DIR]

Builds a library from the bundled archive plus generated stories, one of them 500,000
characters long (or uses ``--home``), then
sends ``--n`` seeded random requests through ``ArchiveIndex.search`` (queries of CJK and
Latin text, operators, quotes, brackets, fields, dates, lone surrogates, control and
private-use characters, very long strings; random filters, sorts, pages and page sizes up
to the whole library) and ``--cli`` of them through ``reader search`` itself (a leading
``-`` included). Prints queries run, exceptions, CLI tracebacks, max / p50 / p99 time,
and the slowest query. The test suite runs a small seeded slice (tests/index/test_fuzz_queries.py).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import statistics
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.index import SearchRequest, open_index  # noqa: E402

CJK = "上饶马家柚香港新闻中国经济人民政府长胜刘邮储银行报道记者評論臺灣說話的了是在不有"
LATIN = "abcxyzAIStraße"
OPERATORS = ["OR", "NOT", "AND", "-", "(", ")", '"', "*", "?", "~", "^", ":", "..", "\\", "/", "'"]
FIELDS = ["title:", "author:", "source:", "tag:", "column:", "date:", "place:", "unknown:", "TITLE:"]
DATES = [
    "2024",
    "2024-05",
    "2024-01-01..2024-06-30",
    "9999-99-99",
    "2024-02-30",
    "..",
    "0000",
    "2024..",
    "-2024",
]
ODD = [
    "\ud800",
    "\udfff",
    "\udc80",
    "\x00",
    "\x1b[31m",
    "\u202e",
    "\ufeff",
    "\ufffd",
    "\U0010ffff",
    "\ue000",
    "\u3000",
    "\r\n",
    "\t",
    "𠀀",
    "👍🏽",
    "é",
    "ﬁ",
    "Ａ",
    "＂",
    "（",
    "）",
    "－",
]


def random_query(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.02:
        return rng.choice(CJK) * rng.randint(1000, 20000)  # very long
    if kind < 0.04:
        return "(" * rng.randint(100, 3000) + rng.choice(CJK) + ")" * rng.randint(0, 3000)
    if kind < 0.06:
        return " OR ".join(rng.choice(CJK) + rng.choice(CJK) for _ in range(rng.randint(50, 400)))
    if kind < 0.08:
        return '"' + "".join(rng.choice(CJK) for _ in range(rng.randint(50, 2000))) + '"'
    parts = []
    for _ in range(rng.randint(0, 8)):
        r = rng.random()
        if r < 0.35:
            parts.append("".join(rng.choice(CJK) for _ in range(rng.randint(1, 4))))
        elif r < 0.45:
            parts.append("".join(rng.choice(LATIN) for _ in range(rng.randint(1, 6))))
        elif r < 0.6:
            parts.append(rng.choice(OPERATORS))
        elif r < 0.72:
            parts.append(rng.choice(FIELDS) + rng.choice([*CJK, "", *DATES]))
        elif r < 0.8:
            parts.append("date:" + rng.choice(DATES))
        else:
            parts.append("".join(rng.choice(ODD + list(CJK)) for _ in range(rng.randint(1, 3))))
    glue = rng.choice([" ", "", "  ", "\u3000"])
    return glue.join(parts)


def random_request(rng: random.Random, library_size: int) -> SearchRequest:
    filters = {}
    if rng.random() < 0.2:
        filters["tag"] = [rng.choice(["place:上饶", "topic:马家柚", "user:\ud800", "", "x" * 500])]
    if rng.random() < 0.1:
        filters["source"] = [rng.choice(["新华网", "眾新聞", "\x00", "nosuch"])]
    if rng.random() < 0.05:
        filters["year"] = [rng.choice(["2024", "abcd", ""])]
    r = rng.random()
    page_size = (
        rng.choice([library_size, library_size * 10, 10**9]) if r < 0.03 else rng.choice([1, 20, 100, 500])
    )
    page = rng.choice([1, 1, 1, 2, 3, 10**6]) if rng.random() < 0.2 else 1
    return SearchRequest(
        query=random_query(rng),
        filters=filters,
        date_from=rng.choice(["", "", "", "2024", "2024-13", "abc", "\ud800"]),
        date_to=rng.choice(["", "", "", "2024-06", "0000", "9999-99"]),
        sort=rng.choice(["relevance", "date", "relevance", "bogus"]),
        page=page,
        page_size=page_size,
        ids=rng.choice([None] * 9 + [["nosuch", "\ud800"]]),
    )


def build_library(home: Path, stories: int, seed: int) -> None:
    """The bundled archive plus ``stories`` generated ones (JSON lines), imported into ``home``."""
    import json

    from reader import paths

    rng = random.Random(seed)
    folder = home.parent / "fuzz-archive"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "generated.jsonl", "w", encoding="utf-8") as fh:
        for i in range(stories):
            body = "".join(rng.choice(CJK + "，。") for _ in range(rng.randint(50, 400)))
            record = {
                "id": f"g{i}",
                "title": "".join(rng.choice(CJK) for _ in range(8)) + str(i),
                "content": body,
                "source": rng.choice(["新华网", "眾新聞", "人民网"]),
                "date_iso": f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        # one story of 500,000 characters: every common term hits it thousands of times
        long_body = "".join(rng.choice(CJK + "，。") for _ in range(500_000))
        fh.write(json.dumps({"id": "long", "title": "长篇", "content": long_body}, ensure_ascii=False) + "\n")
    library = open_index(home)
    library.update([paths.bundled_archive(), folder])
    library.close()


def cli_args(rng: random.Random) -> list[str]:
    query = random_query(rng)[:2000]
    args = ["search", *([query] if rng.random() < 0.7 else query.split()[:5])]
    if rng.random() < 0.3:
        args.insert(1, "-" + "".join(rng.choice(CJK) for _ in range(2)))  # `reader search -香港`
    if rng.random() < 0.2:
        args += ["--limit", str(rng.choice([0, -5, 1, 10**9]))]
    if rng.random() < 0.1:
        args += ["--page", str(rng.choice([0, -1, 10**6]))]
    if rng.random() < 0.5:
        args.append("--json")
    return args


def run(n: int, cli: int, seed: int, home: Path | None = None, stories: int = 300) -> dict:
    """Fuzz; the figures as a dict (also what ``main`` prints)."""
    from reader.cli import main as reader_main

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="fuzzq-") as tmp:
        if home is None:
            home = Path(tmp) / "home"
            build_library(home, stories, seed)
        library = open_index(home)
        size = library.count()
        times: list[float] = []
        errors: list[str] = []
        slowest = (0.0, "")
        for _ in range(n):
            request = random_request(rng, size)
            started = time.perf_counter()
            try:
                results = library.search(request)
                assert results.total >= 0
            except Exception:
                errors.append(f"{request.query[:60]!r}: {traceback.format_exc(limit=3)}")
            took = time.perf_counter() - started
            times.append(took)
            if rng.random() < 0.05:  # every matching id (export --query, tag refresh): not timed as a page
                try:
                    library.ids_for(request)
                except Exception:
                    errors.append(f"ids_for {request.query[:60]!r}: {traceback.format_exc(limit=3)}")
            if took > slowest[0]:
                slowest = (took, f"{request.query[:60]!r} page_size={request.page_size} page={request.page}")
        library.close()
        cli_failures: list[str] = []
        for _ in range(cli):
            args = cli_args(rng)
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = reader_main(["--home", str(home), *args])
                except SystemExit as exc:
                    code = exc.code
                except Exception:
                    code = "traceback"
                    err.write(traceback.format_exc(limit=3))
            if code not in (0, None):
                cli_failures.append(f"{args[:3]!r} -> {code}: {err.getvalue()[-300:]}")
    times.sort()
    return {
        "queries": n,
        "exceptions": len(errors),
        "over_1s": sum(1 for t in times if t >= 1.0),
        "max_s": round(times[-1], 3) if times else 0.0,
        "p50_ms": round(statistics.median(times) * 1000, 2) if times else 0.0,
        "p99_ms": round(times[int(len(times) * 0.99) - 1] * 1000, 2) if len(times) >= 100 else None,
        "slowest": slowest[1],
        "cli_runs": cli,
        "cli_failures": len(cli_failures),
        "library_size": size,
        "first_errors": errors[:3],
        "first_cli_failures": cli_failures[:3],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--cli", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--stories", type=int, default=300, help="generated stories beside the bundled archive"
    )
    parser.add_argument("--home", type=Path, help="an existing library to query instead")
    args = parser.parse_args()
    started = time.monotonic()
    figures = run(args.n, args.cli, args.seed, args.home, args.stories)
    figures["seconds"] = round(time.monotonic() - started, 1)
    print(
        f"queries {figures['queries']} on {figures['library_size']} stories: "
        f"{figures['exceptions']} exceptions, "
        f"{figures['over_1s']} over 1 s, max {figures['max_s']} s, p50 {figures['p50_ms']} ms, "
        f"p99 {figures['p99_ms']} ms\n  slowest: {figures['slowest']}\n"
        f"CLI runs {figures['cli_runs']}: {figures['cli_failures']} failures\n"
        f"total time {figures['seconds']} s"
    )
    for line in figures["first_errors"] + figures["first_cli_failures"]:
        print("  " + line.replace("\n", "\n    "))
    return 0 if figures["exceptions"] == 0 and figures["cli_failures"] == 0 and figures["over_1s"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
