"""The session sheet: pick the views a plan needs, render them, and hand them to the PDF writer."""

from __future__ import annotations

import csv
import io
import math
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np

from mesomap.geometry.surface import PaintingSurface
from mesomap.io.export_pdf import DEPTH_WIDTH_MM, ORDER_PER_ROW, view_width_mm, write_session_pdf
from mesomap.io.exports import check_exportable
from mesomap.io.sheet_record import SheetRecord
from mesomap.model.grid import estimator, path_lengths_mm
from mesomap.model.plan import Plan
from mesomap.model.summary import summarize
from mesomap.render.camera import HEAD_FRACTION, VIEWS
from mesomap.render.plan_png import render_plan_png
from mesomap.text import label

VIEW_SIZE = (600, 750)
#: Each zone's close-up with its injection order numbers: square pictures, ORDER_PER_ROW to a row.
ORDER_VIEW_SIZE = (600, 600)
#: Least height (mm) a close-up shows around its zone (a cheek is seen with the face around it).
ORDER_CONTEXT_MM = 160.0
#: Smallest order number on the printed page, points (1/72 in).
MIN_NUMBER_PT = 7.0


VIEW_ORDER = ("face", "front", "back", "left", "right")


def assign_views(plan: Plan, surface: PaintingSurface) -> dict[str, np.ndarray]:
    """Preset -> (k, 3) mm of the zones and points best seen from it (face, front, back, left, right order).

    A zone or point goes to the face close-up when it lies in the head and faces
    forward, else to the preset looking most squarely at its area-weighted normal.
    """
    mesh = surface.mesh
    head_z = surface.coarse.bounds_mm[1, 2] - HEAD_FRACTION * surface.coarse.height_mm
    items = []  # (normal, centre z, points)
    for z in plan.zones:
        if len(z.faces):
            w = mesh.face_areas[z.faces]
            c = surface.centroids[z.faces]
            items.append(((mesh.face_normals[z.faces] * w[:, None]).sum(axis=0) / w.sum(), float((c[:, 2] * w).sum() / w.sum()), c))
    positions, normals = surface.points_on_faces([p.face for p in plan.points], [p.barycentric for p in plan.points])
    items += [(n, float(pos[2]), pos[None]) for pos, n in zip(positions, normals)]
    found: dict[str, list[np.ndarray]] = {}
    for n, zc, pts in items:
        if zc > head_z and n[1] > 0:
            view = "face"
        else:
            view = max(("front", "back", "left", "right"), key=lambda v: float(np.dot(n, VIEWS[v].direction)))
        found.setdefault(view, []).append(pts)
    return {v: np.concatenate(found[v]) for v in VIEW_ORDER if v in found}


def views_for(plan: Plan, surface: PaintingSurface) -> list[str]:
    """The presets that show every zone and point (at least the front)."""
    return list(assign_views(plan, surface)) or ["front"]


def gun_settings(plan: Plan, surface: PaintingSurface, device: str = "generic") -> tuple[str, list[dict]] | str:
    """(device name, gun-sheet rows) for the sheet, or a sentence saying why the plan does not fit."""
    from mesomap.io.device_errors import DeviceError
    from mesomap.io.device_profiles import find_profile
    from mesomap.io.device_sheet import gun_sheet_csv

    try:
        profile = find_profile(device)
        text, _ = gun_sheet_csv(plan, surface, profile, safe_cells=False)  # names as the plan has them
    except DeviceError as err:
        return label("no_gun_settings", reason=str(err).splitlines()[0])
    return profile.name, list(csv.DictReader(io.StringIO(text)))


def number_font_px(width_px: int, per_row: int) -> int:
    """Pixel height of order numbers in a picture ``width_px`` wide printed ``per_row`` to a row, so they
    print at MIN_NUMBER_PT or more (VTK draws a font of n points n pixels high at its 72 dpi)."""
    width_pt = view_width_mm(per_row) / 25.4 * 72
    return math.ceil(MIN_NUMBER_PT * width_px / width_pt) + 1


