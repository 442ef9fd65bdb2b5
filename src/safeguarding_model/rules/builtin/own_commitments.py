"""The arrangements' own commitments: what the arrangements undertake themselves, here
the review by the dates they give. No statutory source: a partnership is held to its
own word, on the date checked.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ...hooks.specs import Register, hookimpl
from ...model import PartialDate
from ...model.dates import later
from ..context import Context
from ..rule import Modality, Rule, RuleFinding

INSTRUMENT = "own-commitments"


def _due_dates(
    reviews: tuple[PartialDate, ...], every: int | None, until: int
) -> list[PartialDate]:
    """The review dates listed, then every ``every`` years after the last, up to the
    year ``until``."""
    found = list(reviews)
    if reviews and every:
        last = reviews[-1]
        year = last.year + every
        while year <= until:
            found.append(attrs.evolve(last, year=year))
            year += every
    return found


def review_not_overdue(context: Context) -> Iterator[RuleFinding]:
    p = context.partnership
    where = context.path("review")
    if p.review is None:
        said = "do not state" if not context.stated("review") else "give no"
        yield context.unknown(f"the arrangements {said} when they will be reviewed", path=where)
        return
    passed = [
        due
        for due in _due_dates(p.review.reviews, p.review.then_every_years, context.span[0][0])
        if due.last_day() < context.span[0]
    ]
    if not passed:
        return
    due = max(passed, key=lambda d: d.last_day())
    made = later(p.effective, p.source.published if p.source else None)
    if made is not None and made.first_day() > due.first_day():
        return
    of = f"are of {made}" if made is not None else "do not say when they were made"
    yield context.fail(
        f"the arrangements were to be reviewed by {due}; these arrangements {of}, and the data "
        f"records no later version: the review was due before {context.on_text}",
        path=where,
        text=p.review.text,
        expected=f"a review by {due}",
    )


RULES = (
    Rule(
        id="own-review-not-overdue",
        title="the review of the arrangements is not overdue",
        instrument=INSTRUMENT,
        reference="the review of the arrangements",
        modality=Modality.SHOULD,
        evidence=None,
        basis="The arrangements give the dates they will be reviewed by (`review`). On the "
        "date checked, a review date that has passed with no later version of the "
        "arrangements (their `effective` date or their source's publication after it) is "
        "overdue, or not recorded.",
        check=review_not_overdue,
    ),
)


@hookimpl
def register_rules(register: Register) -> None:
    for rule in RULES:
        register(rule)
