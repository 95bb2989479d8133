"""The status bar in clinicians' words: the body, what the plan holds, what the current tool does.

:class:`StatusLine` keeps three parts of a MainWindow's status bar up to date:
on the left what the tool in use does with the mouse (in the selected zone's
name), on the right the plan's counts (zones, reflex points, injections, total
volume in ml) and the body's name. Clicking the skin names the zone or the
anatomical region under the cursor (so does resting the mouse on the skin
while navigating), never a triangle or a coordinate.
Temporary messages (saved, exported, errors) still show over the tool hint, whole: a message longer than
the bar is wide wraps onto a second line (a French or Russian sentence naming two zones is often longer than a
1366-pixel window), and the tool hint wraps the same way; the whole text is also the label's tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QStatusBar, QStyle, QStyleOption

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.io.meshes import BUNDLED_BODIES
from mesomap.model.plan import Plan
from mesomap.session.session import Mode
from mesomap.session.zones import zone_at_face
from mesomap.ui.i18n import BODY_WORDS, fill_in, num, tr, unit, word


#: Naming the region under a resting mouse waits this long after the last move (ms): one pick per rest, not per move.
HOVER_REST_MS = 250


def plan_counts(plan: Plan) -> tuple[int, int, int, float]:
    """(zones, reflex points, injections, volume in ml) planned now: laid-out grid points plus reflex points."""
    injections = sum(len(z.injections) for z in plan.zones) + len(plan.points)
    volume_ml = (sum(len(z.injections) * z.params.volume_per_point_ml for z in plan.zones)
                 + sum(p.volume_ml for p in plan.points))
    return len(plan.zones), len(plan.points), injections, volume_ml


def plan_text(plan: Plan) -> str:
    """"2 zones · 1 point · 134 injections · 2.68 ml": what the plan holds, in counts and ml."""
    zones, points, injections, volume_ml = plan_counts(plan)
    return " · ".join((tr("%n zone(s)", "", zones), tr("%n point(s)", "", points),
                       tr("%n injection(s)", "", injections), num(volume_ml, ".2f") + " " + unit("ml")))


def body_text(mesh: BodyMesh | None) -> str:
    """"Female body" for a bundled body, "NAME (patient's scan)" for the body fitted onto a scan, the file
    name for a user's own mesh."""
    if mesh is None:
        return ""
    if mesh.topology is None:
        return mesh.name
    if mesh.body_id in BUNDLED_BODIES:
        return fill_in(tr("{body} body"), body=word(BODY_WORDS, mesh.body_id))
    return fill_in(tr("{name} (patient's scan)"), name=mesh.name)


def scan_hint(name: str, report=None) -> str:
    """What the window is doing with the patient's scan ``name`` while the plan is not on it yet: the landmark
    step, or after the fit (``report``: a FitReport, scan-to-fit distances in mm) how well it fits."""
    if report is None:
        return fill_in(tr("Patient's scan {name}: place the landmarks in the Scan fit panel, then press Fit "
                          "to plan on the patient's own body."), name=name)
    median, p95 = report.scan_to_fit
    return fill_in(tr("Patient's scan {name} fitted: fit error {median:.1f} mm median, {p95:.1f} mm 95th "
                      "percentile. Press Plan on this scan to plan on it."), name=name, median=median, p95=p95)


def tool_hint(mode: Mode, zone_name: str | None, radius_mm: float, enabled: bool = True,
              locked: str | None = None) -> str:
    """What the left mouse button does in ``mode`` (the bindings of :mod:`mesomap.ui.tools`); ``locked``: why
    the open plan cannot change (a done session), said instead."""
    if locked:
        return locked
    if not enabled:
        return tr("Looking at your own mesh: switch to Female or Male to plan.")
    target = f"“{zone_name}”" if zone_name else tr("a new zone")
    if mode == Mode.PAINT:
        return (fill_in(tr('Paint: drag on the skin to add to {target}; brush {radius_mm:g} mm (Ctrl+wheel resizes); E erases, N navigates.'), target=target, radius_mm=radius_mm))
    if mode == Mode.ERASE:
        where = f"“{zone_name}”" if zone_name else tr("the selected zone (select one first)")
        return fill_in(tr('Erase: drag on the skin to remove it from {where}; B paints, N navigates.'), where=where)
    if mode == Mode.POINT:
        return tr("Place point: click the skin to place a reflex point, drag a point to move it; N navigates.")
    if mode == Mode.INJECT:
        where = f"“{zone_name}”" if zone_name else tr("a zone with a grid")
        return (fill_in(tr('Injections: click inside {where} to add one, drag one to move it; Del deletes, Shift+P pins; N navigates.'), where=where))
    return tr("Drag to turn the body, wheel to zoom; click a zone or point to select it. B paints, F1 shows the guide.")


def region_name(plan: Plan, templates, surface, coarse_face: int, barycentric, hidden=()) -> str | None:
    """The name of the skin at a point given on the bundled body's (coarse) face ``coarse_face``: the plan's
    zone there, else the smallest template region holding that face (None: unnamed skin)."""
    face, _ = surface.locate(coarse_face, barycentric)
    zone = zone_at_face(plan, face, hidden)
    if zone is not None:
        return zone.name
    if templates is None:
        return None
    best = None
    for t in templates.zones:
        i = int(t.faces.searchsorted(coarse_face))
        if i < len(t.faces) and t.faces[i] == coarse_face and (best is None or len(t.faces) < len(best.faces)):
            best = t
    return best.name if best is not None else None


class MessageBar(QStatusBar):
    """A status bar whose temporary message (``showMessage``, also Qt's own status tips) is shown by a
    wrapping label (``StatusLine.message``) instead of being painted on one line and cut at the right."""

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if not self.currentMessage():
            super().paintEvent(event)
            return
        painter = QPainter(self)  # the panel only: the message is the label's
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)


