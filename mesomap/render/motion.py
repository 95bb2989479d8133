"""Lighter frames while the camera moves, full detail when it stops (issue 18).

VTK's interactor styles raise the render window's desired update rate while a drag orbits, pans or zooms the
camera and set it back to the still rate when the button is released, rendering once more: that is the
signal used here (no Qt). Just before each frame (the renderer's ``StartEvent``) a :class:`MotionDetail`

- swaps each registered actor to its light mesh while moving and back to its full mesh when still (a
  decimated copy of a scan-sized body: level of detail), and
- hides the props that only a still picture needs (order numbers, whose placement reads the depth buffer
  every frame) while moving, and
- draws the zones as colours of the skin's own mesh (a ``tint``, render.skin_tint) instead of their overlay
  actors, so a moving frame draws no second layer over the skin.

Other layers (presentation labels) ask :func:`camera_moving` and lay out only on still frames.
"""

from __future__ import annotations

import numpy as np
import pyvista as pv

#: A desired update rate (frames/s) above this means an interaction is going on (VTK's still rate is 0.0001).
MOVING_RATE = 1.0
#: Bodies with more triangles than this get a light copy for frames drawn while the camera moves.
LOD_FACES = 300_000
#: Triangles asked of that light copy when the camera is close (quadric clustering gives about 1.3× more).
LOD_TARGET_FACES = 150_000
#: ... and of the far copy drawn while the whole body is in view: about the bundled body's detail (33k).
LOD_FAR_FACES = 24_000
#: The far copy is drawn while its typical triangle edge covers fewer pixels than this at the focal point.
FAR_EDGE_PX = 8.0
#: The point array (uint8 RGB) of the zones' colours on the skin's mesh while the camera moves.
TINT_ARRAY = "zone_rgb"
#: Zones are drawn as the skin's colours while moving only when the skin's triangles are smaller than this on
#: screen (edge, px at the focal point): the colours soften a zone's edge over one triangle. Closer, the zones'
#: own (light) surfaces are drawn.
TINT_EDGE_PX = 8.0


def camera_moving(render_window) -> bool:
    """True while an interaction moves the camera of ``render_window`` (a vtkRenderWindow)."""
    return render_window is not None and render_window.GetDesiredUpdateRate() > MOVING_RATE


#: A glyph whose radius covers fewer pixels than this while the camera moves is drawn with its farthest stand-in.
FAR_RADIUS_PX = 3.0


def mm_per_pixel(renderer) -> float:
    """Size (mm) of one of ``renderer``'s pixels at the camera's focal point."""
    cam = renderer.GetActiveCamera()
    height = max(int(renderer.GetSize()[1]), 1)
    if cam.GetParallelProjection():
        return 2.0 * cam.GetParallelScale() / height
    return 2.0 * cam.GetDistance() * float(np.tan(np.radians(cam.GetViewAngle() / 2.0))) / height


def typical_edge_mm(poly: pv.PolyData) -> float:
    """Edge (mm) of an equilateral triangle of ``poly``'s mean triangle area."""
    return float(np.sqrt(4.0 * poly.area / (np.sqrt(3.0) * max(poly.n_cells, 1))))


class ByScreenSize:
    """Light stand-ins chosen on every moving frame by how big a feature looks: ``near`` while ``size_mm`` (a
    glyph's radius, a light copy's triangle edge) covers ``threshold_px`` pixels or more at the focal point,
    ``far`` (fewer triangles) below."""

    def __init__(self, size_mm: float, near, far, threshold_px: float = FAR_RADIUS_PX):
        self.size_mm, self.near, self.far, self.threshold_px = float(size_mm), near, far, float(threshold_px)

    def choose(self, renderer):
        return self.near if self.size_mm / max(mm_per_pixel(renderer), 1e-12) >= self.threshold_px else self.far


