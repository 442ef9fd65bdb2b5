"""The native formats (``json``, ``yaml``) carry every fact issue 10 added: a dataset
written as a file, using each new field, loads, exports and loads again to an equal
dataset; so does every generated dataset that uses them (``strategies.rich_datasets``).
The loader is their real consumer."""

from __future__ import annotations

import json
from collections.abc import Iterator

import attrs
import pytest
import yaml
from hypothesis import given
from variety import VARIETY, variety

from safeguarding_model.exporters import export
from safeguarding_model.io import loads
from safeguarding_model.model import Dataset
from strategies import rich_datasets

NEW_FIELDS = {
    "Chair": {
        "person",
        "organisation",
        "one_of",
        "rotates",
        "rotation_period",
        "rotation_in_order",
        "nominated_by",
        "rotates_among",
        "text",
        "known_on",
    },
    "Member": {"some"},
    "LeadPartner": {"through"},
    "Source": {"url"},
    "Post": {"elected", "also_chairs"},
    "Organisation": {"owned_by", "delivers_for", "collective", "count"},
    "Line": {
        "alternatives",
        "kind",
        "cadence_text",
        "condition",
        "subject",
        "via",
    },
    "ReportingLine": {"by", "kind", "alternatives", "subject", "condition", "cadence"},
    "Group": {"meets_text", "covers", "scope", "ends_when", "partial", "not_stated_for"},
    "Partnership": {
        "sources",
        "members",
        "meets",
        "scrutiny",
        "vision",
        "purpose",
        "values",
        "principles",
        "reports_to",
        "lines",
        "duties",
        "events",
        "approval",
        "funding",
        "partial",
        "not_stated_for",
    },
    "ScrutinyMechanism": {"kind", "name", "by", "by_role", "inputs", "text", "start"},
    "Duty": {"of", "post", "items", "text"},
    "RecurringEvent": {"name", "kind", "every", "every_text", "by", "to"},
    "Approval": {"by", "date", "instrument", "text"},
    "Funding": {"rule", "contributions", "agreed_by_role", "agreed_every", "text"},
    "Contribution": {"organisation", "amount", "percent", "in_kind", "period", "text"},
    "Collaboration": {"areas", "purpose", "principles", "lines", "partial"},
    "GovernedDocument": {
        "title",
        "kind",
        "owner",
        "monitored_by",
        "delivered_by",
        "delivers",
        "period",
        "reviewed",
        "next_review",
        "items",
        "text",
        "start",
        "planned",
    },
    "PartialList": {"field", "further", "text"},
    "UnstatedPeriod": {"field", "start", "end", "text"},
}
"""The fields issue 10 added (and the old ones of its new classes), by class: the
variety dataset must set each somewhere, so the round trip covers them all."""


def _set_fields(value: object) -> Iterator[tuple[str, str]]:
    """(class name, field name) for every field set to other than its default."""
    if isinstance(value, tuple):
        for item in value:
            yield from _set_fields(item)
        return
    if not attrs.has(type(value)):
        return
    for field in attrs.fields(type(value)):
        current = getattr(value, field.name)
        if field.default is attrs.NOTHING or current != field.default:
            yield type(value).__name__, field.name
        yield from _set_fields(current)


def test_the_variety_dataset_sets_every_new_field() -> None:
    found: dict[str, set[str]] = {}
    for cls, field in _set_fields(variety()):
        found.setdefault(cls, set()).add(field)
    missing = {cls: fields - found.get(cls, set()) for cls, fields in NEW_FIELDS.items()}
    assert {cls: fields for cls, fields in missing.items() if fields} == {}


@pytest.mark.parametrize("format", ["json", "yaml"])
def test_load_export_load_gives_an_equal_dataset(format: str) -> None:
    dataset = variety()
    text = export(dataset, format)
    assert isinstance(text, str)
    again = loads(text, format=format)
    assert again == dataset
    assert export(again, format) == text  # and the same text again


def test_the_json_is_the_file_as_written() -> None:
    """Nothing is added, dropped or renamed: the exported JSON holds the data the YAML
    file gives, key for key (defaults left out, as the writer leaves them)."""
    written = yaml.safe_load(VARIETY)
    exported = json.loads(str(export(variety(), "json")))
    partnership = exported["partnerships"][0]
    source = written["partnerships"][0]
    for key in ("scrutiny", "duties", "events", "approval", "lines", "partial", "not_stated_for"):
        assert key in partnership, key
    assert partnership["funding"]["contributions"][1] == source["funding"]["contributions"][1]
    assert partnership["funding"]["rule"] == "Equal shares"
    board = next(g for g in partnership["groups"] if g["id"] == "board")
    line = board["reports_to"][1]
    assert line["alternatives"] == ["csp"] and line["kind"] == "for-information"
    assert line["cadence_text"] == "Bi-monthly and as required"
    assert [d["id"] for d in exported["documents"]] == ["exploitation-strategy", "delivery-plan"]
    assert exported["organisations"][5]["count"] == 8


def test_a_yaml_export_on_a_date_loads_as_the_view_on_that_date() -> None:
    dataset = variety()
    text = str(export(dataset, "yaml", on="2021-06"))
    assert text.startswith("# The arrangements as they stood on 2021-06.\n")
    view = dataset.as_of("2021-06")
    assert loads(text) == view
    audit = next(g for g in view.partnerships[0].groups if g.id == "audit")
    assert "description" in audit.not_stated  # not stated for that period


@pytest.mark.slow
@given(rich_datasets(max_partnerships=2, max_groups=4))
def test_every_generated_dataset_with_the_new_facts_round_trips(dataset: Dataset) -> None:
    for format in ("json", "yaml"):
        text = export(dataset, format)
        assert isinstance(text, str)
        assert loads(text, format=format) == dataset
