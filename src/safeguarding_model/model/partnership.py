"""A local safeguarding children partnership and its published arrangements."""

from __future__ import annotations

import attrs

from .arrangements import (
    Approval,
    Duty,
    OutlineSection,
    RecurringEvent,
    ScrutinyMechanism,
    check_outline,
)
from .groups import (
    Chair,
    Group,
    Line,
    Member,
    PartnershipRole,
    ReportingLine,
    StatutoryRole,
    check_lines,
)
from .values import (
    Cadence,
    Choice,
    ConsistencyError,
    FieldError,
    FormerName,
    Item,
    PartialDate,
    PartialList,
    Scope,
    Succession,
    UnstatedPeriod,
    as_statement,
    check_dates,
    check_id,
    check_ids,
    check_not_stated,
    check_partial,
    check_planned,
    check_predecessors,
    check_text,
    former_names_field,
    optional_id,
)
from .values import Day as _Day

__all__ = [
    "Area",
    "BudgetShare",
    "Contribution",
    "DelegatedPartner",
    "Funding",
    "FunctionalLink",
    "GuidanceEdition",
    "Instrument",
    "PublishedReport",
    "Regime",
    "LeadPartner",
    "Observer",
    "Partnership",
    "Procedures",
    "ReferencedDocument",
    "RelevantAgency",
    "ReviewSchedule",
    "Scope",
    "Scrutineer",
    "SectorRepresentation",
    "Source",
    "StatutoryRole",
    "SupportInKind",
    "Training",
    "YearlyReport",
]


class Instrument(Choice):
    """A statutory regime a partnership's arrangements follow: an edition of Working
    Together to Safeguard Children, or the Care Act 2014 for an all-age partnership
    that is also the safeguarding adults board."""

    WORKING_TOGETHER_2018 = "working-together-2018"
    WORKING_TOGETHER_2023 = "working-together-2023"
    WORKING_TOGETHER_2026 = "working-together-2026"
    CARE_ACT_2014 = "care-act-2014"

    @property
    def title(self) -> str:
        """The instrument's title, such as ``Working Together to Safeguard Children 2023``."""
        if self is Instrument.CARE_ACT_2014:
            return "the Care Act 2014"
        return f"Working Together to Safeguard Children {self.value.rsplit('-', 1)[1]}"

    @property
    def working_together(self) -> bool:
        """Whether this is an edition of Working Together."""
        return self.value.startswith("working-together-")


GuidanceEdition = Instrument
"""The name of :class:`Instrument` in format version 1, where a partnership named
one edition of Working Together in its ``guidance`` field."""


@attrs.frozen(kw_only=True)
class Regime:
    """A statutory regime the arrangements follow, from ``start`` to ``end`` where
    the document says. In a file a regime without dates is written as its
    instrument alone (``working-together-2023``)."""

    instrument: Instrument
    start: PartialDate | None = None
    end: PartialDate | None = None
    text: str | None = attrs.field(default=None, validator=check_text)

    def __attrs_post_init__(self) -> None:
        check_dates(self)


@attrs.frozen(kw_only=True)
class LeadPartner:
    """A lead safeguarding partner (a safeguarding partner, under the 2018 edition).

    ``organisation`` is the organisation that holds the role, where the document names
    it; a document that gives the partner only by its role ("the local authority")
    leaves it out, and the partner is then known by its role (and its post, where the
    document gives one) alone: never an invented organisation. ``post`` names the post
    that holds the role (the chief executive, the chief constable) where the document
    gives it, and ``through`` the part of the organisation it acts through ("the Local
    Authority (through Families, Children and Learning)"), which needs the organisation.
    """

    role: StatutoryRole
    organisation: str | None = attrs.field(default=None, validator=optional_id)
    """The id of the organisation that holds the role; left out where the document
    gives the partner by its role only ("the local authority")."""
    post: str | None = attrs.field(default=None, validator=optional_id)
    through: str | None = attrs.field(default=None, validator=optional_id)
    text: str | None = attrs.field(default=None, validator=check_text)
    start: PartialDate | None = None
    end: PartialDate | None = None

    def __attrs_post_init__(self) -> None:
        if self.organisation is None and self.through is not None:
            raise ConsistencyError(
                "a lead partner acting `through` a part of its organisation names the "
                "`organisation` too",
                field="organisation",
            )
        if self.through is not None and self.through == self.organisation:
            raise FieldError("through", "a part of the organisation, not itself", self.through)
        check_dates(self)

    @property
    def named(self) -> bool:
        """Whether the data names the organisation (else the partner is known by its
        role only)."""
        return self.organisation is not None


