"""Small values shared by the whole model: ids, partial dates, cadences and text items.

Everything here is pure: no I/O, no graphs, no plugins.
"""

from __future__ import annotations

import enum
import re
from typing import Any

import attrs

from ..errors import SafeguardingModelError

__all__ = [
    "Cadence",
    "FieldError",
    "Item",
    "PartialDate",
    "RuleError",
    "check_dates",
    "check_not_stated",
    "check_id",
    "check_ids",
    "check_text",
    "optional_id",
]

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_PATTERN = _SLUG.pattern


class FieldError(SafeguardingModelError, ValueError):
    """A value that one field of a model class cannot take.

    Carries the field's name, what was expected and what was found, so that the
    loader can say where in a file the value is.
    """

    def __init__(self, field: str, expected: str, found: object) -> None:
        self.field = field
        self.expected = expected
        self.found = found
        super().__init__(f"{field}: expected {expected}, found {found!r}")


class RuleError(FieldError):
    """A rule over several fields of one object, such as a chair that names nobody.

    It is reported at the object, not at one of its fields.
    """

    def __init__(self, message: str) -> None:
        self.message = message
        ValueError.__init__(self, message)
        self.field = ""
        self.expected = message
        self.found = None


def _slug_problem(value: object) -> str | None:
    if not isinstance(value, str):
        return "an id (text)"
    if not _SLUG.match(value):
        return "an id: lower-case letters, digits and single hyphens, such as `executive-group`"
    return None


def check_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: the value is a lower-case slug."""
    problem = _slug_problem(value)
    if problem:
        raise FieldError(attribute.name, problem, value)


def optional_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: None or a lower-case slug."""
    if value is not None:
        check_id(instance, attribute, value)


def check_ids(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: a tuple of slugs without repeats."""
    seen: set[object] = set()
    for item in value:  # type: ignore[attr-defined]
        check_id(instance, attribute, item)
        if item in seen:
            raise FieldError(attribute.name, "each id once", item)
        seen.add(item)


def check_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: text that is not blank."""
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise FieldError(attribute.name, "some text", value)


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@attrs.frozen(kw_only=True)
class PartialDate:
    """A date as precise as the document gives it: a year, a month or a day.

    Written ``2028``, ``2025-12`` or ``2024-09-30``. A day is never invented for a
    date the source gives only by month.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        if not 1800 <= self.year <= 2999:
            raise FieldError("year", "a year from 1800 to 2999", self.year)
        if self.month is not None and not 1 <= self.month <= 12:
            raise FieldError("month", "a month from 1 to 12", self.month)
        if self.day is not None:
            if self.month is None:
                raise FieldError("day", "a day only with a month", self.day)
            leap = self.year % 4 == 0 and (self.year % 100 != 0 or self.year % 400 == 0)
            last = 29 if self.month == 2 and leap else _DAYS[self.month - 1]
            if self.month == 2 and not leap:
                last = 28
            if not 1 <= self.day <= last:
                raise FieldError("day", f"a day from 1 to {last}", self.day)

    @classmethod
    def from_string(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        match = _DATE.match(text.strip())
        if not match:
            raise FieldError("date", "a date written 2024, 2024-09 or 2024-09-30", text)
        year, month, day = match.groups()
        return cls(
            year=int(year),
            month=int(month) if month else None,
            day=int(day) if day else None,
        )

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    @property
    def precision(self) -> str:
        """``year``, ``month`` or ``day``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def first_day(self) -> tuple[int, int, int]:
        """The earliest day this date can mean, as (year, month, day)."""
        return (self.year, self.month or 1, self.day or 1)

    def last_day(self) -> tuple[int, int, int]:
        """The latest day this date can mean, as (year, month, day)."""
        month = self.month or 12
        if self.day is not None:
            return (self.year, month, self.day)
        leap = self.year % 4 == 0 and (self.year % 100 != 0 or self.year % 400 == 0)
        last = 29 if month == 2 and leap else (28 if month == 2 else _DAYS[month - 1])
        return (self.year, month, last)


class Cadence(enum.Enum):
    """How often a group meets or a report is made."""

    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    BIMONTHLY = "bimonthly"
    QUARTERLY = "quarterly"
    SIX_MONTHLY = "six-monthly"
    ANNUALLY = "annually"
    AS_REQUIRED = "as-required"


@attrs.frozen(kw_only=True)
class Item:
    """A piece of text from a document (an objective, a responsibility, an aim),
    with the points listed under it, in source order.

    In a file an item without points is written as plain text.
    """

    text: str = attrs.field(validator=check_text)
    points: tuple[Item, ...] = ()


def items(*texts: str) -> tuple[Item, ...]:
    """Items from plain texts (a convenience for code and tests)."""
    return tuple(Item(text=t) for t in texts)


def check_not_stated(instance: Any) -> None:
    """A post-init check of ``not_stated``: names of optional fields that are left out."""
    fields = {field.name: field for field in attrs.fields(type(instance))}
    noun = type(instance).__name__.lower()
    seen: set[str] = set()
    for name in instance.not_stated:
        field = fields.get(name)
        if field is None or field.default is attrs.NOTHING or name == "not_stated":
            raise FieldError("not_stated", f"names of this {noun}'s optional fields", name)
        if name in seen:
            raise FieldError("not_stated", "each field once", name)
        seen.add(name)
        if getattr(instance, name) != field.default:
            raise FieldError(
                "not_stated", f"only fields that are left out, but `{name}` is given", name
            )


def check_dates(instance: Any) -> None:
    """A post-init check that an entity's ``end`` is not before its ``start``."""
    start: PartialDate | None = instance.start
    end: PartialDate | None = instance.end
    if start is not None and end is not None and end.last_day() < start.first_day():
        raise FieldError("end", f"a date on or after the start, {start}", str(end))
