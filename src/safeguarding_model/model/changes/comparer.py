"""The comparison itself: each partnership, its facts, lists, groups and collaborations,
then the organisations; and :func:`compare` and :func:`changes_between`.
"""

from __future__ import annotations

import datetime
from collections import Counter, deque
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from ...errors import NotFoundError, NothingStoodError, UsageError
from ..arrangements import Duty, RecurringEvent, ScrutinyMechanism
from ..collaboration import Collaboration
from ..dataset import Dataset
from ..dates import OnDate, parse_date, partnership_stands, span_of
from ..groups import Chair, ChairRole, Group, Line, Member, ReportingLine
from ..meaning import chair_words, partnership_chairs
from ..names import Names
from ..organisations import Organisation, Post
from ..partnership import (
    DelegatedPartner,
    FunctionalLink,
    Instrument,
    LeadPartner,
    Observer,
    Partnership,
    Regime,
    RelevantAgency,
    Scrutineer,
    SectorRepresentation,
)
from ..values import FormerName, Item, PartialDate, Succession, SuccessionKind
from .facts import _fields, _fold, _is_quote, _same
from .lists import (
    _GROUP_COMPARED,
    _GROUP_FACTS,
    _GROUP_LISTS,
    _LIFE,
    _PARTNERSHIP_COMPARED,
    _PARTNERSHIP_FACTS,
    _PARTNERSHIP_LATER_FACTS,
    _PARTNERSHIP_LISTS,
    _PARTNERSHIPS,
    NOT_COMPARED,
    _List,
)
from .matching import Successors, _by_id, _item_key, _Pair, _pairs, _successors
from .records import Change, ChangeHow, ChangeKind, Changes, Compared, MatchSource, Topic, Value
from .versions import _member_words, _references, _Side
from .words import NAMED_BY_SUBJECT, at, kind_noun


class _Context:
    """Where the changes being made belong: a partnership, a topic, perhaps a group."""

    def __init__(self, partnership: str | None, topic: Topic) -> None:
        self.partnership = partnership
        self.topic = topic
        self.group: str | None = None
        self.group_name: str | None = None
        self.kept = False
        """Whether the partnership or group compared is a predecessor that the newer
        version keeps, ended, beside its successor."""


