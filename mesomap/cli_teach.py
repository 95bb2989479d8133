"""The trainer's commands (issue 14): ``quiz`` (:mod:`mesomap.cli_quiz`) and ``lesson`` (:mod:`mesomap.cli_lesson`)."""

from __future__ import annotations


def register(subparsers, parser_class) -> dict:
    """Add the ``quiz`` and ``lesson`` subcommands; return {command: handler(args) -> int}."""
    from mesomap import cli_lesson, cli_quiz

    cli_quiz.add_parser(subparsers, parser_class)
    cli_lesson.add_parser(subparsers, parser_class)
    return {"quiz": cli_quiz.run, "lesson": cli_lesson.run}
