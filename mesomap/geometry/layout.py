"""Injection-grid layout on a zone of the skin, with spacing measured along the curved surface.

How (per connected part of the zone, precomputed once by :class:`ZoneLayoutSolver`):

1. a conformal map refined as rigidly as possible flattens the part onto a
   plane (:mod:`mesomap.geometry.layout_chart`): the plane's lengths are the
   skin's wherever the skin unrolls, and the stretch of doubly curved skin
   is spread evenly (a closed part: the log map around its centre; a band
   around a limb is cut open along a seam first, :mod:`mesomap.geometry.layout_tube`,
   and its lattice gets a whole number of steps around the limb);
2. the pattern's plane lattice (hexagonal, square or rows) is laid in that
   plane, each lattice point found in a flattened triangle and mapped back
   to the skin by its barycentrics (a small part's lattice shifted within its
   cell where that fits the part better: :mod:`mesomap.geometry.layout_phase`);
3. the lattice's springs (rest length = spacing along the skin) are relaxed in
   3D, every step projected back onto the zone's faces — this removes the
   chart's stretch on doubly curved skin (knee, face, shoulder); a lattice
   still squeezed after that (a saddle: its rows cannot gain points where the
   skin widens) is spread by push-only particle steps whose neighbours may
   change (SQUEEZED);
4. points closer than ``margin_mm`` to the zone's boundary are dropped, pairs
   left too close where lattice fronts meet are thinned, holes are filled or
   shrunk (:mod:`mesomap.geometry.layout_holes`, :mod:`mesomap.geometry.layout_fix`)
   and a few particle steps even out what that left uneven;
5. a part whose inside is narrower than two rows gets one row on its middle
   line instead of the lattice (:mod:`mesomap.geometry.layout_border`); in the
   ``rows`` pattern a ring-shaped part (around the mouth) gets rows that go
   around it (:mod:`mesomap.geometry.layout_ring`).

Blue noise is dart throwing on the zone's faces followed by a few repulsion steps.
A layout returns a frozen :class:`Layout` of arrays; :func:`estimate_count`
gives the count from area alone for live feedback while painting (both in
:mod:`mesomap.geometry.layout_value`, imported here).
"""

from __future__ import annotations

import math
from functools import cached_property

import numpy as np
from scipy.spatial import cKDTree

from mesomap.geometry import layout_cache
from mesomap.geometry.layout_border import border_row
from mesomap.geometry.layout_chart import Chart, build_chart, chart_angle, locate
from mesomap.geometry.layout_fix import BLUE_NOISE_SEPARATION, MIN_SEPARATION, fix_layout
from mesomap.geometry.layout_holes import surface_samples
from mesomap.geometry.layout_lattice import cell_area_mm2, plane_lattice, row_pitch
from mesomap.geometry.layout_mesh import ZonePatch
from mesomap.geometry.layout_phase import best_shift, shift_pays
from mesomap.geometry.layout_relax import _subset, dart_throw, relax_particles, relax_springs, spring_squeeze, thin
from mesomap.geometry.layout_tube import tube_chart, tube_lattice, tube_loops
from mesomap.geometry.layout_value import (MARGIN_RANGE_MM, SPACING_RANGE_MM, Layout,  # noqa: F401 (re-exported)
                                           check_params, estimate_count)
from mesomap.geometry.order import injection_order

#: Spring relaxation steps (local/global) of the lattice.
RELAX_STEPS = 2
#: A relaxed hexagonal lattice whose springs are squeezed — a quarter (SQUEEZE_QUANTILE) of them shorter than
#: this × their rest length (0.954–0.960 on the inner side of a torus, ≥ 0.976 on the body zones and the
#: spheres): the skin widens faster than rows of fixed length can follow — is spread by SQUEEZE_STEPS push-only
#: particle steps, in which neighbours may change, so its compressed middle reaches the margin line. Not in
#: the slider's preview (fix=False).
SQUEEZED = 0.968
SQUEEZE_QUANTILE = 0.25
SQUEEZE_STEPS = 30
#: A row of points along the margin line (else only parts too thin for two rows get a row, along their midline).
BORDER_ROW = False
#: Holes are looked for at about this many random spots per hexagonal cell (at most MAX_SPOTS).
SPOTS_PER_CELL = 12
MAX_SPOTS = 1 << 17
#: Blue noise: dart-throwing radius and repulsion range as fractions of the spacing.
BLUE_NOISE_RADIUS = 0.80
BLUE_NOISE_STEPS = 6


