"""A document's charts drawn from the part of the dataset they need are the charts drawn
from the whole dataset's graph.

A document built without a graph draws each chart from the graph of the part of the
dataset the chart needs (:mod:`safeguarding_model.documents.neighbourhood`); given the
whole dataset's graph, it draws from that. The two documents must be equal, for every
partnership of the shipped region, of a dataset of several regions that share bodies
and lines across them, and of generated models, with and without a date.
"""

from __future__ import annotations

import datetime
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings

from safeguarding_model.documents import build, neighbourhood
from safeguarding_model.documents.neighbourhood import references, scoped_chart
from safeguarding_model.errors import NothingStoodError
from safeguarding_model.io import dumps, load, loads
from safeguarding_model.model import Dataset, Line
from strategies import rich_datasets

TODAY = datetime.date(2025, 1, 1)


def _same_documents(dataset: Dataset, on: str | None = None) -> None:
    for name in ("arrangements", "yearly-report"):
        for partnership in dataset.partnerships:
            try:
                scoped = build(name, dataset, partnership.id, on=on, today=TODAY)
            except NothingStoodError:
                continue
            with mock.patch.object(neighbourhood.PartCharts, "chart", return_value=None):
                whole = build(name, dataset, partnership.id, on=on, today=TODAY)
            assert scoped == whole, (name, partnership.id)


@pytest.mark.parametrize("on", [None, "2021", "2024-10"])
def test_every_partnership_of_the_shipped_region(on: str | None) -> None:
    _same_documents(load("hips"), on)


def _prefixed(dataset: Dataset, prefix: str) -> Dataset:
    """A copy of ``dataset`` with every id (and every reference to one) prefixed."""
    ids = set(dataset.index())

    def prefixed(value: object) -> object:
        if isinstance(value, str):
            return f"{prefix}-{value}" if value in ids else value
        if isinstance(value, tuple):
            return tuple(prefixed(v) for v in value)
        if attrs.has(type(value)):
            changes = {
                f.name: prefixed(getattr(value, f.name))
                for f in attrs.fields(type(value))
                if f.name not in ("name", "title", "text", "note", "short_name", "description")
            }
            return attrs.evolve(value, **changes)  # type: ignore[misc]
        return value

    copy = prefixed(dataset)
    assert isinstance(copy, Dataset)
    return copy


def _regions() -> Dataset:
    """The shipped region and four copies of it, the copies' ids prefixed, with a line
    and a joint group from the first copy to the original: a chart of the original must
    show them."""
    hips = load("hips")
    copy = _prefixed(hips, "copy")
    first = copy.partnerships[0]
    group = attrs.evolve(
        first.groups[0],
        reports_to=(*first.groups[0].reports_to, Line(to=hips.partnerships[0].groups[0].id)),
        joint_with=(*first.groups[0].joint_with, hips.partnerships[1].id),
        not_stated=tuple(f for f in first.groups[0].not_stated if f != "reports_to"),
    )
    copy = attrs.evolve(
        copy,
        partnerships=(
            attrs.evolve(first, groups=(group, *first.groups[1:])),
            *copy.partnerships[1:],
        ),
    )
    return hips.merged(copy, *(_prefixed(hips, f"other{number}") for number in range(3)))


@pytest.mark.slow
def test_regions_with_lines_between_them() -> None:
    dataset = _regions()
    _same_documents(dataset)
    # the original's chart needed the copy's partnership that has a line to it
    chart = scoped_chart(dataset, dataset.partnerships[0].id, today=TODAY)
    assert chart is not None
    assert any(node.id.startswith("copy-") for node in chart.nodes)


def test_one_partnership_alone() -> None:
    with mock.patch.object(neighbourhood.PartCharts, "largest", 1.0):
        for name in ("isle-of-wight-2019", "isle-of-wight-2020", "isle-of-wight-2024"):
            _same_documents(load(name))
            _same_documents(load(name), "2024-10")


def test_references_are_found_once_while_the_dataset_lives() -> None:
    dataset = loads(dumps(load("hips")))
    assert references(dataset) is references(dataset)
    assert references(loads(dumps(dataset))) is not references(dataset)


def _same_references(dataset: Dataset) -> None:
    """The references ``dataset`` has (kept by loading) are those a walk finds."""
    kept = references(dataset)
    walked = neighbourhood._find_references(dataset)
    assert kept.entries == walked.entries
    assert kept.owner == walked.owner
    assert kept.names == walked.names
    assert kept.named_by == walked.named_by


@pytest.mark.parametrize("name", ["hips", "isle-of-wight-2019", "isle-of-wight-2024"])
def test_loading_keeps_the_references_it_found(name: str) -> None:
    with mock.patch.object(
        neighbourhood, "_find_references", side_effect=AssertionError("walked again")
    ):
        loaded = load(name)
        kept = references(loaded)  # kept by loading, not found by a walk
        again = loads(dumps(loaded))
        assert references(again) is not kept
        made = attrs.evolve(loaded)  # a dataset made in code: nothing kept
        with pytest.raises(AssertionError, match="walked again"):
            references(made)
    _same_references(loaded)
    _same_references(again)


def test_a_document_speaks_of_its_own_organisations_only() -> None:
    """Of a region's or the nation's organisations, a partnership's history names those
    its arrangements speak of (the constabulary, renamed, and the integrated care board
    that replaced the commissioning group), not another area's."""
    hips = load("hips")
    copy = _prefixed(hips, "copy")
    renamed = [
        attrs.evolve(o, name=f"Other {o.name}") if o.former_names or o.predecessors else o
        for o in copy.organisations
    ]
    both = hips.merged(attrs.evolve(copy, organisations=tuple(renamed)))
    for partnership in hips.partnerships:
        alone = build("arrangements", hips, partnership.id, today=TODAY)
        among = build("arrangements", both, partnership.id, today=TODAY)
        history = [s for s in among.sections if s.title == "Names and Predecessors"]
        assert history == [s for s in alone.sections if s.title == "Names and Predecessors"]
        assert history, partnership.id  # the constabulary's former name, at least
        assert "Other " not in str(history)


@pytest.mark.slow
@settings(max_examples=15)
@given(rich_datasets(max_partnerships=3))
def test_references_loading_keeps_are_those_a_walk_finds(dataset: Dataset) -> None:
    _same_references(loads(dumps(dataset)))


@pytest.mark.slow
@settings(max_examples=15)
@given(rich_datasets(max_partnerships=3))
def test_generated_models(dataset: Dataset) -> None:
    # a part of any size short of the whole, for these small models to have one
    with mock.patch.object(neighbourhood.PartCharts, "largest", 1.0):
        _same_documents(dataset)
        _same_documents(dataset, "2021")
