"""Drawers of the technique depth view (:mod:`mesomap.model.depth_view`): a ReportLab drawing for PDFs,
and a PNG drawn with Pillow. Both only scale mm to points or pixels and flip nothing else: the shapes,
numbers and words come from the model."""

from __future__ import annotations

from pathlib import Path

from mesomap.io.atomic import atomic_path
from mesomap.model.depth_view import DepthView

MM_TO_PT = 72.0 / 25.4


def reportlab_drawing(view: DepthView, width_pt: float):
    """A ``reportlab.graphics.shapes.Drawing`` of ``view`` scaled to ``width_pt`` points wide (a Flowable)."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
    from reportlab.lib import colors

    from mesomap.io.export_pdf import register_fonts

    font, bold = register_fonts()
    k = width_pt / view.width_mm
    height = view.height_mm * k
    d = Drawing(width_pt, height)
    d.initialFontName = font  # the drawing's starting font: else ReportLab names Helvetica, left unembedded

    def y(mm: float) -> float:  # mm down from the skin -> points up from the drawing's bottom
        return height - (mm - view.top_mm) * k

    d.add(Rect(0, y(0), width_pt, height - y(0), fillColor=colors.white, strokeColor=None))
    for b in view.bands:
        d.add(Rect(0, y(b.y_mm + b.h_mm), width_pt, b.h_mm * k, fillColor=colors.HexColor(b.colour),
                   strokeColor=colors.HexColor("#8a7060"), strokeWidth=0.3))
    bl = view.bleb
    c = colors.HexColor(bl.colour)
    d.add(Circle(bl.cx_mm * k, y(bl.cy_mm), bl.r_mm * k, fillColor=colors.Color(c.red, c.green, c.blue, alpha=0.55),
                 strokeColor=colors.HexColor(bl.colour), strokeWidth=0.5))
    for ln in (view.depth_marker, view.hub, view.shaft):
        d.add(Line(ln.x0_mm * k, y(ln.y0_mm), ln.x1_mm * k, y(ln.y1_mm), strokeColor=colors.HexColor(ln.colour),
                   strokeWidth=max(ln.width_mm * k, 0.5)))
    for lb in view.labels:
        d.add(String(lb.x_mm * k, y(lb.y_mm), lb.text, fontName=bold if lb.bold else font, fontSize=lb.size_mm * k,
                     textAnchor=lb.anchor, fillColor=colors.black))
    d.add(Rect(0, 0, width_pt, height, fillColor=None, strokeColor=colors.HexColor("#999999"), strokeWidth=0.5))
    return d


def write_depth_png(view: DepthView, out: str | Path, px_per_mm: float = 20.0) -> Path:
    """Draw ``view`` to a PNG at ``px_per_mm`` pixels per millimetre (written atomically)."""
    from PIL import Image, ImageDraw, ImageFont

    from mesomap.io.assets import assets_dir
    from mesomap.io.export_pdf import FONT_FILES, FONT, BOLD_FONT

    k = px_per_mm
    w, h = round(view.width_mm * k), round(view.height_mm * k)
    img = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(img, "RGBA")

    def y(mm: float) -> float:
        return (mm - view.top_mm) * k

    for b in view.bands:
        draw.rectangle([0, y(b.y_mm), w, y(b.y_mm + b.h_mm)], fill=b.colour, outline="#8a7060")
    bl = view.bleb
    rgb = tuple(int(bl.colour[i:i + 2], 16) for i in (1, 3, 5))
    draw.ellipse([(bl.cx_mm - bl.r_mm) * k, y(bl.cy_mm - bl.r_mm), (bl.cx_mm + bl.r_mm) * k, y(bl.cy_mm + bl.r_mm)],
                 fill=rgb + (140,), outline=rgb)
    for ln in (view.depth_marker, view.hub, view.shaft):
        draw.line([ln.x0_mm * k, y(ln.y0_mm), ln.x1_mm * k, y(ln.y1_mm)], fill=ln.colour,
                  width=max(1, round(ln.width_mm * k)))
    fonts = {}
    for lb in view.labels:
        key = (lb.bold, round(lb.size_mm * k))
        if key not in fonts:
            fonts[key] = ImageFont.truetype(str(assets_dir() / "fonts" / FONT_FILES[BOLD_FONT if lb.bold else FONT]),
                                            max(6, key[1]))
        draw.text((lb.x_mm * k, y(lb.y_mm)), lb.text, fill="black", font=fonts[key],
                  anchor="rs" if lb.anchor == "end" else "ls")
    draw.rectangle([0, 0, w - 1, h - 1], outline="#999999")
    out = Path(out)
    with atomic_path(out) as tmp:
        img.save(tmp, format="PNG")
    return out
