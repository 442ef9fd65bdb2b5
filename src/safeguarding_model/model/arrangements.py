"""Parts of a partnership's arrangements beyond its structure: scrutiny mechanisms,
duties of a class of participant, recurring events and products, approval of the
arrangements, the governed documents (strategies, plans, frameworks), and the outline
of the published arrangements (their sections, headings and prose)."""

from __future__ import annotations

import attrs

from .groups import PartnershipRole
from .values import (
    Cadence,
    Choice,
    ConsistencyError,
    FieldError,
    Item,
    PartialDate,
    PartialList,
    check_dates,
    check_id,
    check_ids,
    check_partial,
    check_planned,
    check_text,
    optional_id,
)

__all__ = [
    "Approval",
    "DocumentKind",
    "Duty",
    "EventKind",
    "GovernedDocument",
    "OutlineSection",
    "RecurringEvent",
    "ScrutinyKind",
    "ScrutinyMechanism",
    "SectionContent",
]


class ScrutinyKind(Choice):
    """The kinds of scrutiny arrangements the documents describe."""

    INDEPENDENT_SCRUTINEER = "independent-scrutineer"
    INDEPENDENT_CHAIR = "independent-chair"
    """An independent chair who also scrutinises."""
    QUALITY_ASSURANCE = "quality-assurance"
    """An independent quality-assurance role or function."""
    YOUNG_SCRUTINEERS = "young-scrutineers"
    """A youth forum or young scrutineers."""
    ELECTED_MEMBERS = "elected-members"
    """Scrutiny by elected members (a council's scrutiny committee)."""
    MULTI_AGENCY_AUDIT = "multi-agency-audit"
    FRAMEWORK = "framework"
    """A scrutiny framework or programme."""
    PEER_REVIEW = "peer-review"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class ScrutinyMechanism:
    """One way the arrangements are scrutinised, and who performs it (``by``: ids of
    posts, groups, organisations or people; ``by_role``: a partnership role).
    ``inputs`` are what the scrutiny draws on, in the document's order; ``partial``
    the lists (``inputs``, ``by``) the source gives only in part."""

    kind: ScrutinyKind
    name: str | None = attrs.field(default=None, validator=check_text)
    by: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    by_role: PartnershipRole | None = None
    inputs: tuple[Item, ...] = ()
    text: str | None = attrs.field(default=None, validator=check_text)
    start: PartialDate | None = None
    end: PartialDate | None = None
    partial: tuple[PartialList, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_dates(self)
        check_partial(self)


@attrs.frozen(kw_only=True)
class Duty:
    """What a class of participant (``of``: the delegated safeguarding partners, the
    relevant agencies) or one post (``post``: the chair) does or must do, in the
    document's order; ``partial`` says the source gives the items only in part (a
    list that goes on, or one the copy cuts short)."""

    of: PartnershipRole | None = None
    post: str | None = attrs.field(default=None, validator=optional_id)
    items: tuple[Item, ...] = ()
    text: str | None = attrs.field(default=None, validator=check_text)
    partial: tuple[PartialList, ...] = ()

    def __attrs_post_init__(self) -> None:
        if (self.of is None) == (self.post is None):
            raise ConsistencyError("a duty is of a role (`of`) or of a `post`, one of the two")
        if not self.items and not self.text:
            raise ConsistencyError("a duty needs its items or a text", field="items")
        check_partial(self)


class EventKind(Choice):
    """A recurring event (a conference) or a recurring product (a newsletter)."""

    EVENT = "event"
    PRODUCT = "product"


@attrs.frozen(kw_only=True)
class RecurringEvent:
    """Something the partnership holds or publishes again and again: an annual
    conference, a newsletter after every meeting. ``every`` is one of the known
    cadences; ``every_text`` the document's words where it is not ("after every
    Board meeting"). ``by`` names who holds or produces it, ``to`` who receives it
    (ids)."""

    name: str = attrs.field(validator=check_text)
    kind: EventKind = EventKind.EVENT
    every: Cadence | None = None
    every_text: str | None = attrs.field(default=None, validator=check_text)
    by: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    to: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    text: str | None = attrs.field(default=None, validator=check_text)
    start: PartialDate | None = None
    end: PartialDate | None = None

    def __attrs_post_init__(self) -> None:
        check_dates(self)


@attrs.frozen(kw_only=True)
class Approval:
    """Who approved the arrangements (ids, or a partnership role), when, and by what
    instrument (a signed agreement, a meeting's decision), in the document's words."""

    by: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    by_role: PartnershipRole | None = None
    date: PartialDate | None = None
    instrument: str | None = attrs.field(default=None, validator=check_text)
    text: str | None = attrs.field(default=None, validator=check_text)


class DocumentKind(Choice):
    """The kinds of document a partnership or collaboration governs."""

    STRATEGY = "strategy"
    DELIVERY_PLAN = "delivery-plan"
    BUSINESS_PLAN = "business-plan"
    FRAMEWORK = "framework"
    THRESHOLDS = "thresholds"
    PROCEDURES = "procedures"
    PROTOCOL = "protocol"
    POLICY = "policy"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class GovernedDocument:
    """A strategy, plan, framework or other document the arrangements govern.

    ``owner`` is the partnership, collaboration or group that owns it; ``monitored_by``
    the bodies that monitor it (each partnership, for a regional strategy);
    ``delivered_by`` the groups or bodies that deliver or coordinate it; ``delivers``
    the document it is a delivery plan for. ``period`` is the period it covers
    (``2023 to 2026``), ``reviewed`` when it was last reviewed and ``next_review`` when
    it is next due, ``items`` its contents where the arrangements give them;
    ``partial`` the lists (``items``, ``monitored_by``, ``delivered_by``) the source
    gives only in part.
    """

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=check_text)
    kind: DocumentKind = DocumentKind.OTHER
    owner: str = attrs.field(validator=check_id)
    monitored_by: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    delivered_by: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    delivers: str | None = attrs.field(default=None, validator=optional_id)
    period: PartialDate | None = None
    reviewed: PartialDate | None = None
    next_review: PartialDate | None = None
    items: tuple[Item, ...] = ()
    text: str | None = attrs.field(default=None, validator=check_text)
    start: PartialDate | None = None
    end: PartialDate | None = None
    planned: bool = False
    partial: tuple[PartialList, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.delivers == self.id:
            raise FieldError("delivers", "another document's id", self.id)
        check_dates(self)
        check_planned(self)
        check_partial(self)

    @property
    def name(self) -> str:
        """The title (documents are named by their title)."""
        return self.title

    @property
    def label(self) -> str:
        """The title."""
        return self.title


class SectionContent(Choice):
    """What of the data a section of the published arrangements presents (the
    arrangements document puts it there, under the source's heading)."""

    LEAD_PARTNERS = "lead-partners"
    DELEGATED_PARTNERS = "delegated-partners"
    CHAIR = "chair"
    MEMBERSHIP = "membership"
    """The partnership's own members."""
    SCRUTINEER = "scrutineer"
    SCRUTINY = "scrutiny"
    VISION = "vision"
    PURPOSE = "purpose"
    VALUES = "values"
    PRINCIPLES = "principles"
    AIMS = "aims"
    THRESHOLDS = "thresholds"
    AREA = "area"
    RELEVANT_AGENCIES = "relevant-agencies"
    DUTIES = "duties"
    COLLABORATIONS = "collaborations"
    STRUCTURE = "structure"
    """The groups, their lines and the functional links."""
    DOCUMENTS = "documents"
    """Strategies, plans and frameworks."""
    YEARLY_REPORT = "yearly-report"
    EVENTS = "events"
    TRAINING = "training"
    FUNDING = "funding"
    PROCEDURES = "procedures"
    APPROVAL = "approval"
    REVIEW = "review"
    CONTACT = "contact"


@attrs.frozen(kw_only=True)
class OutlineSection:
    """One section of the published arrangements, in the source's order: its heading as
    the source gives it, the prose the source holds there that no other field holds
    (``text``: the partnership's own words, paragraphs separated by a blank line),
    what of the data it presents (``shows``, in order), and its subsections."""

    heading: str = attrs.field(validator=check_text)
    text: str | None = attrs.field(default=None, validator=check_text)
    shows: tuple[SectionContent, ...] = ()
    sections: tuple[OutlineSection, ...] = ()


def check_outline(outline: tuple[OutlineSection, ...]) -> None:
    """Each part of the data is shown by one section of the outline at most (a document
    presents it once)."""
    seen: dict[SectionContent, str] = {}
    queue = list(outline)
    while queue:
        section = queue.pop(0)
        for content in section.shows:
            if content in seen:
                raise ConsistencyError(
                    f"the outline shows `{content.value}` under both {seen[content]!r} and "
                    f"{section.heading!r}: name it under one heading (a document presents "
                    "each part once)",
                    field="outline",
                )
            seen[content] = section.heading
        queue.extend(section.sections)
