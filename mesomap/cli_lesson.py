"""``mesomap lesson render`` and ``mesomap lesson export``: a lesson's pictures and handout without a display."""

from __future__ import annotations

import argparse

from mesomap.text import label


def add_parser(sub, parser_class) -> None:
    lesson = sub.add_parser("lesson", help=label("help_cmd_lesson"))
    lesson_sub = lesson.add_subparsers(dest="lesson_command", parser_class=parser_class, required=True)
    render = lesson_sub.add_parser("render", help="one PNG per step, without a display")
    render.add_argument("lesson", metavar="LESSON.mesomap-lesson.json")
    render.add_argument("--out", required=True, metavar="DIR")
    export = lesson_sub.add_parser("export", help="a printable handout: one step per page")
    export.add_argument("lesson", metavar="LESSON.mesomap-lesson.json")
    export.add_argument("--out", required=True, metavar="handout.pdf")


def _open(path: str):
    from pathlib import Path

    from mesomap.io.lesson_file import load_lesson
    from mesomap.io.plan_file import plan_surface

    lesson = load_lesson(path)
    if not lesson.steps:
        raise ValueError(label("cli_err_lesson_no_steps", path=path))
    return lesson, plan_surface(lesson.plan, Path(path).resolve().parent)  # its shape, or the fitted scan


def cmd_render(args: argparse.Namespace) -> int:
    from mesomap.render.lesson_png import render_lesson

    lesson, surface = _open(args.lesson)
    paths = render_lesson(lesson, surface, args.out)
    from mesomap.cli_words import STEP_PICTURES

    print(STEP_PICTURES(file=str(args.out), count=len(paths), first=paths[0].name, last=paths[-1].name).text())
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    import tempfile
    from pathlib import Path

    from mesomap.io.lesson_handout import write_handout_pdf
    from mesomap.render.lesson_png import render_lesson

    if not args.out.lower().endswith(".pdf"):
        from mesomap.cli_common import UsageError

        raise UsageError(label("cli_err_out_suffix", suffix=".pdf", got=repr(args.out)))
    lesson, surface = _open(args.lesson)
    with tempfile.TemporaryDirectory(prefix="mesomap-lesson-") as tmp:
        pictures = render_lesson(lesson, surface, Path(tmp))
        out = write_handout_pdf(lesson, pictures, args.out)
    from mesomap.cli_words import HANDOUT

    print(HANDOUT(file=str(out), count=len(lesson.steps)).text())
    return 0


def run(args: argparse.Namespace) -> int:
    return {"render": cmd_render, "export": cmd_export}[args.lesson_command](args)
