"""The printed session sheet, read back as a person would: text on the page and the pictures."""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest

from mesomap.io.exports import ExportError
from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_builder import new_plan
from mesomap.io.templates import load_templates
from mesomap.model.grid import grid_plan
from mesomap.model.plan import Header, Product
from mesomap.render.sheet import export_session_pdf, views_for
from tests.conftest import read_png

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (installed by dev.sh) is missing")


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


@pytest.fixture(scope="module")
def sheet(surface, tmp_path_factory):
    from dataclasses import replace

    plan = new_plan(surface, load_templates(), ["forehead", "spine_lumbar"], ["LI4"],
                    header=Header(patient_ref="MD-0042", clinician="Dr Pistor", session_number=3))
    zone = plan.zones[0]
    params = replace(zone.params, products=(Product("Hyaluronic acid", "HA-2291"), Product("Vitamin C", "VC-17")))
    plan = replace(plan, zones=(replace(zone, params=params),) + plan.zones[1:])
    plan = grid_plan(plan, surface)
    out = tmp_path_factory.mktemp("sheet") / "session.pdf"
    export_session_pdf(plan, surface, out)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(out), str(out.with_suffix(""))], check=True)
    pages = sorted(out.parent.glob("session-*.png"))
    return plan, text, pages


def test_sheet_carries_header_zones_totals_and_safety_text(sheet):
    plan, text, _ = sheet
    for needle in ("MD-0042", "Dr Pistor", "Forehead", "Lumbar spine", "HA-2291", "Vitamin C",
                   "Contraindications", "Pregnancy", "After the session", "no medical advice", "signature"):
        assert needle.lower() in text.lower(), needle
    assert "Gun settings — Generic injector" in text
    gun_rows = [line for line in text.splitlines() if "single shot" in line or "multi-shot" in line]
    assert len(gun_rows) == len(plan.zones) + 1  # one program per zone, one for the reflex points
    count = sum(len(z.injections) for z in plan.zones) + len(plan.points)
    total_line = next(line for line in text.splitlines() if line.strip().startswith("Total"))
    assert str(count) in total_line and "min" in total_line


def test_sheet_shows_the_views_the_plan_needs(sheet, surface):
    plan, text, pages = sheet
    # forehead, lumbar spine, LI4 on the back of each hand (facing sideways in the A-pose)
    assert views_for(plan, surface) == ["face", "back", "left", "right"]
    for label in ("Face", "Back", "Left", "Right"):
        assert label in text
    first = read_png(pages[0]).astype(int)
    coloured = (first.max(axis=2) - first.min(axis=2)) > 60  # saturated pixels: zone colours, not grey text
    assert coloured.mean() > 0.003  # the whole body, its zones small; their close-ups follow


def test_sheet_refuses_a_plan_without_grid_and_writes_nothing(surface, tmp_path):
    plan = new_plan(surface, load_templates(), ["cheek_left"])
    with pytest.raises(ExportError, match="no injection grid"):
        export_session_pdf(plan, surface, tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_views_follow_where_the_zones_face(surface):
    plan = new_plan(surface, load_templates(), ["buttock_left"])
    assert views_for(plan, surface) == ["back"]
    assert np.all([v in ("face", "front", "back", "left", "right") for v in views_for(plan, surface)])


LONG_NOTE = " ".join(f"слово{i} λέξη{i} word{i}" for i in range(420)) + " КОНЕЦ-ΤΕΛΟΣ-END"  # > 10,000 characters


@pytest.fixture(scope="module")
def multilingual(surface, tmp_path_factory):
    """A sheet for Иванова Анна by Δρ. Παπαδοπούλου, a zone with a name too long for its cell, zone notes,
    and a note of more than 10,000 characters; its text, fonts and page pictures."""
    from dataclasses import replace

    plan = new_plan(surface, load_templates(), ["forehead"], [],
                    header=Header(patient_ref="Иванова Анна", clinician="Δρ. Παπαδοπούλου", session_number=2,
                                  notes=LONG_NOTE))
    zone = replace(plan.zones[0], name="Лоб — μέτωπο " + "очень длинное имя зоны " * 40,
                   notes="Избегать области над бровью; μικρή ποσότητα.")
    plan = grid_plan(replace(plan, zones=(zone,)), surface)
    out = tmp_path_factory.mktemp("multi") / "multi.pdf"
    export_session_pdf(plan, surface, out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(out), str(out.with_suffix(""))], check=True)
    return text, fonts, sorted(out.parent.glob("multi-*.png"))


def test_sheet_prints_cyrillic_and_greek_names_and_zone_notes(multilingual):
    text, _, _ = multilingual
    for needle in ("Иванова Анна", "Δρ. Παπαδοπούλου", "Лоб — μέτωπο", "Zone notes",
                   "Избегать области над бровью; μικρή ποσότητα."):
        assert needle in text, needle
    assert "■" not in text


def test_sheet_embeds_every_font_it_uses(multilingual):
    _, fonts, _ = multilingual
    rows = fonts.splitlines()[2:]  # after the two header lines of pdffonts
    assert rows and all("DejaVuSans" in row for row in rows), fonts
    emb = fonts.splitlines()[0].index("emb")
    assert all(row[emb:emb + 3] == "yes" for row in rows), fonts


