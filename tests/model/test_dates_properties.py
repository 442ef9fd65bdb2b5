"""Properties of the view on a date (``Dataset.as_of``) on generated datasets with
dates of every shape: it never shows an entry outside its dates or a planned entry,
it is idempotent, it names a body by a former name only when that name's dates surely
cover the date, and what it leaves is a dataset whose references all resolve.

The predicates are written here afresh from the format's words, not taken from
``model/dates.py``, so that the view is checked against what the dates mean.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given

from safeguarding_model.io import dumps, load, loads
from safeguarding_model.model import (
    Collaboration,
    Dataset,
    DelegatedPartner,
    FormerName,
    LeadPartner,
    Organisation,
    OrganisationKind,
    PartialDate,
    Partnership,
    Post,
    PublishedReport,
    StatutoryRole,
    Succession,
    SuccessionKind,
)
from safeguarding_model.model.dates import as_of
from strategies import datasets, dates

Day = tuple[int, int, int]
Span = tuple[Day, Day]


def _span(on: PartialDate) -> Span:
    return on.first_day(), on.last_day()


def _may_stand(start: PartialDate | None, end: PartialDate | None, span: Span) -> bool:
    """Whether an entry dated ``start`` to ``end`` can have stood on some day of the
    span: it did not surely start after the span, nor surely end before it."""
    first, last = span
    if start is not None and start.first_day() > last:
        return False
    return end is None or end.last_day() >= first


def _surely_covers(former: FormerName, span: Span) -> bool:
    """Whether a former name's dates leave no doubt that it was the name on every day of
    the span: at least one date known, and neither leaves room for another name."""
    if former.start is None and former.end is None:
        return False
    first, last = span
    if former.start is not None and former.start.last_day() > first:
        return False
    return former.end is None or former.end.first_day() >= last


def _entries(value: object, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every model object under ``value`` with its path, the dataset's own lists,
    partnerships' and groups' parts included."""
    if isinstance(value, tuple):
        for number, item in enumerate(value):
            yield from _entries(item, f"{path}[{number}]")
        return
    if not attrs.has(type(value)) or isinstance(value, PartialDate):
        return
    yield path, value
    for field in attrs.fields(type(value)):
        yield from _entries(getattr(value, field.name), f"{path}.{field.name}")


def _has_id(entry: object) -> bool:
    """Whether ``entry`` is one with an id that a view shares when the date leaves it
    as it was (a partnership's view is always made anew: it is one object for each
    partnership, and what it holds is shared)."""
    return isinstance(getattr(entry, "id", None), str) and not isinstance(entry, Partnership)


def _dated(dataset: Dataset) -> Iterator[tuple[str, Any]]:
    """The entries a date can leave out: everything with a ``start`` and an ``end``
    but a former name (which names an entry, and stays with it)."""
    for path, entry in _entries(dataset):
        if hasattr(entry, "start") and hasattr(entry, "end") and not isinstance(entry, FormerName):
            yield path, entry


def _named(dataset: Dataset) -> dict[str, Organisation | Partnership | Collaboration]:
    """The bodies that can go by a former name, by id."""
    return {
        entity.id: entity
        for entity in (*dataset.organisations, *dataset.partnerships, *dataset.collaborations)
    }


@given(datasets(), dates())
def test_the_view_shows_no_entry_outside_its_dates(dataset: Dataset, on: PartialDate) -> None:
    view, span = dataset.as_of(on), _span(on)
    for path, entry in _dated(view):
        assert _may_stand(entry.start, entry.end, span), (path, str(on))
    for partnership in view.partnerships:  # nor arrangements before they took effect
        assert _may_stand(partnership.effective, None, span), (partnership.id, str(on))
    for path, entry in _entries(view):
        if isinstance(entry, PublishedReport) and entry.published is not None:
            # a report is not shown before it can have been published
            assert entry.published.first_day() <= span[1], (path, str(on))


@given(datasets(), dates())
def test_every_kind_of_dated_entry_is_left_out_outside_its_dates(
    dataset: Dataset, on: PartialDate
) -> None:
    """The converse for the dataset's own lists: what surely did not stand is gone, and
    what may have stood (and is not planned, nor part of something gone) stays."""
    view, span = dataset.as_of(on), _span(on)
    kept = {entity.id for entity in view.entities()}
    for entity in (
        *dataset.organisations,
        *dataset.posts,
        *dataset.partnerships,
        *dataset.collaborations,
    ):
        effective = getattr(entity, "effective", None)
        stands = _may_stand(entity.start, entity.end, span) and _may_stand(effective, None, span)
        if not stands:
            assert entity.id not in kept, (entity.id, str(on))
    for organisation in dataset.organisations:
        if _may_stand(organisation.start, organisation.end, span):
            assert organisation.id in kept, (organisation.id, str(on))
    for owner, group in dataset.groups():
        if not _may_stand(group.start, group.end, span) or group.planned:
            assert group.id not in kept, (group.id, str(on))
        elif owner.id in kept:
            assert group.id in kept, (group.id, str(on))


