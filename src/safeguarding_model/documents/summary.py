"""A summary of a partnership's arrangements: the facts people look for first.

``summary`` returns plain data (for ``--format json`` and for notebooks); the
command line renders it as text. Every dated entry carries its ``start`` and ``end``
as written, its ``status`` (``current``, ``ended``, ``future`` or ``planned``, read
against the date shown) and its ``dates`` in words ("ended 2021-03", "from 2027-01",
"planned"); what is planned is kept apart from what is in place.
"""

from __future__ import annotations

import datetime
from typing import Any

from ..model import (
    Chair,
    ChairRole,
    Collaboration,
    Dataset,
    Entity,
    Group,
    Line,
    PartialDate,
    Partnership,
    Post,
)
from ..model.dates import OnDate, Span, span_of
from ..model.meaning import (
    Standing,
    chair_words,
    dated_words,
    partnership_chairs,
    reference_span,
    standing,
)

__all__ = ["chair_text", "summary"]


def chair_text(
    chair: Chair,
    owner: Partnership | Collaboration | None,
    dataset: Dataset,
    index: dict[str, Entity],
    at: Span | None = None,
) -> str:
    """Who chairs a body of ``owner``, in words (the model's
    :func:`~safeguarding_model.model.meaning.chair_words`; "the partnership chair" is
    the chair of each partnership ``owner`` stands for), with the chair's role in front
    unless it is the chair: ``co-chair: ...``. With ``at``, "the partnership chair"
    names only the partnership chairs in place then (not one that has ended, is still
    to come or is planned), and says when none is."""
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
    text = chair_words(chair, lambda key: dataset.name_of(key, index), sources, whose=whose)
    if at is not None and none and chair.partnership_chair:
        text = text.replace(NOT_NAMED, "none in place on this date", 1)
    return text if chair.role is ChairRole.CHAIR else f"{chair.role.label}: {text}"


NOT_NAMED = "not named in the data"
"""What the model's chair words say for "the partnership chair" with no chair to name."""


def _written(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _joined(*phrases: str) -> str:
    """Phrases joined, each once (an entry and what it names may give the same dates)."""
    return "; ".join(dict.fromkeys(phrase for phrase in phrases if phrase))


class _Summary:
    """The summary's pieces, each entry's dates read against ``at``."""

    def __init__(self, dataset: Dataset, at: Span) -> None:
        self.dataset = dataset
        self.index = dataset.index()
        self.at = at

    def name(self, key: str | None) -> str:
        return self.dataset.name_of(key, self.index)

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

    def line(self, line: Line) -> dict[str, Any]:
        return {
            "to": line.to,
            "name": self.name(line.to),
            "cadence": line.cadence.value if line.cadence else None,
            "cadence_label": line.cadence.label if line.cadence else None,
            "text": line.text,
            "planned": line.planned,
            **self.dated(line, self.own(line.to)),
        }

    def chair(self, chair: Chair, owner: Partnership | Collaboration | None) -> str:
        """A chair in words, with its dates: ``co-chair: ... (ended 2021-03)``."""
        text = chair_text(chair, owner, self.dataset, self.index, self.at)
        dates = self.dated(chair, self.own(chair.post))["dates"]
        return f"{text} ({dates})" if dates else text

    def group(self, group: Group, owner: Partnership | Collaboration | None) -> dict[str, Any]:
        return {
            "id": group.id,
            "name": group.name,
            "kind": group.kind.value,
            "kind_label": group.kind.label,
            "parent": group.parent,
            "parent_name": self.name(group.parent) if group.parent else None,
            "chairs": [self.chair(c, owner) for c in group.chairs if not c.planned],
            "planned_chairs": [self.chair(c, owner) for c in group.chairs if c.planned],
            "meets": group.meets.value if group.meets else None,
            "meets_label": group.meets.label if group.meets else None,
            "joint_with": [{"id": j, "name": self.name(j)} for j in group.joint_with],
            "reports_to": [self.line(line) for line in group.reports_to],
            "escalates_to": [self.line(line) for line in group.escalates_to],
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
            "not_stated": list(group.not_stated),
        }

    def collaboration(self, collaboration: Collaboration) -> dict[str, Any]:
        return {
            "id": collaboration.id,
            "name": collaboration.name,
            "short_name": collaboration.short_name,
            "members": [{"id": m, "name": self.name(m)} for m in collaboration.members],
            "groups": [self.group(g, collaboration) for g in collaboration.groups],
            **self.dated(collaboration),
        }

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


def summary(
    dataset: Dataset,
    partnership: Partnership,
    *,
    on: OnDate | None = None,
    today: datetime.date | None = None,
) -> dict[str, Any]:
    """The partnership's key facts as plain data, with ids and readable names.

    ``dataset`` is taken as it is (pass ``dataset.as_of(on)`` for the arrangements on
    a date); dates are read against ``on`` when given, else against ``today`` (by
    default, the day the summary is made): an end that has passed is ``ended``, a
    planned entry ``planned`` and kept apart. The next review is counted from the
    same date.
    """
    at = span_of(on) if on is not None else reference_span(None, today or datetime.date.today())
    made = _Summary(dataset, at)
    name = made.name
    source = partnership.source
    return {
        "partnership": {
            "id": partnership.id,
            "name": partnership.name,
            "short_name": partnership.short_name,
            "guidance": partnership.guidance.value if partnership.guidance else None,
            "guidance_title": made.regimes(partnership),
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
            "source": {
                "title": source.title,
                "published": _written(source.published),
            }
            if source
            else None,
        },
        "lead_partners": [
            {
                "role": lead.role.value,
                "role_label": lead.role.label,
                "organisation": lead.organisation,
                "organisation_name": name(lead.organisation),
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
            }
            for lead in partnership.lead_partners
        ],
        "delegated_partners": [
            {
                "acts_for": d.acts_for.value,
                "acts_for_label": d.acts_for.label,
                "for_organisation": d.organisation,
                **made.post(d.post),
                **made.dated(d, made.own(d.post)),
            }
            for d in partnership.delegated_partners
        ],
        "chairs": [
            {
                "role": c.role.value,
                "post": c.post,
                "text": chair_text(c, None, dataset, made.index),
                "planned": c.planned,
                **made.dated(c, made.own(c.post)),
            }
            for c in partnership.chairs
        ],
        "scrutineers": [
            {**made.post(s.post), **made.dated(s, made.own(s.post))}
            for s in partnership.scrutineers
        ],
        "relevant_agencies": [
            {
                "id": a.organisation,
                "name": name(a.organisation),
                "footnote": a.footnote,
                "planned": a.planned,
                **made.dated(a, made.own(a.organisation)),
            }
            for a in partnership.relevant_agencies
        ],
        "functional_links": [
            {"id": link.organisation, "name": name(link.organisation)}
            for link in partnership.functional_links
        ],
        "groups": [made.group(group, partnership) for group in partnership.groups],
        "escalates_to": [made.line(line) for line in partnership.escalates_to],
        "collaborations": [
            made.collaboration(c) for c in dataset.collaborations if partnership.id in c.members
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
        "not_stated": list(partnership.not_stated),
    }