def test_a_long_note_wraps_over_pages_and_a_long_name_is_shortened(multilingual):
    text, _, pages = multilingual
    words = " ".join(text.split())
    for i in (0, 200, 419):  # the note is printed whole, in order, wrapped over lines and pages
        assert f"слово{i} λέξη{i} word{i}" in words
    assert "КОНЕЦ-ΤΕΛΟΣ-END" in words and len(pages) >= 3
    assert "очень длинное имя зоны" in words and "…" in words  # the zone cell is shortened, not overflowing
    assert words.count("очень длинное имя зоны") < 40
    for page in pages:  # nothing printed in the right margin (20 mm of 210 mm)
        pixels = read_png(page)
        margin = pixels[:, int(pixels.shape[1] * 0.93):]
        assert (margin.min(axis=2) > 200).all(), page.name


@pytest.fixture(scope="module")
def sheet_pictures(sheet, tmp_path_factory):
    """The pictures printed in the sheet, as pdfimages takes them out: (PNG arrays, printed ppi per picture)."""
    plan, _, pages = sheet
    pdf = pages[0].parent / "session.pdf"
    out = tmp_path_factory.mktemp("pictures")
    subprocess.run(["pdfimages", "-png", str(pdf), str(out / "img")], check=True)
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    ppi = [float(line.split()[12]) for line in listing.splitlines()[2:] if line.split()[2] == "image"]
    return [read_png(p) for p in sorted(out.glob("img-*.png"))], ppi


def test_sheet_views_show_the_whole_body_uncropped(sheet, surface, sheet_pictures):
    plan, _, _ = sheet
    images, _ = sheet_pictures
    views = views_for(plan, surface)
    assert views[0] == "face" and len(views) > 1
    for view, img in zip(views, images):
        drawn = np.argwhere(img[..., :3].min(axis=2) < 235)  # anything not white paper
        (top, left), (bottom, right) = drawn.min(axis=0), drawn.max(axis=0)
        h, w = img.shape[:2]
        assert top > 3, view  # the head is never cut
        if view != "face":  # nor anything else of the body but in the face close-up (its neck goes on)
            assert left > 3 and bottom < h - 4 and right < w - 4, (view, top, left, bottom, right, w, h)


def test_sheet_shows_each_zone_up_close_with_numbers_of_at_least_7_pt(sheet, surface, sheet_pictures):
    from mesomap.render.sheet import ORDER_VIEW_SIZE, ORDER_PER_ROW, number_font_px

    plan, text, _ = sheet
    images, ppi = sheet_pictures
    n_views = len(views_for(plan, surface))
    close_ups = [z for z in plan.zones if z.injections]
    assert len(images) == n_views + len(close_ups) and "Injection order" in text
    for zone in close_ups:
        assert f"{zone.name} (" in text  # each close-up is captioned with its zone
    font_pt = number_font_px(ORDER_VIEW_SIZE[0], ORDER_PER_ROW) / np.array(ppi[n_views:]) * 72
    assert (font_pt >= 7.0).all(), font_pt


def test_the_depth_legend_never_overlaps_the_body(surface, tmp_path):
    from scipy import ndimage

    from mesomap.render.plan_png import LEGEND_ROOM
    from mesomap.render.sheet import render_overview

    plan = grid_plan(new_plan(surface, load_templates(), ["abdomen", "shoulder_left", "wrist_left", "scalp"]), surface)
    for view in ("front", "left", "face"):
        shown = read_png(render_overview(plan, surface, view, tmp_path / f"{view}.png"))[..., :3].astype(int)
        bare = read_png(render_overview(plan, surface, view, tmp_path / f"{view}-bare.png", legend=False,
                                        legend_room=LEGEND_ROOM))[..., :3].astype(int)
        bar = np.abs(shown - bare).max(axis=2) > 30  # the legend: all that differs between the two
        body = ndimage.binary_dilation(bare.min(axis=2) < 235, iterations=3)
        assert bar.sum() > 500, view  # a legend is drawn
        assert not (bar & body).any(), (view, int((bar & body).sum()))


def test_sheet_draws_each_zones_technique_depth_under_the_zone_table(sheet):
    """Each zone's skin cross-section: its technique, depth and the layer the tip reaches, with the layers named."""
    from mesomap.model.depth_view import zone_depth_view

    plan, text, pages = sheet
    plain = subprocess.run(["pdftotext", str(pages[0].parent / "session.pdf"), "-"], capture_output=True, text=True,
                           check=True).stdout  # reading order, not columns side by side
    flat = " ".join(plain.split())
    assert "Technique depth" in text
    assert flat.index("Technique depth") > flat.index("Total")  # under the zone table
    for z in plan.zones:
        v = zone_depth_view(z)
        assert f"{z.name} — {z.params.technique}, {z.params.depth_mm:g} mm, tip in the {v.tip_layer}" in flat, z.name
        assert f"depth {v.tip_mm[1]:.3g} mm" in flat
    assert "dermis 1.8 mm" in flat and "hypodermis" in flat  # the forehead's layers, named on the drawing
