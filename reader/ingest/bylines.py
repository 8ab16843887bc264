"""Who wrote a story and where it was filed: bylines, datelines, source lines.

Handles the forms Chinese news pages use:

* byline lines: ``本报记者 蔡文逸 文/图``, ``（记者 张三 通讯员 李四）``,
  ``記者王小明／台北報導``, ``文／孫嘉君``, ``撰文：陳大文``, ``2018-06-15　記者陳駿豪``;
* agency datelines opening a paragraph: ``中新社南京6月9日电(记者朱晓颖)``,
  ``新华社北京2月29日电``, ``本报讯（记者 张三）``, ``【記者呂承哲／台北報導】``;
* a lone author in brackets closing the last paragraph: ``…纪实。 (黄騑鸿)``;
* ``来源：`` and ``责任编辑：`` lines.

All patterns have bounded repetition and only look at the first (or last)
few hundred characters of a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.ingest.dates import parse_date
from reader.ingest.names import (
    HAN,
    HAN_ONLY,
    NAME,
    STOP_NAMES,
    credit_name,
    name_before_post,
)

# roles that may stand before a name inside one token ("本报记者蔡文逸")
_ROLE_PREFIX = re.compile(
    r"^(?:本报|本報|本刊|本台|本网|本網|新华社|新華社|中新社|中新网|央视|央視|特约|特約|首席|见习|見習|"
    r"实习|實習|全媒体|全媒體|融媒体|融媒體|驻站|駐站)?"
    r"(?:记者|記者|通讯员|通訊員|实习生|實習生|撰文|执笔|執筆|作者|采写|採寫|摄影|攝影|撰稿|编译|編譯|"
    r"整理|口述|图文|圖文|视频|視頻)"
)
_ROLE_ONLY = re.compile(
    r"^(?:文|图|圖|摄|攝|文图|文圖|图文|圖文|文字|图片|圖片|视频|視頻)$|"
    r"^.{0,8}(?:记者|記者|通讯员|通訊員|实习生|實習生|特派员|特派員)$"
)
_ROLE_INSIDE = re.compile(rf"^[{HAN}A-Za-z]{{1,8}}?(?:记者|記者|通讯员|通訊員)([{HAN}]{{2,4}})$")
_MEDIA_NAME = re.compile(r"(?:网|網|社|报|報|台|站|刊|号|號|频道|頻道|新闻|新聞)$")
#: Publishers that credit themselves inside a byline ("文｜财新 张宇"): a source, not an author.
MEDIA_BRANDS = {
    "财新",
    "財新",
    "澎湃",
    "界面",
    "新京报",
    "新京報",
    "南方周末",
    "南方週末",
    "南方都市报",
    "中国青年报",
    "中國青年報",
    "光明日报",
    "光明日報",
    "人民日报",
    "人民日報",
    "经济日报",
    "經濟日報",
    "新华社",
    "新華社",
    "中新社",
    "中新网",
    "央视",
    "央視",
    "第一财经",
    "第一財經",
    "21世纪经济报道",
    "每经",
    "端传媒",
    "端傳媒",
    "香港01",
    "明报",
    "明報",
    "中央社",
    "联合报",
    "聯合報",
    "自由时报",
    "自由時報",
    "红星新闻",
    "紅星新聞",
    "封面新闻",
    "封面新聞",
    "极目新闻",
    "極目新聞",
    "潮新闻",
    "潮新聞",
}
_FILLER = {
    "综合报道",
    "綜合報導",
    "综合",
    "綜合",
    "外电",
    "外電",
    "报道",
    "報導",
    "电",
    "電",
    "讯",
    "訊",
    "联合报道",
    "聯合報導",
}
_REPORT_SUFFIX = re.compile(r"^(.{1,8}?)(?:报道|報導|电|電)$")
_NAME_SUFFIX = re.compile(r"^(.{2,5}?)(?:摄|攝|报道|報導|整理|供图|供圖)$")
_SPLIT = re.compile(r"[\s、，,&＆/／|｜:：;；]+")


@dataclass
class Byline:
    """What a byline or dateline told us."""

    text: str = ""
    authors: list[str] = field(default_factory=list)
    place: str = ""
    source: str = ""
    date: str = ""
    column: str = ""  # a desk or column credited where an author would stand
    post: bool = False  # a social-media post stamp ("24-5-6 09:30 来自 微博"): the line above is the account
    edition: str = ""  # a print-edition credit as printed: 《人民日报》（2016年02月20日02版）


_STAFF_ROLES = (
    "编辑",
    "編輯",
    "责编",
    "責編",
    "校对",
    "校對",
    "审校",
    "審校",
    "审核",
    "審核",
    "监制",
    "監製",
    "制片人",
)


_DESK_ROLE = re.compile(
    r"(?:特约|特約|首席|见习|見習|实习|實習|全媒体|全媒體|融媒体|融媒體)?(?:记者|記者|通讯员|通訊員|特派员|特派員)$"
)


def _outlet(prefix: str) -> str:
    """The outlet in a role token: ``端傳媒記者`` -> ``端傳媒``; ``''`` for ``本报记者`` or a desk."""
    outlet = _DESK_ROLE.sub("", prefix)
    if outlet in MEDIA_BRANDS or (len(outlet) >= 3 and _MEDIA_NAME.search(outlet)):
        return outlet
    return ""


def _strip_brackets(text: str) -> str:
    text = text.strip()
    while len(text) >= 2 and text[0] in "（(【[〔" and text[-1] in "）)】]〕":
        text = text[1:-1].strip()
    return text


_LATER_FIELD = re.compile(
    r"\s{0,2}(?:来源|來源|选稿|選稿|编辑|編輯|责编|責編|责任编辑|責任編輯|发布|發布|时间|時間)\s{0,2}[:：]"
)
_OUTLET_CHAIN = re.compile(rf"[{HAN}]{{2,8}}(?:新闻|新聞|网|網|报|報|台|社|客户端|客戶端)[·・]")
_TEXT_CREDIT = re.compile(r"\s{0,2}[/／]\s{0,2}(?:文|图文|圖文)$")
_PHOTO_TAIL = re.compile(r"\s{0,2}(?:受访者|受訪者|资料|資料|网络|網絡)?(?:供图|供圖|图片|圖片)$")


_DATE_HEAD = re.compile(
    r"^((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*"
)
_OPENING_ROLE = re.compile(r"^(?:撰文|作者|文|执笔|執筆|采写|採寫|记者|記者)\s*[:：/／]\s*")


def parse_byline(line: str) -> Byline | None:
    """A :class:`Byline` when the whole line is a byline, else None.

    Steps: the line's frame (a date before it, later fields and picture credits after
    it: :func:`_byline_body`), an opening role (``作者：``), then each token in turn
    (:func:`_read_token`); a token that is neither a role, an outlet, a place nor a
    name means the line is not a byline.
    """
    text = line.strip()
    if not text or len(text) > 60:
        return None
    inner, date, tail_source = _byline_body(_strip_brackets(text))
    m = _OPENING_ROLE.match(inner)
    tokens = _BylineTokens(saw_role=bool(m))
    if m:
        inner = inner[m.end() :]
    for token in _SPLIT.split(inner):
        if token and not _read_token(tokens, token):
            return None
    if not tokens.saw_role:
        return None
    return Byline(
        text=text, authors=tokens.authors, place=tokens.place, date=date, source=tail_source or tokens.source
    )


def _byline_body(inner: str) -> tuple[str, str, str]:
    """``(names part, date, source)``: a leading date and the fields and credits run on after the
    names taken off (``2018-06-15　記者陳駿豪``, ``作者：曹磊 来源：东方网``, ``马俊峰/文 受访者供图``)."""
    date = ""
    head = _DATE_HEAD.match(inner)
    if head:
        date = parse_date(head.group(1))
        inner = inner[head.end() :]
    later = _LATER_FIELD.search(inner, 2)
    tail_source = ""
    if later:  # 作者：曹磊 来源：东方网 选稿：曾炟 — the names end where the next field begins
        tail_source = find_source(inner[later.start() :])
        inner = inner[: later.start()]
    inner = _PHOTO_TAIL.sub("", inner)  # 马俊峰/文 受访者供图: a picture credit run on after the byline
    inner = _TEXT_CREDIT.sub("", inner)  # 马俊峰/文
    inner = _OUTLET_CHAIN.sub(lambda c: c.group(0)[:-1] + " ", inner)  # 顶端新闻·河南商报记者: two outlets
    return inner, date, tail_source


@dataclass
class _BylineTokens:
    """What a byline's tokens have said so far."""

    saw_role: bool = False
    authors: list[str] = field(default_factory=list)
    place: str = ""
    source: str = ""
    staff: bool = False  # names after an editor/proofreader credit are not authors, up to the next role


