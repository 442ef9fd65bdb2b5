"""CSV and Popolo of what a document leaves unknown: every list given in part, those
inside entries too, is a row of ``partial-lists.csv`` by its path; the vision's and
purpose's points are items; the funding's other bodies have their columns; a chair
derived from a role is marked derived; a partner the source does not name is a seat
of its own in Popolo, never an invented organisation or post; a collaboration's members
and partial lists are those the dataset gives it."""

from __future__ import annotations

import csv
import datetime
import io
from typing import Any

import pytest
from consumers import check_popolo, read_zip

from known_unknowns import KNOWN_UNKNOWNS, known_unknowns
from safeguarding_model.exporters import export
from safeguarding_model.io import loads

TODAY = datetime.date(2025, 1, 1)
Rows = list[dict[str, str]]


@pytest.fixture(scope="module")
def tables() -> dict[str, Rows]:
    found = read_zip(export(known_unknowns(), "csv", today=TODAY))  # type: ignore[arg-type]
    return {name: list(csv.DictReader(io.StringIO(text))) for name, text in found.items()}


@pytest.fixture(scope="module")
def popolo() -> dict[str, Any]:
    return check_popolo(str(export(known_unknowns(), "popolo")))


def test_every_list_given_in_part_is_a_row_by_its_path(tables: dict[str, Rows]) -> None:
    rows = [
        (row["entity"], row["entity_type"], row["list"], row["given"], row["further"])
        for row in tables["partial-lists.csv"]
    ]
    assert rows == [
        ("westshire-scp", "partnership", "scrutineers[1].functions", "2", ""),
        ("westshire-scp", "partnership", "scrutiny[1].inputs", "2", "2"),
        ("westshire-scp", "partnership", "scrutiny[1].by", "1", ""),
        ("westshire-scp", "partnership", "scrutiny[1].inputs[2].points", "1", ""),
        ("westshire-scp", "partnership", "vision.points", "2", ""),
        ("westshire-scp", "partnership", "duties[1].items", "2", ""),
        ("westshire-scp", "partnership", "funding.contributions", "2", ""),
        ("neighbours", "collaboration", "members", "1", ""),
        ("board", "group", "responsibilities", "2", "2"),
        ("board", "group", "responsibilities[2].points", "1", ""),
        ("strategy", "document", "items", "2", "3"),
        ("strategy", "document", "monitored_by", "1", ""),
    ]


def test_the_points_of_a_vision_or_purpose_are_items(tables: dict[str, Rows]) -> None:
    partnership = tables["partnerships.csv"][0]
    assert partnership["vision"] == "We want every child to be:"  # the text, never a repr
    items = [
        (row["entity"], row["list"], row["item"], row["text"])
        for row in tables["items.csv"]
        if row["list"] in ("vision", "purpose")
    ]
    assert items == [
        ("westshire-scp", "vision", "1", "safe"),
        ("westshire-scp", "vision", "2", "healthy"),
        ("westshire-scp", "purpose", "1", "Children are safeguarded"),
        ("westshire-scp", "purpose", "2", "Learning is promoted"),
        ("neighbours", "purpose", "1", "learning"),
    ]


def test_the_funding_through_other_bodies_has_its_columns(tables: dict[str, Rows]) -> None:
    partnership = tables["partnerships.csv"][0]
    assert partnership["contributions"] == "2+"  # given only in part
    assert (partnership["budget_hosted_by"], partnership["budget_hosted_by_name"]) == (
        "county-council",
        "Westshire County Council",
    )
    assert partnership["budget_shared_with"] == "county-sab"
    assert partnership["budget_split"] == "westshire-scp 60%; county-sab 40%"
    council = tables["funding-contributions.csv"][0]
    assert council["on_behalf_of"] == "east-district; west-district"
    assert council["on_behalf_of_names"] == "Eastby District Council; Westby District Council"


