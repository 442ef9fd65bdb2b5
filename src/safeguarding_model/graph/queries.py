"""The questions people ask of the structure, answered from the graph.

Each function takes a ``GovernanceGraph`` and names bodies, posts and people by id
or by name (case-insensitively); ``GovernanceGraph`` has a method for each. The
answers are the plain data of ``answers``, with the document's words where the model
has them. Every query visits each node and edge at most once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..model import Chair, Collaboration, Group, Organisation, Partnership, PartnershipRole, Post
from .answers import (
    AccountabilityLine,
    BodyChairs,
    ChairInfo,
    Chairs,
    EscalationRoute,
    MemberEntry,
    Membership,
    Ref,
    Seat,
    Seats,
    Step,
)
from .index import ChairNode
from .kinds import EdgeKind, NodeKind

if TYPE_CHECKING:
    from .governance import GovernanceGraph

__all__ = ["accountability", "chairs", "escalation", "members", "sits_on"]

BODIES = (NodeKind.GROUP, NodeKind.PARTNERSHIP, NodeKind.COLLABORATION, NodeKind.ORGANISATION)
HOLDERS = (NodeKind.ORGANISATION, NodeKind.POST, NodeKind.PERSON)

ACTS_THROUGH = "acts-through"
"""The kind of the escalation step from a partnership to the top body that acts for it."""


def _step(gg: GovernanceGraph, source: str, target: str, data: dict[str, Any]) -> Step:
    return Step(
        source=gg.ref(source),
        target=gg.ref(target),
        kind=data["kind"],
        cadence=data.get("cadence"),
        text=data.get("text"),
        derived=bool(data.get("derived")),
        via=data.get("via"),
    )


def _out(gg: GovernanceGraph, node: str, kind: EdgeKind) -> Iterator[tuple[str, dict[str, Any]]]:
    """The targets of ``node``'s edges of one kind, with the edges' attributes."""
    for target, keyed in gg.graph.succ[node].items():
        data = keyed.get(kind.value)
        if data is not None:
            yield target, data


# --- accountability ---------------------------------------------------------------------


def accountability(gg: GovernanceGraph, body: str) -> AccountabilityLine:
    """The accountability line of ``body``: every accountable-to step above it, breadth
    first, and the nodes where the line ends (the lead safeguarding partners).

    See ``EdgeKind.ACCOUNTABLE_TO`` for how accountability is derived.
    """
    start = gg.resolve(body)
    steps: list[Step] = []
    seen = {start}
    order: list[str] = []
    queue = deque([start])
    while queue:
        node = queue.popleft()
        targets = list(_out(gg, node, EdgeKind.ACCOUNTABLE_TO))
        if not targets and node != start:
            order.append(node)
        for target, data in targets:
            steps.append(_step(gg, node, target, data))
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return AccountabilityLine(
        body=gg.ref(start), steps=tuple(steps), top=tuple(gg.ref(n) for n in order)
    )


# --- escalation -------------------------------------------------------------------------


def _escalation_moves(gg: GovernanceGraph, node: str, end: str) -> Iterator[tuple[str, Step]]:
    """Where a concern can go next from ``node``: escalation lines, then reporting
    lines, then the group it sits under; from a partnership, to its top bodies."""
    for kind in (EdgeKind.ESCALATES_TO, EdgeKind.REPORTS_TO):
        for target, data in _out(gg, node, kind):
            yield target, _step(gg, node, target, data)
    entity = gg.index.entities.get(node)
    if isinstance(entity, Group):
        for target, data in _out(gg, node, EdgeKind.PART_OF):
            if target == entity.parent:
                step = _step(gg, node, target, data)
                yield (
                    target,
                    Step(
                        source=step.source,
                        target=step.target,
                        kind=step.kind,
                        derived=True,
                        via="a group raises concerns with the group it sits under",
                    ),
                )
            elif target == end:
                yield target, _step(gg, node, target, data)
    if isinstance(entity, Partnership):
        for top in gg.index.top.get(node, []):
            yield (
                top,
                Step(
                    source=gg.ref(node),
                    target=gg.ref(top),
                    kind=ACTS_THROUGH,
                    derived=True,
                    via="a partnership escalates through its top body",
                ),
            )


def escalation(gg: GovernanceGraph, start: str, end: str) -> EscalationRoute:
    """The shortest escalation route from ``start`` to ``end``.

    A route follows escalation lines first, then reporting lines, then the group a
    group sits under; it passes through a partnership by the partnership's top body
    (its executive group, else its partnership board), which is marked as derived.
    Arriving at a group of ``end`` reaches ``end`` when ``end`` is a partnership or
    collaboration.
    """
    source = gg.resolve(start, *BODIES)
    target = gg.resolve(end, *BODIES)
    came_from: dict[str, tuple[str, Step] | None] = {source: None}
    reached: list[str] = []
    queue = deque([source])
    while queue:
        node = queue.popleft()
        for nxt, step in _escalation_moves(gg, node, target):
            if nxt not in came_from:
                came_from[nxt] = (node, step)
                reached.append(nxt)
                queue.append(nxt)
    steps: list[Step] = []
    found = target in came_from
    if found:
        node = target
        while (link := came_from[node]) is not None:
            node, step = link
            steps.append(step)
        steps.reverse()
    return EscalationRoute(
        start=gg.ref(source),
        end=gg.ref(target),
        found=found,
        steps=tuple(steps),
        reachable=tuple(gg.ref(n) for n in reached),
    )


# --- chairs -----------------------------------------------------------------------------


def _post_parts(gg: GovernanceGraph, node: str | None) -> tuple[Ref | None, Ref | None, Ref | None]:
    """(post, holder, organisation) for a post; (None, None, organisation) for one."""
    if node is None:
        return None, None, None
    entity = gg.index.entities.get(node)
    if isinstance(entity, Post):
        holder = gg.ref(entity.holder) if entity.holder else None
        org = gg.ref(entity.organisation) if entity.organisation else None
        return gg.ref(node), holder, org
    return None, None, gg.ref(node)


def _chair_infos(gg: GovernanceGraph, body: str) -> tuple[ChairInfo, ...]:
    by_chair: dict[int, list[ChairNode]] = {}
    chairs: list[Chair] = []
    for entry in gg.index.chair_nodes.get(body, []):
        if id(entry.chair) not in by_chair:
            chairs.append(entry.chair)
        by_chair.setdefault(id(entry.chair), []).append(entry)
    infos: list[ChairInfo] = []
    for chair in chairs:
        entries = by_chair[id(chair)]
        rotating = tuple(gg.ref(o) for o in chair.rotates_among)
        nominated = gg.ref(chair.nominated_by) if chair.nominated_by else None
        posts: list[str | None] = [
            e.node for e in entries if e.node and e.via != "a chair that rotates"
        ]
        if not posts:
            posts.append(None)
        for node in posts:
            post, holder, org = _post_parts(gg, node)
            infos.append(
                ChairInfo(
                    role=chair.role.value,
                    post=post,
                    holder=holder,
                    organisation=org,
                    partnership_chair=chair.partnership_chair,
                    nominated_by=nominated,
                    rotates_among=rotating,
                    description=_chair_words(gg, chair, node, nominated, rotating),
                    text=chair.text,
                )
            )
    return tuple(infos)


def _chair_words(
    gg: GovernanceGraph,
    chair: Chair,
    node: str | None,
    nominated: Ref | None,
    rotating: tuple[Ref, ...],
) -> str:
    parts: list[str] = []
    if node is not None:
        parts.append(gg.ref(node).name)
        if chair.partnership_chair:
            parts.append("the partnership chair")
    elif chair.partnership_chair:
        parts.append("the partnership chair (not named in the data)")
    if rotating:
        parts.append("rotating among " + ", ".join(r.name for r in rotating))
    if nominated is not None:
        parts.append(("" if parts else "a member ") + f"nominated by the {nominated.name}")
    return ", ".join(parts) or "not stated"


def chairs(gg: GovernanceGraph, *bodies: str) -> Chairs:
    """Who chairs what: each partnership then its groups, then each collaboration's
    groups, in the data's order; only ``bodies`` when given. A body with no chair
    stated has an empty ``chairs``."""
    if bodies:
        keys = [gg.resolve(b, NodeKind.GROUP, NodeKind.PARTNERSHIP) for b in bodies]
    else:
        keys = []
        for partnership in gg.dataset.partnerships:
            keys.append(partnership.id)
            keys += [g.id for g in partnership.groups]
        for collaboration in gg.dataset.collaborations:
            keys += [g.id for g in collaboration.groups]
    keys = [k for k in dict.fromkeys(keys) if k in gg.graph]
    return Chairs(
        bodies=tuple(BodyChairs(body=gg.ref(k), chairs=_chair_infos(gg, k)) for k in keys)
    )


# --- sits on ----------------------------------------------------------------------------

SEAT_KINDS = {
    EdgeKind.MEMBER_OF.value,
    EdgeKind.CHAIRS.value,
    EdgeKind.LEAD_PARTNER_OF.value,
    EdgeKind.DELEGATED_PARTNER_OF.value,
    EdgeKind.SCRUTINISES.value,
    EdgeKind.OBSERVES.value,
    EdgeKind.RELEVANT_AGENCY_OF.value,
    EdgeKind.COLLABORATES_IN.value,
    EdgeKind.REPRESENTED_IN.value,
}


def _capacity(gg: GovernanceGraph, target: str, data: dict[str, Any]) -> str:
    kind = data["kind"]
    capacity = (data.get("capacity") or "").replace("-", " ")
    if kind == EdgeKind.MEMBER_OF.value:
        return capacity or "member"
    if kind == EdgeKind.CHAIRS.value:
        rotating = data.get("via") == "a chair that rotates"
        return (capacity or "chair") + (" (in rotation)" if rotating else "")
    if kind == EdgeKind.LEAD_PARTNER_OF.value:
        old = gg.graph.nodes[target].get("guidance") == "working-together-2018"
        role = "safeguarding partner" if old else "lead safeguarding partner"
        return f"{role} ({capacity})" if capacity else role
    if kind == EdgeKind.DELEGATED_PARTNER_OF.value:
        return "delegated safeguarding partner" + (f" for the {capacity}" if capacity else "")
    return {
        EdgeKind.SCRUTINISES.value: "independent scrutineer",
        EdgeKind.OBSERVES.value: "participating observer",
        EdgeKind.RELEVANT_AGENCY_OF.value: "relevant agency",
        EdgeKind.COLLABORATES_IN.value: "member of the collaboration",
        EdgeKind.REPRESENTED_IN.value: "sector represented in the arrangements",
    }[kind]


def _seats_of(
    gg: GovernanceGraph, node: str, through: Ref | None, prefix: str = ""
) -> Iterator[Seat]:
    for target, keyed in gg.graph.succ[node].items():
        for key, data in keyed.items():
            if key in SEAT_KINDS:
                yield Seat(
                    body=gg.ref(target),
                    capacity=prefix + _capacity(gg, target, data),
                    kind=key,
                    through=through,
                    text=data.get("text"),
                    derived=bool(data.get("derived")),
                    via=data.get("via"),
                )


def _sources(gg: GovernanceGraph, node: str, kind: EdgeKind, of: NodeKind) -> list[str]:
    """The nodes of kind ``of`` with an edge of ``kind`` into ``node``, in order."""
    return [
        source
        for source, keyed in gg.graph.pred[node].items()
        if kind.value in keyed and gg.graph.nodes[source]["kind"] == of.value
    ]


def sits_on(gg: GovernanceGraph, who: str) -> Seats:
    """Every body an organisation, post or person sits on, and in what capacity.

    A person sits through the posts they hold; an organisation directly, through its
    posts, through the parts of it (a council's services) and their posts, and for
    the sectors it represents.
    """
    key = gg.resolve(who, *HOLDERS)
    kind = gg.graph.nodes[key]["kind"]
    seats: list[Seat] = []
    if kind == NodeKind.PERSON.value:
        for post, _ in _out(gg, key, EdgeKind.HOLDS_POST):
            seats += _seats_of(gg, post, gg.ref(post))
    elif kind == NodeKind.POST.value:
        seats += _seats_of(gg, key, None)
    else:
        seen: set[str] = set()
        queue = deque([key])
        while queue:
            org = queue.popleft()
            if org in seen:
                continue
            seen.add(org)
            through = None if org == key else gg.ref(org)
            seats += _seats_of(gg, org, through)
            for post in _sources(gg, org, EdgeKind.POST_IN, NodeKind.POST):
                seats += _seats_of(gg, post, gg.ref(post))
            for sector, _ in _out(gg, org, EdgeKind.REPRESENTS):
                sector_ref = gg.ref(sector)
                seats += _seats_of(gg, sector, through, f"for {sector_ref.name}: ")
            queue.extend(_sources(gg, org, EdgeKind.PART_OF, NodeKind.ORGANISATION))
    return Seats(who=gg.ref(key), seats=tuple(seats))


# --- members ----------------------------------------------------------------------------


def _entry(gg: GovernanceGraph, node: str | None, **fields: Any) -> MemberEntry:
    post, holder, org = _post_parts(gg, node)
    member = gg.ref(node) if node is not None else None
    return MemberEntry(member=member, holder=holder, organisation=org if post else None, **fields)


def _group_members(
    gg: GovernanceGraph, group: Group, owner: Partnership | Collaboration
) -> list[MemberEntry]:
    entries: list[MemberEntry] = []
    for member, resolved in gg.index.members.get(group.id, []):
        for item in resolved:
            detail = item.detail
            if item.named_as == "chair-of" and detail:
                detail = gg.ref(detail).name
            elif item.named_as == "role" and detail:
                detail = detail.replace("-", " ")
            reps: tuple[Ref, ...] = ()
            if item.node and isinstance(gg.index.entities.get(item.node), Organisation):
                reps = tuple(
                    gg.ref(r) for r in gg.index.represented_by(owner, item.node) if r in gg.graph
                )
            entries.append(
                _entry(
                    gg,
                    item.node if item.node in gg.graph else None,
                    capacity=member.capacity.value,
                    named_as=item.named_as,
                    detail=detail,
                    represented_by=reps,
                    text=member.text,
                    note=item.note,
                )
            )
    for partnership, rep in gg.index.sector_groups.get(group.id, []):
        if rep.sector not in gg.graph:
            continue
        vias = [rep.via] if rep.via and rep.via in gg.graph else []
        entries.append(
            _entry(
                gg,
                rep.sector,
                capacity="representative",
                named_as="sector",
                detail=f"sector representation of the {partnership.label}",
                represented_by=tuple(gg.ref(v) for v in vias),
                text=rep.text,
            )
        )
    return entries


def _partnership_members(gg: GovernanceGraph, partnership: Partnership) -> list[MemberEntry]:
    roles = gg.index.roles[partnership.id]
    entries: list[MemberEntry] = []
    table: list[tuple[PartnershipRole, list[tuple[str, Any]], str]] = [
        (PartnershipRole.LEAD_SAFEGUARDING_PARTNERS, list(roles.lead), "member"),
        (PartnershipRole.DELEGATED_SAFEGUARDING_PARTNERS, list(roles.delegated), "member"),
        (PartnershipRole.PARTNERSHIP_CHAIR, list(roles.chairs), "member"),
        (PartnershipRole.INDEPENDENT_SCRUTINEER, list(roles.scrutineers), "member"),
        (PartnershipRole.RELEVANT_AGENCIES, list(roles.relevant), "member"),
        (PartnershipRole.PARTICIPATING_OBSERVERS, list(roles.observers), "observer"),
    ]
    for role, holders, capacity in table:
        for node, fact in holders:
            if node not in gg.graph:
                continue
            text = getattr(fact, "text", None) or getattr(fact, "footnote", None)
            entries.append(
                _entry(
                    gg,
                    node,
                    capacity=capacity,
                    named_as="role",
                    detail=role.value.replace("-", " "),
                    represented_by=tuple(
                        gg.ref(v)
                        for v in gg.index.represented_by(partnership, node)
                        if v in gg.graph
                    ),
                    text=text,
                )
            )
    return entries


def members(gg: GovernanceGraph, body: str) -> Membership:
    """The members of a group, expanded from roles (the delegated safeguarding
    partners, the relevant agencies, ...), from the chairs of other groups and from
    sector representation to the posts and organisations the data names.

    An organisation stays an organisation: the model does not say which post
    represents it, only the document's words (``text``) do. For a partnership, its
    partners, chair, scrutineer, relevant agencies and observers; for a collaboration,
    its member partnerships.
    """
    key = gg.resolve(body, NodeKind.GROUP, NodeKind.PARTNERSHIP, NodeKind.COLLABORATION)
    entity = gg.index.entities[key]
    if isinstance(entity, Group):
        entries = _group_members(gg, entity, gg.index.owner[key])
    elif isinstance(entity, Partnership):
        entries = _partnership_members(gg, entity)
    else:
        assert isinstance(entity, Collaboration)
        entries = [
            _entry(gg, m, capacity="member", named_as="member")
            for m in entity.members
            if m in gg.graph
        ]
    return Membership(body=gg.ref(key), entries=tuple(entries))
