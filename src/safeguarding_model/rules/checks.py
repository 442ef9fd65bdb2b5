"""The checks the built-in rules share, each a function of a :class:`~.context.Context`.

Several editions ask the same thing in their own words (the independent scrutiny,
the delegated partners); the rules of each edition are built from these functions
with the edition's own source, modality and status. Each check reads the partnership
as it stood on the date checked, and tells apart what the data records as absent
from what the source does not state: both leave the published arrangements short of
a requirement to set something out, and the message says which.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TypeAlias

import attrs

from ..model import (
    Chair,
    ChairRole,
    DelegatedPartner,
    DocumentKind,
    GroupKind,
    LeadPartner,
    OrganisationKind,
    PartialDate,
    PartnershipRole,
    ScrutinyKind,
    StatutoryRole,
)
from ..model.dates import later
from .context import Context
from .rule import Check, Evidence, RuleFinding

__all__ = [
    "EDUCATION_KINDS",
    "Found",
    "Required",
    "chair_is_delegated_partner",
    "delegated_partners",
    "education_at_strategic_level",
    "health_partner",
    "independent_scrutiny",
    "lead_posts",
    "local_authority_partner",
    "police_partner",
    "required",
    "scrutiny_independent_of_partners",
    "yearly_report_contents",
    "yearly_report_published",
]

Findings: TypeAlias = Iterator[RuleFinding]

EDUCATION_KINDS = frozenset(
    {
        OrganisationKind.SCHOOL_SECTOR,
        OrganisationKind.EARLY_YEARS_SECTOR,
        OrganisationKind.EDUCATION_PROVIDER,
    }
)
"""The kinds of organisation that are education or childcare."""

_HEALTH_ROLES = (StatutoryRole.INTEGRATED_CARE_BOARD, StatutoryRole.CLINICAL_COMMISSIONING_GROUP)


def _words(text: str) -> str:
    return " ".join(text.replace("&", " and ").lower().split())


def _no_partners(context: Context, what: str, *, law: bool = False) -> RuleFinding:
    """The finding for arrangements that name no safeguarding partner. Who the partners
    are is a matter of law (``law``): when the source does not state them, whether the
    arrangements have the right ones cannot be told; a requirement that the published
    arrangements name them is not met either way."""
    if not context.stated("lead_partners"):
        if law:
            return context.unknown(
                f"the source does not state the safeguarding partners, so whether {what} "
                "is among them cannot be told",
                path=context.path("lead_partners"),
            )
        return context.fail(
            f"the arrangements do not state the safeguarding partners, so they do not show {what}",
            path=context.path("lead_partners"),
        )
    return context.fail(
        f"the arrangements name no safeguarding partner, so they do not show {what}",
        path=context.path("lead_partners"),
    )


def _lead_name(context: Context, lead: LeadPartner) -> str:
    """A lead partner in words: its organisation, or, for one known by its role only,
    the role ("the local authority, not named in the data")."""
    if lead.organisation is None:
        return f"the {lead.role.label}, not named in the data"
    return context.name(lead.organisation)


def _bodies(*keys: str | None) -> list[str]:
    """The ids among ``keys`` (a lead partner known by its role only has none)."""
    return [key for key in keys if key is not None]


# --- the Children Act 2004, s.16E --------------------------------------------------------


def local_authority_partner(context: Context) -> Findings:
    """s.16E(3)(a): the local authority is a safeguarding partner, and every council
    whose area the arrangements cover is one."""
    p = context.partnership
    if not p.lead_partners:
        yield _no_partners(context, "the local authority", law=True)
        return
    councils = p.leads_in_role(StatutoryRole.LOCAL_AUTHORITY)
    if not councils:
        yield context.fail(
            "no lead partner acts as the local authority: the local authority for the area "
            "is a safeguarding partner",
            path=context.path("lead_partners"),
        )
        return
    for lead in councils:
        kind = context.kind(lead.organisation)
        if kind is not None and kind is not OrganisationKind.LOCAL_AUTHORITY:
            yield context.fail(
                f"{_lead_name(context, lead)} is the lead partner as the local "
                f"authority, but the data records it as {kind.label}, not a local authority",
                path=context.path("lead_partners", lead),
                bodies=_bodies(lead.organisation),
            )
    if p.area is None:
        if not context.stated("area"):
            yield context.unknown(
                "the arrangements do not state their area, so whether the council of every "
                "local authority area they cover is a partner cannot be told",
                path=context.path("area"),
            )
        return
    partners = {lead.organisation for lead in councils}
    unnamed = len([lead for lead in councils if lead.organisation is None])
    for council in p.area.local_authorities:
        if council not in partners and unnamed:
            yield context.unknown(
                f"the arrangements cover the area of {context.name(council)}, and name "
                f"{unnamed} lead partner{'s' if unnamed > 1 else ''} as the local authority "
                "by role only, so whether its council is among them cannot be told",
                path=context.path("area"),
                bodies=[council],
            )
        elif council not in partners:
            yield context.fail(
                f"the arrangements cover the area of {context.name(council)}, which is not "
                "among the lead partners: each local authority of the area is a "
                "safeguarding partner",
                path=context.path("area"),
                bodies=[council],
            )


def health_partner(icb: bool) -> Check:
    """s.16E(3)(b): the health partner, a clinical commissioning group before 1 July
    2022 (``icb`` false) and an integrated care board from that day (``icb`` true)."""

    def check(context: Context) -> Findings:
        p = context.partnership
        if not p.lead_partners:
            what = "the integrated care board" if icb else "the clinical commissioning group"
            yield _no_partners(context, what, law=True)
            return
        right_role = (
            StatutoryRole.INTEGRATED_CARE_BOARD
            if icb
            else StatutoryRole.CLINICAL_COMMISSIONING_GROUP
        )
        right_kind = (
            OrganisationKind.INTEGRATED_CARE_BOARD
            if icb
            else OrganisationKind.CLINICAL_COMMISSIONING_GROUP
        )
        wrong_kind = (
            OrganisationKind.CLINICAL_COMMISSIONING_GROUP
            if icb
            else OrganisationKind.INTEGRATED_CARE_BOARD
        )
        health = [lead for role in _HEALTH_ROLES for lead in p.leads_in_role(role)]
        wrong = [
            lead
            for lead in health
            if lead.role is not right_role or context.kind(lead.organisation) is wrong_kind
        ]
        for lead in wrong:
            name = _lead_name(context, lead)
            if icb:
                message = (
                    f"{name}, a clinical commissioning group, is named as the health partner: "
                    "integrated care boards replaced clinical commissioning groups on 1 July "
                    "2022, and the Act now names the integrated care board"
                )
            else:
                message = (
                    f"{name}, an integrated care board, is named as the health partner before "
                    "1 July 2022, when integrated care boards were established: the Act then "
                    "named the clinical commissioning group"
                )
            yield context.fail(
                message,
                path=context.path("lead_partners", lead),
                bodies=_bodies(lead.organisation),
                expected=right_kind.label,
                found=(context.kind(lead.organisation) or lead.role).label,
            )
        if not [lead for lead in health if lead not in wrong] and not wrong:
            what = "an integrated care board" if icb else "a clinical commissioning group"
            yield context.fail(
                f"no lead partner is {what}: the health partner for the area is a "
                "safeguarding partner",
                path=context.path("lead_partners"),
            )

    return check


def police_partner(context: Context) -> Findings:
    """s.16E(3)(c): the chief officer of police for the area is a safeguarding partner."""
    p = context.partnership
    if not p.lead_partners:
        yield _no_partners(context, "the chief officer of police", law=True)
        return
    police = p.leads_in_role(StatutoryRole.CHIEF_OFFICER_OF_POLICE)
    if not police:
        yield context.fail(
            "no lead partner acts as the chief officer of police: the chief officer of police "
            "for the area is a safeguarding partner",
            path=context.path("lead_partners"),
        )
    for lead in police:
        kind = context.kind(lead.organisation)
        if kind is not None and kind is not OrganisationKind.POLICE:
            yield context.fail(
                f"{_lead_name(context, lead)} is the lead partner as the chief officer of "
                f"police, but the data records it as {kind.label}, not a police force",
                path=context.path("lead_partners", lead),
                bodies=_bodies(lead.organisation),
            )


def independent_scrutiny(context: Context) -> Findings:
    """The arrangements include scrutiny by an independent person."""
    p = context.partnership
    kinds = {ScrutinyKind.INDEPENDENT_SCRUTINEER, ScrutinyKind.INDEPENDENT_CHAIR}
    mechanisms = [m for m in p.scrutiny if m.kind in kinds]
    if p.scrutineers or mechanisms:
        return
    if not context.stated("scrutineers") and not p.scrutiny:
        yield context.unknown(
            "the source does not state the independent scrutiny, so whether the arrangements "
            "include it cannot be told",
            path=context.path("scrutineers"),
        )
        return
    yield context.fail(
        "the arrangements name no independent scrutiny: no scrutineer, and no scrutiny by an "
        "independent scrutineer or independent chair",
        path=context.path("scrutineers"),
    )


def _add_year(day: tuple[int, int, int]) -> tuple[int, int, int]:
    year, month, number = day
    if (month, number) == (2, 29):
        return (year + 1, 2, 28)
    return (year + 1, month, number)


def yearly_report_published(context: Context) -> Findings:
    """A yearly report at least once in every twelve months: on the date checked, the
    latest report the data records was published within the twelve months before it
    (once the arrangements have stood for twelve months)."""
    p = context.partnership
    first = context.span[0]
    began = later(p.start, p.effective)
    if began is not None and _add_year(began.last_day()) >= first:
        yield context.note(
            f"the first yearly report is not yet due on {context.on_text}: the arrangements "
            f"took effect {began}",
            path=context.path("yearly_reports"),
        )
        return
    published = [
        r
        for r in p.yearly_reports
        if r.published is not None and r.published.first_day() <= context.span[1]
    ]
    if not published:
        why = (
            "the source does not state the yearly reports"
            if not context.stated("yearly_reports")
            else "the data records no published yearly report"
        )
        yield context.unknown(
            f"{why}, so whether one was published in the twelve months before "
            f"{context.on_text} cannot be told",
            path=context.path("yearly_reports"),
        )
        return
    latest = max(published, key=lambda r: _last(r.published))
    assert latest.published is not None
    if _add_year(latest.published.last_day()) >= first:
        return
    title = latest.title or f"the report for {latest.period}"
    if context.partial("yearly_reports") is not None:
        yield context.unknown(
            f"the latest yearly report the data records, {title}, was published "
            f"{latest.published}, more than twelve months before {context.on_text}; the data "
            "lists the reports only in part",
            path=context.path("yearly_reports"),
        )
        return
    due = PartialDate(year=_add_year(latest.published.last_day())[0])
    yield context.fail(
        f"the latest yearly report the data records, {title}, was published "
        f"{latest.published}: a report at least once in every twelve months means another was "
        f"due during {due.year} (if one was published, add it to yearly_reports)",
        path=context.path("yearly_reports", latest),
        text=latest.text,
    )


def _last(date: PartialDate | None) -> tuple[int, int, int]:
    return (0, 0, 0) if date is None else date.last_day()


# --- Working Together: the lead partners --------------------------------------------------

LeadTitles: TypeAlias = dict[StatutoryRole, tuple[str, str]]
"""For each statutory role: a pattern a post title must match, and the post in words."""


def lead_posts(titles: LeadTitles, edition: str, *, required: bool) -> Check:
    """Each lead partner is the post the edition names for its role (``titles``); a
    lead partner whose post the arrangements do not name fails when ``required``, else
    the check cannot tell."""
    patterns = {role: re.compile(pattern) for role, (pattern, _) in titles.items()}
    expected = "; ".join(words for _, words in titles.values())

    def check(context: Context) -> Findings:
        p = context.partnership
        if not p.lead_partners:
            if not required and not context.stated("lead_partners"):
                yield context.unknown(
                    "the source does not state the safeguarding partners, so their lead "
                    "posts cannot be told",
                    path=context.path("lead_partners"),
                )
                return
            yield _no_partners(context, f"the lead posts {edition} names ({expected})")
            return
        for lead in p.lead_partners:
            yield from _lead_post(context, lead, patterns, titles, edition, required)

    return check


def _lead_post(
    context: Context,
    lead: LeadPartner,
    patterns: dict[StatutoryRole, re.Pattern[str]],
    titles: LeadTitles,
    edition: str,
    required: bool,
) -> Findings:
    where = context.path("lead_partners", lead)
    organisation = _lead_name(context, lead)
    bodies = _bodies(lead.organisation)
    if lead.role not in titles:
        roles = ", ".join(words for _, words in titles.values())
        yield context.fail(
            f"{organisation} is a lead partner as the {lead.role.label}, which {edition} does "
            f"not name: its lead partners are {roles}",
            path=where,
            bodies=bodies,
            text=lead.text,
        )
        return
    words = titles[lead.role][1]
    if lead.post is None:
        message = (
            f"the arrangements do not name the post that leads for {organisation}: {edition} "
            f"names {words}"
        )
        if required:
            yield context.fail(message, path=where, bodies=bodies, text=lead.text)
        else:
            yield context.unknown(message, path=where, bodies=bodies, text=lead.text)
        return
    post = context.post(lead.post)
    if post is None:
        return  # a post the view leaves out: the structural rules report references
    if not patterns[lead.role].search(_words(post.title)):
        yield context.fail(
            f"the lead partner for {organisation} is {context.name(post.id)}: {edition} names "
            f"{words}",
            path=where,
            bodies=_bodies(lead.organisation, post.id),
            expected=words,
            found=post.title,
            text=lead.text,
        )
        return
    if lead.organisation is None:  # known by its role and post only: no chain to check
        return
    chain = context.meaning.organisation_chain(lead.organisation)
    if post.organisation is not None and post.organisation not in chain:
        yield context.fail(
            f"the lead partner for {organisation} is {context.name(post.id)}, a post of "
            "another organisation",
            path=where,
            bodies=[lead.organisation, post.id],
            text=lead.text,
        )


def _delegates_of(context: Context, lead: LeadPartner) -> list[DelegatedPartner]:
    p = context.partnership
    return [d for d in p.delegated_partners if p.lead_for(d) == lead]


def delegated_partners(edition: str, *, required: bool) -> Check:
    """Each lead partner names a delegated safeguarding partner (``required``; else it
    may), and a delegated partner is a post that is filled; several for one lead
    partner are allowed, and said so."""

    def check(context: Context) -> Findings:
        p = context.partnership
        if not p.delegated_partners:
            if not required:
                return
            if not context.stated("delegated_partners"):
                yield context.fail(
                    f"the arrangements do not state the delegated safeguarding partners: "
                    f"{edition} expects each lead partner to name one",
                    path=context.path("delegated_partners"),
                )
            else:
                yield context.fail(
                    f"the arrangements name no delegated safeguarding partner: {edition} "
                    "expects each lead partner to name one",
                    path=context.path("delegated_partners"),
                )
            return
        for lead in p.lead_partners:
            delegates = _delegates_of(context, lead)
            organisation = _lead_name(context, lead)
            where = context.path("lead_partners", lead)
            if not delegates:
                if required:
                    yield context.fail(
                        f"{organisation} names no delegated safeguarding partner: {edition} "
                        "expects each lead partner to name one",
                        path=where,
                        bodies=_bodies(lead.organisation),
                    )
                continue
            posts = [d.post for d in delegates if d.post is not None]
            unstated = len(delegates) - len(posts)  # delegated partners whose post is not stated
            found = [context.post(key) for key in posts]
            vacant = [post for post in found if post is not None and post.vacant]
            unknown = [post for post in found if post is not None and not post.holder_known]
            if vacant and len(vacant) == len(delegates):
                yield context.fail(
                    f"the delegated safeguarding partner of {organisation} is a vacant post: "
                    + ", ".join(context.name(post.id) for post in vacant),
                    path=context.path("delegated_partners"),
                    bodies=[post.id for post in vacant],
                )
            elif (unknown or unstated) and len(unknown) + len(vacant) + unstated == len(delegates):
                said = [context.name(post.id) for post in unknown]
                if unstated:
                    said.append(f"{unstated} whose post the data does not state")
                yield context.unknown(
                    f"the data does not say who holds the delegated partner post of "
                    f"{organisation} (" + "; ".join(said) + "), so whether it is filled "
                    "cannot be told",
                    path=context.path("delegated_partners"),
                    bodies=[post.id for post in unknown],
                )
            if len(delegates) > 1:
                names = [context.name(key) for key in posts]
                if unstated:
                    names.append(f"{unstated} whose post is not stated")
                yield context.note(
                    f"{organisation} names {len(delegates)} delegated safeguarding partners "
                    f"({' and '.join(names)}): allowed, a lead partner may delegate to more "
                    "than one, and stays accountable",
                    path=where,
                    bodies=_bodies(lead.organisation, *posts),
                )

    return check


# --- Working Together: the chair and the scrutiny -----------------------------------------

_MAIN = (ChairRole.CHAIR, ChairRole.CO_CHAIR)


def _named(chair: Chair) -> bool:
    return bool(
        chair.post
        or chair.person
        or chair.organisation
        or chair.one_of
        or chair.rotates_among
        or chair.partnership_chair
    )


def partnership_chair(edition: str) -> Check:
    """A partnership chair, agreed by the lead partners."""

    def check(context: Context) -> Findings:
        p = context.partnership
        if not p.chairs:
            if not context.stated("chairs"):
                yield context.fail(
                    f"the arrangements do not state who chairs the partnership: {edition} asks "
                    "the lead partners to agree a partnership chair",
                    path=context.path("chairs"),
                )
            else:
                yield context.fail(
                    f"the arrangements name no partnership chair: {edition} asks the lead "
                    "partners to agree one",
                    path=context.path("chairs"),
                )
            return
        main = [chair for chair in p.chairs if chair.role in _MAIN]
        if not main:
            roles = ", ".join(chair.role.label for chair in p.chairs)
            yield context.fail(
                f"the arrangements name only a {roles} of the partnership, not its chair",
                path=context.path("chairs"),
            )
            return
        for chair in main:
            if not _named(chair) and not chair.nominated_by:
                yield context.unknown(
                    "the arrangements mention a partnership chair but do not say who it is",
                    path=context.path("chairs", chair),
                    text=chair.text,
                )
        leads = {lead.organisation for lead in p.lead_partners}
        leads |= {lead.post for lead in p.lead_partners if lead.post}
        leadership = {g.id for g in p.groups if g.kind is GroupKind.LEADERSHIP_GROUP}
        agreed = [
            chair
            for chair in main
            if (chair.nominated_by and chair.nominated_by in leads | leadership)
            or (chair.text and re.search(r"\bagree", chair.text, re.IGNORECASE))
        ]
        if not agreed:
            yield context.unknown(
                "the data does not record that the lead partners agreed the partnership chair",
                path=context.path("chairs", main[0]),
                text=main[0].text,
            )

    return check


def chair_is_delegated_partner(context: Context) -> Findings:
    """The partnership chair is one of the delegated safeguarding partners."""
    p = context.partnership
    delegated = {d.post for d in p.delegated_partners}
    for chair in (c for c in p.chairs if c.role in _MAIN):
        where = context.path("chairs", chair)
        if chair.one_of is PartnershipRole.DELEGATED_SAFEGUARDING_PARTNERS:
            continue
        if chair.rotates_among and set(chair.rotates_among) <= delegated:
            continue
        if chair.post in delegated:
            continue
        if chair.post:
            post = context.post(chair.post)
            how = "an independent post" if post is not None and post.independent else "a post"
            yield context.fail(
                f"the partnership chair, {context.name(chair.post)}, is {how}, not one of the "
                "delegated safeguarding partners",
                path=where,
                bodies=[chair.post],
                text=chair.text,
            )
        elif chair.rotates_among or chair.person or chair.organisation or chair.one_of:
            yield context.fail(
                "the partnership chair is not named as one of the delegated safeguarding partners",
                path=where,
                bodies=list(chair.rotates_among),
                text=chair.text,
            )
        else:
            yield context.unknown(
                "the data does not name the partnership chair, so whether it is a delegated "
                "partner cannot be told",
                path=where,
                text=chair.text,
            )


def scrutiny_independent_of_partners(context: Context) -> Findings:
    """The independent scrutineer is independent of every partner organisation: not a
    post of a lead partner's organisation (or part of one), nor a delegated partner."""
    p = context.partnership
    partners = {lead.organisation for lead in p.lead_partners}
    delegated = {d.post for d in p.delegated_partners}
    leads = {lead.post for lead in p.lead_partners if lead.post}
    for scrutineer in p.scrutineers:
        where = context.path("scrutineers", scrutineer)
        post = context.post(scrutineer.post)
        if post is None:
            continue
        if post.id in delegated | leads:
            yield context.fail(
                f"the scrutineer, {context.name(post.id)}, is also a lead or delegated "
                "safeguarding partner",
                path=where,
                bodies=[post.id],
                text=scrutineer.text,
            )
            continue
        if post.independent:
            continue
        if post.organisation is None:
            yield context.unknown(
                f"the data does not say whether the scrutineer, {context.name(post.id)}, is "
                "independent of the partners",
                path=where,
                bodies=[post.id],
            )
            continue
        chain = context.meaning.organisation_chain(post.organisation)
        partner = next((key for key in chain if key in partners), None)
        if partner is not None:
            yield context.fail(
                f"the scrutineer, {context.name(post.id)}, holds a post of "
                f"{context.name(partner)}, a safeguarding partner: the scrutiny is not "
                "independent of the partners",
                path=where,
                bodies=[post.id, partner],
                text=scrutineer.text,
            )


