"""Options declared by each exporter: declarations, the values an exporter receives,
and a third-party exporter with an option of its own, from Python and the command
line, with no change to the core."""

from __future__ import annotations

import importlib
import json
import os
import re
import subprocess
import sys
import types
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest

import safeguarding_model as sm
from safeguarding_model import documents
from safeguarding_model.cli import main
from safeguarding_model.errors import UsageError
from safeguarding_model.exporters import (
    CHART_OPTIONS,
    DOCUMENT_OPTIONS,
    ENTRY_POINT_GROUP,
    SHARED_OPTIONS,
    Exporter,
    ExporterManager,
    ExportOptions,
    Option,
    Options,
    PluginError,
    get_exporter,
)
from safeguarding_model.exporters.manager import default_manager, reset_default_manager
from safeguarding_model.exporters.options import (
    DOCUMENT,
    choice,
    comma_separated,
    text,
    whole_number,
)
from safeguarding_model.model import Dataset

COVER = Path(__file__).parent / "fixtures" / "safeguarding-model-cover"

IOW_COVER_A4 = (
    "=" * 40 + "\nIsle of Wight Safeguarding Children Partnership\n" + "=" * 40 + "\n[a4]\n"
)
IOW_COVER_LETTER = (
    "=" * 42 + "\nIsle of Wight Safeguarding Children Partnership\n" + "=" * 42 + "\n[letter]\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def cover_plugin(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """The fixture plugin's module, importable as an installed plugin's would be."""
    monkeypatch.syspath_prepend(str(COVER / "src"))
    return importlib.import_module("safeguarding_model_cover")


@pytest.fixture
def cover(cover_plugin: types.ModuleType) -> Iterator[None]:
    """The cover plugin, added by hand to the default manager (that of ``sm.export``
    and the command line), as a notebook would; forgotten afterwards."""
    reset_default_manager()
    default_manager().add_plugin(cover_plugin, name="cover", distribution="cover-pkg")
    try:
        yield
    finally:
        reset_default_manager()


# -- declarations --------------------------------------------------------------------


def test_an_option_reads_values_with_its_parser() -> None:
    paper = Option("paper", "the paper size", choices=("a4", "letter"))
    assert paper.read("letter") == "letter"
    assert paper.usage == "paper=a4|letter"
    with pytest.raises(UsageError, match=r"^paper: expected one of a4, letter, found 'a5'$"):
        paper.read("a5")
    copies = Option("copies", "how many copies", parse=whole_number, metavar="N")
    assert copies.read("3") == copies.read(3) == 3
    assert copies.usage == "copies=N"
    assert Option("title", "a title").read("Any text") == "Any text"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"name": "Paper", "help": "h"}, "option name: expected lower-case letters"),
        ({"name": "paper-size", "help": "h"}, "joined by single underscores"),
        ({"name": "format", "help": "h"}, "'format' is an argument of export()"),
        ({"name": "path", "help": "h"}, "'path' is an argument of export()"),
        ({"name": "paper", "help": " "}, "option help: expected a line of text"),
        ({"name": "paper", "help": "h", "choices": ()}, "option choices: expected a tuple"),
        ({"name": "paper", "help": "h", "parse": "text"}, "option parse: expected a function"),
        (
            {"name": "paper", "help": "h", "choices": ("a4",), "default": "a5"},
            "the default 'a5' is not a value the option takes: expected one of a4",
        ),
    ],
)
def test_bad_declarations_are_plugin_errors(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(PluginError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Option(**arguments)  # type: ignore[arg-type]


def test_the_ready_made_parsers() -> None:
    assert text("x") == "x"
    with pytest.raises(ValueError, match="expected text, found 3"):
        text(3)
    assert whole_number(" 2 ") == 2
    for bad, words in [("x", "a whole number"), (True, "a whole number"), (2.0, "a whole")]:
        with pytest.raises(ValueError, match=words):
            whole_number(bad)
    with pytest.raises(ValueError, match="expected 0 or more, found -1"):
        whole_number("-1")
    names = comma_separated("colour", "red")
    assert names("red, blue,red,") == ("red", "blue")
    assert names({"b", "a"}) == ("a", "b")
    assert names(names("red, blue")) == ("red", "blue")  # reads its own value again
    with pytest.raises(ValueError, match="name at least one colour, such as 'red'"):
        names(" , ")
    with pytest.raises(ValueError, match="expected colours such as 'red', found 3"):
        names(3)
    later = ["a"]
    parse = choice(lambda: later)
    later.append("b")
    assert parse("b") == "b"  # choices given by a function are read when needed


def test_options_are_declarations_by_name() -> None:
    paper = Option("paper", "the paper size", choices=("a4", "letter"))
    options = Options(["partnership", paper])
    assert list(options) == ["partnership", "paper"]
    assert options["paper"] is paper and options["partnership"] is SHARED_OPTIONS["partnership"]
    assert "paper" in options and "depth" not in options
    assert options == {"partnership", "paper"}  # as the set of names it replaces
    assert options == Options(["partnership", paper])
    assert hash(options) == hash(Options(["partnership", paper]))
    assert list(Options([*CHART_OPTIONS, paper])) == ["partnership", "edges", "depth", "paper"]
    assert list(Options({"document", "depth"})) == ["depth", "document"]  # shared order
    assert set(SHARED_OPTIONS) == {"partnership", "edges", "depth", "document", "previous"}
    assert set(DOCUMENT_OPTIONS) | set(CHART_OPTIONS) == set(SHARED_OPTIONS)


@pytest.mark.parametrize(
    ("declarations", "message"),
    [
        (["colour"], "'colour' is not an option; the shared options"),
        ([3], "expected Option declarations or the names of shared options, found 3"),
        (["depth", "depth"], "'depth' is declared twice"),
        ([Option("depth", "my own depth")], "'depth' is a shared option; name it by text"),
    ],
)
def test_bad_option_lists_are_plugin_errors(declarations: list[object], message: str) -> None:
    with pytest.raises(PluginError, match=message):
        Options(declarations)  # type: ignore[arg-type]


def test_the_document_choices_come_from_the_documents_registry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert DOCUMENT.allowed() == tuple(documents.BUILDERS)
    monkeypatch.setitem(documents.BUILDERS, "minutes", documents.BUILDERS["arrangements"])
    assert "minutes" in DOCUMENT.allowed()  # type: ignore[operator]
    assert ExportOptions(document="minutes").document == "minutes"


# -- values --------------------------------------------------------------------------


def test_export_options_give_every_option_by_name() -> None:
    options = ExportOptions(depth=2, extra={"paper": "letter"})
    assert options.depth == options["depth"] == options.get("depth") == 2
    assert options["paper"] == options.get("paper") == "letter"
    assert options["partnership"] is None and options.get("partnership", "x") == "x"
    with pytest.raises(KeyError):
        options["colour"]
    assert options.get("colour") is None
    assert options.given() == ["depth", "paper"]


def test_an_exporter_receives_its_options_read_with_their_defaults(
    cover_plugin: types.ModuleType,
) -> None:
    exporter = _cover_exporter(cover_plugin)
    bound = exporter.bind(ExportOptions())
    assert bound["paper"] == "a4" and bound.given() == ["paper"]
    assert exporter.bind(ExportOptions(extra={"paper": "letter"}))["paper"] == "letter"
    assert exporter.bind(bound) == bound  # checking again changes nothing
    with pytest.raises(UsageError, match="paper: expected one of a4, letter, found 'a5'"):
        exporter.bind(ExportOptions(extra={"paper": "a5"}))
    with pytest.raises(
        UsageError,
        match=r"the cover format does not take the option 'depth' "
        r"\(the options it takes: paper, partnership\)",
    ):
        exporter.bind(ExportOptions(depth=1))


def test_from_keywords_checks_against_the_exporter(cover_plugin: types.ModuleType) -> None:
    exporter = _cover_exporter(cover_plugin)
    options = ExportOptions.from_keywords({"paper": "letter", "partnership": None}, exporter)
    assert options["paper"] == "letter" and options.partnership is None
    with pytest.raises(UsageError, match="the cover format does not take the option 'colour'"):
        ExportOptions.from_keywords({"colour": "red"}, exporter)
    with pytest.raises(UsageError, match="unknown export option 'paper'"):
        ExportOptions.from_keywords({"paper": "letter"})  # without the exporter, unknown


def _cover_exporter(plugin: types.ModuleType) -> Exporter:
    manager = ExporterManager(external=False)
    manager.add_plugin(plugin, name="cover")
    return manager.get("cover")


# -- a third-party exporter with an option of its own ----------------------------------


@pytest.mark.usefixtures("cover_plugin")
def test_a_plugin_option_works_through_a_faked_entry_point(iow: Dataset) -> None:
    point = metadata.EntryPoint(
        name="cover", value="safeguarding_model_cover", group=ENTRY_POINT_GROUP
    )
    manager = ExporterManager(entry_points=lambda: [point], external=True)
    exporter = manager.get("cover")
    assert manager.problems() == []
    assert exporter.run(iow) == IOW_COVER_A4
    assert exporter.run(iow, ExportOptions.from_keywords({"paper": "letter"}, exporter)) == (
        IOW_COVER_LETTER
    )


@pytest.mark.usefixtures("cover")
def test_a_plugin_option_works_through_export_and_export_to(iow: Dataset, tmp_path: Path) -> None:
    assert sm.export(iow, "cover") == IOW_COVER_A4
    assert sm.export(iow, "cover", paper="letter") == IOW_COVER_LETTER
    written = sm.export_to(iow, "cover", tmp_path / "cover.txt", paper="letter")
    assert written.read_text(encoding="utf-8") == IOW_COVER_LETTER
    with pytest.raises(UsageError, match="paper: expected one of a4, letter, found 'A4'"):
        sm.export(iow, "cover", paper="A4")
    with pytest.raises(UsageError, match="the dot format does not take the option 'paper'"):
        sm.export(iow, "dot", paper="a4")


@pytest.mark.usefixtures("cover")
def test_a_plugin_option_works_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = run(
        capsys, "export", "isle-of-wight-2024", "--to", "cover", "-O", "paper=letter"
    )
    assert (status, out, err) == (0, IOW_COVER_LETTER, "")
    target = tmp_path / "cover.txt"
    argv = ["export", "isle-of-wight-2024", "--to", "cover", "--option", "paper=letter"]
    assert run(capsys, *argv, "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == IOW_COVER_LETTER
    status, out, err = run(
        capsys, "export", "isle-of-wight-2024", "--to", "cover", "-O", "paper=a5"
    )
    assert status == 2 and out == ""
    assert "paper: expected one of a4, letter, found 'a5'" in err
    status, out, _ = run(capsys, "exporters", "cover")
    assert status == 0
    assert "-O paper=a4|letter" in out and "the paper size of the cover sheet" in out
    assert "-O partnership=ID, --partnership ID" in out


def test_an_installed_plugin_option_works_in_a_new_process(tmp_path: Path) -> None:
    """Installed as pip would install it (its metadata names its entry point), found
    by the command line's own default manager."""
    info = tmp_path / "safeguarding_model_cover-0.0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: safeguarding-model-cover\nVersion: 0.0.1\n"
    )
    (info / "entry_points.txt").write_text(
        "[safeguarding_model]\ncover = safeguarding_model_cover\n"
    )
    env = dict(os.environ)
    paths = [str(tmp_path), str(COVER / "src"), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env.pop("SAFEGUARDING_MODEL_NO_PLUGINS", None)

    def cli(*argv: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "safeguarding_model", *argv]
        return subprocess.run(command, capture_output=True, text=True, env=env, check=False)

    exported = cli("export", "isle-of-wight-2024", "--to", "cover", "-O", "paper=letter")
    assert (exported.returncode, exported.stderr) == (0, "")
    assert exported.stdout == IOW_COVER_LETTER
    listed = cli("exporters", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    data = json.loads(listed.stdout)
    cover = next(e for e in data["exporters"] if e["name"] == "cover")
    assert cover["options"] == ["paper", "partnership"]
    assert data["options"]["cover"][1] == {
        "name": "paper",
        "usage": "paper=a4|letter",
        "help": "the paper size of the cover sheet",
        "choices": ["a4", "letter"],
        "default": "a4",
        "flag": None,
    }


# -- the command line's -O -----------------------------------------------------------


def test_dash_o_gives_any_option_as_its_flag_does(capsys: pytest.CaptureFixture[str]) -> None:
    by_flag = run(capsys, "export", "isle-of-wight-2024", "--to", "mermaid", "--depth", "0")
    by_name = run(capsys, "export", "isle-of-wight-2024", "--to", "mermaid", "-O", "depth=0")
    assert by_flag == by_name and by_flag[0] == 0
    edges = run(
        capsys,
        "export",
        "isle-of-wight-2024",
        "--to",
        "mermaid",
        "-O",
        "edges=reports-to",
        "-O",
        "depth=0",
    )
    assert edges[0] == 0 and edges[1].count("-->|") == 3


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--to", "dot", "-O", "colour=red"],
            "the dot format does not take the option 'colour' "
            "(the options it takes: depth, edges, partnership)",
        ),
        (["--to", "json", "-O", "depth=2"], "the json format does not take the option 'depth'"),
        (["--to", "dot", "-O", "depth"], "-O 'depth': expected NAME=VALUE, such as -O depth=2"),
        (["--to", "dot", "-O", "=2"], "expected NAME=VALUE"),
        (["--to", "dot", "-O", "depth=x"], "depth: expected a whole number, found 'x'"),
        (["--to", "dot", "-O", "depth=-1"], "depth: expected 0 or more, found -1"),
        (["--to", "markdown", "-O", "document=minutes"], "document: expected one of arrangements"),
        (
            ["--to", "dot", "--depth", "1", "-O", "depth=2"],
            "the option 'depth' is given twice (--depth and -O 'depth=2'); give it once",
        ),
        (["--to", "dot", "-O", "depth=1", "-O", "depth=2"], "the option 'depth' is given twice"),
    ],
)
def test_bad_dash_o_options_end_with_a_message_and_status_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "export", "isle-of-wight-2024", *argv)
    assert (status, out) == (2, "")
    assert message in err and "Traceback" not in err


