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
