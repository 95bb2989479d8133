"""Injection grids on the skin: a disc per injection point, coloured by depth, with a dark rim, a depth legend
and optional order numbers.

All current grids of a plan are drawn by **one** actor (``grid:discs``): one mesh holding every zone's discs
and rims, built with numpy (:func:`disc_glyphs`), so a plan of thousands of injections costs one draw call
and no per-point or per-zone actors. A stale grid (its zone changed since the layout) is a pale,
translucent ghost drawn by an actor of its own (``grid:<zone id>``): rare, and translucent actors cannot
share the opaque one's pass.
"""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np
import pyvista as pv

from mesomap.geometry.surface import PaintingSurface
from mesomap.model.plan import Plan, Zone
from mesomap.render.colors import depth_colormap, depth_range_mm
from mesomap.render.fonts import scalar_bar_in_bundled_font, scalar_bar_numbers
from mesomap.render.label_spacing import label_boxes, project_px, spaced_labels
from mesomap.render.motion import ByScreenSize, motion_of
from mesomap.text import label

#: Depth colour scale for injection glyphs: a neutral grey ramp, shallow = light, deep = dark (render.colors),
#: spanning the depths of the grids drawn (render.colors.depth_range_mm).
DEPTH_CMAP = depth_colormap()
#: Disc radius as a fraction of the zone's spacing (clamped to 1–4 mm): readable, never touching.
GRID_RADIUS_FRACTION = 0.22
GRID_RADIUS_MM = (1.0, 4.0)
#: With numbers on, label each zone's first and last injection and every this-many-th one.
NUMBER_EVERY = 10


#: A grid laid out before its zone changed: grey, half transparent ("regenerate me").
STALE_RGB = (0.9, 0.9, 0.92)
STALE_OPACITY = 0.45
#: The depth legend's title in English; shown in the chosen language (labels "depth_legend_title").
LEGEND_TITLE = "Depth (mm)"
RIM_RGB = (0.08, 0.08, 0.1)
#: The rims' value in the merged mesh's ``depth_mm`` scalars: below every depth, so drawn in RIM_RGB.
RIM_DEPTH = -1.0e6
#: Name of the one actor drawing every current grid, and of the order numbers' labels.
DISCS_ACTOR = "grid:discs"
NUMBERS_ACTOR = "grid:numbers"
NUMBER_LABELS_ACTOR = f"{NUMBERS_ACTOR}-labels"  # the 2D actor pyvista's add_point_labels names after ``name``
#: Disc and rim shapes: (height mm, radius factor, offset mm along the normal); 16-sided.
DISC_SHAPE = (0.6, 1.0, 0.0)
RIM_SHAPE = (0.3, 1.35, -0.25)
GLYPH_SIDES = 16


#: The glyphs drawn while the camera moves (render.motion): hexagonal top caps only, 8 triangles an injection;
#: triangular caps (2 triangles) when a disc is under FAR_RADIUS_PX pixels wide on screen (render.motion).
MOVING_SIDES = 6
FAR_SIDES = 3


