"""Credit lines that name who wrote a story and for whom, and which source to believe.

* ``石佳/中国青年报``: an author and the outlet she wrote for;
* ``原创 李晓晴 城市生活观察 2024-05-06 08:00 发表于北京``: a WeChat article head;
* ``24-5-6 09:30 来自 微博 weibo.com``: a microblog post stamp (the line above is the account);
* :func:`is_person_name`: a desk or group credited as author (``讀者來論``, ``眾新聞中國組``) is no person;
* :func:`tidy`: what a page reader found cleaned of what no source or author is (a label, an IP
  region, markup, a generic word; a publisher or a software team in an author tag);
* :func:`best_source`: a page may name several sources (a ``来源：`` line, the outlet in a
  credit, a publisher inside a byline, a platform's account channel); the most trusted wins.

Patterns are anchored and bounded and only run on lines of at most 80 characters.
"""

from __future__ import annotations

import re

from reader.ingest.bylines import Byline
from reader.ingest.dates import parse_date
from reader.ingest.names import looks_name

_HAN = "\u3400-\u9fff\uf900-\ufaff"
_GROUP_WORDS = re.compile(
    r"組|组|部|群|團|团|會|会|中心|來論|来论|轉載|转载|新聞|新闻|媒體|媒体|讀者|读者|網友|网友|編輯|编辑|"
    r"記者|记者|評論|评论|專欄|专栏|社$|台$|網$|网$|報$|报$"
)


def is_person_name(name: str) -> bool:
    """Could ``name`` be a person's (or pen) name, not a desk, group or outlet (``眾新聞中國組``)?"""
    return looks_name(name) and not _GROUP_WORDS.search(name)


_ROLE_WORD = re.compile(
    r"来源|來源|作者|编辑|編輯|记者|記者|责编|責編|出处|出處|图片|圖片|摄影|攝影|文字|撰文|监制|監製|制片|製片|审校|審校|校对|校對"
)
# 石佳/中国青年报 — an author and the outlet she wrote for
_AUTHOR_OUTLET = re.compile(
    rf"^(?P<who>[{_HAN}]{{2,4}}(?:[、][{_HAN}]{{2,4}}){{0,3}})\s{{0,2}}[/／|｜]\s{{0,2}}"
    rf"(?P<src>[{_HAN}]{{2,12}}(?:报|報|网|網|社|台|刊|志|誌|新闻|新聞|周末|週末))$"
)
# 原创 李晓晴 城市生活观察 2024-05-06 08:00 发表于北京 — a WeChat article head
_WECHAT_HEAD = re.compile(
    rf"^(?:原创|原創)\s{{1,3}}(?:(?P<who>[{_HAN}A-Za-z·]{{2,12}})\s{{1,3}})?(?P<src>[^\s]{{2,24}})\s{{1,3}}"
    r"(?P<date>(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)"
)


# 城市生活观察 2024年5月6日 08:00 北京 — an account, a date and time, maybe where it was posted
_ACCOUNT_STAMP = re.compile(
    rf"^(?P<src>[{_HAN}A-Za-z0-9·]{{2,16}})\s{{1,3}}(?P<date>(?:19|20)\d{{2}}[-/.年]\d{{1,2}}[-/.月]\d{{1,2}}日?)"
    rf"\s{{1,3}}\d{{1,2}}[:：]\d{{2}}(?:\s{{1,3}}(?:发表于|發表於)?[{_HAN}]{{2,4}})?$"
)
_NOT_ACCOUNT = re.compile(r"时间|時間|日期|发布|發布|更新|来源|來源|星期|作者|记者|記者")
# 以下文章来源于住房观察，作者王磊 — a WeChat repost of another account
_REPOSTED_FROM = re.compile(
    rf"^以下文章(?:来源于|來源於)\s{{0,2}}(?P<src>[^，,\s]{{2,20}})\s{{0,2}}(?:[，,]\s{{0,2}}作者\s{{0,2}}"
    rf"(?P<who>[{_HAN}A-Za-z·]{{2,12}}))?$"
)
_PLATFORM_ACCOUNT = re.compile(rf"[{_HAN}]{{1,4}}(?:号|號)(?:$|·|\s)")


def source_rank(meta: Byline) -> int:
    """How much to trust the source a meta line names (higher wins; ties: first seen).

    4: the account a WeChat article was reposted from (``以下文章来源于…``);
    3: a ``来源：`` line or an account's post stamp; 2: an author/outlet credit (``石佳/中国青年报``) or a
    print edition; 1: a ``来源：`` naming a platform's account channel
    (``澎湃新闻·澎湃号·媒体``: the outlet behind the account is credited elsewhere)
    or a publisher named inside a byline (``文｜财新 张宇``); 0: no source.
    """
    if not meta.source:
        return 0
    if _REPOSTED_FROM.match(meta.text):
        return 4  # the account a WeChat article was reposted from is its real source
    if meta.authors:
        return 2 if _AUTHOR_OUTLET.match(meta.text) else 1
    return 1 if _PLATFORM_ACCOUNT.search(meta.source) else 3


