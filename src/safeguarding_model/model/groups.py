"""Groups: the executive, the board, subgroups, task and finish groups, and their lines."""

from __future__ import annotations

from typing import Any

import attrs

from .values import (
    Cadence,
    Choice,
    ConsistencyError,
    FieldError,
    Item,
    PartialDate,
    PartialList,
    Scope,
    Succession,
    UnstatedPeriod,
    check_dates,
    check_id,
    check_ids,
    check_not_stated,
    check_partial,
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
    "LineKind",
    "Member",
    "MemberCapacity",
    "PartnershipRole",
    "ReportingLine",
    "StatutoryRole",
]


class GroupKind(Choice):
    """The kinds of group the documents name."""

    LEADERSHIP_GROUP = "leadership-group"
    """The lead partners' own forum or a strategic leadership group above the
    partnership: the top of its accountability, not a part of what it leads."""
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


class StatutoryRole(Choice):
    """The three statutory partners.

    Working Together 2023 names the local authority, the integrated care board and
    the chief officer of police as lead safeguarding partners; the 2018 edition named
    the local authority, the clinical commissioning group and the chief officer of
    police as safeguarding partners.
    """

    LOCAL_AUTHORITY = "local-authority"
    INTEGRATED_CARE_BOARD = "integrated-care-board"
    CLINICAL_COMMISSIONING_GROUP = "clinical-commissioning-group"
    CHIEF_OFFICER_OF_POLICE = "chief-officer-of-police"


_BY_STATUTORY_ROLE = (
    PartnershipRole.LEAD_SAFEGUARDING_PARTNERS,
    PartnershipRole.DELEGATED_SAFEGUARDING_PARTNERS,
)
"""The partnership roles whose holders each stand for one of the statutory partners."""


class MemberCapacity(Choice):
    """In what capacity a member sits on a group."""

    MEMBER = "member"
    CORE_MEMBER = "core-member"
    INVITED = "invited"
    REPRESENTATIVE = "representative"
    OBSERVER = "observer"


_CHAIR_WHO = ("post", "person", "organisation", "one_of", "partnership_chair", "rotates_among")


@attrs.frozen(kw_only=True)
class Chair:
    """Who chairs a group or a partnership, as the document gives it.

    One of: a ``post``; a ``person`` (named without a post); an ``organisation`` only
    ("chaired by the police"); ``one_of`` a partnership role ("one of the delegated
    safeguarding partners"); the ``partnership_chair``; or ``rotates_among`` the
    organisations or posts a rotating chair passes between. ``nominated_by`` is the
    group that nominates the chair, alone or beside any of these. A chair with only
    ``text`` records one the document mentions but does not name (a vice-chair).

    A rotating chair (``rotates_among``, or ``one_of`` with ``rotates: true``: "the
    lead partners in turn") has its period in the document's words in
    ``rotation_period`` ("annually", "every two years"); ``rotation_in_order`` says
    that ``rotates_among`` lists the order of the rotation, not just who takes part.
    ``known_on`` is the date of a document that names the chair when it does not say
    since or until when (on other dates the chair is not known). ``text`` keeps the
    document's words.
    """

    role: ChairRole = ChairRole.CHAIR
    post: str | None = attrs.field(default=None, validator=optional_id)
    person: str | None = attrs.field(default=None, validator=optional_id)
    organisation: str | None = attrs.field(default=None, validator=optional_id)
    one_of: PartnershipRole | None = None
    partnership_chair: bool = False
    nominated_by: str | None = attrs.field(default=None, validator=optional_id)
    rotates_among: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    rotates: bool = False
    rotation_period: str | None = attrs.field(default=None, validator=check_text)
    rotation_in_order: bool = False
    text: str | None = attrs.field(default=None, validator=check_text)
    start: PartialDate | None = None
    end: PartialDate | None = None
    known_on: PartialDate | None = None
    planned: bool = False

    def __attrs_post_init__(self) -> None:
        if self.known_on is not None and (self.start is not None or self.end is not None):
            raise FieldError(
                "known_on",
                "either known_on (the tenure unknown) or start and end, not both",
                str(self.known_on),
            )
        named = [name for name in _CHAIR_WHO if getattr(self, name)]
        if not (named or self.nominated_by or self.text):
            raise ConsistencyError(
                "a chair needs a post, person, organisation, one_of, partnership_chair: "
                "true, nominated_by or rotates_among, or a text describing the chair"
            )
        if len(named) > 1:
            raise FieldError(
                named[1],
                f"one of {', '.join(_CHAIR_WHO)}, not several (this chair names "
                f"{' and '.join(named)})",
                True,
            )
        if self.rotates and not self.one_of:
            raise FieldError(
                "rotates",
                "`one_of` with it (the role whose holders take turns), or `rotates_among` "
                "listing who takes turns, without `rotates`",
                True,
            )
        if self.rotation_in_order and not self.rotates_among:
            raise FieldError(
                "rotation_in_order", "`rotates_among` listing the order of the rotation", True
            )
        rotating = bool(self.rotates_among) or self.rotates
        if (self.rotation_period or self.rotation_in_order) and not rotating:
            field = "rotation_period" if self.rotation_period else "rotation_in_order"
            raise FieldError(
                field, "a rotating chair (rotates_among, or one_of with rotates)", True
            )
        check_dates(self)
        check_planned(self)

    @property
    def rotating(self) -> bool:
        """Whether the chair passes in turn among several organisations, posts or holders."""
        return bool(self.rotates_among) or self.rotates


