"""show for a partnership unlike the Isle of Wight, folders, and notebook conveniences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import safeguarding_model as sm
from safeguarding_model.cli import main
from safeguarding_model.errors import LoadError

NORTHSHIRE = """\
schema: safeguarding-model/1
organisations:
  - {id: north-council, name: Northshire County Council, kind: local-authority}
  - {id: south-council, name: Southby Borough Council, kind: local-authority}
  - {id: adults-board, name: Northshire Safeguarding Adults Board, kind: board}
people:
  - {id: helen-briggs, name: Helen Briggs}
  - {id: sam-okoro, name: "Sam \\x1b]0;pwned\\x07 Okoro"}
posts:
  - {id: north-dcs, title: Director of Children's Services, organisation: north-council, holder: helen-briggs, acting: true}
  - {id: south-dcs, title: Director of Children's Services, organisation: south-council, vacant: true}
  - {id: north-ceo, title: Chief Executive, organisation: north-council, holder: sam-okoro}
partnerships:
  - id: northshire-scp
    name: Northshire Safeguarding Children Partnership
    guidance: working-together-2023
    lead_partners:
      - {role: local-authority, organisation: north-council, post: north-ceo}
      - {role: local-authority, organisation: south-council}
    delegated_partners:
      - {post: north-dcs, acts_for: local-authority, organisation: north-council}
      - {post: south-dcs, acts_for: local-authority, organisation: south-council}
    chairs:
      - {post: north-dcs, role: co-chair}
      - {post: south-dcs, role: co-chair}
    groups:
      - id: executive
        name: Executive
        kind: executive-group
        chairs: [{partnership_chair: true}]
      - id: neglect-task-group
        name: Neglect Task and Finish Group
        kind: task-and-finish-group
        start: 2022-04
        end: 2023-11
        joint_with: [adults-board]
        reports_to: [{to: executive, cadence: six-monthly}]
    not_stated: [funding, scrutineers]
"""


@pytest.fixture
def northshire(tmp_path: Path) -> Path:
    path = tmp_path / "northshire.yaml"
    path.write_text(NORTHSHIRE, encoding="utf-8")
    return path


def show(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["show", *argv]) == 0
    return capsys.readouterr().out


def test_show_keeps_vacant_acting_co_chairs_and_dates(
    northshire: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = show(capsys, str(northshire))
    assert (
        "co-chair: Helen Briggs, Director of Children's Services, Northshire County Council (acting)"
        in out
    )
    assert "co-chair: Director of Children's Services, Southby Borough Council (vacant)" in out
    assert "Neglect Task and Finish Group [task and finish group] (from 2022-04 to 2023-11)" in out
    assert "reports to: Executive (six-monthly)" in out
    assert "Independent scrutineer: not stated in the source" in out
    assert "Not stated in the source: funding, scrutineers." in out


def test_show_neutralises_terminal_escapes_in_names(
    northshire: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = show(capsys, str(northshire))
    assert "\x1b" not in out and "\x07" not in out
    assert "Sam \\x1b]0;pwned\\x07 Okoro" in out


def test_show_lists_the_partnership_escalation_and_its_collaborations(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = show(capsys, "isle-of-wight-2024")
    assert "The partnership escalates to\n  HIPS Executive Group" in out
    assert "Collaboration: Hampshire, Isle of Wight, Portsmouth and Southampton" in out
    assert "sits under: HIPS Executive Group" in out
    data = json.loads(show(capsys, "isle-of-wight-2024", "--format", "json"))
    assert [c["id"] for c in data["collaborations"]] == ["hips"]
    assert [line["to"] for line in data["escalates_to"]] == ["hips-executive-group"]


def test_show_2019_says_not_stated_rather_than_none(capsys: pytest.CaptureFixture[str]) -> None:
    out = show(capsys, "isle-of-wight-2019")
    assert "Delegated safeguarding partners: not stated in the source" in out
    assert "Groups: not stated in the source" in out
    assert "Delegated safeguarding partners (0)" not in out


def test_show_refuses_a_source_without_partnerships(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "orgs.yaml"
    path.write_text("schema: safeguarding-model/1\norganisations: []\n", encoding="utf-8")
    assert main(["show", str(path)]) == 2
    assert "holds no partnerships" in capsys.readouterr().err


def test_a_folder_passes_over_hidden_folders_and_schema_files(
    tmp_path: Path, northshire: Path
) -> None:
    folder = tmp_path / "project"
    (folder / ".github" / "workflows").mkdir(parents=True)
    (folder / ".github" / "workflows" / "ci.yml").write_text("on: [push]\n", encoding="utf-8")
    (folder / ".vscode").mkdir()
    (folder / ".vscode" / "settings.json").write_text("{}", encoding="utf-8")
    (folder / "safeguarding-model.schema.json").write_text("{}", encoding="utf-8")
    (folder / "northshire.yaml").write_text(
        northshire.read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert sm.load(folder) == sm.load(northshire)


def test_a_folder_names_the_file_of_both_ends_of_a_repeated_id(tmp_path: Path) -> None:
    head = "schema: safeguarding-model/1\norganisations:\n"
    (tmp_path / "a.yaml").write_text(head + "  - {id: council, name: A, kind: local-authority}\n")
    (tmp_path / "b.yaml").write_text(head + "  - {id: council, name: B, kind: local-authority}\n")
    with pytest.raises(LoadError) as caught:
        sm.load(tmp_path)
    message = str(caught.value)
    assert f"{tmp_path / 'b.yaml'}:3:" in message
    assert f"(first by the organisation at {tmp_path / 'a.yaml'}:3:5, organisations[0])" in message


def test_a_json_file_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "notepad.json"
    text = sm.dumps(sm.load("isle-of-wight-2019"), "json")
    path.write_bytes("\ufeff".encode() + text.encode("utf-8"))
    assert sm.load(path) == sm.load("isle-of-wight-2019")


def test_numbers_in_other_bases_stay_as_written(tmp_path: Path) -> None:
    text = NORTHSHIRE.replace("name: Executive\n", "name: Executive\n        short_name: 12:30\n")
    dataset = sm.loads(text)
    assert dataset.partnership().group("executive").short_name == "12:30"


def test_notebook_conveniences(northshire: Path) -> None:
    dataset = sm.load(northshire)
    assert repr(dataset).startswith("Dataset(organisations=3, people=2, posts=3")
    assert len(repr(sm.load("isle-of-wight-2024"))) < 200
    data = sm.to_data(dataset.partnership().groups[1])
    assert json.loads(json.dumps(data))["reports_to"] == [
        {"to": "executive", "cadence": "six-monthly"}
    ]
    assert str(sm.Cadence.SIX_MONTHLY) == "six-monthly"
    assert sm.ChairRole.CO_CHAIR.label == "co-chair"
    assert "importlib" not in dir(sm) and "load" in dir(sm)
    with pytest.raises(KeyError, match="did you mean `neglect-task-group`"):
        dataset.get("neglect-task-grop")
