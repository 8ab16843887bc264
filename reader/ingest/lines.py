"""One line of a plain-text page: split, shaped, classified.

``split_lines`` normalises a page into stripped non-blank lines; ``classify``
says what one line is: a paragraph, a short line (title or subhead), a meta
line (byline, date, ``来源：``, editor credit, ``石佳/中国青年报``), a column or
channel label (``评论``, ``地方新聞``), an end marker (``相关阅读``: related links
follow), or boilerplate to drop (share buttons, counters, promos, ICP lines,
lone photo credits). A closing ``(完)`` is cut off the line it ends.
:mod:`.textpage` groups the classified lines into stories.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.ingest import boilerplate, bylines, credits, dates

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff\ufffe]")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_CLOSERS = "”’」』）)》〉】]\"' "
PARA_END = "。；，、：:;,"
_AUTHOR_FIELD = re.compile(r"(?:作者|记者|記者|撰文)\s{0,2}[:：]\s{0,2}([\u3400-\u9fff]{2,4})(?=\s|$)")
_FULL_DATE = re.compile(
    r"(?<!\d)(?:19|20)\d{2}\s{0,2}(?:年|[-/.])\s{0,2}\d{1,2}\s{0,2}(?:月|[-/.])\s{0,2}\d{1,2}(?!\d)"
)


# 来源： / 稿件来源： / 发布日期： / 发文机关： alone on a line, its value on the next (a table or two
# elements rendered as two lines)
_FIELD_LABEL = re.compile(
    r"(?:^|^.{0,30}[\s)）|｜])(?:稿件|文章|本文|信息|新闻|新聞)?(?:来源|來源|出处|出處|作者|作\s?者|记者|記者|编辑|編輯|责任编辑|責任編輯|"
    r"发布时间|發布時間|发表时间|發表時間|发布日期|發布日期|时间|時間|日期|发文机关|發文機關|发布机构|發布機構)"
    r"\s{0,2}[:：]$"
)


def join_labels(lines: list[str]) -> list[str]:
    """A field label alone on its line (``来源：``) joined with its value on the next short line."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _FIELD_LABEL.match(line) and i + 1 < len(lines) and len(lines[i + 1]) <= 40:
            nxt = lines[i + 1]
            if not _FIELD_LABEL.match(nxt):
                out.append(line + nxt)
                i += 2
                continue
        out.append(line)
        i += 1
    return out


