"""What changed between two versions of the arrangements: a semantic diff.

:func:`compare` takes two datasets (two files, or one dataset on two dates through
:func:`changes_between`) and gives the :class:`Changes` between them: each a
:class:`Change` record that says what kind of thing changed, how (added, removed,
renamed, replaced or changed), the thing as each version names it, the field, the
values before and after in words, and the ids.

Things are matched by id, or by a succession one version declares (the newer body's
``predecessors``: an integrated care board that replaced a clinical commissioning
group), never by their names alone: an agency under another id with no declared
predecessor is one removed and one added. A list entry with no id of its own (a lead
partner, a member, a reporting line) is matched by what it names (its organisation,
post or target, through those successions), then by its other identifying fields.
An organisation renamed is reported once: where it is first met (as a lead partner or
a relevant agency), else under "organisations".

What one version lists under ``not_stated`` and the other gives is "not stated
before; now ..." (never "none before"). Planned entries are marked planned. Order is
not a change; nor are the source's own words kept beside a fact (the ``text`` of a
partner, chair, member or line: see :func:`facts`), nor the bookkeeping that
matching uses (``former_names``, ``predecessors``) or the version's ``source``.
Everything here is linear in the size of the two datasets.
"""

from __future__ import annotations

import datetime
from collections import Counter, deque
from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import Any, Generic, TypeVar

import attrs

from ..errors import NotFoundError, NothingStoodError, UsageError
from .collaboration import Collaboration
from .dataset import Dataset
from .dates import OnDate, parse_date, partnership_stands, span_of
from .groups import Chair, ChairRole, DecisionRule, Group, Line, Member
from .meaning import chair_words, dates_words, partnership_chairs
from .names import Names
from .organisations import Organisation, Person, Post
from .partnership import (
    DelegatedPartner,
    FunctionalLink,
    Instrument,
    LeadPartner,
    Observer,
    Partnership,
    Procedures,
    PublishedReport,
    ReferencedDocument,
    Regime,
    RelevantAgency,
    ReviewSchedule,
    Scrutineer,
    SectorRepresentation,
    Source,
)
from .values import Choice, FormerName, Item, PartialDate, Succession, SuccessionKind

__all__ = [
    "Change",
    "ChangeHow",
    "ChangeKind",
    "Changes",
    "Compared",
    "MatchSource",
    "Topic",
    "DateWords",
    "NOT_COMPARED",
    "Value",
    "at",
    "changes_between",
    "compare",
    "context",
    "describe",
    "facts",
    "field_words",
    "noun",
    "predecessor_end_words",
    "span_words",
    "value_words",
    "whose",
]

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


# --- what is compared ----------------------------------------------------------------

_QUOTES: tuple[type, ...] = (
    LeadPartner,
    Scrutineer,
    Chair,
    Line,
    Observer,
    FunctionalLink,
    Succession,
    FormerName,
    Regime,
    DecisionRule,
    Source,
    PublishedReport,
    ReviewSchedule,
    Procedures,
    ReferencedDocument,
)
"""Classes whose ``text`` is the source's words beside a fact, not a fact."""


def _is_quote(value: object) -> bool:
    if isinstance(value, Member):
        return bool(value.post or value.organisation or value.chair_of or value.role)
    return isinstance(value, _QUOTES)


def facts(value: T) -> T:
    """``value`` without the source's words kept beside its facts: the ``text`` of a
    partner, chair, scrutineer, member that names someone, line, observer, link,
    regime, decision rule and the like is left out (set to None), at any depth. Two
    values with equal facts are no change."""
    if isinstance(value, tuple):
        found = tuple(facts(item) for item in value)
        return found if any(a is not b for a, b in zip(found, value, strict=True)) else value  # type: ignore[return-value]
    if not attrs.has(type(value)) or isinstance(value, PartialDate):
        return value
    changed: dict[str, Any] = {}
    quote = _is_quote(value)
    for field in _fields(value):
        current = getattr(value, field.name)
        if field.name == "text" and quote:
            if current is not None:
                changed[field.name] = None
            continue
        new = facts(current)
        if new is not current:
            changed[field.name] = new
    return attrs.evolve(value, **changed) if changed else value  # type: ignore[misc]


