"""Format versions: version 1 files read as before, and `migrate` rewrites them."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeguarding_model import load, loads
from safeguarding_model.cli import main
from safeguarding_model.errors import LoadError, UsageError
from safeguarding_model.io.files import migrate
from safeguarding_model.io.versions import migrate_text
from safeguarding_model.model import Instrument

V1 = """\
# written for version 1
schema: safeguarding-model/1
partnerships:
  - id: scp
    name: Example SCP
    guidance: working-together-2018   # the edition of 2018
    effective: "2019-06"
"""


def test_a_version_1_file_is_read_as_its_one_regime() -> None:
    partnership = loads(V1).partnerships[0]
    assert [r.instrument for r in partnership.regimes] == [Instrument.WORKING_TOGETHER_2018]
    assert partnership.guidance is Instrument.WORKING_TOGETHER_2018


def test_a_problem_in_a_version_1_guidance_is_reported_at_its_line() -> None:
    with pytest.raises(LoadError) as caught:
        loads(V1.replace("working-together-2018", "working-together-2019"), name="old.yaml")
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.path) == ("old.yaml", 6, "partnerships[0].guidance")
    assert "working-together-2019" in problem.message


def test_version_1_still_requires_its_guidance() -> None:
    with pytest.raises(LoadError) as caught:
        loads(V1.replace("    guidance: working-together-2018   # the edition of 2018\n", ""))
    (problem,) = caught.value.problems
    assert problem.code == "missing-field" and "`guidance`" in problem.message
    assert problem.line == 4


def test_version_2_does_not_know_guidance() -> None:
    with pytest.raises(LoadError) as caught:
        loads(V1.replace("/1", "/2"))
    assert caught.value.problems[0].code == "unknown-field"
    assert caught.value.problems[0].suggestion is None or "regimes" in str(caught.value)


def test_an_unknown_version_is_named_with_the_versions_read() -> None:
    with pytest.raises(LoadError) as caught:
        loads(V1.replace("/1", "/3"))
    (problem,) = caught.value.problems
    assert problem.code == "unknown-version" and problem.line == 2
    assert "`safeguarding-model/2` or `safeguarding-model/1`" in problem.message


def test_migrating_changes_two_lines_and_keeps_the_rest() -> None:
    migration = migrate_text(V1, name="old.yaml")
    assert migration.changes == (
        "line 2: `schema` is now safeguarding-model/2",
        "line 6: partnership 1's `guidance: working-together-2018` is now "
        "`regimes: [working-together-2018]`",
    )
    assert migration.text == V1.replace("/1", "/2").replace(
        "guidance: working-together-2018", "regimes: [working-together-2018]"
    )
    assert loads(migration.text) == loads(V1)


@pytest.mark.parametrize(
    "written",
    [
        '{"schema": "safeguarding-model/1", "partnerships": [{"id": "scp", "name": "S", '
        '"guidance": "working-together-2023"}]}',
        "schema: 'safeguarding-model/1'\npartnerships:\n"
        "  - {id: scp, name: S, \"guidance\": 'working-together-2023'}  # flow\n",
    ],
    ids=["json", "yaml-flow"],
)
def test_migrating_json_and_flow_style_keeps_quotes_and_comments(written: str) -> None:
    fmt = "json" if written.startswith("{") else "yaml"
    migration = migrate_text(written, name="x", format=fmt)
    assert migration.changed
    assert loads(migration.text, format=fmt) == loads(written, format=fmt)
    assert ("# flow" in migration.text) == ("# flow" in written)


def test_a_current_file_needs_no_migration() -> None:
    current = V1.replace("/1", "/2").replace("guidance:", "regimes:")
    assert not migrate_text(current, name="x").changed


def test_a_value_on_another_line_is_refused_not_mangled() -> None:
    block = V1.replace(
        "guidance: working-together-2018   # the edition of 2018",
        "guidance: >-\n      working-together-2018",
    )
    with pytest.raises(UsageError, match="line 6: the `guidance` key is not on the same line"):
        migrate_text(block, name="x")


def test_migrate_reads_a_folder_and_refuses_a_broken_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(V1, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(V1.replace("scp", "other"), encoding="utf-8")
    assert [m.changed for _, m in migrate(tmp_path)] == [True, True]
    (tmp_path / "b.yaml").write_text(V1.replace("Example SCP", "[unclosed"), encoding="utf-8")
    with pytest.raises(LoadError):
        migrate(tmp_path)


def test_the_command_rewrites_in_place_and_says_what_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.yaml"
    path.write_text(V1, encoding="utf-8")
    assert main(["migrate", str(path), "--check"]) == 1
    assert path.read_text(encoding="utf-8") == V1  # --check writes nothing
    assert main(["migrate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "line 6: partnership 1's `guidance: working-together-2018`" in out
    assert "# the edition of 2018" in path.read_text(encoding="utf-8")
    assert load(path) == loads(V1)
    assert main(["migrate", str(path), "--check"]) == 0
    assert "nothing to change" in capsys.readouterr().out


def test_the_command_writes_elsewhere_with_o(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, target = tmp_path / "old.yaml", tmp_path / "new.yaml"
    path.write_text(V1, encoding="utf-8")
    assert main(["migrate", str(path), "-o", str(target)]) == 0
    assert path.read_text(encoding="utf-8") == V1
    assert "safeguarding-model/2" in target.read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert f"wrote {target}; {path} is unchanged" in err and "rewritten" not in err
    assert main(["migrate", str(tmp_path), "-o", str(target)]) == 2
    assert "-o writes one file" in capsys.readouterr().err


def test_the_command_on_a_missing_file_exits_2_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate", str(tmp_path / "nothing.yaml")]) == 2
    err = capsys.readouterr().err
    assert "no such file" in err and "Traceback" not in err
