"""One version of a comparison, indexed once, and its ids in words."""

from __future__ import annotations

from typing import Any

import attrs

from ..collaboration import Collaboration
from ..dataset import Dataset
from ..groups import Group, Member
from ..meaning import dates_words, member_role_words
from ..organisations import Organisation, Person, Post
from ..partnership import (
    Partnership,
    Regime,
    ReviewSchedule,
)
from ..values import Choice, Item, PartialDate, check_id, check_ids, optional_id
from .facts import _fields, _fold, _is_quote
from .records import Value
from .words import field_words

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
        "by",
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
            for member in dataset.members_of(collaboration):
                self.member_of.setdefault(member, []).append(collaboration)

    def name(self, key: str) -> str:
        """An id in words: a post with its holder and organisation, else a name."""
        return self.dataset.name_of(key, self.index)

    def label(self, key: str) -> str:
        """An organisation's or a group's name, with its short name in brackets."""
        entity = self.index.get(key)
        if isinstance(entity, Organisation | Group | Partnership | Collaboration):
            short, name = entity.short_name, entity.name
            if name is None:  # a collaboration the document does not name
                return self.name(key)
            if short and _fold(short) != _fold(name):
                return f"{name} ({short})"
            return name
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

    def words(self, value: object, field: str = "", *, ids: bool = False) -> Value | None:
        """A value in words; None for none. Ids (``ids``, or a field of
        :data:`_ID_FIELDS`) are given by the names they stand for."""
        if value is None or value == ():
            return None
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, str):
            return self.label(value) if ids or field in _ID_FIELDS else value
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, Choice):
            return value.label
        if isinstance(value, tuple):
            parts = [self.words(item, field, ids=ids) for item in value]
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
            words = self.words(current, field.name, ids=_is_id_field(field))
            if words is not None:
                parts.append(f"{field_words(field.name)}: {words}" if parts else str(words))
        return "; ".join(part.rstrip(".") for part in parts) or None


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
        words = member_role_words(member.role, member.acts_for, some=member.some)
    else:
        words = member.text or ""
    if member.capacity.value != "member":
        words += f" ({member.capacity.label})"
    return words


_ID_VALIDATORS = (check_id, optional_id, check_ids)


def _is_id_field(field: attrs.Attribute[Any]) -> bool:
    """Whether a field's text (or texts) are ids: one of :data:`_ID_FIELDS`, or one the
    model checks as ids (so that a field the model gains is read so too)."""
    return field.name in _ID_FIELDS or field.validator in _ID_VALIDATORS


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
        if _is_id_field(field) and isinstance(current, str):
            found.add(current)
        elif (
            _is_id_field(field)
            and isinstance(current, tuple)
            and all(isinstance(item, str) for item in current)
        ):
            found.update(current)
        elif isinstance(current, tuple) or attrs.has(type(current)):
            _references(current, found)
    return found
