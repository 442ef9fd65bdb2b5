"""``popolo``: organisations, people, posts and memberships as Popolo JSON.

Popolo (https://www.popoloproject.com/) is the open data standard for people in
organisations. Organisations, partnerships, collaborations and groups are
``organizations`` (a group's ``parent_id`` is the group it sits under, else its
partnership or collaboration); posts are ``posts``; people ``persons``. Memberships
record who holds each post, the lead and delegated safeguarding partners, chairs,
scrutineers, relevant agencies, collaboration members and every group membership
entry, with the document's words in ``label``. Dates stay as precise as the data.

Every membership names its member: a person (with the post held), a post, or an
organisation. Entries that name a partnership role, the chairs of other groups or
the partnership chair are resolved to the posts and organisations that hold them,
as the governance graph resolves them (one membership each). A seat the data
describes only in words, or a role no one in the data holds, becomes a post of its
own, vacant in the data, whose ``label`` is those words (its ``id`` is the body's,
``/seat-`` and a number; a chair's, ``/chair-`` and a number).

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

import json
from typing import TYPE_CHECKING, Any

from ...hooks.specs import hookimpl
from ...model import Dataset, Entity, FormerName, Member, PartialDate, Partnership, Post
from ...model.dates import earlier, later
from ...model.meaning import resolved_planned
from ..exporter import Exporter, Register
from ..options import ExportOptions

if TYPE_CHECKING:
    from ...model import Collaboration, Group
    from ...model.meaning import ChairNode, ModelIndex, Resolved

    Owner = Partnership | Collaboration

__all__ = ["popolo", "register_exporters", "render"]

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
        self.chair_posts: dict[str, list[str]] = {}

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

    def node(self, node: str, body: str, role: str, **fields: Any) -> None:
        """A membership of whatever a node is: a post (and its holder) or an organisation."""
        if isinstance(self.index.get(node), Post):
            self.post(node, body, role, **fields)
        else:
            self.organisation(node, body, role, **fields)

    def seat(self, body: str, what: str, title: str) -> str:
        """A post for a seat the data names no one for, held by no one known: its id."""
        number = self.numbers[body, what] = self.numbers.get((body, what), 0) + 1
        post_id = f"{body}/{what}-{number}"
        seats = self.planned_seats if body in self.planned_groups else self.seats
        seats.append({"id": post_id, "label": title, "organization_id": body})
        return post_id

    def chair_seats(self, body: str, nodes: list[ChairNode]) -> None:
        """The posts for the chairs of ``body`` that name no one (a chair nominated by a
        group, say), made before any membership so that "the chair of" can name them."""
        for entry in nodes:
            if entry.node is None:
                chair = entry.chair
                words = chair.text or chair.role.label.capitalize()
                if chair.nominated_by and not chair.text:
                    words += f", nominated by the {self.model.name(chair.nominated_by)}"
                self.chair_posts.setdefault(body, []).append(self.seat(body, "chair", words))

    def chairs(self, body: str, nodes: list[ChairNode], planned: bool = False) -> None:
        seats = iter(self.chair_posts.get(body, ()))
        for entry in nodes:
            chair = entry.chair
            role = chair.role.label
            if entry.node is not None and entry.node in chair.rotates_among:
                role += " (rotating)"
            source = entry.source
            dates = {
                "label": chair.text,
                **_dated(
                    later(chair.start, source.start if source else None),
                    earlier(chair.end, source.end if source else None),
                    planned=planned or chair.planned or bool(source and source.planned),
                ),
            }
            if entry.node is not None:
                self.node(entry.node, body, role, **dates)
            else:
                self.add(body, role, post_id=next(seats), **dates)

    def member(self, member: Member, resolved: list[Resolved], group: Group, owner: Owner) -> None:
        role = member.capacity.label
        for entry in resolved:
            planned = (
                member.planned
                or group.planned
                or resolved_planned(self.model, owner, entry)
                or (entry.named_as == "chair-of" and entry.detail in self.planned_groups)
            )
            fields = {"label": member.text, **_dated(member.start, member.end, planned=planned)}
            if entry.node is not None:
                self.node(entry.node, group.id, role, **fields)
                continue
            chair_posts = self.chair_posts.get(entry.detail or "", [])
            if entry.named_as == "chair-of" and chair_posts:
                for post_id in chair_posts:  # the chair's own seat, named no one
                    self.add(group.id, role, post_id=post_id, **fields)
                continue
            words = entry.note or member.text or role
            if entry.named_as == "text":
                words = member.text or words
            self.add(group.id, role, post_id=self.seat(group.id, "seat", words), **fields)


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
        organizations.append(
            _compact(
                {
                    "id": o.id,
                    "name": o.name,
                    "classification": o.kind.value,
                    "parent_id": o.parent,
                    "other_names": other,
                    **_dated(o.start, o.end, _LIFE),
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
                    **_dated(p.start, p.end, _LIFE),
                }
            )
        )
    for c in dataset.collaborations:
        other = [{"name": c.short_name, "note": "short name"}] if c.short_name else []
        other += [_former(n) for n in c.former_names]
        organizations.append(
            _compact(
                {
                    "id": c.id,
                    "name": c.name,
                    "classification": "collaboration",
                    "other_names": other,
                    **_dated(c.start, c.end, _LIFE),
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
        record = _compact(
            {
                "id": g.id,
                "name": g.name,
                "classification": g.kind.value,
                "parent_id": under or owner.id,
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
                **_dated(post.start, post.end),
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
    for p in dataset.partnerships:
        partnership(memberships, p, model)
    for c in dataset.collaborations:
        for partner in c.members:
            memberships.organisation(partner, c.id, "member")
    for owner, g in model.groups:
        memberships.chairs(g.id, model.chair_nodes.get(g.id, []), planned=g.planned)
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
    for lead in p.lead_partners:
        dates = {"label": lead.text, **_dated(lead.start, lead.end)}
        memberships.organisation(lead.organisation, p.id, "lead safeguarding partner", **dates)
    for d in p.delegated_partners:
        memberships.post(
            d.post,
            p.id,
            "delegated safeguarding partner",
            on_behalf_of_id=acts_for.organisation if (acts_for := p.lead_for(d)) else None,
            **_dated(d.start, d.end),
        )
    memberships.chairs(p.id, model.chair_nodes.get(p.id, []))
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


def render(dataset: Dataset, options: ExportOptions) -> str:
    return json.dumps(popolo(dataset, options.on), indent=2, ensure_ascii=False) + "\n"


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="popolo",
            media_type="application/json",
            extension="popolo.json",
            description="organisations, people, posts and memberships as Popolo JSON",
            render=render,
        )
    )


def _former(name: FormerName) -> Record:
    """A former name as a Popolo other name, with its dates where known."""
    return _compact({"name": name.name, "note": "former name", **_dated(name.start, name.end)})
