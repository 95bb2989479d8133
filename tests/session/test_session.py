"""A whole clinician session driven through :class:`Session` alone — no window, no Qt, no VTK.

Template zone, painted zone with mirror, lay out (in a background worker, results picked up by
polling), move an injection, undo and redo, save, reopen, export: the same operations the window's
tools and panels call.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
DOWN = np.array([0.0, -1.0, 0.0])  # looking at the body from the front


def front_hit(surface, x_mm: float, z_mm: float):
    hit = surface.pick(np.array([x_mm, 2000.0, z_mm]), DOWN)
    assert hit is not None, (x_mm, z_mm)
    return hit


def scenario(tmp: Path) -> dict:
    """Run the session; return what a test checks. Imports only what the session layer needs."""
    from mesomap.io.meshes import load_painting_surface
    from mesomap.io.plan_file import body_ref
    from mesomap.io.templates import load_templates
    from mesomap.model.plan import Plan
    from mesomap.session.grids import GridRequests
    from mesomap.session.session import Mode, Session
    from mesomap.session.worker import LayoutWorker

    surface = load_painting_surface("female")
    templates = load_templates()
    s = Session(plan=Plan(body=body_ref(surface)), surface=surface)
    s.grids = GridRequests(s.doc, lambda: "female", LayoutWorker(use_process=False))
    heard = []
    s.doc.changed.connect(lambda change: heard.append(change))
    out: dict = {}

    knee = s.add_zone_from_template(templates.zone("knee_left"))
    s.select_zone(None)  # the next stroke makes a new zone
    s.set_mode(Mode.PAINT)
    s.set_radius(20.0)
    s.set_mirror(True)
    assert s.begin_stroke()
    hits = [front_hit(surface, -70.0 + 10.0 * k, 1000.0) for k in range(4)]  # across the patient's left flank
    s.stroke([(h, DOWN) for h in hits])
    s.end_gesture()
    painted = s.zone
    stroke_faces = s.dab_faces([(h, DOWN) for h in hits])
    out["mirrored"] = bool(np.isin(surface.mirrored(stroke_faces), painted.faces).all())
    out["undo_label_after_stroke"] = str(s.doc.history.undo_label)

    assert s.lay_out()  # background worker, picked up by polling
    out["gridded"] = all(z.injections and not z.grid_stale for z in s.plan.zones)
    knee_zone = s.plan.zone(knee)
    out["knee_count"] = len(knee_zone.injections)

    # move injection 1 of the knee onto the skin where injection 2 is (inside the zone): one undo step
    before = knee_zone.injections
    target = s.injection_positions(knee_zone)[1]
    normal = surface.points_on_faces([before[1].face], [before[1].barycentric])[1][0]
    hit = surface.pick(target + 50.0 * normal, -normal)
    assert s.begin_move_injection(knee, 0)
    assert s.drag_injection(hit)
    s.end_gesture()
    moved = s.plan.zone(knee).injections[0]
    out["moved_pinned"] = moved.pinned and moved.face == hit.face
    s.doc.undo()
    out["undo_restores"] = s.plan.zone(knee).injections == before
    s.doc.redo()
    out["redo_moves_again"] = s.plan.zone(knee).injections[0] == moved

    path = s.save(tmp / "session.mesomap.json")
    out["saved_clean"] = not s.doc.dirty
    again, opened = Session.open(path, inline=True)
    out["reopened_equal"] = again.plan.zones == s.plan.zones and again.plan.points == s.plan.points
    out["reopen_found_nothing"] = opened.misplaced == () and opened.stale == ()
    csv_path = again.export("csv", tmp / "session.csv").path
    with open(csv_path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out["csv_rows"] = len(rows)
    out["injections"] = sum(len(z.injections) for z in again.plan.zones)
    out["events"] = len(heard)
    out["gui_modules"] = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "pyvista", "vtk",
                                                                            "vtkmodules", "pyvistaqt"))
    return out


def test_a_whole_session_through_the_session_alone(tmp_path):
    out = scenario(tmp_path)
    assert out["mirrored"], "the mirror half of the stroke is in the zone"
    assert out["undo_label_after_stroke"].startswith("Paint")  # one stroke, one undo step
    assert out["gridded"] and out["knee_count"] > 10
    assert out["moved_pinned"] and out["undo_restores"] and out["redo_moves_again"]
    assert out["saved_clean"] and out["reopened_equal"] and out["reopen_found_nothing"]
    assert out["csv_rows"] == out["injections"] > 0
    assert out["events"] > 5  # every edit was announced to whoever follows the session


def test_the_session_layer_runs_without_qt_or_vtk(tmp_path):
    code = ("import sys, pathlib; from tests.session.test_session import scenario; "
            f"out = scenario(pathlib.Path({str(tmp_path)!r})); print(out['gui_modules'], out['csv_rows'])")
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    modules, rows = proc.stdout.strip().rsplit(" ", 1)
    assert modules == "[]" and int(rows) > 0
