"""Pieces the document builders share: choosing the partnership, and the model in words.

Dates are read against a reference span (``at``: the date a document is taken on, or
today; see :func:`~safeguarding_model.model.meaning.reference_span`): an end that has
passed is "ended", one still to come "until", a planned entry "planned" and never
current. Every function that words dates takes ``at``, today by default.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs

from ..errors import UsageError
from ..model import (
    Chair,
    Collaboration,
    Dataset,
    Entity,
    Group,
    Line,
    LineKind,
    Member,
    Organisation,
    PartialDate,
    Partnership,
    Person,
    Post,
    UnstatedPeriod,
)
from ..model.dates import Span as Days
from ..model.meaning import (
    Standing,
    accountable_lines,
    and_list,
    cadence_words,
    chair_notes,
    is_leadership,
    is_top,
    line_sends,
    line_tail,
    line_verb,
    member_role_words,
    organisation_notes,
    partial_of,
    partial_words,
    reference_span,
    standing,
)
from ..model.names import Names
from .charts import STRUCTURE_KINDS, ChartMaker, chart_parts
from .summary import chair_text
from .tree import Block, Figure, ListItem, Paragraph, Span, Table

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
    """``2028``, ``September 2024`` or ``30 September 2024``: as precise as the data;
    ``by December 2024``, ``before 2020``, ``April 2023 to March 2024`` for a bound or
    a range."""
    if date is None:
        return None
    if date.month is None:
        text = str(date.year)
    else:
        month = f"{MONTHS[date.month - 1]} {date.year}"
        text = f"{date.day} {month}" if date.day is not None else month
    if date.bound is not None:
        return f"{date.bound.value} {text}"
    if date.until is not None:
        return f"{text} to {date_text(date.until)}"
    return text


def today_span(today: datetime.date | None = None) -> Days:
    """The reference span of a document taken without a date: ``today`` (by default,
    the day it is built)."""
    return reference_span(None, today or datetime.date.today())


def dated_phrase(
    start: PartialDate | None,
    end: PartialDate | None,
    at: Days | None = None,
    *,
    planned: bool = False,
) -> str:
    """An entry's dates in a document's words, read against ``at`` (today by default):
    "planned for January 2027, not yet in place", "ended March 2021", "from April
    2022, ended November 2023", "from September 2024", "until March 2027", "from April
    2022, until March 2027", "ending by 30 June 2022" (a bound or range not known to
    have passed); "" for an entry without dates that is not planned."""
    found = standing(start, end, at or today_span(), planned=planned)
    if found is Standing.PLANNED:
        if start is None:
            return "planned, not yet in place"
        when = f"for {date_text(start)}" if start.exact else date_text(start)
        return f"planned {when}, not yet in place"
    since = ""
    if start is not None:
        since = f"{'from' if start.exact else 'starting'} {date_text(start)}"
    if found is Standing.ENDED:
        return (f"{since}, " if since else "") + f"ended {date_text(end)}"
    if end is None:
        return since
    until = f"until {date_text(end)}" if end.exact else f"ending {date_text(end)}"
    return f"{since}, {until}" if since else until


def entry_phrase(entry: Any, at: Days | None = None) -> str:
    """The dates of a model entry with ``start``, ``end`` and perhaps ``planned``."""
    return dated_phrase(
        getattr(entry, "start", None),
        getattr(entry, "end", None),
        at,
        planned=getattr(entry, "planned", False),
    )


def chair_phrase(chair: Chair, at: Days | None = None) -> str:
    """A chair's dates (:func:`entry_phrase`), or, for a chair only a document of one
    date names, "named in a document of September 2020; since and until when not
    stated"."""
    if chair.known_on is not None:
        return (
            f"named in a document of {date_text(chair.known_on)}; since and until when not stated"
        )
    return entry_phrase(chair, at)


def with_phrase(text: str, phrase: str) -> str:
    """``text (phrase)``, or ``text`` for no phrase."""
    return f"{text} ({phrase})" if phrase else text


def entity_phrase(entity: Entity | None, at: Days | None = None) -> str:
    """An entity's own dates: an organisation's or a group's life, a post's tenure, or,
    for a post whose holder only a document names, "named in a document of September
    2020; tenure not stated"."""
    if (
        isinstance(entity, Post)
        and entity.known_on is not None
        and not (entity.start or entity.end)
    ):
        return f"named in a document of {date_text(entity.known_on)}; tenure not stated"
    if isinstance(entity, Person) or entity is None:
        return ""
    return entry_phrase(entity, at)


