"""The instruments rules rest on, when each was in force, and which edition of Working
Together a partnership is checked by on a date.

Every date here is from ``STATUTORY.md`` with its status: the Children Act 2004
s.16E in force from 29 June 2018 and the integrated care boards from 1 July 2022 are
confirmed in the legislation; the editions of Working Together are dated from
briefings (secondary): 2018 from 29 June 2018, 2023 from 15 December 2023 (its chapter
2 changes to be made by December 2024), 2026 from its publication "about 18-19 March
2026" (only the month is kept: the day is not confirmed). The Children's Wellbeing and
Schools Act 2026 received Royal Assent on 29 April 2026 (confirmed); its sections 2 and
3 come into force on a day regulations will appoint, not yet known.

Which edition a partnership is checked by (:func:`choose_edition`):

- the edition asked for (``--edition``), when one is;
- otherwise the edition in force on the date, unless the arrangements declare an
  earlier one (their ``regimes``) and the date falls in the time the newer edition gave
  partnerships to make its changes (2023's chapter 2 changes, by December 2024): then
  the declared one;
- a partnership that declares no edition is checked by the edition in force, and the
  report says so.

A date that may fall either side of an edition's start (``2023``, or ``2026-03``) is
checked by the edition surely in force on it, with a note saying which edition may
also apply.
"""

from __future__ import annotations

import enum

import attrs

from ..errors import UsageError, closest
from ..model import Instrument, PartialDate, Partnership
from ..model.dates import Span
from .rule import Evidence

__all__ = [
    "EDITIONS",
    "INSTRUMENTS",
    "PROVISIONS",
    "EditionChoice",
    "InstrumentInfo",
    "InstrumentKind",
    "choose_edition",
    "edition_in_force",
    "instrument",
    "parse_edition",
]


class InstrumentKind(enum.StrEnum):
    """How the rules of an instrument come to apply."""

    GUIDANCE = "guidance"
    """An edition of Working Together: its rules apply when it is the edition checked."""
    LEGISLATION = "legislation"
    """An Act or regulations: its rules apply on the dates they are in force."""
    REGIME = "regime"
    """A regime a partnership declares (the Care Act 2014, for an all-age partnership):
    its rules apply when the partnership declares it."""
    STRUCTURE = "structure"
    """The package's own checks of the data: they apply on every date."""


@attrs.frozen(kw_only=True)
class InstrumentInfo:
    """An instrument that rules rest on: its key (a rule's ``instrument``), its title
    and short form, how its rules apply, and for an edition of Working Together the
    dates it was in force (``start`` to ``end``, the day before the next edition, where
    known) and the time the next one gave to make its changes (``transition``)."""

    key: str
    title: str
    short: str
    kind: InstrumentKind
    start: PartialDate | None = None
    end: PartialDate | None = None
    evidence: Evidence | None = None
    """How sure its dates are."""
    dates_text: str | None = None
    """Its dates in words, with their source."""
    since: str | None = None
    """When it came into force, in a few words (``15 December 2023``)."""
    period: str | None = None
    """When it was in force, in a few words (``from 15 December 2023 to about March 2026``)."""
    transition: PartialDate | None = None
    """For an edition: the date by which partnerships were to make its changes."""
    regime: Instrument | None = None
    """The regime of the model it answers to (``Partnership.regimes``)."""

    def cite(self, reference: str) -> str:
        """``Working Together to Safeguard Children 2023, ch.2, lead safeguarding partners``."""
        return f"{self.title}, {reference}"


def _d(text: str) -> PartialDate:
    return PartialDate.from_string(text)


WORKING_TOGETHER_2018 = InstrumentInfo(
    key="working-together-2018",
    title="Working Together to Safeguard Children 2018",
    short="WT2018",
    kind=InstrumentKind.GUIDANCE,
    start=_d("2018-06-29"),
    end=_d("2023-12-14"),
    evidence=Evidence.SECONDARY,
    since="29 June 2018",
    period="from 29 June 2018 to 14 December 2023",
    dates_text="in force from 29 June 2018, with s.16E of the Children Act 2004 (published "
    "4 July 2018); replaced by the 2023 edition on 15 December 2023",
    regime=Instrument.WORKING_TOGETHER_2018,
)
WORKING_TOGETHER_2023 = InstrumentInfo(
    key="working-together-2023",
    title="Working Together to Safeguard Children 2023",
    short="WT2023",
    kind=InstrumentKind.GUIDANCE,
    start=_d("2023-12-15"),
    end=_d("2026-03"),
    evidence=Evidence.SECONDARY,
    since="15 December 2023",
    period="from 15 December 2023 to about 18-19 March 2026",
    dates_text="published 15 December 2023, replacing the 2018 edition, with its chapter 2 "
    "changes to be made by December 2024; replaced by the 2026 edition about 18-19 "
    "March 2026 (the day not confirmed)",
    transition=_d("2024-12"),
    regime=Instrument.WORKING_TOGETHER_2023,
)
WORKING_TOGETHER_2026 = InstrumentInfo(
    key="working-together-2026",
    title="Working Together to Safeguard Children 2026",
    short="WT2026",
    kind=InstrumentKind.GUIDANCE,
    start=_d("2026-03"),
    evidence=Evidence.SECONDARY,
    since="about 18-19 March 2026",
    period="from about 18-19 March 2026",
    dates_text="published about 18-19 March 2026, replacing the 2023 edition (only "
    "summaries of its changes were found; the day is not confirmed, so it is taken to "
    "start in March 2026)",
    regime=Instrument.WORKING_TOGETHER_2026,
)