def education_at_strategic_level(context: Context) -> Findings:
    """Education and childcare take part in strategic decision-making: a member of the
    partnership's top group (its executive, board or leadership group) speaks for
    education or early years, by organisation, post, sector or the document's words."""
    p = context.partnership
    top_kinds = {GroupKind.LEADERSHIP_GROUP, GroupKind.EXECUTIVE_GROUP, GroupKind.PARTNERSHIP_BOARD}
    tops = [g for g in p.groups if g.kind in top_kinds]
    if not tops:
        if not context.stated("groups"):
            yield context.fail(
                "the arrangements do not state their groups, so they do not show education "
                "and childcare in strategic decision-making",
                path=context.path("groups"),
            )
        else:
            yield context.fail(
                "the arrangements have no executive, board or leadership group in which "
                "education and childcare could take part in strategic decisions",
                path=context.path("groups"),
            )
        return
    pattern = re.compile(r"educat|school|early years|college|childcare|head ?teacher", re.I)
    for group in tops:
        for member in group.members:
            if member.planned:
                continue
            if member.organisation and context.kind(member.organisation) in EDUCATION_KINDS:
                return
            if member.post and context.kind(member.post) in EDUCATION_KINDS:
                return
            names = [context.name(key) for key in member.chair_of]
            if member.post:
                names.append(context.name(member.post))
            if member.text:
                names.append(member.text)
            if any(pattern.search(text) for text in names):
                return
        for rep in p.sector_representation:
            if group.id in rep.groups and context.kind(rep.sector) in EDUCATION_KINDS:
                return
    planned = [
        (group, member)
        for group in tops
        for member in group.members
        if member.planned and member.text and pattern.search(member.text)
    ]
    listed = ", ".join(g.name for g in tops)
    if planned:
        group, member = planned[0]
        yield context.fail(
            f"education and childcare are only planned, not yet members, of {group.name}",
            path=context.group_path(group.id),
            bodies=[group.id],
            text=member.text,
        )
        return
    yield context.fail(
        f"no member of {listed} speaks for education or childcare (by organisation, post, "
        "sector or the document's words): the guidance brings education and childcare into "
        "strategic decision-making",
        path=context.group_path(tops[0].id),
        bodies=[g.id for g in tops],
    )


