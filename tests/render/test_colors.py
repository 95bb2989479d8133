"""Zone colours and depth colours never look alike, and the depth colours span the plan's own depths."""

from __future__ import annotations

import numpy as np
import pyvista as pv
import pytest

from mesomap.model.edits import ZONE_COLORS
from mesomap.render.colors import delta_e, depth_range_mm, hex_to_rgb, srgb_to_lab
from mesomap.render.overlays import DEPTH_CMAP
from mesomap.render.scene import SKIN_RGB

#: CIE76 ΔE: ~2.3 is just noticeable, > 20 reads as another colour at a glance.
ZONE_VS_DEPTH_MIN = 25.0
ZONE_VS_ZONE_MIN = 20.0
ZONE_VS_SKIN_MIN = 35.0


def depth_samples(n: int = 64) -> np.ndarray:
    """(n, 3) RGB 0–1 the discs are drawn in, from the colour map the grid glyphs use."""
    lut = pv.LookupTable(cmap=DEPTH_CMAP, scalar_range=(0.0, 1.0))
    return np.array([lut.map_value(x)[:3] for x in np.linspace(0, 1, n)])


def test_lab_conversion_matches_known_values():
    assert np.allclose(srgb_to_lab((1, 1, 1)), [[100, 0, 0]], atol=0.05)
    assert np.allclose(srgb_to_lab((1, 0, 0)), [[53.24, 80.09, 67.20]], atol=0.1)


def test_no_zone_colour_is_near_any_depth_colour():
    zones = np.array([hex_to_rgb(c) for c in ZONE_COLORS])
    d = delta_e(zones, depth_samples())
    worst = np.unravel_index(d.argmin(), d.shape)
    assert d.min() > ZONE_VS_DEPTH_MIN, (ZONE_COLORS[worst[0]], d.min())


def test_zone_colours_differ_from_each_other_and_from_skin():
    zones = np.array([hex_to_rgb(c) for c in ZONE_COLORS])
    d = delta_e(zones, zones) + np.eye(len(zones)) * 1e3
    assert d.min() > ZONE_VS_ZONE_MIN
    assert delta_e(zones, [SKIN_RGB]).min() > ZONE_VS_SKIN_MIN


def test_depth_colours_run_light_to_dark():
    lightness = srgb_to_lab(depth_samples())[:, 0]
    assert np.all(np.diff(lightness) < 0) and lightness[0] - lightness[-1] > 50


@pytest.mark.parametrize("depths, want", [((1.0, 4.0, 6.0), (1.0, 6.0)), ((4.0, 4.0), (3.5, 4.5)),
                                          ((0.2,), (0.0, 1.0))])
def test_depth_range_is_the_plans_own(depths, want):
    assert np.allclose(depth_range_mm(depths), want)
