"""What the session tells the user, as message values (words in :mod:`mesomap.text`).

The session's ``message`` signal and its grid requests' ``message`` signal carry these
:class:`mesomap.model.messages.Message` values; each view words them in its language.
"""

from __future__ import annotations

from mesomap.model.messages import Kind

NEEDS_BUNDLED_BODY = Kind("needs_bundled_body", severity="hint")
GRIDS_NEED_BUNDLED_BODY = Kind("grids_need_bundled_body", severity="hint")
SELECT_ZONE_TO_ERASE = Kind("select_zone_to_erase", severity="hint")
HIDDEN_ZONE_SHOWN = Kind("hidden_zone_shown", "zone", severity="info")
ZONE_ALREADY_IN_PLAN = Kind("zone_already_in_plan", "zone", severity="info")
POINT_ALREADY_IN_PLAN = Kind("point_already_in_plan", "code", "side", severity="info")
ZONE_NOT_PAINTED = Kind("zone_not_painted", "zone", severity="hint")
NOTHING_TO_LAY_OUT = Kind("nothing_to_lay_out", severity="hint")
SKIPPED_UNPAINTED = Kind("skipped_unpainted", "zones", severity="info")
LAYOUT_CANCELLED = Kind("layout_cancelled", severity="info")
LAYOUT_FAILED = Kind("layout_failed", "failures", severity="error")
LAYOUT_FAILED_ZONE = Kind("layout_failed_zone", "zone", "why", severity="error")
CHANGED_WHILE_LAID_OUT = Kind("changed_while_laid_out", "zones", severity="warning")
LAID_OUT = Kind("laid_out", "count", "zones", severity="info")
NO_GRID_TO_EDIT = Kind("no_grid_to_edit", "zone", severity="hint")
GRID_OUT_OF_DATE_TO_EDIT = Kind("grid_out_of_date_to_edit", "zone", severity="hint")
OUTSIDE_ZONE = Kind("injection_outside_zone", "zone", severity="hint")
CLICK_SKIN_FOR_POINT = Kind("click_skin_for_point", severity="hint")
CLICK_SKIN_FOR_INJECTION = Kind("click_skin_for_injection", severity="hint")
CLICK_ZONE_FOR_INJECTION = Kind("click_zone_for_injection", severity="hint")

# undo steps (the Edit menu's "Undo …"/"Redo …")
UNDO_SWITCH_BODY = Kind("undo_switch_body", "body", severity="info")
UNDO_GENERATE_GRID = Kind("undo_generate_grid", "zone", severity="info")
UNDO_GENERATE_ALL = Kind("undo_generate_all", severity="info")
UNDO_ADD_INJECTION = Kind("undo_add_injection", "zone", severity="info")
UNDO_MOVE_INJECTION = Kind("undo_move_injection", "order", "zone", severity="info")
UNDO_DELETE_INJECTION = Kind("undo_delete_injection", "order", "zone", severity="info")
UNDO_PIN_INJECTION = Kind("undo_pin_injection", "order", "zone", severity="info")
UNDO_UNPIN_INJECTION = Kind("undo_unpin_injection", "order", "zone", severity="info")
UNDO_CLEAR_GRID = Kind("undo_clear_grid", "zone", severity="info")
UNDO_ADD_POINT = Kind("undo_add_point", "code", severity="info")
UNDO_PLACE_POINT = Kind("undo_place_point", "code", severity="info")
UNDO_MOVE_POINT = Kind("undo_move_point", "code", severity="info")
UNDO_DELETE_POINT = Kind("undo_delete_point", "code", severity="info")
UNDO_SET_POINT_FIELD = Kind("undo_set_point_field", "field", "point", severity="info")
UNDO_PAINT = Kind("undo_paint", "zone", severity="info")
UNDO_ERASE = Kind("undo_erase", "zone", severity="info")
UNDO_ADD_ZONE = Kind("undo_add_zone", "zone", severity="info")
UNDO_DELETE_ZONE = Kind("undo_delete_zone", "zone", severity="info")
UNDO_CLEAR_ZONE = Kind("undo_clear_zone", "zone", severity="info")
UNDO_SET_ZONE_FIELD = Kind("undo_set_zone_field", "field", "zone", severity="info")
LAYING_OUT = Kind("laying_out", "zones", severity="info")
LAYING_OUT_MORE = Kind("laying_out_more", "zones", "more", severity="info")
PREVIEWING = Kind("previewing", severity="info")
