"""The corpus folder a bench reads: ``--corpus DIR`` or ``../shared/corpus``, or a clear stop.

The corpus is the team's real material (JSON-lines files of stories, one record per
line with ``title`` and ``content``); it is never part of the project. A bench run
without it says what it needs instead of failing on a missing path.
"""

from __future__ import annotations

from pathlib import Path

from reader.paths import shared_dir


def corpus_folder(given: Path | None, bench: str) -> Path:
    """``given`` or the shared corpus; exits with a message naming what is missing."""
    if given is not None:
        if not given.is_dir() or not any(given.glob("*.jsonl")):
            raise SystemExit(f"{bench}: --corpus {given}: no folder of .jsonl story files there")
        return given
    shared = shared_dir()
    corpus = shared / "corpus" if shared else None
    if corpus is None or not any(corpus.glob("*.jsonl")):
        raise SystemExit(
            f"{bench}: needs the news corpus (JSON-lines story files): ../shared/corpus is absent here; "
            "give one with --corpus DIR"
        )
    return corpus
