"""The command line: ``mesomap`` opens the window; subcommands script the rest.

Everything printed passes :func:`mesomap.terminal.terminal_text`: control
characters in names from files are shown as escapes, never sent to the
terminal. Every failure ends in one line on stderr and a non-zero exit code, never a
traceback: 1 for bad input (files, values), 2 for a malformed command line,
3 for an internal error (a bug), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from mesomap import __version__, cli_records
from mesomap.cli_common import (
    EXIT_BAD_INPUT,
    EXIT_INTERNAL,
    EXIT_USAGE,
    Parser,
    UsageError,
    error_text,
    plan_and_surface,
)
from mesomap.cli_summary import summary_table  # noqa: F401  (tests and other commands print it from here)
from mesomap.io.vocabulary import term
from mesomap.model.messages import Kind
from mesomap.terminal import cleaned_output, terminal_text
from mesomap.text import LANGUAGES, label, language, language_from_locale, number, set_language

#: "3 problems" in `mesomap validate`'s first line.
PROBLEM_COUNT = Kind("problem_count", "count", severity="info")
#: Options whose text goes into a plan: they must be text (a file name may hold any bytes, these may not).
TEXT_OPTIONS = ("patient", "zone", "point")


def check_text_options(args: argparse.Namespace) -> None:
    """Refuse a text option holding bytes that are not text in the locale (they arrive as lone surrogates)."""
    from mesomap.io.json_reader import lone_surrogate

    for name in TEXT_OPTIONS:
        value = getattr(args, name, None)
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and lone_surrogate(text) is not None:
                raise UsageError(label("cli_err_not_utf8", name=name))


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(p) for p in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(label("cli_err_size_format", got=repr(text))) from None
    if not (16 <= w <= 8192 and 16 <= h <= 8192):
        raise argparse.ArgumentTypeError(label("cli_err_size_range", w=w, h=h))
    return w, h


def _language(code: str) -> str:
    """--lang's value: a language mesomap speaks ("fr", also "fr_FR.UTF-8"), else a usage error."""
    lang = code.split(".")[0].split("_")[0].lower()
    if lang not in LANGUAGES:
        raise argparse.ArgumentTypeError(label("cli_unknown_language", code=code, known=", ".join(LANGUAGES)))
    return lang


def language_asked(words: Sequence[str]) -> str | None:
    """The language ``--lang X`` / ``--lang=X`` asks for among the command line's ``words``, read before the
    rest is parsed, so a mistake elsewhere on the line is said in that language too (None: none, or unknown)."""
    for i, w in enumerate(words):
        code = w.partition("=")[2] if w.startswith("--lang=") else None
        if w == "--lang" and i + 1 < len(words):
            code = words[i + 1]
        if code:
            try:
                return _language(code)
            except argparse.ArgumentTypeError:
                return None
    return None


def _add_body_args(p: argparse.ArgumentParser) -> None:
    from mesomap.io.meshes import BUNDLED_BODIES, UNIT_SCALE_TO_MM

    src = p.add_mutually_exclusive_group()
    src.add_argument("--body", choices=BUNDLED_BODIES, default=None, help="bundled body (default: female)")
    src.add_argument("--mesh", metavar="FILE", help="a mesh file (OBJ, PLY, STL, GLB, OFF) instead")
    p.add_argument("--units", choices=tuple(UNIT_SCALE_TO_MM), help="units of --mesh when its height does not tell")


