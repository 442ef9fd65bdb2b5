"""The CSV tables of every fact issue 10 added, read back by Python's csv module: chairs
of every kind, lines with their meaning, scrutiny, funding, governed documents,
duties, events, approval, organisations' and posts' new columns, groups' footprint,
partial lists and fields not stated. The tables and columns are those the
documentation describes."""

from __future__ import annotations

import csv
import datetime
import io
import re
from pathlib import Path

import attrs
import pytest
from consumers import BLOCK_STARTS, read_csv, read_zip, with_texts
from hypothesis import given
from variety import variety

from safeguarding_model.exporters import export, export_to
from safeguarding_model.exporters.builtin.csv import FORMULA_STARTS, NOT_STATED
from safeguarding_model.exporters.escape import clean
from safeguarding_model.model import Dataset, PartialList
from safeguarding_model.model.meaning import members_given
from strategies import NASTY, rich_datasets

TODAY = datetime.date(2026, 1, 1)
DOCS = Path(__file__).parents[2] / "docs" / "exporters.md"

Rows = list[dict[str, str]]

STATUSES = {"current", "ended", "future", "planned"}


@pytest.fixture(scope="module")
def data() -> Dataset:
    return variety()


@pytest.fixture(scope="module")
def tables(data: Dataset) -> dict[str, Rows]:
    """Every table of the variety dataset, each row a dict by column."""
    found = read_zip(export(data, "csv", today=TODAY))  # type: ignore[arg-type]
    return {name: _rows(text) for name, text in found.items()}


def _rows(text: str) -> Rows:
    read_csv(text)  # every row as wide as the header
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _by(rows: Rows, **match: str) -> dict[str, str]:
    found = [row for row in rows if all(row[k] == v for k, v in match.items())]
    assert len(found) == 1, (match, found)
    return found[0]


def documented_tables() -> dict[str, list[str]]:
    """The tables and columns docs/exporters.md describes under "CSV tables"."""
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index("\n## CSV tables") :]
    section = section[: section.index("\n## ", 1)]
    found: dict[str, list[str]] = {}
    for part in section.split("\n### ")[1:]:
        name = part.splitlines()[0].strip()
        found[name] = re.findall(r"^\| `([a-z_]+)` \|", part, re.MULTILINE)
    return found


def test_every_table_and_column_is_documented_in_order(iow: Dataset) -> None:
    written = read_zip(export(iow, "csv"))  # type: ignore[arg-type]
    headers = {name: read_csv(text)[0] for name, text in written.items()}
    assert headers == documented_tables()
    assert len(headers) == 18
    assert "eighteen tables" in DOCS.read_text(encoding="utf-8")


def test_the_same_files_are_written_whatever_the_data_holds(iow: Dataset, data: Dataset) -> None:
    empty = read_zip(export(Dataset(), "csv"))  # type: ignore[arg-type]
    assert set(empty) == set(read_zip(export(iow, "csv"))) == set(read_zip(export(data, "csv")))  # type: ignore[arg-type]
    assert all(len(read_csv(text)) == 1 for text in empty.values())


