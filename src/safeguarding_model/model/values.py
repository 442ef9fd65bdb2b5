"""Small values shared by the whole model: ids, partial dates, cadences and text items.

Everything here is pure: no I/O, no graphs, no plugins.
"""

from __future__ import annotations

import enum
import functools
import re
from typing import Any

import attrs

from ..errors import ConsistencyError, FieldError, closest, with_article

__all__ = [
    "Bound",
    "Cadence",
    "PartialList",
    "Scope",
    "UnstatedPeriod",
    "check_partial",
    "FormerName",
    "Succession",
    "SuccessionKind",
    "check_planned",
    "check_predecessors",
    "former_names",
    "former_names_field",
    "as_statement",
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
_YEAR_SPAN = re.compile(r"^([0-9]{4})[-/]([0-9]{2})$")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_EARLIEST = (1800, 1, 1)
_LATEST = (2999, 12, 31)

Day = tuple[int, int, int]


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_days(year: int, month: int) -> int:
    return 29 if month == 2 and _leap(year) else (28 if month == 2 else _DAYS[month - 1])


def _next_day(day: Day) -> Day:
    year, month, number = day
    if number < _month_days(year, month):
        return (year, month, number + 1)
    return (year, month + 1, 1) if month < 12 else (year + 1, 1, 1)


def _previous_day(day: Day) -> Day:
    year, month, number = day
    if number > 1:
        return (year, month, number - 1)
    if month > 1:
        return (year, month - 1, _month_days(year, month - 1))
    return (year - 1, 12, 31)


class Bound(Choice):
    """How a bounded date relates to the date it names: ``by 2024-12`` (on or before
    the end of December 2024), ``before 2020`` (some day before 2020) or ``after
    2019`` (some day after 2019)."""

    BY = "by"
    BEFORE = "before"
    AFTER = "after"


_WRITTEN_DATE = "a date written 2024, 2024-09 or 2024-09-30"
_DATE_FORMS = (
    "a date: 2024, 2024-09 or 2024-09-30; by 2024-12, before 2020 or after 2019; "
    "or a range such as 2023-04 to 2024-03"
)


@attrs.frozen(kw_only=True)
class PartialDate:
    """A date as precise as the document gives it, and no more.

    Written ``2028``, ``2025-12`` or ``2024-09-30`` (a year, a month or a day); a day
    is never invented for a date the source gives only by month. A source that gives
    only a bound or a span is written so: ``by 2024-12`` (on or before the end of
    December 2024), ``before 2020``, ``after 2019``, or ``2023 to 2024`` and
    ``2023-04 to 2024-03`` (some day in that span, as "2023-24" in a document).

    Every date covers a span of days, from :meth:`first_day` to :meth:`last_day`;
    a bound open on one side reaches to the earliest or latest day the format
    allows, so nothing is decided on a guess.
    """

    year: int
    month: int | None = None
    day: int | None = None
    bound: Bound | None = None
    until: PartialDate | None = None

    def __attrs_post_init__(self) -> None:
        if not 1800 <= self.year <= 2999:
            raise FieldError("year", "a year from 1800 to 2999", self.year)
        if self.month is not None and not 1 <= self.month <= 12:
            raise FieldError("month", "a month from 1 to 12", self.month)
        if self.day is not None:
            if self.month is None:
                raise FieldError("day", "a day only with a month", self.day)
            last = _month_days(self.year, self.month)
            if not 1 <= self.day <= last:
                raise FieldError("day", f"a day from 1 to {last}", self.day)
        if self.until is not None:
            if self.bound is not None or self.until.bound or self.until.until:
                raise FieldError("until", "a range between two plain dates", str(self))
            if self.until.last_day() < self.first_day():
                raise FieldError(
                    "until", f"the end of a range on or after its start, {self.anchor}", str(self)
                )

    @staticmethod
    def suggestion(text: str) -> str | None:
        """``2023-9`` -> ``2023-09``, ``2023/9/1`` -> ``2023-09-01``, ``2023-24`` ->
        ``2023 to 2024``: the date as the format writes it, when ``text`` is one written
        another way; else None."""
        span = _YEAR_SPAN.match(text.strip())
        if span is not None:  # "2023-24", "2023/24": a year span as documents write it
            first = int(span.group(1))
            last = first - first % 100 + int(span.group(2))
            last += 100 if last < first else 0
            if last == first + 1:
                return f"{first} to {last}"
        found = _DATE_PARTS.match(text.strip())
        if not found:
            return None
        parts = [part for part in found.groups() if part]
        candidate = "-".join([parts[0], *(part.zfill(2) for part in parts[1:])])
        return candidate if candidate != text.strip() else None

    @classmethod
    def from_string(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, a bound (``by 2024-12``,
        ``before 2020``, ``after 2019``) or a range (``2023-04 to 2024-03``)."""
        words = text.split()
        if len(words) == 2 and words[0].lower() in {bound.value for bound in Bound}:
            plain = cls._plain(words[1], text)
            return attrs.evolve(plain, bound=Bound(words[0].lower()))
        if len(words) == 3 and words[1].lower() == "to":
            first, last = cls._plain(words[0], text), cls._plain(words[2], text)
            try:
                return attrs.evolve(first, until=last)
            except FieldError as error:
                raise FieldError("date", error.expected, text) from None
        if len(words) > 1:
            raise FieldError("date", _DATE_FORMS, text)
        return cls._plain(text, text)

    @classmethod
    def _plain(cls, text: str, whole: str) -> PartialDate:
        match = _DATE.match(text.strip())
        if not match:
            raise FieldError("date", _DATE_FORMS if whole != text else _WRITTEN_DATE, whole)
        year, month, day = match.groups()
        return cls(
            year=int(year),
            month=int(month) if month else None,
            day=int(day) if day else None,
        )

    @property
    def anchor(self) -> str:
        """The plain date this one names, without its bound or range: ``2024-12`` for
        ``by 2024-12``, ``2023-04`` for ``2023-04 to 2024-03``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        if self.bound is not None:
            return f"{self.bound.value} {self.anchor}"
        if self.until is not None:
            return f"{self.anchor} to {self.until}"
        return self.anchor

    @property
    def exact(self) -> bool:
        """Whether the date is a plain year, month or day (no bound, no range)."""
        return self.bound is None and self.until is None

    @property
    def precision(self) -> str:
        """``year``, ``month`` or ``day`` for a plain date; ``bound`` or ``range``."""
        if self.bound is not None:
            return "bound"
        if self.until is not None:
            return "range"
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def _own_first(self) -> Day:
        return (self.year, self.month or 1, self.day or 1)

    def _own_last(self) -> Day:
        month = self.month or 12
        if self.day is not None:
            return (self.year, month, self.day)
        return (self.year, month, _month_days(self.year, month))

    def first_day(self) -> Day:
        """The earliest day this date can mean, as (year, month, day)."""
        if self.bound in (Bound.BY, Bound.BEFORE):
            return _EARLIEST
        if self.bound is Bound.AFTER:
            return min(_next_day(self._own_last()), _LATEST)
        return self._own_first()

    def last_day(self) -> Day:
        """The latest day this date can mean, as (year, month, day)."""
        if self.bound is Bound.AFTER:
            return _LATEST
        if self.bound is Bound.BEFORE:
            return max(_previous_day(self._own_first()), _EARLIEST)
        if self.until is not None:
            return self.until.last_day()
        return self._own_last()


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


class Scope(Choice):
    """Whom a partnership or a group serves: children, adults, or both (all-age)."""

    CHILDREN = "children"
    ADULTS = "adults"
    ALL_AGE = "all-age"


@attrs.frozen(kw_only=True)
class Item:
    """A piece of text from a document (an objective, a responsibility, an aim),
    with the points listed under it, in source order; ``partial`` says the source
    gives the points only in part ("including:", a list that goes on).

    In a file an item without points is written as plain text.
    """

    text: str = attrs.field(validator=check_text)
    points: tuple[Item, ...] = ()
    partial: tuple[PartialList, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.partial:
            check_partial(self)


def as_statement(value: object) -> Any:
    """The converter of a ``vision`` or ``purpose`` field, which holds an item (its
    text, with the points the document lists under it) or None: plain text, accepted
    where code builds the model by hand, is an item without points."""
    return Item(text=value) if isinstance(value, str) else value


class SuccessionKind(Choice):
    """How one body followed another."""

    RENAMED = "renamed"
    """The same body under a new id (a rename within one id is a former name)."""
    MERGED = "merged"
    """Several bodies became this one (a children's partnership and an adults' board
    into an all-age partnership)."""
    SPLIT = "split"
    """One body became several (a partnership into place-based ones)."""
    REPLACED = "replaced"
    """A new body took over the old one's role (an integrated care board from a
    clinical commissioning group)."""


@attrs.frozen(kw_only=True)
class Succession:
    """A predecessor of the entity that lists it: which body (``of``, an id), how
    this one followed it, on what date and, where known, who decided it (an id) and
    the source's words. A merge is listed on the merged body once per predecessor; a
    split on each successor."""

    of: str = attrs.field(validator=check_id)
    how: SuccessionKind
    date: PartialDate | None = None
    decided_by: str | None = attrs.field(default=None, validator=optional_id)
    text: str | None = attrs.field(default=None, validator=check_text)


@attrs.frozen(kw_only=True)
class FormerName:
    """A name an entity went by before, with the dates it went by it where known.

    In a file a former name without dates is written as plain text.
    """

    name: str = attrs.field(validator=check_text)
    short_name: str | None = attrs.field(default=None, validator=check_text)
    start: PartialDate | None = None
    end: PartialDate | None = None
    text: str | None = attrs.field(default=None, validator=check_text)

    def __attrs_post_init__(self) -> None:
        check_dates(self)


def former_names(*names: str) -> tuple[FormerName, ...]:
    """Former names from plain texts (a convenience for code and tests)."""
    return tuple(FormerName(name=name) for name in names)


def _former_names(value: object) -> tuple[FormerName, ...]:
    """Plain text is accepted where code builds the model by hand."""
    return tuple(FormerName(name=v) if isinstance(v, str) else v for v in value)  # type: ignore[attr-defined]


def former_names_field() -> Any:
    """A ``former_names`` field: former names, newest first."""
    return attrs.field(default=(), converter=_former_names)


def check_predecessors(instance: Any) -> None:
    """A post-init check: nothing succeeds itself, and each predecessor is listed once."""
    seen: set[str] = set()
    for succession in instance.predecessors:
        if succession.of == instance.id:
            raise FieldError(
                "predecessors", "another body's id (nothing succeeds itself)", instance.id
            )
        if succession.of in seen:
            raise FieldError("predecessors", "each predecessor once", succession.of)
        seen.add(succession.of)


def check_planned(instance: Any) -> None:
    """A post-init check: a planned entry has not ended."""
    if getattr(instance, "planned", False) and instance.end is not None:
        raise ConsistencyError(
            "a planned entry has not happened yet, so it has no end: remove `end`, or "
            "`planned: true` if it happened",
            field="planned",
        )


def items(*texts: str) -> tuple[Item, ...]:
    """Items from plain texts (a convenience for code and tests)."""
    return tuple(Item(text=t) for t in texts)


def optional_fields(cls: type) -> list[str]:
    """The fields of a model class that may be left out, and so may be ``not_stated``."""
    return [
        field.name
        for field in attrs.fields(cls)
        if field.default is not attrs.NOTHING
        and field.name not in ("not_stated", "not_stated_for", "partial")
    ]


def check_not_stated(instance: Any) -> None:
    """A post-init check of ``not_stated``: names of optional fields that are left out.

    Every problem in the list is reported in one message.
    """
    if not instance.not_stated:  # most entries: nothing to look up
        return
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


@attrs.frozen(kw_only=True)
class PartialList:
    """A list the source gives only in part: it says the list goes on ("including",
    "amongst others"), or names a number of further entries it does not list.

    ``field`` is the list field concerned (``relevant_agencies``, ``groups``,
    ``members``); ``further`` the number of entries the source counts but does not
    name, where it gives one; ``truncated`` says that the copy the data was encoded
    from is cut short (the list may go on though the source does not say so);
    ``text`` the source's words.
    """

    field: str = attrs.field(validator=check_text)
    further: int | None = None
    truncated: bool = False
    text: str | None = attrs.field(default=None, validator=check_text)

    def __attrs_post_init__(self) -> None:
        if self.further is not None and self.further < 1:
            raise FieldError("further", "a whole number of entries, 1 or more", self.further)


@attrs.frozen(kw_only=True)
class UnstatedPeriod:
    """A field the source does not give for a period only (``chairs`` from 2021-04 to
    2021-09, while the post was vacant or unreported): on a date in the period the
    field is not stated; outside it, what the file gives holds."""

    field: str = attrs.field(validator=check_text)
    start: PartialDate | None = None
    end: PartialDate | None = None
    text: str | None = attrs.field(default=None, validator=check_text)

    def __attrs_post_init__(self) -> None:
        if self.start is None and self.end is None:
            raise ConsistencyError(
                "a period needs a start, an end or both: for a field the source never "
                "gives, list it in `not_stated` instead",
                field="start",
            )
        check_dates(self)


@functools.cache
def _list_fields(cls: type) -> list[str]:
    """The list fields of a model class, found once per class (every entity made,
    in loading or in ``as_of``, is checked): not to be changed."""
    return [
        field.name
        for field in attrs.fields(cls)
        if field.name not in ("not_stated", "partial", "not_stated_for")
        and str(field.type).startswith("tuple[")
    ]


def check_partial(instance: Any) -> None:
    """A post-init check of ``partial`` and ``not_stated_for``: each names a field of
    the entity (a list field, for ``partial``), once."""
    if not instance.partial and not getattr(instance, "not_stated_for", ()):
        return  # most entries: nothing to look up
    noun = type(instance).__name__.lower()
    kind: type = type(instance)
    lists = _list_fields(kind)
    seen: set[str] = set()
    for entry in instance.partial:
        if entry.field not in lists:
            hint = closest(entry.field, lists)
            raise FieldError(
                "partial",
                f"a list field of {with_article(noun)} ({', '.join(lists)})"
                + (f"; did you mean `{hint}`?" if hint else ""),
                entry.field,
            )
        if entry.field in seen:
            raise FieldError("partial", "each list once", entry.field)
        seen.add(entry.field)
    allowed = optional_fields(type(instance))
    for period in getattr(instance, "not_stated_for", ()):
        if period.field not in allowed:
            hint = closest(period.field, allowed)
            raise FieldError(
                "not_stated_for",
                f"an optional field of {with_article(noun)}"
                + (f" (did you mean `{hint}`?)" if hint else ""),
                period.field,
            )