class _Comparer:
    def __init__(self, old: Dataset, new: Dataset, successors: Successors | None) -> None:
        self.old = _Side(old)
        self.new = _Side(new)
        self.successors = _successors(new, old) if successors is None else successors
        self.changes: list[Change] = []
        self.context = _Context(None, Topic.PARTNERSHIP)
        self.reported_organisations: set[tuple[str, str]] = set()
        self.reported_posts: set[str] = set()
        self.reported_collaborations: set[str] = set()
        self.partial_lists: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
        self.referenced: set[str] = set()
        self.owners: tuple[Partnership | None, Partnership | None] = (None, None)

    # --- making changes ---------------------------------------------------------------

    def add(self, kind: ChangeKind, how: ChangeHow, **fields: Any) -> None:
        context = self.context
        fields.setdefault("partnership", context.partnership)
        fields.setdefault("group", context.group)
        fields.setdefault("group_name", context.group_name)
        self.changes.append(Change(kind=kind, how=how, topic=context.topic, **fields))

    def field(
        self,
        kind: ChangeKind,
        name: str,
        old: object,
        new: object,
        *,
        missing: tuple[bool, bool] = (False, False),
        **fields: Any,
    ) -> None:
        """A change of one field, if its facts differ; ``missing`` says whether each
        version lists it under ``not_stated``. A value that one version does not state
        and the other does not give (None) is unknown in both: no change."""
        if missing[0] != missing[1] and (new if missing[0] else old) is None:
            return
        if missing[0] == missing[1]:
            if isinstance(old, str) and isinstance(new, str):
                if _fold(old) == _fold(new):
                    return  # the same text whatever its case and spacing
            elif _same(old, new):
                return
        before: Value | None
        after: Value | None
        if name == "planned":
            before, after = _planned(old), _planned(new)
        else:
            before, after = self.old.words(old, name), self.new.words(new, name)
        self.add(
            kind,
            ChangeHow.CHANGED,
            field=name,
            before=before,
            after=after,
            not_stated_before=missing[0],
            not_stated_after=missing[1],
            **fields,
        )

    # --- partnerships -----------------------------------------------------------------

    def run(self, pairs: list[_Pair[Partnership]], everything: bool) -> Changes:
        """Each pair of partnerships compared in turn, then the organisations. A
        partnership merged from several is not compared field by field with any one of
        them: its changes say what it was merged from. A predecessor that the newer
        version keeps, ended, beside its successor is compared with itself too, and
        listed among those compared only where that finds a change."""
        compared = []
        merged = Counter(pair.new.id for pair in pairs if pair.old and pair.new and pair.succession)
        seen: set[str] = set()
        for pair in pairs:
            old, new = pair.old, pair.new
            if old is not None and new is not None and merged[new.id] > 1:
                self.context = _Context(new.id, Topic.PARTNERSHIP)
                self.identity(ChangeKind.PARTNERSHIP, old, new, pair.succession, pair.ended)
                if new.id in seen:
                    continue
                seen.add(new.id)
                compared.append(_compared(old, new))
                continue
            either = new if new is not None else old
            assert either is not None
            self.context = _Context(either.id, Topic.PARTNERSHIP)
            if old is None or new is None:
                compared.append(_compared(old, new))
                self.whole(ChangeKind.PARTNERSHIP, _PARTNERSHIPS, old, new)
                continue
            before = len(self.changes)
            self.context.kept = pair.kept
            self.partnership(old, new, pair)
            if not pair.kept or len(self.changes) > before:
                compared.append(_compared(old, new))
            _references(old, self.referenced)
            _references(new, self.referenced)
        self.context = _Context(None, Topic.ORGANISATIONS)
        if not everything:  # the organisations of the posts referred to, too
            for side in (self.old, self.new):
                for key in list(self.referenced):
                    post = side.index.get(key)
                    if isinstance(post, Post) and post.organisation is not None:
                        self.referenced.add(post.organisation)
        self.organisations(None if everything else self.referenced)
        return Changes(changes=tuple(self.changes), compared=tuple(compared))

    def whole(self, kind: ChangeKind, field: str, old: Any, new: Any, **extra: Any) -> None:
        """A partnership or group added or removed."""
        entity = new if new is not None else old
        side = self.new if new is not None else self.old
        words = side.label(entity.id)
        self.add(
            kind,
            ChangeHow.ADDED if new is not None else ChangeHow.REMOVED,
            field=field,
            old_name=words if old is not None else None,
            new_name=words if new is not None else None,
            before=words if old is not None else None,
            after=words if new is not None else None,
            old_id=old.id if old is not None else None,
            new_id=new.id if new is not None else None,
            start=entity.start,
            end=entity.end,
            planned=getattr(entity, "planned", False),
            **extra,
        )

    def identity(
        self,
        kind: ChangeKind,
        old: Any,
        new: Any,
        succession: Succession | None,
        ended: PartialDate | None = None,
    ) -> MatchSource:
        """A partnership, group or organisation that the newer version names another way,
        or that a successor followed: renamed or replaced (``ended``: the end the newer
        version gives the predecessor it keeps). Gives how the two matched."""
        old_words = self.old.label(old.id)
        new_words = self.new.label(new.id)
        common: dict[str, Any] = {
            "old_name": old_words,
            "new_name": new_words,
            "old_id": old.id,
            "new_id": new.id,
        }
        if succession is not None:
            how = (
                ChangeHow.RENAMED
                if succession.how is SuccessionKind.RENAMED
                else ChangeHow.REPLACED
            )
            self.add(
                kind,
                how,
                field="id",
                before=old_words,
                after=new_words,
                match=MatchSource.PREDECESSOR,
                succession=succession.how,
                date=succession.date,
                predecessor_end=ended,
                **common,
            )
            return MatchSource.PREDECESSOR
        if _by_short_name(old, new):
            return MatchSource.SAME_ID  # one version names it by the other's short name
        if _fold(old.name) == _fold(new.name):
            if (
                _fold(old.short_name) != _fold(new.short_name)
                and kind is not ChangeKind.PARTNERSHIP
            ):
                self.field(kind, "short_name", old.short_name, new.short_name, **common)
            return MatchSource.SAME_ID
        former = _former(new, old.name)
        match = MatchSource.FORMER_NAME if former is not None else MatchSource.SAME_ID
        self.add(
            kind,
            ChangeHow.RENAMED,
            field="name",
            before=old_words,
            after=new_words,
            match=match,
            date=former.end if former is not None else None,
            **common,
        )
        return match

    def partnership(self, old: Partnership, new: Partnership, pair: _Pair[Partnership]) -> None:
        stated = _not_stated(old, new)
        self.partial(old, new)
        self.owners = (old, new)
        kind = ChangeKind.PARTNERSHIP
        succession = pair.succession
        self.identity(kind, old, new, succession, pair.ended)
        self.field(kind, "short_name", old.short_name, new.short_name, missing=stated("short_name"))
        self.regimes(old.regimes, new.regimes, stated("regimes"))
        for name in _PARTNERSHIP_FACTS:
            if name in _life(pair):
                continue  # the succession's date says when one ended and the other began
            self.field(kind, name, getattr(old, name), getattr(new, name), missing=stated(name))
        self.collaborations(old, new)
        self.items(kind, "aims", old.aims, new.aims, stated("aims"))
        self.entries(
            _PARTNERSHIP_LISTS["escalates_to"],
            old.escalates_to,
            new.escalates_to,
            stated("escalates_to"),
        )
        for name in _PARTNERSHIP_LATER_FACTS:
            self.field(kind, name, getattr(old, name), getattr(new, name), missing=stated(name))
        for name in ("values", "principles"):
            self.items(kind, name, getattr(old, name), getattr(new, name), stated(name))
        self.rest(kind, old, new, _PARTNERSHIP_COMPARED, stated)
        for topic, names in _PARTNERSHIP_TOPICS:
            self.context.topic = topic
            for name in names:
                spec = _PARTNERSHIP_LISTS[name]
                self.entries(spec, getattr(old, name), getattr(new, name), stated(name))
        self.context.topic = Topic.GROUPS
        self.groups(old, new, stated("groups"))
        self.context.topic = Topic.COLLABORATIONS
        self.collaboration_groups(old, new)

    def regimes(
        self, olds: tuple[Regime, ...], news: tuple[Regime, ...], missing: tuple[bool, bool]
    ) -> None:
        """The statutory guidance: "changed from ... to ..." where the instruments
        differ; where they are the same, each regime's dates that differ, named by its
        instrument (a date one version gives and the other does not is "not given",
        and a date unknown in both is no change)."""
        same = Counter(r.instrument for r in olds) == Counter(r.instrument for r in news)
        if missing[0] != missing[1] or not same:
            self.field(ChangeKind.REGIME, "regimes", olds, news, missing=missing)
            return
        for old, new in zip(
            sorted(olds, key=_regime_order), sorted(news, key=_regime_order), strict=True
        ):
            title = new.instrument.title
            for name in ("start", "end"):
                self.field(
                    ChangeKind.REGIME,
                    name,
                    getattr(old, name),
                    getattr(new, name),
                    old_name=title,
                    new_name=title,
                )

    def collaborations(self, old: Partnership, new: Partnership) -> None:
        """The collaborations the partnership is a member of (as a collaboration lists
        it, or as it says itself). A version that holds no collaboration at all, or lists
        the partnership's under ``not_stated``, says nothing of them: one given in the
        other version is "not stated" in it, never added or removed."""
        olds = self.old.member_of.get(old.id, [])
        news = self.new.member_of.get(new.id, [])
        silent = (
            not self.old.dataset.collaborations or "collaborations" in old.not_stated,
            not self.new.dataset.collaborations or "collaborations" in new.not_stated,
        )
        for pair in _pairs(olds, news, _by_id, self.successors):
            if pair.old is not None and pair.new is not None:
                if pair.succession is not None or _fold(pair.old.name) != _fold(pair.new.name):
                    self.identity(ChangeKind.PARTNERSHIP, pair.old, pair.new, pair.succession)
                continue
            entity = pair.new or pair.old
            side = self.new if pair.new is not None else self.old
            self.entry(
                ChangeKind.PARTNERSHIP,
                "collaborations",
                pair,
                side.label(entity.id),  # type: ignore[union-attr]
                not_stated_before=silent[0] and pair.new is not None,
                not_stated_after=silent[1] and pair.old is not None,
            )

    def collaboration_groups(self, old: Partnership, new: Partnership) -> None:
        """The groups of each collaboration the partnership is a member of in both
        versions, once (under the first partnership compared that is a member)."""
        olds = self.old.member_of.get(old.id, [])
        news = self.new.member_of.get(new.id, [])
        for pair in _pairs(olds, news, _by_id, self.successors):
            if pair.old is None or pair.new is None or pair.new.id in self.reported_collaborations:
                continue
            self.reported_collaborations.add(pair.new.id)
            owner = self.partial(pair.old, pair.new)
            self.groups(pair.old, pair.new, (False, False), owner=self.new.label(pair.new.id))
            self.partial_lists = owner

    # --- lists of entries -------------------------------------------------------------

    def entries(
        self, spec: _List, olds: Sequence[Any], news: Sequence[Any], missing: tuple[bool, bool]
    ) -> None:
        """Compare one list: entries added, removed, replaced and changed; a list one
        version does not state."""
        if self.whole_list(spec.kind, spec.field, olds, news, missing):
            return
        pairs = _pairs(olds, news, spec.key, self.successors)
        if spec.kind in (ChangeKind.CHAIR, ChangeKind.GROUP_CHAIR):
            pairs = _chairs_changed(pairs)
        for pair in pairs:
            if pair.old is not None and pair.new is not None:
                self.matched(spec, pair)
            else:
                side = self.new if pair.new is not None else self.old
                entry = pair.new if pair.new is not None else pair.old
                self.entry(
                    spec.kind,
                    spec.field,
                    pair,
                    self.entry_words(spec, entry, side),
                    **self.unlisted(spec.field, missing, pair),
                )

    def unlisted(self, field: str, missing: tuple[bool, bool], pair: _Pair[Any]) -> dict[str, bool]:
        """Whether an entry in one version only was not stated in the other: that
        version lists the field under ``not_stated``, or gives the list only in part
        (``partial``), so the entry may have been there unlisted (never added or
        removed)."""
        olds, news = self.partial_lists
        return {
            "not_stated_before": (missing[0] or field in olds) and pair.new is not None,
            "not_stated_after": (missing[1] or field in news) and pair.old is not None,
        }

    def partial(self, old: Any, new: Any) -> tuple[frozenset[str], frozenset[str]]:
        """Set the lists that ``old`` and ``new`` give only in part, and give those
        set before (to set back)."""
        before = self.partial_lists
        self.partial_lists = (_partial_fields(old), _partial_fields(new))
        return before

    def whole_list(
        self,
        kind: ChangeKind,
        field: str,
        olds: Sequence[Any],
        news: Sequence[Any],
        missing: tuple[bool, bool],
        *,
        unlisted: bool = False,
        **fields: Any,
    ) -> bool:
        """A list said as a whole, rather than entry by entry: one that a version does
        not state while the other gives it empty ("not stated before; now none
        given"); one that the older version gave and a predecessor the newer version
        keeps (ended, beside its successor) does not, "not given" rather than removed
        (the newer version need say no more of a body that ended); and, where
        ``unlisted`` (an owner with no ``not_stated``), one that either version leaves
        empty. Whether it was said so (then its entries are not compared one by one:
        a list a version does not state holds no entries)."""
        if missing[0] != missing[1] and not (olds if missing[1] else news):
            self.field(kind, field, olds, news, missing=missing, **fields)
            return True
        kept = self.context.kept and olds and not news
        if any(missing) or not (kept or (unlisted and bool(olds) != bool(news))):
            return False
        spec = _PARTNERSHIP_LISTS.get(field) if self.context.group is None else None
        spec = spec or _GROUP_LISTS.get(field)

        def words(entries: Sequence[Any], side: _Side) -> str | None:
            found = [
                self.entry_words(spec, entry, side)
                if spec
                else side.label(entry.id)
                if isinstance(entry, Group)
                else str(side.words(entry))
                for entry in entries
            ]
            return "; ".join(found) or None

        before, after = words(olds, self.old), words(news, self.new)
        self.add(kind, ChangeHow.CHANGED, field=field, before=before, after=after, **fields)
        return True

    def entry(
        self, kind: ChangeKind, field: str, pair: _Pair[Any], words: str, **fields: Any
    ) -> None:
        """One entry added or removed."""
        entry = pair.new if pair.new is not None else pair.old
        ids = _entry_id(entry)
        self.add(
            kind,
            ChangeHow.ADDED if pair.new is not None else ChangeHow.REMOVED,
            field=field,
            old_name=words if pair.old is not None else None,
            new_name=words if pair.new is not None else None,
            before=words if pair.old is not None else None,
            after=words if pair.new is not None else None,
            old_id=ids if pair.old is not None else None,
            new_id=ids if pair.new is not None else None,
            start=getattr(entry, "start", None),
            end=getattr(entry, "end", None),
            planned=getattr(entry, "planned", False),
            **fields,
        )

    def matched(self, spec: _List, pair: _Pair[Any]) -> None:
        """An entry in both versions (or an older one and its successor): how it was
        matched, then each of its fields that changed."""
        old: Any = pair.old
        new: Any = pair.new
        common: dict[str, Any] = {
            "old_name": self.subject_words(spec, old, self.old),
            "new_name": self.subject_words(spec, new, self.new),
            "old_id": _entry_id(old),
            "new_id": _entry_id(new),
            "start": getattr(new, "start", None),
            "end": getattr(new, "end", None),
            "planned": getattr(new, "planned", False),
        }
        before = self.entry_words(spec, old, self.old)
        after = self.entry_words(spec, new, self.new)
        succession = pair.succession
        skip = set(spec.keys) | _life(pair)
        if succession is not None:
            renamed = succession.how is SuccessionKind.RENAMED
            self.add(
                spec.kind,
                ChangeHow.RENAMED if renamed else ChangeHow.REPLACED,
                field=spec.field,
                before=before,
                after=after,
                match=MatchSource.PREDECESSOR,
                succession=succession.how,
                date=succession.date,
                predecessor_end=pair.ended or self.kept_end(common["old_id"]),
                **common,
            )
            self.reported_organisations.add((common["old_id"], common["new_id"]))
            match = MatchSource.PREDECESSOR
            skip.update(("role", "planned"))  # in the words and the status above
        elif spec.key(old) != spec.key(new):  # a chair changing hands: one seat
            self.add(
                spec.kind, ChangeHow.CHANGED, field=spec.field, before=before, after=after, **common
            )
            return
        else:
            match = MatchSource.SAME_ID
            organisation = getattr(old, "organisation", None)
            if organisation is not None and organisation == getattr(new, "organisation", None):
                match = self.organisation(spec.kind, organisation, common)
        for attribute in _fields(new):
            name = attribute.name
            if name in skip or name in NOT_COMPARED or (name == "text" and _is_quote(new)):
                continue
            if name == "post" and spec.kind is ChangeKind.LEAD_PARTNER:
                self.post_field(spec.kind, old.post, new.post, common)
                continue
            if _all_items(getattr(old, name), getattr(new, name)):  # its points, one by one
                subject = common["new_name"]
                self.items(
                    spec.kind,
                    name,
                    getattr(old, name),
                    getattr(new, name),
                    (False, False),
                    entry=subject
                    if spec.kind in NAMED_BY_SUBJECT
                    else f"{kind_noun(spec.kind)} {subject}",
                )
                continue
            self.field(
                spec.kind, name, getattr(old, name), getattr(new, name), match=match, **common
            )
        post = getattr(new, "post", None)
        if post is not None and post == getattr(old, "post", None):
            self.post(post)

    def organisation(self, kind: ChangeKind, key: str, common: dict[str, Any]) -> MatchSource:
        """An organisation named by an entry in both versions, renamed between them:
        reported here, once."""
        old, new = self.old.index.get(key), self.new.index.get(key)
        if not isinstance(old, Organisation) or not isinstance(new, Organisation):
            return MatchSource.SAME_ID
        if (key, key) in self.reported_organisations or _fold(old.name) == _fold(new.name):
            return MatchSource.SAME_ID
        if _by_short_name(old, new):
            return MatchSource.SAME_ID
        self.reported_organisations.add((key, key))
        former = _former(new, old.name)
        match = MatchSource.FORMER_NAME if former is not None else MatchSource.SAME_ID
        fields = {
            **common,
            "old_name": self.old.label(key),
            "new_name": self.new.label(key),
            "old_id": key,
            "new_id": key,
        }
        self.add(
            kind,
            ChangeHow.RENAMED,
            field="name",
            before=fields["old_name"],
            after=fields["new_name"],
            match=match,
            date=former.end if former is not None else None,
            **fields,
        )
        return match

    def post_field(
        self, kind: ChangeKind, old: str | None, new: str | None, common: dict[str, Any]
    ) -> None:
        """A lead partner's post: another post, or one given where none was."""
        if old == new:
            return
        before = self.old.name(old) if old else None
        after = self.new.name(new) if new else None
        self.add(kind, ChangeHow.CHANGED, field="post", before=before, after=after, **common)

    def post(self, key: str) -> None:
        """A post named in both versions: its title, organisation and holder, once."""
        if key in self.reported_posts:
            return
        self.reported_posts.add(key)
        old, new = self.old.index.get(key), self.new.index.get(key)
        if not isinstance(old, Post) or not isinstance(new, Post):
            return
        common: dict[str, Any] = {
            "old_name": old.title,
            "new_name": new.title,
            "old_id": key,
            "new_id": key,
            "match": MatchSource.SAME_ID,
        }
        kind = ChangeKind.POST_HOLDER
        if _fold(old.title) != _fold(new.title):
            self.add(
                kind, ChangeHow.RENAMED, field="title", before=old.title, after=new.title, **common
            )
        self.field(kind, "organisation", old.organisation, new.organisation, **common)
        before, after = self.old.holder(old), self.new.holder(new)
        if before != after:
            self.add(
                kind,
                ChangeHow.CHANGED,
                field="holder",
                before=before,
                after=after,
                not_stated_before=before is None,
                not_stated_after=after is None,
                start=new.start,
                end=new.end,
                **common,
            )
        # the tenure is the holder's: a new holder's goes with the change of holder
        for name in ("known_on",) if before != after else ("start", "end", "known_on"):
            self.field(kind, name, getattr(old, name), getattr(new, name), **common)

    def entry_words(self, spec: _List, entry: Any, side: _Side) -> str:
        """An entry in words, as its version names it."""
        if isinstance(entry, LeadPartner):
            if entry.organisation is None:
                return f"the {entry.role.label} (the organisation not named)"
            return f"{side.label(entry.organisation)} ({entry.role.label})"
        if isinstance(entry, DelegatedPartner):
            whom = f"the {entry.acts_for.label}"
            if entry.organisation:
                whom += f", {side.label(entry.organisation)}"
            post = side.name(entry.post) if entry.post else "a post not stated"
            return f"{post} (for {whom})"
        if isinstance(entry, Chair):
            owner = self.owners[0] if side is self.old else self.owners[1]
            words = chair_words(entry, side.name, partnership_chairs(owner, side.index))
            return words + ("" if entry.role is ChairRole.CHAIR else f" ({entry.role.label})")
        if isinstance(entry, Member):
            return _member_words(entry, side)
        if isinstance(entry, Line):
            said = [entry.kind.label] if entry.kind else []
            said += [entry.cadence.label] if entry.cadence else []
            said += [entry.cadence_text] if entry.cadence_text else []
            whence = f"{side.label(entry.by)} " if isinstance(entry, ReportingLine) else ""
            return f"{whence}to {side.label(entry.to)}" + (f" ({', '.join(said)})" if said else "")
        if isinstance(entry, Duty):
            points = len(entry.items)
            counted = f" ({points} point{'s' if points != 1 else ''})" if points else ""
            return f"{self.subject_words(spec, entry, side)}{counted}"
        if isinstance(entry, ScrutinyMechanism):
            by = [side.label(key) for key in entry.by]
            by += [f"the {entry.by_role.label}"] if entry.by_role else []
            kind = entry.kind.label
            named = f"{entry.name} ({kind})" if entry.name else kind
            if len(by) > 1:
                by = [", ".join(by[:-1]) + " and " + by[-1]]
            return named + (f", by {by[0]}" if by else "")
        if isinstance(entry, RecurringEvent):
            every = entry.every.label if entry.every else entry.every_text
            return entry.name + (f" ({every})" if every else "")
        if isinstance(entry, SectorRepresentation):
            return side.label(entry.sector)
        if isinstance(entry, Observer):
            return side.name(entry.post or entry.organisation or "")
        if isinstance(entry, Scrutineer):
            return side.name(entry.post)
        if isinstance(entry, RelevantAgency | FunctionalLink):
            return side.label(entry.organisation)
        return str(side.words(entry) or "")

    def subject_words(self, spec: _List, entry: Any, side: _Side) -> str:
        """An entry in words as the subject of a change to one of its fields: a line
        without its cadence, as ``reports to the Executive Group``; a lead partner as
        its organisation."""
        if isinstance(entry, ReportingLine):
            return f"{side.label(entry.by)} to {side.label(entry.to)}"
        if isinstance(entry, Line):
            verb = "reports to" if spec.field == "reports_to" else "escalates to"
            return f"{verb} {side.label(entry.to)}"
        if isinstance(entry, Duty):
            if entry.post is not None:
                return f"of {side.post_title(entry.post)}"
            return f"of the {entry.of.label}" if entry.of is not None else ""
        if isinstance(entry, ScrutinyMechanism | RecurringEvent):
            return entry.name or entry.kind.label
        if isinstance(entry, LeadPartner):
            if entry.organisation is None:
                return f"the {entry.role.label}"
            return side.label(entry.organisation)
        post = getattr(entry, "post", None)
        if isinstance(post, str):  # the post, not its holder, who may differ by version
            return side.post_title(post)
        return self.entry_words(spec, entry, side)

    def items(
        self,
        kind: ChangeKind,
        field: str,
        olds: tuple[Item, ...],
        news: tuple[Item, ...],
        missing: tuple[bool, bool],
        **fields: Any,
    ) -> None:
        """A list of items (aims, responsibilities, a duty's points): each added or
        removed, by its text (``fields`` say whose they are)."""
        if self.whole_list(kind, field, olds, news, missing, **fields):
            return
        for pair in _pairs(olds, news, _item_key, {}):
            if pair.old is not None and pair.new is not None:
                self.field(
                    kind,
                    field,
                    pair.old,
                    pair.new,
                    new_name=pair.new.text,
                    old_name=pair.old.text,
                    **fields,
                )
                continue
            entry = pair.new if pair.new is not None else pair.old
            words = self.new.words(entry) if pair.new is not None else self.old.words(entry)
            self.entry(
                kind,
                field,
                pair,
                str(words),
                **self.unlisted(field, missing, pair),
                **fields,
            )

    # --- groups -----------------------------------------------------------------------

    def groups(
        self,
        old: Partnership | Collaboration,
        new: Partnership | Collaboration,
        missing: tuple[bool, bool],
        owner: str | None = None,
    ) -> None:
        """The groups of a partnership, or of a collaboration (``owner``: its name, which
        then leads what is said of its list of groups; it has no ``not_stated``, so a
        list one version leaves empty is not given there)."""
        whose = {} if owner is None else {"group_name": owner}
        unlisted = owner is not None
        if self.whole_list(
            ChangeKind.GROUP, "groups", old.groups, new.groups, missing, unlisted=unlisted, **whose
        ):
            return
        kept = self.context.kept
        for pair in _pairs(old.groups, new.groups, _by_id, self.successors):
            self.context.group = None
            self.context.group_name = None
            if pair.old is None or pair.new is None:
                self.whole(
                    ChangeKind.GROUP,
                    "groups",
                    pair.old,
                    pair.new,
                    **self.unlisted("groups", missing, pair),
                    **whose,
                )
                continue
            self.context.kept = kept or pair.kept
            self.group(pair.old, pair.new, pair)
            self.context.kept = kept
        self.context.group = self.context.group_name = None

    def group(self, old: Group, new: Group, pair: _Pair[Group]) -> None:
        kind = ChangeKind.GROUP
        self.context.group = new.id
        self.context.group_name = new.name
        match = self.identity(kind, old, new, pair.succession, pair.ended)
        stated = _not_stated(old, new)
        owner = self.partial(old, new)
        common: dict[str, Any] = {"match": match, "old_id": old.id, "new_id": new.id}
        common.update(old_name=old.name, new_name=new.name)
        for name in _GROUP_FACTS:
            self.field(
                kind, name, getattr(old, name), getattr(new, name), missing=stated(name), **common
            )
        for name in _LIFE:
            if name not in _life(pair):
                self.field(kind, name, getattr(old, name), getattr(new, name), **common)
        self.entries(_GROUP_LISTS["chairs"], old.chairs, new.chairs, stated("chairs"))
        self.entries(_GROUP_LISTS["members"], old.members, new.members, stated("members"))
        self.field(
            ChangeKind.MEETING_CADENCE,
            "meets",
            old.meets,
            new.meets,
            missing=stated("meets"),
            **common,
        )
        for name in ("reports_to", "escalates_to"):
            self.entries(_GROUP_LISTS[name], getattr(old, name), getattr(new, name), stated(name))
        for name in ("objectives", "responsibilities"):
            self.items(
                ChangeKind.RESPONSIBILITY,
                name,
                getattr(old, name),
                getattr(new, name),
                stated(name),
            )
        self.rest(kind, old, new, _GROUP_COMPARED, stated, **common)
        self.partial_lists = owner

    def rest(
        self,
        kind: ChangeKind,
        old: Any,
        new: Any,
        compared: frozenset[str],
        stated: Callable[[str], tuple[bool, bool]],
        **fields: Any,
    ) -> None:
        """The fields of a partnership or group that nothing above compares, each as a
        whole (so that a field the model gains is named when it changes, not passed
        over)."""
        for attribute in _fields(new):
            name = attribute.name
            if name not in compared and name not in NOT_COMPARED:
                old_value, new_value = getattr(old, name), getattr(new, name)
                self.field(kind, name, old_value, new_value, missing=stated(name), **fields)

    # --- organisations ----------------------------------------------------------------

    def organisations(self, only: set[str] | None) -> None:
        """Organisations (those ``only`` names, or all): renamed or replaced where no
        partnership's changes say so, and every other field that changed (an end
        that a succession between the versions explains goes with the succession)."""
        news: dict[str, Organisation] = {o.id: o for o in self.new.dataset.organisations}
        kind = ChangeKind.ORGANISATION
        for old in self.old.dataset.organisations:
            if only is not None and old.id not in only:
                continue
            new = news.get(old.id)
            followed = [
                (news[successor], succession)
                for successor, succession in self.successors.get(old.id, ())
                if successor in news and successor not in self.old.index  # else it had happened
            ]
            if new is not None:
                common: dict[str, Any] = {
                    "old_name": self.old.label(old.id),
                    "new_name": self.new.label(new.id),
                    "old_id": old.id,
                    "new_id": new.id,
                }
                if (old.id, old.id) in self.reported_organisations:
                    pass  # renamed where first met, in both names and short names
                else:  # renamed, or its short name changed (not named by its short name)
                    self.identity(kind, old, new, None)
                for name in _ORGANISATION_FACTS:
                    if name != "end" or not followed:
                        self.field(kind, name, getattr(old, name), getattr(new, name), **common)
            for later, succession in followed:
                if (old.id, later.id) not in self.reported_organisations:
                    ended = new.end if new is not None else None
                    self.identity(kind, old, later, succession, ended)

    def kept_end(self, key: str | None) -> PartialDate | None:
        """The end the newer version gives an organisation that a successor followed,
        where it keeps it."""
        kept = self.new.index.get(key) if key is not None else None
        return kept.end if isinstance(kept, Organisation) else None


