"""The area `mesomap zones` prints for a template is the area of the zone the app makes from it.

Thin face zones used to lose a third to two thirds of their skin to the border smoothing (nasolabial 8.7 cm²
printed, 3.8 cm² painted on the male body; perioral 15.8 vs 7.9 on the female).
"""

from __future__ import annotations

import pytest

from mesomap.io.meshes import load_bundled_body, load_painting_surface
from mesomap.io.plan_builder import template_zone_faces
from mesomap.io.templates import load_templates, zone_area_cm2

THIN = ("nasolabial_left", "perioral", "periorbital_left", "glabella", "jawline_left", "cheek_left")


@pytest.mark.parametrize("body", ["female", "male"])
def test_printed_template_area_is_the_painted_zone_area(body):
    surface, coarse = load_painting_surface(body), load_bundled_body(body)
    for zone_id in THIN:
        t = load_templates().zone(zone_id)
        painted = surface.area_cm2(template_zone_faces(t, surface))
        assert painted == pytest.approx(zone_area_cm2(t, coarse), rel=0.05), zone_id
