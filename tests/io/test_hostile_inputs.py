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
    assert [(p["code"], p["severity"], p["line"]) for p in problems] == [
        ("wrong-value", "error", 3)
    ]
    path.write_text(
        HEAD
        + "organisations:\n  - {id: a, name: A, kind: police}\n  - {id: a, name: B, kind: police}\n"
    )
    problems = json.loads(run_cli("validate", str(path), "--format", "json").stdout)["problems"]
    assert [(p["code"], p["line"], p["found"]) for p in problems] == [("duplicate-id", 4, "a")]


# --- found by an outside attack on the loader and the command line ----------------------


def test_a_list_of_a_million_bad_entries_is_reported_in_bounded_memory() -> None:
    text = (
        HEAD
        + "organisations:\n"
        + "".join(f"  - {{id: o{n}, name: O, kind: councl}}\n" for n in range(5000))
    )
    with pytest.raises(LoadError) as caught:
        sm.loads(text, name="many.yaml")
    problems = caught.value.problems
    assert len(problems) == 1001
    assert problems[-1].code == "too-many-problems"
    assert "its 4000 entries after this one were not checked" in problems[-1].message


def test_a_path_too_long_for_the_file_system_is_a_usage_error(tmp_path: Path) -> None:
    long = tmp_path / ("a" * 300 + ".yaml")
    with pytest.raises(UsageError, match="cannot be read"):
        sm.load(long)
    result = run_cli("validate", str(long))
    assert result.returncode == 2 and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: sm.loads(b"schema: safeguarding-model/1\n"), "loads\\(\\) takes text"),
        (lambda: sm.loads(None), "loads\\(\\) takes text"),  # type: ignore[arg-type]
        (lambda: sm.load(3), "load\\(\\) takes a path"),  # type: ignore[arg-type]
        (lambda: sm.dump(sm.Dataset(), "bad\0name.yaml"), "NUL"),
    ],
)
def test_the_python_api_raises_only_its_own_errors(call: object, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        call()  # type: ignore[operator]


@pytest.mark.usefixtures("yaml_loader")
@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_line_separator_is_refused_where_it_stands(separator: str) -> None:
    text = HEAD + f"# pasted{separator}from a word processor\norganisations: []\n"
    with pytest.raises(LoadError) as caught:
        sm.loads(text, name="mine.yaml")
    problem = only_problem(caught)
    assert (problem.code, problem.line, problem.column) == ("line-separator", 2, 9)


def test_organisations_or_groups_in_a_circle_are_refused() -> None:
    text = HEAD + (
        "organisations:\n"
        "  - {id: a, name: A, kind: local-authority, parent: b}\n"
        "  - {id: b, name: B, kind: local-authority-service, parent: a}\n"
        "partnerships:\n"
        "  - id: scp\n    name: SCP\n    guidance: working-together-2023\n    groups:\n"
        "      - {id: x, name: X, kind: subgroup, parent: y}\n"
        "      - {id: y, name: Y, kind: subgroup, parent: x, reports_to: [{to: y}]}\n"
    )
    with pytest.raises(LoadError) as caught:
        sm.loads(text, name="mine.yaml")
    found = {(p.code, p.path) for p in caught.value.problems}
    assert found == {
        ("parent-circle", "organisations[0].parent"),
        ("parent-circle", "partnerships[0].groups[0].parent"),
        ("line-to-itself", "partnerships[0].groups[1].reports_to[0].to"),
    }
    assert "A (`a`), which is part of B (`b`), which is part of A (`a`)" in str(caught.value)


@pytest.mark.usefixtures("yaml_loader")
@pytest.mark.parametrize(
    ("value", "shown"),
    [("!!int abc", "!!int"), ("!!str plain", "!!str"), ("!!timestamp 2024-01-01", "!!timestamp")],
)
def test_a_tag_written_on_a_plain_value_is_refused(value: str, shown: str) -> None:
    text = HEAD + f"organisations:\n  - id: a\n    name: {value}\n    kind: police\n"
    with pytest.raises(LoadError) as caught:
        sm.loads(text, name="mine.yaml")
    problem = only_problem(caught)
    assert (problem.code, problem.line, problem.path) == (
        "tag-not-allowed",
        4,
        "organisations[0].name",
    )
    assert f"the tag `{shown}` is not allowed" in problem.message


def test_a_merge_key_is_named_as_one_and_a_long_tag_cut_short() -> None:
    text = HEAD + "organisations:\n  - <<: {id: a}\n    name: A\n    kind: police\n"
    with pytest.raises(LoadError, match=r"YAML merge keys \(`<<`\) are not allowed"):
        sm.loads(text)
    with pytest.raises(LoadError) as caught:
        sm.loads(HEAD + "aims: !" + "x" * 100_000 + " 1\n")
    assert len(str(caught.value)) < 400


def test_a_utf16_file_is_named_as_such(tmp_path: Path) -> None:
    for encoding in ("utf-16", "utf-16-be", "utf-16-le"):
        path = tmp_path / f"{encoding}.yaml"
        path.write_bytes((HEAD + "organisations: []\n").encode(encoding))
        with pytest.raises(LoadError, match="looks like UTF-16 text"):
            sm.load(path)


def test_a_file_name_cannot_forge_a_line_of_the_report(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml\nforged.yaml:1:1: all is well"
    path.write_text(HEAD + "bogus: 1\n", encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 2
    assert "mine.yaml\\nforged.yaml:1:1: all is well:2:1: bogus" in result.stderr
    assert "\nforged.yaml" not in result.stderr


def test_validate_json_reports_a_missing_source_as_json() -> None:
    result = run_cli("validate", "no-such-file.yaml", "--format", "json")
    assert result.returncode == 2
    [problem] = json.loads(result.stdout)["problems"]
    assert problem["code"] == "not-readable" and "no such file" in problem["message"]
