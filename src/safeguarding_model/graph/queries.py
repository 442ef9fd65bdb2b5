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

import attrs

from ..model import (
    Chair,
    ChairRole,
    Collaboration,
    DelegatedPartner,
    Group,
    LeadPartner,
    Organisation,
    PartialDate,
    Partnership,
    PartnershipRole,
    Post,
)
from ..model.dates import earlier, later, written
from ..model.meaning import (
    ROTATES,
    ModelIndex,
    Notes,
    chair_notes,
    chair_words,
    members_given,
    resolved_planned,
    standing,
)
from ..model.values import with_article
from .answers import (
    AccountabilityLine,
    BodyChairs,
    ChairInfo,
    Chairs,
    EscalationRoute,
    MemberEntry,
    Membership,
    Place,
    Ref,
    Seat,
    Seats,
    Step,
    words,
)
from .kinds import NOT_ACCOUNTABLE, EdgeKind, NodeKind

if TYPE_CHECKING:
    from .governance import GovernanceGraph

__all__ = ["accountability", "chairs", "escalation", "members", "sits_on"]

Owner = Partnership | Collaboration

BODIES = (NodeKind.GROUP, NodeKind.PARTNERSHIP, NodeKind.COLLABORATION, NodeKind.ORGANISATION)
HOLDERS = (NodeKind.ORGANISATION, NodeKind.POST, NodeKind.PERSON)

ACTS_THROUGH = "acts-through"
"""The kind of the escalation step from a partnership to the top body that acts for it."""

SITS_UNDER = "a group raises concerns with the group it sits under"
ACTS_FOR = "a top body acts for its partnership"
ACTS_FOR_COLLABORATION = "a top body acts for its collaboration"


def _step(gg: GovernanceGraph, source: str, target: str, data: dict[str, Any]) -> Step:
    others = data.get("alternatives")
    through = data.get("through")
    return Step(
        source=gg.ref(source),
        target=gg.ref(target),
        kind=data["kind"],
        cadence=data.get("cadence"),
        text=data.get("text"),
        derived=bool(data.get("derived")),
        via=data.get("via"),
        start=data.get("start"),
        end=data.get("end"),
        status=gg.status(data),
        line_kind=data.get("line_kind"),
        alternatives=tuple(gg.ref(key) for key in others.split()) if others else (),
        condition=data.get("condition"),
        subject=data.get("subject"),
        cadence_text=data.get("cadence_text"),
        through=tuple(gg.ref(key) for key in through.split()) if through else (),
    )


def _out(gg: GovernanceGraph, node: str, kind: EdgeKind) -> Iterator[tuple[str, dict[str, Any]]]:
    """The targets of ``node``'s edges of one kind, with the edges' attributes; a target
    with several such edges (dated lines, say) comes once per edge."""
    for target, _, data in gg.out_edges(node, kind):
        yield target, data


# --- accountability ---------------------------------------------------------------------