def _cylinder_template(height_mm: float, offset_mm: float, sides: int = GLYPH_SIDES,
                       walls: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """(points (p, 3) for radius 1, triangles (t, 3)) of a cylinder along +x centred at ``offset_mm``: its side
    (unless not ``walls``) and its top cap (the bottom cap faces the skin and is never seen: left out)."""
    cyl = pv.Cylinder(radius=1.0, height=height_mm, direction=(1, 0, 0), center=(offset_mm, 0, 0),
                      resolution=sides).triangulate()
    pts = np.asarray(cyl.points, dtype=np.float64)
    tris = np.asarray(cyl.faces).reshape(-1, 4)[:, 1:]
    x = pts[tris][:, :, 0]
    top = np.all(x > offset_mm + height_mm / 2 - 1e-6, axis=1)
    bottom = np.all(x < offset_mm - height_mm / 2 + 1e-6, axis=1)
    tris = tris[top if not walls else ~bottom]
    used, local = np.unique(tris, return_inverse=True)
    return pts[used], local.reshape(-1, 3)


def disc_glyphs(centres_mm: np.ndarray, normals: np.ndarray, radius_mm: float, depth_mm: float,
                rim: bool = True, sides: int = GLYPH_SIDES, walls: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The discs (and rims) of ``n`` injections as one triangle mesh.

    centres_mm (n, 3) mm: disc centres (already lifted off the skin); normals (n, 3) unit skin normals;
    radius_mm: disc radius (the rim is 1.35× wider and lies 0.25 mm lower).
    Returns (points (n·p, 3) mm, triangles (n·t, 3) int64, depth (n·p,) mm: ``depth_mm`` on the discs,
    RIM_DEPTH on the rims). Each glyph's +x axis is turned onto its normal, as ``vtkGlyph3D`` does. ``sides``
    of the polygons; without ``walls`` only the top faces (the light glyphs of a moving camera).
    """
    parts = [(DISC_SHAPE, depth_mm)] + ([(RIM_SHAPE, RIM_DEPTH)] if rim else [])
    src_pts, src_tris, src_depth = [], [], []
    for (height, factor, offset), value in parts:
        pts, tris = _cylinder_template(height, offset, sides, walls)
        pts = pts * np.array([1.0, factor * radius_mm, factor * radius_mm])
        src_tris.append(tris + sum(len(p) for p in src_pts))
        src_pts.append(pts)
        src_depth.append(np.full(len(pts), value))
    src, tris, depth = np.vstack(src_pts), np.vstack(src_tris), np.concatenate(src_depth)
    centres, n = np.asarray(centres_mm, dtype=np.float64).reshape(-1, 3), np.asarray(normals, dtype=np.float64).reshape(-1, 3)
    # A half-turn about the bisector of +x and the normal takes +x onto the normal: R = 2 a aᵀ − I.
    axis = n + np.array([1.0, 0.0, 0.0])
    length = np.linalg.norm(axis, axis=1, keepdims=True)
    axis = np.where(length > 1e-9, axis / np.maximum(length, 1e-12), np.array([0.0, 0.0, 1.0]))
    rot = 2.0 * axis[:, :, None] * axis[:, None, :] - np.eye(3)
    points = (centres[:, None, :] + np.einsum("nij,pj->npi", rot, src)).reshape(-1, 3)
    triangles = (tris[None, :, :] + (np.arange(len(centres)) * len(src))[:, None, None]).reshape(-1, 3)
    return points, triangles.astype(np.int64), np.tile(depth, len(centres))


def _polydata(points: np.ndarray, triangles: np.ndarray, depth: np.ndarray) -> pv.PolyData:
    cells = np.empty((len(triangles), 4), dtype=np.int64)
    cells[:, 0] = 3
    cells[:, 1:] = triangles
    poly = pv.PolyData(points, cells.ravel())
    poly.point_data["depth_mm"] = depth
    return poly


def _merged(parts) -> pv.PolyData:
    """One PolyData of several (points, triangles, depth) glyph meshes."""
    offsets = np.cumsum([0] + [len(p[0]) for p in parts[:-1]])
    return _polydata(np.vstack([p[0] for p in parts]), np.vstack([p[1] + o for p, o in zip(parts, offsets)]),
                     np.concatenate([p[2] for p in parts]))


def _depth_mapper(poly: pv.PolyData, clim: tuple[float, float]) -> pv.DataSetMapper:
    """A mapper colouring ``poly`` by its ``depth_mm`` point scalars through DEPTH_CMAP over ``clim`` (mm), values
    below the range (the rims) in RIM_RGB."""
    lut = pv.LookupTable(cmap=DEPTH_CMAP, scalar_range=clim)
    lut.below_range_color = RIM_RGB
    mapper = pv.DataSetMapper(poly)
    mapper.lookup_table = lut
    mapper.SetScalarModeToUsePointFieldData()
    mapper.SelectColorArray("depth_mm")
    mapper.scalar_visibility = True
    mapper.interpolate_before_map = True  # as add_mesh does (the look of the per-zone actors before)
    mapper.scalar_range = clim
    return mapper


class GridGlyphs:
    """Each zone's injection points as small discs on the skin, coloured by depth (with a legend)."""

    def __init__(self, plotter: pv.Plotter, surface: PaintingSurface):
        self._plotter = plotter
        self.surface = surface
        self._zones: set[str] = set()
        self._depths: dict[str, float] = {}  # zone id -> depth (mm) of its depth-coloured discs
        self._glyphs: dict[str, tuple] = {}  # zone id -> (discs, hexagons, triangles, radius mm); meshes (pts, tris, depth)
        self._discs = None  # the one actor of every current grid (None while there is none)
        self._batch = 0  # > 0 inside batch(): the merged mesh is rebuilt once, when it ends
        self._dirty = False
        self.clim: tuple[float, float] = depth_range_mm(())
        self._legend_shown: tuple[float, float] | None = None  # the range the legend shows
        self._legend_title = LEGEND_TITLE  # the title (in the chosen language) the shown legend has
        self.legend = True
        self.numbers = False  # label each injection with its order number in the plan
        self.legend_dark = False  # legend text in black (on a white page) instead of white
        self.legend_font_px = 14

    def _name(self, zone_id: str) -> str:
        return f"grid:{zone_id}"

    @contextmanager
    def batch(self):
        """Several show_zone / remove_zone calls, one rebuild of the merged mesh at the end."""
        self._batch += 1
        try:
            yield self
        finally:
            self._batch -= 1
            if not self._batch and self._dirty:
                self._rebuild()

    def show_zone(self, zone: Zone, stale: bool = False) -> None:
        """(Re)draw one zone's discs; ``stale`` draws them grey (the zone changed since its layout)."""
        self.remove_zone(zone.id, sync_legend=False)
        if not zone.injections:
            self._sync_legend()
            return
        pts, normals = self.surface.points_on_faces([q.face for q in zone.injections],
                                                    [q.barycentric for q in zone.injections])
        lo, hi = GRID_RADIUS_MM
        radius = min(max(GRID_RADIUS_FRACTION * zone.params.spacing_mm, lo), hi)
        glyphs = disc_glyphs(pts + 0.6 * normals, normals, radius, zone.params.depth_mm, rim=not stale)
        if stale:  # a stale grid is a ghost: pale, translucent, no rim
            self._plotter.add_mesh(_polydata(*glyphs), color=STALE_RGB, opacity=STALE_OPACITY, name=self._name(zone.id),
                                   reset_camera=False, render=False, pickable=False)
        else:
            self._depths[zone.id] = zone.params.depth_mm
            light, far = (disc_glyphs(pts + 0.6 * normals, normals, radius, zone.params.depth_mm, sides=sides,
                                      walls=False) for sides in (MOVING_SIDES, FAR_SIDES))
            self._glyphs[zone.id] = (glyphs, light, far, radius)
            self._dirty = True
        self._zones.add(zone.id)
        self._sync_legend()

    def remove_zone(self, zone_id: str, sync_legend: bool = True) -> None:
        if zone_id in self._zones:
            self._plotter.remove_actor(self._name(zone_id), render=False)
            self._zones.discard(zone_id)
            self._depths.pop(zone_id, None)
            if self._glyphs.pop(zone_id, None) is not None:
                self._dirty = True
        if sync_legend:
            self._sync_legend()

    @property
    def shown(self) -> set[str]:
        """Ids of the zones whose discs are drawn."""
        return set(self._zones)

    def _rebuild(self) -> None:
        """Put every current grid's discs into the one merged actor (or remove it when there are none)."""
        self._dirty = False
        motion = motion_of(self._plotter)
        if not self._glyphs:
            if self._discs is not None:
                motion.drop_lod(self._discs)
                self._plotter.remove_actor(DISCS_ACTOR, render=False)
                self._discs = None
            return
        poly = _merged([g[0] for g in self._glyphs.values()])
        light = ByScreenSize(float(np.median([g[3] for g in self._glyphs.values()])),
                             near=_merged([g[1] for g in self._glyphs.values()]),
                             far=_merged([g[2] for g in self._glyphs.values()]))
        if self._discs is None:
            self._discs = pv.Actor(mapper=_depth_mapper(poly, self.clim))
            self._plotter.add_actor(self._discs, name=DISCS_ACTOR, reset_camera=False, render=False, pickable=False)
        self._discs.mapper.scalar_range = self.clim
        motion.set_lod(self._discs, poly, light)  # hexagons (far: triangles) while moving, discs at rest

    #: Where the depth legend sits, in viewport fractions (x, y, width, height): the right edge, clear of a
    #: body framed in the middle.
    legend_box = (0.86, 0.25, 0.05, 0.5)

    def _sync_legend(self) -> None:
        """Span the depth colours over the drawn grids' depths (the discs and the legend), and show the legend
        while any depth-coloured discs are (and ``legend`` is on); rebuild the merged discs unless batched."""
        self.clim = depth_range_mm(self._depths.values())
        if self._dirty and not self._batch:
            self._rebuild()
        if self._discs is not None:
            self._discs.mapper.scalar_range = self.clim
        want = self.legend and bool(self._depths)
        if self._legend_shown is not None and (not want or self._legend_shown != self.clim):
            self._plotter.remove_scalar_bar(self._legend_title, render=False)
            self._legend_shown = None
        if want and self._legend_shown is None:
            x, y, w, h = self.legend_box
            self._legend_title = label("depth_legend_title")
            self._plotter.add_scalar_bar(
                self._legend_title, cmap=DEPTH_CMAP, clim=self.clim, vertical=True, position_x=x, position_y=y,
                height=h, width=w, n_labels=3, fmt="%.1f", color="black" if self.legend_dark else "white",
                title_font_size=self.legend_font_px, label_font_size=self.legend_font_px)
            scalar_bar_in_bundled_font(self._plotter.scalar_bars[self._legend_title])
            scalar_bar_numbers(self._plotter.scalar_bars[self._legend_title], *self.clim, 3)
            self._legend_shown = self.clim

    def show_plan(self, plan: Plan) -> None:
        with self.batch():
            for zone_id in list(self._zones):
                self.remove_zone(zone_id)
            for zone in plan.zones:
                self.show_zone(zone)
        self.show_numbers(plan)

    #: Number label look: None draws plain black text (the printed sheet); a colour draws boxed labels
    #: on that background, easier to read over coloured zones on screen.
    number_box: tuple[float, float, float] | None = None
    number_font_size = 9
    #: (CameraPose, (width, height) px) of a still picture: numbers that would touch there are left out
    #: (the first and last of each zone are placed first). None: all of them (the window's camera moves).
    number_pose: tuple | None = None
    #: (text, (3,) mm) of the order numbers drawn now.
    shown_numbers: list = []

    def show_numbers(self, plan: Plan, hidden=()) -> None:
        """Order numbers (plan-wide, as exported) at each zone's first and last injection and every
        NUMBER_EVERY-th one, when ``numbers`` is on; zones in ``hidden`` get none."""
        self._plotter.remove_actor(NUMBERS_ACTOR, render=False)
        if not self.numbers:
            return
        pts, text, ends, n = [], [], [], 0
        for zone in plan.zones:
            for k, q in enumerate(zone.injections):
                n += 1
                if zone.id in hidden:
                    continue
                end = k == 0 or k == len(zone.injections) - 1
                if end or n % NUMBER_EVERY == 0:
                    pos, normal = self.surface.point_on_face(q.face, q.barycentric)
                    pts.append(pos + 2.0 * normal)
                    text.append(str(n))
                    ends.append(end)
        if pts and self.number_pose is not None:  # a still picture: drop the numbers that would touch
            pose, size = self.number_pose
            boxes = label_boxes(project_px(np.array(pts), pose, size), text, self.number_font_size)
            keep = spaced_labels(boxes, np.array(ends, dtype=float))
            pts, text = [p for p, k in zip(pts, keep) if k], [t for t, k in zip(text, keep) if k]
        self.shown_numbers = list(zip(text, pts))
        if pts:
            box = {} if self.number_box is None else {"shape": "rounded_rect", "shape_color": self.number_box,
                                                       "shape_opacity": 0.75, "margin": 2}
            self._plotter.add_point_labels(np.array(pts), text, font_size=self.number_font_size, point_size=1,
                                           show_points=False, text_color="black", always_visible=False,
                                           name=NUMBERS_ACTOR, reset_camera=False, render=False,
                                           **({"shape": None} | box))
