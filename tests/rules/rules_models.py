"""A small partnership that meets every rule, on every date from 2018, and ways to break
each rule: the models the rules' tests make pass and fail.

``good()`` is Southvale, a partnership whose arrangements took effect in April 2018 and
declare no edition of Working Together (so each date is checked by the edition in force
then): a council, a clinical commissioning group until 30 June 2022 and an integrated
care board from 1 July 2022, a constabulary; each with its lead post and a delegated
partner; a chair who is a delegated partner, agreed by the lead partners; an
independent scrutineer; education at the executive; a multi-agency child protection
team; yearly reports every year; a review due in 2027. Each text that a rule looks for
sits in a field of its own, so one change takes it away.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from safeguarding_model.model import (
    Area,
    Chair,
    Dataset,
    DelegatedPartner,
    Funding,
    Group,
    GroupKind,
    LeadPartner,
    Line,
    Member,
    Organisation,
    OrganisationKind,
    PartialDate,
    Partnership,
    Person,
    Post,
    PublishedReport,
    ReferencedDocument,
    RelevantAgency,
    ReviewSchedule,
    Scrutineer,
    SectorRepresentation,
    StatutoryRole,
    Training,
    YearlyReport,
)
from safeguarding_model.model.values import items

D = PartialDate.from_string

ORGANISATIONS = (
    Organisation(id="council", name="Southvale Council", kind=OrganisationKind.LOCAL_AUTHORITY),
    Organisation(
        id="ccg",
        name="Southvale Clinical Commissioning Group",
        kind=OrganisationKind.CLINICAL_COMMISSIONING_GROUP,
        end=D("2022-06-30"),
    ),
    Organisation(
        id="icb",
        name="NHS Southvale Integrated Care Board",
        kind=OrganisationKind.INTEGRATED_CARE_BOARD,
        start=D("2022-07-01"),
    ),
    Organisation(id="police", name="Southvale Constabulary", kind=OrganisationKind.POLICE),
    Organisation(id="schools", name="Southvale Schools", kind=OrganisationKind.SCHOOL_SECTOR),
    Organisation(
        id="early-years", name="Early Years Settings", kind=OrganisationKind.EARLY_YEARS_SECTOR
    ),
    Organisation(id="nhs-trust", name="Southvale NHS Trust", kind=OrganisationKind.NHS_TRUST),
    Organisation(id="probation", name="Probation Service", kind=OrganisationKind.PROBATION),
    Organisation(id="forum", name="Southvale Forum", kind=OrganisationKind.BOARD),
)

PEOPLE = tuple(
    Person(id=key, name=name)
    for key, name in (
        ("ann", "Ann Able"),
        ("bea", "Bea Best"),
        ("cal", "Cal Cole"),
        ("dee", "Dee Dunn"),
        ("eve", "Eve East"),
        ("fay", "Fay Fox"),
        ("gus", "Gus Gray"),
        ("hal", "Hal Hart"),
        ("ivy", "Ivy Ings"),
    )
)

POSTS = (
    Post(id="council-ceo", title="Chief Executive", organisation="council", holder="ann"),
    Post(
        id="ccg-ao",
        title="Accountable Officer",
        organisation="ccg",
        holder="bea",
        end=D("2022-06-30"),
    ),
    Post(id="icb-ceo", title="Chief Executive", organisation="icb", holder="cal"),
    Post(id="chief-constable", title="Chief Constable", organisation="police", holder="dee"),
    Post(id="dcs", title="Director of Children's Services", organisation="council", holder="eve"),
    Post(
        id="ccg-nurse",
        title="Director of Nursing",
        organisation="ccg",
        holder="fay",
        end=D("2022-06-30"),
    ),
    Post(id="icb-nurse", title="Chief Nursing Officer", organisation="icb", holder="fay"),
    Post(id="superintendent", title="Chief Superintendent", organisation="police", holder="gus"),
    Post(id="scrutineer", title="Independent Scrutineer", independent=True, holder="hal"),
    Post(id="social-worker", title="Social Worker", organisation="council", holder="ivy"),
    Post(id="council-officer", title="Head of Quality", organisation="council"),
)

HEALTH_END = D("2022-06-30")
HEALTH_START = D("2022-07-01")

GROUPS = (
    Group(
        id="executive",
        name="Executive",
        kind=GroupKind.EXECUTIVE_GROUP,
        chairs=(Chair(partnership_chair=True),),
        members=(
            Member(organisation="council"),
            Member(organisation="police"),
            Member(organisation="schools", text="a head teacher for all schools"),
        ),
        objectives=items("Maintain a multi-agency data set with analytical support"),
    ),
    Group(
        id="board",
        name="Partnership Board",
        kind=GroupKind.PARTNERSHIP_BOARD,
        chairs=(Chair(partnership_chair=True),),
        members=(Member(organisation="council"), Member(organisation="nhs-trust")),
    ),
    Group(
        id="learning",
        name="Learning Group",
        kind=GroupKind.SUBGROUP,
        chairs=(Chair(post="dcs"),),
        members=(Member(post="dcs"), Member(organisation="police")),
        reports_to=(Line(to="executive"),),
        escalates_to=(Line(to="executive"),),
        responsibilities=items("Commission child safeguarding practice reviews"),
    ),
    Group(
        id="protection-team",
        name="Multi-agency Child Protection Team",
        kind=GroupKind.TEAM,
        chairs=(Chair(post="social-worker"),),
        members=(
            Member(text="a teacher with education experience"),
            Member(post="social-worker"),
            Member(organisation="icb", text="a registered health professional"),
            Member(organisation="police"),
        ),
        reports_to=(Line(to="executive"),),
    ),
)

PARTNERSHIP = Partnership(
    id="southvale-scp",
    name="Southvale Safeguarding Children Partnership",
    short_name="SSCP",
    effective=D("2018-04"),
    area=Area(
        text="The area of Southvale Council",
        local_authorities=("council",),
        youth_custody_facilities=(),
    ),
    purpose="To safeguard every child in Southvale, looked-after children included.",
    vision="Each partner answers for its part, and to joint targeted area inspections.",
    aims=items(
        "Share information between practitioners",
        "Hear the voice of children and families",
        "Analyse disproportionality and racism in the help children receive",
    ),
    lead_partners=(
        LeadPartner(role=StatutoryRole.LOCAL_AUTHORITY, organisation="council", post="council-ceo"),
        LeadPartner(
            role=StatutoryRole.CLINICAL_COMMISSIONING_GROUP,
            organisation="ccg",
            post="ccg-ao",
            end=HEALTH_END,
        ),
        LeadPartner(
            role=StatutoryRole.INTEGRATED_CARE_BOARD,
            organisation="icb",
            post="icb-ceo",
            start=HEALTH_START,
        ),
        LeadPartner(
            role=StatutoryRole.CHIEF_OFFICER_OF_POLICE,
            organisation="police",
            post="chief-constable",
        ),
    ),
    delegated_partners=(
        DelegatedPartner(post="dcs", acts_for=StatutoryRole.LOCAL_AUTHORITY),
        DelegatedPartner(
            post="ccg-nurse", acts_for=StatutoryRole.CLINICAL_COMMISSIONING_GROUP, end=HEALTH_END
        ),
        DelegatedPartner(
            post="icb-nurse", acts_for=StatutoryRole.INTEGRATED_CARE_BOARD, start=HEALTH_START
        ),
        DelegatedPartner(post="superintendent", acts_for=StatutoryRole.CHIEF_OFFICER_OF_POLICE),
    ),
    chairs=(Chair(post="dcs", text="The lead partners agreed the partnership chair."),),
    scrutineers=(Scrutineer(post="scrutineer"),),
    thresholds=ReferencedDocument(title="Southvale Thresholds"),
    relevant_agencies=(
        RelevantAgency(organisation="schools"),
        RelevantAgency(organisation="early-years"),
        RelevantAgency(organisation="nhs-trust"),
        RelevantAgency(organisation="probation"),
    ),
    sector_representation=(
        SectorRepresentation(sector="schools", text="Head teachers", groups=("executive",)),
    ),
    groups=GROUPS,
    funding=Funding(rule="equal shares"),
    training=Training(elements=items("Core courses")),
    yearly_report=YearlyReport(
        contents=items(
            "A summary of the activities of the partnership",
            "The practice reviews of the year",
            "How effective the arrangements were",
            "Evidence of the impact on children and families",
            "The learning implemented",
        )
    ),
    yearly_reports=tuple(
        PublishedReport(period=D(f"{year - 1}-04 to {year}-03"), published=D(f"{year}-06"))
        for year in range(2019, 2030)
    ),
    review=ReviewSchedule(reviews=(D("2027-12"),), then_every_years=3),
)


def good() -> Dataset:
    """The partnership that meets every rule."""
    return Dataset(
        organisations=ORGANISATIONS, people=PEOPLE, posts=POSTS, partnerships=(PARTNERSHIP,)
    )


Change = Callable[[Dataset], Dataset]


def partnership(**changes: Any) -> Change:
    """A change of the partnership's fields."""

    def change(dataset: Dataset) -> Dataset:
        return attrs.evolve(
            dataset, partnerships=(attrs.evolve(dataset.partnerships[0], **changes),)
        )

    return change


