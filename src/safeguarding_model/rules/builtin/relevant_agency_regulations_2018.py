"""The Child Safeguarding Practice Review and Relevant Agency Regulations (SI 2018/789):
which bodies can be relevant agencies.

Confirmed: a relevant agency is a body of a type the Schedule lists that exercises
functions for children in the area, and the Schedule's first heading is "Education
and childcare". The Schedule also covers health, police and justice, and others such
as Cafcass, sports and religious organisations; the rest of the list, and the
amendment of 6 November 2023, are unconfirmed. So the rule is advisory: it names the
relevant agencies of a kind that is no agency at all (a partnership, a board, a
network: arrangements, not bodies), and says which kinds it cannot place in the
Schedule from what could be read.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...hooks.specs import Register, hookimpl
from ...model import OrganisationKind
from ..context import Context
from ..rule import Evidence, Modality, Rule, RuleFinding

INSTRUMENT = "relevant-agency-regulations-2018"

LISTED = frozenset(
    {
        OrganisationKind.SCHOOL_SECTOR,
        OrganisationKind.EARLY_YEARS_SECTOR,
        OrganisationKind.EDUCATION_PROVIDER,
        OrganisationKind.HEALTH_PROVIDER,
        OrganisationKind.NHS_TRUST,
        OrganisationKind.NHS_ENGLAND,
        OrganisationKind.POLICE,
        OrganisationKind.PROBATION,
        OrganisationKind.YOUTH_JUSTICE,
        OrganisationKind.PRISON,
        OrganisationKind.COURT_SERVICE,
        OrganisationKind.SPORT,
        OrganisationKind.FAITH_SECTOR,
    }
)
"""Kinds of body the Schedule is known to cover: education and childcare (confirmed),
health, police and justice, Cafcass, sports and religious organisations."""

NOT_AGENCIES = frozenset(
    {
        OrganisationKind.SAFEGUARDING_PARTNERSHIP,
        OrganisationKind.BOARD,
        OrganisationKind.MULTI_AGENCY_ARRANGEMENT,
        OrganisationKind.NETWORK,
    }
)
"""Kinds that are arrangements or forums, not bodies exercising functions."""

PARTNERS = frozenset(
    {
        OrganisationKind.LOCAL_AUTHORITY,
        OrganisationKind.INTEGRATED_CARE_BOARD,
        OrganisationKind.CLINICAL_COMMISSIONING_GROUP,
    }
)
"""Kinds of the safeguarding partners themselves (with the police)."""


def relevant_agency_types(context: Context) -> Iterator[RuleFinding]:
    p = context.partnership
    partners = {lead.organisation for lead in p.lead_partners}
    unplaced: list[str] = []
    for agency in p.relevant_agencies:
        key = agency.organisation
        organisation = context.organisation(key)
        if organisation is None:
            continue
        kind = organisation.kind
        where = context.path("relevant_agencies", agency)
        if key in partners:
            yield context.note(
                f"{organisation.name} is a safeguarding partner and is also named as a "
                "relevant agency",
                path=where,
                bodies=[key],
            )
        elif kind in NOT_AGENCIES:
            yield context.fail(
                f"{organisation.name} is recorded as {kind.label}: an arrangement or forum, "
                "not a body of a type the Schedule lists",
                path=where,
                bodies=[key],
                found=kind.label,
            )
        elif partners & set(context.meaning.organisation_chain(key)):
            continue  # a service of a safeguarding partner (the council's youth justice...)
        elif kind not in LISTED and kind not in PARTNERS and kind is not OrganisationKind.POLICE:
            unplaced.append(f"{organisation.name} ({kind.label})")
    if unplaced:
        yield context.unknown(
            "the kinds of these relevant agencies cannot be placed in the Schedule from what "
            "could be confirmed of it: " + "; ".join(unplaced),
            path=context.path("relevant_agencies"),
        )


RULES = (
    Rule(
        id="si2018-relevant-agency-types",
        title="each relevant agency is of a type the Schedule lists",
        instrument=INSTRUMENT,
        reference="the Schedule (types of relevant agency)",
        modality=Modality.MUST,
        evidence=Evidence.UNCONFIRMED,
        basis="Confirmed: relevant agencies are bodies of a type the Schedule lists that "
        'exercise functions for children in the area; its first heading is "Education and '
        'childcare". The rest of the list is unconfirmed, so the rule is advisory: it '
        "flags only what is no agency at all, and lists the kinds it cannot place.",
        check=relevant_agency_types,
    ),
)


@hookimpl
def register_rules(register: Register) -> None:
    for rule in RULES:
        register(rule)
