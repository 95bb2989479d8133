"""Reading 3D Slicer point lists: frames (RAS/LPS), units, skipped markups, one-line errors naming the field."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest

from mesomap.io.export_interop import slicer_markups, write_slicer
from mesomap.io.import_markups import MarkupsError, load_markups, markups_from_dict
from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_builder import new_plan
from mesomap.io.templates import load_templates
from mesomap.model.grid import grid_plan
from mesomap.model.messages import texts

SCHEMA_URL = ("https://raw.githubusercontent.com/slicer/slicer/master/Modules/Loadable/Markups/"
              "Resources/Schema/markups-schema-v1.0.3.json#")


def slicer_doc(**markup) -> dict:
    """A file as Slicer 5 writes it: one point list, two placed points."""
    m = {
        "type": "Fiducial", "coordinateSystem": "LPS", "coordinateUnits": "mm", "locked": False,
        "fixedNumberOfControlPoints": False, "labelFormat": "%N-%d", "lastUsedControlPointNumber": 2,
        "name": "F",
        "controlPoints": [
            {"id": "1", "label": "F-1", "description": "", "associatedNodeID": "vtkMRMLModelNode4",
             "position": [-12.5, 80.0, 1020.25], "orientation": [-1.0, -0.0, -0.0, -0.0, -1.0, -0.0, 0.0, 0.0, 1.0],
             "selected": True, "locked": False, "visibility": True, "positionStatus": "defined"},
            {"id": "2", "label": "ST36 left", "description": "Zusanli", "associatedNodeID": "",
             "position": [70, 95.5, 420], "orientation": [-1.0, -0.0, -0.0, -0.0, -1.0, -0.0, 0.0, 0.0, 1.0],
             "selected": True, "locked": False, "visibility": True, "positionStatus": "defined"},
        ],
        "measurements": [], "display": {"visibility": True, "color": [0.4, 1.0, 1.0]},
    }
    m.update(markup)
    return {"@schema": SCHEMA_URL, "markups": [m]}


def write(tmp_path, doc, name="points.mrk.json"):
    path = tmp_path / name
    path.write_text(json.dumps(doc) if not isinstance(doc, str) else doc, encoding="utf-8")
    return path


def test_a_slicer_file_in_lps_reads_as_ras_mm(tmp_path):
    got = load_markups(write(tmp_path, slicer_doc()))
    assert got.source == "points.mrk.json" and got.skipped == ()
    assert [p.label for p in got.points] == ["F-1", "ST36 left"]
    assert got.points[0].position_mm == (12.5, -80.0, 1020.25)  # L→R and P→A flip, S stays
    assert got.points[1].position_mm == (-70.0, -95.5, 420.0)
    assert [p.description for p in got.points] == ["", "Zusanli"]
    assert {p.group for p in got.points} == {"F"}
    assert got.points[1].where == "markups[0].controlPoints[1]"


def test_ras_is_taken_as_is_and_lps_is_slicers_default():
    ras = markups_from_dict(slicer_doc(coordinateSystem="RAS"))
    assert ras.points[0].position_mm == (-12.5, 80.0, 1020.25)
    doc = slicer_doc()
    del doc["markups"][0]["coordinateSystem"]
    assert markups_from_dict(doc).points[0].position_mm == (12.5, -80.0, 1020.25)


@pytest.mark.parametrize("units, scale", [("mm", 1.0), ("um", 0.001), (["mm", "UCUM", "millimeter"], 1.0),
                                          (["um", "UCUM", "micrometer"], 0.001), (None, 1.0)])
def test_units_are_honoured(units, scale):
    doc = slicer_doc(coordinateSystem="RAS")
    if units is None:
        del doc["markups"][0]["coordinateUnits"]  # the schema's default: mm
    else:
        doc["markups"][0]["coordinateUnits"] = units
    got = markups_from_dict(doc)
    assert np.allclose(got.points[1].position_mm, np.array([70, 95.5, 420]) * scale, rtol=0, atol=1e-12)


@pytest.mark.parametrize("units, needle", [("cm", "'cm' is a unit mesomap does not know; use mm or um"),
                                           (["in", "UCUM", "inch"], "'in' is a unit mesomap does not know"),
                                           (["mm", "UCUM"], "code triplet"), (3, "found int")])
def test_unknown_units_are_refused_by_name(units, needle):
    with pytest.raises(MarkupsError) as err:
        markups_from_dict(slicer_doc(coordinateUnits=units), "p.mrk.json")
    assert str(err.value).startswith("p.mrk.json: markups[0].coordinateUnits: ") and needle in str(err.value)


def test_unplaced_points_and_other_markups_are_skipped_and_listed():
    doc = slicer_doc()
    doc["markups"][0]["controlPoints"][0]["positionStatus"] = "undefined"
    doc["markups"].insert(0, {"type": "Line", "name": "L", "controlPoints": []})
    got = markups_from_dict(doc)
    assert [p.label for p in got.points] == ["ST36 left"]
    assert tuple(texts(got.skipped)) == ("markups[0] 'L' is a Line, not a point list",
                           "F-1 (markups[1].controlPoints[0]) is not placed (undefined)")


def test_empty_labels_get_the_list_name_and_number():
    doc = slicer_doc()
    doc["markups"][0]["controlPoints"][1]["label"] = ""
    doc["markups"][0]["name"] = "Acupoints"
    assert [p.label for p in markups_from_dict(doc).points] == ["F-1", "Acupoints-2"]


def test_a_minimal_hand_written_file_reads():
    doc = {"markups": [{"type": "Fiducial", "coordinateSystem": "RAS",
                        "controlPoints": [{"label": "A", "position": [1, 2, 3]}]}]}
    (p,) = markups_from_dict(doc).points
    assert (p.label, p.position_mm, p.description, p.group) == ("A", (1.0, 2.0, 3.0), "", "")


def _broken(change):
    doc = slicer_doc()
    change(doc)
    return doc


def _set(path, value):
    def change(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _delete(path):
    def change(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


CP = ("markups", 0, "controlPoints", 1)
MALFORMED = [
    (_set(CP + ("position",), [1, 2]), "markups[0].controlPoints[1].position: expected 3 numbers"),
    (_set(CP + ("position",), [1, 2, 3, 4]), "markups[0].controlPoints[1].position: expected 3 numbers"),
    (_set(CP + ("position",), [1, "2", 3]), "markups[0].controlPoints[1].position: expected 3 numbers"),
    (_set(CP + ("position",), [1, True, 3]), "markups[0].controlPoints[1].position: expected 3 numbers"),
    (_set(CP + ("position",), None), "markups[0].controlPoints[1].position: expected 3 numbers"),
    (_delete(CP + ("position",)), "markups[0].controlPoints[1].position: is missing"),
    (_set(CP + ("label",), 7), "markups[0].controlPoints[1].label: expected text, found int"),
    (_set(CP + ("label",), "x" * 300), "markups[0].controlPoints[1].label: is longer than 200 characters"),
    (_set(CP + ("description",), ["a"]), "markups[0].controlPoints[1].description: expected text, found list"),
    (_set(CP + ("positionStatus",), "maybe"), "markups[0].controlPoints[1].positionStatus: 'maybe' is not one of"),
    (_set(CP, "F-2"), "markups[0].controlPoints[1]: expected an object, found str"),
    (_set(("markups", 0, "controlPoints"), {}), "markups[0].controlPoints: expected a list, found dict"),
    (_set(("markups", 0, "coordinateSystem"), "IJK"), "markups[0].coordinateSystem: 'IJK' is not one of RAS, LPS"),
    (_delete(("markups", 0, "type")), "markups[0].type: is missing"),
    (_set(("markups", 0, "name"), None), "markups[0].name: expected text, found NoneType"),
    (_set(("markups", 0), []), "markups[0]: expected an object, found list"),
    (_set(("markups",), {}), "markups: expected a list, found dict"),
    (_delete(("markups",)), "markups: is missing (not a 3D Slicer markups file)"),
    (_set(("markups",), []), "markups: no placed points in any point list (Fiducial)"),
    (_set(("markups", 0, "type"), "Curve"), "markups: no placed points in any point list (Fiducial): markups[0] 'F' is a Curve"),
    (_set(("@schema",), "mesomap-plan/1"), "@schema: 'mesomap-plan/1' is not a 3D Slicer markups schema"),
    (_set(("@schema",), SCHEMA_URL.replace("v1.0.3", "v2.0.0")), "@schema: markups schema version 2 is newer"),
]


@pytest.mark.parametrize("change, message", MALFORMED, ids=[m for _, m in MALFORMED])
def test_each_malformed_field_is_named_in_one_line(tmp_path, change, message):
    path = write(tmp_path, _broken(change))
    with pytest.raises(MarkupsError) as err:
        load_markups(path)
    text = str(err.value)
    assert text.startswith(f"points.mrk.json: {message}"), text
    assert "\n" not in text


@pytest.mark.parametrize("text, message", [
    ('{"markups": [', "points.mrk.json: not valid JSON (line 1, column 14"),
    ("[1, 2]", "points.mrk.json: file: expected an object, found list"),
    ('{"markups": [{"type": "Fiducial", "coordinateSystem": "RAS", "controlPoints": [{"position": [1, NaN, 3]}]}]}',
     "points.mrk.json: markups[0].controlPoints[0].position: NaN is not a finite number"),
])
def test_files_that_are_not_json_markups(tmp_path, text, message):
    with pytest.raises(MarkupsError) as err:
        load_markups(write(tmp_path, text))
    assert str(err.value).startswith(message), str(err.value)


def test_missing_binary_and_folder(tmp_path):
    with pytest.raises(MarkupsError, match="nope.mrk.json: no such file"):
        load_markups(tmp_path / "nope.mrk.json")
    (tmp_path / "bin.mrk.json").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(MarkupsError, match=r"^bin.mrk.json: not a text file \(not UTF-8\)$"):
        load_markups(tmp_path / "bin.mrk.json")
    with pytest.raises(MarkupsError, match="is a folder"):
        load_markups(tmp_path)


def test_a_byte_order_mark_is_fine(tmp_path):
    path = tmp_path / "bom.mrk.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(slicer_doc()).encode())
    assert len(load_markups(path).points) == 2


def test_markups_error_is_a_value_error():
    assert issubclass(MarkupsError, ValueError)  # the command line's bad-input handler catches it


# -- round trip with mesomap's own export ----------------------------------------------------
@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    surface = load_painting_surface("female")
    plan = grid_plan(new_plan(surface, load_templates(), ["forehead"], ["ST36", "LI4"], spacing_mm=15.0), surface)
    out = write_slicer(plan, surface, tmp_path_factory.mktemp("rt") / "plan.mrk.json")
    return plan, surface, out


def test_a_mesomap_export_reads_back_its_reflex_points_and_skips_the_grids(exported):
    plan, surface, out = exported
    doc = slicer_markups(plan, surface)
    got = load_markups(out)
    reflex = doc["markups"][-1]
    assert [p.label for p in got.points] == [cp["label"] for cp in reflex["controlPoints"]] == [q.code for q in plan.points]
    assert np.abs(np.array([p.position_mm for p in got.points])
                  - np.array([cp["position"] for cp in reflex["controlPoints"]])).max() <= 1e-6
    assert [(p.name, p.side, p.depth_mm, p.volume_ml, p.description) for p in got.points] == \
        [(q.name, q.side, q.depth_mm, q.volume_ml, q.notes) for q in plan.points]
    assert tuple(texts(got.skipped)) == ("markups[0] 'Forehead' is a zone's injection grid exported by mesomap, not reflex points",)
    # and the file's positions are the plan's own (the export writes them to 0.1 µm)
    assert len(got.points) == len(plan.points) == 4
    for p, q in zip(got.points, plan.points):
        pos, _ = surface.point_on_face(q.face, q.barycentric)
        assert np.abs(np.array(p.position_mm) - pos).max() <= 5e-5 + 1e-9


def test_an_lps_copy_of_an_export_reads_to_the_same_positions(exported):
    _, _, out = exported
    doc = json.loads(out.read_text())
    lps = copy.deepcopy(doc)
    for m in lps["markups"]:
        m["coordinateSystem"] = "LPS"
        for cp in m["controlPoints"]:
            x, y, z = cp["position"]
            cp["position"] = [-x, -y, z]
    a = np.array([p.position_mm for p in markups_from_dict(doc).points])
    b = np.array([p.position_mm for p in markups_from_dict(lps).points])
    assert np.abs(a - b).max() <= 1e-12
