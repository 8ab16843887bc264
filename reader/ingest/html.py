"""Saved HTML news pages as stories without site chrome.

trafilatura finds the main content (scripts, navigation, ads and comment blocks
left out). Its body is then cleaned of what it sometimes keeps at the edges:
lists and paragraphs made mostly of links (related stories, channel menus) and
trailing section heads ("热点新闻"). The remaining blocks go through the text-page
parser (``reader.ingest.textpage``) for bylines, subheads and boilerplate lines;
title, date, author and source come from the page's metadata (``og:title``,
``article:published_time``, ``<meta name="author">`` ...) when it has them, with the
parser's findings in the page text as fallback.

Markdown copies of pages are read by :mod:`reader.ingest.markdown`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from gne import GeneralNewsExtractor

from reader.ingest import headline
from reader.ingest.boilerplate import is_drop_line, is_end_marker
from reader.ingest.bylines import parse_byline, parse_dateline
from reader.ingest.credits import tidy
from reader.ingest.dates import parse_date
from reader.ingest.htmltext import caption_texts, page_lines
from reader.ingest.records import iso_date, split_authors
from reader.ingest.textpage import parse_text
from reader.story import Story

if TYPE_CHECKING:  # pragma: no cover
    from trafilatura.settings import Document

#: Pages this long are refused by trafilatura (its MAX_FILE_SIZE setting).
_EXTRACT_LIMIT = 20_000_000
#: Tags that carry text blocks in trafilatura's output tree.
_BLOCKS = ("p", "head", "list", "quote", "table", "code")
_CJK = re.compile(r"[\u3400-\u9fff]")
_bare = headline.norm  # how titles are compared: NFKC, whitespace removed
#: ``标题 - 栏目 - 站名`` / ``标题_站名`` / ``标题 | 站名``: the separators between a ``<title>``'s parts ...
_TITLE_SEPARATOR = re.compile(r"\s[-–—|｜]+\s|_|｜|\|")
#: ... and, when looking for the site's own names among them, an unspaced hyphen too (``标题-搜狐财经``).
_SITE_SEPARATOR = re.compile(_TITLE_SEPARATOR.pattern + r"|--|-(?=[^\d])")
_TITLE_TAIL = re.compile(r"\s*(?:[_|｜]|\s[-–—]+|[-–—]{1,2})\s*([^_|｜\-–—]{2,20})\s*$")
_SITE_WORD = re.compile(
    r"网|網|报|報|新闻|新聞|频道|頻道|在线|在線|社|台|中心|门户|門戶|[A-Za-z]{2,}|\.com|\.cn"
)
_CJK_SITE = re.compile(
    r"网|網|报|報|新闻|新聞|频道|頻道|在线|在線|社$|台$|中心|门户|門戶|传媒|傳媒|日报|日報"
)
_REPORTER = re.compile(r"记者|記者|通讯员|通訊員")
_LABEL = re.compile(r"^\s*(?:作者|作\s*者|文|撰文|記者|记者|author|by)\s*[:：/／]\s*", re.IGNORECASE)
_JUNK_AUTHOR = re.compile(
    r"来源|來源|时间|時間|版权|版權|链接|鏈接|复制|複製|责任编辑|責任編輯|编辑|編輯|email|name", re.I
)
_SOURCE_LINE = re.compile(r"(?:来源|來源|来自|出處|出处)\s*[:：]\s*([^\s|｜]{2,30})")
_EDITOR = re.compile(r"^\s*[（(【\[]?\s*(?:责任编辑|責任編輯|责编|責編)\s*[:：]")
_SOURCE_LABEL = re.compile(r"^\s*(?:来源|來源|出处|出處|source)\s*[:：]\s*", re.IGNORECASE)
_FINAL = re.compile(r"[。！？!?…][”」』’）)]?$")
_BARE_NAMES = re.compile(r"[（(【\[]?[\u4e00-\u9fff·•\s、]{2,20}[）)】\]]?")
_SENTENCE_END = re.compile(r"[。！？!?…”」』）)]$")


@dataclass
class PageMeta:
    """What the page says about its article, from ``<meta>``, ``<title>`` and ``<h1>``."""

    title: str = ""
    date: str = ""
    authors: list[str] = field(default_factory=list)
    byline: str = ""
    source: str = ""
    url: str = ""
    column: str = ""
    editor: str = ""
    site: str = ""  # url, site name, <title>: what a site-name "author" would repeat
    site_name: str = ""  # the publishing site, the source of last resort
    titles: tuple[str, ...] = ()  # <title>, og:title as printed: evidence for the headline line
    headings: tuple[str, ...] = ()  # the page's <h1> texts
    og_title: str = ""
    title_site: str = ""  # a Chinese site name among the <title>'s parts (标题 - BBC中文网 - 两岸三地)


def parse_html(html: str, file: str = "") -> tuple[list[Story], list[str]]:
    """The stories of one HTML page (usually one) and any problems found."""
    # trafilatura takes ~150 ms to import: loaded with the first HTML page, not at start-up
    try:
        import trafilatura
    except ImportError as exc:  # a broken third-party install, reported per file, not crashing an import
        return [], [f"cannot read HTML: trafilatura unavailable ({exc})"]
    from lxml import html as lxml_html  # trafilatura's parser, loaded with it

    try:
        tree = lxml_html.document_fromstring(html)
    except Exception as exc:  # lxml raises several types on garbage
        return [], [f"cannot parse HTML ({exc})"]
    meta = page_meta(tree)
    lines = page_lines(tree)
    stories = _stories_from_lines(lines, meta, file, tree)
    try:
        # with as_dict left False, bare_extraction gives a Document or None (never its dict form)
        doc = cast(
            "Document | None",
            trafilatura.bare_extraction(
                html,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                include_links=True,
                include_images=False,
                deduplicate=False,
                fast=True,
                date_extraction_params={"extensive_search": False, "original_date": True},
            ),
        )
    except Exception as exc:  # extraction errors must not stop an import
        if stories:
            return stories, []
        return [], [f"cannot extract article from HTML ({type(exc).__name__}: {exc})"]
    blocks = _blocks(doc.body) if doc is not None and doc.body is not None else []
    if stories:
        if blocks:
            _vote_body(stories[0], blocks, file, lines)
        _vote_title_and_date(stories[0], html, meta, (doc.date or "") if doc is not None else "")
        tidy(stories[0])
        return stories, []
    if doc is not None:
        _merge_trafilatura_meta(meta, doc)
    if doc is None and len(html) >= _EXTRACT_LIMIT:
        return [], [f"HTML too large to find the article in ({len(html) // 1_000_000} million characters)"]
    if not blocks or not any(_CJK.search(b) or len(b) > 40 for _kind, b in blocks):
        return [], ["no story text found in HTML"]
    story = _to_story(meta, blocks, file, tree)
    if not story.paragraphs:
        return [], ["no story text found in HTML (only a headline and page furniture)"]
    tidy(story)
    return [story], []


def _vote_title_and_date(story: Story, html: str, meta: PageMeta, htmldate: str) -> None:
    """GNE (a news-page extractor made for Chinese sites) and htmldate (trafilatura's dates) vote on
    the headline and the date with the page model's findings.

    GNE's title replaces the page model's only when the page names it (``<title>``, ``og:title``,
    ``<h1>``) and does not name ours; a missing or month-only date is filled from GNE or htmldate,
    and a date both of them agree on beats the page model's.
    """
    named = [_bare(t) for t in (*meta.titles, *meta.headings)]
    ours_named = bool(story.title) and any(_bare(story.title) in t for t in named)
    if _bare(story.title) in _site_parts(meta):
        ours_named, story.title = False, ""  # the site's or channel's name, not a headline
    other = htmldate[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", htmldate or "") else ""
    whole = any(_bare(story.title) == _bare(t) for t in meta.titles)  # maybe with the site's name
    if ours_named and not whole and len(story.date or "") == 10 and other in ("", story.date):
        return  # the page names our headline and htmldate does not dispute our date: no question to put
    found = _gne(html)
    title = _headline_of_title(_clean(found.get("title") or ""), meta)
    if title and _bare(title) != _bare(story.title) and len(title) >= 2:
        if (
            not story.title
            or (not ours_named and any(_bare(title) in t for t in named))
            # ours is the whole <title>, GNE's its headline part without the site's name
            or (whole and len(title) >= 4 and _bare(story.title).startswith(_bare(title)))
        ):
            story.title = title
    gne_date = parse_date(str(found.get("publish_time") or ""))
    full = [d for d in (gne_date, other) if len(d) == 10]
    if len(story.date or "") < 10 and full:
        story.date = full[0]
    elif len(full) == 2 and full[0] == full[1] and story.date != full[0]:
        story.date = full[0]


def _headline_of_title(title: str, meta: PageMeta) -> str:
    """``标题 - 栏目 - 站名`` (a whole ``<title>``) → ``标题``: the parts after it are short names."""
    if not title or not any(_bare(title) == _bare(t) for t in meta.titles):
        return title
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title)]
    if len(parts) >= 2 and len(parts[0]) >= 2 and all(len(p) <= 24 for p in parts[1:]):
        return parts[0]
    return title


def _site_parts(meta: PageMeta) -> set[str]:
    """The site and channel names a page prints in its ``<title>`` after the headline, and its site name."""
    parts = {_bare(meta.site_name)} if meta.site_name else set()
    for title in meta.titles:
        pieces = [p for p in _SITE_SEPARATOR.split(title) if p.strip()]
        parts.update(_bare(p) for p in pieces[1:])
    return parts - {""}


def _gne(html: str) -> dict:
    """GNE's reading of the page (title, publish_time ...); ``{}`` when it fails on the page."""
    try:
        return GeneralNewsExtractor().extract(html) or {}
    except Exception:  # noqa: BLE001 - a voter that fails on a page simply has no vote
        return {}


#: trafilatura's body replaces the page model's when it holds this much more text, and nearly all of it.
BODY_VOTE_RATIO = 2.5
BODY_VOTE_COVER = 0.8
BODY_VOTE_MORE = 1500


def _vote_body(story: Story, blocks: list[tuple[str, str]], file: str, lines: list[str]) -> None:
    """trafilatura's main-content body against the page model's: the page model's wins unless
    trafilatura's holds it and much more (a long article the densest-run model cut short)."""
    ours = "".join(story.paragraphs)
    theirs = "".join(text for _kind, text in blocks)
    if (
        len(theirs) < BODY_VOTE_RATIO * len(ours)
        or len(theirs) - len(ours) < BODY_VOTE_MORE
        or _coverage(ours, theirs) < BODY_VOTE_COVER
    ):
        return
    parsed = _parse_blocks(PageMeta(title=story.title), blocks, file)
    if parsed is None or not parsed.paragraphs:
        return
    if _same(parsed.paragraphs[0], story.title):
        parsed.paragraphs.pop(0)
        parsed.heading_at = [max(0, i - 1) for i in parsed.heading_at]
    # both must open the story alike: trafilatura's extra text is more of it, not the page's header
    if not parsed.paragraphs or not any(_same(parsed.paragraphs[0], p) for p in story.paragraphs[:2]):
        return
    if not any(_same(story.paragraphs[0], p) for p in parsed.paragraphs[:2]):
        return  # trafilatura's body lacks our opening paragraph: keep ours
    extra = parsed.paragraphs[len(story.paragraphs) :]
    if any(parse_dateline(p) is not None for p in extra):
        return  # more text that opens with datelines: the leads of other stories (teaser cards)
    if extra and _furniture_between(lines, story.paragraphs[-1], extra[0]):
        return  # the page prints a "more stories" box or list stamps between: teaser cards
    story.paragraphs, story.headings, story.heading_at = parsed.paragraphs, parsed.headings, parsed.heading_at


def _furniture_between(lines: list[str], last: str, first: str) -> bool:
    """Does the page print an end marker (你可能还想看, 相关阅读) or a list item's stamp between the
    line holding ``last`` and the one holding ``first``?"""
    lb, fb = _bare(last)[:40], _bare(first)[:40]
    at = next((i for i, line in enumerate(lines) if lb and lb in _bare(line)), None)
    to = next((i for i, line in enumerate(lines) if fb and fb in _bare(line)), None)
    if at is None or to is None or to <= at:
        return False
    return any(is_end_marker(line) or headline.is_meta(line) for line in lines[at + 1 : to])


def _coverage(part: str, whole: str, n: int = 6) -> float:
    """The share of ``part``'s character n-grams found in ``whole`` (whitespace ignored)."""
    part, whole = re.sub(r"\s+", "", part), re.sub(r"\s+", "", whole)
    grams = {part[i : i + n] for i in range(max(1, len(part) - n + 1))}
    if not grams:
        return 0.0
    have = {whole[i : i + n] for i in range(max(1, len(whole) - n + 1))}
    return len(grams & have) / len(grams)


def page_meta(tree) -> PageMeta:
    """Title, date, author, source and url from the page's ``<head>``.

    The ``<meta>`` tags are read once (the first value of each key wins); the titles come from
    :func:`_page_titles`, the other fields from the tags, with a marked-up date as a fallback.
    """
    metas: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in metas:
            metas[key] = value

    def first(*keys: str) -> str:
        for key in keys:
            if metas.get(key):
                return metas[key]
        return ""

    meta = PageMeta()
    page_title = _page_titles(tree, meta, _clean(first("og:title", "twitter:title", "title", "headline")))
    meta.date = iso_date(
        first(
            "article:published_time",
            "og:release_date",
            "publishdate",
            "pubdate",
            "publish_date",
            "datepublished",
            "date",
            "dc.date",
            "dc.date.issued",
        )
    )
    site = " ".join(
        [page_title, first("og:url", "canonical", "og:site_name", "application-name", "copyright")]
    )
    meta.site = site
    author = first("article:author", "author", "dc.creator", "byl")
    if _good_author(author, site):
        meta.byline = author
        meta.authors = split_authors(_LABEL.sub("", author))
    meta.source = _SOURCE_LABEL.sub("", _clean(first("source", "mediaid", "dc.publisher")))
    meta.site_name = _clean(first("og:site_name", "application-name")) or site_suffix(page_title)
    meta.url = first("og:url", "canonical")
    meta.column = _clean(first("article:section", "category", "column"))
    if not meta.date:
        meta.date = _marked_date(tree)
    if meta.column and meta.title.endswith(meta.column):  # 標題 - 產業．科技
        head = re.sub(r"\s*[-–—_|｜]\s*$", "", meta.title[: -len(meta.column)])
        if len(head) >= 4 and head != meta.title[: -len(meta.column)]:
            meta.title = head
    return meta


def _page_titles(tree, meta: PageMeta, og: str) -> str:
    """Fill ``meta``'s title fields from the ``<title>``, the og title ``og`` and the ``<h1>`` headings;
    returns the ``<title>``'s text. The title is the og title without the site, else the ``<h1>``
    the ``<title>`` names, else the ``<title>`` without the site."""
    title_tag = tree.find(".//title")
    page_title = _clean(title_tag.text_content()) if title_tag is not None else ""
    heads = [_clean(h.text_content()) for h in tree.iter("h1")]
    heads = [h for h in heads if h and _CJK.search(h) and len(h) <= 100]
    stripped = strip_site_suffix(page_title)
    meta.titles = tuple(t for t in (page_title, og) if t)
    meta.title_site = _title_site(page_title)
    meta.og_title = og
    meta.headings = tuple(heads)
    if og:
        meta.title = strip_site_suffix(og)
    else:
        meta.title = (
            next((h for h in heads if stripped and (h in page_title or stripped in h)), "") or stripped
        )
    return page_title


def _marked_date(tree) -> str:
    """The publication date the page marks up: ``itemprop="datePublished"``, else its first ``<time>``."""
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if (el.get("itemprop") or "").lower() == "datepublished":
            date = iso_date(el.get("content") or el.get("datetime") or el.text_content())
            if date:
                return date
    for el in tree.iter("time"):
        date = iso_date(el.get("datetime") or el.text_content())
        if date:
            return date
    return ""


def _good_author(author: str, site: str = "") -> bool:
    """A person's name or byline, not the site's name, a URL, a number or a scrap of page furniture."""
    author = (author or "").strip()
    if not author or len(author) > 40 or author.startswith("http") or "@" in author:
        return False
    if re.fullmatch(r"[\d\W_]+", author) or _JUNK_AUTHOR.search(author):
        return False
    name = _LABEL.sub("", author)
    if name.lower() in site.lower():  # 网易 on a 网易 page, chinanews on chinanews.com
        return False
    return not (_CJK.search(name) and _CJK_SITE.search(name) and not _REPORTER.search(author))


def strip_site_suffix(title: str) -> str:
    """``正文标题 -中新网`` → ``正文标题``: drop short site or channel names after a separator.

    Only a trailing part that names a site (网, 报, 新闻, 频道, a domain ...) goes, so
    ``深观察｜正文标题`` keeps its column prefix and the title stays whole.
    """
    title = title.strip()
    for _ in range(3):
        match = _TITLE_TAIL.search(title)
        if not match or len(title) - len(match.group(0)) < 4 or not _SITE_WORD.search(match.group(1)):
            break
        title = title[: match.start()].strip()
    return title


def _title_site(title: str) -> str:
    """The first part of a ``<title>`` after the headline that names a Chinese site (``BBC中文网``)."""
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title or "")]
    for part in parts[1:]:
        if 2 <= len(part) <= 20 and _CJK.search(part) and _CJK_SITE.search(part):
            return part
    return ""


