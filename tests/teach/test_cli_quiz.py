"""``mesomap quiz score`` and ``mesomap quiz class`` without a display (issue 14)."""

from __future__ import annotations

import csv
import json
import subprocess
from dataclasses import replace

import pytest

from mesomap.io.plan_file import save_plan
from tests.cli.test_cli import assert_one_line_error
from tests.conftest import foreground_mask, read_png
from tests.teach.quiz_plans import reference, surface, walk_point


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """The reference, and a class folder: a perfect answer, a wrong one and a file that is not a plan."""
    folder = tmp_path_factory.mktemp("quiz")
    s, ref = surface(), reference()
    save_plan(ref, folder / "ref.mesomap.json", s)
    answers = folder / "answers"
    answers.mkdir()
    good = replace(ref, header=replace(ref.header, clinician="=HYPERLINK(\"x\")"))  # a name a spreadsheet would run
    save_plan(good, answers / "alice.mesomap.json", s)
    cheek = ref.zones[1]
    wrong = replace(ref, zones=(ref.zones[0], replace(cheek, faces=s.mirrored(cheek.faces))),
                    points=(walk_point(s, ref.points[0], 20.0), ref.points[1]))
    save_plan(wrong, answers / "bob.mesomap.json", s)
    (answers / "carol.mesomap.json").write_text("{not json", encoding="utf-8")
    return folder


def test_quiz_score_json_gives_dice_1_and_0_mm_for_the_reference_itself(run_cli, files):
    ref = str(files / "ref.mesomap.json")
    proc = run_cli("quiz", "score", "--reference", ref, "--answer", ref, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["passed"] and [z["dice"] for z in data["zones"]] == [1.0, 1.0]
    assert [z["border_mean_mm"] for z in data["zones"]] == [0.0, 0.0]
    assert [p["distance_mm"] for p in data["points"]] == [0.0, 0.0]


def test_quiz_score_table_shows_the_wrong_zone_and_the_moved_point_failing(run_cli, files):
    proc = run_cli("quiz", "score", "--reference", str(files / "ref.mesomap.json"),
                   "--answer", str(files / "answers" / "bob.mesomap.json"), "--thresholds", "point_mm=25")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    cheek = next(line for line in lines if line.startswith("Cheek, left"))
    assert " 0.00 " in cheek and cheek.endswith("fail")
    st36 = next(line for line in lines if line.startswith("ST36 left"))
    assert st36.endswith("pass")  # 20 mm passes the 25 mm mark given
    assert "point <= 25 mm" in proc.stdout and lines[-1] == "overall: fail (3 of 4)"


def test_quiz_score_of_a_bad_file_is_one_line(run_cli, files):
    proc = run_cli("quiz", "score", "--reference", str(files / "ref.mesomap.json"),
                   "--answer", str(files / "answers" / "carol.mesomap.json"))
    assert_one_line_error(proc, "carol.mesomap.json")


def test_quiz_class_writes_a_safe_csv_and_a_results_sheet_per_student(run_cli, files, tmp_path):
    out, pdfs = tmp_path / "results.csv", tmp_path / "sheets"
    proc = run_cli("quiz", "class", "--reference", str(files / "ref.mesomap.json"), "--answers", str(files / "answers"),
                   "--out", str(out), "--pdf-dir", str(pdfs))
    assert proc.returncode == 1  # carol's file could not be scored: said, and her row says why
    assert "carol.mesomap.json" in proc.stderr and "3 answers, 1 passed, 1 could not be scored" in proc.stdout
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["file"] for r in rows] == ["alice.mesomap.json", "bob.mesomap.json", "carol.mesomap.json"]
    alice, bob, carol = rows
    assert alice["student"] == "'=HYPERLINK(\"x\")"  # neutralised: a spreadsheet shows it, never runs it
    assert alice["result"] == "pass" and alice["Cheek, left dice"] == "1.000"
    assert bob["result"] == "fail" and float(bob["Cheek, left dice"]) < 0.05 and bob["Cheek, left result"] == "fail"
    assert 18.5 <= float(bob["ST36 left distance mm"]) <= 20.5
    assert carol["result"] == "error" and "carol.mesomap.json" in carol["problem"]
    assert sorted(p.name for p in pdfs.iterdir()) == ["alice.quiz.pdf", "bob.quiz.pdf", "carol.quiz.pdf"]
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdfs / "bob.quiz.pdf"), str(tmp_path / "bob")], check=True)
    pages = sorted(tmp_path.glob("bob*.png"))
    assert len(pages) == 1
    pixels = read_png(pages[0])
    red = (pixels[..., 0] > 150) & (pixels[..., 1] < 80) & (pixels[..., 2] < 80)
    assert red.sum() > 200  # "Not passed" and the failed results are printed in red
    assert foreground_mask(pixels).mean() > 0.02
    assert (pixels.max(axis=2) < 70).mean() > 0.05  # the reveal pictures (the 3D view's dark background)


def test_a_pass_mark_out_of_range_is_a_usage_error_in_one_line(run_cli, files):
    ref = str(files / "ref.mesomap.json")
    proc = run_cli("quiz", "score", "--reference", ref, "--answer", ref, "--thresholds", "dice=1.5")
    assert_one_line_error(proc, "--thresholds", "dice_min")
    assert proc.returncode == 2