def accountability(gg: GovernanceGraph, body: str) -> AccountabilityLine:
    """The accountability line of ``body``: every accountable-to step above it, breadth
    first, and the nodes where the line ends (the lead safeguarding partners, a
    leadership group, a collaboration that answers to no one). A planned line is not
    followed: it is kept apart, in ``planned``; the lines for information, of advice or
    of a meaning the source does not state (:data:`~.kinds.NOT_ACCOUNTABLE`) from the
    bodies on the way are not followed either, and kept apart in ``not_followed``.

    See ``EdgeKind.ACCOUNTABLE_TO`` for how accountability is derived: never along a
    line for information, of advice, of escalation or of a meaning not stated, never
    from a leadership group to
    the partnership it leads, and never from a collaboration to its members.
    """
    start = gg.resolve(body)
    steps: list[Step] = []
    planned: list[Step] = []
    others: list[Step] = []
    seen = {start}
    order: list[str] = []
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for target, _, data in gg.out_edges(node, *NOT_ACCOUNTABLE):
            others.append(_step(gg, node, target, data))
        targets = []
        for target, data in _out(gg, node, EdgeKind.ACCOUNTABLE_TO):
            if data.get("planned"):
                planned.append(_step(gg, node, target, data))
            else:
                targets.append((target, data))
        if not targets and node != start:
            order.append(node)
        for target, data in targets:
            steps.append(_step(gg, node, target, data))
            if target not in seen:
                seen.add(target)
                queue.append(target)
    not_named = [
        f"{gg.ref(node).named}: the {lead.role.label}"
        for node in (start, *(step.target.id for step in steps))
        if (roles := gg.index.roles.get(node)) is not None
        for lead in roles.unnamed_in(PartnershipRole.LEAD_SAFEGUARDING_PARTNERS)
        if isinstance(lead, LeadPartner)
    ]
    return AccountabilityLine(
        body=gg.ref(start),
        steps=tuple(steps),
        top=tuple(gg.ref(n) for n in order),
        planned=tuple(planned),
        not_followed=tuple(others),
        not_named=tuple(dict.fromkeys(not_named)),
    )


# --- escalation -------------------------------------------------------------------------


ESCALATION_LINES = (
    EdgeKind.ESCALATES_TO,
    EdgeKind.REPORTS_TO,
    EdgeKind.REPORTS_TO_MEANING_NOT_STATED,
    EdgeKind.REPORTS_FOR_INFORMATION_TO,
    EdgeKind.ADVISES,
)
"""The lines a concern can travel along, in the order an escalation tries them."""

_ESCALATION_RANK = {kind.value: rank for rank, kind in enumerate(ESCALATION_LINES)}


def _derived(gg: GovernanceGraph, source: str, target: str, kind: str, via: str) -> Step:
    return Step(source=gg.ref(source), target=gg.ref(target), kind=kind, derived=True, via=via)


def _escalation_moves(gg: GovernanceGraph, node: str) -> Iterator[tuple[str, Step]]:
    """Where a concern can go next from ``node``: its escalation lines, then its
    reporting lines; from a group, the group it sits under, and from a top body, its
    partnership or collaboration; from a partnership or collaboration, its top bodies."""
    lines = gg.out_edges(node, *ESCALATION_LINES)  # in the model's order
    if len(lines) > 1:  # each kind in turn, in the model's order within it
        lines.sort(key=lambda line: _ESCALATION_RANK[line[2]["kind"]])
    for target, _, data in lines:
        if not data.get("planned"):  # a planned line is not yet a route
            yield target, _step(gg, node, target, data)
    index = gg.index
    entity = index.entities.get(node)
    if isinstance(entity, Group):
        parent = entity.parent
        if parent and parent in gg.graph and not gg.graph.nodes[parent].get("planned"):
            yield parent, _derived(gg, node, parent, "part-of", SITS_UNDER)
        owner = index.owner.get(node)
        if node in index.top_ids and owner is not None and owner.id in gg.graph:
            via = ACTS_FOR if isinstance(owner, Partnership) else ACTS_FOR_COLLABORATION
            yield owner.id, _derived(gg, node, owner.id, "part-of", via)
    elif isinstance(entity, Partnership | Collaboration):
        for top in index.top.get(node, []):
            noun = "partnership" if isinstance(entity, Partnership) else "collaboration"
            via = f"{with_article(noun)} escalates through its top body"
            yield top, _derived(gg, node, top, ACTS_THROUGH, via)


def _lines_not_stated(gg: GovernanceGraph, node: str) -> bool:
    entity = gg.index.entities.get(node)
    if isinstance(entity, Group):
        return bool({"reports_to", "escalates_to"} & set(entity.not_stated))
    if isinstance(entity, Partnership):
        return bool({"reports_to", "escalates_to"} & set(entity.not_stated))
    return False


