"""Hypothesis strategies for the domain: valid datasets of any size.

Every reference in a generated dataset resolves to an entity of the right kind, so
a generated dataset loads without problems. ``names()`` includes text that breaks
naive exporters: quotes, brackets, markup, backslashes, newlines and non-Latin letters.

Arrangements over time are generated too, valid by construction: dates as precise as
a source gives them (a day, a month, a year, a bound such as ``by 2024-12`` or a range
such as ``2023-04 to 2024-03``), an ``end`` never before its ``start``, statutory
regimes, former names with dates, predecessors that name another body of the dataset,
``planned`` entries (never with an ``end``), ``known_on`` for named holders, and
published yearly reports.
"""

from __future__ import annotations

import functools
from typing import Any

from hypothesis import strategies as st

from safeguarding_model.model import (
    Action,
    ActionState,
    Area,
    Bound,
    Cadence,
    Chair,
    ChairRole,
    Collaboration,
    Dataset,
    DecisionMethod,
    DecisionRule,
    DelegatedPartner,
    FormerName,
    FunctionalLink,
    Funding,
    Group,
    GroupKind,
    Instrument,
    Item,
    LeadPartner,
    Line,
    Member,
    MemberCapacity,
    Objective,
    Observer,
    Organisation,
    OrganisationKind,
    PartialDate,
    Partnership,
    PartnershipRole,
    Person,
    Plan,
    PlanPart,
    Post,
    Procedures,
    PublishedReport,
    ReferencedDocument,
    Regime,
    RelevantAgency,
    ReviewSchedule,
    Scope,
    Scrutineer,
    SectorRepresentation,
    Source,
    StatutoryRole,
    Succession,
    SuccessionKind,
    SupportInKind,
    Training,
    YearlyReport,
)

NASTY = (
    'The "Quoted" Board',
    "O'Brien & Sons <Trust>",
    "Group [A] {B} (C)",
    "Back\\slash\\group",
    "Line one\nLine two",
    "Ynys Wyth – Bwrdd",
    "Ηνωμένη Ομάδα",
    "Группа защиты",
    "子ども保護委員会",
    "<script>alert(1)</script>",
    "a | b ; c # d",
    "-->> ;; ]] end",
    "*bold* _it_ `code`",
    "yes",
    "2024",
    "null",
    "  padded  ",
)

_letters = st.characters(codec="utf-8", exclude_categories=("Cs",))


@functools.cache
def names() -> st.SearchStrategy[str]:
    """Non-blank text, often with characters that need escaping."""
    plain = st.text(_letters, min_size=1, max_size=30).filter(lambda s: s.strip() != "")
    return st.one_of(st.sampled_from(NASTY), plain)


@functools.cache
def partial_dates() -> st.SearchStrategy[PartialDate]:
    """Dates given to the year, the month or the day."""
    return st.builds(
        lambda y, m, d, precision: PartialDate(
            year=y,
            month=m if precision > 0 else None,
            day=d if precision > 1 else None,
        ),
        st.integers(1990, 2040),
        st.integers(1, 12),
        st.integers(1, 28),
        st.integers(0, 2),
    )


def _ranged(first: PartialDate, second: PartialDate) -> PartialDate:
    """A range from the earlier of two plain dates to the other."""
    low, high = sorted((first, second), key=lambda d: (d.first_day(), d.last_day()))
    return PartialDate(year=low.year, month=low.month, day=low.day, until=high)


def _bounded(date: PartialDate, bound: Bound) -> PartialDate:
    return PartialDate(year=date.year, month=date.month, day=date.day, bound=bound)


@functools.cache
def dates() -> st.SearchStrategy[PartialDate]:
    """Dates as precise as a source gives them: a plain year, month or day, a bound
    (``by``, ``before`` or ``after`` a plain date) or a range between two plain dates."""
    plain = partial_dates()
    return st.one_of(
        plain,
        st.builds(_bounded, plain, _enum(Bound)),
        st.builds(_ranged, plain, plain),
    )


@functools.cache
def items(max_size: int = 3, depth: int = 1) -> st.SearchStrategy[tuple[Item, ...]]:
    leaf = st.builds(Item, text=names())
    if depth > 0:
        node = st.one_of(leaf, st.builds(Item, text=names(), points=items(2, depth - 1)))
    else:
        node = leaf
    return st.lists(node, max_size=max_size).map(tuple)


@functools.cache
def _enum(values: Any) -> st.SearchStrategy[Any]:
    return st.sampled_from(values)


@functools.cache
def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def _pick(draw: st.DrawFn, ids: list[str]) -> str | None:
    return draw(st.sampled_from(ids)) if ids else None


def _maybe_pick(draw: st.DrawFn, ids: list[str]) -> str | None:
    return None if not ids or draw(st.booleans()) else draw(st.sampled_from(ids))


def _some(draw: st.DrawFn, ids: list[str], max_size: int = 3) -> tuple[str, ...]:
    if not ids:
        return ()
    return tuple(draw(st.lists(st.sampled_from(ids), max_size=max_size, unique=True)))


