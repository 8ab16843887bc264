"""Keeping the garbage collector's full passes short once large, long-lived data is loaded.

CPython's cyclic collector now and then walks every object it tracks (a generation-2 pass).
The libraries reader loads (numpy, jieba's dictionaries, pypinyin's phrase data) and an
open library's per-segment tables make that walk about 40 ms at 100,000 stories, and it
falls inside whatever query is running: a search that takes 15 ms took 55-90 ms when one
came. :func:`settle` is called after such data has loaded: one full pass (garbage left
by what was replaced is freed), then everything alive is moved out of the collector's
sight (``gc.freeze``), so later passes walk only what was made after it. Objects frozen
are still freed when their last reference goes; only cycles among them wait for the
next :func:`settle`, which thaws everything first.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect once, then keep every object alive now out of later full collections."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