def escalation(gg: GovernanceGraph, start: str, end: str) -> EscalationRoute:
    """The shortest escalation route from ``start`` to ``end``.

    A route follows escalation lines first, then reporting lines of every kind (of
    accountability, then of a meaning not stated, then for information, then of advice:
    whatever the data says is sent from one body to the other, the step's kind saying
    which). Two more moves are
    derived from where a group sits (``part-of``, marked as derived): a group raises
    concerns with the group it sits under, and a top body (an executive group or
    partnership board that reports to no one) acts for its partnership or
    collaboration. A partnership or collaboration acts through its top bodies (a step
    of kind ``acts-through``, derived). Any other group reaches its partnership only by
    a line the data gives: a subgroup with no line reaches neither its partnership nor
    the partnership's executive group.
    """
    source = gg.resolve(start, *BODIES)
    target = gg.resolve(end, *BODIES)
    came_from: dict[str, tuple[str, Step] | None] = {source: None}
    reached: list[str] = []
    unknown = [source] if _lines_not_stated(gg, source) else []
    queue = deque([source])
    while queue:
        node = queue.popleft()
        for nxt, step in _escalation_moves(gg, node):
            if nxt not in came_from:
                came_from[nxt] = (node, step)
                reached.append(nxt)
                queue.append(nxt)
                if _lines_not_stated(gg, nxt):
                    unknown.append(nxt)
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
        not_stated=tuple(gg.ref(n) for n in unknown),
    )


# --- chairs -----------------------------------------------------------------------------


def _post_parts(gg: GovernanceGraph, node: str | None) -> tuple[Ref | None, Ref | None, Ref | None]:
    """(post, holder, organisation) for a post; (None, None, organisation) for one."""
    if node is None or node not in gg.graph:
        return None, None, None
    entity = gg.index.entities.get(node)
    if isinstance(entity, Post):
        holder = gg.ref(entity.holder) if entity.holder else None
        org = gg.ref(entity.organisation) if entity.organisation else None
        return gg.ref(node), holder, org
    return None, None, gg.ref(node)


def _refs(gg: GovernanceGraph, keys: tuple[str, ...]) -> tuple[Ref, ...]:
    return tuple(gg.ref(key) for key in keys)


def _who(gg: GovernanceGraph, chair: Chair, owner: Owner | None) -> dict[str, Any]:
    """The fields of a ``ChairInfo`` that say who ``chair`` names: a post (with its
    holder and organisation), a person, an organisation, or one of a role's holders."""
    if chair.post:
        post, holder, org = _post_parts(gg, chair.post)
    else:
        post = None
        holder = gg.ref(chair.person) if chair.person and chair.person in gg.graph else None
        known = chair.organisation and chair.organisation in gg.graph
        org = gg.ref(chair.organisation) if known and chair.organisation else None
    found: dict[str, Any] = {
        "post": post,
        "holder": holder,
        "organisation": org,
        "rotates_among": _refs(gg, chair.rotates_among),
        "rotation_period": chair.rotation_period,
        "rotation_in_order": chair.rotation_in_order,
    }
    if chair.one_of is not None:
        holders = gg.index.role_nodes(owner, chair.one_of) if owner is not None else []
        found["one_of"] = chair.one_of.value
        found["one_of_holders"] = tuple(gg.ref(node) for node in holders if node in gg.graph)
    return found


