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