def test_chairs_as_the_data_gives_them(tables: dict[str, Rows]) -> None:
    chairs = tables["chairs.csv"]
    kinds = [(row["body"], row["entry"], row["role"], row["chair_type"]) for row in chairs]
    assert kinds == [
        ("northshire-scp", "1", "chair", "post"),
        ("northshire-scp", "2", "vice-chair", "text"),
        ("leaders", "1", "chair", "role"),
        ("board", "1", "chair", "partnership-chair"),
        ("board", "2", "vice-chair", "person"),
        ("audit", "1", "chair", "organisation"),
        ("audit", "2", "co-chair", "role"),
        ("exploitation", "1", "chair", "rotation"),
        ("exploitation", "2", "deputy-chair", "nominated"),
    ]
    leaders = _by(chairs, body="leaders")
    assert leaders["chair"] == "lead-safeguarding-partners"
    assert leaders["chair_name"] == "one of the lead safeguarding partners in turn"
    assert (leaders["rotating"], leaders["rotation_period"]) == ("yes", "annually")
    assert leaders["rotation_in_order"] == NOT_STATED  # no order for a role's holders
    police = _by(chairs, body="audit", entry="1")
    assert (police["chair"], police["chair_name"]) == ("police", "Northshire Police")
    assert police["rotating"] == "no" and police["rotates_among"] == ""  # not "rotating among"
    one_of = _by(chairs, body="audit", entry="2")
    assert one_of["chair_name"] == "one of the delegated safeguarding partners"
    assert one_of["rotating"] == "no" and one_of["rotation_period"] == ""
    rotation = _by(chairs, body="exploitation", entry="1")
    assert rotation["rotates_among"] == "north-council; police; icb"
    assert rotation["rotates_among_names"].split("; ")[1] == "Northshire Police"
    assert (rotation["rotation_period"], rotation["rotation_in_order"]) == (
        "Every two years",
        "yes",
    )
    nominated = _by(chairs, body="exploitation", entry="2")
    assert (nominated["nominated_by"], nominated["nominated_by_name"]) == (
        "board",
        "Partnership Board",
    )
    person = _by(chairs, body="board", entry="2")
    assert (person["chair"], person["chair_name"]) == ("sam-cole", "Sam Cole")
    text_only = _by(chairs, body="northshire-scp", entry="2")
    assert text_only["chair"] == "" and text_only["text"] == "A vice-chair chosen from the partners"


def test_an_independent_chair_who_scrutinises_is_one_post_in_both_tables(
    tables: dict[str, Rows],
) -> None:
    chair = _by(tables["chairs.csv"], body="northshire-scp", entry="1")
    scrutiny = _by(tables["scrutiny.csv"], kind="independent-chair")
    assert chair["chair"] == scrutiny["by"] == "independent-chair"
    roles = _by(tables["posts.csv"], post="independent-chair")["roles"]
    assert "chair of northshire-scp" in roles and "independent scrutineer of" in roles


def test_lines_keep_their_meaning(tables: dict[str, Rows]) -> None:
    lines = tables["reporting-lines.csv"]
    found = [(row["from"], row["kind"], row["list"], row["to"]) for row in lines]
    assert found == [
        ("northshire-scp", "accountable-to", "reports_to", "leaders"),
        ("northshire-scp", "for-information", "reports_to", "hwb"),
        ("board", "accountable-to", "reports_to", "leaders"),
        ("board", "for-information", "reports_to", "hwb"),
        ("board", "escalates-to", "escalates_to", "leaders"),
        ("audit", "advises", "reports_to", "board"),
        ("exploitation", "accountable-to", "reports_to", "board"),
        ("team-manager", "for-information", "lines", "audit"),
        ("dcs", "accountable-to", "lines", "leaders"),
        ("cabinet-member", "reports-to", "lines", "board"),
        ("regional-executive", "for-information", "lines", "northshire-scp"),
    ]
    either = _by(lines, **{"from": "board", "to": "hwb"})
    assert (either["alternatives"], either["alternatives_names"]) == (
        "csp",
        "Northshire Community Safety Partnership",
    )
    assert either["cadence"] == "" and either["cadence_text"] == "Bi-monthly and as required"
    assert either["subject"] == "The yearly report"
    assert _by(lines, **{"from": "board", "list": "escalates_to"})["condition"] == "By exception"
    data = _by(lines, **{"from": "team-manager"})
    assert (data["owner"], data["cadence"], data["subject"]) == (
        "northshire-scp",
        "quarterly",
        "Performance data",
    )
    assert _by(lines, **{"from": "regional-executive"})["owner"] == "region"
    assert not any(row["to"] == "csp" for row in lines)  # an alternative is not a line of its own
    routed = _by(lines, **{"from": "exploitation"})
    assert (routed["via"], routed["via_names"]) == ("audit", "Audit Subgroup")
    unsaid = _by(lines, **{"from": "cabinet-member"})
    assert unsaid["kind"] == "reports-to"  # its meaning not stated: never accountable-to


