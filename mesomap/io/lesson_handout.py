"""A lesson's printable handout (PDF, A4): one step per page with its picture, its caption and the technique
depth view of each highlighted zone. The trainer's notes are for the presenter and are not printed.

Like the session sheet, this module draws no 3D: the caller passes one PNG per step
(:func:`mesomap.render.lesson_png.render_lesson`).
"""

from __future__ import annotations

from pathlib import Path

from mesomap.io.atomic import atomic_path
from mesomap.io.depth_drawing import reportlab_drawing
from mesomap.model.depth_view import zone_depth_view
from mesomap.model.lesson import Lesson
from mesomap.text import label, language, number
from mesomap.text.dates import long_date

#: At most this many depth views under a step's picture (the first highlighted zones).
MAX_DEPTH_VIEWS = 2


def write_handout_pdf(lesson: Lesson, pictures: list[Path], out: str | Path) -> Path:
    """Write the handout to ``out`` atomically; ``pictures`` holds one PNG per step, in order."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

    from mesomap.io.pdf_styles import dejavu_styles
    from mesomap.io.export_pdf import _cell, _esc, _text

    body, small, h1, h2 = dejavu_styles()
    h = lesson.header
    zones = {z.id: z for z in lesson.plan.zones}
    story: list = []
    width = 170 * mm
    n = len(lesson.steps)
    for i, (step, picture) in enumerate(zip(lesson.steps, pictures)):
        if i == 0:
            story.append(Paragraph(_esc(h.title), h1))
            byline = " · ".join(x for x in (h.author, long_date(h.created) if h.created else "") if x)
            if byline:
                story.append(Paragraph(_esc(byline), small))
        else:
            story.append(PageBreak())
        story.append(Paragraph(_esc(label("step_of", step=i + 1, steps=n)), h2))
        story += [Image(str(picture), width=width * 0.8, height=width * 0.8 * 0.75), Spacer(1, 3 * mm)]
        if step.caption.strip():
            story.append(Paragraph(_text(step.caption), body))
        lit = [zones[z] for z in step.highlighted_zones if z in zones][:MAX_DEPTH_VIEWS]
        if lit:
            story.append(Spacer(1, 4 * mm))
            each = (width - 6 * mm * (len(lit) - 1)) / len(lit) if len(lit) > 1 else width * 0.7
            cells = [[reportlab_drawing(zone_depth_view(z), each) for z in lit],
                     [Paragraph(_cell(_depth_caption(z)), small) for z in lit]]
            story.append(Table(cells, colWidths=[each + 6 * mm] * len(lit)))
    out = Path(out)
    with atomic_path(out) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=15 * mm,
                                bottomMargin=15 * mm, title=h.title, author=h.author or "mesomap", lang=language())
        doc.build(story)
    return out


def _depth_caption(zone) -> str:
    """Under a depth view: "Forehead — IDP, 3 mm, 0.05 ml, 4 mm 30G", numbers and units in the chosen language."""
    p, mm, ml = zone.params, label("unit_mm"), label("unit_ml")
    return (f"{zone.name} — {p.technique}, {number(p.depth_mm, 'g')} {mm}, {number(p.volume_per_point_ml, 'g')} {ml}, "
            f"{number(p.needle.length_mm, 'g')} {mm} {p.needle.gauge}G")