def _lines(draw: st.DrawFn, bodies: list[str]) -> tuple[Line, ...]:
    """Reporting or escalation lines, each to a different body, dated or planned."""
    targets = draw(st.lists(st.sampled_from(bodies), max_size=2, unique=True))
    return tuple(
        Line(
            to=to,
            cadence=draw(_maybe(_enum(Cadence))),
            text=draw(_maybe(names())),
            **_dated_or_planned(draw),
        )
        for to in targets
    )


def _leads(draw: st.DrawFn, org_ids: list[str], posts: list[Post]) -> tuple[LeadPartner, ...]:
    """Lead partners; a role may repeat (an area with two councils); a lead partner's
    post, when given, belongs to its organisation."""
    leads = []
    for role in draw(st.lists(_enum(StatutoryRole), max_size=4)):
        organisation = draw(st.sampled_from(org_ids))
        own = [p.id for p in posts if p.organisation == organisation]
        leads.append(
            LeadPartner(
                role=role,
                organisation=organisation,
                post=_maybe_pick(draw, own),
                text=draw(_maybe(names())),
                **_dates(draw),
            )
        )
    return tuple(leads)


def _delegated(
    draw: st.DrawFn, leads: tuple[LeadPartner, ...], post_ids: list[str]
) -> tuple[DelegatedPartner, ...]:
    """Delegated partners acting for roles that lead partners hold, naming which lead
    partner's organisation whenever a role is shared."""
    by_role: dict[StatutoryRole, list[str]] = {}
    for lead in leads:
        by_role.setdefault(lead.role, []).append(lead.organisation)
    if not by_role:
        return ()
    roles = sorted(by_role, key=lambda role: role.value)
    found = []
    for post in _some(draw, post_ids, 4):
        role = draw(st.sampled_from(roles))
        organisations = sorted(set(by_role[role]))
        organisation = (
            draw(st.sampled_from(organisations))
            if len(by_role[role]) > 1
            else _maybe_pick(draw, organisations)
        )
        found.append(
            DelegatedPartner(post=post, acts_for=role, organisation=organisation, **_dates(draw))
        )
    return tuple(found)


def _dates(draw: st.DrawFn, planned: bool = False) -> dict[str, PartialDate | None]:
    """A ``start`` and an ``end``, either unknown; the end is never before the start
    (two dates in the wrong order are swapped, which always puts them right), and a
    planned entry has no end (its start is the planned date)."""
    start = draw(_maybe(dates()))
    end = None if planned else draw(_maybe(dates()))
    if start and end and end.last_day() < start.first_day():
        start, end = end, start
    return {"start": start, "end": end}


def _dated_or_planned(draw: st.DrawFn) -> dict[str, Any]:
    """``start``, ``end`` and ``planned`` for an entry that may be planned."""
    planned = draw(st.booleans())
    return {"planned": planned, **_dates(draw, planned)}


def _former_names(draw: st.DrawFn) -> tuple[FormerName, ...]:
    """Names an entity went by before, newest first: plain, or with dates and words."""
    found = []
    for _ in range(draw(st.integers(0, 2))):
        if draw(st.booleans()):
            found.append(FormerName(name=draw(names())))
            continue
        found.append(
            FormerName(
                name=draw(names()),
                short_name=draw(_maybe(names())),
                text=draw(_maybe(names())),
                **_dates(draw),
            )
        )
    return tuple(found)


def _predecessors(
    draw: st.DrawFn, own: str, bodies: list[str], deciders: list[str]
) -> tuple[Succession, ...]:
    """What a body followed: other bodies of the dataset (never itself), each with how,
    and where known when, who decided it (a body or a post) and the source's words."""
    others = [body for body in bodies if body != own]
    return tuple(
        Succession(
            of=of,
            how=draw(_enum(SuccessionKind)),
            date=draw(_maybe(dates())),
            decided_by=_maybe_pick(draw, deciders),
            text=draw(_maybe(names())),
        )
        for of in _some(draw, others, 2)
    )


def _regimes(draw: st.DrawFn) -> tuple[Regime, ...]:
    """The statutory regimes arrangements follow: none stated, or up to three, each
    plain or with dates and words."""
    found = []
    for instrument in draw(st.lists(_enum(Instrument), max_size=3, unique=True)):
        if draw(st.booleans()):
            found.append(Regime(instrument=instrument))
        else:
            found.append(Regime(instrument=instrument, text=draw(_maybe(names())), **_dates(draw)))
    return tuple(found)


def _yearly_reports(
    draw: st.DrawFn, presenters: list[str], audiences: list[str]
) -> tuple[PublishedReport, ...]:
    """Yearly reports as published: a period of any shape, when published, who
    presented it (a post, group or organisation) to whom, and where it was sent."""
    return tuple(
        PublishedReport(
            period=draw(dates()),
            title=draw(_maybe(names())),
            published=draw(_maybe(dates())),
            presented_by=_maybe_pick(draw, presenters),
            presented_to=_some(draw, audiences, 2),
            sent_to=_some(draw, audiences, 2),
            text=draw(_maybe(names())),
        )
        for _ in range(draw(st.integers(0, 2)))
    )


