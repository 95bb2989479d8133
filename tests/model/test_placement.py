"""Every zone injection must lie on its zone: the check that keeps a moved injection from the gun."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from mesomap.io.exports import MISPLACED, ExportError, check_exportable
from mesomap.model.placement import ZONE_BORDER_TOLERANCE_MM, misplaced_injections
from mesomap.model.plan import InjectionPoint
from tests.io.test_device_helpers import gridded_plan, surface


def _moved(plan, zone_index: int, order: int, face: int, bary=(1 / 3, 1 / 3, 1 / 3)):
    """``plan`` with injection ``order`` (1-based) of a zone moved onto ``face``, as an edit in the file would."""
    z = plan.zones[zone_index]
    moved = list(z.injections)
    moved[order - 1] = InjectionPoint(face, tuple(bary), moved[order - 1].pinned)
    return dataclasses.replace(plan, zones=tuple(dataclasses.replace(zz, injections=tuple(moved)) if zz is z else zz
                                                 for zz in plan.zones))


def test_a_laid_out_plan_has_every_injection_on_its_zone():
    assert misplaced_injections(gridded_plan(), surface()) == ()


def test_an_injection_moved_onto_another_zone_is_found_with_its_distance():
    plan = gridded_plan()
    knee, forehead = plan.zones
    moved = _moved(plan, 1, 5, int(knee.faces[0]))  # a forehead injection put on the knee
    found = misplaced_injections(moved, surface())
    assert len(found) == 1
    m = found[0]
    assert (m.zone_id, m.zone_name, m.order, m.face) == (forehead.id, forehead.name, 5, int(knee.faces[0]))
    assert 900 < m.distance_mm < 1400  # knee to forehead, measured on the body
    assert "injection 5" in m.describe() and forehead.name in m.describe() and "mm outside" in m.describe()


def test_distance_is_to_the_nearest_face_of_the_zone():
    s = surface()
    plan = gridded_plan()
    knee = plan.zones[0]
    inside = np.zeros(s.n_faces, dtype=bool)
    inside[knee.faces] = True
    # a face that shares a corner with the zone but is not in it: within one edge of the border
    corners = np.unique(s.mesh.faces[knee.faces])
    touching = np.flatnonzero(np.isin(s.mesh.faces, corners).any(axis=1) & ~inside)
    face = int(touching[0])
    shared = np.isin(s.mesh.faces[face], corners)
    bary = np.where(shared, 1.0, 0.0) / shared.sum()  # on the shared corner(s): on the border itself
    assert misplaced_injections(_moved(plan, 0, 1, face, bary), s) == ()
    far = np.where(shared, 0.0, 1.0) / (~shared).sum()  # the far corner(s) of that face
    pos, _ = s.points_on_faces([face], [far])
    expected = float(s.distances_to_faces(pos, knee.faces)[0])
    found = misplaced_injections(_moved(plan, 0, 1, face, far), s)
    if expected > ZONE_BORDER_TOLERANCE_MM:
        assert len(found) == 1 and found[0].distance_mm == pytest.approx(expected)
        # the exact distance: no zone corner is nearer than the reported one
        assert np.linalg.norm(s.mesh.vertices[corners] - pos[0], axis=1).min() >= expected - 1e-9
    else:
        assert found == ()


def test_export_refuses_and_lists_every_offender():
    plan = gridded_plan()
    knee = plan.zones[0]
    moved = _moved(_moved(plan, 1, 5, int(knee.faces[0])), 1, 9, int(knee.faces[-1]))
    with pytest.raises(ExportError) as err:
        check_exportable(moved, surface())
    assert err.value.kind == MISPLACED
    assert [m.order for m in err.value.misplaced] == [5, 9]
    assert "2 injections lie outside their zones" in str(err.value) and "injection 5" in str(err.value)


def test_a_grid_left_on_faces_removed_from_the_zone_is_refused():
    """Erasing part of a zone keeps the old grid only as stale; even a grid made current by hand must be on the zone."""
    plan = gridded_plan()
    knee = plan.zones[0]
    kept = knee.faces[: len(knee.faces) // 4]
    z = dataclasses.replace(plan.zones[0], faces=kept)
    z = dataclasses.replace(z, grid_source=z.layout_fingerprint())  # claims to be current
    plan = dataclasses.replace(plan, zones=(z, *plan.zones[1:]))
    found = misplaced_injections(plan, surface())
    assert len(found) > 0 and all(m.zone_id == knee.id for m in found)
