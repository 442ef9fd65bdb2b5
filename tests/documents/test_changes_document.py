"""The changes as a document section, text and JSON data: "Changes to the safeguarding
arrangements" in the yearly report, written by the real writers and read back by real
parsers."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import attrs

from safeguarding_model.documents import Document, ItemList, Paragraph, yearly_report
from safeguarding_model.documents.changes import (
    TITLE,
    change_data,
    changes_data,
    changes_document,
    changes_section,
    changes_text,
    date_words,
)
from safeguarding_model.exporters.builtin.html import to_html
from safeguarding_model.exporters.builtin.markdown import to_markdown
from safeguarding_model.io import loads
from safeguarding_model.model import Dataset, PartialDate, changes_between, compare

OLD = """\
schema: safeguarding-model/2
organisations:
  - {id: council, name: Northshire Council, kind: local-authority}
  - {id: police, name: Northshire Police, kind: police}
  - {id: fire, name: "*Fire* & <Rescue>", kind: fire-and-rescue}
people:
  - {id: ann, name: Ann Archer}
posts:
  - {id: dcs, title: Director of Children's Services, organisation: council, holder: ann}
partnerships:
  - id: northshire
    name: Northshire Safeguarding Children Partnership
    effective: 2019-06
    regimes: [working-together-2018]
    lead_partners:
      - {role: local-authority, organisation: council}
      - {role: chief-officer-of-police, organisation: police}
    relevant_agencies: [{organisation: fire}]
    groups:
      - {id: executive, name: Executive, kind: executive-group, meets: quarterly}
    not_stated: [chairs]
"""

NEW = (
    OLD.replace("effective: 2019-06", "effective: 2024-09-30")
    .replace("name: Northshire Police,", "name: Northshire and Southby Police,")
    .replace("meets: quarterly", "meets: monthly")
    .replace("not_stated: [chairs]", "chairs: [{post: dcs}]")
)


def versions() -> tuple[Dataset, Dataset]:
    return loads(OLD, name="2019.yaml"), loads(NEW, name="2024.yaml")


def test_the_section_says_what_was_compared_then_each_topic() -> None:
    old, new = versions()
    section = changes_section(compare(old, new))
    assert section.title == TITLE == "Changes to the safeguarding arrangements"
    intro = section.blocks[0]
    assert isinstance(intro, Paragraph)
    assert intro.text == (
        "Changes between the arrangements of June 2019 and those of 30 September 2024."
    )
    assert [s.title for s in section.sections] == [
        "The partnership",
        "The partners",
        "The chair",
        "Groups",
    ]
    texts = {
        s.title: [item.text for b in s.blocks if isinstance(b, ItemList) for item in b.items]
        for s in section.sections
    }
    assert texts == {
        "The partnership": [
            "Date the arrangements took effect changed from June 2019 to 30 September 2024."
        ],
        "The partners": ["Northshire Police is now named Northshire and Southby Police."],
        "The chair": [
            "Partnership chair: not stated before; now Ann Archer, Director of Children's "
            "Services, Northshire Council."
        ],
        "Groups": ["Executive: meetings changed from quarterly to monthly."],
    }


def test_no_change_is_said_in_words() -> None:
    old, _ = versions()
    section = changes_section(compare(old, old))
    assert [b.text for b in section.blocks if isinstance(b, Paragraph)] == [
        "Changes between two versions of the arrangements of June 2019.",
        "The data shows no change to the arrangements.",
    ]
    assert section.sections == ()


def test_dates_in_words_are_as_precise_as_the_data() -> None:
    assert [date_words(PartialDate.from_string(text)) for text in ("2024", "2024-09")] == [
        "2024",
        "September 2024",
    ]
    assert date_words(PartialDate.from_string("2024-09-30")) == "30 September 2024"
    assert date_words(PartialDate.from_string("by 2024-12")) == "by December 2024"
    assert date_words(PartialDate.from_string("2023-04 to 2024-03")) == "April 2023 to March 2024"


class _Reader(HTMLParser):
    """Headings and list items of an HTML page, as text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: str | None = None
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2", "h3", "li"):
            self.open = tag
            self.found.append((tag, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == self.open:
            self.open = None

    def handle_data(self, data: str) -> None:
        if self.open is not None:
            tag, text = self.found[-1]
            self.found[-1] = (tag, text + data)


def test_the_writers_write_it_and_parsers_read_it_back() -> None:
    old, new = versions()
    renamed = "*Fire* & <Rescue> [and] #1"
    fire = attrs.evolve(new.organisations[2], name=renamed)
    new = attrs.evolve(new, organisations=(*new.organisations[:2], fire))
    document = changes_document(compare(old, new))
    assert isinstance(document, Document) and document.title == (
        "Northshire Safeguarding Children Partnership"
    )
    markdown = to_markdown(document)
    lines = markdown.splitlines()
    assert "## Changes to the safeguarding arrangements" in lines
    assert "### Relevant agencies" in lines
    item = next(line for line in lines if "now named" in line and "Fire" in line)
    assert item.startswith("- ") and "<" not in item.replace("\\<", "")  # escaped, no raw HTML
    assert "\\*Fire\\*" in item  # no emphasis from the data
    reader = _Reader()
    reader.feed(to_html(document))
    items = [text for tag, text in reader.found if tag == "li"]
    assert f"*Fire* & <Rescue> is now named {renamed}." in items
    assert ("h2", TITLE) in reader.found


def test_the_yearly_report_gains_the_section_when_given_the_previous_version() -> None:
    old, new = versions()
    without = yearly_report(new)
    assert TITLE not in [s.title for _, s in without.walk()]
    report = yearly_report(new, previous=old)
    titles = [s.title for level, s in report.walk() if level == 1]
    assert titles[titles.index("Structure and groups") + 1] == TITLE
    section = next(s for _, s in report.walk() if s.title == TITLE)
    assert section == changes_section(compare(old, new), "northshire")


def test_the_yearly_report_points_its_requirement_to_the_changes(iow: Dataset) -> None:
    report = yearly_report(iow, previous=iow)
    requirement = next(
        s for _, s in report.walk() if s.title == "Any changes to the safeguarding arrangements"
    )
    notes = [b.text for b in requirement.blocks if isinstance(b, Paragraph) and b.note]
    assert f"What the data shows changed is listed above, under {TITLE}." in notes


def test_text_for_a_person_has_the_partnership_then_each_topic() -> None:
    old, new = versions()
    changes = attrs.evolve(compare(old, new), old_version="2019.yaml", new_version="2024.yaml")
    text = changes_text(changes)
    assert text.splitlines()[:6] == [
        "Changes from 2019.yaml to 2024.yaml",
        "===================================",
        "",
        "Northshire Safeguarding Children Partnership",
        "--------------------------------------------",
        "Changes between the arrangements of 2019-06 and those of 2024-09-30.",
    ]
    assert "The chair\n  - Partnership chair: not stated before; now Ann Archer" in text


KEYS = [
    "kind",
    "how",
    "topic",
    "partnership",
    "group",
    "group_name",
    "entry",
    "subject",
    "old_name",
    "new_name",
    "field",
    "before",
    "after",
    "old_id",
    "new_id",
    "match",
    "succession",
    "date",
    "predecessor_end",
    "start",
    "end",
    "planned",
    "not_stated_before",
    "not_stated_after",
    "text",
]


def test_json_data_has_the_same_keys_whatever_the_change() -> None:
    old, new = versions()
    data = json.loads(json.dumps(changes_data(compare(old, new))))
    assert list(data) == ["old", "new", "from", "to", "partnerships", "count", "changes"]
    assert data["count"] == len(data["changes"]) == 4
    assert all(list(change) == KEYS for change in data["changes"])
    assert data["partnerships"] == [
        {
            "old_id": "northshire",
            "new_id": "northshire",
            "old_name": "Northshire Safeguarding Children Partnership",
            "new_name": "Northshire Safeguarding Children Partnership",
            "old_date": "2019-06",
            "new_date": "2024-09-30",
        }
    ]
    chair = next(c for c in data["changes"] if c["kind"] == "chair")
    assert chair["how"] == "added" and chair["not_stated_before"] is True
    assert chair["before"] is None and chair["after"].startswith("Ann Archer")
    effective = next(c for c in data["changes"] if c["field"] == "effective")
    assert (effective["before"], effective["after"]) == ("2019-06", "2024-09-30")
    assert list(change_data(compare(old, new).changes[0])) == KEYS


def test_changes_on_two_dates_say_the_dates() -> None:
    old, _ = versions()
    changes = changes_between(old, "2019-01", "2019-07")
    assert changes_data(changes)["from"] == "2019-01"
    section = changes_section(changes)
    assert section.blocks[0] == Paragraph(
        content="Changes between the arrangements as they stood in January 2019 and in July 2019."
    )
    assert "Partnership added" in changes_text(changes)


def test_several_partnerships_have_a_section_each(iow: Dataset) -> None:
    old, new = versions()
    document = changes_document(compare(old.merged(iow), new.merged(iow)))
    assert document.title == TITLE
    assert [s.title for level, s in document.walk() if level == 1] == [
        "Northshire Safeguarding Children Partnership",
        "Isle of Wight Safeguarding Children Partnership",
    ]
    markdown = to_markdown(document)
    assert "The data shows no change to the arrangements." in markdown


def test_an_organisation_change_is_listed_once_when_several_partnerships_are_compared(
    iow: Dataset,
) -> None:
    unused = "  - {id: unused, name: Unused Agency, kind: other}\n"
    old = loads(OLD.replace("people:", unused + "people:"))
    new = loads(NEW.replace("people:", unused.replace("Unused", "Renamed") + "people:"))
    changes = compare(old.merged(iow), new.merged(iow))
    section = changes_section(changes)
    markdown = to_markdown(Document(kind="changes", title="t", sections=(section,)))
    assert markdown.count("Unused Agency is now named Renamed Agency.") == 1


def test_a_document_of_many_partnerships_names_each_partnerships_change() -> None:
    """Each partnership's changes are looked up by partnership (how long it takes as the
    number grows is measured in benchmarks/bench_diff.py, never asserted here)."""
    head = "schema: safeguarding-model/2\npartnerships:\n"
    rows = [f"  - {{id: p{i}, name: Partnership {i}, scope: SCOPE}}\n" for i in range(300)]
    text = head + "".join(rows)
    changes = compare(
        loads(text.replace("SCOPE", "children")), loads(text.replace("SCOPE", "all-age"))
    )
    assert len(changes) == 300
    document = changes_document(changes)
    written = changes_text(changes)
    assert all(f"Partnership {i}" in written for i in (0, 150, 299))
    assert document.sections
