"""A quicker PySide6 import hook for the launch (issue 18).

PySide6 looks at every module imported after it (PYSIDE-2029, ``shibokensupport.feature``) to learn whether
the module uses PySide: it asks :func:`inspect.getsource` for the module's whole source — through
:mod:`linecache`, which splits it into lines and keeps them — and searches it for "PySide6". At mesomap's launch
that is ≈670 modules (numpy, VTK, pyvista, matplotlib, mesomap) and ≈0.11 s of CPU before the first frame.
:func:`quicken` replaces that check with one giving the same answer from the file's bytes (≈0.05 s); modules
without a ``.py`` file still go to PySide's own check. It changes nothing when PySide6's internals are not the
expected ones.
"""

from __future__ import annotations

import sys


def uses_pyside(module, fallback) -> bool:
    """Whether ``module``'s source mentions "PySide6" (PySide's own question), read from its ``.py`` file as
    bytes; ``fallback(module)`` (PySide's check) for a module without one or a file that cannot be read."""
    path = getattr(module, "__file__", None)
    if isinstance(path, str) and path.endswith(".py"):
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            pass
    return fallback(module)


def quicken() -> bool:
    """Put :func:`uses_pyside` in place of PySide's module check; call before PySide6 is imported (importing
    ``shiboken6`` is enough to reach the check). True when done (or already done)."""
    try:
        import shiboken6  # noqa: F401  (loads shibokensupport.feature)
    except ImportError:
        return False
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if not callable(original):
        return False
    if getattr(original, "quick", False):
        return True

    def check(module) -> bool:
        return uses_pyside(module, original)

    check.quick = True
    check.original = original
    feature._mod_uses_pyside = check
    return True
