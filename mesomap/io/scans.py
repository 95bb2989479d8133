"""Importing a patient's 3D scan: OBJ (with its texture, as vertex colours), PLY (vertex colours), STL, GLB.

A scan differs from a body mesh (``io/meshes.py``) in three ways: it is often
partial (a face, a torso, one leg), it is often large (1–5 M triangles), and it
is rarely clean (several pieces, holes, non-manifold edges). :func:`load_scan`
brings it into mesomap's frame (mm, z up) and says in words what it did:

* **Units.** The largest extent is read as a standing body's height when exactly
  one unit makes it 1.0–2.5 m (as for body meshes), and as a partial scan's size when
  exactly one unit makes it 150–1200 mm (a face is ~250 mm, a leg ~900 mm). When the
  two readings disagree, or several units fit, :class:`ScanUnitsUnclearError` names
  the choices and the caller asks the user (then passes ``units=``).
* **Orientation.** A full body: the tallest axis becomes z (as for body meshes). A
  partial scan keeps its format's convention: OBJ and glTF are y-up (turned to z-up),
  PLY and STL are z-up already. The fit's landmarks settle the rest.
* **Repair.** The largest piece (by area) is kept and the share of area dropped is
  reported; holes (open borders) and non-manifold edges are counted and reported.
* **Size.** Above :data:`PAINT_FACES` triangles a painting-resolution copy is made
  (vertex clustering), its vertices placed back onto the original surface.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.geometry.borders import border_edges
from mesomap.geometry.scan_surface import ScanSurface, cluster_faces, unique_rows
from mesomap.heap import release_free_memory
from mesomap.io.json_reader import check_regular_file, quoted
from mesomap.io.meshes import (
    FORMAT_NAMES,
    MAX_MESH_BYTES,
    MESH_SUFFIX_MISSING,
    UNIT_RANGES,
    UNIT_SCALE_TO_MM,
    BODY_HEIGHT_RANGE_MM,
    UNKNOWN_UNITS,
    MeshLoadError,
    load_trimesh,
    detect_units,
    validate_arrays,
)
from mesomap.io.scan_texture import SCAN_TEXTURE_UNREADABLE, colours_on, read_texture, vertex_colours
from mesomap.model.messages import Kind, Message

SCAN_SUFFIXES = (".obj", ".ply", ".stl", ".glb", ".gltf")
#: Sizes (mm) a partial scan's largest extent may have: a nose-and-cheeks close-up to a leg.
PARTIAL_SIZE_MM = (150.0, 1200.0)
#: A whole body is this many times taller than wide (1.6 in an A-pose, arms out); a face or a head is not (~1.2).
UPRIGHT_RATIO = 1.5
#: Units a partial scan may come in (decimetres are MakeHuman's, never a scanner's).
PARTIAL_UNITS = ("mm", "cm", "m")
#: Scans with more triangles than this get a painting-resolution copy.
PAINT_FACES = 600_000
#: Turns that make axis 0 (x), 1 (y) or 2 (z) of the file point up: y up facing +z -> z up facing +y.
TURNS = {0: np.array([[0.0, 1, 0], [0, 0, 1], [1, 0, 0]]), 1: np.array([[-1.0, 0, 0], [0, 0, 1], [0, 1, 0]]),
         2: np.eye(3)}
#: Formats whose files are y-up by convention.
Y_UP_SUFFIXES = (".obj", ".glb", ".gltf")

SCAN_UNITS_UNCLEAR = Kind("scan_units_unclear", "file", "size", "choices")
SCAN_SUFFIX_UNSUPPORTED = Kind("scan_suffix_unsupported", "file", "suffix", "known")
SCAN_PIECES_DROPPED = Kind("scan_pieces_dropped", "pieces", "percent", severity="warning")
SCAN_HOLES = Kind("scan_holes", "count", "length_mm", severity="info")
SCAN_NON_MANIFOLD = Kind("scan_non_manifold", "count", severity="warning")
SCAN_SIMPLIFIED = Kind("scan_simplified", "before", "after", severity="info")
SCAN_SIZE_IMPLAUSIBLE = Kind("scan_size_implausible", "file", "units", "size_m", "low_m", "high_m")
SCAN_PARTIAL = Kind("scan_partial", "size_mm", severity="info")


class ScanUnitsUnclearError(MeshLoadError):
    """The scan's size fits several units; ``choices`` lists them (ask the user, then pass ``units=``)."""

    def __init__(self, path: Path, size: float, choices: list[str]):
        self.path, self.size, self.choices = path, size, choices
        super().__init__(SCAN_UNITS_UNCLEAR(file=path.name, size=size, choices=", ".join(choices)))


