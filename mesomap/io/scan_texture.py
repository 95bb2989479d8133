"""A scan's texture (OBJ + MTL + image) as colours of its vertices (issue 16).

Scanners texture their meshes: each face corner has (u, v) coordinates into an image. mesomap shows a scan
with per-vertex colours instead of a texture map: the colours survive the painting copy's simplification
(each painting vertex takes the colour of the nearest original vertex) without carrying UVs and seams
through it, and the scan view already draws per-vertex colours (PLY scans). The cost: detail finer than
the vertex spacing is averaged away (about 1–2 mm on a scan at painting resolution), which is plenty to
recognise the patient's skin, marks and scars while placing landmarks.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from mesomap.model.messages import Kind

SCAN_TEXTURE_UNREADABLE = Kind("scan_texture_unreadable", "image", severity="warning")
#: Textures larger than this on their longest side are read reduced (pixels): vertex colours need no more.
MAX_TEXTURE_PX = 4096


def read_texture(path: str | Path) -> np.ndarray:
    """(H, W, 3) uint8 RGB of the image at ``path`` (reduced to MAX_TEXTURE_PX); OSError when it cannot be read."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as im:
            im.draft("RGB", (MAX_TEXTURE_PX, MAX_TEXTURE_PX))
            im = im.convert("RGB")
            if max(im.size) > MAX_TEXTURE_PX:
                im.thumbnail((MAX_TEXTURE_PX, MAX_TEXTURE_PX))
            return np.asarray(im, dtype=np.uint8)
    except (UnidentifiedImageError, ValueError, SyntaxError) as err:  # PIL's ways of saying "not an image"
        raise OSError(str(err)) from err


def sample_texture(image: np.ndarray, uv: np.ndarray) -> np.ndarray:
    """(k, 3) uint8 colours of ``image`` (H, W, 3) at texture coordinates ``uv`` (k, 2): u right, v up, the
    image repeating outside 0..1 (bilinear)."""
    h, w = image.shape[:2]
    uv = np.asarray(uv, dtype=np.float64) % 1.0
    x = uv[:, 0] * (w - 1)
    y = (1.0 - uv[:, 1]) * (h - 1)
    x0, y0 = np.floor(x).astype(int), np.floor(y).astype(int)
    x1, y1 = np.minimum(x0 + 1, w - 1), np.minimum(y0 + 1, h - 1)
    fx, fy = (x - x0)[:, None], (y - y0)[:, None]
    img = image.astype(np.float64)
    top = img[y0, x0] * (1 - fx) + img[y0, x1] * fx
    bottom = img[y1, x0] * (1 - fx) + img[y1, x1] * fx
    return np.clip(np.rint(top * (1 - fy) + bottom * fy), 0, 255).astype(np.uint8)


def vertex_colours(n_vertices: int, faces: np.ndarray, uv_corners: np.ndarray, image: np.ndarray) -> np.ndarray:
    """(n, 3) uint8: each vertex's colour, the mean of the texture at its face corners (faces (m, 3),
    uv_corners (m, 3, 2)); corners split at a seam look at the same skin, so their mean is that skin."""
    corner = sample_texture(image, np.asarray(uv_corners).reshape(-1, 2)).astype(np.float64)
    total = np.zeros((n_vertices, 3))
    count = np.zeros(n_vertices)
    idx = np.asarray(faces).ravel()
    np.add.at(total, idx, corner)
    np.add.at(count, idx, 1.0)
    return np.rint(total / np.maximum(count, 1.0)[:, None]).astype(np.uint8)


def colours_on(target_vertices: np.ndarray, source_vertices: np.ndarray, colours: np.ndarray) -> np.ndarray:
    """(t, k) colours of each target vertex (t, 3) mm: those of the nearest source vertex (s, 3) mm, e.g. the
    painting copy's colours from the full scan's."""
    if target_vertices is source_vertices:
        return colours
    from scipy.spatial import cKDTree  # scipy loads with a coloured scan, not with the app

    _, idx = cKDTree(source_vertices).query(target_vertices)
    return np.asarray(colours)[idx]
