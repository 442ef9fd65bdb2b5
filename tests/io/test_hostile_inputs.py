"""Hostile and broken input: every case is a located error, in bounded work, never a crash.

The malformed-file corpus (``test_malformed.py``) pins messages for files on disk;
these tests cover what a corpus file cannot hold (text with lone surrogates, devices,
named pipes, thousands of problems) and what the loader must do with it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import safeguarding_model as sm
from safeguarding_model.errors import LoadError, UsageError
from safeguarding_model.io import Limits, references

HEAD = "schema: safeguarding-model/1\n"


def only_problem(error: pytest.ExceptionInfo[LoadError]) -> sm.Problem:
    assert len(error.value.problems) == 1, str(error.value)
    return error.value.problems[0]


def run_cli(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The command line in a process of its own, so that a hang fails the test."""
    return subprocess.run(
        [sys.executable, "-m", "safeguarding_model", *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.mark.usefixtures("yaml_loader")
def test_a_lone_surrogate_in_yaml_text_is_located() -> None:
    text = HEAD + "organisations:\n  - id: council\n    name: Council \ud800\n"
    with pytest.raises(LoadError) as caught:
        sm.loads(text, name="mine.yaml")
    problem = only_problem(caught)
    assert (problem.file, problem.line, problem.column) == ("mine.yaml", 4, 19)
    assert "lone surrogate" in problem.message


@pytest.mark.usefixtures("yaml_loader")
def test_a_lone_surrogate_escape_in_yaml_is_refused() -> None:
    text = HEAD + 'organisations:\n  - id: council\n    name: "Council \\ud800"\n'
    with pytest.raises(LoadError) as caught:
        sm.loads(text, name="mine.yaml")
    problem = only_problem(caught)
    assert problem.line == 4  # at the text (pure-Python PyYAML) or the escape (libyaml)
    assert problem.column in (11, 22)


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\ude00\\ud83d"])
def test_a_lone_surrogate_in_json_is_refused_at_load(escape: str) -> None:
    text = (
        '{"schema": "safeguarding-model/1",\n "organisations": [{"id": "council", '
        f'"name": "Council {escape}", "kind": "local-authority"}}]}}'
    )
    with pytest.raises(LoadError) as caught:
        sm.loads(text, format="json", name="mine.json")
    problem = only_problem(caught)
    assert (problem.line, problem.column) == (2, text.split("\n")[1].index('"Council') + 1)
    assert problem.path == "organisations[0].name"


def test_a_surrogate_pair_in_json_is_the_character_it_stands_for() -> None:
    text = (
        '{"schema": "safeguarding-model/1", "organisations": [{"id": "council", '
        '"name": "Council \\ud83d\\ude00", "kind": "local-authority"}]}'
    )
    assert sm.loads(text, format="json").organisations[0].name == "Council \U0001f600"


def test_a_raw_lone_surrogate_in_json_text_is_refused() -> None:
    text = '{"schema": "safeguarding-model/1", "people": [{"id": "a", "name": "A \ud800"}]}'
    with pytest.raises(LoadError) as caught:
        sm.loads(text, format="json", name="mine.json")
    assert only_problem(caught).column == text.index('"A ') + 1


def test_lone_surrogates_never_reach_show_or_export(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(
        '{"schema": "safeguarding-model/1", "organisations": [{"id": "council", '
        '"name": "Council \\ud800", "kind": "local-authority"}]}',
        encoding="utf-8",
    )
    for argv in (["show", str(path)], ["export", str(path), "--to", "yaml"]):
        result = run_cli(*argv)
        assert result.returncode == 2
        assert f"{path}:1:" in result.stderr
        assert "Traceback" not in result.stderr


def test_json_is_held_to_the_value_limit() -> None:
    text = '{"schema": "safeguarding-model/1", "people": [' + ", ".join(["{}"] * 200) + "]}"
    with pytest.raises(LoadError) as caught:
        sm.loads(text, format="json", name="mine.json", limits=Limits(max_values=100))
    problem = only_problem(caught)
    assert "more than 100 values" in problem.message
    assert problem.line == 1 and problem.column is not None


def test_commas_inside_json_text_do_not_count_as_values() -> None:
    text = '{"schema": "safeguarding-model/1", "people": [{"id": "a", "name": "' + "a, " * 500
    dataset = sm.loads(text + '"}]}', format="json", limits=Limits(max_values=100))
    assert dataset.people[0].name.startswith("a, a, ")


def test_json_is_held_to_the_depth_limit() -> None:
    text = '{"schema": "safeguarding-model/1", "aims": ' + "[" * 20 + "]" * 20 + "}"
    with pytest.raises(LoadError) as caught:
        sm.loads(text, format="json", name="mine.json", limits=Limits(max_depth=10))
    problem = only_problem(caught)
    assert "nested more than 10 levels deep" in problem.message
    assert (problem.line, problem.column) == (1, text.index("[") + 10)  # root {, then 9 [


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ('{"schema": "safeguarding-model/1", "aims": [Infinity]}', 45),
        ('{"schema": "safeguarding-model/1", "aims": [-Infinity]}', 45),
    ],
)
def test_json_constants_that_are_not_json_are_refused(text: str, column: int) -> None:
    with pytest.raises(LoadError) as caught:
        sm.loads(text, format="json", name="mine.json")
    problem = only_problem(caught)
    assert "is not a JSON value" in problem.message
    assert (problem.line, problem.column) == (1, column)


def test_a_json_problem_is_located_after_escaped_characters() -> None:
    text = (
        '{"schema": "safeguarding-model/1", "people": [{"id": "\\u00e9\\ud83d\\ude00x", '
        '"name": "A", "nmae": "B"}]}'
    )
    with pytest.raises(LoadError) as caught:
        sm.loads(text, format="json", name="mine.json")
    columns = {p.path: p.column for p in caught.value.problems}
    assert columns["people[0].nmae"] == text.index('"nmae"') + 1


def test_the_did_you_mean_search_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [HEAD, "organisations:\n"]
    for number in range(3000):
        lines.append(
            f"  - {{id: org-{number}, name: Org {number}, kind: local-authority, "
            f"parent: missing-{number}}}\n"
        )
    compared = 0
    original = references.closest

    def counting(word: str, choices: list[str]) -> str | None:
        nonlocal compared
        compared += len(choices)
        return original(word, choices)

    monkeypatch.setattr(references, "closest", counting)
    with pytest.raises(LoadError) as caught:
        sm.loads("".join(lines), name="many.yaml")
    assert len(caught.value.problems) == 3000
    assert all(p.line is not None for p in caught.value.problems)
    assert 0 < compared <= 20_000  # not 3000 x 3000
    first = caught.value.problems[0]
    assert first.line == 3 and "missing-0" in first.message


def test_a_repeated_id_in_a_folder_names_the_file_and_index_of_the_first(tmp_path: Path) -> None:
    head = HEAD + "organisations:\n"
    (tmp_path / "a.yaml").write_text(head + "  - {id: one, name: A, kind: local-authority}\n")
    (tmp_path / "b.yaml").write_text(
        head
        + "  - {id: two, name: B, kind: local-authority}\n"
        + "  - {id: three, name: C, kind: police}\n"
    )
    (tmp_path / "c.yaml").write_text(head + "  - {id: three, name: D, kind: police}\n")
    with pytest.raises(LoadError) as caught:
        sm.load(tmp_path)
    problem = only_problem(caught)
    assert problem.file == str(tmp_path / "c.yaml")
    assert problem.path == "organisations[0].id"
    assert f"first by the organisation at {tmp_path / 'b.yaml'}:4:5, organisations[1]" in (
        problem.message
    )


@pytest.mark.parametrize("source", ["", " "])
def test_an_empty_source_is_an_error_not_the_current_folder(source: str) -> None:
    with pytest.raises(UsageError, match="no source given"):
        sm.load(source)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "region.yaml"
    os.mkfifo(pipe)
    link = tmp_path / "link.yaml"
    link.symlink_to(pipe)
    for path in (pipe, link):
        result = run_cli("validate", str(path), timeout=30)  # a hang fails here
        assert result.returncode == 2
        assert "is a named pipe, not a file" in result.stderr
        assert "Traceback" not in result.stderr
    folder = run_cli("validate", str(tmp_path), timeout=30)
    assert folder.returncode == 2 and "named pipe" in folder.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_at_once(tmp_path: Path) -> None:
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    for path in ("/dev/zero", str(link)):
        result = run_cli("validate", path, timeout=30)  # reading it would never end
        assert result.returncode == 2
        assert "is a device, not a file" in result.stderr
        with pytest.raises(UsageError, match="is a device"):
            sm.load(path)


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="no /proc here")
def test_reading_stops_at_the_limit_whatever_the_file_size_says() -> None:
    maps = Path("/proc/self/maps")
    assert maps.stat().st_size == 0  # the file system says it is empty; it is not
    with pytest.raises(LoadError, match="larger than 100 bytes"):
        sm.load(maps, limits=Limits(max_bytes=100))


