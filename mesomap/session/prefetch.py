"""Load painting surfaces and build their search structures off the UI thread.

Start-up reads the painting surface (≈0.2 s) while Qt and VTK are still
importing, and builds the BVH, kd-tree and incidence (≈0.6 s) after the first
frame, so neither the first frame nor the first brush dab waits for them (and the brush's
edge tables in grid order, :mod:`mesomap.geometry.brush_tables`, ≈0.6 s).

Only the body on screen keeps these structures (≈175 MB for a bundled body): :func:`warm` builds
them for the shown body and drops them from every other loaded one, which builds them again if it
is shown again. After each build the freed temporaries go back to the system
(:func:`mesomap.heap.release_free_memory`).
This module imports no Qt: the app starts it before the UI is imported.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor

from mesomap.geometry.surface import PaintingSurface
from mesomap.heap import release_free_memory
from mesomap.io import chart_store
from mesomap.io.body_shapes import surface_of
from mesomap.io.meshes import load_painting_surface

chart_store.install()  # zone charts kept between sessions: a zone's first layout reads its chart (app and worker)
chart_store.install_layouts()  # and finished layouts: a zone laid out before with the same settings is read

_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mesomap-prefetch")
_lock = threading.Lock()
_loads: dict[str, Future] = {}


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


#: The PaintingSurface caches :func:`warm` builds on the shown surface and drops from the others
#: (each a ``cached_property``: a later use builds it again).
SEARCH_STRUCTURES = ("bvh", "vertex_tree", "vertex_faces", "vertex_normals", "centroids", "centroid_tree",
                     "brush_tables")
_kept: list[PaintingSurface] = []  # the surface whose structures are kept: the one on screen


def _warm(surface: PaintingSurface) -> None:
    # Each is a cached_property: a UI-thread use meanwhile waits for this build, it does not repeat it. The
    # temporaries of each build go back to the system before the next starts (they would add up in the peak).
    for build in (lambda: surface.bvh, lambda: surface.vertex_tree, lambda: surface.vertex_faces,
                  lambda: surface.vertex_normals, lambda: surface.mesh.face_normals, lambda: surface.centroids,
                  lambda: surface.brush_tables):  # the brush's tables
        build()
        release_free_memory()


def built_structures(surface: PaintingSurface) -> list[str]:
    """Which of :data:`SEARCH_STRUCTURES` ``surface`` holds now."""
    return [name for name in SEARCH_STRUCTURES if name in vars(surface)]


def drop_structures(surface: PaintingSurface) -> None:
    """Forget ``surface``'s search structures (a use already holding one keeps it until done)."""
    for name in SEARCH_STRUCTURES:
        vars(surface).pop(name, None)


def _loaded_surfaces() -> list[PaintingSurface]:
    with _lock:
        futures = list(_loads.values())
    return [f.result() for f in futures if f.done() and f.exception() is None] + list(_kept)


def _keep_only(surface: PaintingSurface) -> None:
    for other in _loaded_surfaces():
        if other is not surface:
            drop_structures(other)
    _kept[:] = [surface]
    release_free_memory()  # the dropped structures, before the new ones' temporaries
    _warm(surface)  # returns each build's temporaries: ≈270 MB resident otherwise


def warm(body) -> Future:
    """Build the picking and brush structures of the body on screen in the background, and drop those
    of every other loaded body (nothing needs them until it is shown again).

    ``body``: a PaintingSurface, a bundled body id or a shaped/fitted body's key (:func:`surface_for`).
    Returns the background task (its result is None)."""
    if isinstance(body, str):
        prefetch(body)  # queued before the task that waits for it (one worker thread)
    return _pool.submit(lambda: _keep_only(body if isinstance(body, PaintingSurface) else surface_for(body)))


def kept() -> PaintingSurface | None:
    """The surface whose structures are kept (the last one :func:`warm` built; None before any)."""
    return _kept[0] if _kept else None


def settled() -> None:
    """Wait until every background load and build started so far has finished (tests, benchmarks)."""
    _pool.submit(lambda: None).result()
