"""The layering contract: geometry, model, io, store and session never reach Qt/PyVista/VTK; render never reaches Qt;
the message catalogues (text) reach nothing of mesomap; and no two mesomap modules import each other, directly or
round a longer loop (an import cycle), not even from inside a function.

Walks every import statement (module level and inside functions) of every
module in the package, follows imports of other mesomap modules, and checks
what each layer can reach.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mesomap"
QT = {"PySide6", "PyQt5", "PyQt6", "shiboken6", "pyvistaqt"}
VTK = {"pyvista", "vtk", "vtkmodules"}
FORBIDDEN = {
    "mesomap.geometry": QT | VTK | {"mesomap.model", "mesomap.io", "mesomap.render", "mesomap.ui"},
    "mesomap.model": QT | VTK | {"mesomap.io", "mesomap.render", "mesomap.ui"},
    "mesomap.io": QT | VTK | {"mesomap.render", "mesomap.ui"},
    "mesomap.session": QT | VTK | {"mesomap.render", "mesomap.ui"},
    "mesomap.store": QT | VTK | {"mesomap.session", "mesomap.render", "mesomap.ui"},
    "mesomap.render": QT | {"mesomap.ui"},
    # words only: the catalogues are data and reach nothing else of mesomap
    "mesomap.text": QT | VTK | {"mesomap.geometry", "mesomap.model", "mesomap.io", "mesomap.session",
                                "mesomap.render", "mesomap.ui"},
}


def module_name(path: Path, root: Path) -> str:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def type_checking_imports(tree: ast.Module) -> set[ast.AST]:
    """The import statements under ``if TYPE_CHECKING:``: read by type checkers, never run."""
    return {node for block in ast.walk(tree)
            if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
            for stmt in block.body for node in ast.walk(stmt) if isinstance(node, (ast.Import, ast.ImportFrom))}


def imports_of(path: Path, name: str, typing: bool = True) -> set[str]:
    """Absolute names of everything ``path`` imports (relative imports resolved).

    ``typing``: also the imports under ``if TYPE_CHECKING:`` (they never run, so they make no import cycle).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    skipped = set() if typing else type_checking_imports(tree)
    found = set()
    for node in ast.walk(tree):
        if node in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def import_graph(root: Path, typing: bool = True) -> dict[str, set[str]]:
    return {module_name(p, root): imports_of(p, module_name(p, root), typing) for p in root.rglob("*.py")}


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    """Every import name reachable from module ``start`` through package modules."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        for name in graph.get(todo.pop(), ()):
            if name not in seen:
                seen.add(name)
                if name in graph:
                    todo.append(name)
    return seen


def violations(graph: dict[str, set[str]], forbidden: dict[str, set[str]]) -> list[str]:
    found = []
    for module in sorted(graph):
        for layer, banned in forbidden.items():
            if module == layer or module.startswith(layer + "."):
                for name in sorted(reachable(graph, module)):
                    top = name.split(".")[0]
                    if top in banned or any(name == b or name.startswith(b + ".") for b in banned):
                        found.append(f"{module} reaches {name}")
    return found


#: The window and its panels act through the session (mesomap.session), never by editing the plan or
#: writing files themselves: these names may not be imported by mesomap.ui.
UI_MAY_NOT_IMPORT = {"mesomap.model.edits", "mesomap.io.plan_file.save_plan", "mesomap.io.export_formats.write_export",
                     "mesomap.io.export_interop", "mesomap.io.autosave.Autosaver.save",
                     "mesomap.model.import_points.apply_import"}
#: ...nor call the document's edits directly (a text check: ``doc.edit(`` / ``doc.replace(``).
UI_MAY_NOT_CALL = (".doc.edit(", ".doc.replace(")


def test_ui_acts_through_the_session():
    graph = import_graph(PACKAGE)
    found = [f"{module} imports {name}" for module, names in sorted(graph.items()) if module.startswith("mesomap.ui")
             for name in sorted(names) if any(name == b or name.startswith(b + ".") for b in UI_MAY_NOT_IMPORT)]
    for path in sorted((PACKAGE / "ui").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        found += [f"{path.name} calls {call}" for call in UI_MAY_NOT_CALL if call in text]
    assert found == []


def package_edges(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Module -> the other package modules it imports (``from a import b`` counts ``a.b`` when that is a module, else ``a``).

    A package's ``__init__`` is not counted as imported by its own submodules: importing ``a.b`` runs ``a``, but
    a cycle is two modules needing each other's names.
    """
    edges = {}
    for module, names in graph.items():
        targets = set()
        for name in names:
            while name and name not in graph:
                name = name.rpartition(".")[0]
            if name and name != module and not module.startswith(name + "."):
                targets.add(name)
        edges[module] = targets
    return edges


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle between package modules, each as the modules round the loop (first one again at the end)."""
    edges = package_edges(graph)
    cycles, seen_loops = [], set()
    for start in sorted(edges):
        # depth-first from start, only through modules after it: each loop is found once, from its smallest module
        stack = [(start, [start])]
        while stack:
            module, path = stack.pop()
            for nxt in sorted(edges.get(module, ())):
                if nxt == start:
                    loop = frozenset(path)
                    if loop not in seen_loops:
                        seen_loops.add(loop)
                        cycles.append(path + [start])
                elif nxt > start and nxt not in path:
                    stack.append((nxt, path + [nxt]))
    return cycles


def write_package(tmp_path: Path, files: dict[str, str]) -> Path:
    """A package ``pkg`` of ``files`` (path -> text), with an ``__init__.py`` in every folder."""
    root = tmp_path / "pkg"
    for rel, text in files.items():
        f = root / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        (f.parent / "__init__.py").touch()
        f.write_text(text)
    (root / "__init__.py").touch()
    return root


def test_package_respects_layers():
    graph = import_graph(PACKAGE)
    assert "mesomap.geometry.body_mesh" in graph, "the walker found no modules"
    assert violations(graph, FORBIDDEN) == []


@pytest.mark.parametrize(
    "files, culprit",
    [
        ({"geometry/a.py": "import numpy\ndef f():\n    import vtk\n"}, "vtk"),
        ({"io/a.py": "from pkg.geometry import b\n", "geometry/b.py": "from PySide6 import QtCore\n"}, "PySide6.QtCore"),
        ({"render/a.py": "from ..ui import win\n", "ui/win.py": "import PySide6\n"}, "pkg.ui"),
    ],
)
def test_walker_catches_a_violation(tmp_path, files, culprit):
    root = write_package(tmp_path, files)
    banned = {k.replace("mesomap", "pkg"): {b.replace("mesomap", "pkg") for b in v} for k, v in FORBIDDEN.items()}
    found = violations(import_graph(root), banned)
    assert any(culprit in v for v in found), found


def test_no_import_cycles():
    """cli <-> cli_device and io.exports <-> io.export_interop were such cycles (hidden in function-level imports)."""
    graph = import_graph(PACKAGE, typing=False)
    assert "mesomap.cli" in graph and "mesomap.io.exports" in graph, "the walker found no modules"
    assert [" -> ".join(c) for c in import_cycles(graph)] == []


@pytest.mark.parametrize(
    "files, loop",
    [
        ({"a.py": "def f():\n    from pkg import b\n", "b.py": "from pkg.a import f\n"}, ["pkg.a", "pkg.b", "pkg.a"]),
        ({"io/x.py": "from . import y\n", "io/y.py": "import pkg.io.z\n", "io/z.py": "from pkg.io.x import g\n"},
         ["pkg.io.x", "pkg.io.y", "pkg.io.z", "pkg.io.x"]),
    ],
)
def test_walker_catches_a_cycle(tmp_path, files, loop):
    root = write_package(tmp_path, files)
    assert import_cycles(import_graph(root, typing=False)) == [loop]


def test_a_submodule_importing_its_package_is_no_cycle(tmp_path):
    root = write_package(tmp_path, {"io/a.py": "import pkg.io\ndef f():\n    pass\n"})
    (root / "io" / "__init__.py").write_text("from pkg.io.a import f\n")
    assert import_cycles(import_graph(root, typing=False)) == []


def test_an_import_for_type_checkers_only_is_no_cycle(tmp_path):
    root = write_package(tmp_path, {"a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.b import B\n",
                                    "b.py": "from pkg.a import A\n"})
    assert import_cycles(import_graph(root, typing=False)) == []
    assert import_cycles(import_graph(root)) == [["pkg.a", "pkg.b", "pkg.a"]]
