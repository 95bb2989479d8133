"""Lighter frames while the camera moves, full detail when it stops (issue 18).

VTK's interactor styles raise the render window's desired update rate while a drag orbits, pans or zooms the
camera and set it back to the still rate when the button is released, rendering once more: that is the
signal used here (no Qt). Just before each frame (the renderer's ``StartEvent``) a :class:`MotionDetail`

- swaps each registered actor to its light mesh while moving and back to its full mesh when still (a
  decimated copy of a scan-sized body: level of detail), and
- hides the props that only a still picture needs (order numbers, whose placement reads the depth buffer
  every frame) while moving.

Other layers (presentation labels) ask :func:`camera_moving` and lay out only on still frames.
"""

from __future__ import annotations

import numpy as np
import pyvista as pv

#: A desired update rate (frames/s) above this means an interaction is going on (VTK's still rate is 0.0001).
MOVING_RATE = 1.0
#: Bodies with more triangles than this get a light copy for frames drawn while the camera moves.
LOD_FACES = 300_000
#: Triangles of that light copy.
LOD_TARGET_FACES = 150_000


def camera_moving(render_window) -> bool:
    """True while an interaction moves the camera of ``render_window`` (a vtkRenderWindow)."""
    return render_window is not None and render_window.GetDesiredUpdateRate() > MOVING_RATE


def light_copy(poly: pv.PolyData, target_faces: int = LOD_TARGET_FACES) -> pv.PolyData:
    """About ``target_faces`` triangles of ``poly`` (a triangle mesh) by quadric clustering, with point normals
    for smooth shading: what a moving camera shows of a scan-sized body (fast: one pass, ~0.3 s for 1M)."""
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
    normals = vtkPolyDataNormals()
    normals.SetInputData(cluster.GetOutput())
    normals.SplittingOff()
    normals.ConsistencyOn()
    normals.Update()
    return pv.wrap(normals.GetOutput())


class MotionDetail:
    """Swaps a renderer's heavy content for light stand-ins during camera motion (see the module doc)."""

    def __init__(self, renderer):
        self.renderer = renderer  # a pyvista Renderer: props are found by name in ``renderer.actors``
        self._lod: dict[int, tuple[object, object, object]] = {}  # id(actor) -> (actor, full input, light input)
        self.still_only: set[str] = set()  # names of the props hidden while the camera moves
        self._hidden: dict[str, object] = {}  # name -> the prop this hid (shown again when the camera stops)
        self.moving = False
        self._observer = renderer.AddObserver("StartEvent", lambda *_: self.before_frame())

    def set_lod(self, actor, full, light) -> None:
        """Draw ``actor`` with ``light`` (a vtkPolyData, or a function making it on the first moving frame that
        needs it) while the camera moves and ``full`` otherwise."""
        self._lod[id(actor)] = (actor, full, light)
        self._apply(actor, full, light)

    def drop_lod(self, actor) -> None:
        """Stop swapping ``actor``'s mesh (it shows its full one)."""
        entry = self._lod.pop(id(actor), None)
        if entry is not None:
            actor, full, _ = entry
            actor.GetMapper().SetInputData(full)

    def before_frame(self) -> None:
        """Light or full meshes, still-only props hidden or shown, for the frame about to be drawn."""
        self.moving = camera_moving(self.renderer.GetRenderWindow())
        for key, (actor, full, light) in list(self._lod.items()):
            if not self.renderer.HasViewProp(actor):  # replaced by name (a scan's colours, a new body): let go
                del self._lod[key]
                continue
            self._apply(actor, full, light)
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
        want = light if self.moving else full
        mapper = actor.GetMapper()
        if mapper is not None and mapper.GetInput() is not want:
            mapper.SetInputData(want)

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
