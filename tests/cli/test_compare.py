"""``compare``: partnerships side by side, from a region folder, in every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from safeguarding_model.cli import main
from safeguarding_model.documents.comparison import (
    NOT_GIVEN,
    NOT_STATED,
    compare_partnerships,
)
from safeguarding_model.io import load

ORGS = """\
schema: safeguarding-model/2
organisations:
  - {id: county-police, name: County Police, kind: police}
  - {id: county-icb, name: NHS County, kind: integrated-care-board}
  - {id: north-council, name: North Council, kind: local-authority}
  - {id: south-council, name: South Council, kind: local-authority}
  - {id: east-trust, name: East Trust, kind: nhs-trust}
posts:
  - {id: north-dcs, title: Director of Children's Services, organisation: north-council}
  - {id: scrutineer, title: Independent Scrutineer, independent: true}
"""

NORTH = """\
schema: safeguarding-model/2
partnerships:
  - id: north-scp
    name: North Safeguarding Children Partnership
    regimes: [working-together-2023]
    lead_partners:
      - {role: local-authority, organisation: north-council}
      - {role: integrated-care-board, organisation: county-icb}
      - {role: chief-officer-of-police, organisation: county-police}
    chairs: [{post: north-dcs}]
    scrutineers: [{post: scrutineer}]
    relevant_agencies: [{organisation: east-trust}]
    partial: [{field: relevant_agencies, text: including}]
    groups:
      - {id: north-exec, name: Executive, kind: executive-group}
"""

SOUTH = """\
schema: safeguarding-model/2
partnerships:
  - id: south-scp
    name: South Safeguarding Children Partnership
    not_stated: [regimes, funding]
    lead_partners:
      - {role: local-authority, organisation: south-council}
      - {role: integrated-care-board, organisation: county-icb}
      - {role: chief-officer-of-police, organisation: county-police}
    chairs: [{organisation: county-police}]
"""


@pytest.fixture
def region(tmp_path: Path) -> Path:
    for name, text in (("a-shared.yaml", ORGS), ("north.yaml", NORTH), ("south.yaml", SOUTH)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_partnerships_side_by_side_mark_differences_and_unknowns(region: Path) -> None:
    comparison = compare_partnerships(load(region))
    rows = {a.name: a for a in comparison.aspects}
    assert rows["Statutory regimes"].values == (
        "Working Together to Safeguard Children 2023",
        NOT_STATED,
    )
    assert not rows["Statutory regimes"].differs  # an unknown is not a difference
    assert rows["Chair"].differs
    assert rows["Chair"].values[1] == "organisation only: County Police"
    assert rows["Relevant agencies"].values == ("1: East Trust (partial)", NOT_GIVEN)
    assert rows["Funding"].values == (NOT_GIVEN, NOT_STATED)
    assert rows["Organisations shared with the others"].values == (
        "County Police; NHS County",
        "County Police; NHS County",
    )
    assert not any(v == "none" for a in comparison.aspects for v in a.values)


def test_compare_in_every_format(region: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(region)]) == 0
    text = capsys.readouterr().out
    assert "* Chair" in text and "  Scope" in text
    assert main(["compare", str(region), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["id"] for p in data["partnerships"]] == ["north-scp", "south-scp"]
    assert main(["compare", str(region), "south-scp", "north-scp", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["aspect", "differs", "south-scp", "north-scp"]
    assert main(["compare", str(region), "--format", "markdown"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].startswith("| Aspect |") and all(line.startswith("|") for line in table)
    widths = {line.count(" | ") for line in table if not line.startswith("|---")}
    assert len(widths) == 1  # every row has the header's columns


def test_an_unknown_partnership_is_a_usage_error(
    region: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", str(region), "west-scp"]) == 2
    err = capsys.readouterr().err
    assert "west-scp" in err and "Traceback" not in err


def test_compare_on_a_date_before_anything_stood(
    region: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    north = (region / "north.yaml").read_text(encoding="utf-8")
    (region / "north.yaml").write_text(
        north.replace("    regimes:", '    effective: "2020"\n    regimes:'), encoding="utf-8"
    )
    south = (region / "south.yaml").read_text(encoding="utf-8")
    (region / "south.yaml").write_text(
        south.replace("    not_stated:", '    start: "2021"\n    not_stated:'), encoding="utf-8"
    )
    assert main(["compare", str(region), "--on", "2019"]) == 1
    assert main(["compare", str(region), "--on", "2020-06"]) == 0
    captured = capsys.readouterr()
    assert "as they stood on 2020-06" in captured.out
    assert "South Safeguarding Children Partnership" not in captured.out