@dataclass(frozen=True)
class LoadedScan:
    """A scan in mesomap's frame (mm, z up), repaired, with what was done to it.

    mesh : the kept piece at full resolution, corners welded; paint : the painting-resolution copy
    (the same object as ``mesh`` when the scan is small enough); partial : not a whole body;
    uv (m, 3, 2): texture coordinates of each face's corners and texture (image path), for OBJ scans
    that have them; colors (n, 3|4) uint8 per vertex: a PLY's own, or an OBJ's texture sampled at its
    vertices (``io.scan_texture``); paint_colors the same for the painting copy's vertices.
    """

    mesh: BodyMesh
    paint: BodyMesh
    units: str
    partial: bool
    frame: np.ndarray  # (4, 4): file coordinates -> mesomap's frame (mm), e.g. for landmarks from other tools
    notes: list[Message] = field(default_factory=list)
    uv: np.ndarray | None = None
    texture: Path | None = None
    colors: np.ndarray | None = None
    paint_colors: np.ndarray | None = None


def _upright(extent) -> bool:
    """A standing body is at least UPRIGHT_RATIO times taller than it is wide (a face or a head is not)."""
    e = np.sort(np.asarray(extent, dtype=np.float64))
    return bool(e[2] >= UPRIGHT_RATIO * e[1])


def guess_units(size: float, extent=None) -> tuple[list[str], bool]:
    """(units that make ``size`` a body's height or a partial scan's size, whether that reading is a whole body).

    extent (3,): the scan's extents; a body reading needs an upright shape (see :func:`_upright`)."""
    body = detect_units(size) if extent is None or _upright(extent) else None
    lo, hi = PARTIAL_SIZE_MM
    partial = [u for u in PARTIAL_UNITS if lo <= size * UNIT_SCALE_TO_MM[u] <= hi and u != body]
    choices = ([body] if body else []) + partial
    return choices, body is not None and not partial


def _extras(loaded, path: Path):
    """(uv (n, 2) | None, texture image path | None, colours (n, k) uint8 | None) the file carries."""
    visual = getattr(loaded, "visual", None)
    uv = texture = colors = None
    if visual is not None and getattr(visual, "kind", None) == "texture":
        if getattr(visual, "uv", None) is not None:
            uv = np.asarray(visual.uv, dtype=np.float64)
        if path.suffix.lower() == ".obj":
            texture = _obj_texture(path)
    elif visual is not None and getattr(visual, "kind", None) == "vertex":
        colors = np.asarray(visual.vertex_colors, dtype=np.uint8)
    return uv, texture, colors


def _obj_texture(path: Path) -> Path | None:
    """The diffuse image (map_Kd) of an OBJ's material library, if the file names one that exists."""
    try:
        lines = path.read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith("mtllib "):
            mtl = path.parent / line.split(maxsplit=1)[1].strip()
            try:
                for m in mtl.read_text("utf-8", errors="replace").splitlines():
                    if m.strip().startswith("map_Kd "):
                        image = mtl.parent / m.split(maxsplit=1)[1].strip().split()[-1]
                        return image if image.is_file() else None
            except OSError:
                return None
    return None


