"""What the model's references mean, worked out once: who holds a partnership role,
who chairs each body, and what each membership entry expands to.

The graph build and the queries share this, so an edge and the answer that explains
it always agree. Everything here is linear in the size of the model.

When two entities share an id (only possible in a dataset made in code: the loader
refuses it), the first in file order is the one the graph keeps, as
``Dataset.index()`` and the loader's messages ("first by ...") do; the others are
reported and left out.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from .arrangements import ScrutinyKind
from .collaboration import Collaboration
from .dataset import Dataset, Entity, _entity_count, _index
from .dates import Span, span_of
from .groups import (
    Chair,
    ChairRole,
    Group,
    GroupKind,
    Line,
    LineKind,
    Member,
    PartnershipRole,
    ReportingLine,
    StatutoryRole,
)
from .names import Names
from .organisations import Organisation, Post
from .partnership import (
    DelegatedPartner,
    Instrument,
    LeadPartner,
    Observer,
    Partnership,
    RelevantAgency,
    Scrutineer,
    SectorRepresentation,
)
from .values import Cadence, Choice, PartialDate, PartialList, UnstatedPeriod

__all__ = [
    "NOT_NAMED",
    "TOP_KINDS",
    "Notes",
    "and_list",
    "cadence_words",
    "chair_notes",
    "chaired_by",
    "collective_words",
    "count_words",
    "field_noun",
    "is_leadership",
    "line_details",
    "line_sends",
    "line_tail",
    "line_targets",
    "line_verb",
    "line_words",
    "organisation_notes",
    "partial_of",
    "partial_words",
    "post_notes",
    "member_role_words",
    "role_words",
    "rotation_words",
    "scrutinising_posts",
    "unstated_period_words",
    "ChairNode",
    "Delegation",
    "ModelIndex",
    "Resolved",
    "Roles",
    "chair_words",
    "Standing",
    "dated_words",
    "dates_words",
    "reference_span",
    "standing",
    "partners_word",
    "regimes_text",
    "resolved_planned",
    "is_top",
    "accountable_lines",
    "members_given",
    "partnership_chairs",
    "partnerships_of",
]

Owner = Partnership | Collaboration

TOP_KINDS = (GroupKind.EXECUTIVE_GROUP, GroupKind.PARTNERSHIP_BOARD)
"""The kinds of group that may stand at the top of a partnership's structure."""

PARTNERSHIP_CHAIR = "the partnership chair"
ROTATES = "a chair that rotates"


@attrs.frozen(kw_only=True)
class Resolved:
    """What one membership entry names: a node, or nobody the data can name.

    ``named_as`` is ``post``, ``organisation``, ``role``, ``chair-of`` or ``text``;
    ``detail`` the role's value or the id of the group whose chair is meant. ``note``
    says, in words, why no node is named (a role no one holds in the data, some of a
    role's holders, a chair the data names no one for), or that a node is one of
    several the data cannot choose between (the chair is one of a role's holders).
    For a role, ``acts_for`` is the statutory partner the entry narrows it to, and in
    a collaboration's group ``partnerships`` the member partnerships whose holder
    ``node`` is (or, with no node, the one whose holders the data does not name).
    """

    node: str | None
    named_as: str
    detail: str | None = None
    derived: bool = False
    note: str | None = None
    acts_for: str | None = None
    partnerships: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class ChairNode:
    """One node that chairs a body because of ``chair`` (``node`` is None when the data
    names no one: a nominated chair, a chair given by its words alone, one of a role
    nobody holds in the data, or a partnership chair it does not name).

    ``field`` says how the chair names the node: ``post``, ``person``,
    ``organisation`` (an agency only), ``rotates_among`` (one of those a rotating chair
    passes between) or ``one_of`` (a holder of the role the chair is one of: derived,
    since the data does not say which holder chairs, or they take turns); None when
    ``node`` is None. ``source`` is the partnership's own chair entry when ``chair`` is
    "the partnership chair" (``field`` is then how that entry names the node, and the
    node is derived); ``role`` is then that entry's role (a co-chair stays a co-chair)
    unless the body's entry gives a role of its own. ``via`` says how a derived node,
    or one of a rotation, was reached, in words.
    """

    node: str | None
    chair: Chair
    source: Chair | None = None
    partnership: Partnership | None = None
    derived: bool = False
    via: str | None = None
    field: str | None = None

    @property
    def role(self) -> ChairRole:
        """The part this chair plays in the body."""
        if self.source is not None and self.chair.role is ChairRole.CHAIR:
            return self.source.role
        return self.chair.role


@attrs.frozen(kw_only=True)
class Delegation:
    """The lead partner a delegated partner acts for, or why there is none.

    ``problem`` is the code of ``Partnership.delegation_problem``: why the data cannot
    tell, and ``message`` says it in words.
    """

    lead: LeadPartner | None
    problem: str | None = None
    message: str | None = None


@attrs.define
class Roles:
    """The nodes that hold each partnership role of one partnership, in order."""

    lead: list[tuple[str, LeadPartner]] = attrs.Factory(list)
    delegated: list[tuple[str, DelegatedPartner]] = attrs.Factory(list)
    chairs: list[tuple[str, Chair]] = attrs.Factory(list)
    scrutineers: list[tuple[str, Scrutineer]] = attrs.Factory(list)
    relevant: list[tuple[str, RelevantAgency]] = attrs.Factory(list)
    observers: list[tuple[str, Observer]] = attrs.Factory(list)
    unnamed: list[tuple[PartnershipRole, LeadPartner | DelegatedPartner]] = attrs.Factory(list)
    """The holders of a role the data does not name: a lead partner given by its role
    only, a delegated partner whose post is not stated. They hold the role, but no node
    stands for them."""

    def unnamed_in(self, role: PartnershipRole) -> list[LeadPartner | DelegatedPartner]:
        """The holders of ``role`` the data does not name, in order."""
        return [fact for held, fact in self.unnamed if held is role]

    def holders(self, role: PartnershipRole) -> list[tuple[str, Any]]:
        """The (node, model entry) pairs holding ``role``."""
        if role is PartnershipRole.LEAD_SAFEGUARDING_PARTNERS:
            return list(self.lead)
        if role is PartnershipRole.DELEGATED_SAFEGUARDING_PARTNERS:
            return list(self.delegated)
        if role is PartnershipRole.PARTNERSHIP_CHAIR:
            return list(self.chairs)
        if role is PartnershipRole.INDEPENDENT_SCRUTINEER:
            return list(self.scrutineers)
        if role is PartnershipRole.RELEVANT_AGENCIES:
            return list(self.relevant)
        return list(self.observers)

    def nodes(self, role: PartnershipRole) -> list[str]:
        """The posts or organisations holding ``role``, each once."""
        return list(dict.fromkeys(node for node, _ in self.holders(role)))