def test_a_chair_one_of_a_role_is_marked_derived_on_each_holders_post(
    tables: dict[str, Rows],
) -> None:
    posts = {row["post"]: row for row in tables["posts.csv"]}
    roles = posts["dcs"]["roles"].split("; ")
    assert "chair of westshire-scp (derived)" in roles
    # the lead partner it acts for is known by its role and post only: no None is written
    assert "delegated safeguarding partner of westshire-scp (local authority)" in roles
    assert "lead safeguarding partner of westshire-scp" in posts["chief-executive"]["roles"]


def test_a_collaboration_without_a_name_has_an_empty_name_cell(tables: dict[str, Rows]) -> None:
    [collaboration] = tables["collaborations.csv"]
    assert (collaboration["collaboration"], collaboration["name"]) == ("neighbours", "")
    assert collaboration["members"] == "westshire-scp; and more"


def test_popolo_gives_a_seat_to_a_partner_the_source_does_not_name(
    popolo: dict[str, Any],
) -> None:
    seats = {post["id"]: post["label"] for post in popolo["posts"] if "/" in post["id"]}
    assert seats["westshire-scp/partner-1"] == (
        "The integrated care board (the organisation is not named)"
    )
    assert seats["westshire-scp/delegated-1"] == (
        "a senior officer of the ICB (the post is not stated)"
    )
    leads = [
        m
        for m in popolo["memberships"]
        if m["organization_id"] == "westshire-scp" and m["role"] == "lead safeguarding partner"
    ]
    assert [m.get("post_id") or m["member"]["id"] for m in leads] == [
        "chief-executive",
        "police",
        "westshire-scp/partner-1",
    ]


def test_popolo_says_which_lists_are_given_in_part(popolo: dict[str, Any]) -> None:
    organizations = {o["id"]: o for o in popolo["organizations"]}
    neighbours = organizations["neighbours"]
    assert neighbours["name"] == "a collaboration the source does not name"
    assert neighbours["extras"] == {
        "partial": {"members": "and others the source does not name"},
        "named": False,
    }
    assert organizations["board"]["extras"]["partial"] == {
        "responsibilities": "and 2 further responsibilities not named"
    }


def test_csv_and_popolo_count_a_collaborations_members_as_the_dataset_gives_them() -> None:
    """A collaboration that counts two members it does not name, one of which says in
    its own file that it takes part: one is left not named, in both formats."""
    text = KNOWN_UNKNOWNS.replace(
        "    members: [westshire-scp]\n    partial: [{field: members}]",
        "    partial: [{field: members, further: 2}]",
    )
    data = loads(text)
    tables = read_zip(export(data, "csv", today=TODAY))  # type: ignore[arg-type]
    [row] = list(csv.DictReader(io.StringIO(tables["collaborations.csv"])))
    assert row["members"] == "westshire-scp; and 1 more"
    [partial] = [
        r
        for r in csv.DictReader(io.StringIO(tables["partial-lists.csv"]))
        if r["entity"] == "neighbours"
    ]
    assert (partial["given"], partial["further"]) == ("1", "1")
    popolo = check_popolo(str(export(data, "popolo")))
    neighbours = next(o for o in popolo["organizations"] if o["id"] == "neighbours")
    assert neighbours["extras"]["partial"] == {"members": "and 1 further member not named"}
    members = [m for m in popolo["memberships"] if m["organization_id"] == "neighbours"]
    assert [m["member"]["id"] for m in members] == ["westshire-scp"]


def test_partners_the_source_does_not_name_are_rows_that_say_so(tables: dict[str, Rows]) -> None:
    """A lead partner known by its role (and post) only, and a delegated partner whose
    post is not stated, are rows of partners.csv with what is not named: never missing,
    never blank as if none."""
    rows = tables["partners.csv"]
    found = [(r["partner"], r["role"], r["organisation"], r["post"], r["not_named"]) for r in rows]
    assert found == [
        ("lead", "local-authority", "", "chief-executive", "organisation"),
        ("lead", "chief-officer-of-police", "police", "", ""),
        ("lead", "integrated-care-board", "", "", "organisation"),
        ("delegated", "local-authority", "", "dcs", ""),
        ("delegated", "integrated-care-board", "", "", "post"),
        ("delegated", "chief-officer-of-police", "", "", "post"),
    ]
    assert rows[2]["text"] == "The Integrated Care Board"
