"""``mesomap quiz score`` and ``mesomap quiz class``: a student's answer scored against the trainer's reference,
without a display (issue 14). The scoring is :func:`mesomap.model.quiz.score_quiz`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mesomap.cli_common import EXIT_BAD_INPUT, UsageError
from mesomap.text import label, number

THRESHOLD_KEYS = {"dice": "dice_min", "border_mm": "border_mean_max_mm", "point_mm": "point_max_mm"}


def thresholds_arg(text: str):
    """``dice=0.8,border_mm=8,point_mm=5`` (any of them) over the defaults, as :class:`Thresholds`."""
    from dataclasses import replace

    from mesomap.model.messages import MessageError
    from mesomap.model.quiz import DEFAULT_THRESHOLDS

    values = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, _, value = part.partition("=")
        if key.strip() not in THRESHOLD_KEYS:
            raise argparse.ArgumentTypeError(label("cli_err_threshold_unknown", name=repr(key.strip()),
                                                   known=", ".join(THRESHOLD_KEYS)))
        try:
            values[THRESHOLD_KEYS[key.strip()]] = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(label("cli_err_threshold_number", name=key.strip(),
                                                   got=repr(value))) from None
    try:
        return replace(DEFAULT_THRESHOLDS, **values)
    except MessageError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def add_parser(sub, parser_class) -> None:
    quiz = sub.add_parser("quiz", help=label("help_cmd_quiz"))
    quiz_sub = quiz.add_subparsers(dest="quiz_command", parser_class=parser_class, required=True)
    help_thresholds = "pass marks over the defaults (dice=0.7,border_mm=10,point_mm=10)"
    score = quiz_sub.add_parser("score", help="one answer: Dice and border distances per zone, distance per point")
    score.add_argument("--reference", required=True, metavar="REF.mesomap.json")
    score.add_argument("--answer", required=True, metavar="ANSWER.mesomap.json")
    score.add_argument("--json", action="store_true", help="one JSON object")
    score.add_argument("--thresholds", type=thresholds_arg, default=None, metavar="K=V,...", help=help_thresholds)
    klass = quiz_sub.add_parser("class", help="a class's answers: a CSV table, and a PDF sheet per student")
    klass.add_argument("--reference", required=True, metavar="REF.mesomap.json")
    klass.add_argument("--answers", required=True, nargs="+", metavar="DIR_OR_FILE",
                       help="answer plans, or folders holding them (*.mesomap.json)")
    klass.add_argument("--out", required=True, metavar="results.csv")
    klass.add_argument("--pdf-dir", metavar="DIR", help="write a results sheet per student here")
    klass.add_argument("--bom", action="store_true", help="start the CSV with a UTF-8 byte order mark (Excel)")
    klass.add_argument("--thresholds", type=thresholds_arg, default=None, metavar="K=V,...", help=help_thresholds)


def _score(reference, answer_path: str, surface, thresholds):
    """The result of one answer file; a problem with the file raises one line naming it."""
    from mesomap.io.plan_file import load_plan
    from mesomap.model.messages import MessageError
    from mesomap.model.quiz import score_quiz

    answer = load_plan(answer_path)
    try:
        return answer, score_quiz(reference, answer, surface, thresholds)
    except MessageError as err:
        raise ValueError(f"{Path(answer_path).name}: {err}") from None


def score_table(result, reference: str, answer: str) -> str:
    from mesomap.io.quiz_report import point_label

    lines = [label("cli_quiz_reference", file=reference), label("cli_quiz_answer", file=answer)]
    mm = label("unit_mm")

    def verdict(missing: bool, passed: bool) -> str:
        return label("cli_missing" if missing else ("cli_pass" if passed else "cli_fail"))

    if result.zones:
        width = max(12, *(len(z.name) for z in result.zones))
        lines.append(f"{label('cli_zone'):<{width}}  {label('cli_side'):<9} {label('cli_dice'):>5}  "
                     f"{label('cli_border_mean'):>11}  {label('cli_border_p95'):>10}  {label('cli_result')}")
        for z in result.zones:
            mean = "—" if z.border_mean_mm is None else f"{number(z.border_mean_mm, '.1f')} {mm}"
            p95 = "—" if z.border_p95_mm is None else f"{number(z.border_p95_mm, '.1f')} {mm}"
            lines.append(f"{z.name:<{width}}  {z.side:<9} {number(z.dice, '5.2f')}  {mean:>11}  {p95:>10}  "
                         f"{verdict(z.missing, z.passed)}")
    if result.points:
        names = [point_label(p.code, p.name, p.side) for p in result.points]
        width = max(12, *(len(s) for s in names))
        lines.append(f"{label('cli_point'):<{width}}  {label('cli_along_skin'):>14}  {label('cli_result')}")
        for name, p in zip(names, result.points):
            d = "—" if p.distance_mm is None else f"{number(p.distance_mm, '.1f')} {mm}"
            lines.append(f"{name:<{width}}  {d:>14}  {verdict(p.missing, p.passed)}")
    for name in result.extra_zones + result.extra_points:
        lines.append(label("cli_not_asked", name=name))
    t = result.thresholds
    lines.append(label("cli_pass_marks", dice=t.dice_min, border=t.border_mean_max_mm, point=t.point_max_mm))
    lines.append(label("cli_overall", verdict=verdict(False, result.passed), passed=result.passed_count,
                       asked=result.asked_count))
    return "\n".join(lines)


def cmd_score(args: argparse.Namespace) -> int:
    from mesomap.cli_common import plan_and_surface
    from mesomap.model.quiz import DEFAULT_THRESHOLDS

    reference, surface = plan_and_surface(args.reference)
    _, result = _score(reference, args.answer, surface, args.thresholds or DEFAULT_THRESHOLDS)
    if args.json:
        print(json.dumps({"reference": args.reference, "answer": args.answer, **result.as_dict()}))
    else:
        print(score_table(result, args.reference, args.answer))
    return 0


def answer_files(items: list[str]) -> list[Path]:
    """The answer plans named: files as given, folders as their ``*.mesomap.json`` (sorted by name)."""
    from mesomap.io.plan_file import SUFFIX

    out: list[Path] = []
    for item in items:
        p = Path(item)
        if p.is_dir():
            found = sorted(q for q in p.iterdir() if q.name.endswith(SUFFIX) and q.is_file())
            if not found:
                raise UsageError(label("cli_err_no_answers_in_folder", suffix=SUFFIX, folder=item))
            out += found
        else:
            out.append(p)
    return out


def cmd_class(args: argparse.Namespace) -> int:
    import datetime

    from mesomap.cli_common import plan_and_surface
    from mesomap.io.plan_file import PlanFileError, SUFFIX
    from mesomap.io.quiz_report import StudentResult, write_class_csv, write_student_pdf
    from mesomap.model.quiz import DEFAULT_THRESHOLDS

    reference, surface = plan_and_surface(args.reference)
    ref_path = Path(args.reference).resolve()
    students: list[StudentResult] = []
    answers = {}
    for path in answer_files(args.answers):
        if path.resolve() == ref_path:
            continue  # the reference lying in the answers' folder is not a student
        stem = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.stem
        try:
            answer, result = _score(reference, str(path), surface, args.thresholds or DEFAULT_THRESHOLDS)
            students.append(StudentResult(answer.header.clinician.strip() or stem, path.name, result))
            answers[path.name] = answer
        except (PlanFileError, ValueError, OSError) as err:
            print(f"mesomap: warning: {err}", file=sys.stderr)
            students.append(StudentResult(stem, path.name, None, str(err)))
    if not students:
        raise UsageError(label("cli_err_no_answer"))
    out = write_class_csv(students, args.out, bom=args.bom)
    if args.pdf_dir:
        import tempfile

        from mesomap.render.quiz_png import render_reveal_png, reveal_views

        folder = Path(args.pdf_dir)
        today = datetime.date.today().isoformat()
        for s in students:
            stem = s.file[: -len(SUFFIX)] if s.file.endswith(SUFFIX) else Path(s.file).stem
            with tempfile.TemporaryDirectory(prefix="mesomap-quiz-") as tmp:
                pictures = []
                if s.result is not None:
                    answer = answers[s.file]
                    for view in reveal_views(reference, answer, s.result, surface):
                        png = render_reveal_png(reference, answer, s.result, surface, Path(tmp) / f"{view}.png", view)
                        pictures.append((label(f"view_{view}"), png))
                write_student_pdf(s, Path(args.reference).name, folder / f"{stem}.quiz.pdf", today, pictures)
    passed = sum(1 for s in students if s.result is not None and s.result.passed)
    failed_files = sum(1 for s in students if s.result is None)
    from mesomap.cli_words import CLASS_SCORED, CLASS_UNSCORED

    print(CLASS_SCORED(file=str(out), count=len(students), passed=passed).text()
          + (f", {CLASS_UNSCORED(count=failed_files).text()}" if failed_files else "")
          + (f"; {label('cli_class_sheets', folder=args.pdf_dir)}" if args.pdf_dir else ""))
    return EXIT_BAD_INPUT if failed_files else 0


def run(args: argparse.Namespace) -> int:
    return {"score": cmd_score, "class": cmd_class}[args.quiz_command](args)