@attrs.frozen(kw_only=True)
class DelegatedPartner:
    """A post to which a lead partner has delegated its functions.

    ``acts_for`` is the statutory role of the lead partner it speaks for; one lead
    partner can have several delegated partners. Where two lead partners share a
    role (an area with two councils), ``organisation`` names which one it acts for.
    ``post`` is left out where the document does not say which post it is (it gives
    only the organisation, or only the role: "the ICB has delegated its functions"),
    and ``text`` keeps the document's words; the post is then not stated, never
    invented.
    """

    post: str | None = attrs.field(default=None, validator=optional_id)
    """The id of the post; left out where the document does not say which post it is."""
    acts_for: StatutoryRole
    organisation: str | None = attrs.field(default=None, validator=optional_id)
    text: str | None = attrs.field(default=None, validator=check_text)
    start: PartialDate | None = None
    end: PartialDate | None = None

    def __attrs_post_init__(self) -> None:
        check_dates(self)


@attrs.frozen(kw_only=True)
class Scrutineer:
    """The post that gives independent scrutiny, and the functions it undertakes;
    ``partial`` says the source gives the functions only in part."""

    post: str = attrs.field(validator=check_id)
    functions: tuple[Item, ...] = ()
    text: str | None = attrs.field(default=None, validator=check_text)
    start: PartialDate | None = None
    end: PartialDate | None = None
    partial: tuple[PartialList, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_dates(self)
        check_partial(self)


@attrs.frozen(kw_only=True)
class Area:
    """The geographical area the arrangements cover.

    ``youth_custody_facilities`` is ``None`` when the document does not say, and an
    empty list when it says there are none.
    """

    text: str = attrs.field(validator=check_text)
    local_authorities: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    youth_custody_facilities: tuple[str, ...] | None = None


@attrs.frozen(kw_only=True)
class ReferencedDocument:
    """A document the arrangements refer to, such as the thresholds document."""

    title: str = attrs.field(validator=check_text)
    text: str | None = attrs.field(default=None, validator=check_text)


@attrs.frozen(kw_only=True)
class Source:
    """A published document or page a dataset was encoded from, with its address where
    it has one."""

    title: str = attrs.field(validator=check_text)
    published: PartialDate | None = None
    url: str | None = attrs.field(default=None, validator=check_text)
    text: str | None = attrs.field(default=None, validator=check_text)


@attrs.frozen(kw_only=True)
class RelevantAgency:
    """An organisation or sector named as a relevant agency, with its footnote."""

    organisation: str = attrs.field(validator=check_id)
    footnote: str | None = attrs.field(default=None, validator=check_text)
    start: PartialDate | None = None
    end: PartialDate | None = None
    planned: bool = False

    def __attrs_post_init__(self) -> None:
        check_dates(self)
        check_planned(self)


@attrs.frozen(kw_only=True)
class SectorRepresentation:
    """How a sector (schools, early years, the voluntary sector) is represented.

    ``via`` is the organisation through which it is represented; ``groups`` the
    groups on which it has a seat.
    """

    sector: str = attrs.field(validator=check_id)
    text: str = attrs.field(validator=check_text)
    via: str | None = attrs.field(default=None, validator=optional_id)
    groups: tuple[str, ...] = attrs.field(default=(), validator=check_ids)


@attrs.frozen(kw_only=True)
class Observer:
    """A participating observer of the partnership: a post or an organisation."""

    post: str | None = attrs.field(default=None, validator=optional_id)
    organisation: str | None = attrs.field(default=None, validator=optional_id)
    text: str | None = attrs.field(default=None, validator=check_text)

    def __attrs_post_init__(self) -> None:
        if (self.post is None) == (self.organisation is None):
            raise ConsistencyError("an observer is either a post or an organisation")


@attrs.frozen(kw_only=True)
class FunctionalLink:
    """A link to another board or arrangement the partnership works with."""

    organisation: str = attrs.field(validator=check_id)
    text: str | None = attrs.field(default=None, validator=check_text)


@attrs.frozen(kw_only=True)
class YearlyReport:
    """What the partnership's yearly report must contain, in document order;
    ``partial`` says the source gives the contents only in part."""

    contents: tuple[Item, ...] = ()
    text: str | None = attrs.field(default=None, validator=check_text)
    partial: tuple[PartialList, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_partial(self)


@attrs.frozen(kw_only=True)
class PublishedReport:
    """One yearly report as published: the period it covers (not always twelve
    months: ``2019 to 2020``, ``2023-04 to 2024-03``), when it was published, who
    presented it to whom (ids of posts, groups or organisations), and where it was
    sent."""

    period: PartialDate
    title: str | None = attrs.field(default=None, validator=check_text)
    published: PartialDate | None = None
    presented_by: str | None = attrs.field(default=None, validator=optional_id)
    presented_to: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    sent_to: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    text: str | None = attrs.field(default=None, validator=check_text)


@attrs.frozen(kw_only=True)
class ReviewSchedule:
    """When the arrangements are reviewed: the dates given, then every few years."""

    reviews: tuple[PartialDate, ...] = ()
    then_every_years: int | None = None
    text: str | None = attrs.field(default=None, validator=check_text)

    def __attrs_post_init__(self) -> None:
        if self.then_every_years is not None and self.then_every_years < 1:
            raise FieldError(
                "then_every_years", "a whole number of years, 1 or more", self.then_every_years
            )

    def next_due(self, after: _Day) -> PartialDate | None:
        """The first review due on or after the day ``after`` (a (year, month, day)
        tuple): a listed date, else one counted on from the last listed date by
        ``then_every_years`` (as precise as that date). None when the schedule gives
        none."""
        for review in self.reviews:
            if review.last_day() >= after:
                return review
        if not self.reviews or self.then_every_years is None:
            return None
        last = self.reviews[-1]
        step = self.then_every_years
        years = max(0, -(-(after[0] - last.year) // step)) * step
        candidate = attrs.evolve(last, year=last.year + years)
        while candidate.last_day() < after:
            candidate = attrs.evolve(candidate, year=candidate.year + step)
        return candidate


@attrs.frozen(kw_only=True)
class SupportInKind:
    """Services an organisation provides to the partnership rather than money."""

    organisation: str = attrs.field(validator=check_id)
    provides: tuple[str, ...] = ()


def _check_money(amount: int | None, percent: float | None) -> None:
    if amount is not None and amount < 0:
        raise FieldError("amount", "a whole number of pounds, 0 or more", amount)
    if percent is not None and not 0 <= percent <= 100:
        raise FieldError("percent", "a number from 0 to 100", percent)


@attrs.frozen(kw_only=True)
class Contribution:
    """What one organisation gives: an ``amount`` (whole pounds), a ``percent`` of the
    budget, or services ``in_kind``, for a ``period`` where the document gives one.
    ``on_behalf_of`` names the organisations it pays for, where the document says one
    body pays on behalf of others (a county council for the district councils)."""

    organisation: str = attrs.field(validator=check_id)
    amount: int | None = None
    percent: float | None = None
    in_kind: tuple[str, ...] = ()
    on_behalf_of: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    """The ids of the organisations it pays for, where the document says it pays on
    behalf of others (a county council for the district councils)."""
    period: PartialDate | None = None
    text: str | None = attrs.field(default=None, validator=check_text)

    def __attrs_post_init__(self) -> None:
        _check_money(self.amount, self.percent)
        if self.organisation in self.on_behalf_of:
            raise FieldError(
                "on_behalf_of", "the other organisations it pays for", self.organisation
            )


@attrs.frozen(kw_only=True)
class BudgetShare:
    """One body's share of a budget shared between boards: the ``body`` (the
    partnership itself, or a board or partnership the budget is shared with), its
    ``amount`` (whole pounds) or ``percent`` where the document gives it, and the
    document's words. In a file a share without figures is written as the body's id."""

    body: str = attrs.field(validator=check_id)
    """The id of the body whose share this is: the partnership itself, or a board or
    partnership in the funding's `shared_with`."""
    amount: int | None = None
    """Its share in whole pounds, where the document gives it."""
    percent: float | None = None
    """Its share as a percentage of the budget, where the document gives it."""
    text: str | None = attrs.field(default=None, validator=check_text)

    def __attrs_post_init__(self) -> None:
        _check_money(self.amount, self.percent)


@attrs.frozen(kw_only=True)
class Funding:
    """How the partnership is funded: the ``rule`` in the document's words ("equal
    shares", "within existing resources, at no additional cost"), each organisation's
    ``contributions``, what is given in kind, who agrees the budget (``agreed_by``:
    ids, or ``agreed_by_role``: a partnership role) and how often (``agreed_every``,
    in the document's words).

    ``hosted_by`` is the body that holds the budget for the partnership (the
    accountable body, a fund hosted by a council); ``shared_with`` the boards or
    partnerships the one budget is shared with (the safeguarding adults board), and
    ``split`` each body's share of it where the document gives it (the partnership's
    own share under its own id). ``partial`` marks the lists the source gives only in
    part (contributions "from partners including ...")."""

    text: str | None = attrs.field(default=None, validator=check_text)
    rule: str | None = attrs.field(default=None, validator=check_text)
    contributions: tuple[Contribution, ...] = ()
    support_in_kind: tuple[SupportInKind, ...] = ()
    agreed_by: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    agreed_by_role: PartnershipRole | None = None
    agreed_every: str | None = attrs.field(default=None, validator=check_text)
    hosted_by: str | None = attrs.field(default=None, validator=optional_id)
    """The id of the body that holds the budget for the partnership (the accountable
    body, a fund hosted by a council)."""
    shared_with: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    """The ids of the boards or partnerships one budget is shared with (the
    safeguarding adults board)."""
    split: tuple[BudgetShare, ...] = ()
    """Each body's share of a shared budget, where the document gives it: the
    partnership's own under its own id, and those of the bodies it is shared with."""
    partial: tuple[PartialList, ...] = ()

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for share in self.split:
            if share.body in seen:
                raise FieldError("split", "each body's share once", share.body)
            seen.add(share.body)
        if self.split and not self.shared_with:
            raise ConsistencyError(
                "a budget split between bodies is shared: name the boards or partnerships "
                "it is shared with in `shared_with`",
                field="shared_with",
            )
        check_partial(self)


@attrs.frozen(kw_only=True)
class Training:
    """The multi-agency training offer: its elements and who pays; ``partial`` says
    the source gives the elements only in part."""

    elements: tuple[Item, ...] = ()
    charging: str | None = attrs.field(default=None, validator=check_text)
    partial: tuple[PartialList, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_partial(self)


@attrs.frozen(kw_only=True)
class Procedures:
    """The multi-agency procedures that apply, and the areas they address;
    ``partial`` says the source gives the areas only in part."""

    name: str = attrs.field(validator=check_text)
    collaboration: str | None = attrs.field(default=None, validator=optional_id)
    areas: tuple[Item, ...] = ()
    text: str | None = attrs.field(default=None, validator=check_text)
    partial: tuple[PartialList, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_partial(self)


@attrs.frozen(kw_only=True, repr=False)
class Partnership:
    """A partnership's arrangements as published.

    Everything that points elsewhere does so by id; ids are resolved when a file is
    loaded. ``regimes`` are the statutory regimes the arrangements follow, with their
    dates; ``scope`` is ``all-age`` for a partnership merged with the adults' board;
    ``start`` and ``end`` are when the partnership itself existed, ``effective`` when
    these arrangements took effect, where the document says; ``predecessors`` the
    bodies it followed (a board it replaced, partnerships merged into it);
    ``source`` is the document the file was encoded from, ``sources`` any further
    pages or documents it draws on. ``members`` and ``meets`` (or ``meets_text``) are
    the partnership's own membership and meetings where the document gives them apart
    from its groups'. ``collaborations`` are the collaborations its own document says
    it takes part in (a collaboration defined in another file that does not list it
    among its members). ``escalates_to`` holds the routes by which the partnership as a
    whole escalates,
    ``reports_to`` the bodies it reports to (a lead partners' forum above it, the
    Health and Wellbeing Board for information), and ``lines`` the lines the document
    gives from organisations, posts or groups that have no list of their own (the
    partnership team's data to a group). ``vision``, ``purpose``, ``values`` and
    ``principles`` are kept apart from ``aims``; a vision or a purpose is one item,
    its text with the points the document lists under it. ``scrutiny`` lists the ways the
    arrangements are scrutinised, ``duties`` what each class of participant does,
    ``events`` what recurs (a conference, a newsletter), and ``approval`` who approved
    the arrangements (the strategies, plans and frameworks it owns or monitors are the
    dataset's ``documents``). ``outline`` gives the sections of the published
    document, in its order and under its headings, with the prose it holds that no
    other field holds, so that the arrangements document follows the source.
    ``not_stated`` lists the fields the source document does not give, so that "not said" is never
    confused with "none"; ``not_stated_for`` the fields it does not give for a period
    only; ``partial`` the lists it gives only in part.
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    short_name: str | None = attrs.field(default=None, validator=check_text)
    former_names: tuple[FormerName, ...] = former_names_field()
    regimes: tuple[Regime, ...] = ()
    scope: Scope = Scope.CHILDREN
    start: PartialDate | None = None
    end: PartialDate | None = None
    effective: PartialDate | None = None
    predecessors: tuple[Succession, ...] = ()
    source: Source | None = None
    sources: tuple[Source, ...] = ()
    area: Area | None = None
    lead_partners: tuple[LeadPartner, ...] = ()
    delegated_partners: tuple[DelegatedPartner, ...] = ()
    chairs: tuple[Chair, ...] = ()
    scrutineers: tuple[Scrutineer, ...] = ()
    scrutiny: tuple[ScrutinyMechanism, ...] = ()
    vision: Item | None = attrs.field(default=None, converter=as_statement)
    purpose: Item | None = attrs.field(default=None, converter=as_statement)
    values: tuple[Item, ...] = ()
    principles: tuple[Item, ...] = ()
    aims: tuple[Item, ...] = ()
    thresholds: ReferencedDocument | None = None
    relevant_agencies: tuple[RelevantAgency, ...] = ()
    sector_representation: tuple[SectorRepresentation, ...] = ()
    observers: tuple[Observer, ...] = ()
    functional_links: tuple[FunctionalLink, ...] = ()
    members: tuple[Member, ...] = ()
    meets: Cadence | None = None
    meets_text: str | None = attrs.field(default=None, validator=check_text)
    collaborations: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    groups: tuple[Group, ...] = ()
    reports_to: tuple[Line, ...] = ()
    escalates_to: tuple[Line, ...] = ()
    lines: tuple[ReportingLine, ...] = ()
    duties: tuple[Duty, ...] = ()
    events: tuple[RecurringEvent, ...] = ()
    approval: Approval | None = None
    yearly_report: YearlyReport | None = None
    yearly_reports: tuple[PublishedReport, ...] = ()
    review: ReviewSchedule | None = None
    funding: Funding | None = None
    training: Training | None = None
    procedures: Procedures | None = None
    contact: str | None = attrs.field(default=None, validator=check_text)
    outline: tuple[OutlineSection, ...] = ()
    partial: tuple[PartialList, ...] = ()
    not_stated: tuple[str, ...] = ()
    not_stated_for: tuple[UnstatedPeriod, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_dates(self)
        check_predecessors(self)
        check_not_stated(self)
        check_partial(self)
        check_lines(self)
        check_outline(self.outline)
        funding = self.funding
        if funding is not None:
            sharing = {self.id, *funding.shared_with}
            for share in funding.split:
                if share.body not in sharing:
                    raise ConsistencyError(
                        f"the budget's split gives a share to `{share.body}`, which is "
                        f"neither this partnership (`{self.id}`) nor a body in "
                        "`shared_with`",
                        field="funding",
                    )
            if self.id in funding.shared_with:
                raise ConsistencyError(
                    "`shared_with` names the other boards or partnerships the budget is "
                    f"shared with, not the partnership itself (`{self.id}`)",
                    field="funding",
                )

    @property
    def label(self) -> str:
        """The short name where there is one, else the name."""
        return self.short_name or self.name

    @property
    def guidance(self) -> Instrument | None:
        """The edition of Working Together the arrangements follow: the latest one
        among :attr:`regimes`; None when they name none."""
        editions = [r.instrument for r in self.regimes if r.instrument.working_together]
        return max(editions, key=lambda i: i.value) if editions else None

    def __repr__(self) -> str:
        regimes = [r.instrument.value for r in self.regimes]
        return (
            f"Partnership(id={self.id!r}, name={self.name!r}, regimes={regimes!r}, "
            f"lead_partners={len(self.lead_partners)}, relevant_agencies="
            f"{len(self.relevant_agencies)}, groups={[g.id for g in self.groups]})"
        )

    def _repr_html_(self) -> str:
        """The partnership in a notebook (:mod:`safeguarding_model.notebook`, a face,
        imported only when displayed)."""
        from ..notebook.cards import partnership_html

        return partnership_html(self)

    def group(self, key: str) -> Group:
        """The group with this id or name (a name or short name, case and spacing
        aside), through the package's one resolver: a
        :class:`~safeguarding_model.errors.NotFoundError` (a ``KeyError``) when no
        group goes by it, an :class:`~safeguarding_model.errors.AmbiguousNameError`
        when several do."""
        from .dataset import Dataset
        from .names import Names

        found = Names(Dataset(partnerships=(self,))).resolve(key, Group)
        assert isinstance(found, Group)
        return found

    def leads_in_role(self, role: StatutoryRole) -> tuple[LeadPartner, ...]:
        """The lead partners in ``role`` (an area can have two councils, say)."""
        return tuple(lead for lead in self.lead_partners if lead.role is role)

    def lead_for(self, delegated: DelegatedPartner) -> LeadPartner | None:
        """The lead partner a delegated partner acts for: the one in its role whose
        organisation it names, else the only lead partner in its role. None when the
        data cannot tell (:meth:`delegation_problem` says why): never a guess."""
        leads = self.leads_in_role(delegated.acts_for)
        if delegated.organisation is not None:
            named = [lead for lead in leads if lead.organisation == delegated.organisation]
            return named[0] if named else None
        return leads[0] if len(leads) == 1 else None

    def delegation_problem(self, delegated: DelegatedPartner) -> str | None:
        """Why :meth:`lead_for` cannot tell whom a delegated partner acts for, as a
        diagnostic code: ``no-lead-for-delegation`` (no lead partner in its role),
        ``delegation-not-a-lead`` (the organisation it names is not a lead partner in
        its role) or ``ambiguous-delegation`` (several are, and it names none of them);
        None when it can. The loader and the graph word these for their readers."""
        leads = self.leads_in_role(delegated.acts_for)
        if not leads:
            return "no-lead-for-delegation"
        if delegated.organisation is not None:
            named = any(lead.organisation == delegated.organisation for lead in leads)
            return None if named else "delegation-not-a-lead"
        return None if len(leads) == 1 else "ambiguous-delegation"
