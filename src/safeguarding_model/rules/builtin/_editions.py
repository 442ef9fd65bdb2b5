"""What the editions of Working Together share: the parts the published arrangements
set out, the lead posts, and the rules built from them for an edition (a helper of the
built-in rule modules, not a plugin itself).

No paragraph number of any edition could be confirmed: rules cite a chapter and topic.
Every rule of an edition carries the status of what ``STATUTORY.md`` records of it
(secondary, from briefings; unconfirmed items advisory).
"""

from __future__ import annotations

from ...model import StatutoryRole
from .. import checks
from ..checks import Required, has
from ..rule import Evidence, Modality, Rule

TITLES_2018: checks.LeadTitles = {
    StatutoryRole.LOCAL_AUTHORITY: (r"chief executive", "the local authority chief executive"),
    StatutoryRole.CLINICAL_COMMISSIONING_GROUP: (
        r"accountable officer",
        "the clinical commissioning group's accountable officer",
    ),
    StatutoryRole.INTEGRATED_CARE_BOARD: (
        r"chief executive|accountable officer",
        "the integrated care board's chief executive (the 2018 edition named the clinical "
        "commissioning group's accountable officer, which it replaced)",
    ),
    StatutoryRole.CHIEF_OFFICER_OF_POLICE: (
        r"chief constable|commissioner|chief officer",
        "a chief officer of police",
    ),
}
"""The lead representatives the 2018 edition names."""

TITLES_2023: checks.LeadTitles = {
    StatutoryRole.LOCAL_AUTHORITY: (r"chief executive", "the local authority chief executive"),
    StatutoryRole.INTEGRATED_CARE_BOARD: (
        r"chief executive",
        "the integrated care board's chief executive",
    ),
    StatutoryRole.CHIEF_OFFICER_OF_POLICE: (
        r"chief constable|commissioner",
        "the chief constable (the Commissioner, for the Metropolitan and City of London police)",
    ),
}
"""The lead safeguarding partners the 2023 edition names."""

PARTNERS = Required(
    key="partners",
    words="the safeguarding partners",
    evidence=Evidence.SECONDARY,
    field="lead_partners",
    find=has("lead_partners"),
)
AREA = Required(
    key="area",
    words="the geographic area they cover",
    evidence=Evidence.SECONDARY,
    field="area",
    find=has("area"),
)
WORKING_TOGETHER = Required(
    key="working-together",
    words="how the partners work together to identify and respond to children's needs "
    "(groups, duties or procedures)",
    evidence=Evidence.SECONDARY,
    field="groups",
    find=checks.ways_of_working,
)
PRACTICE_REVIEWS = Required(
    key="practice-reviews",
    words="how child safeguarding practice reviews are commissioned and published",
    evidence=Evidence.SECONDARY,
    patterns=(r"practice review", r"rapid review", r"case review", r"serious case"),
)
SCRUTINY = Required(
    key="scrutiny",
    words="the arrangements for independent scrutiny",
    evidence=Evidence.SECONDARY,
    field="scrutineers",
    find=checks.scrutiny_given,
)
RELEVANT_AGENCIES = Required(
    key="relevant-agencies",
    words="the relevant agencies",
    evidence=Evidence.SECONDARY,
    field="relevant_agencies",
    find=has("relevant_agencies"),
)
SCHOOLS = Required(
    key="schools",
    words="how schools, colleges and early years settings are included",
    evidence=Evidence.SECONDARY,
    field="sector_representation",
    find=checks.education_included,
)
YOUTH_CUSTODY = Required(
    key="youth-custody",
    words="how youth custody and residential homes for children are included",
    evidence=Evidence.SECONDARY,
    field="area",
    find=checks.youth_custody_stated,
    patterns=(
        r"youth custody",
        r"residential (children'?s )?homes?",
        r"secure (children'?s )?home",
    ),
)
DATA = Required(
    key="data",
    words="how data and intelligence are used to assess the help given (early help included)",
    evidence=Evidence.SECONDARY,
    patterns=(r"\bdata\b", r"data ?set", r"intelligence", r"performance"),
)
TRAINING = Required(
    key="training",
    words="how multi-agency training is commissioned, delivered and monitored",
    evidence=Evidence.SECONDARY,
    field="training",
    find=has("training"),
    patterns=(r"multi-agency (training|learning)", r"learning programme"),
)
FUNDING = Required(
    key="funding",
    words="how the arrangements are funded",
    evidence=Evidence.UNCONFIRMED,
    field="funding",
    find=checks.funding_given,
)
THRESHOLDS = Required(
    key="thresholds",
    words="the thresholds document",
    evidence=Evidence.UNCONFIRMED,
    field="thresholds",
    find=checks.thresholds_given,
)
VOICE = Required(
    key="voice",
    words="how the voice of children and families is heard",
    evidence=Evidence.UNCONFIRMED,
    patterns=(r"voice", r"views of children", r"feedback from children", r"listen"),
)
ESCALATION = Required(
    key="escalation",
    words="how concerns are escalated",
    evidence=Evidence.UNCONFIRMED,
    field="escalates_to",
    find=checks.escalation_given,
    patterns=(r"escalat",),
)

