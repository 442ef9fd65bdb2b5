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

from ..model import (
    Collaboration,
    Dataset,
    Entity,
    Group,
    GuidanceEdition,
    Partnership,
    Post,
    StatutoryRole,
)
from ._common import (
    chairs_text,
    choose_partnership,
    date_text,
    groups_table,
    holder_name,
    label,
    line_text,
    member_text,
    not_stated_note,
    structure_figure,
    words,
)
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
)

__all__ = ["arrangements", "group_section"]

_ROLE_WORDS = {
    StatutoryRole.LOCAL_AUTHORITY: "the local authority",
    StatutoryRole.INTEGRATED_CARE_BOARD: "the integrated care board",
    StatutoryRole.CLINICAL_COMMISSIONING_GROUP: "the clinical commissioning group",
    StatutoryRole.CHIEF_OFFICER_OF_POLICE: "the chief officer of police",
}


def role_words(role: StatutoryRole) -> str:
    """A statutory partner's role in words: ``the integrated care board``."""
    return _ROLE_WORDS[role]


class _Builder:
    def __init__(self, dataset: Dataset, partnership: Partnership) -> None:
        self.dataset = dataset
        self.p = partnership
        self.index: dict[str, Entity] = dataset.index()
        edition_2018 = partnership.guidance is GuidanceEdition.WORKING_TOGETHER_2018
        self.partners = "safeguarding partners" if edition_2018 else "lead safeguarding partners"
        self.collaborations = [c for c in dataset.collaborations if partnership.id in c.members]

    def name(self, key: str | None) -> str:
        return self.dataset.name_of(key, self.index)

    def absent(self, field: str, title: str, what: str) -> Section | None:
        """The section that says the source is silent, when the data records that."""
        if field in self.p.not_stated:
            return Section(title=title, blocks=(not_stated_note(what),))
        return None

    # -- sections in the order of the published document -------------------------------

    def lead_partners(self) -> Section | None:
        title = self.partners.title()
        if not self.p.lead_partners:
            return self.absent("lead_partners", title, f"the {self.partners}")
        items = []
        for lead in self.p.lead_partners:
            text = lead.text or (
                f"{role_words(lead.role).capitalize()}: "
                + (self.name(lead.post) if lead.post else self.name(lead.organisation))
            )
            items.append(ListItem(content=text))
        intro = Paragraph(
            content=f"The {self.partners}, as {self.p.guidance.title} defines them, are:"
        )
        return Section(title=title, blocks=(intro, ItemList(items=tuple(items))))

    def delegated_partners(self) -> Section | None:
        title = "Delegated Safeguarding Partners"
        if not self.p.delegated_partners:
            return self.absent("delegated_partners", title, "the delegated safeguarding partners")
        rows = []
        for delegated in self.p.delegated_partners:
            post = self.index.get(delegated.post)
            organisation = post.organisation if isinstance(post, Post) else None
            rows.append(
                (
                    holder_name(self.dataset, self.index, delegated.post) or "not stated",
                    post.title if isinstance(post, Post) else delegated.post,
                    self.name(organisation) if organisation else "independent",
                    role_words(delegated.acts_for),
                )
            )
        intro = Paragraph(content=f"The {self.partners} have delegated their functions to:")
        table = Table(header=("Name", "Post", "Organisation", "Speaks for"), rows=tuple(rows))
        return Section(title=title, blocks=(intro, table))

    def chair(self) -> Section | None:
        title = "Partnership Chair"
        if not self.p.chairs:
            return self.absent("chairs", title, "who chairs the partnership")
        blocks: list[Block] = []
        for chair in self.p.chairs:
            if chair.text:
                blocks.extend(paragraphs(chair.text))
            else:
                role = words(chair.role.value)
                who = self.name(chair.post) if chair.post else "not stated"
                blocks.append(
                    Paragraph(
                        content=(f"The partnership {role} is ", Span(text=who, strong=True), ".")
                    )
                )
        return Section(title=title, blocks=tuple(blocks))

    def scrutineer(self) -> Section | None:
        title = "Independent Scrutineer"
        if not self.p.scrutineers:
            return self.absent("scrutineers", title, "the independent scrutineer")
        blocks: list[Block] = []
        for scrutineer in self.p.scrutineers:
            who = holder_name(self.dataset, self.index, scrutineer.post) or self.name(
                scrutineer.post
            )
            blocks.append(
                Paragraph(
                    content=("The independent scrutineer is ", Span(text=who, strong=True), ".")
                )
            )
            post = self.index.get(scrutineer.post)
            if isinstance(post, Post):
                blocks.extend(paragraphs(post.note))
            if scrutineer.functions:
                blocks.append(Paragraph(content="The role undertakes the following functions:"))
                blocks.append(item_list(scrutineer.functions))
        return Section(title=title, blocks=tuple(blocks))

    def aims(self) -> Section | None:
        title = "Safeguarding Partnership Aims and Objectives"
        if not self.p.aims:
            return self.absent("aims", title, "the partnership's aims")
        intro = Paragraph(content=f"The {self.p.name} will:")
        return Section(title=title, blocks=(intro, item_list(self.p.aims, ordered=True)))

    def thresholds(self) -> Section | None:
        title = "Thresholds"
        document = self.p.thresholds
        if document is None:
            return self.absent("thresholds", title, "the thresholds document")
        blocks = paragraphs(document.text) or (
            Paragraph(
                content=(
                    "The thresholds document is the ",
                    Span(text=document.title, strong=True),
                    ".",
                )
            ),
        )
        return Section(title=title, blocks=blocks)

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
        if self.p.relevant_agencies:
            blocks.append(
                Paragraph(content=f"The relevant agencies named by the {self.partners} are:")
            )
            items: list[ListItem] = []
            notes: list[Paragraph] = []
            for agency in self.p.relevant_agencies:
                mark = ""
                if agency.footnote:
                    mark = "*" * (len(notes) + 1)
                    notes.append(Paragraph(content=mark + agency.footnote, note=True))
                items.append(ListItem(content=self.name(agency.organisation) + mark))
            blocks.append(ItemList(items=tuple(items)))
            blocks.extend(notes)
        elif "relevant_agencies" in self.p.not_stated:
            blocks.append(not_stated_note("the relevant agencies"))
        for representation in self.p.sector_representation:
            blocks.extend(paragraphs(representation.text))
        for observer in self.p.observers:
            who = self.name(observer.post or observer.organisation)
            blocks.extend(
                paragraphs(observer.text)
                or (Paragraph(content=f"{who} is a participating observer."),)
            )
        return Section(title=title, blocks=tuple(blocks)) if blocks else None

    def collaboration(self, collaboration: Collaboration, appendix: int) -> Section:
        blocks: list[Block] = list(paragraphs(collaboration.description))
        blocks.append(
            Paragraph(
                content=f"The arrangements of this collaboration are in Appendix {appendix}.",
                note=True,
            )
        )
        return Section(
            title=f"{label(collaboration, collaboration.id)} collaboration", blocks=tuple(blocks)
        )

    def structure(self) -> Section | None:
        title = "Partnership Structure and Subgroups"
        if not self.p.groups and not self.p.functional_links:
            return self.absent("groups", title, "the partnership's groups")
        blocks: list[Block] = []
        subsections: list[Section] = []
        if self.p.groups:
            blocks.append(
                structure_figure(
                    self.p,
                    self.dataset,
                    self.index,
                    f"The structure of the {self.p.label} and its reporting lines",
                )
            )
            blocks.append(groups_table(self.p.groups, self.p, self.dataset, self.index))
        if self.p.functional_links:
            items = tuple(
                ListItem(
                    content=label(self.index.get(link.organisation), link.organisation)
                    + (f": {link.text}" if link.text else "")
                )
                for link in self.p.functional_links
            )
            subsections.append(Section(title="Functional Links", blocks=(ItemList(items=items),)))
        subsections.extend(
            group_section(group, self.p, self.dataset, self.index) for group in self.p.groups
        )
        return Section(title=title, blocks=tuple(blocks), sections=tuple(subsections))

    def yearly_report(self) -> Section | None:
        title = "Yearly Report"
        report = self.p.yearly_report
        if report is None:
            return self.absent("yearly_report", title, "what the yearly report contains")
        blocks: list[Block] = list(paragraphs(report.text))
        if report.contents:
            blocks.append(Paragraph(content="The report will include:"))
            blocks.append(item_list(report.contents))
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
        blocks.extend(paragraphs(training.charging))
        return Section(title=title, blocks=tuple(blocks))

    def funding(self) -> Section | None:
        title = "Funding Arrangements"
        funding = self.p.funding
        if funding is None:
            return self.absent("funding", title, "how the partnership is funded")
        blocks: list[Block] = list(paragraphs(funding.text))
        for support in funding.support_in_kind:
            provides = ", ".join(support.provides) or "support"
            blocks.append(
                Paragraph(
                    content=f"Provided in kind by {self.name(support.organisation)}: {provides}."
                )
            )
        return Section(title=title, blocks=tuple(blocks))

    def procedures(self) -> Section | None:
        title = "Multi-Agency Procedures and Guidance"
        procedures = self.p.procedures
        if procedures is None:
            return self.absent("procedures", title, "the multi-agency procedures")
        blocks: list[Block] = []
        texts = paragraphs(procedures.text) or (Paragraph(content=f"The {procedures.name} apply."),)
        areas = item_list(procedures.areas) if procedures.areas else None
        for paragraph in texts:
            blocks.append(paragraph)
            if areas is not None and paragraph.text.rstrip().endswith(":"):
                blocks.append(areas)
                areas = None
        if areas is not None:
            blocks.append(Paragraph(content="The procedures address the following areas:"))
            blocks.append(areas)
        return Section(title=title, blocks=tuple(blocks))

    def review(self) -> Section | None:
        title = "Review of the Safeguarding Arrangements"
        review = self.p.review
        if review is None:
            return self.absent("review", title, "when the arrangements are reviewed")
        blocks = paragraphs(review.text)
        if not blocks:
            dates = [date_text(d) or "" for d in review.reviews]
            text = "These arrangements will be reviewed in " + (
                ", then ".join(dates) or "a year not stated"
            )
            if review.then_every_years:
                text += f" and every {review.then_every_years} years thereafter"
            blocks = (Paragraph(content=text + "."),)
        return Section(title=title, blocks=blocks)

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

    def not_stated(self) -> Section | None:
        if not self.p.not_stated:
            return None
        items = tuple(ListItem(content=field.replace("_", " ")) for field in self.p.not_stated)
        intro = Paragraph(content="The source document does not state:", note=True)
        return Section(title="Not Stated in the Source", blocks=(intro, ItemList(items=items)))

    def appendix(self, collaboration: Collaboration, number: int) -> Section:
        subsections: list[Section] = []
        if collaboration.background:
            subsections.append(
                Section(title="Background", blocks=(item_list(collaboration.background),))
            )
        if collaboration.outcomes:
            subsections.append(
                Section(title="Desired outcomes", blocks=(item_list(collaboration.outcomes),))
            )
        members = tuple(ListItem(content=self.name(m)) for m in collaboration.members)
        if members:
            subsections.append(Section(title="Partnerships", blocks=(ItemList(items=members),)))
        blocks: list[Block] = []
        if collaboration.groups:
            caption = f"The groups of the {collaboration.label} collaboration"
            blocks.append(structure_figure(collaboration, self.dataset, self.index, caption))
        subsections.extend(
            group_section(group, None, self.dataset, self.index) for group in collaboration.groups
        )
        title = f"Appendix {number}: {label(collaboration, collaboration.id)} arrangements"
        return Section(title=title, blocks=tuple(blocks), sections=tuple(subsections))

    def document(self) -> Document:
        sections = [
            self.lead_partners(),
            self.delegated_partners(),
            self.chair(),
            self.scrutineer(),
            self.aims(),
            self.thresholds(),
            self.area(),
            self.relevant_agencies(),
            *(self.collaboration(c, n) for n, c in enumerate(self.collaborations, start=1)),
            self.structure(),
            self.yearly_report(),
            self.training(),
            self.funding(),
            self.procedures(),
            self.review(),
            self.contact(),
            self.not_stated(),
            *(self.appendix(c, n) for n, c in enumerate(self.collaborations, start=1)),
        ]
        source = self.p.source
        subtitle = source.title if source else "Local Safeguarding Arrangements"
        published = date_text(source.published) if source else None
        if published:
            subtitle += f", {published}"
        intro = Paragraph(
            content=f"These arrangements follow {self.p.guidance.title}. "
            "This document is generated from the arrangements data.",
            note=True,
        )
        return Document(
            kind="arrangements",
            title=label(self.p, self.p.id),
            subtitle=subtitle,
            partnership=self.p.id,
            date=str(source.published) if source and source.published else None,
            blocks=(intro,),
            sections=tuple(s for s in sections if s is not None),
        )


