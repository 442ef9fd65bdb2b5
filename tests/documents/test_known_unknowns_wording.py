"""What ``show``, the arrangements document (Markdown and HTML), the yearly report and
``show --format json`` say of what a document leaves unknown: a list given in part is
never shown as whole, a partner the source does not name is never given a name, a
collaboration without a name is called so, and a vision's or purpose's points and the
funding's other bodies are said in words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from wording import TODAY, Outputs, markdown, outputs, section, show

import safeguarding_model as sm
from known_unknowns import KNOWN_UNKNOWNS
from safeguarding_model.documents import summary
from safeguarding_model.documents.comparison import compare_partnerships
from safeguarding_model.model.meaning import partial_words
from strategies import rich_datasets

NAMED = ("Westshire Clinical", "Integrated Care Board Ltd", "NHS Westshire")
"""Names the data never gives: no output may make one up."""


@pytest.fixture(scope="module")
def said() -> Outputs:
    return outputs(KNOWN_UNKNOWNS)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def test_show_says_what_is_not_named(said: Outputs) -> None:
    lines = _lines(said.show)
    assert (
        "integrated care board: The Integrated Care Board (the organisation is not named "
        "in the source)" in lines
    )
    assert (
        "local authority: Local Authority Chief Executive (holder not stated) (the "
        "organisation is not named in the source)"
    ) in lines
    assert (
        "for the integrated care board: post not stated in the source (a senior officer "
        "of the ICB)" in lines
    )
    assert "for the chief officer of police: post not stated in the source" in lines
    for name in NAMED:
        said.nowhere(name)


def test_show_never_shows_a_list_given_in_part_as_whole(said: Outputs) -> None:
    lines = _lines(said.show)
    # the vision's points, a duty's items, an input's points, the contributions
    assert lines[lines.index("Vision: We want every child to be:") + 3] == (
        "- … and others the source does not name"
    )
    assert "of the relevant agencies (2 named, and more)" in lines
    assert "- … and perhaps others: the copy the data was taken from is cut short" in lines
    assert "drawing on (2 named, and 2 further inputs not named):" in lines
    assert "responsibilities: 2 named, and 2 further responsibilities not named" in lines
    assert "contributions (2 named, and others the source does not name)" in lines
    assert "contents (2 named, and 3 further items not named):" in lines
    assert (
        "monitored by: Westshire Safeguarding Children Partnership, and others the source "
        "does not name"
    ) in lines


def test_show_gives_the_funding_through_other_bodies(said: Outputs) -> None:
    lines = _lines(said.show)
    assert "budget hosted by: Westshire County Council" in lines
    assert "one budget shared with: Westshire Safeguarding Adults Board" in lines
    assert "Westshire Safeguarding Adults Board: 40%" in lines
    assert (
        "Westshire County Council (on behalf of Eastby District Council, Westby District "
        "Council): £90,000"
    ) in lines


def test_show_calls_a_collaboration_without_a_name_by_the_sources_words(said: Outputs) -> None:
    lines = _lines(said.show)
    assert "Collaboration: a collaboration the source does not name" in lines
    assert (
        "in the source's words: We work with neighbouring partnerships on exploitation."
    ) in lines


def test_the_document_says_what_is_not_named(said: Outputs) -> None:
    partners = section(said.markdown, "Lead Safeguarding Partners")
    assert (
        "- The Integrated Care Board (the organisation is not named in the arrangements)"
        in partners
    )
    delegated = section(said.markdown, "Delegated Safeguarding Partners")
    assert (
        "| not stated in the arrangements | not stated in the arrangements (a senior officer of "
        "the ICB) | not stated in the arrangements | the integrated care board |"
    ) in delegated
    said.everywhere("The Integrated Care Board (the organisation is not named in the arrangements)")


def test_the_document_ends_each_list_given_in_part_with_what_it_leaves_out(said: Outputs) -> None:
    vision = section(said.markdown, "Vision")
    assert vision.strip().splitlines()[-1] == "- *… and others the source does not name*"
    scrutineer = section(said.markdown, "Independent Scrutineer")
    assert "*… and perhaps others: the copy the data was taken from is cut short.*" in scrutineer
    scrutiny = section(said.markdown, "Scrutiny Arrangements")
    assert "and others the source does not name." in scrutiny  # who performs it
    assert "  - *… and others the source does not name*" in scrutiny  # an input's points
    assert "*… and 2 further inputs not named.*" in scrutiny
    duties = section(said.markdown, "Duties of the Partners and Agencies")
    assert "*… and perhaps others: the copy the data was taken from is cut short.*" in duties
    board = section(said.markdown, "Partnership Board")
    assert "  - *… and others the source does not name*" in board
    assert "*… and 2 further responsibilities not named.*" in board
    funding = section(said.markdown, "Funding Arrangements")
    assert "*… and others the source does not name.* The source: contributions from" in funding
    said.everywhere("… and 3 further items not named.")


def test_the_document_gives_a_purpose_with_its_points(said: Outputs) -> None:
    purpose = section(said.markdown, "Purpose")
    assert _lines(purpose)[1:5] == [
        "To support professionals to work together in a system where:",
        "",
        "- Children are safeguarded",
        "- Learning is promoted",
    ]
    said.everywhere("Children are safeguarded")


def test_the_document_gives_the_funding_through_other_bodies(said: Outputs) -> None:
    funding = section(said.markdown, "Funding Arrangements")
    assert "The budget is hosted by Westshire County Council." in funding
    assert "The budget is one budget shared with Westshire Safeguarding Adults Board." in funding
    assert "- Westshire Safeguarding Children Partnership: 60%" in funding
    assert (
        "- Westshire County Council (on behalf of Eastby District Council and Westby District "
        "Council): £90,000"
    ) in funding


def test_the_document_never_names_a_collaboration_it_does_not_name(said: Outputs) -> None:
    assert "## A collaboration the source does not name\n" in said.markdown
    assert "## Appendix 1: the arrangements of a collaboration the source does not name\n" in (
        said.markdown
    )
    said.nowhere("neighbours collaboration")


def test_the_yearly_report_gives_the_vision_with_its_points() -> None:
    text = markdown(sm.loads(KNOWN_UNKNOWNS), document="yearly-report")
    vision = section(text, "Vision, purpose, values and principles")
    assert "Vision: We want every child to be:" in vision
    assert "- *… and others the source does not name*" in vision
    assert "- Learning is promoted" in vision
    partners = section(text, "The partners")
    assert "| the integrated care board | not stated in the arrangements | not stated |" in (
        partners
    )


def test_show_json_carries_every_known_unknown() -> None:
    dataset = sm.loads(KNOWN_UNKNOWNS)
    data = summary(dataset, dataset.partnerships[0], today=TODAY)
    assert data["vision"]["partial"] == "and others the source does not name"
    assert data["purpose"]["points"][0] == {"text": "Children are safeguarded", "points": []}
    ku = data["lead_partners"][2]
    assert (ku["named"], ku["organisation"], ku["organisation_name"]) == (False, None, None)
    assert data["delegated_partners"][2]["post"] is None
    [duty] = data["duties"]
    assert duty["partial"][0]["field"] == "items" and duty["partial"][0]["given"] == 2
    funding = data["funding"]
    assert funding["hosted_by"] == {"id": "county-council", "name": "Westshire County Council"}
    assert [s["id"] for s in funding["split"]] == ["westshire-scp", "county-sab"]
    assert [o["id"] for o in funding["contributions"][0]["on_behalf_of"]] == [
        "east-district",
        "west-district",
    ]
    [collaboration] = data["collaborations"]
    assert (collaboration["named"], collaboration["name"]) == (
        False,
        "a collaboration the source does not name",
    )


@settings(max_examples=max(5, settings.default.max_examples // 2))
@given(rich_datasets(max_partnerships=1, max_groups=2))
def test_every_list_inside_an_entry_given_in_part_says_so(dataset: sm.Dataset) -> None:
    """For any valid dataset, the lists its partnership's entries give only in part (a
    duty's items, a scrutiny mechanism's inputs and performers, the points of the vision
    or purpose and of the items under them, the funding's every list) each end, in
    ``show`` and in the arrangements document, with what the source leaves out."""
    p = dataset.partnerships[0]
    text, document = show(dataset), markdown(dataset)
    entries: list[object] = [*p.duties, *p.scrutiny]
    entries += [statement for statement in (p.vision, p.purpose) if statement is not None]
    entries += [item for m in p.scrutiny for item in m.inputs]
    if p.funding is not None:
        entries.append(p.funding)
    for entry in entries:
        for partial in getattr(entry, "partial", ()):
            words = partial_words(partial)
            assert words in text, (type(entry).__name__, partial.field)
            assert words in document, (type(entry).__name__, partial.field)


def test_the_yearly_report_owes_the_contents_the_arrangements_give_in_part() -> None:
    text = KNOWN_UNKNOWNS.replace(
        "    groups:\n      - id: board",
        "    yearly_report:\n"
        "      contents:\n"
        '        - text: "The budget and funding, including:"\n'
        "          points: [each contribution]\n"
        "          partial: [{field: points}]\n"
        "      partial: [{field: contents, text: amongst others}]\n"
        "    groups:\n      - id: board",
        1,
    )
    report = markdown(sm.loads(text), document="yearly-report")
    budget = section(report, "The budget and funding")
    assert "- each contribution\n- *… and others the source does not name*" in budget
    assert "one budget shared with Westshire Safeguarding Adults Board (Westshire" in budget
    assert "- *… and others the source does not name*\n\n> " in budget  # the contributions
    further = section(report, "Further required contents")
    assert "*… and others the source does not name.* The source: amongst others" in further


def test_the_side_by_side_comparison_names_no_partner_the_source_does_not_name() -> None:
    text = KNOWN_UNKNOWNS.replace(
        "  - id: westshire-scp\n",
        "  - id: other-scp\n    name: Other SCP\n  - id: westshire-scp\n",
        1,
    )
    rows = {aspect.name: aspect.values for aspect in compare_partnerships(sm.loads(text)).aspects}
    assert rows["Lead safeguarding partners"][1] == (
        "local authority: Local Authority Chief Executive (organisation not named); chief "
        "officer of police: Westshire Police; integrated care board: not named"
    )
    assert rows["Delegated safeguarding partners"][1].endswith(
        "integrated care board: not named; chief officer of police: not named"
    )
    assert rows["Funding"][1] == (
        "Contributions agreed each year; 2 contribution(s) given (partial); hosted by another "
        "body; one budget shared with another board"
    )
    assert not any("None" in value for values in rows.values() for value in values)
