"""Changes in words: a field's and an entry's nouns, dates as precise as the data, and
:func:`describe`, a change as one sentence in plain English.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import attrs

from ..values import PartialDate, SuccessionKind
from .lists import _GROUP_LISTS, _PARTNERSHIP_LISTS, _PARTNERSHIPS
from .records import Change, ChangeHow, ChangeKind, MatchSource, Topic, Value

# --- in words ------------------------------------------------------------------------

_NOUNS: dict[ChangeKind, tuple[str, str]] = {
    ChangeKind.PARTNERSHIP: ("partnership", "partnerships"),
    ChangeKind.REGIME: ("statutory guidance", "statutory guidance"),
    ChangeKind.LEAD_PARTNER: ("safeguarding partner", "safeguarding partners"),
    ChangeKind.DELEGATED_PARTNER: (
        "delegated safeguarding partner",
        "delegated safeguarding partners",
    ),
    ChangeKind.POST_HOLDER: ("post", "posts"),
    ChangeKind.CHAIR: ("partnership chair", "partnership chairs"),
    ChangeKind.SCRUTINEER: ("independent scrutineer", "independent scrutineers"),
    ChangeKind.RELEVANT_AGENCY: ("relevant agency", "relevant agencies"),
    ChangeKind.SECTOR_REPRESENTATION: ("sector represented", "sectors represented"),
    ChangeKind.OBSERVER: ("participating observer", "participating observers"),
    ChangeKind.FUNCTIONAL_LINK: ("functional link", "functional links"),
    ChangeKind.GROUP: ("group", "groups"),
    ChangeKind.GROUP_CHAIR: ("chair", "chairs"),
    ChangeKind.MEMBER: ("member", "members"),
    ChangeKind.MEETING_CADENCE: ("meetings", "meetings"),
    ChangeKind.LINE: ("line", "lines"),
    ChangeKind.RESPONSIBILITY: ("responsibility", "responsibilities"),
    ChangeKind.ORGANISATION: ("organisation", "organisations"),
    ChangeKind.SCRUTINY_MECHANISM: ("scrutiny mechanism", "scrutiny mechanisms"),
    ChangeKind.DUTY: ("duties", "duties"),
    ChangeKind.EVENT: ("recurring event", "recurring events"),
}

_LIST_NOUNS = {
    "aims": ("aim", "aims"),
    "objectives": ("objective", "objectives"),
    "responsibilities": ("responsibility", "responsibilities"),
    "members": ("member", "members"),
    "reports_to": ("reporting line", "reporting lines"),
    "escalates_to": ("escalation route", "escalation routes"),
    "collaborations": ("collaboration", "collaborations"),
    "values": ("value", "values"),
    "principles": ("principle", "principles"),
    "scrutiny": ("scrutiny mechanism", "scrutiny mechanisms"),
    "lines": ("line", "lines"),
    "duties": ("duties", "duties"),
    "events": ("recurring event", "recurring events"),
}


def field_words(name: str, kind: ChangeKind | None = None) -> str:
    """A field in words, as a change of ``kind`` names it: ``meetings``, ``sits under``
    (a group's parent), ``part of`` (an organisation's)."""
    found = _KIND_FIELD_WORDS.get((kind, name)) if kind is not None else None
    return found or _FIELD_WORDS.get(name, name.replace("_", " "))


_KIND_FIELD_WORDS = {
    (ChangeKind.ORGANISATION, "parent"): "part of",
    (ChangeKind.ORGANISATION, "collective"): "named collectively",
    (ChangeKind.ORGANISATION, "count"): "number it counts",
    (ChangeKind.POST_HOLDER, "start"): "start of the holder's tenure",
    (ChangeKind.POST_HOLDER, "end"): "end of the holder's tenure",
    (ChangeKind.POST_HOLDER, "known_on"): "date of the document that names the holder",
}


_FIELD_WORDS = {
    "meets": "meetings",
    "parent": "sits under",
    "joint_with": "run jointly with",
    "acts_for": "acts for",
    "holder": "holder",
    "regimes": "statutory guidance",
    "effective": "date the arrangements took effect",
    "start": "start",
    "end": "end",
    "yearly_report": "what the yearly report must contain",
    "yearly_reports": "yearly reports published",
    "review": "reviews of the arrangements",
    "thresholds": "thresholds document",
    "decision_rule": "how it decides",
    "functions": "functions",
}


_POINT_NOUNS = {
    "items": ("point", "points"),
    "functions": ("function", "functions"),
    "inputs": ("input", "inputs"),
}
"""The points of an entry (a duty's, a scrutineer's functions), where they are compared
one by one."""


def noun(change: Change, plural: bool = False) -> str:
    """What a change is about, as a noun: ``relevant agency``, ``reporting line``."""
    field = change.field or ""
    words = (
        _LIST_NOUNS.get(field) or (change.entry and _POINT_NOUNS.get(field)) or _NOUNS[change.kind]
    )
    return words[1] if plural else words[0]


def kind_noun(kind: ChangeKind, plural: bool = False) -> str:
    """A kind of change's entry as a noun: ``scrutiny mechanism``, ``duties``."""
    return _NOUNS[kind][1 if plural else 0]


