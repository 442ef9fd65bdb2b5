"""Generated datasets with the facts of issue 10 that the graph draws: lines of every
meaning (accountable, for information, advice, escalation) with alternatives,
conditions, subjects and cadences in words; lines from any body (``lines``, ``by``);
a partnership's own ``reports_to``; leadership groups; chairs given as a person, an
agency only, one of a role or a rotation with its period and order; scrutiny
mechanisms, recurring events, approval and funding; organisations owned by or
delivering for others; posts that chair bodies outside; groups' and collaborations'
areas; governed documents.

:func:`richer_datasets` draws a dataset from ``strategies.datasets`` and adds these,
every reference naming an entity of a kind the loader accepts, so a generated dataset
loads back as it is.
"""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import strategies as st

from safeguarding_model.model import (
    Approval,
    Cadence,
    Chair,
    ChairRole,
    Collaboration,
    Contribution,
    Dataset,
    DocumentKind,
    EventKind,
    Funding,
    GovernedDocument,
    Group,
    GroupKind,
    Line,
    LineKind,
    Partnership,
    PartnershipRole,
    RecurringEvent,
    ReportingLine,
    ScrutinyKind,
    ScrutinyMechanism,
)
from strategies import datasets, dates, names

WORDS = st.one_of(st.none(), st.sampled_from(["by exception", "at least three times a year"]))
REPORTING = [None, LineKind.ACCOUNTABLE_TO, LineKind.FOR_INFORMATION, LineKind.ADVISES]
ANY_KIND = [*REPORTING, LineKind.ESCALATES_TO]


def _some(draw: st.DrawFn, ids: list[str], max_size: int = 2) -> tuple[str, ...]:
    if not ids:
        return ()
    return tuple(draw(st.lists(st.sampled_from(ids), max_size=max_size, unique=True)))


def _when(draw: st.DrawFn) -> dict[str, Any]:
    """``start``, ``end`` and ``planned`` of a line: none, a start, or planned."""
    choice = draw(st.integers(0, 3))
    if choice == 1:
        return {"start": draw(dates())}
    if choice == 2:
        return {"planned": True}
    return {}


def _line(
    draw: st.DrawFn, targets: list[str], kinds: list[LineKind | None], by: str | None = None
) -> Line | None:
    """A line to one of ``targets`` (never ``by``), perhaps with alternatives, of one of
    ``kinds``; None when there is nowhere to go."""
    choices = [t for t in targets if t != by]
    if not choices:
        return None
    to = draw(st.sampled_from(choices))
    others = [t for t in choices if t != to]
    fields: dict[str, Any] = {
        "to": to,
        "alternatives": _some(draw, others) if draw(st.booleans()) else (),
        "kind": draw(st.sampled_from(kinds)),
        "cadence": draw(st.one_of(st.none(), st.sampled_from(list(Cadence)))),
        "cadence_text": draw(WORDS),
        "condition": draw(WORDS),
        "subject": draw(st.one_of(st.none(), names())),
        "text": draw(st.one_of(st.none(), names())),
        **_when(draw),
    }
    if by is not None:
        return ReportingLine(by=by, **fields)
    return Line(**fields)


def _lines(
    draw: st.DrawFn, targets: list[str], kinds: list[LineKind | None], own: str, most: int = 2
) -> tuple[Line, ...]:
    """Lines from ``own`` (never to itself), each to a different body, as the loader
    asks of a group's list."""
    found: list[Line] = []
    for _ in range(draw(st.integers(0, most))):
        used = {line.to for line in found}
        line = _line(draw, [t for t in targets if t != own and t not in used], kinds)
        if line is not None:
            found.append(line)
    return tuple(found)