def _chair_infos(
    gg: GovernanceGraph, body: str, notes_of: dict[int, Notes] | None = None
) -> tuple[ChairInfo, ...]:
    """Each chair of ``body``, in the data's order, described in the words the
    documents use (:func:`~safeguarding_model.model.meaning.chair_words`, with what
    the data says of a post beside its title: "an elected member", "also the
    independent scrutineer"). A chair given as "the partnership chair" is one entry
    for each partnership chair it stands for."""
    index = gg.index
    entity = index.entities.get(body)
    owner = index.owner.get(body)
    roles_of = entity if isinstance(entity, Partnership) else owner
    key = id(roles_of)  # the notes of the bodies of one partnership or collaboration
    notes = notes_of.get(key) if notes_of is not None else None
    if notes is None:
        partnerships = index.partnerships_of(roles_of) if roles_of is not None else []
        notes = chair_notes(index.entities, partnerships)
        if notes_of is not None:
            notes_of[key] = notes
    name = index.name
    infos: list[ChairInfo] = []
    for chair in getattr(entity, "chairs", ()):
        nominated = gg.ref(chair.nominated_by) if chair.nominated_by else None
        sources = index.partnership_chairs(owner) if chair.partnership_chair else []
        if not sources:
            infos.append(
                ChairInfo(
                    role=chair.role.value,
                    partnership_chair=chair.partnership_chair,
                    nominated_by=nominated,
                    description=chair_words(chair, name, notes=notes),
                    text=chair.text,
                    start=written(chair.start),
                    end=written(chair.end),
                    status=_status(gg, chair.start, chair.end, chair.planned),
                    **_who(gg, chair, roles_of),
                )
            )
            continue
        whose = isinstance(owner, Collaboration)
        for partnership, source in sources:
            role = source.role if chair.role is ChairRole.CHAIR else chair.role
            words = chair_words(chair, name, [(partnership, source)], whose=whose, notes=notes)
            infos.append(
                ChairInfo(
                    role=role.value,
                    partnership_chair=True,
                    partnership=gg.ref(partnership.id),
                    nominated_by=nominated,
                    description=words,
                    text=chair.text,
                    start=written(first := later(chair.start, source.start)),
                    end=written(last := earlier(chair.end, source.end)),
                    status=_status(gg, first, last, chair.planned or source.planned),
                    **_who(gg, source, partnership),
                )
            )
    return tuple(infos)


def _status(
    gg: GovernanceGraph, start: PartialDate | None, end: PartialDate | None, planned: bool
) -> str:
    return standing(start, end, gg.at, planned=planned).value


def chairs(gg: GovernanceGraph, *bodies: str) -> Chairs:
    """Who chairs what: each partnership then its groups, then each collaboration's
    groups, in the data's order; only ``bodies`` when given. A body with no chair
    stated has an empty ``chairs`` (and ``not_stated`` true when the source does not
    give it)."""
    index = gg.index
    if bodies:
        keys = [gg.resolve(b, NodeKind.GROUP, NodeKind.PARTNERSHIP) for b in bodies]
    else:
        keys = []
        for partnership in index.partnerships:
            keys.append(partnership.id)
            keys += [g.id for g in partnership.groups if index.kept(g)]
        for collaboration in index.collaborations:
            keys += [g.id for g in collaboration.groups if index.kept(g)]
    keys = [k for k in dict.fromkeys(keys) if k in gg.graph]
    found = []
    notes_of: dict[int, Notes] = {}
    for k in keys:
        infos = _chair_infos(gg, k, notes_of)
        found.append(
            BodyChairs(
                body=gg.ref(k),
                chairs=tuple(c for c in infos if c.status != "planned"),
                not_stated="chairs" in getattr(index.entities[k], "not_stated", ()),
                planned=tuple(c for c in infos if c.status == "planned"),
            )
        )
    return Chairs(bodies=tuple(found), resolve=gg.resolve)


# --- sits on ----------------------------------------------------------------------------

SEAT_KINDS = {
    EdgeKind.MEMBER_OF.value,
    EdgeKind.CHAIRS.value,
    EdgeKind.LEAD_PARTNER_OF.value,
    EdgeKind.LEAD_PARTNER_THROUGH.value,
    EdgeKind.DELEGATED_PARTNER_OF.value,
    EdgeKind.SCRUTINISES.value,
    EdgeKind.OBSERVES.value,
    EdgeKind.RELEVANT_AGENCY_OF.value,
    EdgeKind.COLLABORATES_IN.value,
    EdgeKind.REPRESENTED_IN.value,
}

_SEAT_KIND = {EdgeKind.LEAD_PARTNER_THROUGH.value: EdgeKind.LEAD_PARTNER_OF.value}
"""A part of an organisation that a lead partner acts through holds the lead partner's
seat, through that part."""


