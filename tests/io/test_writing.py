"""Writing files safely, and what the command line prints.

Every writer (``export -o``, ``schema -o``, ``dump``) refuses a symbolic link, writes in
one step (a failed write leaves the old file or folder as it was and no temporary file
behind) and will not write over the file being read unless ``--force`` is given.
Standard output is UTF-8 whatever the locale, messages show control characters from a
file as escapes, and an empty SOURCE is an error.
"""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import safeguarding_model as sm
from safeguarding_model.cli import main
from safeguarding_model.errors import SafeguardingModelError, UsageError

DATA = """\
# The partnership of a made-up council; this comment is lost by an export.
schema: safeguarding-model/1
organisations:
  - id: council
    name: Conseil Général
    kind: local-authority
people:
  - id: jo-bloggs
    name: Jo Bloggs
posts:
  - id: director
    title: Director of Children’s Services
    organisation: council
    holder: jo-bloggs
partnerships:
  - id: example-scp
    name: Children’s Safeguarding Partnership of the Conseil Général
    guidance: working-together-2023
    groups:
      - id: executive-group
        name: Executive Group
        kind: executive-group
"""

ESCAPE_KEY = DATA + '    "\\e[2J\\a": red\n'  # an unknown field whose name clears the screen


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def data_file(folder: Path, name: str = "mine.yaml", text: str = DATA) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def command(
    *argv: str, env: dict[str, str] | None = None, code: str | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m safeguarding_model ARGV`` (or ``python -c CODE ARGV``, for code
    that sets the process up and then runs the command line) in a new process."""
    program = ["-m", "safeguarding_model"] if code is None else ["-c", code]
    return subprocess.run(
        [sys.executable, *program, *argv],
        capture_output=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})},
        check=False,
    )


# Symbolic links are refused, never followed.


def test_schema_output_refuses_a_symbolic_link(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    outside = tmp_path / "outside.json"
    outside.write_text("mine\n")
    (tmp_path / "schema.json").symlink_to(outside)
    status, _, err = run(capsys, "schema", "-o", str(tmp_path / "schema.json"))
    assert status == 2
    assert "schema.json is a symbolic link" in err and "remove the link" in err
    assert outside.read_text() == "mine\n"


def test_dump_refuses_a_symbolic_link(tmp_path: Path) -> None:
    dataset = sm.load("isle-of-wight-2024")
    (tmp_path / "out.yaml").symlink_to(tmp_path / "elsewhere.yaml")  # dangling: made if followed
    with pytest.raises(UsageError, match=r"out\.yaml is a symbolic link"):
        sm.dump(dataset, tmp_path / "out.yaml")
    assert not (tmp_path / "elsewhere.yaml").exists()
    assert (tmp_path / "out.yaml").is_symlink()


def test_export_output_refuses_a_symbolic_link_and_says_what_to_do(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "out.json").symlink_to(tmp_path / "elsewhere.json")
    status, _, err = run(
        capsys, "export", "isle-of-wight-2024", "--to", "json", "-o", str(tmp_path / "out.json")
    )
    assert status == 2
    assert "out.json is a symbolic link" in err
    assert "give the real path instead, or remove the link" in err
    assert not (tmp_path / "elsewhere.json").exists()


def test_a_link_in_the_csv_folder_leaves_every_file_of_it_as_it_was(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The link is found before anything is written, not after the files before it."""
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "groups.csv").write_text("old groups\n")
    (tables / "posts.csv").symlink_to(tmp_path / "stolen.csv")
    status, _, err = run(capsys, "export", "isle-of-wight-2024", "--to", "csv", "-o", str(tables))
    assert status == 2
    assert "posts.csv is a symbolic link" in err
    assert (tables / "groups.csv").read_text() == "old groups\n"
    assert sorted(p.name for p in tables.iterdir()) == ["groups.csv", "posts.csv"]
    assert not (tmp_path / "stolen.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tables"]


# A failed write leaves the old file as it was, and nothing else behind.

