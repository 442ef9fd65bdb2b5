"""Business plans: what a partnership committed to, who owns each priority, and how
far it got, year by year."""

from __future__ import annotations

import attrs

from .partnership import Source
from .values import (
    Cadence,
    Choice,
    ConsistencyError,
    FieldError,
    Item,
    PartialDate,
    as_statement,
    check_id,
    check_ids,
    check_not_stated,
    check_text,
)

__all__ = [
    "PROGRESS_STATES",
    "Action",
    "ActionState",
    "Objective",
    "ObjectiveLink",
    "Plan",
    "PlanPart",
    "ProgressReview",
    "reporting_years",
]


class PlanPart(Choice):
    """Which part of a plan an objective belongs to."""

    STRATEGIC_OBJECTIVE = "strategic-objective"
    """Part A: a long-term strategic objective, the same for the plan's period."""
    ACTIVITY = "activity"
    """Part B: a shorter-term activity, typically for a reporting year."""


class ActionState(Choice):
    """How far an action got, as a document says."""

    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    COMPLETED = "completed"
    CARRIED_FORWARD = "carried-forward"
    DROPPED = "dropped"


PROGRESS_STATES = (ActionState.COMPLETED, ActionState.IN_PROGRESS)
"""The states that are evidence of progress: a document's claim that an action was
completed or is under way. An action with no state is not stated, never "planned"."""


@attrs.frozen(kw_only=True)
class Action:
    """One action of an objective for a reporting ``year`` (``2020-04 to 2021-03``, or
    ``2020 to 2021`` where the document says "2020-21"), with its ``state`` where a
    document gives it (left out: not stated, never "planned") and the ``evidence``
    behind it. ``points`` are the steps listed under it; ``owners`` the groups that
    own this action where they are not the objective's."""

    text: str = attrs.field(validator=check_text)
    year: PartialDate | None = None
    state: ActionState | None = None
    evidence: str | None = attrs.field(default=None, validator=check_text)
    points: tuple[Item, ...] = ()
    owners: tuple[str, ...] = attrs.field(default=(), validator=check_ids)

    def __attrs_post_init__(self) -> None:
        if self.evidence is not None and self.state is None:
            raise FieldError("evidence", "a `state` that the evidence supports", self.evidence)

    @property
    def year_written(self) -> str | None:
        """The reporting year as written (``2020 to 2021``), None when not stated.
        Years are matched as written: ``2020-04 to 2021-03`` is not ``2020 to 2021``."""
        return None if self.year is None else str(self.year)

    @property
    def progress(self) -> bool:
        """Whether a document states the action as completed or in progress."""
        return self.state in PROGRESS_STATES


@attrs.frozen(kw_only=True)
class ObjectiveLink:
    """A link from one objective to another (``to``, an objective id), in the
    document's words: "will likely link and be informed by the first objective"."""

    to: str = attrs.field(validator=check_id)
    text: str | None = attrs.field(default=None, validator=check_text)


@attrs.frozen(kw_only=True)
class Objective:
    """A strategic objective (Part A) or an activity (Part B): its outcomes, its
    actions year by year, the groups that own it (``owners``: a subgroup or a task
    and finish group, possibly joint, or a lead agency), the partnerships or
    collaboration it is run
    with (``joint_with``), and its links to other objectives."""

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=check_text)
    part: PlanPart
    description: str | None = attrs.field(default=None, validator=check_text)
    outcomes: tuple[Item, ...] = ()
    actions: tuple[Action, ...] = ()
    owners: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    joint_with: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    links: tuple[ObjectiveLink, ...] = ()
    text: str | None = attrs.field(default=None, validator=check_text)
    not_stated: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        if any(link.to == self.id for link in self.links):
            raise FieldError("links", "other objectives' ids", self.id)
        check_not_stated(self)

    @property
    def name(self) -> str:
        """The title (objectives are named by their title)."""
        return self.title

    def actions_in(self, year: str | None) -> tuple[Action, ...]:
        """The actions for a reporting year as written (``2020 to 2021``); with None,
        those whose year is not stated."""
        return tuple(a for a in self.actions if a.year_written == year)

    def in_year(self, year: str | None) -> bool:
        """Whether a reporting year's progress holds this objective: a strategic
        objective (Part A) spans the plan's period, so always; an activity (Part B)
        unless it has actions and all of them are for other years (it is another
        year's activity)."""
        return (
            self.part is PlanPart.STRATEGIC_OBJECTIVE
            or not self.actions
            or any(a.year_written == year for a in self.actions)
        )

    @property
    def label(self) -> str:
        """The title."""
        return self.title


@attrs.frozen(kw_only=True)
class ProgressReview:
    """Who reviews progress (``by``: ids of groups or posts) and how often (``every``,
    or ``every_text`` in the document's words), and what they do with it (``what``:
    "highlights areas of concern and of good practice to the full Board")."""

    by: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    every: Cadence | None = None
    every_text: str | None = attrs.field(default=None, validator=check_text)
    what: str | None = attrs.field(default=None, validator=check_text)
    text: str | None = attrs.field(default=None, validator=check_text)

    def __attrs_post_init__(self) -> None:
        if not (self.by or self.text):
            raise ConsistencyError("a progress review needs `by` or a text", field="by")


@attrs.frozen(kw_only=True, repr=False)
class Plan:
    """A business plan of a partnership (``partnership``: its id, or a
    collaboration's) for a ``period`` (``2020 to 2023``): its purpose, vision, values
    and principles, its objectives (Part A) and activities (Part B), and how progress
    is reviewed. ``refresh`` names the refresh a document gives ("2021-22 refresh")."""

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=check_text)
    partnership: str = attrs.field(validator=check_id)
    period: PartialDate | None = None
    refresh: str | None = attrs.field(default=None, validator=check_text)
    source: Source | None = None
    purpose: Item | None = attrs.field(default=None, converter=as_statement)
    vision: Item | None = attrs.field(default=None, converter=as_statement)
    values: tuple[Item, ...] = ()
    principles: tuple[Item, ...] = ()
    objectives: tuple[Objective, ...] = ()
    reviews: tuple[ProgressReview, ...] = ()
    text: str | None = attrs.field(default=None, validator=check_text)
    not_stated: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_not_stated(self)

    @property
    def name(self) -> str:
        """The title."""
        return self.title

    @property
    def label(self) -> str:
        """The title."""
        return self.title

    def __repr__(self) -> str:
        return (
            f"Plan(id={self.id!r}, title={self.title!r}, partnership={self.partnership!r}, "
            f"objectives={[o.id for o in self.objectives]})"
        )


def reporting_years(plan: Plan) -> tuple[str | None, ...]:
    """The reporting years of a plan's actions as written, each once, earliest first
    (then as written), and None last when some action's year is not stated."""
    found: dict[str, PartialDate] = {}
    undated = False
    for objective in plan.objectives:
        for action in objective.actions:
            if action.year is None:
                undated = True
            else:
                found.setdefault(str(action.year), action.year)
    ordered = sorted(found, key=lambda key: (found[key].first_day(), found[key].last_day(), key))
    return (*ordered, None) if undated else tuple(ordered)