def site_suffix(title: str) -> str:
    """The site name that :func:`strip_site_suffix` takes off a ``<title>`` ('' if none)."""
    stripped = strip_site_suffix(title)
    if stripped == title.strip():
        return ""
    match = _TITLE_TAIL.search(title.strip())
    return match.group(1).strip() if match else ""


def _clean(text: str) -> str:
    """Runs of spaces and line breaks as one space; a full-width space (a Chinese separator) is kept."""
    return re.sub(r"[^\S\u3000]+", " ", text or "").strip()


def _merge_trafilatura_meta(meta: PageMeta, doc) -> None:
    if not meta.title and doc.title:
        meta.title = strip_site_suffix(_clean(doc.title))
    if not meta.date and doc.date:
        meta.date = doc.date[:10]
    if not meta.authors and doc.author:
        author = _clean(doc.author)
        if _good_author(author, meta.site + " " + (doc.sitename or "") + " " + (doc.hostname or "")):
            meta.byline = author
            meta.authors = split_authors(_LABEL.sub("", author))
        elif re.match(r"^\s*(?:责任编辑|責任編輯)\s*[:：]", author):
            meta.editor = re.sub(r"^\s*(?:责任编辑|責任編輯)\s*[:：]\s*", "", author)
    if not meta.url and doc.url:
        meta.url = doc.url


