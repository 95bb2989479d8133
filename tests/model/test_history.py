"""Undo/redo through Document.edit: what a user sees when they press Ctrl+Z / Ctrl+Shift+Z.

The property test drives a Document with long random sequences of real edits
(zones, paint, erase, params, rename, reflex points, header, brush-stroke
macros) and checks that undoing everything gives back exactly the plan the
user started from, step by step, and that redoing gives back every state in
order. Each step's change event must name exactly the zone / point touched,
because the views redraw only what the event names.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mesomap.model import edits
from mesomap.model.document import Change, Document
from mesomap.model.history import History
from mesomap.model.plan import (
    BodyRef,
    Header,
    Needle,
    Plan,
    Product,
    ReflexPoint,
    TreatmentParams,
    Zone,
)
from mesomap.model.techniques import PATTERNS, SIDES, TECHNIQUES

BODY = BodyRef("female", "hm08-body", "a" * 64, "b" * 64)
N_FACES = 3000  # face ids used by the random edits (the model does not know the body size)


def initial_plan() -> Plan:
    return Plan(
        body=BODY,
        header=Header(patient_ref="AB", date="2026-01-05", session_number=2, clinician="Dr X", notes="start"),
        zones=(
            Zone("zone-1", "Left thigh", "#e69f00", side="left", faces=np.arange(100, 400)),
            Zone("zone-2", "Abdomen", "#56b4e9", faces=[5, 7, 9, 2000],
                 params=TreatmentParams(technique="NAP", depth_mm=2.0, spacing_mm=3.0)),
        ),
        points=(ReflexPoint("pt-1", "ST36", "Zusanli", face=42, barycentric=(0.2, 0.3, 0.5), side="left"),),
    )


def fingerprint(plan: Plan):
    """Everything in a plan as plain Python values (catches in-place mutation of shared arrays)."""
    return (
        plan.body,
        plan.header,
        tuple((z.id, z.name, z.color, z.side, tuple(int(f) for f in z.faces), z.params, z.template, z.notes)
              for z in plan.zones),
        plan.points,
    )


# ------------------------------------------------------------------ strategies

names = st.text(min_size=0, max_size=12)


@st.composite
def valid_params(draw) -> TreatmentParams:
    needle_len = draw(st.floats(1.0, 30.0))
    depth = draw(st.floats(0.05, min(20.0, needle_len)))
    params = TreatmentParams(
        technique=draw(st.sampled_from(sorted(TECHNIQUES))),
        depth_mm=depth,
        spacing_mm=draw(st.floats(2.0, 50.0)),
        pattern=draw(st.sampled_from(PATTERNS)),
        margin_mm=draw(st.floats(0.0, 50.0)),
        volume_per_point_ml=draw(st.floats(0.001, 1.0)),
        needle=Needle(length_mm=needle_len, gauge=draw(st.integers(18, 34))),
        products=tuple(draw(st.lists(st.builds(Product, names, names), max_size=4))),
        notes=draw(names),
    )
    assert params.errors() == [], params.errors()  # the strategy itself must only make valid params
    return params


@st.composite
def barycentric(draw) -> tuple[float, float, float]:
    w = np.array(draw(st.lists(st.floats(0.01, 1.0), min_size=3, max_size=3)))
    w = w / w.sum()
    return (float(w[0]), float(w[1]), 1.0 - float(w[0]) - float(w[1]))


face_lists = st.lists(st.integers(0, N_FACES - 1), min_size=1, max_size=40)
index = st.integers(0, 10)

single_op = st.one_of(
    st.tuples(st.just("add_zone"), names, st.sampled_from(SIDES), face_lists),
    st.tuples(st.just("remove_zone"), index),
    st.tuples(st.just("paint"), index, face_lists),
    st.tuples(st.just("paint"), index, face_lists),
    st.tuples(st.just("erase"), index, st.lists(st.integers(0, 10_000), min_size=1, max_size=30), face_lists),
    st.tuples(st.just("set_params"), index, valid_params()),
    st.tuples(st.just("rename"), index, names),
    st.tuples(st.just("move_zone"), index, st.integers(-1, 10)),
    st.tuples(st.just("add_point"), st.text(max_size=6), st.integers(0, N_FACES - 1), barycentric()),
    st.tuples(st.just("move_point"), index, st.integers(0, N_FACES - 1), barycentric()),
    st.tuples(st.just("remove_point"), index),
    st.tuples(st.just("header"), names, st.integers(1, 1000), names),
    st.tuples(st.just("bad_params"), index, st.sampled_from([0.0, -1.0, 25.0])),
    st.tuples(st.just("remove_missing")),
)
macro_op = st.tuples(st.just("macro"), st.lists(single_op, min_size=2, max_size=6))
op_lists = st.lists(st.one_of(single_op, single_op, single_op, macro_op), min_size=20, max_size=60)


# ------------------------------------------------------------------ applying one op


def apply_op(doc: Document, op) -> tuple[bool, Change | None, Exception | None]:
    """Apply ``op`` through doc.edit; return (changed, expected Change, expected error or None).

    The expected Change is derived from the operation alone, not from the
    plans: it is the oracle for the change events.
    """
    plan = doc.plan
    kind = op[0]
    zones, points = plan.zones, plan.points

    def pick(seq, i):
        return seq[i % len(seq)] if seq else None

    if kind == "add_zone":
        _, name, side, faces = op
        zid = edits.next_id([z.id for z in zones], "zone")
        zone = Zone(zid, name, edits.next_color(plan), side=side, faces=faces)
        return doc.edit("Add zone", edits.add_zone, zone), Change(zones_added=(zid,)), None
    if kind == "remove_zone":
        z = pick(zones, op[1])
        if z is None:
            return False, None, None
        return doc.edit("Remove zone", edits.remove_zone, z.id), Change(zones_removed=(z.id,)), None
    if kind == "paint":
        z = pick(zones, op[1])
        if z is None:
            return False, None, None
        return doc.edit("Paint", edits.paint, z.id, op[2]), Change(zones_changed=(z.id,), zone_faces_changed=(z.id,)), None
    if kind == "erase":
        z = pick(zones, op[1])
        if z is None:
            return False, None, None
        own = [int(z.faces[i % len(z.faces)]) for i in op[2]] if len(z.faces) else []
        return (doc.edit("Erase", edits.erase, z.id, own + list(op[3])),
                Change(zones_changed=(z.id,), zone_faces_changed=(z.id,)), None)
    if kind == "set_params":
        z = pick(zones, op[1])
        if z is None:
            return False, None, None
        return doc.edit("Params", edits.set_zone_params, z.id, op[2]), Change(zones_changed=(z.id,)), None
    if kind == "rename":
        z = pick(zones, op[1])
        if z is None:
            return False, None, None
        return doc.edit("Rename", edits.update_zone, z.id, name=op[2]), Change(zones_changed=(z.id,)), None
    if kind == "move_zone":
        z = pick(zones, op[1])
        if z is None:
            return False, None, None
        return doc.edit("Move zone", edits.move_zone, z.id, op[2]), Change(zone_order_changed=True), None
    if kind == "add_point":
        pid = edits.next_id([p.id for p in points], "pt")
        point = ReflexPoint(pid, op[1], "", face=op[2], barycentric=op[3])
        return doc.edit("Add point", edits.add_point, point), Change(points_added=(pid,)), None
    if kind == "move_point":
        p = pick(points, op[1])
        if p is None:
            return False, None, None
        return (doc.edit("Move point", edits.update_point, p.id, face=op[2], barycentric=op[3]),
                Change(points_changed=(p.id,)), None)
    if kind == "remove_point":
        p = pick(points, op[1])
        if p is None:
            return False, None, None
        return doc.edit("Remove point", edits.remove_point, p.id), Change(points_removed=(p.id,)), None
    if kind == "header":
        header = Header(patient_ref=op[1], date="2026-02-03", session_number=op[2], clinician="Dr Y", notes=op[3])
        return doc.edit("Header", edits.set_header, header), Change(header_changed=True), None
    if kind == "bad_params":
        z = pick(zones, op[1])
        if z is None:
            return False, None, None
        bad = replace(z.params, depth_mm=op[2], needle=Needle(30.0, 30))
        with pytest.raises(ValueError, match="depth"):
            doc.edit("Params", edits.set_zone_params, z.id, bad)
        return False, None, ValueError
    if kind == "remove_missing":
        with pytest.raises(KeyError):
            doc.edit("Remove zone", edits.remove_zone, "no-such-zone")
        return False, None, KeyError
    raise AssertionError(kind)


def inverse(change: Change) -> Change:
    return replace(change, zones_added=change.zones_removed, zones_removed=change.zones_added,
                   points_added=change.points_removed, points_removed=change.points_added)


# ------------------------------------------------------------------ the property


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(ops=op_lists)
def test_random_edits_undo_to_the_exact_start_and_redo_to_the_exact_end(ops):
    start = initial_plan()
    start_print = fingerprint(start)
    doc = Document(start)
    events: list[Change] = []
    doc.changed.connect(events.append)

    states = [doc.plan]  # the plan after each undo step, starting with the initial plan
    forward: list[Change | None] = []  # the oracle change of each step (None for macros)
    for op in ops:
        before = doc.plan
        n_events = len(events)
        if op[0] == "macro":
            touched = 0
            with doc.macro("Stroke"):
                for inner in op[1]:
                    changed, _, _ = apply_op(doc, inner)
                    touched += changed
            # views update per edit inside a stroke: one event per effective edit
            assert len(events) - n_events == touched
            if doc.plan != before:
                states.append(doc.plan)
                forward.append(None)
            continue
        changed, expected, error = apply_op(doc, op)
        if error is not None or not changed:
            assert doc.plan is before, f"{op[0]} that changed nothing must leave the plan as it was"
            assert len(events) == n_events, f"{op[0]} that changed nothing must not announce a change"
            continue
        assert len(events) == n_events + 1
        assert events[-1] == expected, f"{op[0]}: event {events[-1]} names the wrong ids"
        states.append(doc.plan)
        forward.append(expected)

    final = doc.plan
    final_print = fingerprint(final)
    assert doc.history.can_undo == (len(states) > 1)
    assert doc.dirty == (final != start)

    # Undo everything, one step at a time, through every intermediate state.
    for k in range(len(states) - 1, 0, -1):
        assert doc.plan == states[k]
        n_events = len(events)
        doc.undo()
        assert len(events) == n_events + 1
        if forward[k - 1] is not None:
            assert events[-1] == inverse(forward[k - 1])
    assert not doc.history.can_undo
    assert doc.plan == start
    assert fingerprint(doc.plan) == start_print  # exactly the start, nothing mutated in place
    assert not doc.dirty

    # Redo everything.
    for k in range(1, len(states)):
        n_events = len(events)
        doc.redo()
        assert doc.plan == states[k]
        if forward[k - 1] is not None:
            assert events[-1] == forward[k - 1]
        assert len(events) == n_events + 1
    assert not doc.history.can_redo
    assert doc.plan == final
    assert fingerprint(doc.plan) == final_print


# ------------------------------------------------------------------ focused behaviours


def test_an_edit_after_undo_clears_redo():
    doc = Document(initial_plan())
    doc.edit("Paint", edits.paint, "zone-1", [1, 2, 3])
    doc.edit("Rename", edits.update_zone, "zone-1", name="Thigh L")
    doc.undo()
    assert doc.history.can_redo and doc.history.redo_label == "Rename"
    doc.edit("Erase", edits.erase, "zone-2", [5])
    assert not doc.history.can_redo
    assert doc.history.redo_label is None
    before = doc.plan
    doc.redo()  # nothing to redo: a no-op, not the old rename
    assert doc.plan is before
    assert doc.plan.zone("zone-1").name == "Left thigh"
    assert 5 not in doc.plan.zone("zone-2").faces
    assert {1, 2, 3} <= set(doc.plan.zone("zone-1").faces.tolist())


def test_a_locked_document_refuses_edits_undo_and_redo_and_says_why_until_replaced():
    """A done records session's plan is frozen: nothing changes it, and each attempt says why."""
    doc = Document(initial_plan())
    doc.edit("Paint", edits.paint, "zone-1", [1, 2, 3])
    doc.edit("Rename", edits.update_zone, "zone-1", name="Thigh L")
    doc.undo()
    said = []
    doc.refused.connect(said.append)
    doc.lock("session 3 is done")
    before, revision = doc.plan, doc.revision
    assert not doc.edit("Erase", edits.erase, "zone-1", [1])
    doc.undo()
    doc.redo()
    assert doc.plan is before and doc.revision == revision
    assert said == ["session 3 is done"] * 3
    doc.replace(initial_plan())  # another plan: unlocked
    assert doc.locked is None and doc.edit("Paint", edits.paint, "zone-1", [4])


