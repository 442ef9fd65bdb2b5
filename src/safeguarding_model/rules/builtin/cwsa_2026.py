"""The Children's Wellbeing and Schools Act 2026: its new duties for the arrangements,
enacted (the text confirmed) but not yet in force.

Section 2 does not make education a safeguarding partner: it requires the relevant
agencies that regulations designate as education or childcare agencies to be included
in the arrangements and to share the duty to identify and respond to children's needs.
Section 3 inserts s.16EA into the Children Act 2004: the arrangements set up one or more
multi-agency child protection teams to support the local authority's enquiries under
s.47 of the Children Act 1989, each with at least a person with education experience, a
children's social worker nominated by the local authority, a registered health
professional nominated by an integrated care board, and a police member.

Both come into force on a day that regulations appoint; none was found. The rules apply
only from a commencement date given to the checker (``--assume-in-force s2=DATE``);
otherwise each reports, as information, that it is not yet in force.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...hooks.specs import Register, hookimpl
from ...model import Group, OrganisationKind
from ..checks import EDUCATION_KINDS
from ..context import Context
from ..rule import Evidence, Modality, Rule, RuleFinding

INSTRUMENT = "cwsa-2026"

_SCHOOLS = {OrganisationKind.SCHOOL_SECTOR, OrganisationKind.EDUCATION_PROVIDER}


def education_agencies_included(context: Context) -> Iterator[RuleFinding]:
    """Education and childcare bodies are among the relevant agencies."""
    p = context.partnership
    kinds = {context.kind(agency.organisation) for agency in p.relevant_agencies}
    where = context.path("relevant_agencies")
    missing = []
    if not kinds & _SCHOOLS:
        missing.append("education (schools, colleges, education providers)")
    if OrganisationKind.EARLY_YEARS_SECTOR not in kinds:
        missing.append("childcare (early years settings)")
    if missing and not context.stated("relevant_agencies"):
        yield context.fail(
            "the arrangements do not state their relevant agencies, so they do not show the "
            "designated education and childcare agencies included",
            path=where,
        )
        return
    for what in missing:
        yield context.fail(
            f"no relevant agency is of {what}: the agencies designated as education and "
            "childcare agencies are to be included in the arrangements",
            path=where,
        )
    if not missing:
        yield context.note(
            "which agencies regulations designate is not yet known: the arrangements include "
            "education and childcare bodies among their relevant agencies",
            path=where,
        )


_MEMBERS = (
    ("a person with education experience", r"educat|school|teacher", EDUCATION_KINDS),
    (
        "a children's social worker nominated by the local authority",
        r"social work",
        {OrganisationKind.LOCAL_AUTHORITY, OrganisationKind.LOCAL_AUTHORITY_SERVICE},
    ),
    (
        "a registered health professional nominated by an integrated care board",
        r"health|nurs|doctor|paediatric|medical",
        {
            OrganisationKind.INTEGRATED_CARE_BOARD,
            OrganisationKind.NHS_TRUST,
            OrganisationKind.HEALTH_PROVIDER,
        },
    ),
    ("a police member", r"police|constab|detective", {OrganisationKind.POLICE}),
)


def _teams(context: Context) -> list[Group]:
    pattern = re.compile(r"child protection team", re.IGNORECASE)
    found = []
    for _, group in context.groups():
        if pattern.search(group.name) or (group.description and pattern.search(group.description)):
            found.append(group)
    return found


def child_protection_teams(context: Context) -> Iterator[RuleFinding]:
    """At least one multi-agency child protection team, with its four members."""
    teams = _teams(context)
    if not teams:
        yield context.fail(
            "the arrangements set up no multi-agency child protection team (no group named "
            "or described as one)",
            path=context.path("groups"),
        )
        return
    for team in teams:
        where = context.group_path(team.id)
        for words, pattern, kinds in _MEMBERS:
            compiled = re.compile(pattern, re.IGNORECASE)
            present = False
            for member in team.members:
                if member.planned:
                    continue
                kind = context.kind(member.organisation or member.post)
                texts = [member.text or ""]
                if member.post:
                    texts.append(context.name(member.post))
                if kind in kinds or any(compiled.search(text) for text in texts):
                    present = True
                    break
            if present:
                continue
            if "members" in team.not_stated:
                yield context.unknown(
                    f"the source does not state the members of {team.name}, so whether it "
                    f"has {words} cannot be told",
                    path=where,
                    bodies=[team.id],
                )
                break
            yield context.fail(
                f"{team.name} has no member the data shows to be {words}",
                path=where,
                bodies=[team.id],
            )


RULES = (
    Rule(
        id="cwsa2026-s2-education-agencies",
        title="the designated education and childcare agencies are included in the arrangements",
        instrument=INSTRUMENT,
        reference="s.2, designated education and childcare agencies",
        modality=Modality.MUST,
        evidence=Evidence.CONFIRMED,
        commences="s2",
        basis="Education is not made a safeguarding partner; relevant agencies that "
        "regulations designate as education or childcare agencies must be included and "
        "share the duty to identify and respond to children's needs. The regulations are "
        "not known: the check is that education and childcare bodies are relevant agencies.",
        check=education_agencies_included,
    ),
    Rule(
        id="cwsa2026-s3-child-protection-teams",
        title="the arrangements set up multi-agency child protection teams with the "
        "members the Act names",
        instrument=INSTRUMENT,
        reference="s.3, inserting s.16EA into the Children Act 2004",
        modality=Modality.MUST,
        evidence=Evidence.CONFIRMED,
        commences="s3",
        basis="The arrangements set up one or more multi-agency child protection teams to "
        "support the local authority's s.47 enquiries, each with at least a person with "
        "education experience, a children's social worker nominated by the local authority, "
        "a registered health professional nominated by an integrated care board and a police "
        "member. Found by a group named or described as a child protection team.",
        check=child_protection_teams,
    ),
)


@hookimpl
def register_rules(register: Register) -> None:
    for rule in RULES:
        register(rule)
