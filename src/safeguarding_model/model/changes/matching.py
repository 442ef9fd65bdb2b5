"""Pairing the entries of two versions: by what identifies them, then by a succession
a version declares, one to one (or one to several in a split, several to one in a
merge), in linear time.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Sequence
from typing import Any, Generic, TypeVar

import attrs

from ..arrangements import Duty, RecurringEvent, ScrutinyMechanism
from ..dataset import Dataset
from ..groups import Chair, Line, Member, ReportingLine
from ..partnership import (
    Observer,
    SectorRepresentation,
)
from ..values import Item, PartialDate, Succession
from .facts import _fold, facts

T = TypeVar("T")

Successors = dict[str, list[tuple[str, Succession]]]
"""For each id, the entities that declare it a predecessor, with the succession."""


def _successors(*datasets: Dataset) -> Successors:
    """For each id, the entities that declare it a predecessor (in either dataset), with
    the succession: the newer entity's id and how it followed."""
    found: dict[str, list[tuple[str, Succession]]] = {}
    seen: set[tuple[str, str]] = set()
    for dataset in datasets:
        for entity in dataset.entities():
            for succession in getattr(entity, "predecessors", ()):
                if (succession.of, entity.id) not in seen:
                    seen.add((succession.of, entity.id))
                    found.setdefault(succession.of, []).append((entity.id, succession))
    return found


# --- pairing entries -----------------------------------------------------------------

Key = tuple[str | None, Hashable]
"""What identifies an entry: the id it names (which a succession can carry over) and
the rest of what identifies it."""


@attrs.frozen
class _Pair(Generic[T]):
    """An older and a newer entry found to be one (either None where it is in one
    version only). ``succession`` is the succession that links them, where one
    followed the other; ``ended`` then the end the newer version gives the older entry
    it keeps, ended, beside its successor. ``kept`` marks that kept entry paired with
    itself: its end belongs to the succession, not to its own changes."""

    old: T | None
    new: T | None
    succession: Succession | None = None
    ended: PartialDate | None = None
    kept: bool = False


def _pairs(
    olds: Sequence[T],
    news: Sequence[T],
    key: Callable[[T], Key],
    successors: Successors,
) -> list[_Pair[T]]:
    """Entries of the two versions paired: an entry with the same facts first (so that
    order is no change), then by key, then by a declared succession of the id the key
    names. An older entry whose id has a successor in the newer version (one the older
    does not hold) is paired with it even when the newer version still holds the older
    entry by its id; where the newer version keeps that entry, ended, it is paired with
    itself as well (``kept``), and its end goes with the succession. Entries that a
    succession links are paired one to one in order, except one older to several
    newer (a split) and several older to one newer (a merge). In the newer version's
    order, then the older entries no newer one matches. Linear: every step looks
    entries up in a dictionary, and each entry is paired at most once a step."""
    old_keys = [key(item) for item in olds]
    new_keys = [key(item) for item in news]
    held_old = set(old_keys)
    held_new = set(new_keys)
    # The successions: each older entry's key carried over to its successor's.
    followers: dict[Key, list[tuple[int, Succession]]] = {}
    for j, (named, rest) in enumerate(old_keys):
        for successor, succession in successors.get(named or "", ()):
            carried = (successor, rest)
            if carried in held_new and carried not in held_old:
                followers.setdefault(carried, []).append((j, succession))
    exact: dict[int, int] = {}
    matched_old: set[int] = set()
    for same in (facts, key):
        slots: dict[Any, deque[int]] = {}
        for i, item in enumerate(news):
            if i not in exact and new_keys[i] not in followers:
                slots.setdefault(same(item), deque()).append(i)
        for j, item in enumerate(olds):
            queue = slots.get(same(item)) if j not in matched_old else None
            if queue:
                exact[queue.popleft()] = j
                matched_old.add(j)
    successors_of = {j for before in followers.values() for j, _ in before}
    # A newer entry that keeps, ended, an older one that a successor followed.
    kept = {
        j: i
        for i, j in exact.items()
        if j in successors_of and getattr(news[i], "end", None) is not None
    }
    waiting: dict[Key, list[int]] = {}
    for i, new_key in enumerate(new_keys):
        if new_key in followers:
            waiting.setdefault(new_key, []).append(i)
    links: dict[int, list[tuple[int, Succession]]] = {}
    for target, before in followers.items():
        after = waiting[target]
        if len(before) == 1 or len(after) == 1:  # one to one, a split or a merge
            links.update((i, before) for i in after)
            matched_old.update(j for j, _ in before)
        else:  # several to several: in order, one to one
            for (j, succession), i in zip(before, after, strict=False):
                links[i] = [(j, succession)]
                matched_old.add(j)
    kept_new = set(kept.values())
    found: list[_Pair[T]] = []
    for i, item in enumerate(news):
        if i in exact:
            found.append(_Pair(olds[exact[i]], item, kept=i in kept_new))
        elif i in links:
            found.extend(
                _Pair(olds[j], item, succession, _end_of(news, kept.get(j)))
                for j, succession in links[i]
            )
        else:
            found.append(_Pair(None, item))
    found.extend(_Pair(item, None) for j, item in enumerate(olds) if j not in matched_old)
    return found


def _end_of(entries: Sequence[Any], index: int | None) -> PartialDate | None:
    return None if index is None else getattr(entries[index], "end", None)


def _by_id(entry: Any) -> Key:
    return (entry.id, None)


def _by_organisation(entry: Any) -> Key:
    return (entry.organisation, None)


def _by_post(entry: Any) -> Key:
    return (entry.post, None)


def _lead_key(entry: Any) -> Key:
    """A lead partner by its organisation; one known by its role only, by its role."""
    return (entry.organisation, None) if entry.organisation else (None, entry.role.value)


def _delegated_key(entry: Any) -> Key:
    """A delegated partner by its post; one whose post is not stated, by whom it acts
    for."""
    return (entry.post, None) if entry.post else (None, (entry.acts_for.value, entry.organisation))


def _observer_key(entry: Observer) -> Key:
    return (entry.post or entry.organisation, None)


def _sector_key(entry: SectorRepresentation) -> Key:
    return (entry.sector, None)


def _line_key(entry: Line) -> Key:
    return (entry.to, None)


def _reporting_line_key(entry: ReportingLine) -> Key:
    return (entry.to, entry.by)


def _duty_key(entry: Duty) -> Key:
    return (entry.post, entry.of)


def _named_kind_key(entry: ScrutinyMechanism | RecurringEvent) -> Key:
    """A scrutiny mechanism or recurring event: its kind and its name, if it has one."""
    return (None, (entry.kind, _fold(entry.name)))


def _item_key(entry: Item) -> Key:
    return (None, _fold(entry.text))


def _chair_key(chair: Chair) -> Key:
    return (chair.post, (chair.partnership_chair, chair.nominated_by, chair.rotates_among))


def _member_key(member: Member) -> Key:
    named = member.post or member.organisation
    text = None if (named or member.chair_of or member.role) else _fold(member.text)
    return (named, (member.chair_of, member.role, member.acts_for, text))
