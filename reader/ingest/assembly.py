"""Classified lines -> stories: where one story ends and the next begins on a page.

:func:`build_stories` takes the lines of a page as :mod:`.lines` classed them (paragraph, short
line, meta, column label, end marker, boilerplate), lets :mod:`.context` take a second look with
the neighbours (captions, headlines over date lines), and groups them: the runs of non-paragraph
lines between paragraphs decide where a new story starts (a short line standing on a date, source or
byline line), which short lines are subheads, and what meta each story carries. A story's last
paragraph may close with its credit (``（本文来源：X 作者：Y）``, ``(黄騑鸿)``), an agency dateline
opens it; link lists under an end marker (``相关阅读``) are dropped.

Used by :mod:`.textpage` (plain pages), :mod:`.chrome` (the body of a whole saved page) and
:mod:`.digest` (broadcast digests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.ingest import boilerplate, bylines, context, credits, dates, headline
from reader.ingest.lines import Line, looks_heading
from reader.story import Story

_SUBTITLE_SPLIT = re.compile(r"\s*(?:——|──|—\s)\s*")
_COLUMN_PREFIX = re.compile(r"^【([^】]{1,12})】(?=\S)")
_CLAUSE = re.compile(r"[，。；,;]")
# datelines that open a story (电/讯/報導), not a report quoted mid-story (…5月12日报道)
_AGENCY_DATELINE = re.compile(r"(?:电|電|讯|訊|報導】|报道】)")
#: A short line needs this many characters to open a second story on a page.
MIN_TITLE_CHARS = 5


@dataclass
class _Draft:
    """A story being built."""

    title: str = ""
    subtitle: str = ""
    column: str = ""
    meta: list[bylines.Byline] = field(default_factory=list)
    editor: str = ""
    blocks: list[tuple[str, str]] = field(default_factory=list)  # ("heading"|"para", text)
    asides: list[str] = field(default_factory=list)  # lines of the story that are not its text


def _cut_off(line: Line) -> str:
    """What classifying ``line`` cut off the page's line (an editor's credit closing it)."""
    if not line.original:
        return ""
    return line.original.replace(line.text, "", 1).strip() if line.text in line.original else line.original


def _split_title(draft: _Draft, line: str) -> None:
    m = _COLUMN_PREFIX.match(line)
    if m and not draft.column:
        draft.column = m.group(1)  # the bracketed tag stays in the title, as the site prints it
    parts = _SUBTITLE_SPLIT.split(line, maxsplit=1)
    if len(parts) == 2 and len(parts[0]) >= 2 and len(parts[1]) >= 2:
        draft.title, draft.subtitle = parts[0].strip(), parts[1].strip()
    else:
        draft.title = line


def _is_subtitle(line: str) -> bool:
    return line.startswith(("——", "──", "—", "－－", "--"))


def _opens_story(meta: bylines.Byline | None) -> bool:
    return meta is not None and bool(meta.date or meta.source or meta.authors)


def _meta_below(group: list[Line], i: int) -> bylines.Byline | None:
    """The meta line right under ``group[i]`` (past any ``——subtitle`` lines), or None."""
    j = i + 1
    while j < len(group) and group[j].kind == "short" and _is_subtitle(group[j].text):
        j += 1
    return group[j].meta if j < len(group) and group[j].kind == "meta" else None


def _first_title(group: list[Line], shorts: list[int]) -> int:
    """The page's first headline: the first short line standing on a date, source or byline line.

    Site names, menu items and channel labels above it are chrome; with no such
    line the first short line is the title, as on a plain copy of one story. An
    account name over its own ``日期·账号`` stamp is no headline: the headline is
    the next short line under the stamp.
    """
    account = None
    for i in shorts:
        meta = _meta_below(group, i)
        if len(group[i].text) >= 4 and _opens_story(meta):
            above = i - 1
            if (
                above in shorts
                and len(group[i].text) <= 6
                and len(group[above].text) >= max(8, 2 * len(group[i].text))
                and headline.shaped(group[above].text)
            ):
                return above  # 标题 / 账号 / 日期: a name or account label sits between headline and date
            if not _names_self(group[i].text, meta):
                return i
            account = i if account is None else account
    if account is not None:  # 账号 / 日期·账号 / 标题 (头条, 百家号): the headline comes under the stamp
        below = [i for i in shorts if i > account + 1 and len(group[i].text) >= MIN_TITLE_CHARS]
        if below:
            return below[0]
    return shorts[0]


def _names_self(line: str, meta: bylines.Byline | None) -> bool:
    """Is ``line`` only the name the meta line below repeats (an account over ``日期·账号``)?"""
    return meta is not None and line in (meta.source, *meta.authors)


def _title_at(group: list[Line], next_para: str | None, have_story: bool) -> int | None:
    """Index in ``group`` of the line that is a new story's title, or None for no new story."""
    shorts = [i for i, ln in enumerate(group) if ln.kind == "short" and not ln.forced_heading]
    if not shorts:
        return None
    if not have_story:
        return _first_title(group, shorts)
    if next_para is None:  # nothing follows: trailing signature or credits, not a story
        return None
    for i in shorts:
        if any(ln.kind == "column" and boilerplate.column_label(ln.text) for ln in group[:i]):
            return i
    candidates = [i for i in shorts if len(group[i].text) >= MIN_TITLE_CHARS]
    opened = []
    for i in shorts:
        j = i + 1
        while j < len(group) and group[j].kind == "short" and _is_subtitle(group[j].text):
            j += 1
        meta = group[j].meta if j < len(group) and group[j].kind == "meta" else None
        # a short headline (快樂錢) needs a dated line under it; a longer one any date/source/byline
        if meta is not None and (meta.date or i in candidates and _opens_story(meta)):
            opened.append(i)
    if opened:
        return opened[-1]
    for i in candidates:
        parts = _SUBTITLE_SPLIT.split(group[i].text, maxsplit=1)
        if len(parts) == 2 and len(parts[0]) >= 2 and len(parts[1]) >= 4 and not _CLAUSE.search(parts[0]):
            return i
        if i + 1 < len(group) and group[i + 1].kind == "short" and _is_subtitle(group[i + 1].text):
            return i
    dateline = bylines.parse_dateline(next_para) if candidates and next_para else None
    if dateline is not None and _AGENCY_DATELINE.search(dateline.text):
        return candidates[-1]
    return None