_ORGANISATION_FACTS = (
    "kind",
    "parent",
    "owned_by",
    "delivers_for",
    "collective",
    "count",
    "start",
    "end",
)
"""An organisation's fields compared after its name and short name, in this order (its
``note`` is the data file's commentary, not a fact of the organisation)."""

_PARTNERSHIP_TOPICS = (
    (Topic.PARTNERSHIP, ("members", "reports_to", "lines", "duties", "events")),
    (Topic.PARTNERS, ("lead_partners", "delegated_partners")),
    (Topic.CHAIR, ("chairs",)),
    (Topic.SCRUTINY, ("scrutineers", "scrutiny")),
    (Topic.RELEVANT_AGENCIES, ("relevant_agencies", "sector_representation")),
    (Topic.OBSERVERS_AND_LINKS, ("observers", "functional_links")),
)


def _all_items(old: object, new: object) -> bool:
    """Whether two values are lists of items that both versions give (a duty's points,
    a scrutiny's inputs)."""
    if not isinstance(old, tuple) or not isinstance(new, tuple) or not (old and new):
        return False  # a list one version does not give is given, or not, as a whole
    return all(isinstance(item, Item) for item in old + new)


def _regime_order(regime: Regime) -> tuple[int, str]:
    """Regimes of one instrument in the order of their dates (an undated one first)."""
    start = regime.start
    return (list(Instrument).index(regime.instrument), "" if start is None else str(start))


