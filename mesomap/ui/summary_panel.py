"""The summary dock: injections and volume per zone, totals, session time, warnings in plain words.

Numbers come from :func:`mesomap.model.summary.summarize` on the open plan
(with the spacing being previewed or laid out, so it follows a slider live).
A zone without a current grid shows an estimate from its area and border
("~"). Recomputing costs a few ms per changed zone (its border length), so
document changes are coalesced: at most one refresh per ``REFRESH_MS`` while
painting, and one after the last change.
"""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mesomap.geometry.surface import PaintingSurface, boundary_length_mm
from mesomap.model.grid import estimated_count
from mesomap.model.plan import Plan, Zone
from mesomap.model.placement import misplaced_injections
from mesomap.model.summary import PlanSummary, summarize
from mesomap.session.messages import NEEDS_BUNDLED_BODY
from mesomap.session.session import Session
from mesomap.ui.zone_panel import ERROR_STYLE, WARNING_STYLE, scrolling
from mesomap.ui.i18n import QT_TR_NOOP, fill_in, num, tr, unit

#: Longest wait between a change and the summary showing it (ms).
REFRESH_MS = 150
ESTIMATE_TIP = QT_TR_NOOP("About: estimated from the zone's area and border until its grid is laid out (Ctrl+G)")


class ZoneMetrics:
    """Area (cm²) and border length (mm) of each zone, recomputed only when its faces change."""

    def __init__(self):
        self._cache: dict[str, tuple] = {}  # zone id -> (faces, area, perimeter)

    def get(self, surface: PaintingSurface, zone: Zone) -> tuple[float, float]:
        cached = self._cache.get(zone.id)
        if cached is not None and cached[0] is zone.faces and cached[3] is surface:
            return cached[1], cached[2]
        area = surface.area_cm2(zone.faces)
        perimeter = boundary_length_mm(surface.mesh, zone.faces)
        self._cache[zone.id] = (zone.faces, area, perimeter, surface)
        return area, perimeter

    def forget_others(self, zone_ids) -> None:
        keep = set(zone_ids)
        for zone_id in [z for z in self._cache if z not in keep]:
            del self._cache[zone_id]


def plan_summary(plan: Plan, surface: PaintingSurface, metrics: ZoneMetrics) -> PlanSummary:
    """:func:`summarize` for ``plan`` on ``surface``, with cached areas and borders."""
    areas = {}
    for z in plan.zones:
        areas[z.id] = metrics.get(surface, z)[0]
    metrics.forget_others(areas)
    return summarize(plan, areas, lambda zone, area: estimated_count(zone, area, metrics.get(surface, zone)[1]),
                     misplaced=misplaced_injections(plan, surface))


def _count(n: int, estimate: bool) -> str:
    return f"~{n}" if estimate else str(n)