def test_options_are_checked_before_the_source_is_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = str(tmp_path / "missing.yaml")
    status, _, err = run(capsys, "export", missing, "--to", "json", "-O", "depth=2")
    assert status == 2 and "the json format does not take the option 'depth'" in err


def test_exporters_lists_the_options_of_the_formats_named(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "exporters", "dot", "json")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("dot ") and lines[0].endswith("the org chart as Graphviz DOT")
    for name in CHART_OPTIONS:
        option = CHART_OPTIONS[name]
        line = next(line for line in lines if line.strip().startswith(f"-O {name}="))
        assert line.split("  ")[1].endswith(f", --{name} {option.metavar}")
        assert line.endswith(f"  {option.help}")
    json_at = next(i for i, line in enumerate(lines) if line.startswith("json "))
    assert lines[json_at + 1] == "  takes no options"
    status, _, err = run(capsys, "exporters", "mermiad")
    assert status == 2 and "did you mean `mermaid`" in err


def test_exporters_as_json_gives_each_option(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "exporters", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert set(data["options"]) == {e["name"] for e in data["exporters"]}
    for exporter in data["exporters"]:
        declared = data["options"][exporter["name"]]
        assert sorted(o["name"] for o in declared) == exporter["options"]
    document = next(o for o in data["options"]["markdown"] if o["name"] == "document")
    assert document["choices"] == list(documents.BUILDERS)
    assert document["flag"] == "--document" and document["help"] == DOCUMENT.help
    assert get_exporter("markdown").options == DOCUMENT_OPTIONS


# -- the docs' table of formats ------------------------------------------------------

FORMATS_TABLE = "| format | what it writes | options |"
PLUGIN_FORMATS = {"turtle": "rdf", "jsonld": "rdf", "docx": "docx", "pdf": "pdf"}
"""The formats of the plugins in this repository, which the table lists too."""


def format_table() -> list[tuple[list[str], set[str]]]:
    """The rows of the table of formats in docs/exporters.md: formats and options."""
    page = (Path(__file__).parents[2] / "docs" / "exporters.md").read_text(encoding="utf-8")
    lines = page[page.index(FORMATS_TABLE) :].split("\n\n")[0].splitlines()[2:]
    rows = []
    for line in lines:
        formats, _, options = line.strip("|").split("|")
        rows.append((re.findall(r"`([^`]+)`", formats), set(re.findall(r"`([^`]+)`", options))))
    return rows


def test_the_table_of_formats_in_the_docs_is_the_registry() -> None:
    rows = format_table()
    listed = [name for formats, _ in rows for name in formats]
    assert len(listed) == len(set(listed)), "a format is listed twice"
    builtins = {e.name: e for e in ExporterManager(external=False).exporters()}
    assert sorted(set(listed) - set(PLUGIN_FORMATS)) == sorted(builtins), (
        "docs/exporters.md's table of formats differs from the built-in exporters"
    )
    installed = {e.name: e for e in ExporterManager().exporters()}
    for formats, options in rows:
        for name in formats:
            if name in installed:
                assert options == set(installed[name].options), f"{name}: options differ"
