"""The tables as pandas data frames: the csv exporter's tables, cell for cell; the
findings of the checks; a clear error when pandas is missing."""

from __future__ import annotations

import csv
import datetime
import io
import sys
import zipfile

import pandas
import pytest

import safeguarding_model as sm
from safeguarding_model.errors import MissingDependencyError
from safeguarding_model.exporters.builtin.csv import FORMULA_STARTS
from safeguarding_model.graph import build_graph
from safeguarding_model.model import Dataset
from safeguarding_model.notebook import NAMES, findings_frame, frame, frames, plan_frame

TODAY = datetime.date(2025, 1, 15)
"""The day dates are read against (the westshire data's dates are far from it)."""


def csv_tables(dataset: Dataset, **options: object) -> dict[str, list[list[str]]]:
    archive = zipfile.ZipFile(io.BytesIO(sm.export(dataset, "csv", **options)))
    return {
        name.removesuffix(".csv"): list(csv.reader(io.StringIO(archive.read(name).decode())))
        for name in archive.namelist()
    }


def as_csv_cell(value: object) -> str:
    """A frame's cell as the CSV file writes it."""
    if value is pandas.NA or value is None:
        return ""
    if pandas.api.types.is_bool(value):  # a Python or a NumPy truth value
        return "yes" if value else "no"
    found = str(value)
    return "'" + found if found.startswith(FORMULA_STARTS) else found


@pytest.mark.parametrize("name", ["westshire_data", "iow", "iow2019"])
def test_every_frame_is_its_csv_table_cell_for_cell(
    name: str, request: pytest.FixtureRequest
) -> None:
    dataset = request.getfixturevalue(name)
    made = frames(dataset, today=TODAY)
    files = csv_tables(dataset, today=TODAY)
    assert list(made) == list(NAMES) == sorted(files)
    for table, rows in files.items():
        found = made[table]
        assert list(found.columns) == rows[0], table
        cells = [[as_csv_cell(value) for value in row] for row in found.itertuples(index=False)]
        assert cells == rows[1:], table


def test_a_frame_on_a_date_has_its_date_first(westshire_data: Dataset) -> None:
    groups = frame(westshire_data, "groups", on="2021")
    assert list(groups.columns)[:2] == ["on", "owner"]
    assert set(groups["on"]) == {"2021"}
    assert "schools-forum" not in set(groups["group"])  # planned: not known to stand then
    assert csv_tables(westshire_data, on="2021")["groups"][0][0] == "on"


def test_frames_say_no_more_than_the_data(iow: Dataset, westshire_data: Dataset) -> None:
    posts = frame(iow, "posts").set_index("post")
    cabinet = posts.loc["cabinet-member-for-childrens-services"]
    assert cabinet["holder_status"] == "not stated"
    assert cabinet["holder"] is pandas.NA  # the data gives no holder: missing, not "none"
    roles = posts.loc["director-of-childrens-services", "roles"]
    assert "chair of executive-group (derived)" in roles
    partnerships = frame(iow, "partnerships")
    assert partnerships.loc[0, "values"] == "not stated"
    assert partnerships.loc[0, "scrutiny"] == "4+"  # given in part
    groups = frame(westshire_data, "groups", today=TODAY).set_index("group")
    assert groups.loc["neglect", "status"] == "ended"
    assert groups.loc["schools-forum", "status"] == "planned"
    agencies = frame(westshire_data, "relevant_agencies", today=TODAY)  # underscores will do
    assert list(agencies["status"]) == ["current", "planned"]


def test_columns_have_the_narrowest_type(iow: Dataset) -> None:
    posts = frame(iow, "posts")
    assert str(posts["independent"].dtype) == "boolean"
    assert str(posts["title"].dtype) == "string"
    assert str(frame(iow, "partnerships")["aims"].dtype) == "Int64"


def test_an_unknown_table_is_named_with_the_choices(iow: Dataset) -> None:
    with pytest.raises(sm.UsageError, match="did you mean `relevant-agencies`") as error:
        frame(iow, "agencies")
    assert "reporting-lines" in str(error.value)


def test_the_package_offers_frames_itself(iow: Dataset) -> None:
    assert list(sm.frame(iow, "reporting-lines").columns)[:3] == ["owner", "from", "from_name"]
    assert set(sm.frames(iow)) == set(NAMES)


def test_findings_as_frames(iow: Dataset) -> None:
    report = sm.check(iow, "2024-10-01")
    found = findings_frame(report)
    assert len(found) == len(report.findings)
    assert set(found["on"]) == {"2024-10-01"}
    assert list(found["rule"]) == [f.rule for f in report.findings]
    assert list(found["advisory"]) == [f.advisory for f in report.findings]
    assert len(findings_frame(report.checks[0])) == len(report.checks[0].findings)
    structure = build_graph(iow).structure()
    frame_ = findings_frame(structure)
    assert list(frame_["code"]) == [f.code for f in structure.findings]


def test_without_pandas_the_error_names_the_extra(
    iow: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(MissingDependencyError) as error:
        frame(iow, "posts")
    assert "pip install 'safeguarding-model[notebook]'" in str(error.value)
    assert isinstance(error.value, ImportError)
    with pytest.raises(MissingDependencyError):
        frames(iow)


def test_the_plan_frame_is_the_plan_commands_csv(capsys: pytest.CaptureFixture[str]) -> None:
    from safeguarding_model.cli import main

    hips = sm.load("hips")
    found = plan_frame(hips, year="2021-22")
    assert main(["plan", "hips", "--year", "2021-22", "--format", "csv"]) == 0
    header, *rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert list(found.columns) == header and len(found) == len(rows) > 0
    for (_, row), written in zip(found.iterrows(), rows, strict=True):
        for column, cell in zip(header, written, strict=True):
            value = row[column]
            if column == "evidence_of_progress":
                assert value == (cell == "yes")
            else:
                assert (value if not pandas.isna(value) else "") == cell, column
    assert str(found["evidence_of_progress"].dtype) == "boolean"
    assert found["state"].notna().all()  # "not stated" where the plan gives none, never blank
    with pytest.raises(sm.NotFoundError):
        plan_frame(hips, "no-such-plan")