def build_stories(lines: list[Line], *, single: bool = False) -> list[Story]:
    """Group classified lines into stories (``single``: never start a second one)."""
    drafts: list[_Draft] = []
    page_meta: list[bylines.Byline] = []
    n = len(lines)
    context.reclass(lines)
    i = 0
    while i < n:
        if lines[i].kind == "para":
            para = lines[i]
            if not drafts:
                drafts.append(_Draft())
            drafts[-1].blocks.append(("para", para.text))
            if para.editor:
                drafts[-1].editor = para.editor
            if _cut_off(para):
                drafts[-1].asides.append(_cut_off(para))
            i += 1
            continue
        j = i
        while j < n and lines[j].kind != "para":
            j += 1
        group = [ln for ln in lines[i:j] if ln.kind != "drop"]
        next_para = lines[j].text if j < n else None
        if drafts and drafts[-1].blocks:
            drafts[-1].asides.extend(_story_drops(lines[i:j]))
        i = j
        group = _cut_links(group, next_para, bool(drafts and drafts[-1].blocks), single)
        _apply_group(group, next_para, drafts, page_meta, single)
    return [_finish(d, page_meta) for d in drafts if d.blocks or d.title]


_ORIGINAL_TITLE = re.compile(r"^[（(]?\s{0,2}原(?:标题|標題|题为|題為|题|題)\s{0,2}[:：]")


def _story_drops(run: list[Line]) -> list[str]:
    """The dropped lines of a run after a story's text that are the story's own: credits for its
    pictures (摄影：…, 图片来源：…) and the title it first ran under (原标题：…), not the site's
    buttons and links."""
    return [
        ln.text
        for ln in run
        if ln.kind == "drop"
        and (
            boilerplate.is_photo_credit(ln.text)
            or boilerplate.is_credit_line(ln.text)
            or _ORIGINAL_TITLE.match(ln.text)
        )
    ]