def zone_views(plan: Plan, surface: PaintingSurface) -> list[tuple[str, str, np.ndarray]]:
    """(zone name, preset, (k, 3) mm face centres) for each zone with a grid: the preset looking most squarely
    at the zone (the face close-up for the face), and what to frame."""
    out = []
    for zone in plan.zones:
        if zone.injections and len(zone.faces):
            focus = assign_views(replace(plan, zones=(zone,), points=()), surface)
            view, pts = next(iter(focus.items()))
            out.append((zone.name, "front" if view == "face" else view, pts))
    return out


def render_overview(plan: Plan, surface: PaintingSurface, view: str, out: Path, legend: bool = True,
                    legend_room: float | None = None) -> Path:
    """One of the sheet's first pictures: the whole body (or the head, for "face") from ``view``, nothing
    cropped, with the depth legend in a strip at the right clear of the body; on white."""
    legend_px = number_font_px(VIEW_SIZE[0], 3) - 4  # the legend's text: about 6 pt on the page
    return render_plan_png(plan, surface, out, view=view, size=VIEW_SIZE, background=(1.0, 1.0, 1.0),
                           legend=legend, legend_font_px=legend_px, legend_room=legend_room)


def export_session_pdf(plan: Plan, surface: PaintingSurface, out: str | Path, device: str = "generic",
                       record: SheetRecord | None = None) -> Path:
    """Render the plan's views and write the printable session sheet to ``out``.

    device : the profile (id or file) whose gun settings the sheet lists.
    record : the patient, session n of N and lots when the plan belongs to a records session.
    """
    check_exportable(plan, surface)  # before anything renders
    summary = summarize(plan, {z.id: surface.area_cm2(z.faces) for z in plan.zones}, estimator(surface),
                        path_length_mm=path_lengths_mm(plan, surface))
    with tempfile.TemporaryDirectory(prefix="mesomap-sheet-") as tmp:
        views, order = [], []
        for view in assign_views(plan, surface) or {"front": None}:
            views.append((label(f"view_{view}"), render_overview(plan, surface, view, Path(tmp) / f"{view}.png")))
        font_px = number_font_px(ORDER_VIEW_SIZE[0], ORDER_PER_ROW)
        for k, (name, view, focus) in enumerate(zone_views(plan, surface)):
            png = render_plan_png(plan, surface, Path(tmp) / f"zone-{k}.png", view=view, size=ORDER_VIEW_SIZE,
                                  numbers=True, background=(1.0, 1.0, 1.0), focus_mm=focus, legend=False,
                                  labels=False, number_font_px=font_px, context_mm=ORDER_CONTEXT_MM)
            order.append((f"{name} ({label(f'view_{view}').lower()})", png))
        return write_session_pdf(plan, summary, views, out, gun=gun_settings(plan, surface, device),
                                 order_views=order, record=record,
                                 depth_views=depth_views(plan))


def depth_views(plan: Plan) -> list[tuple[str, object]]:
    """(caption, ReportLab drawing) of each painted zone's technique depth view, for the session sheet."""
    from reportlab.lib.units import mm

    from mesomap.io.depth_drawing import reportlab_drawing
    from mesomap.model.depth_view import zone_depth_view

    out = []
    for z in plan.zones:
        if len(z.faces):
            v = zone_depth_view(z)
            p = z.params
            out.append((label("depth_caption", zone=z.name, technique=p.technique, depth_mm=p.depth_mm,
                              layer=label(f"layer_{v.tip_layer}")),
                        reportlab_drawing(v, DEPTH_WIDTH_MM * mm)))
    return out


def pdf_job(body_id: str, plan: Plan, out: str, record: SheetRecord | None = None) -> str:
    """The session sheet as a job for the background worker (renders offscreen there; ~2 s)."""
    from mesomap.session.worker import job_surface

    return str(export_session_pdf(plan, job_surface(body_id), out, record=record))