_BY_TEXT = Resolved(node=None, named_as="text")
"""What a member entry given by its words alone names: no node (one object for all)."""


class ModelIndex:
    """The dataset's entities by id (the first of each id) and the meaning of its
    references."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.entities: dict[str, Entity] = _index(dataset)
        """The first entity of each id: the dataset's own index, worked out once while
        it lives (loading works it out): not to be changed."""
        self.duplicates: list[Entity] = []
        if len(self.entities) != _entity_count(dataset):  # an id used twice
            seen: set[str] = set()
            for entity in dataset.entities():
                if entity.id in seen:
                    self.duplicates.append(entity)
                seen.add(entity.id)
        self.names = Names(dataset, self.entities)
        """The one name resolver, over the entities kept."""
        kept = self.kept
        self.organisations = [o for o in dataset.organisations if kept(o)]
        self.posts = [p for p in dataset.posts if kept(p)]
        self.partnerships = [p for p in dataset.partnerships if kept(p)]
        self.collaborations = [c for c in dataset.collaborations if kept(c)]
        self._partnerships_of: dict[int, list[Partnership]] = {}
        self._role_facts: dict[tuple[str, PartnershipRole], dict[str, list[Any]]] = {}
        self._role_words: dict[tuple[str, str | None, tuple[str, ...]], str] = {}
        self._role_planned: dict[tuple[int, str], dict[str, bool]] = {}
        """Whether a node holds a role in an owner's partnerships by planned entries
        only (:func:`resolved_planned`), by the owner's ``id`` and the role, then by the
        node."""
        self._member_sets: dict[int, set[str]] = {}
        self._entries: dict[
            tuple[str, str | None, str | None, tuple[str, ...]], dict[str, Resolved]
        ] = {}
        """The entries of :meth:`_entry`, by how they name a node, then by the node."""
        self._role_expansions: dict[
            tuple[int, PartnershipRole, StatutoryRole | None, bool], list[Resolved]
        ] = {}
        """What a member entry naming a role expands to (``_role_members``), by the
        owner's ``id``, the role, the partner it narrows the role to and ``some``."""
        self.owner: dict[str, Owner] = {}
        self.groups: list[tuple[Owner, Group]] = []
        for owner, group in dataset.groups():
            if kept(group):
                self.groups.append((owner, group))
                self.owner[group.id] = owner
        self.roles: dict[str, Roles] = {p.id: self._roles(p) for p in self.partnerships}
        self.chair_nodes: dict[str, list[ChairNode]] = {}
        for partnership in self.partnerships:
            found = self._chairs(partnership.chairs, None, partnership)
            self.chair_nodes[partnership.id] = found
            chairs = self.roles[partnership.id].chairs
            chairs += [(entry.node, entry.chair) for entry in found if entry.node]
        for owner, group in self.groups:
            self.chair_nodes[group.id] = self._chairs(group.chairs, owner, owner)
        self.sector_groups: dict[str, list[tuple[Partnership, SectorRepresentation]]] = {}
        self.sector_via: dict[str, list[tuple[str, str]]] = {}
        for partnership in self.partnerships:
            for rep in partnership.sector_representation:
                if rep.via:
                    self.sector_via.setdefault(rep.sector, []).append((partnership.id, rep.via))
                for group_id in rep.groups:
                    self.sector_groups.setdefault(group_id, []).append((partnership, rep))
        self.members: dict[str, list[tuple[Member, list[Resolved]]]] = {}
        """What each member entry of a group, or of a partnership's own ``members``,
        names, by the body's id."""
        for partnership in self.partnerships:
            if partnership.members:
                own = [(m, self._expand(m, partnership)) for m in partnership.members]
                self.members[partnership.id] = own
        for owner, group in self.groups:
            self.members[group.id] = [(m, self._expand(m, owner)) for m in group.members]
        self.lines_by: dict[str, list[ReportingLine]] = {}
        """The lines of the partnerships' and collaborations' ``lines``, by the body
        they are from (``by``)."""
        bodies: list[Owner] = [*self.partnerships, *self.collaborations]
        for body in bodies:
            for line in body.lines:
                self.lines_by.setdefault(line.by, []).append(line)
        self.top: dict[str, list[str]] = {}
        for kind in TOP_KINDS:
            for owner, group in self.groups:
                if group.kind is kind and is_top(group, self.lines_by.get(group.id, ())):
                    self.top.setdefault(owner.id, []).append(group.id)
        self.top_ids: set[str] = {key for ids in self.top.values() for key in ids}

    def kept(self, entity: Entity) -> bool:
        """Whether ``entity`` is the one the graph keeps for its id (the first)."""
        return self.entities.get(entity.id) is entity

    # --- partnerships -----------------------------------------------------------------

    def _roles(self, partnership: Partnership) -> Roles:
        roles = Roles()
        for lead in partnership.lead_partners:
            node = lead.post or lead.organisation
            if node is None:  # known by its role only
                roles.unnamed.append((PartnershipRole.LEAD_SAFEGUARDING_PARTNERS, lead))
            else:
                roles.lead.append((node, lead))
        for delegated in partnership.delegated_partners:
            if delegated.post is None:  # its post is not stated
                roles.unnamed.append((PartnershipRole.DELEGATED_SAFEGUARDING_PARTNERS, delegated))
            else:
                roles.delegated.append((delegated.post, delegated))
        # the chairs follow, once the roles a chair may be one of are known
        for scrutineer in partnership.scrutineers:
            roles.scrutineers.append((scrutineer.post, scrutineer))
        for agency in partnership.relevant_agencies:
            roles.relevant.append((agency.organisation, agency))
        for observer in partnership.observers:
            node = observer.post or observer.organisation
            if node:
                roles.observers.append((node, observer))
        return roles

    def partnerships_of(self, owner: Owner) -> list[Partnership]:
        """The partnership itself, or a collaboration's member partnerships in the data
        (the ones the graph keeps): those it lists and those that say they take part in
        it (``Dataset.members_of``); :func:`partnerships_of`, worked out once."""
        found = self._partnerships_of.get(id(owner))
        if found is None:
            members = None
            if isinstance(owner, Collaboration):
                members = self.dataset.members_of(owner)
            found = partnerships_of(owner, self.entities, members)
            self._partnerships_of[id(owner)] = found
        return found

    def partnership_chairs(self, owner: Owner | None) -> list[tuple[Partnership, Chair]]:
        """Every chair of the partnerships ``owner`` stands for, with its partnership
        (:func:`partnership_chairs`, with the members a collaboration has in the data)."""
        if owner is None:
            return []
        return [(p, chair) for p in self.partnerships_of(owner) for chair in p.chairs]

    def delegation(self, partnership: Partnership, delegated: DelegatedPartner) -> Delegation:
        """The lead partner a delegated partner acts for (``Partnership.lead_for``), or,
        when the data cannot tell, which problem that is, in words."""
        problem = partnership.delegation_problem(delegated)
        if problem is None:
            return Delegation(lead=partnership.lead_for(delegated))
        role = delegated.acts_for
        leads = partnership.leads_in_role(role)
        if delegated.post is None:
            who = "A delegated partner whose post is not stated"
        else:
            who = f"{self.name(delegated.post)} (`{delegated.post}`)"
        if problem == "delegation-not-a-lead":
            message = (
                f"{who} acts for {self.name(delegated.organisation or '')} as the "
                f"{role.label}, which is not a lead partner in that role in {partnership.label}"
            )
        elif problem == "no-lead-for-delegation":
            message = (
                f"{who} acts for the {role.label}, but {partnership.label} has no lead partner "
                "in that role in this data"
            )
        else:
            names = ", ".join(
                f"`{lead.organisation}`" if lead.organisation else "one known by its role only"
                for lead in leads
            )
            message = (
                f"{who} acts for the {role.label}, which {len(leads)} lead partners of "
                f"{partnership.label} share ({names}); its `organisation` does not say which"
            )
        return Delegation(lead=None, problem=problem, message=message)

    # --- chairs -----------------------------------------------------------------------

    def _chairs(
        self, chairs: tuple[Chair, ...], owner: Owner | None, roles_of: Owner
    ) -> list[ChairNode]:
        """The nodes that chair a body: ``owner`` is the partnership or collaboration a
        group belongs to (None for a partnership's own chairs), whose partnership
        chairs "the partnership chair" means; ``roles_of`` the body whose role holders
        a chair ``one_of`` a role names."""
        found: list[ChairNode] = []
        for chair in chairs:
            named = self._named(chair, roles_of)
            if chair.partnership_chair and owner is not None:
                each = isinstance(owner, Collaboration)
                for partnership in self.partnerships_of(owner):
                    whose = PARTNERSHIP_CHAIR + (f" of {partnership.label}" if each else "")
                    for source in partnership.chairs:
                        sourced = self._named(source, partnership) or [
                            ChairNode(node=None, chair=source)
                        ]
                        for entry in sourced:
                            via = whose
                            if entry.field == "one_of" and entry.via:
                                via = f"{whose}: {entry.via}"
                            named.append(
                                attrs.evolve(
                                    entry,
                                    chair=chair,
                                    source=source,
                                    partnership=partnership,
                                    derived=True,
                                    via=via,
                                )
                            )
            found += named or [ChairNode(node=None, chair=chair)]
        return found

    def _named(self, chair: Chair, roles_of: Owner) -> list[ChairNode]:
        """The nodes ``chair`` names itself (not through the partnership chair): its
        post, person or organisation; each that it rotates among; each holder of the
        role it is one of (derived). Empty when it names no one."""
        found: list[ChairNode] = []
        for field in ("post", "person", "organisation"):
            node = getattr(chair, field)
            if node:
                found.append(ChairNode(node=node, chair=chair, field=field))
        for node in chair.rotates_among:
            found.append(ChairNode(node=node, chair=chair, via=ROTATES, field="rotates_among"))
        if chair.one_of is not None:
            label = chair.one_of.label
            if chair.rotates:
                via = f"{ROTATES} among the {label}, in turn"
            else:
                via = f"one of the {label}: the data does not say which"
            for node in self.role_nodes(roles_of, chair.one_of):
                found.append(
                    ChairNode(node=node, chair=chair, derived=True, via=via, field="one_of")
                )
        return found

    def unnamed_holders(self, owner: Owner, role: PartnershipRole) -> int:
        """How many holders of ``role`` in ``owner`` (or a collaboration's member
        partnerships) the data does not name: lead partners given by their role only,
        delegated partners whose post is not stated."""
        return sum(
            len(roles.unnamed_in(role))
            for partnership in self.partnerships_of(owner)
            if (roles := self.roles.get(partnership.id)) is not None
        )

    def role_nodes(self, owner: Owner, role: PartnershipRole) -> list[str]:
        """The posts or organisations holding ``role`` in ``owner`` (a partnership), or
        in a collaboration's member partnerships, each once, in order."""
        found: list[str] = []
        for partnership in self.partnerships_of(owner):
            roles = self.roles.get(partnership.id)
            if roles is not None:
                found += roles.nodes(role)
        return list(dict.fromkeys(found))

    # --- members ----------------------------------------------------------------------

    def role_facts(self, partnership: str, role: PartnershipRole) -> dict[str, list[Any]]:
        """The model entries by which each node holds ``role`` in a partnership (of
        ``Roles.holders``), worked out once."""
        key = (partnership, role)
        found = self._role_facts.get(key)
        if found is None:
            found = {}
            for node, fact in self.roles[partnership].holders(role):
                found.setdefault(node, []).append(fact)
            self._role_facts[key] = found
        return found

    def name(self, key: str) -> str:
        """A readable name for an id (the id itself when it names nothing)."""
        return self.dataset.name_of(key, self.entities)

    def _expand(self, member: Member, owner: Owner) -> list[Resolved]:
        if member.post:
            return [self._entry("post", member.post)]
        if member.organisation:
            return [self._entry("organisation", member.organisation)]
        if member.chair_of:
            found: list[Resolved] = []
            seen: set[str] = set()
            for group_id in member.chair_of:
                chairs = [c for c in self.chair_nodes.get(group_id, []) if c.node]
                if not chairs:
                    found.append(
                        Resolved(
                            node=None,
                            named_as="chair-of",
                            detail=group_id,
                            derived=True,
                            note=f"the chair of the {self.name(group_id)}: the data names no one",
                        )
                    )
                for chair in chairs:
                    assert chair.node is not None
                    if chair.node not in seen:
                        seen.add(chair.node)
                        # one of a role's holders chairs: the data does not say which
                        note = chair.via if chair.field == "one_of" else None
                        found.append(
                            Resolved(
                                node=chair.node,
                                named_as="chair-of",
                                detail=group_id,
                                derived=True,
                                note=note,
                            )
                        )
            return found
        if member.role is not None:
            # many groups name the same role: its expansion is worked out once per owner
            key = (id(owner), member.role, member.acts_for, member.some)
            expanded = self._role_expansions.get(key)
            if expanded is None:
                expanded = self._role_members(member, member.role, owner)
                self._role_expansions[key] = expanded
            return list(expanded)
        return [_BY_TEXT]

    def _entry(
        self,
        named_as: str,
        node: str,
        role: str | None = None,
        acts_for: str | None = None,
        partnerships: tuple[str, ...] = (),
    ) -> Resolved:
        """An entry naming ``node`` as a post, an organisation or a holder of ``role``
        (derived): one object for every member entry that names the node so (it is
        immutable, and many groups name the same members)."""
        key = (named_as, role, acts_for, partnerships)  # then by node: no tuple kept per node
        entries = self._entries.get(key)
        if entries is None:
            entries = self._entries[key] = {}
        found = entries.get(node)
        if found is None:
            derived = role is not None
            found = Resolved(
                node=node,
                named_as=named_as,
                detail=role,
                derived=derived,
                acts_for=acts_for,
                partnerships=partnerships,
            )
            entries[node] = found
        return found

    def _role_members(self, member: Member, role: PartnershipRole, owner: Owner) -> list[Resolved]:
        """What a member entry naming a role expands to: each holder of the role (of the
        statutory partner ``acts_for`` names, where it does), once, in a partnership;
        in a collaboration's group, the holders of each member partnership (a holder of
        several, such as a constabulary serving them all, once, with each of them), and
        for a member partnership whose holders the data does not name, the rule in
        words (never a guessed post), as for the member partnerships the collaboration
        counts but does not name."""
        acts_for = member.acts_for.value if member.acts_for else None
        words = member_role_words(role, member.acts_for)
        rule = Resolved(
            node=None, named_as="role", detail=role.value, derived=True, acts_for=acts_for
        )
        if member.some:  # never each of them
            note = f"some of {words}: the data does not say which"
            return [attrs.evolve(rule, note=note)]
        each = isinstance(owner, Collaboration)
        holders: dict[str, list[str]] = {}
        rules: list[Resolved] = []
        for partnership in self.partnerships_of(owner):
            nodes = [
                node
                for node, fact in self.roles[partnership.id].holders(role)
                if member.acts_for is None or _acts_for(fact, member.acts_for)
            ]
            for node in dict.fromkeys(nodes):
                holders.setdefault(node, []).append(partnership.id)
            # holders the data gives without naming them: never left out silently
            unnamed = [
                fact
                for fact in self.roles[partnership.id].unnamed_in(role)
                if member.acts_for is None or _acts_for(fact, member.acts_for)
            ]
            of = f" of the {partnership.name}" if each else ""
            if not nodes and each and not unnamed:
                why = _unnamed(partnership, role, member.acts_for)
                note = f"{words}{of}: {why}"
                rules.append(attrs.evolve(rule, note=note, partnerships=(partnership.id,)))
            elif not nodes and unnamed:
                note = f"{words}{of}: the data does not name them"
                rules.append(
                    attrs.evolve(rule, note=note, partnerships=(partnership.id,) if each else ())
                )
            elif unnamed:
                note = f"and {len(unnamed)} more of {words}{of} the data does not name"
                rules.append(
                    attrs.evolve(rule, note=note, partnerships=(partnership.id,) if each else ())
                )
        value = role.value
        found = [
            self._entry("role", node, value, acts_for, tuple(keys) if each else ())
            for node, keys in holders.items()
        ]
        found += rules
        if isinstance(owner, Collaboration):
            counted = partial_of(members_given(self.dataset, owner), "members")
            if counted is not None and counted.further:
                others = (
                    "the other member partnership"
                    if counted.further == 1
                    else f"the {counted.further} other member partnerships"
                )
                note = f"{words} of {others} the data does not name: not named in the data"
                found.append(attrs.evolve(rule, note=note))
        if not found:
            found.append(attrs.evolve(rule, note=f"{words}: none in the data"))
        return found

    def role_entry_words(self, entry: Resolved) -> str:
        """The role a member entry names a node by, in words, with the member
        partnerships whose holder it is in a collaboration's group: "the delegated
        safeguarding partners for the chief officer of police of the Isle of Wight
        Safeguarding Children Partnership"."""
        assert entry.detail is not None
        key = (entry.detail, entry.acts_for, entry.partnerships)
        words = self._role_words.get(key)
        if words is None:
            acts_for = StatutoryRole(entry.acts_for) if entry.acts_for else None
            words = member_role_words(PartnershipRole(entry.detail), acts_for)
            if entry.partnerships:
                names = [f"the {self.name(key)}" for key in entry.partnerships]
                words += " of " + and_list(names)
            self._role_words[key] = words
        return words

    def represented_by(self, owner: Owner, organisation: str) -> list[str]:
        """The organisations through which a sector is represented, where stated (in the
        owner's partnerships; visits only that sector's representations)."""
        vias = self.sector_via.get(organisation)
        if not vias:
            return []
        if isinstance(owner, Partnership):
            return list(dict.fromkeys(via for key, via in vias if key == owner.id))
        members = self._member_ids(owner)
        return list(dict.fromkeys(via for key, via in vias if key in members))

    def _member_ids(self, owner: Collaboration) -> set[str]:
        found = self._member_sets.get(id(owner))
        if found is None:
            found = {p.id for p in self.partnerships_of(owner)}
            self._member_sets[id(owner)] = found
        return found

    def expanded_members(self, group_id: str) -> Iterator[tuple[str, str, bool]]:
        """Every (node, how it is named, derived) among a group's members, sectors included."""
        for _, resolved in self.members.get(group_id, []):
            for entry in resolved:
                if entry.node is not None:
                    yield entry.node, entry.named_as, entry.derived
        for _, rep in self.sector_groups.get(group_id, []):
            yield rep.sector, "sector", False

    # --- helpers ----------------------------------------------------------------------

    def organisation_chain(self, organisation: str) -> list[str]:
        """An organisation and the organisations it is part of, nearest first."""
        chain: list[str] = []
        seen: set[str] = set()
        current: str | None = organisation
        while current is not None and current not in seen:
            chain.append(current)
            seen.add(current)
            entity = self.entities.get(current)
            current = entity.parent if isinstance(entity, Organisation) else None
        return chain

    def post_organisation(self, post_id: str) -> str | None:
        entity = self.entities.get(post_id)
        return entity.organisation if isinstance(entity, Post) else None


