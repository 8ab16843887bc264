"""Per-segment arrays for evaluation, facets and date order, cached beside the segment.

For each segment: which documents are stories, their dates (ISO string and a
sortable integer), their facet keys as a flat (document, key) entry list, and
(lazily) field lengths. Reading these from the ``facets`` column means parsing
one JSON value per story, about half a second at 100,000 stories, so the arrays
are saved once as ``<segment name>.facets.npz`` in the index folder: Whoosh
deletes such a file with its segment (the name matches its segment-file
pattern), and a missing, unreadable or mismatched file is simply rebuilt.
Segments never change after they are written (deletions are kept apart, in
the table of contents), so the cache cannot go stale.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import numpy as np

from reader.atomicfile import replacing
from reader.index.documents import tag_key
from reader.index.results import FACETS
from reader.index.storage import field_lengths
from reader.text.fold import fold

#: Bump when the arrays saved change meaning. 2: strings saved as UTF-8 and character offsets, not
#: as fixed-width UTF-32 arrays (a segment's facet keys took 144 bytes each, mostly padding).
FORMAT = 2


def date_key(date: str) -> int:
    """``2024-05-24`` -> 20240524 (missing parts 0); anything unparsable -> 0."""
    digits = date.replace("-", "")[:8]
    if not digits.isdigit():
        return 0
    return int(digits.ljust(8, "0"))


class FacetVocabulary:
    """Facet keys (``name\\x1fvalue``) of every segment seen, numbered in order of first sight."""

    def __init__(self):
        self.ids: dict[str, int] = {}
        self.keys: list[str] = []
        self._lock = threading.Lock()
        self._by_name: tuple[int, dict[str, tuple[np.ndarray, list[str]]]] | None = None
        self._tag_groups: tuple[int, tuple[np.ndarray, np.ndarray] | None] | None = None

    def intern(self, keys) -> np.ndarray:
        with self._lock:
            ids = self.ids
            out = np.empty(len(keys), dtype=np.int32)
            for i, key in enumerate(keys):
                n = ids.get(key)
                if n is None:
                    n = ids[key] = len(self.keys)
                    self.keys.append(key)
                out[i] = n
            return out

    def tags_named(self, name: str) -> list[str]:
        """Tags seen whose label is ``name`` (folded), e.g. ``["place:江西"]`` for ``江西``."""
        want = fold(name)
        with self._lock:
            keys = list(self.keys)
        return sorted(
            value
            for key in keys
            if key.startswith("tag\x1f")
            for value in [key[4:]]
            if fold(value.partition(":")[2] if ":" in value else value) == want
        )

    def tag_forms(self, tag: str) -> list[str]:
        """Tags seen that differ from ``tag`` only by variant form (``tag`` itself included)."""
        want = tag_key(tag)
        with self._lock:
            keys = list(self.keys)
        found = [key[4:] for key in keys if key.startswith("tag\x1f") and tag_key(key[4:]) == want]
        return sorted(set(found) | {tag})

    def tag_groups(self) -> tuple[np.ndarray, np.ndarray] | None:
        """For the tag values of :meth:`by_name` (in its order), a group number shared by the values
        that differ only by variant form, and whether each is printed in the folded (standard
        simplified) form; None when no two values share a group."""
        ids, values = self.by_name().get("tag", (np.zeros(0, dtype=np.int64), []))
        with self._lock:
            if self._tag_groups is not None and self._tag_groups[0] == len(values):
                return self._tag_groups[1]
        numbers: dict[str, int] = {}
        keys = [tag_key(v) for v in values]
        groups = np.array([numbers.setdefault(k, len(numbers)) for k in keys], dtype=np.int64)
        standard = np.array([k == v for k, v in zip(keys, values, strict=True)], dtype=bool)
        result = (groups, standard) if len(numbers) < len(values) else None
        with self._lock:
            self._tag_groups = (len(values), result)
        return result

    def by_name(self) -> dict[str, tuple[np.ndarray, list[str]]]:
        """Facet name -> (key ids sorted by value, the values in that order)."""
        with self._lock:
            size = len(self.keys)
            if self._by_name is not None and self._by_name[0] == size:
                return self._by_name[1]
            groups: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
            for n, key in enumerate(self.keys):
                name, _, value = key.partition("\x1f")
                groups.setdefault(name, []).append((value, n))
            out = {}
            for name, items in groups.items():
                items.sort()
                out[name] = (np.array([n for _v, n in items], dtype=np.int64), [v for v, _n in items])
            self._by_name = (size, out)
            return out


class SegmentData:
    """Arrays of one segment (see the module docstring)."""

    def entries_of(self, mask: np.ndarray) -> np.ndarray:
        """Global facet key ids of the documents in ``mask`` (one per document and value)."""
        chosen = int(np.count_nonzero(mask))
        if not chosen:
            return self.entry_key[:0]
        if chosen * 16 > self.size:  # many documents: one pass over all entries
            return self.entry_key[mask[self.entry_doc]]
        docs = np.flatnonzero(mask)
        starts = self.entry_start[docs]
        counts = self.entry_start[docs + 1] - starts
        total = int(counts.sum())
        # positions starts[i] .. starts[i] + counts[i] - 1, for each chosen document, in one array
        offsets = np.repeat(starts - (np.cumsum(counts) - counts), counts)
        return self.entry_key[offsets + np.arange(total)]

    def __init__(self, size: int, story, dates, date_keys, entry_doc, entry_key):
        self.size = size
        self.story = story  # bool[size]
        self.dates = dates  # str[size], "" for none
        self.date_keys = date_keys  # int64[size]
        self.entry_doc = entry_doc  # int32[entries]: document of each facet entry (in document order)
        self.entry_key = entry_key  # int32[entries]: global facet key id of each entry
        # entries of document d: entry_start[d] up to entry_start[d + 1]
        self.entry_start = np.searchsorted(entry_doc, np.arange(size + 1))
        self._lengths: dict[str, np.ndarray] = {}
        self._ids: dict[str, int] | None = None
        self._lock = threading.Lock()

    # -- loading ---------------------------------------------------------------------------------

    @classmethod
    def load(cls, reader, vocab: FacetVocabulary, folder: Path | None) -> SegmentData:
        size = reader.doc_count_all()
        seg = reader.segment() if hasattr(reader, "segment") else None
        path = folder / f"{seg.segment_id()}.facets.npz" if folder is not None and seg is not None else None
        arrays = _read_cache(path, size) if path is not None else None
        if arrays is None:
            arrays = _from_column(reader, size)
            if path is not None:
                _write_cache(path, arrays)
        entry_key = vocab.intern(_unpack_strings(arrays, "keys"))[arrays["entry_local"]]
        dates = _unpack_strings(arrays, "dates")
        return cls(
            size,
            arrays["story"],
            np.array(dates, dtype=str) if size else np.zeros(0, dtype="<U1"),
            arrays["date_keys"],
            arrays["entry_doc"],
            entry_key,
        )

    # -- per-segment lookups ---------------------------------------------------------------------

    def live(self, reader) -> np.ndarray:
        """Stories not deleted (deletions change with each commit; the rest never does)."""
        live = self.story
        if reader.has_deletions():
            seg = reader.segment()
            deleted = np.fromiter(seg.deleted_docs(), dtype=np.int64)
            if len(deleted):
                live = live.copy()
                live[deleted[deleted < self.size]] = False
        return live

    def lengths(self, reader, fieldname: str) -> np.ndarray:
        """Field lengths by docnum as Whoosh's scorers see them (float64; cached)."""
        lens = self._lengths.get(fieldname)
        if lens is None:
            lens = field_lengths(reader, fieldname, self.size)
            self._lengths[fieldname] = lens
        return lens

    def id_table(self, reader) -> dict[str, int]:
        """Story id -> docnum in this segment (deleted ones included); read once per segment."""
        with self._lock:
            if self._ids is None:
                self._ids = {}
                stored = reader.stored_fields
                for docnum in np.flatnonzero(self.story).tolist():
                    self._ids[stored(docnum)["id"]] = docnum
            return self._ids

    def docnums_of(self, reader, story_ids) -> np.ndarray:
        """Docnums of the stories with these ids in this segment (deleted ones included)."""
        table = self.id_table(reader)
        found = [table[i] for i in story_ids if i in table]
        return np.array(sorted(found), dtype=np.int64)


