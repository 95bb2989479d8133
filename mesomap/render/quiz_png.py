"""The quiz reveal as a picture without a display: the reference and the student's answer together
(:func:`mesomap.model.quiz.reveal_plan`): faces both painted, only in the reference, only in the answer in
three colours; the reference points as usual, the answer's points in the answer colour, each joined to its
reference point by a line."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from mesomap.geometry.surface import PaintingSurface
from mesomap.model.plan import Plan
from mesomap.model.quiz import REVEAL_COLOURS, QuizResult, answer_points, reveal_plan
from mesomap.render.offscreen import offscreen_plotter, save_screenshot

#: The preset views a reveal may take (the ones seeing most of the asked skin).
REVEAL_VIEWS = ("front", "back", "left", "right")
REVEAL_SIZE = (900, 900)


def views_by_coverage(surface: PaintingSurface, faces: np.ndarray, normals: np.ndarray) -> list[tuple[str, float]]:
    """(view, seen mm²) for each preset of :data:`REVEAL_VIEWS`, the view facing most of ``faces`` (k,)
    (area-weighted) and of the points with ``normals`` (p, 3) (each counting as 1 cm²) first."""
    from mesomap.render.camera import VIEWS

    tri = surface.mesh.triangles[np.asarray(faces, dtype=np.int64)]
    n = np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0]) / 2  # area-weighted normals, mm²
    n = np.concatenate([n, 100.0 * np.asarray(normals).reshape(-1, 3)])
    seen = {v: float(np.clip(n @ np.asarray(VIEWS[v].direction), 0, None).sum()) for v in REVEAL_VIEWS}
    return sorted(seen.items(), key=lambda kv: -kv[1])


def _geometry(reference: Plan, answer: Plan, result: QuizResult, surface: PaintingSurface):
    """(reveal plan, answer points, (reference positions, normals), (answer positions, normals), reveal faces)."""
    plan = reveal_plan(reference, answer, result)
    given = answer_points(answer, result)
    ref = surface.points_on_faces([p.face for p in reference.points], [p.barycentric for p in reference.points])
    ans = surface.points_on_faces([p.face for p in given], [p.barycentric for p in given])
    faces = np.concatenate([z.faces for z in plan.zones]) if plan.zones else np.empty(0, dtype=np.int64)
    return plan, given, ref, ans, faces


def reveal_views(reference: Plan, answer: Plan, result: QuizResult, surface: PaintingSurface, most: int = 2) -> list[str]:
    """The views a reveal needs: the one seeing most of the asked skin and the answer, then up to ``most - 1``
    others that see at least a fifth as much (the other side of the body, when the answer is there)."""
    _, _, (_, ref_n), (_, ans_n), faces = _geometry(reference, answer, result, surface)
    ranked = views_by_coverage(surface, faces, np.concatenate([ref_n, ans_n]))
    return [v for i, (v, seen) in enumerate(ranked[:most]) if i == 0 or seen >= 0.2 * ranked[0][1]]


def add_answer_points(plotter, reference: Plan, given, result: QuizResult, ref_pos, ref_n, ans_pos, ans_n) -> None:
    """Draw the answer points ``given`` (p,) at ``ans_pos`` (p, 3) mm (normals ``ans_n``) in the answer colour,
    each joined by a line to its reference point (``ref_pos``/``ref_n`` (r, 3): ``reference.points``'
    positions and normals); actors "quiz:answers" and "quiz:misses" (replaced, or removed when none)."""
    import pyvista as pv

    from mesomap.render.overlays import POINT_RADIUS_MM, hex_to_rgb

    plotter.remove_actor(["quiz:answers", "quiz:misses"], render=False)
    if not len(given):
        return
    lifted = ans_pos + ans_n * POINT_RADIUS_MM * 0.5
    glyphs = pv.PolyData(lifted).glyph(geom=pv.Sphere(radius=POINT_RADIUS_MM * 0.8), scale=False, orient=False)
    plotter.add_mesh(glyphs, color=hex_to_rgb(REVEAL_COLOURS["answer"]), name="quiz:answers",
                     reset_camera=False, render=False, pickable=False)
    row = {p.id: i for i, p in enumerate(reference.points)}
    asked = [row[s.point_id] for s in result.points if s.answer_id]
    lines = np.empty((2 * len(given), 3))
    lines[0::2] = ref_pos[asked] + ref_n[asked] * POINT_RADIUS_MM * 0.5
    lines[1::2] = lifted
    plotter.add_lines(lines, color=(0.1, 0.1, 0.12), width=3, name="quiz:misses")


def show_answer_points(plotter, reference: Plan, answer: Plan, result: QuizResult, surface: PaintingSurface) -> None:
    """:func:`add_answer_points` for a reveal on a live view (None ``result``: remove them)."""
    if result is None:
        plotter.remove_actor(["quiz:answers", "quiz:misses"], render=False)
        return
    _, given, (ref_pos, ref_n), (ans_pos, ans_n), _ = _geometry(reference, answer, result, surface)
    add_answer_points(plotter, reference, given, result, ref_pos, ref_n, ans_pos, ans_n)


def render_reveal_png(reference: Plan, answer: Plan, result: QuizResult, surface: PaintingSurface, out: str | Path,
                      view: str | None = None, size: tuple[int, int] = REVEAL_SIZE) -> Path:
    """The reveal from preset ``view`` (default: the first of :func:`reveal_views`), framed on what was asked."""
    from mesomap.render.overlays import PointGlyphs, ZoneOverlay
    from mesomap.render.scene import BodyActor, apply_camera

    plan, given, (ref_pos, ref_n), (ans_pos, ans_n), faces = _geometry(reference, answer, result, surface)
    with offscreen_plotter(size) as plotter:
        BodyActor(plotter).set_body(surface.coarse)
        ZoneOverlay(plotter, surface).show_plan(plan)
        PointGlyphs(plotter, surface).show_points(reference.points)
        add_answer_points(plotter, reference, given, result, ref_pos, ref_n, ans_pos, ans_n)
        apply_camera(plotter, reveal_pose(reference, answer, result, surface, size[0] / size[1], view))
        return save_screenshot(plotter, out)


def reveal_pose(reference: Plan, answer: Plan, result: QuizResult, surface: PaintingSurface, aspect: float,
                view: str | None = None):
    """The camera (a CameraPose) of a reveal: from preset ``view`` (default: the first of :func:`reveal_views`),
    framed on the asked skin and both plans' points, for a picture ``aspect`` = width / height."""
    from mesomap.render.camera import camera_for, frame_points

    _, _, (ref_pos, _), (ans_pos, _), faces = _geometry(reference, answer, result, surface)
    view = view or reveal_views(reference, answer, result, surface, 1)[0]
    focus = np.concatenate([surface.centroids[faces], ref_pos, ans_pos])
    if len(focus):
        return frame_points(focus, view, aspect, margin=1.2, min_height_mm=0.2 * surface.coarse.height_mm)
    return camera_for(surface.coarse, view, aspect)
