"""Loading body meshes: the bundled MakeHuman bodies and any mesh a user brings.

Every failure is a :class:`MeshLoadError` whose message says what is wrong with
which file, in one line a user can act on.
"""

from __future__ import annotations

import functools
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.geometry.surface import PaintingSurface
from mesomap.io.assets import assets_dir
from mesomap.io.json_reader import FILE_UNREADABLE, check_regular_file, quoted
from mesomap.model.messages import CarriesMessage, Kind, Message

BUNDLED_BODIES = ("female", "male")
DEFAULT_BODY = "female"
MESH_SUFFIXES = (".obj", ".ply", ".stl", ".glb", ".gltf", ".off")
#: Meshes with more triangles than this are refused (memory and speed).
MAX_FACES = 5_000_000
#: Plausible standing heights (file units) for each unit, and the factor to mm.
UNIT_RANGES = {
    "m": ((1.0, 2.5), 1000.0),
    "dm": ((10.0, 25.0), 100.0),
    "cm": ((100.0, 250.0), 10.0),
    "mm": ((1000.0, 2500.0), 1.0),
}
UNIT_SCALE_TO_MM = {unit: scale for unit, (_, scale) in UNIT_RANGES.items()}
#: Tallest extent (mm) a body mesh may have once its units are applied, whether detected or named
#: (a torso scan is short, nobody is 3 m tall: "1700" read as metres is refused, not shown 1.7 km tall).
BODY_HEIGHT_RANGE_MM = (200.0, 3000.0)
#: Mesh files larger than this are refused before reading (a 5 M-triangle binary STL is 250 MB).
MAX_MESH_BYTES = 500_000_000
#: How each format is named in messages.
FORMAT_NAMES = {".obj": "OBJ", ".ply": "PLY", ".stl": "STL", ".glb": "glTF", ".gltf": "glTF", ".off": "OFF"}

UNITS_UNCLEAR = Kind("units_unclear", "file", "height")
UNKNOWN_BODY = Kind("unknown_bundled_body", "body_id", "known")
BODY_DAMAGED = Kind("bundled_body_damaged", "body_id", "path")
PAINT_TOPOLOGY_DAMAGED = Kind("paint_topology_damaged", "path")
MESH_EMPTY = Kind("mesh_empty", "file")
MESH_NOT_TRIANGLES = Kind("mesh_not_triangles", "file")
MESH_TOO_LARGE = Kind("mesh_too_large", "file", "triangles", "max_triangles")
MESH_NOT_FINITE = Kind("mesh_not_finite", "file", "count")
MESH_BAD_INDICES = Kind("mesh_bad_indices", "file")
MESH_CUT_SHORT = Kind("mesh_cut_short", "file", "format", "rows", "announced")
MESH_UNREADABLE = Kind("mesh_unreadable", "file", "format")
HEIGHT_IMPLAUSIBLE = Kind("height_implausible", "file", "units", "height", "low_m", "high_m")
MESH_SUFFIX_UNSUPPORTED = Kind("mesh_suffix_unsupported", "file", "suffix", "known")
MESH_SUFFIX_MISSING = Kind("mesh_suffix_none", "file", "known")
UNKNOWN_UNITS = Kind("unknown_units", "units", "known")
UNITS_NOTE = Kind("units_note", "units", "height", severity="info")
TURNED_Y_UP = Kind("turned_y_up", severity="info")
TURNED_X_UP = Kind("turned_x_up", severity="info")


class MeshLoadError(CarriesMessage, Exception):
    """A mesh file could not be used; ``str(err)`` is the one-line reason."""


class UnitsUnclearError(MeshLoadError):
    """The mesh's height does not tell its units; ask the user, then pass ``units=``."""

    def __init__(self, path: Path, height: float):
        self.path = path
        self.height = height
        super().__init__(UNITS_UNCLEAR(file=path.name, height=height))


@dataclass(frozen=True)
class LoadedMesh:
    """A user mesh in mesomap's frame, with what was done to get it there."""

    mesh: BodyMesh
    units: str
    notes: list[Message] = field(default_factory=list)


