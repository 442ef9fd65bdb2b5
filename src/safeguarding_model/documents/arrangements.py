"""The published arrangements document, regenerated section by section from the data.

The sections follow the published Isle of Wight arrangements (September 2024), which
follow Working Together to Safeguard Children: partners, chair, scrutineer, aims,
thresholds, area, relevant agencies, collaboration, structure and groups, yearly
report, training, funding, procedures, review, and an appendix for each collaboration
the partnership belongs to. Every sentence is either the data's own text or a short
connecting phrase; a section whose facts the data lacks is left out, or, where the
data records that the source does not state them, says so.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import attrs

from ..model import (
    ChairRole,
    Collaboration,
    Contribution,
    Dataset,
    Entity,
    GovernedDocument,
    Group,
    GroupKind,
    Item,
    Member,
    Organisation,
    OutlineSection,
    Partnership,
    Post,
    PublishedReport,
    RelevantAgency,
    ReviewSchedule,
    SectionContent,
    StatutoryRole,
    Succession,
    SuccessionKind,
)
from ..model.dates import OnDate
from ..model.dates import Span as Days
from ..model.meaning import (
    NOT_NAMED,
    Standing,
    and_list,
    cadence_words,
    chair_notes,
    chaired_by,
    is_leadership,
    line_verb,
    members_given,
    partial_of,
    partial_words,
    partners_word,
    post_notes,
    standing,
)
from ..model.meaning import role_words as meaning_role_words
from ._common import (
    NOT_GIVEN,
    NOT_SAID,
    body_name,
    chair_phrase,
    chair_words,
    choose_partnership,
    collaboration_words,
    date_phrase,
    date_text,
    dated_name,
    dated_phrase,
    dates_text,
    entity_phrase,
    entry_phrase,
    group_field,
    groups_table_blocks,
    holder_text,
    in_part,
    introduced,
    label,
    line_sentence,
    line_text,
    member_named,
    member_text,
    not_stated_note,
    partial_note,
    period_when,
    person_or_post,
    structure_figures,
    text_points,
    unstated_periods,
    with_partial,
    with_phrase,
)
from .charts import ChartMaker
from .dated import View, on_sentence, view_on
from .neighbourhood import references
from .summary import chair_text, contribution_words, documents_of, scrutiny_label
from .tree import (
    Block,
    Document,
    ItemList,
    ListItem,
    Paragraph,
    Section,
    Span,
    Table,
    item_list,
    paragraphs,
    statement,
)

if TYPE_CHECKING:
    from ..graph import GovernanceGraph

__all__ = ["arrangements", "group_section", "regimes_phrase", "reports_list", "review_due"]


def role_words(role: StatutoryRole) -> str:
    """A statutory partner's role in words: ``the integrated care board``."""
    return f"the {role.label}"


UNNAMED_LEAD = "the organisation is not named in the arrangements"
"""What a document says of a lead partner the arrangements give by its role only."""


def footnote_mark(number: int) -> str:
    """The mark of the ``number``-th footnote: ``*``, ``**``, ``***``, then ``[4]``, ``[5]``..."""
    return "*" * number if number <= 3 else f"[{number}]"


def _joined(*phrases: str) -> str:
    """Phrases joined, each once (an entry and what it names may give the same dates)."""
    return "; ".join(dict.fromkeys(phrase for phrase in phrases if phrase))


def regimes_phrase(
    partnership: Partnership, at: Days | None = None, *, working_together: bool = False
) -> str:
    """The statutory regimes in a document's words, each with its dates read against
    ``at``: "Working Together to Safeguard Children 2018 (ended August 2024) and
    Working Together to Safeguard Children 2023 (from September 2024)"; only the
    editions of Working Together with ``working_together`` (what defines the
    partners)."""
    regimes = [
        r for r in partnership.regimes if r.instrument.working_together or not working_together
    ]
    texts = [with_phrase(r.instrument.title, entry_phrase(r, at)) for r in regimes]
    if len(texts) <= 1:
        return "".join(texts)
    return ", ".join(texts[:-1]) + " and " + texts[-1]


_EVERY = {1: "every year", 2: "every two years", 3: "every three years", 4: "every four years"}


def every_years(years: int) -> str:
    """``every three years``: a small number in words, a larger one in figures."""
    return _EVERY.get(years, f"every {years} years")


def review_due(review: ReviewSchedule, at: Days) -> str | None:
    """When the next review of the arrangements is due, counted from the first day of
    ``at`` (the date shown): "The next review is due in December 2025, then in 2028,
    then every three years."; None when the schedule gives no date."""
    due = review.next_due(at[0])
    if due is None:
        if not review.reviews:
            return None
        last = review.reviews[-1]
        return f"The arrangements give no review after the one due {date_phrase(last)}."
    after = [r for r in review.reviews if r.first_day() > due.last_day()]
    text = "The next review is due " + ", then ".join(date_phrase(d) for d in (due, *after))
    if review.then_every_years:
        text += f", then {every_years(review.then_every_years)}"
    return text + "."


def reports_list(
    reports: tuple[PublishedReport, ...], dataset: Dataset, index: dict[str, Entity]
) -> tuple[ListItem, ...]:
    """The yearly reports as published, one item each: the period, the title, when it
    was published, who presented it to whom and where it was sent."""
    items = []
    for report in reports:
        text = f"{report.title or 'Yearly report'}, for {date_text(report.period)}"
        if report.published is not None:
            text += f", published {date_text(report.published)}"
        if report.presented_by:
            text += f", presented by {dataset.name_of(report.presented_by, index)}"
        if report.presented_to:
            text += " to " + " and ".join(dataset.name_of(k, index) for k in report.presented_to)
        if report.sent_to:
            text += "; sent to " + ", ".join(dataset.name_of(k, index) for k in report.sent_to)
        items.append(ListItem(content=text, children=text_points(report.text)))
    return tuple(items)


_VERBS = {Standing.ENDED: "was", Standing.FUTURE: "will be", Standing.PLANNED: "will be"}
"""The verb before a chair, by how it stands: an ended chair "was", a planned one "will be"."""


