"""The technique depth view as data: a schematic skin cross-section with the needle, in mm, to scale.

Coordinates: x in mm to the right, y in mm *down* from the skin surface (y = 0 is the skin; the needle's
hub above the skin has y < 0). A drawer (PDF: :mod:`mesomap.io.depth_drawing`; PNG: the same module;
later the Qt widget) only scales and flips these shapes; every number is decided here.

Layer thicknesses are editable defaults per body region (:data:`REGION_LAYERS`), approximate adult
values from skin ultrasound studies: epidermis about 0.1 mm; dermis about 1–2 mm on the face and neck,
about 2–3 mm on the trunk, back and limbs; subcutaneous fat a few mm on the face, 10–25 mm on the
abdomen and thighs. They are teaching schematics, not measurements of a patient (the domain notes in
MESOTHERAPY.md: depth is nominal and skin thickness varies by region).

Needle angles per technique (:data:`TECHNIQUE_ANGLE_DEG`, degrees from the skin surface, editable):
IED almost tangential (15°), nappage 45°, IDS papule 45°, IDP 60°, PPP perpendicular (90°: its 4 mm
depth is the standard needle's length; the domain notes also give 30–45° for long needles).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from mesomap.text import label

LAYER_NAMES = ("epidermis", "dermis", "hypodermis", "muscle")
#: Fill colours of the layers (light, printable).
LAYER_COLOURS = {"epidermis": "#e9c5a8", "dermis": "#f3d9c6", "hypodermis": "#fbefb6", "muscle": "#d98f8f"}
NEEDLE_COLOUR = "#3a3f4b"
BLEB_COLOUR = "#4f9fd8"


@dataclass(frozen=True)
class SkinLayers:
    """Thickness of each layer in mm (muscle: how much of it is drawn)."""

    epidermis_mm: float
    dermis_mm: float
    hypodermis_mm: float
    muscle_mm: float = 8.0

    def thicknesses(self) -> tuple[float, float, float, float]:
        return (self.epidermis_mm, self.dermis_mm, self.hypodermis_mm, self.muscle_mm)

    def layer_at(self, depth_mm: float) -> str:
        """The layer holding the point ``depth_mm`` below the skin surface (a boundary belongs to the layer above)."""
        top = 0.0
        for name, t in zip(LAYER_NAMES, self.thicknesses()):
            top += t
            if depth_mm <= top:
                return name
        return LAYER_NAMES[-1]


#: Default thicknesses by body region (a trainer can change them: pass other SkinLayers).
REGION_LAYERS: dict[str, SkinLayers] = {
    "face": SkinLayers(0.1, 1.8, 6.0, 6.0),
    "neck": SkinLayers(0.1, 1.8, 5.0, 8.0),
    "scalp": SkinLayers(0.1, 2.0, 5.0, 5.0),
    "trunk": SkinLayers(0.1, 2.2, 18.0, 10.0),
    "back": SkinLayers(0.1, 3.0, 10.0, 10.0),
    "limb": SkinLayers(0.1, 1.8, 12.0, 10.0),
    "joint": SkinLayers(0.1, 1.6, 6.0, 6.0),
}
#: Template ids by region (anything else: "trunk").
_REGION_OF = {
    "face": ("forehead", "glabella", "periorbital", "cheek", "nasolabial", "perioral", "jawline", "submental"),
    "neck": ("neck", "decollete", "spine_cervical"),
    "scalp": ("scalp",),
    "back": ("spine_thoracic", "spine_lumbar", "shoulder"),
    "limb": ("thigh", "buttock", "lower_leg", "upper_arm", "inguinal"),
    "joint": ("knee", "ankle", "elbow", "wrist"),
}

#: Needle angle from the skin surface by technique, degrees.
TECHNIQUE_ANGLE_DEG = {"IED": 15.0, "NAP": 45.0, "IDS": 45.0, "IDP": 60.0, "PPP": 90.0, "MIX": 45.0}
#: The layers each technique aims the tip at. IED's epidermis (≈0.1 mm) is thinner than a needle's bevel,
#: so its drop lands in the papillary dermis; IDP aims at the deep dermis, at the junction with the fat.
TARGET_LAYERS = {"IED": ("epidermis", "dermis"), "NAP": ("dermis", "hypodermis"), "IDS": ("dermis",),
                 "IDP": ("dermis", "hypodermis"), "PPP": ("hypodermis",), "MIX": LAYER_NAMES}


def region_of_template(template: str | None) -> str:
    """The body region (a key of :data:`REGION_LAYERS`) of a zone template id; "trunk" when unknown."""
    for region, words in _REGION_OF.items():
        if template and any(w in template for w in words):
            return region
    return "trunk"


@dataclass(frozen=True)
class Band:
    """A layer drawn as a horizontal band: top y_mm, height h_mm, across the whole view."""

    layer: str
    y_mm: float
    h_mm: float
    colour: str
    cut: bool = False  # the layer goes on below the view


@dataclass(frozen=True)
class Line:
    x0_mm: float
    y0_mm: float
    x1_mm: float
    y1_mm: float
    width_mm: float
    colour: str


@dataclass(frozen=True)
class Circle:
    cx_mm: float
    cy_mm: float
    r_mm: float
    colour: str


@dataclass(frozen=True)
class Label:
    """``text`` with its left end (``anchor`` "start") or right end ("end") at (x, y) mm; ``y`` is the baseline."""

    x_mm: float
    y_mm: float
    text: str
    size_mm: float = 1.0
    anchor: str = "start"
    bold: bool = False


@dataclass(frozen=True)
class DepthView:
    """Everything to draw, in mm: the view spans x ∈ [0, width], y ∈ [top, top + height]."""

    width_mm: float
    top_mm: float
    height_mm: float
    bands: tuple[Band, ...]
    shaft: Line  # the needle from the hub to the tip
    hub: Line  # the hub (thick), above the skin
    bleb: Circle
    depth_marker: Line  # from the skin straight down to the tip's depth
    labels: tuple[Label, ...]
    tip_mm: tuple[float, float]
    tip_layer: str
    on_target: bool
    inserted_mm: float  # needle length under the skin
    needle_too_short: bool  # the depth cannot be reached at this angle with this needle


def bleb_radius_mm(volume_ml: float) -> float:
    """Radius (mm) of a sphere holding ``volume_ml`` (1 ml = 1000 mm³)."""
    return (3.0 * max(volume_ml, 0.0) * 1000.0 / (4.0 * math.pi)) ** (1.0 / 3.0)


def depth_view(technique: str, depth_mm: float, needle_length_mm: float, volume_ml: float,
               layers: SkinLayers | None = None, angle_deg: float | None = None, gauge: int | None = None) -> DepthView:
    """The cross-section for one injection: tip at ``depth_mm`` below the skin, the needle at the technique's
    angle (or ``angle_deg``), ``needle_length_mm`` long, the injected ``volume_ml`` as a sphere at the tip.

    When the needle is too short to reach the depth at that angle, the tip is drawn at the depth the whole
    needle reaches and ``needle_too_short`` is set.
    """
    layers = layers or REGION_LAYERS["trunk"]
    angle = TECHNIQUE_ANGLE_DEG.get(technique, 45.0) if angle_deg is None else float(angle_deg)
    s, c = math.sin(math.radians(angle)), math.cos(math.radians(angle))
    inserted = depth_mm / s
    too_short = inserted > needle_length_mm + 1e-9
    if too_short:
        inserted = needle_length_mm
    tip_depth = inserted * s
    r = bleb_radius_mm(volume_ml)
    entry_x = 6.0 + needle_length_mm * c  # room on the left for the part of the needle above the skin
    tip = (entry_x + inserted * c, tip_depth)
    hub_end = (tip[0] - needle_length_mm * c, tip[1] - needle_length_mm * s)
    hub_len = 3.0
    hub_far = (hub_end[0] - hub_len * c, hub_end[1] - hub_len * s)
    size = 1.3  # text height, mm
    width = max(tip[0] + r + 28.0, 36.0)  # the tip's numbers, then a column for the layers' names
    top = min(hub_far[1], -r) - 3.0
    skin_total = sum(layers.thicknesses())
    bottom = min(skin_total, max(tip_depth + r + 2.5, layers.epidermis_mm + layers.dermis_mm + 3.0))
    bands, y = [], 0.0
    for name, t in zip(LAYER_NAMES, layers.thicknesses()):
        if y >= bottom:
            break
        shown = min(t, bottom - y)
        bands.append(Band(name, y, shown, LAYER_COLOURS[name], cut=shown < t))
        y += t
    tip_layer = layers.layer_at(tip_depth)
    on_target = tip_layer in TARGET_LAYERS.get(technique, LAYER_NAMES)
    labels = []
    for band, t in zip(bands, layers.thicknesses()):
        if band.h_mm >= size * 0.9:
            baseline = band.y_mm + min(band.h_mm - 0.2, band.h_mm / 2 + size / 3)
        else:  # thinner than its name (the epidermis): named just above the skin
            baseline = band.y_mm - 0.4
        labels.append(Label(width - 1.0, baseline, label("layer_thickness", layer=label(f"layer_{band.layer}"),
                                                         thickness_mm=t), size * 0.8, "end"))
    label_x = tip[0] + r + 1.5
    gauge_text = f" {gauge}G" if gauge else ""
    labels += [
        Label(1.0, top + size * 1.2, f"{technique}  {angle:g}°", size, "start", True),
        Label(label_x, tip_depth + size * 0.35, label("depth_tip", depth_mm=tip_depth), size, "start", True),
        Label(label_x, tip_depth + size * 1.5, label("depth_volume", volume_ml=volume_ml, diameter_mm=2 * r), size * 0.85),
        Label(hub_far[0] + 2.0 + hub_len, hub_far[1] + size * 0.4,
              label("depth_needle", length_mm=needle_length_mm, gauge=gauge_text), size * 0.85),
    ]
    return DepthView(
        width_mm=width, top_mm=top, height_mm=bottom - top, bands=tuple(bands),
        shaft=Line(hub_end[0], hub_end[1], tip[0], tip[1], 0.35, NEEDLE_COLOUR),
        hub=Line(hub_far[0], hub_far[1], hub_end[0], hub_end[1], 1.4, NEEDLE_COLOUR),
        bleb=Circle(tip[0], tip[1], r, BLEB_COLOUR),
        depth_marker=Line(tip[0], 0.0, tip[0], tip_depth, 0.12, "#1f5fa8"),
        labels=tuple(labels), tip_mm=tip, tip_layer=tip_layer, on_target=on_target, inserted_mm=inserted,
        needle_too_short=too_short,
    )


def zone_depth_view(zone, layers: SkinLayers | None = None, angle_deg: float | None = None) -> DepthView:
    """:func:`depth_view` of a :class:`mesomap.model.plan.Zone` with its own technique, depth, needle and volume,
    on the default layers of its template's body region (or ``layers``)."""
    p = zone.params
    return depth_view(p.technique, p.depth_mm, p.needle.length_mm, p.volume_per_point_ml,
                      layers or REGION_LAYERS[region_of_template(zone.template)], angle_deg, p.needle.gauge)


def with_thickness(layers: SkinLayers, **mm: float) -> SkinLayers:
    """``layers`` with some thicknesses changed, e.g. ``with_thickness(l, dermis_mm=2.5)`` (a trainer's edit)."""
    return replace(layers, **mm)