class SummaryPanel(QDockWidget):
    """Per-zone counts and volumes, totals and warnings for the editor's plan."""

    def __init__(self, editor: Session, parent: QWidget | None = None):
        super().__init__(tr("Summary"), parent)
        self.setObjectName("summary-dock")
        self.editor = editor
        self.metrics = ZoneMetrics()
        self.summary: PlanSummary | None = None
        self.last_cost_ms = 0.0
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)

        self.table = QTreeWidget()
        self.table.setColumnCount(3)
        self.table.setHeaderLabels([tr("Zone"), tr("Injections"), unit("ml")])
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setAlternatingRowColors(True)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.table.setToolTip(tr("~ marks an estimate: the zone has no current grid yet"))
        layout.addWidget(self.table, 1)

        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.totals)
        self.errors = QLabel()
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.errors)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.warnings)
        self.hints = QLabel()  # what to do next: plain text, not a warning colour
        self.hints.setWordWrap(True)
        layout.addWidget(self.hints)
        layout.addStretch(0)
        self.setWidget(scrolling(body))

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.refresh()

    # -- updating --------------------------------------------------------------
    def schedule(self, *_args) -> None:
        """Refresh soon: at most once per REFRESH_MS however many changes arrive."""
        if not self.timer.isActive():
            self.timer.start()

    def shown_plan(self) -> Plan:
        """The plan with the parameters being previewed or laid out (what the panels show)."""
        plan = self.editor.plan
        zones = []
        for z in plan.zones:
            params = self.editor.shown_params(z)
            # parameters being previewed or laid out: the count is the estimate for them (not "changed since")
            zones.append(z if params is z.params else replace(z, params=params, injections=(), grid_source=""))
        return replace(plan, zones=tuple(zones))

    def refresh(self) -> None:
        self.timer.stop()
        surface = self.editor.surface
        if surface is None:
            self.summary = None
            self.table.clear()
            self.totals.setText(NEEDS_BUNDLED_BODY().text())
            self.warnings.clear()
            self.errors.clear()
            self.hints.clear()
            return
        start = time.perf_counter()
        self.summary = plan_summary(self.shown_plan(), surface, self.metrics)
        self._fill(self.summary)
        self.last_cost_ms = (time.perf_counter() - start) * 1e3

    def _fill(self, s: PlanSummary) -> None:
        self.table.clear()
        bold = QFont(self.table.font())
        bold.setBold(True)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        rows = []
        for z in s.zones:
            item = QTreeWidgetItem([z.name, _count(z.count, z.count_is_estimate), num(z.volume_ml, ".2f")])
            tip = (fill_in(tr('{name}: {area_cm2:.1f} cm², {technique}, {pattern} every {spacing_mm:g} mm, depth {depth_mm:g} mm'), name=z.name, area_cm2=z.area_cm2, technique=z.technique, pattern=z.pattern, spacing_mm=z.spacing_mm, depth_mm=z.depth_mm))
            item.setToolTip(0, tip)
            item.setToolTip(1, tr(ESTIMATE_TIP) if z.count_is_estimate else tr("Counted from the laid-out grid"))
            rows.append(item)
        if s.reflex_count:
            rows.append(QTreeWidgetItem([tr("Reflex points"), str(s.reflex_count), num(s.reflex_volume_ml, ".2f")]))
        estimate = any(z.count_is_estimate for z in s.zones if z.count)
        total = QTreeWidgetItem([tr("Total"), _count(s.count, estimate), num(s.volume_ml, ".2f")])
        for col in range(3):
            total.setFont(col, bold)
        rows.append(total)
        for item in rows:
            item.setTextAlignment(1, right)
            item.setTextAlignment(2, right)
        self.table.addTopLevelItems(rows)
        row_h = max(self.table.sizeHintForRow(0), 18)
        self.table.setFixedHeight(min(len(rows), 9) * row_h + self.table.header().sizeHint().height() + 6)

        zone_count = s.count - s.reflex_count
        reflex = tr(", %n reflex point(s)", "", s.reflex_count) if s.reflex_count else ""
        parts = [fill_in(tr("<b>{count} injections</b> ({in_zones} in zones{reflex})"), count=_count(s.count, estimate),
                         in_zones=_count(zone_count, estimate), reflex=reflex),
                 fill_in(tr('<b>{volume_ml:.2f} ml</b> in all'), volume_ml=s.volume_ml)]
        if s.product_volumes_ml:
            parts.append(tr("products: ") + ", ".join(f"{_esc(n)} {num(v, '.2f')} ml" for n, v in s.product_volumes_ml))
        parts.append(fill_in(tr('session: about {duration_min:.0f} min'), duration_min=s.duration_min) if s.count else tr("session: nothing planned yet"))
        self.totals.setText("<br>".join(parts))
        self.errors.setText("<br>".join(fill_in(tr('Blocks export — {esc}.'), esc=_esc(e.text())) for e in s.errors))
        self.errors.setVisible(bool(s.errors))
        self.warnings.setText("<br>".join(f"• {_esc(_sentence(w.text()))}" for w in s.warnings))
        self.warnings.setVisible(bool(s.warnings))
        self.hints.setText("<br>".join(_esc(h.text()) for h in s.hints))
        self.hints.setVisible(bool(s.hints))

    def warning_text(self) -> str:
        """The warnings as shown (plain text)."""
        return self.warnings.text().replace("<br>", "\n")


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