class _Builder:
    def __init__(self, view: View, partnership: Partnership, charts: ChartMaker) -> None:
        self.view = view
        self.dataset = view.dataset
        self.at = view.at
        self.p = partnership
        self.charts = charts
        self.index: dict[str, Entity] = self.dataset.index()
        self.partners = partners_word(partnership)
        self.collaborations = [
            members_given(self.dataset, c) for c in self.dataset.collaborations_of(partnership)
        ]

    def name(self, key: str | None) -> str:
        return self.dataset.name_of(key, self.index)

    @property
    def words(self) -> tuple[Dataset, dict[str, Entity]]:
        return self.dataset, self.index

    def dates(self, key: str | None) -> str:
        """An entity's own dates (an organisation's life, a post's tenure)."""
        return entity_phrase(self.index.get(key or ""), self.at)

    def absent(self, field: str, title: str, what: str) -> Section | None:
        """The section that says the source is silent, when the data records that, or
        that it names none of a list it says goes on."""
        if field in self.p.not_stated:
            return Section(title=title, blocks=(not_stated_note(what),))
        note = partial_note(self.p, field)
        if note is not None:
            said = Paragraph(content=f"The arrangements name none of {what}.", note=True)
            return Section(title=title, blocks=(said, note))
        return None

    # -- sections in the order of the published document -------------------------------

    def lead_partners(self) -> Section | None:
        title = self.partners.title()
        if not self.p.lead_partners:
            return self.absent("lead_partners", title, f"the {self.partners}")
        items = []
        for lead in self.p.lead_partners:
            if lead.organisation is None:  # known by its role only: never an invented name
                text = lead.text or role_words(lead.role).capitalize()
                if lead.post:
                    text += f": {self.name(lead.post)}"
                dates = self.dates(lead.post) if lead.post else ""
                phrase = _joined(UNNAMED_LEAD, entry_phrase(lead, self.at), dates)
                items.append(ListItem(content=with_phrase(text, phrase)))
                continue
            text = lead.text or (
                f"{role_words(lead.role).capitalize()}: "
                + (
                    self.name(lead.post)
                    if lead.post
                    else introduced(self.dataset, self.index, lead.organisation)
                )
                + (f" (through {self.name(lead.through)})" if lead.through else "")
            )
            # the post's dates are the holder's tenure; the organisation's own dates (an
            # integrated care board from 2022) would read as the holder's, so they are
            # left to the organisation's own entry
            phrase = _joined(
                entry_phrase(lead, self.at),
                self.dates(lead.post) if lead.post else self.dates(lead.organisation),
            )
            items.append(ListItem(content=with_phrase(text, phrase)))
        editions = regimes_phrase(self.p, self.at, working_together=True)
        define = "defines" if self.p.guidance is None or editions.count(" and ") == 0 else "define"
        intro = Paragraph(
            content=f"The {self.partners}, as {editions} {define} them, are:"
            if editions
            else f"The {self.partners} are:"
        )
        blocks = with_partial([intro, ItemList(items=tuple(items))], self.p, "lead_partners")
        return Section(title=title, blocks=tuple(blocks))

    def delegated_partners(self) -> Section | None:
        title = "Delegated Safeguarding Partners"
        if not self.p.delegated_partners:
            return self.absent("delegated_partners", title, "the delegated safeguarding partners")
        rows = []
        for delegated in self.p.delegated_partners:
            speaks_for = role_words(delegated.acts_for)
            if delegated.organisation:
                speaks_for += f" ({self.name(delegated.organisation)})"
            if delegated.post is None:  # the post is not stated: never an invented one
                phrase = entry_phrase(delegated, self.at)
                said = " ".join(delegated.text.split()) if delegated.text else NOT_GIVEN
                rows.append(
                    (
                        with_phrase(NOT_GIVEN, phrase),
                        f"{NOT_GIVEN} ({said})" if delegated.text else NOT_GIVEN,
                        self.name(delegated.organisation) if delegated.organisation else NOT_GIVEN,
                        speaks_for,
                    )
                )
                continue
            post = self.index.get(delegated.post)
            organisation = post.organisation if isinstance(post, Post) else None
            phrase = _joined(entry_phrase(delegated, self.at), self.dates(delegated.post))
            rows.append(
                (
                    with_phrase(holder_text(self.dataset, self.index, delegated.post), phrase),
                    post.title if isinstance(post, Post) else delegated.post,
                    self.name(organisation)
                    if organisation
                    else "independent"
                    if isinstance(post, Post) and post.independent
                    else NOT_GIVEN,
                    speaks_for,
                )
            )
        intro = Paragraph(content=f"The {self.partners} have delegated their functions to:")
        table = Table(header=("Name", "Post", "Organisation", "Speaks for"), rows=tuple(rows))
        return Section(
            title=title, blocks=tuple(with_partial([intro, table], self.p, "delegated_partners"))
        )

    def chair(self) -> Section | None:
        title = "Partnership Chair"
        if not self.p.chairs:
            return self.absent("chairs", title, "who chairs the partnership")
        blocks: list[Block] = []
        for chair in self.p.chairs:
            phrase = _joined(chair_phrase(chair, self.at), self.dates(chair.post))
            who = chair_text(
                attrs.evolve(chair, role=ChairRole.CHAIR),
                None,
                *self.words,
                partnership=self.p,
            )
            found = standing(chair.start, chair.end, self.at, planned=chair.planned)
            verb = _VERBS.get(found, "is")
            role = chair.role.label
            if chair.text:
                blocks.extend(paragraphs(chair.text))
                if who == NOT_NAMED:
                    said = f"The partnership {role} is not named"
                    blocks.append(Paragraph(content=with_phrase(said, phrase) + ".", note=True))
                    continue
                notes = chair_notes(self.index, (self.p,))(chair.post or "")
                if notes:
                    blocks.append(
                        Paragraph(content=f"The partnership {role}: {'; '.join(notes)}.", note=True)
                    )
                if phrase:
                    blocks.append(
                        Paragraph(content=f"This partnership {role}: {phrase}.", note=True)
                    )
                continue
            if who == NOT_NAMED:
                said = f"The partnership {role} is not named"
                blocks.append(Paragraph(content=with_phrase(said, phrase) + ".", note=True))
                continue
            if chaired_by(chair):
                opening = f"The partnership {verb} {chair.role.value}ed by "
            else:
                opening = f"The partnership {role} {verb} "
            blocks.append(
                Paragraph(
                    content=(
                        opening,
                        Span(text=who or NOT_SAID, strong=True),
                        f" ({phrase})." if phrase else ".",
                    )
                )
            )
        blocks = with_partial(blocks, self.p, "chairs")
        blocks += [
            Paragraph(
                content=f"The arrangements do not state who chairs the partnership "
                f"{period_when(period)}.",
                note=True,
            )
            for period in self.p.not_stated_for
            if period.field == "chairs"
        ]
        return Section(title=title, blocks=tuple(blocks))

    def membership(self) -> Section | None:
        """The partnership's own membership and meetings, where the document gives them
        apart from its groups'."""
        title = "Membership of the Partnership"
        meets = cadence_words(self.p.meets, self.p.meets_text)
        missing = self.p.not_stated
        if not (self.p.members or meets or partial_of(self.p, "members")):
            if "members" in missing:
                return Section(title=title, blocks=(not_stated_note("who the members are"),))
            return None
        blocks: list[Block] = []
        if meets:
            blocks.append(Paragraph(content=f"The {self.p.label} meets {meets}."))
        elif "meets" in missing:
            blocks.append(not_stated_note("how often the partnership meets"))
        current = tuple(m for m in self.p.members if not m.planned)
        planned = tuple(m for m in self.p.members if m.planned)
        if current:
            blocks.append(Paragraph(content="Its members:"))
            blocks.append(members_list(self.p, self.dataset, self.index, self.at, current))
        elif "members" in missing:
            blocks.append(not_stated_note("who the members are"))
        if planned:
            blocks.append(Paragraph(content="Planned membership, not yet in place:"))
            blocks.append(members_list(self.p, self.dataset, self.index, self.at, planned))
        return Section(title=title, blocks=tuple(with_partial(blocks, self.p, "members")))

    def sources(self) -> Section | None:
        """The documents and pages the data was taken from, with their addresses, where
        the data gives an address or more than one source."""
        found = [s for s in (self.p.source, *self.p.sources) if s is not None]
        if not self.p.sources and not any(s.url for s in found):
            return None
        items = []
        for source in found:
            content: list[str | Span] = [source.title]
            if source.published is not None:
                content.append(f", {date_text(source.published)}")
            if source.url:
                content += [": ", Span(text=source.url, link=source.url)]
            items.append(ListItem(content=tuple(content), children=text_points(source.text)))
        return Section(title="Sources", blocks=(ItemList(items=tuple(items)),))

    def scrutineer(self) -> Section | None:
        title = "Independent Scrutineer"
        if not self.p.scrutineers:
            return self.absent("scrutineers", title, "the independent scrutineer")
        blocks: list[Block] = []
        for scrutineer in self.p.scrutineers:
            who = with_phrase(
                person_or_post(self.dataset, self.index, scrutineer.post, self.at),
                entry_phrase(scrutineer, self.at),
            )
            post = self.index.get(scrutineer.post)
            notes = post_notes(post, self.name) if isinstance(post, Post) else []
            if any(chair.post == scrutineer.post for chair in self.p.chairs):
                notes.append("also the partnership chair")
            blocks.append(
                Paragraph(
                    content=(
                        "The independent scrutineer is ",
                        Span(text=who, strong=True),
                        f" ({'; '.join(notes)})." if notes else ".",
                    )
                )
            )
            said = paragraphs(scrutineer.text)
            blocks.extend(said)
            if scrutineer.functions:
                if not (said and said[-1].text.rstrip().endswith(":")):
                    blocks.append(Paragraph(content="The role undertakes the following functions:"))
                blocks.append(item_list(scrutineer.functions))
            blocks = with_partial(blocks, scrutineer, "functions")
        return Section(title=title, blocks=tuple(with_partial(blocks, self.p, "scrutineers")))

    def scrutiny(self) -> Section | None:
        """Each way the arrangements are scrutinised, who performs it and what it draws on."""
        title = "Scrutiny Arrangements"
        if not self.p.scrutiny:
            return self.absent("scrutiny", title, "how the arrangements are scrutinised")
        blocks: list[Block] = []
        for mechanism in self.p.scrutiny:
            names = [body_name(self.dataset, self.index, key, self.at) for key in mechanism.by]
            if mechanism.by_role is not None:
                names.append(meaning_role_words(mechanism.by_role))
            content: list[str | Span] = [
                Span(text=scrutiny_label(mechanism.kind.value).capitalize(), strong=True)
            ]
            if mechanism.name:
                content.append(f": {mechanism.name}")
            more = partial_of(mechanism, "by")
            if names:
                content.append(f", by {and_list(names)}")
                if more is not None:
                    content.append(f", {partial_words(more)}")
            elif more is not None:
                content.append(f", by some the arrangements do not name ({partial_words(more)})")
            phrase = entry_phrase(mechanism, self.at)
            content.append(f" ({phrase})." if phrase else ".")
            blocks.append(Paragraph(content=tuple(content)))
            said = paragraphs(mechanism.text)
            blocks.extend(said)
            if mechanism.inputs:
                if not (said and said[-1].text.rstrip().endswith(":")):
                    blocks.append(Paragraph(content="It draws on:"))
                blocks.append(item_list(mechanism.inputs))
            blocks = with_partial(blocks, mechanism, "inputs")
        return Section(title=title, blocks=tuple(with_partial(blocks, self.p, "scrutiny")))

    def statement(self, field: str, title: str, what: str) -> Section | None:
        """The vision or the purpose, in the document's words (with the points the
        document lists under it), in a section of its own."""
        found: Item | None = getattr(self.p, field)
        if found is None:
            return self.absent(field, title, what)
        return Section(title=title, blocks=statement(found))

    def listed(self, field: str, title: str, what: str) -> Section | None:
        """The values or the principles, as the document lists them: a section of their
        own, never among the aims (they are not what the partnership will do)."""
        entries = getattr(self.p, field)
        if not entries:
            return self.absent(field, title, what)
        return Section(title=title, blocks=tuple(with_partial([item_list(entries)], self.p, field)))

    def aims(self) -> Section | None:
        title = "Safeguarding Partnership Aims and Objectives"
        if not self.p.aims:
            return self.absent("aims", title, "the partnership's aims")
        intro = Paragraph(content=f"The {self.p.name} will:")
        blocks = with_partial([intro, item_list(self.p.aims, ordered=True)], self.p, "aims")
        return Section(title=title, blocks=tuple(blocks))

    def duties(self) -> Section | None:
        """What each class of participant does, in the document's words and order."""
        title = "Duties of the Partners and Agencies"
        if not self.p.duties:
            return self.absent("duties", title, "the duties of the partners and agencies")
        whose: dict[str, list[Block]] = {}
        for duty in self.p.duties:
            words = meaning_role_words(duty.of) if duty.of else self.name(duty.post)
            blocks = whose.setdefault(words, [])
            said = paragraphs(duty.text)
            blocks.extend(said)
            if duty.items:
                if not (said and said[-1].text.rstrip().endswith(":")):
                    blocks.append(Paragraph(content=f"The duties of {words}:"))
                blocks.append(item_list(duty.items))
            blocks += with_partial([], duty, "items")
        sections = [
            Section(title=words[:1].upper() + words[1:], blocks=tuple(blocks))
            for words, blocks in whose.items()
        ]
        note = partial_note(self.p, "duties")
        return Section(title=title, blocks=(note,) if note else (), sections=tuple(sections))

    def thresholds(self) -> Section | None:
        title = "Thresholds"
        document = self.p.thresholds
        if document is None:
            return self.absent("thresholds", title, "the thresholds document")
        blocks = list(paragraphs(document.text))
        if document.title not in (document.text or ""):
            blocks.append(
                Paragraph(
                    content=(
                        "The thresholds document is the ",
                        Span(text=document.title, strong=True),
                        ".",
                    )
                )
            )
        return Section(title=title, blocks=tuple(blocks))

    def area(self) -> Section | None:
        title = "Geographical Area"
        area = self.p.area
        if area is None:
            return self.absent("area", title, "the area the arrangements cover")
        blocks: list[Block] = list(paragraphs(area.text))
        if len(area.local_authorities) > 1:
            blocks.append(Paragraph(content="The local authorities of the area are:"))
            blocks.append(
                ItemList(
                    items=tuple(ListItem(content=self.name(a)) for a in area.local_authorities)
                )
            )
        facilities = area.youth_custody_facilities
        if facilities is not None and not facilities:
            blocks.append(
                Paragraph(content="There are no youth custody facilities within the area.")
            )
        elif facilities:
            blocks.append(Paragraph(content="The youth custody facilities within the area are:"))
            blocks.append(ItemList(items=tuple(ListItem(content=f) for f in facilities)))
        return Section(title=title, blocks=tuple(blocks))

    def relevant_agencies(self) -> Section | None:
        title = "Relevant Agencies"
        blocks: list[Block] = []
        current = [a for a in self.p.relevant_agencies if not a.planned]
        planned = [a for a in self.p.relevant_agencies if a.planned]
        notes: list[Paragraph] = []

        def item(agency: RelevantAgency) -> ListItem:
            mark = ""
            if agency.footnote:
                mark = footnote_mark(len(notes) + 1)
                notes.append(Paragraph(content=mark + agency.footnote, note=True))
            phrase = _joined(entry_phrase(agency, self.at), self.dates(agency.organisation))
            name = introduced(self.dataset, self.index, agency.organisation)
            return ListItem(content=with_phrase(name, phrase) + mark)

        if current:
            blocks.append(
                Paragraph(content=f"The relevant agencies named by the {self.partners} are:")
            )
            blocks.append(ItemList(items=tuple(item(agency) for agency in current)))
            blocks = with_partial(blocks, self.p, "relevant_agencies")
        elif (note := partial_note(self.p, "relevant_agencies")) is not None:
            blocks += [
                Paragraph(content="The arrangements name no relevant agency.", note=True),
                note,
            ]
        if planned:
            blocks.append(
                Paragraph(content="Planned as relevant agencies, not yet in place:", note=True)
            )
            blocks.append(ItemList(items=tuple(item(agency) for agency in planned)))
        if self.p.relevant_agencies:
            blocks.extend(notes)
        elif "relevant_agencies" in self.p.not_stated:
            blocks.append(not_stated_note("the relevant agencies"))
        for representation in self.p.sector_representation:
            blocks.extend(paragraphs(representation.text))
        if "sector_representation" in self.p.not_stated:
            blocks.append(not_stated_note("how the sectors are represented"))
        for observer in self.p.observers:
            who = self.name(observer.post or observer.organisation)
            blocks.extend(
                paragraphs(observer.text)
                or (Paragraph(content=f"{who} is a participating observer."),)
            )
        if "observers" in self.p.not_stated:
            blocks.append(not_stated_note("whether the partnership has participating observers"))
        return Section(title=title, blocks=tuple(blocks)) if blocks else None

    def collaboration(self, collaboration: Collaboration, appendix: int) -> Section:
        blocks: list[Block] = list(paragraphs(collaboration.description))
        blocks.append(
            Paragraph(
                content=f"The arrangements of this collaboration are in Appendix {appendix}.",
                note=True,
            )
        )
        title = collaboration_words(collaboration, article="")
        return Section(title=title[:1].upper() + title[1:], blocks=tuple(blocks))

    def structure(self) -> Section | None:
        title = "Partnership Structure and Subgroups"
        escalation = self.escalation()
        own_lines = self.own_lines()
        other = self.other_lines()
        links = self.p.functional_links or partial_of(self.p, "functional_links")
        if not (self.p.groups or links or escalation or own_lines or other):
            return self.absent("groups", title, "the partnership's groups")
        blocks: list[Block] = []
        subsections: list[Section] = []
        leadership = tuple(g for g in self.p.groups if is_leadership(g))
        teams = tuple(g for g in self.p.groups if g.kind is GroupKind.TEAM)
        groups = tuple(g for g in self.p.groups if g not in leadership and g not in teams)
        if self.p.groups:
            blocks.extend(
                structure_figures(
                    self.p,
                    self.dataset,
                    self.index,
                    f"The structure of the {self.p.label} and its reporting lines",
                    self.charts,
                    self.at,
                )
            )
        if groups:
            blocks += groups_table_blocks(groups, self.p, self.dataset, self.index, self.at)
            blocks = with_partial(blocks, self.p, "groups")
        elif "groups" in self.p.not_stated:
            blocks.append(not_stated_note("the partnership's groups"))
        elif (note := partial_note(self.p, "groups")) is not None:
            blocks += [Paragraph(content="The arrangements name none of its groups.", note=True)]
            blocks.append(note)
        if leadership:
            intro = Paragraph(
                content=f"Above the {self.p.label}, at the top of its accountability "
                "(not one of its subgroups):"
            )
            subsections.append(
                Section(
                    title="Leadership Above the Partnership",
                    blocks=(
                        intro,
                        ItemList(items=tuple(ListItem(content=label(g, g.id)) for g in leadership)),
                    ),
                    sections=tuple(
                        group_section(group, self.p, self.dataset, self.index, self.at)
                        for group in leadership
                    ),
                )
            )
        if escalation:
            subsections.append(escalation)
        if own_lines:
            subsections.append(own_lines)
        if other:
            subsections.append(other)
        if self.p.functional_links:
            items = tuple(
                ListItem(
                    content=with_phrase(
                        label(self.index.get(link.organisation), link.organisation),
                        self.dates(link.organisation),
                    )
                    + (f": {link.text}" if link.text else "")
                )
                for link in self.p.functional_links
            )
            link_blocks = with_partial([ItemList(items=items)], self.p, "functional_links")
            subsections.append(Section(title="Functional Links", blocks=tuple(link_blocks)))
        elif "functional_links" in self.p.not_stated:
            subsections.append(
                Section(title="Functional Links", blocks=(not_stated_note("functional links"),))
            )
        elif (note := partial_note(self.p, "functional_links")) is not None:
            none = Paragraph(content="The arrangements name no functional link.", note=True)
            subsections.append(Section(title="Functional Links", blocks=(none, note)))
        subsections.extend(
            group_section(group, self.p, self.dataset, self.index, self.at) for group in groups
        )
        if teams:
            subsections.append(
                Section(
                    title="Teams",
                    blocks=(
                        Paragraph(
                            content="The teams the arrangements describe (not among the groups "
                            "above):"
                        ),
                        ItemList(items=tuple(ListItem(content=label(t, t.id)) for t in teams)),
                    ),
                    sections=tuple(
                        group_section(team, self.p, self.dataset, self.index, self.at)
                        for team in teams
                    ),
                )
            )
        return Section(title=title, blocks=tuple(blocks), sections=tuple(subsections))

    def own_lines(self) -> Section | None:
        """The partnership's own lines (to a lead partners' forum above it, for
        information to a Health and Wellbeing Board), each with its meaning."""
        title = "Lines from the Partnership"
        if not self.p.reports_to:
            if "reports_to" in self.p.not_stated:
                return Section(
                    title=title, blocks=(not_stated_note("whom the partnership reports to"),)
                )
            note = partial_note(self.p, "reports_to")
            return Section(title=title, blocks=(note,)) if note else None
        items = tuple(
            ListItem(
                content=f"The {self.p.label} "
                + line_sentence(line, self.dataset, self.index, self.at)
                + ".",
                children=text_points(line.text),
            )
            for line in self.p.reports_to
        )
        blocks = with_partial([ItemList(items=items)], self.p, "reports_to")
        return Section(title=title, blocks=tuple(blocks))

    def other_lines(self) -> Section | None:
        """The lines the arrangements give from bodies without lines of their own (the
        partnership team's data to a group), each with its meaning."""
        if not self.p.lines:
            note = partial_note(self.p, "lines")
            return Section(title="Other Lines", blocks=(note,)) if note else None
        items = tuple(
            ListItem(
                content=f"{self.name(line.by)} "
                + line_sentence(line, self.dataset, self.index, self.at)
                + ".",
                children=text_points(line.text),
            )
            for line in self.p.lines
        )
        blocks = with_partial([ItemList(items=items)], self.p, "lines")
        return Section(title="Other Lines", blocks=tuple(blocks))

    def escalation(self) -> Section | None:
        """How the partnership as a whole escalates: the document's words, then the routes."""
        title = "Escalation"
        if not self.p.escalates_to:
            if "escalates_to" in self.p.not_stated:
                return Section(
                    title=title, blocks=(not_stated_note("where the partnership escalates"),)
                )
            note = partial_note(self.p, "escalates_to")
            return Section(title=title, blocks=(note,)) if note else None
        blocks: list[Block] = []
        for line in self.p.escalates_to:
            blocks.extend(paragraphs(line.text))
        routes = tuple(
            ListItem(content=("Escalates to: ", line_text(line, self.dataset, self.index, self.at)))
            for line in self.p.escalates_to
        )
        blocks.append(
            Paragraph(content=f"The {self.p.label} as a whole escalates to other bodies:")
        )
        blocks.append(ItemList(items=routes))
        return Section(title=title, blocks=tuple(with_partial(blocks, self.p, "escalates_to")))

    def yearly_report(self) -> Section | None:
        title = "Yearly Report"
        report = self.p.yearly_report
        published = self.p.yearly_reports
        if report is None and not published:
            found = self.absent("yearly_report", title, "what the yearly report contains")
            if found is None and partial_of(self.p, "yearly_reports"):
                found = self.absent("yearly_reports", title, "the yearly reports published")
            return found
        blocks: list[Block] = []
        if report is not None:
            blocks += paragraphs(report.text)
            if report.contents:
                blocks.append(Paragraph(content="The report will include:"))
                blocks.append(item_list(report.contents))
            blocks = with_partial(blocks, report, "contents")
        elif "yearly_report" in self.p.not_stated:
            blocks.append(not_stated_note("what the yearly report contains"))
        if published:
            blocks.append(Paragraph(content="The yearly reports published:"))
            blocks.append(ItemList(items=reports_list(published, self.dataset, self.index)))
            blocks = with_partial(blocks, self.p, "yearly_reports")
        elif "yearly_reports" in self.p.not_stated:
            blocks.append(not_stated_note("which yearly reports have been published"))
        elif (note := partial_note(self.p, "yearly_reports")) is not None:
            blocks.append(note)
        return Section(title=title, blocks=tuple(blocks))

    def training(self) -> Section | None:
        title = "Multi-Agency Professional Learning and Development"
        training = self.p.training
        if training is None:
            return self.absent("training", title, "the multi-agency training offer")
        blocks: list[Block] = []
        if training.elements:
            blocks.append(
                Paragraph(
                    content="The multi-agency training programme includes the following elements:"
                )
            )
            blocks.append(item_list(training.elements))
        blocks = with_partial(blocks, training, "elements")
        blocks.extend(paragraphs(training.charging))
        return Section(title=title, blocks=tuple(blocks))

    def funding(self) -> Section | None:
        title = "Funding Arrangements"
        funding = self.p.funding
        if funding is None:
            return self.absent("funding", title, "how the partnership is funded")
        blocks: list[Block] = list(paragraphs(funding.text))
        if funding.rule:
            blocks.append(Paragraph(content=("The basis of funding: ", funding.rule, ".")))
        who = [self.name(key) for key in funding.agreed_by]
        if funding.agreed_by_role is not None:
            who.append(meaning_role_words(funding.agreed_by_role))
        agreed = in_part(and_list(who), funding, "agreed_by")
        if agreed or funding.agreed_every:
            text = "The budget is agreed"
            if agreed:
                text += f" by {agreed}"
            if funding.agreed_every:
                text += f"{',' if agreed else ''} {funding.agreed_every}"
            blocks.append(Paragraph(content=text + "."))
        if funding.hosted_by:
            blocks.append(
                Paragraph(content=f"The budget is hosted by {self.name(funding.hosted_by)}.")
            )
        names = and_list([self.name(key) for key in funding.shared_with])
        if shared := in_part(names, funding, "shared_with"):
            blocks.append(Paragraph(content=f"The budget is one budget shared with {shared}."))
        for field, intro, given in (
            (
                "split",
                "Each body's share of the budget:",
                [
                    (self.name(s.body), contribution_words(s.amount, s.percent, (), None), s.text)
                    for s in funding.split
                ],
            ),
            (
                "contributions",
                "The contributions:",
                [
                    (
                        self.contributor(c),
                        contribution_words(c.amount, c.percent, c.in_kind, date_text(c.period)),
                        c.text,
                    )
                    for c in funding.contributions
                ],
            ),
        ):
            if given:
                items = [
                    ListItem(content=f"{body}: {words}", children=text_points(said))
                    for body, words, said in given
                ]
                blocks += [Paragraph(content=intro), ItemList(items=tuple(items))]
            blocks = with_partial(blocks, funding, field)
        for support in funding.support_in_kind:
            provides = ", ".join(support.provides) or "support"
            blocks.append(
                Paragraph(
                    content=f"Provided in kind by {self.name(support.organisation)}: {provides}."
                )
            )
        blocks = with_partial(blocks, funding, "support_in_kind")
        return Section(title=title, blocks=tuple(blocks))

    def contributor(self, contribution: Contribution) -> str:
        """Who gives a contribution: "Northshire County Council (on behalf of Eastby
        District Council and Westby District Council)"."""
        name = self.name(contribution.organisation)
        if not contribution.on_behalf_of:
            return name
        return (
            f"{name} (on behalf of {and_list([self.name(k) for k in contribution.on_behalf_of])})"
        )

    def governed(self) -> Section | None:
        """The strategies, plans and frameworks the partnership owns, monitors or
        delivers, and those a collaboration it belongs to owns: each with its owner, who
        monitors and delivers it, its period and its contents."""
        documents = documents_of(self.dataset, self.p)
        if not documents:
            return None
        return Section(
            title="Strategies, Plans and Frameworks",
            sections=tuple(
                document_section(d, self.dataset, self.index, self.at) for d in documents
            ),
        )

    def events(self) -> Section | None:
        """What the partnership holds or publishes again and again."""
        title = "Events and Publications"
        if not self.p.events:
            return self.absent("events", title, "the partnership's events and publications")
        items = []
        for event in self.p.events:
            details = [event.kind.label]
            every = cadence_words(event.every, event.every_text)
            if every:
                details.append(every)
            if event.by:
                details.append("by " + and_list([self.name(key) for key in event.by]))
            if event.to:
                details.append("to " + and_list([self.name(key) for key in event.to]))
            phrase = entry_phrase(event, self.at)
            if phrase:
                details.append(phrase)
            items.append(
                ListItem(
                    content=f"{event.name} ({', '.join(details)})",
                    children=text_points(event.text),
                )
            )
        blocks = with_partial([ItemList(items=tuple(items))], self.p, "events")
        return Section(title=title, blocks=tuple(blocks))

    def approval(self) -> Section | None:
        """Who approved the arrangements, when, and by what instrument."""
        title = "Approval of the Arrangements"
        approval = self.p.approval
        if approval is None:
            return self.absent("approval", title, "who approved the arrangements")
        who = [self.name(key) for key in approval.by]
        if approval.by_role is not None:
            who.append(meaning_role_words(approval.by_role))
        blocks: list[Block] = []
        if who or approval.date or approval.instrument:
            text = "The arrangements were approved"
            if who:
                text += f" by {and_list(who)}"
            if approval.date is not None:
                text += f" {date_phrase(approval.date)}"
            if approval.instrument:
                text += f" ({' '.join(approval.instrument.split())})"
            blocks.append(Paragraph(content=text + "."))
        blocks.extend(paragraphs(approval.text))
        return Section(title=title, blocks=tuple(blocks))

    def procedures(self) -> Section | None:
        title = "Multi-Agency Procedures and Guidance"
        procedures = self.p.procedures
        if procedures is None:
            return self.absent("procedures", title, "the multi-agency procedures")
        blocks: list[Block] = []
        texts = paragraphs(procedures.text)
        if procedures.name not in (procedures.text or ""):
            texts = (Paragraph(content=f"The {procedures.name} apply."), *texts)
        areas = item_list(procedures.areas) if procedures.areas else None
        for paragraph in texts:
            blocks.append(paragraph)
            if areas is not None and paragraph.text.rstrip().endswith(":"):
                blocks.append(areas)
                areas = None
        if areas is not None:
            blocks.append(Paragraph(content="The procedures address the following areas:"))
            blocks.append(areas)
        blocks = with_partial(blocks, procedures, "areas")
        return Section(title=title, blocks=tuple(blocks))

    def review(self) -> Section | None:
        title = "Review of the Safeguarding Arrangements"
        review = self.p.review
        if review is None:
            return self.absent("review", title, "when the arrangements are reviewed")
        blocks: list[Block] = list(paragraphs(review.text))
        if not blocks:
            dates = [date_phrase(d) for d in review.reviews]
            text = "These arrangements will be reviewed " + (
                ", then ".join(dates) or "in a year not stated"
            )
            if review.then_every_years:
                text += f" and every {review.then_every_years} years thereafter"
            blocks.append(Paragraph(content=text + "."))
        due = review_due(review, self.at)
        if due is not None:
            on = self.view.on
            since = f"As the arrangements stood on {on}: " if on is not None else ""
            blocks.append(Paragraph(content=since + due, note=True))
        return Section(title=title, blocks=tuple(blocks))

    def contact(self) -> Section | None:
        if not self.p.contact:
            return None
        contact = self.p.contact
        link = f"mailto:{contact}" if "@" in contact and " " not in contact.strip() else None
        return Section(
            title="Contact",
            blocks=(
                Paragraph(
                    content=(f"Contact the {self.p.label} at ", Span(text=contact, link=link), ".")
                ),
            ),
        )

    def history(self) -> Section | None:
        """The names the partnership and the organisations went by before, with their
        dates, and the bodies they followed: the source's words under each."""
        blocks: list[Block] = []
        bodies: list[Partnership | Organisation | Collaboration] = [
            self.p,
            *self.collaborations,
            *self.organisations(),
        ]
        for body in bodies:
            for former in body.former_names:
                if former.name == body.name:  # the name it is shown by on this date
                    continue
                phrase = dated_phrase(former.start, former.end, self.at)
                blocks.append(
                    Paragraph(
                        content=with_phrase(f"{body.name} was called {former.name}", phrase) + "."
                    )
                )
                blocks.extend(paragraphs(former.text))
            for succession in body.predecessors:
                blocks.append(Paragraph(content=self.succession(self.name(body.id), succession)))
                blocks.extend(paragraphs(succession.text))
        if not blocks:
            return None
        return Section(title="Names and Predecessors", blocks=tuple(blocks))

    def organisations(self) -> list[Organisation]:
        """The organisations the partnership's arrangements speak of, in the dataset's
        order: those it names, and those they name (a parent, a predecessor), but not
        those only another partnership or a collaboration names."""
        found = references(self.dataset)
        entries = found.own(self.dataset, found.owner[self.p.id])
        return [
            entity
            for entity in (found.entity(self.dataset, number) for number in entries)
            if isinstance(entity, Organisation)
        ]

    def succession(self, name: str, succession: Succession) -> str:
        """How a body followed another, in a sentence, with the date and who decided."""
        before = self.name(succession.of)
        how = succession.how
        if how is SuccessionKind.RENAMED:
            text = f"{before} was renamed {name}"
        elif how is SuccessionKind.MERGED:
            text = f"{before} merged into {name}"
        elif how is SuccessionKind.SPLIT:
            text = f"{name} was formed when {before} split"
        else:
            text = f"{name} replaced {before}"
        if succession.date is not None:
            text += f" {date_phrase(succession.date)}"
        if succession.decided_by:
            text += f", as {self.name(succession.decided_by)} decided"
        return text[:1].upper() + text[1:] + "."

    def not_stated(self) -> Section | None:
        """What the source does not state: the fields it does not give, the lists it
        gives only in part, and the fields it does not give for a period only."""
        blocks: list[Block] = []
        if self.p.not_stated:
            items = tuple(ListItem(content=field.replace("_", " ")) for field in self.p.not_stated)
            blocks.append(Paragraph(content="The source document does not state:", note=True))
            blocks.append(ItemList(items=items))
        if self.p.partial:
            blocks.append(
                Paragraph(content="The source document gives these lists only in part:", note=True)
            )
            blocks.append(
                ItemList(
                    items=tuple(
                        ListItem(
                            content=f"{entry.field.replace('_', ' ')}: {partial_words(entry)}",
                            children=text_points(entry.text),
                        )
                        for entry in self.p.partial
                    )
                )
            )
        periods = unstated_periods(self.p)
        if periods:
            blocks.append(
                Paragraph(content="The source document does not state, for a period:", note=True)
            )
            blocks.append(
                ItemList(
                    items=tuple(
                        ListItem(content=text, children=text_points(period.text))
                        for text, period in zip(periods, self.p.not_stated_for, strict=True)
                    )
                )
            )
        if not blocks:
            return None
        return Section(title="Not Stated in the Source", blocks=tuple(blocks))

    def appendix(self, collaboration: Collaboration, number: int) -> Section:
        subsections: list[Section] = []
        if collaboration.purpose is not None:
            subsections.append(Section(title="Purpose", blocks=statement(collaboration.purpose)))
        if collaboration.background:
            subsections.append(
                Section(title="Background", blocks=(item_list(collaboration.background),))
            )
        if collaboration.outcomes:
            outcomes = with_partial([item_list(collaboration.outcomes)], collaboration, "outcomes")
            subsections.append(Section(title="Desired outcomes", blocks=tuple(outcomes)))
        if collaboration.principles:
            principles = with_partial(
                [item_list(collaboration.principles)], collaboration, "principles"
            )
            subsections.append(Section(title="Principles", blocks=tuple(principles)))
        members = tuple(ListItem(content=self.name(m)) for m in collaboration.members)
        if members or partial_of(collaboration, "members"):
            member_blocks: list[Block] = [ItemList(items=members)] if members else []
            member_blocks = with_partial(member_blocks, collaboration, "members")
            subsections.append(Section(title="Partnerships", blocks=tuple(member_blocks)))
        areas = tuple(
            ListItem(content=introduced(self.dataset, self.index, key))
            for key in collaboration.areas
        )
        if areas or partial_of(collaboration, "areas"):
            intro = Paragraph(content="The collaboration spans the areas of:")
            area_blocks = with_partial([intro, ItemList(items=areas)], collaboration, "areas")
            subsections.append(Section(title="Areas", blocks=tuple(area_blocks)))
        blocks: list[Block] = []
        if collaboration.groups:
            caption = f"The groups of {collaboration_words(collaboration)}"
            blocks.extend(
                structure_figures(
                    collaboration, self.dataset, self.index, caption, self.charts, self.at
                )
            )
        blocks = with_partial(blocks, collaboration, "groups")
        if collaboration.lines or partial_of(collaboration, "lines"):
            items = tuple(
                ListItem(
                    content=f"{self.name(line.by)} "
                    + line_sentence(line, self.dataset, self.index, self.at)
                    + ".",
                    children=text_points(line.text),
                )
                for line in collaboration.lines
            )
            line_blocks = with_partial(
                [ItemList(items=items)] if items else [], collaboration, "lines"
            )
            subsections.append(Section(title="Lines", blocks=tuple(line_blocks)))
        owned = [
            d
            for d in documents_of(self.dataset, collaboration)
            if d.owner == collaboration.id or d.owner in {g.id for g in collaboration.groups}
        ]
        if owned:
            subsections.append(
                Section(
                    title="Strategies and Plans",
                    sections=tuple(
                        document_section(d, self.dataset, self.index, self.at) for d in owned
                    ),
                )
            )
        subsections.extend(
            group_section(group, collaboration, self.dataset, self.index, self.at)
            for group in collaboration.groups
        )
        for entry in collaboration.partial:
            if entry.field not in ("outcomes", "principles", "members", "areas", "groups", "lines"):
                said = f" The source: {' '.join(entry.text.split())}" if entry.text else ""
                blocks.append(
                    Paragraph(
                        content=f"{entry.field.replace('_', ' ').capitalize()}: "
                        f"{partial_words(entry)}.{said}",
                        note=True,
                    )
                )
        if collaboration.named:
            title = f"Appendix {number}: {label(collaboration, collaboration.id)} arrangements"
        else:
            title = f"Appendix {number}: the arrangements of {collaboration.label}"
        return Section(title=title, blocks=tuple(blocks), sections=tuple(subsections))

    def parts(self) -> dict[SectionContent, list[Section]]:
        """Each part of the data as the sections that present it, in the order the
        document gives them where the data has no outline of its source."""
        built: dict[SectionContent, list[Section | None]] = {
            SectionContent.LEAD_PARTNERS: [self.lead_partners()],
            SectionContent.DELEGATED_PARTNERS: [self.delegated_partners()],
            SectionContent.CHAIR: [self.chair()],
            SectionContent.MEMBERSHIP: [self.membership()],
            SectionContent.SCRUTINEER: [self.scrutineer()],
            SectionContent.SCRUTINY: [self.scrutiny()],
            SectionContent.VISION: [self.statement("vision", "Vision", "the partnership's vision")],
            SectionContent.PURPOSE: [
                self.statement("purpose", "Purpose", "the partnership's purpose")
            ],
            SectionContent.VALUES: [self.listed("values", "Values", "the partnership's values")],
            SectionContent.PRINCIPLES: [
                self.listed("principles", "Principles", "the principles of the arrangements")
            ],
            SectionContent.AIMS: [self.aims()],
            SectionContent.THRESHOLDS: [self.thresholds()],
            SectionContent.AREA: [self.area()],
            SectionContent.RELEVANT_AGENCIES: [self.relevant_agencies()],
            SectionContent.DUTIES: [self.duties()],
            SectionContent.COLLABORATIONS: [
                self.collaboration(c, n) for n, c in enumerate(self.collaborations, start=1)
            ],
            SectionContent.STRUCTURE: [self.structure()],
            SectionContent.DOCUMENTS: [self.governed()],
            SectionContent.YEARLY_REPORT: [self.yearly_report()],
            SectionContent.EVENTS: [self.events()],
            SectionContent.TRAINING: [self.training()],
            SectionContent.FUNDING: [self.funding()],
            SectionContent.PROCEDURES: [self.procedures()],
            SectionContent.APPROVAL: [self.approval()],
            SectionContent.REVIEW: [self.review()],
            SectionContent.CONTACT: [self.contact()],
        }
        return {k: [s for s in found if s is not None] for k, found in built.items()}

    def outlined(
        self, outline: OutlineSection, parts: dict[SectionContent, list[Section]]
    ) -> Section:
        """A section of the source, under its heading: its prose, then the parts of the
        data it shows (one part, or a part of the same title, as the section's own
        blocks; several, each under its own heading), then its subsections. Each part is taken from
        ``parts``, so that what no section shows can follow."""
        blocks: list[Block] = list(paragraphs(outline.text))
        sections: list[Section] = []
        shown = [section for content in outline.shows for section in parts.pop(content, [])]
        heading = outline.heading.casefold()
        for section in shown:
            if len(shown) == 1 or section.title.casefold() == heading:
                blocks.extend(section.blocks)  # the section is the part: no heading twice
                sections[:0] = section.sections
            else:
                sections.append(section)
        sections.extend(self.outlined(sub, parts) for sub in outline.sections)
        return Section(title=outline.heading, blocks=tuple(blocks), sections=tuple(sections))

    def document(self) -> Document:
        parts = self.parts()
        if self.p.outline:
            # the source's sections, in its order and under its headings; then what the
            # data holds that no section of the source shows, in the usual order
            sections: list[Section | None] = [
                self.outlined(outline, parts) for outline in self.p.outline
            ]
            if any(parts.values()):
                rest = tuple(section for found in parts.values() for section in found)
                sections.append(
                    Section(
                        title="Also in the Data",
                        blocks=(
                            Paragraph(
                                content="What the data holds beyond the sections of the "
                                "source document.",
                                note=True,
                            ),
                        ),
                        sections=rest,
                    )
                )
        else:
            sections = [section for found in parts.values() for section in found]
        sections += [
            self.history(),
            self.sources(),
            self.not_stated(),
            *(self.appendix(c, n) for n, c in enumerate(self.collaborations, start=1)),
        ]
        source = self.p.source
        subtitle = source.title if source else "Local Safeguarding Arrangements"
        published = date_text(source.published) if source else None
        if published:
            subtitle += f", {published}"
        intro: list[Block] = []
        on = self.view.on
        if on is not None:
            intro.append(Paragraph(content=(Span(text=on_sentence(on), strong=True),)))
            intro += [Paragraph(content=caution, note=True) for caution in self.view.cautions]
        intro.append(
            Paragraph(
                content=(
                    f"These arrangements follow {regimes_phrase(self.p, self.at)}. "
                    if self.p.regimes
                    else "The arrangements do not say which statutory guidance they follow. "
                )
                + "This document is generated from the arrangements data.",
                note=True,
            )
        )
        for regime in self.p.regimes:
            intro.extend(paragraphs(regime.text))
        if self.p.effective:
            intro.append(
                Paragraph(
                    content=f"These arrangements took effect {date_phrase(self.p.effective)}."
                )
            )
        lifetime = dated_phrase(self.p.start, self.p.end, self.at)
        if lifetime:
            intro.append(Paragraph(content=f"Dates of the {self.p.label}: {lifetime}.", note=True))
        return Document(
            kind="arrangements",
            title=label(self.p, self.p.id),
            subtitle=subtitle,
            partnership=self.p.id,
            date=str(source.published) if source and source.published else None,
            on=None if on is None else str(on),
            blocks=tuple(intro),
            sections=tuple(s for s in sections if s is not None),
        )


