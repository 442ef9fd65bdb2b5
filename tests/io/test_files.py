"""Loading files and folders, and the conveniences a notebook user meets first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import safeguarding_model as sm
from safeguarding_model.errors import LoadError


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


def test_numbers_in_other_bases_stay_as_written(northshire: Path) -> None:
    text = northshire.read_text(encoding="utf-8").replace(
        "name: Executive\n", "name: Executive\n        short_name: 12:30\n"
    )
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


def test_problems_are_listed_in_the_order_a_reader_meets_them(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "schema: safeguarding-model/1\norganisations:\n  - id: a\n    kind: polic\n    name: yes\n",
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as caught:
        sm.load(path)
    assert [(p.line, p.path) for p in caught.value.problems] == [
        (4, "organisations[0].kind"),  # the model's order would put the name first
        (5, "organisations[0].name"),
    ]
