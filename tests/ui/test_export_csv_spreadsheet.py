"""File > Export > CSV for spreadsheets: the same injection list, with a UTF-8 byte order mark for Excel."""

from __future__ import annotations

import csv

from tests.ui.test_exports import gridded, outdir, save_as, total_injections  # noqa: F401 (fixtures)


def test_export_csv_for_spreadsheets_from_the_menu(gridded, save_as, outdir):  # noqa: F811
    answers, asked = save_as
    answers.append(outdir / "excel")  # no suffix typed: .csv is added
    action = gridded.export_actions["csv_bom"]
    assert action in gridded.export_menu.actions()
    action.trigger()
    raw = (outdir / "excel.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == total_injections(gridded.doc.plan) and rows[0]["zone"] == "Knee, left"
    assert "BOM" in asked[0][1]
