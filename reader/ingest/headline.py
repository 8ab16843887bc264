"""Which line of a page is its headline: evidence per candidate line, weighed by a linear score.

A page prints its headline just above the story, usually right over a date, source or byline line,
and repeats it in the HTML ``<title>`` (the first line of a whole-page text rendering), in
``og:title`` or in an ``<h1>``. Site chrome above the story looks different: menu bars and breadcrumbs
(runs of short section names), e-paper page labels (``第A04版：…``), document numbers
(``吉政明电〔2022〕1号``), counters, URLs, account names and contact notices. Each candidate line gets
a vector of such evidence (:func:`features`), and the line with the highest weighted sum wins
(:func:`best`). No feature names a site.

The weights start as hand-set values (:data:`DEFAULT_WEIGHTS`) and can be refitted on pages with gold
titles (:func:`fit`: softmax over each page's candidates, pulled towards the defaults), which is how
``bench/ingest_pages.py`` measures leave-one-site-out: the weights used on a page are fitted without
that page's site. :func:`using` swaps the weights in for a block of code.
"""

from __future__ import annotations

import contextlib
import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reader.ingest import boilerplate, bylines, dates

#: How far above the body a headline is looked for, in lines.
WINDOW = 45

_CJK = re.compile(r"[\u3400-\u9fff]")
_CLOSERS = "”’」』）)》】\"' "
_LOCATION = re.compile(r"^(?:您?(?:当前|當前|现在|現在|所在)的?(?:位置|位置是)|位置)\s*[:：]?")
_PAGE_LABEL = re.compile(r"^第?\s?[A-Z]?\d{1,3}\s?版\s?[:：]|^[A-Z]\d{1,3}\s?版|^版面")
_DOC_NUMBER = re.compile(r"[〔\[［(（]\s?(?:19|20)\d{2}\s?[〕\]］)）]\s?第?\d{1,4}\s?号$")
_COUNTER = re.compile(
    r"\d+\s?(?:人参与|人參與|条评论|條評論|人阅读|人閱讀|次阅读|次閱讀|阅读|閱讀|评论|評論|赞|讚)"
)
_URL = re.compile(r"https?://|www\.|\.(?:com|cn|net|org|hk|tw)\b", re.IGNORECASE)
_NOTICE = re.compile(
    r"联系我们|聯絡我們|聯繫我們|意见反馈|意見反饋|投诉|投訴|举报|舉報|cookie|Cookie|隐私|隱私|"
    r"年满18|年滿18|未满18|未滿18|登录|登錄|登入|注册|註冊|订阅|訂閱|下载|下載|客户端|客戶端|APP|App"
)
#: ``石佳/中国青年报``: an author and the paper, a byline.
AUTHOR_SOURCE = re.compile(
    r"^([\u3400-\u9fff]{2,4})\s{0,2}[/／|｜]\s{0,2}([\u3400-\u9fff]{2,12}(?:报|報|网|網|社|台|刊|志|誌))$"
)
# 分享 / 列印 / A-A+ / 留言 / 12: the buttons and counters a page prints between headline and date
_BUTTON = re.compile(
    r"^(?:分享|分享到|列印|打印|收藏|留言|評論|评论|轉發|转发|轉寄|转寄|讚|赞|字級|字级|字號|字号|"
    r"[大中小]|[-+A-Za-z\s]{1,6}|\d{1,6})$"
)
_SITE_TAIL = re.compile(r"(?:[_|｜]|\s[-–—]\s)")


def norm(text: str) -> str:
    """NFKC, whitespace removed: how headlines are compared."""
    return "".join(unicodedata.normalize("NFKC", text or "").split())


@functools.lru_cache(maxsize=8192)
def shaped(line: str) -> bool:
    """Could the line be a headline at all: Chinese, 5–80 characters, not a sentence, not a label."""
    if len(line) < 5 or len(line) > 80 or boilerplate.is_drop_line(line) or boilerplate.is_end_marker(line):
        return False
    if is_meta(line) or dates.is_date_line(line):
        return False
    if line.endswith(("/", "／", "|", "｜", ">", "»", ":", "：", "...", "…")):
        return False
    if not _CJK.search(line):
        return False
    end = line[-4:].rstrip(_CLOSERS)
    return not (end and end[-1] in "。，；、：")