class ElidedLabel(QLabel):
    """A one-line status label that shortens a long text with "…" (the whole text in its tooltip) instead of widening
    the window or squeezing the message beside it: at least MIN_PX wide, at most MAX_PX preferred."""

    MIN_PX = 80
    MAX_PX = 320

    def minimumSizeHint(self):  # noqa: N802 (Qt naming)
        hint = super().minimumSizeHint()
        hint.setWidth(min(hint.width(), self.MIN_PX))
        return hint

    def sizeHint(self):  # noqa: N802 (Qt naming)
        hint = super().sizeHint()
        hint.setWidth(min(hint.width(), self.MAX_PX))
        return hint

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt naming)
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(self.alignment()), text)


def wrapping_label() -> QLabel:
    """A status bar label that wraps a long text onto more lines rather than cutting it."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setContentsMargins(6, 0, 6, 0)
    return label


class StatusLine:
    """The tool hint (left), the temporary message over it, and the plan and body labels (right) of
    ``window``'s status bar."""

    def __init__(self, window):
        self.window = window
        window.setStatusBar(MessageBar(window))
        bar = window.statusBar()
        self.message = wrapping_label()  # the temporary message, whole (hidden when there is none)
        self.message.hide()
        bar.messageChanged.connect(self._message_changed)
        self.hint = wrapping_label()
        self.hint.setTextFormat(Qt.TextFormat.AutoText)  # scan hints and locked reasons may hold markup
        self.plan = QLabel()
        self.plan.setToolTip(tr("Zones, reflex points, injections laid out (grid points and reflex points) "
                             "and their total volume"))
        self.body = QLabel()
        for label in (self.hint, self.plan, self.body):
            label.setContentsMargins(6, 0, 6, 0)
        bar.addWidget(self.hint, 1)  # hidden while a message shows, back after it
        bar.addPermanentWidget(self.message, 1)  # in the hint's place while a message shows
        bar.addPermanentWidget(self.plan)
        bar.addPermanentWidget(self.body)
        self._last_region: str | None = None
        self.hover = _HoverRest(window.view.plotter, self.name_hovered)

    def _message_changed(self, text: str) -> None:
        self.message.setText(text)
        self.message.setToolTip(text)
        self.message.setVisible(bool(text))

    def connect(self) -> None:
        win = self.window
        editor = win.editor
        for signal in (editor.mode_changed, editor.selection_changed, editor.brush_changed):
            signal.connect(lambda *_: self.update_hint())
        win.doc.changed.connect(lambda *_: self.update())
        self.update()

    def update(self) -> None:
        self.plan.setText(plan_text(self.window.doc.plan))
        self.update_hint()

    def update_hint(self) -> None:
        editor = self.window.editor
        scans = getattr(self.window, "scans", None)  # made after the status line
        work = scans.work if scans is not None else None
        on_scan = work is not None and work.scan is not None and self.window.view.mesh is work.scan.paint
        if not editor.enabled and on_scan:
            self.hint.setText(scan_hint(work.path.name, work.fit.report if work.fit is not None else None))
            return
        zone = editor.zone
        locked = editor.doc.locked
        self.hint.setText(tool_hint(Mode(editor.mode), zone.name if zone is not None else None,
                                    editor.radius_mm, editor.enabled, str(locked) if locked is not None else None))

    def show_body(self, mesh: BodyMesh) -> None:
        self.body.setText(body_text(mesh))
        self.body.setToolTip(mesh.name)
        self.update_hint()

    def _region_at(self, hit) -> str | None:
        win = self.window
        surface = win.editor.surface
        if hit is None or surface is None or win.editor.mode != Mode.NAVIGATE:
            return None
        return region_name(win.doc.plan, win.templates, surface, hit.face, hit.barycentric, win.editor.hidden)

    def show_pick(self, hit) -> None:
        """A click on the skin (``hit`` on the body on screen): name the zone or region there, else say nothing."""
        name = self._region_at(hit)
        if name:
            self.window.statusBar().showMessage(name, 6000)
        elif self.window.editor.mode == Mode.NAVIGATE:
            self.window.statusBar().clearMessage()

    def name_hovered(self, x: float, y: float) -> None:
        """The mouse rests at widget (x, y) while navigating: name the region there (an injection point under
        the cursor or selected keeps its own line)."""
        win = self.window
        if win.tool.hovered is not None or win.editor.injection_point is not None:
            return
        name = self._region_at(win.view.pick_at(x, y)) if win.editor.mode == Mode.NAVIGATE else None
        bar = win.statusBar()
        if name:
            bar.showMessage(name, 4000)
        elif bar.currentMessage() == self._last_region:
            bar.clearMessage()
        self._last_region = name


class _HoverRest(QObject):
    """Calls ``on_rest(x, y)`` once the mouse has rested HOVER_REST_MS over ``widget`` with no button held."""

    def __init__(self, widget, on_rest):
        super().__init__(widget)
        self.on_rest = on_rest
        self.pos: tuple[float, float] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(HOVER_REST_MS)
        self.timer.timeout.connect(lambda: self.pos is not None and self.on_rest(*self.pos))
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt naming)
        kind = event.type()
        if kind == QEvent.Type.MouseMove and event.buttons() == Qt.MouseButton.NoButton:
            self.pos = (event.position().x(), event.position().y())
            self.timer.start()
        elif kind in (QEvent.Type.Leave, QEvent.Type.MouseButtonPress, QEvent.Type.Hide, QEvent.Type.Close):
            self.timer.stop()  # (a view that hides or closes has nothing under the cursor to name)
        return False
