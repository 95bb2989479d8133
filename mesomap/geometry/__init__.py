"""Pure geometry on numpy arrays (lengths in mm). Never imports Qt, PyVista or VTK."""

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.geometry.pick import RayHit, pick_ray

__all__ = ["BodyMesh", "RayHit", "pick_ray"]
