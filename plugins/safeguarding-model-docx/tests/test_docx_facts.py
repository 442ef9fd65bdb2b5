"""The Word file shows what the arrangements document shows, for a partnership that
uses every fact issue 10 added: python-docx reads back every heading, paragraph, list
entry, table cell and caption of the document tree, in order, and the links as Word
hyperlinks."""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
import pytest
from docx.oxml.ns import qn

from safeguarding_model.documents import (
    Document,
    Figure,
    ItemList,
    ListItem,
    Paragraph,
    Placeholder,
    Table,
    arrangements,
)
from safeguarding_model.exporters import export
from safeguarding_model.io import loads
from safeguarding_model.model import Dataset

FACTS = """\
schema: safeguarding-model/2
organisations:
  - {id: council, name: Eastshire Council, kind: local-authority}
  - {id: borough, name: Westby Borough Council, kind: local-authority}
  - {id: trust, name: Eastshire Children's Trust, kind: childrens-trust, delivers_for: [council]}
  - {id: company, name: Shared Services Ltd, kind: company, owned_by: [council, borough]}
  - {id: ccgs, name: The five CCGs, kind: clinical-commissioning-group, collective: true, count: 5}
  - {id: police, name: Eastshire Police, kind: police}
  - {id: icb, name: NHS Eastshire, kind: integrated-care-board}
  - {id: hwb, name: Health and Wellbeing Board, kind: board}
  - {id: csp, name: Community Safety Partnership, kind: board}
people:
  - {id: kim, name: Kim Vale}
  - {id: ray, name: Ray Holt}
posts:
  - {id: cllr, title: Lead Member, organisation: council, holder: ray, elected: true, also_chairs: [hwb]}
  - {id: chair, title: Independent Chair, independent: true, holder: kim}
  - {id: manager, title: Business Manager, organisation: council}
partnerships:
  - id: eastshire
    name: Eastshire Safeguarding Children Partnership
    short_name: ESCP
    regimes: [working-together-2023]
    source: {title: Eastshire arrangements, published: "2024-09", url: "https://example.org/escp"}
    lead_partners:
      - {role: local-authority, organisation: council}
      - {role: integrated-care-board, organisation: icb}
      - {role: chief-officer-of-police, organisation: police}
    chairs: [{post: chair}, {role: vice-chair, text: A vice-chair from the partners}]
    scrutiny:
      - {kind: independent-chair, by: [chair]}
      - {kind: young-scrutineers, name: Youth Forum}
      - kind: framework
        name: Scrutiny programme
        inputs: [Audits, {text: Data, points: [Quarterly data]}]
    vision: Children are safe
    purpose: To lead safeguarding
    values: [Respect]
    principles: [Welfare first]
    aims: [Work together]
    relevant_agencies: [{organisation: trust}, {organisation: ccgs}]
    groups:
      - id: forum
        name: Lead Partners' Forum
        kind: leadership-group
        chairs: [{one_of: lead-safeguarding-partners, rotates: true, rotation_period: annually}]
      - id: board
        name: Partnership Board
        kind: partnership-board
        meets_text: At least three times a year
        chairs: [{partnership_chair: true}]
        reports_to:
          - {to: forum}
          - {to: hwb, alternatives: [csp], kind: for-information, condition: By exception}
        partial: [{field: members, further: 2, text: and two others}]
        members: [{organisation: council}, {organisation: police}]
      - id: audit
        name: Audit Group
        kind: subgroup
        covers: [council, borough]
        scope: all-age
        ends_when: When the audit is done
        chairs:
          - {organisation: police}
          - {rotates_among: [council, icb], rotation_period: Every year, rotation_in_order: true, role: vice-chair}
        reports_to: [{to: board, kind: advises, cadence_text: Bi-monthly, subject: Findings}]
    lines:
      - {by: manager, to: audit, kind: for-information, cadence: quarterly, subject: Data}
    duties:
      - {of: relevant-agencies, items: [Co-operate, Share information]}
    events:
      - {name: Newsletter, kind: product, every_text: After every Board meeting, by: [manager]}
    approval: {by: [council, icb, police], date: "2024-09-30", instrument: Signed agreement}
    funding:
      rule: Equal shares
      agreed_by_role: lead-safeguarding-partners
      contributions:
        - {organisation: council, amount: 95000}
        - {organisation: police, percent: 12.5}
        - {organisation: company, in_kind: [Accommodation]}
    contact: escp@example.org
    partial: [{field: relevant_agencies, text: including}]
    not_stated: [yearly_report]
collaborations:
  - id: region
    name: Region
    members: [eastshire]
    purpose: Sharing learning
    groups: [{id: regional-exec, name: Regional Executive, kind: executive-group}]
documents:
  - id: strategy
    title: Exploitation Strategy 2023-26
    kind: strategy
    owner: region
    monitored_by: [eastshire]
    delivered_by: [audit]
    period: 2023 to 2026
"""


