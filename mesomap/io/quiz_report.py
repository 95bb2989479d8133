"""A class's quiz results: one CSV table (a row per student) and a PDF results sheet per student.

The CSV follows :mod:`mesomap.io.exports`' conventions: UTF-8 (optionally with a byte order mark for
spreadsheet programs), a full stop for decimals, text cells neutralised against formula injection
(:func:`mesomap.io.exports.safe_text_cell`), written atomically. An empty cell means "not measured"
(a missing answer has no border distance).
"""

from __future__ import annotations

import csv
import io as _io
from dataclasses import dataclass
from pathlib import Path

from mesomap.io.atomic import atomic_path
from mesomap.io.exports import safe_text_cell
from mesomap.model.messages import Message
from mesomap.model.quiz import QUIZ_NOT_ASKED, QUIZ_PASS_MARKS, QuizResult
from mesomap.text import label, language, number


@dataclass(frozen=True)
class StudentResult:
    """One answer file of a class: who, which file, and its result or why it could not be scored."""

    student: str
    file: str
    result: QuizResult | None
    problem: Message | str | None = None


def _num(x: float | None, fmt: str = ".2f") -> str:
    return "" if x is None else format(x, fmt)


def _yes(ok: bool) -> str:
    return "pass" if ok else "fail"


def point_label(code: str, name: str, side: str) -> str:
    """How a reflex point is named in a table: its code (or name) and side."""
    return f"{code or name} {side}" if side != "midline" else (code or name)


def class_columns(reference: QuizResult) -> list[str]:
    """The CSV header: the student, the overall result, then each asked zone's and point's measures."""
    cols = ["student", "file", "result", "passed", "asked", "problem"]
    for z in reference.zones:
        cols += [" ".join((z.name, what)) for what in ("dice", "border mean mm", "border p95 mm", "result")]
    for p in reference.points:
        label = point_label(p.code, p.name, p.side)
        cols += [" ".join((label, what)) for what in ("distance mm", "result")]
    return cols


def class_row(s: StudentResult, n_zones: int, n_points: int) -> list[str]:
    r = s.result
    if r is None:
        return [safe_text_cell(s.student), safe_text_cell(s.file), "error", "", "", safe_text_cell(str(s.problem))] \
            + [""] * (4 * n_zones + 2 * n_points)
    row = [safe_text_cell(s.student), safe_text_cell(s.file), _yes(r.passed), str(r.passed_count), str(r.asked_count), ""]
    for z in r.zones:
        row += [f"{z.dice:.3f}", _num(z.border_mean_mm), _num(z.border_p95_mm), "missing" if z.missing else _yes(z.passed)]
    for p in r.points:
        row += [_num(p.distance_mm), "missing" if p.missing else _yes(p.passed)]
    return row


def write_class_csv(students: list[StudentResult], out: str | Path, bom: bool = False) -> Path:
    """The class results table: a header row, then one row per student (in the order given).

    The columns come from the first scored student (every student answers the same reference).
    """
    scored = [s.result for s in students if s.result is not None]
    template = scored[0] if scored else QuizResult((), ())
    buf = _io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([safe_text_cell(c) for c in class_columns(template)])
    for s in students:
        writer.writerow(class_row(s, len(template.zones), len(template.points)))
    out = Path(out)
    with atomic_path(out) as tmp:
        tmp.write_text(buf.getvalue(), encoding="utf-8-sig" if bom else "utf-8")
    return out


#: The reveal's legend: (colour key of REVEAL_COLOURS, label key of its words).
REVEAL_LEGEND = (("both", "painted_in_both"), ("reference", "reference_only"), ("answer", "answer_only"))


def _verdict(missing: bool, passed: bool) -> str:
    """A zone's or point's result on the PDF, in the chosen language (the CSV keeps "pass"/"fail"/"missing")."""
    return label("missing" if missing else "pass" if passed else "fail")


def _widths(heads: list[str], widths_mm: list[float], font: str, flexible: tuple[int, ...] = (0,)) -> list[float]:
    """Column widths (points) of a results table whose 9-point heads each fit their longest word."""
    from reportlab.lib.units import mm

    from mesomap.io.export_pdf import fit_widths

    return [w * mm for w in fit_widths(heads, widths_mm, flexible=flexible, font=font, size=9)]


def _mm(value: float | None) -> str:
    return "—" if value is None else f"{number(value, '.1f')} {label('unit_mm')}"


