"""Exact phrases of consecutive n-gram units, matched by reading posting lists in bulk.

Whoosh's ``Phrase`` walks its terms' postings one document at a time through
span matchers; for a phrase of common bigrams (``新闻联播``: thousands of
documents contain every unit) that costs seconds. :class:`NgramPhrase` reads
each unit's postings a block at a time, rarest unit first, narrows the
candidate documents by set intersection, then checks positions with sets
(unit ``i`` at position ``p + i``). Scores are what Whoosh's phrase gives: the
sum of the units' BM25F scores in each matching document.
"""

from __future__ import annotations

from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.matching.wrappers import FilterMatcher

#: Below this ratio of candidates to postings, look candidates up with skip_to instead of reading all.
SKIP_RATIO = 16


class _ScoredList(ListMatcher):
    """A list matcher whose "weights" are final scores."""

    def score(self):
        return self._weights[self._i]

    def supports_block_quality(self):
        return False


def read_postings(
    reader, fieldname: str, tbytes: bytes, restrict: set[int] | None = None, values: bool = True
) -> dict:
    """docnum -> (weight, value) of one term in one segment (deleted documents left out).

    With ``restrict``, only those documents are wanted (looked up by skipping
    when they are few compared with the postings). ``values=False``: docnum -> weight.
    """
    m = reader.postings(fieldname, tbytes)
    deleted = None
    if isinstance(m, FilterMatcher):
        deleted, m = m._ids, m.child
    out: dict[int, tuple[float, bytes]] = {}
    if isinstance(m, ListMatcher):
        weights = m._weights or [1.0] * len(m._ids)
        if values:
            out = dict(
                zip(m._ids, zip(weights, m._values or [b""] * len(m._ids), strict=False), strict=False)
            )
        else:
            out = dict(zip(m._ids, weights, strict=False))
    elif restrict is not None and len(restrict) * SKIP_RATIO < reader.doc_frequency(fieldname, tbytes):
        for docnum in sorted(restrict):
            if not m.is_active():
                break
            m.skip_to(docnum)
            if m.is_active() and m.id() == docnum:
                out[docnum] = (m.weight(), m.value()) if values else m.weight()
        restrict = None
    else:
        while m.is_active():
            m._read_ids()
            m._read_weights()
            if values:
                m._read_values()
                out.update(zip(m._ids, zip(m._weights, m._values, strict=False), strict=False))
            else:
                out.update(zip(m._ids, m._weights, strict=False))
            m._next_block()
    if deleted:
        for docnum in deleted:
            out.pop(docnum, None)
    if restrict is not None:
        out = {d: out[d] for d in restrict if d in out}
    return out


class NgramPhrase(wq.Phrase):
    """Terms that must occur at consecutive positions (``slop`` 1), matched in bulk."""

    def __init__(self, fieldname: str, words: list[str], boost: float = 1.0):
        super().__init__(fieldname, words, slop=1, boost=boost)

    def matcher(self, searcher, context=None):
        fieldname = self.fieldname
        if fieldname not in searcher.schema:
            return NullMatcher()
        field = searcher.schema[fieldname]
        reader = searcher.reader()
        tbytes = [field.to_bytes(w) for w in self.words]
        if any((fieldname, t) not in reader for t in tbytes):
            return NullMatcher()
        order = sorted(range(len(tbytes)), key=lambda i: reader.doc_frequency(fieldname, tbytes[i]))
        tables: dict[int, dict] = {}
        candidates: set[int] | None = None
        for i in order:
            table = read_postings(reader, fieldname, tbytes[i], candidates)
            candidates = set(table) if candidates is None else candidates & table.keys()
            if not candidates:
                return NullMatcher()
            tables[i] = table
        decode = field.format.decode_positions
        ids = []
        for docnum in sorted(candidates):
            starts = None
            for i in order:
                shifted = {p - i for p in decode(tables[i][docnum][1])}
                starts = shifted if starts is None else starts & shifted
                if not starts:
                    break
            if starts:
                ids.append(docnum)
        if not ids:
            return NullMatcher()
        weighting = searcher.weighting if context is None else context.weighting
        if weighting is None:
            return ListMatcher(ids)
        scorers = [(tables[i], weighting.scorer(searcher, fieldname, self.words[i])) for i in order]
        scores = []
        for docnum in ids:
            length = searcher.doc_field_length(docnum, fieldname, 1)
            score = 0.0
            for table, scorer in scorers:
                weight = table[docnum][0]
                score += scorer._score(weight, length) if hasattr(scorer, "_score") else weight
            scores.append(score * self.boost)
        return _ScoredList(ids, weights=scores)
