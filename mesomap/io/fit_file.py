"""The fit file (``mesomap fit --out FIT``): the reference body fitted onto a scan, and how well.

A compressed ``.npz`` (schema ``mesomap-fit/1``) holding the fitted hm08 vertices (13,380 × 3, mm, on the
scan's skin in the scan's mesomap frame), the pre-alignment, the body-shape mix and, as JSON, the scan's file
name, units and content hash (SHA-256 of its vertices and faces once imported), the landmarks used (mm) and
the report's numbers. The scan itself is not copied: it is found beside the fit file by name, and refused
when its content hash differs (another scan saved under the same name).
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.io.meshes import DEFAULT_BODY, load_bundled_body
from mesomap.io.scans import LoadedScan, load_scan
from mesomap.model.messages import CarriesMessage, Kind

if TYPE_CHECKING:  # the fitting stack is not needed to read or write a fit file
    from mesomap.model.fit import ScanFit

SCHEMA = "mesomap-fit/1"
FIT_UNREADABLE = Kind("fit_unreadable", "file")
SCAN_MISSING = Kind("scan_missing", "scan", "folder")
SCAN_OTHER = Kind("scan_other", "scan", "fit")
LANDMARK_LABEL_UNKNOWN = Kind("landmark_label_unknown", "file", "label", "known")


class FitFileError(CarriesMessage, ValueError):
    """A fit file cannot be used; ``str(err)`` names the file."""


@dataclass(frozen=True)
class FitRecord:
    """A fit read back: the fitted body (hm08) and what it was fitted to."""

    path: Path
    fitted: BodyMesh
    scan_file: str
    scan_sha256: str
    units: str
    landmarks: dict[str, tuple[float, float, float]]
    report: dict


def save_fit(path: str | Path, scan_path: str | Path, scan: LoadedScan, fit: ScanFit) -> Path:
    """Write the fit of ``scan`` (read from ``scan_path``) to ``path``; returns the path written."""
    path = Path(path)
    r = fit.report
    meta = {
        "@schema": SCHEMA, "units": "mm", "scan_file": Path(scan_path).name, "scan_units": scan.units,
        "scan_sha256": scan.mesh.content_hash, "reference": DEFAULT_BODY,
        "landmarks": {k: list(v) for k, v in fit.landmarks.items()},
        "report": {"landmark_residual_mm": r.landmark_residual_mm, "scan_to_fit_mm": list(r.scan_to_fit),
                   "fit_to_scan_mm": list(r.fit_to_scan), "warnings": [m.code for m in r.warnings]},
    }
    with open(path, "wb") as fh:
        np.savez_compressed(fh, vertices=fit.fitted.vertices, transform=fit.transform, shape=fit.shape,
                            meta=np.array(json.dumps(meta)))
    return path


def load_fit(path: str | Path) -> FitRecord:
    """Read a fit file; FitFileError naming it when it is not one."""
    path = Path(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            vertices = data["vertices"]
        if meta.get("@schema") != SCHEMA:
            raise ValueError("schema")
        ref = load_bundled_body(meta.get("reference", DEFAULT_BODY))
        fitted = BodyMesh(vertices, ref.faces, body_id=Path(meta["scan_file"]).stem, name=meta["scan_file"],
                          topology=ref.topology, mirror=ref.mirror)
        return FitRecord(path, fitted, meta["scan_file"], meta["scan_sha256"], meta["scan_units"],
                         {k: tuple(v) for k, v in meta["landmarks"].items()}, meta["report"])
    except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile) as err:
        raise FitFileError(FIT_UNREADABLE(file=path.name)) from err


def scan_beside(record: FitRecord) -> LoadedScan:
    """The scan the fit was made on, from the fit file's folder; refused when missing or different."""
    scan_path = record.path.parent / record.scan_file
    if not scan_path.is_file():
        raise FitFileError(SCAN_MISSING(scan=record.scan_file, folder=str(record.path.parent)))
    scan = load_scan(scan_path, units=record.units)
    if scan.mesh.content_hash != record.scan_sha256:
        raise FitFileError(SCAN_OTHER(scan=record.scan_file, fit=record.path.name))
    return scan