DateWords = Callable[[PartialDate], str]


def value_words(value: Value | None, dates: DateWords = str) -> str:
    """A value of a change in words (dates through ``dates``)."""
    if value is None:
        return ""
    return dates(value) if isinstance(value, PartialDate) else value


def span_words(change: Change, dates: DateWords = str, *, planned: bool = True) -> str:
    """An entry's dates and status in brackets, as precise as the data: `` (from
    2024-09)``, `` (2019-06 to 2024-08)``, `` (to 2030-03)``, `` (ending by
    2022-06-30)``, `` (planned)`` (the status only when ``planned``). Never "ended": a
    comparison has no date of its own, and an end may be still to come."""
    parts = []
    if change.planned and planned:
        parts.append("planned")
    start, end = change.start, change.end
    if start is not None and end is not None and start.exact and end.exact:
        parts.append(f"{dates(start)} to {dates(end)}")
    else:  # a diff has no date of its own, so an end may yet be to come: never "ended"
        if start is not None:
            parts.append(f"from {dates(start)}" if start.exact else f"started {at(start, dates)}")
        if end is not None:
            parts.append(f"to {dates(end)}" if end.exact else f"ending {at(end, dates)}")
    return f" ({', '.join(parts)})" if parts else ""


def predecessor_end_words(change: Change, dates: DateWords = str) -> str:
    """The end the newer version gives a predecessor it keeps, in brackets after its
    name (`` (to 2021-12)``, `` (ending by 2022-06-30)``), where the succession's date
    does not already say it (the same date, or the day before); else ""."""
    end, date = change.predecessor_end, change.date
    if end is None or (date is not None and _ends_at(end, date)):
        return ""
    return f" (to {dates(end)})" if end.exact else f" (ending {at(end, dates)})"


def _ends_at(end: PartialDate, date: PartialDate) -> bool:
    """Whether an end is the end that a succession on ``date`` implies: its last day is
    the date's own, or the day before the date begins."""
    last = end.last_day()
    if last == date.last_day():
        return True
    first = datetime.date(*date.first_day())
    return (
        first > datetime.date.min and last == (first - datetime.timedelta(days=1)).timetuple()[:3]
    )


def at(date: PartialDate, dates: DateWords = str) -> str:
    """A date after a verb, as precise as it is: ``on 2022-07-01``, ``in 2022-07``,
    ``by 2024-12``, ``between 2023-04 and 2024-03`` (each date through ``dates``)."""
    if date.bound is not None:
        return f"{date.bound.value} {dates(attrs.evolve(date, bound=None))}"
    if date.until is not None:
        return f"between {dates(attrs.evolve(date, until=None))} and {dates(date.until)}"
    return f"{'on' if date.day is not None else 'in'} {dates(date)}"


def whose(change: Change) -> str:
    """The body a change is within, to lead its sentence: the group of a change within
    a group, the collaboration of a change to a collaboration's list of groups; ""
    for a change to a partnership's own facts or to one of its groups as a whole."""
    if not change.group_name:
        return ""
    if change.kind is not ChangeKind.GROUP:
        return change.group_name
    if change.topic is Topic.COLLABORATIONS and change.field == "groups":
        return change.group_name
    return ""