def is_top(group: Group, lines: Iterable[Line] = ()) -> bool:
    """Whether a group stands at the top of its structure: an executive group or a
    partnership board with no parent group and no line of accountability in place (in
    its ``reports_to``, or among ``lines``: those of its partnership's or
    collaboration's ``lines`` from it). A line for information, of advice or whose
    meaning the source does not state, or one only planned, does not make a group
    answer to another (see :func:`accountable_lines`)."""
    if group.kind not in TOP_KINDS or group.parent is not None:
        return False
    return not accountable_lines((*group.reports_to, *lines))


def accountable_lines(lines: Iterable[Line]) -> list[Line]:
    """The lines of accountability in place among ``lines`` (a ``reports_to`` list,
    or lines of a ``lines`` list): those whose meaning is ``accountable-to``, not
    planned."""
    return [
        line for line in lines if not line.planned and line.meaning() is LineKind.ACCOUNTABLE_TO
    ]


def partnerships_of(
    owner: Owner, entities: Mapping[str, Entity], members: Sequence[str] | None = None
) -> list[Partnership]:
    """The partnerships a body stands for: a partnership itself, or a collaboration's
    member partnerships that ``entities`` (a dataset's index) holds: ``members`` where
    the caller has them (``Dataset.members_of``, which adds the partnerships that say
    they take part), else those the collaboration lists. "The partnership chair" of a
    group is the chair of each of these."""
    if isinstance(owner, Partnership):
        keys: Sequence[str] = [owner.id]
    else:
        keys = owner.members if members is None else members
    return [entity for key in keys if isinstance(entity := entities.get(key), Partnership)]


