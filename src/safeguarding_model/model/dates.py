"""The structure as it stood on a date: a dataset with everything the date excludes
left out.

A date is a ``PartialDate`` (``2023``, ``2023-06``, ``2023-06-30``), a
``datetime.date`` or such text. It covers a span of days (June 2023 is the 1st to the
30th). Something with a ``start`` and an ``end`` stands on the date unless its dates
exclude the whole span: it started after the span's last day, or ended before its
first day. A date given by month or year covers its whole month or year, so a group
that ended "2023" still stands on 2023-06 (it may have ended in December): nothing is
left out on a guess.

What the date excludes: groups, collaborations and posts; chairs, members, reporting
and escalation lines, lead and delegated partners, scrutineers and relevant agencies.
References to a group, collaboration or post that is left out go with it (a member
entry naming a post that had ended, a line to a group that had closed, a chair held
by that post), and a group whose parent group is left out sits under no group.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from ..errors import UsageError
from .collaboration import Collaboration
from .dataset import Dataset
from .groups import Chair, Group, Line, Member
from .partnership import LeadPartner, Partnership
from .values import FieldError, PartialDate

__all__ = [
    "Day",
    "OnDate",
    "Span",
    "as_of",
    "earlier",
    "later",
    "parse_date",
    "span_of",
    "stands",
    "written",
]

Day = tuple[int, int, int]
Span = tuple[Day, Day]
OnDate = PartialDate | datetime.date | str | int

T = TypeVar("T")


def parse_date(text: str) -> PartialDate:
    """A date asked for in words (``--on 2023-06``), or a :class:`UsageError` that says
    what is wrong with it: not a date at all, a day or month that does not exist, or
    a date written another way (``2023-9``: did you mean ``2023-09``?)."""
    try:
        return PartialDate.from_string(text)
    except FieldError as error:
        suggestion = PartialDate.suggestion(text)
        if suggestion is not None:
            reason = f"write it {suggestion}"
        elif error.field in ("month", "day"):
            reason = f"its {error.field} must be {error.expected.removeprefix(f'a {error.field} ')}"
        else:
            reason = "write it 2023, 2023-06 or 2023-06-30"
        raise UsageError(f"{text!r} is not a date: {reason}") from None


def span_of(on: OnDate) -> Span:
    """The first and last day a date covers, as (year, month, day) tuples. A whole
    number is a year."""
    if isinstance(on, int) and not isinstance(on, bool):
        on = str(on)
    if isinstance(on, str):
        on = parse_date(on)
    if not isinstance(on, PartialDate | datetime.date):
        raise UsageError(
            f"a date is asked for, found {type(on).__name__}: give 2023, 2023-06 or "
            "2023-06-30, a datetime.date or a PartialDate"
        )
    if isinstance(on, datetime.date):
        day = (on.year, on.month, on.day)
        return day, day
    return on.first_day(), on.last_day()


def date_text(on: OnDate) -> str:
    """A date as it is written: ``2023-06``."""
    if isinstance(on, datetime.date):
        return on.isoformat()
    return str(on)


def stands(start: PartialDate | None, end: PartialDate | None, span: Span) -> bool:
    """Whether something dated ``start`` to ``end`` stands on some day of ``span``."""
    first, last = span
    if start is not None and start.first_day() > last:
        return False
    return not (end is not None and end.last_day() < first)


def later(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    """The later of two start dates (either may be unknown)."""
    if a is None or b is None:
        return a or b
    return a if a.first_day() >= b.first_day() else b


def earlier(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    """The earlier of two end dates (either may be unknown)."""
    if a is None or b is None:
        return a or b
    return a if a.last_day() <= b.last_day() else b


def written(value: PartialDate | None) -> str | None:
    """A date as written, or None."""
    return None if value is None else str(value)


def _dated(value: Any, span: Span) -> bool:
    return stands(value.start, value.end, span)


def as_of(dataset: Dataset, on: OnDate) -> tuple[Dataset, tuple[str, ...]]:
    """``dataset`` as it stood on ``on``, and the ids of the groups, collaborations and
    posts left out (in file order)."""
    span = span_of(on)
    dropped: list[str] = []
    posts = []
    for post in dataset.posts:
        if _dated(post, span):
            posts.append(post)
        else:
            dropped.append(post.id)
    collaborations = []
    for collaboration in dataset.collaborations:
        if _dated(collaboration, span):
            collaborations.append(collaboration)
        else:
            dropped.append(collaboration.id)
            dropped += [group.id for group in collaboration.groups]
    owners: list[Partnership | Collaboration] = [*dataset.partnerships, *collaborations]
    for owner in owners:
        dropped += [group.id for group in owner.groups if not _dated(group, span)]
    kept_ids = {organisation.id for organisation in dataset.organisations}
    kept_ids.update(person.id for person in dataset.people)
    kept_ids.update(post.id for post in posts)
    kept_ids.update(partnership.id for partnership in dataset.partnerships)
    kept_ids.update(collaboration.id for collaboration in collaborations)
    for owner in owners:
        kept_ids.update(group.id for group in owner.groups if _dated(group, span))
    gone = frozenset(key for key in dropped if key not in kept_ids)
    filtered = _Filter(span, gone)
    result = attrs.evolve(
        dataset,
        posts=tuple(posts),
        partnerships=tuple(filtered.partnership(p) for p in dataset.partnerships),
        collaborations=tuple(filtered.collaboration(c) for c in collaborations),
    )
    return result, tuple(dict.fromkeys(key for key in dropped if key in gone))


class _Filter:
    def __init__(self, span: Span, gone: frozenset[str]) -> None:
        self.span = span
        self.gone = gone

    def keep(self, values: tuple[T, ...], change: Callable[[T], T | None]) -> tuple[T, ...]:
        found = []
        for value in values:
            if not _dated(value, self.span):
                continue
            changed = change(value)
            if changed is not None:
                found.append(changed)
        return tuple(found)

    def ids(self, values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(key for key in values if key not in self.gone)

    def line(self, line: Line) -> Line | None:
        return None if line.to in self.gone else line

    def chair(self, chair: Chair) -> Chair | None:
        post = None if chair.post in self.gone else chair.post
        nominated = None if chair.nominated_by in self.gone else chair.nominated_by
        if post == chair.post and nominated == chair.nominated_by:
            return chair
        if not (post or chair.partnership_chair or nominated or chair.rotates_among):
            return None
        return attrs.evolve(chair, post=post, nominated_by=nominated)

    def member(self, member: Member) -> Member | None:
        if member.post in self.gone:
            return None
        if member.chair_of:
            chair_of = self.ids(member.chair_of)
            if not chair_of:
                return None
            if chair_of != member.chair_of:
                return attrs.evolve(member, chair_of=chair_of)
        return member

    def group(self, group: Group) -> Group:
        return attrs.evolve(
            group,
            parent=None if group.parent in self.gone else group.parent,
            joint_with=self.ids(group.joint_with),
            chairs=self.keep(group.chairs, self.chair),
            members=self.keep(group.members, self.member),
            reports_to=self.keep(group.reports_to, self.line),
            escalates_to=self.keep(group.escalates_to, self.line),
        )

    def groups(self, groups: tuple[Group, ...]) -> tuple[Group, ...]:
        return tuple(self.group(g) for g in groups if _dated(g, self.span))

    def lead(self, lead: LeadPartner) -> LeadPartner:
        return attrs.evolve(lead, post=None) if lead.post in self.gone else lead

    def partnership(self, p: Partnership) -> Partnership:
        gone = self.gone

        def unless_gone(value: T) -> T | None:
            return None if getattr(value, "post", None) in gone else value

        procedures = p.procedures
        if procedures is not None and procedures.collaboration in gone:
            procedures = attrs.evolve(procedures, collaboration=None)
        return attrs.evolve(
            p,
            lead_partners=self.keep(p.lead_partners, self.lead),
            delegated_partners=self.keep(p.delegated_partners, unless_gone),
            chairs=self.keep(p.chairs, self.chair),
            scrutineers=self.keep(p.scrutineers, unless_gone),
            relevant_agencies=self.keep(p.relevant_agencies, lambda agency: agency),
            sector_representation=tuple(
                attrs.evolve(rep, groups=self.ids(rep.groups)) if set(rep.groups) & gone else rep
                for rep in p.sector_representation
            ),
            observers=tuple(o for o in p.observers if o.post not in gone),
            groups=self.groups(p.groups),
            escalates_to=self.keep(p.escalates_to, self.line),
            procedures=procedures,
        )

    def collaboration(self, c: Collaboration) -> Collaboration:
        return attrs.evolve(c, groups=self.groups(c.groups))
