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
    "no_zone_template": "no zone template {templates}; see `mesomap zones`",
    "no_point_template": "no reflex point {key}; see `mesomap points`",
    # exports (mesomap.io.exports, export_pdf, export_interop)
    "zone_has_no_grid": "zone {zone!r} has no injection grid yet; lay it out first",
    "zone_grid_stale": "zone {zone!r} changed since its grid was laid out; lay it out again",
    "injections_off_zone": {
        "one": "{count} injection lies outside its zone, first {first}; move, delete or lay them out again",
        "other": "{count} injections lie outside their zones, first {first} (and {more} more); move, delete or lay "
                 "them out again"},
    "nothing_to_export": "the plan has no injections to export",
    "sheet_texts_unreadable": "{file}: the session sheet texts cannot be read ({reason})",
    "sheet_font_unreadable": "{file}: the session sheet font cannot be read; reinstall mesomap",
    "mesh_suffix_wrong": "--format mesh writes .ply or .obj, not {suffix}",
    "mesh_suffix_missing": "--format mesh writes .ply or .obj, not (no suffix)",
    # reading files (mesomap.io.json_reader and every reader built on it)
    "file_kind_plan_file": "plan file",
    "file_kind_markups_file": "markups file",
    "file_kind_device_program": "device program",
    "file_kind_device_profile": "device profile",
    "file_kind_sidecar": "sidecar",
    "file_kind_mesh_file": "mesh file",
    "file_kind_mesomap_device_program": "mesomap device program",
    "file_kind_mesomap_device_profile": "mesomap device profile",
    "field_problem": "{file}: {field}: {problem}",
    "field_missing": "is missing",
    "expected_object": "expected an object, found {found}",
    "expected_list": "expected a list, found {found}",
    "expected_text": "expected text, found {found}",
    "expected_number": "expected a number, found {found}",
    "expected_whole_number": "expected a whole number, found {found}",
    "text_too_long": "is longer than {max_chars} characters",
    "lone_surrogate": "character {position} is a lone UTF-16 surrogate ({code_point:#06x} escape), not a character; "
                      "fix the text where it was written",
    "not_finite": "{value} is not a finite number",
    "absurd_number": "is an absurdly large number",
    "not_one_of": "{value} is not one of {options}",
    "id_used_twice": "{value} is used twice",
    "schema_newer": "version {version} is newer than this mesomap understands",
    "schema_other": "this is not a {what} (expected {expected}, found {found})",
    "file_missing": "{file}: no such file",
    "file_unreadable": "{file}: cannot read it ({reason})",
    "file_is_folder": "{file}: is a folder, not a {what}",
    "file_not_regular": "{file}: is a device, pipe or socket, not a regular file; not a {what}",
    "file_too_large": "{file}: larger than {size}; not a {what}",
    "file_not_utf8": "{file}: not a text file (not UTF-8)",
    "file_not_json": "{file}: not valid JSON (line {line}, column {column}: {reason})",
    "file_too_deep": "{file}: nested too deeply to be a {what}",
    # 3D Slicer markups (mesomap.io.import_markups)
    "markups_units_malformed": "expected a unit like \"mm\" or a code triplet [\"mm\", \"UCUM\", \"millimeter\"]",
    "markups_units_not_text": "expected a unit like \"mm\", found {found}",
    "markups_units_unknown": "{unit} is a unit mesomap does not know; use {known}",
    "expected_3_numbers": "expected 3 numbers",
    "markups_schema_other": "{schema} is not a 3D Slicer markups schema",
    "markups_schema_newer": "markups schema version {version} is newer than mesomap reads (version 1)",
    "markups_missing": "is missing (not a 3D Slicer markups file)",
    "markups_no_points": "no placed points in any point list ({point_type})",
    "markups_no_points_skipped": "no placed points in any point list ({point_type}): {skipped}",
    "skipped_not_point_list": "{where} {name!r} is a {type}, not a point list",
    "skipped_grid_export": "{where} {name!r} is a zone's injection grid exported by mesomap, not reflex points",
    "skipped_not_placed": "{label} ({where}) is not placed ({status})",
    # devices (mesomap.model.devices)
    "quantity_mode": "mode",
    "quantity_volume_per_shot": "volume per shot",
    "quantity_shot_rate": "shot rate",
    "quantity_flow": "flow",
    "step_range": "{low:g}–{high:g} {unit} in steps of {step:g} {unit}",
    "not_offered": "not offered",
    "where_zone": "zone {zone!r}",
    "where_reflex_point": "reflex point {point}",
    "where_plan": "plan",
    "where_program": "program {number} ({name})",
    "at": "{where}: {problem}",
    "mode_from_technique": "technique {technique}",
    "mode_chosen": "the chosen mode",
    "mode_from_reflex": "reflex points (point by point)",
    "profile_field": "{field}: {problem}",
    "mode_needed": "at least one mode is needed",
    "mode_not_known": "{mode!r} is not one of {modes}",
    "range_malformed": "needs 0 < min <= max and step > 0 (found {low:g}, {high:g}, {step:g})",
    "range_max_off_step": "max {high:g} is not min {low:g} plus whole steps of {step:g}",
    "rate_range_needed": "single and multi-shot modes need a shot rate range with a default",
    "rate_not_settable": "{rate_hz:g} is not a settable rate ({range})",
    "flow_range_needed": "continuous mode needs a flow range with a default",
    "flow_not_settable": "{flow_ml_min:g} is not a settable flow ({range})",
    "needle_needed": "at least one needle length is needed",
    "needle_length_absurd": "{length_mm:g} mm is not a needle length (1–30 mm)",
    "at_least_one": "{value} must be at least 1",
    "outside_device_range": "{quantity} {value:g} {unit} is outside the device's range {range}",
    "off_device_step": "{quantity} {value:g} {unit} is not settable: the nearest step is {nearest:g} {unit}, a "
                       "{change_pct:.0f}% change (at most {max_change_pct:.0f}% is rounded silently); plan a value "
                       "on the device's steps ({range})",
    "rounded": "{where}: {quantity} {planned:g} {unit} rounded to {rounded:g} {unit} (device step {step:g} {unit}, "
               "{change_pct:.1f}% change)",
    "mode_not_offered_by": "mode {mode} (from {mode_from}) is not offered by {device}; it offers {offered}",
    "deeper_than_longest_needle": "depth {depth_mm:g} mm is deeper than the longest needle {device} takes "
                                  "({needles_mm} mm)",
    "needle_not_offered_by": "needle {needle_mm:g} mm is not offered by {device}; it takes {needles_mm} mm",
    "deeper_than_needle_at_most": "depth {depth_mm:g} mm is deeper than the {needle_mm:g} mm needle: at most "
                                  "{needle_mm:g} mm",
    "too_many_shots": "{shots} shots, but {device} holds at most {max_shots} per program",
    "too_many_shots_to_split": "{shots} shots, but {device} holds at most {max_shots} per program (points "
                               "{first_extra}–{shots} do not fit); split the zone or widen the spacing",
    "too_many_programs": "{count} programs, but {device} stores at most {max_programs}",
    "too_many_programs_for_plan": "{count} programs (one per zone and per reflex-point setting), but {device} "
                                  "stores at most {max_programs}; export fewer zones at a time",
    "mode_not_offered": "mode {mode!r} is not offered",
    "value_not_settable": "{field} {value:g} is not settable ({range})",
    "needle_not_offered": "needle {needle_mm:g} mm is not offered",
    "mode_needs_only": "mode {mode} needs {field} only",
    # device programs (mesomap.io.device_program)
    "mode_for_unknown_zone": "a mode was chosen for zone {zone!r}, which the plan does not have",
    "plan_does_not_fit": {"one": "the plan does not fit {device}: {count} problem, first: {first}",
                          "other": "the plan does not fit {device}: {count} problems, first: {first}"},
    "example_profile": "{device} is an example profile, not a real device's specification",
    "shortest_needle_chosen": "the {needle_mm:g} mm needle is the shortest {device} takes that reaches "
                              "{depth_mm:g} mm",
    "device_export_summary": "{programs} programs, {shots} shots, {volume_ml:.2f} ml for {device} (profile {profile})",
    "device_export_note": "note: {note}",
    "device_export_rounded": "rounded: {rounding}",
    "nothing_rounded": "rounded: nothing (every value is on the device's steps)",
    "program_not_sealed": "{file}: not a sealed mesomap device program (it must end with the content_sha256 line; "
                          "was it edited or re-saved?)",
    "program_seal_mismatch": "{file}: content_sha256 does not match the content (expected {expected}…, found "
                             "{found}…): the file was changed or damaged after export; refused",
    "expected_three_numbers": "expected three numbers",
    "program_number_expected": "expected {number} (programs are numbered 1, 2, … in order)",
    "number_expected": "expected {number}",
    "continuous_needs_flow": "continuous mode needs flow_ml_per_min and no rate_hz",
    "mode_needs_rate": "{mode} mode needs rate_hz and no flow_ml_per_min",
    "shots_differ": "says {says} but the program lists {listed} points",
    "not_positive": "{value:g} must be more than 0",
    "depth_mm_exceeds_needle": "{depth_mm:g} mm is deeper than the {needle_mm:g} mm needle",
    "seal_field_differs": "differs from the seal line",
    "order_used_twice": "an injection order number is used twice",
    "not_a_date_or_empty": "{value} is not a date written YYYY-MM-DD (e.g. 2026-11-23) or empty",
    "totals_differ": "the counts differ from the programs listed",
    # device profiles (mesomap.io.device_profiles)
    "profile_problem": "{file}: {problem}",
    "range_malformed_named": "needs 0 < min <= max and step > 0 (found min {low:g}, max {high:g}, step {step:g})",
    "max_off_step": "{high:g} is not min {low:g} plus whole steps of {step:g}",
    "step_value_not_settable": "{value:g} is not a settable value ({range})",
    "profile_id_malformed": "{profile_id} is not a profile id (lower-case letters, digits, - and _)",
    "no_such_profile": "no device profile {profile_id}; known: {known} (add your own as {path})",
    # sending a program (mesomap.io.device_link)
    "transfer_progress": "{acked} of {total} chunks were acknowledged ({done_bytes} of {total_bytes} bytes)",
    "nothing_sent_yet": "nothing was sent yet",
    "keeps_previous": "{problem}; {progress}; the device keeps its previous program",
    "not_sent": "{problem}; nothing was sent",
    "stage_hello": "HELLO (the handshake)",
    "stage_chunk": "chunk {number} of {total}",
    "no_answer": "no answer from {device} to {what} within {timeout_s:g} s ({tries} tries); is the device on, "
                 "connected and in transfer mode?",
    "no_answer_link_cut": "no answer from {device} to {what} within {timeout_s:g} s ({tries} tries): the link may "
                          "be cut",
    "not_accepted": "{what} was not accepted by {device} in {tries} tries (last reply: {last_reply})",
    "does_not_speak": "{device} does not speak {protocol} (it says: {reply})",
    "speaks_other": "{device} speaks {spoken}, not {protocol}",
    "refused_program": "{device} refused the program: {reason}",
    "dropped_transfer": "{device} dropped the transfer (it says {reply})",
    "memory_full": "the device's memory is full ({detail}); free space on it and send again",
    "memory_full_no_reason": "the device's memory is full (no reason given); free space on it and send again",
    "commit_refused": "{device} refused to commit the program ({reason})",
    "wrong_device": "the device on {port} is {device_id!r}, but the program is for {expected!r}; nothing was sent",
    "program_too_big": "the program is {size} bytes, but {device_id} on {port} takes at most {max_bytes}; nothing "
                       "was sent",
    "no_program_to_send": "there is no program to send (0 bytes)",
    "already_holds": "the device already holds this program; nothing was sent",
    "no_commit_reply": "no reply to COMMIT came back (none within {timeout_s:g} s, {tries} tries)",
    "commit_reply_not_understood": "the device's reply to COMMIT was not understood ({reason})",
    "link_lost_after_commit": "link to {port} lost after COMMIT was sent ({reason})",
    "cancel_after_commit": "cancel came after COMMIT was sent",
    "holds_new": "{cause}; asked with STATUS, the device holds the new program",
    "state_unknown": "{cause}, and {device} does not answer STATUS: the device's program is unknown, it may be the "
                     "new one ({new}) or the previous one ({old}); do not use the device before checking, reconnect "
                     "and send again (mesomap first asks the device which program it holds)",
    "holds_other": "{cause}; asked with STATUS, {device} holds {holds}, not the new program {new}: it was not "
                   "committed; send again",
    "holds_no_program": "no program",
    "holds_previous": "its previous program {sha256}",
    "holds_another": "another program {sha256} (neither the previous one nor this one)",
    "transfer_cancelled": "transfer to {port} cancelled; {progress}; the device was told to drop it and keeps its "
                          "previous program",
    "transfer_cancelled_before_sending": "transfer to {port} cancelled before anything was sent; the device keeps "
                                         "its previous program",
    "link_lost": "link to {port} lost ({reason}); {progress}; the device keeps its previous program; reconnect and "
                 "send again",
    "cannot_open_port": "cannot open {port}: {reason}",
    # writing files (mesomap.io.atomic)
    "write_target_folder": "{file}: is a folder, not a file; choose a file name to write to",
    "write_target_not_regular": "{file}: is a device, pipe or socket, not a regular file; choose a file to write to",
    "nothing_written": "nothing was written to {file}",
    # plan files (mesomap.io.plan_file)
    "units_not_mm": "must be 'mm', found {found}",
    "v1_injections_not_empty": "a version 1 plan keeps its injections in its zones; this list must be empty",
    "not_a_plan": "this is not a mesomap plan (found {found})",
    "plan_version_newer": "version {version} is newer than this mesomap understands; update mesomap",
    "plan_version_unknown": "{schema} is not a version of the plan file this mesomap knows",
    "not_a_share": "{parts:g} is not a share between 0 and 100",
    "face_run_outside": "faces {first}… (+{count}) run outside 0–{last_face}, the body's painting faces",
    "more_faces_than_body": "more faces than the body has",
    "face_outside": "{face} is outside 0–{last_face}",
    "weights_invalid": "must be three non-negative weights summing to 1",
    "unknown_body": "unknown body {body_id}; this mesomap has {known}",
    "other_body": "the plan was made on a different {body_id} body (its geometry hash differs)",
    "not_a_calendar_day": "{date} is not a day of the calendar (no such day in that month)",
    "not_a_session_number": "{session} is not a session number (1–1000)",
    # meshes (mesomap.io.meshes)
    "units_unclear": "{file}: cannot tell the units from the body height {height:g} (expected about 1.7 m, 17 dm, "
                     "170 cm or 1700 mm); choose the units explicitly",
    "unknown_bundled_body": "unknown body {body_id}; choose one of {known}",
    "bundled_body_damaged": "bundled body {body_id!r} is missing or damaged at {path}; reinstall mesomap",
    "paint_topology_damaged": "painting topology is missing or damaged at {path}; reinstall mesomap",
    "mesh_empty": "{file}: the file holds no triangles (empty, or points/lines only)",
    "mesh_not_triangles": "{file}: faces are not triangles after triangulation",
    "mesh_too_large": "{file}: {triangles:,} triangles is more than the {max_triangles:,} mesomap can handle; "
                      "decimate the mesh first",
    "mesh_not_finite": "{file}: {count} vertices have NaN or infinite coordinates",
    "mesh_bad_indices": "{file}: faces refer to vertices that do not exist",
    "mesh_cut_short": "{file}: the {format} file is cut short ({rows:,} of the {announced:,} vertex and face rows "
                      "its header announces); export it again",
    "mesh_unreadable": "{file}: not a readable mesh: the {format} file is damaged, cut short or of another format",
    "height_implausible": "{file}: in {units} the body would be {height} tall, not a body's height "
                          "({low_m:g}–{high_m:g} m); choose the units the file was made in",
    "mesh_suffix_unsupported": "{file}: unsupported file type {suffix}; use one of {known}",
    "mesh_suffix_none": "{file}: unsupported file type (none); use one of {known}",
    "unknown_units": "unknown units {units}; choose one of {known}",
    "units_note": "units: {units} (height {height:g} in the file)",
    "turned_y_up": "turned y-up to z-up",
    "turned_x_up": "turned x-up to z-up",
}