def members_given(dataset: Dataset, collaboration: Collaboration) -> Collaboration:
    """``collaboration`` with the members ``dataset`` gives it: those it lists, then the
    partnerships that say they take part in it (``Dataset.members_of``: each file of a
    region can say its partnership is part of HIPS). Those are among the members its
    own list leaves out, so where its ``partial`` entry for ``members`` counts further
    members it does not name, the count drops by them, and the list is no longer
    partial once they fill it (unless the copy it was taken from is cut short)."""
    members = dataset.members_of(collaboration)
    added = len(members) - len(collaboration.members)
    if not added:
        return collaboration
    partial = []
    for entry in collaboration.partial:
        if entry.field == "members" and entry.further is not None:
            left = entry.further - added
            if left > 0:
                entry = attrs.evolve(entry, further=left)
            elif entry.truncated:
                entry = attrs.evolve(entry, further=None)
            else:
                continue
        partial.append(entry)
    return attrs.evolve(collaboration, members=members, partial=tuple(partial))


def partnership_chairs(
    owner: Owner | None, entities: Mapping[str, Entity]
) -> list[tuple[Partnership, Chair]]:
    """Every chair of the partnerships ``owner`` stands for, with its partnership: whom
    "the partnership chair" of one of ``owner``'s groups means."""
    if owner is None:
        return []
    return [(p, chair) for p in partnerships_of(owner, entities) for chair in p.chairs]