def test_scrutiny_duties_events_and_their_items(tables: dict[str, Rows]) -> None:
    scrutiny = tables["scrutiny.csv"]
    assert [row["kind"] for row in scrutiny] == [
        "independent-chair",
        "young-scrutineers",
        "framework",
    ]
    youth = _by(scrutiny, kind="young-scrutineers")
    assert (youth["name"], youth["by_role"], youth["start"]) == (
        "Youth Forum",
        "relevant-agencies",
        "2023-04",
    )
    programme = _by(scrutiny, kind="framework")
    assert programme["by"] == "cabinet-member; pat-reid"
    assert programme["by_names"].endswith("; Pat Reid")
    assert programme["inputs"] == "3"
    items = tables["items.csv"]
    inputs = [
        (row["item"], row["text"])
        for row in items
        if row["list"] == "scrutiny" and row["entry"] == programme["entry"]
    ]
    assert inputs == [
        ("1", "Multi-agency audits"),
        ("2", "Performance data"),
        ("2.1", "Quarterly data"),
        ("2.2", "Six-monthly analysis"),
        ("3", "Voice of children"),
    ]
    duties = tables["duties.csv"]
    assert [(d["of"], d["post"], d["items"], d["text"]) for d in duties] == [
        ("delegated-safeguarding-partners", "", "3", ""),
        ("relevant-agencies", "", "0", "Relevant agencies must co-operate with the arrangements"),
        ("", "independent-chair", "1", ""),
    ]
    assert duties[2]["post_name"] == "Pat Reid, Independent Chair"
    assert [r["text"] for r in items if r["list"] == "duties" and r["entry"] == "1"] == [
        "Speak for their organisation",
        "Commit resources",
        "Hold each other to account",
    ]
    events = tables["events.csv"]
    assert [(e["name"], e["kind"], e["every"], e["every_text"], e["by"]) for e in events] == [
        ("Annual conference", "event", "annually", "", "board"),
        ("Newsletter", "product", "", "After every Board meeting", "team-manager"),
    ]
    assert events[1]["to"] == "board; north-council"


def test_vision_values_and_principles_are_kept_apart_from_aims(tables: dict[str, Rows]) -> None:
    partnership = _by(tables["partnerships.csv"], partnership="northshire-scp")
    assert partnership["vision"] == "Every child in Northshire is safe"
    assert partnership["purpose"] == "To lead safeguarding across the county"
    assert (partnership["values"], partnership["principles"], partnership["aims"]) == (
        "2",
        "2",
        "1",
    )
    lists = {(row["entity"], row["list"], row["item"]): row["text"] for row in tables["items.csv"]}
    assert lists["northshire-scp", "principles", "2.1"] == "Partners share information"
    assert lists["northshire-scp", "aims", "1"] == "Work together"
    assert lists["region", "outcomes", "1.2"] == "Data is shared"
    assert lists["exploitation-strategy", "items", "2.1"] == "Disrupt"


def test_funding_contributions_the_rule_and_the_approval(tables: dict[str, Rows]) -> None:
    contributions = tables["funding-contributions.csv"]
    assert [
        (c["organisation"], c["amount"], c["percent"], c["in_kind"], c["period"])
        for c in contributions
    ] == [
        ("north-council", "120000", "", "", "2024-04 to 2025-03"),
        ("police", "", "33.5", "", ""),
        ("shared-services", "", "", "Accommodation; Legal services", ""),
    ]
    partnership = _by(tables["partnerships.csv"], partnership="northshire-scp")
    assert partnership["funding_rule"] == "Equal shares"
    assert partnership["budget_agreed_by_role"] == "lead-safeguarding-partners"
    assert partnership["budget_agreed_every"] == "Every year"
    assert partnership["contributions"] == "3"
    assert partnership["approved_by"] == "north-council; police; icb"
    assert partnership["approval_date"] == "2024-09"
    assert partnership["approval_instrument"] == "A signed agreement"


