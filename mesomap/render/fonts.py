"""Text drawn into pictures in the bundled DejaVu font, so French accents and Cyrillic show (VTK's own Arial has
no Cyrillic: "Глубина (мм)" would come out as "()")."""

from __future__ import annotations

from vtkmodules.vtkCommonCore import VTK_FONT_FILE

from mesomap.io.assets import assets_dir


def use_bundled_font(prop, bold: bool | None = None) -> None:
    """Make the vtkTextProperty ``prop`` draw with assets/fonts/DejaVuSans(-Bold).ttf (bold: ``bold``, else as
    ``prop`` is set)."""
    bold = bool(prop.GetBold()) if bold is None else bold
    prop.SetFontFamily(VTK_FONT_FILE)
    prop.SetFontFile(str(assets_dir() / "fonts" / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")))


def scalar_bar_in_bundled_font(bar) -> None:
    """A vtkScalarBarActor's title and numbers in the bundled font."""
    use_bundled_font(bar.GetTitleTextProperty())
    use_bundled_font(bar.GetLabelTextProperty())
