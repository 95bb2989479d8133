"""Finished layouts kept between sessions: a zone laid out before on the same skin, with the same settings, is read.

A layout is a pure function of the zone's own vertices, faces and normals, its settings (spacing, pattern,
margin, row spacing and direction, pinned points, seed) and the layout code. Its hole filling and
evening out cost most of a large or domed zone's first layout (the scalp at 10 mm: ≈0.3 s of
≈0.4 s), so the finished points — faces and barycentrics, the exact arrays — are stored under a key
of all of that, and the same layout asked for again (in this session or the next, in the app or
its worker) reads them back: the same points to the last bit. The background walk
(:mod:`mesomap.session.chart_prefetch`) lays out each template zone with its template's settings,
so a template zone's first layout is a read. Any change to the skin, a setting, the code or a
constant of the layout modules (read when the key is made) changes the key.

Where layouts are kept is not geometry's business: a *store* (``load(key) -> dict | None``,
``save(key, arrays)``) is installed with :func:`use_store` (``mesomap.io.chart_store.install_layouts``
keeps them in the user's cache folder); with none, every layout is computed.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np

from mesomap.geometry import chart_cache

_store = None

#: The geometry modules a layout is computed by (what ``import mesomap.geometry.layout`` loads, less
#: ``order``: the injection order is worked out again from the points read): their source and their constants (as
#: they are when a key is made) are part of the key. tests/geometry/test_layout_cache.py keeps this list whole.
MODULES = ("layout", "layout_border", "layout_chart", "layout_fix", "layout_holes", "layout_lattice", "layout_mesh",
           "layout_phase", "layout_relax", "layout_ring", "layout_tube", "layout_value", "iso_lines", "borders", "body_mesh",
           "pick")
#: The statistics a stored layout keeps (Layout.stats), in this order.
STATS = ("thinned", "filled", "pulled")


def use_store(store) -> None:
    """Install the layout store (None: compute every layout, keep none)."""
    global _store
    _store = store


def store():
    return _store


@lru_cache(maxsize=1)
def code_version() -> str:
    """SHA-256 of the chart code's version (:func:`chart_cache.code_version`) and of every layout module's source."""
    h = hashlib.sha256(chart_cache.code_version().encode())
    chart_cache.add_sources(h, [f"{name}.py" for name in MODULES + ("layout_cache",)])
    return h.hexdigest()


def constants() -> str:
    """The layout modules' upper-case constants as they are now (a test or a benchmark may have changed one)."""
    import importlib

    out = []
    for name in MODULES:
        module = importlib.import_module(f"mesomap.geometry.{name}")
        out += [f"{name}.{k}={v!r}" for k, v in sorted(vars(module).items())
                if k.isupper() and isinstance(v, (bool, int, float, str, tuple, frozenset))]
    return "\n".join(out)


def layout_key(V: np.ndarray, F: np.ndarray, N: np.ndarray, settings: tuple, pin_face: np.ndarray,
               pin_bary: np.ndarray) -> str:
    """Key of a layout of the patch with vertices V (n, 3) mm, faces F (k, 3) and vertex normals N (n, 3) made with
    ``settings`` (a tuple of numbers, strings and None: spacing, pattern, margin, row spacing, direction, seed, relax
    steps) around pinned points (local faces (q,), barycentrics (q, 3))."""
    h = hashlib.sha256(code_version().encode())
    h.update(constants().encode())
    h.update(repr(settings).encode())
    for a, dtype in ((V, "<f8"), (F, "<i8"), (N, "<f8"), (pin_face, "<i8"), (pin_bary, "<f8")):
        a = np.ascontiguousarray(a, dtype=dtype)
        h.update(repr(a.shape).encode())
        h.update(a.tobytes())
    return h.hexdigest()


def load(key: str, n_faces: int, n_pinned: int) -> tuple[np.ndarray, np.ndarray, dict] | None:
    """(local faces (p,), barycentrics (p, 3), stats) stored under ``key`` — None if there are none, or if what is
    there cannot be this zone's layout (faces out of range, barycentrics off the triangle, fewer points than pins)."""
    if _store is None:
        return None
    try:
        arrays = _store.load(key)
        face = np.asarray(arrays["faces"], dtype=np.int64)
        bary = np.asarray(arrays["barycentric"], dtype=np.float64)
        stats = np.asarray(arrays["stats"], dtype=np.int64)
    except Exception:  # noqa: BLE001 — none, damaged or unreadable: laid out again, never fatal
        return None
    if (face.ndim != 1 or bary.shape != (len(face), 3) or stats.shape != (len(STATS),) or len(face) < n_pinned
            or (len(face) and (face.min() < 0 or face.max() >= n_faces)) or not np.isfinite(bary).all()
            or (bary < -1e-9).any() or not np.allclose(bary.sum(axis=1), 1.0)):
        return None
    return face, bary, dict(zip(STATS, (int(v) for v in stats)))


def save(key: str, face: np.ndarray, bary: np.ndarray, stats: dict) -> None:
    if _store is None:
        return
    try:
        _store.save(key, {"faces": np.asarray(face, dtype=np.int64), "barycentric": np.asarray(bary, dtype=np.float64),
                          "stats": np.array([int(stats.get(k, 0)) for k in STATS], dtype=np.int64)})
    except Exception:  # noqa: BLE001 — a full disk or read-only cache only costs the next layout time
        pass
