"""``safeguarding-model query``: every verb, both formats, exit codes, and bad input
reported as a message with exit status 2, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import safeguarding_model as sm
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
    assert (
        "2. Executive Group -> Isle of Wight Safeguarding Children Partnership: part of "
        "[derived: a top body acts for its partnership]" in out
    )
    assert (
        "3. Isle of Wight Safeguarding Children Partnership -> HIPS Executive Group: escalates to"
        in out
    )
    status, out, _ = _run(capsys, "--format", "json", "escalation", "PQA", "HIPS Executive Group")
    data = json.loads(out)
    assert data["found"] is True
    assert [s["target"]["id"] for s in data["steps"]] == [
        "executive-group",
        "isle-of-wight-scp",
        "hips-executive-group",
    ]


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
    assert "The source does not state its reporting or escalation line." in out


def test_chairs(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "chairs")
    assert status == 0
    assert (
        "Executive Group (executive-group):\n  chair: the partnership chair (Ashley Whittaker"
        in out
    )
    status, out, _ = _run(capsys, "--format", "json", "chairs", "Executive Group")
    [entry] = json.loads(out)["bodies"]
    assert entry["chairs"][0]["holder"]["name"] == "Ashley Whittaker"


def test_sits_on(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "sits-on", "Hampshire and Isle of Wight Constabulary")
    assert status == 0
    # each body once, each capacity on it once: both posts on one line
    assert out.startswith(
        "Hampshire and Isle of Wight Constabulary (hampshire-and-isle-of-wight-constabulary) "
        "sits on 4 bodies\n"
    )
    assert out.count("delegated safeguarding partner for the chief officer of police") == 1
    assert "Rob Mitchell" in out and "Nigel Lecointe" in out
    status, out, _ = _run(
        capsys, "--format", "json", "sits-on", "Hampshire and Isle of Wight Constabulary"
    )
    data = json.loads(out)
    assert data["count"] == len(data["places"]) == 4
    assert [place["of_label"] for place in data["places"]] == [None, "IOWSCP", "IOWSCP", "HIPS"]


def test_members(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "members", "HIPS Executive Group")
    assert status == 0
    assert "Hampshire and Isle of Wight Constabulary [organisation]" in out


def test_structure_and_strict(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "structure")
    assert status == 0
    assert "info: reporting-line-not-stated: Child Exploitation Delivery Subgroup" in out
    assert "Structure: 0 errors, 0 warnings," in out
    # Nothing but what the source does not state remains: strict passes.
    status, _, _ = _run(capsys, "structure", "--strict")
    assert status == 0
    status, out, _ = _run(capsys, "--format", "json", "structure")
    codes = [f["code"] for f in json.loads(out)["findings"]]
    assert "reporting-line-not-stated" in codes
    assert "no-reporting-line" not in codes


def test_strict_fails_on_a_warning(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = _shipped().replace(
        "        not_stated: [meets, reports_to, escalates_to]\n", "        not_stated: [meets]\n"
    )
    path = tmp_path / "unsaid.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["query", str(path), "structure"]) == 0
    assert main(["query", str(path), "structure", "--strict"]) == 1
    assert "warning: no-reporting-line: Child Exploitation" in capsys.readouterr().out


def _shipped() -> str:
    folder = Path(sm.__file__).parent / "data" / "examples"
    return (folder / "isle-of-wight-2024.yaml").read_text(encoding="utf-8")


def test_text_output_cannot_act_on_the_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = _shipped().replace(
        "        name: Learning Inquiry Group\n",
        '        name: "Learning \\e[2J\\e]0;owned\\aInquiry Group"\n',
        1,
    )
    path = tmp_path / "escapes.yaml"
    path.write_text(text, encoding="utf-8")
    for argv in (
        ["members", "learning-inquiry-group"],
        ["accountability", "learning-inquiry-group"],
        ["escalation", "learning-inquiry-group", "hips-executive-group"],
        ["chairs"],
        ["structure"],
    ):
        status = main(["query", str(path), *argv])
        out = capsys.readouterr().out
        assert status == 0, argv
        assert "\x1b" not in out and "\x07" not in out, argv
        assert "Learning \\x1b[2J\\x1b]0;owned\\x07Inquiry Group" in out, argv
    status = main(["query", str(path), "--format", "json", "members", "learning-inquiry-group"])
    data = json.loads(capsys.readouterr().out)
    assert data["body"]["name"] == "Learning \x1b[2J\x1b]0;owned\x07Inquiry Group"


def test_on_a_date(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The shipped 2024 arrangements took effect in September 2024; a subgroup that
    ended in March 2025 is "ended" today, stands "to 2025-03" on a date before, and is
    gone after."""
    text = _shipped().replace(
        "        not_stated: [meets, reports_to, escalates_to]\n",
        '        not_stated: [meets, reports_to, escalates_to]\n        end: "2025-03"\n',
    )
    path = tmp_path / "dated.yaml"
    path.write_text(text, encoding="utf-8")
    status = main(["query", str(path), "chairs", "child-exploitation-delivery-subgroup"])
    out = capsys.readouterr().out
    assert status == 0
    heading = "Child Exploitation Delivery Subgroup (child-exploitation-delivery-subgroup)"
    assert f"{heading} (ended 2025-03)" in out
    status = main(["query", str(path), "--on", "2024-12", "members", "executive-group"])
    out = capsys.readouterr().out
    assert status == 0
    assert out.startswith("The arrangements as they stood on 2024-12.\n")
    assert "Child Exploitation Delivery Subgroup (to 2025-03)" in out
    status = main(["query", str(path), "members", "executive-group", "--on", "2025-06"])
    out = capsys.readouterr().out
    assert status == 0
    assert "Child Exploitation Delivery Subgroup" not in out
    status = main(
        ["query", str(path), "--on", "2025-06", "members", "child-exploitation-delivery-subgroup"]
    )
    assert status == 1  # it is in the data, but did not stand then
    assert capsys.readouterr().err == (
        "safeguarding-model: Child Exploitation Delivery Subgroup (ended 2025-03) did not "
        "stand on 2025-06.\n"
    )
    status = main(["query", str(path), "--on", "2025-06", "members", "Nowhere Group"])
    assert status == 2
    assert "no group, partnership or collaboration" in capsys.readouterr().err
    status = main(["query", str(path), "--on", "2025-06", "--format", "json", "chairs"])
    data = json.loads(capsys.readouterr().out)
    assert data["on"] == "2025-06"
    assert "child-exploitation-delivery-subgroup" not in [b["body"]["id"] for b in data["bodies"]]


def test_on_a_date_before_the_arrangements_took_effect_nothing_stood(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["query", "isle-of-wight-2024", "--on", "2023", "chairs"])
    captured = capsys.readouterr()
    assert status == 1 and captured.out == ""
    assert captured.err == (
        "safeguarding-model: The Isle of Wight Safeguarding Children Partnership's "
        "arrangements in this file took effect 2024-09; nothing stood on 2023.\n"
    )


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
        (["--on", "2023-13", "chairs"], "--on '2023-13' is not a date"),
        (["chairs", "--on", "June 2023"], "--on 'June 2023' is not a date"),
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