class ZoneLayoutSolver:
    """Precomputed layout machinery for one zone; :meth:`layout` is then fast.

    vertices (n, 3) mm, faces (m, 3) of the whole mesh; zone_faces (k,) the
    zone's face ids (any order, may be several separate parts);
    vertex_normals (n, 3) optional smooth normals (default: from the zone's faces).
    Only the zone's own faces are kept. Build cost ~ the charts
    (≈0.1–0.5 s for the bundled zones); :meth:`layout` reuses them.
    """

    def __init__(self, vertices, faces, zone_faces, vertex_normals=None):
        self.patch = ZonePatch(vertices, faces, zone_faces, vertex_normals)
        self._charts: list[Chart] | None = None
        self._cache: dict = {}

    @classmethod
    def from_surface(cls, surface, zone_faces) -> ZoneLayoutSolver:
        """A solver for painting faces ``zone_faces`` of a :class:`~mesomap.geometry.surface.PaintingSurface`."""
        return cls(surface.mesh.vertices, surface.mesh.faces, zone_faces, surface.vertex_normals)

    # ---- precomputation ---------------------------------------------------
    @property
    def area_mm2(self) -> float:
        return self.patch.area_mm2

    @property
    def boundary_length_mm(self) -> float:
        return self.patch.boundary_length_mm

    @property
    def charts(self) -> list[Chart]:
        if self._charts is None:
            self._charts = [self._chart(c) for c in range(self.patch.n_components)]
        return self._charts

    @cached_property
    def tubes(self) -> dict:
        """{component: its two border loops} for the connected parts that are tubes (a band around a limb)."""
        loops = {c: tube_loops(self.patch, c) for c in range(self.patch.n_components)}
        return {c: v for c, v in loops.items() if v is not None}

    def _tube_chart(self, component: int):
        key = ("tube", component)
        if key not in self._cache:
            self._cache[key] = tube_chart(self.patch, component, self.tubes[component])
        return self._cache[key]

    def prepare_charts(self) -> None:
        """Build (or read from the chart store) the chart each connected part is laid out in: the cut-open band
        of a limb, else the part's own chart — what the first layout would otherwise build."""
        for c in range(self.patch.n_components):
            self._tube_chart(c) if c in self.tubes else self._chart_of(c)

    def _chart_of(self, component: int) -> Chart:
        if self._charts is not None:
            return self._charts[component]
        key = ("chart", component)
        if key not in self._cache:
            self._cache[key] = self._chart(component)
        return self._cache[key]

    def _chart(self, component: int) -> Chart:
        return build_chart(self.patch, component)

    def eroded_area_mm2(self, margin_mm: float, component: int | None = None) -> float:
        """Area (mm²) of the zone (or of one connected part) at least ``margin_mm`` (straight line) from its boundary."""
        p = self.patch
        areas = p.face_areas if component is None else np.where(p.component == component, p.face_areas, 0.0)
        if margin_mm <= 0:
            return float(areas.sum())
        d = self.patch.vertex_boundary_distance
        # fraction of each face above the margin, from the linear distance field on a 15-point grid
        g = np.array([(i, j, 4 - i - j) for i in range(5) for j in range(5 - i)], float) / 4
        inside = (d[p.F] @ g.T) >= margin_mm  # (k, 15)
        return float((areas * inside.mean(axis=1)).sum())

    def estimate_count(self, spacing_mm: float, margin_mm: float = 0.0, pattern: str = "hexagonal",
                       row_spacing_mm: float | None = None) -> int:
        """Expected count from this zone's area inside the margin (no layout needed)."""
        return int(round(self.eroded_area_mm2(margin_mm) / cell_area_mm2(pattern, spacing_mm, row_spacing_mm)))

    # ---- layout -----------------------------------------------------------
    def layout(self, spacing_mm: float, pattern: str = "hexagonal", margin_mm: float = 0.0, *,
               row_spacing_mm: float | None = None, direction=None, pinned=None, seed: int = 0,
               relax_steps: int | None = None, fix: bool = True) -> Layout:
        """Injection points of the zone.

        spacing_mm : distance along the skin between neighbours (along the
            lines for ``rows``). row_spacing_mm : between the lines (``rows``
            only; default = spacing). direction : (3,) direction of the rows /
            lattice lines (default: horizontal on the skin at the zone's centre).
        pinned : optional (faces (q,), barycentric (q, 3)) kept exactly; no
            generated point comes closer than MIN_SEPARATION (0.9) × spacing to them.
        seed : all the randomness (blue noise's darts, the spots holes are
            looked for at); same inputs + seed → same layout.
        fix : False skips thinning, hole filling and spreading a squeezed
            saddle lattice — a preview (≈8 ms for 200 points, against ≈18 ms
            for the full layout) while a spacing slider moves; lay out again
            with fix=True (the default) when it stops.
        """
        check_params(pattern, spacing_mm, margin_mm, row_spacing_mm if pattern == "rows" else None)
        relax_steps = RELAX_STEPS if relax_steps is None else relax_steps
        s = float(spacing_mm)
        p = self.patch
        pin_face, pin_bary = self._pinned(pinned)
        settings = (s, pattern, float(margin_mm), None if row_spacing_mm is None else float(row_spacing_mm),
                    None if direction is None else tuple(float(v) for v in np.ravel(direction)), int(seed), relax_steps)
        key = (layout_cache.layout_key(p.V, p.F, p.N, settings, pin_face, pin_bary)
               if fix and layout_cache.store() is not None else None)
        stored = layout_cache.load(key, len(p.F), len(pin_face)) if key is not None else None
        if stored is not None:  # laid out before with the same skin, settings and code: the same points
            face, bary, stats = stored
            return self._finish(face, bary, len(pin_face), pattern, s, margin_mm, stats)
        face, bary, stats = self._compute(pattern, s, margin_mm, row_spacing_mm, direction, pin_face, pin_bary, seed,
                                          relax_steps, fix)
        if key is not None:
            layout_cache.save(key, face, bary, stats)
        return self._finish(face, bary, len(pin_face), pattern, s, margin_mm, stats)

    def _compute(self, pattern, s, margin_mm, row_spacing_mm, direction, pin_face, pin_bary, seed, relax_steps, fix):
        """(local faces (p,), barycentrics (p, 3), stats) of a layout: pinned points first, then the border row's, then
        the rest (see :meth:`layout`). A small part's lattice may be shifted within its cell
        (:mod:`mesomap.geometry.layout_phase`); the finished layout is kept only if it beats the one through the
        chart's origin (:func:`~mesomap.geometry.layout_phase.shift_pays`)."""
        args = (pattern, s, margin_mm, row_spacing_mm, direction, pin_face, pin_bary, seed, relax_steps, fix)
        shifts = None
        if fix and pattern != "blue_noise":
            shifts = [best_shift(self.patch, *self._part_lattice(c, pattern, s, row_spacing_mm, direction), margin_mm,
                                 self.eroded_area_mm2(margin_mm, c) / cell_area_mm2(pattern, s, row_spacing_mm),
                                 self._inside_spots(s, c, margin_mm, seed), s) for c in range(self.patch.n_components)]
        out = self._compute_with(*args, shifts)
        if shifts is not None and np.any(shifts):
            origin = self._compute_with(*args, None)
            spots, border = self._spots(s, seed)
            ideal = self.eroded_area_mm2(margin_mm) / cell_area_mm2(pattern, s, row_spacing_mm)
            if not shift_pays(self.patch, out[:2], origin[:2], s, ideal, spots[border >= margin_mm]):
                out = origin
        return out

    def _compute_with(self, pattern, s, margin_mm, row_spacing_mm, direction, pin_face, pin_bary, seed, relax_steps,
                      fix, shifts):
        """:meth:`_compute` with each part's lattice shifted by ``shifts`` (a (2,) per part; None: not shifted)."""
        p = self.patch
        pin_pos = p.positions(pin_face, pin_bary)
        if pattern == "blue_noise":
            face, bary = self._blue_noise(s, margin_mm, pin_pos, seed)
        else:
            face, bary = self._lattice_layout(pattern, s, row_spacing_mm, margin_mm, direction, pin_pos, relax_steps,
                                              spread=fix, shifts=shifts)
        stats = {}
        edge_face, edge_bary = np.empty(0, np.int64), np.empty((0, 3))
        if fix and pattern != "blue_noise":  # the outermost row follows the margin line
            edge_face, edge_bary, face, bary = self._with_border_row(face, bary, s, margin_mm, pattern,
                                                                     row_spacing_mm, pin_pos)
        if fix and (len(face) or len(edge_face)):
            fixed = np.concatenate([pin_pos, p.positions(edge_face, edge_bary)])
            face, bary, stats = fix_layout(p, self._spots(s, seed), face, bary, s, margin_mm, fixed, pattern,
                                           row_spacing_mm, edge_row=len(edge_face) > 0)
        face = np.concatenate([pin_face, edge_face, face]).astype(np.int64)
        bary = np.concatenate([pin_bary, edge_bary, bary])
        return face, bary, stats

    def _finish(self, face, bary, n_pinned, pattern, s, margin_mm, stats) -> Layout:
        """The :class:`Layout` of points (local faces (p,), barycentrics (p, 3)), the first ``n_pinned`` pinned."""
        p = self.patch
        pos = p.positions(face, bary)
        normals = p.normals(face, bary)
        sequence, length = injection_order(pos)
        order = np.empty(len(pos), dtype=np.int64)
        order[sequence] = np.arange(len(pos))
        pinned_mask = np.zeros(len(pos), dtype=bool)
        pinned_mask[:n_pinned] = True
        return Layout(p.global_faces[face], bary, pos, normals, order, pinned_mask, float(length),
                      pattern, s, float(margin_mm), stats)

    def _pinned(self, pinned):
        if pinned is None:
            return np.empty(0, dtype=np.int64), np.empty((0, 3))
        faces, bary = pinned
        faces = np.atleast_1d(np.asarray(faces, dtype=np.int64))
        bary = np.asarray(bary, dtype=np.float64).reshape(-1, 3)
        if len(faces) != len(bary):
            raise ValueError("pinned faces and barycentrics differ in length")
        local = np.searchsorted(self.patch.global_faces, faces)
        local = np.clip(local, 0, len(self.patch.global_faces) - 1)
        bad = np.flatnonzero(self.patch.global_faces[local] != faces)
        if len(bad):
            raise ValueError(f"pinned point {int(bad[0])} (face {int(faces[bad[0]])}) is not in the zone")
        return local, bary.copy()

    def _part_lattice(self, c: int, pattern, s, row_spacing, direction):
        """(chart, corners for locate, lattice(shift) → Lattice) of connected part c: a band around a limb unrolled
        with a whole number of lattice steps around it, else the part's own chart."""
        tube = self._tube_chart(c) if c in self.tubes else None
        if tube is not None and np.linalg.norm(tube[2]) >= s:  # (a band with no way round: its own chart)
            chart, corners, period = tube
            return chart, corners, lambda shift: tube_lattice(pattern, s, row_spacing, period, chart.lo, chart.hi,
                                                              shift)
        chart = self._chart_of(c)
        angle = chart_angle(self.patch, chart, direction)
        return chart, None, lambda shift: plane_lattice(pattern, s, row_spacing, angle, chart.lo, chart.hi, shift)

    def _lattice_layout(self, pattern, s, row_spacing, margin, direction, pin_pos, relax_steps, spread=True,
                        shifts=None):
        p = self.patch
        faces, barys, edges, rests, weights = [], [], [], [], []
        offset = 0
        for c in range(p.n_components):
            chart, corners, lattice = self._part_lattice(c, pattern, s, row_spacing, direction)
            lat = lattice((0.0, 0.0) if shifts is None else shifts[c])
            f, b, found = locate(self.patch, chart, lat.points, corners=corners)
            idx = np.full(len(found), -1)
            idx[found] = np.arange(found.sum()) + offset
            e = idx[lat.edges]
            ok = (e >= 0).all(axis=1)
            faces.append(f[found])
            barys.append(b[found])
            edges.append(e[ok])
            rests.append(lat.rest[ok])
            weights.append(lat.weight[ok])
            offset += int(found.sum())
        face, bary = np.concatenate(faces), np.concatenate(barys)
        edges = np.concatenate(edges) if edges else np.empty((0, 2), np.int64)
        rest = np.concatenate(rests) if rests else np.empty(0)
        weight = np.concatenate(weights) if weights else np.empty(0)
        if len(face) == 0:
            return face, bary
        x = p.positions(face, bary)
        # drop lattice points well outside the margin before relaxing (they only cost time)
        keep = p.boundary_distance_bound(x) >= margin - 0.5 * s
        face, bary, edges, rest, weight = _subset(keep, face, bary, edges, rest, weight)
        if relax_steps and len(edges):
            face, bary = relax_springs(p, face, bary, edges, rest, weight, relax_steps)
        x = p.positions(face, bary)
        squeezed = (spread and pattern == "hexagonal" and relax_steps and len(edges)
                    and spring_squeeze(p, face, bary, edges, rest, SQUEEZE_QUANTILE) < SQUEEZED)
        border = p.boundary_distance_bound(x)
        near = np.flatnonzero(border < margin)  # the bound is a hair low: measure those exactly (rings on the line)
        border[near] = p.boundary_distance(x[near])
        keep = border >= margin
        face, bary = face[keep], bary[keep]
        if squeezed and SQUEEZE_STEPS:  # rows that cannot gain points where the skin widens (a saddle) spread out
            face, bary = relax_particles(p, face, bary, s, margin, pin_pos, SQUEEZE_STEPS, attract=False, cutoff=1.0,
                                         gain=1.0)
        return face, bary

    def _with_border_row(self, face, bary, s, margin, pattern, row_spacing, pin_pos):
        """(border faces, border bary, lattice faces, lattice bary): the border row (see
        :mod:`mesomap.geometry.layout_border`), kept MIN_SEPARATION × spacing from pinned points, and the
        lattice without its points that crowd the row or lie in a part laid out as one midline row."""
        p = self.patch
        b = float(row_spacing if (pattern == "rows" and row_spacing is not None) else s)
        ef, eb, single = border_row(p, self.patch.vertex_boundary_distance, s, margin,
                                    between=row_pitch(pattern, s, row_spacing), loops=BORDER_ROW,
                                    rings=pattern == "rows")
        if len(ef) == 0:
            return ef, eb, face, bary
        ex = p.positions(ef, eb)
        keep = thin(ex, MIN_SEPARATION * min(s, b), pin_pos)
        ef, eb, ex = ef[keep], eb[keep], ex[keep]
        clear = cKDTree(ex).query(p.positions(face, bary))[0] >= MIN_SEPARATION * min(s, b)
        clear &= ~single[p.component[face]]
        face, bary = face[clear], bary[clear]
        return ef, eb, face, bary

    def _blue_noise(self, s, margin, pin_pos, seed):
        p = self.patch
        area = self.eroded_area_mm2(margin)
        target = max(1, int(area / cell_area_mm2("hexagonal", s)))
        face, bary = surface_samples(p, int(min(max(30 * target, 200), 400_000)), seed)
        x = p.positions(face, bary)
        inside = p.boundary_distance_bound(x) >= margin
        face, bary, x = face[inside], bary[inside], x[inside]
        chosen = dart_throw(x, BLUE_NOISE_RADIUS * s, pin_pos)
        face, bary = face[chosen], bary[chosen]
        return relax_particles(p, face, bary, s, margin, pin_pos, BLUE_NOISE_STEPS, attract=False)

    def _spots(self, s: float, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """(q, 3) mm random points of the zone, ≈SPOTS_PER_CELL per hexagonal cell, and their border distances (q,).

        Drawn once per density (a power of two, up to MAX_SPOTS) and seed, and
        cached, so a spacing slider reuses them.
        """
        return self._spot_table(s, seed)[:2]

    def _inside_spots(self, s: float, component: int, margin: float, seed: int = 0) -> np.ndarray:
        """(q, 3) mm the spots (:meth:`_spots`) of one connected part at least ``margin`` from the border."""
        x, border, part = self._spot_table(s, seed)
        return x[(part == component) & (border >= margin)]

    def _spot_table(self, s: float, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(spots (q, 3) mm, their border distances (q,), their connected part (q,)): see :meth:`_spots`."""
        want = SPOTS_PER_CELL * self.area_mm2 / cell_area_mm2("hexagonal", s)
        n = int(min(2 ** math.ceil(math.log2(max(want, 64.0))), MAX_SPOTS))
        key = ("spots", n, seed)
        if key not in self._cache:
            face, bary = surface_samples(self.patch, n, seed)
            x = self.patch.positions(face, bary)
            self._cache[key] = (x, self.patch.boundary_distance_bound(x), self.patch.component[face])
        return self._cache[key]


def layout_zone(vertices, faces, zone_faces, spacing_mm: float, pattern: str = "hexagonal", margin_mm: float = 0.0,
                vertex_normals=None, **kwargs) -> Layout:
    """One-shot layout (builds a :class:`ZoneLayoutSolver` and throws it away); see :meth:`ZoneLayoutSolver.layout`."""
    return ZoneLayoutSolver(vertices, faces, zone_faces, vertex_normals).layout(spacing_mm, pattern, margin_mm, **kwargs)
