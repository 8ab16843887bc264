"""One file's share of an import: stat, hash, read and parse, tag, all within the file's time budget.

:func:`read_for_import` runs in the importing process or in a worker
(:mod:`reader.index.workers`); its result is a plain, picklable dict (path,
size, mtime, sha1, ``same`` when the content is unchanged, the stories, the
problems, ``error`` when nothing of the file may be written). :func:`tag_result`
tags its stories. A file over its budget (:func:`file_budget`) is named as failed
and not imported; the rest of the import goes on.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from reader.index.manifest import sha1
from reader.ingest import read_file
from reader.safefiles import NotRegularFile
from reader.story import Story

#: Each file gets this many seconds to be read, parsed and tagged, plus FILE_SECONDS_PER_MB per MB;
#: past that it is named as failed and not imported (the rest of the import goes on).
FILE_SECONDS = 60.0
FILE_SECONDS_PER_MB = 30.0

Tagger = Callable[[Story], list[str]]


def file_budget(size: int) -> float:
    """Seconds one file of ``size`` bytes may take in an import."""
    return FILE_SECONDS + FILE_SECONDS_PER_MB * size / 2**20


def _over_budget(out: dict, stage: str) -> bool:
    """True (and ``out`` marked failed, its stories dropped) when the file has used up its time."""
    budget = file_budget(out.get("size", 0))
    if time.monotonic() - out["started"] <= budget:
        return False
    out["problems"] = [
        *out["problems"],
        (out["path"], f"took longer than {budget:.0f} s ({stage}); not imported"),
    ]
    out["stories"], out["error"] = [], True
    return True


def tag_result(result: dict, tagger: Tagger | None) -> list[str]:
    """Tag the stories of a :func:`read_for_import` result in place, within the file's time budget.

    Returns the tagging errors (each costs its story's tags only). When the budget runs
    out the result becomes a failure with that reason, and nothing of the file is written.
    """
    errors: list[str] = []
    if tagger is None or result.get("error"):
        return errors
    for story, _analysed in result["stories"]:
        try:
            story.tags = list(dict.fromkeys([*story.tags, *tagger(story)]))
        except Exception as exc:  # a tagging bug must not stop the import
            errors.append(f"tagging failed: {exc}")
        if _over_budget(result, "tagging"):
            break
    return errors


def read_for_import(path: str, known_hash: str) -> dict:
    """Read and parse one file (often in a worker process); stories are analysed when written."""
    out: dict = {"path": path, "same": False, "stories": [], "problems": [], "started": time.monotonic()}
    try:
        st = os.stat(path)
        out["size"], out["mtime"] = st.st_size, st.st_mtime_ns
        out["sha1"] = sha1(path)
    except NotRegularFile as exc:
        out["problems"] = [(path, str(exc))]
        out["error"] = True
        return out
    except OSError as exc:
        out["problems"] = [(path, f"cannot read: {exc.strerror or exc}")]
        out["error"] = True
        return out
    if known_hash and out["sha1"] == known_hash:
        out["same"] = True
        return out
    result = read_file(path)
    out["problems"] = [(p.file, p.reason) for p in result.problems]
    # analysed one at a time as each story is written (all of a 30,000-story file at once took GBs)
    out["stories"] = [(story, None) for story in result.stories]
    _over_budget(out, "reading and parsing")
    return out