def _read_token(tokens: _BylineTokens, token: str) -> bool:
    """Take one token of a byline into ``tokens``; False when it shows the line is no byline."""
    if _staff_credit(tokens, token):
        return True
    rest = _without_role(tokens, token)
    if rest is None or _outlet_or_place(tokens, rest):
        return True
    named = _NAME_SUFFIX.match(rest)
    if named:
        name = named.group(1)
        if not (tokens.saw_role or tokens.authors or _outlet(name) or credit_name(name)):
            return False  # "新增报道", "连续报道": a headline, not "<name> 报道"
        tokens.saw_role = True
        rest = name
        if _outlet(rest):  # "环球网报道 记者 李明": the outlet reporting, not a person
            tokens.source = tokens.source or rest
            return True
    return _take_names(tokens, rest)


def _staff_credit(tokens: _BylineTokens, token: str) -> bool:
    """An editor's or proofreader's credit (``编辑``), or a name under one: taken, not an author."""
    if token.endswith(_STAFF_ROLES) and len(token) <= 8:
        tokens.saw_role = True
        tokens.staff = True
        return True
    if tokens.staff and NAME.match(token) and not _ROLE_PREFIX.match(token) and not _ROLE_INSIDE.match(token):
        return True
    tokens.staff = False
    return False