def test_the_command_line_reports_json_problems_as_json(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text('{"schema": "safeguarding-model/1", "aims": [' + "1" * 5000 + "]}")
    result = run_cli("validate", str(path), "--format", "json")
    assert result.returncode == 2
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert report["problems"][0]["line"] == 1
    assert "5000 digits" in report["problems"][0]["message"]


def _load_codes() -> set[str]:
    """Every code the loading modules give a problem: the ``code=`` of a diagnostic and
    the first argument of the readers' ``problem`` helpers."""
    import ast

    folder = Path(sm.__file__).parent / "io"
    found = set()
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            values = [k.value for k in node.keywords if k.arg == "code"]
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in ("problem", "_problem") and node.args:
                values.append(node.args[0])
            found |= {v.value for v in values if isinstance(v, ast.Constant) and v.value}
            if isinstance(node.func, ast.Name) and node.func.id == "_character_message":
                found |= {"control-character", "lone-surrogate"}
    return found


def test_every_load_code_is_documented() -> None:
    codes = _load_codes()
    assert len(codes) > 25
    page = (Path(__file__).parents[2] / "docs" / "errors.md").read_text(encoding="utf-8")
    assert sorted(c for c in codes if f"`{c}`" not in page) == []


def test_load_problems_carry_a_code_and_render_as_json(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        HEAD
        + "organisations:\n  - {id: a, name: A, kind: councl}\n  - {id: a, name: B, kind: police}\n"
    )
    result = run_cli("validate", str(path), "--format", "json")
    problems = json.loads(result.stdout)["problems"]
    assert [(p["code"], p["severity"], p["line"]) for p in problems] == [("wrong-type", "error", 3)]
    path.write_text(
        HEAD
        + "organisations:\n  - {id: a, name: A, kind: police}\n  - {id: a, name: B, kind: police}\n"
    )
    problems = json.loads(run_cli("validate", str(path), "--format", "json").stdout)["problems"]
    assert [(p["code"], p["line"], p["found"]) for p in problems] == [("duplicate-id", 4, "a")]