def _cut_links(group: list[Line], next_para: str | None, have_story: bool, single: bool) -> list[Line]:
    """Drop the link list under an end marker (``相关阅读``) closing a story.

    Short lines after the marker are related links: whether the page ends, the
    next story's headline comes, or this story goes on (hkcnews puts a
    ``相關新聞`` list of headlines mid-story); they are never the story's subheads.
    """
    end_at = next((k for k, ln in enumerate(group) if ln.kind == "end"), None)
    if end_at is None or not have_story:
        return [ln if ln.kind != "end" else Line(ln.text, "short") for ln in group]
    head = [ln for ln in group[:end_at] if ln.kind != "end"]
    rest = [ln for ln in group[end_at + 1 :] if ln.kind != "end"]
    if next_para is None:
        return _cut_tags(head)
    title_at = None if single else _title_at(rest, next_para, True)
    if title_at is not None:
        return head + rest[title_at:]
    return head + [ln for ln in rest if ln.kind != "short"]  # the story goes on after its link list


def _apply_group(
    group: list[Line],
    next_para: str | None,
    drafts: list[_Draft],
    page_meta: list[bylines.Byline],
    single: bool,
) -> None:
    have_story = bool(drafts)
    title_at = _title_at(group, next_para, have_story)
    if single and have_story:
        title_at = None
    if title_at is not None:
        # a column label right above the title belongs to the new story
        start = title_at
        while start > 0 and group[start - 1].kind == "column":
            start -= 1
        if start > 0 and group[start - 1].kind == "short" and len(group[start - 1].text) <= 4:
            start = title_at  # "国际 / 军事 / 评论": a menu item, not the story's column
        if drafts:
            _fill(drafts[-1], group[:start], page_meta)
        elif group[:start]:
            _fill(None, group[:start], page_meta)
        column = next((boilerplate.column_label(ln.text) for ln in group[start:title_at]), "")
        draft = _Draft(column=column)
        _split_title(draft, group[title_at].text)
        drafts.append(draft)
        rest = group[title_at + 1 :]
        if rest and rest[0].kind == "short" and _is_subtitle(rest[0].text) and not draft.subtitle:
            draft.subtitle = rest[0].text.lstrip("—─－- ").strip()
            rest = rest[1:]
        _fill(draft, rest, page_meta)
        return
    if not drafts and not any(ln.kind == "short" for ln in group):
        _fill(None, group, page_meta)
        return
    if not drafts:
        drafts.append(_Draft())
    _fill(drafts[-1], group, page_meta)


def _fill(target: _Draft | None, lines: list[Line], page_meta: list[bylines.Byline]) -> None:
    """Add a run of non-paragraph lines to ``target``: meta, and short lines as subheads."""
    pending: list[str] = []
    verse = _verse_lines(lines) if target is not None else set()
    for k, ln in enumerate(lines):
        if k in verse and target is not None:
            _flush_headings(target, pending)
            target.blocks.append(("para", ln.text))
            continue
        if ln.kind == "column" and (target is None or not target.blocks or boilerplate.column_label(ln.text)):
            continue  # a channel label ("国内新闻") inside a story is one of its subheads
        if ln.kind == "meta":
            if target is None:
                if ln.meta:
                    page_meta.append(ln.meta)
                continue
            _flush_headings(target, pending)
            if ln.meta:
                target.meta.append(ln.meta)
            if ln.editor:
                target.editor = ln.editor
            target.asides.append(ln.original or ln.text)
            continue
        if target is None:
            continue
        if ln.forced_heading or looks_heading(ln.text) or not pending and len(ln.text) <= 40:
            pending.append(ln.text)
            if len(pending) == 2 or ln.forced_heading:
                _flush_headings(target, pending)
        else:
            _flush_headings(target, pending)
            target.blocks.append(("para", ln.text))
    if target is not None:
        _flush_headings(target, pending)


#: A run of this many short lines, some of them clauses, is text set line by line, not subheads.
VERSE_LINES = 4
_CLAUSE_MARK = re.compile(r"[，,、：:；]|……$|[！？!?]$")


