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
    Organisation,
    PartialDate,
    Partnership,
    Person,
    Post,
)
from ..model.meaning import is_top
from ..model.names import Names
from .charts import ChartMaker
from .summary import chair_text
from .tree import Figure, ListItem, Paragraph, Span, Table

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

NOT_SAID = "the arrangements do not say"
"""What a document writes for a field the source does not give (listed in ``not_stated``),
so that "not said" is never shown as "none"."""

NOT_GIVEN = "not stated in the arrangements"
"""What a document writes, where it must write something (a table cell, a chair), for a
field the data leaves empty without listing it in ``not_stated``.

The model cannot say "none" with an empty list: a list left out of a file and an empty
one load alike (and an empty one is written back as left out), so an empty
``reports_to``, ``escalates_to``, ``chairs`` or ``joint_with`` means only that the data
gives none, and, as the format has it, what the document does not say is left out.
So such a field is never shown as "none"; where a sentence can be left out, it is.
The one list that can say "none" is ``Area.youth_custody_facilities``: ``None`` when
the document does not say, an empty list when it says there are none."""

_LISTED = 12


def listed(ids: list[str]) -> str:
    """Ids for a message: all of a few, the first dozen of many."""
    if not ids:
        return "none"
    if len(ids) <= _LISTED:
        return ", ".join(ids)
    return ", ".join(ids[:_LISTED]) + f" and {len(ids) - _LISTED} more"


Owner = Partnership | Collaboration


def choose(dataset: Dataset, key: str | None, *, collaborations: bool = False) -> Owner | None:
    """The partnership (or, with ``collaborations``, the collaboration) ``key`` names,
    through the model's one resolver (:class:`~safeguarding_model.model.names.Names`);
    for no ``key``, the dataset's only partnership.

    Without a key and with several partnerships, this is an error for a document and
    ``None`` (the whole region) for a chart. Every error names what the source holds.
    """
    owners: list[Owner] = [*dataset.partnerships]
    if collaborations:
        owners += dataset.collaborations
    if key is None:
        if len(dataset.partnerships) == 1:
            return dataset.partnerships[0]
        if collaborations and owners:
            return None
        if collaborations:
            raise UsageError("this source holds no partnership or collaboration to chart")
        if not dataset.partnerships:
            raise UsageError("this source holds no partnership")
        raise UsageError(
            f"this source holds {len(dataset.partnerships)} partnerships "
            f"({listed([p.id for p in dataset.partnerships])}): name one"
        )
    kinds = (Partnership, Collaboration) if collaborations else (Partnership,)
    found = Names(dataset).resolve(key, *kinds)
    assert isinstance(found, Partnership | Collaboration)
    return found


def choose_partnership(dataset: Dataset, key: str | None) -> Partnership:
    """The partnership a document is about: the one named, or the only one."""
    found = choose(dataset, key)
    assert isinstance(found, Partnership)
    return found


def date_text(date: PartialDate | None) -> str | None:
    """``2028``, ``September 2024`` or ``30 September 2024``: as precise as the data."""
    if date is None:
        return None
    if date.month is None:
        return str(date.year)
    month = f"{MONTHS[date.month - 1]} {date.year}"
    return f"{date.day} {month}" if date.day is not None else month


def date_phrase(date: PartialDate) -> str:
    """A date after a verb: ``on 30 September 2024`` for a day, ``in September 2024``
    or ``in 2024`` for a month or a year."""
    return f"{'on' if date.day is not None else 'in'} {date_text(date)}"


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


def holder_text(dataset: Dataset, index: dict[str, Entity], post_id: str | None) -> str:
    """Who holds a post, for a "held by" column: the person (``(acting)`` when acting
    up), ``vacant``, or ``not stated`` when the documents do not say."""
    post = index.get(post_id) if post_id else None
    name = holder_name(dataset, index, post_id)
    if isinstance(post, Post) and name is not None:
        return name + (" (acting)" if post.acting else "")
    if isinstance(post, Post) and post.vacant:
        return "vacant"
    return "not stated"


def person_or_post(dataset: Dataset, index: dict[str, Entity], post_id: str) -> str:
    """The person in a post (``(acting)`` when acting up) where the data names one, else
    the post in words (``Independent Chair (vacant)``)."""
    if holder_name(dataset, index, post_id) is not None:
        return holder_text(dataset, index, post_id)
    return dataset.name_of(post_id, index)


def owners(dataset: Dataset) -> dict[str, Partnership | Collaboration]:
    """The partnership or collaboration each group belongs to, by group id."""
    return {group.id: owner for owner, group in dataset.groups()}


def body_name(dataset: Dataset, index: dict[str, Entity], key: str) -> str:
    """A post or organisation in words, its organisation's short name in brackets:
    ``Chair, Isle of Wight Designated Safeguarding Leads Network (DSL network) (holder
    not stated)``."""
    text = dataset.name_of(key, index)
    entity = index.get(key)
    organisation = index.get(entity.organisation or "") if isinstance(entity, Post) else entity
    name = getattr(organisation, "name", None)
    short = getattr(organisation, "short_name", None)
    if isinstance(organisation, Organisation) and name and short and name in text:
        text = text.replace(name, label(organisation, name), 1)
    return text


def member_named(member: Member, dataset: Dataset, index: dict[str, Entity]) -> str | None:
    """Whom a membership entry names, in words, or None for an entry of text only."""
    if member.post:
        return body_name(dataset, index, member.post)
    if member.organisation:
        return body_name(dataset, index, member.organisation)
    if member.chair_of:
        return "the chairs of " + ", ".join(dataset.name_of(g, index) for g in member.chair_of)
    if member.role:
        return "the " + member.role.label
    return None


