"""A plan's injection grids are one mesh on screen (issue 18: frames stay fast with thousands of injections),
and still look as they did: a disc in the colour of its depth, ringed by a dark rim, lying on the skin."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from mesomap.render.offscreen import offscreen_plotter


@pytest.fixture(scope="module")
def female_surface():
    from mesomap.io.meshes import load_painting_surface

    return load_painting_surface("female")


def planned(surface, zone_ids, per_zone: int, seed: int = 0):
    """A plan of template zones, each with ``per_zone`` injections on its faces (current grids, not stale)."""
    from mesomap.io.plan_builder import new_plan
    from mesomap.io.templates import load_templates
    from mesomap.model.plan import InjectionPoint

    rng = np.random.default_rng(seed)
    plan = new_plan(surface, load_templates(), zone_ids)
    zones = []
    for zone in plan.zones:
        faces = rng.choice(np.asarray(zone.faces), size=per_zone)
        zone = replace(zone, injections=tuple(InjectionPoint(int(f), (1 / 3, 1 / 3, 1 / 3)) for f in faces))
        zones.append(replace(zone, grid_source=zone.layout_fingerprint()))
    return replace(plan, zones=tuple(zones))


def grid_actors(plotter) -> list[str]:
    return sorted(name for name in plotter.renderer.actors if name.startswith("grid:"))


def test_every_grid_of_a_plan_is_one_actor_whatever_its_size(female_surface):
    from mesomap.render.grid_glyphs import DISCS_ACTOR, STALE_RGB, GridGlyphs

    zones = ["abdomen", "flank_left", "flank_right"]
    with offscreen_plotter((400, 400)) as plotter:
        grid = GridGlyphs(plotter, female_surface)
        for per_zone in (10, 400):
            plan = planned(female_surface, zones, per_zone)
            grid.show_plan(plan)
            assert grid.shown == {z.id for z in plan.zones}
            assert grid_actors(plotter) == [DISCS_ACTOR], per_zone  # not one per zone, nor per point
            drawn = plotter.renderer.actors[DISCS_ACTOR].mapper.GetInput()
            assert drawn.GetNumberOfCells() == 3 * per_zone * (drawn.GetNumberOfCells() // (3 * per_zone))
        # a stale grid is a pale ghost of its own; the others stay in the one mesh
        stale = replace(plan.zones[1], grid_source="changed")
        grid.show_zone(stale, stale=True)
        assert grid_actors(plotter) == [DISCS_ACTOR, f"grid:{stale.id}"]
        assert np.allclose(plotter.renderer.actors[f"grid:{stale.id}"].prop.color.float_rgb, STALE_RGB, atol=0.01)
        with grid.batch():
            for zone in plan.zones:
                grid.remove_zone(zone.id)
        assert grid_actors(plotter) == [] and grid.shown == set()


def test_a_disc_shows_its_depth_colour_inside_a_dark_rim_on_the_skin(female_surface):
    """Looked at face on: the centre of each disc in its zone's depth colour (deep darker than shallow), the rim
    dark, both on the skin side the normal points from."""
    from mesomap.render.camera import CameraPose
    from mesomap.render.grid_glyphs import RIM_DEPTH, GridGlyphs, disc_glyphs
    from mesomap.render.scene import apply_camera

    centre, normal = np.array([0.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0])
    points, triangles, depth = disc_glyphs(centre[None], normal[None], radius_mm=2.0, depth_mm=4.0)
    assert triangles.max() < len(points) and set(np.unique(depth)) == {4.0, RIM_DEPTH}
    along = points @ normal
    disc, rim = points[depth == 4.0], points[depth == RIM_DEPTH]
    assert np.isclose((disc @ normal).max(), 0.3) and np.isclose(np.linalg.norm(disc - np.outer(disc @ normal, normal), axis=1).max(), 2.0)
    assert np.isclose(np.linalg.norm(rim - np.outer(rim @ normal, normal), axis=1).max(), 2.7)
    assert along.min() > -0.45  # nothing sinks more than the rim's thickness below the disc's centre

    plan = planned(female_surface, ["abdomen", "forehead"], 30, seed=2)
    plan = replace(plan, zones=(replace(plan.zones[0], params=replace(plan.zones[0].params, depth_mm=1.0)),
                                replace(plan.zones[1], params=replace(plan.zones[1].params, depth_mm=6.0))))
    colours = {}
    with offscreen_plotter((300, 300)) as plotter:
        plotter.set_background((0.0, 0.3, 0.0))
        grid = GridGlyphs(plotter, female_surface)
        grid.legend = False
        grid.show_plan(plan)
        for zone in plan.zones:
            q = zone.injections[0]
            pos, n = female_surface.point_on_face(q.face, q.barycentric)
            radius = min(max(0.22 * zone.params.spacing_mm, 1.0), 4.0)
            apply_camera(plotter, CameraPose(tuple(pos + 40 * n), tuple(pos), _up(n), 30.0))
            plotter.render()
            img = np.asarray(plotter.screenshot(return_img=True))[..., :3].astype(int)
            h, w = img.shape[:2]
            px_per_mm = h / (2 * 40 * np.tan(np.radians(15)))
            ring = int(round(1.17 * radius * px_per_mm))
            colours[zone.id] = (img[h // 2, w // 2], img[h // 2, w // 2 + ring])
    (shallow, shallow_rim), (deep, deep_rim) = colours[plan.zones[0].id], colours[plan.zones[1].id]
    assert shallow.sum() > deep.sum() + 60, (shallow, deep)  # depth colour: shallow light, deep dark
    assert abs(int(shallow[0]) - int(shallow[1])) < 40 and abs(int(deep[0]) - int(deep[1])) < 40  # grey, not the green
    for rim in (shallow_rim, deep_rim):
        assert rim.sum() < 120, rim  # the dark rim round each disc


def _up(normal) -> tuple[float, float, float]:
    up = np.array([0.0, 0.0, 1.0])
    return tuple(up if abs(np.dot(up, normal)) < 0.9 else np.array([0.0, 1.0, 0.0]))