def _capacity(kind: str, data: dict[str, Any]) -> str:
    """A capacity in words, one wording for each capacity in every partnership: a lead
    partner is a "lead safeguarding partner" whichever edition its partnership
    follows (the 2018 edition's "safeguarding partner")."""
    capacity = words(data.get("capacity") or "")
    if kind == EdgeKind.MEMBER_OF.value:
        return capacity or "member"
    if kind == EdgeKind.CHAIRS.value:
        rotating = (data.get("via") or "").startswith(ROTATES)
        return (capacity or "chair") + (" (in rotation)" if rotating else "")
    if kind == EdgeKind.SCRUTINISES.value and capacity:
        return f"scrutiny ({capacity})"
    if kind == EdgeKind.LEAD_PARTNER_OF.value:
        role = "lead safeguarding partner"
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


_SeatKey = tuple[str, str, str, Any, Any, str, bool, Any]
"""What makes two edges one seat: the body, the capacity in words, the edge kind, the
dates, the status, whether derived and how."""


class _Places:
    """The seats found, gathered into places: each body once, each capacity on it once
    (held directly, through posts or parts, or both), in the order found."""

    def __init__(self, gg: GovernanceGraph) -> None:
        self.gg = gg
        self.order: dict[str, list[_SeatKey]] = {}
        self.found: dict[_SeatKey, dict[str, Any]] = {}

    def add(self, node: str, through: str | None, prefix: str = "") -> None:
        gg = self.gg
        for target, _, data in gg.out_edges(node):
            kind = _SEAT_KIND.get(data["kind"], data["kind"])
            if data["kind"] not in SEAT_KINDS:
                continue
            status = gg.status(data)
            key: _SeatKey = (
                target,
                prefix + _capacity(kind, data),
                kind,
                data.get("start"),
                data.get("end"),
                status,
                bool(data.get("derived")),
                data.get("via"),
            )
            seat = self.found.get(key)
            if seat is None:
                seat = {"through": [], "direct": False, "texts": [], "data": data}
                self.found[key] = seat
                self.order.setdefault(target, []).append(key)
            if through is None:
                seat["direct"] = True
            elif through not in seat["through"]:
                seat["through"].append(through)
            text = data.get("text")
            if text and text not in seat["texts"]:
                seat["texts"].append(text)

    def places(self, planned: bool) -> tuple[Place, ...]:
        """The places whose seats are planned (or not), each with those seats."""
        gg = self.gg
        index = gg.index
        found = []
        for body, keys in self.order.items():
            seats = []
            for key in keys:
                _, capacity, kind, start, end, status, derived, via = key
                if (status == "planned") is not planned:
                    continue
                seat = self.found[key]
                seats.append(
                    Seat(
                        capacity=capacity,
                        kind=kind,
                        value=seat["data"].get("capacity"),
                        through=_refs(gg, tuple(seat["through"])),
                        direct=seat["direct"],
                        texts=tuple(seat["texts"]),
                        derived=derived,
                        via=via,
                        start=start,
                        end=end,
                        status=status,
                    )
                )
            if not seats:
                continue
            owner = index.owner.get(body)
            seats = _one_per_derivation(seats)
            found.append(
                Place(
                    body=gg.ref(body),
                    seats=tuple(seats),
                    of=gg.ref(owner.id) if owner is not None else None,
                    of_label=owner.label if owner is not None else None,
                )
            )
        return tuple(found)


def _one_per_derivation(seats: list[Seat]) -> list[Seat]:
    """Derived seats alike but for how they were derived (one post named as a role's
    holder and as the partnership chair) as one seat, with each derivation."""
    merged: dict[tuple[Any, ...], Seat] = {}
    for seat in seats:
        key = attrs.astuple(attrs.evolve(seat, via=None, texts=()), recurse=False)
        known = merged.get(key) if seat.derived else None
        if known is None:
            merged[key if seat.derived else (id(seat),)] = seat
            continue
        vias = [via for via in (known.via, seat.via) if via]
        texts = tuple(dict.fromkeys((*known.texts, *seat.texts)))
        merged[key] = attrs.evolve(known, via="; ".join(vias) or None, texts=texts)
    return list(merged.values())


