"""Partnerships side by side: one row per aspect of their structure, one column per
partnership, marking where they differ and where a fact is not stated.

``compare_partnerships`` gives a :class:`Comparison`; ``comparison_text``,
``comparison_data``, ``comparison_markdown`` and ``comparison_rows`` (for CSV) word it
for people and scripts. A value is never "none" unless the data says none: a list the
file leaves out reads "not given", a field the source does not state "not stated",
and a list the source gives only in part ends "(partial)".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from ..model import (
    Chair,
    Collaboration,
    Dataset,
    Entity,
    Organisation,
    Partnership,
    Post,
)
from ..model.meaning import dates_words
from ..model.names import Names

__all__ = [
    "Aspect",
    "Comparison",
    "NOT_GIVEN",
    "NOT_STATED",
    "compare_partnerships",
    "comparison_data",
    "comparison_markdown",
    "comparison_rows",
    "comparison_text",
]

NOT_STATED = "not stated"
"""A field the source says it does not give (``not_stated``)."""

NOT_GIVEN = "not given"
"""A list or field the file leaves out without saying why: not "none"."""


@attrs.frozen(kw_only=True)
class Aspect:
    """One row: what is compared, and its value for each partnership, in column order."""

    name: str
    values: tuple[str, ...]

    @property
    def differs(self) -> bool:
        """Whether the partnerships differ here. Two values that are both unknown are
        not known to differ, and neither is an unknown beside a known one: only known
        values that disagree differ."""
        known = {v for v in self.values if v not in (NOT_STATED, NOT_GIVEN)}
        return len(known) > 1

    @property
    def unknown(self) -> bool:
        """Whether some partnership's value is not stated or not given."""
        return any(v in (NOT_STATED, NOT_GIVEN) for v in self.values)


@attrs.frozen(kw_only=True)
class Comparison:
    """Partnerships side by side: their ids and labels (the columns) and the aspects
    (the rows)."""

    ids: tuple[str, ...]
    labels: tuple[str, ...]
    aspects: tuple[Aspect, ...]

    def __repr__(self) -> str:
        differing = [a.name for a in self.aspects if a.differs]
        return f"Comparison(partnerships={list(self.ids)}, differ_in={differing})"


def compare_partnerships(dataset: Dataset, keys: tuple[str, ...] = ()) -> Comparison:
    """The partnerships named by ``keys`` (ids or names), or every partnership of
    ``dataset``, side by side. Take ``dataset.as_of(date)`` first for a date."""
    names = Names(dataset)
    if keys:
        chosen = []
        for key in keys:
            found = names.resolve(key, Partnership)
            assert isinstance(found, Partnership)
            chosen.append(found)
    else:
        chosen = list(dataset.partnerships)
    index = names.entities
    uses = {p.id: _organisations_used(p, index) for p in chosen}
    shared = {
        p.id: sorted(
            (o for o in uses[p.id] if any(o in uses[q.id] for q in chosen if q.id != p.id)),
            key=lambda key: _name(index, key),
        )
        for p in chosen
    }
    rows: list[tuple[str, Callable[[Partnership], str]]] = [
        ("Statutory regimes", lambda p: _regimes(p)),
        ("Scope", lambda p: p.scope.label),
        ("Lead safeguarding partners", lambda p: _leads(p, index)),
        ("Delegated safeguarding partners", lambda p: _delegated(p, index)),
        ("Chair", lambda p: _chairs(p, index)),
        ("Independent scrutiny", lambda p: _scrutiny(p, index)),
        ("Groups by kind", lambda p: _groups(p)),
        ("Relevant agencies", lambda p: _agencies(p, index)),
        ("Collaborations", lambda p: _collaborations(p, dataset)),
        ("Funding", lambda p: _funding(p)),
        (
            "Organisations shared with the others",
            lambda p: "; ".join(_name(index, key) for key in shared[p.id]) or "none in the data",
        ),
    ]
    aspects = tuple(
        Aspect(name=name, values=tuple(value(p) for p in chosen)) for name, value in rows
    )
    return Comparison(
        ids=tuple(p.id for p in chosen),
        labels=tuple(p.label for p in chosen),
        aspects=aspects if len(chosen) > 1 else aspects[:-1],
    )


