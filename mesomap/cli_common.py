"""What every command-line module shares: exit codes, the one-line usage error and its parser, error lines.

A leaf of the command line: :mod:`mesomap.cli` and :mod:`mesomap.cli_device` both
import it, and it imports neither (so the two never import each other back).
"""

from __future__ import annotations

import argparse
import shlex

EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class UsageError(Exception):
    """The command line itself is malformed."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        raise UsageError(message)


def error_text(err: Exception, args: argparse.Namespace | None = None) -> str:
    """One line for an expected error; a missing or stale grid says which command lays it out."""
    from mesomap.io.exports import ExportError

    if isinstance(err, ExportError) and err.needs_grid:
        plan = getattr(args, "plan", None) or getattr(args, "source", None)  # `send` calls its plan "source"
        return f"{err} (run `mesomap grid {shlex.quote(str(plan)) if plan else 'PLAN'}`)"
    return str(err)


def plan_and_surface(path: str):
    """The plan in the file ``path`` and the painting surface of its body (its shape, or the fitted scan)."""
    from pathlib import Path

    from mesomap.io.plan_file import load_plan, plan_surface

    plan = load_plan(path)
    return plan, plan_surface(plan, Path(path).resolve().parent)
