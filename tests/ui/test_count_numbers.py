"""Counts in the window's plural sentences ("%n injection(s)") are written as the language writes numbers:
a plan of 1,234 injections reads "1 234 injections" (narrow no-break space) in French, "1 234 инъекции" in
Russian (the plural form of 1234), "1,234 injections" in English — in the status bar's plan counts."""

from __future__ import annotations

import pytest

from mesomap.model.plan import BodyRef, InjectionPoint, Plan, Zone
from mesomap.ui.i18n import install_translators
from mesomap.ui.status import plan_text

NNBSP = "\u202f"


def plan_of(injections: int) -> Plan:
    grid = tuple(InjectionPoint(i, (1 / 3, 1 / 3, 1 / 3)) for i in range(injections))
    return Plan(body=BodyRef("female", "hm08", "0" * 64, "0" * 64), zones=(Zone("z1", "Abdomen", "#e69f00", injections=grid),))


@pytest.mark.parametrize(("lang", "few", "many"), [
    ("en", "1,234 injections", "12,345 injections"),
    ("fr", f"1{NNBSP}234 injections", f"12{NNBSP}345 injections"),
    ("ru", f"1{NNBSP}234 инъекции", f"12{NNBSP}345 инъекций"),
])
def test_the_plan_counts_write_thousands_as_the_language_does(qapp, lang, few, many):
    install_translators(qapp, lang)
    try:
        assert few in plan_text(plan_of(1234)).split(" · ")
        assert many in plan_text(plan_of(12345)).split(" · ")
    finally:
        install_translators(qapp, "en")
