"""Collaborations of several partnerships, such as the four-area HIPS arrangement."""

from __future__ import annotations

import attrs

from .groups import Group, ReportingLine
from .values import (
    FormerName,
    Item,
    PartialDate,
    PartialList,
    Succession,
    check_dates,
    check_id,
    check_ids,
    check_partial,
    check_predecessors,
    check_text,
    former_names_field,
)

__all__ = ["Collaboration"]


@attrs.frozen(kw_only=True, repr=False)
class Collaboration:
    """Partnerships that share groups, procedures or an executive.

    ``members`` are the ids of the partnerships (or, where a partnership is not
    itself described in the data, the organisation standing for it) that take part;
    ``areas`` the local authorities whose areas it spans, where the document names
    the areas rather than their partnerships. ``outcomes`` are its outcomes (one
    outcome with the principles it rests on is one item with points), ``purpose`` and
    ``principles`` as the document gives them; ``lines`` the lines it gives between
    the collaboration, its groups and the partnerships (learning fed both ways).
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    short_name: str | None = attrs.field(default=None, validator=check_text)
    former_names: tuple[FormerName, ...] = former_names_field()
    members: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    areas: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    description: str | None = attrs.field(default=None, validator=check_text)
    purpose: str | None = attrs.field(default=None, validator=check_text)
    background: tuple[Item, ...] = ()
    outcomes: tuple[Item, ...] = ()
    principles: tuple[Item, ...] = ()
    groups: tuple[Group, ...] = ()
    lines: tuple[ReportingLine, ...] = ()
    start: PartialDate | None = None
    end: PartialDate | None = None
    predecessors: tuple[Succession, ...] = ()
    partial: tuple[PartialList, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_dates(self)
        check_predecessors(self)
        check_partial(self)

    @property
    def label(self) -> str:
        """The short name where there is one, else the name."""
        return self.short_name or self.name

    def __repr__(self) -> str:
        return (
            f"Collaboration(id={self.id!r}, name={self.name!r}, members={list(self.members)}, "
            f"groups={[g.id for g in self.groups]})"
        )