def build_parser() -> argparse.ArgumentParser:
    from mesomap import cli_desktop, cli_device, cli_scan, cli_shape, cli_teach  # not loaded for the window
    from mesomap.model.techniques import TECHNIQUES
    from mesomap.render.camera import VIEW_NAMES

    parser = Parser(prog="mesomap", description=label("help_description"))
    parser.add_argument("--version", action="version", version=f"mesomap {__version__}", help=label("help_version"))
    parser.add_argument("--body", choices=("female", "male"), help=label("help_window_body"))
    parser.add_argument("--lang", type=_language, metavar="LANG",
                        help=label("help_lang", languages=", ".join(LANGUAGES)))
    sub = parser.add_subparsers(dest="command", parser_class=Parser)

    info = sub.add_parser("info", help=label("help_cmd_info"))
    _add_body_args(info)
    info.add_argument("--json", action="store_true", help="one JSON object instead of text")

    render = sub.add_parser("render", help=label("help_cmd_render"))
    render.add_argument("plan", nargs="?", metavar="PLAN", help="a .mesomap.json plan to draw (zones and points)")
    _add_body_args(render)
    render.add_argument("--view", choices=VIEW_NAMES, default="front")
    render.add_argument("--size", type=_size, default=(800, 1000), metavar="WxH", help="pixels (default 800x1000)")
    render.add_argument("--out", required=True, metavar="FILE.png")
    render.add_argument("--no-labels", action="store_true", help="hide reflex point labels")

    zones = sub.add_parser("zones", help=label("help_cmd_zones"))
    zones.add_argument("--body", choices=("female", "male"), default="female")
    points = sub.add_parser("points", help=label("help_cmd_points"))
    points.add_argument("--body", choices=("female", "male"), default="female")

    plan = sub.add_parser("plan", help=label("help_cmd_plan"))
    plan_sub = plan.add_subparsers(dest="plan_command", parser_class=Parser, required=True)
    new = plan_sub.add_parser("new", help="a plan from template zones and library points")
    new.add_argument("--body", choices=("female", "male"), default="female")
    new.add_argument("--zone", action="append", default=[], metavar="ID", help="template zone id (repeat)")
    new.add_argument("--point", action="append", default=[], metavar="CODE", help="library point code or id (repeat)")
    new.add_argument("--technique", choices=tuple(TECHNIQUES), help="for every zone named")
    new.add_argument("--depth-mm", type=float, help="for every zone named")
    new.add_argument("--spacing-mm", type=float, help="for every zone named")
    new.add_argument("--volume-ml", type=float, help="volume per point, for every zone named")
    new.add_argument("--patient", default="", metavar="REF", help="patient reference (id or initials)")
    new.add_argument("--out", required=True, metavar="PLAN.mesomap.json")

    cli_shape.add_parser(plan_sub)

    grid = sub.add_parser("grid", help=label("help_cmd_grid"))
    grid.add_argument("plan", metavar="PLAN")
    grid.add_argument("--out", metavar="PLAN2", help="write here instead of updating PLAN")
    grid.add_argument("--seed", type=int, default=0, help="for the blue-noise pattern")
    grid.add_argument("--device", metavar="PROFILE",
                      help="refuse a zone with more injections than one program of this device holds")

    summary = sub.add_parser("summary", help=label("help_cmd_summary"))
    summary.add_argument("plan", metavar="PLAN")
    summary.add_argument("--json", action="store_true", help="one JSON object")

    cli_device.add_export_parser(sub)

    parser.set_defaults(device_handlers={**cli_device.register(sub, Parser), **cli_desktop.register(sub)})
    parser.set_defaults(teach_handlers=cli_teach.register(sub, Parser))
    parser.set_defaults(records_handlers=cli_records.register(sub, Parser))
    parser.set_defaults(scan_handlers=cli_scan.register(sub, plan_sub))

    validate = sub.add_parser("validate", help=label("help_cmd_validate"))
    validate.add_argument("plan", metavar="PLAN")

    imp = sub.add_parser("import-points", help=label("help_cmd_import_points"))
    imp.add_argument("plan", metavar="PLAN")
    imp.add_argument("markups", metavar="FILE.mrk.json")
    imp.add_argument("--out", metavar="PLAN2", help="write here instead of updating PLAN")
    imp.add_argument("--max-distance-mm", type=float, default=None, metavar="MM",
                     help="refuse the file if a point is farther than this from the skin (default 10)")
    return parser


def _load(args: argparse.Namespace):
    from mesomap.io.meshes import DEFAULT_BODY, load_bundled_body, load_mesh_file

    if args.mesh:
        return load_mesh_file(args.mesh, units=args.units).mesh
    if args.units:
        raise UsageError(label("cli_err_units_with_mesh"))
    return load_bundled_body(args.body or DEFAULT_BODY)


