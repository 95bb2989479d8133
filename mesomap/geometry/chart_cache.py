"""Flat charts kept between sessions: a zone's first layout reads its chart instead of building it.

Building a zone's chart (:func:`mesomap.geometry.layout_chart.build_chart`: a conformal map refined
by 20 as-rigid-as-possible solves) is most of a zone's first layout (≈0.4 s of 0.42 s for the
abdomen); the chart depends only on the zone's own vertices and faces. So charts are stored
under a key of exactly what they are computed from — the patch's vertex coordinates and faces,
the part's number and the source of the chart code — and a layout on the same skin reads them
back: the same arrays, so the same layout to the last bit. Any change to the chart code (or to
the skin: another body, a shape, a scan, a repainted zone) changes the key.

Where charts are kept is not geometry's business: a *store* (``load(key) -> dict | None``,
``save(key, arrays)``) is installed with :func:`use_store` — ``mesomap.io.chart_store`` keeps
them in the user's cache folder; with no store, charts are built every time as before.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import numpy as np

_store = None

#: Arrays a stored chart is made of (see :class:`mesomap.geometry.layout_chart.Chart`).
FIELDS = ("faces", "uv", "centre", "e1", "e2", "lo", "hi", "component", "stretch", "reach")


def use_store(store) -> None:
    """Install the chart store (None: build every chart, keep none)."""
    global _store
    _store = store


def store():
    return _store


@lru_cache(maxsize=1)
def code_version() -> str:
    """SHA-256 of the source files a chart is computed by and of the numeric libraries' versions: a chart
    built by other code is never read."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    # the libraries a chart's numbers come from (sparse LU, the log map of a closed part)
    for package in ("numpy", "scipy", "potpourri3d"):
        try:
            h.update(f"{package} {version(package)}".encode())
        except PackageNotFoundError:
            h.update(package.encode())
    add_sources(h, ("layout_chart.py", "layout_mesh.py", "layout_tube.py", "borders.py", "chart_cache.py"))
    return h.hexdigest()


def add_sources(h, names) -> None:
    """Feed the hash ``h`` the bytes of the geometry source files ``names`` (the package version for any missing)."""
    here = Path(__file__).resolve().parent
    for name in names:
        try:
            h.update((here / name).read_bytes())
        except OSError:  # no sources (a frozen build): the package version must do
            from mesomap import __version__

            h.update(f"{name}:{__version__}".encode())


def chart_key(V: np.ndarray, F: np.ndarray, component: int, settings: tuple = ()) -> str:
    """Key of part ``component`` of a patch with vertices V (n, 3) mm and faces F (k, 3), built with
    ``settings`` (the chart code's constants as they are at run time)."""
    h = hashlib.sha256(code_version().encode())
    h.update(repr(settings).encode())
    h.update(np.ascontiguousarray(V, dtype="<f8").tobytes())
    h.update(np.ascontiguousarray(F, dtype="<i8").tobytes())
    h.update(str(int(component)).encode())
    return h.hexdigest()


def load(key: str, fields: tuple = FIELDS) -> dict | None:
    """The stored arrays of ``key`` (all of ``fields``), or None."""
    if _store is None:
        return None
    try:
        arrays = _store.load(key)
    except Exception:  # noqa: BLE001 — a damaged or unreadable entry is rebuilt, never fatal
        return None
    if arrays is None or any(f not in arrays for f in fields):
        return None
    return arrays


def save(key: str, arrays: dict) -> None:
    if _store is None:
        return
    try:
        _store.save(key, arrays)
    except Exception:  # noqa: BLE001 — a full disk or read-only cache only costs the next layout time
        pass


def clear() -> None:
    """Forget every stored chart (benchmarks: measure the cold build)."""
    if _store is not None and hasattr(_store, "clear"):
        _store.clear()
