"""Refresh the window's translation sources and compile them: ``mesomap/i18n/mesomap_<lang>.ts`` and ``.qm``.

    python tools/update_translations.py          # lupdate (new strings in, gone ones out), then lrelease
    python tools/update_translations.py --check  # exit 1 when a .ts misses a string, has an unfinished
                                                 # entry, or a .qm is older than its .ts content

``pyside6-lupdate`` reads every ``tr()`` / ``QT_TR_NOOP()`` of ``mesomap/ui`` and ``mesomap/app.py`` (no source
locations, so a moved line changes nothing); translators fill the new entries in the .ts (Qt Linguist, or any
editor); ``pyside6-lrelease`` compiles each .ts into the .qm the app loads (:mod:`mesomap.ui.i18n`). The .qm
files are committed, so a checkout or a wheel runs translated without a build step; tests/ui/test_i18n.py checks
that they match their .ts.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "mesomap" / "i18n"
LANGUAGES = ("fr", "ru")
SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "mesomap" / "ui").glob("*.py")) + ["mesomap/app.py"]


def tool(name: str) -> str:
    """The PySide6 tool ``name`` beside this Python (the venv's bin), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .)")
    return found


def ts_path(lang: str) -> Path:
    return I18N / f"mesomap_{lang}.ts"


def lupdate(ts: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", "-silent", *SOURCES,
                    "-ts", str(ts)], cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def check() -> list[str]:
    """What is out of date, one line per problem ([] when the .ts files hold every string, translated, and the
    .qm files are their compilation)."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGUAGES:
            fresh = Path(tmp) / ts_path(lang).name
            shutil.copy(ts_path(lang), fresh)
            lupdate(fresh)
            if fresh.read_bytes() != ts_path(lang).read_bytes():
                problems.append(f"{ts_path(lang).name}: not up to date with the sources (run this script)")
            if 'type="unfinished"' in ts_path(lang).read_text(encoding="utf-8"):
                problems.append(f"{ts_path(lang).name}: unfinished entries")
            qm = Path(tmp) / f"mesomap_{lang}.qm"
            lrelease(ts_path(lang), qm)
            if qm.read_bytes() != (I18N / qm.name).read_bytes():
                problems.append(f"{qm.name}: not compiled from {ts_path(lang).name} (run this script)")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say what is out of date")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        print("\n".join(problems) or "translations up to date")
        return 1 if problems else 0
    I18N.mkdir(exist_ok=True)
    for lang in LANGUAGES:
        lupdate(ts_path(lang))
        lrelease(ts_path(lang), I18N / f"mesomap_{lang}.qm")
        text = ts_path(lang).read_text(encoding="utf-8")
        unfinished = text.count('type="unfinished"')
        print(f"{ts_path(lang).name}: {text.count('<message')} strings, {unfinished} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
