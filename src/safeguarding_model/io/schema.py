"""The JSON Schema of the file format, generated from the model's attrs classes.

Editors use it for completion and checking (the YAML language server reads a
``# yaml-language-server: $schema=...`` comment). It describes the shape of a file;
that references resolve is checked when a file is loaded.
"""

from __future__ import annotations

import ast
import enum
import functools
import inspect
import itertools
import json
import re
import textwrap
import types
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs

from ..model import SCHEMA, BudgetShare, Dataset, FormerName, Item, PartialDate, Regime
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
    "examples": ["2024", "2024-09", "2024-09-30", "by 2024-12", "2023-04 to 2024-03"],
}
_ID = {
    "type": "string",
    "pattern": SLUG_PATTERN,
    "examples": ["isle-of-wight-council"],
}
_TEXT_OR_MAPPING = (Item, FormerName, Regime, BudgetShare)
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


@functools.cache
def _attribute_docs(cls: type) -> dict[str, str]:
    """The docstrings written under a class's fields (a string literal right after the
    field), for it and the classes it extends."""
    found: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if not attrs.has(klass):
            continue
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(klass)))
        except (OSError, TypeError):  # pragma: no cover (classes made at run time)
            continue
        body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
        for node, after in itertools.pairwise(body):
            if (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                found[node.target.id] = " ".join(inspect.cleandoc(after.value.value).split())
    return found


_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z`(])")


def _field_description(cls: type, name: str, prop: dict[str, Any]) -> str:
    """What a field means: its own docstring; else the sentences of the class's
    docstring that name it; else its type in words."""
    own = _attribute_docs(cls).get(name)
    if own:
        return own.replace("``", "`")
    for klass in cls.__mro__:
        if not attrs.has(klass):
            break
        named = [s for s in _SENTENCE.split(_describe(klass)) if f"`{name}`" in s]
        if named:
            return " ".join(named[:2])
    common = _COMMON.get(name)
    if common:
        return common
    words = name.replace("_", " ")
    return f"The {words}: {_type_text(prop)}."


_COMMON = {
    "id": "The id other entries use to refer to this one: lower-case letters, digits and "
    "single hyphens, unique in the file or folder.",
    "name": "The name, as the document gives it.",
    "short_name": "The short name or abbreviation the document uses (IOWSCP, LIG).",
    "title": "The title, as the document gives it.",
    "text": "The document's own words for this entry, kept so that every answer is sourced.",
    "note": "A note on how the entry was read from the document (kept with the data).",
    "description": "What the document says it is or does, in its words.",
    "start": "When it began, as precisely as the document gives it; left out when not given.",
    "end": "When it ended (or ends), as precisely as the document gives it; left out when "
    "not given.",
    "planned": "True for an entry the document plans that is not yet in place: shown as "
    "planned, never as current.",
    "former_names": "The names it went by before, newest first, with their dates where known.",
    "predecessors": "The bodies it followed: renamed, merged, split or replaced, with the "
    "date and who decided it where known.",
    "partial": "The lists of this entry that the document gives only in part.",
    "not_stated": "The optional fields the document does not give, so that 'not said' is "
    "never read as 'none'.",
    "not_stated_for": "Fields the document does not give for a period only.",
    "source": "The published document or page this was encoded from.",
    "sources": "Further pages or documents this draws on.",
    "organisation": "The id of the organisation concerned.",
    "post": "The id of the post concerned.",
    "person": "The id of the person concerned.",
    "by": "The ids of the bodies, posts or people who do it.",
    "by_role": "A partnership role whose holders do it (instead of, or beside, `by`).",
    "to": "The ids of the bodies it goes to.",
    "items": "Its items in the document's order: plain text, or text with `points` under it.",
    "points": "The points listed under the item, in the document's order.",
    "members": "The members, in the document's order.",
    "groups": "Its groups: boards, subgroups, task and finish groups and others.",
    "background": "The background the document gives, in its order.",
    "outcomes": "Its outcomes, in the document's order.",
    "objectives": "Its objectives, in the document's order.",
    "responsibilities": "Its responsibilities, in the document's order.",
    "role": "The role, as one of the allowed values.",
    "kind": "What kind it is, as one of the allowed values.",
    "period": "The period it covers (2023 to 2026), as precisely as the document gives it.",
    "date": "The date, as precisely as the document gives it.",
    "published": "When it was published, as precisely as the document gives it.",
    "url": "Its web address, where it has one.",
    "method": "How the group decides.",
    "fallback": "How it decides when the first method does not settle it.",
    "voters": "Who votes, as a partnership role.",
    "rotates": "True when the chair passes in turn among the holders of `one_of`.",
    "local_authorities": "The ids of the local authorities whose areas it covers.",
    "functions": "The functions it undertakes, in the document's order.",
    "instrument": "The instrument, in the document's words (a signed agreement, a decision).",
    "every": "How often, as one of the known cadences.",
    "every_text": "How often, in the document's words, where not one of the known cadences.",
    "support_in_kind": "Services organisations provide rather than money.",
    "chairs": "Who chairs it, as the document gives it (several for co-chairs and vice-chairs).",
    "decision_rule": "How it takes decisions, with a fallback and who votes.",
    "chair_of": "The ids of groups whose chairs sit on this group as members.",
    "capacity": "In what capacity the member sits (member, core member, invited, "
    "representative, observer).",
    "part": "Part A (a strategic objective) or Part B (an activity) of the plan.",
    "actions": "Its actions, each with its reporting year and, where given, its state.",
    "links": "Its links to other objectives, in the document's words.",
    "area": "The geographical area the arrangements cover.",
    "lead_partners": "The lead safeguarding partners (safeguarding partners, under the 2018 "
    "edition): an organisation in a statutory role, with its post where named.",
    "scrutineers": "The posts that give independent scrutiny, with their functions.",
    "thresholds": "The thresholds document the arrangements refer to.",
    "relevant_agencies": "The organisations or sectors named as relevant agencies, in the "
    "document's order, with their footnotes.",
    "observers": "The participating observers: posts or organisations.",
    "functional_links": "The boards and arrangements the partnership works with.",
    "yearly_report": "What the yearly report must contain, in the document's order.",
    "yearly_reports": "The yearly reports published, each with its period and publication.",
    "review": "When the arrangements are reviewed: the dates given, then every few years.",
    "funding": "How the partnership is funded.",
    "training": "The multi-agency training offer.",
    "procedures": "The multi-agency procedures that apply.",
    "contact": "How to contact the partnership (an address, an email).",
    "purpose": "Its purpose, in the document's words: plain text, or text with the `points` "
    "the document lists under it.",
    "vision": "Its vision, in the document's words: plain text, or text with the `points` "
    "the document lists under it.",
    "values": "Its values, in the document's order.",
    "principles": "Its principles, in the document's order (kept apart from aims).",
    "reviews": "Who reviews progress, how often, and what they do with it.",
    "acting": "True when the holder is acting up in the post.",
    "independent": "True for an independent post that belongs to no organisation.",
    "collaboration": "The id of the collaboration concerned.",
    "areas": "The areas it covers or addresses.",
    "presented_by": "The id of the post, group or organisation that presented it.",
    "presented_to": "The ids of the bodies or posts it was presented to.",
    "sent_to": "The ids of the bodies or posts it was sent to.",
    "footnote": "The footnote the document gives the agency.",
    "then_every_years": "After the last date given, a review every this many years.",
    "sector": "The id of the sector (an organisation of a sector kind).",
    "how": "How this body followed the other: renamed, merged, split or replaced.",
    "decided_by": "The id of the body or post that decided it, where known.",
    "provides": "What it provides, in the document's words (accommodation, legal).",
    "elements": "The elements of the offer, in the document's order.",
    "charging": "Who pays for the training, in the document's words.",
    "field": "The name of the field concerned.",
    "contents": "What it must contain, in the document's order.",
}
"""Descriptions of the fields many entries share, used where a class says nothing of
its own about the field."""


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
            prop = dict(_ID)
        elif field.validator is check_ids:
            prop = {"type": "array", "items": _ID}
        description = _field_description(cls, field.name, prop)
        if "$ref" in prop:  # a description beside a reference: wrapped, as draft 2020-12 allows
            prop = {"$ref": prop["$ref"], "description": description}
        else:
            prop = {**prop, "description": description}
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


def _type_schema(type_: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(type_)
    if origin in (Union, types.UnionType):
        # An optional field is left out when the document does not give it, never
        # written as null: the schema names only the type it takes, so a validator
        # reports that type, not "is not of type 'null'".
        options = [_type_schema(arg, defs) for arg in get_args(type_) if arg is not type(None)]
        return options[0] if len(options) == 1 else {"anyOf": options}
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
    out += ["| field | type | | meaning |", "|---|---|---|---|"]
    required = set(body.get("required", ()))
    for field, prop in body["properties"].items():
        meaning = str(prop.get("description", "")).replace("|", "\\|")
        out.append(
            f"| `{field}` | {_type_text(prop)} | {'required' if field in required else ''} "
            f"| {meaning} |"
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
    if prop.get("anyOf") == _DATE["anyOf"]:
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