def context(change: Change) -> str:
    """Whose change it is, for the start of its sentence: the group, then the entry
    (``Learning Inquiry Group, reports to Executive Group``); "" for the partnership's."""
    parts = [owner] if (owner := whose(change)) else []
    if change.entry:
        parts.append(change.entry)
        if change.how is ChangeHow.CHANGED:
            parts.append(noun(change))  # the point that changed: its text is its subject
        return ", ".join(parts)
    if change.how is ChangeHow.CHANGED and change.kind not in (
        ChangeKind.PARTNERSHIP,
        ChangeKind.MEETING_CADENCE,
    ):
        if change.kind in NAMED_BY_SUBJECT:
            parts.append(change.subject) if change.subject else None
        elif change.field != _list_field(change):
            parts.append(f"{noun(change)} {change.subject}")
    return ", ".join(parts)


NAMED_BY_SUBJECT = frozenset(
    {
        ChangeKind.GROUP,
        ChangeKind.POST_HOLDER,
        ChangeKind.ORGANISATION,
        ChangeKind.LINE,
        ChangeKind.SCRUTINEER,
        ChangeKind.REGIME,
    }
)
"""Kinds whose subject reads alone: a group's or a post's name, ``reports to ...``."""


def _list_field(change: Change) -> str | None:
    """The field holding entries of the change's kind (where the change is the entry)."""
    return change.field if change.field in _ENTRY_FIELDS else None


_ENTRY_FIELDS = frozenset(
    {*_PARTNERSHIP_LISTS, *_GROUP_LISTS, *_LIST_NOUNS, "groups", _PARTNERSHIPS}
)
"""The lists whose entries are changes of their own (added, removed, replaced)."""


def _sentence(text: str) -> str:
    """Text as a sentence: a capital first, a full stop last (unless it has one; a
    name that ends the sentence with "?" or "!" is a name, so the stop follows it)."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."


def describe(change: Change, dates: DateWords = str) -> str:
    """A change as one sentence in plain English, names as each version gives them and
    dates as precise as the data (through ``dates``: as written by default)::

        Hampshire Constabulary was renamed Hampshire and Isle of Wight Constabulary.
        Partnership chair: not stated before; now Ashley Whittaker, Director of ...
    """
    before, after = value_words(change.before, dates), value_words(change.after, dates)
    span = span_words(change, dates)
    whose = context(change)
    lead = f"{whose}: " if whose else ""
    how = change.how
    if how is ChangeHow.ADDED:
        if change.not_stated_before:
            return _sentence(f"{lead}{noun(change)}: not stated before; now {after}{span}")
        verb = "planned" if change.planned else "added"
        return _sentence(
            f"{lead}{noun(change)} {verb}: {after}{span_words(change, dates, planned=False)}"
        )
    if how is ChangeHow.REMOVED:
        if change.not_stated_after:
            return _sentence(f"{lead}{noun(change)}: {before} before; now not stated")
        return _sentence(f"{lead}{noun(change)} removed: {before}{span}")
    when = f" {at(change.date, dates)}" if change.date is not None else ""
    if how is ChangeHow.RENAMED:
        if change.match is MatchSource.FORMER_NAME and change.date is not None:
            when = f" (the former name until {dates(change.date)})"
        old = f"{change.old_name}{predecessor_end_words(change, dates)}"
        if change.match in (None, MatchSource.SAME_ID):  # no version records a renaming
            return _sentence(f"{lead}{old} is now named {change.new_name}")
        return _sentence(f"{lead}{old} was renamed {change.new_name}{when}")
    if how is ChangeHow.REPLACED:
        before += predecessor_end_words(change, dates)
        if change.succession is SuccessionKind.MERGED:
            return _sentence(f"{lead}{before} was merged into {after}{when}")
        if change.succession is SuccessionKind.SPLIT:
            return _sentence(f"{lead}{after} was split from {before}{when}")
        return _sentence(f"{lead}{before} was replaced by {after}{when}")
    what = (
        noun(change)
        if change.field == _list_field(change)
        else field_words(change.field or "", change.kind)
    )
    if change.field == _list_field(change) and not (change.before and change.after):
        what = noun(change, plural=True) + ":"  # the whole list: "Groups: not stated before; ..."
    if change.not_stated_before:
        tail = f"not stated before; now {after or 'none given'}"
    elif change.not_stated_after:
        tail = f"{before or 'none given'} before; now not stated"
    elif not before:
        tail = f"not given before; now {after}"
    elif not after:
        tail = f"{before} before; now not given"
    else:
        tail = f"changed from {before} to {after}"
    return _sentence(f"{lead}{what} {tail}{span if change.kind is ChangeKind.POST_HOLDER else ''}")
