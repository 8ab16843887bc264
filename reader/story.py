"""The story record every part of reader passes around, and its stable id.

A story is one article: a page may hold several. Ingest makes them, the index
stores them, the GUI shows them, export prints them, bookmarks hang on ``id``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

#: Fields in the order ``reader parse --json`` prints them.
JSON_FIELDS = (
    "id",
    "title",
    "subtitle",
    "authors",
    "byline",
    "column",
    "date",
    "source",
    "place",
    "headings",
    "paragraphs",
    "tags",
    "file",
    "position",
)


@dataclass
class Story:
    """One news story.

    ``headings`` are the section subheads in reading order; a two-line subhead is
    one entry with its lines joined by ``/``. ``heading_at[i]`` is the index of the
    paragraph that ``headings[i]`` stands before (``len(paragraphs)`` for a
    trailing one). ``date`` is ISO ``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY`` when
    the page says no more), empty when unknown.
    """

    title: str
    paragraphs: list[str] = field(default_factory=list)
    subtitle: str = ""
    authors: list[str] = field(default_factory=list)
    byline: str = ""
    column: str = ""
    date: str = ""
    source: str = ""
    place: str = ""
    headings: list[str] = field(default_factory=list)
    heading_at: list[int] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    editor: str = ""
    #: the print edition the page credits, as printed (``《人民日报》（2016年02月20日02版）``)
    edition: str = ""
    #: lines printed with the story that are not its text, as the page has them: credits
    #: (来源：人民日报【编辑:苏亦瑜】), a photographer, a date line under it; search finds them
    asides: list[str] = field(default_factory=list)
    url: str = ""
    file: str = ""
    position: int = 0
    id: str = ""

    @property
    def text(self) -> str:
        """The body as plain text: subheads and paragraphs in reading order."""
        return "\n".join(block for _kind, block in self.blocks())

    def blocks(self) -> list[tuple[str, str]]:
        """The body as ``("heading"|"paragraph", text)`` pairs in reading order."""
        out: list[tuple[str, str]] = []
        pending = sorted(zip(self.heading_at, self.headings, strict=False), key=lambda p: p[0])
        h = 0
        for i, para in enumerate(self.paragraphs):
            while h < len(pending) and pending[h][0] <= i:
                out.append(("heading", pending[h][1]))
                h += 1
            out.append(("paragraph", para))
        out.extend(("heading", text) for _at, text in pending[h:])
        return out

    def byline_line(self, joiner: str = "、") -> str:
        """The byline to print above the text, or the authors joined when there is none.

        Empty when the text itself begins with the byline, as agency datelines are
        printed (``中新社南京6月9日电(记者朱晓颖)…``): printing it twice reads as an error.
        """
        byline = self.byline.strip()
        if not byline:
            return joiner.join(a for a in self.authors if a)
        lede = next((p.strip() for p in self.paragraphs if p.strip()), "")
        return "" if _key(lede).startswith(_key(byline)) else byline

    def asides_to_print(self) -> list[str]:
        """The :attr:`asides` that say more than the fields printed with the story: not the
        date and source line under the headline, nor ``编辑 | 张三`` when the editor is printed."""
        said = [self.source, self.date, self.byline, self.editor, self.edition, self.column, self.place]
        said.extend(self.authors)
        said.sort(key=len, reverse=True)
        day = tuple(int(x) for x in re.findall(r"\d+", self.date))
        out = []
        for line in self.asides:
            rest = _DAY.sub(lambda m: "" if tuple(map(int, m.groups())) == day else m.group(0), line)
            for value in said:
                if value:
                    rest = rest.replace(value, "")
            if _SAID_LABELS.sub("", rest).strip(_PUNCT_AND_SPACE):
                out.append(line)
        return out

    def to_json(self) -> dict:
        """The public fields, in ``JSON_FIELDS`` order, then the extra ones."""
        data = asdict(self)
        ordered = {key: data.pop(key) for key in JSON_FIELDS}
        ordered.update(data)
        return ordered

    @classmethod
    def from_json(cls, data: dict) -> Story:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


#: credit labels a printed field stands for (its label is printed with it, or it needs none)
_SAID_LABELS = re.compile(
    r"本[报報][记記]者|[来來]源[于於]?|[责責]任[编編][辑輯]|[编編][辑輯]|[责責][编編]|作者|[记記]者|[文图圖]|"
    r"(?:[发發][布佈])?(?:日期|[时時][间間])"
)
#: a day written out (2024/11/05, 2025年5月4日), printed as ``date`` when it is the story's
_DAY = re.compile(
    r"((?:19|20)\d{2})\s?[年/.-]\s?(\d{1,2})\s?[月/.-]\s?(\d{1,2})日?(?:\s?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
)
_PUNCT_AND_SPACE = " \t\u3000|｜:：/／·,，、()（）[]【】《》<>-—_"


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


def story_id(file: str | Path, title: str, occurrence: int = 0, fallback: str = "") -> str:
    """A stable id from the file's name, the story's title and which of that title it is.

    Unchanged by re-importing, by moving the archive folder, and by edits to the
    file that leave the title alone. Stories with no title use ``fallback`` (the
    start of their text) instead.
    """
    name = Path(str(file)).name
    basis = _key(title[:200]) or _key(fallback[:200])[:40]
    # a file name the OS gave as undecodable bytes holds surrogates: hash those bytes back
    digest = hashlib.sha1(f"{name}\0{basis}\0{occurrence}".encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:16]


def assign_ids(stories: list[Story], file: str | Path) -> list[Story]:
    """Give each story of one file its ``file``, ``position`` and stable ``id``."""
    seen: dict[str, int] = {}
    for position, story in enumerate(stories):
        basis = _key(story.title[:200]) or _key(story.paragraphs[0][:200] if story.paragraphs else "")[:40]
        occurrence = seen.get(basis, 0)
        seen[basis] = occurrence + 1
        story.file = str(file)
        story.position = position
        if not story.id:
            story.id = story_id(file, story.title, occurrence, fallback=basis)
    return stories
