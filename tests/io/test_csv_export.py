"""The CSV injection list: a BOM for spreadsheet programs on request, and text cells that a
spreadsheet never runs as formulas while numbers (negative coordinates too) stay numbers."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from mesomap.io.export_formats import write_export
from mesomap.io.exports import write_csv
from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_builder import new_plan
from mesomap.io.plan_file import save_plan
from mesomap.io.templates import load_templates
from mesomap.model.grid import grid_plan

BOM = b"\xef\xbb\xbf"


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


@pytest.fixture(scope="module")
def plan(surface):
    plan = new_plan(surface, load_templates(), ["cheek_left", "knee_right"], ["LI4"], spacing_mm=12.0)
    plan = grid_plan(plan, surface)
    zones = (replace(plan.zones[0], name='=HYPERLINK("http://x.example","Щека")'),
             replace(plan.zones[1], name="-Колено+1"))
    points = tuple(replace(p, code="@SUM(A1)") for p in plan.points)
    return replace(plan, zones=zones, points=points)


def rows_of(raw: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_for_spreadsheets_starts_with_a_bom_and_plain_csv_does_not(plan, surface, tmp_path):
    plain = write_csv(plan, surface, tmp_path / "plain.csv").read_bytes()
    sheet = write_export("csv_bom", plan, surface, tmp_path / "sheet.csv").path.read_bytes()
    assert sheet.startswith(BOM) and not plain.startswith(BOM)
    assert sheet[len(BOM):] == plain  # the same text, Cyrillic intact
    assert "Щека" in sheet.decode("utf-8-sig")


def test_text_cells_that_look_like_formulas_are_quoted_numbers_are_not(plan, surface, tmp_path):
    rows = rows_of(write_csv(plan, surface, tmp_path / "x.csv").read_bytes())
    zones = {r["zone"] for r in rows}
    assert "'=HYPERLINK(\"http://x.example\",\"Щека\")" in zones
    assert "'-Колено+1" in zones
    assert {"'@SUM(A1) left", "'@SUM(A1) right"} <= zones
    assert not any(r["zone"].startswith(("=", "+", "-", "@")) for r in rows)
    # coordinates keep their sign and stay plain numbers (x < 0 on the patient's left)
    xs = [r["x_mm"] for r in rows]
    assert any(x.startswith("-") for x in xs)
    assert all(float(x) == float(x.lstrip("'")) and not x.startswith("'") for x in xs)
    assert all("," not in r["depth_mm"] and float(r["volume_ml"]) > 0 for r in rows)


def test_cli_export_csv_bom(plan, surface, tmp_path, run_cli):
    save_plan(plan, tmp_path / "p.mesomap.json", surface)
    proc = run_cli("export", "p.mesomap.json", "--format", "csv", "--bom", "--out", "s.csv")
    assert proc.returncode == 0, proc.stderr
    raw = (tmp_path / "s.csv").read_bytes()
    assert raw.startswith(BOM) and rows_of(raw)[0]["zone"].startswith("'=")
    proc = run_cli("export", "p.mesomap.json", "--format", "csv", "--out", "n.csv")
    assert proc.returncode == 0 and not (tmp_path / "n.csv").read_bytes().startswith(BOM)
    proc = run_cli("export", "p.mesomap.json", "--format", "json", "--bom", "--out", "n.json")
    assert proc.returncode == 2 and "--bom" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_exports_csv_for_spreadsheets_by_its_menu_name(plan, surface, tmp_path, run_cli):
    """``--format csv_bom`` is File › Export › CSV for spreadsheets: the same bytes as ``--format csv --bom``."""
    save_plan(plan, tmp_path / "p.mesomap.json", surface)
    assert run_cli("export", "p.mesomap.json", "--format", "csv", "--bom", "--out", "a.csv").returncode == 0
    proc = run_cli("export", "p.mesomap.json", "--format", "csv_bom", "--out", "b.csv")
    assert proc.returncode == 0, proc.stderr
    raw = (tmp_path / "b.csv").read_bytes()
    assert raw.startswith(BOM) and raw == (tmp_path / "a.csv").read_bytes()


def test_the_gun_settings_sheet_csv_is_neutralised_too_but_the_pdf_keeps_the_names(plan, surface, tmp_path):
    from mesomap.io.device_sheet import write_gun_sheet
    from mesomap.render.sheet import gun_settings

    out, _ = write_gun_sheet(plan, surface, tmp_path / "gun.csv")
    names = [r["name"] for r in rows_of(out.read_bytes())]
    assert names[:2] == ["'" + plan.zones[0].name, "'" + plan.zones[1].name]
    _, pdf_rows = gun_settings(plan, surface)
    assert [r["name"] for r in pdf_rows][:2] == [plan.zones[0].name, plan.zones[1].name]