# --- the values --------------------------------------------------------------------


def _name(index: dict[str, Entity], key: str | None) -> str:
    entity = index.get(key or "")
    if isinstance(entity, Post):
        org = index.get(entity.organisation or "")
        return entity.title + (f", {org.name}" if isinstance(org, Organisation) else "")
    if isinstance(entity, Collaboration):
        return entity.name or entity.label  # the label of one the source does not name
    name = getattr(entity, "name", None)
    return name if isinstance(name, str) else str(key)


def _unknown(p: Partnership, field: str) -> str:
    return NOT_STATED if field in p.not_stated else NOT_GIVEN


def _partial(p: Partnership, field: str, text: str) -> str:
    for entry in p.partial:
        if entry.field == field:
            more = f", and {entry.further} more not named" if entry.further else ""
            return f"{text} (partial{more})"
    return text


def _listed(p: Partnership, field: str, words: list[str]) -> str:
    if not words:
        return _unknown(p, field)
    return _partial(p, field, "; ".join(words))


def _regimes(p: Partnership) -> str:
    return _listed(p, "regimes", [r.instrument.title for r in p.regimes])


def _when(entry: object) -> str:
    """An entry's dates and status in brackets (`` (to by 2022-06-30)``, ``
    (planned)``), so that a side-by-side table never shows an ended or planned entry as
    simply in place; "" for an undated entry."""
    said = dates_words(getattr(entry, "start", None), getattr(entry, "end", None))
    parts = (["planned"] if getattr(entry, "planned", False) else []) + ([said] if said else [])
    return f" ({', '.join(parts)})" if parts else ""


UNNAMED_PARTNER = "not named"
"""A lead partner's organisation, or a delegated partner's post, the source does not name."""


def _leads(p: Partnership, index: dict[str, Entity]) -> str:
    words = []
    for lead in p.lead_partners:
        if lead.organisation:
            who = _name(index, lead.organisation)
        elif lead.post:  # known by its role and post: its organisation is not named
            who = f"{_name(index, lead.post)} (organisation {UNNAMED_PARTNER})"
        else:
            who = UNNAMED_PARTNER
        words.append(f"{lead.role.label}: {who}{_when(lead)}")
    return _listed(p, "lead_partners", words)


def _delegated(p: Partnership, index: dict[str, Entity]) -> str:
    words = [
        (_name(index, d.post) if d.post else f"{d.acts_for.label}: {UNNAMED_PARTNER}") + _when(d)
        for d in p.delegated_partners
    ]
    return _listed(p, "delegated_partners", words)


def _chair(chair: Chair, index: dict[str, Entity]) -> str:
    role = "" if chair.role.value == "chair" else f"{chair.role.label}: "
    if chair.post:
        post = index.get(chair.post)
        independent = " (independent)" if isinstance(post, Post) and post.independent else ""
        who = f"post: {_name(index, chair.post)}{independent}"
    elif chair.person:
        who = f"person: {_name(index, chair.person)}"
    elif chair.organisation:
        who = f"organisation only: {_name(index, chair.organisation)}"
    elif chair.one_of:
        turn = " in turn" if chair.rotates else ""
        who = f"one of the {chair.one_of.label}{turn}"
    elif chair.partnership_chair:
        who = "the partnership chair"
    elif chair.rotates_among:
        who = "rotating among " + ", ".join(_name(index, k) for k in chair.rotates_among)
    elif chair.nominated_by:
        who = f"nominated by {_name(index, chair.nominated_by)}"
    else:
        who = "described, not named"
    if chair.rotation_period:
        who += f", {chair.rotation_period}"
    return role + who


def _chairs(p: Partnership, index: dict[str, Entity]) -> str:
    return _listed(p, "chairs", [_chair(c, index) + _when(c) for c in p.chairs])


def _scrutiny(p: Partnership, index: dict[str, Entity]) -> str:
    words = [f"independent scrutineer: {_name(index, s.post)}{_when(s)}" for s in p.scrutineers]
    for mechanism in p.scrutiny:
        by = ", ".join(_name(index, key) for key in mechanism.by)
        words.append(mechanism.kind.label + (f" ({by})" if by else "") + _when(mechanism))
    if not words:
        unstated = {"scrutineers", "scrutiny"} & set(p.not_stated)
        return NOT_STATED if unstated else NOT_GIVEN
    return "; ".join(dict.fromkeys(words))