def _same(old: object, new: object) -> bool:
    """Whether two values state the same facts; the order of a list is not a fact."""
    if isinstance(old, tuple) and isinstance(new, tuple):
        return Counter(facts(old)) == Counter(facts(new))
    return facts(old) == facts(new)


def _fields(value: Any) -> tuple[attrs.Attribute[Any], ...]:
    """The attrs fields of a model value."""
    return attrs.fields(type(value))  # type: ignore[no-any-return]


def _fold(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split()).casefold()


# --- the two versions ----------------------------------------------------------------

_ID_FIELDS = frozenset(
    {
        "organisation",
        "post",
        "to",
        "parent",
        "nominated_by",
        "via",
        "sector",
        "collaboration",
        "of",
        "decided_by",
        "presented_by",
        "joint_with",
        "rotates_among",
        "chair_of",
        "local_authorities",
        "presented_to",
        "sent_to",
        "groups",
    }
)
"""Fields whose text (or texts) are ids: shown by the names they stand for."""


class _Side:
    """One version: its dataset, indexed once."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.index = dataset.index()
        self.member_of: dict[str, list[Collaboration]] = {}
        for collaboration in dataset.collaborations:
            for member in collaboration.members:
                self.member_of.setdefault(member, []).append(collaboration)

    def name(self, key: str) -> str:
        """An id in words: a post with its holder and organisation, else a name."""
        return self.dataset.name_of(key, self.index)

    def label(self, key: str) -> str:
        """An organisation's or a group's name, with its short name in brackets."""
        entity = self.index.get(key)
        if isinstance(entity, Organisation | Group | Partnership | Collaboration):
            short = entity.short_name
            if short and _fold(short) != _fold(entity.name):
                return f"{entity.name} ({short})"
            return entity.name
        return self.name(key)

    def post_title(self, key: str) -> str:
        """A post in words without its holder: its title and organisation."""
        post = self.index.get(key)
        if not isinstance(post, Post):
            return self.name(key)
        if post.organisation is None:
            return post.title
        return f"{post.title}, {self.label(post.organisation)}"

    def holder(self, post: Post) -> str | None:
        """Who holds a post, in words; None when the data does not say."""
        if post.holder is None:
            return "vacant" if post.vacant else None
        person = self.index.get(post.holder)
        name = person.name if isinstance(person, Person) else post.holder
        return name + (" (acting)" if post.acting else "")

    def words(self, value: object, field: str = "") -> Value | None:
        """A value in words; None for none. Ids are given by the names they stand for."""
        if value is None or value == ():
            return None
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, str):
            return self.label(value) if field in _ID_FIELDS else value
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, Choice):
            return value.label
        if isinstance(value, tuple):
            parts = [self.words(item, field) for item in value]
            return "; ".join(str(part).rstrip(".") for part in parts if part is not None) or None
        if isinstance(value, Item):
            points = self.words(value.points)
            return f"{value.text} ({points})" if points else value.text
        if attrs.has(type(value)):
            return self._entity_words(value)
        return str(value)

    def _entity_words(self, value: Any) -> str | None:
        if isinstance(value, Regime):
            dated = dates_words(value.start, value.end)
            return value.instrument.title + (f" ({dated})" if dated else "")
        if isinstance(value, ReviewSchedule):
            dates = ", ".join(str(review) for review in value.reviews)
            every = value.then_every_years
            then = f"every {every} years" if every and every > 1 else "every year"
            return ", then ".join(part for part in (dates, then if every else "") if part) or None
        parts = []
        lead = getattr(value, "title", None) or getattr(value, "name", None)
        if isinstance(lead, str):
            parts.append(lead)
        for field in _fields(value):
            if field.name in ("title", "name") and lead:
                continue
            if field.name == "text" and _is_quote(value):
                continue
            current = getattr(value, field.name)
            if current == field.default:
                continue
            words = self.words(current, field.name)
            if words is not None:
                parts.append(f"{field_words(field.name)}: {words}" if parts else str(words))
        return "; ".join(part.rstrip(".") for part in parts) or None


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


def _observer_key(entry: Observer) -> Key:
    return (entry.post or entry.organisation, None)


def _sector_key(entry: SectorRepresentation) -> Key:
    return (entry.sector, None)


def _line_key(entry: Line) -> Key:
    return (entry.to, None)


def _item_key(entry: Item) -> Key:
    return (None, _fold(entry.text))


def _chair_key(chair: Chair) -> Key:
    return (chair.post, (chair.partnership_chair, chair.nominated_by, chair.rotates_among))


def _member_key(member: Member) -> Key:
    named = member.post or member.organisation
    text = None if (named or member.chair_of or member.role) else _fold(member.text)
    return (named, (member.chair_of, member.role, text))


# --- the comparison ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _List:
    """How one list of entries is compared."""

    kind: ChangeKind
    field: str
    key: Callable[[Any], Key]
    keys: frozenset[str]
    """The entry's fields that make its key (not compared as changes)."""