def _life(pair: _Pair[Any]) -> frozenset[str]:
    """The dates of a pair that are not changes of their own: a succession's (its date
    says when one followed the other), and the end of a predecessor the newer version
    keeps beside its successor (that end goes with the succession)."""
    if pair.succession is not None:
        return _SUCCESSION_LIFE
    return _KEPT_LIFE if pair.kept else frozenset()


_SUCCESSION_LIFE = frozenset({"start", "end"})
_KEPT_LIFE = frozenset({"end"})


def _chairs_changed(pairs: list[_Pair[Chair]]) -> list[_Pair[Chair]]:
    """A chair removed and another added in the same role are the chair changing
    hands (the first of each, in order); a seat is one seat, whoever holds it."""
    removed: dict[Any, deque[int]] = {}
    for position, pair in enumerate(pairs):
        if pair.new is None and pair.old is not None:
            removed.setdefault((pair.old.role, pair.old.planned), deque()).append(position)
    if not removed:
        return pairs
    found: list[_Pair[Chair] | None] = list(pairs)
    for position, pair in enumerate(pairs):
        if pair.old is None and pair.new is not None:
            queue = removed.get((pair.new.role, pair.new.planned))
            if queue:
                gone = queue.popleft()
                found[position] = _Pair(pairs[gone].old, pair.new)
                found[gone] = None
    return [pair for pair in found if pair is not None]


