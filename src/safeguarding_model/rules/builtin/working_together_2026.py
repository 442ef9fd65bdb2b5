"""Working Together to Safeguard Children 2026.

Only summaries of its changes could be read (secondary): the 2023 rules are carried
into it (as ``STATUTORY.md`` advises, "unless a 2026 change says otherwise"), each
citing the 2023 topic and saying it was carried; and its chapter 2 changes are rules of
their own: looked-after children explicitly within the arrangements' scope, clearer
accountability and how the partners are inspected, analysis of disproportionality and
racism, stronger data sharing, and yearly reports that show evidence of their impact on
children and families. The changes have no field of their own in the format: they are
found in the words the data keeps of the arrangements, and a finding says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...hooks.specs import Register, hookimpl
from ..context import Context
from ..rule import Check, Evidence, Modality, Rule, RuleFinding
from ._editions import wt2023_rules

INSTRUMENT = "working-together-2026"
EDITION = "Working Together 2026"


def mentioned(words: str, *patterns: str, outside: str | None = None, there: str = "") -> Check:
    """The arrangements' words mention ``words`` (matching one of ``patterns``); with
    ``outside``, a mention only in fields whose path contains it (``there``, in words)
    does not count, and the finding says where it is."""

    def check(context: Context) -> Iterator[RuleFinding]:
        found = context.mentions(*patterns)
        counted = [(where, text) for where, text in found if not outside or outside not in where]
        if counted:
            return
        if found:
            where, text = found[0]
            yield context.fail(
                f"the arrangements mention {words} only {there}: {EDITION} asks that the "
                "arrangements themselves bring them within their scope",
                path=where,
                text=text,
            )
            return
        yield context.fail(
            f"none of the words the data keeps of the arrangements mention {words}",
            path=context.path(),
        )

    return check


def yearly_report_impact(context: Context) -> Iterator[RuleFinding]:
    """The yearly report shows evidence of its impact on children and families."""
    p = context.partnership
    where = context.path("yearly_report")
    if p.yearly_report is None:
        said = "do not state" if not context.stated("yearly_report") else "do not say"
        yield context.fail(
            f"the arrangements {said} what their yearly report contains: {EDITION} asks that "
            "it show evidence of the impact on children and families",
            path=where,
        )
        return
    texts = [item.text for item in p.yearly_report.contents]
    if p.yearly_report.text:
        texts.append(p.yearly_report.text)
    impact = re.compile(r"\bimpact\b", re.IGNORECASE)
    whom = re.compile(r"children|famil", re.IGNORECASE)
    if not any(impact.search(text) and whom.search(text) for text in texts):
        yield context.fail(
            "the contents the arrangements give for their yearly report do not include "
            "evidence of the impact on children and families",
            path=where,
        )


CHANGES = (
    Rule(
        id="wt2026-looked-after-children",
        title="looked-after children are explicitly within the arrangements' scope",
        instrument=INSTRUMENT,
        reference="ch.2, changes of the 2026 edition: looked-after children",
        modality=Modality.SHOULD,
        evidence=Evidence.SECONDARY,
        basis="The 2026 edition brings looked-after children explicitly within the "
        "arrangements' scope. The format has no field for it: found in the words the data "
        "keeps (a mention only among the yearly report's contents does not count).",
        check=mentioned(
            "looked-after children",
            r"looked[- ]after",
            r"children in care",
            r"care leavers?",
            outside=".yearly_report",
            there="among the contents of their yearly report",
        ),
    ),
    Rule(
        id="wt2026-accountability-inspection",
        title="the arrangements say how the partners are held to account and inspected",
        instrument=INSTRUMENT,
        reference="ch.2, changes of the 2026 edition: accountability and inspection",
        modality=Modality.SHOULD,
        evidence=Evidence.SECONDARY,
        basis="The 2026 edition makes accountability clearer, with how the partners are "
        "inspected. The format has no field for it: found in the words the data keeps "
        "(an inspection of or by a named inspectorate, or a joint inspection).",
        check=mentioned(
            "how the partners are inspected",
            r"inspect\w* (of|by) ",
            r"joint (targeted )?(area )?inspection",
            r"\bJTAI\b",
            r"\bofsted\b",
            r"\bHMICFRS\b",
            r"care quality commission",
            r"\bCQC\b",
        ),
    ),
    Rule(
        id="wt2026-disproportionality",
        title="the arrangements analyse disproportionality and racism",
        instrument=INSTRUMENT,
        reference="ch.2, changes of the 2026 edition: disproportionality and racism",
        modality=Modality.SHOULD,
        evidence=Evidence.SECONDARY,
        basis="The 2026 edition asks for analysis of disproportionality and racism. The "
        "format has no field for it: found in the words the data keeps.",
        check=mentioned(
            "disproportionality or racism", r"disproportional", r"racis[mt]", r"\bracial"
        ),
    ),
    Rule(
        id="wt2026-data-sharing",
        title="the arrangements provide for sharing data and information",
        instrument=INSTRUMENT,
        reference="ch.2, changes of the 2026 edition: data sharing",
        modality=Modality.SHOULD,
        evidence=Evidence.SECONDARY,
        basis="The 2026 edition strengthens data sharing. The format has no field for it: "
        "found in the words the data keeps.",
        check=mentioned(
            "sharing data or information",
            r"information[- ]sharing",
            r"data[- ]sharing",
            r"shar\w* (of )?(information|data)",
        ),
    ),
    Rule(
        id="wt2026-yearly-report-impact",
        title="the yearly report shows evidence of impact on children and families",
        instrument=INSTRUMENT,
        reference="ch.2, changes of the 2026 edition: the yearly report",
        modality=Modality.MUST,
        evidence=Evidence.SECONDARY,
        basis="The 2026 edition's summaries say yearly reports must show evidence of impact "
        "on children and families. Checked in the contents the arrangements give for it.",
        check=yearly_report_impact,
    ),
)

RULES = (*wt2023_rules("wt2026", INSTRUMENT, EDITION), *CHANGES)


@hookimpl
def register_rules(register: Register) -> None:
    for rule in RULES:
        register(rule)
