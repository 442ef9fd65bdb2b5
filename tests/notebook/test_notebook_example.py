"""The example notebook runs in a real Jupyter kernel, and what it shows is what it
should: the partnership, a group, the org chart as SVG, a query answer and the check's
findings as HTML, and data frames. Skipped only where a kernel cannot be started
(unless ``SAFEGUARDING_MODEL_REQUIRE_KERNEL`` says one must be)."""

from __future__ import annotations

import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient
from notebook_html import facts, parse, tables, words

import safeguarding_model

NOTEBOOK = Path(__file__).parents[2] / "examples" / "notebook.ipynb"
IOW_NAME = "Isle of Wight Safeguarding Children Partnership"


def kernel_environment() -> dict[str, str]:
    """This process's environment, with the package the tests import first on the
    kernel's path (and the rest of ``PYTHONPATH`` made absolute: the kernel runs in
    another folder), so the notebook runs the code under test."""
    paths = [str(Path(safeguarding_model.__file__).parents[1])]
    paths += [os.path.abspath(p) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """The notebook run top to bottom in a fresh kernel: each tagged cell's display
    data (the last output with data), by tag."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    folder = tmp_path_factory.mktemp("notebook")
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(folder)}},
    )
    try:
        client.km = client.create_kernel_manager()
        client.start_new_kernel(env=kernel_environment())
        client.start_new_kernel_client()
    except Exception as error:  # no kernel here: nothing this project can fix
        if client.km is not None and client.km.has_kernel:
            client.km.shutdown_kernel(now=True)
        if os.environ.get("SAFEGUARDING_MODEL_REQUIRE_KERNEL"):
            pytest.fail(f"a Jupyter kernel is required here but could not start: {error}")
        pytest.skip(f"a Jupyter kernel could not be started here: {error}")
    client.execute()  # a cell that raises fails the test (CellExecutionError)
    shown: dict[str, dict[str, Any]] = {}
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        outputs = [o for o in cell.outputs if o.output_type in ("execute_result", "display_data")]
        assert not [o for o in cell.outputs if o.output_type == "error"]
        for tag in cell.metadata.get("tags", []):
            assert outputs, f"the cell {tag!r} shows nothing"
            shown[tag] = outputs[-1]["data"]
    return shown


def test_the_dataset_shows_the_partnership(executed: dict[str, dict[str, Any]]) -> None:
    root = parse(executed["dataset"]["text/html"])
    assert IOW_NAME in words(root)
    assert facts(root)["Partnership chair"].startswith("Ashley Whittaker")


def test_a_partnership_and_a_group_show_themselves(executed: dict[str, dict[str, Any]]) -> None:
    assert IOW_NAME in words(parse(executed["partnership"]["text/html"]))
    group = parse(executed["group"]["text/html"])
    assert words(group).startswith("Learning Inquiry Group learning-inquiry-group")
    named = parse(executed["group-named"]["text/html"])
    assert "reports to: Executive Group (quarterly)" in facts(named)["Reports to"]


def test_the_graph_shows_its_chart(executed: dict[str, dict[str, Any]]) -> None:
    shown = executed["chart"]
    if shutil.which("dot") is None and not os.environ.get("SAFEGUARDING_MODEL_REQUIRE_GRAPHVIZ"):
        assert "is not installed" in words(parse(shown["text/html"]))
        return
    svg = ET.fromstring(shown["image/svg+xml"])
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert "Executive Group" in " ".join(" ".join(svg.itertext()).split())
    assert "text/html" not in shown  # the picture, not a listing


def test_the_answers_and_the_check_show_as_tables(executed: dict[str, dict[str, Any]]) -> None:
    steps = tables(parse(executed["query"]["text/html"]))[0]
    assert steps[1][0] == "Learning Inquiry Group learning-inquiry-group"
    assert all(row[5].startswith("derived") for row in steps[1:])
    members = words(parse(executed["members"]["text/html"]))
    assert members.startswith("Members of Executive Group executive-group")
    check = parse(executed["check"]["text/html"])
    assert "was checked on 2024-10-01" in words(check)
    assert tables(check)[0][0][:3] == ["Severity", "Rule", "Outcome"]


def test_the_frames_show(executed: dict[str, dict[str, Any]]) -> None:
    agencies = executed["frame"]["text/html"]
    assert "Cafcass" in agencies and "<table" in agencies
    assert "not stated" in executed["posts"]["text/html"]  # holders the source does not name
    assert "si2018-relevant-agency-types" in executed["findings"]["text/html"]
    assert "local-authority-service" in executed["frame-counts"]["text/plain"]


def test_the_region_and_its_plan_show(executed: dict[str, dict[str, Any]]) -> None:
    region = parse(executed["collaboration"]["text/html"])
    assert "Portsmouth Safeguarding Children Partnership" in facts(region)["Members"]
    assert "HIPS Executive Group" in words(region)
    actions = executed["plan-actions"]["text/html"]
    assert "<table" in actions and "evidence_of_progress" in actions