def _without_role(tokens: _BylineTokens, token: str) -> str | None:
    """``token`` with a reporter's role taken off (``本报记者蔡文逸`` -> ``蔡文逸``); None when the token
    was only a role, filler or where the story was filed (``發自澎湖``)."""
    inside = _ROLE_INSIDE.match(token)
    if inside and not _ROLE_PREFIX.match(token):
        tokens.saw_role = True
        tokens.source = _outlet(token[: inside.start(1)]) or tokens.source  # the reporter's own paper
        token = inside.group(1)
    if token.startswith(("发自", "發自")) and 3 <= len(token) <= 8:  # "發自澎湖": where it was filed
        tokens.place = tokens.place or token[2:]
        return None
    role = _ROLE_PREFIX.match(token)
    if role and role.end() < len(token):
        tokens.saw_role = True
        token = token[role.end() :]
    elif role or _ROLE_ONLY.match(token):
        tokens.saw_role = True
        tokens.source = tokens.source or _outlet(token)
        return None
    if token in _FILLER:
        tokens.saw_role = True
        return None
    return token


def _outlet_or_place(tokens: _BylineTokens, token: str) -> bool:
    """An outlet named before the reporter, or ``<place>报道`` after the names: taken."""
    if not tokens.authors and (token in MEDIA_BRANDS or len(token) >= 3 and _MEDIA_NAME.search(token)):
        tokens.source = tokens.source or token  # 顶端新闻 河南商报记者…: an outlet named before the reporter
        return True
    report = _REPORT_SUFFIX.match(token)
    if report and tokens.saw_role and tokens.authors:
        tokens.place = re.sub(r"(?:即時|即时|連線|连线|綜合|综合)$", "", report.group(1))
        return True
    return False


def _take_names(tokens: _BylineTokens, token: str) -> bool:
    """One or two authors' names in ``token``; False when it is not a name."""
    if tokens.saw_role and not tokens.authors and len(token) > 6:
        name = name_before_post(token)
        if name:  # 作者：方敏北京大学经济学院教授
            tokens.authors.append(name)
            return True
    if NAME.match(token) and token not in STOP_NAMES:
        if len(token) == 6 and HAN_ONLY.match(token):  # two names run together: 李京泽郭超凯
            tokens.authors += [token[:3], token[3:]]
        else:
            tokens.authors.append(token)
        return True
    return False


