"""``safeguarding-model query``: every verb, both formats, exit codes, and bad input
reported as a message with exit status 2, never a traceback."""

from __future__ import annotations

import json

import pytest

from safeguarding_model.cli import COMMANDS, main

SOURCE = "isle-of-wight-2024"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["query", SOURCE, *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_query_is_a_command() -> None:
    assert "query" in COMMANDS


def test_accountability(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "accountability", "Learning Inquiry Group")
    assert status == 0
    assert "Learning Inquiry Group -> Executive Group" in out
    assert "Learning Inquiry Group -> Partnership Board" in out
    assert "Ends at: Wendy Perera" in out


def test_escalation_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "escalation", "PQA", "HIPS Executive Group")
    assert status == 0
    assert "1. Performance and Quality Assurance Group -> Executive Group: escalates to" in out
    assert "2. Executive Group -> HIPS Executive Group: escalates to" in out
    status, out, _ = _run(capsys, "--format", "json", "escalation", "PQA", "HIPS Executive Group")
    data = json.loads(out)
    assert data["found"] is True
    assert [s["target"]["id"] for s in data["steps"]] == ["executive-group", "hips-executive-group"]


def test_format_may_follow_the_verb(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "members", "executive-group", "--format", "json")
    assert status == 0
    assert json.loads(out)["body"]["id"] == "executive-group"


def test_no_escalation_route_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(
        capsys, "escalation", "child-exploitation-delivery-subgroup", "hips-executive-group"
    )
    assert status == 1
    assert out.startswith("No escalation route")


def test_chairs(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "chairs")
    assert status == 0
    assert "Executive Group (executive-group):\n  chair: Ashley Whittaker" in out
    status, out, _ = _run(capsys, "--format", "json", "chairs", "Executive Group")
    [entry] = json.loads(out)["bodies"]
    assert entry["chairs"][0]["holder"]["name"] == "Ashley Whittaker"


def test_sits_on(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "sits-on", "Hampshire and Isle of Wight Constabulary")
    assert status == 0
    assert out.count("delegated safeguarding partner for the chief officer of police") == 2


def test_members(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "members", "HIPS Executive Group")
    assert status == 0
    assert "Hampshire and Isle of Wight Constabulary [organisation]" in out


def test_structure_and_strict(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "structure")
    assert status == 0
    assert "no-reporting-line: Child Exploitation Delivery Subgroup" in out
    status, _, _ = _run(capsys, "structure", "--strict")
    assert status == 1
    status, out, _ = _run(capsys, "--format", "json", "structure")
    codes = [f["code"] for f in json.loads(out)["findings"]]
    assert "no-reporting-line" in codes


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["members", "Executve Group"], "did you mean `Executive Group`"),
        (["sits-on", "chief executive"], "could mean several things"),
        (["members", "wendy-perera"], "is a person"),
        (
            ["escalation", "PQA", "nowhere at all"],
            "no group, partnership, collaboration or organisation",
        ),
    ],
)
def test_bad_names_exit_2_with_a_message(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = _run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_an_unknown_verb_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["query", SOURCE, "whatever"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
