"""A lesson's steps as pictures without a display: the step's camera, its shown zones and points, its
highlighted zones in their colour and the other shown zones faded (:func:`mesomap.model.lesson.shown_plan`)."""

from __future__ import annotations

from pathlib import Path

from mesomap.geometry.surface import PaintingSurface
from mesomap.model.lesson import Camera, Lesson, shown_plan
from mesomap.render.camera import CameraPose
from mesomap.render.plan_png import render_plan_png

#: Picture size of a step (width, height) px: 4:3, like most projectors' slides.
STEP_SIZE = (1200, 900)


def camera_pose(camera: Camera) -> CameraPose:
    return CameraPose(tuple(camera.position_mm), tuple(camera.focal_point_mm), tuple(camera.view_up),
                      camera.view_angle_deg)


def lesson_camera(pose: CameraPose) -> Camera:
    """The camera a step keeps for a view's pose (what "record step" stores from the window's camera)."""
    return Camera(tuple(float(x) for x in pose.position_mm), tuple(float(x) for x in pose.focal_point_mm),
                  tuple(float(x) for x in pose.up), float(pose.view_angle_deg))


def step_file_name(index: int) -> str:
    """``step-01.png`` for the first step (sorted names keep the lesson's order up to 999 steps)."""
    return f"step-{index + 1:02d}.png" if index < 99 else f"step-{index + 1:03d}.png"


def render_step_png(lesson: Lesson, index: int, surface: PaintingSurface, out: str | Path,
                    size: tuple[int, int] = STEP_SIZE) -> Path:
    step = lesson.steps[index]
    return render_plan_png(shown_plan(lesson.plan, step), surface, out, size=size, pose=camera_pose(step.camera))


def render_lesson(lesson: Lesson, surface: PaintingSurface, folder: str | Path,
                  size: tuple[int, int] = STEP_SIZE) -> list[Path]:
    """One PNG per step in ``folder`` (made if needed), named by :func:`step_file_name`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [render_step_png(lesson, i, surface, folder / step_file_name(i), size) for i in range(len(lesson.steps))]
