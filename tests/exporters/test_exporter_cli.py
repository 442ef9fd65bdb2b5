"""``safeguarding-model exporters`` and ``safeguarding-model export``."""

from __future__ import annotations

import io
import json
import sys
import types
from pathlib import Path

import pytest
from consumers import dot_output, need_dot, need_pdf, read_csv

from safeguarding_model.cli import main
from safeguarding_model.exporters import exporter_names, get_exporter
from slow import formats


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_exporters_lists_name_media_type_extension_distribution_description(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "exporters")
    assert status == 0
    line = next(line for line in out.splitlines() if line.startswith("dot "))
    assert line.split()[:4] == ["dot", "text/vnd.graphviz", ".gv", "safeguarding-model"]
    assert line.endswith("the org chart as Graphviz DOT")
    assert len(out.splitlines()) == len(exporter_names())


def test_exporters_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "exporters", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert [e["name"] for e in data["exporters"]] == exporter_names()
    dot = next(e for e in data["exporters"] if e["name"] == "dot")
    assert dot["options"] == ["depth", "edges", "partnership"]
    assert next(e for e in data["exporters"] if e["name"] == "csv")["folder"] is True
    assert data["problems"] == []


@pytest.mark.parametrize("name", formats(exporter_names()))
def test_export_writes_every_format_to_a_path(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if name in ("svg", "png", "html"):
        need_dot()
    if name == "pdf":
        need_pdf()
    target = tmp_path / f"out.{get_exporter(name).extension}"
    if name == "csv":
        target = tmp_path / "tables"
    status, out, err = run(capsys, "export", "isle-of-wight-2024", "--to", name, "-o", str(target))
    assert (status, out, err) == (0, "", "")
    assert target.exists()
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_export_text_goes_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "export", "isle-of-wight-2024", "--to", "dot", "--depth", "0")
    assert status == 0
    dot_output(out)
    assert "hips-executive-group" not in out


def test_export_chart_options(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "export",
        "isle-of-wight-2024",
        "--to",
        "mermaid",
        "--edges",
        "reports-to",
        "--depth",
        "0",
    )
    assert status == 0
    assert out.count("-->|") == 3
    status, out, _ = run(
        capsys, "export", "isle-of-wight-2024", "--to", "mermaid", "--partnership", "hips"
    )
    assert status == 0 and "HIPS Executive Group" in out


def test_export_documents(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "export", "isle-of-wight-2024", "--to", "markdown", "--document", "yearly-report"
    )
    assert status == 0
    assert out.startswith(
        "# Isle of Wight Safeguarding Children Partnership (IOWSCP)\n\n*Yearly Report*"
    )


def test_export_csv_writes_a_folder_of_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, _ = run(
        capsys, "export", "isle-of-wight-2024", "--to", "csv", "-o", str(tmp_path / "t")
    )
    assert status == 0
    rows = read_csv((tmp_path / "t" / "reporting-lines.csv").read_text(encoding="utf-8"))
    assert rows[0][:4] == ["owner", "from", "from_name", "kind"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--to", "pgn"], "no exporter is called 'pgn' (did you mean `png`?)"),
        (["--to", "json", "--depth", "2"], "the json format does not take the option 'depth'"),
        (["--to", "dot", "--edges", "reports"], "is not an edge kind"),
        (
            ["--to", "dot", "--partnership", "nowhere"],
            "no partnership or collaboration in this data has the id or name 'nowhere'",
        ),
        (
            ["--to", "markdown", "--partnership", "hips"],
            "--partnership 'hips': Hampshire, Isle of Wight, Portsmouth and Southampton is a "
            "collaboration, and the markdown format shows one partnership; choose one of: "
            "isle-of-wight-scp",
        ),
        (
            ["--to", "dot", "--partnership", "Isle of Wight SCP"],
            "--partnership 'Isle of Wight SCP': no partnership or collaboration in this data "
            "has the id or name 'Isle of Wight SCP'",
        ),
        (
            ["--to", "svg", "--partnership", "Executive Group"],
            "--partnership 'Executive Group': Executive Group (executive-group) is a group",
        ),
        (["--to", "json", "-o", "/no/such/folder/out.json"], "no such folder"),
    ],
)
def test_bad_requests_end_with_a_message_and_status_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "export", "isle-of-wight-2024", *argv)
    assert status == 2
    assert message in err
    assert "Traceback" not in err and out == ""


def test_a_negative_depth_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", "isle-of-wight-2024", "--to", "dot", "--depth", "-1"])
    assert caught.value.code == 2
    assert "expected 0 or more" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("name", ["png", "csv"])
def test_binary_formats_refuse_a_terminal(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if name == "png":
        need_dot()
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    status = main(["export", "isle-of-wight-2024", "--to", name])
    assert status == 2
    assert terminal.getvalue() == ""
    assert "binary and standard output is a terminal: give -o PATH" in capsys.readouterr().err


def test_binary_formats_go_to_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    stdout = io.TextIOWrapper(buffer)
    monkeypatch.setattr(sys, "stdout", stdout)
    assert main(["export", "isle-of-wight-2024", "--to", "csv"]) == 0
    stdout.flush()
    assert buffer.getvalue().startswith(b"PK")


def test_exporters_cannot_write_control_characters_to_the_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from safeguarding_model.exporters import Exporter, ExporterManager, hookimpl

    sneaky = Exporter(
        name="sneaky",
        media_type="text/plain\x1b[2J",
        extension="txt",
        description="clears the screen\x1b[2J\x07 and\nadds a line",
        render=lambda dataset, options: "",
    )

    @hookimpl
    def register_exporters(register):  # type: ignore[no-untyped-def]
        register(sneaky)

    manager = ExporterManager(external=False)
    manager.add_plugin(
        types.SimpleNamespace(register_exporters=register_exporters),
        name="sneaky",
        distribution="evil\x1b]0;title\x07",
    )
    monkeypatch.setattr("safeguarding_model.cli.exporters.default_manager", lambda: manager)
    status, out, _ = run(capsys, "exporters")
    assert status == 0
    assert "\x1b" not in out and "\x07" not in out
    line = next(line for line in out.splitlines() if line.startswith("sneaky "))
    assert "\\x1b[2J" in line and line.endswith("clears the screen\\x1b[2J\\x07 and adds a line")


def test_a_format_of_a_blocked_plugin_says_the_plugins_are_blocked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from safeguarding_model.exporters import NO_PLUGINS_ENV, manager

    monkeypatch.setenv(NO_PLUGINS_ENV, "1")
    manager.reset_default_manager()
    try:
        status, out, err = run(capsys, "export", "isle-of-wight-2024", "--to", "turtle")
    finally:
        manager.reset_default_manager()
    assert status == 2 and out == ""
    assert "no exporter is called 'turtle'" in err
    assert f"because {NO_PLUGINS_ENV} is set" in err
