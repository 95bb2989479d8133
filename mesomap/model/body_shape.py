"""Body shape: the reference body takes a patient's build from a few named sliders.

Convention: every slider is a number in ``[low, high]`` with **0 = the neutral bundled body**
(not MakeHuman's 0..1 with 0.5 neutral): ``height``, ``weight``, ``muscle`` and ``proportions``
go from −1 to 1 (``weight`` to 2), ``age`` from 0 (young adult, the bundled body: 25 years) to 1 (MakeHuman's
oldest, 90 years). A positive value moves each vertex along the slider's *up* direction, a
negative one along its *down* direction (piecewise linear, as MakeHuman mixes its targets).
MakeHuman's heaviest target only reaches BMI ≈ 22 on the bundled body (48 kg at 1.59 m → 55 kg), too
light for many patients, so ``weight`` goes on to 2: the target extrapolated linearly (BMI ≈ 25 at
the bundled height, ≈ 28 combined with more height)::

    shaped = base + Σ max(v, 0) · up[slider] + Σ max(−v, 0) · down[slider]        (n, 3) mm

The directions (``assets/meshes/hm08-shapes.npz``, CC0 MakeHuman macro targets, baked by
``tools/bake_body_shapes.py``) are of the bundled female body; the male body is the female one
plus the "male" direction, so the same sum shapes it too (MakeHuman's own targets differ a
little between genders: an approximation, well below what a slider setting means).

Measures of a shaped body: height = its z extent (mm, feet on z = 0); weight = enclosed
volume × 1.01 g/cm³ (the bundled mesh is closed; one density for the whole body — fat is
lighter, muscle heavier — and no lungs: a body-composition-free estimate within ≈5 %).
"Entering height and weight sets them": :func:`solve_slider` finds the one slider value giving
a measure (both grow monotonically with their slider), refusing targets out of its reach.

A shape is stored as a sorted tuple of (name, value) pairs without the zeros (``()`` = neutral),
each value rounded to :data:`DECIMALS`, so equal shapes compare and cache equal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.model.messages import CarriesMessage, Kind

#: slider name -> (up direction, down direction or None, lowest value, highest value).
SLIDERS: dict[str, tuple[str, str | None, float, float]] = {
    "height": ("height_up", "height_down", -1.0, 1.0),
    "weight": ("weight_up", "weight_down", -1.0, 2.0),
    "muscle": ("muscle_up", "muscle_down", -1.0, 1.0),
    "age": ("age_up", None, 0.0, 1.0),
    "proportions": ("proportions_ideal", "proportions_uncommon", -1.0, 1.0),
}
DECIMALS = 4
#: Mean body density (g/cm³ = kg/l) used for the weight estimate.
BODY_DENSITY_G_CM3 = 1.01

Shape = tuple[tuple[str, float], ...]

UNKNOWN_SLIDER = Kind("shape_unknown_slider", "slider", "known")
SLIDER_OUT_OF_RANGE = Kind("shape_slider_out_of_range", "slider", "value", "low", "high")
SLIDER_NOT_A_NUMBER = Kind("shape_slider_not_a_number", "slider")
HEIGHT_OUT_OF_REACH = Kind("shape_height_out_of_reach", "height_mm", "low_mm", "high_mm")
WEIGHT_OUT_OF_REACH = Kind("shape_weight_out_of_reach", "weight_kg", "low_kg", "high_kg")


def body_key(ref) -> str | tuple[str, Shape]:
    """What names the surface of a plan's body (a BodyRef) for caches and layout jobs: its id for a
    body as bundled, (id, shape) for a shaped one (hashable, picklable)."""
    return (ref.body_id, ref.shape) if ref.shape else ref.body_id


class ShapeError(CarriesMessage, ValueError):
    """A shape value that cannot be used; ``str(err)`` says which slider and why."""


def normalize(values: Mapping[str, float] | Shape | None) -> Shape:
    """The canonical shape of ``values`` (name -> value): checked, rounded, zeros dropped, sorted.

    ShapeError for an unknown slider, a value that is not a finite number or outside its range.
    """
    items = dict(values or {}).items()
    out = []
    for name, value in items:
        if name not in SLIDERS:
            raise ShapeError(UNKNOWN_SLIDER(slider=name, known=", ".join(SLIDERS)))
        if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)) \
                or not np.isfinite(value):
            raise ShapeError(SLIDER_NOT_A_NUMBER(slider=name))
        _, _, lo, hi = SLIDERS[name]
        v = round(float(value), DECIMALS)
        if not lo <= v <= hi:
            raise ShapeError(SLIDER_OUT_OF_RANGE(slider=name, value=v, low=lo, high=hi))
        if v != 0.0:
            out.append((name, v + 0.0))
    return tuple(sorted(out))


@dataclass(frozen=True)
class ShapeDirections:
    """The per-vertex directions of a topology: ``directions`` (k, n, 3) mm, ``names`` (k,)."""

    names: tuple[str, ...]
    directions: np.ndarray

    def direction(self, name: str) -> np.ndarray:
        """(n, 3) mm: how far each vertex moves at slider value ±1."""
        return self.directions[self.names.index(name)]


def shaped_vertices(base_mm: np.ndarray, directions: ShapeDirections, shape: Shape) -> np.ndarray:
    """(n, 3) mm: ``base_mm`` (n, 3) moved by the shape's sliders (piecewise: up for > 0, down for < 0)."""
    v = np.array(base_mm, dtype=np.float64)
    for name, value in normalize(shape):
        up, down, _, _ = SLIDERS[name]
        if value > 0:
            v += value * directions.direction(up)
        elif down is not None:
            v += -value * directions.direction(down)
    return v