def with_partnership(dataset: Dataset, change: Callable[[Partnership], Partnership]) -> Dataset:
    return attrs.evolve(dataset, partnerships=(change(dataset.partnerships[0]),))


def edit(change: Callable[[Partnership], Partnership]) -> Change:
    """A change made by a function of the partnership."""
    return lambda dataset: with_partnership(dataset, change)


def group(group_id: str, **changes: Any) -> Change:
    """A change of one group's fields."""

    def change(p: Partnership) -> Partnership:
        groups = tuple(attrs.evolve(g, **changes) if g.id == group_id else g for g in p.groups)
        return attrs.evolve(p, groups=groups)

    return edit(change)


def without_group(group_id: str) -> Change:
    return edit(lambda p: attrs.evolve(p, groups=tuple(g for g in p.groups if g.id != group_id)))


def without_leads(*roles: StatutoryRole) -> Change:
    return edit(
        lambda p: attrs.evolve(
            p,
            lead_partners=tuple(lead for lead in p.lead_partners if lead.role not in roles),
            delegated_partners=tuple(d for d in p.delegated_partners if d.acts_for not in roles),
        )
    )


def lead_post(role: StatutoryRole, post: str | None) -> Change:
    return edit(
        lambda p: attrs.evolve(
            p,
            lead_partners=tuple(
                attrs.evolve(lead, post=post) if lead.role is role else lead
                for lead in p.lead_partners
            ),
        )
    )


def without_aim(word: str) -> Change:
    return edit(lambda p: attrs.evolve(p, aims=tuple(a for a in p.aims if word not in a.text)))


def post(post_id: str, **changes: Any) -> Change:
    def change(dataset: Dataset) -> Dataset:
        posts = tuple(attrs.evolve(p, **changes) if p.id == post_id else p for p in dataset.posts)
        return attrs.evolve(dataset, posts=posts)

    return change


def agencies(*keys: str) -> Change:
    return partnership(relevant_agencies=tuple(RelevantAgency(organisation=k) for k in keys))


def contents(*texts: str) -> Change:
    return partnership(yearly_report=YearlyReport(contents=items(*texts)))


def both(*changes: Change) -> Change:
    def change(dataset: Dataset) -> Dataset:
        for one in changes:
            dataset = one(dataset)
        return dataset

    return change