def largest_piece(vertices: np.ndarray, faces: np.ndarray) -> tuple[np.ndarray, int, float]:
    """(faces (m,) bool of the largest edge-connected piece by area, number of pieces, % of area dropped)."""
    from scipy import sparse
    from scipy.sparse import csgraph

    n = len(vertices)
    e = np.concatenate([faces[:, [0, 1]], faces[:, [1, 2]]])
    g = sparse.coo_matrix((np.ones(len(e)), (e[:, 0], e[:, 1])), shape=(n, n))
    count, label = csgraph.connected_components(g, directed=False)
    t = vertices[faces]
    area = 0.5 * np.linalg.norm(np.cross(t[:, 1] - t[:, 0], t[:, 2] - t[:, 0]), axis=1)
    face_label = label[faces[:, 0]]
    per = np.bincount(face_label, weights=area, minlength=count)
    best = int(np.argmax(per))
    pieces = int((per > 0).sum())
    dropped = 100.0 * (1.0 - per[best] / max(per.sum(), 1e-300))
    return face_label == best, pieces, dropped


def non_manifold_edges(faces: np.ndarray) -> int:
    """How many edges are used by three or more faces."""
    e = np.sort(np.concatenate([faces[:, [0, 1]], faces[:, [1, 2]], faces[:, [2, 0]]]), axis=1)
    _, _, counts = unique_rows(e)
    return int((counts > 2).sum())


def border_loops(vertices: np.ndarray, faces: np.ndarray) -> tuple[int, float]:
    """(number of open borders — holes and cut edges, total border length mm)."""
    e = border_edges(faces)
    if len(e) == 0:
        return 0, 0.0
    from scipy import sparse
    from scipy.sparse import csgraph

    n = len(vertices)
    g = sparse.coo_matrix((np.ones(len(e)), (e[:, 0], e[:, 1])), shape=(n, n))
    count, label = csgraph.connected_components(g, directed=False)
    loops = len(np.unique(label[e[:, 0]]))
    return loops, float(np.linalg.norm(vertices[e[:, 0]] - vertices[e[:, 1]], axis=1).sum())


def cluster_decimate(vertices: np.ndarray, faces: np.ndarray, target_faces: int) -> tuple[np.ndarray, np.ndarray]:
    """A coarser copy (vertices (k, 3) mm, faces (l, 3)) of about ``target_faces`` triangles by vertex clustering,
    each new vertex placed on the original surface (the nearest point to its cluster's mean)."""
    t = vertices[faces]
    area = 0.5 * np.linalg.norm(np.cross(t[:, 1] - t[:, 0], t[:, 2] - t[:, 0]), axis=1).sum()
    cell = float(np.sqrt(2.0 * area / max(target_faces, 1)))
    key = np.floor((vertices - vertices.min(axis=0)) / cell).astype(np.int64)
    _, cluster, _ = unique_rows(key)
    mean, f, used = cluster_faces(vertices, faces, cluster)
    on_surface, *_ = ScanSurface(vertices, faces).nearest(mean[used])
    return on_surface, f