# 中新社南京6月9日电(记者朱晓颖) / 新华网北京2月22日电（记者娄奕娟） / 中新网2月20日电
_DATELINE = re.compile(
    rf"^[【\[]?(?:据|據)?(?P<src>[{HAN}]{{1,8}}?(?:社|网|網|报|報|台|电视|電視))"
    rf"(?P<place>[{HAN}]{{0,8}}?)\s{{0,2}}(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日\s{{0,2}}"
    r"(?:电|電|讯|訊|报道|報導|消息|專電|专电)"
)
_BENBAO = re.compile(rf"^(?P<src>本报|本報|本刊|本网|本網|[{HAN}]{{2,8}}?)(?:讯|訊)(?=\s{{0,2}}[（(【])")
_PAREN = re.compile(r"^\s{0,2}[（(【\[]([^）)】\]]{1,40})[）)】\]]")
_TW_TAG = re.compile(r"^[【\[〔]([^】\]〕／/]{1,20})[／/]([^】\]〕]{1,12}?)(?:報導|报道|電|电)[】\]〕]")
# （中央社記者林家豪台北6日電） / （中央社記者王揚宇、林家豪華盛頓5日專電）: the last name runs into the place
_AGENCY_PAREN = re.compile(
    rf"^[（(](?P<src>[{HAN}]{{1,8}}?(?:社|網|网|報|报|台))?(?:特派|駐.{{1,4}}|驻.{{1,4}})?(?:記者|记者|特派員|特派员)"
    rf"(?P<who>[{HAN}、]{{3,30}}?)(?:\d{{1,2}}月)?\d{{1,2}}日(?:電|电|專電|专电)[）)]"
)
# （法新社羅馬19日電） / （路透社東京5日電）: an agency's dateline with no reporter named
_AGENCY_ONLY = re.compile(
    rf"^(?P<open>[（(])?(?P<src>[{HAN}]{{1,6}}?(?:社|台))\s{{0,2}}(?P<place>[{HAN}]{{1,8}}?)(?:\d{{1,2}}月)?\d{{1,2}}日"
    r"(?:電|电|專電|专电)(?(open)[）)])"
)
# 【明報專訊】 / 【本報訊】
_OWN_NEWS = re.compile(rf"^[【\[](?P<src>[{HAN}A-Za-z0-9]{{1,8}}?)(?:專訊|专讯|訊|讯)[】\]]")
_CCTV = re.compile(rf"^(?P<src>[{HAN}]{{2,8}}?)消息\s{{0,2}}[（(](?P<prog>[^）)]{{1,12}})[）)]\s{{0,2}}[:：]")


def parse_dateline(paragraph: str, year: int | None = None) -> Byline | None:
    """A :class:`Byline` from an agency dateline opening ``paragraph``, else None."""
    head = paragraph[:120]
    tw = _TW_TAG.match(head)
    if tw:
        who = parse_byline(tw.group(1))
        place = "" if tw.group(2).startswith(("綜合", "综合")) else tw.group(2)
        return Byline(text=tw.group(0), authors=who.authors if who else [], place=place)
    m = _AGENCY_PAREN.match(head)
    if m:
        return _agency_paren(m)
    agency = _AGENCY_ONLY.match(head)
    if agency and agency.group("open"):
        return Byline(text=agency.group(0), source=agency.group("src"), place=agency.group("place"))
    m = _OWN_NEWS.match(head)
    if m:
        src = m.group("src")
        return Byline(text=m.group(0), source="" if src.startswith(("本", "綜合", "综合")) else src)
    m = _DATELINE.match(head)
    if m:
        source = m.group("src")
        out = Byline(text=m.group(0), source=source, place=m.group("place"))
        if year:
            out.date = parse_date(f"{year}年{m.group('m')}月{m.group('d')}日")
        rest = head[m.end() :]
        paren = _PAREN.match(rest)
        if paren:
            who = parse_byline(paren.group(1))
            if who:
                out.authors = who.authors
                out.text += paren.group(0)
        return out
    m = _BENBAO.match(head)
    if m:
        paren = _PAREN.match(head[m.end() :])
        who = parse_byline(paren.group(1)) if paren else None
        if paren is not None and who:
            src = m.group("src")
            return Byline(
                text=m.group(0) + paren.group(0),
                authors=who.authors,
                source="" if src.startswith("本") else src,
            )
    paren = _PAREN.match(head)
    if paren:
        who = parse_byline(paren.group(1))
        if who and who.authors:
            who.text = paren.group(0).strip()
            return who
    m = _CCTV.match(head)
    if m:
        return Byline(text=m.group(0), source=m.group("src"))
    if agency:  # 中央社 澎湖縣28日電, no month and no brackets (after the datelines it could shadow)
        return Byline(text=agency.group(0), source=agency.group("src"), place=agency.group("place"))
    return None


