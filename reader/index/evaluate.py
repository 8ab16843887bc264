"""Evaluate a query on one segment in one pass: every matching docnum with its score.

Whoosh's collectors walk matchers one document at a time (``id``/``score``/
``next`` in Python for every match), and the library used to do that twice
per request (once for the total and facets, once for ranking). Here the
query shapes the query language produces are evaluated with whole posting
lists: a ``Term`` reads its postings a block at a time and scores them with
the field lengths cached per segment, ``Or`` adds scores, ``And`` intersects
and adds, ``Not`` under ``And`` subtracts, :class:`~reader.index.phrase.NgramPhrase`
already works in bulk. Anything else goes through Whoosh's own matcher. The
scores equal Whoosh's (BM25F: sum over the matching leaves, as its union and
intersection matchers do).
"""

from __future__ import annotations

from whoosh import query as wq
from whoosh.scoring import BM25FScorer

from reader.index.phrase import NgramPhrase, read_postings

Scores = dict[int, float]


def _term(q: wq.Term, sub, lengths, weighting) -> Scores:
    reader = sub.reader()
    fieldname = q.fieldname
    if fieldname not in sub.schema:
        return {}
    field = sub.schema[fieldname]
    tbytes = field.to_bytes(q.text)
    if (fieldname, tbytes) not in reader:
        return {}
    weights = read_postings(reader, fieldname, tbytes, values=False)
    if weighting is None:
        return dict.fromkeys(weights, 0.0)
    scorer = weighting.scorer(sub, fieldname, q.text)
    boost = q.boost
    if isinstance(scorer, BM25FScorer) and field.scorable:
        # whoosh.scoring.bm25 with the per-term constants taken out of the loop
        k1, b = scorer.K1, scorer.B
        c1 = scorer.idf * (k1 + 1) * boost
        c2 = k1 * (1 - b)
        c3 = k1 * b / scorer.avgfl
        lens = lengths(fieldname)
        return {d: c1 * w / (w + c2 + c3 * lens[d]) for d, w in weights.items()}
    return {d: w * boost for d, w in weights.items()}


def _generic(q: wq.Query, sub, weighting) -> Scores:
    if weighting is None:
        return dict.fromkeys(q.docs(sub), 0.0)
    m = q.matcher(sub, sub.context(weighting=weighting))
    out: Scores = {}
    while m.is_active():
        out[m.id()] = m.score()
        m.next()
    return out


def _all(sub) -> Scores:
    reader = sub.reader()
    deleted = reader.has_deletions()
    return {d: 0.0 for d in range(reader.doc_count_all()) if not (deleted and reader.is_deleted(d))}


def evaluate(q: wq.Query, sub, lengths, weighting) -> Scores:
    """docnum -> score of the documents of segment searcher ``sub`` matching ``q``.

    ``lengths(fieldname)`` gives that segment's field lengths by docnum;
    ``weighting`` ``None`` means unscored (all scores 0).
    """
    if isinstance(q, wq.Term):
        return _term(q, sub, lengths, weighting)
    if isinstance(q, NgramPhrase):
        ctx = sub.context(weighting=weighting) if weighting is not None else sub.boolean_context()
        m = q.matcher(sub, ctx)
        if not m.is_active():
            return {}
        ids = list(m.all_ids())
        if weighting is None or m._weights is None:
            return dict.fromkeys(ids, 0.0)
        return dict(zip(ids, m._weights, strict=False))
    if isinstance(q, wq.Or) and type(q) is wq.Or:
        out: Scores = {}
        for child in q.subqueries:
            if isinstance(child, wq.Not):
                return _generic(q, sub, weighting)
            for d, s in evaluate(child, sub, lengths, weighting).items():
                out[d] = out.get(d, 0.0) + s
        return out
    if isinstance(q, wq.And) and type(q) is wq.And:
        positive = [c for c in q.subqueries if not isinstance(c, wq.Not)]
        negative = [c.query for c in q.subqueries if isinstance(c, wq.Not)]
        if positive:
            parts = [evaluate(c, sub, lengths, weighting) for c in positive]
            parts.sort(key=len)
            out = parts[0]
            for part in parts[1:]:
                out = {d: s + part[d] for d, s in out.items() if d in part}
                if not out:
                    return out
        else:
            out = _all(sub)
        # Whoosh scores a NOT clause as a match of weight 1 (its inverse matcher): so do we
        bonus = float(len(negative)) if weighting is not None else 0.0
        for child in negative:
            if not out:
                break
            excluded = evaluate(child, sub, lengths, None)
            out = {d: s + bonus for d, s in out.items() if d not in excluded}
            bonus = 0.0
        return out
    if isinstance(q, wq.Not):
        excluded = evaluate(q.query, sub, lengths, None)
        score = 1.0 if weighting is not None else 0.0
        return {d: score for d in _all(sub) if d not in excluded}
    return _generic(q, sub, weighting)