@pytest.fixture(scope="module")
def facts() -> Dataset:
    return loads(FACTS)


@pytest.fixture(scope="module")
def word(facts: Dataset) -> docx.document.Document:
    data = export(facts, "docx")
    assert isinstance(data, bytes)
    return docx.Document(io.BytesIO(data))


def _items(items: tuple[ListItem, ...], ordered: bool) -> Iterator[str]:
    for number, item in enumerate(items, start=1):
        yield (f"{number}. " if ordered else "") + item.text
        yield from _items(item.children, False)


def tree_texts(document: Document) -> list[str]:
    """Every text the document tree holds, in the order a writer gives it."""
    found = [document.title, *([document.subtitle] if document.subtitle else [])]
    figures = 0

    def blocks(section_blocks: tuple[object, ...]) -> None:
        nonlocal figures
        for block in section_blocks:
            if isinstance(block, Paragraph):
                found.append(block.text)
            elif isinstance(block, ItemList):
                found.extend(_items(block.items, block.ordered))
            elif isinstance(block, Table):
                found.extend([block.caption] if block.caption else [])
                found.extend(block.header)
                found.extend(cell for row in block.rows for cell in row)
            elif isinstance(block, Figure):
                figures += 1
                found.append(f"Figure {figures}: {block.caption}")
                if block.description:
                    found.extend(["The chart in words:", *block.description])
            elif isinstance(block, Placeholder):
                found.append(f"To be written: {block.prompt}")
            else:
                raise AssertionError(f"a block no writer knows: {block!r}")

    blocks(document.blocks)
    for _, section in document.walk():
        found.append(section.title)
        blocks(section.blocks)
    return [text for text in found if text]


def word_texts(word: docx.document.Document) -> list[str]:
    """Every paragraph and table cell of the Word file, in order, less the pictures,
    the notes that stand in for a chart Graphviz did not draw, and the table of
    contents (which repeats the headings)."""
    found: list[str] = []
    for element in word.element.body.iterchildren():
        if element.tag == qn("w:p"):
            paragraph = docx.text.paragraph.Paragraph(element, word)
            style = paragraph.style.name if paragraph.style is not None else ""
            if style.startswith("toc ") or style == "TOC Heading":
                continue
            found.append(paragraph.text)
        elif element.tag == qn("w:tbl"):
            table = docx.table.Table(element, word)
            found.extend(cell.text for row in table.rows for cell in row.cells)
    notes = ("The chart is drawn when", "The chart could not be drawn")
    return [text for text in found if text and not text.startswith(notes)]


def test_the_word_file_holds_every_text_of_the_document_in_order(
    facts: Dataset, word: docx.document.Document
) -> None:
    document = arrangements(facts)
    assert word_texts(word) == tree_texts(document)
    headings = [
        p.text
        for p in word.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert headings == [section.title for _, section in document.walk()]


def test_the_new_facts_reach_the_word_file(word: docx.document.Document) -> None:
    text = "\n".join(word_texts(word))
    for words in (
        "Children are safe",  # the vision
        "Welfare first",  # a principle, apart from the aims
        "Youth Forum",
        "Equal shares",
        "Exploitation Strategy 2023-26",
        "Lead Partners' Forum",
        "At least three times a year",
        "When the audit is done",
        "After every Board meeting",
        "Signed agreement",
    ):
        assert words in text, words


def test_links_are_hyperlinks(word: docx.document.Document) -> None:
    links = {
        link.address: link.text for p in word.paragraphs for link in p.hyperlinks if link.address
    }
    assert links == {
        "https://example.org/escp": "https://example.org/escp",
        "mailto:escp@example.org": "escp@example.org",
    }
    run = next(link.runs[0] for p in word.paragraphs for link in p.hyperlinks if link.address)
    assert run.font.underline is True


def test_a_link_to_anything_but_the_web_or_mail_is_text_only(facts: Dataset) -> None:
    import attrs

    partnership = facts.partnerships[0]
    assert partnership.source is not None
    source = attrs.evolve(partnership.source, url="javascript:alert(1)")
    changed = attrs.evolve(facts, partnerships=(attrs.evolve(partnership, source=source),))
    word = docx.Document(io.BytesIO(export(changed, "docx")))  # type: ignore[arg-type]
    addresses = {link.address for p in word.paragraphs for link in p.hyperlinks if link.address}
    assert addresses == {"mailto:escp@example.org"}
    assert any("javascript:alert(1)" in p.text for p in word.paragraphs)


def test_the_same_facts_give_the_same_bytes(facts: Dataset) -> None:
    assert export(facts, "docx") == export(facts, "docx")
