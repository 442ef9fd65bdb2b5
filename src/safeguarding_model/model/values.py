"""Small values shared by the whole model: ids, partial dates, cadences and text items.

Everything here is pure: no I/O, no graphs, no plugins.
"""

from __future__ import annotations

import enum
import re
from typing import Any

import attrs

from ..errors import ConsistencyError, FieldError, closest, with_article

__all__ = [
    "Cadence",
    "Choice",
    "FieldError",
    "Item",
    "PartialDate",
    "ConsistencyError",
    "check_dates",
    "check_not_stated",
    "check_id",
    "check_ids",
    "check_text",
    "closest",
    "optional_fields",
    "slugify",
    "optional_id",
    "with_article",
]

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_PATTERN = _SLUG.pattern


def slugify(text: str) -> str:
    """``Dan Reilly`` -> ``dan-reilly``: the id a name would have."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


class Choice(enum.Enum):
    """An allowed value: written in files as its value, shown to people as its label."""

    def __str__(self) -> str:
        return str(self.value)

    @property
    def label(self) -> str:
        """The value in words: ``chief-officer-of-police`` -> ``chief officer of police``."""
        value = str(self.value)
        return _LABELS.get(value, value.replace("-", " "))


_LABELS = {
    "co-chair": "co-chair",
    "vice-chair": "vice-chair",
    "six-monthly": "six-monthly",
    "all-age": "all-age",
    "multi-agency-arrangement": "multi-agency arrangement",
    "nhs-trust": "NHS trust",
    "nhs-england": "NHS England",
    "task-and-finish-group": "task and finish group",
}


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
        suggestion = slugify(value) if isinstance(value, str) and slugify(value) else None
        raise FieldError(attribute.name, problem, value, suggestion)


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


_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")  # ASCII digits only
_DATE_PARTS = re.compile(r"^([0-9]{4})(?:[-/.]([0-9]{1,2}))?(?:[-/.]([0-9]{1,2}))?$")
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

    @staticmethod
    def suggestion(text: str) -> str | None:
        """``2023-9`` -> ``2023-09``, ``2023/9/1`` -> ``2023-09-01``: the date as the
        format writes it, when ``text`` is one written another way; else None."""
        found = _DATE_PARTS.match(text.strip())
        if not found:
            return None
        parts = [part for part in found.groups() if part]
        candidate = "-".join([parts[0], *(part.zfill(2) for part in parts[1:])])
        return candidate if candidate != text.strip() else None

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


class Cadence(Choice):
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


def optional_fields(cls: type) -> list[str]:
    """The fields of a model class that may be left out, and so may be ``not_stated``."""
    return [
        field.name
        for field in attrs.fields(cls)
        if field.default is not attrs.NOTHING and field.name != "not_stated"
    ]


def check_not_stated(instance: Any) -> None:
    """A post-init check of ``not_stated``: names of optional fields that are left out.

    Every problem in the list is reported in one message.
    """
    allowed = optional_fields(type(instance))
    defaults = {field.name: field.default for field in attrs.fields(type(instance))}
    noun = type(instance).__name__.lower()
    problems: list[str] = []
    seen: set[str] = set()
    for name in instance.not_stated:
        if name not in allowed:
            hint = closest(name, allowed)
            problems.append(
                f"`{name}` is not an optional field of {with_article(noun)}"
                + (f" (did you mean `{hint}`?)" if hint else "")
            )
        elif name in seen:
            problems.append(f"`{name}` is listed twice")
        elif getattr(instance, name) != defaults[name]:
            problems.append(f"`{name}` is listed but also given")
        seen.add(name)
    if problems:
        raise ConsistencyError(
            "not_stated names fields the document does not give: "
            + "; ".join(problems)
            + f". The {noun}'s optional fields are: {', '.join(allowed)}",
            field="not_stated",
        )


def check_dates(instance: Any) -> None:
    """A post-init check that an entity's ``end`` is not before its ``start``."""
    start: PartialDate | None = instance.start
    end: PartialDate | None = instance.end
    if start is not None and end is not None and end.last_day() < start.first_day():
        raise ConsistencyError(
            f"the end, {end}, is before the start, {start}: expected a date on or after "
            f"the start, {start}",
            field="end",
        )
