"""A story's reprint group as the CLI and the app show it: the original, every copy, what each changed.

Groups themselves are the index's (:mod:`reader.index.reprints`); this joins them with
the stories' texts (the paragraph diff of :mod:`reader.text.paradiff`) and with the
user's bookmarks (a listing marks the copies the user bookmarked; searches never fold
a bookmarked story into its group's row: :func:`grouped_request`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Protocol

from reader.index.reprints import Copy, ReprintStore
from reader.index.results import SearchRequest
from reader.story import Story
from reader.text.paradiff import Change, paragraph_diff, summary


class Library(Protocol):
    """What a group listing needs of an index (``ArchiveIndex`` has it)."""

    @property
    def reprints(self) -> ReprintStore: ...

    def get(self, story_id: str) -> Story | None: ...


@dataclass
class CopyDiff:
    """One copy against the group's original: similarity and the paragraph steps."""

    copy: Copy
    similarity: float
    changes: list[Change] = field(default_factory=list)
    title_changed: bool = False


@dataclass
class ReprintGroup:
    """The group of one story: ``copies`` original first (``copies[0]``), the story asked about among them."""

    id: str
    story_id: str
    copies: list[Copy]
    diffs: list[CopyDiff] = field(default_factory=list)  # every copy but the original, against it
    bookmarked: set[str] = field(default_factory=set)

    @property
    def original(self) -> Copy:
        return self.copies[0]


def story_lines(story: Story) -> list[str]:
    """The body as the diff compares it: subheads and paragraphs in reading order."""
    return [text for _kind, text in story.blocks()]


def copy_diff(library: Library, original: Story, copy: Copy) -> CopyDiff | None:
    """``copy`` against ``original`` (None when the copy is no longer in the library)."""
    story = library.get(copy.id)
    if story is None:
        return None
    return CopyDiff(
        copy=copy,
        similarity=library.reprints.similarity(original.id, copy.id),
        changes=paragraph_diff(story_lines(original), story_lines(story)),
        title_changed=story.title.strip() != original.title.strip(),
    )


def reprint_group(
    library: Library, story_id: str, bookmarked: set[str] | None = None, diffs: bool = True
) -> ReprintGroup | None:
    """The group of ``story_id`` (a group of one when no other story prints its text); None if unknown."""
    store = library.reprints
    group = store.group_of(story_id)
    if not group:
        return None
    copies = store.copies(group)
    out = ReprintGroup(group, story_id, copies, bookmarked={c.id for c in copies} & (bookmarked or set()))
    if diffs and len(copies) > 1:
        original = library.get(copies[0].id)
        if original is not None:
            for copy in copies[1:]:
                found = copy_diff(library, original, copy)
                if found is not None:
                    out.diffs.append(found)
    return out


def group_json(group: ReprintGroup) -> dict[str, Any]:
    """The group as ``reader reprints ID --json`` prints it."""

    def copy_json(c: Copy) -> dict[str, Any]:
        return {
            "id": c.id,
            "title": c.title,
            "date": c.date,
            "source": c.source,
            "bookmarked": c.id in group.bookmarked,
        }

    return {
        "group": group.id,
        "story": group.story_id,
        "size": len(group.copies),
        "original": group.original.id,
        "copies": [copy_json(c) for c in group.copies],
        "differences": [
            {
                "copy": d.copy.id,
                "similarity": round(d.similarity, 3),
                "title_changed": d.title_changed,
                "summary": summary(d.changes),
                "paragraphs": [dataclasses.asdict(c) for c in d.changes if c.op != "same"],
            }
            for d in group.diffs
        ],
    }


def grouped_request(request: SearchRequest, bookmarked: set[str], all_copies: bool = False) -> SearchRequest:
    """``request`` folding each reprint group into one row (unless ``all_copies``).

    ``bookmarked`` (the user's bookmarked story ids) always keep rows of their own.
    """
    return dataclasses.replace(request, group_copies=not all_copies, keep_ids=sorted(bookmarked))