def _groups(p: Partnership) -> str:
    counts = Counter(g.kind.label for g in p.groups)
    words = [f"{kind}: {count}" for kind, count in sorted(counts.items())]
    return _listed(p, "groups", words)


def _agencies(p: Partnership, index: dict[str, Entity]) -> str:
    names = [_name(index, a.organisation) + _when(a) for a in p.relevant_agencies]
    if not names:
        return _unknown(p, "relevant_agencies")
    return _partial(p, "relevant_agencies", f"{len(names)}: " + "; ".join(names))


def _collaborations(p: Partnership, dataset: Dataset) -> str:
    found = [c.label for c in dataset.collaborations if p.id in dataset.members_of(c)]
    return "; ".join(found) if found else "none in this dataset"


def _funding(p: Partnership) -> str:
    funding = p.funding
    if funding is None:
        return _unknown(p, "funding")
    words = []
    if funding.rule:
        words.append(funding.rule)
    if funding.contributions:
        more = " (partial)" if any(e.field == "contributions" for e in funding.partial) else ""
        words.append(f"{len(funding.contributions)} contribution(s) given{more}")
    if funding.support_in_kind:
        words.append("support in kind")
    if funding.hosted_by:
        words.append("hosted by another body")
    if funding.shared_with:
        words.append("one budget shared with another board")
    return "; ".join(words) or "described in words only"


def _organisations_used(p: Partnership, index: dict[str, Entity]) -> set[str]:
    """The organisations a partnership's arrangements name anywhere: directly, through
    a post, or as a group's member."""
    found: set[str] = set()
    for key in _ids_in(p):
        entity = index.get(key)
        if isinstance(entity, Organisation):
            found.add(key)
        elif isinstance(entity, Post) and entity.organisation:
            found.add(entity.organisation)
    return found


def _ids_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _ids_in(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.name in ("text", "name", "title", "description", "footnote", "id"):
                continue
            yield from _ids_in(getattr(value, field.name))


# --- wording -----------------------------------------------------------------------


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    """Plain data for JSON: the partnerships and, per aspect, each one's value and
    whether they differ."""
    return {
        "partnerships": [
            {"id": key, "label": label}
            for key, label in zip(comparison.ids, comparison.labels, strict=True)
        ],
        "aspects": [
            {
                "aspect": aspect.name,
                "differs": aspect.differs,
                "values": dict(zip(comparison.ids, aspect.values, strict=True)),
            }
            for aspect in comparison.aspects
        ],
    }


def comparison_rows(comparison: Comparison) -> list[list[str]]:
    """Rows for CSV: a header (aspect, differs, each partnership's id), then one row per
    aspect."""
    rows = [["aspect", "differs", *comparison.ids]]
    for aspect in comparison.aspects:
        rows.append([aspect.name, "yes" if aspect.differs else "no", *aspect.values])
    return rows


def comparison_text(comparison: Comparison) -> str:
    """For a person: each aspect, then each partnership's value; ``*`` marks an aspect
    where they differ."""
    lines = [
        f"Partnerships compared: {', '.join(comparison.labels)}",
        "(* where they differ; 'not stated' and 'not given' are unknown, not none)",
    ]
    for aspect in comparison.aspects:
        lines.append("")
        lines.append(("* " if aspect.differs else "  ") + aspect.name)
        for label, value in zip(comparison.labels, aspect.values, strict=True):
            lines.append(f"    {label}: {value}")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def comparison_markdown(comparison: Comparison) -> str:
    """A Markdown table: one row per aspect, one column per partnership, and a column
    saying where they differ."""
    head = ["Aspect", *comparison.labels, "Differs"]
    lines = [
        "| " + " | ".join(_cell(h) for h in head) + " |",
        "|" + "---|" * len(head),
    ]
    for aspect in comparison.aspects:
        cells = [aspect.name, *aspect.values, "yes" if aspect.differs else "no"]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)
