"""Start-up cost of the shared language data: jieba's dictionary and the surname list.

    python bench/language_data.py [--runs 5]

Each run is a fresh Python process (``python -m tests.helpers.jieba_start``) that imports
the byline name checks (:mod:`reader.ingest.names`) and the tagger (:mod:`reader.autotag`),
then makes the first call of each (byline names, one story tagged). Prints, as medians
over the runs: seconds for import + first use, the process's peak resident memory, how
often ``jieba.Tokenizer.initialize`` was called and how often it really loaded a
dictionary, and how many ``jieba.Tokenizer`` objects exist.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.helpers.jieba_start import run_fresh  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    results = [run_fresh() for _ in range(args.runs)]
    keys = ("seconds", "peak_mb", "calls", "loads", "tokenizers")
    med = {key: statistics.median(r[key] for r in results) for key in keys}
    print(f"import + first use: median {med['seconds']:.3f} s over {args.runs} fresh processes")
    print(f"peak memory: median {med['peak_mb']:.1f} MB")
    print(f"jieba.Tokenizer.initialize calls: {med['calls']:.0f}; dictionary loads: {med['loads']:.0f}")
    print(f"jieba.Tokenizer objects: {med['tokenizers']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
