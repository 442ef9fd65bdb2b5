"""The yearly report skeleton: every section the arrangements require, pre-filled where
the data knows the answer and marked where a person must write.

The required sections come from the partnership's ``yearly_report.contents``, in
their order. The report opens with what the data already holds: the purpose of the
report, the partners, chair and scrutineer, the relevant agencies, the structure
chart and the groups. Each required section quotes the requirement and holds a
:class:`~.tree.Placeholder` for the person writing the report.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

import attrs

from ..errors import NothingStoodError
from ..model import (
    ChairRole,
    Dataset,
    Entity,
    GovernedDocument,
    GroupKind,
    Item,
    Partnership,
)
from ..model.changes import compare
from ..model.dates import OnDate
from ..model.meaning import and_list, is_leadership, partial_of, partial_words
from ..model.meaning import role_words as role_phrase
from ._common import (
    NOT_GIVEN,
    NOT_SAID,
    choose_partnership,
    collaboration_words,
    date_text,
    groups_table_blocks,
    holder_text,
    in_part,
    introduced,
    label,
    line_sentence,
    line_text,
    not_stated_note,
    partial_note,
    person_or_post,
    structure_figures,
)
from .arrangements import role_words
from .changes import TITLE as CHANGES_TITLE
from .changes import changes_section
from .charts import ChartMaker
from .dated import said_blocks, view_on
from .progress import progress_section
from .summary import chair_text, contribution_words, documents_of, scrutiny_label
from .tree import (
    Block,
    Document,
    ItemList,
    ListItem,
    Paragraph,
    Placeholder,
    Section,
    Span,
    Table,
    item_list,
    more_item,
    paragraphs,
    statement,
)

if TYPE_CHECKING:
    from ..graph import GovernanceGraph

__all__ = ["heading_for", "yearly_report"]


def heading_for(requirement: str) -> str:
    """The heading of a required section: the requirement up to its first pause, in full.

    A heading is never cut short: the requirement's words up to its first comma,
    semicolon, bracket or full stop make a complete phrase, however long, and the whole
    requirement is given under the heading.
    """
    text = " ".join(requirement.split())
    text = re.split(r"[,;(]|\.\s|\.$", text, maxsplit=1)[0].strip() or text
    return text[:1].upper() + text[1:]


def _partners(dataset: Dataset, index: dict[str, Entity], partnership: Partnership) -> Section:
    missing = partnership.not_stated
    blocks: list[Block] = []
    if partnership.lead_partners:
        rows = tuple(
            (
                role_words(lead.role),
                introduced(dataset, index, lead.organisation)
                if lead.organisation
                else NOT_GIVEN,  # known by its role only
                holder_text(dataset, index, lead.post) if lead.post else "not stated",
            )
            for lead in partnership.lead_partners
        )
        blocks.append(Table(header=("Lead partner", "Organisation", "Held by"), rows=rows))
    elif "lead_partners" in missing:
        blocks.append(not_stated_note("the lead safeguarding partners"))
    if partnership.delegated_partners:
        delegated = tuple(
            (
                dataset.name_of(d.post, index) if d.post else f"the post is {NOT_GIVEN}",
                role_words(d.acts_for)
                + (f" ({dataset.name_of(d.organisation, index)})" if d.organisation else ""),
            )
            for d in partnership.delegated_partners
        )
        header = ("Delegated safeguarding partner", "Speaks for")
        blocks.append(Table(header=header, rows=delegated))
    elif "delegated_partners" in missing:
        blocks.append(not_stated_note("the delegated safeguarding partners"))
    for chair in partnership.chairs:
        plain = attrs.evolve(chair, role=ChairRole.CHAIR)
        who = chair_text(plain, None, dataset, index, partnership=partnership) or NOT_SAID
        blocks.append(
            Paragraph(content=(f"Partnership {chair.role.label}: ", Span(text=who, strong=True)))
        )
    if not partnership.chairs and "chairs" in missing:
        blocks.append(not_stated_note("who chairs the partnership"))
    blocks += _partial(partnership, "chairs")
    for scrutineer in partnership.scrutineers:
        who = dataset.name_of(scrutineer.post, index)
        blocks.append(Paragraph(content=("Independent scrutineer: ", Span(text=who, strong=True))))
    if not partnership.scrutineers and "scrutineers" in missing:
        blocks.append(not_stated_note("the independent scrutineer"))
    if partnership.scrutiny:
        blocks.append(Paragraph(content="The arrangements are scrutinised by:"))
        blocks.append(ItemList(items=scrutiny_items(dataset, index, partnership)))
    if partnership.relevant_agencies:
        count = len(partnership.relevant_agencies)
        more = partial_of(partnership, "relevant_agencies")
        names = f"{count} relevant agencies" + (f", {partial_words(more)}" if more else "")
        blocks.append(Paragraph(content=f"The partnership names {names}:"))
        blocks.append(
            ItemList(
                items=tuple(
                    ListItem(content=dataset.name_of(a.organisation, index))
                    for a in partnership.relevant_agencies
                )
            )
        )
    elif "relevant_agencies" in missing:
        blocks.append(not_stated_note("the relevant agencies"))
    return Section(title="The partners", blocks=tuple(blocks))


def _structure(
    dataset: Dataset, index: dict[str, Entity], partnership: Partnership, charts: ChartMaker
) -> Section:
    blocks: list[Block] = []
    leadership = tuple(g for g in partnership.groups if is_leadership(g))
    teams = tuple(g for g in partnership.groups if g.kind is GroupKind.TEAM)
    groups = tuple(g for g in partnership.groups if not is_leadership(g) and g not in teams)
    if partnership.groups:
        caption = f"The structure of the {partnership.label} and its reporting lines"
        blocks.extend(structure_figures(partnership, dataset, index, caption, charts))
    if leadership:
        names = and_list([label(g, g.id) for g in leadership])
        blocks.append(
            Paragraph(content=f"Above the partnership, at the top of its accountability: {names}.")
        )
    if groups:
        blocks += groups_table_blocks(groups, partnership, dataset, index)
    elif "groups" in partnership.not_stated:
        blocks.append(not_stated_note("the partnership's groups"))
    blocks += _partial(partnership, "groups")
    if teams:
        names = and_list([label(t, t.id) for t in teams])
        blocks.append(Paragraph(content=f"Teams, not among the groups: {names}."))
    for line in partnership.reports_to:
        blocks.append(Paragraph(content=f"The partnership {line_sentence(line, dataset, index)}."))
    for line in partnership.escalates_to:
        blocks.append(
            Paragraph(content=f"The partnership escalates to {line_text(line, dataset, index)}.")
        )
    collaborations = dataset.collaborations_of(partnership)
    for collaboration in collaborations:
        blocks.append(
            Paragraph(
                content="The partnership works with its neighbours in "
                f"{collaboration_words(collaboration)}."
            )
        )
    if partnership.functional_links:
        blocks.append(Paragraph(content="Functional links:"))
        blocks.append(
            ItemList(
                items=tuple(
                    ListItem(content=dataset.name_of(link.organisation, index))
                    for link in partnership.functional_links
                )
            )
        )
    blocks.append(
        Placeholder(prompt="Any change to the structure during the year, and why it was made.")
    )
    return Section(title="Structure and groups", blocks=tuple(blocks))


def _requirement(
    item: Item,
    dataset: Dataset,
    index: dict[str, Entity],
    partnership: Partnership,
    changes: bool = False,
) -> Section:
    """A required section: what the data knows towards it, then the requirement to write."""
    blocks: list[Block] = []
    text = item.text.casefold()
    if "scrutineer" in text and partnership.scrutineers:
        names = "; ".join(person_or_post(dataset, index, s.post) for s in partnership.scrutineers)
        blocks.append(
            Paragraph(
                content=(
                    "Written by the independent scrutineer, ",
                    Span(text=names, strong=True),
                    ".",
                )
            )
        )
    if "scrutin" in text and partnership.scrutiny:
        blocks.append(Paragraph(content="The arrangements are scrutinised by:", note=True))
        blocks.append(ItemList(items=scrutiny_items(dataset, index, partnership)))
    if any(word in text for word in ("fund", "budget", "financ")) and partnership.funding:
        blocks += funding_blocks(dataset, index, partnership)
    documents = documents_of(dataset, partnership)
    if any(word in text for word in ("strateg", "plan", "framework")) and documents:
        blocks.append(Paragraph(content="The strategies, plans and frameworks:", note=True))
        blocks.append(
            ItemList(
                items=tuple(ListItem(content=document_words(dataset, index, d)) for d in documents)
            )
        )
    if "change" in text and "arrangement" in text and changes:
        blocks.append(
            Paragraph(
                content=f"What the data shows changed is listed above, under {CHANGES_TITLE}.",
                note=True,
            )
        )
    if "change" in text and "arrangement" in text and partnership.review:
        dates = ", ".join(date_text(d) or "" for d in partnership.review.reviews)
        if dates:
            blocks.append(
                Paragraph(content=f"Reviews of the arrangements are due in: {dates}.", note=True)
            )
    blocks.append(Placeholder(prompt=item.text))
    points = item_list(item.points).items + more_item(item, "points")
    if points:  # ending with what the source leaves out, where it gives them in part
        blocks.append(ItemList(items=points))
    return Section(title=heading_for(item.text), blocks=tuple(blocks))


def _partial(entity: object, field: str) -> list[Block]:
    note = partial_note(entity, field)
    return [note] if note is not None else []


def _vision(partnership: Partnership) -> Section | None:
    """The vision, purpose, values and principles the report works to, each under its
    own heading (never among the aims)."""
    blocks: list[Block] = []
    for heading, found in (("Vision: ", partnership.vision), ("Purpose: ", partnership.purpose)):
        if found is not None:
            said = statement(found)
            first = said[0] if said and isinstance(said[0], Paragraph) else None
            if first is not None:  # the heading leads the statement's first paragraph
                said = (
                    Paragraph(content=(Span(text=heading, strong=True), *first.content)),
                    *said[1:],
                )
            blocks.extend(said)
    for heading, entries in (
        ("Values:", partnership.values),
        ("Principles:", partnership.principles),
    ):
        if entries:
            blocks.append(Paragraph(content=(Span(text=heading, strong=True),)))
            blocks.append(item_list(entries))
    if not blocks:
        return None
    return Section(title="Vision, purpose, values and principles", blocks=tuple(blocks))


def scrutiny_items(
    dataset: Dataset, index: dict[str, Entity], partnership: Partnership
) -> tuple[ListItem, ...]:
    """Each scrutiny mechanism: its kind, its name, who performs it, and its inputs."""
    items = []
    for mechanism in partnership.scrutiny:
        who = [dataset.name_of(key, index) for key in mechanism.by]
        if mechanism.by_role is not None:
            who.append(role_phrase(mechanism.by_role))
        text = scrutiny_label(mechanism.kind.value)
        if mechanism.name:
            text += f": {mechanism.name}"
        if performers := in_part(and_list(who), mechanism, "by"):
            text += f", by {performers}"
        inputs = tuple(ListItem(content=f"drawing on: {i.text}") for i in mechanism.inputs)
        items.append(ListItem(content=text, children=inputs + more_item(mechanism, "inputs")))
    return tuple(items)


def funding_blocks(
    dataset: Dataset, index: dict[str, Entity], partnership: Partnership
) -> list[Block]:
    """What the arrangements say of the funding: the rule, who agrees the budget and
    how often, who hosts it and the boards it is shared with, each contribution (and
    whom it is paid for) and what is given in kind; a list given only in part ends with
    what the source leaves out."""
    funding = partnership.funding
    if funding is None:
        return []

    def names(keys: tuple[str, ...]) -> str:
        return and_list([dataset.name_of(key, index) for key in keys])

    lines = []
    if funding.rule:
        lines.append(f"The basis of funding: {funding.rule}.")
    who = [dataset.name_of(key, index) for key in funding.agreed_by]
    if funding.agreed_by_role is not None:
        who.append(role_phrase(funding.agreed_by_role))
    if agreed := in_part(and_list(who), funding, "agreed_by"):
        every = f", {funding.agreed_every}" if funding.agreed_every else ""
        lines.append(f"The budget is agreed by {agreed}{every}.")
    if funding.hosted_by:
        lines.append(f"The budget is hosted by {dataset.name_of(funding.hosted_by, index)}.")
    if shared := in_part(names(funding.shared_with), funding, "shared_with"):
        split = "; ".join(
            f"{dataset.name_of(s.body, index)}: "
            + contribution_words(s.amount, s.percent, (), None)
            for s in funding.split
        )
        lines.append(
            f"The budget is one budget shared with {shared}" + (f" ({split})." if split else ".")
        )
    blocks: list[Block] = [Paragraph(content=line, note=True) for line in lines]
    contributions = [
        ListItem(
            content=f"{dataset.name_of(c.organisation, index)}"
            + (f" (on behalf of {names(c.on_behalf_of)})" if c.on_behalf_of else "")
            + ": "
            + contribution_words(c.amount, c.percent, c.in_kind, date_text(c.period))
        )
        for c in funding.contributions
    ]
    contributions += more_item(funding, "contributions")
    contributions += [
        ListItem(
            content=f"{dataset.name_of(s.organisation, index)}: in kind: "
            + (", ".join(s.provides) or "support")
        )
        for s in funding.support_in_kind
    ]
    contributions += more_item(funding, "support_in_kind")
    if contributions:
        blocks.append(
            Paragraph(content="The contributions, as the arrangements give them:", note=True)
        )
        blocks.append(ItemList(items=tuple(contributions)))
    return blocks


def document_words(dataset: Dataset, index: dict[str, Entity], document: GovernedDocument) -> str:
    """A strategy or plan in one line: its title, kind and period, owner and monitors."""
    text = f"{document.title} ({document.kind.label}"
    if document.period is not None:
        text += f", {date_text(document.period)}"
    text += f"), owned by {dataset.name_of(document.owner, index)}"
    if document.monitored_by:
        text += ", monitored by " + and_list(
            [dataset.name_of(k, index) for k in document.monitored_by]
        )
    if document.delivered_by:
        text += ", delivered by " + and_list(
            [dataset.name_of(k, index) for k in document.delivered_by]
        )
    return text


def compliance_section(
    dataset: Dataset,
    partnership: str,
    on: OnDate | None = None,
    today: datetime.date | None = None,
) -> Section:
    """The yearly report's "Compliance with statutory guidance": the partnership checked
    by the rules in force on ``on`` (by default today), as ``safeguarding-model check``
    gives it: the summary, the notes on the edition and the date, a table of the
    requirements applied (each with its source and how sure it is), and the findings
    that call for attention; then a placeholder for the person writing the report."""
    from ..rules import compliance  # the rules layer sits below the documents

    prompt = Placeholder(
        prompt="How the partners are addressing any requirement not met, and the "
        "independent scrutineer's view of the arrangements' compliance."
    )
    try:
        found = compliance(dataset, partnership, on=on, today=today)
    except NothingStoodError as error:  # the date is outside the arrangements' life
        said = f"The arrangements were not checked against statutory guidance: {error}"
        return Section(
            title="Compliance with statutory guidance",
            blocks=(Paragraph(content=said, note=True), prompt),
        )
    blocks: list[Block] = [Paragraph(content=found.summary)]
    blocks += [Paragraph(content=note, note=True) for note in found.notes]
    blocks.append(
        Table(
            header=("Requirement", "Source", "Status of the source", "Modality", "Outcome"),
            rows=tuple(
                (row.requirement, row.source, row.status, row.modality, row.outcome)
                for row in found.rows
            ),
            caption=f"The requirements applied on {found.on}",
        )
    )
    serious = [f for f in found.findings if str(f.severity) in ("error", "warning")]
    if serious:
        blocks.append(
            ItemList(
                items=tuple(
                    ListItem(content=f"{f.severity}: {f.message} ({f.rule})") for f in serious
                )
            )
        )
    blocks.append(prompt)
    return Section(title=found.title, blocks=tuple(blocks))


def yearly_report(
    dataset: Dataset,
    partnership: str | None = None,
    *,
    graph: GovernanceGraph | None = None,
    previous: Dataset | None = None,
    on: OnDate | None = None,
    today: datetime.date | None = None,
) -> Document:
    """The yearly report skeleton for a partnership (by default the dataset's only one).

    Its chart is drawn from ``graph``, the dataset's governance graph, when it is given,
    and otherwise from the graph built for it. Given ``previous``, the arrangements
    as they were before (last year's file, say), the report has a section "Changes to
    the safeguarding arrangements" listing what changed since, after the structure;
    the partnership must be in both (by id, or a predecessor either declares). ``on``
    takes the report on a date (the arrangements as they stood then, and the rules in
    force then for its compliance section); ``today`` is the date it is checked on
    otherwise (by default, today). The report ends with its progress on agreed
    priorities (from the business plans) and its compliance with statutory guidance.
    """
    view = view_on(dataset, on, partnership, today=today)
    source, dataset, partnership = dataset, view.dataset, view.partnership
    if previous is not None and view.on is not None:
        previous = previous.as_of(view.on)
    chosen = choose_partnership(dataset, partnership)
    changes = compare(previous, dataset, partnership=chosen.id) if previous is not None else None
    index = dataset.index()
    report = chosen.yearly_report
    opening: list[Block] = list(paragraphs(report.text)) if report else []
    opening.append(
        Placeholder(prompt="The period the report covers, such as April 2024 to March 2025.")
    )
    sections = [
        Section(title="About this report", blocks=tuple(opening)),
        _partners(dataset, index, chosen),
        _structure(dataset, index, chosen, ChartMaker(dataset, graph)),
    ]
    if changes is not None:
        sections.append(changes_section(changes, chosen.id))
    vision = _vision(chosen)
    if vision is not None:
        sections.append(vision)
    if chosen.aims:
        sections.append(
            Section(
                title="Aims and priorities",
                blocks=(
                    item_list(chosen.aims, ordered=True),
                    Placeholder(prompt="Progress against each aim and priority during the year."),
                ),
            )
        )
    if report and report.contents:
        sections.extend(
            _requirement(item, dataset, index, chosen, changes is not None)
            for item in report.contents
        )
        if (more := partial_note(report, "contents")) is not None:
            # the arrangements list the contents only in part: the rest is still owed
            sections.append(Section(title="Further required contents", blocks=(more,)))
    else:
        sections.append(
            Section(
                title="Required contents",
                blocks=(
                    not_stated_note("what the yearly report must contain"),
                    Placeholder(prompt="The contents the guidance requires of a yearly report."),
                ),
            )
        )
    # A plan is not dated (its actions carry their reporting years): its progress is the
    # plan as given, with the owners it names, whether or not they stood on the date
    # (the view leaves those out, which would read as owners not given).
    sections.append(progress_section(source, chosen.id))
    sections.append(compliance_section(source, chosen.id, view.on, view.today))
    intro = Paragraph(
        content=(
            "A skeleton generated from the arrangements data. Sections marked ",
            Span(text="To be written", strong=True),
            " need a person to write them.",
        ),
        note=True,
    )
    return Document(
        kind="yearly-report",
        title=label(chosen, chosen.id),
        subtitle="Yearly Report",
        partnership=chosen.id,
        date=None,
        on=None if view.on is None else str(view.on),
        blocks=(*said_blocks(view), intro),
        sections=tuple(sections),
    )
