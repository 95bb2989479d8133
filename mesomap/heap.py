"""Give the memory freed by big temporary arrays back to the system.

Building a surface's search structures or importing a scan makes hundreds of MB of short-lived numpy
arrays. glibc's allocator keeps much of what they free in the process (its mmap threshold rises after the
first big free, so later arrays land on the heap, which it returns only from the top): measured on the
female painting surface, the pick and brush structures (≈175 MB kept) left ≈500 MB resident without a trim
and ≈230 MB with one. :func:`release_free_memory` asks the allocator to return its free pages; elsewhere
(macOS, Windows, musl) it does nothing.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache


@cache
def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


def release_free_memory() -> bool:
    """Return the allocator's free memory to the system (glibc ``malloc_trim(0)``); False where there is none to call."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
