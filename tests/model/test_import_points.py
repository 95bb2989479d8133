"""Imported positions land on the skin (nearest point, exact), far ones are refused by name, one undo step."""

from __future__ import annotations

import numpy as np
import pytest

from mesomap.geometry.layout_mesh import closest_points_on_triangles
from mesomap.io.import_markups import MarkupPoint
from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_file import body_ref, plan_from_dict, plan_to_dict
from mesomap.model.document import Document
from mesomap.model.import_points import (
    PointsTooFar,
    add_points,
    import_label,
    import_points,
    prepare_import,
    snap_to_skin,
)
from mesomap.model.plan import Plan, ReflexPoint


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


@pytest.fixture(scope="module")
def skin(surface):
    """40 random skin points: (faces, barycentrics, positions, unit normals)."""
    rng = np.random.default_rng(7)
    faces = rng.integers(0, surface.n_faces, 40)
    barys = rng.dirichlet([1.0, 1.0, 1.0], 40)
    frames = [surface.point_on_face(int(f), b) for f, b in zip(faces, barys)]
    return faces, barys, np.array([p for p, _ in frames]), np.array([n for _, n in frames])


def item(label, pos, description="", group="F"):
    return MarkupPoint(label, tuple(float(c) for c in pos), description, group)


def test_points_on_the_skin_stay_where_they_are(surface, skin):
    _, _, pos, _ = skin
    faces, barys, dist = snap_to_skin(surface, pos)
    got = np.array([surface.point_on_face(int(f), b)[0] for f, b in zip(faces, barys)])
    assert np.abs(got - pos).max() < 1e-6 and dist.max() < 1e-6


def test_points_off_the_skin_snap_back_onto_it_within_a_hundredth_of_a_mm(surface, skin):
    _, _, pos, normals = skin
    rng = np.random.default_rng(11)
    off = pos + normals * rng.uniform(-4.0, 8.0, (len(pos), 1))  # outside and a little inside the body
    faces, barys, dist = snap_to_skin(surface, off)
    snapped = np.array([surface.point_on_face(int(f), b)[0] for f, b in zip(faces, barys)])
    assert np.allclose(np.linalg.norm(snapped - off, axis=1), dist)
    # the nearest point over every triangle of the body (brute force) is where we went
    tris = surface.mesh.triangles
    for q, s, d in zip(off[:8], snapped[:8], dist[:8]):
        on, _ = closest_points_on_triangles(q, tris[:, 0], tris[:, 1], tris[:, 2])
        nearest = np.linalg.norm(on - q, axis=1).min()
        assert d == pytest.approx(nearest, abs=1e-9)
    # on the skin: its own nearest skin point is itself
    again = snap_to_skin(surface, snapped)[2]
    assert again.max() < 0.01


def test_a_point_lifted_off_its_face_comes_back_to_it(surface, skin):
    """1 mm along the face's own normal: the nearest skin is the point it was lifted from (within 0.01 mm),
    unless a fold of the skin nearby is nearer still."""
    faces, _, pos, _ = skin
    tri = surface.mesh.triangles[faces]
    n = np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0])
    n /= np.linalg.norm(n, axis=1, keepdims=True)
    f, b, dist = snap_to_skin(surface, pos + n)
    snapped = np.array([surface.point_on_face(int(ff), bb)[0] for ff, bb in zip(f, b)])
    back = np.linalg.norm(snapped - pos, axis=1) < 0.01
    assert back.mean() >= 0.8, back.mean()
    assert np.allclose(dist[back], 1.0, atol=1e-6) and (dist <= 1.0 + 1e-9).all()


def test_prepare_import_makes_reflex_points_with_label_group_and_notes(surface, skin):
    _, _, pos, normals = skin
    plan = Plan(body=body_ref(surface), points=(ReflexPoint("pt-1", "ST36", "Zusanli", 5, (1.0, 0.0, 0.0)),))
    items = [item("A", pos[0] + 2 * normals[0], "first", "Acupoints"), item("B", pos[1]), item("C", [0, 0, 3000])]
    result = prepare_import(plan, surface, items, max_distance_mm=10.0)
    assert [p.code for p in result.points] == ["A", "B"]
    assert [p.id for p in result.points] == ["pt-2", "pt-3"]  # fresh for the plan
    a = result.points[0]
    assert (a.name, a.notes) == ("Acupoints", "first")
    assert (a.depth_mm, a.volume_ml, a.angle_deg) == (4.0, 0.1, 90.0)  # the reflex point defaults
    assert a.side == ("right" if pos[0][0] > 3 else "left" if pos[0][0] < -3 else "midline")
    assert result.distances_mm[0] == pytest.approx(2.0, abs=0.05) and result.distances_mm[1] < 1e-6
    assert result.largest_snap_mm == result.distances_mm[0]
    (far,) = result.far
    assert far.label == "C" and far.distance_mm > 1000 and far.position_mm == (0.0, 0.0, 3000.0)


