"""The arrangements document regenerated from the data, pinned to the published
Isle of Wight arrangements of September 2024 (seed 001), section by section."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from safeguarding_model.documents import (
    Document,
    Figure,
    ItemList,
    Paragraph,
    Section,
    Table,
    arrangements,
)
from safeguarding_model.errors import UsageError
from safeguarding_model.model import (
    Dataset,
    Group,
    GroupKind,
    GuidanceEdition,
    Organisation,
    OrganisationKind,
    Partnership,
    Regime,
    RelevantAgency,
)
from strategies import datasets

ORDER = [
    # the headings of the published document's contents page, in its order
    "Foreword",
    "Introduction and Context",
    "Legislative Context",
    "Lead Safeguarding Partners",
    "Delegated Safeguarding Partners",
    "Partnership Chair",
    "Independent Scrutineer",
    "Safeguarding Partnership Aims and Objectives",
    "Thresholds",
    "Geographical Area",
    "Relevant Agencies",
    "The Role of Education (Schools and Settings)",
    "Pan-Hampshire and Isle of Wight Collaboration",
    "Partnership Structure and Subgroups",
    "Scrutiny, Audit and Assurance",
    "Governance & Accountability",
    "Yearly Report",
    "Child Safeguarding Practice Reviews",
    "Multi-Agency Professional Learning and Development",
    "Funding Arrangements",
    "Safeguarding Children Partnership Team",
    "Voice and Engagement",
    "Performance Data and Intelligence",
    "Multi-Agency Procedures and Guidance",
    "Review of the Safeguarding Arrangements",
    # then what the data holds that no section of the source shows, and the rest
    "Also in the Data",
    "Names and Predecessors",
    "Not Stated in the Source",
    "Appendix 1: Hampshire, Isle of Wight, Portsmouth and Southampton (HIPS) arrangements",
]


@pytest.fixture(scope="module")
def document(iow: Dataset) -> Document:
    return arrangements(iow)


def section(document: Document, title: str) -> Section:
    return next(s for _, s in document.walk() if s.title == title)


def texts(section: Section) -> list[str]:
    found: list[str] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            found.append(block.text)
        elif isinstance(block, ItemList):
            found.extend(item.text for item in block.items)
    return found


def test_the_sections_follow_the_published_document(document: Document) -> None:
    assert document.title == "Isle of Wight Safeguarding Children Partnership (IOWSCP)"
    assert document.subtitle == "Local Safeguarding Arrangements, September 2024"
    assert document.date == "2024-09"
    assert [s.title for level, s in document.walk() if level == 1] == ORDER


def test_partners_chair_and_scrutineer(document: Document) -> None:
    leads = texts(section(document, "Lead Safeguarding Partners"))
    # the board's own start (1 July 2022) is not the holder's tenure: not said here
    assert "The Chief Executive of the Integrated Care Board: Maggie MacIsaac" in leads
    table = section(document, "Delegated Safeguarding Partners").blocks[1]
    assert isinstance(table, Table)
    assert [row[0] for row in table.rows] == [
        "Ashley Whittaker",
        "Fiona Holder",
        "Nigel Lecointe",
        "Rob Mitchell",
    ]
    assert (
        "Ashley Whittaker, Director of Children's Services"
        in texts(section(document, "Partnership Chair"))[0]
    )
    scrutiny = texts(section(document, "Independent Scrutineer"))
    assert scrutiny[0] == "The independent scrutineer is Scott MacKechnie."
    assert len([t for t in scrutiny if t.startswith("Provides") or t.startswith("Evaluates")]) == 4


def test_aims_are_numbered_in_order(document: Document) -> None:
    aims = section(document, "Safeguarding Partnership Aims and Objectives").blocks[1]
    assert isinstance(aims, ItemList) and aims.ordered and len(aims.items) == 8


def test_relevant_agencies_with_their_footnotes(document: Document) -> None:
    found = texts(section(document, "Relevant Agencies"))
    assert "Education providers*" in found
    assert "Health care providers**" in found
    assert "Sporting Organisations***" in found
    assert any(
        t.startswith("***Via the Hampshire and Isle of Wight Active Partnership") for t in found
    )
    assert any("participating observer" in t for t in found)
    agencies = next(
        b for b in section(document, "Relevant Agencies").blocks if isinstance(b, ItemList)
    )
    assert len(agencies.items) == 31


def test_the_structure_has_the_chart_the_groups_and_the_functional_links(
    document: Document,
) -> None:
    structure = section(document, "Partnership Structure and Subgroups")
    figure = structure.blocks[0]
    assert isinstance(figure, Figure)
    assert figure.chart.title == (
        "Isle of Wight Safeguarding Children Partnership: structure and reporting lines"
    )
    assert {"isle-of-wight-scp", "executive-group"} <= {node.id for node in figure.chart.nodes}
    assert "Learning Inquiry Group reports to Partnership Board (quarterly)." in figure.description
    assert "Learning Inquiry Group advises Partnership Board." in figure.description
    assert (
        "Learning Inquiry Group advises Partnership Board; sends: recommendations for the "
        "dissemination of learning through multi-agency safeguarding practice development."
    ) in texts(section(document, "Other Lines"))
    assert [s.title for s in structure.sections] == [
        "Escalation",
        "Lines from the Partnership",
        "Other Lines",
        "Functional Links",
        "Executive Group",
        "Partnership Board",
        "Performance and Quality Assurance Group (PQA)",
        "Learning Inquiry Group (LIG)",
        "Education Subgroup",
        "Workforce Development Group",
        "Child Exploitation Delivery Subgroup",
        "Teams",  # the Partnership Team: not a group with a chair, members or meetings
    ]
    links = structure.sections[3].blocks[0]
    assert isinstance(links, ItemList) and len(links.items) == 11
    executive = texts(section(document, "Executive Group"))
    assert "Meets: quarterly" in executive
    assert any(
        t.startswith("Wherever possible, decisions will be made by consensus.") for t in executive
    )
    assert "Run jointly with: IOW Safeguarding Adults Board" in texts(
        section(document, "Workforce Development Group")
    )


def test_procedures_put_the_areas_after_the_sentence_that_introduces_them(
    document: Document,
) -> None:
    blocks = section(document, "Multi-Agency Procedures and Guidance").blocks
    assert isinstance(blocks[0], Paragraph) and blocks[0].text.endswith("addressed:")
    assert isinstance(blocks[1], ItemList) and len(blocks[1].items) == 6
    assert isinstance(blocks[2], Paragraph) and blocks[2].text.startswith(
        "All member organisations"
    )


def test_the_appendix_describes_the_hips_collaboration(document: Document) -> None:
    appendix = section(document, ORDER[-1])
    assert isinstance(appendix.blocks[0], Figure)
    assert [s.title for s in appendix.sections] == [
        "Purpose",
        "Background",
        "Desired outcomes",
        "Partnerships",
        "Areas",  # the other three HIPS areas, as the document names them
        "Lines",  # the learning fed to the HIPS Executive
        "Strategies and Plans",  # the strategy and the procedures HIPS owns
        "HIPS Executive Group",
        "Health Group",
        "Child Exploitation Group",
        "Procedures and Strategy Group",
    ]
    assert "Sits under: HIPS Executive Group" in texts(section(document, "Health Group"))


def test_what_the_source_does_not_state_is_said(iow2019: Dataset) -> None:
    document = arrangements(iow2019)
    partnership = iow2019.partnership()
    assert document.title.startswith("Isle of Wight Safeguarding Children Partnership")
    if partnership.not_stated:
        titles = [s.title for _, s in document.walk()]
        assert "Not Stated in the Source" in titles
    assert next(s.title for _, s in document.walk()) == "Safeguarding Partners"  # 2018 edition


def test_a_partnership_must_be_chosen_when_there_are_several(iow: Dataset) -> None:
    with pytest.raises(UsageError, match="is a collaboration; this question needs a partnership"):
        arrangements(iow, "hips")
    assert arrangements(iow, "IOWSCP").partnership == "isle-of-wight-scp"


@given(datasets())
def test_every_valid_model_gives_a_document(dataset: Dataset) -> None:
    for partnership in dataset.partnerships:
        document = arrangements(dataset, partnership.id)
        assert document.partnership == partnership.id
        assert all(s.title for _, s in document.walk())


def test_footnote_marks_are_stars_then_numbers() -> None:
    from safeguarding_model.documents.arrangements import footnote_mark

    assert [footnote_mark(n) for n in range(1, 7)] == ["*", "**", "***", "[4]", "[5]", "[6]"]
    organisations = tuple(
        Organisation(id=f"o{n}", name=f"Agency {n}", kind=OrganisationKind.OTHER)
        for n in range(1, 41)
    )
    partnership = Partnership(
        id="p",
        name="P",
        regimes=(Regime(instrument=GuidanceEdition.WORKING_TOGETHER_2023),),
        relevant_agencies=tuple(
            RelevantAgency(organisation=o.id, footnote=f"note {o.name}") for o in organisations
        ),
    )
    document = arrangements(Dataset(organisations=organisations, partnerships=(partnership,)))
    found = texts(section(document, "Relevant Agencies"))
    assert "Agency 3***" in found and "Agency 4[4]" in found and "Agency 40[40]" in found
    assert "[40]note Agency 40" in found
    assert not any("****" in text for text in found)


def test_the_scrutineers_and_chairs_own_words_are_kept(document: Document) -> None:
    scrutiny = texts(section(document, "Independent Scrutineer"))
    assert scrutiny[1].startswith("This is an independent role which provides")
    assert "The role undertakes the following functions:" not in scrutiny  # the text says it
    executive = section(document, "Executive Group")
    facts = next(b for b in executive.blocks if isinstance(b, ItemList))
    chair = next(item for item in facts.items if item.text.startswith("Chair: "))
    assert [c.text for c in chair.children] == [
        "The Executive Group is chaired by the partnership chair"
    ]


def test_the_partnership_escalates_in_its_governance_section(document: Document) -> None:
    structure = section(document, "Partnership Structure and Subgroups")
    escalation = structure.sections[0]
    assert escalation.title == "Escalation"
    said = texts(escalation)
    assert said[0].startswith("The IOWSCP is not able to direct other organisations")
    assert "Escalates to: HIPS Executive Group" in said
    charts = [block for block in structure.blocks if isinstance(block, Figure)]
    # the route to HIPS is in the chart of the lines with HIPS, the last of the charts
    assert charts[-1].caption.endswith("lines with other partnerships and collaborations")
    assert (
        "Isle of Wight Safeguarding Children Partnership escalates to HIPS Executive Group."
        in charts[-1].description
    )
    said = [line for figure in charts for line in figure.description]
    assert not any(line.startswith("Executive Group escalates") for line in said)


def test_when_the_arrangements_took_effect(iow2019: Dataset) -> None:
    document = arrangements(iow2019)
    assert "These arrangements took effect in June 2019." in [
        block.text for block in document.blocks if isinstance(block, Paragraph)
    ]


NOT_STATED_GROUP = (
    "chairs",
    "members",
    "meets",
    "reports_to",
    "escalates_to",
    "joint_with",
    "objectives",
    "responsibilities",
    "decision_rule",
)
NOT_STATED_PARTNERSHIP = (
    "delegated_partners",
    "chairs",
    "scrutineers",
    "relevant_agencies",
    "sector_representation",
    "observers",
    "functional_links",
    "escalates_to",
    "yearly_report",
)


@pytest.fixture(scope="module")
def silent() -> Dataset:
    """A partnership whose source says little: every field not given is not_stated,
    beside a group whose fields are left empty without saying why."""
    silent_group = Group(
        id="silent", name="Silent Group", kind=GroupKind.SUBGROUP, not_stated=NOT_STATED_GROUP
    )
    empty_group = Group(id="empty", name="Empty Group", kind=GroupKind.SUBGROUP)
    partnership = Partnership(
        id="p",
        name="Quiet Partnership",
        regimes=(Regime(instrument=GuidanceEdition.WORKING_TOGETHER_2023),),
        groups=(silent_group, empty_group),
        not_stated=NOT_STATED_PARTNERSHIP,
    )
    return Dataset(partnerships=(partnership,))


def test_what_the_source_does_not_say_is_never_shown_as_none(silent: Dataset) -> None:
    from safeguarding_model.exporters import export

    document = arrangements(silent)
    group = texts(section(document, "Silent Group"))
    for fact in ("Chair: ", "Meets: ", "Reports to: ", "Escalates to: ", "Run jointly with: "):
        assert f"{fact}the arrangements do not say" in group, fact
    assert "Objectives: the arrangements do not say." in group
    assert "Responsibilities: the arrangements do not say." in group
    assert "The arrangements do not state how the group takes decisions." in group
    membership = section(document, "Silent Group").blocks
    listed = [b for b in membership if isinstance(b, ItemList)]
    assert [item.text for item in listed[-1].items] == ["the arrangements do not say"]
    table = next(
        b
        for b in section(document, "Partnership Structure and Subgroups").blocks
        if isinstance(b, Table)
    )
    silent_row, empty_row = table.rows
    assert silent_row[2:] == ("the arrangements do not say",) * 5
    # never "none": the chair, cadence and reporting line are not stated; a group that
    # escalates to no one or runs jointly with no one has an empty cell
    assert empty_row[2:] == ("not stated in the arrangements",) * 3 + ("", "")
    said = {s.title: texts(s) for _, s in document.walk()}
    assert said["Delegated Safeguarding Partners"] == [
        "The arrangements do not state the delegated safeguarding partners."
    ]
    assert said["Escalation"] == ["The arrangements do not state where the partnership escalates."]
    assert said["Functional Links"] == ["The arrangements do not state functional links."]
    assert "The arrangements do not state the relevant agencies." in said["Relevant Agencies"]
    markdown = export(silent, "markdown")
    assert isinstance(markdown, str)
    silent_part = markdown.split("### Silent Group", 1)[1].split("### Empty Group", 1)[0]
    assert "none" not in silent_part
    for line in silent_part.splitlines():
        assert not line.rstrip().endswith(":") or line in ("Membership:",), line


def test_the_yearly_report_says_what_is_not_stated(silent: Dataset) -> None:
    from safeguarding_model.documents import yearly_report

    partners = next(s for _, s in yearly_report(silent).walk() if s.title == "The partners")
    said = texts(partners)
    assert "The arrangements do not state the delegated safeguarding partners." in said
    assert "The arrangements do not state who chairs the partnership." in said
    assert "The arrangements do not state the independent scrutineer." in said


# --- the outline of the published document -------------------------------------------


def _all_text(section: Section) -> str:
    found = [section.title, *texts(section)]
    for block in section.blocks:
        if isinstance(block, Table):
            found.extend(" ".join(row) for row in block.rows)
    found.extend(_all_text(sub) for sub in section.sections)
    return "\n".join(found)


def test_the_outline_holds_the_sources_own_prose_under_its_headings(document: Document) -> None:
    foreword = texts(section(document, "Foreword"))
    assert foreword[0].startswith("Welcome to the Isle of Wight multi-agency safeguarding")
    # the vision, which the data holds apart, is shown where the source has it
    assert foreword[-1].startswith("Our vision is based on the belief")
    voice = texts(section(document, "Voice and Engagement"))
    assert voice[0] == (
        "The voice and experience of children and families is central to how "
        "safeguarding arrangements work effectively."
    )
    governance = section(document, "Governance & Accountability")
    assert "not accountable for their operational work" in texts(governance)[1]
    assert [s.title for s in governance.sections] == [
        "The lead safeguarding partners",
        "The delegated safeguarding partners",
        "The partnership chair",
        "The relevant agencies",
    ]
    learning = section(document, "Multi-Agency Professional Learning and Development")
    # the training (same title) is the section's own; the events a subsection
    assert [s.title for s in learning.sections] == ["Events and Publications"]


def test_an_outline_loses_nothing_the_document_would_show_without_it(iow: Dataset) -> None:
    """Every section the data gives without an outline is in the outlined document:
    under the source's headings, or under "Also in the Data"."""
    partnership = attrs.evolve(iow.partnership(), outline=())
    plain = arrangements(attrs.evolve(iow, partnerships=(partnership,)))
    outlined = arrangements(iow)
    everything = "\n".join(_all_text(s) for s in outlined.sections)
    for part in plain.sections:
        for line in texts(part):
            assert line in everything, (part.title, line)
    also = section(outlined, "Also in the Data")
    assert [s.title for s in also.sections] == [
        "Values",
        "Principles",
        "Strategies, Plans and Frameworks",
        "Approval of the Arrangements",
        "Contact",
    ]


def test_a_part_shown_under_two_headings_is_refused_with_both() -> None:
    from safeguarding_model.io import LoadError, loads

    text = (
        "schema: safeguarding-model/2\npartnerships:\n  - id: p\n    name: P\n    outline:\n"
        "      - {heading: A, shows: [chair]}\n      - {heading: B, shows: [chair]}\n"
    )
    with pytest.raises(LoadError) as error:
        loads(text, name="mine.yaml")
    message = str(error.value)
    assert "mine.yaml:5:5: partnerships[0].outline" in message
    assert "shows `chair` under both 'A' and 'B'" in message