def best_source(metas: list[Byline]) -> str:
    """The source named by the most trusted of ``metas`` (see :func:`source_rank`)."""
    best, rank = "", 0
    for meta in metas:
        r = source_rank(meta)
        if r > rank:
            best, rank = meta.source, r
    return best


# 24-5-6 09:30 来自 微博 weibo.com / 2024-05-06 09:30 来自iPhone客户端 — a microblog post stamp
_POST_STAMP = re.compile(
    r"^(?P<date>(?:(?:19|20)?\d{2}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?)?\s{0,2}(?:\d{1,2}[:：]\d{2})?\s{0,3}"
    r"(?:来自|來自)\s{0,2}\S.{0,40}$"
)


def _post_date(text: str) -> str:
    parts = re.split(r"[-/.年月日]", text)
    nums = [int(p) for p in parts if p.isdigit()]
    if len(nums) != 3:
        return ""
    year = nums[0] + 2000 if nums[0] < 100 else nums[0]
    return parse_date(f"{year}-{nums[1]}-{nums[2]}")


def parse_credit(line: str) -> Byline | None:
    """An author-and-outlet credit line (``石佳/中国青年报``, a WeChat ``原创 作者 公众号 日期`` head,
    a microblog ``24-5-6 09:30 来自 微博`` post stamp)."""
    if len(line) > 80:
        return None
    m = _POST_STAMP.match(line)
    if m and (m.group("date") or re.match(r"^\d{1,2}[:：]\d{2}", line)):
        return Byline(text="", date=_post_date(m.group("date") or ""), post=True)
    m = _AUTHOR_OUTLET.match(line)
    if m and all(is_person_name(who) and not _ROLE_WORD.search(who) for who in m.group("who").split("、")):
        return Byline(text=line, authors=m.group("who").split("、"), source=m.group("src"))
    m = _WECHAT_HEAD.match(line)
    if m:
        who = m.group("who") or ""
        return Byline(
            text=line,
            authors=[who] if who and is_person_name(who) else [],
            source=m.group("src"),
            date=parse_date(m.group("date")),
        )
    m = _ACCOUNT_STAMP.match(line)
    if m and not _NOT_ACCOUNT.search(m.group("src")):
        return Byline(text="", source=m.group("src"), date=parse_date(m.group("date")))
    m = _REPOSTED_FROM.match(line)
    if m:
        who = m.group("who") or ""
        return Byline(text=line, authors=[who] if is_person_name(who) else [], source=m.group("src"))
    return None


_SOURCE_LABEL = re.compile(r"^(?:来源|來源|出处|出處|稿源|稿件来源|稿件來源)\s{0,2}[:：]\s{0,2}")
# 政能亮 来自北京市 / 来自内蒙古自治区: the IP region a platform prints beside an account, no source
_IP_REGION = re.compile(rf"\s{{0,2}}(?:IP属地|IP屬地|来自|來自)\s{{0,2}}[:：]?\s{{0,2}}[{_HAN}]{{2,10}}$")
_NO_SOURCE = re.compile(
    r"^(?:新闻|新聞|资讯|資訊|转载|轉載|互联网|互聯網|网络|網絡|原创|原創|本站|本网|本網|本报|本報|本刊|本台|未知|网友|網友|"
    r"null|none|"
    r"undefined)$",
    re.IGNORECASE,
)
_NOT_PERSON = re.compile(
    r"出版社|期刊|杂志社|雜誌社|编辑部|編輯部|有限公司|团队|團隊|\b(?:Team|Publishers?|Press|Inc|Ltd|News|Staff)\b|!",
    re.IGNORECASE,
)


def tidy(story) -> None:
    """Clean a page story's source and authors of what cannot be one (see the module docstring)."""
    source = _IP_REGION.sub("", _SOURCE_LABEL.sub("", (story.source or "").strip()))
    source = source.strip("()（）[]【】〔〕<>《》 \u3000")
    if (
        re.search(r"[=<>\"']", source)
        or _NO_SOURCE.match(source)
        or not re.search(rf"[{_HAN}A-Za-z]", source)
    ):
        source = ""
    story.source = source
    kept = [a for a in story.authors if not _NOT_PERSON.search(a)]
    if kept != story.authors:
        story.authors = kept
        if not kept:
            story.byline = ""