def cmd_info(args: argparse.Namespace) -> int:
    mesh = _load(args)
    facts = {
        "name": mesh.name,
        "vertices": mesh.n_vertices,
        "triangles": mesh.n_faces,
        "height_mm": round(mesh.height_mm, 1),
        "area_m2": round(mesh.surface_area_mm2 / 1e6, 4),
        "watertight": mesh.is_watertight,
    }
    if args.json:
        print(json.dumps(facts))
    else:
        rows = [("cli_info_name", facts["name"]), ("cli_info_vertices", str(facts["vertices"])),
                ("cli_info_triangles", str(facts["triangles"])), ("cli_info_height", number(facts["height_mm"], ".1f")),
                ("cli_info_area", number(facts["area_m2"], ".4f")),
                ("cli_info_watertight", label("cli_yes" if facts["watertight"] else "cli_no"))]
        width = max(len(label(key)) for key, _ in rows) + 2
        for key, value in rows:
            print(f"{label(key).ljust(width)}{value}")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    if not args.out.lower().endswith(".png"):
        raise UsageError(label("cli_err_out_suffix", suffix=".png", got=repr(args.out)))
    if args.plan:
        from mesomap.render.plan_png import render_plan_png

        if args.body or args.mesh or args.units:
            raise UsageError(label("cli_err_plan_own_body"))
        plan, surface = plan_and_surface(args.plan)
        out = render_plan_png(plan, surface, args.out, view=args.view, size=args.size, labels=not args.no_labels)
    else:
        from mesomap.render.offscreen import render_body_png

        out = render_body_png(_load(args), args.out, view=args.view, size=args.size)
    print(out)
    return 0


def cmd_zones(args: argparse.Namespace) -> int:
    from mesomap.io.meshes import load_bundled_body
    from mesomap.io.templates import load_templates, zone_area_cm2

    body = load_bundled_body(args.body)
    for t in load_templates().zones:
        print(json.dumps({"id": t.id, "name": t.name, "side": t.side, "area_cm2": round(zone_area_cm2(t, body), 2),
                          "technique": t.technique, "spacing_mm": t.spacing_mm, "depth_mm": t.depth_mm}))
    return 0


def cmd_points(args: argparse.Namespace) -> int:
    from mesomap.io.meshes import load_bundled_body
    from mesomap.io.templates import load_templates, point_position_mm

    body = load_bundled_body(args.body)
    for t in load_templates().reflex_points:
        pos = [round(float(c), 2) for c in point_position_mm(t, body)]
        print(json.dumps({"id": t.id, "code": t.code, "name": t.name, "side": t.side, "position_mm": pos}))
    return 0


def cmd_plan_new(args: argparse.Namespace) -> int:
    from mesomap.io.meshes import load_painting_surface
    from mesomap.io.plan_builder import new_plan
    from mesomap.io.plan_file import save_plan
    from mesomap.io.templates import load_templates
    from mesomap.model.plan import Header

    if not args.out.endswith(".json"):
        raise UsageError(label("cli_err_out_suffix", suffix=".mesomap.json", got=repr(args.out)))
    if not args.zone and not args.point:
        raise UsageError(label("cli_err_zone_or_point"))
    overrides = {k: v for k, v in (("technique", args.technique), ("depth_mm", args.depth_mm),
                                   ("spacing_mm", args.spacing_mm), ("volume_per_point_ml", args.volume_ml)) if v is not None}
    surface = load_painting_surface(args.body)
    try:
        plan = new_plan(surface, load_templates(), args.zone, args.point, header=Header(patient_ref=args.patient), **overrides)
    except KeyError as err:
        raise ValueError(str(err.args[0])) from None
    save_plan(plan, args.out, surface)
    print(label("cli_plan_made", file=args.out, zones=len(plan.zones), points=len(plan.points),
                body=term("body", args.body)))
    return 0


def cmd_grid(args: argparse.Namespace) -> int:
    """Lay out every zone through the session's own operation (as the window's Generate all)."""
    from mesomap.model.grid import GridLimit
    from mesomap.model.messages import MessageError
    from mesomap.model.plan import ZONE_PROBLEMS
    from mesomap.session.session import Session
    from mesomap.session.messages import LAID_OUT

    limit = GridLimit()
    if args.device:
        from mesomap.io.device_profiles import find_profile

        profile = find_profile(args.device)
        limit = GridLimit.for_device(profile.name, profile.max_shots_per_program)
    session, _ = Session.open(args.plan, inline=True)
    for z in session.plan.zones:
        errors = z.params.errors()
        if errors:
            raise MessageError(ZONE_PROBLEMS(zone=z.name, problems=errors[:1]))
    if any(len(z.faces) for z in session.plan.zones) and not session.lay_out(limit=limit, seed=args.seed):
        raise next(iter(session.grids.failures.values()))  # nothing is written
    plan = session.plan
    out = session.save(args.out or args.plan)
    counts = ", ".join(f"{terminal_text(z.name, newlines=False)} {len(z.injections)}" for z in plan.zones)
    print(f"{out}: {LAID_OUT(count=sum(len(z.injections) for z in plan.zones), zones=counts).text()}")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from mesomap.model.grid import estimator, path_lengths_mm
    from mesomap.model.placement import misplaced_injections
    from mesomap.model.summary import summarize

    plan, surface = plan_and_surface(args.plan)
    result = summarize(plan, {z.id: surface.area_cm2(z.faces) for z in plan.zones}, estimator(surface),
                       path_length_mm=path_lengths_mm(plan, surface), misplaced=misplaced_injections(plan, surface))
    print(json.dumps(result.as_dict()) if args.json else summary_table(result))
    return 0