def load_scan(path: str | Path, units: str | None = None) -> LoadedScan:
    """Read a scan into mesomap's frame (see the module doc); MeshLoadError with one sentence naming the file."""
    path = Path(path)
    check_regular_file(path, MAX_MESH_BYTES, MeshLoadError, "scan file")
    suffix = path.suffix.lower()
    if suffix not in SCAN_SUFFIXES:
        known = ", ".join(SCAN_SUFFIXES)
        raise MeshLoadError(SCAN_SUFFIX_UNSUPPORTED(file=path.name, suffix=path.suffix, known=known)
                            if path.suffix else MESH_SUFFIX_MISSING(file=path.name, known=known))
    loaded = load_trimesh(path)
    vertices = np.asarray(getattr(loaded, "vertices", np.empty((0, 3))), dtype=np.float64)
    faces = np.asarray(getattr(loaded, "faces", np.empty((0, 3))), dtype=np.int64)
    validate_arrays(vertices, faces, path.name)
    uv, texture, colors = _extras(loaded, path)
    del loaded  # the reader's own copies and caches (≈200 MB for a 1M-triangle PLY): the arrays above are all we need
    # Texture coordinates belong to face corners (seams split vertices); colours to vertices.
    uv_corners = uv[faces] if uv is not None and len(uv) == len(vertices) else None
    # Weld corners at the same place (STL repeats them per triangle; OBJ splits them at texture seams).
    first, inverse, _ = unique_rows(vertices)
    vertices = vertices[first]
    faces = inverse[faces]
    colors = colors[first] if colors is not None and len(colors) == len(inverse.ravel()) else None
    good = (faces[:, 0] != faces[:, 1]) & (faces[:, 1] != faces[:, 2]) & (faces[:, 0] != faces[:, 2])
    faces = faces[good]
    uv_corners = uv_corners[good] if uv_corners is not None else None

    # The largest piece first: a chair or a stand beside the patient must not decide the units.
    keep, pieces, dropped = largest_piece(vertices, faces)
    faces = faces[keep]
    uv_corners = uv_corners[keep] if uv_corners is not None else None
    used = np.unique(faces)
    remap = np.full(len(vertices), -1)
    remap[used] = np.arange(len(used))
    vertices, faces = vertices[used], remap[faces]
    colors = colors[used] if colors is not None else None
    texture_notes: list[Message] = []
    if colors is None and uv_corners is not None and texture is not None:
        try:
            colors = vertex_colours(len(vertices), faces, uv_corners, read_texture(texture))
        except OSError:
            texture_notes.append(SCAN_TEXTURE_UNREADABLE(image=texture.name))

    extent = vertices.max(axis=0) - vertices.min(axis=0)
    size = float(extent.max())
    choices, whole_body = guess_units(size, extent)
    if units is None:
        if len(choices) != 1:
            raise ScanUnitsUnclearError(path, size, choices or list(UNIT_SCALE_TO_MM))
        units = choices[0]
    elif units not in UNIT_SCALE_TO_MM:
        raise MeshLoadError(UNKNOWN_UNITS(units=quoted(units), known=", ".join(UNIT_SCALE_TO_MM)))
    size_mm = size * UNIT_SCALE_TO_MM[units]
    whole_body = detect_units(size) == units and _upright(extent)
    lo_mm, hi_mm = PARTIAL_SIZE_MM[0] / 1.5, BODY_HEIGHT_RANGE_MM[1]
    if not lo_mm <= size_mm <= hi_mm:
        raise MeshLoadError(SCAN_SIZE_IMPLAUSIBLE(file=path.name, units=units, size_m=round(size_mm / 1000, 4),
                                                  low_m=lo_mm / 1000, high_m=hi_mm / 1000))
    notes: list[Message] = texture_notes
    up = int(np.argmax(extent)) if whole_body else (1 if suffix in Y_UP_SUFFIXES else 2)
    turn = TURNS[up] * UNIT_SCALE_TO_MM[units]  # file units -> mm, z up (proper rotations)
    v = vertices @ turn.T
    if not whole_body:
        notes.append(SCAN_PARTIAL(size_mm=round(size_mm)))
    if pieces > 1:
        notes.append(SCAN_PIECES_DROPPED(pieces=pieces - 1, percent=round(dropped, 1)))

    holes, length = border_loops(v, faces)
    if holes:
        notes.append(SCAN_HOLES(count=holes, length_mm=round(length)))
    bad = non_manifold_edges(faces)
    if bad:
        notes.append(SCAN_NON_MANIFOLD(count=bad))
    lo, hi = v.min(axis=0), v.max(axis=0)
    shift = -np.array([(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, lo[2]])
    v = v + shift
    frame = np.eye(4)
    frame[:3, :3], frame[:3, 3] = turn, shift
    mesh = BodyMesh(vertices=v, faces=faces, body_id=path.stem, name=path.name)
    paint = mesh
    if len(faces) > PAINT_FACES:
        pv, pf = cluster_decimate(v, faces, PAINT_FACES)
        paint = BodyMesh(vertices=pv, faces=pf, body_id=path.stem, name=path.name)
        notes.append(SCAN_SIMPLIFIED(before=len(faces), after=len(pf)))
    paint_colors = colours_on(paint.vertices, mesh.vertices, colors) if colors is not None else None
    del v, faces, vertices  # the mesh holds its own copies
    release_free_memory()  # the import's temporaries go back to the system, not kept by the allocator
    return LoadedScan(mesh=mesh, paint=paint, units=units, partial=not whole_body, frame=frame, notes=notes,
                      uv=uv_corners, texture=texture, colors=colors, paint_colors=paint_colors)
