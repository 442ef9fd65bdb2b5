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
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ...hooks.specs import hookimpl
from ...model import Dataset, Entity, FormerName, Member, Partnership, Post
from ..exporter import Exporter, Register
from ..options import ExportOptions

if TYPE_CHECKING:
    from ...model.meaning import ChairNode, ModelIndex, Resolved

__all__ = ["popolo", "register_exporters", "render"]

Record = dict[str, Any]


def _compact(record: Record) -> Record:
    return {key: value for key, value in record.items() if value not in (None, [], "")}


def _date(value: object) -> str | None:
    return str(value) if value is not None else None


class _Memberships:
    def __init__(self, model: ModelIndex) -> None:
        self.model = model
        self.index: dict[str, Entity] = model.entities
        self.records: list[Record] = []
        self.seats: list[Record] = []
        self.numbers: dict[tuple[str, str], int] = {}
        self.chair_posts: dict[str, list[str]] = {}

    def add(self, organization: str | None, role: str, **fields: Any) -> None:
        record: Record = {
            "id": f"membership-{len(self.records) + 1}",
            "organization_id": organization,
        }
        record["role"] = role
        record.update(fields)
        self.records.append(_compact(record))

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
        self.seats.append({"id": post_id, "label": title, "organization_id": body})
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

    def chairs(self, body: str, nodes: list[ChairNode]) -> None:
        seats = iter(self.chair_posts.get(body, ()))
        for entry in nodes:
            chair = entry.chair
            role = chair.role.label
            if entry.node is not None and entry.node in chair.rotates_among:
                role += " (rotating)"
            dates = {
                "label": chair.text,
                "start_date": _date(chair.start),
                "end_date": _date(chair.end),
            }
            if entry.node is not None:
                self.node(entry.node, body, role, **dates)
            else:
                self.add(body, role, post_id=next(seats), **dates)

    def member(self, member: Member, resolved: list[Resolved], group: str) -> None:
        role = member.capacity.label
        fields = {
            "label": member.text,
            "start_date": _date(member.start),
            "end_date": _date(member.end),
        }
        for entry in resolved:
            if entry.node is not None:
                self.node(entry.node, group, role, **fields)
                continue
            chair_posts = self.chair_posts.get(entry.detail or "", [])
            if entry.named_as == "chair-of" and chair_posts:
                for post_id in chair_posts:  # the chair's own seat, named no one
                    self.add(group, role, post_id=post_id, **fields)
                continue
            words = entry.note or member.text or role
            if entry.named_as == "text":
                words = member.text or words
            self.add(group, role, post_id=self.seat(group, "seat", words), **fields)


def popolo(dataset: Dataset) -> Record:
    """The dataset as a Popolo export: organizations, persons, posts and memberships."""
    from ...model.meaning import ModelIndex

    model = ModelIndex(dataset)
    organizations: list[Record] = []
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
                }
            )
        )
    for c in dataset.collaborations:
        other = [{"name": c.short_name, "note": "short name"}] if c.short_name else []
        organizations.append(
            _compact(
                {
                    "id": c.id,
                    "name": c.name,
                    "classification": "collaboration",
                    "other_names": other,
                    "founding_date": _date(c.start),
                    "dissolution_date": _date(c.end),
                }
            )
        )
    for owner, g in dataset.groups():
        other = [{"name": g.short_name, "note": "short name"}] if g.short_name else []
        organizations.append(
            _compact(
                {
                    "id": g.id,
                    "name": g.name,
                    "classification": g.kind.value,
                    "parent_id": g.parent or owner.id,
                    "other_names": other,
                    "founding_date": _date(g.start),
                    "dissolution_date": _date(g.end),
                }
            )
        )
    persons = [{"id": person.id, "name": person.name} for person in dataset.people]
    posts = [
        _compact(
            {
                "id": post.id,
                "label": post.title,
                "organization_id": post.organisation,
                "start_date": _date(post.start),
                "end_date": _date(post.end),
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
    for _, g in model.groups:
        memberships.chairs(g.id, model.chair_nodes.get(g.id, []))
        for entry, resolved in model.members.get(g.id, []):
            memberships.member(entry, resolved, g.id)
    return {
        "organizations": organizations,
        "persons": persons,
        "posts": posts + memberships.seats,
        "memberships": memberships.records,
    }


def partnership(memberships: _Memberships, p: Partnership, model: ModelIndex) -> None:
    """The memberships of one partnership: partners, chairs, scrutineers, agencies."""
    for lead in p.lead_partners:
        dates = {
            "label": lead.text,
            "start_date": _date(lead.start),
            "end_date": _date(lead.end),
        }
        memberships.organisation(lead.organisation, p.id, "lead safeguarding partner", **dates)
    for d in p.delegated_partners:
        memberships.post(
            d.post,
            p.id,
            "delegated safeguarding partner",
            on_behalf_of_id=acts_for.organisation if (acts_for := p.lead_for(d)) else None,
            start_date=_date(d.start),
            end_date=_date(d.end),
        )
    memberships.chairs(p.id, model.chair_nodes.get(p.id, []))
    for s in p.scrutineers:
        memberships.post(
            s.post,
            p.id,
            "independent scrutineer",
            label=s.text,
            start_date=_date(s.start),
            end_date=_date(s.end),
        )
    for a in p.relevant_agencies:
        memberships.organisation(
            a.organisation,
            p.id,
            "relevant agency",
            label=a.footnote,
            start_date=_date(a.start),
            end_date=_date(a.end),
        )
    for observer in p.observers:
        role, label = "participating observer", observer.text
        if observer.post:
            memberships.post(observer.post, p.id, role, label=label)
        elif observer.organisation:
            memberships.organisation(observer.organisation, p.id, role, label=label)


def render(dataset: Dataset, options: ExportOptions) -> str:
    return json.dumps(popolo(dataset), indent=2, ensure_ascii=False) + "\n"


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
    return _compact(
        {
            "name": name.name,
            "note": "former name",
            "start_date": str(name.start) if name.start else None,
            "end_date": str(name.end) if name.end else None,
        }
    )
