"""Round trips: load(dump(x)) == x for YAML and JSON, and the schema accepts every file."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given

from safeguarding_model.io import dumps, example_names, load, loads
from safeguarding_model.io.schema import json_schema
from safeguarding_model.model import Dataset
from strategies import datasets

VALIDATOR = jsonschema.Draft202012Validator(json_schema())


@given(datasets())
def test_yaml_round_trip_loses_nothing(dataset: Dataset) -> None:
    assert loads(dumps(dataset, "yaml"), format="yaml") == dataset


@given(datasets())
def test_json_round_trip_loses_nothing(dataset: Dataset) -> None:
    assert loads(dumps(dataset, "json"), format="json") == dataset


@given(datasets())
def test_schema_accepts_every_generated_file(dataset: Dataset) -> None:
    VALIDATOR.validate(json.loads(dumps(dataset, "json")))


@given(datasets())
def test_dump_is_deterministic(dataset: Dataset) -> None:
    assert dumps(dataset) == dumps(loads(dumps(dataset)))


@pytest.mark.parametrize("name", example_names())
def test_shipped_examples_round_trip_and_match_the_schema(name: str) -> None:
    dataset = load(name)
    for format in ("yaml", "json"):
        assert loads(dumps(dataset, format), format=format) == dataset
    VALIDATOR.validate(json.loads(dumps(dataset, "json")))