# --- the yearly report's contents ----------------------------------------------------------

Topic: TypeAlias = tuple[str, tuple[str, ...]]
"""A content the yearly report is to have: in words, and patterns that show it."""


def yearly_report_contents(edition: str, topics: tuple[Topic, ...]) -> Check:
    """What the arrangements say their yearly report will contain covers each of the
    edition's ``topics`` (found in the words of its contents)."""

    def check(context: Context) -> Findings:
        p = context.partnership
        where = context.path("yearly_report")
        if p.yearly_report is None:
            said = (
                "do not state what their yearly report contains"
                if not context.stated("yearly_report")
                else "say nothing of their yearly report"
            )
            yield context.fail(
                f"the arrangements {said}: {edition} asks that it cover "
                + "; ".join(words for words, _ in topics),
                path=where,
            )
            return
        texts = [item.text for item in p.yearly_report.contents]
        texts += [point.text for item in p.yearly_report.contents for point in item.points]
        if p.yearly_report.text:
            texts.append(p.yearly_report.text)
        for words, patterns in topics:
            compiled = [re.compile(pattern, re.IGNORECASE) for pattern in patterns]
            if not any(c.search(text) for c in compiled for text in texts):
                yield context.fail(
                    f"the contents the arrangements give for their yearly report do not show "
                    f"{words}",
                    path=where,
                    expected=words,
                )

    return check


