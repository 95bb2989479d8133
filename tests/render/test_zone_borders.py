"""Zone borders on screen are smooth curves lying on the skin, not the staircase of triangle edges."""

from __future__ import annotations

import numpy as np
import pyvista as pv
import pytest

from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_builder import new_plan
from mesomap.io.templates import load_templates
from mesomap.render.overlays import zone_boundary, zone_outline
from mesomap.render.scene import body_polydata
from mesomap.render.zone_mesh import smooth_zone


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


@pytest.fixture(scope="module")
def plan(surface):
    return new_plan(surface, load_templates(), ["forehead", "cheek_left", "knee_left", "abdomen", "perioral"], [])


def turning_angles_deg(lines: pv.PolyData) -> np.ndarray:
    """Absolute turning angle (degrees) at every inner vertex of the polylines ``lines`` is made of."""
    strips = lines.strip(join=True, max_length=100000)
    out = []
    for cell in range(strips.n_cells):
        p = strips.get_cell(cell).points
        d = np.diff(p, axis=0)
        d = d[np.linalg.norm(d, axis=1) > 1e-6]
        d /= np.linalg.norm(d, axis=1, keepdims=True)
        out.append(np.degrees(np.arccos(np.clip((d[1:] * d[:-1]).sum(axis=1), -1, 1))))
    return np.concatenate(out)


def raw_border(surface, faces) -> pv.PolyData:
    pairs = zone_boundary(surface, faces)
    return pv.PolyData(surface.mesh.vertices, lines=np.hstack([np.full((len(pairs), 1), 2), pairs]).ravel())


@pytest.mark.parametrize("index", range(5))
def test_the_drawn_border_turns_far_less_than_the_triangle_edges(surface, plan, index):
    zone = plan.zones[index]
    smooth = turning_angles_deg(zone_outline(surface, zone.faces))
    raw = turning_angles_deg(raw_border(surface, zone.faces))
    # the staircase's teeth are its sharp turns: the worst tenth of the turns tells them apart
    assert np.percentile(smooth, 90) < 0.25 * np.percentile(raw, 90), (zone.name, np.percentile(smooth, 90))
    assert np.median(smooth) < np.median(raw) and np.median(smooth) < 8.0, (zone.name, np.median(smooth))


@pytest.mark.parametrize("index", range(5))
def test_the_drawn_border_and_zone_lie_on_the_skin(surface, plan, index):
    zone = plan.zones[index]
    body = body_polydata(surface.mesh)
    outline = zone_outline(surface, zone.faces).compute_implicit_distance(body)
    assert np.abs(outline["implicit_distance"]).max() < 1.0
    cut, _ = smooth_zone(surface, zone.faces)
    area = float(surface.mesh.face_areas[zone.faces].sum())
    drawn = cut.compute_cell_sizes()["Area"].sum()
    assert drawn == pytest.approx(area, rel=0.15)  # the same zone, its staircase cut off
    assert np.abs(cut.compute_implicit_distance(body)["implicit_distance"]).max() < 1.0
