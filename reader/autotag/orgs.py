"""Organisation tags: well-known organisations by any of their names, and named bodies.

Two rules, applied in this order:

1. **Known organisations.** Big organisations go by many names (中国邮政储蓄银行,
   邮储银行, 邮政银行, 邮银). :data:`KNOWN` maps each alias to one canonical name
   so that facets merge. A place right before a nationwide brand names its local
   branch (上饶邮政, 江西移动).
2. **Named bodies.** A run of content words that starts with a proper name (a
   place, or a word jieba tags as an organisation or proper noun) and ends in an
   organisation word (局, 委员会, 合作社, 集团, 大学, 医院 …): 上饶市商务局,
   广丰区鸡公山种养专业合作社. A bare 市委 or 该公司 is not tagged.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from reader.autotag.segment import FUNCTION_TAGS, Segmented, Token

#: canonical name -> other names it goes by.
KNOWN: dict[str, tuple[str, ...]] = {
    "邮储银行": ("中国邮政储蓄银行", "邮政储蓄银行", "邮政银行", "邮储", "邮银"),
    "中国邮政": ("中国邮政集团", "中国邮政集团有限公司", "中国邮政集团公司", "邮政集团"),
    "工商银行": ("中国工商银行", "工行"),
    "农业银行": ("中国农业银行", "农行"),
    "建设银行": ("中国建设银行", "建行"),
    "中国银行": ("中行",),
    "交通银行": ("交行",),
    "招商银行": ("招行",),
    "人民银行": ("中国人民银行", "央行"),
    "国家开发银行": ("国开行",),
    "新华社": ("新华通讯社",),
    "中新社": ("中国新闻社",),
    "中新网": ("中国新闻网",),
    "中央广播电视总台": ("总台", "央视", "中央电视台", "中央人民广播电台"),
    "人民日报": ("人民日报社",),
    "国务院": ("中华人民共和国国务院",),
    "全国人大": ("全国人民代表大会", "全国人大常委会", "全国人民代表大会常务委员会"),
    "全国政协": ("中国人民政治协商会议全国委员会",),
    "中共中央": ("党中央",),
    "中央军委": ("中央军事委员会",),
    "国家发展改革委": ("国家发改委", "国家发展和改革委员会", "发改委"),
    "联合国": ("联合国大会", "联大"),
    "世界卫生组织": ("世卫组织", "世卫"),
    "世界贸易组织": ("世贸组织", "世贸"),
    "欧盟": ("欧洲联盟",),
    "东盟": ("东南亚国家联盟",),
    "北约": ("北大西洋公约组织",),
    "国际货币基金组织": ("IMF",),
    "国际奥委会": ("国际奥林匹克委员会",),
    "上海合作组织": ("上合组织",),
    "金砖国家": ("金砖",),
    "美联储": ("美国联邦储备委员会",),
    "香港特区政府": ("特区政府", "港府", "香港政府"),
    "立法会": ("香港立法会",),
    "香港警方": ("香港警务处", "警务处"),
    "国家电网": ("国家电网公司", "国网"),
    "中国移动": (),
    "中国电信": (),
    "中国联通": (),
    "中国石化": ("中石化",),
    "中国石油": ("中石油",),
    "华为": ("华为公司", "华为技术有限公司"),
    "阿里巴巴": ("阿里巴巴集团",),
    "腾讯": ("腾讯公司",),
    "比亚迪": (),
}

#: Nationwide brands whose local branches are named "<place><brand>".
LOCAL_BRANDS = ("邮政", "移动", "电信", "联通", "邮银")

#: Words an organisation's name ends in.
SUFFIX_WORDS = frozenset(
    {
        "银行",
        "公司",
        "集团",
        "大学",
        "学院",
        "学校",
        "中学",
        "小学",
        "医院",
        "法院",
        "检察院",
        "研究院",
        "研究所",
        "委员会",
        "协会",
        "学会",
        "商会",
        "联合会",
        "基金会",
        "人民政府",
        "政府",
        "公安局",
        "合作社",
        "工会",
        "党委",
        "党工委",
        "俱乐部",
        "组织",
        "联盟",
        "议会",
        "博物馆",
        "图书馆",
        "出版社",
        "通讯社",
        "交易所",
        "电视台",
        "报社",
        "日报",
        "管委会",
        "指挥部",
        "办公室",
        "总局",
        "总署",
        "部",
        "局",
        "厅",
        "署",
        "委",
    }
)

#: Organisation words that are generic on their own (市委, 党委, 公司).
_GENERIC = frozenset(
    {
        "市委",
        "省委",
        "县委",
        "区委",
        "党委",
        "政府",
        "公司",
        "集团",
        "银行",
        "学校",
        "医院",
        "协会",
        "本报",
        "该公司",
        "外国政府",
        "中国政府",
        "地方政府",
        "中国商业银行",
        "上市公司",
    }
)

#: Ordinary words that happen to end in an organisation character (格局, 场所).
_NOT_ORG_WORDS = frozenset(
    """
    格局 布局 结局 大局 开局 新局 僵局 全局 当局 骗局 出局 场所 住所 厕所 处所
    居所 诊所 庭院 寺院 书院 剧院 影院 法院 结社 举办 主办 承办 创办 开办 兴办
    督办 包办 协办 报社 内部 外部 全部 局部 干部 总部 本部 支部 委托 部署 政委
    主委 常委 编委 纪委书记
    """.split()
)

#: Single characters that end an organisation word (商务局 -> 局).
_SUFFIX_CHARS = frozenset("局厅委署办院所社")

#: Tags of words that may stand inside an organisation's name.
_BAD_INSIDE = FUNCTION_TAGS | {"x", "eng", "m"}


@functools.cache
def alias_map() -> dict[str, str]:
    """Every written name -> canonical name."""
    out: dict[str, str] = {}
    for canonical, aliases in KNOWN.items():
        out[canonical] = canonical
        for alias in aliases:
            out.setdefault(alias, canonical)
    return out


@functools.cache
def _alias_index() -> tuple[frozenset[str], int]:
    aliases = alias_map()
    return frozenset(a[:2] for a in aliases), max(len(a) for a in aliases)


def _is_org_word(word: str, tag: str) -> bool:
    if word in _NOT_ORG_WORDS or (len(word) == 1 and word not in _SUFFIX_CHARS):
        return False
    if len(word) >= 2 and word[-1] == "部" and word[-2] in "东西南北中内外全大":
        return False  # 中西部, 东部, 内部: parts, not bodies
    if word in SUFFIX_WORDS or tag == "nt":
        return True
    return len(word) >= 2 and word[-1] in _SUFFIX_CHARS and tag in ("n", "nt", "nz", "j")


def find_orgs(seg: Segmented, place_spans: list[tuple[str, int, int]]) -> dict[str, int]:
    """Organisations in the story -> mentions. ``place_spans`` are ``(label, start, end)``.

    In three passes, each leaving alone the text an earlier one took: a place right
    before a nationwide brand, known organisations by any alias, then named bodies.
    """
    found = _Found()
    _local_brands(seg, place_spans, found)
    _known_aliases(seg, found)
    _named_bodies(seg, place_spans, found)
    return found.counts


@dataclass
class _Found:
    """Organisations found so far -> mentions, and the text offsets they cover."""

    counts: dict[str, int] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)

    def add(self, name: str, start: int, end: int) -> None:
        self.counts[name] = self.counts.get(name, 0) + 1
        self.taken.update(range(start, end))


def _local_brands(seg: Segmented, place_spans: list[tuple[str, int, int]], found: _Found) -> None:
    """A place right before a nationwide brand: 上饶邮政."""
    text = seg.text
    place_at_end = {end: (label, start) for label, start, end in place_spans}
    for brand in LOCAL_BRANDS:
        i = text.find(brand)
        while i >= 0:
            if i in place_at_end and i + len(brand) in seg.ends:
                label, start = place_at_end[i]
                if brand == "邮银":  # 上饶邮银: the postal savings bank's local branch
                    found.add("邮储银行", i, i + len(brand))
                else:
                    found.add(label + brand, start, i + len(brand))
            i = text.find(brand, i + len(brand))


def _known_aliases(seg: Segmented, found: _Found) -> None:
    """Known organisations by any alias, on word boundaries, longest alias first."""
    text = seg.text
    aliases = alias_map()
    prefixes, longest = _alias_index()
    for start in sorted(seg.starts):
        if start in found.taken or text[start : start + 2] not in prefixes:
            continue
        for size in range(min(longest, len(text) - start), 1, -1):
            canonical = aliases.get(text[start : start + size])
            if canonical and start + size in seg.ends:
                found.add(canonical, start, start + size)
                break


def _named_bodies(seg: Segmented, place_spans: list[tuple[str, int, int]], found: _Found) -> None:
    """Named bodies: a proper-name start (a place or a named word) ... an organisation word."""
    text = seg.text
    aliases = alias_map()
    place_starts = {start: end for _label, start, end in place_spans}
    tokens = seg.tokens
    for k, tok in enumerate(tokens):
        if not _is_org_word(tok.word, tok.tag) or tok.start in found.taken:
            continue
        best = _name_start(tokens, k, place_starts, found.taken)
        if best is None:
            continue
        name = text[tokens[best].start : tok.end]
        if (
            name in _GENERIC
            or len(name) < 4
            or name in aliases
            or "原" in name[1:]
            or "暨" in name
            or name.endswith("大院")
        ):
            continue  # 山东省委原常委 is a former post, 市委大院 a compound
        found.add(name, tokens[best].start, tok.end)


def _name_start(tokens: list[Token], k: int, place_starts: dict[int, int], taken: set[int]) -> int | None:
    """The index of the furthest token before ``tokens[k]`` (an organisation word) that can start
    its name (a place, or a named word), at most five tokens back; None if there is none."""
    tok = tokens[k]
    best = None
    j = k
    while j > 0 and k - j < 5:
        prev = tokens[j - 1]
        if prev.tag in _BAD_INSIDE or prev.start in taken or tok.end - prev.start > 14:
            break
        if prev.tag.startswith("v") and (j != k or len(tok.word) > 1):
            break  # a verb may only stand right before a one-character org word (乡村振兴局)
        j -= 1
        if prev.start in place_starts or (prev.tag in ("nt", "nz", "ns") and len(prev.word) > 1):
            best = j
    return best
