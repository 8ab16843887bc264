"""reader's import graph, drawn from the source (``ast``), and the rules it must keep.

Every ``import``/``from … import`` of a reader module is an arrow, at module level or inside a
function; imports under ``if TYPE_CHECKING:`` are arrows for the layer rule (types point the
same way as code) but not for cycles (they never run). ``python -m tests.helpers.imports``
prints the package graph, the cycles and every rule broken; ``tests/test_architecture.py``
fails on any.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from collections.abc import Container
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "reader"

#: Layers from the top down; the packages (or base modules) of one layer do not import each
#: other, and nothing imports a higher layer. ``reader`` itself (the version) is below all.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("reader.__main__",),
    ("reader.cli",),
    ("reader.app",),
    ("reader.gui",),
    ("reader.service",),
    ("reader.export", "reader.userdata", "reader.index"),
    ("reader.ingest", "reader.autotag"),
    ("reader.text",),
)
#: Small modules everything may use; among themselves only the cycle rule holds.
BASE = (
    "reader.story",
    "reader.paths",
    "reader.safefiles",
    "reader.atomicfile",
    "reader.fonts",
    "reader.display",
    "reader.heap",
)
#: Packages that must load no widgets (the core, and what it stands on).
CORE = (
    "reader.text",
    "reader.ingest",
    "reader.autotag",
    "reader.index",
    "reader.userdata",
    "reader.export",
    "reader.service",
) + BASE


@dataclass
class Graph:
    modules: dict[str, Path]
    edges: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    typing_edges: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    external: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    guarded: list[tuple[str, int, str]] = field(default_factory=list)  # except ImportError around reader
    #: imports of reader modules inside a function with no comment saying why (line or line above)
    unexplained_lazy: list[tuple[str, int, str]] = field(default_factory=list)


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _targets(node: ast.AST, package: str, modules: Container[str] = ()) -> list[str]:
    """What an import statement imports: modules, and ``module.name`` for names from a module.

    ``from reader.index import search`` imports the module ``reader.index.search`` (as grimp
    counts it), not the package's ``__init__``; ``from reader.index import ArchiveIndex``
    imports the package itself.
    """
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            stem = ".".join(base) + (f".{node.module}" if node.module else "")
        else:
            stem = node.module or ""
        names = [f"{stem}.{alias.name}" for alias in node.names]
        if all(name in modules for name in names):
            return names
        return [stem] + names
    return []


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def build(root: Path = ROOT) -> Graph:
    modules = {module_name(p, root): p for p in root.rglob("*.py")}
    graph = Graph(modules)
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        typing_nodes = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and _is_type_checking(node.test):
                typing_nodes |= {id(n) for child in node.body for n in ast.walk(child)}
            if isinstance(node, ast.Try) and any(_catches_import_error(h) for h in node.handlers):
                for child in node.body:
                    for n in ast.walk(child):
                        if any(t.startswith("reader") for t in _targets(n, package, modules)):
                            graph.guarded.append(
                                (name, n.lineno, ", ".join(_targets(n, package, modules)[:1]))
                            )
        lines = source.splitlines()
        for parent in ast.walk(tree):
            if not isinstance(parent, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(parent):
                reader_targets = [t for t in _targets(node, package, modules) if t in modules]
                if reader_targets and id(node) not in typing_nodes and not _commented(lines, node.lineno):
                    graph.unexplained_lazy.append((name, node.lineno, reader_targets[0]))
        for node in ast.walk(tree):
            for target in _targets(node, package, modules):
                if target in modules and target != name:
                    (graph.typing_edges if id(node) in typing_nodes else graph.edges)[name].add(target)
                elif not target.startswith("reader") and target:
                    graph.external[name].add(target)
    return graph


def _commented(lines: list[str], lineno: int) -> bool:
    """A comment on the import's line or on the line above it."""
    here = lines[lineno - 1]
    above = lines[lineno - 2].strip() if lineno >= 2 else ""
    return "#" in here or above.startswith("#")


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    names = []
    if isinstance(handler.type, ast.Name):
        names = [handler.type.id]
    elif isinstance(handler.type, ast.Tuple):
        names = [e.id for e in handler.type.elts if isinstance(e, ast.Name)]
    return bool({"ImportError", "ModuleNotFoundError"} & set(names))


def cycles(graph: Graph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), over runtime imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    sys.setrecursionlimit(max(10000, sys.getrecursionlimit()))

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph.modules):
        if v not in index:
            visit(v)
    return found


def unit_of(module: str) -> str:
    """The package or base module a module belongs to (``reader.index.search`` → ``reader.index``)."""
    for unit in BASE + tuple(u for layer in LAYERS for u in layer):
        if module == unit or module.startswith(unit + "."):
            return unit
    return module


