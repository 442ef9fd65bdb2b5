"""An output taken on a date: the dataset's view on the date (``Dataset.as_of``), what
the output must say about it, and why nothing stood when nothing did.

``show``, ``query``, every exporter and both documents take their view here, so each
says the same thing: "The arrangements as they stood on 2021-06." before what stood
then; a plain statement, and exit status 1 on the command line, when nothing stood
("The Isle of Wight Safeguarding Children Partnership's arrangements in this file took
effect 2019-06; nothing stood on 1990."); and a caution when the date asked is before
the source was published and the arrangements do not say when they took effect.
"""

from __future__ import annotations

import datetime

import attrs

from ..errors import NothingStoodError
from ..model import Collaboration, Dataset, PartialDate, Partnership
from ..model.dates import OnDate, after_source, date_text, later, parse_date, span_of
from ..model.meaning import reference_span
from ..model.names import Names
from ..model.values import Day
from .tree import Paragraph, Span

__all__ = ["View", "as_date", "on_sentence", "said_blocks", "view_on"]


def as_date(on: OnDate) -> PartialDate:
    """A date asked for, as a :class:`~safeguarding_model.model.PartialDate`: from
    itself, a ``datetime.date``, text (``2023-06``) or a year as a number."""
    if isinstance(on, PartialDate):
        span_of(on)
        return on
    if isinstance(on, datetime.date):
        return PartialDate(year=on.year, month=on.month, day=on.day)
    if isinstance(on, int) and not isinstance(on, bool):
        on = str(on)
    if isinstance(on, str):
        return parse_date(on)
    span_of(on)  # the model's error for anything else
    raise AssertionError("unreachable")  # pragma: no cover


def on_sentence(on: PartialDate) -> str:
    """What every output taken on a date says first: "The arrangements as they stood on
    2021-06." (the date as written)."""
    return f"The arrangements as they stood on {on}."


@attrs.frozen(kw_only=True)
class View:
    """A dataset as an output shows it.

    ``dataset`` is the view (the dataset as it stood on ``on``, or as given when ``on``
    is None); ``source`` the dataset as given; ``cautions`` what the output must add
    about the date (a date before the source's publication, when the arrangements do
    not say when they took effect). ``at`` is the span against which dates are read
    as ended or to come: ``on``'s, else ``today``. ``partnership`` is the id of the
    partnership (or collaboration) asked for, when one was named: the view may call it
    by a former name, so a name given for it is resolved in the source, once.
    """

    dataset: Dataset
    source: Dataset
    on: PartialDate | None
    today: datetime.date
    cautions: tuple[str, ...] = ()
    partnership: str | None = None

    @property
    def at(self) -> tuple[Day, Day]:
        """The reference span: the date asked for, or today."""
        return reference_span(self.on, self.today)


def view_on(
    dataset: Dataset,
    on: OnDate | None,
    partnership: str | None = None,
    *,
    today: datetime.date | None = None,
) -> View:
    """``dataset`` as it stood on ``on`` (as given when ``on`` is None), for an output
    about ``partnership`` (an id or name; a collaboration for a regional chart), or
    about the whole dataset when it is None.

    Raises :class:`~safeguarding_model.errors.NothingStoodError` when the partnership
    (or collaboration) asked for, or, when none is named, every partnership of the
    dataset, did not stand on the date, saying why for each; an unknown or ambiguous
    name is the resolver's usual error.
    """
    today = today or datetime.date.today()
    if on is None:
        return View(dataset=dataset, source=dataset, on=None, today=today, partnership=partnership)
    date = as_date(on)
    viewed = dataset.as_of(date)
    standing = {p.id for p in viewed.partnerships} | {c.id for c in viewed.collaborations}
    asked: list[Partnership | Collaboration] = list(dataset.partnerships)
    if partnership is not None:
        found = Names(dataset).resolve(partnership, Partnership, Collaboration)
        assert isinstance(found, Partnership | Collaboration)
        asked = [found]
    gone = [owner for owner in asked if owner.id not in standing]
    if gone and len(gone) == len(asked):
        raise NothingStoodError("\n".join(_why_not(owner, date) for owner in gone), str(date))
    wanted = {owner.id for owner in asked}
    chosen = [p for p in viewed.partnerships if p.id in wanted]
    cautions = tuple(c for p in chosen if (c := _caution(p, date)) is not None)
    return View(
        dataset=viewed,
        source=dataset,
        on=date,
        today=today,
        cautions=cautions,
        partnership=asked[0].id if partnership is not None else None,
    )


def _why_not(owner: Partnership | Collaboration, on: PartialDate) -> str:
    """Why ``owner`` did not stand on ``on``, in a sentence."""
    first, last = span_of(on)
    called = owner.name or owner.label  # a collaboration the source does not name: its label
    name = called if called.lower().startswith(("the ", "a ")) else f"The {called}"
    name = name[:1].upper() + name[1:]
    nothing = f"nothing stood on {on}."
    effective = owner.effective if isinstance(owner, Partnership) else None
    began = later(owner.start, effective)
    if began is not None and began.first_day() > last:
        if began is effective:
            return f"{name}'s arrangements in this file took effect {effective}; {nothing}"
        return f"{name} began {began}; {nothing}"
    if owner.end is not None and owner.end.last_day() < first:
        return f"{name} ended {owner.end}; {nothing}"
    return f"{name} did not stand on {on}."  # pragma: no cover - as_of keeps the rest


def _caution(partnership: Partnership, on: PartialDate) -> str | None:
    """A caution for a date wholly before the source's publication, when the
    arrangements do not say when they took effect (they may not yet have stood then),
    and for a date after it (what the source does not date may have changed since)."""
    source = partnership.source
    if source is None or source.published is None:
        return None
    first, last = span_of(on)
    published = after_source(partnership, (first, last))
    if published is not None:
        return (
            f"Caution: the source is of {published}; what it does not date is shown "
            f"as it was then, and may have changed by {date_text(on)}."
        )
    if partnership.effective is not None or last >= source.published.first_day():
        return None
    return (
        f"Caution: these arrangements were published {source.published} and do not say "
        f"when they took effect; they may not have stood on {date_text(on)}."
    )


def said_blocks(view: View) -> tuple[Paragraph, ...]:
    """What a document taken on a date says first: the date, then each caution; nothing
    for a document not taken on a date."""
    if view.on is None:
        return ()
    return (
        Paragraph(content=(Span(text=on_sentence(view.on), strong=True),)),
        *(Paragraph(content=caution, note=True) for caution in view.cautions),
    )
