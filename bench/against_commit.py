"""Run one benchmark on an earlier commit and on the working tree, in one run, side by side.

    python bench/against_commit.py REV [--rounds 2] -- bench/bench_search.py --n 10000 --skip-baseline

The earlier commit is checked out into a temporary git worktree beside this checkout
(nothing in this tree is touched) and the same benchmark command runs in both trees,
alternating (before, after, before, after, ...) so that a noisy machine affects both
alike. Every figure line of the benchmark's output (a label, then numbers) is shown
with its median over the rounds on each side and the ratio after/before. The full
outputs are kept with ``--keep-logs DIR``.

``{side}`` in the command becomes ``before`` or ``after``, so each side can keep its own
data (an index is written in its own version's format):

    python bench/against_commit.py REV -- bench/bench_search.py --n 10000 --keep /tmp/b-{side}
    python bench/against_commit.py REV --rounds 5 -- bench/bench_search.py --keep /tmp/b-{side} --reuse
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: "label   12.3 / 45.6" or "label: 1.86 s": a label, then the figures.
FIGURE = re.compile(r"^\s*(?P<label>\S.*?)(?:\s*[:=]\s*|\s{2,})(?P<figures>-?\d[\d.]*(?:\s*/\s*-?\d[\d.]*)?)")


def figures(output: str) -> dict[str, list[float]]:
    """Each figure line's label and its numbers (``p50 / p95`` gives two)."""
    found: dict[str, list[float]] = {}
    for line in output.splitlines():
        match = FIGURE.match(line)
        if match:
            label = " ".join(match["label"].split())
            found.setdefault(label, [float(x) for x in re.findall(r"-?\d[\d.]*", match["figures"])])
    return found


def run(tree: Path, command: list[str]) -> str:
    done = subprocess.run([sys.executable, *command], cwd=tree, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(
            f"{' '.join(command)} failed in {tree}:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
        )
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rev", help="the earlier commit (e.g. HEAD~3 or a hash)")
    ap.add_argument("--rounds", type=int, default=1, help="runs on each side, alternating")
    ap.add_argument("--keep-logs", type=Path, help="folder for each run's full output")
    argv = sys.argv[1:] if argv is None else argv
    if "--" not in argv:
        ap.error("give the benchmark command after --")
    cut = argv.index("--")
    args, command = ap.parse_args(argv[:cut]), argv[cut + 1 :]
    if not command:
        ap.error("give the benchmark command after --")
    rev = subprocess.run(
        ["git", "rev-parse", "--short", args.rev], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    outputs: dict[str, list[str]] = {"before": [], "after": []}
    # beside this checkout, so paths a benchmark finds relative to its tree (../shared) are the same
    before = Path(tempfile.mkdtemp(prefix=f".reader-before-{rev}-", dir=ROOT.parent))
    before.rmdir()
    subprocess.run(["git", "worktree", "add", "--detach", str(before), rev], cwd=ROOT, check=True)
    try:
        for n in range(args.rounds):
            for side, tree in (("before", before), ("after", ROOT)):
                print(f"round {n + 1}/{args.rounds}: {side} ({rev if side == 'before' else 'working tree'})")
                outputs[side].append(run(tree, [part.replace("{side}", side) for part in command]))
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(before)], cwd=ROOT, check=False)
    if args.keep_logs:
        args.keep_logs.mkdir(parents=True, exist_ok=True)
        for side, texts in outputs.items():
            for n, text in enumerate(texts, 1):
                (args.keep_logs / f"{side}-{n}.txt").write_text(text, encoding="utf-8")
    head = f"figure (median of {args.rounds})"
    print(f"\n{head:<48}{'before ' + rev:>18}{'after':>18}{'after/before':>14}")
    runs = {side: [figures(text) for text in texts] for side, texts in outputs.items()}
    for label in runs["after"][0]:
        if not all(label in r for side in runs.values() for r in side):
            continue
        width = len(runs["after"][0][label])
        cols = {}
        for side in ("before", "after"):
            cols[side] = [statistics.median(r[label][i] for r in runs[side]) for i in range(width)]
        ratio = cols["after"][0] / cols["before"][0] if cols["before"][0] else float("nan")
        show = {side: " / ".join(f"{v:g}" for v in values) for side, values in cols.items()}
        print(f"{label[:47]:<48}{show['before']:>18}{show['after']:>18}{ratio:>14.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
