"""Zone and point labels on the body, with leader lines, for a room to read: never drawn for what the body
hides, never overlapping each other.

Three pure steps, then the actors:

1. :func:`zone_anchor` / anchors: one skin point per label (a zone's face nearest its centre; a point itself);
2. :func:`anchors_visible`: a ray from the camera to each anchor must not meet the skin first (an anchor on the
   far side of the body gets no label);
3. :func:`place_labels`: boxes beside their anchors, left of the body's centre for anchors left of it and
   right for the others, sorted by height on screen and pushed apart so no two boxes meet.

:class:`LabelActors` draws the boxes (large white text on a dark box) and the leader lines in a
renderer's 2D overlay, in display pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyvista as pv
from vtkmodules.vtkRenderingCore import vtkActor2D, vtkPolyDataMapper2D, vtkTextActor

from mesomap.geometry.surface import PaintingSurface
from mesomap.model.plan import Plan
from mesomap.render.fonts import use_bundled_font
from mesomap.render.picking import world_to_display

#: An anchor is hidden when the skin meets the ray from the camera this much (mm) before it.
HIDDEN_TOLERANCE_MM = 3.0
#: Horizontal distance (px, at 100 %) from an anchor to its label, the gap between labels and the margin.
OFFSET_PX = 40.0
GAP_PX = 4.0
LABEL_FONT_PX = 20  # at 100 %
LABEL_TEXT_RGB = (1.0, 1.0, 1.0)
LABEL_BOX_RGB = (0.0, 0.0, 0.0)
LABEL_BOX_OPACITY = 0.8
LEADER_RGB = (1.0, 1.0, 1.0)


@dataclass(frozen=True)
class Label:
    """A text for a skin point: ``anchor_mm`` (3,), ``text``, ``key`` (``zone:<id>`` or ``point:<id>``)."""

    key: str
    text: str
    anchor_mm: np.ndarray


def zone_anchor(surface: PaintingSurface, faces: np.ndarray, camera_mm=None) -> np.ndarray:
    """(3,) mm: the centroid of the zone's face nearest to the area-weighted centre of its faces (on the skin).

    With ``camera_mm`` (3,), only the faces turned towards the camera count (when any are), so a zone that
    wraps round the body is labelled where the camera sees it."""
    f = np.asarray(faces, dtype=np.int64)
    centroids = surface.centroids[f]
    if camera_mm is not None:
        facing = np.einsum("ij,ij->i", surface.mesh.face_normals[f], np.asarray(camera_mm, dtype=float) - centroids) > 0
        if facing.any():
            f, centroids = f[facing], centroids[facing]
    areas = surface.mesh.face_areas[f]
    centre = (centroids * areas[:, None]).sum(axis=0) / max(float(areas.sum()), 1e-12)
    return centroids[int(np.argmin(np.linalg.norm(centroids - centre, axis=1)))]


def plan_labels(surface: PaintingSurface, plan: Plan, hidden=(), points: bool = True, camera_mm=None) -> list[Label]:
    """A label per shown zone that has faces (its name; anchored as :func:`zone_anchor` seen from ``camera_mm``)
    and, with ``points``, per reflex point (its code or name)."""
    out = [Label(f"zone:{z.id}", z.name, zone_anchor(surface, z.faces, camera_mm))
           for z in plan.zones if z.id not in hidden and len(z.faces)]
    if points and plan.points:
        pos, _ = surface.points_on_faces([p.face for p in plan.points], [p.barycentric for p in plan.points])
        out += [Label(f"point:{p.id}", p.code or p.name, pos[i]) for i, p in enumerate(plan.points)]
    return out


def anchors_visible(surface: PaintingSurface, camera_mm, anchors_mm, tolerance_mm: float = HIDDEN_TOLERANCE_MM) -> np.ndarray:
    """(n,) bool: the skin does not hide each anchor (n, 3) mm from a camera at ``camera_mm`` (3,) — a ray cast
    from the camera towards the anchor meets the skin no sooner than ``tolerance_mm`` before it."""
    cam = np.asarray(camera_mm, dtype=np.float64).reshape(3)
    pts = np.asarray(anchors_mm, dtype=np.float64).reshape(-1, 3)
    out = np.zeros(len(pts), dtype=bool)
    for i, p in enumerate(pts):
        along = p - cam
        distance = float(np.linalg.norm(along))
        if distance <= 0:
            continue
        hit = surface.pick(cam, along / distance)
        out[i] = hit is None or hit.distance_mm >= distance - tolerance_mm
    return out


def _stack(tops: np.ndarray, heights: np.ndarray, gap: float, low: float, high: float) -> np.ndarray:
    """Tops (k,) of boxes in one column, in the given order, pushed down then up so that consecutive boxes are
    ``gap`` apart, kept within [low, high] when they fit (y grows downwards)."""
    y = tops.astype(float).copy()
    for i in range(1, len(y)):
        y[i] = max(y[i], y[i - 1] + heights[i - 1] + gap)
    if len(y) and y[-1] + heights[-1] > high:
        y[-1] = high - heights[-1]
        for i in range(len(y) - 2, -1, -1):
            y[i] = min(y[i], y[i + 1] - heights[i] - gap)
    if len(y) and y[0] < low:  # more than fits: keep them apart below the top rather than overlapping
        y[0] = low
        for i in range(1, len(y)):
            y[i] = max(y[i], y[i - 1] + heights[i - 1] + gap)
    return y


def place_labels(anchors_xy, sizes, centre_x: float, view_height: float, offset: float = OFFSET_PX,
                 gap: float = GAP_PX, view_width: float | None = None, keep_clear=None) -> np.ndarray:
    """Boxes (n, 4) = (x0, y0, x1, y1) px for labels of ``sizes`` (n, 2) (width, height) px at ``anchors_xy``
    (n, 2) px on screen (y grows downwards), in a view ``view_height`` px high.

    Anchors left of ``centre_x`` (the body's middle on screen) get their label ``offset`` px to their left, the
    others to their right; each side's labels never reach past ``centre_x`` ∓ gap/2. On each side, labels sorted
    by their anchor's height are pushed apart vertically: no two boxes intersect. With ``view_width`` a label
    that would run past the view's left or right edge (a long name in a narrow window) is slid back inside it,
    and moved down below any label it would then cover. ``keep_clear`` (x0, y0, x1, y1) px, a box at the top of the
    view (the zones legend): a side whose labels would reach across it stacks them below it.
    """
    xy = np.asarray(anchors_xy, dtype=np.float64).reshape(-1, 2)
    wh = np.asarray(sizes, dtype=np.float64).reshape(-1, 2)
    boxes = np.zeros((len(xy), 4))
    left = xy[:, 0] < centre_x
    for side in (left, ~left):
        idx = np.flatnonzero(side)
        if not len(idx):
            continue
        idx = idx[np.argsort(xy[idx, 1], kind="stable")]
        w, h = wh[idx, 0], wh[idx, 1]
        if side is left:
            x1 = np.minimum(xy[idx, 0] - offset, centre_x - gap / 2)
            x0 = x1 - w
        else:
            x0 = np.maximum(xy[idx, 0] + offset, centre_x + gap / 2)
            x1 = x0 + w
        low = gap
        if keep_clear is not None and x0.min() < keep_clear[2] and x1.max() > keep_clear[0]:
            low = max(low, keep_clear[3] + gap)
        y0 = _stack(xy[idx, 1] - h / 2, h, gap, low, view_height - gap)
        boxes[idx] = np.c_[x0, y0, x1, y0 + h]
    if view_width is not None:
        boxes = _inside_width(boxes, float(view_width), gap)
    return boxes


def _inside_width(boxes: np.ndarray, view_width: float, gap: float) -> np.ndarray:
    """``boxes`` (n, 4) px slid horizontally into [gap, view_width - gap] (a box wider than that starts at
    ``gap``); a slid box that now covers another is moved down below it (y grows downwards)."""
    b = boxes.copy()
    w = b[:, 2] - b[:, 0]
    x0 = np.clip(b[:, 0], gap, np.maximum(view_width - gap - w, gap))
    slid = np.flatnonzero(x0 != b[:, 0])
    b[:, 0], b[:, 2] = x0, x0 + w
    for i in slid[np.argsort(b[slid, 1], kind="stable")]:
        others = np.delete(np.arange(len(b)), i)
        while True:
            hit = others[(b[others, 0] < b[i, 2]) & (b[i, 0] < b[others, 2])
                         & (b[others, 1] < b[i, 3]) & (b[i, 1] < b[others, 3])]
            if not len(hit):
                break
            h = b[i, 3] - b[i, 1]
            b[i, 1] = b[hit, 3].max() + gap
            b[i, 3] = b[i, 1] + h
    return b


def boxes_overlap(boxes) -> bool:
    """True when any two boxes (n, 4) = (x0, y0, x1, y1) intersect (touching edges do not count)."""
    b = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    x = (b[:, None, 0] < b[None, :, 2]) & (b[None, :, 0] < b[:, None, 2])
    y = (b[:, None, 1] < b[None, :, 3]) & (b[None, :, 1] < b[:, None, 3])
    both = x & y
    np.fill_diagonal(both, False)
    return bool(both.any())


def leader_end(box, anchor_xy) -> np.ndarray:
    """(2,) px: where a leader line from ``anchor_xy`` meets its label ``box`` (the middle of its near side)."""
    x0, y0, x1, y1 = box
    x = x1 if anchor_xy[0] >= x1 else x0 if anchor_xy[0] <= x0 else (x0 + x1) / 2
    return np.array([x, (y0 + y1) / 2])


def boxed_text(renderer, text_rgb, box_rgb, box_opacity: float) -> vtkTextActor:
    """A bold 2D text actor on a box of ``box_rgb``, added to ``renderer`` (set its input and size after)."""
    actor = vtkTextActor()
    prop = actor.GetTextProperty()
    prop.SetColor(*text_rgb)
    prop.SetBackgroundColor(*box_rgb)
    prop.SetBackgroundOpacity(box_opacity)
    prop.BoldOn()
    use_bundled_font(prop)
    actor.PickableOff()
    renderer.AddViewProp(actor)
    return actor


class LabelActors:
    """Labels with leader lines in a renderer's 2D overlay. ``shown``: key -> (box (4,) px, y down, from the top
    left of the render window; anchor (2,) px) of the labels drawn by the last :meth:`show`."""

    def __init__(self, renderer):
        self.renderer = renderer
        self.scale = 1.0
        self._texts: list = []
        self._leaders = vtkActor2D()
        self._leaders.GetProperty().SetColor(*LEADER_RGB)
        self._leaders.GetProperty().SetLineWidth(2.0)
        self._leader_mapper = vtkPolyDataMapper2D()
        self._leaders.SetMapper(self._leader_mapper)
        self._leaders.SetVisibility(False)
        self._leaders.PickableOff()
        renderer.AddViewProp(self._leaders)
        self.shown: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def _text_actor(self, i: int):
        while len(self._texts) <= i:
            self._texts.append(boxed_text(self.renderer, LABEL_TEXT_RGB, LABEL_BOX_RGB, LABEL_BOX_OPACITY))
        return self._texts[i]

    def text_size(self, actor) -> tuple[float, float]:
        """(width, height) px of a text actor as it will be drawn."""
        bbox = [0.0, 0.0, 0.0, 0.0]
        actor.GetBoundingBox(self.renderer, bbox)
        return bbox[1] - bbox[0] + 1, bbox[3] - bbox[2] + 1

    def show(self, labels: list[Label], surface: PaintingSurface, centre_mm, keep_clear=None) -> None:
        """Lay out and draw the visible ``labels`` for the renderer's camera (no render), none over the box
        ``keep_clear`` (x0, y0, x1, y1) px from the top left, e.g. the legend."""
        self.shown = {}
        window = self.renderer.GetRenderWindow()
        width, height = window.GetSize()
        if labels and width > 1 and height > 1:
            camera = np.array(self.renderer.GetActiveCamera().GetPosition())
            anchors = np.array([lb.anchor_mm for lb in labels])
            display, depth = world_to_display(self.renderer, anchors)
            xy = np.c_[display[:, 0], height - 1 - display[:, 1]]
            on_screen = (depth > 0) & (depth < 1) & (xy[:, 0] >= 0) & (xy[:, 0] < width) & (xy[:, 1] >= 0) & (xy[:, 1] < height)
            keep = np.flatnonzero(on_screen)
            keep = keep[anchors_visible(surface, camera, anchors[keep])]
            sizes = []
            for i, k in enumerate(keep):
                actor = self._text_actor(i)
                actor.SetInput(f" {labels[k].text} ")
                actor.GetTextProperty().SetFontSize(round(LABEL_FONT_PX * self.scale))
                sizes.append(self.text_size(actor))
            centre_xy = world_to_display(self.renderer, np.asarray(centre_mm).reshape(1, 3))[0][0]
            boxes = place_labels(xy[keep], np.array(sizes).reshape(-1, 2), float(centre_xy[0]), height,
                                 OFFSET_PX * self.scale, GAP_PX * self.scale, view_width=width,
                                 keep_clear=keep_clear)
            self.shown = {labels[k].key: (boxes[i], xy[k]) for i, k in enumerate(keep)}
        self._draw(height)

    def _draw(self, height: int) -> None:
        lines = []
        for i, (box, anchor) in enumerate(self.shown.values()):
            actor = self._texts[i]
            actor.SetDisplayPosition(int(round(box[0])), int(round(height - 1 - box[3])))
            actor.SetVisibility(True)
            end = leader_end(box, anchor)
            lines.append(((anchor[0], height - 1 - anchor[1]), (end[0], height - 1 - end[1])))
        for actor in self._texts[len(self.shown):]:
            actor.SetVisibility(False)
        if lines:
            pts = np.array([[x, y, 0.0] for segment in lines for x, y in segment])
            poly = pv.PolyData(pts, lines=np.c_[np.full(len(lines), 2), np.arange(0, 2 * len(lines)).reshape(-1, 2)].ravel())
            self._leader_mapper.SetInputData(poly)
        self._leaders.SetVisibility(bool(lines))

    def hide(self) -> None:
        self.shown = {}
        self._draw(0)

    def remove(self) -> None:
        for actor in (*self._texts, self._leaders):
            self.renderer.RemoveViewProp(actor)
        self._texts = []
        self.shown = {}
