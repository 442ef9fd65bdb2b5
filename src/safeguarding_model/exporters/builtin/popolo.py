"""``popolo``: organisations, people, posts and memberships as Popolo JSON.

Popolo (https://www.popoloproject.com/) is the open data standard for people in
organisations. Organisations, partnerships, collaborations and groups are
``organizations`` (a group's ``parent_id`` is the group it sits under, else its
partnership or collaboration); posts are ``posts``; people ``persons``. Memberships
record who holds each post, the lead and delegated safeguarding partners, chairs,
scrutineers, relevant agencies, collaboration members and every group membership
entry, with the document's words in ``label``. Dates stay as precise as the data.

A collaboration the document does not name is called "a collaboration the source does
not name", with ``"named": false`` in its ``extras``. A lead partner the document gives
by its role only, or a delegated partner whose post it does not state, holds a seat
of its own (``<partnership>/partner-1``, ``<partnership>/delegated-1``) whose label says
so: no organisation or post is made up. A partnership, collaboration or group whose
source gives a list only in part says so in its ``extras``: ``"partial": {"members":
"and 2 further members not named"}`` (a collaboration's members are those it lists and
the partnerships that say they take part, and its count of members not named drops by
those). A leadership group
(the lead partners' forum above the partnership) has no
``parent_id``: it is not a part of the partnership it leads, which its ``extras``
name as ``leads``.

Every membership names its member: a person (with the post held), a post, or an
organisation. Entries that name a partnership role, the chairs of other groups or
the partnership chair are resolved to the posts and organisations that hold them,
as the governance graph resolves them (one membership each), with ``"derived": true``
in their ``extras``. A seat the data describes only in words, or a role no one in the
data holds, becomes a post of its own, vacant in the data, whose ``label`` is those
words (its ``id`` is the body's, ``/seat-`` and a number; a chair's, ``/chair-`` and a
number).

Chairs as the data gives them: a post's holder, a person (``person_id``, with no
post), or an organisation only ("chaired by the police": the organisation is the
member); a rotating chair is a membership of each organisation or post it rotates
among, its role ``chair (rotating)``, with ``rotation_period`` and
``rotation_in_order`` in ``extras``; a chair that is one of a partnership role ("one
of the delegated safeguarding partners") is one seat of its own, never a membership
of each holder of the role, since only one of them chairs. A chair's
``nominated_by`` is in ``extras``. A post that chairs bodies outside the partnership
(``also_chairs``) is a chair membership of each; an elected post has ``"elected":
true`` in its ``extras``.

Popolo has no relation for ownership or for delivering services for another
organisation, and ``parent_id`` is containment, one parent: an organisation's
``owned_by`` and ``delivers_for`` are in its ``extras``, as are ``collective`` and
``count`` for an organisation named collectively. Lines, scrutiny, funding, duties,
events and governed documents have no place in Popolo and are left out (the CSV
tables, the RDF plugin and the native formats hold them).

Dates: Popolo's ``start_date``, ``end_date``, ``founding_date`` and
``dissolution_date`` take a year, a month or a day (``2024``, ``2024-09``,
``2024-09-30``), so only such a date is written there; a bound or a range (``by
2024-12``, ``2023 to 2024``) is written, as in the data, under the same name in the
record's ``extras`` instead, never made more precise. What is planned (a planned group,
chair, member or relevant agency, and every membership of a planned group) is not a
membership or an organisation yet: it is listed apart, under ``planned``
(``{"organizations": [...], "posts": [...], "memberships": [...]}``: the planned groups,
the seats made for them, and the planned memberships), with ``"planned": true`` in its
``extras``; a group that sits under a planned group has its partnership or
collaboration as its ``parent_id``, and the planned group as ``extras.parent_id``.
An export taken on a date has ``on``, the date as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ...hooks.specs import hookimpl
from ...io.files import json_pieces
from ...model import (
    Chair,
    Dataset,
    Entity,
    FormerName,
    GroupKind,
    Member,
    PartialDate,
    Partnership,
    Person,
    Post,
)
from ...model.dates import earlier, later
from ...model.meaning import member_role_words, members_given, partial_words, resolved_planned
from ..exporter import Exporter, Register, joined
from ..options import ExportOptions

if TYPE_CHECKING:
    from ...model import Collaboration, Group
    from ...model.meaning import ChairNode, ModelIndex, Resolved

    Owner = Partnership | Collaboration

__all__ = ["popolo", "register_exporters", "render", "stream"]

Record = dict[str, Any]


def _compact(record: Record) -> Record:
    return {key: value for key, value in record.items() if value not in (None, [], "", {})}


def _dated(
    start: PartialDate | None,
    end: PartialDate | None,
    names: tuple[str, str] = ("start_date", "end_date"),
    *,
    planned: bool = False,
) -> Record:
    """A record's dates: a plain date where Popolo takes one, a bound or a range in
    ``extras`` under the same name, and ``planned`` in ``extras`` too."""
    record: Record = {}
    extras: Record = {"planned": True} if planned else {}
    for name, value in zip(names, (start, end), strict=True):
        if value is None:
            continue
        if value.exact:
            record[name] = str(value)
        else:
            extras[name] = str(value)
    if extras:
        record["extras"] = extras
    return record


class _Memberships:
    def __init__(self, model: ModelIndex) -> None:
        self.model = model
        self.index: dict[str, Entity] = model.entities
        self.records: list[Record] = []
        self.planned: list[Record] = []
        self.seats: list[Record] = []
        self.planned_seats: list[Record] = []
        self.planned_groups = {g.id for _, g in model.groups if g.planned}
        self.numbers: dict[tuple[str, str], int] = {}
        self.chair_fields: dict[str, list[tuple[ChairNode, Record]]] = {}
        self.unnamed_chairs: dict[str, list[tuple[Record, bool]]] = {}

    def add(self, organization: str | None, role: str, **fields: Any) -> None:
        """A membership; a planned one (``extras.planned``) goes to the planned list."""
        planned = fields.get("extras", {}).get("planned", False)
        found = self.planned if planned else self.records
        prefix = "planned-membership" if planned else "membership"
        record: Record = {"id": f"{prefix}-{len(found) + 1}", "organization_id": organization}
        record["role"] = role
        record.update(fields)
        found.append(_compact(record))

    def post(self, post_id: str | None, organization: str | None, role: str, **fields: Any) -> None:
        """A membership held through a post: the post's holder where the data names one."""
        post = self.index.get(post_id) if post_id else None
        holder = post.holder if isinstance(post, Post) else None
        self.add(organization, role, post_id=post_id, person_id=holder, **fields)

    def organisation(self, member: str, organization: str, role: str, **fields: Any) -> None:
        self.add(organization, role, member={"@type": "Organization", "id": member}, **fields)

    def who(self, node: str) -> Record:
        """The fields of a membership that name ``node``: a post (and its holder where
        the data names one), a person, or an organisation."""
        entity = self.index.get(node)
        if isinstance(entity, Post):
            return {"post_id": node, "person_id": entity.holder}
        if isinstance(entity, Person):
            return {"person_id": node}
        return {"member": {"@type": "Organization", "id": node}}

    def node(self, node: str, body: str, role: str, **fields: Any) -> None:
        """A membership of whatever a node is: a post (and its holder), a person or an
        organisation."""
        self.add(body, role, **self.who(node), **fields)

    def seat(self, body: str, what: str, title: str) -> str:
        """A post for a seat the data names no one for, held by no one known: its id."""
        number = self.numbers[body, what] = self.numbers.get((body, what), 0) + 1
        post_id = f"{body}/{what}-{number}"
        seats = self.planned_seats if body in self.planned_groups else self.seats
        seats.append({"id": post_id, "label": title, "organization_id": body})
        return post_id

    def chair_seats(self, body: str, nodes: list[ChairNode]) -> None:
        """Who each chair of ``body`` is, worked out before any membership so that "the
        chair of" can name them: a node the model resolves, a person or an organisation
        the chair names, or a seat (a post of its own) for a chair that names no one
        (one nominated by a group) or one of a partnership role."""
        found: list[tuple[ChairNode, Record]] = []
        unnamed: list[tuple[Record, bool]] = []
        seated: set[tuple[int, int]] = set()
        for entry in nodes:
            chair, source = entry.chair, entry.source
            who = source or chair  # the partnership's own entry, for "the partnership chair"
            if chair.one_of or who.one_of:
                key = (id(chair), id(source))
                if key in seated:  # one seat, however many hold the role
                    continue
                seated.add(key)
                fields: Record = {"post_id": self.seat(body, "chair", _seat_words(chair, who))}
            elif entry.node is not None:
                found.append((entry, self.who(entry.node)))
                continue
            elif who.person:
                fields = self.who(who.person)
            elif who.organisation:
                fields = self.who(who.organisation)
            else:
                words = _seat_words(chair, who)
                if chair.nominated_by and not chair.text:
                    words += f", nominated by the {self.model.name(chair.nominated_by)}"
                fields = {"post_id": self.seat(body, "chair", words)}
            found.append((entry, fields))
            unnamed.append((fields, chair.planned or bool(source and source.planned)))
        self.chair_fields[body] = found
        self.unnamed_chairs[body] = unnamed

    def chairs(self, body: str, planned: bool = False) -> None:
        for entry, who in self.chair_fields.get(body, []):
            chair, source = entry.chair, entry.source
            role = entry.role.label
            who_chairs = source or chair  # whose words say who chairs
            rotating = (entry.node is not None and entry.node in who_chairs.rotates_among) or (
                bool(who_chairs.one_of) and who_chairs.rotates
            )
            if rotating:
                role += " (rotating)"
            extras: Record = _compact(
                {
                    "derived": True if entry.derived else None,
                    "nominated_by": chair.nominated_by,
                    "known_on": str(chair.known_on) if chair.known_on else None,
                    "rotation_period": who_chairs.rotation_period if rotating else None,
                    "rotation_in_order": True
                    if rotating and who_chairs.rotation_in_order
                    else None,
                }
            )
            dates = _dated(
                later(chair.start, source.start if source else None),
                earlier(chair.end, source.end if source else None),
                planned=planned or chair.planned or bool(source and source.planned),
            )
            self.add(body, role, **who, label=chair.text, **_with_extras(dates, extras))

    def member(self, member: Member, resolved: list[Resolved], group: Group, owner: Owner) -> None:
        role = member.capacity.label
        if member.some and member.role is not None:  # some of them, never each of them
            self.unexpanded(member, group.id, group.planned)
            return
        entries: list[Resolved | str] = [*resolved]
        if member.chair_of:  # each chaired group's chairs in turn, those named no post too
            by_group: dict[str | None, list[Resolved]] = {}
            for found in resolved:
                by_group.setdefault(found.detail, []).append(found)
            entries = []
            for chaired in member.chair_of:
                entries += by_group.get(chaired, [])
                if self.unnamed_chairs.get(chaired):
                    entries.append(chaired)
        for entry in entries:
            if isinstance(entry, str):  # a chair that is a person, an organisation, a seat
                for who, chair_planned in self.unnamed_chairs[entry]:
                    planned = (
                        member.planned
                        or group.planned
                        or entry in self.planned_groups
                        or chair_planned
                    )
                    dates = _dated(member.start, member.end, planned=planned)
                    fields = {"label": member.text, **_with_extras(dates, {"derived": True})}
                    self.add(group.id, role, **who, **fields)
                continue
            chaired_unnamed = self.unnamed_chairs.get(entry.detail or "")
            if entry.named_as == "chair-of" and entry.node is None and chaired_unnamed:
                continue  # its chairs that name no post follow
            planned = (
                member.planned
                or group.planned
                or resolved_planned(self.model, owner, entry)
                or (entry.named_as == "chair-of" and entry.detail in self.planned_groups)
            )
            extras = {"derived": True} if entry.derived else {}
            dates = _with_extras(_dated(member.start, member.end, planned=planned), extras)
            fields = {"label": member.text, **dates}
            if entry.node is not None:
                self.node(entry.node, group.id, role, **fields)
                continue
            words = entry.note or member.text or role
            if entry.named_as == "text":
                words = member.text or words
            self.add(group.id, role, post_id=self.seat(group.id, "seat", words), **fields)

    def unexpanded(self, member: Member, body: str, planned: bool = False) -> None:
        """A membership entry of the partnership itself, or one that names only some of
        a role's holders: a post or an organisation it names; the chairs of the groups
        it names (derived); else a seat of its own, in its words, never each holder of
        a role."""
        role = member.capacity.label
        dates = _dated(member.start, member.end, planned=planned or member.planned)
        fields = {"label": member.text, **dates}
        if member.post:
            self.post(member.post, body, role, **fields)
            return
        if member.organisation:
            self.organisation(member.organisation, body, role, **fields)
            return
        for chaired in member.chair_of:
            chairs = self.chair_fields.get(chaired, [])
            for entry, who in chairs:
                late = planned or member.planned or chaired in self.planned_groups
                late = late or entry.chair.planned
                found = _dated(member.start, member.end, planned=late)
                self.add(body, role, **who, label=member.text, **_with_extras(found, _DERIVED))
            if not chairs:
                title = f"The chair of the {self.model.name(chaired)}"
                self.add(body, role, post_id=self.seat(body, "seat", title), **fields)
        if member.chair_of:
            return
        words: str | None = member.text
        if words is None and member.role is not None:
            words = member_role_words(member.role, member.acts_for, some=member.some)
            words = words[0].upper() + words[1:]
        self.add(body, role, post_id=self.seat(body, "seat", words or role), **fields)