def dated_name(
    dataset: Dataset, index: dict[str, Entity], key: str | None, at: Days | None = None
) -> str:
    """``Dataset.name_of`` with the entity's dates (see :func:`entity_phrase`)."""
    return with_phrase(dataset.name_of(key, index), entity_phrase(index.get(key or ""), at))


def date_phrase(date: PartialDate) -> str:
    """A date after a verb: ``on 30 September 2024`` for a day, ``in September 2024``
    or ``in 2024`` for a month or a year; ``by December 2024`` for a bound, ``between
    April 2023 and March 2024`` for a range."""
    if date.bound is not None:
        return str(date_text(date))
    if date.until is not None:
        first = date_text(attrs.evolve(date, until=None))
        return f"between {first} and {date_text(date.until)}"
    return f"{'on' if date.day is not None else 'in'} {date_text(date)}"


def label(entity: Entity | None, fallback: str) -> str:
    """A body's name with its short name in brackets, as documents introduce them."""
    if entity is None:
        return fallback
    name = getattr(entity, "name", None) or getattr(entity, "title", None) or fallback
    short = getattr(entity, "short_name", None)
    return f"{name} ({short})" if short and short != name else str(name)


def collaboration_words(collaboration: Collaboration, article: str = "the") -> str:
    """A collaboration as a document refers to it: "the HIPS collaboration"; one the
    source does not name, "a collaboration the source does not name" (never a name of
    the data's making). ``article`` goes before a named one ("" for none)."""
    if not collaboration.named:
        return collaboration.label
    words = f"{label(collaboration, collaboration.id)} collaboration"
    return f"{article} {words}" if article else words


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


def person_or_post(
    dataset: Dataset, index: dict[str, Entity], post_id: str, at: Days | None = None
) -> str:
    """The person in a post (``(acting)`` when acting up) where the data names one, else
    the post in words (``Independent Chair (vacant)``), with the post's dates."""
    if holder_name(dataset, index, post_id) is not None:
        text = holder_text(dataset, index, post_id)
    else:
        text = dataset.name_of(post_id, index)
    return with_phrase(text, entity_phrase(index.get(post_id), at))


def owners(dataset: Dataset) -> dict[str, Partnership | Collaboration]:
    """The partnership or collaboration each group belongs to, by group id."""
    return {group.id: owner for owner, group in dataset.groups()}


def body_name(dataset: Dataset, index: dict[str, Entity], key: str, at: Days | None = None) -> str:
    """A post or organisation in words, its organisation's short name in brackets:
    ``Chair, Isle of Wight Designated Safeguarding Leads Network (DSL network) (holder
    not stated)``, with its dates (an organisation's life, a post's tenure) and what the
    data says of it (a post held by an elected member, an organisation named
    collectively: "8, not named")."""
    text = dataset.name_of(key, index)
    entity = index.get(key)
    organisation = index.get(entity.organisation or "") if isinstance(entity, Post) else entity
    name = getattr(organisation, "name", None)
    short = getattr(organisation, "short_name", None)
    if isinstance(organisation, Organisation) and name and short and name in text:
        text = text.replace(name, label(organisation, name), 1)
    notes = chair_notes(index)(key)
    if notes:
        text += f" ({'; '.join(notes)})"
    return with_phrase(text, entity_phrase(entity, at))


def introduced(dataset: Dataset, index: dict[str, Entity], key: str) -> str:
    """An organisation where a document introduces it (a lead partner, a relevant
    agency): its name, with what the data says of it in brackets: "Northshire
    Children's Trust (delivers services for Northshire County Council; owned by ...)",
    "the eight CCGs of the county (8, not named)"."""
    text = dataset.name_of(key, index)
    entity = index.get(key)
    if isinstance(entity, Organisation):
        notes = organisation_notes(entity, lambda k: dataset.name_of(k, index))
        if notes:
            text += f" ({'; '.join(notes)})"
    return text


def member_named(
    member: Member, dataset: Dataset, index: dict[str, Entity], at: Days | None = None
) -> str | None:
    """Whom a membership entry names, in words, or None for an entry of text only."""
    if member.post:
        return body_name(dataset, index, member.post, at)
    if member.organisation:
        return body_name(dataset, index, member.organisation, at)
    if member.chair_of:
        return "the chairs of " + ", ".join(dataset.name_of(g, index) for g in member.chair_of)
    if member.role:
        return member_role_words(member.role, member.acts_for, some=member.some)
    return None


