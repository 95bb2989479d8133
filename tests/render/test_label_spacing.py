"""Order numbers on the printed sheet never touch: "10" beside "20" must not read "1020".

The pixel positions are checked against VTK's own projection (where the numbers are really drawn),
and the abdomen close-up of a real plan — where rows turn and two numbers met — keeps every zone's
first and last number and no two label boxes overlapping.
"""

from __future__ import annotations

import numpy as np
import pytest

from mesomap.render.camera import camera_for, frame_points
from mesomap.render.label_spacing import label_boxes, project_px, spaced_labels
from mesomap.render.offscreen import offscreen_plotter
from mesomap.render.overlays import NUMBER_EVERY
from mesomap.render.scene import apply_camera


@pytest.fixture(scope="module")
def female_surface():
    from mesomap.io.meshes import load_painting_surface

    return load_painting_surface("female")


@pytest.fixture(scope="module")
def templates():
    from mesomap.io.templates import load_templates

    return load_templates()


def overlaps(boxes: np.ndarray) -> list[tuple[int, int]]:
    pairs = []
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            a, b = boxes[i], boxes[j]
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                pairs.append((i, j))
    return pairs


def test_pixel_positions_agree_with_vtks_projection(female_surface):
    size = (600, 450)
    pose = camera_for(female_surface.coarse, "left", aspect=size[0] / size[1])
    pts = female_surface.coarse.vertices[:: 997]
    with offscreen_plotter(size) as plotter:
        apply_camera(plotter, pose)
        ren = plotter.renderer
        expected = []
        for p in pts:
            ren.SetWorldPoint(*p, 1.0)
            ren.WorldToDisplay()
            x, y, _ = ren.GetDisplayPoint()
            expected.append((x, size[1] - y))  # VTK's display y goes up
    got = project_px(pts, pose, size)
    assert np.abs(got - np.array(expected)).max() < 0.5  # px


def test_labels_that_would_touch_are_dropped_the_ends_kept_first():
    # "10" and "20" side by side (as on the abdomen's close-up), "1" and "31" far away.
    xy = np.array([[100.0, 100.0], [110.0, 100.0], [300.0, 300.0], [500.0, 100.0]])
    texts = ["10", "20", "1", "31"]
    boxes = label_boxes(xy, texts, font_px=20)
    assert overlaps(boxes) == [(0, 1)]
    keep = spaced_labels(boxes, np.array([0, 0, 1, 1]))
    assert keep.tolist() == [True, False, True, True]  # the earlier of the two stays
    keep = spaced_labels(boxes, np.array([0, 1, 1, 1]))  # "20" is a zone's last: it wins
    assert keep.tolist() == [False, True, True, True]


@pytest.fixture
def abdomen_plan(female_surface, templates):
    from mesomap.io.plan_builder import new_plan
    from mesomap.model.grid import grid_plan

    return grid_plan(new_plan(female_surface, templates, ["abdomen", "flank_left", "flank_right"], []),
                     female_surface)


def test_the_sheets_abdomen_close_up_numbers_never_overlap(abdomen_plan, female_surface):
    from mesomap.render.overlays import GridGlyphs
    from mesomap.render.sheet import ORDER_CONTEXT_MM, ORDER_PER_ROW, ORDER_VIEW_SIZE, number_font_px, zone_views

    name, view, focus = next(z for z in zone_views(abdomen_plan, female_surface) if z[0] == "Abdomen")
    size = ORDER_VIEW_SIZE
    pose = frame_points(focus, view, size[0] / size[1], margin=1.15, min_height_mm=ORDER_CONTEXT_MM)
    font = number_font_px(size[0], ORDER_PER_ROW)
    with offscreen_plotter(size) as plotter:
        grid = GridGlyphs(plotter, female_surface)
        grid.numbers, grid.number_font_size = True, font
        grid.number_pose = (pose, size)
        grid.show_plan(abdomen_plan)
        assert grid.shown_numbers
        shown = [t for t, _ in grid.shown_numbers]
        positions = np.array([p for _, p in grid.shown_numbers])
    boxes = label_boxes(project_px(positions, pose, size), shown, font)
    assert overlaps(boxes) == []
    # Every zone's first and last injection keeps its number; the tenths are there unless they would touch.
    n, ends = 0, set()
    for zone in abdomen_plan.zones:
        ends |= {str(n + 1), str(n + len(zone.injections))}
        n += len(zone.injections)
    assert ends <= set(shown)
    abdomen = next(z for z in abdomen_plan.zones if z.name == "Abdomen")
    first = 1 + sum(len(z.injections) for z in abdomen_plan.zones[: abdomen_plan.zones.index(abdomen)])
    tenths = {k for k in range(first, first + len(abdomen.injections)) if k % NUMBER_EVERY == 0}
    # the zone looked at keeps a tenth unless it would touch a number kept (which of them touch depends on where
    # the flanks' first and last numbers land: 19 of 31 kept, then 18 when a flank's grid changed by 4 points)
    kept_boxes = label_boxes(project_px(positions, pose, size), shown, font)
    for k in sorted(tenths - {int(t) for t in shown}):
        q = abdomen.injections[k - first]
        pos, normal = female_surface.point_on_face(q.face, q.barycentric)
        box = label_boxes(project_px((pos + 2.0 * normal)[None], pose, size), [str(k)], font)[0]
        touching = ((kept_boxes[:, 0] < box[2]) & (box[0] < kept_boxes[:, 2]) & (kept_boxes[:, 1] < box[3])
                    & (box[1] < kept_boxes[:, 3]))
        assert touching.any(), f"number {k} was dropped with no kept number in its way"
    assert len(tenths & {int(t) for t in shown}) > len(tenths) / 2
