"""Start-up cost of the shared language data: jieba's dictionary and the surname list.

    python bench/language_data.py [--runs 5]

Each run is a fresh Python process that imports the byline name checks
(:mod:`reader.ingest.names`) and the tagger (:mod:`reader.autotag`), then makes
the first call of each (one byline name, one story tagged). It prints, as
medians over the runs: seconds for import + first use, the process's peak
resident memory, how often ``jieba.Tokenizer.initialize`` was called and how
often it really loaded a dictionary (a tokenizer going from not initialised to
initialised), and how many ``jieba.Tokenizer`` objects exist.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import gc, json, resource, sys, time
import jieba

calls = loads = 0
_initialize = jieba.Tokenizer.initialize


def counted(self, *args, **kwargs):
    global calls, loads
    calls += 1
    before = self.initialized
    out = _initialize(self, *args, **kwargs)
    loads += (not before) and self.initialized
    return out


jieba.Tokenizer.initialize = counted
jieba.initialize = lambda *args, **kwargs: counted(jieba.dt, *args, **kwargs)  # the module's alias is bound early
t0 = time.perf_counter()
from reader.ingest import names
from reader.autotag import auto_tags
from reader.story import Story

names.credit_name("李强")
auto_tags(Story(title="上饶马家柚丰收", paragraphs=["江西省上饶市广丰区主任徐浠乐表示，马家柚今年丰收。"]))
seconds = time.perf_counter() - t0
tokenizers = sum(isinstance(o, jieba.Tokenizer) for o in gc.get_objects())
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024, "calls": calls, "loads": loads,
                  "tokenizers": tokenizers}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    results = []
    for _ in range(args.runs):
        out = subprocess.run(
            [sys.executable, "-c", _CHILD], capture_output=True, text=True, cwd=ROOT, check=True
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    med = {key: statistics.median(r[key] for r in results) for key in results[0]}
    print(f"import + first use: median {med['seconds']:.3f} s over {args.runs} fresh processes")
    print(f"peak memory: median {med['peak_mb']:.1f} MB")
    print(f"jieba.Tokenizer.initialize calls: {med['calls']:.0f}; dictionary loads: {med['loads']:.0f}")
    print(f"jieba.Tokenizer objects: {med['tokenizers']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
