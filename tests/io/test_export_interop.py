"""Exports for other tools: Slicer markups that validate, the body mesh, plain JSON; atomic and refusing."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from mesomap.io.export_formats import write_export
from mesomap.io.exports import ExportError
from mesomap.io.export_interop import slicer_markups
from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_builder import new_plan
from mesomap.io.templates import load_templates
from mesomap.model.grid import grid_plan

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "slicer-markups-schema-v1.0.3.json"


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


@pytest.fixture(scope="module")
def plan(surface):
    plan = new_plan(surface, load_templates(), ["cheek_left", "knee_right"], ["LI4"], spacing_mm=12.0)
    return grid_plan(plan, surface)


def test_slicer_markups_validate_against_slicers_schema(plan, surface):
    import jsonschema
    doc = slicer_markups(plan, surface)
    jsonschema.validate(doc, json.loads(SCHEMA.read_text()))
    assert [m["name"] for m in doc["markups"]] == [z.name for z in plan.zones] + ["Reflex points"]
    for m in doc["markups"]:
        assert m["coordinateSystem"] == "RAS" and m["coordinateUnits"] == "mm"


def test_slicer_points_are_the_injections_in_order(plan, surface):
    doc = slicer_markups(plan, surface)
    zone = plan.zones[0]
    first = doc["markups"][0]
    assert first["name"] == zone.name and len(first["controlPoints"]) == len(zone.injections)
    for cp, q in zip(first["controlPoints"], zone.injections):
        pos, normal = surface.point_on_face(q.face, q.barycentric)
        assert np.allclose(cp["position"], pos, atol=1e-3)
        assert np.allclose(np.array(cp["orientation"]).reshape(3, 3)[:, 2], normal, atol=1e-5)
    ids = [int(cp["id"]) for m in doc["markups"] for cp in m["controlPoints"]]
    assert ids == list(range(1, len(ids) + 1))  # order numbers run on across lists
    labels = [int(cp["label"]) for m in doc["markups"][:-1] for cp in m["controlPoints"]]
    assert labels == ids[:len(labels)]  # zone points are labelled with their order, reflex points with their code
    assert [cp["label"] for cp in doc["markups"][-1]["controlPoints"]] == [p.code for p in plan.points]
    depth = next(x for x in first["measurements"] if x["name"] == "depth")
    assert depth["units"] == "mm" and depth["controlPointValues"] == [zone.params.depth_mm] * len(zone.injections)
    reflex = doc["markups"][-1]
    assert reflex["name"] == "Reflex points" and len(reflex["controlPoints"]) == len(plan.points) == 2


@pytest.mark.parametrize("suffix", [".ply", ".obj"])
def test_mesh_export_is_the_body_in_mm(plan, surface, tmp_path, suffix):
    import trimesh

    out = write_export("mesh", plan, surface, tmp_path / f"body{suffix}").path
    mesh = trimesh.load(out, process=False, force="mesh")
    assert len(mesh.faces) == surface.coarse.n_faces
    assert np.allclose(np.sort(mesh.vertices[:, 2])[-1], surface.coarse.bounds_mm[1, 2], atol=1e-3)


def test_json_export_lists_every_injection(plan, surface, tmp_path):
    out = write_export("json", plan, surface, tmp_path / "plan.json").path
    doc = json.loads(out.read_text())
    assert doc["units"] == "mm" and doc["@schema"].startswith("mesomap-injections/")
    assert len(doc["injections"]) == sum(len(z.injections) for z in plan.zones) + len(plan.points)
    assert [z["count"] for z in doc["zones"]] == [len(z.injections) for z in plan.zones]


@pytest.mark.parametrize("fmt, name", [("slicer", "x.mrk.json"), ("json", "x.json"), ("csv", "x.csv")])
def test_an_export_refused_keeps_the_previous_file(surface, tmp_path, fmt, name):
    plan = new_plan(surface, load_templates(), ["forehead"])  # no grid yet
    previous = tmp_path / name
    previous.write_text("earlier export")
    with pytest.raises(ExportError, match="no injection grid"):
        write_export(fmt, plan, surface, previous).path
    assert previous.read_text() == "earlier export"
    assert [p.name for p in tmp_path.iterdir()] == [name]


def slicer_frame_of(path: Path):
    """(points in Slicer's RAS world, polydata) of a model file, read the way 3D Slicer's model storage node does:
    VTK's reader, then "SPACE=RAS"/"SPACE=LPS" searched in the PLY comments or the OBJ's leading comment; neither: LPS."""
    import vtk
    from vtk.util.numpy_support import vtk_to_numpy

    if path.suffix == ".ply":
        reader = vtk.vtkPLYReader()
        reader.SetFileName(str(path))
        reader.Update()
        comments = reader.GetComments()
        header = " ".join(comments.GetValue(i) for i in range(comments.GetNumberOfValues()))
    else:
        reader = vtk.vtkOBJReader()
        reader.SetFileName(str(path))
        reader.Update()
        header = reader.GetComment() or ""
    ras = "SPACE=RAS" in header
    assert ras or "SPACE=LPS" not in header
    poly = reader.GetOutput()
    pts = vtk_to_numpy(poly.GetPoints().GetData()).astype(float)
    return pts * ([1, 1, 1] if ras else [-1, -1, 1]), poly, header


@pytest.mark.parametrize("suffix", [".ply", ".obj"])
def test_slicer_opens_the_mesh_in_the_markups_frame(plan, surface, tmp_path, suffix):
    """The exported body and the exported markups land on each other in Slicer (not mirrored)."""
    import vtk

    out = write_export("mesh", plan, surface, tmp_path / f"body{suffix}").path
    world, poly, header = slicer_frame_of(out)
    assert "SPACE=RAS" in header
    doc = slicer_markups(plan, surface)
    markups = [(m["coordinateSystem"], cp["position"]) for m in doc["markups"] for cp in m["controlPoints"]]
    # markups in Slicer's RAS world, as its markups reader places them
    positions = np.array([p if cs == "RAS" else [-p[0], -p[1], p[2]] for cs, p in markups])
    moved = vtk.vtkPoints()
    for p in world:
        moved.InsertNextPoint(*p)
    body = vtk.vtkPolyData()
    body.SetPoints(moved)
    body.SetPolys(poly.GetPolys())
    locator = vtk.vtkCellLocator()
    locator.SetDataSet(body)
    locator.BuildLocator()
    far = []
    for p in positions:
        closest, cell, sub, d2 = [0.0, 0.0, 0.0], vtk.reference(0), vtk.reference(0), vtk.reference(0.0)
        locator.FindClosestPoint(p, closest, cell, sub, d2)
        far.append(float(d2) ** 0.5)
    assert max(far) < 0.5, f"markups {max(far):.1f} mm off the body as Slicer shows it"