_CHAIR_KEYS = frozenset({"post", "partnership_chair", "nominated_by", "rotates_among"})
_ORGANISATION = frozenset({"organisation"})
_POST = frozenset({"post"})
_TO = frozenset({"to"})

_PARTNERSHIP_LISTS = {
    spec.field: spec
    for spec in (
        _List(kind=ChangeKind.LINE, field="escalates_to", key=_line_key, keys=_TO),
        _List(
            kind=ChangeKind.LEAD_PARTNER,
            field="lead_partners",
            key=_by_organisation,
            keys=_ORGANISATION,
        ),
        _List(
            kind=ChangeKind.DELEGATED_PARTNER, field="delegated_partners", key=_by_post, keys=_POST
        ),
        _List(kind=ChangeKind.CHAIR, field="chairs", key=_chair_key, keys=_CHAIR_KEYS),
        _List(kind=ChangeKind.SCRUTINEER, field="scrutineers", key=_by_post, keys=_POST),
        _List(
            kind=ChangeKind.RELEVANT_AGENCY,
            field="relevant_agencies",
            key=_by_organisation,
            keys=_ORGANISATION,
        ),
        _List(
            kind=ChangeKind.SECTOR_REPRESENTATION,
            field="sector_representation",
            key=_sector_key,
            keys=frozenset({"sector"}),
        ),
        _List(
            kind=ChangeKind.OBSERVER,
            field="observers",
            key=_observer_key,
            keys=frozenset({"post", "organisation"}),
        ),
        _List(
            kind=ChangeKind.FUNCTIONAL_LINK,
            field="functional_links",
            key=_by_organisation,
            keys=_ORGANISATION,
        ),
    )
}
_GROUP_LISTS = {
    spec.field: spec
    for spec in (
        _List(kind=ChangeKind.GROUP_CHAIR, field="chairs", key=_chair_key, keys=_CHAIR_KEYS),
        _List(
            kind=ChangeKind.MEMBER,
            field="members",
            key=_member_key,
            keys=frozenset({"post", "organisation", "chair_of", "role", "text"}),
        ),
        _List(kind=ChangeKind.LINE, field="reports_to", key=_line_key, keys=_TO),
        _List(kind=ChangeKind.LINE, field="escalates_to", key=_line_key, keys=_TO),
    )
}

_PARTNERSHIPS = "partnerships"
"""The field of a partnership added or removed: the dataset's list of them."""

_PARTNERSHIP_FACTS = ("scope", "start", "end", "effective", "area")
"""The partnership's facts compared after its name and its regimes, in this order."""
_PARTNERSHIP_LATER_FACTS = (
    "thresholds",
    "yearly_report",
    "yearly_reports",
    "review",
    "funding",
    "training",
    "procedures",
    "contact",
)
_GROUP_FACTS = ("kind", "parent", "joint_with", "description", "decision_rule")
"""A group's facts compared after its name (and short name), in this order."""
_LIFE = ("start", "end", "planned")