Notes = Callable[[str], Sequence[str]]
"""What words add about an id beside its name (:func:`chair_notes`): "an elected
member", "also chairs the Health and Wellbeing Board", "also the independent
scrutineer"."""

_SINGLE_ROLES = (PartnershipRole.PARTNERSHIP_CHAIR, PartnershipRole.INDEPENDENT_SCRUTINEER)


def member_role_words(
    role: PartnershipRole, acts_for: StatutoryRole | None = None, *, some: bool = False
) -> str:
    """The role a member entry names, in words: "the delegated safeguarding partners",
    "the delegated safeguarding partners for the chief officer of police" (``acts_for``),
    "some of the relevant agencies" (``some``)."""
    words = role_words(role)
    if acts_for is not None:
        words += f" for the {acts_for.label}"
    return f"some of {words}" if some else words


def _acts_for(fact: object, role: StatutoryRole) -> bool:
    """Whether a lead partner (by its ``role``) or a delegated partner (by its
    ``acts_for``) stands for the statutory partner ``role``."""
    if isinstance(fact, DelegatedPartner):
        return fact.acts_for is role
    return isinstance(fact, LeadPartner) and fact.role is role


_ROLE_FIELDS = {
    PartnershipRole.LEAD_SAFEGUARDING_PARTNERS: "lead_partners",
    PartnershipRole.DELEGATED_SAFEGUARDING_PARTNERS: "delegated_partners",
    PartnershipRole.PARTNERSHIP_CHAIR: "chairs",
    PartnershipRole.INDEPENDENT_SCRUTINEER: "scrutineers",
    PartnershipRole.RELEVANT_AGENCIES: "relevant_agencies",
    PartnershipRole.PARTICIPATING_OBSERVERS: "observers",
}
"""The list of a partnership that holds each role."""


def _unnamed(
    partnership: Partnership, role: PartnershipRole, acts_for: StatutoryRole | None
) -> str:
    """Why a partnership has no holder of ``role`` (for ``acts_for``) in the data, in
    words: the source does not state the list, gives it only in part, or gives
    entries that name no one (a chair in words only); else there is none in the data."""
    field = _ROLE_FIELDS[role]
    if field in partnership.not_stated:
        return "not stated in the source"
    entries = getattr(partnership, field)
    if acts_for is not None:
        entries = [entry for entry in entries if _acts_for(entry, acts_for)]
    if partial_of(partnership, field) is not None or entries:
        return "not named in the data"
    return "none in the data"


def role_words(role: PartnershipRole, *, one: bool = False, in_turn: bool = False) -> str:
    """A partnership role in words: "the delegated safeguarding partners"; with ``one``,
    "one of the delegated safeguarding partners"; with ``in_turn``, "the lead
    safeguarding partners in turn". A role held by one post ("the partnership chair")
    is never "one of" it."""
    words = f"the {role.label}"
    if in_turn:
        return f"{words} in turn"
    if one and role not in _SINGLE_ROLES:
        return f"one of {words}"
    return words


