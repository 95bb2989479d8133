"""What model and io report are Message values (a code, its parameters, a severity) that read as before.

Each surface words them through mesomap.text: the same words as before in English, and a code and
parameters a translation (issue 17) or a test can use without parsing a sentence.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from mesomap.io.exports import ZONE_HAS_NO_GRID, ExportError
from mesomap.io.json_reader import FIELD_PROBLEM, EXPECTED_NUMBER
from mesomap.io.plan_file import PlanFileError, load_plan
from mesomap.model.messages import Message
from mesomap.model.plan import BodyRef, Plan, TreatmentParams, Zone
from mesomap.model.summary import ZONE_EMPTY, summarize
from mesomap.model.techniques import QUANTITY, VALUE_OUT_OF_RANGE
from mesomap.text import format_message

BODY = BodyRef("female", "t", "c", "p")
DATA = Path(__file__).resolve().parent / "data"


def test_an_out_of_range_value_is_a_value_naming_the_quantity_and_reads_as_before():
    errors = TreatmentParams(spacing_mm=60.0).errors()
    assert errors == [VALUE_OUT_OF_RANGE(quantity=QUANTITY["spacing"](), value=60.0, unit="mm", low=2.0, high=50.0)]
    assert str(errors[0]) == "spacing 60 mm is out of range: it must be at least 2 and at most 50 mm"


def test_the_summary_lists_messages_and_its_json_keeps_the_words():
    plan = Plan(BODY, zones=(Zone("zone-1", "Abdomen", "#e69f00"),))
    summary = summarize(plan, {"zone-1": 0.0}, lambda zone, area: 0)
    first = summary.warnings[0]
    assert isinstance(first, Message) and first.severity == "warning"
    assert first["zone"] == "Abdomen" and first["problems"] == (ZONE_EMPTY(),)
    assert str(first) == "Abdomen: the zone is empty; paint it or remove it"
    as_json = json.loads(json.dumps(summary.as_dict()))  # what `mesomap summary --json` prints
    assert as_json["warnings"][0] == "Abdomen: the zone is empty; paint it or remove it"


def test_an_export_error_carries_its_message_across_processes():
    err = ExportError.no_grid("Knee, left")
    assert err.message == ZONE_HAS_NO_GRID(zone="Knee, left") and err.needs_grid
    back = pickle.loads(pickle.dumps(err))  # the session sheet PDF is written in a worker process
    assert back.message == err.message and back.zone == "Knee, left" and back.needs_grid
    assert str(back) == "zone 'Knee, left' has no injection grid yet; lay it out first"


def test_a_plan_file_error_names_file_and_field_as_parameters(tmp_path):
    data = json.loads((DATA / "plan-v1.mesomap.json").read_text(encoding="utf-8"))
    data["header"]["session_number"] = "one"
    path = tmp_path / "bad.mesomap.json"
    path.write_text(json.dumps(data))
    with pytest.raises(PlanFileError) as caught:
        load_plan(path)
    message = caught.value.message
    assert message.code == FIELD_PROBLEM.code
    assert (message["file"], message["field"]) == ("bad.mesomap.json", "header.session_number")
    assert str(caught.value) == "bad.mesomap.json: header.session_number: expected a whole number, found text"


def test_plural_forms_and_nested_messages_are_worded_in_one_language():
    from mesomap.model.import_points import UNDO_IMPORT_POINTS

    assert format_message(UNDO_IMPORT_POINTS(count=1)) == "Import 1 reflex point"
    assert format_message(UNDO_IMPORT_POINTS(count=3)) == "Import 3 reflex points"
    wrong_type = EXPECTED_NUMBER(found="str")
    nested = FIELD_PROBLEM(file="p.json", field="zones[0].params.depth_mm", problem=wrong_type)
    assert format_message(nested) == "p.json: zones[0].params.depth_mm: expected a number, found str"
