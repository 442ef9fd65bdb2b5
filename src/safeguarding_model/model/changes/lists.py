"""How each list of entries is compared (its kind of change, its field, the key that
matches its entries), and which fields of a partnership or group are compared.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from .matching import (
    Key,
    _by_organisation,
    _by_post,
    _chair_key,
    _delegated_key,
    _duty_key,
    _lead_key,
    _line_key,
    _member_key,
    _named_kind_key,
    _observer_key,
    _reporting_line_key,
    _sector_key,
)
from .records import ChangeKind


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


def _by_field(*specs: _List) -> dict[str, _List]:
    return {spec.field: spec for spec in specs}


_ESCALATES = _List(kind=ChangeKind.LINE, field="escalates_to", key=_line_key, keys=_TO)
_REPORTS = _List(kind=ChangeKind.LINE, field="reports_to", key=_line_key, keys=_TO)
_MEMBERS = _List(
    kind=ChangeKind.MEMBER,
    field="members",
    key=_member_key,
    keys=frozenset({"post", "organisation", "chair_of", "role", "text"}),
)

_PARTNERSHIP_LISTS = _by_field(
    _ESCALATES,
    _List(
        kind=ChangeKind.LEAD_PARTNER,
        field="lead_partners",
        key=_lead_key,
        keys=_ORGANISATION,
    ),
    _List(
        kind=ChangeKind.DELEGATED_PARTNER,
        field="delegated_partners",
        key=_delegated_key,
        keys=_POST,
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
    _List(
        kind=ChangeKind.SCRUTINY_MECHANISM,
        field="scrutiny",
        key=_named_kind_key,
        keys=frozenset({"kind", "name"}),
    ),
    _MEMBERS,
    _REPORTS,
    _List(
        kind=ChangeKind.LINE, field="lines", key=_reporting_line_key, keys=frozenset({"to", "by"})
    ),
    _List(kind=ChangeKind.DUTY, field="duties", key=_duty_key, keys=frozenset({"of", "post"})),
    _List(
        kind=ChangeKind.EVENT, field="events", key=_named_kind_key, keys=frozenset({"kind", "name"})
    ),
)
_GROUP_LISTS = _by_field(
    _List(kind=ChangeKind.GROUP_CHAIR, field="chairs", key=_chair_key, keys=_CHAIR_KEYS),
    _MEMBERS,
    _REPORTS,
    _ESCALATES,
)

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
        "outline",
    }
)
"""Fields of a partnership or group that are not themselves changes: the id and the
bookkeeping that matching uses, the version's sources, ``not_stated``,
``not_stated_for`` and ``partial`` (which say how far the other fields are given),
and the ``outline`` (the form of the published document, not the arrangements)."""

_PARTNERSHIP_COMPARED = frozenset(
    {
        "name",
        "short_name",
        "regimes",
        *_PARTNERSHIP_FACTS,
        "aims",
        "values",
        "principles",
        "collaborations",
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