def _from_column(reader, size: int) -> dict[str, np.ndarray]:
    story = np.zeros(size, dtype=bool)
    dates = [""] * size
    entry_doc: list[int] = []
    entry_local: list[int] = []
    local: dict[str, int] = {}
    if reader.has_column("facets"):
        column = reader.column_reader("facets")
        for docnum, raw in enumerate(column):
            if not raw:
                continue
            facets = json.loads(raw)
            story[docnum] = True
            dates[docnum] = facets.get("date", "")
            for name in FACETS:
                for value in facets.get(name, ()):
                    key = f"{name}\x1f{value}"
                    n = local.get(key)
                    if n is None:
                        n = local[key] = len(local)
                    entry_doc.append(docnum)
                    entry_local.append(n)
    return {
        "story": story,
        **_pack_strings("dates", dates),
        "date_keys": np.array([date_key(d) for d in dates], dtype=np.int64),
        "entry_doc": np.array(entry_doc, dtype=np.int32),
        "entry_local": np.array(entry_local, dtype=np.int32),
        **_pack_strings("keys", list(local)),
        "format": np.array([FORMAT, size], dtype=np.int64),
    }


#: The arrays of a cache file.
_NAMES = frozenset(
    ("story", "dates", "dates_ends", "date_keys", "entry_doc", "entry_local", "keys", "keys_ends", "format")
)