def _entry_id(entry: Any) -> str | None:
    """The id an entry stands for: its own, or what it names (a relevant agency's
    organisation, a delegated partner's post, a line's target)."""
    if isinstance(entry, Item):
        return None
    if isinstance(entry, Observer | Member):
        return entry.post or entry.organisation
    if isinstance(entry, DelegatedPartner | Scrutineer | Chair):
        return entry.post
    for name in ("id", "organisation", "to", "sector"):
        value = getattr(entry, name, None)
        if isinstance(value, str):
            return value
    return None


def _former(entity: Any, name: str) -> FormerName | None:
    """The former name of ``entity`` that is ``name`` (case and spacing aside)."""
    folded = _fold(name)
    for former in getattr(entity, "former_names", ()):
        if _fold(former.name) == folded:
            return former  # type: ignore[no-any-return]
    return None


def _by_short_name(old: Any, new: Any) -> bool:
    """Whether one version names a body by the short name the other gives it (the
    Autumn 2020 newsletter's "Partnership Team"), and the newer does not record the
    older name as a former name: not a rename."""
    short = _fold(old.name) == _fold(new.short_name) or _fold(new.name) == _fold(old.short_name)
    return short and _former(new, old.name) is None


def _partial_fields(owner: Any) -> frozenset[str]:
    """The lists that a partnership, group or collaboration gives only in part."""
    return frozenset(entry.field for entry in getattr(owner, "partial", ()))