def test_sides_follow_x_in_ras(surface):
    left = surface.pick(np.array([-60.0, 2000, 1100]), np.array([0.0, -1, 0])).point_mm  # patient's left: -x
    right = surface.pick(np.array([60.0, 2000, 1100]), np.array([0.0, -1, 0])).point_mm
    mid = surface.pick(np.array([0.0, 2000, 1100]), np.array([0.0, -1, 0])).point_mm
    result = prepare_import(Plan(body=body_ref(surface)), surface, [item("L", left), item("R", right), item("M", mid)])
    assert [p.side for p in result.points] == ["left", "right", "midline"]


def test_far_points_are_refused_with_label_and_distance_not_dropped(surface, skin):
    _, _, pos, normals = skin
    plan = Plan(body=body_ref(surface))
    items = [item("near", pos[0] + 3 * normals[0]), item("far-1", pos[1] + 25 * normals[1]),
             item("far-2", pos[2] + 12 * normals[2])]
    with pytest.raises(PointsTooFar) as err:
        import_points(plan, surface, items, max_distance_mm=10.0)
    assert [f.label for f in err.value.result.far] == ["far-1", "far-2"]
    text = str(err.value)
    assert text.startswith("2 points are farther than 10 mm from the skin: far-1 (2")
    assert "far-2 (1" in text and " mm)" in text
    # the caller may allow more
    new_plan, result = import_points(plan, surface, items, max_distance_mm=30.0)
    assert [p.code for p in new_plan.points] == ["near", "far-1", "far-2"] and not result.far
    assert result.distances_mm[1] == pytest.approx(25.0, abs=1.0)
    # or no limit at all
    assert len(prepare_import(plan, surface, items, max_distance_mm=None).points) == 3
    with pytest.raises(ValueError, match="0 mm or more"):
        prepare_import(plan, surface, items, max_distance_mm=-1.0)


def test_the_far_message_lists_a_few_then_counts():
    from mesomap.model.import_points import FarPoint, PointImport

    result = PointImport((), (), tuple(FarPoint(f"P{i}", 10.0 + i, (0.0, 0.0, 0.0)) for i in range(11)), 10.0)
    assert result.far_message(limit=3) == ("11 points are farther than 10 mm from the skin: "
                                           "P0 (10.0 mm), P1 (11.0 mm), P2 (12.0 mm) and 8 more")
    one = PointImport((), (), (FarPoint("X", 12.34, (0.0, 0.0, 0.0)),), 5.0)
    assert one.far_message() == "1 point is farther than 5 mm from the skin: X (12.3 mm)"


def test_the_whole_import_is_one_undo_step(surface, skin):
    _, _, pos, normals = skin
    doc = Document(Plan(body=body_ref(surface)))
    doc.edit("Add point", lambda p: add_points(p, [ReflexPoint("pt-1", "GV20", "Baihui", 9, (0.2, 0.3, 0.5))]))
    before = doc.plan
    changes = []
    doc.changed.connect(changes.append)
    result = prepare_import(doc.plan, surface, [item(f"I{i}", pos[i] + normals[i]) for i in range(6)])
    assert doc.edit(import_label(result), add_points, result.points)
    assert [p.code for p in doc.plan.points] == ["GV20", "I0", "I1", "I2", "I3", "I4", "I5"]
    assert changes[-1].points_added == tuple(p.id for p in result.points)
    assert str(doc.history.undo_label) == "Import 6 reflex points"
    doc.undo()
    assert doc.plan == before and [p.code for p in doc.plan.points] == ["GV20"]
    doc.redo()
    assert len(doc.plan.points) == 7
    assert str(import_label(prepare_import(doc.plan, surface, [item("x", pos[0])]))) == "Import 1 reflex point"


def test_add_points_refuses_ids_in_use_and_invalid_points(surface):
    plan = Plan(body=body_ref(surface), points=(ReflexPoint("pt-1", "A", "a", 0, (1.0, 0.0, 0.0)),))
    with pytest.raises(ValueError, match="'pt-1' exists already"):
        add_points(plan, [ReflexPoint("pt-1", "B", "b", 0, (1.0, 0.0, 0.0))])
    with pytest.raises(ValueError, match="'pt-2' exists already"):
        add_points(plan, [ReflexPoint("pt-2", "B", "b", 0, (1.0, 0.0, 0.0))] * 2)
    with pytest.raises(ValueError, match="point B: barycentric"):
        add_points(plan, [ReflexPoint("pt-2", "B", "b", 0, (0.5, 0.0, 0.0))])
    assert add_points(plan, []) is plan


def test_imported_points_survive_a_save_and_load(surface, skin):
    _, _, pos, normals = skin
    plan, _ = import_points(Plan(body=body_ref(surface)), surface,
                            [item("Ä ü 1", pos[3] + normals[3], "note\nline 2", "Liste")])
    again = plan_from_dict(plan_to_dict(plan, surface), surface=surface)
    assert again.points == plan.points