def _pack_strings(name: str, strings: list[str]) -> dict[str, np.ndarray]:
    """``strings`` as two arrays: their UTF-8 text back to back, and where each ends (in characters)."""
    text = "".join(strings)
    ends = np.cumsum([len(x) for x in strings], dtype=np.int64) if strings else np.zeros(0, dtype=np.int64)
    # surrogatepass: a lone surrogate in a tag or a date of a hostile file survives
    data = np.frombuffer(text.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    return {name: data, f"{name}_ends": ends}


def _unpack_strings(arrays: dict[str, np.ndarray], name: str) -> list[str]:
    text = arrays[name].tobytes().decode("utf-8", "surrogatepass")
    ends = arrays[f"{name}_ends"].tolist()
    return [text[a:b] for a, b in zip([0, *ends], ends, strict=False)]


def _read_cache(path: Path, size: int) -> dict[str, np.ndarray] | None:
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
    except (OSError, ValueError, KeyError, EOFError):
        return None
    fmt = arrays.get("format")
    if fmt is None or fmt.tolist() != [FORMAT, size] or len(arrays.get("story", ())) != size:
        return None
    if not _NAMES <= arrays.keys() or len(arrays["dates_ends"]) != size:
        return None
    return arrays


def _write_cache(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Save atomically; a read-only or full disk only costs the next open the same work again."""
    named: dict[str, Any] = dict(arrays)  # numpy's stub would read a key as savez's allow_pickle
    try:
        with replacing(path, durable=False) as tmp, open(tmp, "wb") as fh:
            # a handle: given a name, savez would append ".npz"; deflated: a 3,000-file segment's cache
            # 500 -> 123 KB (1.5 MB of a 10,000-file library) for 1.3 ms more when a segment opens
            np.savez_compressed(fh, **named)
    except OSError:
        pass
