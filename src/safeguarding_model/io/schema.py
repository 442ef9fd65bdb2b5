"""The JSON Schema of the file format, generated from the model's attrs classes.

Editors use it for completion and checking (the YAML language server reads a
``# yaml-language-server: $schema=...`` comment). It describes the shape of a file;
that references resolve is checked when a file is loaded.
"""

from __future__ import annotations

import enum
import inspect
import json
import types
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs

from ..model import SCHEMA, Dataset, FormerName, Item, PartialDate, Regime
from ..model.values import SLUG_PATTERN, check_id, check_ids, optional_fields, optional_id

__all__ = ["SCHEMA_ID", "json_schema", "json_schema_text"]

SCHEMA_ID = "urn:safeguarding-model:schema:2"

_PLAIN_DATE = r"\d{4}(-\d{2}(-\d{2})?)?"
_DATE = {
    "description": (
        "A date as precise as the document gives it: 2024, 2024-09 or 2024-09-30; "
        "a bound (by 2024-12, before 2020, after 2019); or a range (2023-04 to 2024-03)."
    ),
    "anyOf": [
        {
            "type": "string",
            "pattern": (rf"^((by|before|after) {_PLAIN_DATE}|{_PLAIN_DATE}( to {_PLAIN_DATE})?)$"),
        },
        {"type": "integer", "minimum": 1800, "maximum": 2999},
    ],
}
_ID = {"type": "string", "pattern": SLUG_PATTERN}
_TEXT_OR_MAPPING = (Item, FormerName, Regime)
"""Written as plain text when nothing but their first field is given."""


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) for a dataset file."""
    defs: dict[str, Any] = {}
    root = _class_schema(Dataset, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "safeguarding-model dataset",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def json_schema_text() -> str:
    """The schema as stable, indented JSON text."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def _describe(cls: type) -> str:
    return " ".join(inspect.cleandoc(cls.__doc__ or "").split()).replace("``", "`")


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if field.name == "schema" and cls is Dataset:
            properties["schema"] = {"const": SCHEMA, "description": "The format version."}
            required.append("schema")
            properties["include"] = {
                "type": "array",
                "items": {"type": "string", "minLength": 1},
                "description": "Files to load with this one, relative to its folder (a "
                "region's partnership files); each file is loaded once.",
            }
            continue
        prop = _type_schema(hints[field.name], defs)
        if field.name == "not_stated":
            prop = {"type": "array", "uniqueItems": True, "items": {"enum": optional_fields(cls)}}
        elif field.validator in (check_id, optional_id):
            prop = _with_id(prop)
        elif field.validator is check_ids:
            prop = {"type": "array", "items": _ID}
        properties[field.name] = prop
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {
        "type": "object",
        "description": _describe(cls),
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = required
    return schema


def _with_id(prop: dict[str, Any]) -> dict[str, Any]:
    if "anyOf" in prop:  # optional: an id or null
        return {"anyOf": [_ID, {"type": "null"}]}
    return dict(_ID)


def _type_schema(type_: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(type_)
    if origin in (Union, types.UnionType):
        options = [_type_schema(arg, defs) for arg in get_args(type_)]
        return {"anyOf": options}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(get_args(type_)[0], defs)}
    if type_ is type(None):
        return {"type": "null"}
    if type_ is str:
        return {"type": "string", "minLength": 1}
    if type_ is bool:
        return {"type": "boolean"}
    if type_ is int:
        return {"type": "integer"}
    if type_ is float:
        return {"type": "number"}
    if type_ is PartialDate:
        return dict(_DATE)
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        name = type_.__name__
        defs.setdefault(
            name,
            {"description": _describe(type_), "enum": [member.value for member in type_]},
        )
        return {"$ref": f"#/$defs/{name}"}
    if attrs.has(type_):
        name = type_.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion (Item holds Items)
            body = _class_schema(type_, defs)
            if type_ in _TEXT_OR_MAPPING:
                body = {
                    "description": body["description"],
                    "anyOf": [dict(next(iter(body["properties"].values()))), body],
                }
            defs[name] = body
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {type_!r}")


def format_reference() -> str:
    """Markdown listing every kind of entry in a file, its fields and the allowed values.

    ``docs/format-reference.md`` is this text; a test keeps the two the same.
    """
    schema = json_schema()
    defs = schema["$defs"]
    out = [
        "# File format reference",
        "",
        "Generated from the model by `safeguarding_model.io.schema.format_reference()`;",
        "do not edit by hand. [format.md](format.md) explains how the parts fit together.",
        "",
        f"Every file starts with `schema: {SCHEMA}`. Fields marked *required* must be",
        "given; the others may be left out. An *id* is lower-case letters, digits and",
        "single hyphens, unique in the file or folder.",
        "",
    ]
    out += _object_section("Dataset", schema, defs)
    for name, body in defs.items():
        if "enum" not in body:
            out += _object_section(name, body, defs)
    out += ["## Allowed values", ""]
    for name, body in defs.items():
        if "enum" in body:
            out += [
                f"### {name}",
                "",
                body["description"],
                "",
                ", ".join(f"`{v}`" for v in body["enum"]),
                "",
            ]
    return "\n".join(out).rstrip() + "\n"


def _object_section(name: str, body: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    if "anyOf" in body and "properties" not in body:  # text, or a mapping
        body = next(option for option in body["anyOf"] if "properties" in option)
        first = next(iter(body["properties"]))
        lead = f"Written as plain text (its `{first}` alone), or as a mapping with these fields."
    else:
        lead = ""
    out = [f"## {name}", "", body.get("description", ""), ""]
    if lead:
        out += [lead, ""]
    out += ["| field | type | |", "|---|---|---|"]
    required = set(body.get("required", ()))
    for field, prop in body["properties"].items():
        out.append(
            f"| `{field}` | {_type_text(prop)} | {'required' if field in required else ''} |"
        )
    return [*out, ""]


def _type_text(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        target = prop["$ref"].rsplit("/", 1)[1]
        return f"[{target}](#{target.lower()})"
    if "const" in prop:
        return f"`{prop['const']}`"
    if "enum" in prop:
        return "name of an optional field above"
    if prop.get("description") == _DATE["description"]:
        return "date (2024, 2024-09, 2024-09-30, by 2024-12, before 2020, 2023 to 2024)"
    if "anyOf" in prop:
        options = [_type_text(p) for p in prop["anyOf"] if p.get("type") != "null"]
        return " or ".join(dict.fromkeys(options))
    kind = prop.get("type")
    if kind == "array":
        return f"list of {_type_text(prop['items'])}"
    if kind == "string":
        if prop.get("pattern") == SLUG_PATTERN:
            return "id"
        return "text"
    if kind == "integer":
        return "whole number"
    return {"boolean": "true or false", "null": "nothing"}.get(str(kind), str(kind))
