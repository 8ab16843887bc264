"""The variant-character joins (异体字, old and regional print forms) that search folding adds to OpenCC's.

Owns reading ``reader/text/data/variants.tsv``: one join a line, ``variant<TAB>target<TAB>evidence``,
where folding a ``variant`` gives the fold of ``target``. The file is generated, not edited:
``bench/build_variant_table.py`` builds it from Unicode's Unihan variant data and the project's
reviewed list (``bench/variant_review.tsv``: joins no source makes, and joins left out as unsafe),
keeping only joins that OpenCC's own tables do not already make. Its header names the sources,
their versions and licences.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import resources

#: The data file inside the ``reader.text`` package.
DATA_FILE = "data/variants.tsv"


def _text() -> str:
    return resources.files("reader.text").joinpath(DATA_FILE).read_text(encoding="utf-8")


@functools.cache
def variant_joins() -> dict[str, str]:
    """variant character -> the character whose fold it takes (one character each)."""
    joins: dict[str, str] = {}
    for line in _text().splitlines():
        if not line or line.startswith("#"):
            continue
        variant, target = line.split("\t")[:2]
        if len(variant) == 1 and len(target) == 1 and variant != target:
            joins.setdefault(variant, target)
    return joins


@functools.cache
def table_digest() -> str:
    """A short hash of the data file (the fold table's cache is named after it)."""
    return hashlib.sha1(_text().encode("utf-8")).hexdigest()[:12]
