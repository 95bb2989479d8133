"""Colour science for what the plan shows: CIE Lab distances, the depth ramp and its range.

Zone colours are categories (model.edits.ZONE_COLORS, saturated hues); injection depth is a
quantity, drawn on a neutral grey ramp (light = shallow, dark = deep) so that no depth colour can
be mistaken for a zone colour: a grey has no chroma, every zone colour has plenty.
"""

from __future__ import annotations

import numpy as np

#: Lightness (CIE L*) of the shallowest and the deepest injection's disc: light grey to near-black.
DEPTH_LIGHTNESS = (84.0, 22.0)
#: A plan whose injections are all at one depth still gets a range this wide (mm) around it.
MIN_DEPTH_SPAN_MM = 1.0

_D65 = np.array([0.95047, 1.0, 1.08883])
_RGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375],
                        [0.2126729, 0.7151522, 0.0721750],
                        [0.0193339, 0.1191920, 0.9503041]])


def hex_to_rgb(color: str) -> tuple[float, float, float]:
    """'#rrggbb' -> (r, g, b) in 0–1."""
    return tuple(int(color[i : i + 2], 16) / 255.0 for i in (1, 3, 5))


def srgb_to_lab(rgb) -> np.ndarray:
    """(k, 3) CIE L*a*b* (D65) of sRGB colours ``rgb`` (k, 3) or (3,) in 0–1."""
    c = np.asarray(rgb, dtype=np.float64).reshape(-1, 3)
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    xyz = lin @ _RGB_TO_XYZ.T / _D65
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2])], axis=1)


def delta_e(a, b) -> np.ndarray:
    """(k, m) CIE76 ΔE between every sRGB colour of ``a`` (k, 3) and of ``b`` (m, 3), 0–1 each."""
    la, lb = srgb_to_lab(a), srgb_to_lab(b)
    return np.linalg.norm(la[:, None, :] - lb[None, :, :], axis=2)


def grey_of_lightness(lightness) -> np.ndarray:
    """(k,) sRGB grey level (0–1) whose CIE L* is ``lightness`` (k,) (0–100)."""
    t = (np.asarray(lightness, dtype=np.float64) + 16) / 116
    y = np.where(t > 6 / 29, t ** 3, 3 * (6 / 29) ** 2 * (t - 4 / 29))
    return np.where(y <= 0.0031308, 12.92 * y, 1.055 * np.power(np.clip(y, 0, None), 1 / 2.4) - 0.055)


def depth_ramp(n: int = 256) -> np.ndarray:
    """(n, 3) sRGB 0–1: the depth colours from shallow to deep, evenly spaced in L*."""
    g = grey_of_lightness(np.linspace(*DEPTH_LIGHTNESS, n))
    return np.repeat(g[:, None], 3, axis=1)


def depth_colormap():
    """The depth ramp as a matplotlib colormap (what PyVista takes as ``cmap``)."""
    from matplotlib.colors import ListedColormap

    return ListedColormap(depth_ramp(), name="mesomap-depth")


def depth_range_mm(depths_mm) -> tuple[float, float]:
    """(low, high) mm the depth colours span: the shallowest to the deepest of ``depths_mm``, at least
    MIN_DEPTH_SPAN_MM wide (centred on a single depth, never below 0). (0, 1) when there is none."""
    d = np.asarray(list(depths_mm), dtype=np.float64)
    if len(d) == 0:
        return 0.0, MIN_DEPTH_SPAN_MM
    lo, hi = float(d.min()), float(d.max())
    if hi - lo < MIN_DEPTH_SPAN_MM:
        mid = max((lo + hi) / 2, MIN_DEPTH_SPAN_MM / 2)
        lo, hi = mid - MIN_DEPTH_SPAN_MM / 2, mid + MIN_DEPTH_SPAN_MM / 2
    return lo, hi