def _sources(gg: GovernanceGraph, node: str, kind: EdgeKind, of: NodeKind) -> list[str]:
    """The nodes of kind ``of`` with an edge of ``kind`` into ``node``, in order."""
    value = kind.value
    return [
        source
        for source, keyed in gg.graph.pred[node].items()
        if gg.graph.nodes[source]["kind"] == of.value
        and any(data["kind"] == value for data in keyed.values())
    ]


def sits_on(gg: GovernanceGraph, who: str) -> Seats:
    """Every body an organisation, post or person sits on, and in what capacity.

    A person sits through the posts they hold; an organisation directly, through its
    posts, through the parts of it (a council's services, a lead partner acting
    through one) and their posts, and for the sectors it represents. Each body comes
    once, saying whose it is (the partnership or collaboration a group belongs to),
    with each capacity on it once, whether held directly, through posts, or both; a
    body whose only seats are planned is kept apart.
    """
    key = gg.resolve(who, *HOLDERS)
    kind = gg.graph.nodes[key]["kind"]
    found = _Places(gg)
    if kind == NodeKind.PERSON.value:
        for post, _ in _out(gg, key, EdgeKind.HOLDS_POST):
            found.add(post, post)
    elif kind == NodeKind.POST.value:
        found.add(key, None)
    else:
        seen: set[str] = set()
        queue = deque([key])
        while queue:
            org = queue.popleft()
            if org in seen:
                continue
            seen.add(org)
            through = None if org == key else org
            found.add(org, through)
            for post in _sources(gg, org, EdgeKind.POST_IN, NodeKind.POST):
                found.add(post, post)
            for sector, _ in _out(gg, org, EdgeKind.REPRESENTS):
                found.add(sector, through, f"for {gg.ref(sector).name}: ")
            queue.extend(_sources(gg, org, EdgeKind.PART_OF, NodeKind.ORGANISATION))
    owners = len(gg.index.partnerships) + len(gg.index.collaborations)
    return Seats(
        who=gg.ref(key),
        places=found.places(planned=False),
        planned=found.places(planned=True),
        whose=owners > 1,
        resolve=gg.resolve,
    )


# --- members ----------------------------------------------------------------------------


def _entry(gg: GovernanceGraph, node: str | None, **fields: Any) -> MemberEntry:
    post, holder, org = _post_parts(gg, node)
    member = gg.ref(node) if node is not None else None
    return MemberEntry(member=member, holder=holder, organisation=org if post else None, **fields)


def _listed_members(gg: GovernanceGraph, body: str, owner: Owner) -> list[MemberEntry]:
    """The entries of a group's ``members`` (or a partnership's own), each expanded as
    the index resolves it."""
    index: ModelIndex = gg.index
    entries: list[MemberEntry] = []
    for member, resolved in index.members.get(body, []):
        for item in resolved:
            detail = item.detail
            if item.named_as == "chair-of" and detail:
                detail = gg.ref(detail).named
            elif item.named_as == "role" and detail:
                for_whom = f" for the {words(item.acts_for)}" if item.acts_for else ""
                detail = words(detail) + for_whom
            reps: tuple[Ref, ...] = ()
            if item.node and isinstance(index.entities.get(item.node), Organisation):
                reps = tuple(
                    gg.ref(r) for r in index.represented_by(owner, item.node) if r in gg.graph
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
                    acts_for=item.acts_for,
                    partnerships=_refs(gg, tuple(k for k in item.partnerships if k in gg.graph)),
                    start=written(member.start),
                    end=written(member.end),
                    status=_status(
                        gg,
                        member.start,
                        member.end,
                        member.planned or resolved_planned(index, owner, item),
                    ),
                )
            )
    return entries


