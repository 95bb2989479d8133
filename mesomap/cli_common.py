"""What every command-line module shares: exit codes, the one-line usage error and its parser, error lines.

A leaf of the command line: :mod:`mesomap.cli` and :mod:`mesomap.cli_device` both
import it, and it imports neither (so the two never import each other back).
"""

from __future__ import annotations

import argparse
import re
import shlex

EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class UsageError(Exception):
    """The command line itself is malformed."""


class HelpWords(argparse.HelpFormatter):
    """argparse's help, its "usage: " in the chosen language."""

    def add_usage(self, usage, actions, groups, prefix=None):
        from mesomap.text import label

        super().add_usage(usage, actions, groups, label("help_usage") if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """mesomap's argument parser: one-line errors in the chosen language, --help's own words too (section
    titles, -h); the commands' and options' ``help=`` texts are worded by their callers."""

    def __init__(self, *args, **kwargs):
        from mesomap.text import label

        kwargs.setdefault("formatter_class", HelpWords)
        super().__init__(*args, **kwargs)
        self._positionals.title = label("help_positionals")
        self._optionals.title = label("help_options")
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = label("help_help")

    def error(self, message: str):  # one line, not argparse's usage block
        raise UsageError(argparse_words(message))


#: argparse's own error sentences (English) -> the label that says them in the chosen language.
ARGPARSE_SENTENCES = (
    (re.compile(r"argument (?P<name>[^:]+): (?P<message>.*)", re.S), "cli_argparse_argument"),
    (re.compile(r"the following arguments are required: (?P<names>.*)", re.S), "cli_argparse_required"),
    (re.compile(r"unrecognized arguments: (?P<names>.*)", re.S), "cli_argparse_unrecognized"),
    (re.compile(r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)", re.S), "cli_argparse_choice"),
    (re.compile(r"expected one argument"), "cli_argparse_one_value"),
    (re.compile(r"invalid (?P<kind>\S+) value: (?P<value>.*)", re.S), "cli_argparse_value"),
)


def argparse_words(message: str) -> str:
    """An error argparse words in English, said in the chosen language (``mesomap.text.label``): "the following
    arguments are required: --out" -> "arguments obligatoires manquants : --out"; a sentence it does not know
    (mesomap's own, already worded) stays as it is."""
    from mesomap.text import label

    for pattern, key in ARGPARSE_SENTENCES:
        found = pattern.fullmatch(message)
        if found:
            parts = found.groupdict()
            if "message" in parts:
                parts["message"] = argparse_words(parts["message"])
            return label(key, **parts)
    return message


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
