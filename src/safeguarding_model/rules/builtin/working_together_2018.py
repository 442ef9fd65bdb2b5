"""Working Together to Safeguard Children 2018, chapter 3: the multi-agency
safeguarding arrangements that replaced local safeguarding children boards.

Read in briefings (secondary): three safeguarding partners with an equal duty, led by
the local authority chief executive, the clinical commissioning group's accountable
officer and a chief officer of police, who may delegate but stay accountable; the
published arrangements set out the partners, the area, the independent scrutiny, the
relevant agencies, the inclusion of schools and youth custody, the use of data and the
training (funding, thresholds, the voice of children and escalation expected, but
unconfirmed as listed items); a yearly report on what was done and how effective it was.
"""

from __future__ import annotations

from ...hooks.specs import Register, hookimpl
from .. import checks
from ..rule import Evidence, Modality, Rule
from ._editions import SECTIONS_2018, TITLES_2018, TOPICS_2018, section_rule

INSTRUMENT = "working-together-2018"
EDITION = "Working Together 2018"

RULES = (
    Rule(
        id="wt2018-lead-representatives",
        title="the lead representatives of the safeguarding partners are the posts the "
        "edition names",
        instrument=INSTRUMENT,
        reference="ch.3, safeguarding partners",
        modality=Modality.SHOULD,
        evidence=Evidence.SECONDARY,
        basis="The lead representatives are the local authority chief executive, the "
        "clinical commissioning group's accountable officer and a chief officer of police. "
        "The 2018 edition does not ask the arrangements to name them: a post not named "
        "cannot be told, not a failure.",
        check=checks.lead_posts(TITLES_2018, EDITION, required=False),
    ),
    Rule(
        id="wt2018-delegation",
        title="a lead representative may delegate, to a post that is filled",
        instrument=INSTRUMENT,
        reference="ch.3, safeguarding partners",
        modality=Modality.SHOULD,
        evidence=Evidence.SECONDARY,
        basis="The lead representatives may delegate their functions but stay accountable; "
        "not delegating is allowed. A delegation to a vacant post is not met.",
        check=checks.delegated_partners(EDITION, required=False),
    ),
    Rule(
        id="wt2018-scrutiny-independent",
        title="the independent scrutiny is independent of every partner organisation",
        instrument=INSTRUMENT,
        reference="ch.3, independent scrutiny",
        modality=Modality.SHOULD,
        evidence=Evidence.UNCONFIRMED,
        basis="Independent scrutiny is objective, a constructive critical friend (secondary); "
        "its independence from the partners as a test is unconfirmed: advisory.",
        check=checks.scrutiny_independent_of_partners,
    ),
    Rule(
        id="wt2018-yearly-report-contents",
        title="the yearly report covers what the edition asks",
        instrument=INSTRUMENT,
        reference="ch.3, reporting",
        modality=Modality.SHOULD,
        evidence=Evidence.SECONDARY,
        basis="The yearly report says what the partners and relevant agencies did under the "
        "arrangements (practice reviews included) and how effective the arrangements were. "
        "Checked in the contents the arrangements give for it.",
        check=checks.yearly_report_contents(EDITION, TOPICS_2018),
    ),
    *(section_rule("wt2018", INSTRUMENT, "ch.3", part, EDITION) for part in SECTIONS_2018),
)


@hookimpl
def register_rules(register: Register) -> None:
    for rule in RULES:
        register(rule)
