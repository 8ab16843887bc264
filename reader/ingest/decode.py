"""Turn a file's bytes into text: detect the encoding from the bytes, never from the name.

Order of evidence: a byte-order mark; a NUL pattern that says UTF-16; a strict UTF-8
trial; then a choice between GB18030 and Big5-HKSCS by which decoding yields more
common Chinese characters. A declared charset (HTML ``<meta charset>``) only breaks a
tie between legacy encodings: pages that declare gb2312 while their bytes are UTF-8
are read as UTF-8. Damaged text (a file cut mid-character, a few bad bytes) is
decoded with replacement characters and the damage is reported, so the rest of the
file still imports. Binary data raises :class:`NotText`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

#: The most frequent Chinese characters of news text, simplified then traditional.
#: Right decodings of Chinese text are full of them; wrong ones (Big5 bytes read as
#: GB18030 or the other way round) produce rare characters instead.
COMMON_CHARS = frozenset(
    "的中国在人一业发为和新年大是有不生了化行会作动日等能成以上地家全对展时出要方合学市进实产文同多力工来部"
    "关高法用体月与长经现个公民者理到提重区加建主开机务通这场分过平于制品定保政可自科度前将海下面持设技量性强"
    "电期更台外资共入表推应内社本数创网心示我规物企记水当后增明子也安其间交们事就据系员南好美金小管信利次活点"
    "及服目比商代风近向流式北相从报费基天东元统质正总题研特消西门造深广位项护道编术他如续院程并联还万传济计得"
    "治第标指完司之车局至领育调三此求际辑运意级情种最游非教域升导布各问供专着施支已营说需受源果所省名两解立口"
    "起效案息路构收组引华京办里任手某而接色监都城态今单融查球客步智价准未优线旅带策防集江境老具助医协权考议党"
    "投结少影改常预州达环视山习易被因类处精战校型让件节些气委超放或格认二验举看条赛变贸众责确团书队模斯群打原"
    "空参取感无形然险亚身决界证使究显该世互首健范养列注义论农转包但维益周青称食"
    "的有人是一不會在中國為大港法年他時政以個我上要民到出對及香和行者後這可日生員了方地事來發作自公多主們學成過"
    "能家於就當說同與都月但前而如被得議警新下其理動表工問本之府關分社用示立開現也長指無經選心意文沒提力因所任面"
    "由美好應定去情至報最內然全實重間外場名道只已特權明兩區反入今天係制或相建何認回受次部更子你向並高加市案林持"
    "治聯等例合她正機進做資小期度將題未見記果件平台司業數信起安論務局士位教三鄭共處院眾求解想代手通基首亦體又接"
    "看保身片知律條曾此點很話己少交近委醫言非否利第些黨性官再樣令支運傳唔感英程從望舉界決組口影目常周展派威強電"
    "管總調查參告聞十別那席華還結取稱包則圖打供病物麼視原網真種二使該化直比金即先路聲專頭放計書續萬容改師需陳變"
    "門責北引爭護控每約據世元難統各灣達活早照暴修況車集隊察甚商收科式著請水考才女導離四梁義證單幾產講線連括嘅張"
    "海署覺批黃領希團西完協走辦太必評老判馬校助確量仍東獨戰份際"
    "，。、；：？！“”‘’（）《》【】"
)

#: How much of a file the scoring and sniffing look at (decoding itself is always whole).
SAMPLE = 64 * 1024

_LEGACY = ("gb18030", "big5hkscs")
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "cp950": "big5hkscs",
    "x-big5": "big5hkscs",
}


class NotText(ValueError):
    """The bytes are binary data (an image, an archive, a font ...), not text."""


@dataclass
class Decoded:
    """Text decoded from bytes, the encoding used, and what was wrong with the bytes (if anything)."""

    text: str
    encoding: str
    problem: str = ""


#: A decoding that had to replace more than this share of the characters is not text.
MAX_REPLACED = 0.01
#: ... nor one where control characters (other than tab, newline, form feed, ESC) are this common.
MAX_CONTROLS = 0.01
#: ... nor a GB18030/Big5 reading whose non-ASCII characters are this rarely common Chinese ones.
MIN_LEGACY_COMMON = 0.15

_CJK_CHAR = re.compile("[\u4e00-\u9fff]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffe\uffff]")
_READABLE = re.compile(r"[^\s\ufffd\x00-\x1f\x7f-\x9f\W_]")


def decode_bytes(data: bytes, declared: str = "") -> Decoded:
    """Decode ``data``; ``declared`` (a charset named by the file itself) only breaks ties.

    Raises :class:`NotText` for binary data, and for bytes that are not text in any
    supported encoding: a decoding that needed replacement characters for more than
    :data:`MAX_REPLACED` of the text (cut-off characters at the very end aside), control
    characters, a legacy reading made of rare characters, or nothing readable at all.
    Never raises for text damaged in a few places: the damage is described in
    ``Decoded.problem`` and replaced by U+FFFD.
    """
    decoded = _decode(data, declared)
    if data:
        _refuse_junk(decoded)
    return decoded


def _refuse_junk(decoded: Decoded) -> None:
    """Raise :class:`NotText` when ``decoded`` is not text worth a story (see :func:`decode_bytes`)."""
    text = decoded.text
    size = len(text) - sum(text.count(ch) for ch in " \n\t\r\u3000")
    if size <= 0 or not text.strip().strip("\ufeff\u200b\u3000\u00a0"):
        return  # only whitespace: the caller says so
    replaced = text.count("\ufffd")
    if decoded.problem.startswith("truncated ") and " or " not in decoded.problem:
        replaced -= len(text) - len(text.rstrip("\ufffd"))  # a character cut off at the end
    name = _shown_codec(decoded.encoding)
    if replaced > 1 and replaced > MAX_REPLACED * size:
        raise NotText(
            f"not text: {_percent(replaced, size)} of the characters could not be decoded as {name} "
            "(nor in any other supported encoding)"
        )
    sample = text[: SAMPLE * 4]
    controls = len(_CONTROLS.findall(sample))
    if controls > 1 and controls > MAX_CONTROLS * min(size, len(sample)):
        raise NotText(
            f"not text: {_percent(controls, min(size, len(sample)))} control characters (binary data)"
        )
    if decoded.encoding in _LEGACY:
        wide = sum(1 for ch in sample if ord(ch) > 0x7F and not ch.isspace())
        if wide >= 50 and _common_share(sample) < MIN_LEGACY_COMMON:
            raise NotText(
                f"not text in any supported encoding (read as {name}, almost none of its characters "
                "are common Chinese ones)"
            )
    if not _READABLE.search(sample) and not _READABLE.search(text):
        raise NotText("not text: no readable characters (only replacement characters, symbols or controls)")


def _percent(part: int, whole: int) -> str:
    share = 100 * part / max(1, whole)
    return f"{share:.0f}%" if share >= 1 else f"{share:.1f}%"


def _shown_codec(codec: str) -> str:
    return {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "gb18030": "GB18030", "big5hkscs": "Big5"}.get(
        codec, codec.upper()
    )


def _decode(data: bytes, declared: str = "") -> Decoded:
    if not data:
        return Decoded("", "utf-8")
    bom = _from_bom(data)
    if bom is not None:
        return bom
    if b"\x00" in data[:SAMPLE] or b"\x00" in data[-SAMPLE:] or _looks_binary(data[:SAMPLE]):
        # NULs or control bytes: UTF-16 (CJK code units often hold bytes below 0x20) or binary
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        cleaned = data.replace(b"\x00", b"")
        if 0 < len(data) - len(cleaned) <= len(data) // 200 and _decodes(cleaned, "utf-8"):
            # UTF-8 text with a few stray NULs (a damaged copy): drop them and say so
            nuls = len(data) - len(cleaned)
            return Decoded(
                cleaned.decode("utf-8"), "utf-8", f"{nuls} NUL byte{'s' if nuls > 1 else ''} removed"
            )
        raise NotText("not text (binary data)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    cut = utf8_error.start
    if (cut >= len(data) - 3 and _decodes(data[:cut], "utf-8")) or _mostly_utf8(data):
        return _damaged(data, "utf-8", utf8_error.start)
    if _mixed_utf8(data):
        raise NotText("not text in one encoding: part of it is UTF-8 and part is not (mixed encodings)")
    return _legacy(data, _ALIASES.get(declared.strip().lower(), ""))


def _mixed_utf8(data: bytes) -> bool:
    """Long stretches of valid UTF-8 Chinese among bytes that are not UTF-8: two encodings in one file.

    GB18030 or Big5 text read as UTF-8 gives a Chinese character by chance for at most a few
    per cent of its replacement characters (3.5% on real text); a file part UTF-8 gives as many.
    """
    sample = data[: SAMPLE * 4].decode("utf-8", errors="replace")
    bad = sample.count("\ufffd")
    valid = len(_CJK_CHAR.findall(sample))
    return valid >= 20 and valid > 0.25 * bad


def _from_bom(data: bytes) -> Decoded | None:
    for bom, name, codec in (
        (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    ):
        if data.startswith(bom):
            if codec == "utf-32" and len(data) % 4:
                continue  # FF FE 00 00 opening UTF-16 text (a BOM, then U+0000), not UTF-32
            try:
                return Decoded(data.decode(codec), name)
            except UnicodeDecodeError as exc:
                return _damaged(data, codec, exc.start, label=name)
    return None


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM: the byte order whose decoding reads as text (ASCII, CJK, punctuation).

    ASCII characters put their NULs all on one side (odd offsets for LE, even for BE);
    text that is nearly all CJK has few NULs, so common characters must confirm it.
    """
    sample = data[:SAMPLE]
    sample = sample[: len(sample) - len(sample) % 2]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    scored = []
    for codec, side in (("utf-16-le", odd), ("utf-16-be", even)):
        text = sample.decode(codec, errors="replace")
        # enough NULs, nearly all on this side (too few say nothing: a binary header has some)
        one_sided = side / (even + odd) if side >= max(4, len(sample) // 400) else 0.0
        scored.append((_plausible(text), one_sided, codec, text))
    if len(sample) % 4 == 0:  # UTF-32 without BOM: every character is four bytes, mostly NULs
        for codec in ("utf-32-le", "utf-32-be"):
            text = sample.decode(codec, errors="replace")
            scored.append((_plausible(text), 1.0 if _plausible(text) > 0.95 else 0.0, codec, text))
    score, one_sided, codec, text = max(scored)
    if score < 0.9 or (one_sided < 0.8 and _common_share(text) < 0.2):
        return None
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError as exc:
        return _damaged(data, codec, exc.start)


def _plausible(text: str) -> float:
    """Share of characters typical of Chinese or Western text: ASCII, CJK, CJK and full-width punctuation."""
    if not text:
        return 0.0
    good = 0
    for ch in text:
        code = ord(ch)
        if (
            32 <= code < 127
            or ch in "\n\r\t\f"
            or 0x4E00 <= code <= 0x9FFF
            or 0x3000 <= code <= 0x303F
            or 0xFF00 <= code <= 0xFFEF
            or 0x2010 <= code <= 0x206F
            or 0xA0 <= code <= 0x24F
        ):
            good += 1
    return good / len(text)


def _text_score(text: str) -> float:
    """Share of characters that plausibly belong to text (CJK, printable, whitespace)."""
    if not text:
        return 0.0
    good = 0
    for ch in text:
        code = ord(ch)
        if ch.isprintable() or ch in "\n\r\t\f" or code == 0x3000:
            if code != 0xFFFD and not 0xE000 <= code <= 0xF8FF:
                good += 1
    return good / len(text)


def _looks_binary(sample: bytes) -> bool:
    """Control bytes other than whitespace are rare in text and common in binary formats."""
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.05


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few bad bytes (or a cut at the end) rather than a legacy encoding."""
    sample = data[: SAMPLE * 4]
    decoded = sample.decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd")
    multibyte = sum(1 for ch in decoded if ord(ch) > 0x7F and ch != "\ufffd")
    if bad == 0:
        return True  # the error lies beyond the sample or at its cut
    return multibyte >= 10 * bad


def _damaged(data: bytes, codec: str, at: int, label: str = "") -> Decoded:
    name = label or codec
    text = data.decode(codec, errors="replace")
    where = "truncated" if at >= len(data) - 4 else "truncated or invalid"
    return Decoded(text, name, f"{where} {_shown_codec(codec)} at byte {at}; replaced")


def _legacy(data: bytes, declared: str) -> Decoded:
    """Choose between GB18030 and Big5-HKSCS by the common characters each decoding gives.

    UTF-16 without BOM or NULs (pure CJK, no ASCII at all) competes too, when it decodes cleanly.
    """
    candidates = list(_LEGACY) + (["utf-16-le", "utf-16-be"] if len(data) % 2 == 0 else [])
    results: dict[str, tuple[float, int, str | None, int]] = {}
    for codec in candidates:
        try:
            text = data.decode(codec)
            errors, first = 0, -1
        except UnicodeDecodeError as exc:
            if codec.startswith("utf-16"):
                continue
            text = None
            first = exc.start
            errors = data.decode(codec, errors="replace").count("\ufffd")
            if first >= len(data) - 3 and _decodes(data[:first], codec):
                errors = 0  # only cut at the end (a truncated file): as good as clean for choosing
        sample = text[:SAMPLE] if text is not None else data[:SAMPLE].decode(codec, errors="replace")
        share = _common_share(sample)
        if codec.startswith("utf-16") and share < 0.3:
            continue  # random CJK code points: legacy bytes read two at a time
        results[codec] = (share, errors, text, first)

    def rank(codec: str) -> tuple:
        share, errors, _text, _first = results[codec]
        if codec.startswith("utf-16"):
            share -= 0.2  # only a clear win over the legacy encodings counts
        return (errors == 0, share - 0.5 * min(errors, 50) / 50, codec == declared)

    best = max(results, key=rank)
    share, errors, text, first = results[best]
    if declared in results and declared != best:
        d_share, d_errors, _t, _f = results[declared]
        if d_errors <= errors and d_share >= share - 0.02:
            best = declared
            share, errors, text, first = results[best]
    top_share = max(r[0] for r in results.values())
    if top_share < 0.05 and _text_score(data[:SAMPLE].decode("utf-8", errors="replace")) < 0.7:
        raise NotText("not text (binary data)")
    if text is not None:
        return Decoded(text, best)
    return _damaged(data, best, first)


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _common_share(text: str) -> float:
    """Share of the non-ASCII characters that are common Chinese characters or punctuation."""
    total = common = 0
    for ch in text:
        if ord(ch) > 0x7F and not ch.isspace():
            total += 1
            if ch in COMMON_CHARS:
                common += 1
    return common / total if total else 0.0


def declared_charset(head: bytes) -> str:
    """The charset an HTML page names in its first bytes (``<meta charset>``), or ''."""
    match = re.search(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", head[:4096], re.IGNORECASE)
    if not match:
        return ""
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name