@st.composite
def datasets(
    draw: st.DrawFn,
    max_organisations: int = 8,
    max_people: int = 6,
    max_posts: int = 8,
    max_partnerships: int = 2,
    max_groups: int = 5,
) -> Dataset:
    """A valid dataset whose references all resolve."""
    n_orgs = draw(st.integers(1, max_organisations))
    org_ids = [f"org-{i}" for i in range(n_orgs)]
    person_ids = [f"person-{i}" for i in range(draw(st.integers(0, max_people)))]
    post_ids = [f"post-{i}" for i in range(draw(st.integers(1, max_posts)))]
    n_partnerships = draw(st.integers(1, max_partnerships))
    partnership_ids = [f"partnership-{i}" for i in range(n_partnerships)]
    collaboration_ids = [f"collaboration-{i}" for i in range(draw(st.integers(0, 1)))]
    group_ids_of = {
        owner: [f"{owner}-group-{j}" for j in range(draw(st.integers(0, max_groups)))]
        for owner in partnership_ids + collaboration_ids
    }
    all_groups = [g for ids in group_ids_of.values() for g in ids]
    bodies = all_groups + partnership_ids + collaboration_ids + org_ids
    deciders = bodies + post_ids

    organisations = []
    for i, oid in enumerate(org_ids):
        parent = _maybe_pick(draw, org_ids[:i]) if i else None
        organisations.append(
            Organisation(
                id=oid,
                name=draw(names()),
                kind=draw(_enum(OrganisationKind)),
                short_name=draw(_maybe(names())),
                parent=parent,
                former_names=_former_names(draw),
                predecessors=_predecessors(draw, oid, bodies, deciders),
                note=draw(_maybe(names())),
                **_dates(draw),
            )
        )
    people = [Person(id=pid, name=draw(names())) for pid in person_ids]
    posts = []
    for pid in post_ids:
        independent = draw(st.booleans())
        holder = _maybe_pick(draw, person_ids) if person_ids else None
        known_on = draw(_maybe(dates())) if holder is not None else None
        posts.append(
            Post(
                id=pid,
                title=draw(names()),
                organisation=None if independent else _pick(draw, org_ids),
                holder=holder,
                vacant=holder is None and draw(st.booleans()),
                acting=holder is not None and draw(st.booleans()),
                independent=independent,
                known_on=known_on,
                # a tenure known only from a document's date has no start or end
                **({} if known_on is not None else _dates(draw)),
            )
        )

    def group(gid: str, siblings: list[str]) -> Group:
        chairs = []
        for _ in range(draw(st.integers(0, 2))):
            choice = draw(st.integers(0, 3))
            chairs.append(
                Chair(
                    role=draw(_enum(ChairRole)),
                    post=_pick(draw, post_ids) if choice == 0 else None,
                    partnership_chair=choice == 1,
                    nominated_by=_pick(draw, all_groups) if choice == 2 else None,
                    rotates_among=_some(draw, org_ids) or (org_ids[0],) if choice == 3 else (),
                    text=draw(_maybe(names())),
                    **_dated_or_planned(draw),
                )
            )
        members = []
        for _ in range(draw(st.integers(0, 4))):
            choice = draw(st.integers(0, 4))
            role = draw(_enum(PartnershipRole)) if choice == 3 else None
            by_partner = role in (
                PartnershipRole.LEAD_SAFEGUARDING_PARTNERS,
                PartnershipRole.DELEGATED_SAFEGUARDING_PARTNERS,
            )
            members.append(
                Member(
                    post=_pick(draw, post_ids) if choice == 0 else None,
                    organisation=_pick(draw, org_ids) if choice == 1 else None,
                    chair_of=(_some(draw, all_groups) or (gid,)) if choice == 2 else (),
                    role=role,
                    # the holders for one statutory partner
                    acts_for=draw(_maybe(_enum(StatutoryRole))) if by_partner else None,
                    text=draw(names()) if choice == 4 else draw(_maybe(names())),
                    capacity=draw(_enum(MemberCapacity)),
                    **_dated_or_planned(draw),
                )
            )

        def lines() -> tuple[Line, ...]:  # to any body but the group itself
            return _lines(draw, [body for body in bodies if body != gid])

        others = siblings[: siblings.index(gid)]  # an earlier group: parents form no circle
        return Group(
            id=gid,
            name=draw(names()),
            kind=draw(_enum(GroupKind)),
            short_name=draw(_maybe(names())),
            parent=_maybe_pick(draw, others) if others else None,
            joint_with=_some(draw, org_ids + partnership_ids, 2),
            description=draw(_maybe(names())),
            chairs=tuple(chairs),
            members=tuple(members),
            meets=draw(_maybe(_enum(Cadence))),
            decision_rule=draw(
                _maybe(
                    st.builds(
                        DecisionRule,
                        method=_enum(DecisionMethod),
                        fallback=_maybe(_enum(DecisionMethod)),
                        voters=_maybe(_enum(PartnershipRole)),
                        text=_maybe(names()),
                    )
                )
            ),
            objectives=draw(items()),
            responsibilities=draw(items()),
            reports_to=lines(),
            escalates_to=lines(),
            predecessors=_predecessors(draw, gid, bodies, deciders),
            **_dated_or_planned(draw),
        )

    council_ids = [o.id for o in organisations if o.kind is OrganisationKind.LOCAL_AUTHORITY]
    partnerships = []
    for pid in partnership_ids:
        leads = _leads(draw, org_ids, posts)
        groups = tuple(group(g, group_ids_of[pid]) for g in group_ids_of[pid])
        own_groups = group_ids_of[pid]
        partnerships.append(
            Partnership(
                id=pid,
                name=draw(names()),
                short_name=draw(_maybe(names())),
                former_names=_former_names(draw),
                regimes=_regimes(draw),
                scope=draw(_enum(Scope)),
                effective=draw(_maybe(dates())),
                predecessors=_predecessors(draw, pid, bodies, deciders),
                **_dates(draw),
                source=draw(
                    _maybe(st.builds(Source, title=names(), published=_maybe(partial_dates())))
                ),
                area=draw(
                    _maybe(
                        st.builds(
                            Area,
                            text=names(),
                            local_authorities=st.just(_some(draw, council_ids, 2)),
                            youth_custody_facilities=_maybe(
                                st.lists(names(), max_size=2).map(tuple)
                            ),
                        )
                    )
                ),
                lead_partners=leads,
                delegated_partners=_delegated(draw, leads, post_ids),
                chairs=tuple(
                    Chair(post=post, role=draw(_enum(ChairRole)), **_dated_or_planned(draw))
                    for post in _some(draw, post_ids, 2)
                ),
                scrutineers=tuple(
                    Scrutineer(post=post, functions=draw(items(2, 0)), **_dates(draw))
                    for post in _some(draw, post_ids, 1)
                ),
                aims=draw(items()),
                thresholds=draw(
                    _maybe(st.builds(ReferencedDocument, title=names(), text=_maybe(names())))
                ),
                relevant_agencies=tuple(
                    RelevantAgency(
                        organisation=o, footnote=draw(_maybe(names())), **_dated_or_planned(draw)
                    )
                    for o in _some(draw, org_ids, 6)
                ),
                sector_representation=tuple(
                    SectorRepresentation(
                        sector=o,
                        text=draw(names()),
                        via=_pick(draw, org_ids),
                        groups=_some(draw, own_groups, 2),
                    )
                    for o in _some(draw, org_ids, 2)
                ),
                observers=tuple(
                    Observer(post=p, text=draw(_maybe(names()))) for p in _some(draw, post_ids, 1)
                ),
                functional_links=tuple(
                    FunctionalLink(organisation=o, text=draw(_maybe(names())))
                    for o in _some(draw, org_ids, 4)
                ),
                groups=groups,
                escalates_to=_lines(draw, bodies),
                yearly_report=draw(
                    _maybe(st.builds(YearlyReport, contents=items(), text=_maybe(names())))
                ),
                yearly_reports=_yearly_reports(
                    draw, post_ids + all_groups + org_ids, bodies + post_ids
                ),
                review=draw(
                    _maybe(
                        st.builds(
                            ReviewSchedule,
                            reviews=st.lists(partial_dates(), max_size=2).map(tuple),
                            then_every_years=_maybe(st.integers(1, 5)),
                        )
                    )
                ),
                funding=draw(
                    _maybe(
                        st.builds(
                            Funding,
                            text=_maybe(names()),
                            support_in_kind=st.just(
                                tuple(
                                    SupportInKind(
                                        organisation=o,
                                        provides=tuple(draw(st.lists(names(), max_size=2))),
                                    )
                                    for o in _some(draw, org_ids, 1)
                                )
                            ),
                        )
                    )
                ),
                training=draw(
                    _maybe(st.builds(Training, elements=items(), charging=_maybe(names())))
                ),
                procedures=draw(
                    _maybe(
                        st.builds(
                            Procedures,
                            name=names(),
                            collaboration=st.just(_pick(draw, collaboration_ids)),
                            areas=items(),
                        )
                    )
                ),
                contact=draw(_maybe(names())),
            )
        )
    collaborations = [
        Collaboration(
            id=cid,
            name=draw(names()),
            short_name=draw(_maybe(names())),
            members=_some(draw, partnership_ids + org_ids, 4),
            former_names=_former_names(draw),
            description=draw(_maybe(names())),
            outcomes=draw(items()),
            groups=tuple(group(g, group_ids_of[cid]) for g in group_ids_of[cid]),
            predecessors=_predecessors(draw, cid, bodies, deciders),
            **_dates(draw),
        )
        for cid in collaboration_ids
    ]
    return Dataset(
        organisations=tuple(organisations),
        people=tuple(people),
        posts=tuple(posts),
        partnerships=tuple(partnerships),
        collaborations=tuple(collaborations),
    )


