"""Collaborations of several partnerships, such as the four-area HIPS arrangement."""

from __future__ import annotations

import attrs

from .groups import Group
from .values import (
    FormerName,
    Item,
    PartialDate,
    Succession,
    check_dates,
    check_id,
    check_ids,
    check_predecessors,
    check_text,
    former_names_field,
)

__all__ = ["Collaboration"]


@attrs.frozen(kw_only=True, repr=False)
class Collaboration:
    """Partnerships that share groups, procedures or an executive.

    ``members`` are the ids of the partnerships (or, where a partnership is not
    itself described in the data, the organisation standing for it) that take part.
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    short_name: str | None = attrs.field(default=None, validator=check_text)
    former_names: tuple[FormerName, ...] = former_names_field()
    members: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    description: str | None = attrs.field(default=None, validator=check_text)
    background: tuple[Item, ...] = ()
    outcomes: tuple[Item, ...] = ()
    groups: tuple[Group, ...] = ()
    start: PartialDate | None = None
    end: PartialDate | None = None
    predecessors: tuple[Succession, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_dates(self)
        check_predecessors(self)

    @property
    def label(self) -> str:
        """The short name where there is one, else the name."""
        return self.short_name or self.name

    def __repr__(self) -> str:
        return (
            f"Collaboration(id={self.id!r}, name={self.name!r}, members={list(self.members)}, "
            f"groups={[g.id for g in self.groups]})"
        )
