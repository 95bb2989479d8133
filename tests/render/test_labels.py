"""Labels on the body for a room: an anchor the body hides gets no label, and no two labels overlap
(the pure layout; the drawn labels are checked in tests/ui/test_presentation.py)."""

from __future__ import annotations

import numpy as np
import pytest

from mesomap.io.plan_builder import new_plan
from mesomap.io.templates import load_templates
from mesomap.render.labels import anchors_visible, boxes_overlap, leader_end, place_labels, plan_labels
from tests.teach.quiz_plans import surface as female_surface

FRONT_CAMERA = np.array([0.0, 3000.0, 1000.0])  # in front of the body (+y anterior), at chest height


@pytest.fixture(scope="module")
def surface():
    return female_surface()


def test_an_anchor_on_the_back_is_hidden_from_the_front(surface):
    plan = new_plan(surface, load_templates(), ["abdomen", "spine_lumbar", "knee_left"])
    labels = {lb.key.split(":")[1]: lb for lb in plan_labels(surface, plan, camera_mm=FRONT_CAMERA)}
    by_template = {z.template: z.id for z in plan.zones}
    anchors = np.array([labels[by_template[t]].anchor_mm for t in ("abdomen", "spine_lumbar", "knee_left")])
    assert anchors_visible(surface, FRONT_CAMERA, anchors).tolist() == [True, False, True]
    back_camera = FRONT_CAMERA * np.array([1.0, -1.0, 1.0])
    back = plan_labels(surface, plan, camera_mm=back_camera)
    spine = next(lb for lb in back if lb.key == f"zone:{by_template['spine_lumbar']}")
    assert anchors_visible(surface, back_camera, spine.anchor_mm[None])[0]


def test_a_zone_round_the_side_is_anchored_where_the_camera_sees_it(surface):
    plan = new_plan(surface, load_templates(), ["flank_left"])
    for camera in (FRONT_CAMERA, FRONT_CAMERA * np.array([1.0, -1.0, 1.0])):
        anchor = plan_labels(surface, plan, camera_mm=camera)[0].anchor_mm
        assert anchors_visible(surface, camera, anchor[None])[0]


@pytest.mark.parametrize("seed", range(20))
def test_label_boxes_never_overlap(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 30))
    anchors = np.c_[rng.uniform(600, 1300, n), rng.uniform(100, 1000, n)]
    anchors[: n // 3, 1] = anchors[0, 1] + rng.uniform(-5, 5, n // 3)  # several at the same height
    sizes = np.c_[rng.uniform(40, 320, n), np.full(n, 26.0)]
    boxes = place_labels(anchors, sizes, centre_x=960.0, view_height=1080.0)
    assert not boxes_overlap(boxes)
    np.testing.assert_allclose(boxes[:, 2] - boxes[:, 0], sizes[:, 0])
    left = anchors[:, 0] < 960.0
    assert (boxes[left, 2] <= anchors[left, 0]).all() and (boxes[~left, 0] >= anchors[~left, 0]).all()
    assert (boxes[:, 1] >= 0).all() and (boxes[:, 3] <= 1080).all()  # 30 labels of 26 px fit in 1080 px
    for box, anchor in zip(boxes, anchors):  # each leader ends on its own box's side
        end = leader_end(box, anchor)
        assert end[0] in (box[0], box[2]) and box[1] <= end[1] <= box[3]


def test_overlapping_boxes_are_seen():
    assert boxes_overlap([[0, 0, 10, 10], [5, 5, 15, 15]])
    assert not boxes_overlap([[0, 0, 10, 10], [10, 0, 20, 10]])


def test_long_labels_in_a_narrow_view_stay_inside_it_and_apart():
    # a French or Russian zone name is wider than the room between its anchor and the window's edge
    anchors = np.array([[150.0, 300.0], [160.0, 320.0], [900.0, 300.0], [560.0, 310.0]])
    sizes = np.array([[420.0, 30.0], [380.0, 30.0], [400.0, 30.0], [200.0, 30.0]])
    boxes = place_labels(anchors, sizes, centre_x=550.0, view_height=800.0, view_width=1100.0)
    assert boxes[:, 0].min() >= 0 and boxes[:, 2].max() <= 1100
    assert np.allclose(boxes[:, 2] - boxes[:, 0], sizes[:, 0])  # nothing cut, only moved
    assert not boxes_overlap(boxes)
    unclamped = place_labels(anchors, sizes, centre_x=550.0, view_height=800.0)
    assert unclamped[:, 0].min() < 0 or unclamped[:, 2].max() > 1100  # the case the window used to clip
