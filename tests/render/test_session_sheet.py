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
    assert coloured.mean() > 0.01


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
