"""English: code -> template. Parameters are formatted with str.format (``{depth_mm:g}``)."""



def plural(count: int) -> str:
    """The plural form English uses for ``count`` things."""
    return "one" if count == 1 else "other"


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
    # treatment values (mesomap.model.techniques, mesomap.model.plan)
    "quantity_depth": "depth",
    "quantity_spacing": "spacing",
    "quantity_margin": "margin",
    "quantity_volume_per_point": "volume per point",
    "quantity_needle_length": "needle length",
    "quantity_needle_gauge": "needle gauge",
    "quantity_row_spacing": "row spacing",
    "quantity_row_angle": "row angle",
    "quantity_volume": "volume",
    "quantity_needle_angle": "needle angle",
    "quantity_technique": "technique",
    "quantity_pattern": "pattern",
    "quantity_side": "side",
    "value_out_of_range": "{quantity} {value:g} {unit} is out of range: it must be at least {low:g} and at most "
                          "{high:g} {unit}",
    "value_not_above": "{quantity} {value:g} {unit} is out of range: it must be more than {low:g} and at most "
                       "{high:g} {unit}",
    "choice_unknown": "{quantity} {value!r} is unknown; use one of {choices}",
    "depth_exceeds_needle": "depth {depth_mm:g} mm is deeper than the {needle_mm:g} mm needle",
    "too_many_products": "a cocktail has 2–4 products, this one has {count}",
    "depth_outside_nominal": "depth {depth_mm:g} mm is outside the nominal {low_mm:g}–{high_mm:g} mm for "
                             "{technique} ({technique_name})",
    "barycentric_invalid": "barycentric {barycentric} must be three non-negative weights summing to 1",
    "colour_malformed": "colour {colour!r} must look like #rrggbb",
    "zone_problems": "zone {zone!r}: {problems}",
    "zone_labelled": "{zone}: {problems}",
    "point_problems": "point {point}: {problems}",
    "reflex_point_problems": "reflex point {point}: {problems}",
    # plan summary (mesomap.model.summary)
    "zone_empty": "the zone is empty; paint it or remove it",
    "zone_changed_since_grid": "the zone changed since its grid was laid out; the count is an estimate until it "
                               "is laid out again",
    "one_product_cocktail": "a cocktail usually has 2–4 products, this one has 1",
    "session_few_injections": "{count} injections is fewer than the usual {low}–{high} per session",
    "session_many_injections": "{count} injections is more than the usual {low}–{high} per session; consider "
                               "splitting the plan over two sessions",
    "session_short": "about {minutes:.0f} min is shorter than the usual {low_min:.0f}–{high_min:.0f} min session",
    "session_long": "about {minutes:.0f} min is longer than the usual {low_min:.0f}–{high_min:.0f} min session",
    # edits (mesomap.model.edits)
    "zone_exists": "a zone {zone_id!r} exists already",
    "point_exists": "a reflex point {point_id!r} exists already",
    # reflex points from a file (mesomap.model.import_points)
    "max_distance_negative": "the largest distance from the skin must be 0 mm or more, not {max_distance_mm}",
    "imported_point_invalid": "{label}: {problem}; nothing was imported",
    "imported_point_invalid_at": "{label} ({where}): {problem}; nothing was imported",
    "far_point": "{label} ({distance_mm:.1f} mm)",
    "points_too_far": {"one": "{count} point is farther than {max_distance_mm:g} mm from the skin: {items}",
                       "other": "{count} points are farther than {max_distance_mm:g} mm from the skin: {items}"},
    "points_too_far_and_more": {
        "one": "{count} point is farther than {max_distance_mm:g} mm from the skin: {items} and {more} more",
        "other": "{count} points are farther than {max_distance_mm:g} mm from the skin: {items} and {more} more"},
    "point_updated": "{point}: {changes}",
    "point_moved": "moved {distance_mm:.1f} mm",
    "name_changed": "name {before!r} → {after!r}",
    "depth_changed": "depth {before_mm:g} → {after_mm:g} mm",
    "volume_changed": "volume {before_ml:g} → {after_ml:g} ml",
    "notes_changed": "notes changed",
    "import_summary": "{items}",
    "import_new_points": {"one": "{count} new reflex point", "other": "{count} new reflex points"},
    "import_updated_points": "{count} updated ({items})",
    "import_updated_points_and_more": "{count} updated ({items} and {more} more)",
    "import_unchanged_points": "{count} unchanged",
    "undo_import_points": {"one": "Import {count} reflex point", "other": "Import {count} reflex points"},
    "undo_update_points": {"one": "Update {count} reflex point", "other": "Update {count} reflex points"},
    # plans from templates (mesomap.io.plan_builder)
    "template_zone_problems": "zone {template}: {problems}",
}
