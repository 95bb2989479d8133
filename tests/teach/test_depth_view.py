"""The technique depth view (issue 14): the needle's tip at the zone's depth, in the layer the technique targets,
with the numbers written on the drawing; drawn to PNG and into a PDF."""

from __future__ import annotations

import math
import subprocess

import numpy as np
import pytest

from mesomap.model.depth_view import REGION_LAYERS, SkinLayers, bleb_radius_mm, depth_view, with_thickness, zone_depth_view
from mesomap.model.plan import Needle, TreatmentParams, Zone
from tests.conftest import read_png


@pytest.mark.parametrize("technique, depth, needle", [("IED", 0.5, 4.0), ("IDS", 1.5, 4.0), ("IDP", 3.0, 4.0),
                                                      ("PPP", 4.0, 4.0), ("NAP", 2.0, 4.0), ("PPP", 10.0, 13.0)])
def test_the_needle_tip_sits_at_the_depth_along_the_needle_drawn_to_scale(technique, depth, needle):
    v = depth_view(technique, depth, needle, 0.05, REGION_LAYERS["trunk"])
    tip_x, tip_y = v.tip_mm
    assert tip_y == pytest.approx(depth) and not v.needle_too_short
    assert (v.shaft.x1_mm, v.shaft.y1_mm) == pytest.approx(v.tip_mm)
    length = math.hypot(v.shaft.x1_mm - v.shaft.x0_mm, v.shaft.y1_mm - v.shaft.y0_mm)
    assert length == pytest.approx(needle)  # the whole needle, hub to tip
    assert v.bleb.r_mm == pytest.approx(bleb_radius_mm(0.05)) and (v.bleb.cx_mm, v.bleb.cy_mm) == pytest.approx(v.tip_mm)
    assert bleb_radius_mm(0.05) == pytest.approx((3 * 50 / (4 * math.pi)) ** (1 / 3))  # 0.05 ml = 50 mm³
    assert v.top_mm < v.hub.y0_mm and v.top_mm + v.height_mm >= tip_y + v.bleb.r_mm  # everything is in view


@pytest.mark.parametrize("technique, depth, layer", [("IED", 0.5, "dermis"), ("IDS", 1.5, "dermis"),
                                                     ("PPP", 4.0, "hypodermis")])
def test_the_tip_is_in_the_layer_the_technique_targets_with_the_default_face_thicknesses(technique, depth, layer):
    v = depth_view(technique, depth, 4.0, 0.02, REGION_LAYERS["face"])
    assert v.tip_layer == layer and v.on_target


def test_a_trainer_thickening_the_dermis_moves_a_deep_papule_out_of_the_fat():
    face = REGION_LAYERS["face"]
    assert depth_view("IDP", 3.0, 4.0, 0.05, face).tip_layer == "hypodermis"
    assert depth_view("IDP", 3.0, 4.0, 0.05, with_thickness(face, dermis_mm=3.2)).tip_layer == "dermis"
    assert not depth_view("IDS", 3.0, 4.0, 0.05, face).on_target  # an IDS papule 3 mm deep left the dermis


def test_a_needle_too_short_for_the_angle_is_flagged_and_stops_at_its_length():
    v = depth_view("IED", 2.0, 4.0, 0.02, REGION_LAYERS["face"])  # 15°: 4 mm of needle reach about 1 mm deep
    assert v.needle_too_short and v.tip_mm[1] == pytest.approx(4.0 * math.sin(math.radians(15)))


def test_the_numbers_are_on_the_drawing():
    zone = Zone("z", "Cheek", "#aa0000", params=TreatmentParams(technique="IDS", depth_mm=1.5, volume_per_point_ml=0.05,
                                                             needle=Needle(4.0, 30)), template="cheek_left")
    v = zone_depth_view(zone)
    texts = [lb.text for lb in v.labels]
    assert "depth 1.5 mm" in texts and "needle 4 mm 30G" in texts and "IDS  45°" in texts
    assert any(t.startswith("0.05 ml") for t in texts)
    assert "dermis 1.8 mm" in texts and "epidermis 0.1 mm" in texts  # the face's layers (the zone's region)


def test_the_png_and_the_pdf_show_the_layers_the_needle_and_the_bleb(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from mesomap.io.depth_drawing import reportlab_drawing, write_depth_png

    v = depth_view("IDS", 1.5, 4.0, 0.05, REGION_LAYERS["face"], gauge=30)
    png = read_png(write_depth_png(v, tmp_path / "ids.png", px_per_mm=20))
    assert png.shape[:2] == (round(v.height_mm * 20), round(v.width_mm * 20))
    row = png[round((v.bands[1].y_mm + 0.3 - v.top_mm) * 20), -5 * 20]  # the dermis, right of the labels' column
    assert tuple(row) == (0xf3, 0xd9, 0xc6)
    tip = png[round((v.tip_mm[1] - 0.4 - v.top_mm) * 20), round((v.tip_mm[0] - 0.4) * 20)]
    assert tip.max() < 110  # the needle's shaft just before the tip (dark)
    SimpleDocTemplate(str(tmp_path / "v.pdf"), pagesize=A4).build([reportlab_drawing(v, 400)])
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(tmp_path / "v.pdf"), str(tmp_path / "page")], check=True)
    page = read_png(next(tmp_path.glob("page*.png")))
    dermis = np.all(np.abs(page.astype(int) - (0xf3, 0xd9, 0xc6)) < 6, axis=2)
    assert dermis.sum() > 500