def _agency_paren(m: re.Match) -> Byline:
    """Names and place of a ``（中央社記者林家豪台北6日電）`` dateline.

    The place runs into the last name: a five-character run is a three-character
    name and a two-character place (台北, 東京), a four-character one 2 + 2; longer
    runs keep three characters for the name (林家豪華盛頓).
    """
    names = [n for n in m.group("who").split("、") if n]
    place = ""
    if names:
        last = names[-1]
        cut = 2 if len(last) == 4 else 3 if len(last) >= 5 else len(last)
        names[-1], place = last[:cut], last[cut:]
    return Byline(text=m.group(0), authors=names, place=place, source=m.group("src") or "")


_TRAILING = re.compile(r"(?<=[。！？!?”」』…\.])\s{0,3}[（(]([^（()）]{2,30})[)）]\s*$")


# （本文来源：经济日报 作者：…研究员徐占忱） closing the story, maybe with the portal's "back" link after it
_CLOSING_CREDIT = re.compile(
    r"[（(]\s{0,2}(?:本文|稿件|文章)?(?:来源|來源)\s{0,2}[:：]\s{0,2}(?P<src>[^\s（()）:：]{2,20})"
    r"(?:\s{0,3}(?:作者|記者|记者)\s{0,2}[:：]\s{0,2}(?P<who>[^（()）]{2,80}?))?\s{0,2}[)）]"
    r"\s{0,3}(?:返回.{1,8}?[，,]?\s{0,2}查看更多)?\s*$"
)
# …研究部部长、研究员徐占忱: a name after the last post it follows
_NAME_AFTER_POST = re.compile(r"(?:员|員|长|長|授|师|師|家|者|任|士|席|监|監|编|編)([\u4e00-\u9fff·]{2,4})$")


def closing_credit(paragraph: str) -> tuple[str, str, list[str]]:
    """Split a closing ``（本文来源：X 作者：Y）`` off a paragraph: ``(text, source, authors)``."""
    m = _CLOSING_CREDIT.search(paragraph[-160:])
    if not m:
        return paragraph, "", []
    who = (m.group("who") or "").strip()
    authors: list[str] = []
    if who:
        if NAME.match(who) and who not in STOP_NAMES:
            authors = [who]
        else:
            post = _NAME_AFTER_POST.search(who)
            if post:
                authors = [post.group(1)]
    cut = len(paragraph) - len(paragraph[-160:]) + m.start()
    return paragraph[:cut].rstrip(), m.group("src"), authors


def trailing_author(paragraph: str) -> tuple[str, Byline | None]:
    """Split a closing ``(黄騑鸿)`` / ``（记者 张三）`` off the last paragraph."""
    tail = paragraph[-40:]
    m = _TRAILING.search(tail)
    if not m:
        return paragraph, None
    inner = m.group(1).strip()
    if inner.endswith(("摄", "攝", "摄影", "攝影", "供图", "供圖")):  # a photo credit: no author of the story
        return paragraph, None
    who = parse_byline(inner)
    if who is None:
        names = [n for n in _SPLIT.split(inner) if n]
        if not names or not all(
            NAME.match(n) and len(n) <= 4 and n not in STOP_NAMES and not _MEDIA_NAME.search(n) for n in names
        ):
            return paragraph, None
        who = Byline(text=m.group(0).strip(), authors=names)
    if not who.authors:
        return paragraph, None
    cut = len(paragraph) - len(tail) + m.start()
    return paragraph[:cut].rstrip(), who


