"""Zone charts and finished layouts on disk, in the user's cache folder (the stores of
:mod:`mesomap.geometry.chart_cache` and :mod:`mesomap.geometry.layout_cache`).

One ``<key>.npz`` per chart part (≈16 bytes per zone vertex: ~0.2 MB for the abdomen) or per layout
(32 bytes per injection: ~6 kB for 200), written to a temporary name and renamed, so the app and its
layout worker never read half a file. The oldest entries are removed past :data:`MAX_ENTRIES`
charts or :data:`MAX_LAYOUTS` layouts. The folders are ``$MESOMAP_DATA_DIR/cache/charts`` and
``…/layouts`` when that is set, else the platform's user cache dir + ``/charts`` and ``/layouts``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np

from mesomap.geometry import chart_cache, layout_cache
from mesomap.io.cache_folder import cache_folder

#: Charts kept at most (every template zone of both bodies is ~130; a repainted zone adds one).
MAX_ENTRIES = 600
#: Layouts kept at most (each template zone of both bodies at its settings is ~130; each spacing a slider stops at
#: adds one): at most ~20 MB for layouts of ~200 injections.
MAX_LAYOUTS = 3000


class DiskArrayStore:
    """``load(key)`` / ``save(key, arrays)`` / ``clear()`` on ``folder`` (default: the cache folder ``name``),
    keeping at most ``max_entries``."""

    def __init__(self, folder: Path | None = None, name: str = "charts", max_entries: int | None = None):
        self.folder = Path(folder) if folder is not None else None
        self.name = name
        self.max_entries = max_entries

    @property
    def path(self) -> Path:
        return self.folder if self.folder is not None else cache_folder(self.name)

    def load(self, key: str) -> dict | None:
        try:
            with np.load(self.path / f"{key}.npz", allow_pickle=False) as data:
                return {name: data[name] for name in data.files}
        except FileNotFoundError:
            return None

    def save(self, key: str, arrays: dict) -> None:
        folder = self.path
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                np.savez(out, **arrays)
            os.replace(tmp, folder / f"{key}.npz")
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        self._prune(folder, MAX_ENTRIES if self.max_entries is None else self.max_entries)

    @staticmethod
    def _prune(folder: Path, most: int) -> None:
        entries = list(folder.glob("*.npz"))
        if len(entries) <= most:
            return
        entries.sort(key=lambda p: p.stat().st_mtime)
        for old in entries[: len(entries) - most]:
            old.unlink(missing_ok=True)

    def clear(self) -> None:
        for entry in self.path.glob("*.npz"):
            entry.unlink(missing_ok=True)


def install(folder: Path | None = None) -> DiskArrayStore:
    """Keep zone charts on disk from now on (in ``folder``, default the user cache folder)."""
    store = DiskArrayStore(folder)
    chart_cache.use_store(store)
    return store


def install_layouts(folder: Path | None = None) -> DiskArrayStore:
    """Keep finished layouts on disk from now on (in ``folder``, default the user cache folder ``layouts``)."""
    store = DiskArrayStore(folder, "layouts", MAX_LAYOUTS)
    layout_cache.use_store(store)
    return store