EDITIONS: tuple[InstrumentInfo, ...] = (
    WORKING_TOGETHER_2018,
    WORKING_TOGETHER_2023,
    WORKING_TOGETHER_2026,
)
"""The editions of Working Together, oldest first."""

INSTRUMENTS: dict[str, InstrumentInfo] = {
    info.key: info
    for info in (
        InstrumentInfo(
            key="children-act-2004",
            title="Children Act 2004",
            short="CA 2004",
            kind=InstrumentKind.LEGISLATION,
            start=_d("2018-06-29"),
            evidence=Evidence.CONFIRMED,
            dates_text="s.16E (inserted by the Children and Social Work Act 2017) fully in "
            "force from 29 June 2018; s.16E(3)(b) names integrated care boards from 1 July "
            "2022 (Health and Care Act 2022)",
        ),
        InstrumentInfo(
            key="relevant-agency-regulations-2018",
            title="The Child Safeguarding Practice Review and Relevant Agency Regulations "
            "(SI 2018/789)",
            short="SI 2018/789",
            kind=InstrumentKind.LEGISLATION,
            start=_d("2018-06-29"),
            evidence=Evidence.CONFIRMED,
            dates_text="in force from 29 June 2018; amended 6 November 2023 (the content of "
            "the amendment unconfirmed)",
        ),
        *EDITIONS,
        InstrumentInfo(
            key="cwsa-2026",
            title="Children's Wellbeing and Schools Act 2026",
            short="CWSA 2026",
            kind=InstrumentKind.LEGISLATION,
            start=_d("2026-04-29"),
            evidence=Evidence.CONFIRMED,
            dates_text="Royal Assent 29 April 2026; s.2 and s.3 come into force on a day "
            "regulations appoint (none found): give the day with --assume-in-force",
        ),
        InstrumentInfo(
            key="care-act-2014",
            title="Care Act 2014",
            short="Care Act 2014",
            kind=InstrumentKind.REGIME,
            regime=Instrument.CARE_ACT_2014,
            dates_text="applies to a partnership that declares it (an all-age partnership "
            "that is also the safeguarding adults board)",
        ),
        InstrumentInfo(
            key="structure",
            title="The structure of the arrangements",
            short="structure",
            kind=InstrumentKind.STRUCTURE,
            dates_text="the package's own checks that the arrangements can be read as a "
            "structure: on every date",
        ),
        InstrumentInfo(
            key="own-commitments",
            title="The arrangements' own commitments",
            short="own commitments",
            kind=InstrumentKind.STRUCTURE,
            dates_text="what the arrangements themselves undertake (a review by a date): on "
            "every date",
        ),
    )
}
"""Every instrument the built-in rules rest on, by key."""

PROVISIONS: dict[str, tuple[str, str]] = {
    "s2": ("cwsa-2026", "s.2 (designated education and childcare agencies)"),
    "s3": ("cwsa-2026", "s.3 (multi-agency child protection teams, new CA 2004 s.16EA)"),
}
"""The provisions enacted but not yet in force, by the key ``--assume-in-force`` takes:
the instrument, and the section with what it does."""


def instrument(key: str) -> InstrumentInfo:
    """The instrument with this key; one of a plugin's own is described by its key."""
    found = INSTRUMENTS.get(key)
    if found is not None:
        return found
    return InstrumentInfo(key=key, title=key, short=key, kind=InstrumentKind.LEGISLATION)


def parse_edition(text: str) -> InstrumentInfo:
    """The edition of Working Together named by ``text`` (``working-together-2023``,
    or ``2023``); a :class:`UsageError` naming the editions otherwise."""
    for edition in EDITIONS:
        if text in (edition.key, edition.key.rsplit("-", 1)[1], edition.short.lower()):
            return edition
    keys = [edition.key for edition in EDITIONS]
    hint = closest(text, keys)
    raise UsageError(
        f"{text!r} is not an edition of Working Together"
        + (f" (did you mean `{hint}`?)" if hint else "")
        + f"; the editions are: {', '.join(keys)}"
    )