def member_text(member: Member, dataset: Dataset, index: dict[str, Entity]) -> str:
    """A membership entry in words: the document's words where the data keeps them,
    with the post or organisation they name when the words do not name it."""
    named = member_named(member, dataset, index)
    if member.text:
        text = member.text
        if named and (member.post or member.organisation) and named not in text:
            text += f" ({named})"
    else:
        text = named or NOT_SAID
    if member.capacity.value != "member":
        text += f" ({member.capacity.label})"
    return text


def line_text(line: Line, dataset: Dataset, index: dict[str, Entity]) -> str:
    """A line's target in words, with its cadence and dates."""
    text = dataset.name_of(line.to, index)
    details = [line.cadence.label] if line.cadence else []
    if line.start:
        details.append(f"from {date_text(line.start)}")
    if line.end:
        details.append(f"until {date_text(line.end)}")
    return f"{text} ({', '.join(details)})" if details else text


def group_lines(group: Group, dataset: Dataset, index: dict[str, Entity]) -> list[str]:
    """The group's lines to other bodies, one sentence each; what the source does not
    say is said too."""
    name = group.name
    found = [f"{name} reports to {line_text(line, dataset, index)}." for line in group.reports_to]
    found += [
        f"{name} escalates to {line_text(line, dataset, index)}." for line in group.escalates_to
    ]
    found += [f"{name} is run jointly with {dataset.name_of(j, index)}." for j in group.joint_with]
    if group.parent:
        found.append(f"{name} sits under {dataset.name_of(group.parent, index)}.")
    if "reports_to" in group.not_stated:
        found.append(f"{name}: {NOT_SAID} whom it reports to.")
    elif not found and not is_top(group):  # a top body reports to no group by design
        found.append(f"{name}: its reporting line is {NOT_GIVEN}.")
    return found


def chair_words(
    group: Group, owner: Partnership | Collaboration, dataset: Dataset, index: dict[str, Entity]
) -> str:
    """Who chairs ``owner``'s group, in words: :data:`NOT_SAID` when the data records
    that the source does not say, and :data:`NOT_GIVEN` when the data names no chair."""
    texts = [chair_text(chair, owner, dataset, index) for chair in group.chairs]
    if texts:
        return "; ".join(texts)
    return group_field(group, "chairs", "")


def group_field(group: Group, field: str, text: str) -> str:
    """A cell for one of a group's fields: its text, else :data:`NOT_SAID` where the
    data records that the source does not give it, else :data:`NOT_GIVEN` (never
    "none": an empty field is not the data saying "none")."""
    if text:
        return text
    return NOT_SAID if field in group.not_stated else NOT_GIVEN


def groups_table(
    groups: tuple[Group, ...],
    owner: Partnership | Collaboration,
    dataset: Dataset,
    index: dict[str, Entity],
) -> Table:
    """One row per group: kind, chair, cadence and lines."""

    def lines(group: Group, field: str, items: tuple[Line, ...]) -> str:
        text = "; ".join(line_text(line, dataset, index) for line in items)
        if not text and field == "reports_to" and is_top(group) and field not in group.not_stated:
            return ""  # a top body reports to no group by design
        return group_field(group, field, text)

    def optional(group: Group, field: str, text: str) -> str:
        """A cell for a line most groups do not have: empty when the data gives none."""
        return text or (NOT_SAID if field in group.not_stated else "")

    rows = tuple(
        (
            label(group, group.id) + (f" ({dates})" if (dates := dates_text(group)) else ""),
            group.kind.label,
            chair_words(group, owner, dataset, index),
            group_field(group, "meets", group.meets.label if group.meets else ""),
            lines(group, "reports_to", group.reports_to),
            optional(
                group,
                "escalates_to",
                "; ".join(line_text(line, dataset, index) for line in group.escalates_to),
            ),
            optional(
                group, "joint_with", "; ".join(dataset.name_of(j, index) for j in group.joint_with)
            ),
        )
        for group in groups
    )
    return Table(
        header=("Group", "Kind", "Chair", "Meets", "Reports to", "Escalates to", "Joint with"),
        rows=rows,
    )


def dates_text(group: Group) -> str | None:
    """When a group ran, for a group with an end (or a start): ``ended November 2023``."""
    if group.end:
        since = f"from {date_text(group.start)}, " if group.start else ""
        return f"{since}ended {date_text(group.end)}"
    if group.start:
        return f"from {date_text(group.start)}"
    return None


def structure_figure(
    owner: Partnership | Collaboration,
    dataset: Dataset,
    index: dict[str, Entity],
    caption: str,
    charts: ChartMaker,
) -> Figure:
    """The org chart of a partnership or collaboration (drawn by ``charts``, from the
    document's one governance graph), described line by line."""
    description: list[str] = []
    if isinstance(owner, Partnership):
        description += [
            f"{owner.name} escalates to {line_text(line, dataset, index)}."
            for line in owner.escalates_to
        ]
    for group in owner.groups:
        description.extend(group_lines(group, dataset, index))
    return Figure(caption=caption, chart=charts.chart(owner), description=tuple(description))


def not_stated_note(field_words: str) -> Paragraph:
    """The remark that the source does not say something."""
    return Paragraph(
        content=(Span(text=f"The arrangements do not state {field_words}.", emphasis=True),),
        note=True,
    )


def text_points(text: str | None) -> tuple[ListItem, ...]:
    """The document's words for a fact, as points under it (one per paragraph)."""
    if not text:
        return ()
    parts = (" ".join(line.split()) for line in text.splitlines())
    return tuple(ListItem(content=part) for part in parts if part)
