"""`mesomap summary`'s table in the reader's language: heads, units and numbers through :mod:`mesomap.text`."""

from __future__ import annotations

from mesomap.io.vocabulary import term
from mesomap.terminal import terminal_text
from mesomap.text import label, number

#: The zone column holds at most this many characters of a zone's name.
ZONE_CHARS = 28


def _table(heads: list[str], rows: list[list[str]], left: set[int]) -> list[str]:
    """Lines of a text table: each column as wide as its widest cell; columns in ``left`` aligned left."""
    widths = [max(len(r[i]) for r in [heads, *rows]) for i in range(len(heads))]

    def line(cells: list[str]) -> str:
        return " ".join(c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    rule = "-" * len(line(heads))
    return [line(heads), rule, *map(line, rows[:-1]), rule, line(rows[-1])]


def summary_table(summary) -> str:
    """The readable form of a PlanSummary (model.summary): one row per zone, the reflex points, the total, then
    the session's length, each product's volume and the plan's problems, worded in the chosen language."""
    mm, ml = label("unit_mm"), label("unit_ml")
    heads = [label("cli_zone"), label("unit_cm2"), label("cli_technique"), label("cli_pattern"), label("cli_spacing"),
             label("cli_depth"), label("cli_count"), ml, label("cli_path")]
    rows = []
    for z in summary.zones:
        count = f"~{z.count}" if z.count_is_estimate else str(z.count)
        path = "" if z.path_length_mm is None else number(z.path_length_mm / 1000, ".2f")
        rows.append([terminal_text(z.name, newlines=False)[:ZONE_CHARS], number(z.area_cm2, ".1f"), z.technique,
                     term("pattern", z.pattern, default=z.pattern), f"{number(z.spacing_mm, 'g')} {mm}",
                     f"{number(z.depth_mm, 'g')} {mm}", count, number(z.volume_ml, ".2f"), path])
    if summary.reflex_count:
        rows.append([label("cli_reflex_points"), "", "", "", "", "", str(summary.reflex_count),
                     number(summary.reflex_volume_ml, ".2f"), ""])
    rows.append([label("cli_total"), "", "", "", "", "", str(summary.count), number(summary.volume_ml, ".2f"), ""])
    lines = _table(heads, rows, left={0, 2, 3})
    lines.append(label("cli_session_length", minutes=summary.duration_min))
    lines += [label("cli_product_volume", name=name, volume_ml=v) for name, v in summary.product_volumes_ml]
    lines += [label("cli_error_line", text=e.text()) for e in summary.errors]
    lines += [label("cli_warning_line", text=w.text()) for w in summary.warnings]
    return "\n".join(lines)