# --- issue 10: every fact the format gained ---------------------------------------------
# (The model's new classes are imported where they are used, so that this section is
# added to the file without touching the imports above, which other work shares.)


def _rich_line(draw: st.DrawFn, cls: Any, targets: list[str], escalation: bool, **by: str) -> Any:
    """A line (or, with ``by``, a reporting line) to one of ``targets`` with what issue
    10 added: a meaning (an escalation route never another meaning, a reporting line
    never an escalation), alternatives, cadence in words, condition and subject."""
    from safeguarding_model.model import LineKind

    to = draw(st.sampled_from(targets))
    others = [t for t in targets if t != to]
    via = _some(draw, others, 2)
    known = [kind for kind in LineKind if kind is not LineKind.ESCALATES_TO]
    kinds = [None, LineKind.ESCALATES_TO] if escalation else [None, *known]
    if escalation is False and not by:
        kinds = [k for k in kinds if k is not LineKind.ESCALATES_TO]
    return cls(
        to=to,
        alternatives=_some(draw, [t for t in others if t not in via], 2),
        kind=draw(st.sampled_from(kinds)),
        cadence=draw(_maybe(_enum(Cadence))),
        cadence_text=draw(_maybe(names())),
        condition=draw(_maybe(names())),
        via=via,
        subject=draw(_maybe(names())),
        text=draw(_maybe(names())),
        **_dated_or_planned(draw),
        **by,
    )