def group_section(
    group: Group,
    owner: Partnership | Collaboration,
    dataset: Dataset,
    index: dict[str, Entity],
    at: Days | None = None,
) -> Section:
    """A group's section: what it is, who chairs it, who sits on it, what it does, its
    lines; the document's own words under each fact, and what the source does not say.
    Dates are read against ``at`` (today by default); a planned group says so first."""
    missing = group.not_stated
    blocks: list[Block] = []
    if group.planned:
        blocks.append(Paragraph(content=f"This group is {entry_phrase(group, at)}.", note=True))
    blocks += paragraphs(group.description)
    if "description" in missing:
        blocks.append(not_stated_note("what the group does"))
    facts = [ListItem(content=("Kind: ", group.kind.label))]
    if is_leadership(group):
        facts.append(
            ListItem(content="Stands above the partnership, at the top of its accountability")
        )
    if group.chairs or "chairs" in missing or partial_of(group, "chairs"):
        chair_points = tuple(point for chair in group.chairs for point in text_points(chair.text))
        facts.append(
            ListItem(
                content=("Chair: ", chair_words(group, owner, dataset, index, at)),
                children=chair_points,
            )
        )
    meets = cadence_words(group.meets, group.meets_text)
    if meets or "meets" in missing:
        facts.append(ListItem(content=("Meets: ", meets or NOT_SAID)))
    if group.covers:
        areas = and_list([introduced(dataset, index, key) for key in group.covers])
        partial = partial_of(group, "covers")
        more = f", {partial_words(partial)}" if partial else ""
        facts.append(ListItem(content=("Covers the areas of: ", areas + more)))
    elif "covers" in missing:
        facts.append(ListItem(content=("Covers the areas of: ", NOT_SAID)))
    elif (partial := partial_of(group, "covers")) is not None:
        words = f"none named, {partial_words(partial)}"
        facts.append(ListItem(content=("Covers the areas of: ", words)))
    if group.scope is not None:
        facts.append(ListItem(content=("Serves: ", _SCOPES[group.scope.value])))
    elif "scope" in missing:
        facts.append(ListItem(content=("Serves: ", NOT_SAID)))
    if group.parent:
        facts.append(
            ListItem(content=("Sits under: ", dated_name(dataset, index, group.parent, at)))
        )
    elif "parent" in missing:
        facts.append(ListItem(content=("Sits under: ", NOT_SAID)))
    for joint in group.joint_with:
        facts.append(ListItem(content=("Run jointly with: ", dataset.name_of(joint, index))))
    if not group.joint_with and "joint_with" in missing:
        facts.append(ListItem(content=("Run jointly with: ", NOT_SAID)))
    for field, heading, lines in (
        ("reports_to", "Reports to: ", group.reports_to),
        ("escalates_to", "Escalates to: ", group.escalates_to),
    ):
        for line in lines:
            verb = line_verb(line, field)
            facts.append(
                ListItem(
                    content=(
                        f"{verb[:1].upper()}{verb[1:]}: ",
                        line_text(line, dataset, index, at),
                    ),
                    children=text_points(line.text),
                )
            )
        partial = partial_of(group, field)
        if partial is not None:
            facts.append(ListItem(content=(heading, partial_words(partial))))
        elif not lines and field in missing:
            facts.append(ListItem(content=(heading, NOT_SAID)))
    runs = dates_text(group, at)
    if runs and not group.planned:
        facts.append(ListItem(content=("Runs: ", runs)))
    if group.ends_when:
        facts.append(ListItem(content=("Ends: ", " ".join(group.ends_when.split()))))
    for text, period in zip(unstated_periods(group), group.not_stated_for, strict=True):
        facts.append(ListItem(content=text, children=text_points(period.text)))
    blocks.append(ItemList(items=tuple(facts)))
    current = tuple(member for member in group.members if not member.planned)
    planned = tuple(member for member in group.members if member.planned)
    if current or "members" in missing:
        blocks.append(Paragraph(content="Membership:"))
        blocks.append(members_list(group, dataset, index, at, current))
        blocks = with_partial(blocks, group, "members")
    elif (note := partial_note(group, "members")) is not None:
        blocks += [Paragraph(content="Membership: none named."), note]
    if planned:
        blocks.append(Paragraph(content="Planned membership, not yet in place:"))
        blocks.append(members_list(group, dataset, index, at, planned))
    if group.decision_rule:
        rule = group.decision_rule
        text = rule.text or (
            f"Decisions are made by {rule.method.label}"
            + (f", falling back to {rule.fallback.label}" if rule.fallback else "")
            + (f" of the {rule.voters.label}" if rule.voters else "")
            + "."
        )
        blocks.extend(paragraphs(text))
    elif "decision_rule" in missing:
        blocks.append(not_stated_note("how the group takes decisions"))
    for field, heading, entries in (
        ("objectives", "Objectives:", group.objectives),
        ("responsibilities", "Responsibilities:", group.responsibilities),
    ):
        if entries:
            blocks.append(Paragraph(content=heading))
            blocks.append(item_list(entries))
            blocks = with_partial(blocks, group, field)
        elif field in missing:
            blocks.append(Paragraph(content=(heading, " ", group_field(group, field, ""), ".")))
        elif (note := partial_note(group, field)) is not None:
            blocks += [Paragraph(content=(heading, " none named.")), note]
    shown = {"chairs", "members", "reports_to", "escalates_to", "covers"}
    shown |= {"objectives", "responsibilities"}
    for entry in group.partial:
        if entry.field not in shown:
            words = f"{entry.field.replace('_', ' ').capitalize()}: {partial_words(entry)}."
            said = f" The source: {' '.join(entry.text.split())}" if entry.text else ""
            blocks.append(Paragraph(content=words + said, note=True))
    return Section(title=label(group, group.id), blocks=tuple(blocks))


