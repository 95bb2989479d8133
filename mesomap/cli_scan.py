"""Command line for patients' scans (issue 16): ``mesomap fit`` and ``mesomap plan transfer``.

``mesomap fit SCAN [--landmarks FILE.mrk.json] [--units mm|cm|m] --out FIT`` fits the reference body onto the
scan and prints the fit error; landmarks come as 3D Slicer markups whose point labels are landmark ids
(``nasion``, ``tragus_left`` …), in the scan file's own coordinates. ``mesomap plan transfer PLAN --to FIT
--out PLAN2`` carries a plan made on the bundled body onto the scan: zones keep their faces, points their
anatomical place, grids are laid out again at the same spacing on the scan's surface.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mesomap.terminal import terminal_text
from mesomap.text import label


def register(sub, plan_sub) -> dict:
    """Add ``fit`` and ``plan transfer``; returns {command: handler} for ``fit``."""
    fit = sub.add_parser("fit", help=label("help_cmd_fit"))
    fit.add_argument("scan", metavar="SCAN", help="OBJ, PLY, STL or GLB")
    fit.add_argument("--landmarks", metavar="FILE.mrk.json", help="3D Slicer markups labelled with landmark ids")
    fit.add_argument("--units", choices=("mm", "cm", "m"), help="units of SCAN when its size does not tell")
    fit.add_argument("--out", required=True, metavar="FIT", help="the fit file to write (.npz)")
    transfer = plan_sub.add_parser("transfer", help="carry a plan onto a patient's scan fitted with `mesomap fit`")
    transfer.add_argument("plan", metavar="PLAN")
    transfer.add_argument("--to", required=True, metavar="FIT", dest="fit")
    transfer.add_argument("--out", required=True, metavar="PLAN2")
    transfer.add_argument("--seed", type=int, default=0, help="for the blue-noise pattern")
    return {"fit": run_fit}


def fit_lines(report) -> list[str]:
    """The fit error as lines for the terminal (words from the catalogue)."""
    from mesomap.model.fit import FIT_LANDMARK_LINE, FIT_SUMMARY

    lines = [FIT_SUMMARY(scan_median=report.scan_to_fit[0], scan_p95=report.scan_to_fit[1],
                         fit_median=report.fit_to_scan[0], fit_p95=report.fit_to_scan[1]).text()]
    lines += [FIT_LANDMARK_LINE(name=k, residual_mm=v).text() for k, v in report.landmark_residual_mm.items()]
    lines += [m.text() for m in report.warnings]
    return lines


def run_fit(args: argparse.Namespace) -> int:
    from mesomap.io.fit_data import load_landmark_defs, load_shape_directions
    from mesomap.io.fit_file import save_fit
    from mesomap.io.meshes import DEFAULT_BODY, load_bundled_body
    from mesomap.io.scans import load_scan
    from mesomap.model.fit import fit_scan

    scan = load_scan(args.scan, units=args.units)
    for note in scan.notes:
        print(terminal_text(note.text(), newlines=False))
    from mesomap.session.scan import landmarks_from_markups, refuse_off_scan

    placed = landmarks_from_markups(args.landmarks, scan.frame) if args.landmarks else {}
    if placed:
        refuse_off_scan(placed, scan.mesh, args.landmarks)
    fit = fit_scan(load_bundled_body(DEFAULT_BODY), scan.mesh, load_landmark_defs(), placed,
                   shapes=load_shape_directions(), partial=scan.partial)
    out = save_fit(args.out, args.scan, scan, fit)
    for line in fit_lines(fit.report):
        print(terminal_text(line, newlines=False))
    print(label("cli_fit_written", file=terminal_text(str(out), newlines=False)))
    return 0


def run_transfer(args: argparse.Namespace) -> int:
    from mesomap.cli_common import plan_and_surface
    from mesomap.io.fit_file import load_fit, scan_beside
    from mesomap.io.meshes import painting_surface_on
    from mesomap.io.plan_file import save_plan
    from mesomap.model.transfer import transfer_plan

    plan, _ = plan_and_surface(args.plan)
    record = load_fit(args.fit)
    scan_beside(record)
    surface = painting_surface_on(record.fitted)
    out_dir = Path(args.out).resolve().parent
    link = {"fit": record.path.name, "scan": record.scan_file, "scan_sha256": record.scan_sha256,
            "landmarks": {k: list(v) for k, v in record.landmarks.items()}}
    if record.path.resolve().parent != out_dir:
        raise ValueError(label("cli_err_plan_beside_fit", out=Path(args.out).name, fit=record.path.name,
                               folder=record.path.resolve().parent))
    moved = transfer_plan(plan, surface, link, seed=args.seed)
    save_plan(moved, args.out, surface)
    n = sum(len(z.injections) for z in moved.zones)
    from mesomap.cli_words import TRANSFERRED

    print(TRANSFERRED(file=terminal_text(args.out, newlines=False), zones=len(moved.zones), points=len(moved.points),
                      count=n, scan=terminal_text(record.scan_file, newlines=False)).text())
    return 0