def write_student_pdf(student: StudentResult, reference_name: str, out: str | Path, date: str = "",
                      pictures: list[tuple[str, Path]] = ()) -> Path:
    """One student's results sheet (A4): the overall result, the pass marks, a table of zones and one of points,
    and the reveal ``pictures`` ((caption, PNG) pairs: the reference and the answer in two colours)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from mesomap.model.quiz import REVEAL_COLOURS

    from mesomap.io.export_pdf import _cell, _esc, fit_widths, register_fonts
    from mesomap.io.pdf_styles import dejavu_styles
    from mesomap.io.vocabulary import term
    from mesomap.text.dates import long_date

    font, bold = register_fonts()
    body, small, h1, h2 = dejavu_styles()
    r = student.result
    story = [Paragraph(_esc(label("quiz_title")), h1)]
    head = [[label("student"), Paragraph(_cell(student.student), body), label("date"), long_date(date or "—")],
            [label("answer"), Paragraph(_cell(student.file), body), label("reference"),
             Paragraph(_cell(reference_name), body)]]
    grid = [("FONTNAME", (0, 0), (-1, -1), font), ("FONTNAME", (0, 0), (0, -1), bold), ("FONTNAME", (2, 0), (2, -1), bold),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.4, colors.grey)]
    widths = fit_widths(["", "", "", ""], [25, 60, 25, 60], flexible=(1, 3), font=bold, size=body.fontSize,
                        cells=[[row[0], "", row[2], ""] for row in head], cell_font=bold)  # "Слушатель" fits
    story += [Table(head, colWidths=[w * mm for w in widths], style=grid), Spacer(1, 5 * mm)]
    if r is None:
        story.append(Paragraph(_esc(str(student.problem)), body))
    else:
        green, red = colors.HexColor("#1b7f3b"), colors.HexColor("#b3261e")
        verdict = h2.clone("verdict", fontSize=18, leading=24, textColor=green if r.passed else red)
        story.append(Paragraph(_esc(label("passed_of" if r.passed else "not_passed_of", passed=r.passed_count,
                                          asked=r.asked_count)), verdict))
        t = r.thresholds
        marks = QUIZ_PASS_MARKS(dice_min=t.dice_min, border_mean_max_mm=t.border_mean_max_mm, point_max_mm=t.point_max_mm)
        story.append(Paragraph(_esc(marks.text()), small))
        story.append(Spacer(1, 3 * mm))
        head_style = small.clone("head", fontName=bold, fontSize=9, leading=11)  # heads wrap between words
        table_style = grid[:1] + [("FONTSIZE", (0, 0), (-1, -1), 9), ("FONTNAME", (0, 0), (-1, 0), bold),
                                  ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                                  ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8ee")),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP")]
        if r.zones:
            heads = [label(k) for k in ("zone", "side", "dice", "border_mean", "border_p95", "result")]
            rows = [[Paragraph(_esc(w), head_style) for w in heads]]
            for i, z in enumerate(r.zones, start=1):
                rows.append([Paragraph(_cell(z.name), small), term("side", z.side, default=z.side),
                             number(z.dice, ".2f"), _mm(z.border_mean_mm), _mm(z.border_p95_mm),
                             _verdict(z.missing, z.passed)])
                table_style.append(("TEXTCOLOR", (5, i), (5, i), green if z.passed else red))
            table = Table(rows, colWidths=_widths(heads, [55, 20, 18, 27, 27, 23], bold), style=table_style, repeatRows=1)
            story += [Paragraph(_esc(label("zones")), h2), table, Spacer(1, 3 * mm)]
        if r.points:
            point_style = [s for s in table_style if s[0] != "TEXTCOLOR"]
            heads = [label(k) for k in ("point", "name", "distance_along_skin", "result")]
            rows = [[Paragraph(_esc(w), head_style) for w in heads]]
            for i, p in enumerate(r.points, start=1):
                side = "midline" if p.side == "midline" else term("side", p.side, default=p.side)
                rows.append([point_label(p.code, "", side) or p.name,
                             Paragraph(_cell(p.name), small), _mm(p.distance_mm), _verdict(p.missing, p.passed)])
                point_style.append(("TEXTCOLOR", (3, i), (3, i), green if p.passed else red))
            table = Table(rows, colWidths=_widths(heads, [30, 55, 50, 35], bold, flexible=(1,)), style=point_style,
                          repeatRows=1)
            story += [Paragraph(_esc(label("reflex_points")), h2), table]
        if pictures:
            side = min(170 * mm / len(pictures), 80 * mm) - 2 * mm
            cells = [[Image(str(p), width=side, height=side) for _, p in pictures],
                     [Paragraph(_cell(c), small) for c, _ in pictures]]
            legend = [[c for key, words in REVEAL_LEGEND for c in ("", Paragraph(_esc(label(words)), small))]
                      + ["", Paragraph(_esc(label("answer_point")), small)]]
            swatches = [("BACKGROUND", (2 * i, 0), (2 * i, 0), colors.HexColor(REVEAL_COLOURS[key]))
                        for i, (key, _) in enumerate(REVEAL_LEGEND)]
            swatches.append(("BACKGROUND", (6, 0), (6, 0), colors.HexColor(REVEAL_COLOURS["answer"])))
            story += [Spacer(1, 4 * mm), Paragraph(_esc(label("reveal")), h2),
                      Table(cells, colWidths=[side + 2 * mm] * len(pictures)),
                      Table(legend, colWidths=[5 * mm, 32 * mm] * 4,
                            style=[("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 8)] + swatches)]
        extra = list(r.extra_zones) + list(r.extra_points)
        if extra:
            story += [Spacer(1, 3 * mm), Paragraph(_esc(QUIZ_NOT_ASKED(items=", ".join(extra)).text()), small)]
    out = Path(out)
    with atomic_path(out) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                                bottomMargin=18 * mm, title=label("quiz_title"), author="mesomap", lang=language())
        doc.build(story)
    return out