@attrs.frozen(kw_only=True)
class Member:
    """One entry of a group's membership, in the document's order.

    It names a post, an organisation (or sector), the chair of another group, or a
    partnership role, and keeps the document's words in ``text``. An entry with
    only ``text`` records a membership the document describes but does not name.
    ``some`` says that only some of those the ``role`` names sit on the group ("a
    number of relevant agencies"), so the role is not expanded to all of them.
    ``acts_for`` narrows a role of lead or delegated safeguarding partners to those
    for one statutory partner ("Directors of Children's Services from each of the
    represented local authorities": the delegated safeguarding partners for the
    local authority). In a collaboration's group a role is each member partnership's,
    and a member partnership whose holders of it the data does not name is shown by
    the rule, never by a guessed post.
    """

    post: str | None = attrs.field(default=None, validator=optional_id)
    organisation: str | None = attrs.field(default=None, validator=optional_id)
    chair_of: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    role: PartnershipRole | None = None
    acts_for: StatutoryRole | None = None
    text: str | None = attrs.field(default=None, validator=check_text)
    capacity: MemberCapacity = MemberCapacity.MEMBER
    some: bool = False
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
        if self.some and not self.role:
            raise FieldError("some", "a `role` of which only some holders are members", True)
        if self.acts_for is not None and self.role not in _BY_STATUTORY_ROLE:
            raise FieldError(
                "acts_for",
                "a `role` of lead-safeguarding-partners or delegated-safeguarding-partners "
                "with it (the partners it narrows to those for one statutory partner)",
                self.acts_for.value,
            )
        check_dates(self)
        check_planned(self)


class LineKind(Choice):
    """What a line means. In ``reports_to`` a line is ``accountable-to`` unless it says
    otherwise; in ``escalates_to`` it is ``escalates-to``."""

    ACCOUNTABLE_TO = "accountable-to"
    """The body reports to, and answers to, the other."""
    FOR_INFORMATION = "for-information"
    """The body sends information to the other, without answering to it."""
    ADVISES = "advises"
    """The body advises the other or makes recommendations to it."""
    ESCALATES_TO = "escalates-to"
    """The body takes concerns to the other, without answering to it."""
    REPORTS_TO = "reports-to"
    """The body reports to the other, and the document does not say whether it answers
    to it or only informs it: never read as accountability."""

    @property
    def phrase(self) -> str:
        """The kind as a sentence uses it: ``reports for information to``."""
        return _LINE_PHRASES[self]


_LINE_PHRASES = {
    LineKind.ACCOUNTABLE_TO: "reports to",
    LineKind.FOR_INFORMATION: "reports for information to",
    LineKind.ADVISES: "advises",
    LineKind.ESCALATES_TO: "escalates to",
    LineKind.REPORTS_TO: "reports to (its meaning not stated)",
}


