"""Groups: the executive, the board, subgroups, task and finish groups, and their lines."""

from __future__ import annotations

import attrs

from .values import (
    Cadence,
    Choice,
    ConsistencyError,
    FieldError,
    Item,
    PartialDate,
    Succession,
    check_dates,
    check_id,
    check_ids,
    check_not_stated,
    check_planned,
    check_predecessors,
    check_text,
    optional_id,
)

__all__ = [
    "Chair",
    "ChairRole",
    "DecisionMethod",
    "DecisionRule",
    "Group",
    "GroupKind",
    "Line",
    "Member",
    "MemberCapacity",
    "PartnershipRole",
]


class GroupKind(Choice):
    """The kinds of group the documents name."""

    EXECUTIVE_GROUP = "executive-group"
    PARTNERSHIP_BOARD = "partnership-board"
    SUBGROUP = "subgroup"
    COMMITTEE = "committee"
    NETWORK = "network"
    FORUM = "forum"
    REPRESENTATIVE_GROUP = "representative-group"
    TASK_AND_FINISH_GROUP = "task-and-finish-group"
    TEAM = "team"
    OTHER = "other"


class ChairRole(Choice):
    """The part a chair plays."""

    CHAIR = "chair"
    CO_CHAIR = "co-chair"
    VICE_CHAIR = "vice-chair"
    DEPUTY_CHAIR = "deputy-chair"


class PartnershipRole(Choice):
    """A role in a partnership that a member entry can name instead of a post.

    The graph expands it to the posts or organisations that hold the role.
    """

    LEAD_SAFEGUARDING_PARTNERS = "lead-safeguarding-partners"
    DELEGATED_SAFEGUARDING_PARTNERS = "delegated-safeguarding-partners"
    PARTNERSHIP_CHAIR = "partnership-chair"
    INDEPENDENT_SCRUTINEER = "independent-scrutineer"
    RELEVANT_AGENCIES = "relevant-agencies"
    PARTICIPATING_OBSERVERS = "participating-observers"


class MemberCapacity(Choice):
    """In what capacity a member sits on a group."""

    MEMBER = "member"
    CORE_MEMBER = "core-member"
    INVITED = "invited"
    REPRESENTATIVE = "representative"
    OBSERVER = "observer"


@attrs.frozen(kw_only=True)
class Chair:
    """Who chairs a group: a post, the partnership chair, or a member nominated by a group.

    A chair may name both a post and the group that nominates it; ``text`` keeps the
    document's words. ``rotates_among`` lists the organisations a rotating chair
    passes between.
    """

    role: ChairRole = ChairRole.CHAIR
    post: str | None = attrs.field(default=None, validator=optional_id)
    partnership_chair: bool = False
    nominated_by: str | None = attrs.field(default=None, validator=optional_id)
    rotates_among: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    text: str | None = attrs.field(default=None, validator=check_text)
    start: PartialDate | None = None
    end: PartialDate | None = None
    planned: bool = False

    def __attrs_post_init__(self) -> None:
        if not (self.post or self.partnership_chair or self.nominated_by or self.rotates_among):
            raise ConsistencyError(
                "a chair needs a post, partnership_chair: true, nominated_by or rotates_among"
            )
        if self.post and self.partnership_chair:
            raise FieldError(
                "partnership_chair", "either a post or partnership_chair: true, not both", True
            )
        check_dates(self)
        check_planned(self)


@attrs.frozen(kw_only=True)
class Member:
    """One entry of a group's membership, in the document's order.

    It names a post, an organisation (or sector), the chair of another group, or a
    partnership role, and keeps the document's words in ``text``. An entry with
    only ``text`` records a membership the document describes but does not name.
    """

    post: str | None = attrs.field(default=None, validator=optional_id)
    organisation: str | None = attrs.field(default=None, validator=optional_id)
    chair_of: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    role: PartnershipRole | None = None
    text: str | None = attrs.field(default=None, validator=check_text)
    capacity: MemberCapacity = MemberCapacity.MEMBER
    start: PartialDate | None = None
    end: PartialDate | None = None
    planned: bool = False

    def __attrs_post_init__(self) -> None:
        named = [bool(self.post), bool(self.organisation), bool(self.chair_of), bool(self.role)]
        if sum(named) > 1:
            raise ConsistencyError(
                "a member names one of post, organisation, chair_of or role, not several"
            )
        if not any(named) and not self.text:
            raise ConsistencyError(
                "a member needs a post, organisation, chair_of, role, "
                "or a text describing the member"
            )
        check_dates(self)
        check_planned(self)


@attrs.frozen(kw_only=True)
class Line:
    """A line from one body to another: a reporting line or an escalation route.

    ``to`` is the id of a group, a partnership, a collaboration or an organisation.
    ``text`` keeps the document's words that give the line, so answers are sourced.
    """

    to: str = attrs.field(validator=check_id)
    cadence: Cadence | None = None
    text: str | None = attrs.field(default=None, validator=check_text)
    start: PartialDate | None = None
    end: PartialDate | None = None
    planned: bool = False

    def __attrs_post_init__(self) -> None:
        check_dates(self)
        check_planned(self)


class DecisionMethod(Choice):
    """How a group decides."""

    CONSENSUS = "consensus"
    MAJORITY_VOTE = "majority-vote"
    CHAIR_DECIDES = "chair-decides"


@attrs.frozen(kw_only=True)
class DecisionRule:
    """How a group takes decisions, with a fallback and who votes in it."""

    method: DecisionMethod
    fallback: DecisionMethod | None = None
    voters: PartnershipRole | None = None
    text: str | None = attrs.field(default=None, validator=check_text)


@attrs.frozen(kw_only=True, repr=False)
class Group:
    """A group of a partnership or of a collaboration.

    ``parent`` is the group this one sits under (a group under a subgroup);
    ``joint_with`` lists the boards or partnerships (organisation or partnership
    ids) with which it is run jointly. ``reports_to`` and ``escalates_to`` keep the
    lines in document order. ``not_stated`` names the fields the source does not
    give (such as ``meets`` or ``reports_to``), so that "not said" is never read as "none".
    ``planned`` marks a group the document plans but that does not yet exist
    (``start`` is then its planned date, where known); ``predecessors`` the groups or
    bodies it followed.
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    kind: GroupKind
    short_name: str | None = attrs.field(default=None, validator=check_text)
    parent: str | None = attrs.field(default=None, validator=optional_id)
    joint_with: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    description: str | None = attrs.field(default=None, validator=check_text)
    chairs: tuple[Chair, ...] = ()
    members: tuple[Member, ...] = ()
    meets: Cadence | None = None
    decision_rule: DecisionRule | None = None
    objectives: tuple[Item, ...] = ()
    responsibilities: tuple[Item, ...] = ()
    reports_to: tuple[Line, ...] = ()
    escalates_to: tuple[Line, ...] = ()
    start: PartialDate | None = None
    end: PartialDate | None = None
    planned: bool = False
    predecessors: tuple[Succession, ...] = ()
    not_stated: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.parent == self.id:
            raise FieldError("parent", "another group's id", self.parent)
        check_dates(self)
        check_predecessors(self)
        check_planned(self)
        check_not_stated(self)

    @property
    def label(self) -> str:
        """The short name where there is one, else the name."""
        return self.short_name or self.name

    def __repr__(self) -> str:
        lines = [line.to for line in self.reports_to]
        return (
            f"Group(id={self.id!r}, name={self.name!r}, kind={self.kind.value!r}, "
            f"chairs={len(self.chairs)}, members={len(self.members)}, reports_to={lines})"
        )
