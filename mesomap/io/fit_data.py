"""The reference body's fit data: landmarks (``assets/landmarks.json``) and shape directions
(``assets/meshes/hm08-shapes.npz``), both made from CC0 MakeHuman data by tools/ scripts."""

from __future__ import annotations

import functools
import json
import zipfile
from typing import TYPE_CHECKING

import numpy as np

from mesomap.io.assets import assets_dir
from mesomap.model.messages import CarriesMessage, Kind

if TYPE_CHECKING:  # the fitting stack (scipy solvers) is imported when a fit runs, not at start-up
    from mesomap.model.fit import LandmarkDef

FIT_DATA_DAMAGED = Kind("fit_data_damaged", "path")


class FitDataError(CarriesMessage, ValueError):
    """A bundled fit file is missing or damaged."""


@functools.lru_cache(maxsize=1)
def load_landmark_defs() -> tuple[LandmarkDef, ...]:
    """The landmarks of the reference body, each an hm08 face + barycentric."""
    from mesomap.model.fit import LandmarkDef

    path = assets_dir() / "landmarks.json"
    try:
        doc = json.loads(path.read_text("utf-8"))
        return tuple(LandmarkDef(d["id"], d["name"], d["side"], d["region"], int(d["face"]),
                                 tuple(float(w) for w in d["barycentric"])) for d in doc["landmarks"])
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise FitDataError(FIT_DATA_DAMAGED(path=str(path))) from err


@functools.lru_cache(maxsize=1)
def load_shape_directions() -> np.ndarray:
    """(K, 13380, 3) float64 mm: how the reference body moves along each body-shape direction."""
    path = assets_dir() / "meshes" / "hm08-shapes.npz"
    try:
        with np.load(path, allow_pickle=False) as data:
            d = data["directions"].astype(np.float64)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise FitDataError(FIT_DATA_DAMAGED(path=str(path))) from err
    d.flags.writeable = False
    return d
