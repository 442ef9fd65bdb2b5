"""``--on DATE`` shows the arrangements as they stood on a date, through the model's
one view on a date (``Dataset.as_of``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import safeguarding_model as sm
from safeguarding_model.cli import main
from safeguarding_model.documents import summary

DATED = """\
schema: safeguarding-model/1
organisations:
  - {id: council, name: North Council, kind: local-authority}
people:
  - {id: ann, name: Ann}
  - {id: bob, name: Bob}
posts:
  - {id: old-chair, title: Independent Chair, independent: true, holder: ann, end: "2022-03"}
  - {id: dcs, title: Director of Children's Services, organisation: council, holder: bob}
partnerships:
  - id: scp
    name: North Safeguarding Children Partnership
    guidance: working-together-2023
    chairs:
      - {post: old-chair, end: "2022-03"}
      - {post: dcs, start: "2022-04"}
    groups:
      - {id: neglect, name: Neglect Task and Finish Group, kind: task-and-finish-group, end: "2021"}
      - {id: board, name: Partnership Board, kind: partnership-board}
"""


@pytest.fixture()
def dated(tmp_path: Path) -> Path:
    path = tmp_path / "north.yaml"
    path.write_text(DATED, encoding="utf-8")
    return path


def test_show_on_a_date_shows_only_what_stood_then(
    dated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(dated), "--on", "2023"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The arrangements as they stood on 2023.\n")
    assert "Bob, Director of Children's Services" in out
    assert "Ann" not in out and "Neglect" not in out
    assert main(["show", str(dated), "--on", "2021-06"]) == 0
    out = capsys.readouterr().out
    assert "Ann, Independent Chair" in out and "Neglect Task and Finish Group" in out
    assert "Bob, Director" not in out


def test_show_on_a_date_as_json_says_the_date(
    dated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(dated), "--on", "2023", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["on"] == "2023"
    assert data == {"on": "2023", "cautions": [], **summary(*_on(dated, "2023"), on="2023")}


def _on(path: Path, on: str) -> tuple[sm.Dataset, sm.Partnership]:
    dataset = sm.load(path).as_of(on)
    return dataset, dataset.partnerships[0]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2023-13", "its month must be from 1 to 12"),
        ("2022-02-30", "its day must be from 1 to 28"),
        ("2023-9", "write it 2023-09"),
        ("June 2023", "write it 2023, 2023-06 or 2023-06-30"),
    ],
)
def test_a_date_that_is_not_one_is_refused_saying_why(
    dated: Path, capsys: pytest.CaptureFixture[str], text: str, reason: str
) -> None:
    assert main(["show", str(dated), "--on", text]) == 2
    assert f"--on {text!r} is not a date: {reason}" in capsys.readouterr().err


def test_a_year_may_be_a_number_in_python(dated: Path) -> None:
    dataset = sm.load(dated)
    assert dataset.as_of(2023) == dataset.as_of("2023")
    with pytest.raises(sm.UsageError, match="a date is asked for, found float"):
        dataset.as_of(2023.5)  # type: ignore[arg-type]


def test_export_on_a_date_exports_only_what_stood_then(
    dated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(dated), "--to", "json", "--on", "2023"]) == 0
    exported = sm.loads(capsys.readouterr().out, format="json")
    assert exported == sm.load(dated).as_of("2023")
    assert [g.id for g in exported.partnerships[0].groups] == ["board"]
    assert [c.post for c in exported.partnerships[0].chairs] == ["dcs"]
    assert main(["export", str(dated), "--to", "markdown", "--on", "2021"]) == 0
    document = capsys.readouterr().out
    assert "Neglect Task and Finish Group" in document and "Bob" not in document


# --- outside a partnership's life: nothing stood -------------------------------------

BEFORE = (
    "safeguarding-model: The Westshire Safeguarding Children Partnership's arrangements "
    "in this file took effect 2019-06; nothing stood on 2018.\n"
)
AFTER = (
    "safeguarding-model: The Westshire Safeguarding Children Partnership ended 2039-03; "
    "nothing stood on 2040.\n"
)


@pytest.mark.parametrize(
    "argv",
    [
        ["show"],
        ["show", "--format", "json"],
        ["export", "--to", "markdown"],
        ["export", "--to", "json"],
        ["export", "--to", "dot"],
        ["query", "chairs"],
        ["query", "--format", "json", "members", "executive"],
    ],
    ids=lambda argv: " ".join(argv),
)
@pytest.mark.parametrize(("on", "said"), [("2018", BEFORE), ("2040", AFTER)])
def test_before_the_start_or_after_the_end_nothing_stood(
    westshire: Path, capsys: pytest.CaptureFixture[str], argv: list[str], on: str, said: str
) -> None:
    command, *rest = argv
    assert main([command, str(westshire), "--on", on, *rest]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == said


def test_nothing_stood_writes_no_file(
    westshire: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "tables"
    assert main(["export", str(westshire), "--to", "csv", "-o", str(target), "--on", "2018"]) == 1
    assert not target.exists()
    assert "took effect 2019-06; nothing stood on 2018" in capsys.readouterr().err


def test_a_partnership_named_that_did_not_stand_is_said_so(
    westshire: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["show", str(westshire), "--partnership", "WSCP", "--on", "2040-01-01"]
    assert main(argv) == 1
    assert "ended 2039-03; nothing stood on 2040-01-01." in capsys.readouterr().err


def test_on_the_last_month_it_still_stood(
    westshire: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(westshire), "--on", "2039-03"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The arrangements as they stood on 2039-03.\n")
    assert "The partnership: to 2039-03." in out  # on that date its end has not passed


# --- an undated taking effect: a caution ----------------------------------------------

UNDATED = """\
schema: safeguarding-model/2
partnerships:
  - id: scp
    name: South Safeguarding Children Partnership
    source: {title: South arrangements, published: "2024-09"}
"""


def test_a_date_before_an_undated_publication_is_cautioned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "south.yaml"
    path.write_text(UNDATED, encoding="utf-8")
    caution = (
        "Caution: these arrangements were published 2024-09 and do not say when they took "
        "effect; they may not have stood on 2023."
    )
    assert main(["show", str(path), "--on", "2023"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"The arrangements as they stood on 2023.\n{caution}\n")
    assert main(["show", str(path), "--on", "2023", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["cautions"] == [caution]
    assert main(["export", str(path), "--to", "markdown", "--on", "2023"]) == 0
    captured = capsys.readouterr()
    assert caution in captured.err and caution in captured.out
    assert main(["query", str(path), "--on", "2023", "chairs"]) == 0
    assert caution in capsys.readouterr().err
    assert main(["show", str(path), "--on", "2024"]) == 0  # the year it was published
    assert "Caution" not in capsys.readouterr().out
    assert main(["show", str(path), "--on", "2024-10"]) == 0  # after: it may have changed
    assert (
        "Caution: the source is of 2024-09; what it does not date is shown as it was then, "
        "and may have changed by 2024-10." in capsys.readouterr().out
    )


# --- without --on: the arrangements as published, with their dates --------------------


def test_show_marks_ended_future_planned_and_known_on(
    westshire: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(westshire)]) == 0
    out = capsys.readouterr().out
    assert "Partnership chair (2)\n  Ann Old, Independent Chair (ended 2021-03)\n" in out
    assert "Bob Now, Director of Children's Services, Westshire Council (2021-04 to 2039-06)" in out
    assert (
        "Partnership chair, planned, not yet in place (1)\n"
        "  rotating among Westshire Council, Westshire and Eastshire Police (planned for 2039-07)"
    ) in out
    assert "Westshire Clinical Commissioning Group (ended by 2022-06-30)" in out
    assert (
        "Cat Seen, Independent Scrutineer (named in a document of 2020-09; tenure not stated)"
        in out
    )
    assert "Relevant agencies (1)\n  Westshire Schools\n" in out
    assert "Relevant agencies, planned, not yet in place (1)\n  Westshire Youth Trust\n" in out
    assert "planned member, not yet in place: A senior leader representing all schools\n" in out
    assert "reports to: Partnership Board (planned)" in out
    assert (
        "Neglect Task and Finish Group [task and finish group] (from 2020-01, ended 2021-12)" in out
    )
    assert (
        "Groups, planned, not yet in place (1)\n  Schools Forum [forum] (planned for 2027-01)"
        in out
    )
    # "the partnership chair" of the board names only the chair in place
    assert "chair: the partnership chair (Bob Now, Director of Children's Services" in out
    assert (
        "Follows Working Together to Safeguard Children 2018 (from 2019-06, ended 2024-08) and "
        "Working Together to Safeguard Children 2023 (from 2024-09)."
    ) in out


def test_show_on_a_date_names_things_as_they_were_and_counts_the_review_from_it(
    westshire: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(westshire), "--on", "2020-06"]) == 0
    out = capsys.readouterr().out
    assert "chief officer of police: Westshire Police\n" in out  # its name in 2020
    assert "Ann Old, Independent Chair (to 2021-03)" in out  # not yet ended then
    assert "Bob Now" not in out.split("Groups")[0]
    assert "planned" not in out  # nothing planned stands on any date
    assert "Review: next review due 2025-12, then 2028, then every three years." in out
    assert main(["show", str(westshire), "--on", "2026"]) == 0
    assert "Review: next review due 2028, then every three years." in capsys.readouterr().out
    assert main(["show", str(westshire), "--on", "2032-06"]) == 0
    assert "Review: next review due 2034, then every three years." in capsys.readouterr().out


def test_show_lists_the_yearly_reports(westshire: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(westshire)]) == 0
    assert (
        "Yearly reports published (1)\n"
        "  2023-04 to 2024-03: Annual Report 2023-24, published 2024-09, presented by Bob Now, "
        "Director of Children's Services, Westshire Council to Partnership Board; sent to "
        "Westshire Council\n"
    ) in capsys.readouterr().out
    assert main(["show", str(westshire), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["yearly_reports"][0]["period"] == "2023-04 to 2024-03"
    assert data["review"]["then_every_years"] == 3
    statuses = {c["text"]: c["status"] for c in data["chairs"]}
    assert list(statuses.values()) == ["ended", "current", "planned"]
    agencies = {a["id"]: a["status"] for a in data["relevant_agencies"]}
    assert agencies == {"schools": "current", "youth-trust": "planned"}
