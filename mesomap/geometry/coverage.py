"""Which part of the reference body a scan covers, before any landmark is placed (issue 16).

A partial scan (a face, a torso, one leg) comes re-centred, so its place on the body is unknown.
:func:`align_scan_to_reference` finds it by a rigid ICP of the scan onto the reference body from
several starting places (the scan slid along the body's height and across its width, front facing
front): the start that ends closest wins. A whole-body scan starts at the body's height (scaled) and
is matched with a similarity. :func:`covered_points` then says which reference points (e.g. the
landmarks) have scan skin near them once aligned, so the landmark step lists only those.
"""

from __future__ import annotations

import numpy as np
from scipy.spatial import cKDTree

from mesomap.geometry.fit import apply, similarity

#: A reference point counts as covered when the aligned scan has a point this close, mm: a partial scan
#: (rigid, the patient's size is the scan's own) and a whole body (scaled: a build unlike the reference's
#: leaves e.g. the nipples of an older body ~25 mm off).
COVERED_MM = 18.0
COVERED_WHOLE_MM = 40.0
#: Scan points used for the alignment (an even subsample).
ALIGN_POINTS = 2000
#: Starting places: every this many mm along the body's height, and at these offsets across it (mm).
START_STEP_MM = 60.0
START_X_MM = (-180.0, -90.0, 0.0, 90.0, 180.0)
ICP_ROUNDS = 12
#: Matches farther than this (mm) are left out of an ICP round (the scan overhangs the body there).
TRIM_MM = 40.0


def _icp(src: np.ndarray, tree: cKDTree, targets: np.ndarray, m: np.ndarray, scaled: bool,
         rounds: int = ICP_ROUNDS) -> tuple[np.ndarray, float]:
    """((4, 4) map of src (p, 3) mm onto the points of ``tree``, median distance mm) after ``rounds`` of ICP."""
    d = np.full(len(src), np.inf)
    for _ in range(rounds):
        moved = apply(m, src)
        d, idx = tree.query(moved)
        keep = d < max(TRIM_MM, float(np.median(d)))
        if keep.sum() < 12:
            break
        m = similarity(src[keep], targets[idx[keep]], scaled=scaled)
    d, _ = tree.query(apply(m, src))
    return m, float(np.median(d))


def align_scan_to_reference(scan_v: np.ndarray, ref_v: np.ndarray, partial: bool) -> tuple[np.ndarray, float]:
    """((4, 4) map from the scan's frame onto the reference body's, median distance mm after it).

    scan_v (n, 3), ref_v (m, 3): mm, z up, facing +y. Rigid (no scale) for a partial scan; a whole body
    is scaled to the reference's height first and matched with a similarity.
    """
    scan_v = np.asarray(scan_v, dtype=float)
    ref_v = np.asarray(ref_v, dtype=float)
    src = scan_v[np.linspace(0, len(scan_v) - 1, min(ALIGN_POINTS, len(scan_v))).astype(int)]
    tree = cKDTree(ref_v)
    lo, hi = src.min(axis=0), src.max(axis=0)
    rlo, rhi = ref_v.min(axis=0), ref_v.max(axis=0)
    if not partial:
        s = (rhi[2] - rlo[2]) / max(hi[2] - lo[2], 1e-9)
        m = np.diag([s, s, s, 1.0])
        m[:3, 3] = (rlo + rhi) / 2 - s * (lo + hi) / 2
        return _icp(src, tree, ref_v, m, scaled=True)
    half = (hi[2] - lo[2]) / 2
    best = (np.eye(4), np.inf)
    for z in np.arange(rlo[2] + half, max(rhi[2] - half, rlo[2] + half) + 1e-6, START_STEP_MM):
        slab = ref_v[np.abs(ref_v[:, 2] - z) < max(half, START_STEP_MM)]
        front = slab[:, 1].max() if len(slab) else rhi[1]
        for x in START_X_MM:
            m = np.eye(4)
            m[:3, 3] = [x - (lo[0] + hi[0]) / 2, front - hi[1], z - (lo[2] + hi[2]) / 2]
            m, d = _icp(src, tree, ref_v, m, scaled=False, rounds=4)
            if d < best[1]:
                best = (m, d)
    return _icp(src, tree, ref_v, best[0], scaled=False)


def covered_points(scan_v: np.ndarray, transform: np.ndarray, points: np.ndarray,
                   within_mm: float = COVERED_MM) -> np.ndarray:
    """(p,) bool: each reference point (p, 3) mm has a scan vertex (n, 3) mm within ``within_mm`` once the
    scan is mapped by ``transform`` (4, 4) onto the reference body."""
    d, _ = cKDTree(apply(transform, np.asarray(scan_v, dtype=float))).query(np.asarray(points, dtype=float))
    return d < within_mm
