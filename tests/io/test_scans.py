"""Importing scans (issue 16): formats, units of whole and partial scans, repair in words, simplification."""

from __future__ import annotations

import numpy as np
import pytest
import trimesh

import mesomap.io.scans as scans
from mesomap.io.meshes import MeshLoadError
from mesomap.io.scans import ScanUnitsUnclearError, load_scan
from mesomap.text import format_message
from tests.geometry.test_test_bodies import load_scan as load_test_scan


def as_trimesh(name: str) -> trimesh.Trimesh:
    d = load_test_scan(name)
    return trimesh.Trimesh(d["vertices"].astype(np.float64), d["faces"], process=False)


def words(loaded) -> str:
    return " | ".join(format_message(m) for m in loaded.notes)


def test_an_obj_face_scan_in_mm_keeps_its_texture_coordinates_and_image(tmp_path):
    face = as_trimesh("face")
    v = face.vertices[:, [0, 2, 1]] * [-1, 1, 1]  # written y-up, as OBJ files are
    uv = (v[:, [0, 1]] - v[:, [0, 1]].min(axis=0)) / np.ptp(v[:, [0, 1]], axis=0)
    (tmp_path / "skin.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "face.mtl").write_text("newmtl skin\nmap_Kd skin.png\n")
    lines = ["mtllib face.mtl", "usemtl skin"] + [f"v {a:.4f} {b:.4f} {c:.4f}" for a, b, c in v]
    lines += [f"vt {a:.5f} {b:.5f}" for a, b in uv] + [f"f {a}/{a} {b}/{b} {c}/{c}" for a, b, c in face.faces + 1]
    (tmp_path / "face.obj").write_text("\n".join(lines) + "\n")
    loaded = load_scan(tmp_path / "face.obj")
    assert loaded.units == "mm" and loaded.partial
    assert loaded.texture == tmp_path / "skin.png"
    assert loaded.uv is not None and loaded.uv.shape == (loaded.mesh.n_faces, 3, 2) and 0 <= loaded.uv.min() < loaded.uv.max() <= 1
    assert "partial scan" in words(loaded) and "landmarks" in words(loaded)
    # turned z-up: the face is taller than it is deep, its front (nose) towards +y
    lo, hi = loaded.mesh.bounds_mm
    assert hi[2] - lo[2] > 150 and abs(loaded.mesh.height_mm - np.ptp(face.vertices[:, 2])) < 1.0


def test_a_ply_in_cm_with_vertex_colours_reads_as_cm_and_keeps_the_colours(tmp_path):
    face = as_trimesh("face")
    m = trimesh.Trimesh(face.vertices / 10.0, face.faces, process=False)
    m.visual.vertex_colors = np.tile([200, 150, 120, 255], (len(m.vertices), 1)).astype(np.uint8)
    m.export(tmp_path / "face.ply")
    loaded = load_scan(tmp_path / "face.ply")
    assert loaded.units == "cm" and loaded.partial
    assert loaded.colors is not None and tuple(loaded.colors[0][:3]) == (200, 150, 120)
    assert abs(loaded.mesh.height_mm - np.ptp(face.vertices[:, 2])) < 1.0


def test_a_whole_body_stl_in_metres_and_a_glb_read_as_whole_bodies(tmp_path):
    body = as_trimesh("heavy")
    trimesh.Trimesh(body.vertices / 1000.0, body.faces).export(tmp_path / "body.stl")
    loaded = load_scan(tmp_path / "body.stl")
    assert loaded.units == "m" and not loaded.partial
    assert 1500 < loaded.mesh.height_mm < 1650
    trimesh.Trimesh(body.vertices[:, [0, 2, 1]] * [-1, 1, 1] / 1000.0, body.faces).export(tmp_path / "body.glb")
    glb = load_scan(tmp_path / "body.glb")
    assert glb.units == "m" and 1500 < glb.mesh.height_mm < 1650


def test_a_size_that_fits_two_units_asks_naming_the_file_and_the_choices(tmp_path):
    body = as_trimesh("slim")  # upright: a body 2 m tall in cm, or a forearm 200 mm long in mm?
    v = body.vertices - body.vertices.min(axis=0)
    trimesh.Trimesh(v * (200.0 / v.max()), body.faces).export(tmp_path / "limb.ply")
    with pytest.raises(ScanUnitsUnclearError) as err:
        load_scan(tmp_path / "limb.ply")
    text = str(err.value)
    assert "limb.ply" in text and "cm" in text and "mm" in text and "\n" not in text
    assert set(err.value.choices) == {"cm", "mm"}
    assert load_scan(tmp_path / "limb.ply", units="mm").partial  # once the user says mm, a 200 mm scan
    assert not load_scan(tmp_path / "limb.ply", units="cm").partial  # or cm: a whole body


def test_stray_pieces_are_dropped_and_the_dropped_share_of_area_is_said(tmp_path):
    body = as_trimesh("slim")
    blob = trimesh.creation.icosphere(subdivisions=2, radius=40.0)
    blob.apply_translation([600.0, 0.0, 800.0])  # a chair back beside the patient
    both = trimesh.util.concatenate([body, blob])
    both.export(tmp_path / "room.ply")
    loaded = load_scan(tmp_path / "room.ply")
    assert loaded.mesh.n_faces == len(body.faces)
    share = 100 * blob.area / (blob.area + body.area)
    text = words(loaded)
    assert "1 smaller pieces" in text and f"{round(share, 1):g}% of the area" in text
    assert "open borders" in text  # the holes and the cut-off soles


def test_a_large_scan_gets_a_painting_copy_whose_vertices_lie_on_the_original(tmp_path, monkeypatch):
    body = as_trimesh("older")
    body.export(tmp_path / "older.ply")
    monkeypatch.setattr(scans, "PAINT_FACES", 5000)
    loaded = load_scan(tmp_path / "older.ply")
    assert 2500 < loaded.paint.n_faces < 8000 and loaded.mesh.n_faces == len(body.faces)
    assert "simplified from" in words(loaded)
    from mesomap.geometry.scan_surface import ScanSurface

    _, _, d, _ = ScanSurface(loaded.mesh.vertices, loaded.mesh.faces).nearest(loaded.paint.vertices, k=6)
    assert d.max() < 1e-6


def test_an_unsupported_or_broken_file_is_refused_in_one_sentence_naming_it(tmp_path):
    (tmp_path / "scan.xyz").write_text("1 2 3\n")
    with pytest.raises(MeshLoadError, match="scan.xyz"):
        load_scan(tmp_path / "scan.xyz")
    (tmp_path / "scan.glb").write_bytes(b"not a glb at all")
    with pytest.raises(MeshLoadError) as err:
        load_scan(tmp_path / "scan.glb")
    assert "scan.glb" in str(err.value) and "\n" not in str(err.value)


def two_colour_obj(folder, left=(220, 30, 30), right=(30, 60, 220)):
    """face.obj + face.mtl + skin.png in ``folder``: the face scan (mm, y up) textured by the patient's left
    half (u < 0.5, file x < middle) in ``left`` and the other half in ``right``; returns the OBJ's path."""
    from PIL import Image

    face = as_trimesh("face")
    v = face.vertices[:, [0, 2, 1]] * [-1, 1, 1]  # written y-up, as OBJ files are
    uv = (v[:, [0, 1]] - v[:, [0, 1]].min(axis=0)) / np.ptp(v[:, [0, 1]], axis=0)
    image = np.zeros((64, 64, 3), np.uint8)
    image[:, :32], image[:, 32:] = left, right
    Image.fromarray(image).save(folder / "skin.png")
    (folder / "face.mtl").write_text("newmtl skin\nmap_Kd skin.png\n")
    lines = ["mtllib face.mtl", "usemtl skin"] + [f"v {a:.4f} {b:.4f} {c:.4f}" for a, b, c in v]
    lines += [f"vt {a:.5f} {b:.5f}" for a, b in uv] + [f"f {a}/{a} {b}/{b} {c}/{c}" for a, b, c in face.faces + 1]
    (folder / "face.obj").write_text("\n".join(lines) + "\n")
    return folder / "face.obj"


def test_an_obj_scans_texture_becomes_its_vertex_colours_and_a_broken_image_is_said(tmp_path, monkeypatch):
    path = two_colour_obj(tmp_path)
    loaded = load_scan(path)
    assert loaded.colors is not None and loaded.colors.shape == (loaded.mesh.n_vertices, 3)
    file_x = (loaded.mesh.vertices - loaded.frame[:3, 3]) @ loaded.frame[:3, :3]  # back in the file's frame
    mid = (file_x[:, 0].min() + file_x[:, 0].max()) / 2
    left, right = file_x[:, 0] < mid - 5, file_x[:, 0] > mid + 5
    assert (np.abs(loaded.colors[left].astype(int) - (220, 30, 30)).max(axis=1) <= 2).mean() > 0.95
    assert (np.abs(loaded.colors[right].astype(int) - (30, 60, 220)).max(axis=1) <= 2).mean() > 0.95
    assert loaded.paint_colors is loaded.colors  # small scan: the painting copy is the scan
    # a large scan's painting copy takes the colours of the skin under it
    monkeypatch.setattr(scans, "PAINT_FACES", loaded.mesh.n_faces // 4)
    small = load_scan(path)
    assert small.paint is not small.mesh and small.paint_colors.shape == (small.paint.n_vertices, 3)
    assert {tuple(c) for c in small.paint_colors[:, :3]} >= {(220, 30, 30), (30, 60, 220)}
    (tmp_path / "skin.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # a broken image: skin colour, said in words
    broken = load_scan(path)
    assert broken.colors is None and "its texture skin.png cannot be read" in words(broken)
