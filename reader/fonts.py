"""CJK fonts that render on every machine and give PDFs an exact text layer.

The pip package ``noto-cjk-sans-otc`` ships Noto Sans CJK as one collection
(``NotoSansCJK-Regular.ttc``). Used as is, Qt writes wrong text into PDFs: Noto
maps several code points to one glyph (U+4E00 一 and the Kangxi radical U+2F00 ⼀)
and Qt's ToUnicode map takes the lowest code point of each glyph, so 一 comes
back as ⼀ and 胶 as 㬵 (and ・ as ·, ⋯ as …). ``cjk_font_files`` therefore
extracts the face of a script (SC, TC or HK), keeps in every ``cmap`` subtable
only the preferred code point of each shared glyph (see ``extra_layers``), and
puts the others into up to three small "layer" fonts where each glyph again has
one code point; Qt falls back to them (``QFont.setFamilies``), so every character
of the face still prints and comes back as itself. All get family names of their
own ("Reader Sans CJK SC", "... X1") so they never clash with an installed Noto,
and are cached as ``.otf`` in ``paths.cache_dir()/fonts`` (built once, ~5 s a
face; rebuilt when the source or ``CLEAN_VERSION`` changes). ``qt_font`` turns
off the OpenType features that substitute glyphs without a code point (``ccmp``
joins —— into ⸺, ``liga`` joins fi), so every glyph drawn maps back.

For the screen, ``register_qt_fallback`` loads the collection itself (no
preparation needed to draw) so that views list its faces after whatever font the
user has: a character the chosen font lacks (黄𬴂鸿's Extension-E 𬴂 in many
system fonts) is drawn from Noto, never as a box.

Only ``register_qt_fonts``, ``register_qt_fallback`` and ``qt_font`` touch Qt
(QtGui), and only when called.
"""

from __future__ import annotations

import hashlib
import threading
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from reader import paths
from reader.atomicfile import replacing, write_atomic

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtGui import QFont

#: Bump when the cleaning rules change: cached fonts are then rebuilt.
CLEAN_VERSION = 3

#: Script -> (face name inside the collection, family name we give it).
FACES = {
    "zh-hans": ("Noto Sans CJK SC", "Reader Sans CJK SC"),
    "zh-hant": ("Noto Sans CJK TC", "Reader Sans CJK TC"),
    "zh-tw": ("Noto Sans CJK TC", "Reader Sans CJK TC"),
    "zh-hk": ("Noto Sans CJK HK", "Reader Sans CJK HK"),
}

#: OpenType features turned off on every QFont from ``qt_font``: they put glyphs
#: on the page that no code point maps to, which breaks the PDF text layer.
OFF_FEATURES = ("ccmp", "liga", "clig", "calt", "dlig", "locl")

#: Punctuation pairs that share a glyph in Noto CJK, where Chinese text uses the
#: second but Qt would write the first (the lower) into the text layer.
_PUNCTUATION_PREFERRED = {
    0x2012: 0x2013,  # FIGURE DASH -> EN DASH
    0x2215: 0xFF0F,  # DIVISION SLASH -> FULLWIDTH SOLIDUS
    0x301C: 0xFF5E,  # WAVE DASH -> FULLWIDTH TILDE (3～5)
    0x2035: 0xFF40,  # REVERSED PRIME -> FULLWIDTH GRAVE
}

_lock = threading.RLock()
_files: dict[str, list[Path]] = {}
_qt_layers: dict[str, list[str]] = {}
_qt_families: dict[str, str] = {}


class FontError(Exception):
    """The CJK font could not be found or prepared."""


def source_collection() -> Path:
    """The Noto Sans CJK collection shipped by the ``noto-cjk-sans-otc`` package."""
    try:
        import noto_cjk_sans_otc
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise FontError("the Python package noto-cjk-sans-otc is not installed") from exc
    path = Path(str(noto_cjk_sans_otc.FONT_PATH))
    if not path.is_file():  # pragma: no cover
        raise FontError(f"{path}: the Noto Sans CJK collection is missing")
    return path


def _check_script(script: str) -> str:
    if script not in FACES:
        raise ValueError(f"unknown script {script!r}; use one of {', '.join(FACES)}")
    return script


def _rank(cp: int) -> int:
    """How strongly a code point should keep its glyph (lower wins)."""
    if 0x4E00 <= cp <= 0x9FFF:
        return 0  # CJK Unified Ideographs
    if 0x3400 <= cp <= 0x4DBF:
        return 1  # Extension A
    return 2


def _preferred(cps: list[int]) -> int | None:
    """Of the code points sharing one glyph, the one the text layer must say, or None to keep all."""
    best = min(cps, key=lambda cp: (_rank(cp), cp))
    if _rank(best) < 2:
        return best
    present = set(cps)
    for cp in cps:  # canonical singletons (U+2329 〈 -> U+3008 〈): keep the target
        decomposition = unicodedata.decomposition(chr(cp))
        if decomposition and not decomposition.startswith("<") and " " not in decomposition:
            target = int(decomposition, 16)
            if target in present:
                return target
    for cp in cps:
        if _PUNCTUATION_PREFERRED.get(cp) in present:
            return _PUNCTUATION_PREFERRED[cp]
    return None