def _lines_of(el) -> list[tuple[str, int]]:
    """An element's text split at line breaks (``<lb/>``), each with how much of it is link text."""
    lines: list[list[str]] = [[]]
    linked: list[int] = [0]

    def walk(node, in_link: bool) -> None:
        if node.tag == "lb":
            lines.append([])
            linked.append(0)
        elif node.text:
            lines[-1].append(node.text)
            if in_link or node.tag == "ref":
                linked[-1] += len(node.text.strip())
        for child in node:
            walk(child, in_link or node.tag == "ref")
            if child.tail:
                lines[-1].append(child.tail)
                if in_link or node.tag == "ref":
                    linked[-1] += len(child.tail.strip())

    walk(el, False)
    out = []
    for parts, link_chars in zip(lines, linked, strict=True):
        text = _clean("".join(parts))
        if text:
            out.append((text, link_chars))
    return out


def _is_texty(text: str, linked: int) -> bool:
    """Not a link, menu entry or counter: mostly unlinked, a sentence or a long line."""
    return linked <= len(text) / 2


def _blocks(body) -> list[tuple[str, str]]:
    """``(kind, text)`` blocks of the extracted body, without link lists, chrome lines and trailing heads."""
    out: list[tuple[str, str]] = []
    children = [child for child in body if child.tag in _BLOCKS]
    whole = "".join(children[0].itertext()) if len(children) == 1 and children[0].tag == "p" else ""
    if whole.count("\n") >= 2:
        # trafilatura's fallback for short pages: the whole page text in one block, a line per element
        out = [("paragraph", line) for line in (_clean(x) for x in whole.split("\n")) if line]
    else:
        _collect(body, out)
    out = _cut_chrome(out)
    last_text = max(
        (i for i, (kind, t) in enumerate(out) if kind == "paragraph" and _is_sentence(t)), default=-1
    )
    for i in range(last_text + 1, len(out)):
        if out[i][0] == "heading":  # a section head after the last real paragraph: related links, footer
            del out[i:]
            break
    while out and (out[-1][0] == "heading" or _tail_scrap(out[-1][1])):
        out.pop()
    return out