def test_a_brush_stroke_of_many_dabs_is_one_undo_step():
    start = initial_plan()
    doc = Document(start)
    events: list[Change] = []
    doc.changed.connect(events.append)
    with doc.macro("Paint stroke"):
        for k in range(10):
            doc.edit("Paint", edits.paint, "zone-1", np.arange(1000 + 20 * k, 1030 + 20 * k))
    assert len(events) == 10  # the view followed every dab
    assert all(e.zone_faces_changed == ("zone-1",) for e in events)
    assert doc.history.undo_label == "Paint stroke"
    stroke_end = doc.plan
    assert len(stroke_end.zone("zone-1").faces) == 300 + 210
    doc.undo()
    assert doc.plan == start  # one Ctrl+Z removes the whole stroke
    assert not doc.history.can_undo
    assert events[-1] == Change(zones_changed=("zone-1",), zone_faces_changed=("zone-1",))
    doc.redo()
    assert doc.plan == stroke_end


def test_a_stroke_that_changes_nothing_leaves_no_undo_step():
    doc = Document(initial_plan())
    with doc.macro("Paint stroke"):
        doc.edit("Paint", edits.paint, "zone-1", [5000, 5001])
        doc.edit("Erase", edits.erase, "zone-1", [5000, 5001])
    assert not doc.history.can_undo
    assert not doc.dirty