def validation_problems(opened) -> list[str]:
    """Every reason an opened plan (:class:`mesomap.io.plan_check.OpenedPlan`) is not fit to use, one line each."""
    from mesomap.model.plan import REFLEX_POINT_PROBLEMS, ZONE_PROBLEMS

    plan = opened.plan
    return ([ZONE_PROBLEMS(zone=z.name, problems=(e,)).text() for z in plan.zones for e in z.params.errors()]
            + [REFLEX_POINT_PROBLEMS(point=p.code or p.id, problems=(e,)).text()
               for p in plan.points for e in p.errors()]
            + [m.describe() for m in opened.misplaced]
            + [v.describe() for v in opened.stale])


def cmd_validate(args: argparse.Namespace) -> int:
    """Exit 0 with one line for a valid plan; else each problem on its own line (stdout) and exit 1."""
    from mesomap.io.plan_check import open_plan_file

    opened = open_plan_file(args.plan)
    plan, surface = opened.plan, opened.surface
    problems = validation_problems(opened)
    if problems:
        n = len(problems)
        print(label("cli_not_valid", file=args.plan, problems=PROBLEM_COUNT(count=n).text()))
        for line in problems:
            print(f"{args.plan}: {line}")
        return EXIT_BAD_INPUT
    area = sum(surface.area_cm2(z.faces) for z in plan.zones)
    print(label("cli_valid", file=args.plan, body=term("body", plan.body.body_id), zones=len(plan.zones),
                area_cm2=area, points=len(plan.points)))
    return 0


def cmd_import_points(args: argparse.Namespace) -> int:
    import math

    from mesomap.io.import_markups import load_markups
    from mesomap.model.import_points import DEFAULT_MAX_DISTANCE_MM, PointsTooFar, prepare_import
    from mesomap.session.session import Session

    limit = DEFAULT_MAX_DISTANCE_MM if args.max_distance_mm is None else args.max_distance_mm
    if not (math.isfinite(limit) and limit >= 0):
        raise UsageError(label("cli_err_max_distance", value=args.max_distance_mm))
    if args.out and not args.out.endswith(".json"):
        raise UsageError(label("cli_err_out_suffix", suffix=".mesomap.json", got=repr(args.out)))
    markups = load_markups(args.markups)
    session, _ = Session.open(args.plan, inline=True)  # the same import as File > Import reflex points
    try:
        result = prepare_import(session.plan, session.surface, markups.points, limit)
        if result.far:
            raise PointsTooFar(result)
    except PointsTooFar as err:
        raise ValueError(label("cli_err_points_too_far", source=markups.source, err=err)) from None
    except ValueError as err:  # a depth or volume in the file that no reflex point may have
        raise ValueError(f"{markups.source}: {err}") from None
    if result.changes_anything:
        session.import_points(result)
    out = session.save(args.out or args.plan)
    for note in markups.skipped:
        print(f"mesomap: {label('cli_import_skipped', source=markups.source, note=note)}", file=sys.stderr)
    n = len(result.points)
    from mesomap.cli_words import IMPORTED, POINTS_UNCHANGED, POINTS_UPDATED

    kept = "".join(f", {kind(count=k).text()}" for k, kind in ((len(result.updated), POINTS_UPDATED),
                                                                (len(result.unchanged), POINTS_UNCHANGED)) if k)
    snap = f" {label('cli_imported_snap', snap_mm=result.largest_snap_mm)}" if n else ""
    print(f"{IMPORTED(file=str(out), count=n, source=markups.source).text()}{kept}{snap}")
    for update in result.updated:
        print(f"  {label('cli_import_updated_line', what=update.describe())}")
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    """`mesomap plan new|shape|transfer`."""
    from mesomap import cli_scan, cli_shape

    sub = {"shape": cli_shape.cmd_plan_shape, "transfer": cli_scan.run_transfer}
    return sub.get(args.plan_command, cmd_plan_new)(args)


