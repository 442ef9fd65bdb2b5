"""Meetings and communications in the file format: a meeting of a body on a date with
its items and the next meeting, training courses, practice tools and contacts."""

from __future__ import annotations

import pytest

from safeguarding_model.errors import LoadError
from safeguarding_model.graph import NodeKind, build_graph
from safeguarding_model.io import dumps, loads
from safeguarding_model.io.schema import json_schema
from safeguarding_model.model import (
    Contact,
    ContactKind,
    Course,
    Dataset,
    FieldError,
    Meeting,
    PartialDate,
    Tool,
)
from safeguarding_model.model.dates import as_of

TEXT = """\
schema: safeguarding-model/2
organisations:
  - {id: north-trust, name: North NHS Trust, kind: nhs-trust}
partnerships:
  - id: north-scp
    name: North SCP
    groups:
      - {id: board, name: Board, kind: partnership-board}
      - {id: team, name: Partnership Team, kind: team}
  - id: south-scp
    name: South SCP
collaborations:
  - {id: region, name: Region, members: [north-scp, south-scp]}
meetings:
  - id: board-2020-09-23
    body: board
    date: 2020-09-23
    title: Board meeting 23rd September
    next: 2020-12-18
    not_stated: [decisions]
    source: {title: "Newsletter, Autumn 2020", published: 2020-09 to 2020-11}
    items:
      - text: The trust provided an update.
        by: [north-trust]
      - text: The audit report was presented.
        points: [Clear improvements were seen.]
courses:
  - id: exploitation-course
    title: Child exploitation for health professionals
    by: [north-scp, region]
    format: webinar
    audience: health professionals only
    sessions:
      - {date: 2020-11-11, time: 1.30 - 3pm}
      - {date: 2020-11-25, time: 7 - 8.30pm}
    outcomes: [To recognise the signs of exploitation]
    notes: [Read the cancellation and charges section.]
tools:
  - {id: old-tool, name: OLD, end: by 2020-11}
  - id: new-tool
    name: New Risk Assessment Framework
    short_name: NEW
    adopted_by: [north-scp]
    replaces: [old-tool]
    start: 2020-09-01
    points: [Professional judgement is as important as the score.]
contacts:
  - id: team-contacts
    name: Partnership Team
    of: team
    channels:
      - {kind: email, value: team@north.example}
      - {kind: social-media, value: "@NorthSCP", text: Twitter}
      - {kind: phone, value: 01983 000000}
"""


def test_meetings_courses_tools_and_contacts_load_and_round_trip() -> None:
    dataset = loads(TEXT)
    (meeting,) = dataset.meetings
    assert isinstance(meeting, Meeting)
    assert (meeting.body, str(meeting.date), str(meeting.next)) == (
        "board",
        "2020-09-23",
        "2020-12-18",
    )
    assert meeting.items[0].by == ("north-trust",)
    assert meeting.items[1].points[0].text == "Clear improvements were seen."
    assert meeting.decisions == () and meeting.not_stated == ("decisions",)
    (course,) = dataset.courses
    assert [(str(s.date), s.time) for s in course.sessions] == [
        ("2020-11-11", "1.30 - 3pm"),
        ("2020-11-25", "7 - 8.30pm"),
    ]
    old, new = dataset.tools
    assert new.replaces == ("old-tool",) and str(new.start) == "2020-09-01"
    assert str(old.end) == "by 2020-11"
    (contact,) = dataset.contacts
    assert [c.kind for c in contact.channels] == [
        ContactKind.EMAIL,
        ContactKind.SOCIAL_MEDIA,
        ContactKind.PHONE,
    ]
    assert contact.channels[2].value == "01983 000000"  # a number as written, not an int
    assert loads(dumps(dataset)) == dataset
    assert dumps(loads(dumps(dataset))) == dumps(dataset)


def test_they_are_entities_found_by_id_and_name() -> None:
    dataset = loads(TEXT)
    assert dataset.get("board-2020-09-23") is dataset.meetings[0]
    assert dataset.get("Board meeting 23rd September") is dataset.meetings[0]
    assert dataset.get("NEW") is dataset.tools[1]
    assert dataset.get("exploitation-course") is dataset.courses[0]
    assert dataset.name_of("team-contacts") == "Partnership Team"
    assert Meeting(id="m", body="b", date=PartialDate(year=2020)).name == "meeting of b on 2020"


