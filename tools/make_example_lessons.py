"""Make the two example lessons shipped in ``examples/lessons/`` from the built-in zone templates.

    python tools/make_example_lessons.py [--out examples/lessons]

face.mesomap-lesson.json: forehead, cheeks and neck on the female body (a mesolift).
body.mesomap-lesson.json: abdomen, outer thighs and knees on the female body (cellulite, local fat, knee).
Each lesson opens with an overview, then one step per area with that area highlighted and its technique
shown in the handout's depth view; every zone's grid is laid out (seed 0), so the steps show the
injections and the order animations have a path to play. The cameras are framed here from the zones (front or side), as the
app's "record step" would keep them. Run again after changing the templates; the files are deterministic
except for the plan ids and the date, which are fixed below.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mesomap.io.lesson_file import SUFFIX, save_lesson  # noqa: E402
from mesomap.io.meshes import load_painting_surface  # noqa: E402
from mesomap.io.plan_builder import new_plan  # noqa: E402
from mesomap.io.templates import load_templates  # noqa: E402
from mesomap.model.lesson import Animation, Camera, Lesson, LessonHeader, LessonStep  # noqa: E402
from mesomap.model.plan import Header  # noqa: E402
from mesomap.render.camera import frame_points  # noqa: E402

CREATED = "2026-12-06"
#: Step pictures are 4:3 (mesomap.render.lesson_png.STEP_SIZE).
ASPECT = 4 / 3


def camera(surface, plan, zone_ids, view="front", margin=1.25) -> Camera:
    faces = np.concatenate([z.faces for z in plan.zones if z.id in zone_ids])
    pose = frame_points(surface.centroids[faces], view, ASPECT, margin)
    return Camera(pose.position_mm, pose.focal_point_mm, pose.up, pose.view_angle_deg)


def laid_out(plan, surface):
    """``plan`` with every zone's injection grid laid out (as ``mesomap grid`` does: seed 0)."""
    import tempfile

    from mesomap.io.plan_file import save_plan
    from mesomap.session.session import Session

    with tempfile.TemporaryDirectory() as tmp:
        path = save_plan(plan, Path(tmp) / "lesson.mesomap.json", surface)
        session, _ = Session.open(path, inline=True)
        if not session.lay_out(seed=0):
            raise SystemExit(f"the grids of {plan.id} could not be laid out")
        return session.plan


def how(plan, template: str) -> str:
    """A zone's technique in words, from its values (so a caption never disagrees with the plan)."""
    from mesomap.model.techniques import TECHNIQUES

    p = next(z for z in plan.zones if z.template == template).params
    name = TECHNIQUES[p.technique].name.split(" (")[0]  # "superficial intradermal (papule)": the name alone
    return (f"{name} ({p.technique}), {p.depth_mm:g} mm deep with a {p.needle.length_mm:g} mm "
            f"needle, points {p.spacing_mm:g} mm apart, {p.volume_per_point_ml:g} ml each")


def ids(plan, *templates) -> tuple[str, ...]:
    return tuple(z.id for t in templates for z in plan.zones if z.template == t)


def face_lesson(surface, templates) -> Lesson:
    plan = new_plan(surface, templates, ["forehead", "cheek_left", "cheek_right", "neck"],
                    header=Header(patient_ref="demo", date=CREATED, clinician="mesomap examples"))
    plan = laid_out(replace(plan, id="e14face000000001"), surface)  # the templates' own techniques and depths
    every = tuple(z.id for z in plan.zones)
    forehead, cheeks, neck = ids(plan, "forehead"), ids(plan, "cheek_left", "cheek_right"), ids(plan, "neck")
    steps = (
        LessonStep(camera(surface, plan, every), every, (), (),
                   "The face mesolift: forehead, cheeks and neck. Little, rarely, in the right place.",
                   "Ask the room which areas they treat most; point out the midline and the symmetry."),
        LessonStep(camera(surface, plan, forehead, margin=1.6), every, forehead, (),
                   f"Forehead: {how(plan, 'forehead')}.",
                   "Show the papule forming; keep 1 cm above the brows.", Animation(forehead[0], 3.0)),
        LessonStep(camera(surface, plan, cheeks, margin=1.4), every, cheeks, (),
                   f"Cheeks: {how(plan, 'cheek_left')}: a small papule in the dermis.",
                   "Remind them of the Micheels study: 'intradermal' injections often land deeper."),
        LessonStep(camera(surface, plan, neck, margin=1.6), every, neck, (),
                   f"Neck: thin skin; {how(plan, 'neck')}.",
                   "Avoid the midline vessels; small volumes only."),
    )
    header = LessonHeader("Face: forehead, cheeks and neck", "mesomap examples", CREATED,
                          "Made by tools/make_example_lessons.py from the built-in templates.")
    return Lesson(header, plan, steps)


def body_lesson(surface, templates) -> Lesson:
    plan = new_plan(surface, templates, ["abdomen", "outer_thigh_left", "outer_thigh_right", "knee_left", "knee_right"],
                    header=Header(patient_ref="demo", date=CREATED, clinician="mesomap examples"))
    plan = laid_out(replace(plan, id="e14body000000001"), surface)
    every = tuple(z.id for z in plan.zones)
    abdomen = ids(plan, "abdomen")
    thighs = ids(plan, "outer_thigh_left", "outer_thigh_right")
    knees = ids(plan, "knee_left", "knee_right")
    steps = (
        LessonStep(camera(surface, plan, every, margin=1.1), every, (), (),
                   "Body: abdomen, outer thighs and knees (local fat, cellulite, knee pain).",
                   "Start from the whole picture; ask what each area is treated for."),
        LessonStep(camera(surface, plan, abdomen, margin=1.4), every, abdomen, (),
                   f"Abdomen: {how(plan, 'abdomen')}; spare the navel.",
                   "Count the injections on the summary; compare with the 10–200 per session range.",
                   Animation(abdomen[0], 5.0)),
        LessonStep(camera(surface, plan, thighs, margin=1.2), every, thighs, (),
                   f"Outer thighs (saddlebags), both sides alike: {how(plan, 'outer_thigh_left')}.",
                   "Switch to the side view in the room to show the curve of the hip."),
        LessonStep(camera(surface, plan, knees, margin=1.8), every, knees, (),
                   f"Knees, around the joint for pain: {how(plan, 'knee_left')}.",
                   "Palpate the joint line first; mark the points before injecting."),
    )
    header = LessonHeader("Body: abdomen, thighs and knees", "mesomap examples", CREATED,
                          "Made by tools/make_example_lessons.py from the built-in templates.")
    return Lesson(header, plan, steps)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "examples" / "lessons"))
    args = parser.parse_args(argv)
    surface, templates = load_painting_surface("female"), load_templates()
    out = Path(args.out)
    for name, make in (("face", face_lesson), ("body", body_lesson)):
        path = save_lesson(make(surface, templates), out / f"{name}{SUFFIX}", surface)
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