def _not_stated(old: Any, new: Any) -> Callable[[str], tuple[bool, bool]]:
    """Whether each version (a partnership or a group) lists a field under
    ``not_stated``."""
    olds, news = set(old.not_stated), set(new.not_stated)
    return lambda name: (name in olds, name in news)


def _planned(value: object) -> str:
    return "planned" if value else "in place"


def _compared(old: Partnership | None, new: Partnership | None) -> Compared:
    return Compared(
        old_id=old.id if old else None,
        new_id=new.id if new else None,
        old_name=old.name if old else None,
        new_name=new.name if new else None,
        old_date=_version_date(old),
        new_date=_version_date(new),
    )


def _version_date(partnership: Partnership | None) -> PartialDate | None:
    """When a version's arrangements took effect, else when its source was published."""
    if partnership is None:
        return None
    if partnership.effective is not None:
        return partnership.effective
    return partnership.source.published if partnership.source is not None else None


# --- choosing partnerships -----------------------------------------------------------


def _find(dataset: Dataset, key: str) -> Partnership | None:
    try:
        found = Names(dataset).resolve(key, Partnership)
    except NotFoundError:
        return None
    assert isinstance(found, Partnership)
    return found


def _chosen(
    old: Dataset, new: Dataset, key: str, pairs: list[_Pair[Partnership]]
) -> list[_Pair[Partnership]]:
    """The pairs of partnerships ``key`` (an id or a name) names: one in both versions,
    by id or by a declared succession (with the others merged into the same one)."""
    in_old, in_new = _find(old, key), _find(new, key)
    if in_old is None and in_new is None:
        ids = sorted({p.id for p in (*old.partnerships, *new.partnerships)})
        raise NotFoundError(
            f"no partnership {key!r} in either version; they hold: {', '.join(ids) or 'none'}",
            key=key,
        )
    both = [pair for pair in pairs if pair.old is not None and pair.new is not None]
    found = [pair for pair in both if pair.new is in_new or pair.old is in_old]
    if not found:
        either = in_new if in_new is not None else in_old
        assert either is not None
        which, other = ("newer", "older") if in_old is None else ("older", "newer")
        raise UsageError(
            f"the partnership {either.id!r} is only in the {which} version: the {other} has "
            "none with its id, nor one it declares as predecessor or successor, to compare it with"
        )
    if (
        in_old is not None
        and in_new is not None
        and in_old.id != in_new.id
        and not any(pair.old is in_old and pair.new is in_new for pair in found)
    ):
        raise UsageError(
            f"{key!r} names different partnerships in the two versions ({in_old.id} and "
            f"{in_new.id}), and neither declares the other its predecessor: name one by id"
        )
    into = {id(pair.new) for pair in found}  # a merge: every partnership merged into it
    return [pair for pair in both if id(pair.new) in into]