NOT_COMPARED = frozenset(
    {
        "id",
        "former_names",
        "predecessors",
        "source",
        "sources",
        "not_stated",
        "not_stated_for",
        "partial",
    }
)
"""Fields of a partnership or group that are not themselves changes: the id and the
bookkeeping that matching uses, the version's sources, and ``not_stated``,
``not_stated_for`` and ``partial`` (which say how far the other fields are given)."""

_PARTNERSHIP_COMPARED = frozenset(
    {
        "name",
        "short_name",
        "regimes",
        *_PARTNERSHIP_FACTS,
        "aims",
        "escalates_to",
        *_PARTNERSHIP_LATER_FACTS,
        *_PARTNERSHIP_LISTS,
        "groups",
    }
)
"""The partnership's fields compared one by one; :meth:`_Comparer.rest` compares the
others."""
_GROUP_COMPARED = frozenset(
    {
        "name",
        "short_name",
        *_GROUP_FACTS,
        *_LIFE,
        *_GROUP_LISTS,
        "meets",
        "objectives",
        "responsibilities",
    }
)


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
        version lists it under ``not_stated``."""
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
        """The collaborations the partnership is a member of. A version that holds no
        collaboration at all says nothing of them: one given in the other version is
        "not stated" in it, never added or removed."""
        olds = self.old.member_of.get(old.id, [])
        news = self.new.member_of.get(new.id, [])
        silent = (not self.old.dataset.collaborations, not self.new.dataset.collaborations)
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
            self.groups(pair.old, pair.new, (False, False), owner=self.new.label(pair.new.id))

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
                    not_stated_before=missing[0] and pair.new is not None,
                    not_stated_after=missing[1] and pair.old is not None,
                )
        self.unstated_list(spec.kind, spec.field, olds, news, missing)

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
        """A list said as a whole, "not given" rather than entries added or removed:
        one that the older version gave and a predecessor the newer version keeps
        (ended, beside its successor) does not (the newer version need say no more of
        a body that ended), and, where ``unlisted`` (an owner with no ``not_stated``),
        one that either version leaves empty. Whether it was said so."""
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

    def unstated_list(
        self,
        kind: ChangeKind,
        field: str,
        olds: Sequence[Any],
        news: Sequence[Any],
        missing: tuple[bool, bool],
    ) -> None:
        """A list that one version does not state and the other gives empty."""
        if missing[0] != missing[1] and not (olds if missing[1] else news):
            self.field(kind, field, olds, news, missing=missing)

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
            return f"{side.label(entry.organisation)} ({entry.role.label})"
        if isinstance(entry, DelegatedPartner):
            whom = f"the {entry.acts_for.label}"
            if entry.organisation:
                whom += f", {side.label(entry.organisation)}"
            return f"{side.name(entry.post)} (for {whom})"
        if isinstance(entry, Chair):
            owner = self.owners[0] if side is self.old else self.owners[1]
            words = chair_words(entry, side.name, partnership_chairs(owner, side.index))
            return words + ("" if entry.role is ChairRole.CHAIR else f" ({entry.role.label})")
        if isinstance(entry, Member):
            return _member_words(entry, side)
        if isinstance(entry, Line):
            cadence = f" ({entry.cadence.label})" if entry.cadence else ""
            return f"to {side.label(entry.to)}{cadence}"
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
        if isinstance(entry, Line):
            verb = "reports to" if spec.field == "reports_to" else "escalates to"
            return f"{verb} {side.label(entry.to)}"
        if isinstance(entry, LeadPartner):
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
    ) -> None:
        """A list of items (aims, responsibilities): each added or removed, by its text."""
        if self.whole_list(kind, field, olds, news, missing):
            return
        for pair in _pairs(olds, news, _item_key, {}):
            if pair.old is not None and pair.new is not None:
                self.field(
                    kind, field, pair.old, pair.new, new_name=pair.new.text, old_name=pair.old.text
                )
                continue
            entry = pair.new if pair.new is not None else pair.old
            words = self.new.words(entry) if pair.new is not None else self.old.words(entry)
            self.entry(
                kind,
                field,
                pair,
                str(words),
                not_stated_before=missing[0] and pair.new is not None,
                not_stated_after=missing[1] and pair.old is not None,
            )
        self.unstated_list(kind, field, olds, news, missing)

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
                    not_stated_before=missing[0] and pair.new is not None,
                    not_stated_after=missing[1] and pair.old is not None,
                    **whose,
                )
                continue
            self.context.kept = kept or pair.kept
            self.group(pair.old, pair.new, pair)
            self.context.kept = kept
        self.context.group = self.context.group_name = None
        self.unstated_list(ChangeKind.GROUP, "groups", old.groups, new.groups, missing)

    def group(self, old: Group, new: Group, pair: _Pair[Group]) -> None:
        kind = ChangeKind.GROUP
        self.context.group = new.id
        self.context.group_name = new.name
        match = self.identity(kind, old, new, pair.succession, pair.ended)
        stated = _not_stated(old, new)
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
                elif _fold(old.name) != _fold(new.name):
                    self.identity(kind, old, new, None)
                else:
                    self.field(kind, "short_name", old.short_name, new.short_name, **common)
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
    (Topic.PARTNERS, ("lead_partners", "delegated_partners")),
    (Topic.CHAIR, ("chairs",)),
    (Topic.SCRUTINY, ("scrutineers",)),
    (Topic.RELEVANT_AGENCIES, ("relevant_agencies", "sector_representation")),
    (Topic.OBSERVERS_AND_LINKS, ("observers", "functional_links")),
)


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


def _member_words(member: Member, side: _Side) -> str:
    if member.post:
        words = side.name(member.post)
    elif member.organisation:
        words = side.label(member.organisation)
    elif member.chair_of:
        names = [side.label(key) for key in member.chair_of]
        words = (
            "the chair of the " + names[0]
            if len(names) == 1
            else "the chairs of " + ", ".join(names)
        )
    elif member.role is not None:
        words = f"the {member.role.label}"
    else:
        words = member.text or ""
    if member.capacity.value != "member":
        words += f" ({member.capacity.label})"
    return words


def _former(entity: Any, name: str) -> FormerName | None:
    """The former name of ``entity`` that is ``name`` (case and spacing aside)."""
    folded = _fold(name)
    for former in getattr(entity, "former_names", ()):
        if _fold(former.name) == folded:
            return former  # type: ignore[no-any-return]
    return None


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


def _references(value: object, found: set[str] | None = None) -> set[str]:
    """Every id a partnership refers to, at any depth (linear in its size)."""
    found = set() if found is None else found
    if isinstance(value, tuple):
        for item in value:
            _references(item, found)
        return found
    if not attrs.has(type(value)) or isinstance(value, PartialDate):
        return found
    for field in _fields(value):
        current = getattr(value, field.name)
        if field.name in _ID_FIELDS and isinstance(current, str):
            found.add(current)
        elif (
            field.name in _ID_FIELDS
            and isinstance(current, tuple)
            and all(isinstance(item, str) for item in current)
        ):
            found.update(current)
        elif isinstance(current, tuple) or attrs.has(type(current)):
            _references(current, found)
    return found


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
}

_LIST_NOUNS = {
    "aims": ("aim", "aims"),
    "objectives": ("objective", "objectives"),
    "responsibilities": ("responsibility", "responsibilities"),
    "reports_to": ("reporting line", "reporting lines"),
    "escalates_to": ("escalation route", "escalation routes"),
    "collaborations": ("collaboration", "collaborations"),
}


def noun(change: Change, plural: bool = False) -> str:
    """What a change is about, as a noun: ``relevant agency``, ``reporting line``."""
    words = _LIST_NOUNS.get(change.field or "") or _NOUNS[change.kind]
    return words[1] if plural else words[0]


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
    if change.how is ChangeHow.CHANGED and change.kind not in (
        ChangeKind.PARTNERSHIP,
        ChangeKind.MEETING_CADENCE,
    ):
        if change.kind in _NAMED_BY_SUBJECT:
            parts.append(change.subject) if change.subject else None
        elif change.field != _list_field(change):
            parts.append(f"{noun(change)} {change.subject}")
    return ", ".join(parts)


_NAMED_BY_SUBJECT = frozenset(
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
    """Text as a sentence: a capital first, a full stop last (unless it has one)."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


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
