"""Loading user meshes (real files written with trimesh) and the bundled bodies."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
import trimesh

import mesomap.io.meshes as meshes
from mesomap.io.meshes import (
    MeshLoadError,
    UnitsUnclearError,
    load_bundled_body,
    load_mesh_file,
)

FORMATS = ("obj", "ply", "stl", "glb")


def body_like(height: float = 1.7, up: int = 2, subdivisions: int = 2) -> trimesh.Trimesh:
    """An ellipsoid ``height`` tall along axis ``up``, 0.4 x 0.25 (times height/1.7) across,
    standing off-centre (so that centring and feet-on-floor have work to do)."""
    s = trimesh.creation.icosphere(subdivisions=subdivisions)
    across = [0.4 * height / 1.7, 0.25 * height / 1.7]
    scale = np.empty(3)
    scale[up] = height
    scale[[i for i in range(3) if i != up]] = across
    s.apply_scale(scale / 2.0)
    s.apply_translation(np.array([0.3, -0.2, 0.5]) * height)
    return s


def write(mesh: trimesh.Trimesh, path: Path) -> Path:
    mesh.export(path)
    assert path.stat().st_size > 0
    return path


def assert_load_error(path, *substrings, **kw) -> MeshLoadError:
    """load_mesh_file raises MeshLoadError (no other type), naming the file and saying why."""
    with pytest.raises(MeshLoadError) as info:
        load_mesh_file(path, **kw)
    msg = str(info.value)
    assert Path(path).name in msg, msg
    assert "\n" not in msg.strip(), "the reason should be one line"
    if substrings:
        assert any(s.lower() in msg.lower() for s in substrings), msg
    return info.value


# --------------------------------------------------------------------- formats and units


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_loads_in_mm_on_the_floor(tmp_path, fmt):
    src = body_like()
    path = write(src, tmp_path / f"body.{fmt}")
    loaded = load_mesh_file(path)
    mesh = loaded.mesh
    assert loaded.units == "m"
    assert mesh.n_faces == len(src.faces)
    lo, hi = mesh.bounds_mm
    assert mesh.height_mm == pytest.approx(1700.0, rel=1e-6)
    assert hi[2] - lo[2] == pytest.approx(1700.0, rel=1e-6)
    assert lo[2] == pytest.approx(0.0, abs=1e-9)
    assert lo[0] == pytest.approx(-hi[0], abs=1e-6)
    assert lo[1] == pytest.approx(-hi[1], abs=1e-6)
    assert hi[0] - lo[0] == pytest.approx(400.0, rel=1e-3)
    assert hi[1] - lo[1] == pytest.approx(250.0, rel=1e-3)
    # same surface, in mm², and still wound outward
    assert mesh.surface_area_mm2 == pytest.approx(src.area * 1e6, rel=1e-5)
    assert mesh.volume_mm3 == pytest.approx(src.volume * 1e9, rel=1e-5)
    assert mesh.body_id == "body"
    assert path.name in mesh.name


@pytest.mark.parametrize("fmt", FORMATS)
def test_closed_file_loads_as_a_closed_surface(tmp_path, fmt):
    """A watertight body in the file must stay one connected, watertight surface
    (neighbouring triangles share vertices), whatever the format stores."""
    src = body_like()
    assert src.is_watertight
    mesh = load_mesh_file(write(src, tmp_path / f"body.{fmt}")).mesh
    assert mesh.is_watertight
    assert mesh.n_vertices == len(src.vertices)


@pytest.mark.parametrize(
    "height, units",
    [(1.7, "m"), (17.0, "dm"), (170.0, "cm"), (1700.0, "mm"), (1.55, "m"), (185.0, "cm")],
)
def test_units_detected_from_height(tmp_path, height, units):
    path = write(body_like(height), tmp_path / "scan.obj")
    loaded = load_mesh_file(path)
    assert loaded.units == units
    assert loaded.mesh.height_mm == pytest.approx(
        {"m": 1000, "dm": 100, "cm": 10, "mm": 1}[units] * height, rel=1e-6
    )


@pytest.mark.parametrize("height", [5.0, 400.0, 0.5, 60.0, 4000.0])
def test_ambiguous_height_asks_for_units(tmp_path, height):
    path = write(body_like(height), tmp_path / "odd.obj")
    with pytest.raises(UnitsUnclearError) as info:
        load_mesh_file(path)
    err = info.value
    assert isinstance(err, MeshLoadError)
    msg = str(err)
    assert "odd.obj" in msg
    assert f"{height:g}" in msg
    assert "units" in msg.lower()
    assert err.height == pytest.approx(height, rel=1e-9)


def test_explicit_units_override_detection(tmp_path):
    path = write(body_like(5.0), tmp_path / "odd.obj")  # a 50 cm torso scan in dm
    loaded = load_mesh_file(path, units="dm")
    assert loaded.units == "dm"
    assert loaded.mesh.height_mm == pytest.approx(500.0, rel=1e-6)
    # and explicit units win even when detection would have said otherwise (25 reads as dm: 2.5 m)
    path2 = write(body_like(25.0), tmp_path / "small.obj")
    assert load_mesh_file(path2, units="cm").mesh.height_mm == pytest.approx(250.0, rel=1e-6)


@pytest.mark.parametrize("height, units, shown", [(1700.0, "m", "1.7 km"), (1.7, "mm", "0.0017 m"),
                                                  (170.0, "m", "170 m"), (1700.0, "cm", "17 m")])
def test_explicit_units_that_give_no_body_height_are_refused(tmp_path, height, units, shown):
    """A 1700-tall file named as metres would be a 1.7 km body: refused, saying how tall it would be."""
    path = write(body_like(height), tmp_path / "scan.ply")
    err = assert_load_error(path, "tall", units=units)
    assert shown in str(err) and units in str(err) and "choose the units" in str(err)
    assert not isinstance(err, UnitsUnclearError)


def test_unknown_units_are_refused(tmp_path):
    path = write(body_like(), tmp_path / "body.obj")
    with pytest.raises(MeshLoadError, match="furlong"):
        load_mesh_file(path, units="furlong")


# --------------------------------------------------------------------- orientation


def _marked_body(up: int, front: int) -> trimesh.Trimesh:
    """A body-like ellipsoid with a nose: a small box sticking out on +``front``."""
    b = body_like(up=up)
    c = b.bounds.mean(axis=0)
    ext = b.extents
    nose_centre = c.copy()
    nose_centre[front] = b.bounds[1, front]
    nose_centre[up] = b.bounds[0, up] + 0.9 * ext[up]
    size = np.full(3, 0.04)
    nose = trimesh.creation.box(extents=size)
    nose.apply_translation(nose_centre)
    return trimesh.util.concatenate([b, nose])


def test_y_up_file_is_turned_z_up_facing_plus_y(tmp_path):
    """OBJ/glTF habit: y up, facing +z. The result must be z up, facing +y, feet on z = 0."""
    src = _marked_body(up=1, front=2)
    loaded = load_mesh_file(write(src, tmp_path / "yup.obj"))
    mesh = loaded.mesh
    lo, hi = mesh.bounds_mm
    extent = hi - lo
    assert np.argmax(extent) == 2
    assert extent[2] == pytest.approx(1000 * src.extents[1], rel=1e-6)
    assert lo[2] == pytest.approx(0.0, abs=1e-9)
    # the nose (furthest along +z in the file, high up) is now the furthest along +y;
    # without it the furthest point along +y would be the ellipsoid's, at half height
    front = mesh.vertices[np.argmax(mesh.vertices[:, 1])]
    assert front[2] > 0.8 * extent[2]
    back = mesh.vertices[np.argmin(mesh.vertices[:, 1])]
    assert back[2] < 0.6 * extent[2]
    # a proper rotation: not mirrored, so still wound outward
    assert mesh.volume_mm3 == pytest.approx(src.volume * 1e9, rel=1e-5)
    assert mesh.volume_mm3 > 0


def test_z_up_file_keeps_its_axes(tmp_path):
    src = _marked_body(up=2, front=1)
    mesh = load_mesh_file(write(src, tmp_path / "zup.ply")).mesh
    # pure translation + scale: the point set is the file's, times 1000, shifted
    got = np.unique(np.round(mesh.vertices - mesh.bounds_mm[0], 6), axis=0)
    want = np.unique(np.round(1000 * (src.vertices - src.vertices.min(axis=0)), 6), axis=0)
    assert got.shape == want.shape
    assert np.allclose(got, want, atol=1e-5)
    # nose still in front (+y) and high up
    front = mesh.vertices[np.argmax(mesh.vertices[:, 1])]
    assert front[2] > 0.8 * mesh.height_mm
    assert mesh.volume_mm3 > 0


def test_glb_y_up_file_is_turned(tmp_path):
    src = _marked_body(up=1, front=2)
    mesh = load_mesh_file(write(src, tmp_path / "yup.glb")).mesh
    lo, hi = mesh.bounds_mm
    assert np.argmax(hi - lo) == 2
    assert lo[2] == pytest.approx(0.0, abs=1e-9)
    assert mesh.volume_mm3 > 0


# --------------------------------------------------------------------- rejections


def test_missing_file(tmp_path):
    path = tmp_path / "nobody.obj"
    assert_load_error(path, "no such file", "not found", "does not exist")


def test_directory_is_not_a_file(tmp_path):
    d = tmp_path / "folder.obj"
    d.mkdir()
    assert_load_error(d)


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("v 0 0 0\nv 1 0 0\nv 0 0 1.7\nf 1 2 3\n")
    err = assert_load_error(path, "unsupported")
    assert ".txt" in str(err)


def test_empty_obj(tmp_path):
    path = tmp_path / "empty.obj"
    path.write_bytes(b"")
    assert_load_error(path, "no triangles", "empty")


@pytest.mark.parametrize("fmt", ["ply", "stl", "glb"])
def test_garbage_bytes(tmp_path, fmt):
    path = tmp_path / f"garbage.{fmt}"
    path.write_bytes(np.random.default_rng(7).bytes(4096))
    assert_load_error(path, "not a readable mesh", "no triangles")


def test_obj_point_cloud_without_faces(tmp_path):
    path = tmp_path / "cloud.obj"
    rng = np.random.default_rng(1)
    pts = rng.uniform([-0.2, -0.1, 0.0], [0.2, 0.1, 1.7], size=(200, 3))
    path.write_text("".join(f"v {x} {y} {z}\n" for x, y, z in pts))
    assert_load_error(path, "no triangles", "points")


def test_obj_with_nan_coordinates(tmp_path):
    path = tmp_path / "nan.obj"
    path.write_text("v 0 0 0\nv 0.4 0 0\nv 0 nan 1.7\nv 0 0.25 0\nf 1 2 3\nf 1 3 4\nf 1 4 2\n")
    err = assert_load_error(path, "nan")
    assert not isinstance(err, UnitsUnclearError)
    # naming the units does not make bad coordinates acceptable
    assert_load_error(path, "nan", units="m")


def test_obj_face_refers_to_missing_vertex(tmp_path):
    path = tmp_path / "dangling.obj"
    path.write_text("v 0 0 0\nv 0.4 0 0\nv 0 0 1.7\nf 1 2 3\nf 1 2 9\n")
    assert_load_error(path, "not exist", "not a readable mesh", "out of bounds")


def test_truncated_binary_stl(tmp_path):
    whole = body_like().export(file_type="stl")
    assert isinstance(whole, bytes) and len(whole) == 84 + 50 * 320
    path = tmp_path / "cut.stl"
    path.write_bytes(whole[: len(whole) // 2 + 17])
    assert_load_error(path, "not a readable mesh", "no triangles", "truncated")


@pytest.mark.parametrize("fmt, encoding", [("ply", "ascii"), ("ply", "binary_little_endian"), ("off", None)])
@pytest.mark.parametrize("keep", [0.5, 0.97])
def test_a_truncated_ply_or_off_is_refused_not_shortened(tmp_path, fmt, encoding, keep):
    """Cut anywhere (even in the last rows, where a lenient reader drops a few faces), the file is refused."""
    mesh = body_like(1.7)
    kwargs = {"encoding": encoding} if encoding else {}
    whole = mesh.export(file_type=fmt, **kwargs)
    whole = whole.encode() if isinstance(whole, str) else whole
    path = tmp_path / f"scan.{fmt}"
    path.write_bytes(whole)
    assert load_mesh_file(path).mesh.n_faces == len(mesh.faces)  # the whole file loads
    path.write_bytes(whole[: int(len(whole) * keep)])
    err = assert_load_error(path, "cut short")
    assert "Error" not in str(err) and "array" not in str(err), "no library text"


@pytest.mark.parametrize("fmt, data", [
    ("ply", b"ply\nformat binary_little_endian 1.0\nelement vertex 99\n\x00\x01"),
    ("ply", b"ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nend_header\n0 0\n1 1\nzz\n"),
    ("off", b"OFF\n3 1 0\n0 0 0\n1 zero 0\n0 0 1.7\n3 0 1 2\n"),
    ("obj", b"v 0 0 0\nv 1 0 0\nf 1 2 3 4 5 6 7 8 9 x\n"),
    ("glb", b"glTF\x02\x00\x00\x00" + b"\xff" * 40),
    ("stl", b"solid x\nfacet normal 0 0 1\nouter loop\nvertex 0 0\n"),
])
def test_every_mesh_error_is_one_sentence_about_the_file_not_library_text(tmp_path, fmt, data):
    path = tmp_path / f"scan.{fmt}"
    path.write_bytes(data)
    err = assert_load_error(path)
    msg = str(err)
    assert msg.startswith("scan.") and msg.count(". ") == 0 and msg.endswith(tuple("abcdefghijklmnopqrstuvwxyz)"))
    for library_text in ("unexpected length", "sequence", "inhomogeneous", "index", "Error", "dtype", "struct",
                         "unpack", "buffer", "could not convert", "invalid literal", "NoneType", "'"):
        assert library_text not in msg, msg


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "/dev/urandom"])
def test_a_pipe_or_device_is_refused_at_once_without_reading(tmp_path, special):
    if special == "fifo":
        special = tmp_path / "scan.ply"
        os.mkfifo(special)  # opening it to read would block for ever
    err = assert_load_error(special, "device, pipe or socket")
    assert "not a regular file" in str(err)


def test_a_mesh_file_over_the_size_limit_is_refused_naming_the_limit(tmp_path, monkeypatch):
    path = write(body_like(), tmp_path / "scan.stl")
    monkeypatch.setattr(meshes, "MAX_MESH_BYTES", path.stat().st_size - 1)
    err = assert_load_error(path, "larger than")
    assert "MB" in str(err) or "kB" in str(err)


def test_too_many_faces(tmp_path, monkeypatch):
    path = write(body_like(), tmp_path / "dense.obj")
    n_faces = len(trimesh.load(path, force="mesh", process=False).faces)
    monkeypatch.setattr(meshes, "MAX_FACES", n_faces - 1)
    err = assert_load_error(path, "triangles")
    assert "decimate" in str(err).lower()
    assert f"{n_faces - 1:,}" in str(err)
    # exactly at the limit is still fine
    monkeypatch.setattr(meshes, "MAX_FACES", n_faces)
    assert load_mesh_file(path).mesh.n_faces == n_faces


# --------------------------------------------------------------------- bundled bodies


@pytest.mark.parametrize("body_id", ["female", "male"])
def test_bundled_bodies_load(body_id):
    body = load_bundled_body(body_id)
    assert body.body_id == body_id
    assert body.n_faces > 1000
    assert body.mirror is not None


@pytest.mark.parametrize("body_id", ["alien", "", "Female", "female.npz", "../female"])
def test_unknown_bundled_body(body_id):
    with pytest.raises(MeshLoadError) as info:
        load_bundled_body(body_id)
    assert "female" in str(info.value) and "male" in str(info.value)


def test_bundled_body_missing_assets(tmp_path, monkeypatch):
    monkeypatch.setenv("MESOMAP_ASSETS", str(tmp_path))
    with pytest.raises(MeshLoadError) as info:
        load_bundled_body("female")
    assert "female" in str(info.value)
    assert not isinstance(info.value, (OSError, KeyError))


def test_bundled_body_damaged_assets(tmp_path, monkeypatch):
    (tmp_path / "meshes").mkdir()
    (tmp_path / "meshes" / "female.npz").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    real = Path(meshes.__file__).resolve().parents[2] / "assets" / "meshes" / "male.npz"
    with np.load(real) as z:  # a male without its mirror map
        np.savez(tmp_path / "meshes" / "male.npz", vertices=z["vertices"], faces=z["faces"], meta=z["meta"])
    monkeypatch.setenv("MESOMAP_ASSETS", str(tmp_path))
    for body_id in ("female", "male"):
        with pytest.raises(MeshLoadError, match=body_id):
            load_bundled_body(body_id)
