"""``safeguarding-model check`` and ``safeguarding-model rules``: exit statuses, the three
output formats (the JSON read back by ``json``, the Markdown by a CommonMark reading of
its table), and messages for bad requests, never a traceback."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from safeguarding_model.cli import main
from safeguarding_model.hooks.manager import NO_PLUGINS_ENV


@pytest.fixture(autouse=True)
def _builtins_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NO_PLUGINS_ENV, "1")
    from safeguarding_model.rules import reset_default_manager

    reset_default_manager()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_2024_passes_by_the_2023_edition(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _err = run(
        capsys, "check", "isle-of-wight-2024", "--edition", "working-together-2023"
    )
    assert status == 0, out
    assert "Edition: Working Together to Safeguard Children 2023, as asked (--edition)." in out
    assert "Result: no “must” is unmet" in out
    assert "Errors:" not in out
    assert "(today)" in out.splitlines()[0]


def test_2019_fails_by_the_2023_edition_with_its_reasons(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(
        capsys, "check", "isle-of-wight-2019", "--edition", "working-together-2023"
    )
    assert status == 1
    errors = out.split("Errors: a “must” not met", 1)[1].split("\n\n", 1)[0]
    assert "error: ca2004-icb-partner: partnerships[0].lead_partners[1]:" in errors
    assert "error: wt2023-partnership-chair:" in errors
    assert "error: wt2023-lead-posts:" in errors
    assert "source: Children Act 2004, s.16E(3)(b), as amended by the Health and Care Act" in errors


def test_2024_on_today_names_the_edition_it_used(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", "isle-of-wight-2024")
    assert status == 0
    edition = out.splitlines()[1]
    assert re.match(r"Edition: Working Together to Safeguard Children 20(23|26), ", edition)


def test_findings_are_grouped_by_severity_each_with_source_and_status(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(
        capsys,
        "check",
        "isle-of-wight-2019",
        "--on",
        "2026-12-02",
        "--edition",
        "working-together-2023",
    )
    headings = [
        line for line in out.splitlines() if re.match(r"^(Errors|Warnings|Information)", line)
    ]
    assert [h.split(":")[0] for h in headings] == ["Errors", "Warnings", "Information"]
    findings = [line for line in out.splitlines() if re.match(r"^  (error|warning|info): ", line)]
    sources = [line for line in out.splitlines() if line.startswith("      source: ")]
    assert findings and len(findings) == len(sources)
    assert all(
        re.search(r"\((confirmed|secondary|unconfirmed, advisory|no statutory source)\)$", s)
        for s in sources
    )


def test_strict_fails_on_a_should(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, _ = run(capsys, "check", "isle-of-wight-2019", "--on", "2019-09-30")
    assert status == 0
    status, out, _ = run(capsys, "check", "isle-of-wight-2019", "--on", "2019-09-30", "--strict")
    assert status == 1
    assert "NOT MET under --strict" in out


def test_json_is_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "check",
        "isle-of-wight-2019",
        "--on",
        "2026-12-02",
        "--edition",
        "working-together-2023",
        "--format",
        "json",
    )
    data = json.loads(out)
    assert status == 1 and data["failed"] is True and data["on"] == "2026-12-02"
    [result] = data["partnerships"]
    assert result["edition"] == "working-together-2023" and result["chosen"] is True
    errors = [f for f in result["findings"] if f["severity"] == "error"]
    assert {f["rule"] for f in errors} == {
        "ca2004-icb-partner",
        "wt2023-partnership-chair",
        "wt2023-lead-posts",
    }
    first = errors[0]
    assert set(first) >= {"message", "code", "path", "source", "evidence", "modality", "reference"}
    outcomes = {o["rule"]: o["outcome"] for o in result["outcomes"]}
    assert outcomes["cwsa2026-s2-education-agencies"] == "not-in-force"


def test_markdown_is_a_compliance_section(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "check", "isle-of-wight-2024", "--on", "2024-10-01", "--format", "markdown"
    )
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "## Compliance with statutory guidance"
    header = lines.index("| Requirement | Source | Status | Modality | Outcome |")
    assert lines[header + 1] == "|---|---|---|---|---|"
    rows = [line for line in lines[header + 2 :] if line.startswith("| ")]
    assert rows and all(line.count(" | ") == 4 for line in rows)
    assert "| the lead safeguarding partners are the posts the edition names |" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "no-such-file.yaml"], "no-such-file.yaml"),
        (["check", "isle-of-wight-2024", "--on", "2024-13"], "'2024-13' is not a date"),
        (["check", "isle-of-wight-2024", "--on", "2017"], "nothing stood on 2017"),
        (
            ["check", "isle-of-wight-2024", "--assume-in-force", "s9=2027"],
            "'s9' is not a provision",
        ),
        (["check", "isle-of-wight-2024", "--partnership", "nowhere"], "nowhere"),
    ],
)
def test_bad_requests_exit_2_with_a_message(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, _out, err = run(capsys, *argv)
    assert status == 2
    assert message in err and "Traceback" not in err


def test_an_unknown_edition_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["check", "isle-of-wight-2024", "--edition", "working-together-2015"])
    assert raised.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_an_unreadable_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema: safeguarding-model/2\npartnerships: [{id: Bad Id}]\n")
    status, _, err = run(capsys, "check", str(broken))
    assert status == 2 and "broken.yaml" in err


def test_rules_lists_every_rule_with_its_source_status_and_dates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "rules", "--format", "json")
    data = json.loads(out)
    assert status == 0
    ids = [rule["id"] for rule in data["rules"]]
    assert "ca2004-icb-partner" in ids and "wt2026-yearly-report-impact" in ids
    icb = next(rule for rule in data["rules"] if rule["id"] == "ca2004-icb-partner")
    assert icb["start"] == "2022-07-01" and icb["evidence"] == "confirmed"
    assert {rule["evidence"] for rule in data["rules"]} == {
        "confirmed",
        "secondary",
        "unconfirmed",
        None,
    }
    status, out, _ = run(capsys, "rules")
    assert "ca2004-icb-partner  must  confirmed" in out
    assert "source: Children Act 2004, s.16E(3)(b), as amended" in out
    assert "applies from 2022-07-01" in out


def test_rules_for_one_edition_leaves_out_the_other_editions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "rules", "--edition", "working-together-2018", "--format", "json")
    instruments = {rule["instrument"] for rule in json.loads(out)["rules"]}
    assert "working-together-2018" in instruments and "children-act-2004" in instruments
    assert not instruments & {"working-together-2023", "working-together-2026"}


def test_commencement_dates_come_from_the_setting_or_the_option(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ("check", "isle-of-wight-2024", "--on", "2027-02-01", "--format", "json")
    status, out, _ = run(capsys, *argv)
    outcomes = {o["rule"]: o["outcome"] for o in json.loads(out)["partnerships"][0]["outcomes"]}
    assert status == 0 and outcomes["cwsa2026-s3-child-protection-teams"] == "not-in-force"
    monkeypatch.setenv("SAFEGUARDING_MODEL_ASSUME_IN_FORCE", "s2=2027-01-01, s3=2027-01-01")
    status, out, _ = run(capsys, *argv)
    data = json.loads(out)
    assert status == 1 and data["assumptions"] == {"s2": "2027-01-01", "s3": "2027-01-01"}
    outcomes = {o["rule"]: o["outcome"] for o in data["partnerships"][0]["outcomes"]}
    assert outcomes["cwsa2026-s3-child-protection-teams"] == "not-met"
    status, out, _ = run(capsys, *argv, "--assume-in-force", "s3=2028")
    data = json.loads(out)
    assert data["assumptions"] == {"s2": "2027-01-01", "s3": "2028"}
    outcomes = {o["rule"]: o["outcome"] for o in data["partnerships"][0]["outcomes"]}
    assert outcomes["cwsa2026-s3-child-protection-teams"] == "not-in-force"
