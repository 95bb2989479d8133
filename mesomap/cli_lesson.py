"""``mesomap lesson render`` and ``mesomap lesson export``: a lesson's pictures and handout without a display."""

from __future__ import annotations

import argparse


def add_parser(sub, parser_class) -> None:
    lesson = sub.add_parser("lesson", help="render a lesson's steps or print its handout")
    lesson_sub = lesson.add_subparsers(dest="lesson_command", parser_class=parser_class, required=True)
    render = lesson_sub.add_parser("render", help="one PNG per step, without a display")
    render.add_argument("lesson", metavar="LESSON.mesomap-lesson.json")
    render.add_argument("--out", required=True, metavar="DIR")
    export = lesson_sub.add_parser("export", help="a printable handout: one step per page")
    export.add_argument("lesson", metavar="LESSON.mesomap-lesson.json")
    export.add_argument("--out", required=True, metavar="handout.pdf")


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError
