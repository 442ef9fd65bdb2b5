"""What a comparison compares: a value's facts without the source's words kept beside
them (:func:`facts`), and whether two values state the same facts.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, TypeVar

import attrs

from ..groups import Chair, DecisionRule, Line, Member
from ..partnership import (
    FunctionalLink,
    LeadPartner,
    Observer,
    Procedures,
    PublishedReport,
    ReferencedDocument,
    Regime,
    ReviewSchedule,
    Scrutineer,
    Source,
)
from ..values import FormerName, PartialDate, Succession

T = TypeVar("T")

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
