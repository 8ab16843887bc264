"""Time the PDF export of 100 stories (target: at most 10 s). One command:

    python bench/bench_export.py [--stories 100] [--runs 3] [--script zh-hans]

Stories: the bundled archive's, then (when ../shared/corpus is present) corpus
stories, cycled to reach the count. Prints each run, the median, pages and size.
The prepared fonts are built before timing (first use only, ~2 s a face).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader import fonts, paths  # noqa: E402
from reader.ingest import iter_files, read_file  # noqa: E402
from reader.story import Story, assign_ids  # noqa: E402


def corpus_stories(limit: int) -> list[Story]:
    shared = paths.shared_dir()
    out: list[Story] = []
    if shared is None:
        return out
    for path in sorted((shared / "corpus").glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if len(out) >= limit or n >= limit // 3:
                    break
                rec = json.loads(line)
                paras = [p.strip() for p in rec.get("content", "").split("\n") if p.strip()]
                if not paras:
                    continue
                story = Story(
                    title=rec.get("title", ""),
                    paragraphs=paras,
                    source=rec.get("source", ""),
                    date=rec.get("date_iso", ""),
                    url=rec.get("url", ""),
                    authors=[rec["author"]] if rec.get("author") else [],
                )
                assign_ids([story], path.name)
                out.append(story)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--script", default="zh-hans")
    args = ap.parse_args()
    stories: list[Story] = []
    for path in iter_files([paths.bundled_archive()]):
        stories.extend(read_file(path).stories)
    stories += corpus_stories(args.stories)
    stories = (stories * (args.stories // max(1, len(stories)) + 1))[: args.stories]
    chars = sum(len(s.text) for s in stories)
    fonts.cjk_font_file(args.script)
    from reader.export.pdf import export_pdf
    from reader.export.qtapp import ensure_gui_app

    ensure_gui_app()
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.pdf"
        for run in range(args.runs):
            start = time.perf_counter()
            export_pdf(stories, out, script=args.script, title="bench")
            times.append(time.perf_counter() - start)
            print(f"run {run + 1}: {times[-1]:.2f} s")
        from pypdf import PdfReader

        pages = len(PdfReader(str(out)).pages)
        size = out.stat().st_size
    median = statistics.median(times)
    print(f"{len(stories)} stories, {chars} characters, {pages} pages, {size / 1e6:.2f} MB")
    print(
        f"median {median:.2f} s ({median / 10:.2f} of the 10 s target; "
        f"{median / len(stories) * 1000:.0f} ms a story)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
