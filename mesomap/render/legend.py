"""A legend of the zones on screen, for a room to read: each zone's colour, name, technique and depth, in the
top left corner of a view; and a caption line at the bottom (what an animation is showing).

Text actors in the renderer's 2D overlay, sized in display pixels at 100 % and multiplied by ``scale``.
"""

from __future__ import annotations

import numpy as np
from vtkmodules.vtkRenderingCore import vtkTextActor

from mesomap.model.plan import Plan
from mesomap.render.colors import hex_to_rgb
from mesomap.render.labels import boxed_text
from mesomap.text import label

LEGEND_FONT_PX = 18  # at 100 %
LEGEND_MARGIN_PX = 12
SWATCH = "    "  # spaces on a box of the zone's colour: a swatch whatever the font holds
TEXT_RGB = (1.0, 1.0, 1.0)
BOX_RGB = (0.0, 0.0, 0.0)
BOX_OPACITY = 0.75


def legend_rows(plan: Plan, hidden=()) -> list[tuple[str, str]]:
    """(colour "#rrggbb", "Name — CODE depth mm") for each shown zone with faces, in the plan's order."""
    return [(z.color, label("legend_row", zone=z.name, technique=z.params.technique, depth_mm=z.params.depth_mm))
            for z in plan.zones if z.id not in hidden and len(z.faces)]


class Legend:
    """The zones legend (``rows``: the texts shown, top to bottom) and a caption line."""

    def __init__(self, renderer):
        self.renderer = renderer
        self.scale = 1.0
        self.rows: list[str] = []
        self._actors: list[tuple[vtkTextActor, vtkTextActor]] = []
        self.caption = boxed_text(renderer, TEXT_RGB, BOX_RGB, BOX_OPACITY)
        self.caption.SetVisibility(False)
        self.caption_text = ""

    def show(self, rows: list[tuple[str, str]]) -> None:
        """Show ``rows`` (colour, text) from the top left corner down (placed by :meth:`place`; no render)."""
        font = round(LEGEND_FONT_PX * self.scale)
        while len(self._actors) < len(rows):
            self._actors.append((boxed_text(self.renderer, TEXT_RGB, BOX_RGB, BOX_OPACITY), boxed_text(self.renderer, TEXT_RGB, BOX_RGB, BOX_OPACITY)))
        for k, (swatch, text) in enumerate(self._actors):
            shown = k < len(rows)
            swatch.SetVisibility(shown)
            text.SetVisibility(shown)
            if not shown:
                continue
            colour, words = rows[k]
            swatch.SetInput(SWATCH)
            swatch.GetTextProperty().SetBackgroundColor(*hex_to_rgb(colour))
            swatch.GetTextProperty().SetBackgroundOpacity(1.0)
            swatch.GetTextProperty().SetFontSize(font)
            text.SetInput(f" {words} ")
            text.GetTextProperty().SetFontSize(font)
        self.rows = [words for _, words in rows]
        self.place()

    def set_caption(self, text: str) -> None:
        """One line centred at the bottom of the view ("" hides it; no render)."""
        self.caption_text = text
        self.caption.SetVisibility(bool(text))
        if text:
            self.caption.SetInput(f" {text} ")
            prop = self.caption.GetTextProperty()
            prop.SetFontSize(round(LEGEND_FONT_PX * 1.2 * self.scale))
            prop.SetJustificationToCentered()
        self.place()

    def place(self) -> None:
        """Put the rows and the caption where they belong for the window's size now (no render; nothing once the
        view is closed)."""
        ren_win = self.renderer.GetRenderWindow()
        if ren_win is None:
            return
        width, height = ren_win.GetSize()
        font = round(LEGEND_FONT_PX * self.scale)
        line = round(font * 1.45)
        margin = round(LEGEND_MARGIN_PX * self.scale)
        for k, (swatch, text) in enumerate(self._actors[:len(self.rows)]):
            y = height - margin - (k + 1) * line
            swatch.SetDisplayPosition(margin, y)
            text.SetDisplayPosition(margin + round(font * 2.2), y)
        self.caption.SetDisplayPosition(width // 2, margin)

    def box(self) -> tuple[float, float, float, float] | None:
        """(x0, y0, x1, y1) px from the top left corner around the rows shown, None when none is."""
        height = self.renderer.GetRenderWindow().GetSize()[1]
        boxes = []
        for pair in self._actors[:len(self.rows)]:
            for actor in pair:
                bbox = [0.0, 0.0, 0.0, 0.0]  # x0, x1, y0, y1 from the actor's position, y upwards
                actor.GetBoundingBox(self.renderer, bbox)
                x, y = actor.GetPosition()  # its display position (px, y upwards)
                boxes.append((x + bbox[0], height - 1 - (y + bbox[3]), x + bbox[1], height - 1 - (y + bbox[2])))
        if not boxes:
            return None
        b = np.array(boxes)
        return float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max())

    def hide(self) -> None:
        self.show([])
        self.set_caption("")

    def remove(self) -> None:
        for pair in self._actors:
            for actor in pair:
                self.renderer.RemoveViewProp(actor)
        self.renderer.RemoveViewProp(self.caption)
        self._actors = []
        self.rows = []