def _rank(unit: str) -> int:
    for depth, layer in enumerate(LAYERS):
        if unit in layer:
            return depth
    return len(LAYERS) + (0 if unit in BASE else 1)  # base modules, then ``reader`` itself


def layer_violations(graph: Graph) -> list[str]:
    out = []
    for source in sorted(graph.modules):
        for target in sorted(graph.edges.get(source, set()) | graph.typing_edges.get(source, set())):
            a, b = unit_of(source), unit_of(target)
            if a == b or (a in BASE and b in BASE):
                continue
            if _rank(b) < _rank(a) or (_rank(a) == _rank(b) and a != b):
                out.append(f"{source} imports {target} ({a} must not depend on {b})")
    return out


def widget_violations(graph: Graph) -> list[str]:
    out = []
    for source in sorted(graph.modules):
        if unit_of(source) not in CORE:
            continue
        if any(t.startswith("PySide6.QtWidgets") for t in graph.external.get(source, ())):
            out.append(f"{source} imports PySide6.QtWidgets")
        for target in sorted(graph.edges.get(source, set()) | graph.typing_edges.get(source, set())):
            if target.startswith("reader.gui"):
                out.append(f"{source} imports {target}")
    return out


#: Whoosh's public query and schema classes, which the rest of ``reader.index`` may build;
#: index files, segments, codecs, readers and writers are the storage package's alone.
PUBLIC_WHOOSH = (
    "whoosh.query",
    "whoosh.fields",
    "whoosh.analysis",
    "whoosh.formats",
    "whoosh.columns",
    "whoosh.scoring",
)


def whoosh_outside_storage(graph: Graph) -> list[str]:
    """Whoosh names used outside ``reader.index.storage`` that are not its public classes."""
    out = []
    for source in sorted(graph.modules):
        if source.startswith("reader.index.storage"):
            continue
        for target in sorted(graph.external.get(source, ())):
            if target != "whoosh" and not target.startswith("whoosh."):
                continue
            public = target.startswith(PUBLIC_WHOOSH) and not target.rpartition(".")[2].startswith("_")
            if not public and not any(t.startswith(target + ".") for t in graph.external[source]):
                out.append(f"{source} imports {target}")
    return out


def private_whoosh_attributes(root: Path, private: set[str]) -> list[str]:
    """``obj._name`` outside ``reader.index.storage`` where ``_name`` is a private Whoosh name.

    ``private`` comes from the storage contract (the names it relies on); an attribute of
    ``self`` or ``cls`` is the class's own and is not counted.
    """
    out = []
    for path in sorted(root.rglob("*.py")):
        name = module_name(path, root)
        if name.startswith("reader.index.storage"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            attr = None
            if isinstance(node, ast.Attribute) and not (
                isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
            ):
                attr = node.attr
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("getattr", "setattr", "hasattr")
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
            ):
                attr = node.args[1].value
            if attr in private:
                out.append(f"{name}:{node.lineno} uses {attr}")
    return out


def contract_private_names() -> set[str]:
    """The private Whoosh names the storage contract lists (``_name``, not dunders)."""
    from reader.index.storage import contract  # the contract imports Whoosh: only when asked

    last = (need.name.rpartition(".")[2] for need in contract.NEEDS)
    return {n for n in last if n.startswith("_") and not n.startswith("__")}


def package_graph(graph: Graph) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for source, targets in graph.edges.items():
        for target in targets:
            a, b = unit_of(source), unit_of(target)
            if a != b:
                out[a].add(b)
    return out


def main() -> int:
    graph = build()
    print("package graph (runtime imports):")
    for unit, targets in sorted(package_graph(graph).items()):
        print(f"  {unit} -> {', '.join(sorted(targets))}")
    problems = {
        "module cycles": [" ⇄ ".join(c) for c in cycles(graph)],
        "arrows against the layers": layer_violations(graph),
        "widgets or GUI in the core": widget_violations(graph),
        "whoosh imported outside reader.index.storage": whoosh_outside_storage(graph),
        "private Whoosh attributes used outside reader.index.storage": private_whoosh_attributes(
            ROOT, contract_private_names()
        ),
        "except ImportError around reader's own modules": [f"{m}:{line} {t}" for m, line, t in graph.guarded],
        "function-level imports of reader modules without a comment saying why": [
            f"{m}:{line} {t}" for m, line, t in sorted(set(graph.unexplained_lazy))
        ],
    }
    for title, items in problems.items():
        print(f"{title}: {len(items)}")
        for item in items:
            print(f"  {item}")
    return 1 if any(problems.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