@attrs.frozen(kw_only=True)
class Line:
    """A line from one body to another: a reporting line or an escalation route.

    ``to`` is the id of a group, a partnership, a collaboration, an organisation or a
    post; ``alternatives`` the other bodies the document gives beside it ("to the
    Health and Wellbeing Board and/or the Community Safety Partnership"). ``kind`` says
    what the line means (see :class:`LineKind`; left out, it is the meaning of the
    list it is in). ``cadence`` is one of the known values; ``cadence_text`` keeps the
    document's words where they are not ("at least three times a year"). ``condition``
    is when the line is used ("by exception"); ``via`` the bodies it passes through
    ("via the Scrutiny and Challenge Group"); ``subject`` what is sent along it
    ("analysis of findings for the Yearly Report"). ``text`` keeps the document's words
    that give the line, so answers are sourced.
    """

    to: str = attrs.field(validator=check_id)
    alternatives: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    kind: LineKind | None = None
    cadence: Cadence | None = None
    cadence_text: str | None = attrs.field(default=None, validator=check_text)
    condition: str | None = attrs.field(default=None, validator=check_text)
    via: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    subject: str | None = attrs.field(default=None, validator=check_text)
    text: str | None = attrs.field(default=None, validator=check_text)
    start: PartialDate | None = None
    end: PartialDate | None = None
    planned: bool = False

    def __attrs_post_init__(self) -> None:
        if self.to in self.alternatives:
            raise FieldError("alternatives", "bodies other than `to`", self.to)
        if self.to in self.via:
            raise FieldError("via", "the bodies the line passes through, not `to`", self.to)
        check_dates(self)
        check_planned(self)

    def meaning(self, field: str = "reports_to") -> LineKind:
        """What the line means: its ``kind``, else that of the list ``field`` it is in."""
        if self.kind is not None:
            return self.kind
        return LineKind.ESCALATES_TO if field == "escalates_to" else LineKind.ACCOUNTABLE_TO

    @property
    def targets(self) -> tuple[str, ...]:
        """``to`` and then its alternatives."""
        return (self.to, *self.alternatives)


@attrs.frozen(kw_only=True)
class ReportingLine(Line):
    """A line from a body that has no list of its own lines, or whose line the
    document gives apart: an organisation, a post, the partnership team (``by``, an id).
    A partnership's ``lines`` hold them."""

    by: str = attrs.field(validator=check_id)

    def __attrs_post_init__(self) -> None:
        if self.by == self.to or self.by in self.alternatives:
            raise FieldError("to", "a body other than the one the line is from", self.by)
        super().__attrs_post_init__()


def check_lines(instance: Any) -> None:
    """A post-init check: an escalation route is not given another meaning, and a
    reporting line is not an escalation (that belongs in ``escalates_to``)."""
    for line in getattr(instance, "escalates_to", ()):
        if line.kind not in (None, LineKind.ESCALATES_TO):
            raise FieldError(
                "escalates_to",
                "escalation routes only (a line with another meaning belongs in reports_to)",
                line.kind.value,
            )
    for line in getattr(instance, "reports_to", ()):
        if line.kind is LineKind.ESCALATES_TO:
            raise FieldError(
                "reports_to",
                "reporting lines (an escalation route belongs in escalates_to)",
                line.kind.value,
            )


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
    bodies it followed; ``ends_when`` the condition on which it ends ("when its
    objectives are met"). ``covers`` lists the local authority areas it covers where
    the document says (a group shared by several areas), and ``scope`` whom it serves
    (children, adults or both) where that differs from, or is stated beside, its
    partnership's. ``meets_text`` keeps the document's words for how often it meets
    where they are not one of the known cadences. ``partial`` marks the lists the
    source gives only in part; ``not_stated_for`` the fields it does not give for a
    period only.
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
    meets_text: str | None = attrs.field(default=None, validator=check_text)
    decision_rule: DecisionRule | None = None
    objectives: tuple[Item, ...] = ()
    responsibilities: tuple[Item, ...] = ()
    reports_to: tuple[Line, ...] = ()
    escalates_to: tuple[Line, ...] = ()
    covers: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    scope: Scope | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    ends_when: str | None = attrs.field(default=None, validator=check_text)
    planned: bool = False
    predecessors: tuple[Succession, ...] = ()
    partial: tuple[PartialList, ...] = ()
    not_stated: tuple[str, ...] = ()
    not_stated_for: tuple[UnstatedPeriod, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.parent == self.id:
            raise FieldError("parent", "another group's id", self.parent)
        check_dates(self)
        check_predecessors(self)
        check_planned(self)
        check_not_stated(self)
        check_partial(self)
        check_lines(self)

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

    def _repr_html_(self) -> str:
        """The group in a notebook (:mod:`safeguarding_model.notebook`, a face, imported
        only when displayed)."""
        from ..notebook.cards import group_html

        return group_html(self)