_DERIVED: Record = {"derived": True}


def _seat_words(chair: Chair, who: Chair) -> str:
    """The title of a seat for a chair that names no one: the document's words, else the
    role a chair is one of ("One of the lead safeguarding partners, in turn"), else the
    part it plays ("Co-chair")."""
    if chair.text:
        return chair.text
    if who.one_of:
        words = f"One of the {who.one_of.label}"
        return words + (", in turn" if who.rotates else "")
    if who.text:
        return who.text
    return chair.role.label.capitalize()


def _partial(entity: object) -> Record:
    """The lists an entity's source gives only in part, as ``extras``: ``{"partial":
    {"members": "and 2 further members not named"}}``, so that no reader takes the
    memberships for the whole list; nothing for an entity whose lists are whole."""
    entries = getattr(entity, "partial", ())
    return {"partial": {e.field: partial_words(e) for e in entries}} if entries else {}


def _with_extras(record: Record, extras: Record) -> Record:
    """``record`` (a record's dates, perhaps with ``extras``) with more ``extras``."""
    if not extras:
        return record
    return {**record, "extras": {**record.get("extras", {}), **extras}}


_LIFE = ("founding_date", "dissolution_date")


def popolo(dataset: Dataset, on: PartialDate | None = None) -> Record:
    """The dataset as a Popolo export: organizations, persons, posts and memberships,
    and what is planned apart; with ``on`` (the date the dataset is the view on), the
    date too."""
    from ...model.meaning import ModelIndex

    model = ModelIndex(dataset)
    organizations: list[Record] = []
    planned: list[Record] = []
    for o in dataset.organisations:
        other = [{"name": o.short_name, "note": "short name"}] if o.short_name else []
        other += [_former(n) for n in o.former_names]
        relations = _compact(
            {
                "owned_by": list(o.owned_by),
                "delivers_for": list(o.delivers_for),
                "collective": True if o.collective else None,
                "count": o.count,
            }
        )
        organizations.append(
            _compact(
                {
                    "id": o.id,
                    "name": o.name,
                    "classification": o.kind.value,
                    "parent_id": o.parent,
                    "other_names": other,
                    **_with_extras(_dated(o.start, o.end, _LIFE), relations),
                }
            )
        )
    for p in dataset.partnerships:
        other = [{"name": p.short_name, "note": "short name"}] if p.short_name else []
        other += [_former(n) for n in p.former_names]
        organizations.append(
            _compact(
                {
                    "id": p.id,
                    "name": p.name,
                    "classification": "safeguarding-partnership",
                    "other_names": other,
                    **_with_extras(_dated(p.start, p.end, _LIFE), _partial(p)),
                }
            )
        )
    # the members the dataset gives each collaboration: those it lists, and the
    # partnerships that say they take part (its partial list of members counted so)
    collaborations = [members_given(dataset, c) for c in dataset.collaborations]
    for c in collaborations:
        other = [{"name": c.short_name, "note": "short name"}] if c.short_name else []
        other += [_former(n) for n in c.former_names]
        organizations.append(
            _compact(
                {
                    "id": c.id,
                    # Popolo needs a name: one the document does not give is said so
                    "name": c.name or c.label,
                    "classification": "collaboration",
                    "other_names": other,
                    **_with_extras(
                        _dated(c.start, c.end, _LIFE),
                        {**_partial(c), **({} if c.named else {"named": False})},
                    ),
                }
            )
        )
    planned_ids = {g.id for _, g in dataset.groups() if g.planned}
    for owner, g in dataset.groups():
        other = [{"name": g.short_name, "note": "short name"}] if g.short_name else []
        under = g.parent if g.parent not in planned_ids or g.planned else None
        dated = _dated(g.start, g.end, _LIFE, planned=g.planned)
        if under is None and g.parent is not None:
            dated["extras"] = {**dated.get("extras", {}), "parent_id": g.parent}
        # a leadership group stands above the partnership it leads: not a part of it
        leads = g.kind is GroupKind.LEADERSHIP_GROUP and under is None
        if leads:
            dated = _with_extras(dated, {"leads": owner.id})
        dated = _with_extras(dated, _partial(g))
        record = _compact(
            {
                "id": g.id,
                "name": g.name,
                "classification": g.kind.value,
                "parent_id": under or (None if leads else owner.id),
                "other_names": other,
                **dated,
            }
        )
        (planned if g.planned else organizations).append(record)
    persons = [{"id": person.id, "name": person.name} for person in dataset.people]
    posts = [
        _compact(
            {
                "id": post.id,
                "label": post.title,
                "organization_id": post.organisation,
                **_with_extras(
                    _dated(post.start, post.end), {"elected": True} if post.elected else {}
                ),
            }
        )
        for post in dataset.posts
    ]
    memberships = _Memberships(model)
    for body in [*(p.id for p in dataset.partnerships), *(g.id for _, g in model.groups)]:
        memberships.chair_seats(body, model.chair_nodes.get(body, []))
    for post in dataset.posts:
        if post.holder:
            role = post.title + (" (acting)" if post.acting else "")
            memberships.post(post.id, post.organisation, role)
    for post in dataset.posts:  # the bodies outside the partnership a post chairs
        for chaired in post.also_chairs:
            memberships.post(post.id, chaired, "chair")
    for p in dataset.partnerships:
        partnership(memberships, p, model)
    for c in collaborations:
        for partner in c.members:  # those it lists, and those that say so
            memberships.organisation(partner, c.id, "member")
    for owner, g in model.groups:
        memberships.chairs(g.id, planned=g.planned)
        for entry, resolved in model.members.get(g.id, []):
            memberships.member(entry, resolved, g, owner)
    found: Record = {} if on is None else {"on": str(on)}
    found |= {
        "organizations": organizations,
        "persons": persons,
        "posts": posts + memberships.seats,
        "memberships": memberships.records,
    }
    if planned or memberships.planned or memberships.planned_seats:
        found["planned"] = {
            "organizations": planned,
            "posts": memberships.planned_seats,
            "memberships": memberships.planned,
        }
    return found


