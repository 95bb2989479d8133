"""A course as a timeline: one tile per session, done, started or still planned, left to right by number.

Each started session's tile shows a small render of its plan (:func:`mesomap.render.plan_png.render_plan_png`
offscreen), drawn lazily one per event-loop turn after the page shows and cached on disk by the plan's
content (``thumbnails/`` in the data folder), so reopening a patient draws nothing again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem

from mesomap.store.records import Course, TreatmentSession
from mesomap.ui.i18n import QT_TR_NOOP, fill_in, num, tr, unit

THUMB_SIZE = (120, 150)  # px


@dataclass(frozen=True)
class Tile:
    """One place on the timeline: session ``number`` of ``of``; ``session`` None while only planned."""

    number: int
    of: int
    day: date
    session: TreatmentSession | None

    @property
    def state(self) -> str:
        if self.session is None:
            return QT_TR_NOOP("planned")
        return QT_TR_NOOP("done") if self.session.done else QT_TR_NOOP("started")

    def text(self) -> str:
        return fill_in(tr('{number} of {of}\n{isoformat}\n{state}'), number=self.number, of=self.of, isoformat=self.day.isoformat(), state=tr(self.state))

    def tip(self) -> str:
        s = self.session
        if s is None:
            return fill_in(tr('Session {number} of {of}: planned for {isoformat}'), number=self.number, of=self.of, isoformat=self.day.isoformat())
        lines = [fill_in(tr('Session {number} of {of}, {scheduled_at:%Y-%m-%d %H:%M}'), number=s.number, of=self.of, scheduled_at=s.scheduled_at)
                 + (f", {s.clinician}" if s.clinician else "") + f": {tr(self.state)}"]
        planned = "—" if s.injections_planned is None else s.injections_planned
        if s.done:
            lines.append(fill_in(tr("injections {done} of {planned}"),
                                 done=s.injections_done if s.injections_done is not None else "—", planned=planned))
        lines += [fill_in(tr('lot {lot_number} ({product})'), lot_number=u.lot_number, product=u.product) + ("" if u.volume_ml is None else f" {num(u.volume_ml)} {unit('ml')}")
                  + (tr(" — expired, confirmed") if u.expired_confirmed else "") for u in s.lots]
        if s.adverse_events:
            lines.append(fill_in(tr("adverse events: {what}"), what=s.adverse_events))
        return "\n".join(lines)


def course_tiles(course: Course, sessions: list[TreatmentSession]) -> list[Tile]:
    """The course's sessions by number: those started (with their own day) and the rest on their planned dates.
    Sessions beyond the planned number (an extra session) are added at the end."""
    days = course.planned_dates()
    by_number = {s.number: s for s in sessions if s.course_id == course.id}
    total = max(len(days), max(by_number, default=0))
    tiles = []
    for n in range(1, total + 1):
        s = by_number.get(n)
        day = s.scheduled_at.date() if s is not None else days[n - 1] if n <= len(days) else days[-1]
        tiles.append(Tile(n, len(days), day, s))
    return tiles


def thumbnail_path(folder: Path, plan_json: str) -> Path:
    return folder / f"{hashlib.sha256(plan_json.encode('utf-8')).hexdigest()[:24]}.png"


def render_thumbnail(plan_json: str, out: Path) -> Path:
    """Render a session's plan (JSON text) small, on white, from the view that shows most of it."""
    from mesomap.render.plan_png import render_plan_png
    from mesomap.render.sheet import views_for
    from mesomap.session.prefetch import surface_for
    from mesomap.session.records import plan_of

    plan = plan_of(plan_json)
    surface = surface_for(plan.body.body_id)
    out.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    return render_plan_png(plan, surface, out, view=views_for(plan, surface)[0], size=THUMB_SIZE, labels=False,
                           legend=False, background=(1.0, 1.0, 1.0))


def placeholder(text: str, color: str = "#eeeef2") -> QIcon:
    pixmap = QPixmap(*THUMB_SIZE)
    pixmap.fill(QColor(color))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#777"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


class Timeline(QListWidget):
    """The tiles of one course; ``tile_chosen(Tile | None)`` as the selection moves. Thumbnails draw lazily."""

    tile_chosen = Signal(object)

    def __init__(self, thumbnails: Path, parent=None):
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setIconSize(QSize(*THUMB_SIZE))
        self.setGridSize(QSize(THUMB_SIZE[0] + 24, THUMB_SIZE[1] + 60))
        self.setFixedHeight(THUMB_SIZE[1] + 84)
        self.tiles: list[Tile] = []
        self._todo: list[tuple[QListWidgetItem, str]] = []
        self.drawn = 0  # thumbnails rendered (not from the cache): the tests count them
        self.currentRowChanged.connect(lambda row: self.tile_chosen.emit(self.tiles[row] if 0 <= row < len(self.tiles)
                                                                         else None))

    def show_tiles(self, tiles: list[Tile]) -> None:
        keep = self.currentRow()
        self.blockSignals(True)
        self.clear()
        self.tiles = tiles
        self._todo = []
        for tile in tiles:
            item = QListWidgetItem(tile.text())
            item.setToolTip(tile.tip())
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            s = tile.session
            if s is None:
                item.setIcon(placeholder(tr("planned")))
            elif not s.plan_json:
                item.setIcon(placeholder(tr("no plan"), "#f6f0e0"))
            else:
                cached = thumbnail_path(self.thumbnails, s.plan_json)
                if cached.exists():
                    item.setIcon(QIcon(str(cached)))
                else:
                    item.setIcon(placeholder("…"))
                    self._todo.append((item, s.plan_json))
            if tile.state == "done":
                item.setBackground(QColor("#e4f2e4"))
            self.addItem(item)
        self.blockSignals(False)
        if tiles:
            self.setCurrentRow(keep if 0 <= keep < len(tiles) else self.next_row())
        else:
            self.tile_chosen.emit(None)
        if self._todo:
            QTimer.singleShot(0, self._draw_next)

    def next_row(self) -> int:
        """The first tile not yet done (the session to give next), else the last."""
        return next((i for i, t in enumerate(self.tiles) if t.state != "done"), len(self.tiles) - 1)

    def _draw_next(self) -> None:
        if not self._todo:
            return
        item, text = self._todo.pop(0)
        try:
            path = thumbnail_path(self.thumbnails, text)
            if not path.exists():  # sessions that copied a plan share its picture
                render_thumbnail(text, path)
                self.drawn += 1
            icon = QIcon(str(path))
        except Exception:  # noqa: BLE001 — a plan that cannot be drawn keeps its placeholder, and says so
            icon = placeholder(tr("cannot draw"), "#f6e0e0")
        try:
            item.setIcon(icon)
        except RuntimeError:  # the page moved on meanwhile
            pass
        if self._todo:
            QTimer.singleShot(0, self._draw_next)

    def pending(self) -> int:
        return len(self._todo)