def light_copy(poly: pv.PolyData, target_faces: int = LOD_TARGET_FACES) -> pv.PolyData:
    """About ``target_faces`` triangles of ``poly`` (a triangle mesh) by quadric clustering, with point normals
    for smooth shading: what a moving camera shows of a scan-sized body (fast: one pass, ~0.3 s for 1M).

    Clustering keeps input points but not their normals, and its triangles do not all wind the same way
    (a consistent winding cannot be found where it folds the surface): each point keeps ``poly``'s own normal
    (its "Normals" point array, when it has one) and each triangle is turned to face the way its corners'
    normals do, so no patch is lit from behind (dark cracks in the moving picture)."""
    from vtkmodules.vtkFiltersCore import vtkPolyDataNormals, vtkQuadricClustering

    bounds = np.asarray(poly.bounds, dtype=float).reshape(3, 2)
    extent = np.maximum(bounds[:, 1] - bounds[:, 0], 1e-9)
    # Clustering keeps about 2 triangles per occupied cell of the surface: size the cells from the area.
    cell = float(np.sqrt(2.0 * max(poly.area, 1e-9) / max(target_faces, 1)))
    divisions = np.maximum(np.ceil(extent / cell), 1).astype(int)
    cluster = vtkQuadricClustering()
    cluster.SetInputData(poly)
    cluster.SetNumberOfDivisions(*map(int, divisions))
    cluster.UseInputPointsOn()  # vertices stay on the skin
    cluster.AutoAdjustNumberOfDivisionsOff()
    cluster.Update()
    if "Normals" not in poly.point_data:
        normals = vtkPolyDataNormals()
        normals.SetInputData(cluster.GetOutput())
        normals.SplittingOff()
        normals.ConsistencyOn()
        normals.Update()
        return pv.wrap(normals.GetOutput())
    return _with_input_normals(pv.wrap(cluster.GetOutput()), poly)