_SOURCE = re.compile(
    r"(?:^|\s|[)）|｜])(?:本文|文章|新闻|新聞|稿件|信息)?(?:(?:来源|來源|来源于|來源於|稿源|出处|出處|转自|轉自|"
    r"发文机关|發文機關|发布机构|發布機構)\s{0,2}[:：|｜丨]|"
    r"(?:来源于|來源於|转载自|轉載自)\s)\s{0,2}[\[［【]?\s{0,2}(?P<src>《[^》]{1,20}》|[^\s|｜\]］】]{1,30})"
    # 本文来源于国家统计局　2024-05-11: the publisher run into the label, ended by a space or the date
    r"|^(?:本文|文章|稿件)(?:来源于|來源於)(?P<glued>[\u3400-\u9fff]{2,12}?)(?=[\s\u3000]|(?:19|20)\d\d|$)"
)
# 《 人民日报 》（ 2024年05月06日 第 04 版） — the print edition a web page was taken from
_PRINT_EDITION = re.compile(
    r"^《\s{0,2}(?P<src>[^》]{2,16}?)\s{0,2}》\s{0,2}[（(][^）)]{0,12}(?:19|20)\d{2}[^）)]{0,30}版\s{0,2}[)）]"
)
_SOURCE_TRIM = re.compile(r"(?:参与互动|參與互動|作者|编辑|編輯|时间|時間)$")


def find_edition(line: str) -> str:
    """The print-edition credit opening ``line`` (``《人民日报》（2016年02月20日02版）``), or ``''``."""
    edition = _PRINT_EDITION.match(line[:80])
    return edition.group(0) if edition else ""


def find_source(line: str) -> str:
    """The publisher named by a ``来源：`` field in ``line``, or ``''``."""
    edition = _PRINT_EDITION.match(line[:80])
    if edition:
        return edition.group("src")
    m = _SOURCE.search(line[:200])
    if not m:
        return ""
    src = _SOURCE_TRIM.sub("", m.group("src") or m.group("glued")).strip("　 ,，。《》[]［］【】")
    return src


_EDITOR = re.compile(
    r"[（(【\[]?\s{0,2}(?:责任编辑|責任編輯|责编|責編|编辑|編輯|编审|編審|值班编辑|校对|校對)\s{0,2}[:：|｜]\s{0,2}"
    r"(?P<who>[^）)】\]\n]{0,40}?)\s{0,2}[）)】\]]?\s{0,2}(?:\d{6,8})?\s*$"
)
_GLUED_DESK = re.compile(rf"^[{HAN}A-Za-z0-9]{{1,8}}$")
_TAGS_ONLY = re.compile(r"^(?:[【\[][^】\]]{1,6}[】\]]\s{0,2})+$")


def find_editor(line: str) -> tuple[str, str] | None:
    """``(text before, editor)`` when ``line`` is or ends with an editor credit."""
    tail_start = max(0, len(line) - 60)
    m = _EDITOR.search(line, tail_start)
    if not m:
        return None
    before = line[: m.start()].rstrip()
    if _TAGS_ONLY.match(before):  # "【纠错】 【责任编辑:李明】"
        before = ""
    elif m.start() == len(before) and line[m.start()] not in "（(【[" and _GLUED_DESK.match(before):
        # "界面新闻编辑 | 王涛", "网络编辑：": the desk's name runs into the role
        before = ""
    if before and len(before) < 2:
        return None
    who = re.split(r"\s+(?=\S{1,6}[:：])|\s{0,2}[|｜]", m.group("who").strip())[0]  # "张三 审核：李四"
    return before, re.sub(r"\s+[A-Z]{1,4}\d{2,8}$", "", who.strip())  # "李明 PN123": a CMS staff code