def _rich_chair(
    draw: st.DrawFn,
    org_ids: list[str],
    post_ids: list[str],
    person_ids: list[str],
    deciders: list[str],
) -> Chair:
    """A chair of any kind the format now takes: a person, an organisation only, one of
    a partnership role (perhaps in turn), a rotation (perhaps in order, with its period),
    a nominated chair, or words only."""
    choice = draw(st.integers(0, 5 if person_ids else 4))
    period = draw(_maybe(names()))
    common: dict[str, Any] = {
        "role": draw(_enum(ChairRole)),
        "text": draw(_maybe(names())),
        **_dated_or_planned(draw),
    }
    if common["start"] is None and common["end"] is None:  # known only from a document
        common["known_on"] = draw(_maybe(dates()))
    if choice == 0:
        return Chair(organisation=draw(st.sampled_from(org_ids)), **common)
    if choice == 1:
        rotates = draw(st.booleans())
        return Chair(
            one_of=draw(_enum(PartnershipRole)),
            rotates=rotates,
            rotation_period=period if rotates else None,
            **common,
        )
    if choice == 2:
        among = _some(draw, org_ids + post_ids, 3) or (org_ids[0],)
        return Chair(
            rotates_among=among,
            rotation_period=period,
            rotation_in_order=draw(st.booleans()),
            **common,
        )
    if choice == 3:
        return Chair(nominated_by=draw(st.sampled_from(deciders)), **common)
    if choice == 4:
        return Chair(**{**common, "text": draw(names())})
    return Chair(person=draw(st.sampled_from(person_ids)), **common)


def _rich_partial(draw: st.DrawFn, entity: Any) -> tuple[Any, ...]:
    """Partial lists: some of the entity's list fields, each once, perhaps with a count."""
    from safeguarding_model.model import PartialList
    from safeguarding_model.model.values import _list_fields

    fields = draw(st.lists(st.sampled_from(_list_fields(type(entity))), max_size=2, unique=True))
    return tuple(
        PartialList(
            field=field,
            further=draw(_maybe(st.integers(1, 20))),
            text=draw(_maybe(names())),
        )
        for field in fields
    )


def _in_part(draw: st.DrawFn, entry: Any) -> Any:
    """``entry`` (a duty, a scrutiny mechanism, a document...) with some of its own lists
    given only in part, now and then."""
    import attrs

    return attrs.evolve(entry, partial=_rich_partial(draw, entry)) if draw(st.booleans()) else entry


def _items_in_part(draw: st.DrawFn, found: tuple[Item, ...]) -> tuple[Item, ...]:
    """Items, some of whose points the source gives only in part."""
    return tuple(_in_part(draw, item) for item in found)


def _statement(draw: st.DrawFn) -> Item | None:
    """A vision or purpose: None, text alone, or text with points (perhaps in part)."""
    if draw(st.booleans()):
        return None
    points = _items_in_part(draw, draw(items(3, 0)))
    return _in_part(draw, Item(text=draw(names()), points=points))


def _rich_funding(
    draw: st.DrawFn,
    p: Partnership,
    org_ids: list[str],
    bodies: list[str],
    post_ids: list[str],
    group_ids: list[str],
) -> Any:
    """Funding with contributions (some paid on behalf of other organisations), a body
    that hosts the budget, a budget shared with other bodies and split among them, and
    its lists perhaps given in part."""
    import attrs

    from safeguarding_model.model import BudgetShare, Contribution, Funding

    contributions = []
    for organisation in _some(draw, org_ids, 3):
        others = [o for o in org_ids if o != organisation]
        contributions.append(
            Contribution(
                organisation=organisation,
                amount=draw(_maybe(st.integers(0, 10**9))),
                percent=draw(_maybe(st.floats(0, 100, allow_nan=False))),
                in_kind=tuple(draw(st.lists(names(), max_size=2))),
                on_behalf_of=_some(draw, others, 2),
                period=draw(_maybe(dates())),
                text=draw(_maybe(names())),
            )
        )
    shared = _some(draw, org_ids, 2)
    sharing = [p.id, *shared] if shared else []
    split = tuple(
        BudgetShare(
            body=body,
            amount=draw(_maybe(st.integers(0, 10**7))),
            percent=draw(_maybe(st.floats(0, 100, allow_nan=False))),
            text=draw(_maybe(names())),
        )
        for body in _some(draw, sharing, 3)
    )
    funding = attrs.evolve(
        p.funding or Funding(),
        rule=draw(_maybe(names())),
        contributions=tuple(contributions),
        agreed_by=_some(draw, bodies + post_ids, 2),
        agreed_by_role=draw(_maybe(_enum(PartnershipRole))),
        agreed_every=draw(_maybe(names())),
        hosted_by=_maybe_pick(draw, [*org_ids, *group_ids]),
        shared_with=shared,
        split=split,
    )
    return _in_part(draw, funding)


