"""What reprinted copies changed, as HTML for the reading pane (from :mod:`reader.service.reprints`).

One section per copy against the group's original: a head naming both (title, source,
date, similarity), then the paragraphs in reading order: unchanged ones muted and cut short, removed
ones struck through in red, added ones on green, changed ones with the characters each
side has of its own marked the same way. Each side's text is shown in the reader's
script as :func:`reader.text.convertcache.shown` shows any story (as written when already in it).
Interface words come in already translated (``labels``).
"""

from __future__ import annotations

import html

from reader.gui.storyhtml import PALETTES
from reader.index.reprints import Copy
from reader.service.reprints import CopyDiff
from reader.text.convert import written_script
from reader.text.convertcache import shown
from reader.text.paradiff import inline_diff

REMOVED = "background-color:#fde2e1; color:#a11a12; text-decoration: line-through;"
ADDED = "background-color:#dcf5dc; color:#1b5e20;"
#: An unchanged paragraph is shown by its first characters only.
SAME_SHOWN = 40


def _who(copy: Copy) -> str:
    return " · ".join(x for x in (copy.source, copy.date) if x)


def differences_html(original: Copy, diffs: list[CopyDiff], script: str, theme: str, labels: dict) -> str:
    """The sections of ``diffs`` (each a copy against ``original``) as one HTML document."""
    pal = PALETTES.get(theme, PALETTES["light"])
    parts = [f"<h1>{html.escape(labels['title'])}</h1>"]
    for diff in diffs:
        written_a = written_script("".join(c.original for c in diff.changes))
        written_b = written_script("".join(c.copy for c in diff.changes))

        def conv(text: str, written: str) -> str:
            return html.escape(shown(text, script, written)) if text else ""

        head = labels["against"].replace("%1", conv(diff.copy.title, written_b))
        head = head.replace("%2", conv(original.title, written_a))
        parts.append(f"<h3>{head}</h3>")
        meta = [
            f"{html.escape(labels['copy'])}: {conv(_who(diff.copy), written_b)}",
            f"{html.escape(labels['original'])}: {conv(_who(original), written_a)}",
            labels["similarity"].replace("%1", f"{round(diff.similarity * 100)}%"),
        ]
        parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
        if not any(c.op != "same" for c in diff.changes):
            parts.append(f'<p class="meta">{html.escape(labels["same"])}</p>')
        for change in diff.changes:
            if change.op == "same":  # the start of it, to keep one's place
                cut = change.copy if len(change.copy) <= SAME_SHOWN else change.copy[:SAME_SHOWN] + "…"
                parts.append(f'<p class="body" style="color:{pal.muted}">{conv(cut, written_b)}</p>')
            elif change.op == "removed":
                body = conv(change.original, written_a)
                parts.append(f'<p class="body"><span style="{REMOVED}">{body}</span></p>')
            elif change.op == "added":
                body = conv(change.copy, written_b)
                parts.append(f'<p class="body"><span style="{ADDED}">{body}</span></p>')
            else:
                runs = []
                for op, a, b in inline_diff(change.original, change.copy):
                    if op == "same":
                        runs.append(conv(b, written_b))
                        continue
                    if a:
                        runs.append(f'<span style="{REMOVED}">{conv(a, written_a)}</span>')
                    if b:
                        runs.append(f'<span style="{ADDED}">{conv(b, written_b)}</span>')
                parts.append(f'<p class="body">{"".join(runs)}</p>')
    return "<html><body>" + "".join(parts) + "</body></html>"
