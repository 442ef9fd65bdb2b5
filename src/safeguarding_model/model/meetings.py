"""Meetings and communications: what a partnership tells its professionals.

A meeting of a body on a date with its key items, its decisions and the date of the
next one; a training course with its sessions, audience and learning outcomes; a
practice tool adopted (a risk assessment framework) and the tool it replaces; and
how to contact a body. Each is an entity with an id, listed in a dataset collection
of its own (``meetings``, ``courses``, ``tools``, ``contacts``), and each names the
document it comes from (``source``): a newsletter, minutes, a web page.
"""

from __future__ import annotations

import attrs

from .partnership import Source
from .values import (
    Choice,
    FieldError,
    Item,
    PartialDate,
    check_dates,
    check_id,
    check_ids,
    check_not_stated,
    check_text,
)

__all__ = [
    "Contact",
    "ContactChannel",
    "ContactKind",
    "Course",
    "CourseSession",
    "Meeting",
    "MeetingItem",
    "Tool",
]


@attrs.frozen(kw_only=True)
class MeetingItem:
    """One item of a meeting, in the document's words (``text``), with the points
    under it and who brought it (``by``: ids of the organisations, posts or groups
    that presented, updated or facilitated it, where the document says)."""

    text: str = attrs.field(validator=check_text)
    by: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    points: tuple[Item, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Meeting:
    """A meeting of a body (``body``: the id of a group, partnership or
    collaboration) on a ``date``, as precise as the document gives it.

    ``items`` are its key items or key information, in order; ``decisions`` what it
    decided, where the document says (a document that reports a meeting's key
    information without its decisions lists ``decisions`` in ``not_stated``);
    ``next`` the date of the next meeting of the body as the document announces it
    (announced, not known to have taken place).
    """

    id: str = attrs.field(validator=check_id)
    body: str = attrs.field(validator=check_id)
    date: PartialDate
    title: str | None = attrs.field(default=None, validator=check_text)
    items: tuple[MeetingItem, ...] = ()
    decisions: tuple[Item, ...] = ()
    next: PartialDate | None = None
    source: Source | None = None
    text: str | None = attrs.field(default=None, validator=check_text)
    not_stated: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.next is not None and self.next.last_day() < self.date.first_day():
            raise FieldError(
                "next", f"the date of a later meeting, on or after {self.date}", str(self.next)
            )
        check_not_stated(self)

    @property
    def name(self) -> str:
        """The title, or "meeting of <body> on <date>" (the body by its id)."""
        return self.title or f"meeting of {self.body} on {self.date}"

    @property
    def label(self) -> str:
        """The name."""
        return self.name

    def __repr__(self) -> str:
        return f"Meeting(id={self.id!r}, body={self.body!r}, date='{self.date}')"


@attrs.frozen(kw_only=True)
class CourseSession:
    """One session of a course as a document advertises it: its ``date`` and, in the
    document's words, its ``time`` ("1.30 - 3pm"). Advertised, not known to have run."""

    date: PartialDate
    time: str | None = attrs.field(default=None, validator=check_text)
    text: str | None = attrs.field(default=None, validator=check_text)


@attrs.frozen(kw_only=True)
class Course:
    """A training course: its ``title``, who offers it (``by``: ids of partnerships,
    collaborations or organisations), its ``sessions``, its ``audience`` in the
    document's words ("health professionals only"), its ``format`` ("webinar"), its
    ``outcomes`` (learning outcomes, in order) and the ``notes`` a document gives
    attendees (how to join, charges)."""

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=check_text)
    by: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    format: str | None = attrs.field(default=None, validator=check_text)
    sessions: tuple[CourseSession, ...] = ()
    audience: str | None = attrs.field(default=None, validator=check_text)
    outcomes: tuple[Item, ...] = ()
    notes: tuple[Item, ...] = ()
    source: Source | None = None
    text: str | None = attrs.field(default=None, validator=check_text)

    @property
    def name(self) -> str:
        """The title."""
        return self.title

    @property
    def label(self) -> str:
        """The title."""
        return self.title


@attrs.frozen(kw_only=True)
class Tool:
    """A practice tool partnerships adopt: a risk assessment framework, a toolkit.

    ``adopted_by`` names the partnerships or collaborations that adopted it (ids);
    ``replaces`` the tools it replaces (ids of other tools); ``start`` when it was
    launched and ``end`` when it stopped being used, as precise as a document gives
    them. ``description`` says what it is, ``use`` when it is to be used, ``points``
    what it does or recognises (in order), and ``available`` where it can be found,
    each in the document's words.
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    short_name: str | None = attrs.field(default=None, validator=check_text)
    adopted_by: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    replaces: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    start: PartialDate | None = None
    end: PartialDate | None = None
    description: str | None = attrs.field(default=None, validator=check_text)
    use: str | None = attrs.field(default=None, validator=check_text)
    points: tuple[Item, ...] = ()
    available: str | None = attrs.field(default=None, validator=check_text)
    source: Source | None = None
    text: str | None = attrs.field(default=None, validator=check_text)

    def __attrs_post_init__(self) -> None:
        if self.id in self.replaces:
            raise FieldError("replaces", "other tools' ids (nothing replaces itself)", self.id)
        check_dates(self)

    @property
    def label(self) -> str:
        """The short name where there is one, else the name."""
        return self.short_name or self.name


class ContactKind(Choice):
    """How a body can be reached."""

    EMAIL = "email"
    PHONE = "phone"
    SOCIAL_MEDIA = "social-media"
    WEBSITE = "website"
    ADDRESS = "address"


@attrs.frozen(kw_only=True)
class ContactChannel:
    """One way to reach a body: its ``kind``, the ``value`` as the document writes it
    (an address, a number, a handle) and, where it helps, the document's label
    (``text``: "Twitter")."""

    kind: ContactKind
    value: str = attrs.field(validator=check_text)
    text: str | None = attrs.field(default=None, validator=check_text)


@attrs.frozen(kw_only=True)
class Contact:
    """How to contact a body (``of``: the id of a group, partnership, collaboration or
    organisation): its ``name`` as the document gives it ("Partnership Team") and its
    ``channels``, in the document's order."""

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    of: str = attrs.field(validator=check_id)
    channels: tuple[ContactChannel, ...] = ()
    source: Source | None = None
    text: str | None = attrs.field(default=None, validator=check_text)

    def __attrs_post_init__(self) -> None:
        if not self.channels and self.text is None:
            raise FieldError("channels", "at least one way to make contact, or a text", "none")

    @property
    def label(self) -> str:
        """The name."""
        return self.name
