"""The shape of the code: imports point down the layers, never round in a cycle.

The graph is drawn from the source by ``tests/helpers/imports.py`` (run it as
``python -m tests.helpers.imports`` to see the package graph and anything broken).
"""

from __future__ import annotations

import textwrap

from tests.helpers import imports

GRAPH = imports.build()


def _listed(items) -> str:
    return "\n".join(str(item) for item in items)


def test_no_module_imports_itself_round_a_cycle():
    found = imports.cycles(GRAPH)
    assert not found, "import cycles:\n" + _listed(" ⇄ ".join(c) for c in found)


def test_imports_point_down_the_layers():
    wrong = imports.layer_violations(GRAPH)
    assert not wrong, "arrows against the layers:\n" + _listed(wrong)


def test_the_core_never_imports_widgets_or_the_gui():
    wrong = imports.widget_violations(GRAPH)
    assert not wrong, _listed(wrong)


def test_whoosh_internals_stay_in_the_storage_package():
    wrong = imports.whoosh_outside_storage(GRAPH)
    assert not wrong, (
        "Whoosh beyond its public query/schema classes outside reader.index.storage:\n" + _listed(wrong)
    )


def test_private_whoosh_names_are_used_in_the_storage_package_only():
    wrong = imports.private_whoosh_attributes(imports.ROOT, imports.contract_private_names())
    assert not wrong, "private Whoosh names (storage/contract.py) outside reader.index.storage:\n" + _listed(
        wrong
    )


def test_no_import_error_is_swallowed_around_reader_modules():
    assert not GRAPH.guarded, "except ImportError hides real breakage:\n" + _listed(GRAPH.guarded)


def test_each_function_level_import_says_why():
    assert not GRAPH.unexplained_lazy, (
        "import these at module level, or say why not (start-up time, Qt or heavy data loaded on use):\n"
        + _listed(sorted(set(GRAPH.unexplained_lazy)))
    )


def test_the_checks_see_what_they_look_for(tmp_path):
    """The checks find a cycle, an upward arrow, a widget in the core and a guarded import."""
    root = tmp_path / "reader"
    files = {
        "__init__.py": "",
        "text/__init__.py": "",
        "text/a.py": "from reader.text import b\n",
        "text/b.py": "def f():\n    from reader.text import a  # lazy\n",
        "text/c.py": "from reader.index import search\nfrom PySide6.QtWidgets import QLabel\n",
        "index/__init__.py": "",
        "index/search.py": "try:\n    from reader.text import a\nexcept ImportError:\n    a = None\n",
        "index/lazy.py": "def f():\n    from reader.text import a\n",
        "index/peek.py": "def f(ix):\n    return ix._storage, getattr(ix, '_perdoc'), ix.doc_count()\n",
        "index/storage/__init__.py": "def g(ix):\n    return ix._storage\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text))
    graph = imports.build(root)
    assert imports.cycles(graph) == [["reader.text.a", "reader.text.b"]]
    assert imports.layer_violations(graph) == [
        "reader.text.c imports reader.index.search (reader.text must not depend on reader.index)"
    ]
    assert imports.widget_violations(graph) == ["reader.text.c imports PySide6.QtWidgets"]
    assert [m for m, _, _ in graph.guarded] == ["reader.index.search"]
    assert graph.unexplained_lazy == [("reader.index.lazy", 2, "reader.text.a")]
    assert imports.private_whoosh_attributes(root, {"_storage", "_perdoc"}) == [
        "reader.index.peek:2 uses _storage",
        "reader.index.peek:2 uses _perdoc",
    ]