def and_list(texts: Sequence[str], last: str = "and") -> str:
    """``A``, ``A and B``, ``A, B and C`` (or "or", "and/or" for ``last``); where a text
    has a comma of its own (a post with its organisation), ``A; B; and C``, so that
    no reader splits one name in two."""
    texts = [text for text in texts if text]
    if len(texts) <= 1:
        return "".join(texts)
    if any("," in text for text in texts):
        return "; ".join(texts[:-1]) + f"; {last} " + texts[-1]
    return ", ".join(texts[:-1]) + f" {last} " + texts[-1]


def _noted(text: str, notes: Sequence[str]) -> str:
    return f"{text} ({'; '.join(notes)})" if notes and text else text


def chair_words(
    chair: Chair,
    name: Callable[[str], str],
    partnership_chairs: Sequence[tuple[Partnership, Chair]] = (),
    *,
    whose: bool = False,
    notes: Notes | None = None,
) -> str:
    """Who chairs, in words: the one wording of the package, which the documents, the
    summaries and the graph's answers all use. The words read after "chaired by".

    The parts, joined by semicolons: the post (with its holder, as ``name`` gives a
    post), the person or the organisation (an agency only: "Hampshire Constabulary");
    "one of the delegated safeguarding partners", or "the lead safeguarding partners in
    turn" with the period ("..., annually"); "the partnership chair", with the words
    for each of ``partnership_chairs`` (the partnership chairs it stands for: all of
    them, or one for an answer of its own) in brackets, or "(not named in the data)"
    when there are none, and with each one's partnership when ``whose`` (a
    collaboration's group); "a member nominated by the ..." (or ", nominated by the
    ..." after whom it names); "rotating among ..." (with the period, and "in that
    order" only where the data says the list is the order; a list of one says the data
    names only that one). A chair the data gives by its words alone is "not named".
    ``notes`` (see :func:`chair_notes`) adds, in brackets after a post, person or
    organisation, what the data says of it: "an elected member". The chair's role
    (co-chair, vice-chair) is not part of the words: callers show it as they show roles.
    """
    noted = notes or (lambda key: ())
    parts: list[str] = []
    for key in (chair.post, chair.person, chair.organisation):
        if key:
            parts.append(_noted(name(key), noted(key)))
    if chair.one_of is not None:
        words = role_words(chair.one_of, one=True, in_turn=chair.rotates)
        if chair.rotates and chair.rotation_period:
            words += f", {chair.rotation_period}"
        parts.append(words)
    if chair.partnership_chair:
        inner = []
        for partnership, source in partnership_chairs:
            words = chair_words(source, name, notes=notes)
            of = f"the partnership chair of {partnership.label}" if whose else ""
            inner.append(f"{of} ({words})" if of and words else of or words)
        if whose:
            parts.extend(inner or ["the partnership chair (not named in the data)"])
        else:
            held = "; ".join(word for word in inner if word) or "not named in the data"
            parts.append(f"the partnership chair ({held})")
    if chair.nominated_by:
        nominated = f"nominated by the {name(chair.nominated_by)}"
        if parts:
            parts[-1] += f", {nominated}"
        else:
            parts.append(f"a member {nominated}")
    if chair.rotates_among:
        parts.append(rotation_words(chair, name, noted))
    if not parts and chair.text:
        parts.append(NOT_NAMED)
    return "; ".join(parts)


def chaired_by(chair: Chair) -> bool:
    """Whether the chair is given as a body or a role rather than a person or post ("an
    agency only", "one of the delegated safeguarding partners"), so that words say the
    partnership is "chaired by" it (or "co-chaired by") rather than that it is the chair."""
    named = chair.post or chair.person or chair.rotates_among or chair.partnership_chair
    return bool((chair.organisation or chair.one_of) and not named) and chair.role in (
        ChairRole.CHAIR,
        ChairRole.CO_CHAIR,
    )


NOT_NAMED = "not named"
"""The words for a chair the data gives by the document's words alone (a vice-chair
the document mentions without naming)."""


def rotation_words(chair: Chair, name: Callable[[str], str], notes: Notes | None = None) -> str:
    """A chair that rotates among the bodies it lists: "rotating among A, B", "rotating
    annually among A, B, in that order" (the order only where ``rotation_in_order``
    says the list is the order); for a list of one, "rotating; of those it rotates
    among, the data names only A", never "rotating among" one body."""
    noted = notes or (lambda key: ())
    names = [_noted(name(key), noted(key)) for key in chair.rotates_among]
    period = f" {chair.rotation_period}" if chair.rotation_period else ""
    if len(names) == 1:
        return f"rotating{period}; of those it rotates among, the data names only {names[0]}"
    order = ", in that order" if chair.rotation_in_order else ""
    return f"rotating{period} among {', '.join(names)}{order}"


_SCRUTINY_NOTE = "also the independent scrutineer"
_SCRUTINEER_KINDS = (ScrutinyKind.INDEPENDENT_SCRUTINEER, ScrutinyKind.INDEPENDENT_CHAIR)


def scrutinising_posts(partnership: Partnership) -> set[str]:
    """The posts that are the partnership's independent scrutineer: those in its
    ``scrutineers``, and those a scrutiny mechanism of kind ``independent-scrutineer``
    or ``independent-chair`` names in ``by``; for an ``independent-chair`` mechanism
    that names no one (or names the partnership chair's role), the partnership's chairs
    of role chair that are posts."""
    found = {scrutineer.post for scrutineer in partnership.scrutineers}
    for mechanism in partnership.scrutiny:
        if mechanism.kind not in _SCRUTINEER_KINDS:
            continue
        found.update(mechanism.by)
        chair_role = mechanism.by_role is PartnershipRole.PARTNERSHIP_CHAIR
        if mechanism.kind is ScrutinyKind.INDEPENDENT_CHAIR and (
            chair_role or not (mechanism.by or mechanism.by_role)
        ):
            found.update(
                chair.post
                for chair in partnership.chairs
                if chair.post and chair.role is ChairRole.CHAIR
            )
    return found


def post_notes(post: Post, name: Callable[[str], str]) -> list[str]:
    """What the data says of a post beside its title: "an elected member" (a post held
    by an elected member), "also chairs the Health and Wellbeing Board" (bodies outside
    the partnership it chairs)."""
    notes = ["an elected member"] if post.elected else []
    if post.also_chairs:
        notes.append("also chairs " + and_list([f"the {name(key)}" for key in post.also_chairs]))
    return notes