def extra_layers(cmap: dict[int, str]) -> list[set[int]]:
    """The code points moved out of the main font, by layer, so no font maps two to one glyph.

    For each glyph with several code points the preferred one stays in the main
    font: a CJK unified ideograph (U+4E00–U+9FFF) over everything (Kangxi and
    supplement radicals, compatibility forms, Extension A look-alikes such as 㬵
    for 胶), then an Extension A ideograph, then the target of a canonical
    singleton or the punctuation Chinese text uses, else the lowest (Qt's choice).
    The others go, one per glyph, to layer 1, 2, ...: small fonts of their own
    that Qt falls back to, so ⼀ or ・ still print and still come back as themselves.
    """
    by_glyph: dict[str, list[int]] = {}
    for cp, glyph in cmap.items():
        by_glyph.setdefault(glyph, []).append(cp)
    layers: list[set[int]] = []
    for cps in by_glyph.values():
        if len(cps) < 2:
            continue
        primary = _preferred(cps)
        if primary is None:
            primary = min(cps)
        for k, cp in enumerate(sorted(cp for cp in cps if cp != primary)):
            if len(layers) <= k:
                layers.append(set())
            layers[k].add(cp)
    return layers


def dropped_code_points(cmap: dict[int, str]) -> set[int]:
    """Code points the main font no longer maps (they live in the extra layers)."""
    return set().union(*extra_layers(cmap))


#: How many extra layers a face may get (Noto CJK needs 3: · • ‧ ・ share one glyph).
MAX_LAYERS = 4


def _cache_names(script: str, source: Path) -> list[str]:
    """File names of the main font and its possible layers (digest of source and rules)."""
    face, family = FACES[script]
    stat = source.stat()
    basis = f"{source.resolve()}\0{stat.st_size}\0{int(stat.st_mtime)}\0{face}\0{CLEAN_VERSION}"
    digest = hashlib.sha1(basis.encode()).hexdigest()[:10]
    stem = family.replace(" ", "")
    return [f"{stem}-{digest}.otf"] + [f"{stem}-X{k}-{digest}.otf" for k in range(1, MAX_LAYERS + 1)]


def _rename(font, family: str) -> None:
    """Give the font its own family name, so it never clashes with an installed Noto."""
    ps_name = family.replace(" ", "") + "-Regular"
    name = font["name"]
    for record in list(name.names):
        if record.nameID in (16, 17, 21, 22) or (record.nameID in (1, 4) and record.langID not in (0, 0x409)):
            name.removeNames(nameID=record.nameID, langID=record.langID)
    for platform, encoding, lang in ((3, 1, 0x409), (1, 0, 0)):
        name.setName(family, 1, platform, encoding, lang)
        name.setName(f"{family} Regular", 4, platform, encoding, lang)
        name.setName(ps_name, 6, platform, encoding, lang)
    name.setName(f"{ps_name};reader-clean-{CLEAN_VERSION}", 3, 3, 1, 0x409)


def _save_atomic(font, out: Path) -> None:
    with replacing(out) as tmp:
        font.save(tmp)


def _face_index(source: Path, face: str) -> int:
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(source), lazy=True)
    try:
        for index, font in enumerate(collection.fonts):
            if font["name"].getDebugName(4) == face or font["name"].getDebugName(1) == face:
                return index
    finally:
        collection.close()
    raise FontError(f"{source}: no face named {face!r} in the collection")


def _keep_raw(font, keep: tuple[str, ...]) -> None:
    """Write all tables but ``keep`` back byte for byte: recompiling 65,535 CFF glyphs takes minutes."""
    from fontTools.ttLib.tables.DefaultTable import DefaultTable

    font.recalcBBoxes = False
    for tag in list(font.tables):
        if tag not in keep and tag != "GlyphOrder" and tag in font.reader:
            raw = DefaultTable(tag)
            raw.data = font.reader[tag]
            font.tables[tag] = raw


def _build(script: str, source: Path, outs: list[Path]) -> list[Path]:
    """Write the main font and its layers; returns the files written (main first)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    face, family = FACES[script]
    index = _face_index(source, face)
    font = TTFont(str(source), fontNumber=index, lazy=True)
    try:
        layers = extra_layers(font.getBestCmap())
        if len(layers) > MAX_LAYERS:
            raise FontError(f"{source}: {face} needs {len(layers)} layers, more than {MAX_LAYERS}")
        dropped = set().union(*layers)
        for table in font["cmap"].tables:
            for cp in dropped.intersection(table.cmap):
                del table.cmap[cp]
        _rename(font, family)
        _keep_raw(font, keep=("cmap", "name"))
        _save_atomic(font, outs[0])
    finally:
        font.close()
    written = [outs[0]]
    for k, code_points in enumerate(layers, start=1):
        options = subset.Options()
        options.font_number = index
        options.layout_features = []
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.recalc_bounds = False
        layer = subset.load_font(str(source), options, lazy=False)
        try:
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=sorted(code_points))
            subsetter.subset(layer)
            _rename(layer, f"{family} X{k}")
            _save_atomic(layer, outs[k])
        finally:
            layer.close()
        written.append(outs[k])
    return written


def cjk_font_file(script: str = "zh-hans") -> Path:
    """The prepared (cleaned ``cmap``) CJK font for ``script``, built once and cached on disk."""
    return cjk_font_files(script)[0]


def cjk_font_files(script: str = "zh-hans") -> list[Path]:
    """The main font for ``script`` and its fallback layers (see ``extra_layers``), built once."""
    _check_script(script)
    with _lock:
        cached = _files.get(script)
        if cached is not None and all(p.is_file() for p in cached):
            return list(cached)
        source = source_collection()
        folder = paths.cache_dir() / "fonts"
        folder.mkdir(parents=True, exist_ok=True)
        outs = [folder / name for name in _cache_names(script, source)]
        stamp = outs[0].with_suffix(".layers")
        files: list[Path] = []
        if outs[0].is_file() and stamp.is_file():
            count = int(stamp.read_text() or 0)
            files = outs[: 1 + count]
        if not files or not all(p.is_file() for p in files):
            # unique temp names + atomic renames: processes building at once do not clash
            files = _build(script, source, outs)
            write_atomic(stamp, str(len(files) - 1))
            prefix = FACES[script][1].replace(" ", "") + "-"
            keep = set(files) | {stamp}
            for stale in list(folder.glob(prefix + "*.otf")) + list(folder.glob(prefix + "*.layers")):
                if stale not in keep:
                    stale.unlink(missing_ok=True)
        for other, (face, _family) in FACES.items():  # zh-hant and zh-tw share the TC files
            if face == FACES[script][0]:
                _files[other] = list(files)
        return list(files)


_cmaps: dict[str, set[int]] = {}


def covered(script: str, code_points: list[int], *, layers: bool = False) -> set[int]:
    """Which of ``code_points`` the prepared main font (and with ``layers``, its layers) can draw."""
    files = cjk_font_files(script) if layers else [cjk_font_file(script)]
    found: set[int] = set()
    with _lock:
        for path in files:
            if str(path) not in _cmaps:
                from fontTools.ttLib import TTFont

                font = TTFont(str(path), lazy=True)
                try:
                    _cmaps[str(path)] = set(font.getBestCmap())
                finally:
                    font.close()
            found |= set(code_points) & _cmaps[str(path)]
    return found


def register_qt_fonts(scripts: tuple[str, ...] | None = None) -> dict[str, str]:
    """Load the prepared fonts into Qt; returns script -> Qt family name. Needs a QGuiApplication.

    Call it from the GUI thread (at start-up); the layers are loaded too and
    ``qt_font`` lists them as fallback families.
    """
    from PySide6.QtGui import QFontDatabase

    out: dict[str, str] = {}
    for script in scripts or tuple(FACES):
        _check_script(script)
        with _lock:
            if script not in _qt_families:
                same = [s for s in _qt_families if FACES[s][0] == FACES[script][0]]
                if same:
                    _qt_families[script] = _qt_families[same[0]]
                    _qt_layers[script] = _qt_layers[same[0]]
                else:
                    families = []
                    for path in cjk_font_files(script) if not _files.get(script) else _files[script]:
                        font_id = QFontDatabase.addApplicationFont(str(path))
                        names = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
                        if not names:
                            raise FontError(f"{path}: Qt could not load the prepared CJK font")
                        families.append(names[0])
                    _qt_families[script] = families[0]
                    _qt_layers[script] = families[1:]
        out[script] = _qt_families[script]
    return out


_fallback: list[str] = []


def register_qt_fallback(script: str = "zh-hans") -> list[str]:
    """The bundled Noto Sans CJK faces loaded into Qt, the one of ``script``'s region first.

    Needs a QGuiApplication; loads the collection once. Empty if it cannot be loaded.
    """
    from PySide6.QtGui import QFontDatabase

    _check_script(script)
    with _lock:
        if not _fallback:
            try:
                font_id = QFontDatabase.addApplicationFont(str(source_collection()))
            except FontError:
                return []
            if font_id < 0:
                return []
            _fallback.extend(QFontDatabase.applicationFontFamilies(font_id))
        families = list(_fallback)
    own = FACES[script][0]
    return sorted(families, key=lambda f: (f != own, f != FACES["zh-hans"][0]))


def qt_font(script: str = "zh-hans", point_size: float = 11.0) -> QFont:
    """A QFont of the prepared face for ``script`` (layers as fallbacks), glyph-substituting features off."""
    from PySide6.QtGui import QFont

    family = register_qt_fonts((script,))[script]
    font = QFont(family)
    font.setFamilies([family, *_qt_layers[script]])
    font.setPointSizeF(point_size)
    for tag in OFF_FEATURES:
        font.setFeature(QFont.Tag(tag), 0)
    return font