_SCOPES = {"children": "children", "adults": "adults", "all-age": "children and adults (all-age)"}


def document_section(
    document: GovernedDocument,
    dataset: Dataset,
    index: dict[str, Entity],
    at: Days | None = None,
) -> Section:
    """A strategy, plan or framework: its kind and period, who owns, monitors and
    delivers it, the document it delivers, its dates, its words and its contents."""

    def names(keys: tuple[str, ...]) -> str:
        return and_list([dataset.name_of(key, index) for key in keys])

    facts = [ListItem(content=("Kind: ", document.kind.label))]
    if document.period is not None:
        facts.append(ListItem(content=("Period: ", date_text(document.period) or "")))
    facts.append(ListItem(content=("Owned by: ", dataset.name_of(document.owner, index))))
    for field, heading in (("monitored_by", "Monitored by: "), ("delivered_by", "Delivered by: ")):
        keys: tuple[str, ...] = getattr(document, field)
        more = partial_of(document, field)
        if keys or more is not None:
            words = names(keys) if keys else "none named"
            if more is not None:
                words += f", {partial_words(more)}"
            facts.append(ListItem(content=(heading, words)))
    if document.delivers:
        facts.append(
            ListItem(content=("A delivery plan for: ", dataset.name_of(document.delivers, index)))
        )
    if document.reviewed is not None:
        facts.append(ListItem(content=("Last reviewed: ", date_text(document.reviewed) or "")))
    if document.next_review is not None:
        facts.append(ListItem(content=("Next review due: ", date_text(document.next_review) or "")))
    phrase = entry_phrase(document, at)
    if phrase:
        facts.append(ListItem(content=("Dates: ", phrase)))
    blocks: list[Block] = [ItemList(items=tuple(facts)), *paragraphs(document.text)]
    if document.items:
        blocks.append(Paragraph(content="Its contents:"))
        blocks.append(item_list(document.items))
    blocks = with_partial(blocks, document, "items")
    return Section(title=document.title, blocks=tuple(blocks))


