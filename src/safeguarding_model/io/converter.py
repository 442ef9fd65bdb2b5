"""The one cattrs converter that reads and writes the model.

Strict on input: unknown fields are refused, text must be text (``name: yes`` is a
yes/no value, not the word "yes"), numbers must be numbers, lists must be lists.
Every structuring problem keeps the path of the field it came from, so that
:mod:`safeguarding_model.io.locate` can say where in the file it is.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import Any, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ..errors import ListTooLong, StructureError, describe
from ..model import BudgetShare, Dataset, FormerName, Item, PartialDate, Regime
from ..model.values import Choice, FieldError, closest, with_article

__all__ = ["StructureError", "configure_converter", "converter", "describe", "make_converter"]


_ALIASES = {
    "6-monthly": "six-monthly",
    "six monthly": "six-monthly",
    "sixmonthly": "six-monthly",
    "biannually": "six-monthly",
    "bi-annually": "six-monthly",
    "half-yearly": "six-monthly",
    "twice-yearly": "six-monthly",
    "yearly": "annually",
    "annual": "annually",
    "bi-monthly": "bimonthly",
    "every-two-months": "bimonthly",
    "quarter": "quarterly",
    "adhoc": "as-required",
    "ad-hoc": "as-required",
    "as-needed": "as-required",
    "cochair": "co-chair",
    "vicechair": "vice-chair",
    "deputy": "deputy-chair",
    "icb": "integrated-care-board",
    "ccg": "clinical-commissioning-group",
    "la": "local-authority",
    "police": "chief-officer-of-police",
    "task-and-finish": "task-and-finish-group",
    "council": "local-authority",
    "county-council": "local-authority",
    "borough-council": "local-authority",
    "trust": "nhs-trust",
}
"""Words people write for an allowed value; used to suggest, never accepted."""


def _structure_str(value: object, _: type) -> str:
    if isinstance(value, str):
        return value
    hint = None
    if isinstance(value, bool | int | float):
        hint = "if you meant the text, put it in quotes"
    raise StructureError("text", value, hint=hint)


def _structure_int(value: object, _: type) -> int:
    if type(value) is int:
        return value
    raise StructureError("a whole number", value)


def _structure_float(value: object, _: type) -> float:
    if type(value) in (int, float):
        return float(value)  # type: ignore[arg-type]
    raise StructureError("a number", value)


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is bool:
        return value
    raise StructureError("true or false", value)


def _structure_date(value: object, _: type) -> PartialDate:
    if type(value) is int:
        value = str(value)
    if not isinstance(value, str):
        raise StructureError("a date written 2024, 2024-09 or 2024-09-30", value)
    try:
        return PartialDate.from_string(value)
    except FieldError as error:
        suggestion = PartialDate.suggestion(value)
        raise StructureError(
            error.expected, value, suggestion=suggestion, code="wrong-value"
        ) from None


def _structure_choice(value: object, cls: type[Choice]) -> Choice:
    """One of a closed list of values, with a suggestion for a near miss."""
    try:
        return cls(value)
    except ValueError:
        pass
    values = [member.value for member in cls]
    suggestion = None
    if isinstance(value, str):
        written = value.strip().lower().replace(" ", "-")
        near = closest(written, [*values, *(a for a in _ALIASES if _ALIASES[a] in values)])
        alias = _ALIASES.get(written) or _ALIASES.get(near or "")
        suggestion = alias if alias in values else near
    expected = "one of " + ", ".join(f"`{v}`" for v in values)
    if suggestion and len(values) > 8:
        expected = (
            f"one of the {len(values)} allowed values (`safeguarding-model schema` lists "
            "them, and docs/format-reference.md)"
        )
    raise StructureError(expected, value, suggestion=suggestion, code="wrong-value") from None


MAX_LIST_PROBLEMS = 1000
"""A list with this many problems is not read further: the problems so far are
reported, then how many entries were not checked, so a file of millions of broken
entries is reported in bounded time and memory."""


def _is_tuple(type_: Any) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def configure_converter(converter: cattrs.Converter) -> None:
    """Register this package's hooks on a converter: simple types first, then the model."""
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(PartialDate, _structure_date)
    converter.register_unstructure_hook(PartialDate, str)
    # By class, not by predicate: cattrs before 24.2 dispatches enums by class first.
    converter.register_structure_hook(Choice, _structure_choice)
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda e: e.value
    )

    def tuple_hook(type_: Any) -> Callable[[object, type], tuple[Any, ...]]:
        inner = get_args(type_)[0]
        handler = converter.get_structure_hook(inner)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise StructureError(
                    "a list", value, hint="write each entry on a line starting with -"
                )
            out = []
            errors: list[Exception] = []
            for index, entry in enumerate(value):
                try:
                    out.append(handler(entry, inner))
                except Exception as error:  # collected and re-raised below
                    error.add_note(
                        cattrs.errors.IterableValidationNote(f"@ index {index}", index, inner)
                    )
                    errors.append(error)
                    if len(errors) >= MAX_LIST_PROBLEMS and index + 1 < len(value):
                        rest = ListTooLong(len(value) - index - 1)
                        rest.add_note(
                            cattrs.errors.IterableValidationNote(f"@ index {index}", index, inner)
                        )
                        errors.append(rest)
                        break
            if errors:
                raise IterableValidationError(f"While structuring {type_!r}", errors, type_)
            return tuple(out)

        return structure

    converter.register_structure_hook_factory(_is_tuple, tuple_hook)

    def class_hook(cls: type) -> Callable[[object, type], Any]:
        generated: Callable[[Any, Any], Any] = make_dict_structure_fn(
            cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
        )

        def structure(value: object, _: type) -> Any:
            if not isinstance(value, Mapping):
                raise StructureError(f"a mapping of fields ({_noun(cls)})", value)
            return generated(value, cls)

        return structure

    def unstructure_class(cls: type) -> Callable[[Any], Any]:
        if cls is Dataset:  # the format version is always written
            return make_dict_unstructure_fn(
                cls, converter, _cattrs_omit_if_default=True, schema=override(omit_if_default=False)
            )
        return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)

    def structure_item(value: object, _: type) -> Item:
        if isinstance(value, str):
            return Item(text=value)
        item: Item = item_from_mapping(value, Item)
        return item

    item_from_mapping = class_hook(Item)
    converter.register_structure_hook(Item, structure_item)
    item_to_mapping = unstructure_class(Item)
    converter.register_unstructure_hook(
        Item, lambda item: item_to_mapping(item) if item.points or item.partial else item.text
    )
    # A former name, a regime or a budget share with nothing but its name, instrument or
    # body is written as plain text.
    for cls, field in ((FormerName, "name"), (Regime, "instrument"), (BudgetShare, "body")):
        _text_or_mapping(converter, cls, field, class_hook(cls), unstructure_class(cls))
    plain = (Item, PartialDate, FormerName, Regime, BudgetShare)
    is_model_class = lambda t: attrs.has(t) and t not in plain  # noqa: E731
    converter.register_structure_hook_factory(is_model_class, class_hook)
    converter.register_unstructure_hook_factory(is_model_class, unstructure_class)


def _text_or_mapping(
    converter: cattrs.Converter,
    cls: type,
    field: str,
    from_mapping: Callable[[object, type], Any],
    to_mapping: Callable[[Any], Any],
) -> None:
    """``cls`` is read from plain text (its ``field`` alone) or from a mapping, and
    written as plain text when nothing but ``field`` is given."""

    def structure(value: object, _: type) -> Any:
        if isinstance(value, str):
            return from_mapping({field: value}, cls)
        return from_mapping(value, cls)

    def unstructure(value: Any) -> Any:
        data = to_mapping(value)
        return data[field] if list(data) == [field] else data

    converter.register_structure_hook(cls, structure)
    converter.register_unstructure_hook(cls, unstructure)


def _noun(cls: type) -> str:
    """``DelegatedPartner`` -> ``a delegated partner``."""
    return with_article(
        "".join(f" {c.lower()}" if c.isupper() else c for c in cls.__name__).strip()
    )


def make_converter() -> cattrs.Converter:
    """A new converter configured for the model."""
    converter = cattrs.Converter(unstruct_collection_overrides={tuple: list})
    configure_converter(converter)
    return converter


converter = make_converter()
"""The shared converter. Hooks are generated lazily, on first use of each class."""