SECTIONS_2018 = (
    PARTNERS,
    AREA,
    WORKING_TOGETHER,
    PRACTICE_REVIEWS,
    SCRUTINY,
    RELEVANT_AGENCIES,
    SCHOOLS,
    YOUTH_CUSTODY,
    DATA,
    TRAINING,
    FUNDING,
    THRESHOLDS,
    VOICE,
    ESCALATION,
)
"""What the 2018 edition's published arrangements set out (chapter 3): the first ten
secondary, the last four expected but unconfirmed as listed items."""

SECTIONS_2023 = (
    PARTNERS,
    AREA,
    Required(
        key="thresholds",
        words="the threshold document the lead partners sign off",
        evidence=Evidence.SECONDARY,
        field="thresholds",
        find=checks.thresholds_given,
    ),
    Required(
        key="funding",
        words="the shared budget the lead partners agree",
        evidence=Evidence.SECONDARY,
        field="funding",
        find=checks.funding_given,
    ),
    Required(
        key="funding-contributions",
        words="each partner's contribution to the budget (equitable and proportionate)",
        evidence=Evidence.UNCONFIRMED,
        field="funding",
        find=checks.contributions_given,
    ),
    Required(
        key="data",
        words="an agreed multi-agency data set and analytical support",
        evidence=Evidence.SECONDARY,
        patterns=(r"data ?set", r"multi-agency data", r"analytic", r"\bdata\b"),
    ),
    RELEVANT_AGENCIES,
    Required(
        key="voice",
        words="how the voice of children and families informs the scrutiny and the work",
        evidence=Evidence.SECONDARY,
        patterns=(r"voice", r"views of children", r"feedback from children", r"listen"),
    ),
    Required(
        key="practice-reviews",
        words="how learning from child safeguarding practice reviews is taken forward",
        evidence=Evidence.SECONDARY,
        patterns=(r"practice review", r"rapid review", r"case review"),
    ),
)
"""What the 2023 edition (chapter 2) asks the lead partners to agree and set out, as the
briefings give it: the partners, the area, the threshold document, the shared budget
(contributions "equitable and proportionate": unconfirmed wording), a multi-agency data
set, the relevant agencies, the voice of children and families, learning from reviews.
The lead and delegated partners, the chair, the scrutiny and education have rules of
their own."""

TOPICS_2018: tuple[checks.Topic, ...] = (
    ("what the partners and relevant agencies did", (r"activit", r"what .* did", r"work of")),
    ("the practice reviews", (r"review",)),
    ("how effective the arrangements were", (r"effective",)),
)
TOPICS_2023: tuple[checks.Topic, ...] = (
    *TOPICS_2018,
    ("impact, and the evidence of it", (r"impact", r"evidence")),
    ("the learning implemented", (r"learning", r"recommendation", r"improve")),
)


def _found_by(part: Required) -> str:
    """How the check finds the part, in words."""
    ways = []
    if part.find is not None:
        ways.append(f"`{part.field}` in the data" if part.field else "the model")
    if part.patterns:
        patterns = ", ".join(f"`{pattern}`" for pattern in part.patterns)
        ways.append(
            f"the words the data keeps of the arrangements (not of the yearly report's "
            f"contents) matching {patterns}"
        )
    said = "Found by " + " or by ".join(ways) + "."
    return said if part.find is not None else "The format has no field for it. " + said


def section_rule(prefix: str, instrument: str, chapter: str, part: Required, edition: str) -> Rule:
    """The rule that the published arrangements of ``edition`` set out ``part``."""
    carried = " (carried from the 2023 edition)" if prefix == "wt2026" else ""
    return Rule(
        id=f"{prefix}-sets-out-{part.key}",
        title=f"the published arrangements set out {part.words}",
        instrument=instrument,
        reference=f"{chapter}, the published arrangements{carried}",
        modality=Modality.SHOULD,
        evidence=part.evidence,
        basis=f"{edition} lists what the published arrangements set out; this is one item. "
        + (
            "Expected, but unconfirmed as a listed item: advisory. "
            if part.evidence is Evidence.UNCONFIRMED
            else "Read in briefings (secondary). "
        )
        + _found_by(part),
        check=checks.required(part),
    )


