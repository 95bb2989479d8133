"""English: code -> template. Parameters are formatted with str.format (``{depth_mm:g}``)."""

MESSAGES = {
    # placement (mesomap.model.placement, mesomap.io.plan_check)
    "injection_off_zone": "zone {zone!r}, injection {order}: lies {distance_mm:.1f} mm outside the zone "
                          "(allowed {tolerance_mm:g} mm)",
    "stored_value_differs": "{field} is {stored} but its face and barycentric give {derived} "
                            "(off by {difference:.3g}{unit})",
    "stored_value_malformed": "{field} is not a value mesomap wrote; it should be {derived}",
    # grid size (mesomap.model.grid)
    "grid_too_large": "zone {zone!r} would get about {estimate:,} injections at its spacing, more than the limit "
                      "of {limit:,} per zone; widen the spacing or split the zone",
    "grid_too_large_for_device": "zone {zone!r} would get about {estimate:,} injections at its spacing, more than "
                                 "the {limit:,} shots one program of {device} holds; widen the spacing or split "
                                 "the zone",
}
