"""The body surface as arrays: vertices in mm, triangles, and what derives from them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # scipy loads when a mesh's adjacency is first asked for, not with the app's window
    from scipy import sparse


def _frozen(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


@dataclass(frozen=True, eq=False)
class BodyMesh:
    """A triangulated body surface.

    Attributes
    ----------
    vertices : (n, 3) float64, mm. Bundled bodies use RAS axes (+x patient's
        right, +y anterior, +z superior), feet on z = 0, midline x = 0.
    faces : (m, 3) int64 vertex indices, counter-clockwise seen from outside.
    body_id : short id ("female", "male", or a file name for user meshes).
    name : human-readable name for the status bar.
    topology : name of the shared topology ("hm08-body" for both bundled
        bodies), or None. Two meshes with the same topology name have the same
        faces and vertex count, so a vertex or face id means the same place on
        both; code relies on that only after checking ``same_topology``.
    mirror : (n,) int64 or None. Vertex i's left/right partner across the
        midline (an involution; midline vertices map to themselves).

    The arrays are copied on construction and made read-only, and derived
    arrays are computed once on first use, cached and read-only too, so no
    cache can go stale.
    """

    vertices: np.ndarray
    faces: np.ndarray
    body_id: str = "mesh"
    name: str = "Mesh"
    topology: str | None = None
    mirror: np.ndarray | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        v = np.array(self.vertices, dtype=np.float64, order="C")  # copies: callers keep theirs
        f = np.array(self.faces, dtype=np.int64, order="C")
        if v.ndim != 2 or v.shape[1] != 3:
            raise ValueError(f"vertices must have shape (n, 3), got {v.shape}")
        if f.ndim != 2 or f.shape[1] != 3:
            raise ValueError(f"faces must have shape (m, 3), got {f.shape}")
        if len(f) and (f.min() < 0 or f.max() >= len(v)):
            raise ValueError("faces refer to vertices that do not exist")
        v.flags.writeable = False
        f.flags.writeable = False
        object.__setattr__(self, "vertices", v)
        object.__setattr__(self, "faces", f)
        if self.mirror is not None:
            m = np.array(self.mirror, dtype=np.int64, order="C")
            if m.shape != (len(v),):
                raise ValueError(f"mirror must have shape ({len(v)},), got {m.shape}")
            m.flags.writeable = False
            object.__setattr__(self, "mirror", m)

    @property
    def n_vertices(self) -> int:
        return len(self.vertices)

    @property
    def n_faces(self) -> int:
        return len(self.faces)

    @cached_property
    def triangles(self) -> np.ndarray:
        """(m, 3, 3) float64 mm: the corner positions of every face."""
        return _frozen(self.vertices[self.faces])

    @cached_property
    def _cross(self) -> np.ndarray:
        t = self.triangles
        return np.cross(t[:, 1] - t[:, 0], t[:, 2] - t[:, 0])

    @cached_property
    def face_areas(self) -> np.ndarray:
        """(m,) float64 mm²."""
        return _frozen(0.5 * np.linalg.norm(self._cross, axis=1))

    @cached_property
    def face_normals(self) -> np.ndarray:
        """(m, 3) float64 unit outward normals (zero rows for degenerate faces)."""
        norm = np.linalg.norm(self._cross, axis=1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            return _frozen(np.where(norm > 0, self._cross / norm, 0.0))

    @cached_property
    def vertex_normals(self) -> np.ndarray:
        """(n, 3) float64 unit normals: area-weighted mean of adjacent face normals."""
        acc = np.zeros_like(self.vertices)
        for k in range(3):
            np.add.at(acc, self.faces[:, k], self._cross)
        norm = np.linalg.norm(acc, axis=1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            return _frozen(np.where(norm > 0, acc / norm, 0.0))

    @cached_property
    def surface_area_mm2(self) -> float:
        """Total surface area in mm² (divide by 1e6 for m²)."""
        return float(self.face_areas.sum())

    @cached_property
    def edges(self) -> np.ndarray:
        """(e, 2) int64 unique undirected edges, each row sorted."""
        e = np.sort(self.faces[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2), axis=1)
        return _frozen(np.unique(e, axis=0))

    @cached_property
    def vertex_adjacency(self) -> sparse.csr_matrix:
        """(n, n) symmetric CSR matrix of edge lengths in mm between neighbours.

        ``adj[i].indices`` are the neighbours of vertex i.
        """
        e = self.edges
        lengths = np.linalg.norm(self.vertices[e[:, 0]] - self.vertices[e[:, 1]], axis=1)
        n = self.n_vertices
        rows = np.concatenate([e[:, 0], e[:, 1]])
        cols = np.concatenate([e[:, 1], e[:, 0]])
        from scipy import sparse

        return sparse.csr_matrix((np.concatenate([lengths, lengths]), (rows, cols)), shape=(n, n))

    @cached_property
    def bounds_mm(self) -> np.ndarray:
        """(2, 3) float64: the lowest and highest coordinate on each axis."""
        return _frozen(np.stack([self.vertices.min(axis=0), self.vertices.max(axis=0)]))

    @property
    def height_mm(self) -> float:
        """Extent along z (up) in mm."""
        lo, hi = self.bounds_mm
        return float(hi[2] - lo[2])

    @cached_property
    def is_watertight(self) -> bool:
        """True when every directed edge has exactly one opposite twin.

        That means closed (each edge shared by two faces) and consistently wound.
        """
        if self.n_faces == 0:
            return False
        directed = self.faces[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2)
        n = np.int64(self.n_vertices)
        key = directed[:, 0] * n + directed[:, 1]
        twin = directed[:, 1] * n + directed[:, 0]
        uniq, counts = np.unique(key, return_counts=True)
        if np.any(counts != 1):
            return False
        return bool(np.isin(twin, uniq, assume_unique=False).all())

    @cached_property
    def volume_mm3(self) -> float:
        """Signed enclosed volume in mm³ (positive when normals point outward)."""
        t = self.triangles
        return float(np.einsum("ij,ij->i", t[:, 0], np.cross(t[:, 1], t[:, 2])).sum() / 6.0)

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 hex of the vertex and face bytes: names the exact geometry a plan was made on."""
        h = hashlib.sha256()
        h.update(np.asarray(self.vertices, dtype="<f8").tobytes())
        h.update(np.asarray(self.faces, dtype="<i8").tobytes())
        return h.hexdigest()

    def same_topology(self, other: BodyMesh) -> bool:
        """True when face ids and vertex ids mean the same place on both meshes."""
        return self.n_vertices == other.n_vertices and np.array_equal(self.faces, other.faces)