# --- what the published arrangements set out --------------------------------------------

Found: TypeAlias = tuple[str, str] | None
"""Where a required part was found (the path, and the words), or None."""


@attrs.frozen(kw_only=True)
class Required:
    """A part the published arrangements are to set out: ``words`` saying what, the
    partnership ``field`` that holds it (for "not stated"), how to find it in the model
    (``find``) and, failing that, ``patterns`` to look for in the words the data keeps."""

    key: str
    words: str
    evidence: Evidence
    field: str | None = None
    find: Callable[[Context], Found] | None = None
    patterns: tuple[str, ...] = ()


def required(part: Required) -> Check:
    """The check that the published arrangements set out ``part`` (what the arrangements
    say their yearly report will contain does not count: it is about the report)."""

    def check(context: Context) -> Findings:
        if part.find is not None and part.find(context) is not None:
            return
        if part.patterns:
            words = [(w, t) for w, t in context.words() if ".yearly_report" not in w]
            if context.mentions(*part.patterns, words=words):
                return
        field = part.field
        path = context.path(field) if field else context.path()
        if field is not None and not context.stated(field):
            yield context.fail(
                f"the arrangements do not state {part.words} (the source leaves `{field}` "
                "unstated)",
                path=path,
            )
            return
        how = (
            "the data does not give it"
            if part.find is not None
            else "the format has no field for it"
        )
        if part.patterns:
            how += ", and the words the data keeps of the arrangements do not mention it"
        yield context.fail(
            f"the data does not show that the arrangements set out {part.words}: {how}",
            path=path,
        )

    return check


