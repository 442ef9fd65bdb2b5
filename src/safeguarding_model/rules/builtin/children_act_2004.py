"""The Children Act 2004 (as amended): who the safeguarding partners are (s.16E, read
in the legislation: confirmed), and the duties to include independent scrutiny and to
publish a yearly report (read in briefings: secondary; their section numbers are not
confirmed, so they are cited by topic).

The health partner is a clinical commissioning group before 1 July 2022 and an
integrated care board from that day (the Health and Care Act 2022), whatever edition
of Working Together a partnership follows: two rules, one for each period. Every
integrated care board and police force whose area overlaps the local authority area
is a partner; without reference data of those areas, the checks cannot tell which
overlap, and check only that each role is held.
"""

from __future__ import annotations

from ...hooks.specs import Register, hookimpl
from .. import checks
from ..rule import Evidence, Modality, Rule

INSTRUMENT = "children-act-2004"

RULES = (
    Rule(
        id="ca2004-local-authority-partner",
        title="the local authority, and every council of the area, is a safeguarding partner",
        instrument=INSTRUMENT,
        reference="s.16E(3)(a)",
        modality=Modality.MUST,
        evidence=Evidence.CONFIRMED,
        basis="The safeguarding partners for a local authority area are the local authority, "
        "the health partner for an area any part of which falls within it, and the chief "
        "officer of police for a police area any part of which falls within it. An area can "
        "have several councils (combined arrangements): each is a partner.",
        check=checks.local_authority_partner,
    ),
    Rule(
        id="ca2004-ccg-partner",
        title="a clinical commissioning group is the health safeguarding partner",
        instrument=INSTRUMENT,
        reference="s.16E(3)(b), as enacted",
        modality=Modality.MUST,
        evidence=Evidence.CONFIRMED,
        end="2022-06-30",
        basis="Until 30 June 2022 the Act named a clinical commissioning group for an area "
        "any part of which falls within the local authority area.",
        check=checks.health_partner(icb=False),
    ),
    Rule(
        id="ca2004-icb-partner",
        title="an integrated care board is the health safeguarding partner",
        instrument=INSTRUMENT,
        reference="s.16E(3)(b), as amended by the Health and Care Act 2022",
        modality=Modality.MUST,
        evidence=Evidence.CONFIRMED,
        start="2022-07-01",
        basis="Integrated care boards replaced clinical commissioning groups on 1 July 2022; "
        "the Act names an integrated care board for an area any part of which falls within "
        "the local authority area (42 in England).",
        check=checks.health_partner(icb=True),
    ),
    Rule(
        id="ca2004-police-partner",
        title="the chief officer of police is a safeguarding partner",
        instrument=INSTRUMENT,
        reference="s.16E(3)(c)",
        modality=Modality.MUST,
        evidence=Evidence.CONFIRMED,
        basis="The chief officer of police for a police area any part of which falls within "
        "the local authority area is a safeguarding partner.",
        check=checks.police_partner,
    ),
    Rule(
        id="ca2004-independent-scrutiny",
        title="the arrangements include scrutiny by an independent person",
        instrument=INSTRUMENT,
        reference="the duty to include independent scrutiny (section not confirmed)",
        modality=Modality.MUST,
        evidence=Evidence.SECONDARY,
        basis="Briefings paraphrase the duty: the arrangements must include scrutiny by an "
        "independent person of how effective they are.",
        check=checks.independent_scrutiny,
    ),
    Rule(
        id="ca2004-yearly-report",
        title="a yearly report is published at least once in every twelve months",
        instrument=INSTRUMENT,
        reference="the duty to publish a yearly report (section not confirmed)",
        modality=Modality.MUST,
        evidence=Evidence.SECONDARY,
        basis="Briefings paraphrase the duty: at least once in every 12 months the partners "
        "must publish a report on what they and the relevant agencies did under the "
        "arrangements (practice reviews included) and how effective the arrangements were. "
        "The check reads the reports the data records (`yearly_reports`): it cannot tell "
        "when the data records none.",
        check=checks.yearly_report_published,
    ),
)


@hookimpl
def register_rules(register: Register) -> None:
    for rule in RULES:
        register(rule)