COMMANDS = {"info", "render", "validate", "zones", "points", "plan", "grid", "summary", "export", "import-points", "fit",
            "devices", "send", "device-sim", "device-verify", "desktop", "quiz", "lesson", *cli_records.COMMANDS}


def open_plan_in_window(words: list[str], plans: list[str]) -> int:
    """``mesomap PLAN.mesomap.json [--body B]``: the window with that plan (a desktop double-click runs this)."""
    if len(plans) > 1:
        raise UsageError(label("cli_err_one_plan"))
    args = build_parser().parse_args([w for w in words if w != plans[0]])
    if args.lang:
        set_language(args.lang)
    from mesomap.app import run_gui

    return run_gui(body_id=args.body, plan=plans[0], lang=args.lang)


def window_options(words: Sequence[str]) -> argparse.Namespace | None:
    """The window's own options when the command line holds nothing else — ``mesomap``, ``mesomap --body male
    --lang fr`` — read without building the subcommands' parser (≈40 ms of a launch); None for anything else,
    which the parser reads (and explains when wrong)."""
    options = {"body": None, "lang": None}
    rest = iter(words)
    for word in rest:
        name, eq, value = word.partition("=")
        if name not in ("--body", "--lang"):
            return None
        value = value if eq else next(rest, None)
        if value is None:
            return None
        if name == "--body" and value not in ("female", "male"):
            return None
        if name == "--lang":
            try:
                value = _language(value)
            except argparse.ArgumentTypeError:
                return None
        options[name[2:]] = value
    return argparse.Namespace(**options)


def cmd_gui(args: argparse.Namespace) -> int:
    from mesomap.app import run_gui

    return run_gui(body_id=args.body, lang=args.lang)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; everything it prints passes :func:`mesomap.terminal.terminal_text`."""
    before = language()
    set_language(language_from_locale())  # --lang, read with the rest of the command line, may change it
    try:
        with cleaned_output():
            return _main(argv)
    finally:
        set_language(before)  # main() called in a process that goes on (tests) leaves the language as it was


def _main(argv: Sequence[str] | None) -> int:
    from mesomap.io.meshes import MeshLoadError
    from mesomap.io.plan_file import PlanFileError
    from mesomap.io.device_errors import DeviceError
    from mesomap.io.exports import ExportError
    from mesomap.io.templates import TemplateError

    args = None
    try:
        words = list(sys.argv[1:] if argv is None else argv)
        plans = [w for w in words if w.endswith(".mesomap.json") and not w.startswith("-")]
        if plans and not any(w in COMMANDS for w in words):  # `mesomap PLAN.mesomap.json`: the window
            return open_plan_in_window(words, plans)
        window = window_options(words)
        if window is not None:  # `mesomap [--body B] [--lang L]`: straight to the window
            if window.lang:
                set_language(window.lang)
            return cmd_gui(window)
        from mesomap import cli_device

        set_language(language_asked(words) or language())
        args = build_parser().parse_args(argv)
        if args.lang:
            set_language(args.lang)
        check_text_options(args)
        handlers = {"info": cmd_info, "render": cmd_render, "validate": cmd_validate, "zones": cmd_zones,
                    "points": cmd_points, "plan": cmd_plan, "grid": cmd_grid, "summary": cmd_summary,
                    "export": cli_device.run_export, "import-points": cmd_import_points}
        handlers.update(args.device_handlers)
        handlers.update(args.teach_handlers)
        handlers.update(args.records_handlers)
        handlers.update(args.scan_handlers)
        handler = handlers.get(args.command, cmd_gui)
        return handler(args)
    except BrokenPipeError:  # `mesomap zones | head`: the reader left; not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except UsageError as err:
        print(label("cli_error_head", text=f"{terminal_text(str(err), newlines=False)} {label('cli_see_help')}"),
              file=sys.stderr)
        return EXIT_USAGE
    except (MeshLoadError, PlanFileError, TemplateError, ExportError, DeviceError, OSError, ValueError) as err:
        print(label("cli_error_head", text=terminal_text(error_text(err, args), newlines=False)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # a bug: still one line, and a code that says so
        print("mesomap: " + label("cli_internal_error", kind=type(err).__name__,
                                  err=terminal_text(str(err), newlines=False)), file=sys.stderr)
        return EXIT_INTERNAL