def has(field: str) -> Callable[[Context], Found]:
    """Found when the partnership's ``field`` is given (not empty)."""

    def find(context: Context) -> Found:
        value = getattr(context.partnership, field)
        return (context.path(field), field) if value else None

    return find


def any_of(*finds: Callable[[Context], Found]) -> Callable[[Context], Found]:
    """Found when any of ``finds`` finds it."""

    def find(context: Context) -> Found:
        for one in finds:
            found = one(context)
            if found is not None:
                return found
        return None

    return find


def education_included(context: Context) -> Found:
    """Schools, colleges and early years named: as relevant agencies or sectors."""
    p = context.partnership
    for agency in p.relevant_agencies:
        if context.kind(agency.organisation) in EDUCATION_KINDS:
            return context.path("relevant_agencies", agency), agency.organisation
    for rep in p.sector_representation:
        if context.kind(rep.sector) in EDUCATION_KINDS:
            return context.path("sector_representation", rep), rep.text
    return None


def youth_custody_stated(context: Context) -> Found:
    """The area says which youth custody facilities it holds (an empty list: none)."""
    area = context.partnership.area
    if area is not None and area.youth_custody_facilities is not None:
        return context.path("area"), "youth_custody_facilities"
    return None


def thresholds_given(context: Context) -> Found:
    """A thresholds document: the partnership's ``thresholds`` or a governed document."""
    if context.partnership.thresholds is not None:
        return context.path("thresholds"), context.partnership.thresholds.title
    owners = {context.partnership.id, *(g.id for _, g in context.groups())}
    for j, document in enumerate(context.dataset.documents):
        if document.kind is DocumentKind.THRESHOLDS and document.owner in owners:
            return f"documents[{j}]", document.title
    return None


