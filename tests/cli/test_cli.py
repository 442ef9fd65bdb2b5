"""The command line: each verb, its output formats, and bad input without tracebacks."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from safeguarding_model.cli import main
from safeguarding_model.io import load

MALFORMED = Path(__file__).parents[1] / "io" / "malformed"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_examples_lists_every_shipped_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    shipped = {
        "hampshire-plan-2020-23",
        "hips",
        "isle-of-wight-2019",
        "isle-of-wight-2020",
        "isle-of-wight-2024",
    }
    status, out, _ = run(capsys, "examples")
    assert status == 0
    assert all(name in out for name in shipped)
    status, out, _ = run(capsys, "examples", "--format", "json")
    assert {e["name"] for e in json.loads(out)} == shipped


def test_show_text_lists_what_the_issue_asks_for(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "isle-of-wight-2024")
    assert status == 0
    assert "Lead safeguarding partners (3)" in out
    assert "Delegated safeguarding partners (4)" in out
    assert "Relevant agencies (31)" in out
    assert "Functional links (11)" in out
    assert "Groups (7)" in out
    assert "Wendy Perera, Chief Executive, Isle of Wight Council" in out
    assert "Scott MacKechnie, Independent Scrutineer" in out
    groups = re.split(r"\n  (?=\S)", out[out.index("Groups (7)") :])
    lig = next(g for g in groups if g.startswith("Learning Inquiry Group"))
    assert "reports to: Executive Group (quarterly)" in lig
    assert "reports to: Partnership Board (quarterly)" in lig


def test_show_json_for_scripts(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "isle-of-wight-2024", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert len(data["lead_partners"]) == 3
    assert [d["holder"] for d in data["delegated_partners"]] == [
        "Ashley Whittaker",
        "Fiona Holder",
        "Nigel Lecointe",
        "Rob Mitchell",
    ]
    assert data["chairs"][0]["text"].startswith("Ashley Whittaker")
    assert data["scrutineers"][0]["holder"] == "Scott MacKechnie"
    assert len(data["relevant_agencies"]) == 31
    assert len(data["functional_links"]) == 11
    groups = {g["id"]: g for g in data["groups"]}
    assert len(groups) == 7
    assert [line["to"] for line in groups["learning-inquiry-group"]["reports_to"]] == [
        "executive-group",
        "partnership-board",
    ]
    assert (
        groups["workforce-development-group"]["joint_with"][0]["id"]
        == "iow-safeguarding-adults-board"
    )


def test_show_2019_lists_what_is_not_stated(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "isle-of-wight-2019")
    assert status == 0
    assert "Working Together to Safeguard Children 2018" in out
    assert "Not stated in the source:" in out


def test_validate_reports_valid_and_invalid(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "validate", "isle-of-wight-2024")
    assert status == 0 and "valid" in out
    status, out, err = run(capsys, "validate", str(MALFORMED / "02-misspelt-group-reference.yaml"))
    assert status == 2
    assert "did you mean `executive-group`" in err
    status, out, _ = run(
        capsys, "validate", str(MALFORMED / "26-many-problems.yaml"), "--format", "json"
    )
    assert status == 2
    report = json.loads(out)
    assert report["valid"] is False and len(report["problems"]) == 3
    assert all(p["line"] and p["column"] and p["path"] for p in report["problems"])


def test_a_misspelt_id_in_a_copy_of_the_shipped_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    copy = tmp_path / "copy.yaml"
    status, _, _ = run(capsys, "export", "isle-of-wight-2024", "--to", "yaml", "-o", str(copy))
    assert status == 0
    text = copy.read_text(encoding="utf-8")
    assert "to: executive-group" in text
    copy.write_text(text.replace("to: executive-group", "to: executive-grop", 1), encoding="utf-8")
    status, _, err = run(capsys, "validate", str(copy))
    assert status == 2
    assert f"{copy}:" in err
    assert "which is not a group" in err
    assert "(did you mean `executive-group`?)" in err


def test_export_round_trips_through_json_and_yaml(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    original = load("isle-of-wight-2024")
    for fmt in ("json", "yaml"):
        target = tmp_path / f"out.{fmt}"
        status, _, _ = run(capsys, "export", "isle-of-wight-2024", "--to", fmt, "-o", str(target))
        assert status == 0
        assert load(target) == original


def test_schema_prints_the_shipped_schema(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "schema")
    assert status == 0
    shipped = (
        Path(__file__).parents[2] / "src/safeguarding_model/data/safeguarding-model.schema.json"
    )
    assert json.loads(out) == json.loads(shipped.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["show", "isle-of-wight-2042"], "did you mean `isle-of-wight-2024`"),
        (["show", "no-such-file.yaml"], "no such file or folder"),
        (
            ["show", "isle-of-wight-2024", "--partnership", "nope"],
            "no partnership in this data has the id or name 'nope'",
        ),
        (
            ["export", "isle-of-wight-2024", "--to", "json", "-o", "/no/such/folder/x.json"],
            "no such folder",
        ),
        (["validate", str(MALFORMED / "12-python-tag.yaml")], "is not allowed"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str
) -> None:
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert fragment in err
    assert "Traceback" not in err


def test_the_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    command = shutil.which("safeguarding-model") or str(
        Path(sys.executable).parent / "safeguarding-model"
    )
    result = subprocess.run(
        [command, "validate", str(MALFORMED / "29-alias-bomb.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "expands to more than" in result.stderr
    assert "Traceback" not in result.stderr
