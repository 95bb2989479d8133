"""Where the bundled data lives: ``assets/`` beside the package (an editable install)."""

from __future__ import annotations

import os
from pathlib import Path


def assets_dir() -> Path:
    """The assets folder: ``$MESOMAP_ASSETS`` if set, else ``<repo>/assets``."""
    override = os.environ.get("MESOMAP_ASSETS")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "assets"