SMALL_FILE_LIMIT = """\
import resource, sys
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (2048, hard))
from safeguarding_model.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="file-size limits are a POSIX feature")
@pytest.mark.parametrize(
    "argv",
    [
        ["export", "isle-of-wight-2024", "--to", "yaml", "-o"],
        ["export", "isle-of-wight-2024", "--to", "csv", "-o"],
        ["schema", "-o"],
    ],
    ids=["export", "export-zip", "schema"],
)
def test_a_write_over_the_file_size_limit_leaves_the_old_file(
    tmp_path: Path, argv: list[str]
) -> None:
    """Under a 2 KiB file-size limit the write fails part-way (EFBIG): the old file is
    byte-identical and no temporary file is left."""
    target = tmp_path / ("out.zip" if "csv" in argv else "out.txt")
    target.write_bytes(b"the old content\n")
    result = command(*argv, str(target), code=SMALL_FILE_LIMIT)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, err
    assert f"{target}: cannot be written (File too large)" in err
    assert "Traceback" not in err
    assert target.read_bytes() == b"the old content\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def patch_os(monkeypatch: pytest.MonkeyPatch, name: str, number: int, error: OSError) -> None:
    """Make ``os.NAME`` work until call ``number``, which raises ``error``."""
    original = getattr(os, name)
    calls = 0

    def failing(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls >= number:
            raise error
        return original(*args, **kwargs)

    monkeypatch.setattr(os, name, failing)


@pytest.mark.parametrize(
    ("name", "error", "reason"),
    [
        ("write", OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
        ("replace", PermissionError(errno.EACCES, "Permission denied"), "Permission denied"),
    ],
)
def test_a_failed_dump_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, error: OSError, reason: str
) -> None:
    dataset = sm.load("isle-of-wight-2024")
    target = data_file(tmp_path)
    os.chmod(target, 0o640)
    patch_os(monkeypatch, name, 1, error)
    with pytest.raises(UsageError) as raised:
        sm.dump(dataset, target)
    monkeypatch.undo()
    assert str(raised.value) == f"{target}: cannot be written ({reason})"
    assert target.read_text(encoding="utf-8") == DATA
    assert [p.name for p in tmp_path.iterdir()] == ["mine.yaml"]
    sm.dump(dataset, target)  # and when nothing fails, it is written, keeping its mode
    assert sm.load(target) == dataset
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["mine.yaml"]


def test_a_csv_folder_export_failing_part_way_leaves_the_old_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables = tmp_path / "tables"
    assert run(capsys, "export", "isle-of-wight-2024", "--to", "csv", "-o", str(tables))[0] == 0
    names = sorted(p.name for p in tables.iterdir())
    assert len(names) > 3
    for name in names:
        (tables / name).write_text(f"old {name}\n")
    patch_os(monkeypatch, "write", 3, OSError(errno.ENOSPC, "No space left on device"))
    status, _, err = run(capsys, "export", "isle-of-wight-2024", "--to", "csv", "-o", str(tables))
    monkeypatch.undo()
    assert status == 2
    assert re.search(rf"{re.escape(str(tables))}/[a-z-]+\.csv: cannot be written \(No space", err)
    assert {p.name: p.read_text() for p in tables.iterdir()} == {n: f"old {n}\n" for n in names}
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]  # no temporary folder


def test_a_csv_folder_holding_other_files_is_refused_not_emptied(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "notes.txt").write_text("my notes\n")
    (tables / "groups.csv").write_text("old groups\n")
    status, _, err = run(capsys, "export", "isle-of-wight-2024", "--to", "csv", "-o", str(tables))
    assert status == 2
    assert f"{tables} holds other things than the files written here (notes.txt)" in err
    assert "give a new or empty folder" in err
    assert {p.name: p.read_text() for p in tables.iterdir()} == {
        "notes.txt": "my notes\n",
        "groups.csv": "old groups\n",
    }
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]


# Exporting a file onto itself.


@pytest.mark.parametrize("spelling", ["same", "other-spelling", "hard-link", "in-the-folder"])
def test_export_onto_the_source_is_refused_unless_forced(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, spelling: str
) -> None:
    source = data_file(tmp_path)
    os.chmod(source, 0o600)
    (tmp_path / "sub").mkdir()
    given, output = str(source), str(source)
    if spelling == "other-spelling":
        output = str(tmp_path / "sub" / ".." / "." / "mine.yaml")
    elif spelling == "hard-link":
        os.link(source, tmp_path / "linked.yaml")
        output = str(tmp_path / "linked.yaml")
    elif spelling == "in-the-folder":
        given = str(tmp_path)
    expected = sm.load(given)
    status, _, err = run(capsys, "export", given, "--to", "yaml", "-o", output)
    assert status == 2
    assert "would lose the file's comments and layout" in err
    assert "pass --force to overwrite it anyway" in err
    assert source.read_text(encoding="utf-8") == DATA
    status, _, err = run(capsys, "export", given, "--to", "yaml", "-o", output, "--force")
    assert status == 0, err
    written = Path(output).read_text(encoding="utf-8")
    assert "this comment is lost" not in written
    assert sm.loads(written) == expected
    assert Path(output).stat().st_mode & 0o777 == 0o600


# Standard output is UTF-8 whatever the locale.


def test_output_is_utf8_under_an_ascii_locale(tmp_path: Path) -> None:
    source = data_file(tmp_path)
    ascii_locale = {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"}
    result = command("show", str(source), env=ascii_locale)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    out = result.stdout.decode("utf-8")
    assert "Children’s Safeguarding Partnership of the Conseil Général" in out
    broken = data_file(tmp_path, "broken.yaml", DATA + "    colour: rouge écarlate\n")
    result = command("validate", str(broken), env=ascii_locale)
    assert result.returncode == 2
    assert "unknown field `colour`" in result.stderr.decode("utf-8")
    assert "Traceback" not in result.stderr.decode("utf-8")


# Messages show control characters from a file as escapes.


@pytest.mark.parametrize("verb", ["validate", "show"])
def test_messages_show_a_files_control_characters_as_escapes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, verb: str
) -> None:
    source = data_file(tmp_path, text=ESCAPE_KEY)
    status, _, err = run(capsys, verb, str(source))
    assert status == 2
    assert "\x1b" not in err and "\a" not in err
    assert "unknown field `\\x1b[2J\\x07`" in err


def test_a_source_name_with_control_characters_is_shown_escaped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _, err = run(capsys, "show", "missing\x1b[2J.yaml")
    assert status == 2
    assert "\x1b" not in err
    assert "missing\\x1b[2J.yaml: no such file or folder" in err


def test_validate_json_keeps_control_characters_escaped_and_valid(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = data_file(tmp_path, text=ESCAPE_KEY)
    status, out, err = run(capsys, "validate", str(source), "--format", "json")
    assert status == 2
    assert "\x1b" not in out + err
    report = json.loads(out)
    assert report["valid"] is False
    assert any("\x1b[2J\x07" in problem["message"] for problem in report["problems"])
    status, _, err = run(capsys, "validate", str(source))  # and the text form is escaped
    assert "\x1b" not in err and "\\x1b[2J" in err


# An empty SOURCE is an error, not the current folder.


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", ""],
        ["show", ""],
        ["export", "", "--to", "json"],
        ["query", "", "chairs"],
    ],
    ids=lambda argv: argv[0],
)
def test_an_empty_source_is_refused(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
) -> None:
    data_file(tmp_path)  # a valid file in the current folder, which "" must not mean
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert "SOURCE is empty: give a file, a folder or the name of a shipped example" in err


def test_every_refusal_is_a_package_error(tmp_path: Path) -> None:
    """The Python API's refusals can be caught as the package's own errors."""
    dataset = sm.load("isle-of-wight-2024")
    (tmp_path / "link.json").symlink_to(tmp_path / "nowhere.json")
    for path in (tmp_path / "link.json", tmp_path):
        with pytest.raises(SafeguardingModelError):
            sm.dump(dataset, path, format="json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json"]


@pytest.mark.parametrize(
    "argv",
    [["export", "isle-of-wight-2024", "--to", "json", "-o", ""], ["schema", "-o", ""]],
    ids=lambda argv: argv[0],
)
def test_an_empty_output_is_refused(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert "-o PATH is empty: give a file name, or - for standard output" in err
    assert list(tmp_path.iterdir()) == []