# 信報財經新聞·8 小時前 / AASTOCKS·36 分鐘前 / 3天前: a portal's list stamps its items with relative times
_RELATIVE_TIME = re.compile(
    r"(?:^|[·・•\s])(?:\d{1,3}\s{0,2}(?:分鐘|分钟|小時|小时|天|日|週|周)前|剛剛|刚刚|昨天|昨日|前天|前日)$"
)


@functools.lru_cache(maxsize=8192)
def is_meta(line: str) -> bool:
    """A date, source or byline line (what stands under a headline), or a list item's time stamp."""
    if len(line) <= 40 and _RELATIVE_TIME.search(line):
        return True
    return bool(
        is_dated(line) or bylines.find_source(line) or bylines.parse_byline(line) or AUTHOR_SOURCE.match(line)
    )


@functools.lru_cache(maxsize=8192)
def is_dated(line: str) -> bool:
    """A line carrying a date and little else (``2024-05-11 09:36 来源：…``), not a headline with a month."""
    if len(line) > 60:
        return False
    date = dates.parse_date(line)
    if not date:
        return False
    if len(date) == 10 and len(_CJK.findall(dates.strip_dates(line))) <= 14:
        return True
    return dates.is_date_line(line)


def _chrome(line: str) -> bool:
    return bool(
        _LOCATION.match(line)
        or _PAGE_LABEL.match(line)
        or _DOC_NUMBER.search(line)
        or _COUNTER.search(line)
        or _URL.search(line)
        or (len(line) <= 30 and _NOTICE.search(line))
    )


def _menu_like(line: str) -> bool:
    """A run of short items: a breadcrumb, a menu bar, or words spaced out as a nav strip."""
    if boilerplate.is_breadcrumb(line):
        return True
    parts = line.split()
    return len(parts) >= 4 and max(len(p) for p in parts) <= 6


def following(lines: Sequence[str], k: int, stop: int, count: int) -> list[int]:
    """The next ``count`` lines after ``lines[k]`` (before ``stop``), share and print buttons passed over."""
    out: list[int] = []
    j = k + 1
    while j < min(stop, k + 12) and len(out) < count:
        line = lines[j]
        if not (_BUTTON.match(line) or boilerplate.is_drop_line(line)):
            out.append(j)
        j += 1
    return out


def looks_chrome(line: str) -> bool:
    """A menu, breadcrumb, page label, counter, URL or notice: site chrome, not a headline."""
    return _menu_like(line) or _chrome(line)


def named_by_page(lines: Sequence[str], k: int, evidence: Evidence) -> bool:
    """Does the page's ``<title>``/``og:title``/``<h1>`` (or a rendering's first line) hold ``lines[k]``?"""
    n = norm(lines[k])
    titles = [norm(t) for t in (*evidence.titles, *evidence.headings)]
    if k > 0 and lines:
        titles.append(norm(lines[0]))
    return len(n) >= 5 and any(n in t for t in titles)


FEATURES = (
    "meta_after",  # a date, source or byline line follows before the body
    "date_next",  # a date line within the next two lines
    "in_page_title",  # the line is (part of) the page's <title>, og:title or <h1> evidence
    "is_heading",  # the page marked it as a headline element (<h1>)
    "repeated",  # printed two or three times on the page
    "length",  # longer headlines are likelier than short labels (capped at 30 characters)
    "short",  # six characters or fewer, no punctuation: a label
    "distance",  # lines between the candidate and the body, in tens
    "menu",  # breadcrumb, menu bar, spaced nav strip
    "chrome",  # page label, document number, counter, URL, contact or app notice
    "site_tail",  # carries a site or channel suffix (标题_栏目_站名)
    "first_line",  # the first line of the page (a text rendering's <title>)
)

DEFAULT_WEIGHTS: dict[str, float] = {
    "meta_after": 4.0,
    "date_next": 1.0,
    "in_page_title": 3.0,
    "is_heading": 2.0,
    "repeated": 2.0,
    "length": 2.0,
    "short": -2.0,
    "distance": -0.8,
    "menu": -4.0,
    "chrome": -4.0,
    "site_tail": -2.5,
    "first_line": -1.0,
}

#: The weights in use: the hand-set defaults (none are fitted on gold pages; see :func:`fit`).
_weights: dict[str, float] = dict(DEFAULT_WEIGHTS)


