"""A summary of a partnership's arrangements: the facts people look for first.

``summary`` returns plain data (for ``--format json`` and for notebooks); the
command line renders it as text. Every dated entry carries its ``start`` and ``end``
as written, its ``status`` (``current``, ``ended``, ``future`` or ``planned``, read
against the date shown) and its ``dates`` in words ("ended 2021-03", "from 2027-01",
"planned"); what is planned is kept apart from what is in place. Every line carries
its meaning and its words ("reports for information to ..."); a list the source
gives only in part carries its ``partial`` entry, so that no reader takes it for
the whole list.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from ..model import (
    Chair,
    ChairRole,
    Collaboration,
    Dataset,
    Entity,
    GovernedDocument,
    Group,
    GroupKind,
    Item,
    Line,
    Member,
    Organisation,
    PartialDate,
    Partnership,
    PartnershipRole,
    Post,
    ReportingLine,
    Source,
    UnstatedPeriod,
)
from ..model.dates import OnDate, Span, span_of
from ..model.meaning import (
    Standing,
    and_list,
    cadence_words,
    chair_notes,
    chair_words,
    chaired_by,
    dated_words,
    is_leadership,
    line_details,
    line_targets,
    line_verb,
    line_words,
    member_role_words,
    members_given,
    organisation_notes,
    partial_of,
    partial_words,
    partnership_chairs,
    partnerships_of,
    reference_span,
    role_words,
    standing,
    unstated_period_words,
)
from .neighbourhood import references
from .progress import plan_summary

__all__ = ["chair_text", "collaboration_summary", "documents_of", "group_summary", "summary"]


def chair_text(
    chair: Chair,
    owner: Partnership | Collaboration | None,
    dataset: Dataset,
    index: dict[str, Entity],
    at: Span | None = None,
    *,
    partnership: Partnership | None = None,
) -> str:
    """Who chairs a body of ``owner``, in words (the model's
    :func:`~safeguarding_model.model.meaning.chair_words`; "the partnership chair" is
    the chair of each partnership ``owner`` stands for), with the chair's role in front
    unless it is the chair: ``co-chair: ...``. With ``at``, "the partnership chair"
    names only the partnership chairs in place then (not one that has ended, is still
    to come or is planned), and says when none is. ``partnership`` is the partnership
    whose own chair this is (``owner`` None): a post that is also its independent
    scrutineer, held by an elected member, or chairing a body outside the partnership,
    says so."""
    sources = partnership_chairs(owner, index)
    if at is not None:
        found = [
            (p, c)
            for p, c in sources
            if standing(c.start, c.end, at, planned=c.planned) is Standing.CURRENT
        ]
        none = bool(sources) and not found
        sources = found
    whose = isinstance(owner, Collaboration)
    bodies = partnerships_of(owner, index) if owner is not None else []
    if partnership is not None:
        bodies.append(partnership)
    text = chair_words(
        chair,
        lambda key: dataset.name_of(key, index),
        sources,
        whose=whose,
        notes=chair_notes(index, bodies),
    )
    if at is not None and none and chair.partnership_chair:
        text = text.replace(NOT_NAMED, "none in place on this date", 1)
    return text if chair.role is ChairRole.CHAIR else f"{chair.role.label}: {text}"


NOT_NAMED = "not named in the data"
"""What the model's chair words say for "the partnership chair" with no chair to name."""


