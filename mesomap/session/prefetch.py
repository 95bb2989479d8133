"""Load painting surfaces and build their search structures off the UI thread.

Start-up reads the painting surface (≈0.2 s) while Qt and VTK are still
importing, and builds the BVH, kd-tree and incidence (≈0.6 s) after the first
frame, so neither the first frame nor the first brush dab waits for them (and the brush's
edge tables in grid order, :mod:`mesomap.geometry.brush_tables`, ≈0.6 s).
This module imports no Qt: the app starts it before the UI is imported.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor

from mesomap.geometry.surface import PaintingSurface
from mesomap.io import chart_store
from mesomap.io.body_shapes import surface_of
from mesomap.io.meshes import load_painting_surface

chart_store.install()  # zone charts kept between sessions: a zone's first layout reads its chart (app and worker)

_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mesomap-prefetch")
_lock = threading.Lock()
_loads: dict[str, Future] = {}
_warmed: set[str] = set()


def prefetch(body_id: str) -> Future:
    """Start loading ``body_id``'s painting surface in the background (once)."""
    with _lock:
        if body_id not in _loads:
            _loads[body_id] = _pool.submit(load_painting_surface, body_id)
        return _loads[body_id]


def surface_for(body_id) -> PaintingSurface:
    """The painting surface (waits for a background load; raises what loading raised). ``body_id`` may
    also be a shaped body's key (:func:`mesomap.model.body_shape.body_key`): built here, cached by shape."""
    if isinstance(body_id, tuple) and body_id[0] == "fit":  # a plan on a scan: ("fit", fit file path, version)
        from mesomap.session.scan import fit_surface

        return fit_surface(*body_id[1:])
    if isinstance(body_id, tuple):
        return surface_of(body_id)
    return prefetch(body_id).result()


def _warm(surface: PaintingSurface) -> None:
    # Each is a cached_property: a UI-thread use meanwhile waits for this build, it does not repeat it.
    surface.bvh, surface.vertex_tree, surface.vertex_faces, surface.vertex_normals  # noqa: B018
    surface.mesh.face_normals, surface.centroids, surface.brush_tables  # noqa: B018 (the brush's tables)


def warm(body_id: str) -> None:
    """Build the surface's picking and brush structures in the background (once)."""
    with _lock:
        if body_id in _warmed:
            return
        _warmed.add(body_id)
    future = prefetch(body_id)
    _pool.submit(lambda: _warm(future.result()))
