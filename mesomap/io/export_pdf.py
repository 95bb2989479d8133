"""The printable session sheet (PDF, A4) — drawn with ReportLab from data and pictures.

This module never renders 3D itself: the caller passes the body views as PNG
files (see :mod:`mesomap.render.sheet`), so it stays free of VTK and Qt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from mesomap.about import NO_MEDICAL_ADVICE
from mesomap.io.assets import assets_dir
from mesomap.io.atomic import atomic_path
from mesomap.io.exports import ExportError, check_plan_values
from mesomap.io.sheet_record import SheetRecord
from mesomap.io.vocabulary import term
from mesomap.model.messages import Kind
from mesomap.model.plan import Plan
from mesomap.model.summary import PlanSummary

SHEET_TEXTS_UNREADABLE = Kind("sheet_texts_unreadable", "file", "reason")
SHEET_FONT_UNREADABLE = Kind("sheet_font_unreadable", "file")


@dataclass(frozen=True)
class SheetText:
    """The checklists printed on every sheet (editable in assets/session_sheet.json)."""

    contraindications: tuple[str, ...]
    before: tuple[str, ...]
    after: tuple[str, ...]


#: The vocabulary kind (assets/vocabulary.json) each list of assets/session_sheet.json names its items in.
SHEET_LISTS = {"contraindications": "contraindication", "before": "care", "after": "care"}


def load_sheet_text(path: Path | None = None, lang: str | None = None) -> SheetText:
    """The sheet's checklists in ``lang`` (default: the chosen language): each item of the file is a vocabulary
    key worded in that language, or a clinic's own plain text printed as it is."""
    path = path or assets_dir() / "session_sheet.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return SheetText(*(tuple(term(kind, str(x), lang, default=str(x)) for x in data[key])
                           for key, kind in SHEET_LISTS.items()))
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ExportError(SHEET_TEXTS_UNREADABLE(file=path.name, reason=str(err))) from err


