"""The arrangements document regenerated from the data, pinned to the published
Isle of Wight arrangements of September 2024 (seed 001), section by section."""

from __future__ import annotations

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
from safeguarding_model.model import Dataset
from strategies import datasets

ORDER = [
    "Lead Safeguarding Partners",
    "Delegated Safeguarding Partners",
    "Partnership Chair",
    "Independent Scrutineer",
    "Safeguarding Partnership Aims and Objectives",
    "Thresholds",
    "Geographical Area",
    "Relevant Agencies",
    "Hampshire, Isle of Wight, Portsmouth and Southampton (HIPS) collaboration",
    "Partnership Structure and Subgroups",
    "Yearly Report",
    "Multi-Agency Professional Learning and Development",
    "Funding Arrangements",
    "Multi-Agency Procedures and Guidance",
    "Review of the Safeguarding Arrangements",
    "Contact",
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
    assert figure.chart.partnership == "isle-of-wight-scp"
    assert "Learning Inquiry Group reports to Partnership Board (quarterly)." in figure.description
    assert [s.title for s in structure.sections] == [
        "Functional Links",
        "Executive Group",
        "Partnership Board",
        "Performance and Quality Assurance Group (PQA)",
        "Learning Inquiry Group (LIG)",
        "Education Subgroup",
        "Workforce Development Group",
        "Child Exploitation Delivery Subgroup",
    ]
    links = structure.sections[0].blocks[0]
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
        "Background",
        "Desired outcomes",
        "Partnerships",
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
    with pytest.raises(UsageError, match="no partnership 'hips'"):
        arrangements(iow, "hips")
    assert arrangements(iow, "IOWSCP").partnership == "isle-of-wight-scp"


@given(datasets())
def test_every_valid_model_gives_a_document(dataset: Dataset) -> None:
    for partnership in dataset.partnerships:
        document = arrangements(dataset, partnership.id)
        assert document.partnership == partnership.id
        assert all(s.title for _, s in document.walk())
