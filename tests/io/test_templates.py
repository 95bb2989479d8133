"""The shipped zone templates and reflex points: they load, and they sit where anatomy says.

The height bands below were read off the bundled bodies (female 1590 mm, male
1730 mm), with a margin, as fractions of standing height.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse
from scipy.sparse import csgraph

from mesomap.io.meshes import load_bundled_body
from mesomap.io.templates import (
    HM08_FACE_COUNT,
    ReflexPointTemplate,
    TemplateError,
    ZoneTemplate,
    default_templates_path,
    load_templates,
    point_position_mm,
    zone_area_cm2,
)

BODIES = ("female", "male")
FACE_ZONES = ("forehead", "glabella", "periorbital", "cheek", "nasolabial", "perioral", "jawline", "submental")
REQUIRED_ZONES = (
    "forehead", "glabella", "periorbital_left", "periorbital_right", "cheek_left", "cheek_right",
    "nasolabial_left", "nasolabial_right", "perioral", "jawline_left", "jawline_right", "scalp", "neck",
    "decollete", "abdomen", "flank_left", "flank_right", "buttock_left", "buttock_right",
    "outer_thigh_left", "outer_thigh_right", "inner_thigh_left", "inner_thigh_right", "knee_left", "knee_right",
    "upper_arm_back_left", "upper_arm_back_right", "spine_cervical", "spine_thoracic", "spine_lumbar",
    "shoulder_left", "shoulder_right", "elbow_left", "elbow_right", "wrist_left", "wrist_right",
    "ankle_left", "ankle_right", "lower_leg_left", "lower_leg_right", "inguinal_left", "inguinal_right",
)
REQUIRED_CODES = (
    "LI4", "LI11", "ST36", "SP6", "GB20", "GB21", "GB34", "BL23", "BL40", "BL60", "KI3", "LR3", "PC6", "TE5",
    "GV20", "GV14", "CV12", "CV6", "CV17", "EX-HN3", "EX-HN5", "SI3",
)
# (zone id stem, lowest and highest allowed area-weighted centroid height / standing height)
HEIGHT_BANDS = {
    "ankle": (0.03, 0.07),
    "lower_leg": (0.12, 0.22),
    "knee": (0.25, 0.32),
    "inner_thigh": (0.37, 0.47),
    "outer_thigh": (0.40, 0.49),
    "buttock": (0.48, 0.56),
    "inguinal": (0.49, 0.55),
    "abdomen": (0.58, 0.65),
    "flank": (0.60, 0.66),
    "wrist": (0.59, 0.64),
    "elbow": (0.66, 0.72),
    "upper_arm_back": (0.72, 0.78),
    "shoulder": (0.77, 0.83),
    "decollete": (0.77, 0.83),
    "neck": (0.83, 0.88),
    "spine_lumbar": (0.59, 0.65),
    "spine_thoracic": (0.72, 0.79),
    "spine_cervical": (0.85, 0.89),
    "scalp": (0.95, 1.0),
}


@pytest.fixture(scope="module")
def templates():
    return load_templates()


@pytest.fixture(scope="module", params=BODIES)
def body(request):
    return load_bundled_body(request.param)


@pytest.fixture(scope="module")
def female():
    return load_bundled_body("female")


def face_adjacency(mesh) -> sparse.csr_matrix:
    """(m, m) 1 where two faces share an edge."""
    f = np.asarray(mesh.faces)
    e = np.sort(f[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2), axis=1)
    key = e[:, 0] * mesh.n_vertices + e[:, 1]
    fid = np.repeat(np.arange(len(f)), 3)
    order = np.argsort(key, kind="stable")
    k, fo = key[order], fid[order]
    same = k[1:] == k[:-1]
    a, b = fo[:-1][same], fo[1:][same]
    m = sparse.coo_matrix((np.ones(len(a)), (a, b)), shape=(len(f), len(f)))
    return (m + m.T).tocsr()


def n_components(adj: sparse.csr_matrix, faces: np.ndarray) -> int:
    return csgraph.connected_components(adj[faces][:, faces], directed=False)[0]


def face_mirror(mesh) -> np.ndarray:
    key = {tuple(sorted(t)): i for i, t in enumerate(np.asarray(mesh.faces).tolist())}
    mv = np.asarray(mesh.mirror)
    return np.array([key[tuple(sorted(int(mv[v]) for v in t))] for t in np.asarray(mesh.faces).tolist()])


def centroid(mesh, faces) -> np.ndarray:
    a = mesh.face_areas[faces]
    return (mesh.triangles[faces].mean(axis=1) * a[:, None]).sum(axis=0) / a.sum()


def mean_normal(mesh, faces) -> np.ndarray:
    n = (mesh.face_normals[faces] * mesh.face_areas[faces, None]).sum(axis=0)
    return n / np.linalg.norm(n)


def stem(zone_id: str) -> str:
    for side in ("_left", "_right"):
        if zone_id.endswith(side):
            return zone_id[: -len(side)]
    return zone_id


# ---------------------------------------------------------------------------
# The shipped file
# ---------------------------------------------------------------------------
def test_shipped_file_loads_with_enough_entries(templates):
    assert templates.schema == "mesomap-zones/1"
    assert templates.topology == "hm08-body"
    assert len(templates.zones) >= 30
    assert len(templates.reflex_points) >= 20
    assert all(isinstance(z, ZoneTemplate) for z in templates.zones)
    assert all(isinstance(p, ReflexPointTemplate) for p in templates.reflex_points)
    ids = [z.id for z in templates.zones]
    assert len(ids) == len(set(ids))
    pids = [p.id for p in templates.reflex_points]
    assert len(pids) == len(set(pids))
    assert set(REQUIRED_ZONES) <= set(ids)
    assert set(REQUIRED_CODES) <= {p.code for p in templates.reflex_points}


def test_shipped_file_is_the_generators_output_format(templates):
    doc = json.loads(default_templates_path().read_text(encoding="utf-8"))
    for z in doc["zones"]:
        assert z["faces"] == sorted(z["faces"]), z["id"]


def test_zone_faces_are_read_only_int_arrays(templates):
    z = templates.zones[0]
    assert z.faces.dtype == np.int64
    with pytest.raises(ValueError):
        z.faces[0] = 0
    with pytest.raises(AttributeError):
        z.depth_mm = 3.0  # frozen


def test_defaults_are_clinically_plausible(templates):
    for z in templates.zones:
        assert z.needle_length_mm is None or z.depth_mm <= z.needle_length_mm, z.id
        if stem(z.id) in FACE_ZONES:
            assert z.technique in {"IDP", "IDS", "NAP", "IED"}, z.id
            assert 0.01 <= z.volume_per_point_ml <= 0.05, z.id
        if z.technique == "PPP":
            assert 20.0 <= z.spacing_mm <= 30.0 or stem(z.id) == "wrist", z.id
            assert 0.1 <= z.volume_per_point_ml <= 0.2, z.id
        assert z.indications, z.id
    assert templates.zone("inguinal_left").technique in {"MIX", "IED"}
    assert templates.zone("buttock_left").volume_per_point_ml == pytest.approx(0.1)


# ---------------------------------------------------------------------------
# Geometry on both bodies
# ---------------------------------------------------------------------------
def test_every_zone_is_one_patch_with_positive_area(templates, body):
    assert body.n_faces == HM08_FACE_COUNT
    adj = face_adjacency(body)
    for z in templates.zones:
        assert zone_area_cm2(z, body) > 3.0, z.id
        expected = 2 if z.side == "bilateral" else 1
        assert n_components(adj, z.faces) == expected, z.id


def test_sides_are_on_the_right_side_of_the_body(templates, body):
    for z in templates.zones:
        c = centroid(body, z.faces)
        x = body.triangles[z.faces].mean(axis=1)[:, 0]
        if z.side == "left":
            assert c[0] < 0 and (x < 0).all(), z.id
        elif z.side == "right":
            assert c[0] > 0 and (x > 0).all(), z.id
        else:  # midline / bilateral straddle x = 0
            assert abs(c[0]) < 1.0 and x.min() < 0 < x.max(), z.id


def test_right_zones_mirror_left_zones_exactly(templates, female):
    mirror = face_mirror(female)
    ids = {z.id for z in templates.zones}
    pairs = 0
    for z in templates.zones:
        if z.side == "left":
            right = templates.zone(z.id[: -len("_left")] + "_right")
            assert np.array_equal(np.sort(mirror[z.faces]), right.faces), z.id
            pairs += 1
        elif z.side == "midline":
            assert np.array_equal(np.sort(mirror[z.faces]), z.faces), z.id
        elif z.side == "right":
            assert z.id[: -len("_right")] + "_left" in ids
    assert pairs >= 12


def test_facial_zones_are_on_the_front_of_the_head(templates, body):
    h = body.height_mm
    for z in templates.zones:
        if stem(z.id) in FACE_ZONES:
            zz = body.triangles[z.faces][:, :, 2]
            assert zz.min() > 0.85 * h, z.id
            assert mean_normal(body, z.faces)[1] > 0.0 or stem(z.id) == "submental", z.id
    assert mean_normal(body, templates.zone("submental").faces)[2] < -0.8  # under the chin
    # The forehead stays above the eyebrows: above the glabella (between the brows)
    # and above the periorbital zones; the glabella is between the eyes' levels and the forehead.
    fore = body.triangles[templates.zone("forehead").faces].mean(axis=1)
    glab = body.triangles[templates.zone("glabella").faces].mean(axis=1)
    above_glabella = fore[np.abs(fore[:, 0]) < np.abs(glab[:, 0]).max()]
    assert len(above_glabella) and above_glabella[:, 2].min() > glab[:, 2].max()
    assert fore[:, 2].min() > body.triangles[templates.zone("periorbital_left").faces].mean(axis=1)[:, 2].max()


def test_spine_zones_face_back_and_stack_in_order(templates, body):
    heights = []
    for zid in ("spine_lumbar", "spine_thoracic", "spine_cervical"):
        faces = templates.zone(zid).faces
        assert mean_normal(body, faces)[1] < -0.8, zid
        heights.append(centroid(body, faces)[2])
        assert np.abs(body.triangles[faces].mean(axis=1)[:, 0]).max() < 0.05 * body.height_mm, zid  # paravertebral
    assert heights == sorted(heights)


def test_zones_lie_in_their_height_bands(templates, body):
    h = body.height_mm
    for z in templates.zones:
        band = HEIGHT_BANDS.get(stem(z.id))
        if band is None:
            continue
        c = centroid(body, z.faces)[2] / h
        assert band[0] <= c <= band[1], f"{z.id}: centroid at {c:.3f} of height, expected {band}"
    assert body.triangles[templates.zone("ankle_left").faces][:, :, 2].max() < 0.1 * h
    knee = body.triangles[templates.zone("knee_left").faces][:, :, 2] / h
    assert 0.2 < knee.min() and knee.max() < 0.38


def test_front_and_back_zones_face_their_way(templates, body):
    for zid in ("abdomen", "decollete", "knee_left", "inguinal_left", "forehead", "neck"):
        assert mean_normal(body, templates.zone(zid).faces)[1] > 0.5, zid
    for zid in ("buttock_left", "upper_arm_back_left", "lower_leg_left"):
        assert mean_normal(body, templates.zone(zid).faces)[1] < -0.3, zid
    # Outer thighs face outwards, inner thighs face the other leg.
    assert mean_normal(body, templates.zone("outer_thigh_left").faces)[0] < -0.8
    assert mean_normal(body, templates.zone("inner_thigh_left").faces)[0] > 0.8
    assert mean_normal(body, templates.zone("flank_left").faces)[0] < -0.8


def test_limb_zones_are_further_out_than_the_trunk(templates, body):
    x = {z.id: abs(centroid(body, z.faces)[0]) for z in templates.zones}
    assert x["shoulder_left"] < x["elbow_left"] < x["wrist_left"]
    assert x["inner_thigh_left"] < x["outer_thigh_left"]


# ---------------------------------------------------------------------------
# Reflex points
# ---------------------------------------------------------------------------
def test_points_lie_on_their_faces_and_sides(templates, body):
    for p in templates.reflex_points:
        q = point_position_mm(p, body)
        tri = body.triangles[p.face]
        n = body.face_normals[p.face]
        assert abs((q - tri[0]) @ n) < 0.01, p.id
        assert min(p.barycentric) >= 0 and sum(p.barycentric) == pytest.approx(1.0, abs=1e-6)
        if p.side == "left":
            assert q[0] < -1.0, p.id
        elif p.side == "right":
            assert q[0] > 1.0, p.id
        else:
            assert abs(q[0]) < 2.0, p.id


def test_bilateral_points_are_mirror_images(templates, body):
    by_id = {p.id: p for p in templates.reflex_points}
    for p in templates.reflex_points:
        if p.side == "left":
            right = by_id[p.id[: -len("_left")] + "_right"]
            a, b = point_position_mm(p, body), point_position_mm(right, body)
            assert np.allclose(a * [-1, 1, 1], b, atol=0.01), p.id


def test_points_sit_at_anatomical_heights(templates, body):
    h = body.height_mm
    z = {p.id: point_position_mm(p, body)[2] / h for p in templates.reflex_points}
    assert z["gv20"] > 0.99
    assert 0.92 < z["ex-hn3"] < 0.96
    assert z["cv6"] < z["cv12"] < z["cv17"] < z["gv14"] < z["gb20_left"]
    assert z["ki3_left"] < z["sp6_left"] < z["st36_left"] < z["gb34_left"] < z["bl40_left"] + 0.02
    assert z["bl60_left"] < 0.07 and z["lr3_left"] < 0.05
    assert z["si3_left"] < z["li4_left"] + 0.05 < z["pc6_left"] + 0.05 < z["li11_left"] + 0.05
    # Sides: PC6 and TE5 are on opposite faces of the forearm.
    pc6 = templates.point("pc6_left")
    te5 = templates.point("te5_left")
    assert body.face_normals[pc6.face] @ body.face_normals[te5.face] < 0


# ---------------------------------------------------------------------------
# The loader on broken files
# ---------------------------------------------------------------------------
@pytest.fixture
def shipped_doc():
    return json.loads(default_templates_path().read_text(encoding="utf-8"))


def write(tmp_path: Path, doc) -> Path:
    path = tmp_path / "zones.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_a_copy_loads_the_same(tmp_path, templates):
    path = tmp_path / "zones.json"
    shutil.copyfile(default_templates_path(), path)
    copy = load_templates(path)
    assert [z.id for z in copy.zones] == [z.id for z in templates.zones]
    assert np.array_equal(copy.zones[3].faces, templates.zones[3].faces)


def test_bad_json_is_a_template_error(tmp_path):
    path = tmp_path / "zones.json"
    path.write_text('{"@schema": "mesomap-zones/1", "zones": [', encoding="utf-8")
    with pytest.raises(TemplateError, match="not valid JSON"):
        load_templates(path)


def test_missing_file_is_a_template_error(tmp_path):
    with pytest.raises(TemplateError, match="cannot read"):
        load_templates(tmp_path / "nope.json")


@pytest.mark.parametrize("schema", ["mesomap-zones/2", "mesomap-zones/2.1", "other/1", "", None])
def test_unknown_schema_is_refused(tmp_path, shipped_doc, schema):
    shipped_doc["@schema"] = schema
    with pytest.raises(TemplateError, match="schema"):
        load_templates(write(tmp_path, shipped_doc))


def test_minor_schema_versions_are_read(tmp_path, shipped_doc):
    shipped_doc["@schema"] = "mesomap-zones/1.3"
    assert len(load_templates(write(tmp_path, shipped_doc)).zones) == len(shipped_doc["zones"])


def test_out_of_range_face_names_zone_and_field(tmp_path, shipped_doc):
    shipped_doc["zones"][2]["faces"].append(HM08_FACE_COUNT)
    zid = shipped_doc["zones"][2]["id"]
    with pytest.raises(TemplateError, match=rf"zone '{zid}'.*'faces'.*{HM08_FACE_COUNT}.*out of range"):
        load_templates(write(tmp_path, shipped_doc))


def test_face_range_follows_the_given_face_count(tmp_path, shipped_doc):
    path = write(tmp_path, shipped_doc)
    with pytest.raises(TemplateError, match="out of range 0..99"):
        load_templates(path, n_faces=100)


def test_duplicate_zone_id_is_refused(tmp_path, shipped_doc):
    shipped_doc["zones"][1]["id"] = shipped_doc["zones"][0]["id"]
    with pytest.raises(TemplateError, match=rf"duplicate zone id '{shipped_doc['zones'][0]['id']}'"):
        load_templates(write(tmp_path, shipped_doc))


def test_duplicate_point_id_is_refused(tmp_path, shipped_doc):
    shipped_doc["reflex_points"][1]["id"] = shipped_doc["reflex_points"][0]["id"]
    with pytest.raises(TemplateError, match="duplicate reflex point id"):
        load_templates(write(tmp_path, shipped_doc))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("side", "up", "field 'side' must be one of"),
        ("depth_mm", 0, "field 'depth_mm' must be positive"),
        ("spacing_mm", -5.0, "field 'spacing_mm' must be positive"),
        ("volume_per_point_ml", 0.0, "field 'volume_per_point_ml' must be positive"),
        ("technique", "XYZ", "field 'technique' must be one of"),
        ("faces", [], "non-empty list"),
        ("depth_mm", 9.0, "deeper than needle_length_mm"),
    ],
)
def test_bad_zone_fields_name_the_zone_and_field(tmp_path, shipped_doc, field, value, message):
    zone = shipped_doc["zones"][5]
    zone[field] = value
    with pytest.raises(TemplateError, match=rf"zone '{zone['id']}'.*{message}"):
        load_templates(write(tmp_path, shipped_doc))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("barycentric", [0.2, 0.3, 0.6], "must sum to 1"),
        ("barycentric", [0.5, 0.5], "must be 3 numbers"),
        ("barycentric", [1.2, -0.2, 0.0], "negative weight"),
        ("side", "bilateral", "field 'side' must be one of"),
        ("face", -1, "out of range"),
        ("volume_ml", 0, "field 'volume_ml' must be positive"),
    ],
)
def test_bad_point_fields_name_the_point_and_field(tmp_path, shipped_doc, field, value, message):
    point = shipped_doc["reflex_points"][0]
    point[field] = value
    with pytest.raises(TemplateError, match=rf"reflex point '{point['id']}'.*{message}"):
        load_templates(write(tmp_path, shipped_doc))


def test_helpers_compute_area_and_position(female):
    zone = ZoneTemplate(id="one", name="One", side="midline", faces=[0, 1], technique="IDS",
                        depth_mm=1.0, spacing_mm=10.0, volume_per_point_ml=0.05)
    assert zone_area_cm2(zone, female) == pytest.approx(female.face_areas[[0, 1]].sum() / 100.0)
    point = ReflexPointTemplate(id="p", code="X1", name="X", side="left", face=7,
                                barycentric=(0.0, 1.0, 0.0), depth_mm=1.0, volume_ml=0.1)
    assert np.allclose(point_position_mm(point, female), female.vertices[female.faces[7, 1]])
