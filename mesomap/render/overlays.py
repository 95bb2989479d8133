"""Adapters for what sits on the skin: painted zones, reflex points, the brush ring.

Each adapter owns its actors and rebuilds only what a change names. Overlays
are lifted a fraction of a millimetre along the skin normal so they never
z-fight with the body.
"""

from __future__ import annotations

import numpy as np
import pyvista as pv

from mesomap.geometry.borders import border_edges
from mesomap.geometry.frames import tangent_frame
from mesomap.geometry.surface import PaintingSurface
from mesomap.model.plan import Plan, ReflexPoint, Zone
from mesomap.render.colors import hex_to_rgb
from mesomap.render.motion import light_copy, motion_of
from mesomap.render.skin_tint import SkinTint
from mesomap.render.grid_glyphs import (  # noqa: F401 (re-exported: the grids' look lives there)
    DEPTH_CMAP,
    GRID_RADIUS_FRACTION,
    GRID_RADIUS_MM,
    LEGEND_TITLE,
    NUMBER_EVERY,
    STALE_OPACITY,
    STALE_RGB,
    GridGlyphs,
)
from mesomap.render.zone_mesh import LIFT_MM, ZoneMesh, smooth_zone, zone_polydata  # noqa: F401 (re-exported)

POINT_RADIUS_MM = 6.0
POINT_RGB = (0.55, 0.15, 0.75)
SELECTED_RGB = (1.0, 0.9, 0.1)
RING_RGB = (1.0, 1.0, 1.0)