def _rich_unstated(draw: st.DrawFn, entity: Any) -> tuple[Any, ...]:
    """Fields the source does not give for a period (a start, an end or both)."""
    from safeguarding_model.model import UnstatedPeriod
    from safeguarding_model.model.values import optional_fields

    fields = optional_fields(type(entity))
    found = []
    for field in draw(st.lists(st.sampled_from(fields), max_size=2, unique=True)):
        dated = _dates(draw)
        if dated["start"] is None and dated["end"] is None:
            dated["start"] = draw(partial_dates())
        found.append(UnstatedPeriod(field=field, text=draw(_maybe(names())), **dated))
    return tuple(found)


def _rich_some(draw: st.DrawFn) -> tuple[Member, ...]:
    """Perhaps a member entry naming only some of a role's holders."""
    if not draw(st.booleans()):
        return ()
    return (
        Member(
            role=draw(_enum(PartnershipRole)),
            some=True,
            text=draw(_maybe(names())),
            capacity=draw(_enum(MemberCapacity)),
            **_dated_or_planned(draw),
        ),
    )


@st.composite
def rich_datasets(draw: st.DrawFn, **sizes: int) -> Dataset:
    """A valid dataset (:func:`datasets`, ``sizes`` passed on) that also uses every fact
    issue 10 added to the format: chairs of every kind (known on a date too), line
    meanings (the unstated one too), alternatives, routes via other bodies, conditions,
    subjects and cadences in words, lines from other bodies, a leadership group, the
    partnership's own members and meetings, members that are some of a role, sources
    with addresses, lead partners acting through a part of themselves, duties of a post,
    recipients of events, review dates of documents, scrutiny mechanisms, vision, purpose, values and principles, duties,
    recurring events, approval, funding contributions and rule, groups' footprint, scope
    and end, collective, owned and service-delivering organisations, elected posts that
    chair outside bodies, governed documents, partial lists and unstated periods; and
    the known unknowns: lead partners known by their role only, delegated partners whose
    post is not stated, a vision or purpose with points, lists given in part inside
    entries (an item's points, a duty's items, a mechanism's inputs, the funding's
    contributions, a document's items), funding hosted by another body, paid on behalf
    of others or shared with another board, and collaborations without a name.
    Every reference resolves, so it loads and dumps like any file."""
    import attrs

    from safeguarding_model.model import (
        Approval,
        DocumentKind,
        Duty,
        EventKind,
        GovernedDocument,
        RecurringEvent,
        ReportingLine,
        ScrutinyKind,
        ScrutinyMechanism,
    )

    base = draw(datasets(**sizes))
    org_ids = [o.id for o in base.organisations]
    post_ids = [p.id for p in base.posts]
    person_ids = [p.id for p in base.people]
    owners = [*base.partnerships, *base.collaborations]
    group_ids = [g.id for _, g in base.groups()]
    bodies = [*group_ids, *(o.id for o in owners), *org_ids]
    deciders = group_ids + org_ids

    organisations = []
    for o in base.organisations:
        others = [key for key in org_ids if key != o.id]
        collective = draw(st.booleans())
        organisations.append(
            attrs.evolve(
                o,
                owned_by=_some(draw, others, 2),
                delivers_for=_some(draw, others, 2),
                collective=collective,
                count=draw(_maybe(st.integers(2, 40))) if collective else None,
            )
        )
    posts = [
        attrs.evolve(p, elected=draw(st.booleans()), also_chairs=_some(draw, org_ids, 2))
        for p in base.posts
    ]

    def group(g: Group) -> Group:
        targets = [b for b in bodies + post_ids if b != g.id]
        reports = []
        for _ in range(draw(st.integers(0, 2))):
            line = _rich_line(draw, Line, targets, escalation=False)
            if all(line.to != r.to for r in (*g.reports_to, *reports)):
                reports.append(line)
        escalations = []
        for _ in range(draw(st.integers(0, 1))):
            line = _rich_line(draw, Line, targets, escalation=True)
            if all(line.to != r.to for r in g.escalates_to):
                escalations.append(line)
        changed = attrs.evolve(
            g,
            kind=GroupKind.LEADERSHIP_GROUP if draw(st.integers(0, 4)) == 0 else g.kind,
            chairs=(
                *g.chairs,
                *(
                    _rich_chair(draw, org_ids, post_ids, person_ids, deciders)
                    for _ in range(draw(st.integers(0, 2)))
                ),
            ),
            meets_text=draw(_maybe(names())),
            covers=_some(draw, org_ids, 2),
            scope=draw(_maybe(_enum(Scope))),
            ends_when=None if g.planned else draw(_maybe(names())),
            reports_to=(*g.reports_to, *reports),
            escalates_to=(*g.escalates_to, *escalations),
            members=(*g.members, *_rich_some(draw)),
        )
        return attrs.evolve(
            changed,
            partial=_rich_partial(draw, changed),
            not_stated_for=_rich_unstated(draw, changed),
        )

    def given_lines() -> tuple[Any, ...]:
        found = []
        for _ in range(draw(st.integers(0, 2))):
            by = draw(st.sampled_from(bodies + post_ids))
            targets = [b for b in bodies + post_ids if b != by]
            found.append(_rich_line(draw, ReportingLine, targets, escalation=False, by=by))
        return tuple(found)

    partnerships = []
    for p in base.partnerships:
        reports_to = []
        for _ in range(draw(st.integers(0, 2))):
            line = _rich_line(draw, Line, [b for b in bodies if b != p.id], escalation=False)
            if all(line.to != r.to for r in reports_to):
                reports_to.append(line)
        performers = bodies + post_ids + person_ids
        leads = tuple(
            attrs.evolve(
                lead,
                through=_maybe_pick(draw, [o for o in org_ids if o != lead.organisation]),
            )
            for lead in p.lead_partners
        )
        delegated = p.delegated_partners
        free = [role for role in StatutoryRole if role not in {lead.role for lead in leads}]
        if free and draw(st.booleans()):  # a lead partner the document gives by its role only
            role = draw(st.sampled_from(free))
            unnamed = LeadPartner(role=role, text=draw(_maybe(names())), **_dates(draw))
            leads = (*leads, unnamed)
            if draw(st.booleans()):  # a delegated partner whose post is not stated
                stated = DelegatedPartner(acts_for=role, text=draw(_maybe(names())))
                delegated = (*delegated, stated)
        own_members = tuple(
            Member(post=post, text=draw(_maybe(names())), **_dated_or_planned(draw))
            for post in _some(draw, post_ids, 2)
        )
        meets = draw(_maybe(_enum(Cadence)))
        changed = attrs.evolve(
            p,
            lead_partners=leads,
            delegated_partners=delegated,
            members=(*own_members, *_rich_some(draw)),
            meets=meets,
            meets_text=None if meets else draw(_maybe(names())),
            sources=tuple(
                Source(
                    title=draw(names()),
                    published=draw(_maybe(partial_dates())),
                    url=draw(_maybe(st.sampled_from(["https://example.org/a?b=c&d", "x y"]))),
                )
                for _ in range(draw(st.integers(0, 2)))
            ),
            chairs=(
                *p.chairs,
                *(
                    _rich_chair(draw, org_ids, post_ids, person_ids, deciders)
                    for _ in range(draw(st.integers(0, 2)))
                ),
            ),
            scrutiny=tuple(
                _in_part(
                    draw,
                    ScrutinyMechanism(
                        kind=draw(_enum(ScrutinyKind)),
                        name=draw(_maybe(names())),
                        by=_some(draw, performers, 2),
                        by_role=draw(_maybe(_enum(PartnershipRole))),
                        inputs=_items_in_part(draw, draw(items())),
                        text=draw(_maybe(names())),
                        **_dates(draw),
                    ),
                )
                for _ in range(draw(st.integers(0, 3)))
            ),
            vision=draw(_maybe(names())) if draw(st.booleans()) else _statement(draw),
            purpose=draw(_maybe(names())) if draw(st.booleans()) else _statement(draw),
            values=draw(items()),
            principles=draw(items()),
            groups=tuple(group(g) for g in p.groups),
            reports_to=tuple(reports_to),
            lines=given_lines(),
            duties=tuple(
                _in_part(
                    draw,
                    Duty(of=draw(_enum(PartnershipRole)), items=draw(items(3, 1).filter(bool))),
                )
                if draw(st.booleans())
                else Duty(post=draw(st.sampled_from(post_ids)), text=draw(names()))
                for _ in range(draw(st.integers(0, 2)))
            ),
            events=tuple(
                RecurringEvent(
                    name=draw(names()),
                    kind=draw(_enum(EventKind)),
                    every=draw(_maybe(_enum(Cadence))),
                    every_text=draw(_maybe(names())),
                    by=_some(draw, bodies + post_ids, 2),
                    to=_some(draw, bodies + post_ids, 2),
                    text=draw(_maybe(names())),
                    **_dates(draw),
                )
                for _ in range(draw(st.integers(0, 2)))
            ),
            approval=draw(
                _maybe(
                    st.builds(
                        Approval,
                        by=st.just(_some(draw, performers, 3)),
                        by_role=_maybe(_enum(PartnershipRole)),
                        date=_maybe(dates()),
                        instrument=_maybe(names()),
                        text=_maybe(names()),
                    )
                )
            ),
            funding=_rich_funding(draw, p, org_ids, bodies, post_ids, group_ids)
            if draw(st.booleans())
            else p.funding,
        )
        partnerships.append(
            attrs.evolve(
                changed,
                partial=_rich_partial(draw, changed),
                not_stated_for=_rich_unstated(draw, changed),
            )
        )
    collaborations = []
    for c in base.collaborations:
        if draw(st.integers(0, 3)) == 0:  # one the document mentions without naming it
            c = attrs.evolve(
                c, name=None, short_name=None, former_names=(), description=draw(names())
            )
        changed = attrs.evolve(
            c,
            areas=_some(draw, org_ids, 3),
            purpose=draw(_maybe(names())) if draw(st.booleans()) else _statement(draw),
            principles=draw(items()),
            groups=tuple(group(g) for g in c.groups),
            lines=given_lines(),
        )
        collaborations.append(attrs.evolve(changed, partial=_rich_partial(draw, changed)))
    documents: list[Any] = []
    owner_ids = [o.id for o in owners] + group_ids
    for number in range(draw(st.integers(0, 3))):
        planned = draw(st.booleans())
        documents.append(
            _in_part(
                draw,
                GovernedDocument(
                    id=f"document-{number}",
                    title=draw(names()),
                    kind=draw(_enum(DocumentKind)),
                    owner=draw(st.sampled_from(owner_ids)),
                    monitored_by=_some(draw, bodies + post_ids, 2),
                    delivered_by=_some(draw, bodies + post_ids, 2),
                    delivers=_maybe_pick(draw, [d.id for d in documents]),
                    period=draw(_maybe(dates())),
                    reviewed=draw(_maybe(dates())),
                    next_review=draw(_maybe(dates())),
                    items=draw(items()),
                    text=draw(_maybe(names())),
                    planned=planned,
                    **_dates(draw, planned),
                ),
            )
        )
    return attrs.evolve(
        base,
        organisations=tuple(organisations),
        posts=tuple(posts),
        partnerships=tuple(partnerships),
        collaborations=tuple(collaborations),
        documents=tuple(documents),
    )