@st.composite
def richer_datasets(draw: st.DrawFn) -> Dataset:
    """A dataset of ``strategies.datasets`` with the facts of issue 10 added (see the
    module), all references resolving to entities of the kinds the loader takes."""
    base = draw(datasets(max_groups=4))
    org_ids = [o.id for o in base.organisations]
    post_ids = [p.id for p in base.posts]
    person_ids = [p.id for p in base.people]
    group_ids = [g.id for _, g in base.groups()]
    partnership_ids = [p.id for p in base.partnerships]
    collaboration_ids = [c.id for c in base.collaborations]
    bodies = group_ids + partnership_ids + collaboration_ids + org_ids
    targets = bodies + post_ids  # what a line can go to, or come from

    organisations = tuple(
        attrs.evolve(
            o,
            owned_by=_some(draw, [x for x in org_ids if x != o.id]),
            delivers_for=_some(draw, [x for x in org_ids if x != o.id]),
        )
        for o in base.organisations
    )
    posts = tuple(
        attrs.evolve(p, elected=draw(st.booleans()), also_chairs=_some(draw, org_ids, 1))
        for p in base.posts
    )

    def chair() -> Chair:
        role = draw(st.sampled_from(list(ChairRole)))
        choice = draw(st.integers(0, 4))
        if choice == 0 and person_ids:
            return Chair(role=role, person=draw(st.sampled_from(person_ids)))
        if choice == 1:
            return Chair(role=role, organisation=draw(st.sampled_from(org_ids)))
        if choice == 2:
            rotates = draw(st.booleans())
            return Chair(
                role=role,
                one_of=draw(st.sampled_from(list(PartnershipRole))),
                rotates=rotates,
                rotation_period=draw(st.sampled_from([None, "annually"])) if rotates else None,
            )
        if choice == 3:
            among = _some(draw, org_ids + post_ids, 3) or (org_ids[0],)
            return Chair(
                role=role,
                rotates_among=among,
                rotation_period=draw(st.sampled_from([None, "every two years"])),
                rotation_in_order=draw(st.booleans()),
            )
        return Chair(role=role, text=draw(names()))  # mentioned, not named

    def group(g: Group) -> Group:
        kind = GroupKind.LEADERSHIP_GROUP if draw(st.integers(0, 4)) == 0 else g.kind
        return attrs.evolve(
            g,
            kind=kind,
            chairs=(*g.chairs, *(chair() for _ in range(draw(st.integers(0, 1))))),
            covers=_some(draw, org_ids),
            reports_to=_lines(draw, targets, REPORTING, g.id),
            escalates_to=_lines(draw, targets, [None, LineKind.ESCALATES_TO], g.id, 1),
        )

    def by_lines(owner: str) -> tuple[ReportingLine, ...]:
        found = []
        for _ in range(draw(st.integers(0, 3))):
            by = draw(st.sampled_from(targets))
            line = _line(draw, targets, ANY_KIND, by)
            if isinstance(line, ReportingLine):
                found.append(line)
        return tuple(found)

    def partnership(p: Partnership) -> Partnership:
        mechanisms = tuple(
            ScrutinyMechanism(
                kind=draw(st.sampled_from(list(ScrutinyKind))),
                name=draw(st.one_of(st.none(), names())),
                by=_some(draw, bodies + post_ids + person_ids),
                by_role=draw(st.one_of(st.none(), st.sampled_from(list(PartnershipRole)))),
            )
            for _ in range(draw(st.integers(0, 2)))
        )
        events = tuple(
            RecurringEvent(
                name=draw(names()),
                kind=draw(st.sampled_from(list(EventKind))),
                every_text=draw(st.one_of(st.none(), st.just("after every Board meeting"))),
                by=_some(draw, bodies + post_ids),
            )
            for _ in range(draw(st.integers(0, 1)))
        )
        approval = None
        if draw(st.booleans()):
            approval = Approval(
                by=_some(draw, bodies + post_ids + person_ids),
                by_role=draw(st.one_of(st.none(), st.sampled_from(list(PartnershipRole)))),
                date=draw(st.one_of(st.none(), dates())),
                instrument=draw(st.one_of(st.none(), names())),
            )
        contributions = tuple(
            Contribution(
                organisation=draw(st.sampled_from(org_ids)),
                amount=draw(st.one_of(st.none(), st.integers(0, 500_000))),
                percent=draw(st.one_of(st.none(), st.sampled_from([25.0, 33.3, 50]))),
                in_kind=tuple(
                    draw(st.lists(st.sampled_from(["accommodation", "legal"]), max_size=2))
                ),
                period=draw(st.one_of(st.none(), dates())),
            )
            for _ in range(draw(st.integers(0, 2)))
        )
        funding = p.funding or Funding()
        funding = attrs.evolve(
            funding,
            rule=draw(st.one_of(st.none(), st.just("equal shares"))),
            contributions=contributions,
            agreed_by=_some(draw, bodies + post_ids),
            agreed_by_role=draw(st.one_of(st.none(), st.sampled_from(list(PartnershipRole)))),
            agreed_every=draw(st.one_of(st.none(), st.just("annually"))),
        )
        return attrs.evolve(
            p,
            chairs=(*p.chairs, *(chair() for _ in range(draw(st.integers(0, 1))))),
            groups=tuple(group(g) for g in p.groups),
            reports_to=_lines(draw, targets, REPORTING, p.id),
            lines=by_lines(p.id),
            scrutiny=mechanisms,
            events=events,
            approval=approval,
            funding=funding,
        )

    def collaboration(c: Collaboration) -> Collaboration:
        return attrs.evolve(
            c,
            areas=_some(draw, org_ids),
            groups=tuple(group(g) for g in c.groups),
            lines=by_lines(c.id),
        )

    document_ids = [f"document-{i}" for i in range(draw(st.integers(0, 3)))]
    owners = partnership_ids + collaboration_ids + group_ids
    documents = tuple(
        GovernedDocument(
            id=did,
            title=draw(names()),
            kind=draw(st.sampled_from(list(DocumentKind))),
            owner=draw(st.sampled_from(owners)),
            monitored_by=_some(draw, bodies + post_ids),
            delivered_by=_some(draw, bodies + post_ids),
            delivers=(
                draw(st.one_of(st.none(), st.sampled_from(document_ids[:number])))
                if number
                else None
            ),
            period=draw(st.one_of(st.none(), dates())),
            planned=draw(st.booleans()),
        )
        for number, did in enumerate(document_ids)
    )
    return attrs.evolve(
        base,
        organisations=organisations,
        posts=posts,
        partnerships=tuple(partnership(p) for p in base.partnerships),
        collaborations=tuple(collaboration(c) for c in base.collaborations),
        documents=documents,
    )


