"""Names vulture reports as unused that are used, each with the reason (.ci/run: vulture reader THIS).

vulture reads this file as code that uses the names. A new finding fails CI: remove the dead
code, or add the name here under the reason it is alive.
"""

# ruff: noqa: B018, F821
# mypy: ignore-errors
_ = object()

# Called by Whoosh (its codec, matcher, posting-pool and file interfaces) or set for it to read:
# reader/index/storage/ overrides these; the contract (storage/contract.py) names Whoosh's side.
_._goto
_._lastblock
_._nextoffset
_._maxid
_._compression
_._read_ids
_._read_weights
_._read_values
set_inline
_.__class__
_._df
_._minid
_._btext
_.field_writer
_.terms_reader
_.per_document_writer  # whoosh's SegmentWriter asks the codec for it
_.postings_writer
_.postings_reader
_.supports_block_quality
_.iter_postings
_.cleanup
_._flush_segment
_.seekable  # io.RawIOBase
_.readinto  # io.RawIOBase
_._name
_.is_real
_.is_closed
_.decode_frequency  # whoosh.formats.Format
_.decode_weight
_.combine
_.analyzer  # whoosh.fields.FieldType
_.multitoken_query

# Properties of other libraries that do something when set (fontTools, pypdf, sqlite3).
_.recalcBBoxes
_.font_number
_.layout_features
_.name_IDs
_.name_languages
_.notdef_outline
_.recalc_bounds
_.page_mode
_.row_factory

# Called by Qt by name (event handlers, item delegates).
_.dragEnterEvent
_.dropEvent
_.paint

# Strings listed so that pyside6-lupdate puts them into the translation catalogs.
FORMAT_LABELS
SCRIPT_LABELS
QT_MISSING
SEARCH_NOTES

# Kept alive on purpose: the window rebuilt after a language switch (otherwise garbage-collected).
_._reader_window

# Read from outside the package: .ci/smoke_app.py (the last shown search), bench/ and tests/.
_._shown_seq
using  # bench/ingest_pages.py: leave-one-site-out scoring with other weights
shared_dir  # tests and benchmarks find ../shared with it
SyncRunner  # tests and bench/bench_gui.py run jobs synchronously
TEMP_SUFFIX  # tests check that no temporary file is left
PICKLED_MODULES  # a test checks what a new index pickles against it
dropped_code_points  # tests check the cleaned font's dropped look-alikes
Document  # a type for a cast, imported under TYPE_CHECKING

# Public API the tests drive and check through (the same calls the app's code paths make).
_.set_format
_.hit_texts
highlight
_.create_collection
_.collections_of
_.times_read
_.clear_history
_.schema_version
_.integrity_check
_.stories_with_user_tag
_.effective_tags

# Called by Qt: the concordance table model's and the timeline chart's overrides of Qt's virtuals.
_.columnCount
_.headerData
_.mouseMoveEvent
# The saved-search badges' count, read by the GUI tests (what the badge shows).
_.new_count

# Read by Whoosh's own W3 classes, whose __init__ RawTermsReader and RawFieldWriter replace
# (storage/contract.py checks Whoosh's code still uses each): the term table's state and the
# TermTable methods W3TermsReader and W3FieldCursor call.
_._codec
_._segment
_._fieldname
_._format
_._infield
_.range_for_key
_.key_and_range_at
_.keys_from
CANDIDATE_THRESHOLD  # reader.text.sketch: the threshold BANDS were chosen for (a test checks them)
