"""Finishing a Qt-made PDF with pypdf: bookmarks, clickable contents, document info.

QPdfWriter writes no outline, so after painting we reopen the file with pypdf,
add one bookmark per story (plus one for the contents), link each contents line
to its story's first page, set the title and open the viewer on the outline.
Qt embeds only the glyphs used but names the font without the subset tag that
PDF 1.7 §9.6.4 asks for (``ABCDEF+Name``); we add it.
"""

from __future__ import annotations

import hashlib
import io
import re
import string
from dataclasses import dataclass
from pathlib import Path

from reader.atomicfile import replacing


@dataclass
class OutlineEntry:
    """A bookmark: its title and the 0-based page it opens."""

    title: str
    page: int


@dataclass
class TocLink:
    """A clickable contents line: on 0-based ``page``, ``rect`` (x0, y0, x1, y1 points) opens ``target``."""

    page: int
    rect: tuple[float, float, float, float]
    target: int


def finish_pdf(
    path: Path,
    outline: list[OutlineEntry],
    links: list[TocLink],
    *,
    title: str,
    toc_page: int | None = None,
    contents_title: str = "",
    astral: list[str] | None = None,
    lang: str = "",
) -> None:
    """Rewrite ``path`` in place with bookmarks, links and metadata."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import Fit

    reader = PdfReader(str(path))
    writer = PdfWriter(clone_from=reader)
    if toc_page is not None and contents_title:
        writer.add_outline_item(title=contents_title, page_number=toc_page, fit=Fit.fit())
    for entry in outline:
        writer.add_outline_item(
            title=entry.title, page_number=entry.page, fit=Fit.xyz(top=None, left=None, zoom=None)
        )
    for link in links:
        if 0 <= link.page < len(writer.pages) and 0 <= link.target < len(writer.pages):
            writer.add_annotation(link.page, Link(rect=link.rect, target_page_index=link.target))
    if astral:
        _map_astral(writer, astral)
    _tag_subsets(writer)
    writer.add_metadata({"/Title": title, "/Creator": "reader", "/Producer": "reader (Qt, pypdf)"})
    writer.page_mode = "/UseOutlines"
    if lang:  # the document language, for screen readers and text-to-speech
        from pypdf.generic import NameObject, TextStringObject

        writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
    with replacing(path, durable=False) as tmp, open(tmp, "wb") as fh:
        writer.write(fh)


def _subset_tag(data: bytes) -> str:
    digest = hashlib.sha1(data).digest()
    return "".join(string.ascii_uppercase[b % 26] for b in digest[:6])


def _tag_subsets(writer) -> None:
    """Prefix each embedded (subset) font's names with a six-letter tag derived from its data."""
    from pypdf.generic import NameObject

    seen: dict[int, str] = {}
    for page in writer.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        if not fonts:
            continue
        for ref in fonts.get_object().values():
            font = ref.get_object()
            parts = [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]
            for part in parts:
                descriptor = part.get("/FontDescriptor")
                if descriptor is None:
                    continue
                descriptor = descriptor.get_object()
                stream = next(
                    (descriptor[k] for k in ("/FontFile2", "/FontFile3", "/FontFile") if k in descriptor),
                    None,
                )
                if stream is None:
                    continue
                key = id(stream.get_object())
                if key not in seen:
                    seen[key] = _subset_tag(stream.get_object().get_data())
                tag = seen[key]
                for obj, field in ((descriptor, "/FontName"), (part, "/BaseFont"), (font, "/BaseFont")):
                    name = str(obj.get(field, ""))
                    if name and "+" not in name:
                        obj[NameObject(field)] = NameObject(f"/{tag}+{name.lstrip('/')}")


_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def _mapped_cids(cmap: bytes) -> set[int]:
    mapped: set[int] = set()
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, _dst in _RANGE.findall(section):
            mapped.update(range(int(lo, 16), int(hi, 16) + 1))
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        mapped.update(int(src, 16) for src, _dst in _CHAR.findall(section))
    return mapped


def _map_astral(writer, astral: list[str]) -> None:
    """Name the glyphs of characters beyond U+FFFF, which Qt leaves out of the ToUnicode map.

    Qt numbers a subset's glyphs in the order it first draws them and maps each
    back through the BMP only, so those glyphs have no entry. The exporter records
    what it paints; the k-th unmapped glyph is then the k-th such character. We only
    write the entries when the counts agree in the document's single CJK font.
    """
    from fontTools.ttLib import TTFont  # only for a PDF with characters beyond the BMP (rare)

    fonts = {}
    for page in writer.pages:
        resources = page.get("/Resources")
        font_dict = resources.get_object().get("/Font") if resources else None
        for ref in font_dict.get_object().values() if font_dict else []:
            font = ref.get_object()
            if "/ToUnicode" in font and "/DescendantFonts" in font:
                fonts[id(font)] = font
    candidates = []
    for font in fonts.values():
        cmap = font["/ToUnicode"].get_object().get_data()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        stream = descriptor.get("/FontFile2")
        if stream is None:
            continue
        glyphs = TTFont(io.BytesIO(stream.get_object().get_data()))["maxp"].numGlyphs
        missing = sorted(set(range(1, glyphs)) - _mapped_cids(cmap))
        if missing:
            candidates.append((font, cmap, missing))
    if len(candidates) != 1 or len(candidates[0][2]) != len(astral):
        return
    font, cmap, missing = candidates[0]
    entries = b"".join(
        b"<%04X> <%s>\n" % (cid, ch.encode("utf-16-be").hex().upper().encode())
        for cid, ch in zip(missing, astral, strict=True)
    )
    new = cmap.replace(b"endcmap", b"%d beginbfchar\n%sendbfchar\nendcmap" % (len(missing), entries), 1)
    font["/ToUnicode"].get_object().set_data(new)