# --- business plans -------------------------------------------------------------------

PLAN_YEARS = (
    PartialDate.from_string("2020 to 2021"),
    PartialDate.from_string("2021 to 2022"),
    PartialDate.from_string("2021-04 to 2022-03"),
    None,
)
"""Reporting years as plans write them: two that differ only as written, and none."""

PLAN_GROUPS = ("g0", "g1", "g2")
PLAN_OWNERS = (*PLAN_GROUPS, "council", "council-services", "dcs", "services-head")
"""Who can own an objective or an action in :func:`plan_datasets`: groups, an
organisation and a part of it, and a post in each (the first held by a person)."""

PLAN_PARTNERS = ("q", "region", "council")
"""Whom an objective can be run with: a partnership, a collaboration, an organisation."""


@st.composite
def plan_datasets(draw: st.DrawFn) -> Dataset:
    """A partnership ``p`` with three groups (any of them dated), a neighbour ``q``, a
    collaboration ``region`` of both, a council with a part and two posts (one held by
    ``jo``), and a plan of ``p`` (sometimes a plan of ``q`` too): objectives of either
    part, owned by none (their owners not stated, or not given), one or two of
    :data:`PLAN_OWNERS`, run with none or some of :data:`PLAN_PARTNERS`, with actions
    of :data:`PLAN_YEARS`, each with a state or none, and sometimes owners of its own.
    Every reference resolves."""
    groups = tuple(
        Group(
            id=key,
            name=draw(names()),
            kind=GroupKind.TASK_AND_FINISH_GROUP,
            **(_dates(draw) if draw(st.booleans()) else {}),
        )
        for key in PLAN_GROUPS
    )

    def objectives(prefix: str) -> tuple[Objective, ...]:
        found = []
        for number in range(draw(st.integers(1, 5))):
            owners = tuple(draw(st.lists(st.sampled_from(PLAN_OWNERS), max_size=2, unique=True)))
            unstated = ("owners",) if not owners and draw(st.booleans()) else ()
            actions = []
            for _ in range(draw(st.integers(0, 4))):
                state = draw(st.one_of(st.none(), st.sampled_from(ActionState)))
                actions.append(
                    Action(
                        text=draw(names()),
                        year=draw(st.sampled_from(PLAN_YEARS)),
                        state=state,
                        evidence=draw(_maybe(names())) if state is not None else None,
                        points=draw(items(2, 0)),
                        owners=tuple(
                            draw(st.lists(st.sampled_from(PLAN_OWNERS), max_size=2, unique=True))
                        )
                        if draw(st.integers(0, 3)) == 0
                        else (),
                    )
                )
            found.append(
                Objective(
                    id=f"{prefix}-o{number}",
                    title=draw(names()),
                    part=draw(st.sampled_from(PlanPart)),
                    owners=owners,
                    joint_with=tuple(
                        draw(st.lists(st.sampled_from(PLAN_PARTNERS), max_size=2, unique=True))
                    ),
                    not_stated=unstated,
                    actions=tuple(actions),
                    description=draw(_maybe(names())),
                )
            )
        return tuple(found)

    plans = [
        Plan(
            id="plan",
            title=draw(names()),
            partnership="p",
            period=draw(_maybe(dates())),
            objectives=objectives("p"),
        )
    ]
    if draw(st.booleans()):
        plans.append(
            Plan(id="q-plan", title=draw(names()), partnership="q", objectives=objectives("q"))
        )
    return Dataset(
        organisations=(
            Organisation(id="council", name=draw(names()), kind=OrganisationKind.LOCAL_AUTHORITY),
            Organisation(
                id="council-services",
                name=draw(names()),
                kind=OrganisationKind.LOCAL_AUTHORITY,
                parent="council",
            ),
        ),
        people=(Person(id="jo", name=draw(names())),),
        posts=(
            Post(id="dcs", title=draw(names()), organisation="council", holder="jo"),
            Post(id="services-head", title=draw(names()), organisation="council-services"),
        ),
        partnerships=(
            Partnership(id="p", name=draw(names()), groups=groups),
            Partnership(id="q", name=draw(names())),
        ),
        collaborations=(Collaboration(id="region", name=draw(names()), members=("p", "q")),),
        plans=tuple(plans),
    )