def _with_input_normals(light: pv.PolyData, poly: pv.PolyData) -> pv.PolyData:
    """``light`` (triangles on points of ``poly``) with the normals ``poly`` has at those points, each triangle
    wound to face the way its corners' normals point."""
    from scipy.spatial import cKDTree

    points = np.asarray(light.points, dtype=float)
    near = cKDTree(np.asarray(poly.points, dtype=float)).query(points)[1]  # the same points: distance 0
    normals = np.asarray(poly.point_data["Normals"], dtype=float)[near]
    tri = np.asarray(light.regular_faces, dtype=np.int64).copy() if light.n_cells else np.zeros((0, 3), np.int64)
    facing = np.cross(points[tri[:, 1]] - points[tri[:, 0]], points[tri[:, 2]] - points[tri[:, 0]])
    backwards = np.einsum("ij,ij->i", facing, normals[tri].sum(axis=1)) < 0
    tri[backwards] = tri[backwards][:, ::-1]
    # Points in the body's own order and triangles by their first corner: neighbours stay close in memory, so
    # software GL reuses transformed corners (the clustering's order drew 20 % slower).
    order = np.argsort(near, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    points, normals, tri = points[order], normals[order], rank[tri]
    tri = tri[np.argsort(tri.min(axis=1), kind="stable")]
    out = pv.PolyData(points, np.hstack([np.full((len(tri), 1), 3, dtype=np.int64), tri]).ravel())
    out.point_data["Normals"] = normals
    out.point_data.active_normals_name = "Normals"
    return out


class MotionDetail:
    """Swaps a renderer's heavy content for light stand-ins during camera motion (see the module doc)."""

    def __init__(self, renderer):
        self.renderer = renderer  # a pyvista Renderer: props are found by name in ``renderer.actors``
        self._lod: dict[int, tuple[object, object, object]] = {}  # id(actor) -> (actor, full input, light input)
        self.still_only: set[str] = set()  # names of the props hidden while the camera moves
        self._hidden: dict[str, object] = {}  # name -> the prop this hid (shown again when the camera stops)
        self.moving = False
        self.body: tuple[object, object] | None = None  # (the skin's actor, its full mesh): what a tint colours
        self.tint = None  # a render.skin_tint.SkinTint: zones drawn on the skin while moving (None: as overlays)
        self._tint_hidden: list = []  # overlay actors this hid while the skin is tinted
        self._tint_now = False  # this frame draws the zones as the skin's colours
        self._edges: dict[int, tuple[object, float]] = {}  # id(mesh) -> (mesh, typical edge mm)
        self._observer = renderer.AddObserver("StartEvent", lambda *_: self.before_frame())

    def set_lod(self, actor, full, light) -> None:
        """Draw ``actor`` with ``light`` (a vtkPolyData, or a function making it on the first moving frame that
        needs it) while the camera moves and ``full`` otherwise."""
        self._lod[id(actor)] = (actor, full, light)
        self._apply(actor, full, light)

    def set_body(self, actor, full) -> None:
        """``actor`` is the skin, drawing ``full`` at rest: while moving, a tint may colour it."""
        self.body = (actor, full)

    def drop_lod(self, actor) -> None:
        """Stop swapping ``actor``'s mesh (it shows its full one)."""
        entry = self._lod.pop(id(actor), None)
        if entry is not None:
            actor, full, _ = entry
            actor.GetMapper().SetInputData(full)

    def before_frame(self) -> None:
        """Light or full meshes, still-only props hidden or shown, for the frame about to be drawn."""
        self.moving = camera_moving(self.renderer.GetRenderWindow())
        self._tint_now = self._tint_wanted()
        for key, (actor, full, light) in list(self._lod.items()):
            if not self.renderer.HasViewProp(actor):  # replaced by name (a scan's colours, a new body): let go
                del self._lod[key]
                continue
            self._apply(actor, full, light)
        self._tint_skin()
        if self.moving:
            for name in self.still_only:
                prop = self.renderer.actors.get(name)
                if prop is not None and prop.GetVisibility():
                    prop.SetVisibility(False)
                    self._hidden[name] = prop
        else:
            for name, prop in self._hidden.items():
                if self.renderer.actors.get(name) is prop:  # not removed or replaced meanwhile
                    prop.SetVisibility(True)
            self._hidden.clear()

    def _apply(self, actor, full, light) -> None:
        if self.moving and callable(light):
            light = light()
            self._lod[id(actor)] = (actor, full, light)
        if self.moving and isinstance(light, ByScreenSize):
            light = light.choose(self.renderer)
        want = light if self.moving else full
        if self._tinting() and self.body[0] is actor:
            want = self.tint.tinted(want)
        mapper = actor.GetMapper()
        if mapper is not None and mapper.GetInput() is not want:
            mapper.SetInputData(want)

    def _tinting(self) -> bool:
        return self._tint_now

    def _tint_wanted(self) -> bool:
        """Moving, zones to show, the plain skin on screen, and its triangles small on screen (TINT_EDGE_PX)."""
        if not (self.moving and self.tint is not None and not self.tint.empty and self.body is not None):
            return False
        actor, full = self.body
        if not self.renderer.HasViewProp(actor):
            return False
        entry = self._lod.get(id(actor))
        mesh = entry[2] if entry is not None else full
        if isinstance(mesh, ByScreenSize):
            mesh = mesh.choose(self.renderer)
        if callable(mesh):
            mesh = full
        cached = self._edges.get(id(mesh))
        if cached is None or cached[0] is not mesh:
            if len(self._edges) > 4:
                self._edges.clear()
            cached = (mesh, typical_edge_mm(pv.wrap(mesh)))
            self._edges[id(mesh)] = cached
        return cached[1] / max(mm_per_pixel(self.renderer), 1e-12) < TINT_EDGE_PX

    def _tint_skin(self) -> None:
        """The skin tinted (moving, zones shown) and the zones' overlay actors hidden, or both back."""
        if self.body is not None and not self.renderer.HasViewProp(self.body[0]):
            self.body = None  # replaced by name (a scan's own colours): the zones stay overlays
        if self.body is not None and id(self.body[0]) not in self._lod:
            self._apply(*self.body, self.body[1])
        hide = self._tinting()
        zone_actors = {id(a): a for a in self.tint.actors.values()} if hide else {}
        for actor in self._tint_hidden:
            if id(actor) not in zone_actors:
                actor.SetVisibility(True)  # the camera stopped, or the zone is gone or redrawn
        self._tint_hidden = [a for a in self._tint_hidden if id(a) in zone_actors]
        for actor in zone_actors.values():
            if actor.GetVisibility():
                actor.SetVisibility(False)
                self._tint_hidden.append(actor)

    def close(self) -> None:
        self.renderer.RemoveObserver(self._observer)
        for actor, full, _ in self._lod.values():
            actor.GetMapper().SetInputData(full)
        self._lod.clear()


def motion_of(plotter) -> MotionDetail:
    """The one MotionDetail of ``plotter``'s renderer (made on first use)."""
    detail = getattr(plotter, "_mesomap_motion", None)
    if detail is None:
        detail = MotionDetail(plotter.renderer)
        plotter._mesomap_motion = detail
    return detail