@dataclass(frozen=True)
class Evidence:
    """What the page says about its headline besides the lines: ``<title>``, ``og:title``, ``<h1>``."""

    titles: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()
    #: The lines are the page's own blocks (rendered from HTML), never paragraphs broken at inline
    #: elements, so they are not re-joined.
    exact_blocks: bool = False


def features(
    lines: Sequence[str], k: int, start: int, counts: dict[str, int], evidence: Evidence
) -> list[float]:
    """The evidence vector (in :data:`FEATURES` order) for ``lines[k]`` as headline over ``lines[start]``."""
    line = lines[k]
    n = norm(line)
    after = following(lines, k, start, 4)
    in_title = named_by_page(lines, k, Evidence(titles=evidence.titles))
    stripped = _SITE_TAIL.split(line)
    return [
        float(any(is_meta(lines[j]) for j in after)),
        float(any(dates.parse_date(lines[j]) and len(lines[j]) <= 60 for j in after[:2])),
        float(in_title),
        float(any(n == norm(h) for h in evidence.headings)),
        float(len(line) >= 8 and 1 < counts.get(line, 1) <= 3),
        min(len(n), 30) / 30.0,
        float(len(line) <= 6 and not boilerplate.has_sentence_punct(line)),
        (start - k) / 10.0,
        float(_menu_like(line)),
        float(_chrome(line)),
        float(len(stripped) >= 2 and all(len(p.strip()) >= 2 for p in stripped)),
        float(k == 0),
    ]


def score(vector: Sequence[float], weights: dict[str, float] | None = None) -> float:
    w = weights or _weights
    return sum(w[name] * x for name, x in zip(FEATURES, vector, strict=True))


def candidates(lines: Sequence[str], start: int, floor: int = 0) -> list[int]:
    """The lines above ``start`` (within :data:`WINDOW`, not above ``floor``) that could be headlines."""
    low = max(floor, start - WINDOW)
    out = [k for k in range(start - 1, low - 1, -1) if shaped(lines[k])]
    if floor == 0 and 0 < low and lines and shaped(lines[0]):
        out.append(0)
    return out


def best(
    lines: Sequence[str],
    start: int,
    floor: int = 0,
    evidence: Evidence = Evidence(),
    counts: dict[str, int] | None = None,
) -> tuple[int | None, float]:
    """``(index, score)`` of the likeliest headline above ``lines[start]``; ``(None, 0.0)`` if none > 0."""
    if counts is None:
        counts = {}
        for line in lines:
            counts[line] = counts.get(line, 0) + 1
    top, top_score = None, 0.0
    for k in candidates(lines, start, floor):
        s = score(features(lines, k, start, counts, evidence))
        if s > top_score:
            top, top_score = k, s
    return top, top_score


@contextlib.contextmanager
def using(weights: dict[str, float]) -> Iterator[None]:
    """Score with ``weights`` inside the block (for leave-one-site-out measurement)."""
    global _weights
    saved = _weights
    _weights = dict(weights)
    try:
        yield
    finally:
        _weights = saved


@dataclass
class Example:
    """One page's candidates as training data: feature vectors and which one is the gold headline."""

    site: str
    vectors: list[list[float]]
    gold: int


def fit(
    examples: Sequence[Example], steps: int = 400, rate: float = 0.2, pull: float = 0.05
) -> dict[str, float]:
    """Weights that rank each example's gold candidate first (softmax cross-entropy, gradient descent).

    ``pull`` keeps the weights near :data:`DEFAULT_WEIGHTS` (few pages, so few surprises).
    """
    import numpy as np  # only fitting (bench, tools) needs numpy: not loaded for parsing

    prior = np.array([DEFAULT_WEIGHTS[f] for f in FEATURES])
    w = prior.copy()
    usable = [e for e in examples if len(e.vectors) >= 2]
    if not usable:
        return dict(DEFAULT_WEIGHTS)
    mats = [np.array(e.vectors) for e in usable]
    for _ in range(steps):
        grad = pull * (w - prior)
        for m, e in zip(mats, usable, strict=True):
            z = m @ w
            z -= z.max()
            p = np.exp(z)
            p /= p.sum()
            grad += (m.T @ p - m[e.gold]) / len(usable)
        w -= rate * grad
    return {name: float(x) for name, x in zip(FEATURES, w, strict=True)}