def documents_of(dataset: Dataset, body: Partnership | Collaboration) -> list[GovernedDocument]:
    """The governed documents (strategies, plans, frameworks) a partnership or
    collaboration has to do with, in the dataset's order: those it or one of its groups
    owns, monitors or delivers, those a collaboration it belongs to owns (for a
    partnership), and the delivery plans for any of these that it or its groups own."""
    own = {body.id, *(group.id for group in body.groups)}
    collaborations = (
        {c.id for c in dataset.collaborations_of(body)} if isinstance(body, Partnership) else set()
    )
    # the documents that name one of those, found from the dataset's references (in
    # the dataset's order) rather than by reading every document of a region or nation
    named = references(dataset)
    candidates = sorted(
        number
        for number in named.naming(own | collaborations)
        if named.entries[number][0] == "documents"
    )
    found = [
        document
        for document in (named.entity(dataset, number) for number in candidates)
        if document.owner in own
        or document.owner in collaborations
        or own.intersection(document.monitored_by)
        or own.intersection(document.delivered_by)
    ]
    return found


def _written(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _joined(*phrases: str) -> str:
    """Phrases joined, each once (an entry and what it names may give the same dates)."""
    return "; ".join(dict.fromkeys(phrase for phrase in phrases if phrase))


def items_data(items: Sequence[Item]) -> list[dict[str, Any]]:
    """Items as plain data: each text with its points, and, for an item whose points the
    source gives only in part, ``partial``: what it leaves out, in words."""
    return [item_data(item) for item in items]


def item_data(item: Item) -> dict[str, Any]:
    """One item as plain data (see :func:`items_data`)."""
    found: dict[str, Any] = {"text": item.text, "points": items_data(item.points)}
    more = partial_of(item, "points")
    if more is not None:
        found["partial"] = partial_words(more)
    return found


def money(amount: int) -> str:
    """Whole pounds in words: ``£120,000``."""
    return f"£{amount:,}"


def percent(value: float) -> str:
    """A share in words: ``33.3%``, ``50%``."""
    return f"{value:g}%"


class _Summary:
    """The summary's pieces, each entry's dates read against ``at``; ``home`` is the
    partnership (or collaboration) summarised, whose own groups need no owner named."""

    def __init__(
        self, dataset: Dataset, at: Span, given: Dataset | None = None, home: str | None = None
    ) -> None:
        self.dataset = dataset
        self.index = dataset.index()
        self.at = at
        self.given = given
        self.home = home
        owners = [*dataset.partnerships, *dataset.collaborations]
        self.whose: dict[str, tuple[str, str]] = {}
        """The owner (id, label) of each group, where the data holds several owners: in
        a region several partnerships have an "Executive Group"."""
        if len(owners) > 1:
            for owner, group in dataset.groups():
                self.whose.setdefault(group.id, (owner.id, owner.label))

    def at_home(self, home: str) -> _Summary:
        """The same pieces, about another partnership or collaboration."""
        other = copy.copy(self)
        other.home = home
        return other

    def name(self, key: str | None) -> str:
        return self.dataset.name_of(key, self.index)

    def called(self, key: str | None) -> str:
        """A body's name as the text says it: a group of another partnership or
        collaboration than the one summarised with its owner's label, "Child
        Exploitation Delivery Subgroup (IOWSCP)" (unless its name says it already:
        "HIPS Executive Group")."""
        name = self.name(key)
        owner, label = self.whose.get(key or "", (self.home, ""))
        if owner == self.home or label in name.split():
            return name
        return f"{name} ({label})"

    def ref(self, key: str) -> dict[str, Any]:
        """An id with its name (and, for an organisation named collectively, its count;
        for another owner's group, ``called``: its name with its owner's)."""
        found: dict[str, Any] = {"id": key, "name": self.name(key)}
        if (called := self.called(key)) != found["name"]:
            found["called"] = called
        entity = self.index.get(key)
        if isinstance(entity, Organisation | Post):
            notes = self.notes(key)
            if notes:
                found["notes"] = notes
        return found

    def notes(self, key: str | None) -> list[str]:
        """What the data says of an organisation or a post beside its name."""
        entity = self.index.get(key or "")
        if isinstance(entity, Organisation):
            return organisation_notes(entity, self.name)
        return list(chair_notes(self.index)(key)) if isinstance(entity, Post) and key else []

    def dated(self, entry: Any, *also: str) -> dict[str, Any]:
        """An entry's ``start``, ``end``, ``status`` and ``dates`` (in words, with the
        words of ``also``: the dates of what it names)."""
        start, end = getattr(entry, "start", None), getattr(entry, "end", None)
        planned = getattr(entry, "planned", False)
        return {
            "start": _written(start),
            "end": _written(end),
            "status": standing(start, end, self.at, planned=planned).value,
            "dates": _joined(dated_words(start, end, self.at, planned=planned), *also),
        }

    def own(self, key: str | None) -> str:
        """The dates of an organisation or a post (its tenure, or the document that
        names its holder) in words."""
        entity = self.index.get(key or "")
        if isinstance(entity, Post) and entity.known_on and not (entity.start or entity.end):
            return f"named in a document of {entity.known_on}; tenure not stated"
        if entity is None or not hasattr(entity, "start"):
            return ""
        return dated_words(entity.start, entity.end, self.at)  # type: ignore[union-attr]

    def line(self, line: Line, field: str = "reports_to") -> dict[str, Any]:
        found: dict[str, Any] = {}
        if isinstance(line, ReportingLine):
            found = {"by": line.by, "by_name": self.called(line.by)}
        return {
            **found,
            "to": line.to,
            "name": self.name(line.to),
            "alternatives": [self.ref(key) for key in line.alternatives],
            "kind": line.kind.value if line.kind else None,
            "meaning": line.meaning(field).value,
            "verb": line_verb(line, field),
            "targets": line_targets(line, self.called),
            "cadence": line.cadence.value if line.cadence else None,
            "cadence_label": line.cadence.label if line.cadence else None,
            "cadence_text": line.cadence_text,
            "condition": line.condition,
            "subject": line.subject,
            "via": [self.ref(key) for key in line.via],
            "details": line_details(line, self.called),
            "words": line_words(line, self.called, field),
            "text": line.text,
            "planned": line.planned,
            **self.dated(line, self.own(line.to)),
        }

    def chair(self, chair: Chair, owner: Partnership | Collaboration | None) -> str:
        """A chair in words, with its dates: ``co-chair: ... (ended 2021-03)``."""
        text = chair_text(chair, owner, self.dataset, self.index, self.at)
        dates = self.dated(chair, self.known(chair), self.own(chair.post))["dates"]
        return f"{text} ({dates})" if dates else text

    def known(self, chair: Chair) -> str:
        """For a chair only a document of one date names: "named in a document of
        2020-09; since and until when not stated"."""
        if chair.known_on is None:
            return ""
        return f"named in a document of {chair.known_on}; since and until when not stated"

    def partial(self, entity: Any) -> list[dict[str, Any]]:
        """The lists ``entity`` gives only in part: each with how many entries it
        ``given`` (named), how many ``further`` the source counts, and the words."""
        return [
            {
                "field": p.field,
                "given": len(getattr(entity, p.field, ())),
                "further": p.further,
                "text": p.text,
                "words": partial_words(p),
            }
            for p in getattr(entity, "partial", ())
        ]

    def unstated_for(self, entity: Any) -> list[dict[str, Any]]:
        periods: tuple[UnstatedPeriod, ...] = getattr(entity, "not_stated_for", ())
        return [
            {
                "field": p.field,
                "start": _written(p.start),
                "end": _written(p.end),
                "text": p.text,
                "words": unstated_period_words(p),
            }
            for p in periods
        ]

    def group(self, group: Group, owner: Partnership | Collaboration | None) -> dict[str, Any]:
        return {
            "id": group.id,
            "name": group.name,
            "kind": group.kind.value,
            "kind_label": group.kind.label,
            "leadership": is_leadership(group),
            "parent": group.parent,
            "parent_name": self.called(group.parent) if group.parent else None,
            "chairs": [self.chair(c, owner) for c in group.chairs if not c.planned],
            "chair_texts": [c.text for c in group.chairs if not c.planned],
            "planned_chairs": [self.chair(c, owner) for c in group.chairs if c.planned],
            "meets": group.meets.value if group.meets else None,
            "meets_label": group.meets.label if group.meets else None,
            "meets_text": group.meets_text,
            "meets_words": cadence_words(group.meets, group.meets_text),
            "joint_with": [{"id": j, "name": self.called(j)} for j in group.joint_with],
            "covers": [self.ref(key) for key in group.covers],
            "scope": group.scope.value if group.scope else None,
            "ends_when": group.ends_when,
            "reports_to": [self.line(line) for line in group.reports_to],
            "escalates_to": [self.line(line, "escalates_to") for line in group.escalates_to],
            "members": len([m for m in group.members if not m.planned]),
            "planned_members": [
                {
                    "text": member.text,
                    "named": member.post or member.organisation,
                    "name": self.name(member.post or member.organisation)
                    if member.post or member.organisation
                    else None,
                    **self.dated(member),
                }
                for member in group.members
                if member.planned
            ],
            "planned": group.planned,
            **self.dated(group),
            "partial": self.partial(group),
            "not_stated": list(group.not_stated),
            "not_stated_for": self.unstated_for(group),
        }

    def document(self, document: GovernedDocument) -> dict[str, Any]:
        return {
            "id": document.id,
            "title": document.title,
            "kind": document.kind.value,
            "kind_label": document.kind.label,
            "owner": self.ref(document.owner),
            "monitored_by": [self.ref(key) for key in document.monitored_by],
            "delivered_by": [self.ref(key) for key in document.delivered_by],
            "delivers": self.ref(document.delivers) if document.delivers else None,
            "period": _written(document.period),
            "reviewed": _written(document.reviewed),
            "next_review": _written(document.next_review),
            "items": items_data(document.items),
            "text": document.text,
            "planned": document.planned,
            "partial": self.partial(document),
            **self.dated(document),
        }

    def collaboration(self, collaboration: Collaboration) -> dict[str, Any]:
        made = self.at_home(collaboration.id)  # its own groups need no owner named
        return {
            "id": collaboration.id,
            "name": collaboration.name or collaboration.label,
            "named": collaboration.named,
            "short_name": collaboration.short_name,
            "description": collaboration.description,
            "members": [{"id": m, "name": self.name(m)} for m in collaboration.members],
            "areas": [self.ref(key) for key in collaboration.areas],
            "purpose": None if collaboration.purpose is None else item_data(collaboration.purpose),
            "background": items_data(collaboration.background),
            "outcomes": items_data(collaboration.outcomes),
            "principles": items_data(collaboration.principles),
            "groups": [made.group(g, collaboration) for g in collaboration.groups],
            "group_members": {
                g.id: [
                    {**made.member(m), "words": member_words(m, made.called, each=True)}
                    for m in g.members
                    if not m.planned
                ]
                for g in collaboration.groups
            },
            "lines": [made.line(line) for line in collaboration.lines],
            "governed_documents": [
                made.document(d)
                for d in self.dataset.documents
                if d.owner == collaboration.id or d.owner in {g.id for g in collaboration.groups}
            ],
            "business_plans": self.plans(collaboration.id),
            "partial": self.partial(collaboration),
            **self.dated(collaboration),
        }

    def plans(self, owner: str) -> list[dict[str, Any]]:
        """The business plans of a partnership or collaboration, each in brief."""
        return [
            plan_summary(self.dataset, plan, source=self.given, at=self.at)
            for plan in self.dataset.plans
            if plan.partnership == owner
        ]

    def post(self, post_id: str | None) -> dict[str, Any]:
        post = self.index.get(post_id) if post_id else None
        holder = self.index.get(getattr(post, "holder", None) or "")
        organisation = self.index.get(getattr(post, "organisation", None) or "")
        return {
            "post": post_id,
            "title": getattr(post, "title", None),
            "holder": getattr(holder, "name", None),
            "organisation": getattr(organisation, "name", None),
            "text": self.name(post_id),
            "known_on": _written(getattr(post, "known_on", None)),
            "notes": self.notes(post_id),
        }

    def unstated_post(self, text: str | None) -> dict[str, Any]:
        """The post fields of a delegated partner whose post the source does not state."""
        words = "post not stated in the source"
        return {
            "post": None,
            "title": None,
            "holder": None,
            "organisation": None,
            "text": f"{words} ({' '.join(text.split())})" if text else words,
            "known_on": None,
            "notes": [],
        }

    def source(self, source: Source) -> dict[str, Any]:
        return {
            "title": source.title,
            "published": _written(source.published),
            "url": source.url,
            "text": source.text,
        }

    def member(self, member: Member) -> dict[str, Any]:
        """A membership entry: whom it names, in words, and the document's words."""
        return {
            "post": member.post,
            "organisation": member.organisation,
            "chair_of": list(member.chair_of),
            "role": member.role.value if member.role else None,
            "acts_for": member.acts_for.value if member.acts_for else None,
            "some": member.some,
            "capacity": member.capacity.value,
            "text": member.text,
            "words": member_words(member, self.name),
            "planned": member.planned,
            **self.dated(member),
        }

    def by_words(self, keys: Sequence[str], role: PartnershipRole | None) -> str:
        """Who does something: the bodies named, then the role, in words."""
        names = [self.name(key) for key in keys]
        if role is not None:
            names.append(role_words(role))
        return and_list(names)

    def scrutiny(self, partnership: Partnership) -> list[dict[str, Any]]:
        return [
            {
                "kind": m.kind.value,
                "kind_label": scrutiny_label(m.kind.value),
                "name": m.name,
                "by": [self.ref(key) for key in m.by],
                "by_role": m.by_role.value if m.by_role else None,
                "by_words": self.by_words(m.by, m.by_role),
                "inputs": items_data(m.inputs),
                "text": m.text,
                "partial": self.partial(m),
                **self.dated(m),
            }
            for m in partnership.scrutiny
        ]

    def funding(self, partnership: Partnership) -> dict[str, Any] | None:
        funding = partnership.funding
        if funding is None:
            return None
        return {
            "rule": funding.rule,
            "text": funding.text,
            "hosted_by": self.ref(funding.hosted_by) if funding.hosted_by else None,
            "shared_with": [self.ref(key) for key in funding.shared_with],
            "split": [
                {
                    **self.ref(share.body),
                    "amount": share.amount,
                    "percent": share.percent,
                    "text": share.text,
                    "words": contribution_words(share.amount, share.percent, (), None),
                }
                for share in funding.split
            ],
            "contributions": [
                {
                    "organisation": c.organisation,
                    "name": self.name(c.organisation),
                    "on_behalf_of": [self.ref(key) for key in c.on_behalf_of],
                    "amount": c.amount,
                    "percent": c.percent,
                    "in_kind": list(c.in_kind),
                    "period": _written(c.period),
                    "text": c.text,
                    "words": contribution_words(c.amount, c.percent, c.in_kind, _written(c.period)),
                }
                for c in funding.contributions
            ],
            "support_in_kind": [
                {
                    "organisation": s.organisation,
                    "name": self.name(s.organisation),
                    "provides": list(s.provides),
                }
                for s in funding.support_in_kind
            ],
            "agreed_by": [self.ref(key) for key in funding.agreed_by],
            "agreed_by_role": funding.agreed_by_role.value if funding.agreed_by_role else None,
            "agreed_by_words": self.by_words(funding.agreed_by, funding.agreed_by_role),
            "agreed_every": funding.agreed_every,
            "partial": self.partial(funding),
        }

    def regimes(self, partnership: Partnership) -> str:
        """The regimes in words, each with its dates: "not stated" when none."""
        texts = []
        for regime in partnership.regimes:
            dates = dated_words(regime.start, regime.end, self.at)
            texts.append(regime.instrument.title + (f" ({dates})" if dates else ""))
        if not texts:
            return "not stated"
        return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " and " + texts[-1]

    def review(self, partnership: Partnership) -> dict[str, Any] | None:
        review = partnership.review
        if review is None:
            return None
        due = review.next_due(self.at[0])
        after = [
            str(r) for r in review.reviews if due is not None and r.first_day() > due.last_day()
        ]
        return {
            "reviews": [str(r) for r in review.reviews],
            "then_every_years": review.then_every_years,
            "next_due": _written(due),
            "then": after,
            "text": review.text,
        }


_SCRUTINY_LABELS = {
    "independent-scrutineer": "independent scrutineer",
    "independent-chair": "independent chair who scrutinises",
    "quality-assurance": "independent quality assurance",
    "young-scrutineers": "young scrutineers",
    "elected-members": "scrutiny by elected members",
    "multi-agency-audit": "multi-agency audit",
    "framework": "scrutiny framework",
    "peer-review": "peer review",
    "other": "other scrutiny",
}


def member_words(member: Member, name: Callable[[str], str], *, each: bool = False) -> str:
    """A membership entry in words: the post, organisation or groups' chairs it names,
    the role ("the relevant agencies", or "some of the relevant agencies" where only
    some of them sit; with ``each``, in a collaboration's group, "the partnership chair
    of each member partnership"), else the document's words."""
    if member.post or member.organisation:
        return name(member.post or member.organisation or "")
    if member.chair_of:
        return "the chairs of " + and_list([name(key) for key in member.chair_of])
    if member.role is not None:
        words = member_role_words(member.role, member.acts_for, some=member.some)
        return words + (" of each member partnership" if each else "")
    return " ".join((member.text or "").split())


def scrutiny_label(kind: str) -> str:
    """A kind of scrutiny in words: ``independent chair who scrutinises``."""
    return _SCRUTINY_LABELS.get(kind, kind.replace("-", " "))


def contribution_words(
    amount: int | None, share: float | None, in_kind: Sequence[str], period: str | None
) -> str:
    """A contribution in words: "£120,000 (33.3%) for 2024 to 2025; in kind:
    accommodation"; "amount not stated" when the data gives none of these."""
    parts = []
    if amount is not None:
        parts.append(money(amount) + (f" ({percent(share)})" if share is not None else ""))
    elif share is not None:
        parts.append(percent(share))
    if parts and period:
        parts[-1] += f" for {period}"
    if in_kind:
        parts.append("in kind: " + ", ".join(in_kind))
    return "; ".join(parts) or "amount not stated"


def group_summary(
    dataset: Dataset,
    group: Group,
    owner: Partnership | Collaboration | None = None,
    *,
    on: OnDate | None = None,
    today: datetime.date | None = None,
) -> dict[str, Any]:
    """One group's facts as plain data, as :func:`summary` gives each group of a
    partnership: its chairs, meetings and lines in words, each dated entry read against
    ``on``, else ``today``. Names come from ``dataset`` (an id it does not hold is
    shown as the id); ``owner`` is the partnership or collaboration the group belongs
    to, whose chair "the partnership chair" is."""
    at = span_of(on) if on is not None else reference_span(None, today or datetime.date.today())
    home = owner.id if owner is not None else None  # its owner's own groups need no owner
    return _Summary(dataset, at, home=home).group(group, owner)


def collaboration_summary(
    dataset: Dataset,
    collaboration: Collaboration,
    *,
    on: OnDate | None = None,
    today: datetime.date | None = None,
) -> dict[str, Any]:
    """A collaboration's facts as plain data, as :func:`summary` gives each
    collaboration a partnership takes part in: its members (those it lists), areas,
    purpose, groups with their members, lines, documents and business plans, each
    dated entry read against ``on``, else ``today``."""
    at = span_of(on) if on is not None else reference_span(None, today or datetime.date.today())
    return _Summary(dataset, at, home=collaboration.id).collaboration(
        members_given(dataset, collaboration)
    )


def summary(
    dataset: Dataset,
    partnership: Partnership,
    *,
    on: OnDate | None = None,
    today: datetime.date | None = None,
    given: Dataset | None = None,
) -> dict[str, Any]:
    """The partnership's key facts as plain data, with ids and readable names.

    ``dataset`` is taken as it is (pass ``dataset.as_of(on)`` for the arrangements on
    a date); dates are read against ``on`` when given, else against ``today`` (by
    default, the day the summary is made): an end that has passed is ``ended``, a
    planned entry ``planned`` and kept apart. The next review is counted from the
    same date. ``given`` is the dataset as given, when ``dataset`` is a view on a
    date: a business plan's owners that the date left out are then said to have not
    stood then, rather than not given.
    """
    at = span_of(on) if on is not None else reference_span(None, today or datetime.date.today())
    made = _Summary(dataset, at, given, home=partnership.id)
    name = made.name
    source = partnership.source
    return {
        "partnership": {
            "id": partnership.id,
            "name": partnership.name,
            "short_name": partnership.short_name,
            "guidance": partnership.guidance.value if partnership.guidance else None,
            "guidance_title": made.regimes(partnership),
            "scope": partnership.scope.value,
            "scope_label": partnership.scope.label,
            "regimes": [
                {
                    "instrument": regime.instrument.value,
                    "title": regime.instrument.title,
                    **made.dated(regime),
                }
                for regime in partnership.regimes
            ],
            **made.dated(partnership),
            "effective": _written(partnership.effective),
            "source": made.source(source) if source else None,
            "sources": [made.source(other) for other in partnership.sources],
        },
        "lead_partners": [
            {
                "role": lead.role.value,
                "role_label": lead.role.label,
                "named": lead.organisation is not None,  # else known by its role only
                "organisation": lead.organisation,
                "organisation_name": name(lead.organisation) if lead.organisation else None,
                "organisation_notes": made.notes(lead.organisation),
                "through": lead.through,
                "through_name": name(lead.through) if lead.through else None,
                **(
                    {k: v for k, v in made.post(lead.post).items() if k != "organisation"}
                    if lead.post
                    else {}
                ),
                # a post's dates are its holder's tenure; the organisation's own dates
                # would read as the holder's, so they are said only without a post
                **made.dated(
                    lead, made.own(lead.post) if lead.post else made.own(lead.organisation)
                ),
                "source_text": lead.text,
            }
            for lead in partnership.lead_partners
        ],
        "delegated_partners": [
            {
                "acts_for": d.acts_for.value,
                "acts_for_label": d.acts_for.label,
                "for_organisation": d.organisation,
                "for_organisation_name": name(d.organisation) if d.organisation else None,
                **(made.post(d.post) if d.post else made.unstated_post(d.text)),
                "source_text": d.text,
                **made.dated(d, made.own(d.post)),
            }
            for d in partnership.delegated_partners
        ],
        "members": [made.member(m) for m in partnership.members],
        "meets": partnership.meets.value if partnership.meets else None,
        "meets_words": cadence_words(partnership.meets, partnership.meets_text),
        "vision": None if partnership.vision is None else item_data(partnership.vision),
        "purpose": None if partnership.purpose is None else item_data(partnership.purpose),
        "values": items_data(partnership.values),
        "principles": items_data(partnership.principles),
        "chairs": [
            {
                "role": c.role.value,
                "post": c.post,
                "person": c.person,
                "organisation": c.organisation,
                "one_of": c.one_of.value if c.one_of else None,
                "rotates_among": list(c.rotates_among),
                "rotation_period": c.rotation_period,
                "rotation_in_order": c.rotation_in_order,
                "nominated_by": c.nominated_by,
                "text": chair_text(c, None, dataset, made.index, partnership=partnership),
                "who": chair_text(
                    attrs.evolve(c, role=ChairRole.CHAIR),
                    None,
                    dataset,
                    made.index,
                    partnership=partnership,
                ),
                "chaired_by": chaired_by(c),
                "source_text": c.text,
                "known_on": _written(c.known_on),
                "planned": c.planned,
                **made.dated(c, made.known(c), made.own(c.post)),
            }
            for c in partnership.chairs
        ],
        "scrutineers": [
            {**made.post(s.post), **made.dated(s, made.own(s.post))}
            for s in partnership.scrutineers
        ],
        "scrutiny": made.scrutiny(partnership),
        "duties": [
            {
                "of": duty.of.value if duty.of else None,
                "post": duty.post,
                "of_words": role_words(duty.of) if duty.of else name(duty.post),
                "items": items_data(duty.items),
                "text": duty.text,
                "partial": made.partial(duty),
            }
            for duty in partnership.duties
        ],
        "relevant_agencies": [
            {
                "id": a.organisation,
                "name": name(a.organisation),
                "notes": made.notes(a.organisation),
                "footnote": a.footnote,
                "planned": a.planned,
                **made.dated(a, made.own(a.organisation)),
            }
            for a in partnership.relevant_agencies
        ],
        "functional_links": [
            {
                "id": link.organisation,
                "name": name(link.organisation),
                "notes": made.notes(link.organisation),
            }
            for link in partnership.functional_links
        ],
        "reports_to": [made.line(line) for line in partnership.reports_to],
        "leadership": [made.group(g, partnership) for g in partnership.groups if is_leadership(g)],
        "groups": [
            made.group(g, partnership)
            for g in partnership.groups
            if not is_leadership(g) and g.kind is not GroupKind.TEAM
        ],
        "teams": [
            made.group(g, partnership) for g in partnership.groups if g.kind is GroupKind.TEAM
        ],
        "lines": [made.line(line) for line in partnership.lines],
        "escalates_to": [made.line(line, "escalates_to") for line in partnership.escalates_to],
        "governed_documents": [made.document(d) for d in documents_of(dataset, partnership)],
        "business_plans": made.plans(partnership.id),
        "events": [
            {
                "name": event.name,
                "kind": event.kind.value,
                "every": event.every.value if event.every else None,
                "every_words": cadence_words(event.every, event.every_text),
                "by": [made.ref(key) for key in event.by],
                "to": [made.ref(key) for key in event.to],
                "text": event.text,
                **made.dated(event),
            }
            for event in partnership.events
        ],
        "approval": {
            "by": [made.ref(key) for key in approval.by],
            "by_role": approval.by_role.value if approval.by_role else None,
            "by_words": made.by_words(approval.by, approval.by_role),
            "date": _written(approval.date),
            "instrument": approval.instrument,
            "text": approval.text,
        }
        if (approval := partnership.approval) is not None
        else None,
        "funding": made.funding(partnership),
        "collaborations": [
            made.collaboration(members_given(dataset, c))
            for c in dataset.collaborations_of(partnership)
        ],
        "yearly_reports": [
            {
                "period": str(report.period),
                "title": report.title,
                "published": _written(report.published),
                "presented_by": report.presented_by,
                "presented_by_name": name(report.presented_by) if report.presented_by else None,
                "presented_to": [{"id": k, "name": name(k)} for k in report.presented_to],
                "sent_to": [{"id": k, "name": name(k)} for k in report.sent_to],
                "text": report.text,
            }
            for report in partnership.yearly_reports
        ],
        "review": made.review(partnership),
        "partial": made.partial(partnership),
        "not_stated": list(partnership.not_stated),
        "not_stated_for": made.unstated_for(partnership),
    }
