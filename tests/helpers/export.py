"""Export test helpers: the archive's stories, made-up stories and PDF text extraction."""

from __future__ import annotations

from pathlib import Path

from reader import paths
from reader.story import Story, assign_ids


def archive_stories() -> list[Story]:
    """Every story of the bundled archive, read with the real ingest."""
    from reader.ingest import iter_files, read_file

    stories: list[Story] = []
    for path in iter_files([paths.bundled_archive()]):
        stories.extend(read_file(path).stories)
    assert stories, "the bundled archive has no stories"
    return stories


def made_story(title: str, paragraphs: list[str], **fields) -> Story:
    story = Story(title=title, paragraphs=paragraphs, **fields)
    assign_ids([story], fields.get("file", "made.txt"))
    return story


def squeeze(text: str) -> str:
    return "".join(text.split())


def page_texts(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(pdf)).pages]


def _strip_prefix(text: str, head: str) -> str:
    """Remove ``head`` from the start of ``text``, or its elided form (a prefix of it then "…")."""
    if text.startswith(head):
        return text[len(head) :]
    k = 0
    while k < len(head) and k < len(text) and text[k] == head[k]:
        k += 1
    assert k > 0 and text[k : k + 1] == "…", f"running header {head!r} not found at {text[:40]!r}"
    return text[k + 1 :]


def body_text(pages: list[str], start: int, end: int, header: tuple[str, str]) -> str:
    """Squeezed text of 0-based pages [start, end) without the running header and the page number.

    Every page is painted header first (export title, story title; either may be
    elided with "…"), then the body, then the page number.
    """
    out = []
    for number, page_text in enumerate(pages[start:end], start=start + 1):
        text = squeeze(page_text)
        for head in header:
            text = _strip_prefix(text, squeeze(head))
        assert text.endswith(str(number)), f"page {number} does not end with its number"
        out.append(text[: -len(str(number))])
    return "".join(out)