def chair_notes(entities: Mapping[str, Entity], partnerships: Sequence[Partnership] = ()) -> Notes:
    """The ``notes`` for :func:`chair_words`: for a post, :func:`post_notes` and "also
    the independent scrutineer" where the post is a scrutineer of one of
    ``partnerships`` (those the chaired body belongs to, see :func:`scrutinising_posts`);
    for an organisation named collectively, its count (:func:`organisation_notes`)."""
    scrutinising: set[str] = set()
    for partnership in partnerships:
        scrutinising |= scrutinising_posts(partnership)

    def name(key: str) -> str:
        entity = entities.get(key)
        return str(getattr(entity, "name", None) or key)

    def notes(key: str) -> list[str]:
        entity = entities.get(key)
        found: list[str] = []
        if isinstance(entity, Post):
            found += post_notes(entity, name)
            if key in scrutinising:
                found.append(_SCRUTINY_NOTE)
        elif isinstance(entity, Organisation) and entity.collective:
            found.append(collective_words(entity))
        return found

    return notes


def collective_words(organisation: Organisation) -> str:
    """How a body named collectively is counted: "8, not named" where the document gives
    a count, else "named collectively, not one by one"."""
    if organisation.count is not None:
        return f"{organisation.count}, not named"
    return "named collectively, not one by one"


def organisation_notes(organisation: Organisation, name: Callable[[str], str]) -> list[str]:
    """What the data says of an organisation beside its name, where it introduces it:
    its count when it is named collectively, whom it delivers services for, who owns
    it."""
    notes = [collective_words(organisation)] if organisation.collective else []
    if organisation.delivers_for:
        notes.append(
            "delivers services for " + and_list([name(k) for k in organisation.delivers_for])
        )
    if organisation.owned_by:
        notes.append("owned by " + and_list([name(k) for k in organisation.owned_by]))
    return notes


# --- lines ------------------------------------------------------------------------------


def cadence_words(cadence: Cadence | None, text: str | None) -> str | None:
    """How often, in the document's words where the data keeps them (``cadence_text``,
    ``meets_text``, ``every_text``), else the known cadence's label; None for neither."""
    if text:
        return " ".join(text.split())
    return cadence.label if cadence is not None else None


def line_verb(line: Line, field: str = "reports_to") -> str:
    """What a line means, as a verb: "reports to", "reports for information to",
    "advises", "escalates to" (the line's kind, else the meaning of its list)."""
    return line.meaning(field).phrase


def line_targets(line: Line, name: Callable[[str], str]) -> str:
    """Whom a line goes to: "A", or with its alternatives "A and/or B"."""
    return and_list([name(key) for key in line.targets], "and/or")


def line_details(line: Line, name: Callable[[str], str] | None = None) -> list[str]:
    """The line's particulars, in the document's words where kept: the bodies it passes
    through ("via Scrutiny and Challenge Group", with ``name`` to name them), how
    often ("at least three times a year", else the cadence) and when ("by exception").
    What is sent follows them (:func:`line_sends`)."""
    details = []
    if line.via and name is not None:
        details.append("via " + and_list([name(key) for key in line.via]))
    cadence = cadence_words(line.cadence, line.cadence_text)
    if cadence:
        details.append(cadence)
    if line.condition:
        details.append(" ".join(line.condition.split()))
    return details


def line_sends(line: Line) -> str:
    """What is sent along a line, after its particulars: "; sends: analysis of findings
    for the Yearly Report"; "" when the data does not say."""
    return f"; sends: {' '.join(line.subject.split())}" if line.subject else ""


def line_tail(line: Line, name: Callable[[str], str] | None = None, *extra: str) -> str:
    """The particulars of a line in brackets (with ``extra``, such as its dates), then
    what is sent: " (quarterly; by exception); sends: ..."."""
    details = [*line_details(line, name), *(e for e in extra if e)]
    return (f" ({'; '.join(details)})" if details else "") + line_sends(line)


def line_words(line: Line, name: Callable[[str], str], field: str = "reports_to") -> str:
    """A line after the body it is from: "reports for information to the Health and
    Wellbeing Board and/or the Community Safety Partnership (quarterly; by exception);
    sends: ..."."""
    return f"{line_verb(line, field)} {line_targets(line, name)}{line_tail(line, name)}"


def is_leadership(group: Group) -> bool:
    """Whether a group is a leadership group: the lead partners' forum or strategic
    leadership group above the partnership, the top of its accountability and never
    one of the groups under it."""
    return group.kind is GroupKind.LEADERSHIP_GROUP


# --- partial lists and fields unstated for a period --------------------------------------

_NOUNS = {
    "lead_partners": ("lead partner", "lead partners"),
    "delegated_partners": ("delegated partner", "delegated partners"),
    "relevant_agencies": ("relevant agency", "relevant agencies"),
    "functional_links": ("functional link", "functional links"),
    "sector_representation": ("sector", "sectors"),
    "observers": ("observer", "observers"),
    "groups": ("group", "groups"),
    "members": ("member", "members"),
    "chairs": ("chair", "chairs"),
    "scrutineers": ("scrutineer", "scrutineers"),
    "scrutiny": ("scrutiny mechanism", "scrutiny mechanisms"),
    "values": ("value", "values"),
    "principles": ("principle", "principles"),
    "aims": ("aim", "aims"),
    "objectives": ("objective", "objectives"),
    "responsibilities": ("responsibility", "responsibilities"),
    "outcomes": ("outcome", "outcomes"),
    "reports_to": ("line", "lines"),
    "escalates_to": ("route", "routes"),
    "lines": ("line", "lines"),
    "duties": ("duty", "duties"),
    "events": ("event or product", "events and products"),
    "yearly_reports": ("yearly report", "yearly reports"),
    "covers": ("area", "areas"),
    "areas": ("area", "areas"),
    "joint_with": ("body", "bodies"),
}


def field_noun(field: str, count: int = 2) -> str:
    """An entry of a list field in words, singular for one: ``relevant agency``."""
    one, many = _NOUNS.get(field, (field.replace("_", " "), field.replace("_", " ")))
    return one if count == 1 else many


def partial_of(entity: object, field: str) -> PartialList | None:
    """The entity's ``partial`` entry for ``field``, where it gives that list only in part."""
    entries: tuple[PartialList, ...] = getattr(entity, "partial", ())
    return next((entry for entry in entries if entry.field == field), None)