def test_the_graph_has_a_node_for_each() -> None:
    graph = build_graph(loads(TEXT)).graph
    kinds = {key: data["kind"] for key, data in graph.nodes(data=True)}
    assert kinds["board-2020-09-23"] == NodeKind.MEETING.value
    assert kinds["exploitation-course"] == NodeKind.COURSE.value
    assert kinds["new-tool"] == NodeKind.TOOL.value
    assert kinds["team-contacts"] == NodeKind.CONTACT.value
    assert graph.nodes["new-tool"]["label"] == "NEW"


def test_the_graph_joins_each_to_the_bodies_it_names() -> None:
    """A meeting is of its body, with its date, and items are brought by whom the
    document says; a course is offered by its bodies; a tool adopted by its
    partnerships, with its dates, and replaces the tool it replaced; a contact reaches
    its body."""
    gg = build_graph(loads(TEXT))
    assert gg.problems == ()
    edges = gg.graph.edges
    assert edges["board-2020-09-23", "board", "meeting-of"]["period"] == "2020-09-23"
    brought = edges["north-trust", "board-2020-09-23", "brought-item-to"]
    assert brought["subject"] == "The trust provided an update."
    assert {u for u, _, k in gg.graph.in_edges("exploitation-course", keys=True)} == {
        "north-scp",
        "region",
    }
    assert edges["north-scp", "exploitation-course", "offers"]["kind"] == "offers"
    assert edges["north-scp", "new-tool", "adopts"]["start"] == "2020-09-01"
    assert edges["new-tool", "old-tool", "replaces"]["kind"] == "replaces"
    assert edges["team-contacts", "team", "contact-for"]["kind"] == "contact-for"
    # on a date, what the view leaves out takes its edges with it
    later = build_graph(loads(TEXT), on="2021")
    assert "old-tool" not in later.graph
    assert not later.graph.has_edge("new-tool", "old-tool")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    body: board\n", "    body: bored\n", "`board`"),  # a dangling body, nearest id
        ("    body: board\n", "    body: north-trust\n", "which is an organisation"),
        ("        by: [north-trust]", "        by: [north-trusts]", "north-trust"),
        ("    replaces: [old-tool]", "    replaces: [board]", "not a tool"),
        ("    replaces: [old-tool]", "    replaces: [new-tool]", "nothing replaces itself"),
        ("    of: team\n", "    of: teams\n", "`team`"),
        ("    by: [north-scp, region]", "    by: [board]", "which is a group"),
        ("    next: 2020-12-18", "    next: 2020-09-01", "a later meeting"),
        ("    next: 2020-12-18", "    next: 18 December", "a date"),
        ("    not_stated: [decisions]", "    not_stated: [decision]", "did you mean `decisions`"),
        ("      - {kind: phone,", "      - {kind: fax,", "email"),
        (
            "{id: old-tool, name: OLD, end: by 2020-11}",
            "{id: old-tool, name: OLD, start: 2021, end: by 2020-11}",
            "before the start",
        ),
    ],
)
def test_a_wrong_entry_is_reported_where_it_is(old: str, new: str, expected: str) -> None:
    assert old in TEXT
    with pytest.raises(LoadError) as caught:
        loads(TEXT.replace(old, new, 1), name="news.yaml")
    problems = [str(p) for p in caught.value.problems]
    assert all(p.startswith("news.yaml:") for p in problems)
    assert any(expected in p for p in problems), problems


def test_a_contact_needs_a_way_to_make_contact() -> None:
    with pytest.raises(FieldError):
        Contact(id="c", name="Team", of="team")
    assert Contact(id="c", name="Team", of="team", text="Ask at reception.").channels == ()


def test_an_id_is_unique_across_the_new_lists() -> None:
    text = TEXT.replace("  - id: team-contacts\n", "  - id: new-tool\n")
    with pytest.raises(LoadError, match="used twice"):
        loads(text)


def test_the_json_schema_describes_each_list() -> None:
    schema = json_schema()
    for shape in ("Meeting", "MeetingItem", "Course", "CourseSession", "Tool", "Contact"):
        assert shape in schema["$defs"], shape
    for field in ("meetings", "courses", "tools", "contacts"):
        assert field in schema["properties"], field