def escalation_given(context: Context) -> Found:
    """An escalation route: the partnership's or a group's."""
    p = context.partnership
    if p.escalates_to:
        return context.path("escalates_to"), "escalates_to"
    for _, group in context.groups():
        if group.escalates_to:
            return context.group_path(group.id), "escalates_to"
    return None


def scrutiny_given(context: Context) -> Found:
    """A scrutineer or a scrutiny mechanism."""
    p = context.partnership
    if p.scrutineers or p.scrutiny:
        return context.path("scrutineers"), "scrutineers"
    return None


def ways_of_working(context: Context) -> Found:
    """How the partners work together: groups, duties or procedures."""
    p = context.partnership
    if p.groups or p.duties or p.procedures is not None or context.collaborations():
        return context.path("groups"), "groups"
    return None


def funding_given(context: Context) -> Found:
    """How the arrangements are funded."""
    return has("funding")(context)


def contributions_given(context: Context) -> Found:
    """Each partner's contribution: amounts, shares, or a rule for them."""
    funding = context.partnership.funding
    if funding is None:
        return None
    given = [
        c
        for c in funding.contributions
        if c.amount is not None or c.percent is not None or c.in_kind
    ]
    if given or funding.rule:
        return context.path("funding"), funding.rule or "contributions"
    return None  # contributors named without what each gives are not contributions given


__all__ += [
    "any_of",
    "contributions_given",
    "education_included",
    "escalation_given",
    "funding_given",
    "has",
    "partnership_chair",
    "scrutiny_given",
    "thresholds_given",
    "ways_of_working",
    "youth_custody_stated",
]
