"""``mesomap plan shape``: give a plan's body the patient's build, and say what it does to the zones.

    mesomap plan shape PLAN --height-mm 1700 --weight-kg 62 --out PLAN2
    mesomap plan shape PLAN --set weight=0.4,muscle=-0.2 --out PLAN2

The shape is set through the session's own operation (as the window's Body › Shape…): the plan
records it, laid-out grids are laid out again at the same spacing on the shaped skin, and each
zone's area and injection count are printed before → after.
"""

from __future__ import annotations

import argparse

from mesomap.cli_common import UsageError
from mesomap.model.body_shape import SLIDERS
from mesomap.text import label, number


def add_parser(plan_sub) -> None:
    shape = plan_sub.add_parser("shape", help="shape the plan's body (height, weight, build) and lay its grids out again")
    shape.add_argument("plan", metavar="PLAN")
    shape.add_argument("--height-mm", type=float, metavar="MM", help="the patient's height: sets the height slider")
    shape.add_argument("--weight-kg", type=float, metavar="KG", help="the patient's weight: sets the weight slider")
    shape.add_argument("--set", metavar="NAME=VALUE,...",
                       help=f"slider values, 0 = the body as bundled ({', '.join(SLIDERS)}; age 0..1, weight -1..2, "
                            "the others -1..1); sliders not named keep the plan's values")
    shape.add_argument("--reset", action="store_true", help="start from the body as bundled (every slider 0)")
    shape.add_argument("--out", metavar="PLAN2", help="write here instead of updating PLAN")


def parse_sliders(text: str) -> dict[str, float]:
    """``"weight=0.4,muscle=-0.2"`` -> {"weight": 0.4, "muscle": -0.2} (UsageError when malformed)."""
    out = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, sep, value = item.partition("=")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            raise UsageError(label("cli_err_set_pairs", item=repr(item)))
    return out


def cmd_plan_shape(args: argparse.Namespace) -> int:
    from mesomap.model.body_shape import normalize
    from mesomap.model.shape_effect import effect_table, shape_effect, summary_on
    from mesomap.session.session import Session
    from mesomap.terminal import terminal_text

    if args.set is None and args.height_mm is None and args.weight_kg is None and not args.reset:
        raise UsageError(label("cli_err_say_shape"))
    session, _ = Session.open(args.plan, inline=True)
    values = {} if args.reset else session.plan.body.shape_values
    values.update(parse_sliders(args.set or ""))
    shape = normalize(values)
    if args.height_mm is not None or args.weight_kg is not None:
        shape = session.shape_for(args.height_mm, args.weight_kg, shape=shape)
    was, before = session.body_measures(), summary_on(session.plan, session.surface)
    session.set_body_shape(shape)
    if session.grids.pending:
        session.grids.wait(600.0)
    if session.grids.failures:
        raise next(iter(session.grids.failures.values()))  # nothing is written
    now, after = session.body_measures(), summary_on(session.plan, session.surface)
    out = session.save(args.out or args.plan)
    values_text = ", ".join(f"{n}={v:g}" for n, v in shape) or label("cli_shape_as_bundled")
    print(label("cli_shaped", file=out, body=session.plan.body.body_id, values=values_text, height_was=was.height_mm,
                height_now=now.height_mm, weight_was=was.weight_kg, weight_now=now.weight_kg, bmi_was=was.bmi,
                bmi_now=now.bmi))
    rows = effect_table(shape_effect(before, after), number)
    if rows:
        print(f"{label('cli_zone'):<28} {label('cli_area_cm2'):<32} {label('cli_injections')}")
        for name, area, count in rows:
            print(f"{terminal_text(name, newlines=False)[:28]:<28} {area:<32} {count}")
    return 0