def group_section(
    group: Group, partnership: Partnership | None, dataset: Dataset, index: dict[str, Entity]
) -> Section:
    """A group's section: what it is, who chairs it, who sits on it, what it does, its lines."""
    blocks: list[Block] = list(paragraphs(group.description))
    facts = [ListItem(content=("Kind: ", words(group.kind.value)))]
    facts.append(ListItem(content=("Chair: ", chairs_text(group, partnership, dataset, index))))
    if group.meets:
        facts.append(ListItem(content=("Meets: ", words(group.meets.value))))
    if group.parent:
        facts.append(ListItem(content=("Sits under: ", dataset.name_of(group.parent, index))))
    for joint in group.joint_with:
        facts.append(ListItem(content=("Run jointly with: ", dataset.name_of(joint, index))))
    for line in group.reports_to:
        facts.append(ListItem(content=("Reports to: ", line_text(line, dataset, index))))
    for line in group.escalates_to:
        facts.append(ListItem(content=("Escalates to: ", line_text(line, dataset, index))))
    if group.start or group.end:
        since = date_text(group.start) or "a date not stated"
        facts.append(
            ListItem(
                content=(
                    "Runs: ",
                    f"from {since}" + (f" to {date_text(group.end)}" if group.end else ""),
                )
            )
        )
    blocks.append(ItemList(items=tuple(facts)))
    if group.members:
        blocks.append(Paragraph(content="Membership:"))
        blocks.append(
            ItemList(
                items=tuple(ListItem(content=member_text(m, dataset, index)) for m in group.members)
            )
        )
    if group.decision_rule:
        rule = group.decision_rule
        text = rule.text or (
            f"Decisions are made by {words(rule.method.value)}"
            + (f", falling back to {words(rule.fallback.value)}" if rule.fallback else "")
            + (f" of the {words(rule.voters.value)}" if rule.voters else "")
            + "."
        )
        blocks.extend(paragraphs(text))
    if group.objectives:
        blocks.append(Paragraph(content="Objectives:"))
        blocks.append(item_list(group.objectives))
    if group.responsibilities:
        blocks.append(Paragraph(content="Responsibilities:"))
        blocks.append(item_list(group.responsibilities))
    return Section(title=label(group, group.id), blocks=tuple(blocks))


def arrangements(dataset: Dataset, partnership: str | None = None) -> Document:
    """The partnership's published arrangements as a document tree.

    ``partnership`` is the partnership's id or name; by default the dataset's only one.
    """
    return _Builder(dataset, choose_partnership(dataset, partnership)).document()