def load_bundled_body(body_id: str = DEFAULT_BODY) -> BodyMesh:
    """One of the baked MakeHuman bodies (``"female"`` or ``"male"``), in mm, RAS axes."""
    if body_id not in BUNDLED_BODIES:
        raise MeshLoadError(UNKNOWN_BODY(body_id=quoted(body_id), known=", ".join(BUNDLED_BODIES)))
    path = assets_dir() / "meshes" / f"{body_id}.npz"
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            return BodyMesh(
                vertices=data["vertices"],
                faces=data["faces"],
                body_id=body_id,
                name=meta.get("name", body_id),
                topology=meta.get("topology"),
                mirror=data["mirror"],
            )
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise MeshLoadError(BODY_DAMAGED(body_id=body_id, path=str(path))) from err


def detect_units(height: float) -> str | None:
    """The unit whose plausible body-height range holds ``height``, else None."""
    for unit, ((lo, hi), _) in UNIT_RANGES.items():
        if lo <= height <= hi:
            return unit
    return None


def validate_arrays(vertices: np.ndarray, faces: np.ndarray, name: str) -> None:
    """Raise MeshLoadError unless the arrays make a usable triangle mesh.

    vertices : (n, 3) float, faces : (m, 3) int.
    """
    if len(vertices) == 0 or len(faces) == 0:
        raise MeshLoadError(MESH_EMPTY(file=name))
    if faces.ndim != 2 or faces.shape[1] != 3:
        raise MeshLoadError(MESH_NOT_TRIANGLES(file=name))
    if len(faces) > MAX_FACES:
        raise MeshLoadError(MESH_TOO_LARGE(file=name, triangles=len(faces), max_triangles=MAX_FACES))
    if not np.isfinite(vertices).all():
        bad = int((~np.isfinite(vertices)).any(axis=1).sum())
        raise MeshLoadError(MESH_NOT_FINITE(file=name, count=bad))
    if faces.min() < 0 or faces.max() >= len(vertices):
        raise MeshLoadError(MESH_BAD_INDICES(file=name))


def _ascii_counts(path: Path) -> tuple[int, int] | None:
    """(rows the header of an ASCII PLY/OFF promises, data rows present), or None for other files.

    A PLY's rows are the sum of its ``element`` counts; an OFF's the vertex and
    face counts of its first line. Blank and ``#`` comment lines are not rows.
    """
    suffix = path.suffix.lower()
    if suffix not in (".ply", ".off"):
        return None
    promised = present = 0
    with open(path, "rb") as fh:
        if suffix == ".ply":
            for line in fh:
                words = line.split()
                if words[:1] == [b"format"] and words[1:2] != [b"ascii"]:
                    return None  # binary PLY: its reader checks the length itself
                if words[:1] == [b"element"] and len(words) == 3 and words[2].isdigit():
                    promised += int(words[2])
                if words[:1] == [b"end_header"]:
                    break
            else:
                return None
        else:
            counts: list[bytes] = []
            for line in fh:
                words = line.split(b"#")[0].split()
                if words[:1] and words[0].endswith(b"OFF"):
                    words = words[1:]
                if words:
                    counts = words
                    break
            if len(counts) < 2 or not (counts[0].isdigit() and counts[1].isdigit()):
                return None
            promised = int(counts[0]) + int(counts[1])
        for line in fh:
            if line.strip() and not line.lstrip().startswith(b"#"):
                present += 1
    return promised, present


def load_trimesh(path: Path):
    """The file as one trimesh mesh, unprocessed; MeshLoadError naming the file when it is cut short or unreadable."""
    import trimesh  # imported here: only user meshes need it, and it is slow to import

    kind = FORMAT_NAMES.get(path.suffix.lower(), "mesh")
    try:
        counts = _ascii_counts(path)
    except OSError as err:
        raise MeshLoadError(FILE_UNREADABLE(file=path.name, reason=str(err.strerror or "read error"))) from err
    if counts is not None and counts[1] < counts[0]:
        raise MeshLoadError(MESH_CUT_SHORT(file=path.name, format=kind, rows=counts[1], announced=counts[0]))
    try:
        loaded = trimesh.load(str(path), force="mesh", process=False)
    except Exception as err:  # trimesh raises many kinds for broken files; its text means nothing to a clinician
        raise MeshLoadError(MESH_UNREADABLE(file=path.name, format=kind)) from err
    return loaded


