"""Topic tags: the story's distinctive nouns and terms, by TF-IDF.

Candidates are nouns from the segmentation (jieba tags n, nz, vn, j, l), new
words the dictionary lacks (a run of characters repeated in the story, 马家柚)
and two-word terms repeated in the story (乡村振兴). Each is scored by its
count in the story times its rarity in jieba's IDF table; words that are common
everywhere (发展, 工作, 问题) score low and are also on a stop list of generic
news words (:mod:`reader.autotag.junk`). A topic must occur at least three times, or
in the title.
"""

from __future__ import annotations

from collections import Counter

from reader.autotag.junk import generic_words, is_empty_part, is_junk
from reader.autotag.segment import Segmented, is_cjk, unknown_runs
from reader.text import words

#: Part-of-speech tags of words that can be topics.
NOUN_TAGS = frozenset({"n", "nz", "j", "nw"})

#: A topic not in the title must be mentioned this often.
MIN_COUNT = 3

#: Rarer than this in jieba's IDF table, a word is specific enough to be a topic.
MIN_IDF = 8.0


def find_topics(seg: Segmented, title: str, limit: int = 5, exclude: set[str] | None = None) -> list[str]:
    """Up to ``limit`` topics, best first; names in ``exclude`` (and their parts) are skipped.

    Candidates (each with its count and rarity) come from the dictionary's nouns, then new
    words, then two-word terms; they are scored, and the best that no chosen topic
    already covers are kept.
    """
    idf, median = words.idf_table()
    counts: Counter[str] = Counter()
    rarity: dict[str, float] = {}
    _count_nouns(seg, idf, median, counts, rarity)
    _count_new_words(seg, median, counts, rarity)
    _count_terms(seg, idf, median, counts, rarity)
    scored = _scored(counts, rarity, title, exclude or set())
    return _chosen(scored, limit)


def _count_nouns(
    seg: Segmented, idf: dict[str, float], median: float, counts: Counter[str], rarity: dict[str, float]
) -> None:
    """The dictionary's nouns of two or more characters, generic news words left out."""
    generic = generic_words()
    for tok in seg.tokens:
        if tok.tag in NOUN_TAGS and len(tok.word) >= 2 and is_cjk(tok.word) and tok.word not in generic:
            counts[tok.word] += 1
            rarity[tok.word] = idf.get(tok.word, median)


def _count_new_words(seg: Segmented, median: float, counts: Counter[str], rarity: dict[str, float]) -> None:
    """New words: runs the dictionary does not know, repeated in the story (马家柚)."""
    runs = Counter(
        word
        for word, _start, toks in unknown_runs(seg)
        if len(word) >= 3
        and toks[-1].tag.startswith("n")
        and not toks[0].tag.startswith(("v", "q", "a", "d"))
    )
    for word, n in runs.items():
        if n < 3:
            continue
        counts[word] += n
        rarity[word] = median


def _count_terms(
    seg: Segmented, idf: dict[str, float], median: float, counts: Counter[str], rarity: dict[str, float]
) -> None:
    """Two-word terms: adjacent two-character content words seen three times or more (乡村振兴);
    the term's words then count that much less on their own."""
    toks = seg.tokens
    pairs: Counter[str] = Counter()
    parts: dict[str, tuple[str, str]] = {}
    around: dict[str, Counter[str]] = {}
    for i, (a, b) in enumerate(zip(toks, toks[1:], strict=False)):
        if (
            len(a.word) == 2
            and len(b.word) == 2
            and a.tag in NOUN_TAGS | {"vn", "ns"}
            and b.tag in NOUN_TAGS | {"v", "vn"}
            and is_cjk(a.word + b.word)
            and not is_empty_part(a.word)
            and not is_empty_part(b.word)
        ):
            term = a.word + b.word
            pairs[term] += 1
            parts[term] = (a.word, b.word)
            before = toks[i - 1].word if i > 0 else ""
            after = toks[i + 2].word if i + 2 < len(toks) else ""
            around.setdefault(term, Counter()).update((f"<{before}", f">{after}"))
    for term, n in pairs.items():
        if n < 3:
            continue
        if around[term].most_common(1)[0][1] >= 0.75 * n:
            continue  # 药品电子 is always 药品电子监管: a fragment of a longer name
        for part in parts[term]:  # the term's words do not compete with it
            if part in counts:
                counts[part] -= n
        counts[term] += n
        rarity[term] = min(median, idf.get(term[:2], median) + idf.get(term[2:], median))


def _scored(
    counts: Counter[str], rarity: dict[str, float], title: str, exclude: set[str]
) -> list[tuple[float, str]]:
    """``(score, word)`` best first: count times rarity, half as much again in the title; too
    few mentions, too common, junk and names in ``exclude`` left out."""
    in_title = {w for w in counts if w in title}
    scored: list[tuple[float, str]] = []
    for word, n in counts.items():
        if n < MIN_COUNT and word not in in_title:
            continue
        if rarity[word] < MIN_IDF or is_junk(word):
            continue
        if any(word == name or name in word or (word in name and len(word) < 4) for name in exclude):
            continue  # 上饶邮政 covers 邮政; 上饶马家柚 is 马家柚
        bonus = 1.5 if word in in_title else 1.0
        scored.append((n * rarity[word] * bonus, word))
    scored.sort(key=lambda p: (-p[0], p[1]))
    return scored


def _chosen(scored: list[tuple[float, str]], limit: int) -> list[str]:
    """The best ``limit`` words, skipping any a chosen one contains or is part of."""
    chosen: list[str] = []
    for _score, word in scored:
        if any(word in c or c in word for c in chosen):
            continue  # 乡村振兴 already covers 乡村 and 振兴
        chosen.append(word)
        if len(chosen) >= limit:
            break
    return chosen