def members_list(
    group: Group | Partnership,
    dataset: Dataset,
    index: dict[str, Entity],
    at: Days | None = None,
    members: tuple[Member, ...] | None = None,
) -> ItemList:
    """A group's (or a partnership's) membership entries in order (or ``members``, some
    of them), each with
    its dates. Neighbouring entries that share the document's words (and dates) are one
    entry, with whom they name as its points."""
    members = group.members if members is None else members
    if not members:
        return ItemList(items=(ListItem(content=NOT_SAID),))
    runs: list[list[Member]] = []
    for member in members:
        previous = runs[-1][0] if runs else None
        if (
            previous is not None
            and member.text
            and previous.text == member.text
            and previous.capacity is member.capacity
            and entry_phrase(previous, at) == entry_phrase(member, at)
        ):
            runs[-1].append(member)
        else:
            runs.append([member])
    items = []
    for run in runs:
        if len(run) == 1:
            items.append(ListItem(content=member_text(run[0], dataset, index, at)))
            continue
        first = run[0]
        text = str(first.text)
        if first.capacity.value != "member":
            text += f" ({first.capacity.label})"
        text = with_phrase(text, entry_phrase(first, at))
        named = tuple(
            ListItem(content=member_named(member, dataset, index, at) or NOT_SAID) for member in run
        )
        items.append(ListItem(content=text, children=named))
    return ItemList(items=tuple(items))


def arrangements(
    dataset: Dataset,
    partnership: str | None = None,
    *,
    graph: GovernanceGraph | None = None,
    on: OnDate | None = None,
    today: datetime.date | None = None,
) -> Document:
    """The partnership's published arrangements as a document tree.

    ``partnership`` is the partnership's id or name; by default the dataset's only one.
    The charts are drawn from ``graph``, the dataset's governance graph, when it is
    given, and otherwise from one graph built when the first chart needs it.

    With ``on``, the arrangements as they stood on that date (the dataset's view,
    ``Dataset.as_of``; a ``graph`` given must be of that view), and the document says
    so first; a :class:`~safeguarding_model.errors.NothingStoodError` when the
    partnership did not stand then. Without it, the arrangements as published, every
    dated entry with its dates. Dates are read against ``on``, else ``today`` (by
    default the day the document is built): an end that has passed is "ended", one
    still to come "until"; what is planned is marked planned and kept apart.
    """
    view = view_on(dataset, on, partnership, today=today)
    chosen = choose_partnership(view.dataset, view.partnership)
    charts = ChartMaker(view.dataset, graph, on=view.on, today=view.today)
    return _Builder(view, chosen, charts).document()
