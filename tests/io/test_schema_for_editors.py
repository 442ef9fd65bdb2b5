"""The JSON Schema as editors use it: a description on every field, the real type
expected in every message, and examples where they help."""

from __future__ import annotations

import jsonschema
import pytest

from safeguarding_model.io.schema import SCHEMA_ID, json_schema

SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def _fields() -> list[tuple[str, str, dict[str, object]]]:
    found = [("Dataset", name, prop) for name, prop in SCHEMA["properties"].items()]
    for kind, body in SCHEMA["$defs"].items():
        for option in [body, *body.get("anyOf", [])]:
            for name, prop in option.get("properties", {}).items():
                found.append((kind, name, prop))
    return found


@pytest.mark.parametrize(("kind", "name", "prop"), _fields(), ids=lambda v: str(v)[:40])
def test_every_field_has_a_description(kind: str, name: str, prop: dict[str, object]) -> None:
    description = prop.get("description")
    assert isinstance(description, str) and len(description) > 15, (kind, name)
    assert "``" not in description  # docstring markup is turned into Markdown


def test_every_kind_has_a_description() -> None:
    for kind, body in SCHEMA["$defs"].items():
        assert body.get("description"), kind


def _messages(data: dict[str, object]) -> list[str]:
    return [error.message for error in VALIDATOR.iter_errors(data)]


def test_a_bad_optional_date_is_reported_as_a_date_not_as_null() -> None:
    data = {
        "schema": SCHEMA["properties"]["schema"]["const"],
        "partnerships": [{"id": "p", "name": "P", "effective": "September 2024"}],
    }
    messages = _messages(data)
    assert messages and not any("null" in m for m in messages), messages


def test_a_bad_optional_id_names_the_pattern_expected() -> None:
    data = {
        "schema": SCHEMA["properties"]["schema"]["const"],
        "organisations": [{"id": "c", "name": "C", "kind": "police", "parent": "Not An Id"}],
    }
    messages = _messages(data)
    assert len(messages) == 1 and "does not match" in messages[0], messages


def test_dates_and_ids_carry_examples() -> None:
    chair = SCHEMA["$defs"]["Chair"]["properties"]
    assert "by 2024-12" in chair["start"]["examples"]
    assert chair["post"]["examples"] == ["isle-of-wight-council"]


def test_the_schema_has_a_stable_id() -> None:
    assert SCHEMA["$id"] == SCHEMA_ID == "urn:safeguarding-model:schema:2"
