"""The records of a comparison: :class:`Change`, what kind of thing changed and how,
the topics changes are given under, and :class:`Changes`, every change between two
versions, looked up by partnership.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

import attrs

from ..values import Choice, PartialDate, SuccessionKind

T = TypeVar("T")

Value = str | PartialDate
"""A value in words, or a date (kept as a date so that each output words it)."""


class ChangeKind(Choice):
    """What kind of thing changed."""

    PARTNERSHIP = "partnership"
    REGIME = "regime"
    LEAD_PARTNER = "lead-partner"
    DELEGATED_PARTNER = "delegated-partner"
    POST_HOLDER = "post-holder"
    CHAIR = "chair"
    SCRUTINEER = "scrutineer"
    RELEVANT_AGENCY = "relevant-agency"
    SECTOR_REPRESENTATION = "sector-representation"
    OBSERVER = "observer"
    FUNCTIONAL_LINK = "functional-link"
    GROUP = "group"
    GROUP_CHAIR = "group-chair"
    MEMBER = "member"
    MEETING_CADENCE = "meeting-cadence"
    LINE = "line"
    RESPONSIBILITY = "responsibility"
    ORGANISATION = "organisation"
    SCRUTINY_MECHANISM = "scrutiny-mechanism"
    DUTY = "duty"
    """The duties of a class of participant or of one post."""
    EVENT = "event"
    """A recurring event or product."""


class ChangeHow(Choice):
    """How it changed."""

    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"
    REPLACED = "replaced"
    CHANGED = "changed"


class MatchSource(Choice):
    """How the two versions of a thing were found to be the same thing."""

    SAME_ID = "same-id"
    PREDECESSOR = "predecessor"
    """The newer one declares the older as a predecessor (in either version)."""
    FORMER_NAME = "former-name"
    """The same id, and the newer one records the older's name as a former name."""


class Topic(Choice):
    """The part of the arrangements a change belongs to, in the order changes are given."""

    PARTNERSHIP = "partnership"
    PARTNERS = "partners"
    CHAIR = "chair"
    SCRUTINY = "scrutiny"
    RELEVANT_AGENCIES = "relevant-agencies"
    OBSERVERS_AND_LINKS = "observers-and-links"
    GROUPS = "groups"
    COLLABORATIONS = "collaborations"
    ORGANISATIONS = "organisations"

    @property
    def title(self) -> str:
        """The topic as a heading: ``The partners``."""
        return _TOPIC_TITLES[self]


_TOPIC_TITLES = {
    Topic.PARTNERSHIP: "The partnership",
    Topic.PARTNERS: "The partners",
    Topic.CHAIR: "The chair",
    Topic.SCRUTINY: "Scrutiny",
    Topic.RELEVANT_AGENCIES: "Relevant agencies",
    Topic.OBSERVERS_AND_LINKS: "Observers and links",
    Topic.GROUPS: "Groups",
    Topic.COLLABORATIONS: "Collaborations",
    Topic.ORGANISATIONS: "Organisations",
}


@attrs.frozen(kw_only=True)
class Change:
    """One change between two versions.

    ``old_name`` and ``new_name`` are the thing as each version names it (one is None
    when it was added or removed); ``field`` the field that changed: for an entry
    added, removed or replaced, the list that holds it (``relevant_agencies``,
    ``members``, ``reports_to``), and for a change within a thing, its field
    (``footnote``, ``meets``, ``holder``, ``name``). ``before`` and ``after`` are the
    values in words (the whole entry when it was added, removed or replaced); None
    where that version gives none, and ``not_stated_before`` (``not_stated_after``)
    when that version lists the field under ``not_stated``. ``match`` says how the
    two were found to be one thing; ``succession`` and ``date`` the succession a
    version declares (or, for a rename, the end of the former name where it is
    dated); ``predecessor_end`` the end the newer version gives a predecessor it keeps
    beside its successor (a part of the succession, not a change of its own);
    ``start``, ``end`` and ``planned`` the entry's own dates and status.
    ``entry`` is the entry of a list that a change within it belongs to, in words (the
    duties of the relevant agencies, for a point added to them).
    ``partnership`` is the id of the partnership (None for an organisation's change
    met in no partnership); ``group`` and ``group_name`` the group a change within a
    group belongs to.
    """

    kind: ChangeKind
    how: ChangeHow
    topic: Topic
    old_name: str | None = None
    new_name: str | None = None
    field: str | None = None
    before: Value | None = None
    after: Value | None = None
    old_id: str | None = None
    new_id: str | None = None
    match: MatchSource | None = None
    succession: SuccessionKind | None = None
    date: PartialDate | None = None
    predecessor_end: PartialDate | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    planned: bool = False
    not_stated_before: bool = False
    not_stated_after: bool = False
    entry: str | None = None
    partnership: str | None = None
    group: str | None = None
    group_name: str | None = None

    @property
    def subject(self) -> str:
        """The thing as the newer version names it (the older, when it was removed)."""
        return self.new_name or self.old_name or ""


@attrs.frozen(kw_only=True)
class Compared:
    """A partnership as the two versions give it: ids, names and dates (the date its
    arrangements took effect, else the date its source was published). One side is
    None for a partnership in one version only."""

    old_id: str | None
    new_id: str | None
    old_name: str | None = None
    new_name: str | None = None
    old_date: PartialDate | None = None
    new_date: PartialDate | None = None

    @property
    def id(self) -> str:
        """The partnership's id in the newer version (the older, when it was removed)."""
        return self.new_id or self.old_id or ""

    @property
    def name(self) -> str:
        """The partnership's name in the newer version (the older, when it was removed)."""
        return self.new_name or self.old_name or ""


@attrs.frozen(kw_only=True)
class Changes:
    """Every change between two versions, in order: for each partnership (in the newer
    version's order, then those removed), its facts, partners, chair, scrutiny,
    relevant agencies, observers and links, and groups; then organisations renamed or
    replaced that no partnership's changes mention.

    ``old_version`` and ``new_version`` say what was compared, in words (file names,
    or the dates of :func:`changes_between`), where the caller knows them; ``old_on``
    and ``new_on`` are the dates of :func:`changes_between`.
    """

    changes: tuple[Change, ...] = ()
    compared: tuple[Compared, ...] = ()
    old_version: str | None = None
    new_version: str | None = None
    old_on: PartialDate | None = None
    new_on: PartialDate | None = None

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    _by_partnership: dict[str | None, tuple[Change, ...]] = attrs.field(
        init=False, eq=False, repr=False
    )
    _ids: dict[str, str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        found: dict[str | None, list[Change]] = {}
        for change in self.changes:
            found.setdefault(change.partnership, []).append(change)
        ids: dict[str, str] = {}  # an id the newer version holds names its own partnership
        for compared in self.compared:
            if compared.old_id is not None:
                ids.setdefault(compared.old_id, compared.id)
        ids.update((c.new_id, c.id) for c in self.compared if c.new_id is not None)
        object.__setattr__(self, "_by_partnership", {k: tuple(v) for k, v in found.items()})
        object.__setattr__(self, "_ids", ids)

    def of(self, partnership: str | None) -> tuple[Change, ...]:
        """The changes of one partnership (by its id in either version: an id the newer
        version holds is that partnership's, an older id the first partnership compared
        with it); None for the changes that belong to no partnership. Looked up, not
        searched for."""
        key = partnership if partnership is None else self._ids.get(partnership, partnership)
        return self._by_partnership.get(key, ())
