"""The command line's own reports as message kinds: each a sentence with values, worded in the reader's language by
the catalogues (mesomap/text/{en,fr,ru}.py, plural forms for counts). Files never go through here."""

from __future__ import annotations

from mesomap.model.messages import Kind

#: `import-points`: how many reflex points came from which markups file (file: the plan written).
IMPORTED = Kind("cli_imported", "file", "count", "source", severity="info")
POINTS_UPDATED = Kind("cli_points_updated", "count", severity="info")
POINTS_UNCHANGED = Kind("cli_points_unchanged", "count", severity="info")
#: `lesson render`: the step pictures written into a folder, the first and last file named.
STEP_PICTURES = Kind("cli_step_pictures", "file", "count", "first", "last", severity="info")
#: `lesson export`: the handout PDF and its page count.
HANDOUT = Kind("cli_handout", "file", "count", severity="info")
#: `quiz class`: answers scored and passed, and those that could not be scored.
CLASS_SCORED = Kind("cli_class_scored", "file", "count", "passed", severity="info")
CLASS_UNSCORED = Kind("cli_class_unscored", "count", severity="info")
#: `plan transfer`: a plan moved onto a fitted scan (count: injections laid out again).
TRANSFERRED = Kind("cli_transferred", "file", "zones", "points", "count", "scan", severity="info")
#: `records lot recall`: how many patients and sessions received a lot.
RECALL_PATIENTS = Kind("cli_recall_patients", "lot", "count", severity="info")
RECALL_SESSIONS = Kind("cli_recall_sessions", "count", severity="info")