def compare(
    old: Dataset,
    new: Dataset,
    *,
    partnership: str | None = None,
    successors: Successors | None = None,
) -> Changes:
    """What changed from ``old`` to ``new``: every :class:`Change`, in order.

    ``partnership`` (an id or a name) compares that partnership only, and the
    organisations it refers to; it must be in both versions (by id, or by a
    predecessor one version declares), else a :class:`~safeguarding_model.errors.UsageError`
    says which version lacks it. ``successors`` are the successions to match by (by
    default those the two versions declare; :func:`changes_between` gives those of the
    whole dataset, which a view on a date may leave out). ``compare(x, x)`` is empty.
    """
    comparer = _Comparer(old, new, successors)
    pairs = _pairs(old.partnerships, new.partnerships, _by_id, comparer.successors)
    if partnership is not None:
        pairs = _chosen(old, new, partnership, pairs)
    return comparer.run(pairs, everything=partnership is None)


def changes_between(
    dataset: Dataset, from_date: OnDate, to_date: OnDate, *, partnership: str | None = None
) -> Changes:
    """What changed in ``dataset`` from one date to another (``2019``, ``2023-06``,
    ``2024-09-30``, a ``datetime.date`` or a :class:`PartialDate`): :func:`compare` of
    the arrangements as they stood on each (:meth:`Dataset.as_of`), each named as it
    was then, matched by every succession the dataset declares (a view on a date
    leaves out a predecessor that no longer stood). Planned entries stand on no
    date, so they are in neither.

    A ``from_date`` wholly after ``to_date`` is a
    :class:`~safeguarding_model.errors.UsageError`. When ``partnership`` did not
    stand on one of the dates, or (none named) no partnership stood on either, there
    is nothing to compare: :class:`~safeguarding_model.errors.NothingStoodError`."""
    old_on, new_on = _partial(from_date), _partial(to_date)
    if old_on.first_day() > new_on.last_day():
        raise UsageError(
            f"the earlier date ({old_on}) is after the later one ({new_on}): give the dates "
            "in order"
        )
    chosen: str | None = None
    if partnership is not None:
        found = Names(dataset).resolve(partnership, Partnership)
        assert isinstance(found, Partnership)
        chosen = found.id
        for on in (old_on, new_on):
            if not partnership_stands(found, span_of(on)):
                raise NothingStoodError(
                    f"the partnership {found.id!r} did not stand {at(on)}: it had not started, "
                    "its arrangements had not taken effect, or it had ended, so there is "
                    "nothing to compare on that date",
                    str(on),
                )
    elif dataset.partnerships and not any(
        partnership_stands(p, span_of(on)) for p in dataset.partnerships for on in (old_on, new_on)
    ):
        raise NothingStoodError(
            f"no partnership stood {at(old_on)} or {at(new_on)}: each had not started, its "
            "arrangements had not taken effect, or it had ended, so there is nothing to compare",
            str(old_on),
        )
    changes = compare(
        dataset.as_of(old_on),
        dataset.as_of(new_on),
        partnership=chosen,
        successors=_successors(dataset),
    )
    return attrs.evolve(
        changes, old_version=str(old_on), new_version=str(new_on), old_on=old_on, new_on=new_on
    )


def _partial(on: OnDate) -> PartialDate:
    """A date asked for, as a :class:`PartialDate` (a whole number is a year)."""
    if isinstance(on, PartialDate):
        return on
    if isinstance(on, datetime.date):
        return PartialDate(year=on.year, month=on.month, day=on.day)
    if isinstance(on, int) and not isinstance(on, bool):
        on = str(on)
    if not isinstance(on, str):
        span_of(on)  # the package's one message for something that is not a date
    return parse_date(str(on))
