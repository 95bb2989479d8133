"""Tangent frames on the skin: two unit directions in the plane a normal stands on."""

from __future__ import annotations

import numpy as np


def tangent_frame(normal) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(a, b, n): orthonormal and right-handed (a × b = n), ``n`` the unit ``normal`` (3,).

    ``a`` is horizontal (n × z), or n × x where the normal is within ~25° of the vertical, so the
    frame is the same wherever it is built (a marker's ring, an exported point's orientation).
    """
    n = np.asarray(normal, dtype=np.float64)
    n = n / np.linalg.norm(n)
    a = np.cross(n, [0.0, 0.0, 1.0] if abs(n[2]) < 0.9 else [1.0, 0.0, 0.0])
    a /= np.linalg.norm(a)
    return a, np.cross(n, a), n