def member_text(
    member: Member, dataset: Dataset, index: dict[str, Entity], at: Days | None = None
) -> str:
    """A membership entry in words: the document's words where the data keeps them,
    with the post or organisation they name when the words do not name it, and the
    entry's dates (``planned ..., not yet in place`` for a planned seat)."""
    named = member_named(member, dataset, index, at)
    if member.text:
        text = member.text
        if named and (member.post or member.organisation) and named not in text:
            text += f" ({named})"
    else:
        text = named or NOT_SAID
    if member.capacity.value != "member":
        text += f" ({member.capacity.label})"
    return with_phrase(text, entry_phrase(member, at))


def line_text(
    line: Line,
    dataset: Dataset,
    index: dict[str, Entity],
    at: Days | None = None,
    *,
    sends: bool = True,
) -> str:
    """A line's targets in words (each with its own dates; alternatives joined by
    "and/or"), with the line's particulars and dates: ``Executive Group (quarterly,
    planned for January 2027, not yet in place)``, ``Health and Wellbeing Board and/or
    Community Safety Partnership (at least three times a year, by exception, sends:
    ...)``, then what is sent ("; sends: ..."). How often is in the document's words
    where the data keeps them."""
    text = and_list([dated_name(dataset, index, key, at) for key in line.targets], "and/or")
    tail = line_tail(line, lambda key: dataset.name_of(key, index), entry_phrase(line, at))
    if not sends and line.subject:
        tail = tail.removesuffix(line_sends(line))
    return text + tail


def line_sentence(
    line: Line,
    dataset: Dataset,
    index: dict[str, Entity],
    at: Days | None = None,
    field: str = "reports_to",
    *,
    sends: bool = True,
) -> str:
    """A line after the body it is from: "reports for information to Health and
    Wellbeing Board (quarterly)" (its meaning, then :func:`line_text`; without ``sends``,
    not what is sent along it)."""
    return f"{line_verb(line, field)} {line_text(line, dataset, index, at, sends=sends)}"


def line_cell(
    line: Line,
    dataset: Dataset,
    index: dict[str, Entity],
    at: Days | None = None,
    field: str = "reports_to",
) -> str:
    """A line in a column that names its list ("Reports to", "Escalates to"): the
    targets where the line means what the list does, else with its meaning in front
    ("reports for information to ..."), so a line that only informs or advises is never
    shown as one of accountability. What is sent along it is left to the fuller
    descriptions (a table cell lists lines, one after another)."""
    default = LineKind.ESCALATES_TO if field == "escalates_to" else LineKind.ACCOUNTABLE_TO
    text = line_text(line, dataset, index, at, sends=False)
    return text if line.meaning(field) is default else f"{line_verb(line, field)} {text}"


def at_the_top(group: Group) -> bool:
    """Whether a group reports to no one by design: an executive group or a partnership
    board at the top of its structure, or a leadership group above the partnership."""
    leads = is_leadership(group) and group.parent is None
    return is_top(group) or (leads and not accountable_lines(group.reports_to))


Said = tuple[str, tuple[str, str] | None, str | None]
"""A sentence about a line, with the ids of its ends (the body it is from, then the
body it is to) and the field of the line (``reports_to``, ``escalates_to``,
``joint_with``); None for a sentence that is about no one line."""


def group_lines(
    group: Group, dataset: Dataset, index: dict[str, Entity], at: Days | None = None
) -> list[str]:
    """The group's lines to other bodies, one sentence each, each with its meaning
    ("reports for information to", "advises"), as the chart draws them (what is sent
    along a line is in the group's section); what the source does not say is said
    too. A planned group, or a planned line, says it is planned; a leadership group
    says it stands above the partnership."""
    return [sentence for sentence, _, _ in _group_said(group, dataset, index, at)]


def _group_said(
    group: Group, dataset: Dataset, index: dict[str, Entity], at: Days | None = None
) -> list[Said]:
    """:func:`group_lines`, each sentence with the line it is about."""
    name = with_phrase(group.name, entry_phrase(group, at))

    def line(found: Line, field: str) -> Said:
        sentence = f"{name} {line_sentence(found, dataset, index, at, field, sends=False)}."
        return sentence, (group.id, found.to), field

    found: list[Said] = []
    if is_leadership(group):
        found.append(
            (f"{name} stands above the partnership, at the top of its accountability.", None, None)
        )
    found += [line(reporting, "reports_to") for reporting in group.reports_to]
    found += [line(escalation, "escalates_to") for escalation in group.escalates_to]
    found += [
        (f"{name} is run jointly with {dataset.name_of(j, index)}.", (group.id, j), "joint_with")
        for j in group.joint_with
    ]
    if group.parent:
        sits = f"{name} sits under {dated_name(dataset, index, group.parent, at)}."
        found.append((sits, (group.id, group.parent), None))
    if "reports_to" in group.not_stated:
        found.append((f"{name}: {NOT_SAID} whom it reports to.", None, None))
    elif not found and not at_the_top(group):  # a top body reports to no group by design
        found.append((f"{name}: its reporting line is {NOT_GIVEN}.", None, None))
    return found