def partial_words(partial: PartialList) -> str:
    """What follows a list the source gives only in part: "and 3 further groups not
    named" where it counts them, else "and others the source does not name"; for a
    list the copy cuts short (``truncated``), "and perhaps others: the copy the data
    was taken from is cut short" (the source itself may not say the list goes on)."""
    cut = "the copy the data was taken from is cut short"
    if partial.further is not None:
        noun = field_noun(partial.field, partial.further)
        words = f"and {partial.further} further {noun} not named"
        return f"{words}; {cut}" if partial.truncated else words
    if partial.truncated:
        return f"and perhaps others: {cut}"
    return "and others the source does not name"


def count_words(count: int, partial: PartialList | None) -> str:
    """A list's count for a heading, never presenting a partial list as complete: "3",
    "3 named, and others the source does not name", "3 named, and 2 further ... not
    named"."""
    if partial is None:
        return str(count)
    return f"{count} named, {partial_words(partial)}"


def unstated_period_words(period: UnstatedPeriod) -> str:
    """A field not stated for a period, with its dates: "chairs: not stated from 2021-04
    to 2021-09"."""
    when = dates_words(period.start, period.end)
    if when[:1].isdigit():
        when = f"from {when}"
    return f"{period.field.replace('_', ' ')}: not stated {when}"


def partners_word(partnership: Partnership) -> str:
    """What the arrangements call their statutory partners: "safeguarding partners"
    under Working Together 2018 or where no edition is stated (the Act's own words),
    "lead safeguarding partners" from the 2023 edition."""
    edition = partnership.guidance
    if edition is None or edition is Instrument.WORKING_TOGETHER_2018:
        return "safeguarding partners"
    return "lead safeguarding partners"


def regimes_text(partnership: Partnership) -> str:
    """The statutory regimes in words, each with its dates: "Working Together to
    Safeguard Children 2023", or "Working Together to Safeguard Children 2018 (to
    2024-08) and Working Together to Safeguard Children 2023 (from 2024-09)"; "not
    stated" when the data names none."""
    if not partnership.regimes:
        return "not stated"
    texts = []
    for regime in partnership.regimes:
        dated = dates_words(regime.start, regime.end)
        texts.append(regime.instrument.title + (f" ({dated})" if dated else ""))
    if len(texts) == 1:
        return texts[0]
    return ", ".join(texts[:-1]) + " and " + texts[-1]


def dates_words(start: PartialDate | None, end: PartialDate | None) -> str:
    """A span in words, as precise as its dates and read against no date (so an end is
    never "ended"): "from 2024-09", "to 2022-06-30", "2019-06 to 2024-08", "starting
    after 2019", "from 2019, ending by 2024-12", or "" when neither is known."""
    since = "" if start is None else (f"from {start}" if start.exact else f"starting {start}")
    if end is None:
        return since
    if end.exact:
        if start is not None and start.exact:
            return f"{start} to {end}"
        return f"{since}, to {end}" if since else f"to {end}"
    return f"{since}, ending {end}" if since else f"ending {end}"


class Standing(Choice):
    """How an entry with dates stands on a reference date (today, or the date an
    output is taken on): ``planned`` (not known to have happened: never current),
    ``ended`` (its end is wholly before the date), ``future`` (its start is wholly
    after it) or ``current`` (none of these: an entry without dates is current as
    the arrangements state it)."""

    CURRENT = "current"
    ENDED = "ended"
    FUTURE = "future"
    PLANNED = "planned"


def reference_span(on: PartialDate | None, today: datetime.date) -> Span:
    """The days against which entries are read as ended or to come: the span of
    ``on`` when an output is taken on a date, else ``today`` (which the faces pass
    in, so that outputs are reproducible in tests)."""
    if on is not None:
        return span_of(on)
    day = (today.year, today.month, today.day)
    return day, day


def standing(
    start: PartialDate | None, end: PartialDate | None, at: Span, *, planned: bool = False
) -> Standing:
    """How an entry dated ``start`` to ``end`` stands on ``at`` (see :class:`Standing`).
    An end that may fall on or after the reference date is not "ended", and a start
    that may fall on or before it is not "future": nothing is decided on a guess."""
    if planned:
        return Standing.PLANNED
    first, last = at
    if end is not None and end.last_day() < first:
        return Standing.ENDED
    if start is not None and start.first_day() > last:
        return Standing.FUTURE
    return Standing.CURRENT


def dated_words(
    start: PartialDate | None, end: PartialDate | None, at: Span, *, planned: bool = False
) -> str:
    """An entry's dates in words, read against ``at``: "planned", "planned for
    2027-01" (or "planned, by 2024-12"), "ended 2021-03", "from 2019, ended 2021-03",
    "from 2027-01", "to 2027-03" (an end still to come is never "ended"), "2019-06 to
    2024-08", "ending by 2022-06-30" (a bound or a range: not yet known to have passed),
    "starting after 2019"; "" for an entry without dates."""
    found = standing(start, end, at, planned=planned)
    if found is Standing.PLANNED:
        if start is None:
            return "planned"
        return f"planned for {start}" if start.exact else f"planned, {start}"
    if found is Standing.ENDED:
        since = dates_words(start, None)
        return (f"{since}, " if since else "") + f"ended {end}"
    return dates_words(start, end)


def resolved_planned(index: ModelIndex, owner: Owner, entry: Resolved) -> bool:
    """Whether a member entry that names a role or the chair of a group reaches
    ``entry.node`` only through planned entries: a planned relevant agency named as one
    of "the relevant agencies", a planned chair named as "the chair of" a group. An
    entry naming a post or an organisation directly is planned by its own flag only."""
    if entry.node is None or not entry.derived:
        return False
    if entry.named_as == "role" and entry.detail:
        key = (id(owner), entry.detail)
        planned = index._role_planned.get(key)
        if planned is None:  # worked out for every holder of the role at once
            role = PartnershipRole(entry.detail)
            facts: dict[str, list[Any]] = {}
            for partnership in index.partnerships_of(owner):
                for node, held in index.role_facts(partnership.id, role).items():
                    facts.setdefault(node, []).extend(held)
            planned = {
                node: bool(held) and all(getattr(fact, "planned", False) for fact in held)
                for node, held in facts.items()
            }
            index._role_planned[key] = planned
        return planned.get(entry.node, False)
    if entry.named_as == "chair-of" and entry.detail:
        chaired = index.entities.get(entry.detail)
        if isinstance(chaired, Group) and chaired.planned:
            return True  # the chair of a group that is not yet in place
        chairs = [c for c in index.chair_nodes.get(entry.detail, []) if c.node == entry.node]
        return bool(chairs) and all(
            c.chair.planned or (c.source is not None and c.source.planned) for c in chairs
        )
    return False
