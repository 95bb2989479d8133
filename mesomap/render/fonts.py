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


def scalar_bar_numbers(bar, low: float, high: float, count: int, spec: str = ".1f",
                       marks: dict[float, str] | None = None) -> None:
    """Write a vtkScalarBarActor's ``count`` numbers from ``low`` to ``high`` with the chosen language's decimal
    mark (VTK prints them with printf, always with a full stop): in French and Russian the tick labels give way
    to annotations worded by :func:`mesomap.text.number` ("2,8"), in the bundled font; English keeps VTK's.
    ``marks`` {value: words} are annotations the bar shows besides (e.g. a warning threshold)."""
    from mesomap.text import NUMBER_MARKS, language, number

    if NUMBER_MARKS.get(language(), NUMBER_MARKS["en"])[0] == ".":
        return
    table = bar.GetLookupTable()
    table.ResetAnnotations()
    for value in (low + (high - low) * i / max(count - 1, 1) for i in range(count)):
        table.SetAnnotation(value, number(value, spec))
    for value, words in (marks or {}).items():
        table.SetAnnotation(value, words)
    bar.SetDrawTickLabels(False)
    bar.SetDrawAnnotations(True)
    bar.SetDrawNanAnnotation(False)
    bar.SetAnnotationLeaderPadding(4)
    annotation = bar.GetAnnotationTextProperty()
    annotation.ShallowCopy(bar.GetLabelTextProperty())
    use_bundled_font(annotation)
