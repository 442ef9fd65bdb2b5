"""A summary of a partnership's arrangements: the facts people look for first.

``summary`` returns plain data (for ``--format json`` and for notebooks); the
command line renders it as text.
"""

from __future__ import annotations

from typing import Any

from ..model import Chair, ChairRole, Collaboration, Dataset, Entity, Group, Line, Partnership
from ..model.meaning import chair_words, partnership_chairs, regimes_text

__all__ = ["chair_text", "summary"]


def chair_text(
    chair: Chair,
    owner: Partnership | Collaboration | None,
    dataset: Dataset,
    index: dict[str, Entity],
) -> str:
    """Who chairs a body of ``owner``, in words (the model's
    :func:`~safeguarding_model.model.meaning.chair_words`; "the partnership chair" is
    the chair of each partnership ``owner`` stands for), with the chair's role in front
    unless it is the chair: ``co-chair: ...``."""
    sources = partnership_chairs(owner, index)
    whose = isinstance(owner, Collaboration)
    text = chair_words(chair, lambda key: dataset.name_of(key, index), sources, whose=whose)
    return text if chair.role is ChairRole.CHAIR else f"{chair.role.label}: {text}"


def _line(line: Line, dataset: Dataset, index: dict[str, Entity]) -> dict[str, Any]:
    return {
        "to": line.to,
        "name": dataset.name_of(line.to, index),
        "cadence": line.cadence.value if line.cadence else None,
        "cadence_label": line.cadence.label if line.cadence else None,
        "text": line.text,
        "start": str(line.start) if line.start else None,
        "end": str(line.end) if line.end else None,
    }


def _group(
    group: Group,
    owner: Partnership | Collaboration | None,
    dataset: Dataset,
    index: dict[str, Entity],
) -> dict[str, Any]:
    return {
        "id": group.id,
        "name": group.name,
        "kind": group.kind.value,
        "kind_label": group.kind.label,
        "parent": group.parent,
        "parent_name": dataset.name_of(group.parent, index) if group.parent else None,
        "chairs": [chair_text(c, owner, dataset, index) for c in group.chairs],
        "meets": group.meets.value if group.meets else None,
        "meets_label": group.meets.label if group.meets else None,
        "joint_with": [{"id": j, "name": dataset.name_of(j, index)} for j in group.joint_with],
        "reports_to": [_line(line, dataset, index) for line in group.reports_to],
        "escalates_to": [_line(line, dataset, index) for line in group.escalates_to],
        "start": str(group.start) if group.start else None,
        "end": str(group.end) if group.end else None,
        "not_stated": list(group.not_stated),
    }


def _collaboration(
    collaboration: Collaboration, dataset: Dataset, index: dict[str, Entity]
) -> dict[str, Any]:
    return {
        "id": collaboration.id,
        "name": collaboration.name,
        "short_name": collaboration.short_name,
        "members": [{"id": m, "name": dataset.name_of(m, index)} for m in collaboration.members],
        "groups": [_group(g, collaboration, dataset, index) for g in collaboration.groups],
    }


def _post(post_id: str | None, dataset: Dataset, index: dict[str, Entity]) -> dict[str, Any]:
    post = index.get(post_id) if post_id else None
    holder = index.get(getattr(post, "holder", None) or "")
    organisation = index.get(getattr(post, "organisation", None) or "")
    return {
        "post": post_id,
        "title": getattr(post, "title", None),
        "holder": getattr(holder, "name", None),
        "organisation": getattr(organisation, "name", None),
        "text": dataset.name_of(post_id, index),
    }


def summary(dataset: Dataset, partnership: Partnership) -> dict[str, Any]:
    """The partnership's key facts as plain data, with ids and readable names."""
    index = dataset.index()
    name = dataset.name_of
    source = partnership.source
    return {
        "partnership": {
            "id": partnership.id,
            "name": partnership.name,
            "short_name": partnership.short_name,
            "guidance": partnership.guidance.value if partnership.guidance else None,
            "guidance_title": regimes_text(partnership),
            "regimes": [
                {
                    "instrument": regime.instrument.value,
                    "title": regime.instrument.title,
                    "start": str(regime.start) if regime.start else None,
                    "end": str(regime.end) if regime.end else None,
                }
                for regime in partnership.regimes
            ],
            "start": str(partnership.start) if partnership.start else None,
            "end": str(partnership.end) if partnership.end else None,
            "effective": str(partnership.effective) if partnership.effective else None,
            "source": {
                "title": source.title,
                "published": str(source.published) if source.published else None,
            }
            if source
            else None,
        },
        "lead_partners": [
            {
                "role": lead.role.value,
                "role_label": lead.role.label,
                "organisation": lead.organisation,
                "organisation_name": name(lead.organisation, index),
                **(
                    {
                        k: v
                        for k, v in _post(lead.post, dataset, index).items()
                        if k != "organisation"
                    }
                    if lead.post
                    else {}
                ),
            }
            for lead in partnership.lead_partners
        ],
        "delegated_partners": [
            {
                "acts_for": d.acts_for.value,
                "acts_for_label": d.acts_for.label,
                "for_organisation": d.organisation,
                **_post(d.post, dataset, index),
            }
            for d in partnership.delegated_partners
        ],
        "chairs": [
            {"role": c.role.value, "post": c.post, "text": chair_text(c, None, dataset, index)}
            for c in partnership.chairs
        ],
        "scrutineers": [_post(s.post, dataset, index) for s in partnership.scrutineers],
        "relevant_agencies": [
            {"id": a.organisation, "name": name(a.organisation, index), "footnote": a.footnote}
            for a in partnership.relevant_agencies
        ],
        "functional_links": [
            {"id": link.organisation, "name": name(link.organisation, index)}
            for link in partnership.functional_links
        ],
        "groups": [_group(group, partnership, dataset, index) for group in partnership.groups],
        "escalates_to": [_line(line, dataset, index) for line in partnership.escalates_to],
        "collaborations": [
            _collaboration(c, dataset, index)
            for c in dataset.collaborations
            if partnership.id in c.members
        ],
        "not_stated": list(partnership.not_stated),
    }
