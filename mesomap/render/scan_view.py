"""A patient's scan on screen (issue 16): its own vertex colours, the landmarks placed on it, and the
fit-error colour map (distance from each scan vertex to the fitted body, mm, with a colour bar).

Each function replaces the actor it owns by name and does not render (the caller renders once).
"""

from __future__ import annotations

import numpy as np
import pyvista as pv

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.render.fonts import scalar_bar_in_bundled_font, scalar_bar_numbers
from mesomap.render.scene import BODY_ACTOR_NAME, body_polydata
from mesomap.text import label

LANDMARKS_ACTOR = "scan_landmarks"
CURRENT_ACTOR = "scan_landmark_current"
#: The fit-error bar's title in English; shown in the chosen language (labels "fit_error_legend_title").
ERROR_BAR_TITLE = "Fit error (mm)"
LANDMARK_RGB = (0.15, 0.55, 1.0)
CURRENT_RGB = (1.0, 0.85, 0.1)
#: Colour map of the fit error: small (dark blue) to large (yellow); above the top value stays yellow.
ERROR_CMAP = "viridis"


def show_scan_colours(plotter: pv.Plotter, mesh: BodyMesh, colors: np.ndarray) -> None:
    """Show ``mesh`` with its per-vertex colours ``colors`` (n, 3|4) uint8 as the body actor."""
    poly = body_polydata(mesh)
    poly.point_data["RGB"] = np.asarray(colors)[:, :3].astype(np.uint8)
    plotter.add_mesh(poly, scalars="RGB", rgb=True, smooth_shading=True, ambient=0.25, diffuse=0.8,
                     name=BODY_ACTOR_NAME, reset_camera=False, render=False)


def show_distance_map(plotter: pv.Plotter, mesh: BodyMesh, distance_mm: np.ndarray, top_mm: float,
                      warn_mm: float | None = None) -> None:
    """Show ``mesh`` coloured by ``distance_mm`` (n,) mm, 0 to ``top_mm`` (above: the top colour), with a
    colour bar titled in mm; ``warn_mm`` (mm, within the range) is marked on the bar ("warn")."""
    poly = body_polydata(mesh)
    poly.point_data["fit_error_mm"] = np.asarray(distance_mm, dtype=float)
    top = float(top_mm)
    marks = None
    if warn_mm is not None and 0 < warn_mm <= top:
        marks = {float(warn_mm): label("fit_error_warn_mark", warn_mm=warn_mm)}
    plotter.add_mesh(poly, scalars="fit_error_mm", cmap=ERROR_CMAP, clim=(0.0, top), smooth_shading=True,
                     ambient=0.25, diffuse=0.8, name=BODY_ACTOR_NAME, reset_camera=False, render=False,
                     annotations=marks,
                     scalar_bar_args={"title": label("fit_error_legend_title"), "vertical": True, "position_x": 0.86,
                                      "position_y": 0.25, "height": 0.5, "width": 0.06,
                                      "fmt": "%.0f" if top >= 10 else "%.1f", "n_labels": 6, "color": "white"})
    if label("fit_error_legend_title") in plotter.scalar_bars:
        scalar_bar_in_bundled_font(plotter.scalar_bars[label("fit_error_legend_title")])
        scalar_bar_numbers(plotter.scalar_bars[label("fit_error_legend_title")], 0.0, top, 6,
                           ".0f" if top >= 10 else ".1f", marks)


def hide_distance_bar(plotter: pv.Plotter) -> None:
    """Remove the fit-error colour bar if shown."""
    if label("fit_error_legend_title") in plotter.scalar_bars:
        plotter.remove_scalar_bar(label("fit_error_legend_title"), render=False)


def show_landmarks(plotter: pv.Plotter, points_mm: np.ndarray, current_mm=None, size_px: float = 14.0) -> None:
    """Spheres at the placed landmarks (k, 3) mm and a brighter one where the current landmark is."""
    for name in (LANDMARKS_ACTOR, CURRENT_ACTOR):
        plotter.remove_actor(name, render=False)
    pts = np.asarray(points_mm, dtype=float).reshape(-1, 3)
    if len(pts):
        plotter.add_points(pv.PolyData(pts), color=LANDMARK_RGB, point_size=size_px, render_points_as_spheres=True,
                           name=LANDMARKS_ACTOR, reset_camera=False, render=False, pickable=False)
    if current_mm is not None:
        plotter.add_points(pv.PolyData(np.asarray(current_mm, dtype=float).reshape(1, 3)), color=CURRENT_RGB,
                           point_size=size_px * 1.4, render_points_as_spheres=True, name=CURRENT_ACTOR,
                           reset_camera=False, render=False, pickable=False)


def clear_scan_marks(plotter: pv.Plotter) -> None:
    """Remove the landmarks and the fit-error colour bar (the scan is no longer on screen)."""
    for name in (LANDMARKS_ACTOR, CURRENT_ACTOR):
        plotter.remove_actor(name, render=False)
    hide_distance_bar(plotter)