def height_mm(vertices_mm: np.ndarray) -> float:
    """Standing height (mm): the body's z extent. vertices_mm : (n, 3)."""
    z = np.asarray(vertices_mm)[:, 2]
    return float(z.max() - z.min())


def volume_ml(vertices_mm: np.ndarray, faces: np.ndarray) -> float:
    """Enclosed volume (ml = cm³) of a closed mesh, outward faces. vertices_mm (n, 3), faces (m, 3)."""
    return BodyMesh(vertices_mm, faces).volume_mm3 / 1000.0


def weight_kg(vertices_mm: np.ndarray, faces: np.ndarray) -> float:
    """Estimated body weight (kg): volume × :data:`BODY_DENSITY_G_CM3`."""
    return volume_ml(vertices_mm, faces) * BODY_DENSITY_G_CM3 / 1000.0


def bmi(height: float, weight: float) -> float:
    """Body-mass index (kg/m²) of ``height`` mm and ``weight`` kg."""
    return weight / (height / 1000.0) ** 2


def with_value(shape: Shape, name: str, value: float) -> Shape:
    """``shape`` with slider ``name`` set to ``value``."""
    return normalize({**dict(shape), name: value})


def solve_slider(measure: Callable[[Shape], float], shape: Shape, name: str, target: float,
                 tol: float = 1e-3) -> Shape:
    """``shape`` with slider ``name`` set so that ``measure(shape) == target`` (± ``tol``, the measure's unit).

    ``measure`` must grow with the slider (height with ``height``, weight with ``weight``).
    Bisection on [low, high]; ValueError-like ``_OutOfReach`` (lowest, highest) when the target lies
    outside what the slider reaches (the caller words it with its unit).
    """
    _, _, lo, hi = SLIDERS[name]
    m_lo, m_hi = measure(with_value(shape, name, lo)), measure(with_value(shape, name, hi))
    if not m_lo - tol <= target <= m_hi + tol:
        raise OutOfReach(m_lo, m_hi)
    a, b = lo, hi
    for _ in range(60):
        mid = (a + b) / 2
        m = measure(with_value(shape, name, mid))
        if abs(m - target) <= tol or b - a < 10.0 ** -DECIMALS:
            break
        a, b = (mid, b) if m < target else (a, mid)
    # the value is rounded to DECIMALS: take the rounded neighbour closest to the target
    best = min((round(mid, DECIMALS) + k * 10.0 ** -DECIMALS for k in (-1, 0, 1)),
               key=lambda x: abs(measure(with_value(shape, name, min(max(x, lo), hi))) - target))
    return with_value(shape, name, min(max(best, lo), hi))


class OutOfReach(ValueError):
    """The target of :func:`solve_slider` lies outside [low, high], what the slider reaches."""

    def __init__(self, low: float, high: float):
        super().__init__(low, high)
        self.low, self.high = low, high


@dataclass(frozen=True)
class BodyMeasures:
    """What a shaped body measures: height (mm), weight (kg, estimate), BMI (kg/m²)."""

    height_mm: float
    weight_kg: float

    @property
    def bmi(self) -> float:
        return bmi(self.height_mm, self.weight_kg)


def measures(vertices_mm: np.ndarray, faces: np.ndarray) -> BodyMeasures:
    return BodyMeasures(height_mm(vertices_mm), weight_kg(vertices_mm, faces))


def fit_height_weight(base_mm: np.ndarray, faces: np.ndarray, directions: ShapeDirections, shape: Shape,
                      height: float | None = None, weight: float | None = None) -> Shape:
    """``shape`` with the height and/or weight slider set so the body measures ``height`` mm and
    ``weight`` kg (either may be None: left as it is). The weight slider changes the height a little
    and the height slider the weight a lot, so they are solved in turn until both hold (≤ 6 rounds).
    ShapeError naming the measure and the reachable range when a target is out of reach."""
    def h(s: Shape) -> float:
        return height_mm(shaped_vertices(base_mm, directions, s))

    def w(s: Shape) -> float:
        return weight_kg(shaped_vertices(base_mm, directions, s), faces)

    shape = normalize(shape)
    for _ in range(6):
        before = shape
        if height is not None:
            try:
                shape = solve_slider(h, shape, "height", height, tol=0.05)
            except OutOfReach as err:
                raise ShapeError(HEIGHT_OUT_OF_REACH(height_mm=round(height), low_mm=round(err.low),
                                                     high_mm=round(err.high))) from None
        if weight is not None:
            try:
                shape = solve_slider(w, shape, "weight", weight, tol=0.01)
            except OutOfReach as err:
                raise ShapeError(WEIGHT_OUT_OF_REACH(weight_kg=round(weight, 1), low_kg=round(err.low, 1),
                                                     high_kg=round(err.high, 1))) from None
        if shape == before:
            break
    return shape