def _tail_scrap(text: str) -> bool:
    """A short last line that is neither a sentence nor a byline: a widget or promo left at the end."""
    bare = re.sub(r"\s*[（(][^（）()]{1,24}[）)]$", "", text)  # a trailing (记者 某某) or (某某)
    if len(text) > 80 or _FINAL.search(bare) or _EDITOR.match(text) or _BARE_NAMES.fullmatch(text):
        return False
    return parse_byline(text) is None


def _is_sentence(text: str) -> bool:
    return len(text) >= 30 and bool(re.search(r"[，。！？；：,.!?;]", text))


def _has_blocks(el) -> bool:
    return any(child.tag in _BLOCKS for child in el)


def _collect(container, out: list[tuple[str, str]]) -> None:
    """Walk trafilatura's tree: paragraphs and heads as they come, lists and tables by their items."""
    loose = _clean(container.text or "")
    if loose and container.tag in ("item", "cell"):
        out.append(("paragraph", loose))
    for el in container:
        if el.tag in ("p", "head", "quote", "code"):
            kind = "heading" if el.tag == "head" else "paragraph"
            out.extend((kind, text) for text, linked in _lines_of(el) if _is_texty(text, linked))
        elif el.tag == "list":
            for item in el.iter("item"):
                if item.getparent() is not el:
                    continue
                if _has_blocks(item):
                    _collect(item, out)
                    continue
                # menus and related-story lists have short or linked items; real lists are sentences
                for text, linked in _lines_of(item):
                    if _is_texty(text, linked) and (len(text) >= 40 or _SENTENCE_END.search(text)):
                        out.append(("paragraph", text))
        elif el.tag == "table":
            for row in el.iter("row"):
                cells = [c for c in row if c.tag == "cell"]
                if any(_has_blocks(c) for c in cells):
                    for cell in cells:
                        _collect(cell, out)
                    continue
                line = " ".join(t for c in cells for t, linked in _lines_of(c) if _is_texty(t, linked))
                if line:
                    out.append(("paragraph", line))
        elif len(el):
            _collect(el, out)
        tail = _clean(el.tail or "")
        if tail and container.tag in ("item", "cell") and el.tag in _BLOCKS:
            out.append(("paragraph", tail))


