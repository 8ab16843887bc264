"""GUI speed: cold start to a usable window, keystroke to results painted, memory.

    python bench/bench_gui.py [--home LIBRARY | --corpus N] [--runs 5] [--queries 40]

Without ``--home`` it builds a library from the bundled archive/ in a temporary
folder; ``--corpus N`` builds one from the first N stories of ../shared/corpus
(JSONL, round robin over its files, at most the ~30,000 there are).
Point ``--home`` at a bigger library (e.g. one built by
bench/bench_search.py at 100,000 stories) for the large figures. Runs offscreen
unless QT_QPA_PLATFORM is set. Prints medians and p95; not a test.

* cold start: a fresh ``python`` process from launch until the main window is
  shown with its first results painted (translations, fonts, index and user
  data opened) — measured by the parent, so interpreter start-up is included.
* keystroke → results painted: the search the debounce timer fires (the 200 ms
  debounce itself is not counted), run on the worker pool, results put into
  the model, facets rebuilt and the list repainted.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QUERIES = [
    "上",
    "上饶",
    "马家柚",
    "经开区",
    "邮政",
    "发展",
    "春天",
    "记者",
    '"新的一年"',
    "上饶 -邮政",
    "中国",
    "新闻",
    "香港",
    "经济",
    "市场",
    "OR",
    "2024",
    "企业 发展",
    "乡村 振兴",
    "人民",
]

CHILD = r"""
import os, sys, time
sys.path.insert(0, {root!r})
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from reader.app import create_application, open_library
from reader.gui.settings import Settings
settings = Settings({ini!r})
app = create_application(settings=settings)
from reader.gui.mainwindow import MainWindow
from pathlib import Path
index, ud = open_library(Path({home!r}))
w = MainWindow(Path({home!r}), index, ud, settings)
done = []
w.results_shown.connect(lambda total: done.append(total))
w.show()
w.start()
while not done:
    app.processEvents()
    time.sleep(0.001)
