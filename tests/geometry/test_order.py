"""Injection order: a permutation, a short path, and 2-opt never makes it longer."""

from __future__ import annotations

import numpy as np
import pytest

from mesomap.geometry.order import injection_order, nearest_neighbour_path, path_length, start_point, two_opt


def hex_points(n_rows=8, n_cols=10, s=10.0):
    j, i = np.mgrid[0:n_rows, 0:n_cols]
    return np.stack([(i + 0.5 * (j % 2)) * s, j * s * np.sqrt(3) / 2, 0 * i], -1).reshape(-1, 3).astype(float)


@pytest.mark.parametrize("seed", range(5))
def test_order_is_a_permutation_and_two_opt_never_lengthens(seed):
    rng = np.random.default_rng(seed)
    pts = rng.uniform(0, 100, size=(150, 3)) * [1, 1, 0.2]
    nn = nearest_neighbour_path(pts, start_point(pts))
    assert sorted(nn.tolist()) == list(range(len(pts)))
    improved = two_opt(pts, nn)
    assert sorted(improved.tolist()) == list(range(len(pts)))
    assert path_length(pts, improved) <= path_length(pts, nn) + 1e-9
    seq, length = injection_order(pts)
    assert sorted(seq.tolist()) == list(range(len(pts)))
    assert length == pytest.approx(path_length(pts, seq))


def test_two_opt_undoes_a_crossing():
    pts = np.array([[0, 0, 0], [1, 1, 0], [1, 0, 0], [0, 1, 0], [0, 2, 0]], float)
    crossed = np.array([0, 1, 2, 3, 4])
    better = two_opt(pts, crossed)
    assert path_length(pts, better) < path_length(pts, crossed) - 0.5


def test_a_lattice_is_walked_as_a_serpentine():
    pts = hex_points()
    seq, length = injection_order(pts)
    # an ideal serpentine steps one spacing each time: n-1 steps of 10 mm
    assert length <= (len(pts) - 1) * 10.0 * 1.08
    steps = np.linalg.norm(np.diff(pts[seq], axis=0), axis=1)
    assert np.median(steps) == pytest.approx(10.0)


def test_degenerate_inputs():
    assert injection_order(np.empty((0, 3)))[0].size == 0
    seq, length = injection_order(np.zeros((1, 3)))
    assert seq.tolist() == [0] and length == 0.0
    seq, _ = injection_order(np.array([[0, 0, 0], [5, 0, 0], [1, 0, 0]], float))
    assert sorted(seq.tolist()) == [0, 1, 2]