def write_session_pdf(plan: Plan, summary: PlanSummary, views: list[tuple[str, Path]], out: str | Path,
                      text: SheetText | None = None, gun: tuple[str, list[dict]] | str | None = None,
                      order_views: list[tuple[str, Path]] = (), record: SheetRecord | None = None,
                      depth_views: list[tuple[str, object]] = ()) -> Path:
    """Write the sheet to ``out`` atomically.

    views : (caption, PNG path) pairs, drawn side by side under the header.
    order_views : (caption, PNG path) close-ups with the injection order numbers, ORDER_PER_ROW to a row.
    gun : (device name, gun-sheet rows as dicts of the CSV columns) for the
    "gun settings" table, or a sentence saying why there is none.
    record : the patient, clinician, date, session n of N and lots of the records session the plan belongs
    to (:mod:`mesomap.io.sheet_record`); without it the plan's own header ("Patient —").
    depth_views : (caption, ReportLab drawing DEPTH_WIDTH_MM wide) per zone: its technique depth view
    (:func:`mesomap.io.depth_drawing.reportlab_drawing`), DEPTH_PER_ROW to a row under the zone table.
    """
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    check_plan_values(plan)  # the caller (render.sheet.export_session_pdf) checks placement on the body
    text = text or load_sheet_text()
    font, bold = register_fonts()
    box, warn = "☐", "⚠"
    styles = getSampleStyleSheet()
    for style in styles.byName.values():
        if hasattr(style, "fontName"):
            style.fontName = bold if "Bold" in style.fontName else font
    body, small, h1, h2 = styles["BodyText"], styles["BodyText"].clone("small", fontSize=8, leading=10), styles["Title"], styles["Heading2"]
    h = plan.header
    story = [Paragraph("Mesotherapy session sheet", h1)]
    if record is None:
        head = [["Patient", Paragraph(_cell(h.patient_ref or "—"), body), "Date", h.date or "—"],
                ["Session", str(h.session_number), "Clinician", Paragraph(_cell(h.clinician or "—"), body)]]
    else:
        head = [["Patient", Paragraph(_cell(record.patient_text), body), "Date", record.date],
                ["Session", record.session_text, "Clinician", Paragraph(_cell(record.clinician or "—"), body)],
                ["Lots", Paragraph(_cell("; ".join(lot.text() for lot in record.lots) or "—"), body), "", ""]]
    t = Table(head, colWidths=[25 * mm, 60 * mm, 25 * mm, 60 * mm])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("FONTNAME", (0, 0), (0, -1), bold),
                           ("FONTNAME", (2, 0), (2, -1), bold), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("GRID", (0, 0), (-1, -1), 0.4, colors.grey)]
                          + ([("SPAN", (1, 2), (3, 2))] if record is not None else [])))
    story += [t, Spacer(1, 4 * mm)]
    if h.notes:
        story += [Paragraph(f"<b>Notes:</b> {_text(h.notes)}", body), Spacer(1, 2 * mm)]

    for row in _view_rows(views, 3 if len(views) > 2 else max(len(views), 1), small, font):
        story += [KeepTogether([row]), Spacer(1, 3 * mm)]  # captions stay under their pictures
    for k, row in enumerate(_view_rows(order_views, ORDER_PER_ROW, small, font)):
        head = [Paragraph("Injection order", h2), Paragraph(_esc(ORDER_NOTE), small), Spacer(1, 2 * mm)]
        story += [KeepTogether((head if k == 0 else []) + [row]), Spacer(1, 3 * mm)]

    story.append(Paragraph("Zones", h2))
    rows = [["Zone", "Technique", "Needle", "Depth", "Spacing", "Count", "Volume", "Product (lot)"]]
    for z, s in zip(plan.zones, summary.zones):
        p = z.params
        products = ", ".join(f"{c.name} ({c.lot})" if c.lot else c.name for c in p.products) or "—"
        rows.append([Paragraph(_cell(z.name), small), p.technique, f"{p.needle.length_mm:g} mm {p.needle.gauge}G",
                     f"{p.depth_mm:g} mm", f"{p.spacing_mm:g} mm", str(s.count), f"{s.volume_ml:.2f} ml",
                     Paragraph(_cell(products), small)])
    if summary.reflex_count:
        codes = ", ".join(f"{pt.code} {pt.side}" if pt.side != "midline" else pt.code for pt in plan.points)
        rows.append([Paragraph("Reflex points", small), "PPP", "", "", "", str(summary.reflex_count),
                     f"{summary.reflex_volume_ml:.2f} ml", Paragraph(_cell(codes), small)])
    rows.append(["Total", "", "", "", "", str(summary.count), f"{summary.volume_ml:.2f} ml",
                 f"about {summary.duration_min:.0f} min"])
    zt = Table(rows, colWidths=[32 * mm, 19 * mm, 21 * mm, 14 * mm, 16 * mm, 13 * mm, 18 * mm, 37 * mm], repeatRows=1)
    zt.setStyle(TableStyle([("FONTSIZE", (0, 0), (-1, -1), 8), ("FONTNAME", (0, 0), (-1, -1), font),
                            ("FONTNAME", (0, 0), (-1, 0), bold), ("FONTNAME", (0, -1), (-1, -1), bold), ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8ee")), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [zt, Spacer(1, 2 * mm)]
    for k, start in enumerate(range(0, len(depth_views), DEPTH_PER_ROW)):
        row = depth_views[start:start + DEPTH_PER_ROW]
        cells = [[d for _, d in row], [Paragraph(_cell(c), small) for c, _ in row]]
        table = Table(cells, colWidths=[(DEPTH_WIDTH_MM + 3) * mm] * len(row),
                      style=[("FONTNAME", (0, 0), (-1, -1), font), ("VALIGN", (0, 0), (-1, -1), "TOP")], hAlign="LEFT")
        story += [KeepTogether(([Paragraph("Technique depth", h2)] if k == 0 else []) + [table]), Spacer(1, 2 * mm)]
    notes = [(z.name, n) for z in plan.zones for n in (z.notes, z.params.notes) if n.strip()]
    if notes:
        story.append(Paragraph("Zone notes", h2))
        story += [Paragraph(f"<b>{_cell(name, 200)}:</b> {_text(n)}", small) for name, n in notes]
        story.append(Spacer(1, 2 * mm))
    for w in summary.warnings:
        story.append(Paragraph(f"{warn} {_esc(w.text())}", small))
    if isinstance(gun, str):
        story += [Paragraph("Gun settings", h2), Paragraph(_esc(gun), small)]
    elif gun:
        device, gun_rows = gun
        rows = [["#", "Program", "Mode", "Needle", "Depth", "ml/shot", "Shots", "Rate", "Points"]]
        for g in gun_rows:
            rate = f"{g['rate_shots_per_s']}/s" if g["rate_shots_per_s"] else f"{g['flow_ml_per_min']} ml/min"
            rows.append([g["program"], Paragraph(_cell(g["name"]), small), g["mode"], f"{g['needle_mm']} mm",
                         f"{g['depth_mm']} mm", g["ml_per_shot"], g["shots"], rate,
                         f"{g['first_order']}–{g['last_order']}"])
        gt = Table(rows, colWidths=[8 * mm, 40 * mm, 30 * mm, 16 * mm, 15 * mm, 16 * mm, 13 * mm, 17 * mm, 15 * mm],
                   repeatRows=1)
        gt.setStyle(TableStyle([("FONTSIZE", (0, 0), (-1, -1), 8), ("FONTNAME", (0, 0), (-1, -1), font),
                                ("FONTNAME", (0, 0), (-1, 0), bold),
                                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8ee"))]))
        story += [KeepTogether([Paragraph(f"Gun settings — {_cell(device, 200)}", h2), gt])]

    def checklist(title: str, items: tuple[str, ...], box_items: bool) -> list:
        mark = f"{box} " if box_items else "• "
        return [Paragraph(title, h2)] + [Paragraph(mark + _esc(i), small) for i in items]

    story.append(KeepTogether(checklist("Contraindications checked (tick if absent)", text.contraindications, True)))
    story.append(KeepTogether(checklist("Before the session", text.before, False) + checklist("After the session", text.after, False)))
    sig = Table([["Clinician signature", "", "Patient signature", ""], ["Date", "", "Date", ""]],
                colWidths=[32 * mm, 53 * mm, 32 * mm, 53 * mm], rowHeights=[12 * mm, 8 * mm])
    sig.setStyle(TableStyle([("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black), ("LINEBELOW", (3, 0), (3, -1), 0.6, colors.black),
                             ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("FONTSIZE", (0, 0), (-1, -1), 9),
                             ("FONTNAME", (0, 0), (-1, -1), font)]))
    story += [Spacer(1, 4 * mm), KeepTogether([sig]), Spacer(1, 4 * mm), Paragraph(_esc(NO_MEDICAL_ADVICE), small)]

    out = Path(out)
    with atomic_path(out) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=15 * mm,
                                bottomMargin=15 * mm, title="Mesotherapy session sheet", author="mesomap",
                                initialFontName=font)  # else the page starts in Helvetica, not embedded
        doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return out


#: The technique depth views under the zone table: this many to a row, each this wide (mm).
DEPTH_PER_ROW = 3
DEPTH_WIDTH_MM = 54.0
#: Width (mm) of the row of pictures (A4 less the margins), and how many order close-ups share a row.
VIEWS_ROW_MM = 170.0
ORDER_PER_ROW = 3
ORDER_NOTE = ("Each zone up close: the numbers are the order of the injections (the first and last of each zone "
              "and every tenth).")


def view_width_mm(per_row: int) -> float:
    """Printed width (mm) of each picture in a row of ``per_row`` (at most 85 mm)."""
    return min(VIEWS_ROW_MM / per_row, 85.0) - 2.0


def _view_rows(views, per_row: int, style, font) -> list:
    """Tables, one per row: ``views`` (caption, PNG path) in rows of ``per_row``, each picture at its own
    aspect ratio and view_width_mm(per_row) wide, its caption under it."""
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image, Paragraph, Table

    width = view_width_mm(per_row) * mm
    out = []
    for start in range(0, len(views), per_row):
        row = views[start:start + per_row]
        pictures = []
        for _, path in row:
            w, h = ImageReader(str(path)).getSize()
            pictures.append(Image(str(path), width=width, height=width * h / w))
        cells = [pictures, [Paragraph(_cell(c), style) for c, _ in row]]
        out.append(Table(cells, colWidths=[width + 2 * mm] * len(row), style=[("FONTNAME", (0, 0), (-1, -1), font)]))
    return out


#: TrueType fonts shipped in assets/fonts (DejaVu, Bitstream Vera licence): Latin, Cyrillic and Greek.
FONT, BOLD_FONT = "DejaVuSans", "DejaVuSans-Bold"
FONT_FILES = {FONT: "DejaVuSans.ttf", BOLD_FONT: "DejaVuSans-Bold.ttf"}
#: A table cell holds at most this many characters (a cell cannot run over a page); body paragraphs wrap in full.
CELL_CHARS = 120


def register_fonts() -> tuple[str, str]:
    """(regular, bold) font names, registered with ReportLab from the bundled files (embedded in every PDF)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.lib.fonts import addMapping

    for name, file in FONT_FILES.items():
        try:
            pdfmetrics.getFont(name)
        except KeyError:
            path = assets_dir() / "fonts" / file
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except Exception as err:  # missing or damaged font file: one line, no ReportLab text
                raise ExportError(SHEET_FONT_UNREADABLE(file=path.name)) from err
    for italic in (0, 1):  # <b>/<i> in paragraphs: no oblique shipped, so italic falls back to upright
        addMapping(FONT, 0, italic, FONT)
        addMapping(FONT, 1, italic, BOLD_FONT)
    return FONT, BOLD_FONT


def _footer(canvas, doc) -> None:
    from reportlab.lib.units import mm

    canvas.saveState()
    canvas.setFont(FONT, 7)
    canvas.drawString(20 * mm, 8 * mm, f"mesomap session sheet — page {doc.page}")
    canvas.restoreState()


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text(s: str) -> str:
    """Paragraph markup for free text (notes): escaped, line breaks kept; it wraps over lines and pages."""
    return "<br/>".join(_esc(line) for line in s.splitlines())


def _cell(s: str, limit: int = CELL_CHARS) -> str:
    """Paragraph markup for a table cell: one line of at most ``limit`` characters, shortened with "…"."""
    s = " ".join(s.split())
    return _esc(s if len(s) <= limit else s[: limit - 1].rstrip() + "…")
