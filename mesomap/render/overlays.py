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
from mesomap.render.colors import depth_colormap, depth_range_mm, hex_to_rgb
from mesomap.render.fonts import scalar_bar_in_bundled_font
from mesomap.render.label_spacing import label_boxes, project_px, spaced_labels
from mesomap.render.zone_mesh import LIFT_MM, ZoneMesh, smooth_zone, zone_polydata  # noqa: F401 (re-exported)
from mesomap.text import label

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
            if actor.mapper.GetInput() is not shown:
                actor.mapper.SetInputData(shown)
            self._drawn[zone.id] = (zone.faces, self.smooth)
        _set_zone_look(actor, zone, dimmed=self.selected not in (None, zone.id),
                       faded=bool(self.lit) and zone.id not in self.lit)

    @property
    def rough(self) -> set[str]:
        """Ids of the zones drawn with their raw faces (during a stroke), to smooth when it ends."""
        return {zone_id for zone_id, (_, smooth) in self._drawn.items() if not smooth}

    def remove_zone(self, zone_id: str) -> None:
        self._meshes.pop(zone_id, None)
        self._drawn.pop(zone_id, None)
        if self._actors.pop(zone_id, None) is not None:
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


class GridGlyphs:
    """Each zone's injection points as small discs on the skin, coloured by depth (with a legend)."""

    def __init__(self, plotter: pv.Plotter, surface: PaintingSurface):
        self._plotter = plotter
        self.surface = surface
        self._zones: set[str] = set()
        self._depths: dict[str, float] = {}  # zone id -> depth (mm) of its depth-coloured discs
        self._depth_actors: dict[str, object] = {}
        self.clim: tuple[float, float] = depth_range_mm(())
        self._legend_shown: tuple[float, float] | None = None  # the range the legend shows
        self._legend_title = LEGEND_TITLE  # the title (in the chosen language) the shown legend has
        self.legend = True
        self.numbers = False  # label each injection with its order number in the plan
        self.legend_dark = False  # legend text in black (on a white page) instead of white
        self.legend_font_px = 14

    def _name(self, zone_id: str) -> str:
        return f"grid:{zone_id}"

    def show_zone(self, zone: Zone, stale: bool = False) -> None:
        """(Re)draw one zone's discs; ``stale`` draws them grey (the zone changed since its layout)."""
        self.remove_zone(zone.id, sync_legend=False)
        if not zone.injections:
            self._sync_legend()
            return
        pts, normals = self.surface.points_on_faces([q.face for q in zone.injections],
                                                    [q.barycentric for q in zone.injections])
        centres = pv.PolyData(pts + 0.6 * normals)
        centres.point_data["depth_mm"] = np.full(len(pts), zone.params.depth_mm)
        centres.point_data["normal"] = normals
        lo, hi = GRID_RADIUS_MM
        radius = min(max(GRID_RADIUS_FRACTION * zone.params.spacing_mm, lo), hi)
        disc = pv.Cylinder(radius=radius, height=0.6, direction=(1, 0, 0), resolution=16)
        rim = pv.Cylinder(radius=radius * 1.35, height=0.3, direction=(1, 0, 0), center=(-0.25, 0, 0), resolution=16)
        glyphs = centres.glyph(geom=disc, orient="normal", scale=False)
        if not stale:  # a stale grid is a ghost: pale, translucent, no rim
            self._plotter.add_mesh(centres.glyph(geom=rim, orient="normal", scale=False), color=(0.08, 0.08, 0.1),
                                   name=self._name(zone.id) + ":rim", reset_camera=False, render=False, pickable=False)
        if stale:
            self._plotter.add_mesh(glyphs, color=STALE_RGB, opacity=STALE_OPACITY, name=self._name(zone.id),
                                   reset_camera=False, render=False, pickable=False)
        else:
            self._depths[zone.id] = zone.params.depth_mm
            self._depth_actors[zone.id] = self._plotter.add_mesh(
                glyphs, scalars="depth_mm", cmap=DEPTH_CMAP, clim=depth_range_mm(self._depths.values()),
                name=self._name(zone.id), show_scalar_bar=False, reset_camera=False, render=False, pickable=False)
        self._zones.add(zone.id)
        self._sync_legend()

    def remove_zone(self, zone_id: str, sync_legend: bool = True) -> None:
        if zone_id in self._zones:
            self._plotter.remove_actor(self._name(zone_id), render=False)
            self._plotter.remove_actor(self._name(zone_id) + ":rim", render=False)
            self._zones.discard(zone_id)
            self._depths.pop(zone_id, None)
            self._depth_actors.pop(zone_id, None)
        if sync_legend:
            self._sync_legend()

    @property
    def shown(self) -> set[str]:
        """Ids of the zones whose discs are drawn."""
        return set(self._zones)

    #: Where the depth legend sits, in viewport fractions (x, y, width, height): the right edge, clear of a
    #: body framed in the middle.
    legend_box = (0.86, 0.25, 0.05, 0.5)

    def _sync_legend(self) -> None:
        """Span the depth colours over the drawn grids' depths (every zone's discs and the legend), and show
        the legend while any depth-coloured discs are (and ``legend`` is on)."""
        self.clim = depth_range_mm(self._depths.values())
        for actor in self._depth_actors.values():
            actor.mapper.scalar_range = self.clim
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
            self._legend_shown = self.clim

    def show_plan(self, plan: Plan) -> None:
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
        self._plotter.remove_actor("grid:numbers", render=False)
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
                                           name="grid:numbers", reset_camera=False, render=False,
                                           **({"shape": None} | box))


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