def test_courses_and_tools_may_be_repeated_by_the_files_of_a_region(tmp_path: object) -> None:
    from pathlib import Path

    from safeguarding_model.io import load

    folder = Path(str(tmp_path))
    shared = "tools:\n  - {id: ceraf, name: CERAF, start: 2020-09-01}\n"
    (folder / "a.yaml").write_text(
        "schema: safeguarding-model/2\npartnerships: [{id: a, name: A}]\n" + shared,
        encoding="utf-8",
    )
    (folder / "b.yaml").write_text(
        "schema: safeguarding-model/2\npartnerships: [{id: b, name: B}]\n" + shared,
        encoding="utf-8",
    )
    assert [t.id for t in load(folder).tools] == ["ceraf"]
    shared_meeting = "meetings:\n  - {id: m, body: a, date: 2020-09-23}\n"
    (folder / "a.yaml").write_text(
        "schema: safeguarding-model/2\npartnerships: [{id: a, name: A}]\n" + shared_meeting,
        encoding="utf-8",
    )
    (folder / "b.yaml").write_text(
        "schema: safeguarding-model/2\npartnerships: [{id: b, name: B}]\n" + shared_meeting,
        encoding="utf-8",
    )
    with pytest.raises(LoadError, match="used twice"):
        load(folder)


def test_the_collections_are_declared_once() -> None:
    found = {c.field: (c.item, c.shared) for c in Dataset.collections()}
    assert found["meetings"] == (Meeting, False)
    assert found["courses"] == (Course, True)
    assert found["tools"] == (Tool, True)
    assert found["contacts"] == (Contact, False)


def test_on_a_date_a_tool_stands_only_while_in_use() -> None:
    """An ended tool does not stand on a later date, and the tool that replaced it no
    longer names it; a tool not yet launched is not there before its launch."""
    dataset = loads(TEXT)
    before = dataset.as_of("2020-06")
    assert [tool.id for tool in before.tools] == ["old-tool"]
    both = dataset.as_of("2020-10")
    assert [(tool.id, tool.replaces) for tool in both.tools] == [
        ("old-tool", ()),
        ("new-tool", ("old-tool",)),
    ]
    after = dataset.as_of("2021")
    assert [(tool.id, tool.replaces) for tool in after.tools] == [("new-tool", ())]
    for view in (before, both, after):
        assert loads(dumps(view)) == view


def test_on_a_date_a_meeting_stands_once_it_has_taken_place() -> None:
    dataset = loads(TEXT)
    assert dataset.as_of("2020-08").meetings == ()
    assert [m.id for m in dataset.as_of("2020-09").meetings] == ["board-2020-09-23"]
    assert [m.id for m in dataset.as_of("2024").meetings] == ["board-2020-09-23"]


def test_on_a_date_what_belongs_to_a_body_left_out_goes_with_it() -> None:
    """A partnership that had ended takes its groups' meetings and contacts, and a tool
    only it adopted; a course it offered with a collaboration stays, offered by the
    collaboration; an item brought by an organisation that had gone names it no more."""
    text = TEXT.replace(
        "  - id: north-scp\n    name: North SCP\n",
        '  - id: north-scp\n    name: North SCP\n    end: "2022"\n',
    ).replace(
        "  - {id: north-trust, name: North NHS Trust, kind: nhs-trust}\n",
        '  - {id: north-trust, name: North NHS Trust, kind: nhs-trust, end: "2020-10"}\n',
    )
    assert text.count('end: "20') == 2
    dataset = loads(text)
    late = dataset.as_of("2020-12")
    [meeting] = late.meetings
    assert [item.by for item in meeting.items] == [(), ()]
    assert loads(dumps(late)) == late
    view, gone = as_of(dataset, "2023")
    assert view.meetings == () and view.contacts == () and view.tools == ()
    assert [(course.id, course.by) for course in view.courses] == [
        ("exploitation-course", ("region",))
    ]
    assert {"board-2020-09-23", "team-contacts", "new-tool", "old-tool"} <= set(gone)
    assert loads(dumps(view)) == view
