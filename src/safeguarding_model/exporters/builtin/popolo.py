"""``popolo``: organisations, people, posts and memberships as Popolo JSON.

Popolo (https://www.popoloproject.com/) is the open data standard for people in
organisations. Organisations, partnerships, collaborations and groups are
``organizations`` (a group's ``parent_id`` is the group it sits under, else its
partnership or collaboration); posts are ``posts``; people ``persons``. Memberships
record who holds each post, the lead and delegated safeguarding partners, chairs,
scrutineers, relevant agencies, collaboration members and every group membership
entry, with the document's words in ``label``. Dates stay as precise as the data.
"""

from __future__ import annotations

import json
from typing import Any

from ...model import Chair, Dataset, Entity, Member, Post
from ..exporter import Exporter, ExportOptions
from ..hookspecs import Register, hookimpl

Record = dict[str, Any]


def _compact(record: Record) -> Record:
    return {key: value for key, value in record.items() if value not in (None, [], "")}


def _date(value: object) -> str | None:
    return str(value) if value is not None else None


class _Memberships:
    def __init__(self, index: dict[str, Entity]) -> None:
        self.index = index
        self.records: list[Record] = []

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

    def chair(self, chair: Chair, body: str) -> None:
        role = chair.role.value.replace("-", " ")
        dates = {
            "label": chair.text,
            "start_date": _date(chair.start),
            "end_date": _date(chair.end),
        }
        if chair.post:
            self.post(chair.post, body, role, **dates)
        for organisation in chair.rotates_among:
            self.organisation(organisation, body, f"{role} (rotating)", **dates)
        if not chair.post and not chair.rotates_among:
            self.add(body, role, **dates)

    def member(self, member: Member, group: str) -> None:
        role = member.capacity.value.replace("-", " ")
        fields = {
            "label": member.text,
            "start_date": _date(member.start),
            "end_date": _date(member.end),
        }
        if member.post:
            self.post(member.post, group, role, **fields)
        elif member.organisation:
            self.organisation(member.organisation, group, role, **fields)
        else:
            self.add(group, role, **fields)


def popolo(dataset: Dataset) -> Record:
    """The dataset as a Popolo export: organizations, persons, posts and memberships."""
    index = dataset.index()
    organizations: list[Record] = []
    for o in dataset.organisations:
        other = [{"name": o.short_name, "note": "short name"}] if o.short_name else []
        other += [{"name": n, "note": "former name"} for n in o.former_names]
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
        other += [{"name": n, "note": "former name"} for n in p.former_names]
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
    memberships = _Memberships(index)
    for post in dataset.posts:
        if post.holder:
            role = post.title + (" (acting)" if post.acting else "")
            memberships.post(post.id, post.organisation, role)
    for p in dataset.partnerships:
        for lead in p.lead_partners:
            dates = {
                "label": lead.text,
                "start_date": _date(lead.start),
                "end_date": _date(lead.end),
            }
            memberships.organisation(lead.organisation, p.id, "lead safeguarding partner", **dates)
        for d in p.delegated_partners:
            leads = [lead.organisation for lead in p.lead_partners if lead.role is d.acts_for]
            memberships.post(
                d.post,
                p.id,
                "delegated safeguarding partner",
                on_behalf_of_id=leads[0] if leads else None,
                start_date=_date(d.start),
                end_date=_date(d.end),
            )
        for chair in p.chairs:
            memberships.chair(chair, p.id)
        for s in p.scrutineers:
            memberships.post(
                s.post,
                p.id,
                "independent scrutineer",
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
    for c in dataset.collaborations:
        for partner in c.members:
            memberships.organisation(partner, c.id, "member")
    for _, g in dataset.groups():
        for chair in g.chairs:
            memberships.chair(chair, g.id)
        for entry in g.members:
            memberships.member(entry, g.id)
    return {
        "organizations": organizations,
        "persons": persons,
        "posts": posts,
        "memberships": memberships.records,
    }


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