def _verse_lines(lines: list[Line]) -> set[int]:
    """Lines of runs of :data:`VERSE_LINES` or more short lines, half of them or more clauses,
    or of twice as many lines mostly of 12 characters or fewer (近日，河南商丘 / 现役军人张伟 /
    面对5名群众落水的危急情况 …): a story told a phrase a line, as WeChat posts are. A subhead
    is a line or two between paragraphs, and no clause; a list of links has longer lines."""
    out: set[int] = set()
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and lines[j].kind == "short" and not lines[j].forced_heading:
            j += 1
        run = lines[k:j]
        clauses = sum(bool(_CLAUSE_MARK.search(ln.text)) for ln in run)
        phrases = len(run) >= 2 * VERSE_LINES and sorted(len(ln.text) for ln in run)[len(run) // 2] <= 12
        if len(run) >= VERSE_LINES and (2 * clauses >= len(run) or phrases):
            out.update(range(k, j))
        k = max(j, k + 1)
    return out


def _flush_headings(draft: _Draft, pending: list[str]) -> None:
    if pending:
        draft.blocks.append(("heading", "/".join(pending)))
        pending.clear()


_BRACKET_HEAD = re.compile(r"^【\s{0,2}[#＃]?([^【】#＃]{4,40}?)[#＃]?\s{0,2}】\s{0,2}(?=\S)")


def _bracket_title(draft: _Draft) -> None:
    """A story with no headline whose text opens ``【#标题#】正文…`` (a microblog post) takes it as title."""
    if draft.title or not draft.blocks or draft.blocks[0][0] != "para":
        return
    m = _BRACKET_HEAD.match(draft.blocks[0][1])
    if m and len(draft.blocks[0][1]) - m.end() >= 20 and bylines.parse_dateline(draft.blocks[0][1]) is None:
        draft.title = m.group(1).strip()
        draft.blocks[0] = ("para", draft.blocks[0][1][m.end() :])


_TAG_ITEM = re.compile(r"^[#＃]?[\u3400-\u9fffA-Za-z0-9]{1,6}$")


def _cut_tags(lines: list[Line]) -> list[Line]:
    """Two or more one-word lines just above the closing link list are keyword tags (火警 / 元朗)."""
    k = len(lines)
    while k > 0 and lines[k - 1].kind == "short" and _TAG_ITEM.match(lines[k - 1].text):
        k -= 1
    return lines[:k] if len(lines) - k >= 2 else lines


_PROMO = re.compile(
    r"(?:下载|下載|打开|打開|用|看)\s{0,2}.{0,8}(?:APP|App|app|客户端|客戶端)|"
    r"活动规则|活動辦法|抽奖|抽獎|中奖|中獎|扫码|掃碼|订阅|訂閱|关注我们|關注我們"
)


# 作者曾任职于…, 本文为某某授权某网发布: the author's biography or the licence note closing a page
_CLOSING_NOTE = re.compile(r"^(?:作者(?:曾|现|現|系|为|為|任)|本文(?:为|為|系|經|经).{1,20}(?:授权|授權))")


def _drop_trailing_promos(draft: _Draft) -> None:
    """Short lines after the last paragraph selling an app, a lucky draw or a subscription, and a
    closing biography of the author or licence note."""
    while draft.blocks and draft.blocks[-1][0] == "heading" and _PROMO.search(draft.blocks[-1][1]):
        if not any(kind == "para" for kind, _t in draft.blocks):
            break
        draft.blocks.pop()
    while (
        len(draft.blocks) > 1
        and draft.blocks[-1][0] == "para"
        and len(draft.blocks[-1][1]) <= 200
        and (_CLOSING_NOTE.match(draft.blocks[-1][1]) or _repeats_story(draft))
    ):
        _kind, text = draft.blocks.pop()
        if _CLOSING_NOTE.match(text):  # the author's biography is the story's (a teaser repeats its text)
            draft.asides.insert(0, text)


def _repeats_story(draft: _Draft) -> bool:
    """Is the last paragraph a repeat of text earlier in the story (a teaser of it printed below)?"""
    last = re.sub(r"\s+", "", draft.blocks[-1][1])
    before = "".join(re.sub(r"\s+", "", text) for _kind, text in draft.blocks[:-1])
    return len(last) >= 20 and last in before


def _finish(draft: _Draft, page_meta: list[bylines.Byline]) -> Story:
    """The story of a finished draft: its blocks, then its fields from the story's own credits and
    meta lines, the page's meta lines, the dateline opening the text and an author closing it."""
    _bracket_title(draft)
    _drop_trailing_promos(draft)
    story = Story(title=draft.title, subtitle=draft.subtitle, column=draft.column, editor=draft.editor)
    closing_source, closing_authors, trailing = _closing_credits(draft)
    story.asides = list(dict.fromkeys(a for a in map(_without_footer, draft.asides) if _WORD.search(a)))
    for kind, text in draft.blocks:
        if kind == "heading":
            story.headings.append(text)
            story.heading_at.append(len(story.paragraphs))
        else:
            story.paragraphs.append(text)
    metas = list(draft.meta)
    for meta in metas:
        if meta.text and meta.authors and not story.byline:
            story.byline = meta.text
    story.source = closing_source or credits.best_source(metas + page_meta)
    story.edition = next((m.edition for m in metas + page_meta if m.edition), "")
    if closing_authors:
        story.authors = list(closing_authors)
    _fields_from_meta(story, metas + page_meta)
    _fields_from_dateline(story)
    if trailing and not story.authors:
        story.authors = trailing.authors
        story.byline = story.byline or trailing.text.strip("（()） ")
    if not story.byline and story.authors:
        for meta in metas:
            if meta.authors:
                story.byline = meta.text
                break
    return story


def _last_para(draft: _Draft) -> int | None:
    return max((k for k, (kind, _t) in enumerate(draft.blocks) if kind == "para"), default=None)


def _closing_credits(draft: _Draft) -> tuple[str, list[str], bylines.Byline | None]:
    """``(source, authors, trailing author)`` the last paragraph closes with, taken off it:
    ``（本文来源：X 作者：Y）``, then the author in brackets ``…纪实。 (黄騑鸿)``."""
    last_para = _last_para(draft)
    trailing = None
    closing_source: str = ""
    closing_authors: list[str] = []
    if last_para is not None:
        text, closing_source, closing_authors = bylines.closing_credit(draft.blocks[last_para][1])
        if closing_source:
            draft.asides.insert(0, _rest(draft.blocks[last_para][1], text))
            if text:
                draft.blocks[last_para] = ("para", text)
            else:
                del draft.blocks[last_para]
            last_para = _last_para(draft)
    if last_para is not None:
        text, trailing = bylines.trailing_author(draft.blocks[last_para][1])
        if trailing:
            draft.asides.insert(0, _rest(draft.blocks[last_para][1], text))
            draft.blocks[last_para] = ("para", text)
    return closing_source, closing_authors, trailing


_WORD = re.compile(r"[\u3400-\u9fffA-Za-z]")


def _without_footer(aside: str) -> str:
    """An aside without site chrome run on after its closing bracket (…徐占忱）返回搜狐，查看更多)."""
    close = max(aside.rfind("）"), aside.rfind(")"))
    if 0 < close < len(aside) - 1 and boilerplate.is_drop_line(aside[close + 1 :].strip()):
        return aside[: close + 1]
    return aside


def _rest(paragraph: str, kept: str) -> str:
    """What was cut off the end of ``paragraph`` to leave ``kept``."""
    return paragraph[len(kept) :].strip() if paragraph.startswith(kept) else paragraph


def _fields_from_meta(story: Story, metas: list[bylines.Byline]) -> None:
    """Date, authors, place and column from the story's meta lines, then the page's: the first wins."""
    for meta in metas:
        if meta.date and not story.date:
            story.date = meta.date
        if meta.authors and not story.authors:
            story.authors = list(meta.authors)
            story.byline = story.byline or meta.text
        if meta.place and not story.place:
            story.place = meta.place
        if meta.column and not story.column:
            story.column = meta.column


def _fields_from_dateline(story: Story) -> None:
    """What the dateline opening the story text says (maybe under a picture caption), where still unknown."""
    year = dates.year_of(story.date)
    dl = next(
        (d for d in (bylines.parse_dateline(p, year) for p in story.paragraphs[:2]) if d is not None), None
    )
    if dl is None:
        return
    if dl.authors and not story.authors:
        story.authors = dl.authors
        story.byline = story.byline or dl.text
    story.place = story.place or dl.place
    if dl.source and not story.source:
        story.source = dl.source
    if dl.date and not story.date:
        story.date = dl.date
