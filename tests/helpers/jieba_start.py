"""Start the shared language data in this fresh process and report what it cost, as one JSON line.

    python -m tests.helpers.jieba_start

Counts every ``jieba.Tokenizer.initialize`` call and every real dictionary load (a tokenizer
going from not initialised to initialised), checks that importing :mod:`reader.ingest` and
:mod:`reader.autotag` loads no jieba, then makes the first call of each (byline names, one
story tagged) and prints: seconds for import + first use, peak resident memory (MB), calls,
loads, jieba tokenizers alive, whether jieba was imported at start, and the calls' results.
Used by tests/text/test_words.py (the counts) and bench/language_data.py (the figures), through
:func:`run_fresh`.
"""

from __future__ import annotations

import gc
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_fresh() -> dict:
    """The report of :func:`main` run in a fresh Python process."""
    out = subprocess.run(
        [sys.executable, "-m", "tests.helpers.jieba_start"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    import jieba

    counts = {"calls": 0, "loads": 0}
    initialize = jieba.Tokenizer.initialize

    def counted(self, *args, **kwargs):
        counts["calls"] += 1
        before = self.initialized
        out = initialize(self, *args, **kwargs)
        counts["loads"] += (not before) and self.initialized
        return out

    jieba.Tokenizer.initialize = counted  # type: ignore[method-assign]  # counting, in this process only
    jieba.initialize = lambda *a, **k: counted(jieba.dt, *a, **k)  # the module's alias is bound early
    del sys.modules["jieba"]  # importing reader must not load it: put back before first use below
    sys.modules.pop("jieba.posseg", None)
    t0 = time.perf_counter()
    import reader.autotag
    import reader.ingest.names

    at_start = "jieba" in sys.modules
    sys.modules["jieba"] = jieba
    from reader.story import Story

    first = [reader.ingest.names.credit_name("李强"), reader.ingest.names.credit_name("连续")]
    story = Story(title="上饶马家柚丰收", paragraphs=["江西省上饶市主任徐浠乐表示，马家柚今年丰收。"])
    tags = reader.autotag.auto_tags(story)
    reader.ingest.names.lone_name("孫嘉君")
    seconds = time.perf_counter() - t0
    tokenizers = sum(isinstance(o, jieba.Tokenizer) for o in gc.get_objects())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report = {"seconds": seconds, "peak_mb": peak_mb, "tokenizers": tokenizers, "at_start": at_start}
    print(json.dumps({**report, **counts, "first": first, "tags": tags}, ensure_ascii=False))


if __name__ == "__main__":
    main()
