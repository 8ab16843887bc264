"""Conversion fast enough for typing and for export: a no-op check before t2s and a cache of results.

:func:`reader.text.convert.convert` runs OpenCC's pure-Python converter (~2 ms
per paragraph). Most archives are simplified and most reading is in
simplified, so before converting to ``zh-hans`` :func:`convert_cached` checks
whether the text holds any character OpenCC's t2s could change
(:func:`t2s_changing`: every character that differs between a key and its
value in the dictionaries of ``t2s.json``); if none, t2s would return the text
as it is and is skipped. Other results are kept in an LRU cache of
:data:`CACHE_SIZE` texts shared by the views and export (a PDF converts each
story for its body and again for its citation), safe across threads.

:func:`shown` leaves text already written in the chosen script as it is
(:func:`reader.text.convert.to_script`) and converts the rest through
:func:`convert_cached`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from reader.text.convert import convert, to_script
from reader.text.dictionaries import config_changes

#: How many converted texts are kept.
CACHE_SIZE = 4000

_cache: OrderedDict[tuple[str, str], str] = OrderedDict()
_lock = threading.Lock()


def t2s_changing() -> frozenset[str]:
    """Every character that OpenCC's t2s configuration may replace."""
    return config_changes("t2s")


def convert_cached(text: str, script: str) -> str:
    """``convert(text, script)``, skipping simplified text shown as simplified, cached."""
    if not text:
        return text
    if script == "zh-hans" and t2s_changing().isdisjoint(text):
        return text
    key = (script, text)
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    out = convert(text, script)
    with _lock:
        _cache[key] = out
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return out


def shown(text: str, script: str, written: str = "") -> str:
    """``text`` as displayed in ``script``: unchanged when already written in it (``written``: the
    story's script, when known), else converted (cached)."""
    return to_script(text, script, written, converter=convert_cached)