def _read_with_trimesh(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Validated, welded (vertices (n, 3), faces (m, 3)) in file units."""
    import trimesh

    loaded = load_trimesh(path)
    vertices = np.asarray(getattr(loaded, "vertices", np.empty((0, 3))), dtype=np.float64)
    faces = np.asarray(getattr(loaded, "faces", np.empty((0, 3))), dtype=np.int64)
    validate_arrays(vertices, faces, path.name)
    # STL and some PLY/GLB writers repeat each corner per triangle: weld them
    # so that a closed surface reads as closed (merge_vertices only joins
    # vertices equal to ~1e-8, it moves nothing).
    welded = trimesh.Trimesh(vertices, faces, process=False)
    welded.merge_vertices()
    return np.asarray(welded.vertices, dtype=np.float64), np.asarray(welded.faces, dtype=np.int64)


def check_body_height(height: float, units: str, name: str) -> None:
    """Refuse ``units`` when they make the mesh's tallest extent ``height`` (file units) no body's height."""
    height_mm = height * UNIT_SCALE_TO_MM[units]
    lo, hi = BODY_HEIGHT_RANGE_MM
    if not lo <= height_mm <= hi:
        shown = f"{height_mm / 1e6:g} km" if height_mm >= 1e6 else f"{height_mm / 1000:g} m"
        raise MeshLoadError(HEIGHT_IMPLAUSIBLE(file=name, units=units, height=shown, low_m=lo / 1000,
                                               high_m=hi / 1000))


def load_mesh_file(path: str | Path, units: str | None = None) -> LoadedMesh:
    """Read OBJ/PLY/STL/GLB/OFF into mesomap's frame: mm, z up, feet on z = 0, centred.

    units : "m", "dm", "cm" or "mm"; None detects them from the body height
    (the largest extent) and raises UnitsUnclearError when that is ambiguous.
    The tallest axis becomes +z; a y-up file (OBJ/glTF habit, facing +z) is
    turned so its front faces +y, as the bundled bodies do.
    """
    path = Path(path)
    check_regular_file(path, MAX_MESH_BYTES, MeshLoadError, "mesh file")
    if path.suffix.lower() not in MESH_SUFFIXES:
        raise MeshLoadError(MESH_SUFFIX_UNSUPPORTED(file=path.name, suffix=path.suffix, known=", ".join(MESH_SUFFIXES))
                            if path.suffix else MESH_SUFFIX_MISSING(file=path.name, known=", ".join(MESH_SUFFIXES)))
    vertices, faces = _read_with_trimesh(path)

    extent = vertices.max(axis=0) - vertices.min(axis=0)
    height = float(extent.max())
    if units is None:
        units = detect_units(height)
        if units is None:
            raise UnitsUnclearError(path, height)
    if units not in UNIT_SCALE_TO_MM:
        raise MeshLoadError(UNKNOWN_UNITS(units=quoted(units), known=", ".join(UNIT_SCALE_TO_MM)))
    check_body_height(height, units, path.name)
    notes = [UNITS_NOTE(units=units, height=height)]
    v = vertices * UNIT_SCALE_TO_MM[units]

    up = int(np.argmax(extent))
    if up == 1:  # y up, facing +z -> z up, facing +y (x keeps its sense: a proper rotation)
        v = v[:, [0, 2, 1]] * np.array([-1.0, 1.0, 1.0])
        notes.append(TURNED_Y_UP())
    elif up == 0:  # x up -> z up
        v = v[:, [1, 2, 0]]
        notes.append(TURNED_X_UP())
    lo, hi = v.min(axis=0), v.max(axis=0)
    v = v - np.array([(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, lo[2]])
    mesh = BodyMesh(vertices=v, faces=faces, body_id=path.stem, name=path.name)
    return LoadedMesh(mesh=mesh, units=units, notes=notes)


PAINT_TOPOLOGY_FILE = "hm08-paint.npz"


@functools.lru_cache(maxsize=4)
def load_painting_surface(body_id: str = DEFAULT_BODY) -> PaintingSurface:
    """A bundled body at painting resolution (cached; search structures build on first use)."""
    return painting_surface_on(load_bundled_body(body_id))


def painting_surface_on(coarse: BodyMesh) -> PaintingSurface:
    """Any body of the hm08 topology (a bundled one, the reference fitted onto a scan) at painting resolution."""
    path = assets_dir() / "meshes" / PAINT_TOPOLOGY_FILE
    try:
        with np.load(path, allow_pickle=False) as data:
            return PaintingSurface(
                coarse,
                faces=data["faces"],
                parent_face=data["parent_face"],
                midpoint_of=data["midpoint_of"],
                face_mirror=data["face_mirror"],
                vertex_mirror=data["vertex_mirror"],
            )
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise MeshLoadError(PAINT_TOPOLOGY_DAMAGED(path=str(path))) from err
