"""Pieces the document builders share: choosing the partnership, and the model in words."""

from __future__ import annotations

from ..errors import UsageError
from ..model import (
    Collaboration,
    Dataset,
    Entity,
    Group,
    Line,
    Member,
    PartialDate,
    Partnership,
    Person,
    Post,
)
from .summary import chair_text
from .tree import Chart, Figure, Paragraph, Span, Table

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def choose_partnership(dataset: Dataset, key: str | None) -> Partnership:
    """The partnership a document is about: the one named, or the only one."""
    if key is None:
        if len(dataset.partnerships) == 1:
            return dataset.partnerships[0]
        names = ", ".join(p.id for p in dataset.partnerships) or "none"
        raise UsageError(
            f"this source holds {len(dataset.partnerships)} partnerships ({names}): name one"
        )
    try:
        return dataset.partnership(key)
    except KeyError:
        names = ", ".join(p.id for p in dataset.partnerships) or "none"
        raise UsageError(f"no partnership {key!r} in this source; it has: {names}") from None


_HYPHENATED = frozenset({"six-monthly", "co-chair", "vice-chair"})


def words(value: str) -> str:
    """An enumeration value in words: ``executive-group`` loses its hyphen, ``six-monthly`` not."""
    return value if value in _HYPHENATED else value.replace("-", " ")


def date_text(date: PartialDate | None) -> str | None:
    """``2028``, ``September 2024`` or ``30 September 2024``: as precise as the data."""
    if date is None:
        return None
    if date.month is None:
        return str(date.year)
    month = f"{MONTHS[date.month - 1]} {date.year}"
    return f"{date.day} {month}" if date.day is not None else month


def label(entity: Entity | None, fallback: str) -> str:
    """A body's name with its short name in brackets, as documents introduce them."""
    if entity is None:
        return fallback
    name = getattr(entity, "name", None) or getattr(entity, "title", None) or fallback
    short = getattr(entity, "short_name", None)
    return f"{name} ({short})" if short and short != name else str(name)


def holder_name(dataset: Dataset, index: dict[str, Entity], post_id: str | None) -> str | None:
    """The name of the person in a post, or None when the data does not say."""
    post = index.get(post_id) if post_id else None
    if isinstance(post, Post) and post.holder:
        person = index.get(post.holder)
        if isinstance(person, Person):
            return person.name
    return None


def owners(dataset: Dataset) -> dict[str, Partnership | Collaboration]:
    """The partnership or collaboration each group belongs to, by group id."""
    return {group.id: owner for owner, group in dataset.groups()}


def member_text(member: Member, dataset: Dataset, index: dict[str, Entity]) -> str:
    """A membership entry in words: the document's words where the data keeps them."""
    if member.text:
        text = member.text
    elif member.post:
        text = dataset.name_of(member.post, index)
    elif member.organisation:
        text = dataset.name_of(member.organisation, index)
    elif member.chair_of:
        text = "the chairs of " + ", ".join(dataset.name_of(g, index) for g in member.chair_of)
    elif member.role:
        text = "the " + words(member.role.value)
    else:  # pragma: no cover - the model refuses an empty member
        text = "not stated"
    if member.capacity.value != "member":
        text += f" ({words(member.capacity.value)})"
    return text


def line_text(line: Line, dataset: Dataset, index: dict[str, Entity]) -> str:
    """A reporting line's target in words, with its cadence."""
    text = dataset.name_of(line.to, index)
    return f"{text} ({words(line.cadence.value)})" if line.cadence else text


def group_lines(group: Group, dataset: Dataset, index: dict[str, Entity]) -> list[str]:
    """The group's lines to other bodies, one sentence each."""
    name = group.name
    found = [f"{name} reports to {line_text(line, dataset, index)}." for line in group.reports_to]
    found += [
        f"{name} escalates to {line_text(line, dataset, index)}." for line in group.escalates_to
    ]
    found += [f"{name} is run jointly with {dataset.name_of(j, index)}." for j in group.joint_with]
    if group.parent:
        found.append(f"{name} sits under {dataset.name_of(group.parent, index)}.")
    return found


def chairs_text(
    group: Group, partnership: Partnership | None, dataset: Dataset, index: dict[str, Entity]
) -> str:
    """Who chairs the group, in words; 'not stated' when the data does not say."""
    texts = [chair_text(chair, partnership, dataset, index) for chair in group.chairs]
    return "; ".join(texts) if texts else "not stated"


def groups_table(
    groups: tuple[Group, ...],
    partnership: Partnership | None,
    dataset: Dataset,
    index: dict[str, Entity],
) -> Table:
    """One row per group: kind, chair, cadence and lines."""

    def lines(items: tuple[Line, ...]) -> str:
        return "; ".join(line_text(line, dataset, index) for line in items) or "-"

    rows = tuple(
        (
            label(group, group.id),
            words(group.kind.value),
            chairs_text(group, partnership, dataset, index),
            words(group.meets.value) if group.meets else "not stated",
            lines(group.reports_to),
            lines(group.escalates_to),
            "; ".join(dataset.name_of(j, index) for j in group.joint_with) or "-",
        )
        for group in groups
    )
    return Table(
        header=("Group", "Kind", "Chair", "Meets", "Reports to", "Escalates to", "Joint with"),
        rows=rows,
    )


def structure_figure(
    owner: Partnership | Collaboration, dataset: Dataset, index: dict[str, Entity], caption: str
) -> Figure:
    """The org chart of a partnership or collaboration, described line by line."""
    description: list[str] = []
    for group in owner.groups:
        description.extend(group_lines(group, dataset, index))
        if not (group.reports_to or group.escalates_to or group.joint_with or group.parent):
            description.append(f"{group.name}: no reporting line is stated.")
    return Figure(
        caption=caption, chart=Chart(partnership=owner.id), description=tuple(description)
    )


def not_stated_note(field_words: str) -> Paragraph:
    """The remark that the source does not say something."""
    return Paragraph(
        content=(Span(text=f"The source document does not state {field_words}.", emphasis=True),),
        note=True,
    )