def test_governed_documents(tables: dict[str, Rows]) -> None:
    documents = tables["documents.csv"]
    strategy = _by(documents, document="exploitation-strategy")
    assert (strategy["kind"], strategy["owner"], strategy["owner_name"]) == (
        "strategy",
        "region",
        "Four Areas Collaboration",
    )
    assert (strategy["monitored_by"], strategy["delivered_by"]) == (
        "northshire-scp",
        "exploitation",
    )
    assert (strategy["period"], strategy["items"], strategy["status"]) == (
        "2023 to 2026",
        "2",
        "current",
    )
    assert (strategy["reviewed"], strategy["next_review"]) == ("2024-03", "2026")
    plan = _by(documents, document="delivery-plan")
    assert (plan["delivers"], plan["delivers_title"]) == (
        "exploitation-strategy",
        "Child Exploitation Strategy 2023-26",
    )
    assert (plan["status"], plan["start"]) == ("planned", "2039-01")  # never current


def test_organisations_posts_and_groups_have_their_new_columns(tables: dict[str, Rows]) -> None:
    organisations = tables["organisations.csv"]
    company = _by(organisations, organisation="shared-services")
    assert company["kind"] == "company"
    assert company["owned_by"] == "north-council; south-council"
    assert company["parent"] == ""  # owned by is not part of
    trust = _by(organisations, organisation="north-trust")
    assert (trust["delivers_for"], trust["delivers_for_names"]) == (
        "north-council",
        "Northshire County Council",
    )
    ccgs = _by(organisations, organisation="ccgs")
    assert (ccgs["collective"], ccgs["count"]) == ("yes", "8")
    assert _by(organisations, organisation="police")["count"] == ""
    member = _by(tables["posts.csv"], post="cabinet-member")
    assert (member["elected"], member["also_chairs"], member["also_chairs_names"]) == (
        "yes",
        "hwb",
        "Northshire Health and Wellbeing Board",
    )
    groups = tables["groups.csv"]
    assert _by(groups, group="leaders")["kind"] == "leadership-group"
    board = _by(groups, group="board")
    assert (board["meets"], board["meets_text"]) == ("", "At least three times a year")
    audit = _by(groups, group="audit")
    assert (audit["covers"], audit["scope"], audit["parent"]) == (
        "north-council; south-council",
        "children",
        "board",
    )
    assert audit["meets"] == NOT_STATED  # the source does not say, which is not "none"
    exploitation = _by(groups, group="exploitation")
    assert exploitation["ends_when"] == "When the strategy's objectives are met"
    assert exploitation["scope"] == "all-age"


def test_partial_lists_are_never_shown_as_complete(tables: dict[str, Rows]) -> None:
    partial = tables["partial-lists.csv"]
    assert [(p["entity"], p["list"], p["given"], p["further"], p["text"]) for p in partial] == [
        ("northshire-scp", "relevant_agencies", "3", "", "including"),
        ("northshire-scp", "groups", "4", "2", ""),
        ("region", "members", "1", "3", "and the three other partnerships"),
        ("board", "members", "3", "3", "and three other members"),
    ]
    region = _by(tables["collaborations.csv"], collaboration="region")
    assert region["members"] == "northshire-scp; and 3 more"
    assert region["member_names"] == "Northshire Safeguarding Children Partnership; and 3 more"
    assert region["areas"] == "north-council; south-council"  # a list given whole


def test_a_partial_count_and_an_empty_partial_list(data: Dataset) -> None:
    partnership = data.partnerships[0]
    marked = attrs.evolve(
        partnership,
        partial=(*partnership.partial, PartialList(field="values", text="among others")),
    )
    region = attrs.evolve(data.collaborations[0], members=(), areas=())
    region = attrs.evolve(region, partial=(PartialList(field="areas"),))
    changed = attrs.evolve(data, partnerships=(marked,), collaborations=(region,))
    found = read_zip(export(changed, "csv", today=TODAY))  # type: ignore[arg-type]
    assert _rows(found["partnerships.csv"])[0]["values"] == "2+"
    row = _rows(found["collaborations.csv"])[0]
    assert (row["members"], row["areas"], row["area_names"]) == ("", "and more", "and more")


