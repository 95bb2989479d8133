"""Where mesomap keeps what it can make again (pictures, zone charts): the user's cache folder."""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder(name: str) -> Path:
    """``$MESOMAP_DATA_DIR/cache/<name>`` if set, else the platform's user cache dir + ``/<name>``."""
    base = os.environ.get("MESOMAP_DATA_DIR")
    if base:
        return Path(base) / "cache" / name
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mesomap", appauthor=False)) / name