class ZoneOverlay:
    """One coloured actor per zone; hidden zones and empty zones have no actor."""

    def __init__(self, plotter: pv.Plotter, surface: PaintingSurface):
        self._plotter = plotter
        self.surface = surface
        self._actors: dict[str, object] = {}
        self.hidden: set[str] = set()
        self.selected: str | None = None
        self.lit: set[str] = set()  # a lesson step's highlighted zones: when some are, the others are faded
        self._meshes: dict[str, tuple[ZoneMesh, object]] = {}  # zones shown by update_zone
        self.smooth = True  # cut along smooth borders (off while a stroke paints: raw faces, fast)
        self._drawn: dict[str, tuple[np.ndarray, bool]] = {}  # zone id -> (the faces drawn, smooth)
        self.tint = SkinTint(surface)  # the zones as skin colours while the camera moves (render.skin_tint)
        motion_of(plotter).tint = self.tint

    def _name(self, zone_id: str) -> str:
        return f"zone:{zone_id}"

    def show_zone(self, zone: Zone) -> None:
        """(Re)build the actor of one zone from its faces, colour and visibility."""
        self.remove_zone(zone.id)
        self.update_zone(zone)

    def update_zone(self, zone: Zone) -> None:
        """Show one zone's current faces, colour and visibility, updating its actor in place.

        With ``smooth`` on, the zone is cut along its smooth border (render.zone_mesh.smooth_zone); off
        (while a stroke paints), its raw faces are drawn from a PolyData that keeps its points and only
        has its cells rewritten, so a dab costs a few numpy passes.
        """
        if zone.id in self.hidden or len(zone.faces) == 0:
            self.remove_zone(zone.id)
            return
        entry = self._meshes.get(zone.id)
        if entry is None or self._actors.get(zone.id) is not entry[1]:
            self.remove_zone(zone.id)
            mesh = ZoneMesh(self.surface)
            mapper = pv.DataSetMapper(mesh.poly)
            mapper.scalar_visibility = False
            actor = pv.Actor(mapper=mapper)
            self._plotter.add_actor(actor, name=self._name(zone.id), reset_camera=False, render=False, pickable=False)
            self._actors[zone.id] = actor
            self._meshes[zone.id] = (mesh, actor)
        else:
            mesh, actor = entry
        drawn = self._drawn.get(zone.id)
        if drawn is None or drawn[0] is not zone.faces or drawn[1] != self.smooth:  # else only its look changes
            smooth = smooth_zone(self.surface, zone.faces) if self.smooth else None
            if smooth is None:
                mesh.set_faces(zone.faces)
                shown = mesh.poly
            else:
                shown = smooth[0]
            motion = motion_of(self._plotter)
            motion.drop_lod(actor)
            if actor.mapper.GetInput() is not shown:
                actor.mapper.SetInputData(shown)
            if smooth is not None:  # a settled zone: a quarter of its triangles while the camera moves
                motion.set_lod(actor, shown, lambda shown=shown: light_copy(shown, max(200, shown.n_cells // 4)))
            self._drawn[zone.id] = (zone.faces, self.smooth)
        _set_zone_look(actor, zone, dimmed=self.selected not in (None, zone.id),
                       faded=bool(self.lit) and zone.id not in self.lit)
        look = actor.GetProperty()  # VTK getters: a dab pays ~1 µs, not pyvista's Color (~50 µs)
        self.tint.set_zone(zone.id, actor, zone.faces, look.GetColor(), look.GetOpacity())

    @property
    def rough(self) -> set[str]:
        """Ids of the zones drawn with their raw faces (during a stroke), to smooth when it ends."""
        return {zone_id for zone_id, (_, smooth) in self._drawn.items() if not smooth}

    def remove_zone(self, zone_id: str) -> None:
        self._meshes.pop(zone_id, None)
        self._drawn.pop(zone_id, None)
        self.tint.drop_zone(zone_id)
        actor = self._actors.pop(zone_id, None)
        if actor is not None:
            motion_of(self._plotter).drop_lod(actor)
            self._plotter.remove_actor(self._name(zone_id), render=False)

    def show_plan(self, plan: Plan) -> None:
        for zone_id in list(self._actors):
            self.remove_zone(zone_id)
        for zone in plan.zones:
            self.show_zone(zone)

    @property
    def shown(self) -> set[str]:
        return set(self._actors)


class PointGlyphs:
    """Reflex points as small spheres on the skin, with optional code labels."""

    def __init__(self, plotter: pv.Plotter, surface: PaintingSurface):
        self._plotter = plotter
        self.surface = surface
        self.labels = True
        self.selected: str | None = None
        self.positions: dict[str, np.ndarray] = {}

    def position(self, point: ReflexPoint) -> np.ndarray:
        pos, normal = self.surface.point_on_face(point.face, point.barycentric)
        return pos + normal * (POINT_RADIUS_MM * 0.5)

    def show_points(self, points) -> None:
        """Rebuild all glyphs (a plan holds tens of points: cheap)."""
        for name in ("points", "points:selected", "points:labels"):
            self._plotter.remove_actor(name, render=False)
        self.positions = {p.id: self.position(p) for p in points}
        if not points:
            return
        normal = [p for p in points if p.id != self.selected]
        for name, group, rgb, scale in (
            ("points", normal, POINT_RGB, 1.0),
            ("points:selected", [p for p in points if p.id == self.selected], SELECTED_RGB, 1.4),
        ):
            if not group:
                continue
            centres = pv.PolyData(np.array([self.positions[p.id] for p in group]))
            glyphs = centres.glyph(geom=pv.Sphere(radius=POINT_RADIUS_MM * scale, theta_resolution=12, phi_resolution=12), scale=False, orient=False)
            self._plotter.add_mesh(glyphs, color=rgb, smooth_shading=True, name=name, reset_camera=False, render=False, pickable=False)
        if self.labels:
            self._plotter.add_point_labels(
                np.array([self.positions[p.id] for p in points]),
                [p.code or p.name for p in points],
                font_size=12, point_size=1, shape_opacity=0.6, always_visible=True, show_points=False,
                name="points:labels", reset_camera=False, render=False,
            )


def skin_circle(centre_mm, normal, radius_mm: float, lift_mm: float, segments: int) -> np.ndarray:
    """(segments + 1, 3) mm: a closed circle in the skin's tangent plane, lifted along the normal."""
    a, b, n = tangent_frame(normal)
    t = np.linspace(0, 2 * np.pi, segments + 1)
    return np.asarray(centre_mm) + lift_mm * n + radius_mm * (np.outer(np.cos(t), a) + np.outer(np.sin(t), b))


class BrushRing:
    """A circle of the brush radius lying on the skin's tangent plane at the cursor."""

    def __init__(self, plotter: pv.Plotter):
        self._plotter = plotter
        self.visible = False

    def show(self, centre_mm: np.ndarray, normal: np.ndarray, radius_mm: float) -> None:
        pts = skin_circle(centre_mm, normal, radius_mm, lift_mm=1.0, segments=64)
        self._plotter.add_mesh(pv.lines_from_points(pts), color=RING_RGB, line_width=2, name="brush-ring",
                               reset_camera=False, render=False, pickable=False)
        self.visible = True

    def hide(self) -> None:
        if self.visible:
            self._plotter.remove_actor("brush-ring", render=False)
            self.visible = False


def _set_zone_look(actor, zone: Zone, dimmed: bool, faded: bool = False) -> None:
    """The zone's colour (``faded`` towards white as a lesson step fades the zones it does not highlight,
    :func:`mesomap.model.lesson.faded`), lit like skin; ``dimmed`` a little transparent."""
    from mesomap.model.lesson import faded as fade

    prop = actor.prop
    prop.color = hex_to_rgb(fade(zone.color) if faded else zone.color)
    prop.ambient, prop.diffuse, prop.specular = 0.25, 0.8, 0.05
    prop.interpolation = "Gouraud"  # smooth, from the skin's vertex normals
    prop.opacity = 0.8 if dimmed else 1.0


MARKER_RGB = (1.0, 0.9, 0.1)


class InjectionMarker:
    """A bright ring around one injection point on the skin (the selected one)."""

    NAME = "grid:selected"

    def __init__(self, plotter: pv.Plotter):
        self._plotter = plotter
        self.visible = False

    def show(self, centre_mm: np.ndarray, normal: np.ndarray, radius_mm: float) -> None:
        pts = skin_circle(centre_mm, normal, radius_mm, lift_mm=1.2, segments=32)
        self._plotter.add_mesh(pv.lines_from_points(pts), color=MARKER_RGB, line_width=3, name=self.NAME,
                               reset_camera=False, render=False, pickable=False)
        self.visible = True

    def hide(self) -> None:
        if self.visible:
            self._plotter.remove_actor(self.NAME, render=False)
            self.visible = False


OUTLINE_RGB = (0.08, 0.08, 0.12)


def zone_boundary(surface: PaintingSurface, faces: np.ndarray) -> np.ndarray:
    """(e, 2) vertex-id pairs of the border edges of painting faces (k,): edges with one face in the set."""
    return border_edges(surface.mesh.faces[np.asarray(faces, dtype=np.int64)])


def zone_outline(surface: PaintingSurface, faces: np.ndarray) -> pv.PolyData:
    """The lines drawn round a zone of painting faces (k,): its smooth border (render.zone_mesh.smooth_zone),
    or its border edges when it has none, lifted just above the zone's overlay."""
    smooth = smooth_zone(surface, faces)
    lift = LIFT_MM + 0.3
    if smooth is not None:
        border = smooth[1].copy()
        normals = border.point_data["Normals"]
        border.points = border.points + lift * normals / np.maximum(np.linalg.norm(normals, axis=1, keepdims=True), 1e-12)
        return border
    pairs = zone_boundary(surface, faces)
    used, local = np.unique(pairs, return_inverse=True)
    points = surface.mesh.vertices[used] + lift * surface.vertex_normals[used]
    return pv.PolyData(points, lines=np.hstack([np.full((len(pairs), 1), 2, dtype=np.int64), local.reshape(-1, 2)]).ravel())


class ZoneOutline:
    """A thin dark line along the border of one zone (the selected one), just above its overlay."""

    NAME = "zone-outline"

    def __init__(self, plotter: pv.Plotter, surface: PaintingSurface):
        self._plotter = plotter
        self.surface = surface
        self.zone_id: str | None = None

    def show(self, zone: Zone | None) -> None:
        self.hide()
        if zone is None or len(zone.faces) == 0:
            return
        self._plotter.add_mesh(zone_outline(self.surface, zone.faces), color=OUTLINE_RGB, line_width=2,
                               name=self.NAME, reset_camera=False, render=False, pickable=False)
        self.zone_id = zone.id

    def hide(self) -> None:
        if self.zone_id is not None:
            self._plotter.remove_actor(self.NAME, render=False)
            self.zone_id = None
