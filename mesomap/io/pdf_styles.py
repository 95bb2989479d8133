"""The paragraph styles of mesomap's PDFs in the bundled DejaVu fonts (embedded in every PDF)."""

from __future__ import annotations


def dejavu_styles():
    """(body, small, title, heading) ReportLab paragraph styles using the bundled fonts."""
    from reportlab.lib.styles import getSampleStyleSheet

    from mesomap.io.export_pdf import register_fonts

    font, bold = register_fonts()
    styles = getSampleStyleSheet()
    for style in styles.byName.values():
        if hasattr(style, "fontName"):
            style.fontName = bold if "Bold" in style.fontName else font
    return styles["BodyText"], styles["BodyText"].clone("small", fontSize=8, leading=10), styles["Title"], \
        styles["Heading2"]
