"""Collaborations of several partnerships, such as the four-area HIPS arrangement."""

from __future__ import annotations

import attrs

from .groups import Group, ReportingLine
from .values import (
    ConsistencyError,
    FormerName,
    Item,
    PartialDate,
    PartialList,
    Succession,
    as_statement,
    check_dates,
    check_id,
    check_ids,
    check_partial,
    check_predecessors,
    check_text,
    former_names_field,
)

__all__ = ["UNNAMED", "Collaboration"]

UNNAMED = "a collaboration the source does not name"
"""What outputs call a collaboration the document mentions without a name."""


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

    A collaboration the document mentions without naming it ("we work with
    neighbouring partnerships") has no ``name``: its ``description`` keeps the
    document's words, and outputs call it by :attr:`label`, never by an invented name.
    """

    id: str = attrs.field(validator=check_id)
    name: str | None = attrs.field(default=None, validator=check_text)
    """The name, as the document gives it; left out for a collaboration the document
    mentions without a name (its `description` then keeps the document's words)."""
    short_name: str | None = attrs.field(default=None, validator=check_text)
    former_names: tuple[FormerName, ...] = former_names_field()
    members: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    areas: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    description: str | None = attrs.field(default=None, validator=check_text)
    purpose: Item | None = attrs.field(default=None, converter=as_statement)
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
        if self.name is None:
            if self.description is None:
                raise ConsistencyError(
                    "a collaboration the document does not name keeps the document's words "
                    "in `description` (give its `name` where the document gives one)",
                    field="name",
                )
            if self.short_name is not None or self.former_names:
                raise ConsistencyError(
                    "a collaboration without a name has no short or former name: give its "
                    "`name` as the document does",
                    field="name",
                )
        check_dates(self)
        check_predecessors(self)
        check_partial(self)

    def _repr_html_(self) -> str:
        """The collaboration in a notebook (:mod:`safeguarding_model.notebook`, a face,
        imported only when displayed)."""
        from ..notebook.cards import collaboration_html

        return collaboration_html(self)

    @property
    def label(self) -> str:
        """The short name where there is one, else the name; for a collaboration the
        document does not name, :data:`UNNAMED`."""
        return self.short_name or self.name or UNNAMED

    @property
    def named(self) -> bool:
        """Whether the document names the collaboration."""
        return self.name is not None

    def __repr__(self) -> str:
        return (
            f"Collaboration(id={self.id!r}, name={self.name!r}, members={list(self.members)}, "
            f"groups={[g.id for g in self.groups]})"
        )