def chair_words(
    group: Group,
    owner: Partnership | Collaboration,
    dataset: Dataset,
    index: dict[str, Entity],
    at: Days | None = None,
) -> str:
    """Who chairs ``owner``'s group, in words, each chair with its dates: :data:`NOT_SAID`
    when the data records that the source does not say, and :data:`NOT_GIVEN` when the
    data names no chair."""
    texts = [
        with_phrase(
            chair_text(chair, owner, dataset, index, at or today_span()), chair_phrase(chair, at)
        )
        for chair in group.chairs
    ]
    partial = partial_of(group, "chairs")
    if texts and partial is not None:
        texts.append(partial_words(partial))
    if texts:
        return "; ".join(texts)
    if partial is not None:
        return f"none named, {partial_words(partial)}"
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
    at: Days | None = None,
) -> Table:
    """One row per group: kind, chair, cadence (in the document's words where kept) and
    lines, each with its dates (a planned group or line says so) and each line with its
    meaning where it is not the column's; a list given only in part says so."""

    def lines(group: Group, field: str, items: tuple[Line, ...], top: bool = False) -> str:
        texts = [line_cell(line, dataset, index, at, field) for line in items]
        partial = partial_of(group, field)
        if partial is not None:
            texts.append(
                partial_words(partial) if texts else f"none named, {partial_words(partial)}"
            )
        text = "; ".join(texts)
        if not text and top and at_the_top(group) and field not in group.not_stated:
            return ""  # a top body reports to no group by design
        if not text and not top:  # a line most groups do not have: empty when none
            return NOT_SAID if field in group.not_stated else ""
        return group_field(group, field, text)

    def joint(group: Group) -> str:
        text = "; ".join(dataset.name_of(j, index) for j in group.joint_with)
        return text or (NOT_SAID if "joint_with" in group.not_stated else "")

    rows = tuple(
        (
            with_phrase(label(group, group.id), entry_phrase(group, at)),
            group.kind.label,
            chair_words(group, owner, dataset, index, at),
            group_field(group, "meets", cadence_words(group.meets, group.meets_text) or ""),
            lines(group, "reports_to", group.reports_to, top=True),
            lines(group, "escalates_to", group.escalates_to),
            joint(group),
        )
        for group in groups
    )
    return Table(
        header=("Group", "Kind", "Chair", "Meets", "Reports to", "Escalates to", "Joint with"),
        rows=rows,
    )


EMPTY_CELLS = {
    4: "under Reports to, a body at the top of the arrangements, above the other groups",
    5: "under Escalates to, that the data gives the group no escalation route of its own",
    6: "under Joint with, that the data names no body the group is run jointly with",
}
"""What an empty cell of a column of :func:`groups_table` means, by the column's place."""


def groups_table_blocks(
    groups: tuple[Group, ...],
    owner: Partnership | Collaboration,
    dataset: Dataset,
    index: dict[str, Entity],
    at: Days | None = None,
) -> list[Block]:
    """The groups table (:func:`groups_table`), and, where a cell is left empty, a note
    after it saying what an empty cell of that column means: an empty cell is never the
    data saying "none"."""
    table = groups_table(groups, owner, dataset, index, at)
    empty = [column for column in EMPTY_CELLS if any(not row[column] for row in table.rows)]
    if not empty:
        return [table]
    said = "; ".join(EMPTY_CELLS[column] for column in empty)
    return [table, Paragraph(content=f"An empty cell means, {said}.", note=True)]


def dates_text(group: Group, at: Days | None = None) -> str | None:
    """When a group runs, for a group with dates or planned: ``ended November 2023``,
    ``planned, not yet in place``; None for a group without."""
    return entry_phrase(group, at) or None


_FIELD_KINDS = {
    "reports_to": STRUCTURE_KINDS,
    "escalates_to": ("escalates-to",),
    "joint_with": ("joint-with",),
}
"""The edge kinds a line of each field of the model is drawn as."""