def test_not_stated_is_never_none_or_empty(data: Dataset) -> None:
    partnership = attrs.evolve(
        data.partnerships[0],
        vision=None,
        funding=None,
        approval=None,
        values=(),
        not_stated=("vision", "funding", "approval", "values"),
    )
    changed = attrs.evolve(data, partnerships=(partnership,))
    found = read_zip(export(changed, "csv", today=TODAY))  # type: ignore[arg-type]
    row = _rows(found["partnerships.csv"])[0]
    assert row["vision"] == row["values"] == NOT_STATED
    assert row["purpose"] == "To lead safeguarding across the county"
    for column in ("funding_rule", "budget_agreed_by", "contributions", "approved_by"):
        assert row[column] == NOT_STATED, column
    unstated = [(r["entity"], r["field"]) for r in _rows(found["unstated.csv"])]
    assert ("northshire-scp", "funding") in unstated and ("audit", "meets") in unstated
    alone = attrs.evolve(partnership, not_stated=())
    found = read_zip(export(attrs.evolve(data, partnerships=(alone,)), "csv", today=TODAY))  # type: ignore[arg-type]
    row = _rows(found["partnerships.csv"])[0]
    assert row["vision"] == row["funding_rule"] == ""  # the data gives nothing: empty


def test_fields_unstated_for_a_period(tables: dict[str, Rows], data: Dataset) -> None:
    periods = [
        (r["entity"], r["field"], r["start"], r["end"], r["status"])
        for r in tables["unstated.csv"]
        if r["start"] or r["end"]
    ]
    assert periods == [
        ("northshire-scp", "scrutiny", "2020", "2021-03", "ended"),
        ("audit", "description", "2021-04", "2021-09", "ended"),
    ]
    found = read_zip(export(data, "csv", on="2020-06"))  # type: ignore[arg-type]
    assert _rows(found["scrutiny.csv"]) == []  # not stated then: no mechanism is listed
    unstated = {
        r["field"]: r
        for r in _rows(found["unstated.csv"])
        if r["entity"] == data.partnerships[0].id
    }
    assert unstated["scrutiny"]["on"] == "2020-06" and unstated["scrutiny"]["start"] == ""


def test_a_folder_of_the_tables_reads_back(data: Dataset, tmp_path: Path) -> None:
    folder = export_to(data, "csv", tmp_path / "tables", today=TODAY)
    for path in folder.iterdir():
        with path.open(newline="", encoding="utf-8") as file:
            rows = list(csv.reader(file))
        assert rows and all(len(row) == len(rows[0]) for row in rows), path.name


def test_new_text_reads_back_exactly_and_never_runs_as_a_formula(data: Dataset) -> None:
    names = [*(n for n in NASTY if n.strip()), *BLOCK_STARTS]
    nasty = with_texts(data, names)
    tables = read_zip(export(nasty, "csv", today=TODAY))  # type: ignore[arg-type]
    for name, text in tables.items():
        for row in read_csv(text):
            for cell in row:
                assert not cell.startswith(FORMULA_STARTS), (name, cell)
    expected = {("'" if clean(n).startswith(FORMULA_STARTS) else "") + clean(n) for n in names}
    seen = {
        row[column]
        for name, column in (
            ("reporting-lines.csv", "condition"),
            ("reporting-lines.csv", "subject"),
            ("reporting-lines.csv", "cadence_text"),
            ("chairs.csv", "rotation_period"),
            ("partnerships.csv", "vision"),
            ("partnerships.csv", "funding_rule"),
            ("documents.csv", "title"),
            ("groups.csv", "meets_text"),
            ("groups.csv", "ends_when"),
            ("events.csv", "every_text"),
            ("items.csv", "text"),
        )
        for row in _rows(tables[name])
        if row[column] and row[column] != NOT_STATED
    }
    assert seen and seen <= expected