def wt2023_rules(prefix: str, instrument: str, edition: str) -> tuple[Rule, ...]:
    """The rules of the 2023 edition, with ``prefix`` for their ids (``wt2023``), as the
    2023 edition gives them or as carried into a later one."""
    carried = " (carried from the 2023 edition)" if prefix != "wt2023" else ""
    chapter = "ch.2"
    return (
        Rule(
            id=f"{prefix}-lead-posts",
            title="the lead safeguarding partners are the posts the edition names",
            instrument=instrument,
            reference=f"{chapter}, lead safeguarding partners{carried}",
            modality=Modality.MUST,
            evidence=Evidence.SECONDARY,
            basis="The lead safeguarding partners are the local authority chief executive, "
            "the chief constable and the integrated care board's chief executive; jointly "
            "they set the direction and sign off the arrangements. Checked by the title of "
            "the post each lead partner names.",
            check=checks.lead_posts(TITLES_2023, edition, required=True),
        ),
        Rule(
            id=f"{prefix}-delegated-partners",
            title="each lead partner names a delegated safeguarding partner, a filled post",
            instrument=instrument,
            reference=f"{chapter}, delegated safeguarding partners{carried}",
            modality=Modality.SHOULD,
            evidence=Evidence.SECONDARY,
            basis="Each lead partner names a delegated safeguarding partner senior enough to "
            "speak and decide for it; the lead stays accountable. One lead partner may have "
            "several (the Isle of Wight's constabulary names two): said as information.",
            check=checks.delegated_partners(edition, required=True),
        ),
        Rule(
            id=f"{prefix}-partnership-chair",
            title="a partnership chair, agreed by the lead partners",
            instrument=instrument,
            reference=f"{chapter}, partnership chair{carried}",
            modality=Modality.MUST,
            evidence=Evidence.SECONDARY,
            basis="The lead partners agree a partnership chair for the arrangements. The "
            "format records who chairs; that the lead partners agreed it is read from who "
            "nominated the chair or the document's words, and is otherwise not known.",
            check=checks.partnership_chair(edition),
        ),
        Rule(
            id=f"{prefix}-chair-is-delegated-partner",
            title="the partnership chair is one of the delegated safeguarding partners",
            instrument=instrument,
            reference=f"{chapter}, partnership chair{carried}",
            modality=Modality.SHOULD,
            evidence=Evidence.UNCONFIRMED,
            basis="That the chair is normally a delegated partner, and whether an "
            "independent chair (or a chair who is also the scrutineer) is allowed, is "
            "unconfirmed: advisory.",
            check=checks.chair_is_delegated_partner,
        ),
        Rule(
            id=f"{prefix}-scrutiny-independent",
            title="the independent scrutiny is independent of every partner organisation",
            instrument=instrument,
            reference=f"{chapter}, independent scrutiny{carried}",
            modality=Modality.SHOULD,
            evidence=Evidence.UNCONFIRMED,
            basis="Independent scrutiny gives support and challenge, assurance and the voice "
            "of children and families as a critical friend; its independence from the "
            "partners as a test is unconfirmed: advisory.",
            check=checks.scrutiny_independent_of_partners,
        ),
        Rule(
            id=f"{prefix}-education-strategic",
            title="education and childcare take part in strategic decision-making",
            instrument=instrument,
            reference=f"{chapter}, education and childcare{carried}",
            modality=Modality.SHOULD,
            evidence=Evidence.SECONDARY,
            basis="Education and childcare are brought into strategic decision-making (they "
            "are not statutory partners). Found by a member of the executive, board or "
            "leadership group who speaks for them.",
            check=checks.education_at_strategic_level,
        ),
        Rule(
            id=f"{prefix}-yearly-report-contents",
            title="the yearly report covers what the edition asks",
            instrument=instrument,
            reference=f"ch.2 and ch.5, the yearly report{carried}",
            modality=Modality.SHOULD,
            evidence=Evidence.SECONDARY,
            basis="The yearly report covers a 12-month period: what was done (practice "
            "reviews included), how effective the arrangements were, the impact and its "
            "evidence, and the learning implemented. Checked in the contents the "
            "arrangements give for it.",
            check=checks.yearly_report_contents(edition, TOPICS_2023),
        ),
        *(section_rule(prefix, instrument, chapter, part, edition) for part in SECTIONS_2023),
    )