def partnership(memberships: _Memberships, p: Partnership, model: ModelIndex) -> None:
    """The memberships of one partnership: partners, chairs, scrutineers, agencies."""
    role = "lead safeguarding partner"
    for lead in p.lead_partners:
        dates = {"label": lead.text, **_dated(lead.start, lead.end)}
        if lead.organisation is None:  # known by its role only: never an invented body
            if lead.post:  # the post the document names, its organisation not named
                memberships.post(lead.post, p.id, role, **dates)
                continue
            title = f"The {lead.role.label} (the organisation is not named)"
            seat = memberships.seat(p.id, "partner", title)
            memberships.add(p.id, role, post_id=seat, **dates)
            continue
        memberships.organisation(lead.organisation, p.id, role, **dates)
    for d in p.delegated_partners:
        acts_for = p.lead_for(d)
        fields = {
            "on_behalf_of_id": acts_for.organisation if acts_for else None,
            **_dated(d.start, d.end),
        }
        if d.post is None:  # its post is not stated: a seat of its own
            title = d.text or f"A delegated safeguarding partner for the {d.acts_for.label}"
            seat = memberships.seat(p.id, "delegated", f"{title} (the post is not stated)")
            memberships.add(p.id, "delegated safeguarding partner", post_id=seat, **fields)
            continue
        memberships.post(d.post, p.id, "delegated safeguarding partner", **fields)
    memberships.chairs(p.id)
    for s in p.scrutineers:
        memberships.post(
            s.post,
            p.id,
            "independent scrutineer",
            label=s.text,
            **_dated(s.start, s.end),
        )
    for a in p.relevant_agencies:
        memberships.organisation(
            a.organisation,
            p.id,
            "relevant agency",
            label=a.footnote,
            **_dated(a.start, a.end, planned=a.planned),
        )
    for observer in p.observers:
        role, label = "participating observer", observer.text
        if observer.post:
            memberships.post(observer.post, p.id, role, label=label)
        elif observer.organisation:
            memberships.organisation(observer.organisation, p.id, role, label=label)
    for member in p.members:  # the partnership's own members, as written
        memberships.unexpanded(member, p.id)


def stream(dataset: Dataset, options: ExportOptions) -> Iterator[str]:
    """The Popolo JSON a record at a time (written to a file as it comes)."""
    data = popolo(dataset, options.on)
    return json_pieces((key, value, isinstance(value, list)) for key, value in data.items())


render = joined(stream)


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="popolo",
            media_type="application/json",
            extension="popolo.json",
            description="organisations, people, posts and memberships as Popolo JSON",
            render=render,
            stream=stream,
        )
    )


def _former(name: FormerName) -> Record:
    """A former name as a Popolo other name, with its dates where known."""
    return _compact({"name": name.name, "note": "former name", **_dated(name.start, name.end)})
