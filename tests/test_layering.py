"""The layering contract: geometry, model, io and session never reach Qt/PyVista/VTK; render never reaches Qt;
the message catalogues (text) reach nothing of mesomap.

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


def imports_of(path: Path, name: str) -> set[str]:
    """Absolute names of everything ``path`` imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
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


def import_graph(root: Path) -> dict[str, set[str]]:
    return {module_name(p, root): imports_of(p, module_name(p, root)) for p in root.rglob("*.py")}


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
UI_MAY_NOT_IMPORT = {"mesomap.model.edits", "mesomap.io.plan_file.save_plan", "mesomap.io.exports.exporters",
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
    root = tmp_path / "pkg"
    for rel, text in files.items():
        f = root / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        (f.parent / "__init__.py").touch()
        f.write_text(text)
    (root / "__init__.py").touch()
    banned = {k.replace("mesomap", "pkg"): {b.replace("mesomap", "pkg") for b in v} for k, v in FORBIDDEN.items()}
    found = violations(import_graph(root), banned)
    assert any(culprit in v for v in found), found