w.results_view.viewport().repaint()
w.reading.browser.viewport().repaint()
app.processEvents()
print("READY", done[0], flush=True)
"""


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def rss_mb() -> dict[str, float]:
    """VmRSS, and its parts: RssAnon (the process's own memory) and RssFile (mapped files,
    mostly index pages read through mmap, which the kernel can drop at any time)."""
    out = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            name = line.split(":")[0]
            if name in ("VmRSS", "RssAnon", "RssFile"):
                out[name] = int(line.split()[1]) / 1024
    except OSError:
        pass
    if not out:
        import resource

        out["VmRSS"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def build_library(folder: Path) -> Path:
    from reader.index import open_index
    from reader.paths import bundled_archive
    from reader.service.tagsync import make_tagger

    home = folder / "home"
    home.mkdir()
    index = open_index(home)
    index.update([bundled_archive()], tagger=make_tagger(None))
    index.close()
    return home


def build_corpus_library(folder: Path, n: int) -> Path:
    """A library of ``n`` real stories from the shared corpus (split into files of 1,000)."""
    from reader.index import open_index
    from reader.paths import shared_dir
    from reader.service.tagsync import make_tagger

    shared = shared_dir()
    if shared is None:
        raise SystemExit("--corpus needs ../shared/corpus, which is absent")
    sources = [p.open(encoding="utf-8") for p in sorted((shared / "corpus").glob("*.jsonl"))]
    data = folder / "corpus"
    data.mkdir()
    lines: list[str] = []
    while len(lines) < n and sources:
        for fh in list(sources):
            line = fh.readline()
            if not line:
                sources.remove(fh)
                continue
            lines.append(line)
    for i in range(0, len(lines), 1000):
        (data / f"part{i // 1000:04d}.jsonl").write_text("".join(lines[i : i + 1000]), encoding="utf-8")
    home = folder / "home"
    home.mkdir()
    index = open_index(home)
    t0 = time.perf_counter()
    report = index.update([data], tagger=make_tagger(None))
    index.close()
    print(f"built {report.stories} stories from the corpus in {time.perf_counter() - t0:.0f} s", flush=True)
    return home


def cold_start(home: Path, runs: int, tmp: Path) -> list[float]:
    times = []
    for i in range(runs):
        code = CHILD.format(root=str(ROOT), ini=str(tmp / f"cold{i}.ini"), home=str(home))
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", code],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "READER_HOME": str(home)},
        )
        for line in proc.stdout:
            if line.startswith("READY"):
                times.append(time.perf_counter() - t0)
                break
        proc.stdout.close()
        proc.kill()
        proc.wait()
    return times


def keystrokes(
    home: Path, n: int, tmp: Path, times_core: list[float], times_story: list[float]
) -> tuple[list[float], int, dict[str, float]]:
    from PySide6.QtWidgets import QApplication

    from reader.app import create_application, open_library
    from reader.gui.mainwindow import MainWindow
    from reader.gui.settings import Settings

    settings = Settings(tmp / "keys.ini")
    app = create_application(settings=settings)
    index, ud = open_library(home)
    window = MainWindow(home, index, ud, settings)
    window.resize(1280, 800)
    window.show()
    shown: list[int] = []
    stories: list[str] = []
    window.results_shown.connect(shown.append)
    window.story_shown.connect(stories.append)
    queries = (QUERIES * (n // len(QUERIES) + 1))[:n]
    for q in set(queries):  # warm the index's caches once, so GUI and core runs compare fairly
        index.search(dataclasses.replace(window.current_request(), query=q))
    times = []
    for q in queries:
        shown.clear()
        stories.clear()
        window.search_bar.set_text(q, search=False)
        t0 = time.perf_counter()
        window.search_now()
        while not shown:
            app.processEvents()
            time.sleep(0.0005)
        window.results_view.viewport().repaint()
        times.append(time.perf_counter() - t0)
        while shown[0] and not stories:  # then the first story opens
            QApplication.processEvents()
            time.sleep(0.0005)
        times_story.append(time.perf_counter() - t0)
    for q in queries:  # the same searches straight on the index (no GUI), for the split
        request = dataclasses.replace(window.current_request(), query=q)
        t0 = time.perf_counter()
        index.search(request)
        times_core.append(time.perf_counter() - t0)
    count = index.count()
    rss = rss_mb()  # with the window still open and the library loaded
    window.close()
    index.close()
    return times, count, rss


def list_rows(rows: int) -> None:
    """The results list alone at ``rows`` hits (synthetic pages, no index): reset and scrolling."""
    from PySide6.QtWidgets import QApplication

    from reader.app import create_application
    from reader.gui.models.results import ResultsModel
    from reader.gui.views.results import ResultsView
    from reader.gui.workers import SyncRunner
    from reader.index.results import Hit, Results, SearchRequest

    app = create_application()

    def search(request: SearchRequest) -> Results:
        first = (request.page - 1) * request.page_size
        hits = [
            Hit(
                id=f"{i:016x}",
                title=f"第{i}号报道 上饶经开区新的一年这样拼",
                date="2024-05-24",
                source="上饶日报",
                score=1.0,
                snippet=f"迎着新年曙光，<b>上饶</b>经开区又一次站在了新的起点上。第{i}段",
            )
            for i in range(first, min(rows, first + request.page_size))
        ]
        return Results(hits=hits, total=rows, page=request.page, page_size=request.page_size)

    model = ResultsModel(search, SyncRunner())
    view = ResultsView()
    view.setModel(model)
    view.resize(560, 800)
    view.show()
    QApplication.processEvents()
    request = SearchRequest(page_size=50, facets=False)
    first = search(request)
    resets, scrolls = [], []
    for _ in range(5):
        t0 = time.perf_counter()
        model.reset_results(request, first)
        QApplication.processEvents()
        view.viewport().repaint()
        resets.append(time.perf_counter() - t0)
        for target in (rows // 2, rows - 1, rows // 3):
            t0 = time.perf_counter()
            view.scrollTo(model.index(target, 0))
            QApplication.processEvents()
            view.viewport().repaint()
            scrolls.append(time.perf_counter() - t0)
    print(
        f"results list at {rows} rows: new query shown p50 {statistics.median(resets) * 1000:.1f} ms; "
        f"jump-scroll (page fetched + painted) p50 {statistics.median(scrolls) * 1000:.1f} ms, "
        f"max {max(scrolls) * 1000:.1f} ms"
    )
    del app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", help="an existing library home (default: build one from archive/)")
    parser.add_argument("--corpus", type=int, default=0, help="build a library of N corpus stories")
    parser.add_argument("--list-rows", type=int, default=0, help="also time the results list alone at N rows")
    parser.add_argument("--keep", help="build the library in this folder and keep it (for --home later)")
    parser.add_argument("--runs", type=int, default=5, help="cold starts to time")
    parser.add_argument("--queries", type=int, default=40, help="searches to time")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_gui_"))
    build_in = Path(args.keep) if args.keep else tmp
    build_in.mkdir(parents=True, exist_ok=True)
    os.environ["READER_CACHE"] = os.environ.get("READER_CACHE", str(tmp / "cache"))
    try:
        if args.home:
            home = Path(args.home)
        elif args.corpus:
            home = build_corpus_library(build_in, args.corpus)
        else:
            home = build_library(build_in)
        cold = cold_start(home, args.runs, tmp)
        core: list[float] = []
        story: list[float] = []
        keys, count, rss = keystrokes(home, args.queries, tmp, core, story)
        print(f"library: {home} ({count} stories)")
        print(
            f"cold start to usable window: median {statistics.median(cold) * 1000:.0f} ms, "
            f"max {max(cold) * 1000:.0f} ms over {len(cold)} runs"
        )
        print(
            "keystroke -> results painted (after the 200 ms debounce): "
            f"p50 {percentile(keys, 50) * 1000:.1f} ms, "
            f"p95 {percentile(keys, 95) * 1000:.1f} ms over {len(keys)} searches"
        )
        print(
            "  of which ArchiveIndex.search alone (same queries, facets on): "
            f"p50 {percentile(core, 50) * 1000:.1f} ms, p95 {percentile(core, 95) * 1000:.1f} ms"
        )
        print(
            f"keystroke -> first story shown too: p50 {percentile(story, 50) * 1000:.1f} ms, "
            f"p95 {percentile(story, 95) * 1000:.1f} ms"
        )
        parts = ", ".join(f"{k} {v:.0f} MB" for k, v in rss.items())
        print(f"memory after searching, window open: {parts}")
        if args.list_rows:
            list_rows(args.list_rows)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