def test_nested_strokes_join_the_outer_one():
    start = initial_plan()
    doc = Document(start)
    with doc.macro("Outer"):
        doc.edit("Paint", edits.paint, "zone-1", [1])
        with doc.macro("Inner"):
            doc.edit("Paint", edits.paint, "zone-2", [2])
        doc.edit("Rename", edits.update_zone, "zone-2", name="Belly")
    assert doc.history.undo_label == "Outer"
    doc.undo()
    assert doc.plan == start and not doc.history.can_undo


def test_undo_is_refused_in_the_middle_of_a_stroke():
    doc = Document(initial_plan())
    doc.edit("Paint", edits.paint, "zone-1", [1])
    with doc.macro("Stroke"):
        doc.edit("Paint", edits.paint, "zone-1", [2])
        with pytest.raises(RuntimeError):
            doc.history.undo()
    assert 2 in doc.plan.zone("zone-1").faces


@pytest.mark.parametrize("depth", [1, 3, 7])
def test_max_depth_bounds_undo(depth):
    start = initial_plan()
    history = History(start, max_depth=depth)
    plans = [start]
    for k in range(depth + 5):
        history.apply(f"Paint {k}", edits.paint(history.plan, "zone-1", [3000 + k]))
        plans.append(history.plan)
    undone = 0
    while history.can_undo:
        history.undo()
        undone += 1
    assert undone == depth
    assert history.plan == plans[-1 - depth]  # the oldest steps were dropped, the newest kept
    with pytest.raises(IndexError):
        history.undo()
    for _ in range(depth):
        history.redo()
    assert history.plan == plans[-1]


