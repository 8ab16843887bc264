"""Reprint sketches: what makes two printings of one text look alike, whatever the script or layout.

A text is folded (:func:`reader.text.fold.fold`: traditional to simplified, full width to half,
lower case), reduced to its letters, digits and CJK characters (punctuation, spaces and line
breaks are layout, not text) and cut into overlapping character shingles of :data:`SHINGLE`
characters. Its sketch is the MinHash signature of that shingle set (:data:`NUM_PERM`
permutations, a fixed seed so sketches of every process and every release compare; shingles
hashed with CRC-32, mixed by MurmurHash3's finalizer, then each affine permutation; the values
are exactly those of ``datasketch``'s ``MinHash`` in its "affine32" scheme, which wrote the
first stores: a test checks they agree), kept as the low 16 bits of each value, little-endian
(half the size; two different values agree there once in 65,536, which moves a similarity by
less than 0.0001). The share of equal signature positions estimates the Jaccard similarity of
two shingle sets; :func:`band_keys` cuts a signature into LSH bands (as many as ``datasketch``'s
``MinHashLSH`` chooses for :data:`CANDIDATE_THRESHOLD`) so stores can find candidates by equal
bands without comparing everything. Computed here in numpy: importing datasketch imports scipy,
0.35 s and 40 MB in every process that signs a story.
"""

from __future__ import annotations

import functools
import hashlib
import re
import zlib

import numpy as np

from reader.text.fold import fold

#: Characters per shingle: long enough that two stories on one topic share few by chance
#: (set phrases such as 新华社北京 are five characters), short enough that an edit costs few.
SHINGLE = 5
#: MinHash permutations: the standard error of an estimated similarity near 0.7 is about 0.04.
NUM_PERM = 128
SEED = 20240601
#: Bands are chosen so pairs at or above this similarity almost always share one.
CANDIDATE_THRESHOLD = 0.5


#: What compact() drops: everything but word characters (letters of every script, CJK, digits), and "_".
_NOT_TEXT = re.compile(r"[\W_]+")


def compact(text: str) -> str:
    """``text`` folded, with only letters, digits and CJK characters left (no punctuation or spaces)."""
    return _NOT_TEXT.sub("", fold(text))


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """The set of ``size``-character shingles of ``compact(text)`` (the whole of a shorter text)."""
    flat = compact(text)
    if len(flat) <= size:
        return {flat} if flat else set()
    return {flat[i : i + size] for i in range(len(flat) - size + 1)}


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """(a, b) of the :data:`NUM_PERM` permutations ``h -> a*h + b`` modulo 2**32 (uint32 arithmetic
    wraps around): ``a`` odd, so each is a bijection. Drawn from numpy's RandomState(:data:`SEED`)
    in the order datasketch draws them, so the signatures are the ones every store holds."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _mix(hashes: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer over uint32 ``hashes``: spreads CRC-32's structure."""
    hashes = hashes ^ (hashes >> np.uint32(16))
    hashes = hashes * np.uint32(0x85EBCA6B)
    hashes = hashes ^ (hashes >> np.uint32(13))
    hashes = hashes * np.uint32(0xC2B2AE35)
    mixed: np.ndarray = hashes ^ (hashes >> np.uint32(16))
    return mixed


#: The LSH bands and rows per band ``datasketch``'s ``MinHashLSH`` picks for :data:`CANDIDATE_THRESHOLD`
#: and :data:`NUM_PERM` (a test checks it still does). Pinned: asking it imports scipy, 0.35 s of
#: every import that stores a sketch (the importing process only cuts signatures into bands).
BANDS = (25, 5)


def bands() -> tuple[int, int]:
    """(bands, rows per band): :data:`BANDS`."""
    return BANDS


def signature(text: str) -> tuple[bytes, int]:
    """(the MinHash signature of ``text``'s shingles as bytes, the number of shingles)."""
    grams = shingles(text)
    if grams:
        hashes = np.fromiter(
            (zlib.crc32(g.encode("utf-8", "surrogatepass")) for g in grams), dtype=np.uint32, count=len(grams)
        )
        a, b = _permutations()
        values = (_mix(hashes)[:, None] * a + b).min(axis=0)
    else:
        values = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)  # the empty set's: every value the largest
    return (values & np.uint32(0xFFFF)).astype("<u2").tobytes(), len(grams)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    va = np.frombuffer(a, dtype="<u2")
    vb = np.frombuffer(b, dtype="<u2")
    if len(va) != len(vb) or not len(va):
        return 0.0
    return float(np.count_nonzero(va == vb)) / len(va)


def containment(sim: float, size_a: int, size_b: int) -> float:
    """The estimated share of the smaller shingle set found in the larger, from their similarity and sizes.

    Jaccard ``J = |A∩B| / |A∪B|`` and ``|A∪B| = |A| + |B| - |A∩B|`` give ``|A∩B| = J(|A|+|B|)/(1+J)``.
    """
    smaller = min(size_a, size_b)
    if smaller <= 0:
        return 0.0
    return min(1.0, sim * (size_a + size_b) / ((1.0 + sim) * smaller))


def band_keys(sig: bytes) -> list[int]:
    """One signed 32-bit key per LSH band (band number and its rows hashed together).

    SQLite keeps such a key in 4 bytes, not the 8 of a 63-bit one (a quarter of the reprint store:
    25 band rows a story). Two bands whose keys meet by chance only add a candidate, which the
    signatures' similarity then turns away (a few in a thousand stories at 100,000)."""
    count, rows = bands()
    width = rows * 2
    keys = []
    for band in range(count):
        chunk = sig[band * width : (band + 1) * width]
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=4).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys
