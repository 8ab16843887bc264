"""Every private Whoosh name storage relies on, and :func:`check`, verifying them against the installed one.

reader reads and writes Whoosh's segments through its internals (the posting
writer and matcher, the term table, the segment writer's commit steps, the
length column, compound files). Whoosh is pinned to :data:`WHOOSH_VERSION`
exactly; :func:`check_version` refuses any other release, and :func:`check`
says which of the names below a changed Whoosh no longer has (or has with
another kind or signature), so a port to another release starts from a list,
not from wrong search results. The version is checked once per process before an index is
opened (:func:`reader.index.storage.opening.ensure_ready`); the contract test
runs :func:`check` too, and ``python -m reader.index.storage.contract`` prints
what fails against the installed Whoosh.

Each :class:`Need` is (module, dotted name, kind, what storage uses it for,
and for callables the leading parameter names it calls them with). Kinds:
``class``; ``callable`` (function or method); ``value`` (a constant, with the
value it must have); ``instance`` (an attribute Whoosh's own code assigns on
``self`` in that class: checked in the class's source, as instances are only
made while reading an index). A value need without a value only has to exist.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import re
import sys
from dataclasses import dataclass
from typing import Any

import whoosh

from reader.index.storage.errors import ContractBroken, WhooshVersionMismatch

#: The one Whoosh release storage is written for (pyproject pins ``Whoosh==2.7.4``).
WHOOSH_VERSION = "2.7.4"

_W3 = "whoosh.codec.whoosh3"
_WRITING = "whoosh.writing"
_READING = "whoosh.reading"
_MISSING = object()


@dataclass(frozen=True)
class Need:
    module: str
    name: str
    kind: str  # "class", "callable", "value", "instance"
    use: str
    params: tuple[str, ...] | None = None  # callables: leading parameter names, in order
    value: Any = None  # values: what it must equal

    @property
    def qualname(self) -> str:
        return f"{self.module}.{self.name}"


def _call(module: str, name: str, use: str, params: str) -> Need:
    """A callable need whose leading parameters are ``params`` (space-separated names)."""
    return Need(module, name, "callable", use, tuple(params.split()))


def _instance(module: str, owner: str, names: str, use: str) -> list[Need]:
    return [Need(module, f"{owner}.{n}", "instance", use) for n in names.split()]


NEEDS: tuple[Need, ...] = (
    # -- codec.py: the flat posting layout, subclassing W3's classes -----------------------------
    Need(_W3, "WHOOSH3_HEADER_MAGIC", "value", "first bytes of a posting list", value=b"W3Bl"),
    Need(_W3, "W3Codec", "class", "base of RawCodec"),
    _call(
        _W3,
        "W3Codec.__init__",
        "RawCodec(blocklimit=, inlinelimit=)",
        "self blocklimit compression inlinelimit",
    ),
    Need(_W3, "W3Codec.TERMS_EXT", "value", "term table file of a segment", value=".trm"),
    Need(_W3, "W3Codec.POSTS_EXT", "value", "posting file of a segment", value=".pst"),
    *_instance(_W3, "W3Codec", "_blocklimit _inlinelimit", "RawCodec.postings_writer passes them on"),
    _call(_W3, "W3Codec.field_writer", "overridden by RawCodec", "self storage segment"),
    _call(_W3, "W3Codec.terms_reader", "overridden by RawCodec", "self storage segment"),
    _call(_W3, "W3Codec.postings_writer", "overridden by RawCodec", "self dbfile byteids"),
    _call(
        _W3, "W3Codec.postings_reader", "overridden by RawCodec", "self dbfile terminfo format_ term scorer"
    ),
    Need(_W3, "W3PostingsWriter", "class", "base of RawPostingsWriter"),
    _call(
        _W3,
        "W3PostingsWriter.__init__",
        "RawCodec.postings_writer",
        "self postfile blocklimit byteids compression inlinelimit",
    ),
    _call(_W3, "W3PostingsWriter._write_block", "overridden: writes a flat block", "self last"),
    _call(_W3, "W3PostingsWriter._new_block", "RawPostingsWriter._write_block", "self"),
    _call(_W3, "W3PostingsWriter.finish_postings", "calls terminfo.set_inline", "self"),
    *_instance(
        _W3,
        "W3PostingsWriter",
        "_postfile _blockcount _terminfo _format _ids _weights _values _minlength _maxlength _maxweight "
        "_inlinelimit _blocklimit",
        "block state read by RawPostingsWriter and set by writer.write_terms",
    ),
    Need(_W3, "W3LeafMatcher", "class", "base of RawLeafMatcher"),
    _call(
        _W3,
        "W3LeafMatcher.__init__",
        "RawCodec.postings_reader",
        "self postfile startoffset length format_ term byteids scorer",
    ),
    *[
        Need(_W3, f"W3LeafMatcher.{n}", "callable", "overridden: reads a flat block", sig)
        for n, sig in (
            ("_goto", ("self", "position")),
            ("_read_ids", ("self",)),
            ("_read_weights", ("self",)),
            ("_read_values", ("self",)),
        )
    ],
    *_instance(
        _W3,
        "W3LeafMatcher",
        "_postfile _data _ids _weights _values _i _lastblock _nextoffset _dataoffset _blocklength "
        "_maxid _maxweight _compression _minlength _maxlength",
        "block state RawLeafMatcher._goto sets for W3's matcher",
    ),
    Need(_W3, "W3TermInfo", "class", "base of RawTermInfo"),
    Need(_W3, "W3TermInfo._struct", "value", "fixed part of a term-table entry (codec._TERMINFO)"),
    Need(_W3, "W3TermInfo._struct.format", "value", "the fixed part's layout", value="!BfIBBfII"),
    _call(_W3, "W3TermInfo.set_inlined", "aliased as RawTermInfo.set_inline", "self ids weights values"),
    _call(_W3, "W3TermInfo.to_bytes", "block postings' entries", "self"),
    _call(_W3, "W3TermInfo.from_bytes", "block postings' entries", "s"),
    *_instance(
        _W3,
        "W3TermInfo",
        "_weight _df _minlength _maxlength _maxweight _minid _maxid _inlined",
        "RawTermInfo encodes and decodes them",
    ),
    Need(_W3, "W3FieldCursor", "class", "base of _RawFieldCursor"),
    _call(
        _W3,
        "W3FieldCursor.__init__",
        "RawTermsReader.cursor",
        "self tindex fieldname keycoder keydecoder fieldobj",
    ),
    *_instance(_W3, "W3FieldCursor", "_pos _tindex _datapos _datalen", "_RawFieldCursor.term_info"),
    Need(_W3, "W3TermsReader", "class", "base of RawTermsReader"),
    *[
        _call(_W3, f"W3TermsReader.{n}", "overridden: reads compact entries too", "self fieldname tbytes")
        for n in ("frequency", "doc_frequency", "term_info")
    ],
    *_instance("whoosh.filedb.structfile", "BufferFile", "_buf", "termtable.TermTable reads the mapping"),
    _call(
        _W3,
        "W3TermsReader.__init__",
        "overridden: RawTermsReader sets its state over a termtable.TermTable",
        "self codec dbfile length postfile",
    ),
    *_instance(
        _W3,
        "W3TermsReader",
        "_codec _dbfile _tindex _fieldmap _fieldunmap _postfile _keycoder _keydecoder",
        "state RawTermsReader.__init__ sets for W3's methods; bulk reading",
    ),
    Need(_W3, "W3FieldWriter", "class", "base of RawFieldWriter"),
    _call(
        _W3,
        "W3FieldWriter.__init__",
        "overridden: RawFieldWriter sets its state over a termtable.TermTableWriter",
        "self codec storage segment",
    ),
    _call(_W3, "W3FieldWriter.start_term", "overridden: RawTermInfo for each term", "self btext"),
    *_instance(
        _W3,
        "W3FieldWriter",
        "_codec _storage _segment _fieldname _fieldid _btext _fieldobj _format _tindex _fieldmap "
        "_postfile _postwriter _infield is_closed",
        "state RawFieldWriter.__init__ sets for W3's methods; writer.write_terms",
    ),
    Need("whoosh.system", "_INT_SIZE", "value", "size of a block's length prefix", value=4),
    _call("whoosh.util.numeric", "byte_to_length", "length codes -> lengths", "key"),
    _call("whoosh.util.numeric", "length_to_byte", "lengths -> length codes", "length"),
    Need(_READING, "TermNotFound", "class", "a term missing from a segment's table"),
    *_instance(
        _READING, "SegmentReader", "_terms _storage _perdoc", "bulk reading; lengths; unmapping pages"
    ),
    _call(
        "whoosh.matching",
        "ListMatcher.__init__",
        "inline postings; phrase matchers",
        "self ids weights values format scorer position all_weights term terminfo",
    ),
    *_instance("whoosh.matching", "ListMatcher", "_weights _i", "matchers._ScoredList.score"),
    # -- writer.py: the bulk segment writer ------------------------------------------------------
    Need(_WRITING, "SegmentWriter", "class", "base of FastWriter"),
    _call(
        _WRITING,
        "SegmentWriter.__init__",
        "FastWriter(ix, timeout=, _lk=, codec=)",
        "self ix poolclass timeout delay _lk limitmb docbase codec compound",
    ),
    _call(_WRITING, "SegmentWriter._check_state", "FastWriter.add_document", "self"),
    _call(_WRITING, "SegmentWriter._check_fields", "FastWriter.add_document", "self schema fieldnames"),
    _call(_WRITING, "SegmentWriter._flush_segment", "overridden: writes whole posting lists", "self"),
    _call(_WRITING, "SegmentWriter.per_document_reader", "field lengths of merged documents", "self"),
    _call(_WRITING, "IndexWriter._unique_fields", "FastWriter.update_document", "self fields"),
    _call(_WRITING, "IndexWriter.delete_by_query", "FastWriter: its deletions' searcher", "self q searcher"),
    _call(_WRITING, "SegmentWriter.searcher", "FastWriter: one searcher for its deletions", "self"),
    _call(_WRITING, "SegmentWriter.delete_document", "FastWriter.update_document", "self docnum"),
    _call("whoosh.searching", "Searcher._find_unique", "FastWriter.update_document", "self uniques"),
    *_instance(
        _WRITING,
        "SegmentWriter",
        "perdocwriter fieldwriter docnum _added codec schema storage pool",
        "FastWriter.add_document and _flush_segment",
    ),
    _call(_W3, "W3PerDocWriter.add_field", "FastWriter.add_document", "self fieldname fieldobj value length"),
    _call(_W3, "W3PerDocWriter.add_column_value", "FastWriter.add_document", "self fieldname column value"),
    _call(
        _W3, "W3FieldWriter._create_file", "RawFieldWriter: files that keep their own position", "self ext"
    ),
    *_instance("whoosh.filedb.structfile", "StructFile", "file", "RawFieldWriter wraps the file it writes"),
    # -- segments.py: committing segments written apart -------------------------------------------
    _call(_WRITING, "SegmentWriter._finalize_segment", "a finished, uncommitted segment", "self"),
    _call(_WRITING, "SegmentWriter._close_segment", "drop an empty writer's segment", "self"),
    _call(
        _WRITING,
        "SegmentWriter._merge_segments",
        "commit_with: deletions and merges",
        "self mergetype optimize merge",
    ),
    _call(_WRITING, "SegmentWriter._commit_toc", "commit_with: the new table of contents", "self segments"),
    _call(_WRITING, "SegmentWriter._finish", "commit_with: release the lock, clean up", "self"),
    _call(
        "whoosh.index",
        "TOC.__init__",
        "commit_with while workers write: a table of contents that removes no files",
        "self schema segments generation",
    ),
    _call("whoosh.index", "TOC.write", "commit_with while workers write", "self storage indexname"),
    *_instance(
        _WRITING,
        "SegmentWriter",
        "generation indexname writelock is_closed",
        "commit_with while workers write",
    ),
    Need(_WRITING, "LockError", "class", "another writer holds the lock"),
    _call(
        _READING, "SegmentReader.__init__", "merge_small reads small segments", "self storage schema segment"
    ),
    # -- lengths.py: one column read per field -----------------------------------------------------
    Need(_W3, "LENGTHS_COLUMN", "value", "the length column's type", value=None),
    _call(_W3, "_lenfield", "the length column's name", "fieldname"),
    _call(_W3, "W3PerDocReader._cached_reader", "the length column's reader", "self fieldname column"),
    *_instance(
        "whoosh.columns", "FixedBytesColumn.Reader", "_dbfile _basepos _fixedlen _count", "read in one piece"
    ),
    # -- stored.py: stored fields deflated with their segment's dictionary --------------------------
    _call(_W3, "W3Codec.per_document_writer", "overridden by RawCodec", "self storage segment"),
    _call(_W3, "W3Codec.per_document_reader", "overridden by RawCodec", "self storage segment"),
    Need(_W3, "W3PerDocWriter", "class", "base of StoredPerDocWriter"),
    _call(_W3, "W3PerDocWriter.__init__", "RawCodec.per_document_writer", "self codec storage segment"),
    _call(
        _W3, "W3PerDocWriter._create_column", "overridden: the stored column is ours", "self fieldname column"
    ),
    Need(_W3, "W3PerDocReader", "class", "base of StoredPerDocReader"),
    _call(_W3, "W3PerDocReader.__init__", "RawCodec.per_document_reader", "self storage segment"),
    _call(_W3, "W3PerDocReader.stored_fields", "overridden: reads the stored column", "self docnum"),
    Need("whoosh.columns", "VarBytesColumn.Writer", "class", "base of StoredColumn.Writer"),
    _call("whoosh.columns", "VarBytesColumn.Writer.__init__", "StoredColumn.Writer", "self dbfile"),
    _call("whoosh.columns", "VarBytesColumn.Writer.add", "StoredColumn.Writer.add", "self docnum v"),
    _call("whoosh.columns", "VarBytesColumn.Writer.finish", "StoredColumn.Writer.finish", "self doccount"),
    *_instance(
        "whoosh.columns", "VarBytesColumn.Writer", "_dbfile", "the dictionary is written before the values"
    ),
    Need("whoosh.columns", "VarBytesColumn.Reader", "class", "base of StoredColumn.Reader"),
    _call(
        "whoosh.columns",
        "VarBytesColumn.Reader.__init__",
        "StoredColumn.Reader: the values after the dictionary",
        "self dbfile basepos length doccount",
    ),
    # -- opening.py and the classes storage tells readers and files apart by ----------------------
    _call("whoosh.index", "open_dir", "opening an index folder", "dirname indexname"),
    _call("whoosh.index", "create_in", "creating an index folder", "dirname schema indexname"),
    _call("whoosh.index", "exists_in", "is there an index", "dirname indexname"),
    Need(_READING, "SegmentReader", "class", "a segment's reader (others have no segment)"),
    Need(_READING, "EmptyReader", "class", "the reader of an index without segments"),
    Need("whoosh.filedb.compound", "CompoundStorage", "class", "a compound segment's files"),
    Need("whoosh.filedb.filestore", "OverlayStorage", "class", "wraps a compound segment's storage"),
    Need(
        "whoosh.filedb.structfile", "BufferFile", "class", "a sub-file over a buffer (mapped posting lists)"
    ),
    # -- patches.py: compound sub-files without a copy -------------------------------------------
    Need("whoosh.filedb.compound", "BufferFile", "class", "replaced by patches.MappedBufferFile"),
    _call(
        "whoosh.filedb.compound", "CompoundStorage.open_file", "opens sub-files as BufferFile", "self name"
    ),
    *_instance(
        "whoosh.filedb.compound", "CompoundStorage", "_source", "the segment's mmap (unmapping pages)"
    ),
    *_instance("whoosh.filedb.filestore", "OverlayStorage", "a b", "a compound segment's two storages"),
    _call(
        "whoosh.filedb.structfile",
        "BufferFile.__init__",
        "MappedBufferFile sets what it sets",
        "self buf name onclose",
    ),
    *_instance(
        "whoosh.filedb.structfile",
        "BufferFile",
        "_buf _name file onclose is_real is_closed",
        "MappedBufferFile; bulk reading of a mapped posting list (_buf)",
    ),
)


def installed_version() -> str:
    return whoosh.versionstring()


def check_version() -> None:
    """Refuse any Whoosh but :data:`WHOOSH_VERSION` (storage reads its internals)."""
    found = installed_version()
    if found != WHOOSH_VERSION:
        raise WhooshVersionMismatch(
            f"Whoosh {found} is installed, but reader's index storage is written for Whoosh "
            f"{WHOOSH_VERSION} exactly (it reads Whoosh's internal file formats): "
            f"install Whoosh=={WHOOSH_VERSION}"
        )


def _resolve(need: Need) -> Any:
    obj: Any = importlib.import_module(need.module)
    for part in need.name.split("."):
        obj = getattr(obj, part, _MISSING)
        if obj is _MISSING:
            return _MISSING
    return obj


def _params(func: Any) -> tuple[str, ...] | None:
    target = func.__func__ if isinstance(func, classmethod | staticmethod) else func
    try:
        return tuple(inspect.signature(target).parameters)
    except (TypeError, ValueError):
        return None


@functools.lru_cache(maxsize=32)
def _class_sources(module: str) -> dict[str, str]:
    """Qualified class name -> its source text, for every class of one module (parsed once)."""
    try:
        text = inspect.getsource(sys.modules[module])
    except (OSError, TypeError, KeyError):
        return {}
    lines = text.splitlines(keepends=True)
    out: dict[str, str] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                name = prefix + child.name
                out[name] = "".join(lines[child.lineno - 1 : child.end_lineno])
                visit(child, name + ".")

    visit(ast.parse(text), "")
    return out


def _assigned_in(cls: type, attr: str) -> bool:
    """Whether Whoosh's code of ``cls`` (or a Whoosh base) assigns or reads ``self.<attr>``."""
    pattern = re.compile(rf"\bself\.{re.escape(attr)}\b")
    for klass in inspect.getmro(cls):
        if not klass.__module__.startswith("whoosh"):
            continue
        source = _class_sources(klass.__module__).get(klass.__qualname__, "")
        if pattern.search(source):
            return True
    return False


