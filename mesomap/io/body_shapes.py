"""Shaped bundled bodies: the shape directions file and painting surfaces for a shape.

``assets/meshes/hm08-shapes.npz`` (baked by ``tools/bake_body_shapes.py``) holds the per-vertex
directions (mm, RAS) of the CC0 MakeHuman macro targets on the bundled topology; the sum
(:func:`mesomap.model.body_shape.shaped_vertices`) gives a bundled body in a patient's build. Its
painting surface follows by the painting topology's midpoint rule, so zones (face ids) and points
(face + barycentric) mean the same place on every shape.
"""

from __future__ import annotations

import functools
import zipfile

import numpy as np

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.geometry.surface import PaintingSurface
from mesomap.io.assets import assets_dir
from mesomap.io.meshes import DEFAULT_BODY, MeshLoadError, load_bundled_body, load_painting_surface
from mesomap.model.body_shape import Shape, ShapeDirections, normalize, shaped_vertices
from mesomap.model.messages import Kind

SHAPES_FILE = "hm08-shapes.npz"
SHAPES_DAMAGED = Kind("shape_directions_damaged", "path")


@functools.lru_cache(maxsize=1)
def load_shape_directions() -> ShapeDirections:
    """The bundled topology's shape directions: (k, n, 3) float64 mm and their names."""
    path = assets_dir() / "meshes" / SHAPES_FILE
    try:
        with np.load(path, allow_pickle=False) as data:
            d = np.asarray(data["directions"], dtype=np.float64)
            d.flags.writeable = False
            return ShapeDirections(tuple(str(n) for n in data["names"]), d)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise MeshLoadError(SHAPES_DAMAGED(path=str(path))) from err


def shaped_body(body_id: str = DEFAULT_BODY, shape: Shape = ()) -> BodyMesh:
    """Bundled body ``body_id`` in ``shape`` (the bundled body itself for the neutral shape)."""
    base = load_bundled_body(body_id)
    shape = normalize(shape)
    if not shape:
        return base
    v = shaped_vertices(base.vertices, load_shape_directions(), shape)
    return BodyMesh(v, base.faces, body_id=base.body_id, name=base.name, topology=base.topology, mirror=base.mirror)


@functools.lru_cache(maxsize=3)
def load_shaped_surface(body_id: str = DEFAULT_BODY, shape: Shape = ()) -> PaintingSurface:
    """The painting surface of bundled body ``body_id`` in ``shape`` (cached by body and shape).

    Its ``base_content_sha256`` is the bundled body's hash (what a plan pins) and ``shape`` the
    normalized shape; faces, mirror maps and ids are the bundled surface's own."""
    shape = normalize(shape)
    base = load_painting_surface(body_id)
    if not shape:
        return base
    return PaintingSurface(shaped_body(body_id, shape), faces=base.mesh.faces, parent_face=base.parent_face,
                           midpoint_of=base.midpoint_of, face_mirror=base.face_mirror,
                           vertex_mirror=base.mesh.mirror, shape=shape,
                           base_content_sha256=base.coarse.content_hash)


def surface_of(key) -> PaintingSurface:
    """The painting surface a body key names (:func:`mesomap.model.body_shape.body_key`): a bundled
    body's id, or (id, shape)."""
    return load_shaped_surface(*key) if isinstance(key, tuple) else load_painting_surface(key)