def split_lines(text: str) -> list[str]:
    """The non-blank lines of ``text``, stripped (NBSP and ideographic spaces count as blank)."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).replace("\xa0", " ")
    out = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            out.append(line)
    return out


def last_char(line: str) -> str:
    end = line[-12:].rstrip(_CLOSERS)
    return end[-1] if end else ""


def looks_title(line: str) -> bool:
    """Short enough and shaped like a headline (not ending in a clause mark)."""
    if len(line) > 64 or len(line) < 2:
        return False
    last = last_char(line)
    if last in PARA_END:
        return False
    if line[0] in "“「『" and line[-1] in "”」』" and line[-2:-1] in tuple("。！？!?…"):
        return False  # “…给你发offer了？”: a line of dialogue, not a headline or subhead
    return line.count("。") == 0


def looks_heading(line: str) -> bool:
    """A section subhead between paragraphs: short, no sentence punctuation inside."""
    if len(line) > 32 or last_char(line) in PARA_END + "！？!?….":
        return False
    return not re.search(r"[。；，,]", line)


# "…现场安排。(完)": chinanews and agency copy close a story with this marker
_DONE_MARK = re.compile(r"\s{0,2}[（(](?:完|全文完)[)）]\s{0,2}$")
# a desk, group or column credited where an author would stand (讀者來論, 眾新聞中國組)
_COLUMN_CREDIT = re.compile(r"組|组|來論|来论|專欄|专栏|評論|评论|論壇|论坛")

_DATE_LEAD = re.compile(
    r"^(?:19|20)\d{2}\s{0,2}(?:年|[-/.．／])\s{0,2}\d{1,2}\s{0,2}(?:月|[-/.．／])\s{0,2}\d{1,2}\s{0,2}日?"
    r"(?:\s{0,3}\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?(?=\s|·|(?<=\d)(?!日)[\u3400-\u9fff])"
)
_MEDIA_END = re.compile(r"(?:报|報|网|網|社|台|刊|新闻|新聞|联播|聯播|》|频道|頻道|APP|app)$")


def _date_and_rest(date: str, rest: str) -> bylines.Byline:
    """A ``date + source`` or ``date + author`` line (``2016-02-16 02:21:00 搜狐新闻``)."""
    rest = re.sub(r"^\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s{0,2}", "", rest)
    if not rest:
        return bylines.Byline(text="", date=date)
    who = bylines.parse_byline(rest) or bylines.parse_dateline(rest)  # "… 14:31中央社 澎湖縣28日電"
    if who is not None:
        who.date = date
        return who
    if _MEDIA_END.search(rest) or len(rest) > 12:
        return bylines.Byline(text="", date=date, source=rest)
    if not credits.is_person_name(rest):  # "讀者來論", "眾新聞中國組": a desk or column, not a person
        if _COLUMN_CREDIT.search(rest):
            return bylines.Byline(text="", date=date, column=rest)
        return bylines.Byline(text="", date=date, source=rest)
    return bylines.Byline(text=rest, date=date, authors=[rest])


@dataclass
class Line:
    """One classified line."""

    text: str
    kind: str  # para | short | meta | column | drop | end (the story is over: related links follow)
    meta: bylines.Byline | None = None
    editor: str = ""
    forced_heading: bool = False
    #: the line as the page has it, when ``text`` is what is left of it (an editor's credit cut off)
    original: str = ""


_HAN = re.compile(r"[\u3400-\u9fff]")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]{10,}")
_GLUED_CLAUSE = re.compile(r"日?(?:起|前|后|後|以来|以來|至今|开始|開始)[\u3400-\u9fff]{4,}")
_ASKS_OR_EXCLAIMS = re.compile(r"[？?！!]\s*$")


def _inside_sentence(line: str, date: re.Match[str]) -> bool:
    """Is the date a word of a sentence or a headline, not a stamp beside a name or two? Written
    between two characters of a sentence (双方承诺将于2025年5月14日前采取以下举措：), opening a
    clause (2025年1月1日起我国调整部分商品关税), or after ten or more characters of a headline with
    no label (国务院任免国家工作人员（2025年5月30日）)."""
    before = line[date.start() - 1 : date.start()]
    after = line[date.end() : date.end() + 2].removeprefix("日")[:1]
    if _HAN.match(before) and _HAN.match(after):
        return True
    if _GLUED_CLAUSE.match(line, date.end()):  # 2025年1月1日起我国调整部分商品关税
        return True
    return bool(_HAN_RUN.search(line[: date.start()])) and not re.search(r"[:：|｜]", line)


def classify(line: str) -> Line:
    """Decide what one stripped, non-blank line is."""
    forced = False
    done = _DONE_MARK.search(line)
    if done and done.start() > 0:
        line = line[: done.start()]
    if _MD_HEADING.match(line):
        line = _MD_HEADING.sub("", line).strip()
        # a heading mark over a sentence or more (a gallery's captions, "## 憤怒的示威者，周日…。") marks
        # no subhead: the line is read as any other
        forced = len(line) <= 40 or "。" not in line
        if not line:
            return Line("", "drop")
    editor = bylines.find_editor(line)
    if editor is not None:
        before, who = editor
        if not before:
            return Line(line, "meta", editor=who)
        if len(before) > 2:
            inner = classify(before)
            inner.editor = who
            inner.original = line
            return inner
    if len(line) <= 80 and "。" not in line:
        source = bylines.find_source(line)
        if source:
            meta = bylines.Byline(
                text="", source=source, date=dates.parse_date(line), edition=bylines.find_edition(line)
            )
            author = _AUTHOR_FIELD.search(line)
            byline = bylines.parse_byline(line)
            if author:  # "作者：张三 来源：某报" on one line
                meta.authors, meta.text = [author.group(1)], author.group(0).strip()
            elif byline is not None and byline.authors:  # "中青网记者 魏其濛 来源：中国青年报"
                meta.authors, meta.text = list(byline.authors), line
            return Line(line, "meta", meta)
    credit = credits.parse_credit(line)
    if credit is not None:
        return Line(line, "meta", credit)
    if boilerplate.is_drop_line(line) or boilerplate.is_photo_credit(line):
        return Line(line, "drop")
    if boilerplate.column_label(line):  # "评论" above a headline is a column, not a comments section
        return Line(line, "column")
    if len(line) <= 12 and not re.search(r"[:：]\s*\S", line) and boilerplate.is_end_marker(line):
        # a label ("相关阅读") after which related links follow; "关键词：人口" may be a subhead
        return Line(line, "end")
    if dates.is_date_line(line):
        return Line(line, "meta", bylines.Byline(text="", date=dates.parse_date(line)))
    byline = bylines.parse_byline(line)
    if byline is not None:
        return Line(line, "meta", byline)
    lead = _DATE_LEAD.match(line) if len(line) <= 60 and "。" not in line else None
    if lead and dates.parse_date(lead.group(0)):
        rest = line[lead.end() :].strip().lstrip("·").strip()  # "2024-05-06 08:00·城市观察者"
        if not _ASKS_OR_EXCLAIMS.search(rest):  # "2017/5/29為什麼看不見？" is a headline
            return Line(line, "meta", _date_and_rest(dates.parse_date(lead.group(0)), rest))
    if len(line) <= 50 and not re.search(r"[，。！？；]", line):
        stamp = _FULL_DATE.search(line)  # "原创 张三 某某公众号 2024-05-24 10:48"
        if stamp and dates.parse_date(stamp.group(0)) and not _inside_sentence(line, stamp):
            return Line(line, "meta", bylines.Byline(text="", date=dates.parse_date(stamp.group(0))))
    if boilerplate.column_label(line) or boilerplate.is_channel_label(line):
        return Line(line, "column")
    if forced or looks_title(line):
        return Line(line, "short", forced_heading=forced)
    return Line(line, "para")
