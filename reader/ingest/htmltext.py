"""An HTML page as the lines of text a reader sees: block elements break lines, hidden parts left out.

The result looks like a whole-page text rendering (the ``<title>`` first, then menus, headline,
story, footer), so the text-page model (:mod:`reader.ingest.chrome`, :mod:`reader.ingest.headline`)
reads HTML and text renderings with the same evidence. Scripts, styles, comments, form controls and
elements hidden with ``display:none`` or ``hidden`` are not text a reader sees.
"""

from __future__ import annotations

import re

_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li td th tr br section article header footer ul ol table dd dt dl "
    "blockquote pre nav aside form hr figure figcaption main tbody thead tfoot center address caption".split()
)
_SKIP = frozenset(
    "script style noscript template iframe svg head textarea select option button object embed".split()
)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACE = re.compile(r"[^\S\u3000]+")
#: Elements deeper than this are read as text without further structure (hostile nesting).
MAX_DEPTH = 200


_CAPTION_CLASS = re.compile(
    r"caption|picinfo|pic[-_]?(?:desc|text|txt|note)|img[-_]?(?:desc|text|txt|note)|photo[-_]?(?:desc|text|txt)",
    re.IGNORECASE,
)


def caption_texts(tree) -> set[str]:
    """Texts the page marks as picture captions (``<figcaption>``, caption classes, an image's alt text)."""
    out: set[str] = set()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag == "img":
            for attr in ("alt", "title"):
                text = _SPACE.sub(" ", el.get(attr) or "").strip()
                if len(text) >= 8:
                    out.add(text)
        elif tag == "figcaption" or _CAPTION_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            text = _SPACE.sub(" ", el.text_content()).strip()
            if text:
                out.add(text)
    return out


def _hidden(el) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN.search(el.get("style") or ""))


def page_lines(tree) -> list[str]:
    """The page's visible text, one line per block, its ``<title>`` first."""
    parts: list[list[str]] = [[]]

    def walk(el, depth: int) -> None:
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None or tag.lower() in _SKIP or _hidden(el):
            return  # comments, processing instructions, invisible parts
        tag = tag.lower()
        block = tag in _BLOCK
        if block:
            parts.append([])
        if el.text:
            parts[-1].append(el.text)
        if depth < MAX_DEPTH:
            for child in el:
                walk(child, depth + 1)
                if child.tail:
                    parts[-1].append(child.tail)
        else:
            parts[-1].append(el.text_content())
        if block:
            parts.append([])

    lines: list[str] = []
    title = tree.find(".//title")
    if title is not None:
        text = _SPACE.sub(" ", title.text_content()).strip()
        if text:
            lines.append(text)
    body = tree.body if tree.find(".//body") is not None else tree
    walk(body, 0)
    for chunk in parts:
        text = _SPACE.sub(" ", "".join(chunk)).strip()
        if text:
            lines.append(text)
    return lines