def test_max_depth_must_be_positive():
    with pytest.raises(ValueError):
        History(initial_plan(), max_depth=0)


def test_change_events_name_the_right_zone_and_point():
    doc = Document(initial_plan())
    events: list[Change] = []
    doc.changed.connect(events.append)

    zone = Zone("zone-3", "Neck", "#009e73", faces=[10, 11])
    doc.edit("Add zone", edits.add_zone, zone)
    assert events[-1] == Change(zones_added=("zone-3",))
    doc.edit("Paint", edits.paint, "zone-2", [3, 4])
    assert events[-1] == Change(zones_changed=("zone-2",), zone_faces_changed=("zone-2",))
    doc.edit("Rename", edits.update_zone, "zone-1", name="Thigh")
    assert events[-1] == Change(zones_changed=("zone-1",))  # the faces did not change: no mesh update
    doc.edit("Params", edits.set_zone_params, "zone-3", TreatmentParams(technique="IED", depth_mm=0.5))
    assert events[-1] == Change(zones_changed=("zone-3",))
    doc.edit("Move", edits.move_zone, "zone-3", 0)
    assert events[-1] == Change(zone_order_changed=True)
    doc.edit("Remove", edits.remove_zone, "zone-1")
    assert events[-1] == Change(zones_removed=("zone-1",))
    doc.edit("Add point", edits.add_point, ReflexPoint("pt-2", "LI4", "Hegu", 7, (1.0, 0.0, 0.0)))
    assert events[-1] == Change(points_added=("pt-2",))
    doc.edit("Move point", edits.update_point, "pt-1", face=8, barycentric=(0.5, 0.5, 0.0))
    assert events[-1] == Change(points_changed=("pt-1",))
    doc.edit("Remove point", edits.remove_point, "pt-2")
    assert events[-1] == Change(points_removed=("pt-2",))
    doc.edit("Header", edits.set_header, replace(doc.plan.header, clinician="Dr Z"))
    assert events[-1] == Change(header_changed=True)

    doc.undo()  # header back
    assert events[-1] == Change(header_changed=True)
    doc.undo()  # pt-2 back
    assert events[-1] == Change(points_added=("pt-2",))
    doc.undo()  # pt-1 moved back
    assert events[-1] == Change(points_changed=("pt-1",))
    doc.undo()
    doc.undo()  # zone-1 restored
    assert events[-1] == Change(zones_removed=(), zones_added=("zone-1",))
    doc.undo()  # order back
    assert events[-1].zone_order_changed
    n = len(events)
    assert not doc.edit("Paint", edits.paint, "zone-2", [3])  # already painted: no step, no event
    assert len(events) == n


def test_dirty_follows_the_saved_state(tmp_path):
    path = Path(tmp_path) / "plan.mesomap.json"
    doc = Document(initial_plan())
    assert not doc.dirty
    doc.edit("Paint", edits.paint, "zone-1", [1])
    assert doc.dirty
    doc.mark_saved(path)
    assert not doc.dirty and doc.path == path
    doc.edit("Paint", edits.paint, "zone-1", [2])
    assert doc.dirty
    doc.undo()  # back to what is on disk
    assert not doc.dirty
    doc.undo()  # before the save
    assert doc.dirty
    doc.redo()
    assert not doc.dirty
    doc.redo()
    assert doc.dirty


def test_replace_starts_a_new_history():
    doc = Document(initial_plan())
    doc.edit("Paint", edits.paint, "zone-1", [1])
    other = Plan(body=BODY, header=Header(date="2026-03-03"))
    events: list[Change] = []
    doc.changed.connect(events.append)
    doc.replace(other, path=None, saved=True)
    assert events[-1] == Change(reset=True)
    assert not doc.history.can_undo and not doc.dirty
    assert doc.plan == other