def _cut_chrome(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop boilerplate lines and everything after an end marker (相关阅读, 版权所有 ...).

    An editor line (责任编辑：…) that ends the body is kept for the text-page parser.
    """
    out: list[tuple[str, str]] = []
    substantial = 0
    for kind, text in blocks:
        if substantial and is_end_marker(text):
            if _EDITOR.match(text):
                out.append(("paragraph", text))
            break
        if is_drop_line(text):
            continue
        out.append((kind, text))
        if kind == "paragraph" and len(text) >= 30:
            substantial += 1
    return out


def _to_story(meta: PageMeta, blocks: list[tuple[str, str]], file: str, tree) -> Story:
    if blocks and meta.title:
        at = next((i for i, (_k, text) in enumerate(blocks[:6]) if _same(text, meta.title)), -1)
        if at >= 0 and all(len(text) <= 40 for _k, text in blocks[:at]):
            blocks = blocks[at + 1 :]  # the headline, and any menu scraps above it
    if blocks and meta.title:
        first = blocks[0][1]
        if len(first) >= 8 and meta.title.startswith(first) and len(first) >= 0.6 * len(meta.title):
            meta.title = first  # <title> had a column or site name after the headline
            blocks = blocks[1:]
    parsed = _parse_blocks(meta, blocks, file)
    story = parsed or Story(title=meta.title, paragraphs=[t for _k, t in blocks])
    if meta.title:
        story.title = meta.title
        if story.paragraphs and _same(story.paragraphs[0], meta.title):
            story.paragraphs.pop(0)
            story.heading_at = [max(0, i - 1) for i in story.heading_at]
    story.date = meta.date or story.date
    if meta.authors and _named_as_editor(tree, meta.authors):
        # 【编辑:陈海峰】: trafilatura's author guess (or a meta tag) naming the page's editor
        story.editor = story.editor or "、".join(meta.authors)
        meta.authors = []
    if meta.authors:
        story.authors = meta.authors
        story.byline = story.byline or meta.byline
    # an explicit source meta tag, a 来源 line in the body, one elsewhere on the page, the site itself
    story.source = meta.source or story.source or _source_from_page(tree, meta.title) or meta.site_name
    story.url = meta.url or story.url
    story.column = story.column or meta.column
    story.editor = story.editor or meta.editor
    return story


def _stories_from_lines(lines: list[str], meta: PageMeta, file: str, tree) -> list[Story]:
    """The page read as the lines a reader sees, by the text-page model, with the ``<head>``'s metadata.

    The headline is the line the text-page model finds above the story, weighed with the page's
    ``<title>``, ``og:title`` and ``<h1>``; date, authors, source and url from the markup fill in or
    (for an explicit publication time or source) override what the text says.
    """
    if not lines:
        return []
    evidence = headline.Evidence(titles=meta.titles, headings=meta.headings, exact_blocks=True)
    stories = [s for s in parse_text("\n\n".join(lines), file, evidence) if s.paragraphs]
    if not stories or not any(_CJK.search(p) for s in stories for p in s.paragraphs):
        return []

    # a page is one article: the story the page names in <title>/<h1>, else the one holding most text
    def named(story: Story) -> int:
        bare = _bare(story.title)
        if bare and any(bare in _bare(t) for t in meta.titles):
            return 2
        return int(bool(bare) and any(bare in _bare(h) for h in meta.headings))

    # among stories the page names equally, the first (sponsored stories follow the article)
    ranked = [
        (named(s), 0 if named(s) else sum(len(p) for p in s.paragraphs), -i) for i, s in enumerate(stories)
    ]
    main = stories[ranked.index(max(ranked))]
    main.title = _refine_title(main.title, meta) or meta.title
    _drop_leading_captions(main, caption_texts(tree))
    # the markup's publication time, unless it is only a month and the page prints the day
    main.date = meta.date if meta.date and (len(meta.date) == 10 or len(main.date) < 10) else main.date
    if meta.authors and _named_as_editor(tree, meta.authors):
        main.editor = main.editor or "、".join(meta.authors)
        meta.authors = []
    if meta.authors and not main.authors:
        main.authors = meta.authors
        main.byline = main.byline or meta.byline
    publisher = meta.source if _CJK.search(meta.source) or not meta.title_site else meta.title_site
    main.source = main.source or publisher or _source_from_page(tree, main.title) or meta.site_name
    main.url = meta.url or main.url
    main.column = main.column or meta.column
    main.editor = main.editor or meta.editor
    return [main]


def _drop_leading_captions(story: Story, captions: set[str]) -> None:
    """Picture captions over the first paragraph are not story text (captions further down are kept)."""
    captions = {_bare(c) for c in captions}
    while len(story.paragraphs) > 1 and story.heading_at[:1] != [0]:
        bare = _bare(story.paragraphs[0])
        if not any(bare == c or c.startswith(bare) and len(bare) >= 8 for c in captions):
            break
        story.paragraphs.pop(0)
        story.heading_at = [max(0, i - 1) for i in story.heading_at]


def _refine_title(title: str, meta: PageMeta) -> str:
    """The headline without what ``<title>`` glues on: an ``<h1>`` in it, or its head before a site name."""
    if not title:
        return ""
    bare = _bare(title)
    og = meta.og_title
    if og and not any(bare in _bare(t) for t in meta.titles) and any(bare == _bare(h) for h in meta.headings):
        return strip_site_suffix(og)  # the printed <h1> is a variant; og:title is the article's own title
    if any(bare == _bare(t) for t in meta.titles):
        for h in meta.headings:
            hb = _bare(h)
            if len(hb) >= 5 and hb != bare and hb in bare:
                return h
        stripped = strip_site_suffix(title)
        if stripped != title:
            return stripped
    return title


def _named_as_editor(tree, names: list[str]) -> bool:
    """Does the page call every one of ``names`` its editor (``编辑：``, ``【編輯:…】``)?"""
    try:
        text = tree.text_content()
    except (AttributeError, ValueError):
        return False
    return all(
        re.search(rf"(?:责任编辑|責任編輯|编辑|編輯)\s{{0,2}}[:：]\s{{0,2}}{re.escape(name)}", text)
        for name in names
    )


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W", "", a) == re.sub(r"\W", "", b)


def _parse_blocks(meta: PageMeta, blocks: list[tuple[str, str]], file: str) -> Story | None:
    """Run the blocks through the text-page rules; the story that holds most of the body."""
    lines = [meta.title, ""] if meta.title else []
    for _kind, text in blocks:
        lines += [text, ""]
    try:
        stories = parse_text("\n".join(lines), file)
    except Exception:  # the parser's failure leaves the plain blocks
        return None
    if not stories:
        return None
    if len(stories) == 1:
        return stories[0]
    # a page is one article: join what the parser split, keeping the first story's metadata
    first = stories[0]
    for other in stories[1:]:
        offset = len(first.paragraphs)
        if other.title and other.title != first.title:
            first.headings.append(other.title)
            first.heading_at.append(offset)
        first.headings += other.headings
        first.heading_at += [offset + i for i in other.heading_at]
        first.paragraphs += other.paragraphs
        first.authors += [a for a in other.authors if a not in first.authors]
    return first


def _source_from_page(tree, title: str) -> str:
    """A ``来源：…`` line in the page text (outside the extracted body), nearest after the title."""
    try:
        text = tree.body.text_content() if tree.body is not None else ""
    except Exception:
        return ""
    start = text.find(title) if title else -1
    window = text[start : start + 3000] if start >= 0 else text[:20000]
    match = _SOURCE_LINE.search(window)
    return match.group(1).strip() if match else ""