def _surely_started(edition: InstrumentInfo, span: Span) -> bool:
    return edition.start is None or edition.start.last_day() <= span[0]


def _may_have_started(edition: InstrumentInfo, span: Span) -> bool:
    return edition.start is None or edition.start.first_day() <= span[1]


def edition_in_force(span: Span) -> tuple[InstrumentInfo | None, InstrumentInfo | None]:
    """The edition surely in force on every day of ``span`` (the latest surely
    started), and a later one that may also have been in force within it (its start
    falls in the span), or None. Before 29 June 2018 no edition of this regime was."""
    surely = None
    for edition in EDITIONS:
        if _surely_started(edition, span):
            surely = edition
    later = None
    for edition in EDITIONS:
        if not _surely_started(edition, span) and _may_have_started(edition, span):
            later = edition
            break
    return surely, later


@attrs.frozen(kw_only=True)
class EditionChoice:
    """The edition a partnership is checked by on a date, and why, in words (``reason``),
    with anything the reader should know about it (``notes``). ``declared`` is the
    edition the arrangements declare on the date, if any; ``chosen`` whether it was
    asked for (``--edition``). ``edition`` is None only before 29 June 2018, when no
    edition of this regime was in force."""

    edition: InstrumentInfo | None
    reason: str
    declared: InstrumentInfo | None = None
    chosen: bool = False
    notes: tuple[str, ...] = ()


def _declared(partnership: Partnership) -> InstrumentInfo | None:
    guidance = partnership.guidance
    if guidance is None:
        return None
    return INSTRUMENTS[guidance.value]


def choose_edition(
    partnership: Partnership, on_text: str, span: Span, chosen: InstrumentInfo | None = None
) -> EditionChoice:
    """The edition ``partnership`` (as it stood on the date: its regimes then) is
    checked by on ``span`` (the date ``on_text``), and why."""
    declared = _declared(partnership)
    surely, later = edition_in_force(span)
    notes: list[str] = []
    if later is not None:
        notes.append(
            f"{later.title} ({later.dates_text}) may already have been in force on "
            f"{on_text}; give a later date, or --edition {later.key}, to check by it."
        )
    said = f"the arrangements declare {declared.title}" if declared else ""
    if chosen is not None:
        if declared is not None and declared is not chosen:
            notes.append(f"The arrangements declare {declared.title}.")
        if not (_may_have_started(chosen, span) and not _ended(chosen, span)):
            notes.append(
                f"{chosen.title} was not in force on {on_text} (in force {chosen.period})."
            )
        return EditionChoice(
            edition=chosen,
            reason=f"{chosen.title}, as asked (--edition)",
            declared=declared,
            chosen=True,
            notes=tuple(notes),
        )
    if surely is None:
        return EditionChoice(
            edition=None,
            reason=f"no edition of Working Together under s.16E of the Children Act 2004 was "
            f"in force on {on_text} (the first, 2018, from 29 June 2018)",
            declared=declared,
            notes=tuple(notes),
        )
    if declared is None:
        return EditionChoice(
            edition=surely,
            reason=f"{surely.title}, the edition in force on {on_text}: the arrangements "
            "declare no edition of Working Together",
            notes=tuple(notes),
        )
    if declared is surely:
        return EditionChoice(
            edition=surely,
            reason=f"{surely.title}, which the arrangements declare and which was in force "
            f"on {on_text}",
            declared=declared,
            notes=tuple(notes),
        )
    rank = EDITIONS.index
    if rank(declared) < rank(surely):
        window = surely.transition
        if window is not None and span[1] <= window.last_day():
            return EditionChoice(
                edition=declared,
                reason=f"{declared.title}, which the arrangements declare: {surely.title} "
                f"was in force on {on_text}, but gave partnerships until {window} to make its "
                "changes",
                declared=declared,
                notes=tuple(notes),
            )
        return EditionChoice(
            edition=surely,
            reason=f"{surely.title}, the edition in force on {on_text}: {said}, which it "
            f"replaced on {surely.since}",
            declared=declared,
            notes=tuple(notes),
        )
    # declares an edition later than the one surely in force
    if not _may_have_started(declared, span):
        return EditionChoice(
            edition=surely,
            reason=f"{surely.title}, the edition in force on {on_text}: {said}, which was not "
            f"yet in force ({declared.period})",
            declared=declared,
            notes=tuple(notes),
        )
    return EditionChoice(
        edition=declared,
        reason=f"{declared.title}, which the arrangements declare, and which may already have "
        f"been in force on {on_text} ({declared.period})",
        declared=declared,
        notes=tuple(n for n in notes if not n.startswith(declared.title)),
    )


def _ended(edition: InstrumentInfo, span: Span) -> bool:
    return edition.end is not None and edition.end.last_day() < span[0]