def _group_members(gg: GovernanceGraph, group: Group, owner: Owner) -> list[MemberEntry]:
    entries = _listed_members(gg, group.id, owner)
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
    for role in PartnershipRole:
        capacity = "observer" if role is PartnershipRole.PARTICIPATING_OBSERVERS else "member"
        for node, fact in roles.holders(role):
            if node not in gg.graph:
                continue
            text = getattr(fact, "text", None) or getattr(fact, "footnote", None)
            entries.append(
                _entry(
                    gg,
                    node,
                    capacity=capacity,
                    named_as="role",
                    detail=role.label,
                    represented_by=tuple(
                        gg.ref(v)
                        for v in gg.index.represented_by(partnership, node)
                        if v in gg.graph
                    ),
                    text=text,
                    start=written(getattr(fact, "start", None)),
                    end=written(getattr(fact, "end", None)),
                    status=_status(
                        gg,
                        getattr(fact, "start", None),
                        getattr(fact, "end", None),
                        getattr(fact, "planned", False),
                    ),
                )
            )
        for unnamed in roles.unnamed_in(role):  # in the role, but no node stands for it
            what = unnamed.acts_for if isinstance(unnamed, DelegatedPartner) else unnamed.role
            missing = "post" if isinstance(unnamed, DelegatedPartner) else "organisation"
            entries.append(
                _entry(
                    gg,
                    None,
                    capacity=capacity,
                    named_as="role",
                    detail=role.label,
                    text=unnamed.text,
                    note=f"for the {what.label}: the {missing} is not named in the data",
                    start=written(unnamed.start),
                    end=written(unnamed.end),
                    status=_status(gg, unnamed.start, unnamed.end, False),
                )
            )
    return entries + _listed_members(gg, partnership.id, partnership)


def members(gg: GovernanceGraph, body: str) -> Membership:
    """The members of a group, expanded from roles (the delegated safeguarding
    partners, the relevant agencies, ...), from the chairs of other groups and from
    sector representation to the posts and organisations the data names.

    An organisation stays an organisation: the model does not say which post
    represents it, only the document's words (``text``) do. For a partnership, its
    partners, chair, scrutineer, relevant agencies and observers, then its own
    ``members`` where the document gives them; for a collaboration, its member
    partnerships (those it lists and those that say they take part). A list the source
    gives only in part makes the answer ``partial``: never read as all the members.
    """
    key = gg.resolve(body, NodeKind.GROUP, NodeKind.PARTNERSHIP, NodeKind.COLLABORATION)
    entity = gg.index.entities[key]
    not_stated = False
    if isinstance(entity, Group):
        entries = _group_members(gg, entity, gg.index.owner[key])
        not_stated = "members" in entity.not_stated
    elif isinstance(entity, Partnership):
        entries = _partnership_members(gg, entity)
    else:
        assert isinstance(entity, Collaboration)
        entity = members_given(gg.index.dataset, entity)
        entries = [
            _entry(gg, m, capacity="member", named_as="member")
            for m in entity.members
            if m in gg.graph
        ]
    fields = PARTNERSHIP_MEMBER_LISTS if isinstance(entity, Partnership) else ("members",)
    partial = [entry for entry in getattr(entity, "partial", ()) if entry.field in fields]
    counts = [entry.further for entry in partial if entry.further]
    return Membership(
        body=gg.ref(key),
        entries=tuple(e for e in entries if e.status != "planned"),
        not_stated=not_stated,
        planned=tuple(e for e in entries if e.status == "planned"),
        partial=bool(partial),
        further=sum(counts) if counts else None,
        partial_text="\n".join(entry.text for entry in partial if entry.text) or None,
    )


PARTNERSHIP_MEMBER_LISTS = (
    "lead_partners",
    "delegated_partners",
    "chairs",
    "scrutineers",
    "relevant_agencies",
    "observers",
    "members",
)
"""The lists of a partnership its members come from: one given only in part makes
the membership partial."""