def structure_figures(
    owner: Partnership | Collaboration,
    dataset: Dataset,
    index: dict[str, Entity],
    caption: str,
    charts: ChartMaker,
    at: Days | None = None,
) -> tuple[Figure, ...]:
    """The org charts of a partnership or collaboration (drawn by ``charts``, from the
    document's one governance graph), split so that each fits a page
    (:func:`~.charts.chart_parts`): its structure, captioned ``caption``, then its other
    lines and its lines with other partnerships and collaborations, where it has them.
    Each is described line by line, in words, with the lines it draws: the body's own
    lines, its groups' lines, and the lines it gives from other bodies (a sentence about
    no one line, or about a line no part draws, goes with the structure)."""
    said: list[Said] = []
    if isinstance(owner, Partnership):
        said += [
            (
                f"{owner.name} {line_sentence(line, dataset, index, at, sends=False)}.",
                (owner.id, line.to),
                "reports_to",
            )
            for line in owner.reports_to
        ]
        said += [
            (
                f"{owner.name} "
                f"{line_sentence(line, dataset, index, at, 'escalates_to', sends=False)}.",
                (owner.id, line.to),
                "escalates_to",
            )
            for line in owner.escalates_to
        ]
    leadership = [group for group in owner.groups if is_leadership(group)]
    for group in (*leadership, *(g for g in owner.groups if not is_leadership(g))):
        said.extend(_group_said(group, dataset, index, at))
    said += [
        (
            f"{dataset.name_of(line.by, index)} "
            f"{line_sentence(line, dataset, index, at, sends=False)}.",
            (line.by, line.to),
            "reports_to",
        )
        for line in owner.lines
    ]
    parts = chart_parts(charts.chart(owner), owner.id, owner.name or owner.label)
    drawn: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for number, (_, chart) in enumerate(parts):
        for edge in chart.edges:
            for pair in ((edge.source, edge.target), (edge.target, edge.source)):
                drawn.setdefault(pair, []).append((number, edge.kind))
    descriptions: list[list[str]] = [[] for _ in parts]
    for sentence, ends, field in said:
        found = drawn.get(ends, []) if ends is not None else []
        kinds = _FIELD_KINDS.get(field or "", ())
        chosen = next((n for n, kind in found if kind in kinds), found[0][0] if found else 0)
        descriptions[chosen].append(sentence)
    return tuple(
        Figure(
            caption=caption if part == "structure" else chart.title,
            chart=chart,
            description=tuple(description),
        )
        for (part, chart), description in zip(parts, descriptions, strict=True)
    )


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


def partial_note(entity: object, field: str) -> Paragraph | None:
    """The remark after a list the source gives only in part: "… and others the source
    does not name." or "… and 3 further groups not named.", with the source's words
    where the data keeps them; None for a whole list."""
    partial = partial_of(entity, field)
    if partial is None:
        return None
    said = f" The source: {' '.join(partial.text.split())}" if partial.text else ""
    return Paragraph(
        content=(Span(text=f"… {partial_words(partial)}.", emphasis=True), said), note=True
    )


def in_part(names: str, entity: object, field: str) -> str:
    """Names in a sentence (``names``, already joined), then what the source leaves out
    of ``entity``'s list ``field`` where it gives it only in part: "A and B, and others
    the source does not name"; "none named, and ..." when it names none; ``names`` for
    a whole list."""
    partial = partial_of(entity, field)
    if partial is None:
        return names
    return f"{names or 'none named'}, {partial_words(partial)}"


def with_partial(blocks: list[Block], entity: object, field: str) -> list[Block]:
    """``blocks`` (a list the document gives) followed by :func:`partial_note`."""
    note = partial_note(entity, field)
    return [*blocks, note] if note is not None else blocks


def period_when(period: UnstatedPeriod) -> str:
    """A period's dates in a document's words: "from April 2021 to September 2021",
    "from April 2021", "until September 2021"."""
    parts = []
    if period.start is not None:
        parts.append(f"from {date_text(period.start)}")
    if period.end is not None:
        parts.append(f"{'to' if parts else 'until'} {date_text(period.end)}")
    return " ".join(parts)


def unstated_periods(entity: object) -> list[str]:
    """The fields an entity does not give for a period only, each with its dates in a
    document's words: "chairs: not stated from April 2021 to September 2021"."""
    periods: tuple[UnstatedPeriod, ...] = getattr(entity, "not_stated_for", ())
    return [f"{p.field.replace('_', ' ')}: not stated {period_when(p)}" for p in periods]