def problem(need: Need) -> str | None:
    """What is wrong with one need in the installed Whoosh (``None``: it holds)."""
    if need.kind == "instance":
        owner_name, _, attr = need.name.rpartition(".")
        owner = _resolve(Need(need.module, owner_name, "class", need.use))
        if owner is _MISSING or not inspect.isclass(owner):
            return f"class {need.module}.{owner_name} is missing"
        return None if _assigned_in(owner, attr) else "is no longer set by Whoosh's code"
    try:
        obj = _resolve(need)
    except ImportError as exc:
        return f"module {need.module} cannot be imported ({exc})"
    if obj is _MISSING:
        return "is missing"
    if need.kind == "class":
        return None if inspect.isclass(obj) else f"is a {type(obj).__name__}, not a class"
    if need.kind == "callable":
        if not callable(obj):
            return f"is a {type(obj).__name__}, not callable"
        if need.params is not None:
            found = _params(obj)
            if found is not None and found[: len(need.params)] != need.params:
                return f"takes ({', '.join(found)}), not ({', '.join(need.params)}, ...)"
        return None
    if need.kind == "value":
        if need.value is not None and obj != need.value:
            return f"is {obj!r}, not {need.value!r}"
        return None
    return f"has an unknown kind {need.kind!r} in the contract"


def check(needs: tuple[Need, ...] = NEEDS) -> None:
    """Verify every need against the installed Whoosh; raise :class:`ContractBroken` naming each failure."""
    broken = [(need, p) for need in needs if (p := problem(need)) is not None]
    if broken:
        lines = [f"  {need.qualname} ({need.use}): {p}" for need, p in broken]
        raise ContractBroken(
            f"Whoosh {installed_version()} lacks what reader's index storage relies on "
            f"(written for {WHOOSH_VERSION}):\n" + "\n".join(lines)
        )


def broken_names(needs: tuple[Need, ...] = NEEDS) -> list[str]:
    """The qualified names of the needs that fail (for reports on another Whoosh release)."""
    return [need.qualname for need in needs if problem(need) is not None]


if __name__ == "__main__":  # pragma: no cover - a developer's check of another Whoosh release
    print(f"Whoosh {installed_version()} (storage is written for {WHOOSH_VERSION})")
    names = broken_names()
    for need in NEEDS:
        if need.qualname in names:
            print(f"  broken: {need.qualname} ({need.use}): {problem(need)}")
    print(f"{len(NEEDS) - len(names)} of {len(NEEDS)} needs hold")