def stated_lines(dataset: Dataset) -> list[tuple[str, Line, str]]:
    """Every line the dataset states, as (the body it is from, the line, the list it is
    in): partnerships' and groups' ``reports_to`` and ``escalates_to``, then the
    ``lines`` of partnerships and collaborations (from their ``by``): for each body, its
    own lists first, as the graph takes them."""
    found: list[tuple[str, Line, str]] = []
    for partnership in dataset.partnerships:
        found += [(partnership.id, line, "reports_to") for line in partnership.reports_to]
        found += [(partnership.id, line, "escalates_to") for line in partnership.escalates_to]
    for _, group in dataset.groups():
        found += [(group.id, line, "reports_to") for line in group.reports_to]
        found += [(group.id, line, "escalates_to") for line in group.escalates_to]
    for owner in (*dataset.partnerships, *dataset.collaborations):
        found += [(line.by, line, "lines") for line in owner.lines]
    return found


def owner_of(dataset: Dataset) -> dict[str, Partnership | Collaboration]:
    """Each group's partnership or collaboration (the first, for an id used twice)."""
    found: dict[str, Partnership | Collaboration] = {}
    for owner, group in dataset.groups():
        found.setdefault(group.id, owner)
    return found


def kinds_of(dataset: Dataset) -> dict[str, type]:
    """The class of the entity of each id."""
    return {entity.id: type(entity) for entity in dataset.entities()}


__all__ = ["kinds_of", "owner_of", "richer_datasets", "stated_lines"]
