"""Organisations, people and posts: modelled once and shared by every partnership."""

from __future__ import annotations

import attrs

from .values import (
    Choice,
    FieldError,
    FormerName,
    PartialDate,
    Succession,
    check_dates,
    check_id,
    check_ids,
    check_predecessors,
    check_text,
    former_names_field,
    optional_id,
)

__all__ = ["Organisation", "OrganisationKind", "Person", "Post"]


class OrganisationKind(Choice):
    """What sort of body an organisation is.

    Sectors (all schools, the voluntary sector) are organisations of a sector kind,
    so that a partnership can name them as relevant agencies and give them seats.
    """

    LOCAL_AUTHORITY = "local-authority"
    LOCAL_AUTHORITY_SERVICE = "local-authority-service"
    CHILDRENS_TRUST = "childrens-trust"
    """A body that delivers children's services for one or more councils."""
    COMPANY = "company"
    """A company, such as one owned by councils to deliver their services."""
    INTEGRATED_CARE_BOARD = "integrated-care-board"
    CLINICAL_COMMISSIONING_GROUP = "clinical-commissioning-group"
    POLICE = "police"
    POLICE_AND_CRIME_COMMISSIONER = "police-and-crime-commissioner"
    NHS_TRUST = "nhs-trust"
    NHS_ENGLAND = "nhs-england"
    HEALTH_PROVIDER = "health-provider"
    FIRE_AND_RESCUE = "fire-and-rescue"
    PROBATION = "probation"
    YOUTH_JUSTICE = "youth-justice"
    PRISON = "prison"
    COURT_SERVICE = "court-service"
    CORONER = "coroner"
    HOUSING = "housing"
    SCHOOL_SECTOR = "school-sector"
    EARLY_YEARS_SECTOR = "early-years-sector"
    EDUCATION_PROVIDER = "education-provider"
    VOLUNTARY_SECTOR = "voluntary-sector"
    FAITH_SECTOR = "faith-sector"
    SPORT = "sport"
    CHARITY = "charity"
    BOARD = "board"
    SAFEGUARDING_PARTNERSHIP = "safeguarding-partnership"
    MULTI_AGENCY_ARRANGEMENT = "multi-agency-arrangement"
    NETWORK = "network"
    REGULATOR = "regulator"
    GOVERNMENT = "government"
    OTHER = "other"


def _check_not_own_parent(instance: Organisation) -> None:
    if instance.parent == instance.id:
        raise FieldError("parent", "another organisation's id", instance.parent)


@attrs.frozen(kw_only=True)
class Organisation:
    """A real organisation, a part of one (a council's service), or a sector.

    ``parent`` is the id of the organisation this one is part of; ``owned_by`` the
    organisations that own it (a company owned by two councils) and ``delivers_for``
    those it delivers services for (a children's trust for a council). An organisation
    named collectively ("the eight CCGs of the county") is ``collective``, with the
    ``count`` the document gives, where it gives one: its members are not invented.
    ``former_names``
    keeps the names it went by before, newest first, with their dates where known:
    one id, its names over time. ``start`` and ``end`` are when the organisation
    existed, where known; ``predecessors`` the bodies it followed (a clinical
    commissioning group replaced by an integrated care board).
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    kind: OrganisationKind
    short_name: str | None = attrs.field(default=None, validator=check_text)
    parent: str | None = attrs.field(default=None, validator=optional_id)
    owned_by: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    delivers_for: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    collective: bool = False
    count: int | None = None
    former_names: tuple[FormerName, ...] = former_names_field()
    start: PartialDate | None = None
    end: PartialDate | None = None
    predecessors: tuple[Succession, ...] = ()
    note: str | None = attrs.field(default=None, validator=check_text)

    def __attrs_post_init__(self) -> None:
        _check_not_own_parent(self)
        if self.count is not None and not self.collective:
            raise FieldError(
                "count",
                "`collective: true` beside it (a count is of a body named collectively)",
                self.count,
            )
        if self.count is not None and self.count < 2:
            raise FieldError("count", "a whole number of 2 or more", self.count)
        for field in ("owned_by", "delivers_for"):
            if self.id in getattr(self, field):
                raise FieldError(field, "other organisations' ids", self.id)
        check_dates(self)
        check_predecessors(self)

    @property
    def label(self) -> str:
        """The short name where there is one, else the name."""
        return self.short_name or self.name


@attrs.frozen(kw_only=True)
class Person:
    """A named person. Only people whom a source document names are recorded."""

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    note: str | None = attrs.field(default=None, validator=check_text)


@attrs.frozen(kw_only=True)
class Post:
    """A title in an organisation, held by a person, vacant, or held by someone unknown.

    ``holder`` is a person's id; ``None`` with ``vacant`` false means the documents
    do not say who holds it. ``organisation`` is ``None`` for an independent post,
    such as an independent scrutineer, that belongs to no organisation. ``start``
    and ``end`` are the holder's tenure where the documents give it; ``known_on``
    the date of a document that names the holder when they do not (tenure unknown).
    ``elected`` marks a post held by an elected member (a cabinet member, a
    councillor); ``also_chairs`` the bodies outside the partnership the post chairs
    (organisations such as the Health and Wellbeing Board).
    """

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=check_text)
    organisation: str | None = attrs.field(default=None, validator=optional_id)
    holder: str | None = attrs.field(default=None, validator=optional_id)
    vacant: bool = False
    acting: bool = False
    independent: bool = False
    elected: bool = False
    also_chairs: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    start: PartialDate | None = None
    end: PartialDate | None = None
    known_on: PartialDate | None = None
    note: str | None = attrs.field(default=None, validator=check_text)

    def __attrs_post_init__(self) -> None:
        if self.known_on is not None and self.holder is None:
            raise FieldError("known_on", "a holder whom a document names on that date", None)
        if self.known_on is not None and (self.start is not None or self.end is not None):
            raise FieldError(
                "known_on",
                "either known_on (the tenure unknown) or start and end (the tenure), not both",
                str(self.known_on),
            )
        if self.vacant and self.holder is not None:
            raise FieldError("vacant", "a post with no holder when vacant is true", self.holder)
        if self.acting and self.holder is None:
            raise FieldError("acting", "a holder who is acting up", None)
        if self.independent and self.organisation is not None:
            raise FieldError(
                "independent", "no organisation for an independent post", self.organisation
            )
        check_dates(self)

    @property
    def holder_known(self) -> bool:
        """Whether the documents say who holds the post, or that it is vacant."""
        return self.holder is not None or self.vacant