def _nested_partial(value: object) -> int:
    """How many partial lists the entries held by ``value`` give (an item's points, a
    duty's items, the funding's contributions): its own and its groups' aside."""
    if isinstance(value, tuple):
        return sum(len(getattr(entry, "partial", ())) + _nested_partial(entry) for entry in value)
    if not attrs.has(type(value)):
        return 0
    skip = {"partial", "not_stated_for", "predecessors", "former_names", "groups"}
    found = 0
    for field in attrs.fields(type(value)):
        if field.name not in skip:
            entry = getattr(value, field.name)
            if attrs.has(type(entry)):
                found += len(getattr(entry, "partial", ()))
            found += _nested_partial(entry)
    return found


@given(rich_datasets(max_groups=4))
def test_every_line_and_chair_is_one_row_and_every_partial_list_is_listed(
    dataset: Dataset,
) -> None:
    found = {
        name: _rows(text)
        for name, text in read_zip(export(dataset, "csv", today=TODAY)).items()  # type: ignore[arg-type]
    }
    lines = sum(
        len(p.reports_to) + len(p.escalates_to) + len(p.lines) for p in dataset.partnerships
    )
    lines += sum(len(c.lines) for c in dataset.collaborations)
    lines += sum(len(g.reports_to) + len(g.escalates_to) for _, g in dataset.groups())
    assert len(found["reporting-lines.csv"]) == lines
    chairs = sum(len(p.chairs) for p in dataset.partnerships)
    chairs += sum(len(g.chairs) for _, g in dataset.groups())
    assert len(found["chairs.csv"]) == chairs
    assert all(
        row["status"] in STATUSES for rows in found.values() for row in rows if "status" in row
    )
    # a collaboration's members are those the dataset gives it (its count of members not
    # named drops by the partnerships that say they take part)
    partial = [
        (entity.id, entry.field)
        for entity in (
            *dataset.partnerships,
            *(members_given(dataset, c) for c in dataset.collaborations),
            *(g for _, g in dataset.groups()),
        )
        for entry in entity.partial
    ]
    partial += [(d.id, entry.field) for d in dataset.documents for entry in d.partial]
    rows = [(row["entity"], row["list"]) for row in found["partial-lists.csv"]]
    own = [(entity, field) for entity, field in rows if "." not in field and "[" not in field]
    assert sorted(own) == sorted(partial)
    # and the lists inside their entries (an item's points, a duty's items...), each once
    entities = (
        *dataset.partnerships,
        *dataset.collaborations,
        *(g for _, g in dataset.groups()),
        *dataset.documents,
    )
    assert len(rows) - len(own) == sum(_nested_partial(entity) for entity in entities)
    for row in found["chairs.csv"]:
        if row["rotating"] == "yes":
            assert row["rotation_period"] and row["rotation_in_order"] in ("yes", NOT_STATED)


def test_the_partnerships_own_members_and_some_of_a_role(tables: dict[str, Rows]) -> None:
    members = tables["memberships.csv"]
    own = [
        (m["entry"], m["member_type"], m["member"], m["member_name"], m["some"])
        for m in members
        if m["group"] == "northshire-scp"
    ]
    assert own == [
        (
            "1",
            "post",
            "dcs",
            "Director of Children's Services, Northshire County Council (holder not stated)",
            "",
        ),
        ("2", "role", "relevant-agencies", "some of the relevant agencies", "yes"),
        ("3", "chair-of", "audit", "the chair of Audit Subgroup", ""),
    ]
    some = _by(members, group="audit")
    assert (some["some"], some["text"]) == ("yes", "A number of relevant agencies")
    partnership = _by(tables["partnerships.csv"], partnership="northshire-scp")
    assert (partnership["meets"], partnership["meets_text"]) == ("quarterly", "")
    chair = _by(tables["chairs.csv"], body="board", entry="2")
    assert (chair["known_on"], chair["start"], chair["status"]) == ("2024-09", "", "current")
