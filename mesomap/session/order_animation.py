"""An injection order animation: a zone's injections shown one after another in gun order. No Qt.

The order is the plan's: a zone's ``injections`` tuple is the order the gun visits them
(:mod:`mesomap.geometry.order` made it), numbered plan-wide as the exports and the session sheet
number them. The state here is what is drawn (how many injections so far) and whether it plays;
the window's timer calls :meth:`OrderAnimation.step` every ``interval_ms``.
"""

from __future__ import annotations

import numpy as np
from psygnal import Signal

from mesomap.model.lesson import ANIMATION_SPEED as PER_S_RANGE  # injections per second a lesson allows

#: Injections per second unless told otherwise.
DEFAULT_PER_S = 2.0


def first_number(plan, zone_id: str) -> int:
    """The plan-wide order number of a zone's first injection (1 for the first zone's), as exported."""
    n = 1
    for zone in plan.zones:
        if zone.id == zone_id:
            return n
        n += len(zone.injections)
    raise KeyError(zone_id)


class OrderAnimation:
    """Plays one zone's injections in order. ``count``: injections drawn so far (0 … total)."""

    changed = Signal()

    def __init__(self, session):
        self.session = session
        self.zone_id: str | None = None
        self.count = 0
        self.playing = False
        self.per_s = DEFAULT_PER_S

    @property
    def total(self) -> int:
        zone = self._zone()
        return len(zone.injections) if zone is not None else 0

    @property
    def interval_ms(self) -> int:
        """Time between two steps at the current speed (ms)."""
        return max(1, round(1000.0 / self.per_s))

    @property
    def finished(self) -> bool:
        return self.zone_id is not None and self.count >= self.total

    def _zone(self):
        if self.zone_id is None:
            return None
        try:
            return self.session.plan.zone(self.zone_id)
        except KeyError:
            return None

    def play(self, zone_id: str, per_s: float | None = None) -> bool:
        """Start (again) from nothing drawn at ``per_s`` injections per second; False when the zone has no grid."""
        try:
            zone = self.session.plan.zone(zone_id)
        except KeyError:
            return False
        if not zone.injections or self.session.surface is None:
            return False
        self.zone_id = zone_id
        self.count = 0
        if per_s is not None:
            self.set_speed(per_s)
        self.playing = True
        self.changed.emit()
        return True

    def set_speed(self, per_s: float) -> None:
        self.per_s = float(min(max(per_s, PER_S_RANGE[0]), PER_S_RANGE[1]))
        self.changed.emit()

    def pause(self) -> None:
        if self.playing:
            self.playing = False
            self.changed.emit()

    def resume(self) -> None:
        """Play on from where it paused (from the start again once it has finished)."""
        if self.zone_id is None or self.playing:
            return
        if self.finished:
            self.count = 0
        self.playing = True
        self.changed.emit()

    def step(self) -> bool:
        """One more injection drawn (the timer's tick, or the trainer's Step); False once all are drawn
        (a playing animation then stops)."""
        if self.zone_id is None or self._zone() is None:
            self.stop()
            return False
        if self.count >= self.total:
            self.pause()
            return False
        self.count += 1
        if self.count >= self.total:
            self.playing = False
        self.changed.emit()
        return True

    def stop(self) -> None:
        """Nothing animated any more."""
        if self.zone_id is not None:
            self.zone_id = None
            self.count = 0
            self.playing = False
            self.changed.emit()

    def drawn(self) -> tuple[np.ndarray, np.ndarray]:
        """(positions (count, 3) mm in gun order, plan-wide numbers (count,) int) of the injections drawn so far."""
        zone = self._zone()
        if zone is None or self.count == 0 or self.session.surface is None:
            return np.zeros((0, 3)), np.zeros(0, dtype=np.int64)
        pos = self.session.injection_positions(zone)[: self.count]
        start = first_number(self.session.plan, zone.id)
        return pos, np.arange(start, start + len(pos), dtype=np.int64)