@given(datasets(), dates())
def test_the_view_shows_nothing_planned(dataset: Dataset, on: PartialDate) -> None:
    planned = [
        path for path, entry in _entries(dataset.as_of(on)) if getattr(entry, "planned", False)
    ]
    assert planned == []


@given(datasets(), dates())
def test_the_view_on_a_date_is_idempotent(dataset: Dataset, on: PartialDate) -> None:
    once = dataset.as_of(on)
    # worked out again (a new dataset object, equal to the view, is not known to be
    # one), the view is the same and leaves nothing out
    again, left_out = as_of(attrs.evolve(once), on)
    assert again == once
    assert left_out == ()
    # which is why the view itself, asked for the same date, is given back as it is
    assert once.as_of(on) is once
    assert as_of(once, on) == (once, ())
    # and what the date leaves as it was is shared, not copied
    for (_, group), (_, copied) in zip(once.groups(), again.groups(), strict=True):
        assert copied is group, group.id


@given(datasets(), dates())
def test_the_view_shares_what_the_date_leaves_as_it_was(dataset: Dataset, on: PartialDate) -> None:
    """A view holds the dataset's own objects wherever the date changes nothing, so that
    a dataset and its view together take little more memory than the dataset."""
    own = {id(entry) for _, entry in _entries(dataset)}
    before = {(type(entry), entry.id): entry for _, entry in _entries(dataset) if _has_id(entry)}
    for path, entry in _entries(dataset.as_of(on)):
        if not _has_id(entry):
            continue
        original = before.get((type(entry), entry.id))
        if original is not None and original == entry:
            assert id(entry) in own, (path, str(on))


def _ended_before(name: FormerName, span: tuple[Day, Day]) -> bool:
    return name.end is not None and name.end.last_day() < span[0]


@given(datasets(), dates())
def test_a_former_name_only_where_its_dates_surely_cover_the_date(
    dataset: Dataset, on: PartialDate
) -> None:
    span = _span(on)
    before = _named(dataset)
    for key, shown in _named(dataset.as_of(on)).items():
        entity = before[key]
        names = entity.former_names
        covering = [
            f
            for i, f in enumerate(names)
            if _surely_covers(f, span)
            # with no start, the name before it must surely have ended before the date
            and (f.start is not None or i + 1 == len(names) or _ended_before(names[i + 1], span))
        ]
        newest_end = names[0].end if names else None
        if not covering and newest_end is not None and newest_end.first_day() > span[1]:
            # its own name surely came later: the newest former name the dates allow
            covering = [f for f in names if _may_stand(f.start, f.end, span)]
        if covering:  # named as it surely (or, failing that, possibly) was then
            assert (shown.name, shown.short_name) == (covering[0].name, covering[0].short_name)
        else:  # no doubt-free former name: its own name
            assert (shown.name, shown.short_name) == (entity.name, entity.short_name), key
        assert shown.former_names == entity.former_names


@given(datasets(), dates())
def test_the_view_on_a_date_is_a_dataset_whose_references_resolve(
    dataset: Dataset, on: PartialDate
) -> None:
    view = dataset.as_of(on)
    assert loads(dumps(view)) == view


def _succession_across_an_end() -> Dataset:
    """The smallest case: a body that ended in 2022, and its successor from 2022-07."""
    return Dataset(
        organisations=(
            Organisation(
                id="ccg",
                name="A CCG",
                kind=OrganisationKind.CLINICAL_COMMISSIONING_GROUP,
                end=PartialDate.from_string("2022-06-30"),
            ),
            Organisation(
                id="icb",
                name="An ICB",
                kind=OrganisationKind.INTEGRATED_CARE_BOARD,
                start=PartialDate.from_string("2022-07-01"),
                predecessors=(Succession(of="ccg", how=SuccessionKind.REPLACED),),
            ),
        ),
    )


@pytest.mark.parametrize("case", ["minimal", "shipped"])
def test_the_view_after_a_succession_loads_back(case: str) -> None:
    """A succession from a body the view leaves out goes with it, so the view loads."""
    if case == "minimal":
        view = _succession_across_an_end().as_of("2023")
    else:  # the board replaced the CCG on 2022-07-01; export --on 2024-09 --to yaml
        view = load("isle-of-wight-2024").as_of("2024-09")
    assert loads(dumps(view)) == view


def test_the_view_after_a_lead_partner_ends_loads_back() -> None:
    dataset = Dataset(
        organisations=(
            Organisation(
                id="ccg", name="A CCG", kind=OrganisationKind.CLINICAL_COMMISSIONING_GROUP
            ),
        ),
        posts=(Post(id="director", title="Director", organisation="ccg"),),
        partnerships=(
            Partnership(
                id="scp",
                name="A Partnership",
                lead_partners=(
                    LeadPartner(
                        role=StatutoryRole.CLINICAL_COMMISSIONING_GROUP,
                        organisation="ccg",
                        end=PartialDate.from_string("2022-06-30"),
                    ),
                ),
                delegated_partners=(
                    DelegatedPartner(
                        post="director", acts_for=StatutoryRole.CLINICAL_COMMISSIONING_GROUP
                    ),
                ),
            ),
        ),
    )
    view = dataset.as_of("2023")
    assert loads(dumps(view)) == view
