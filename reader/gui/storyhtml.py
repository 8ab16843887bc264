"""A story as HTML for the reading pane: typeset for reading Chinese.

Title, subtitle, a meta line (date · source · column), byline, then subheads
and paragraphs in reading order. Article text is converted to the reader's
script (reader.text.convert) unless already written in it; interface words come in already translated.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from reader.export.labels import labels
from reader.story import Story
from reader.text.convert import story_script
from reader.text.convertcache import shown


@dataclass
class Palette:
    """Colours of the reading pane for one theme."""

    text: str
    muted: str
    heading: str
    background: str
    hit: str
    current_hit: str
    find: str
    current_find: str  # unlike current_hit, so the two "current" marks are never confused


PALETTES = {
    "light": Palette("#1d1d1f", "#6e6e73", "#8a1c1c", "#fbfaf7", "#ffe58a", "#ff9f1a", "#9ad0ff", "#3d8bfd"),
    "dark": Palette("#e6e3dc", "#9d9a92", "#f0a58f", "#1e1f22", "#6b5a12", "#c0640a", "#1f5a8a", "#2f7fd8"),
}


def stylesheet(theme: str, font_px: int) -> str:
    """The document stylesheet (QTextDocument's CSS subset)."""
    pal = PALETTES.get(theme, PALETTES["light"])
    return (
        f"body {{ color: {pal.text}; }}"
        f"h1 {{ font-size: {round(font_px * 1.6)}px; font-weight: 700; line-height: 140%;"
        f" margin-top: 0px; margin-bottom: {font_px // 2}px; }}"
        f"p.subtitle {{ font-size: {round(font_px * 1.15)}px; color: {pal.muted}; line-height: 150%;"
        f" margin-top: 0px; margin-bottom: {font_px // 2}px; }}"
        f"p.meta {{ font-size: {round(font_px * 0.85)}px; color: {pal.muted}; margin-top: 0px;"
        f" margin-bottom: 2px; }}"
        f"p.byline {{ font-size: {round(font_px * 0.85)}px; color: {pal.muted}; margin-top: 0px;"
        f" margin-bottom: {font_px}px; }}"
        f"h3 {{ font-size: {round(font_px * 1.1)}px; font-weight: 700; color: {pal.heading};"
        f" text-align: center; margin-top: {font_px}px; margin-bottom: {font_px // 2}px;"
        f" line-height: 160%; }}"
        f"p.body {{ line-height: 180%; text-indent: {font_px * 2}px; margin-top: 0px;"
        f" margin-bottom: {round(font_px * 0.6)}px; }}"
    )


def story_html(story: Story, script: str = "zh-hans", *, byline_label: str = "") -> str:
    """The story's HTML body in ``script`` (as written when the story is already in it)."""
    written = story_script(story)

    def conv(text: str) -> str:
        return html.escape(shown(text, script, written)) if text else ""

    parts = [f"<h1>{conv(story.title)}</h1>"]
    if story.subtitle:
        parts.append(f'<p class="subtitle">{conv(story.subtitle)}</p>')
    meta = [x for x in (story.date, story.source, story.column, story.place) if x]
    if meta:
        parts.append('<p class="meta">' + " · ".join(conv(x) for x in meta) + "</p>")
    byline = story.byline_line()
    if byline:
        label = html.escape(byline_label) + " " if byline_label and not story.byline else ""
        parts.append(f'<p class="byline">{label}{conv(byline)}</p>')
    for kind, text in story.blocks():
        if kind == "heading":
            lines = "<br/>".join(conv(line.strip()) for line in text.split("/"))
            parts.append(f"<h3>{lines}</h3>")
        else:
            parts.append(f'<p class="body">{conv(text.strip())}</p>')
    if story.edition:  # the print edition the page credits, under the text as the paper prints it
        parts.append(f'<p class="meta">{conv(story.edition)}</p>')
    if story.editor:  # the editor's credit, as the PDF prints it (the label in the script shown)
        parts.append(f'<p class="meta">{html.escape(labels(script)["editor"])}：{conv(story.editor)}</p>')
    for line in story.asides_to_print():  # credits and date lines the page prints with the story
        parts.append(f'<p class="meta">{conv(line)}</p>')
    return "<html><body>" + "".join(parts) + "</body></html>"
