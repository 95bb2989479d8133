"""Which part of the reference body a scan covers, before any landmark is placed (issue 16).

A partial scan (a face, a torso, one leg) comes re-centred, so its place on the body is unknown.
:func:`align_scan_to_reference` finds it by ICP of the scan onto the reference body from several
starting places (the scan slid along the body's height and across its width, front facing front):
the places where the scan lies closest to the skin and leaves least of the skin around it bare are
refined with rotation and a bounded scale. A whole-body scan starts at the body's height (scaled)
and is matched with a similarity. The place of a partial scan is trusted only when the scan then lies
within TRUSTED_MM of the body (median). :func:`covered_points` then says which reference points (e.g. the
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
#: A partial scan's place is trusted when, aligned, its median distance to the reference body is at most
#: this (mm): a face lies within ~3 mm; a torso of another build may lie 8-30 mm off at a wrong height,
#: and then the caller should list every landmark rather than hide one the scan shows.
TRUSTED_MM = 8.0
#: Scan points used for the alignment (an even subsample), and for trying each starting place.
ALIGN_POINTS = 2000
SEARCH_POINTS = 300
#: Starting places: every this many mm along the body's height, at these offsets across it (mm), with the
#: scan's front on the body's front (a face, a front-only capture) or its middle on the body's middle (a
#: torso scanned all round).
START_STEP_MM = 80.0
START_X_MM = (-150.0, 0.0, 150.0)
SEARCH_ROUNDS = 6
ICP_ROUNDS = 12
#: The best few starting places are refined with rotation and scale.
REFINE = 4
#: Scale a partial scan may take against the reference body (the patient's build differs).
SCALE_RANGE = (0.85, 1.2)
#: Matches farther than this (mm) are left out of an ICP round (the scan overhangs the body there).
TRIM_MM = 40.0
#: Reference skin inside the aligned scan's box that has no scan within this (mm) counts against a place:
#: a torso laid over the head and shoulders leaves the face bare.
BARE_MM = 25.0
#: mm of score per share of bare reference skin.
BARE_WEIGHT_MM = 60.0


def _icp(src: np.ndarray, tree: cKDTree, targets: np.ndarray, m: np.ndarray, rounds: int,
         shift_only: bool = False, scaled: bool = False) -> np.ndarray:
    """(4, 4) map of src (p, 3) mm onto the points of ``tree`` after ``rounds`` of trimmed ICP: a shift only
    (the scan keeps its orientation), or rotation, shift and a scale within SCALE_RANGE."""
    for _ in range(rounds):
        moved = apply(m, src)
        d, idx = tree.query(moved)
        keep = d < max(TRIM_MM, float(np.median(d)))
        if keep.sum() < 12:
            break
        if shift_only:
            m = m.copy()
            m[:3, 3] += np.median(targets[idx[keep]] - moved[keep], axis=0)
            continue
        new = similarity(src[keep], targets[idx[keep]], scaled=scaled)
        if scaled and not SCALE_RANGE[0] <= _scale(new) <= SCALE_RANGE[1]:
            new = similarity(src[keep], targets[idx[keep]], scaled=False)
        m = new
    return m


def _score(src: np.ndarray, m: np.ndarray, tree: cKDTree, ref_v: np.ndarray,
           scan_tree: cKDTree) -> tuple[float, float]:
    """(score mm: lower is better, median scan-to-body distance mm) of the map m (4, 4) of src (p, 3) mm: the
    median distance plus BARE_WEIGHT_MM per share of the body's skin inside the scan's box left bare (no
    point of the whole scan, ``scan_tree``, within BARE_MM)."""
    moved = apply(m, src)
    d = float(np.median(tree.query(moved)[0]))
    lo, hi = moved.min(axis=0), moved.max(axis=0)
    pad = 0.1 * (hi - lo)
    inside = np.all((ref_v > lo + pad) & (ref_v < hi - pad), axis=1)
    if inside.sum() < 10:
        return d, d
    bare = float((scan_tree.query(apply(np.linalg.inv(m), ref_v[inside]))[0] > BARE_MM / _scale(m)).mean())
    return d + BARE_WEIGHT_MM * bare, d


def _scale(m: np.ndarray) -> float:
    return float(np.cbrt(abs(np.linalg.det(m[:3, :3]))))


def align_scan_to_reference(scan_v: np.ndarray, ref_v: np.ndarray, partial: bool) -> tuple[np.ndarray, float]:
    """((4, 4) map from the scan's frame onto the reference body's, median distance mm after it).

    scan_v (n, 3), ref_v (m, 3): mm, z up, facing +y. A partial scan is tried at each starting place
    (shifted only), the best few refined with rotation and a bounded scale; a whole body is scaled to the
    reference's height first and matched with a similarity.
    """
    scan_v = np.asarray(scan_v, dtype=float)
    ref_v = np.asarray(ref_v, dtype=float)
    src = scan_v[np.linspace(0, len(scan_v) - 1, min(ALIGN_POINTS, len(scan_v))).astype(int)]
    few = src[np.linspace(0, len(src) - 1, min(SEARCH_POINTS, len(src))).astype(int)]
    tree, scan_tree = cKDTree(ref_v), cKDTree(scan_v)
    lo, hi = src.min(axis=0), src.max(axis=0)
    rlo, rhi = ref_v.min(axis=0), ref_v.max(axis=0)
    if not partial:
        s = (rhi[2] - rlo[2]) / max(hi[2] - lo[2], 1e-9)
        m = np.diag([s, s, s, 1.0])
        m[:3, 3] = (rlo + rhi) / 2 - s * (lo + hi) / 2
        m = _icp(src, tree, ref_v, m, ICP_ROUNDS, scaled=True)
        return m, _score(src, m, tree, ref_v, scan_tree)[1]
    half = (hi[2] - lo[2]) / 2
    tried = []
    for z in np.arange(rlo[2] + half, max(rhi[2] - half, rlo[2] + half) + 1e-6, START_STEP_MM):
        slab = ref_v[np.abs(ref_v[:, 2] - z) < max(half, START_STEP_MM)]
        front, middle = (slab[:, 1].max(), np.median(slab[:, 1])) if len(slab) else (rhi[1], 0.0)
        for y in {front - hi[1], middle - (lo[1] + hi[1]) / 2}:
            for x in START_X_MM:
                m = np.eye(4)
                m[:3, 3] = [x - (lo[0] + hi[0]) / 2, y, z - (lo[2] + hi[2]) / 2]
                m = _icp(few, tree, ref_v, m, SEARCH_ROUNDS, shift_only=True)
                tried.append((_score(few, m, tree, ref_v, scan_tree)[0], m))
    tried.sort(key=lambda t: t[0])
    best = None
    for _, start in tried[:REFINE]:  # refined, or as found when refining drifts off (a cylinder-like torso)
        for m in (start, _icp(src, tree, ref_v, start, ICP_ROUNDS, scaled=True)):
            score, d = _score(src, m, tree, ref_v, scan_tree)
            if best is None or score < best[0]:
                best = (score, m, d)
    return best[1], best[2]


def covered_points(scan_v: np.ndarray, transform: np.ndarray, points: np.ndarray,
                   within_mm: float = COVERED_MM) -> np.ndarray:
    """(p,) bool: each reference point (p, 3) mm has a scan vertex (n, 3) mm within ``within_mm`` once the
    scan is mapped by ``transform`` (4, 4) onto the reference body."""
    d, _ = cKDTree(apply(transform, np.asarray(scan_v, dtype=float))).query(np.asarray(points, dtype=float))
    return d < within_mm
