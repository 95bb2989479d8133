"""The plan document as immutable values: header, zones, reflex points.

Everything is a frozen dataclass; edits make new values (see
:mod:`mesomap.model.edits`), so an undo step is just the plan before and after,
and unchanged zones are shared between steps, not copied.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import uuid
from dataclasses import dataclass, field

import numpy as np

from mesomap.model.techniques import (
    ANGLE_DEG,
    DEPTH_MM,
    MARGIN_MM,
    NEEDLE_GAUGE,
    NEEDLE_LENGTH_MM,
    PATTERNS,
    ROW_ANGLE_DEG,
    SIDES,
    SPACING_MM,
    TECHNIQUES,
    VOLUME_PER_POINT_ML,
    choice_error,
    range_error,
)
from mesomap.model.messages import Kind, Message, MessageError

DEPTH_EXCEEDS_NEEDLE = Kind("depth_exceeds_needle", "depth_mm", "needle_mm")
TOO_MANY_PRODUCTS = Kind("too_many_products", "count")
DEPTH_OUTSIDE_NOMINAL = Kind("depth_outside_nominal", "depth_mm", "low_mm", "high_mm", "technique", "technique_name",
                             severity="warning")
BARYCENTRIC_INVALID = Kind("barycentric_invalid", "barycentric")
COLOUR_MALFORMED = Kind("colour_malformed", "colour")
#: A problem (or several, in order) of a named zone or reflex point: the wrappers every caller puts around
#: :meth:`TreatmentParams.errors` and :meth:`ReflexPoint.errors`. ``problems`` is a tuple of Messages.
ZONE_PROBLEMS = Kind("zone_problems", "zone", "problems")  # zone 'Abdomen': …
ZONE_LABELLED = Kind("zone_labelled", "zone", "problems")  # Abdomen: … (the summary's lists)
POINT_PROBLEMS = Kind("point_problems", "point", "problems")  # point LI4: …
REFLEX_POINT_PROBLEMS = Kind("reflex_point_problems", "point", "problems")  # reflex point LI4: …


def face_set(faces) -> np.ndarray:
    """Sorted, unique, read-only int32 array of face ids.

    Sort-based (NumPy 2's hash-based ``unique`` is ~30× slower on face ids),
    and free for input that is already a sorted unique int32 array.
    """
    a = np.asarray(faces)
    if a.dtype == np.int32 and a.ndim == 1 and (len(a) < 2 or bool((a[1:] > a[:-1]).all())):
        if not a.flags.writeable:
            return a
        out = a.copy()
    else:
        out = np.sort(np.asarray(a, dtype=np.int64).ravel())
        if len(out) > 1:
            out = out[np.concatenate([[True], out[1:] != out[:-1]])]
        out = out.astype(np.int32)
    out.flags.writeable = False
    return out


@dataclass(frozen=True)
class Product:
    """One component of the cocktail; ``lot`` may be empty until the session."""

    name: str
    lot: str = ""
    parts: float = 1.0  # share of the cocktail, relative to the other products (1:1:2 …)


@dataclass(frozen=True)
class Needle:
    length_mm: float = 4.0
    gauge: int = 30


@dataclass(frozen=True)
class TreatmentParams:
    """How a zone is treated. Units are in the names; ranges in :mod:`techniques`."""

    technique: str = "IDS"
    depth_mm: float = 1.5
    spacing_mm: float = 10.0
    pattern: str = "hexagonal"
    margin_mm: float = 2.0
    volume_per_point_ml: float = 0.05
    needle: Needle = field(default_factory=Needle)
    products: tuple[Product, ...] = ()
    notes: str = ""
    row_spacing_mm: float | None = None  # "rows": between lines (None: same as spacing_mm)
    row_angle_deg: float = 0.0  # "rows": line direction, 0 = along the body's long axis

    def errors(self) -> list[Message]:
        """A message for every value that cannot be right (empty when valid)."""
        checks = [
            choice_error("technique", self.technique, TECHNIQUES),
            choice_error("pattern", self.pattern, PATTERNS),
            range_error("depth", self.depth_mm, DEPTH_MM, "mm", low_open=True),
            range_error("spacing", self.spacing_mm, SPACING_MM, "mm"),
            range_error("margin", self.margin_mm, MARGIN_MM, "mm"),
            range_error("volume_per_point", self.volume_per_point_ml, VOLUME_PER_POINT_ML, "ml", low_open=True),
            range_error("needle_length", self.needle.length_mm, NEEDLE_LENGTH_MM, "mm"),
            range_error("needle_gauge", self.needle.gauge, NEEDLE_GAUGE, "G"),
            None if self.row_spacing_mm is None else range_error("row_spacing", self.row_spacing_mm, SPACING_MM, "mm"),
            range_error("row_angle", self.row_angle_deg, ROW_ANGLE_DEG, "°"),
        ]
        out = [c for c in checks if c]
        if not out and self.depth_mm > self.needle.length_mm:
            out.append(DEPTH_EXCEEDS_NEEDLE(depth_mm=self.depth_mm, needle_mm=self.needle.length_mm))
        if len(self.products) > 4:
            out.append(TOO_MANY_PRODUCTS(count=len(self.products)))
        return out

    def warnings(self) -> list[Message]:
        """Messages for values that are allowed but unusual for the technique."""
        t = TECHNIQUES.get(self.technique)
        if t is None:
            return []
        lo, hi = t.depth_nominal_mm
        if not lo <= self.depth_mm <= hi:
            return [DEPTH_OUTSIDE_NOMINAL(depth_mm=self.depth_mm, low_mm=lo, high_mm=hi, technique=t.code,
                                          technique_name=t.name)]
        return []


@dataclass(frozen=True)
class InjectionPoint:
    """One needle entry of a zone's grid: (face, barycentric) on the painting surface.

    ``pinned`` points survive re-generating the grid. Depth and volume come from
    the zone's TreatmentParams.
    """

    face: int
    barycentric: tuple[float, float, float]
    pinned: bool = False


@dataclass(frozen=True, eq=False)
class Zone:
    """A treatment zone: a set of painting faces plus how to treat it.

    faces : sorted unique int32 ids on the plan's painting surface.
    color : "#rrggbb". side : left | right | midline | bilateral.
    """

    id: str
    name: str
    color: str
    side: str = "midline"
    faces: np.ndarray = field(default_factory=lambda: face_set([]))
    params: TreatmentParams = field(default_factory=TreatmentParams)
    template: str | None = None
    notes: str = ""
    injections: tuple[InjectionPoint, ...] = ()
    grid_source: str = ""  # layout_fingerprint() of what the injections were laid out from

    def __post_init__(self) -> None:
        object.__setattr__(self, "injections", tuple(self.injections))
        unknown_side = choice_error("side", self.side, SIDES)
        if unknown_side:
            raise MessageError(unknown_side)
        if not (isinstance(self.color, str) and len(self.color) == 7 and self.color.startswith("#")):
            raise MessageError(COLOUR_MALFORMED(colour=self.color))
        int(self.color[1:], 16)
        object.__setattr__(self, "color", self.color.lower())
        object.__setattr__(self, "faces", face_set(self.faces))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Zone):
            return NotImplemented
        return (
            (self.id, self.name, self.color, self.side, self.params, self.template, self.notes,
             self.injections, self.grid_source)
            == (other.id, other.name, other.color, other.side, other.params, other.template, other.notes,
                other.injections, other.grid_source)
            and np.array_equal(self.faces, other.faces)
        )

    __hash__ = None  # mutable-looking array inside: not hashable

    def layout_fingerprint(self) -> str:
        """Names what a grid is laid out from: the faces and the layout parameters."""
        p = self.params
        h = hashlib.sha256(np.asarray(self.faces, dtype="<i4").tobytes())
        h.update(repr((p.pattern, p.spacing_mm, p.margin_mm, p.row_spacing_mm, p.row_angle_deg)).encode())
        return h.hexdigest()[:16]

    @property
    def grid_stale(self) -> bool:
        """True when the zone changed since its grid was laid out (or it has none)."""
        return self.grid_source != self.layout_fingerprint()


@dataclass(frozen=True)
class ReflexPoint:
    """A point on the skin: (face, barycentric) on the painting surface, and how to inject it."""

    id: str
    code: str
    name: str
    face: int
    barycentric: tuple[float, float, float]
    side: str = "midline"
    depth_mm: float = 4.0
    volume_ml: float = 0.1
    angle_deg: float = 90.0
    notes: str = ""

    def errors(self) -> list[Message]:
        """A message for every value that cannot be right (empty when valid)."""
        b = self.barycentric
        out = []
        if len(b) != 3 or any(not (x == x) or x < -1e-6 for x in b) or abs(sum(b) - 1) > 1e-6:
            out.append(BARYCENTRIC_INVALID(barycentric=list(b)))
        checks = [
            range_error("depth", self.depth_mm, DEPTH_MM, "mm", low_open=True),
            range_error("volume", self.volume_ml, VOLUME_PER_POINT_ML, "ml", low_open=True),
            range_error("needle_angle", self.angle_deg, ANGLE_DEG, "°"),
        ]
        return out + [c for c in checks if c]


@dataclass(frozen=True)
class Header:
    """Who and when. ``patient_ref`` is a free-text id or initials, never more."""

    patient_ref: str = ""
    date: str = field(default_factory=lambda: _dt.date.today().isoformat())
    session_number: int = 1
    clinician: str = ""
    notes: str = ""


@dataclass(frozen=True)
class BodyRef:
    """The body a plan was made on: id and the content hashes that pin its geometry (of the body as
    bundled), and ``shape``: the body-shape slider values it was shaped with (sorted (name, value)
    pairs without zeros, :mod:`mesomap.model.body_shape`; ``()`` = as bundled)."""

    body_id: str
    topology: str
    content_sha256: str
    paint_topology_sha256: str
    #: For a plan on a patient's scan: {"fit": fit file name, "scan": scan file name, "scan_sha256": ...,
    #: "landmarks": {id: [x, y, z] mm}} — both files are looked for beside the plan. None for bundled bodies.
    scan: dict | None = field(default=None, compare=False)
    shape: tuple[tuple[str, float], ...] = ()

    @property
    def shape_values(self) -> dict[str, float]:
        """The shape as name -> value (only the sliders that are not 0)."""
        return dict(self.shape)


@dataclass(frozen=True)
class Plan:
    """The whole document. Zones and points keep their order (the list order in the UI)."""

    body: BodyRef
    header: Header = field(default_factory=Header)
    zones: tuple[Zone, ...] = ()
    points: tuple[ReflexPoint, ...] = ()
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:16])  # names the plan across saves and exports

    def zone(self, zone_id: str) -> Zone:
        for z in self.zones:
            if z.id == zone_id:
                return z
        raise KeyError(f"no zone {zone_id!r}")

    def point(self, point_id: str) -> ReflexPoint:
        for p in self.points:
            if p.id == point_id:
                return p
        raise KeyError(f"no reflex point {point_id!r}")
