"""Second looks at classified lines: what a line is can depend on its neighbours.

:func:`reclass` runs these passes over a page's lines before they are grouped
into stories (:mod:`.textpage`):

* a long unpunctuated line right above a date/source line is a headline;
  a channel label (``国际联播快讯``) over its own date line is one too;
* a short line next to a lone photo credit, or shaped like a caption
  (``图为…``), is a paragraph, never a subhead;
* the short line above a microblog post stamp is the posting account: the source.
"""

from __future__ import annotations

from reader.ingest import boilerplate, bylines
from reader.ingest.lines import PARA_END, Line, last_char


def reclass(lines: list[Line]) -> None:
    """Run every pass over ``lines`` in place."""
    long_titles(lines)
    captions(lines)
    post_accounts(lines)


#: A headline above a date/source line may be this long (long 新闻联播 item titles).
MAX_TITLE_CHARS = 120


def post_accounts(lines: list[Line]) -> None:
    """The short line above a microblog post stamp is the posting account: the source."""
    for i in range(1, len(lines)):
        meta = lines[i].meta
        above = lines[i - 1]
        if meta is not None and meta.post and above.kind == "short" and len(above.text) <= 20:
            above.kind, above.meta = "meta", bylines.Byline(text="", source=above.text)


def captions(lines: list[Line]) -> None:
    """Picture captions are paragraphs, not subheads.

    A caption is a short line next to a lone photo credit (``新华社记者 李华 摄``,
    dropped itself), or one shaped like a caption (``图为…``, ``…（李华 摄）``).
    """
    for i, ln in enumerate(lines):
        if ln.kind != "short" or ln.forced_heading:
            continue
        near_credit = any(
            0 <= k < len(lines) and lines[k].kind == "drop" and boilerplate.is_photo_credit(lines[k].text)
            for k in (i - 1, i + 1)
        )
        if (near_credit and len(ln.text) <= 40) or boilerplate.is_caption(ln.text):
            ln.kind = "para"


def long_titles(lines: list[Line]) -> None:
    """A long unpunctuated line right above a date/source line is a headline, not a paragraph.

    The first text line of a page needs no such shape (``「…永不忘記。」`` titles end in quotes).
    """
    at_start = True
    for i, ln in enumerate(lines):
        if (
            ln.kind == "para"
            and len(ln.text) <= MAX_TITLE_CHARS
            and (at_start or ("。" not in ln.text and last_char(ln.text) not in PARA_END))
        ):
            j = i + 1
            while j < len(lines) and lines[j].kind == "drop":
                j += 1
            nxt = lines[j] if j < len(lines) else None
            if nxt is not None and nxt.kind == "meta" and nxt.meta and (nxt.meta.date or nxt.meta.source):
                ln.kind = "short"
        if ln.kind == "column" and not boilerplate.column_label(ln.text):
            nxt = next((x for x in lines[i + 1 : i + 4] if x.kind != "drop"), None)
            if nxt is not None and nxt.kind == "meta" and nxt.meta and (nxt.meta.date or nxt.meta.source):
                ln.kind = "short"  # "国际联播快讯" over its date line is a headline, not a channel label
        if ln.kind not in ("drop", "meta"):
            at_start = False
