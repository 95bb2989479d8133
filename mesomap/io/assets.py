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


def bundled_eyes(body_id: str) -> dict | None:
    """The eyeballs of a bundled body, from ``assets/meshes/eyes.json`` (tools/bake_eyes.py):
    {"left"/"right": {"centre_mm": [x, y, z], "radius_mm": r}}, or None for a body without any
    (a user mesh, a missing or damaged file: the body is then shown without eyes)."""
    import json

    try:
        eyes = json.loads((assets_dir() / "meshes" / "eyes.json").read_text(encoding="utf-8")).get(body_id)
        return {side: {"centre_mm": [float(c) for c in eyes[side]["centre_mm"]][:3],
                       "radius_mm": float(eyes[side]["radius_mm"])} for side in ("left", "right")}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
