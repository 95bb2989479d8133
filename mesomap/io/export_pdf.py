"""The printable session sheet (PDF, A4) — drawn with ReportLab from data and pictures.

This module never renders 3D itself: the caller passes the body views as PNG
files (see :mod:`mesomap.render.sheet`), so it stays free of VTK and Qt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from mesomap.io.assets import assets_dir
from mesomap.io.atomic import atomic_path
from mesomap.io.exports import ExportError, check_plan_values
from mesomap.io.sheet_record import SheetRecord
from mesomap.io.vocabulary import term
from mesomap.model.messages import Kind
from mesomap.model.plan import Plan
from mesomap.model.summary import PlanSummary
from mesomap.text import NUMBER_MARKS, label, language, number
from mesomap.text.dates import long_date

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
    mm_, ml = label("unit_mm"), label("unit_ml")
    head_style = small.clone("head", fontName=bold)  # table heads wrap between words (longer in French)
    story = [Paragraph(_esc(label("sheet_title")), h1)]
    if record is None:
        head = [[label("patient"), Paragraph(_cell(h.patient_ref or "—"), body), label("date"),
                 long_date(h.date or "—")],
                [label("session"), str(h.session_number), label("clinician"),
                 Paragraph(_cell(h.clinician or "—"), body)]]
    else:
        head = [[label("patient"), Paragraph(_cell(record.patient_text), body), label("date"), long_date(record.date)],
                [label("session"), record.session_text, label("clinician"),
                 Paragraph(_cell(record.clinician or "—"), body)],
                [label("lots"), Paragraph(_cell("; ".join(lot.text() for lot in record.lots) or "—"), body), "", ""]]
    widths = fit_widths(["", "", "", ""], [25, 60, 25, 60], flexible=(1, 3), font=bold, size=body.fontSize,
                        cells=[[row[0], "", row[2], ""] for row in head], cell_font=bold)
    t = Table(head, colWidths=[w * mm for w in widths])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("FONTNAME", (0, 0), (0, -1), bold),
                           ("FONTNAME", (2, 0), (2, -1), bold), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("GRID", (0, 0), (-1, -1), 0.4, colors.grey)]
                          + ([("SPAN", (1, 2), (3, 2))] if record is not None else [])))
    story += [t, Spacer(1, 4 * mm)]
    if h.notes:
        notes = f"<b>{_esc(label('notes'))}</b>{_esc(label('colon'))}{_text(h.notes)}"
        story += [Paragraph(notes, body), Spacer(1, 2 * mm)]

    for row in _view_rows(views, 3 if len(views) > 2 else max(len(views), 1), small, font):
        story += [KeepTogether([row]), Spacer(1, 3 * mm)]  # captions stay under their pictures
    for k, row in enumerate(_view_rows(order_views, ORDER_PER_ROW, small, font)):
        head = [Paragraph(_esc(label("injection_order")), h2), Paragraph(_esc(label("injection_order_note")), small),
                Spacer(1, 2 * mm)]
        story += [KeepTogether((head if k == 0 else []) + [row]), Spacer(1, 3 * mm)]

    story.append(Paragraph(_esc(label("zones")), h2))
    heads = [label(k) for k in ("zone", "technique", "needle", "depth", "spacing", "count", "volume", "product_lot")]
    rows = [[Paragraph(_esc(w), head_style) for w in heads]]
    for z, s in zip(plan.zones, summary.zones):
        p = z.params
        products = ", ".join(f"{c.name} ({c.lot})" if c.lot else c.name for c in p.products) or "—"
        rows.append([Paragraph(_cell(z.name), small), p.technique,
                     f"{number(p.needle.length_mm, 'g')} {mm_} {p.needle.gauge}G",
                     f"{number(p.depth_mm, 'g')} {mm_}", f"{number(p.spacing_mm, 'g')} {mm_}", str(s.count),
                     f"{number(s.volume_ml, '.2f')} {ml}", Paragraph(_cell(products), small)])
    if summary.reflex_count:
        codes = ", ".join(f"{pt.code} {_side(pt.side)}" if pt.side != "midline" else pt.code for pt in plan.points)
        rows.append([Paragraph(_esc(label("reflex_points")), small), "PPP", "", "", "", str(summary.reflex_count),
                     f"{number(summary.reflex_volume_ml, '.2f')} {ml}", Paragraph(_cell(codes), small)])
    rows.append([label("total"), "", "", "", "", str(summary.count), f"{number(summary.volume_ml, '.2f')} {ml}",
                 Paragraph(_esc(label("about_minutes", minutes=summary.duration_min)), head_style)])
    names = [[z.name, "", "", "", "", "", "", ""] for z in plan.zones] + [[label("reflex_points")] + [""] * 7]
    widths = fit_widths(heads, [32, 19, 21, 14, 16, 13, 18, 37], flexible=(0, 7), font=bold, size=8, cells=names)
    zt = Table(rows, colWidths=[w * mm for w in widths], repeatRows=1)
    zt.setStyle(TableStyle([("FONTSIZE", (0, 0), (-1, -1), 8), ("FONTNAME", (0, 0), (-1, -1), font),
                            ("FONTNAME", (0, 0), (-1, 0), bold), ("FONTNAME", (0, -1), (-1, -1), bold), ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8ee")), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [zt, Spacer(1, 2 * mm)]
    for k, start in enumerate(range(0, len(depth_views), DEPTH_PER_ROW)):
        row = depth_views[start:start + DEPTH_PER_ROW]
        cells = [[d for _, d in row], [Paragraph(_cell(c), small) for c, _ in row]]
        table = Table(cells, colWidths=[(DEPTH_WIDTH_MM + 3) * mm] * len(row),
                      style=[("FONTNAME", (0, 0), (-1, -1), font), ("VALIGN", (0, 0), (-1, -1), "TOP")], hAlign="LEFT")
        story += [KeepTogether(([Paragraph(_esc(label("technique_depth")), h2)] if k == 0 else []) + [table]),
                  Spacer(1, 2 * mm)]
    notes = [(z.name, n) for z in plan.zones for n in (z.notes, z.params.notes) if n.strip()]
    if notes:
        story.append(Paragraph(_esc(label("zone_notes")), h2))
        story += [Paragraph(f"<b>{_cell(name, 200)}</b>{_esc(label('colon'))}{_text(n)}", small) for name, n in notes]
        story.append(Spacer(1, 2 * mm))
    for w in summary.warnings:
        story.append(Paragraph(f"{warn} {_esc(w.text())}", small))
    if isinstance(gun, str):
        story += [Paragraph(_esc(label("gun_settings")), h2), Paragraph(_esc(gun), small)]
    elif gun:
        device, gun_rows = gun
        heads = ["#"] + [label(k) for k in ("program", "mode", "needle", "depth", "ml_per_shot", "shots", "rate",
                                            "points")]
        rows = [[Paragraph(_esc(w), head_style) for w in heads]]
        for g in gun_rows:
            rate = label("per_second", rate=_decimal(g["rate_shots_per_s"])) if g["rate_shots_per_s"] else \
                f"{_decimal(g['flow_ml_per_min'])} {label('unit_ml_per_min')}"
            rows.append([g["program"], Paragraph(_cell(g["name"]), small), Paragraph(_esc(_mode(g["mode"])), small),
                         f"{_decimal(g['needle_mm'])} {mm_}",
                         f"{_decimal(g['depth_mm'])} {mm_}", _decimal(g["ml_per_shot"]), g["shots"], rate,
                         f"{g['first_order']}–{g['last_order']}"])
        widths = fit_widths(heads, [8, 40, 30, 16, 15, 16, 13, 17, 15], flexible=(1, 2), font=bold, size=8)
        gt = Table(rows, colWidths=[w * mm for w in widths], repeatRows=1)
        gt.setStyle(TableStyle([("FONTSIZE", (0, 0), (-1, -1), 8), ("FONTNAME", (0, 0), (-1, -1), font),
                                ("FONTNAME", (0, 0), (-1, 0), bold),
                                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8ee"))]))
        title = label("gun_settings_for", device=" ".join(device.split())[:200])
        story += [KeepTogether([Paragraph(_esc(title), h2), gt])]

    def checklist(title: str, items: tuple[str, ...], box_items: bool) -> list:
        mark = f"{box} " if box_items else "• "
        return [Paragraph(title, h2)] + [Paragraph(mark + _esc(i), small) for i in items]

    story.append(KeepTogether(checklist(_esc(label("contraindications_checked")), text.contraindications, True)))
    story.append(KeepTogether(checklist(_esc(label("before_session")), text.before, False)
                              + checklist(_esc(label("after_session")), text.after, False)))
    sign = small.clone("sign", fontSize=9, leading=10.5)
    sig = Table([[Paragraph(_esc(label("clinician_signature")), sign), "",
                  Paragraph(_esc(label("patient_signature")), sign), ""], [label("date"), "", label("date"), ""]],
                colWidths=[32 * mm, 53 * mm, 32 * mm, 53 * mm], rowHeights=[12 * mm, 8 * mm])
    sig.setStyle(TableStyle([("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black), ("LINEBELOW", (3, 0), (3, -1), 0.6, colors.black),
                             ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("FONTSIZE", (0, 0), (-1, -1), 9),
                             ("FONTNAME", (0, 0), (-1, -1), font)]))
    story += [Spacer(1, 4 * mm), KeepTogether([sig]), Spacer(1, 4 * mm), Paragraph(_esc(label("no_medical_advice")), small)]

    out = Path(out)
    with atomic_path(out) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=15 * mm,
                                bottomMargin=15 * mm, title=label("sheet_title"), author="mesomap",
                                initialFontName=font, lang=language())  # else the page starts in Helvetica, not embedded
        doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return out


#: The technique depth views under the zone table: this many to a row, each this wide (mm).
DEPTH_PER_ROW = 3
DEPTH_WIDTH_MM = 54.0
#: Width (mm) of the row of pictures (A4 less the margins), and how many order close-ups share a row.
VIEWS_ROW_MM = 170.0
ORDER_PER_ROW = 3


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
    canvas.drawString(20 * mm, 8 * mm, label("sheet_footer", page=doc.page))
    canvas.restoreState()


def fit_widths(heads: list[str], widths_mm: list[float], flexible: tuple[int, ...], font: str, size: float,
               cells: list[list[str]] = (), cell_font: str = FONT, padding_mm: float = 4.5) -> list[float]:
    """Column widths (mm, same total as ``widths_mm``) in which each column's longest word fits on a line at
    ``size`` points (heads in ``font``, the ``cells``' texts, rows of strings, in ``cell_font``; text wraps
    between words only): a column too narrow for its word (French "Profondeur") widens, and the ``flexible``
    columns (names, then products) give up the room, in that order, down to their own longest word."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def widest(texts, face) -> float:
        return max((stringWidth(w, face, size) / mm + padding_mm for t in texts for w in t.split()), default=0.0)

    need = [max(widest([h], font), widest([row[i] for row in cells], cell_font)) for i, h in enumerate(heads)]
    out = [max(w, n) for w, n in zip(widths_mm, need)]
    extra = sum(out) - sum(widths_mm)
    for i in flexible:  # the first flexible column gives what it can spare, then the next
        take = min(extra, max(out[i] - need[i], 0.0))
        out[i] -= take
        extra -= take
    return out


def _mode(words: str) -> str:
    """A gun sheet's mode (the English words of model.devices.MODES) in the reader's language."""
    from mesomap.io.vocabulary import term
    from mesomap.model.devices import MODES

    key = next((k for k, v in MODES.items() if v == words), words)
    return term("device_mode", key, default=words)


def _side(side: str) -> str:
    from mesomap.io.vocabulary import term

    return term("side", side, default=side)


def _decimal(value: str) -> str:
    """A number as a file writes it ("0.05") with the reader's decimal mark ("0,05"); other text as it is."""
    try:
        float(value)
    except (TypeError, ValueError):
        return str(value)
    return str(value).replace(".", NUMBER_MARKS.get(language(), NUMBER_MARKS["en"])[0])


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text(s: str) -> str:
    """Paragraph markup for free text (notes): escaped, line breaks kept; it wraps over lines and pages."""
    return "<br/>".join(_esc(line) for line in s.splitlines())


def _cell(s: str, limit: int = CELL_CHARS) -> str:
    """Paragraph markup for a table cell: one line of at most ``limit`` characters, shortened with "…"."""
    s = " ".join(s.split())
    return _esc(s if len(s) <= limit else s[: limit - 1].rstrip() + "…")
