"""How far a business plan got: per plan and reporting year, its objectives, their
owners and actions with the state a document gives each, and the priorities with
little or no evidence of progress.

``plan_progress`` gives one :class:`PlanProgress` per plan and reporting year;
``progress_text``, ``progress_data`` and ``progress_rows`` (for CSV) word them for
people and scripts, ``progress_document`` as a document tree (which the Markdown, HTML
and Word writers render); ``progress_section`` is the yearly report's section on
progress on agreed priorities.

The words never say more than the data:

- an action whose state no document gives is "not stated": never "planned", never
  "no progress";
- an objective has **evidence of progress** in a year when one of its actions for
  that year is stated as completed or in progress; the state is the document's
  claim, and its ``evidence`` is shown where the data gives it;
- a priority is listed with **little or no evidence of progress** in a year when it
  has no such action, or no owner: the reasons say which, in the data's terms
  ("no action for 2021 to 2022 is stated as completed or in progress: 2 not
  stated"; "owners not stated in the source");
- a reporting year is matched as written: ``--year 2021-22`` is ``2021 to 2022``, and
  an action dated ``2021-04 to 2022-03`` belongs to that year, not to this one.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import attrs

from ..errors import UsageError
from ..model import (
    Action,
    ActionState,
    Dataset,
    Entity,
    Group,
    GroupKind,
    Item,
    Objective,
    PartialDate,
    Plan,
    PlanPart,
)
from ..model.dates import Span, parse_date
from ..model.meaning import dated_words
from ..model.names import Names
from ..model.plans import PROGRESS_STATES, reporting_years
from .tree import Block, Document, ItemList, ListItem, Paragraph, Placeholder, Section, Table

__all__ = [
    "NOT_STATED",
    "PROGRESS_STATES",
    "ActionProgress",
    "ObjectiveProgress",
    "PlanProgress",
    "owner_words",
    "plan_progress",
    "plan_summary",
    "progress_data",
    "progress_document",
    "progress_rows",
    "progress_section",
    "progress_text",
    "reporting_year",
]

NOT_STATED = "not stated"
"""The state of an action no document gives a state."""

YEAR_NOT_STATED = "reporting year not stated"
"""The heading of the actions whose reporting year the data does not give."""

_OWNERS_NOT_STATED = "not stated in the source"
_OWNERS_NOT_GIVEN = "not given in the data"
_PART_WORDS = {"strategic-objective": "Part A", "activity": "Part B"}
_YEAR_SPAN = re.compile(r"^\s*([0-9]{4})[-/]([0-9]{2})\s*$")


@attrs.frozen(kw_only=True)
class ActionProgress:
    """One action of an objective in a reporting year: its text, its ``state`` (the
    document's, or None when not stated), the ``evidence`` the data gives for it, the
    names of its own owners (where they are not the objective's) and its points."""

    text: str
    year: str | None
    state: ActionState | None
    evidence: str | None = None
    owners: tuple[str, ...] = ()
    points: tuple[str, ...] = ()
    """The steps listed under the action, in order (their own points flattened)."""

    @property
    def state_words(self) -> str:
        """The state in words: "completed", "in progress"..., or "not stated"."""
        return self.state.label if self.state is not None else NOT_STATED

    @property
    def progress(self) -> bool:
        """Whether the action is stated as completed or in progress."""
        return self.state in PROGRESS_STATES


@attrs.frozen(kw_only=True)
class ObjectiveProgress:
    """An objective or activity in a reporting year: its owners and the partnerships
    it is run with (names), its actions for the year, and the ``reasons`` it has
    little or no evidence of progress (empty when it has an owner and an action
    stated as completed or in progress)."""

    id: str
    title: str
    part: str
    owners: tuple[str, ...]
    owners_not_stated: bool
    joint_with: tuple[str, ...]
    actions: tuple[ActionProgress, ...]
    reasons: tuple[str, ...]

    @property
    def part_words(self) -> str:
        """``Part A`` for a strategic objective, ``Part B`` for an activity."""
        return _PART_WORDS.get(self.part, self.part)

    @property
    def owners_words(self) -> str:
        """The owners' names, or why there are none to show."""
        if self.owners:
            return "; ".join(self.owners)
        return _OWNERS_NOT_STATED if self.owners_not_stated else _OWNERS_NOT_GIVEN

    @property
    def evidence_of_progress(self) -> bool:
        """Whether an action for the year is stated as completed or in progress."""
        return any(action.progress for action in self.actions)

    @property
    def little_or_no_evidence(self) -> bool:
        """Whether the objective is listed with little or no evidence of progress."""
        return bool(self.reasons)


@attrs.frozen(kw_only=True)
class PlanProgress:
    """A plan in one reporting year (``year`` as written, None for the actions whose
    year the data does not give): its objectives in the plan's order, with their
    actions for that year. A strategic objective (Part A) spans the plan's period and
    is always there; an activity (Part B) whose actions are all for other years is
    another year's activity, and is named in ``other_years`` instead."""

    plan: str
    title: str
    partnership: str
    period: str | None
    year: str | None
    objectives: tuple[ObjectiveProgress, ...]
    other_years: tuple[str, ...] = ()
    """The titles of the activities (Part B) left out: each has actions, all of them
    for other reporting years, so it is another year's activity."""

    @property
    def year_words(self) -> str:
        """The reporting year, or "reporting year not stated"."""
        return self.year if self.year is not None else YEAR_NOT_STATED

    @property
    def without_progress(self) -> tuple[ObjectiveProgress, ...]:
        """The priorities with little or no evidence of progress, in the plan's order."""
        return tuple(o for o in self.objectives if o.little_or_no_evidence)


def reporting_year(text: str) -> PartialDate:
    """A reporting year as asked for: ``2021-22`` or ``2021/22`` (the year 2021 to
    2022), or any date the format writes (``2021 to 2022``, ``2021-04 to 2022-03``).
    A :class:`~safeguarding_model.errors.UsageError` says what is wrong otherwise."""
    span = _YEAR_SPAN.match(text)
    if span is not None:
        first = int(span.group(1))
        last = first - first % 100 + int(span.group(2))
        last += 100 if last < first else 0
        if last == first + 1:
            return PartialDate.from_string(f"{first} to {last}")
    return parse_date(text)


def _written(year: PartialDate | None) -> str | None:
    return None if year is None else str(year)


def _state_summary(actions: list[Action]) -> str:
    counts = Counter(a.state.label if a.state is not None else NOT_STATED for a in actions)
    order = [s.label for s in ActionState] + [NOT_STATED]
    return ", ".join(f"{counts[word]} {word}" for word in order if counts[word])


def _flat(items: tuple[Item, ...]) -> list[str]:
    return [text for item in items for text in (" ".join(item.text.split()), *_flat(item.points))]


def _name(dataset: Dataset, index: dict[str, Entity], key: str) -> str:
    """An entity's name on one line (the words of every output are one line each)."""
    return " ".join(dataset.name_of(key, index).split())


def owner_words(dataset: Dataset, index: dict[str, Entity], key: str) -> str:
    """An owner's name on one line; a group's with its kind where the name does not
    say it ("Neglect (task and finish group)")."""
    entity = index.get(key)
    name = _name(dataset, index, key)
    if (
        not isinstance(entity, Group)
        or entity.kind is GroupKind.OTHER
        or entity.kind.label.casefold() in name.casefold()
    ):
        return name
    return f"{name} ({entity.kind.label})"


def _objective(
    dataset: Dataset,
    index: dict[str, Entity],
    objective: Objective,
    year: str | None,
) -> ObjectiveProgress:
    actions = list(objective.actions_in(year))
    shown = tuple(
        ActionProgress(
            text=" ".join(action.text.split()),
            year=_written(action.year),
            state=action.state,
            evidence=" ".join(action.evidence.split()) if action.evidence else None,
            owners=tuple(owner_words(dataset, index, key) for key in action.owners),
            points=tuple(_flat(action.points)),
        )
        for action in actions
    )
    reasons = []
    if not objective.owners:
        silent = "owners" in objective.not_stated
        reasons.append(f"owner {_OWNERS_NOT_STATED if silent else _OWNERS_NOT_GIVEN}")
    if not any(action.progress for action in shown):
        when = f"for {year}" if year is not None else "with its reporting year not stated"
        if not actions:
            reasons.append(f"no action {when} in the plan")
        else:
            reasons.append(
                f"no action {when} is stated as completed or in progress: "
                + _state_summary(actions)
            )
    return ObjectiveProgress(
        id=objective.id,
        title=" ".join(objective.title.split()),
        part=objective.part.value,
        owners=tuple(owner_words(dataset, index, key) for key in objective.owners),
        owners_not_stated="owners" in objective.not_stated,
        joint_with=tuple(_name(dataset, index, key) for key in objective.joint_with),
        actions=shown,
        reasons=tuple(reasons),
    )


def _choose(dataset: Dataset, plan: str | None) -> tuple[Plan, ...]:
    if not dataset.plans:
        raise UsageError("the data holds no business plan")
    if plan is None:
        return dataset.plans
    found = Names(dataset).resolve(plan, Plan)
    assert isinstance(found, Plan)
    return (found,)


def plan_progress(
    dataset: Dataset,
    plan: str | None = None,
    year: str | PartialDate | None = None,
) -> tuple[PlanProgress, ...]:
    """The progress of ``plan`` (an id or title; every plan of ``dataset`` when None),
    one :class:`PlanProgress` per reporting year of its actions, earliest first; or
    of the reporting ``year`` only (``"2021-22"``, ``"2021 to 2022"`` or a
    :class:`PartialDate`), for the plans that have actions in it.

    Raises :class:`~safeguarding_model.errors.UsageError` when the data holds no plan,
    and when no plan chosen has an action in ``year`` (naming the years there are).
    """
    plans = _choose(dataset, plan)
    asked = None
    if year is not None:
        asked = str(year if isinstance(year, PartialDate) else reporting_year(year))
    index = dataset.index()
    found = []
    for chosen in plans:
        years = list(reporting_years(chosen))
        if asked is not None:
            if asked not in years:
                continue
            years = [asked]
        for current in years:
            found.append(
                PlanProgress(
                    plan=chosen.id,
                    title=" ".join(chosen.title.split()),
                    partnership=_name(dataset, index, chosen.partnership),
                    period=_written(chosen.period),
                    year=current,
                    objectives=tuple(
                        _objective(dataset, index, o, current)
                        for o in chosen.objectives
                        if o.in_year(current)
                    ),
                    other_years=tuple(
                        " ".join(o.title.split())
                        for o in chosen.objectives
                        if not o.in_year(current)
                    ),
                )
            )
    if asked is not None and not found:
        there = sorted({y for p in plans for y in reporting_years(p) if y is not None})
        raise UsageError(
            f"no action of {'the plan' if len(plans) == 1 else 'any plan'} is for the "
            f"reporting year {asked}; the years of its actions are: "
            + (", ".join(there) if there else "none given")
        )
    return tuple(found)


# --- words -------------------------------------------------------------------------


def _heading(report: PlanProgress) -> str:
    return f"{report.title}: {report.year_words}"


def _shortfall_line(objective: ObjectiveProgress) -> str:
    return f"{objective.title} — {'; '.join(objective.reasons)}"


def progress_text(reports: tuple[PlanProgress, ...]) -> str:
    """The reports for people: each plan and year, each objective with its owners and
    actions, then the priorities with little or no evidence of progress."""
    out: list[str] = []
    for report in reports:
        if out:
            out.append("")
        title = _heading(report)
        out += [title, "=" * len(title)]
        period = f", {report.period}" if report.period else ""
        out.append(f"Plan of {report.partnership}{period} ({report.plan})")
        for objective in report.objectives:
            out.append("")
            out.append(f"{objective.part_words}: {objective.title}")
            out.append(f"  owners: {objective.owners_words}")
            if objective.joint_with:
                out.append(f"  run with: {'; '.join(objective.joint_with)}")
            if not objective.actions:
                out.append(f"  actions for {report.year_words}: none in the plan")
            for action in objective.actions:
                out.append(f"  - [{action.state_words}] {action.text}")
                out += [f"      * {point}" for point in action.points]
                if action.owners:
                    out.append(f"    owners: {'; '.join(action.owners)}")
                if action.evidence:
                    out.append(f"    evidence: {action.evidence}")
        if report.other_years:
            out.append("")
            left = len(report.other_years)
            out.append(f"Activities of other reporting years, left out ({left}):")
            out += [f"  - {title}" for title in report.other_years]
        shortfall = report.without_progress
        out.append("")
        out.append(
            f"Little or no evidence of progress in the data, {report.year_words} "
            f"({len(shortfall)} of {len(report.objectives)}):"
        )
        out += [f"  - {_shortfall_line(o)}" for o in shortfall] or ["  (none listed)"]
    return "\n".join(out)


def progress_data(reports: tuple[PlanProgress, ...]) -> dict[str, Any]:
    """The reports as JSON-ready data: ``state`` is the document's state (its value,
    ``completed``, ``in-progress``...) or null when not stated."""
    return {
        "reports": [
            {
                "plan": report.plan,
                "title": report.title,
                "partnership": report.partnership,
                "period": report.period,
                "year": report.year,
                "objectives": [
                    {
                        "id": o.id,
                        "title": o.title,
                        "part": o.part,
                        "owners": list(o.owners),
                        "owners_not_stated": o.owners_not_stated,
                        "joint_with": list(o.joint_with),
                        "actions": [
                            {
                                "text": a.text,
                                "state": a.state.value if a.state is not None else None,
                                "evidence": a.evidence,
                                "owners": list(a.owners),
                                "points": list(a.points),
                            }
                            for a in o.actions
                        ],
                        "evidence_of_progress": o.evidence_of_progress,
                        "little_or_no_evidence": o.little_or_no_evidence,
                        "reasons": list(o.reasons),
                    }
                    for o in report.objectives
                ],
                "little_or_no_evidence": [o.id for o in report.without_progress],
                "other_years": list(report.other_years),
            }
            for report in reports
        ]
    }


_TABLE_HEADER = ("Objective", "Part", "Owners", "Run with", "Action", "State", "Evidence")


def _table_rows(report: PlanProgress) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for o in report.objectives:
        common = (o.title, o.part_words, o.owners_words, "; ".join(o.joint_with))
        if not o.actions:
            rows.append((*common, f"none for {report.year_words} in the plan", "", ""))
        for a in o.actions:
            text = " ".join([a.text, *(f"• {point}" for point in a.points)])
            rows.append((*common, text, a.state_words, a.evidence or ""))
    return rows


def _report_section(report: PlanProgress) -> Section:
    """One plan in one year as a section: the table, the activities of other years,
    and the priorities with little or no evidence of progress."""
    period = f", {report.period}" if report.period else ""
    blocks: list[Block] = [
        Paragraph(content=f"Plan of {report.partnership}{period} ({report.plan})."),
        Table(
            header=_TABLE_HEADER,
            rows=tuple(_table_rows(report)),
            caption=f"{report.title}: objectives and actions, {report.year_words}",
        ),
    ]
    if report.other_years:
        blocks.append(
            Paragraph(
                content=f"Activities of other reporting years, left out "
                f"({len(report.other_years)}): " + "; ".join(report.other_years)
            )
        )
    shortfall = report.without_progress
    blocks.append(
        Paragraph(
            content=f"Little or no evidence of progress in the data, {report.year_words} "
            f"({len(shortfall)} of {len(report.objectives)}):"
        )
    )
    if shortfall:
        blocks.append(
            ItemList(items=tuple(ListItem(content=_shortfall_line(o)) for o in shortfall))
        )
    else:
        blocks.append(
            Paragraph(
                content="None listed: every priority has an owner and an action stated as "
                "completed or in progress."
            )
        )
    return Section(title=_heading(report), blocks=tuple(blocks))


DOCUMENT_TITLE = "Progress of business plans"
"""The title of :func:`progress_document`."""


def progress_document(reports: tuple[PlanProgress, ...]) -> Document:
    """The reports as a document tree (a section per plan and year), for the Markdown,
    HTML and Word writers: ``plan --format markdown`` renders it."""
    return Document(
        kind="plan-progress",
        title=DOCUMENT_TITLE,
        sections=tuple(_report_section(report) for report in reports),
    )


CSV_HEADER = (
    "plan",
    "year",
    "part",
    "objective_id",
    "objective",
    "owners",
    "run_with",
    "action",
    "points",
    "state",
    "evidence",
    "evidence_of_progress",
    "reasons",
)
"""The columns of :func:`progress_rows`."""


def progress_rows(reports: tuple[PlanProgress, ...]) -> list[tuple[str, ...]]:
    """The reports as CSV rows, the header first: one row per action, and one with
    an empty action for an objective with none in the year. ``points`` holds the
    action's points, one a line; ``state`` the document's state or ``not stated``;
    ``evidence_of_progress`` ``yes`` or ``no``."""
    rows: list[tuple[str, ...]] = [CSV_HEADER]
    for report in reports:
        for o in report.objectives:
            common = (
                report.plan,
                report.year or "",
                o.part_words,
                o.id,
                o.title,
                o.owners_words,
                "; ".join(o.joint_with),
            )
            tail = ("yes" if o.evidence_of_progress else "no", "; ".join(o.reasons))
            if not o.actions:
                rows.append((*common, "", "", "", "", *tail))
            for a in o.actions:
                points = "\n".join(a.points)
                rows.append((*common, a.text, points, a.state_words, a.evidence or "", *tail))
    return rows


SECTION_TITLE = "Progress on agreed priorities"
"""The title of the yearly report's section (:func:`progress_section`)."""


def progress_section(
    dataset: Dataset, partnership: str, year: str | PartialDate | None = None
) -> Section:
    """The yearly report's section on progress on agreed priorities for the
    partnership with id ``partnership``: for each of its plans and each reporting year
    (or ``year`` only), a table of objectives, owners, actions and states, and the
    priorities with little or no evidence of progress; then a placeholder for the
    person writing the report. A partnership with no plan in the data, or none with
    actions in ``year``, gets a note saying so and the placeholder."""
    prompt = Placeholder(
        prompt="Progress on each agreed priority during the year, and an analysis of any "
        "areas where there has been little or no evidence of progress."
    )
    plans = [p for p in dataset.plans if p.partnership == partnership]
    reports: tuple[PlanProgress, ...] = ()
    for plan in plans:
        try:
            reports += plan_progress(dataset, plan.id, year)
        except UsageError:  # no action of this plan in the year
            continue
    if not reports:
        what = "no business plan" if not plans else f"no plan action for {year}"
        note = Paragraph(content=f"The data holds {what} for this partnership.", note=True)
        return Section(title=SECTION_TITLE, blocks=(note, prompt))
    sections = [_report_section(report) for report in reports]
    return Section(title=SECTION_TITLE, blocks=(prompt,), sections=tuple(sections))


# --- a plan in brief, for ``show`` -------------------------------------------------


def plan_summary(
    dataset: Dataset,
    plan: Plan,
    *,
    source: Dataset | None = None,
    at: Span | None = None,
) -> dict[str, Any]:
    """A plan in brief, as plain data (``show`` prints it): its title, period and
    refresh, how many strategic objectives (Part A) and activities (Part B) it has,
    who owns them (each owner once, in the plan's order, with how many it owns), how
    many have owners not stated in the source (``owners_not_stated``) or not given at
    all (``owners_not_given``: unknown, never "none"), whom they are run with, who
    reviews progress, and the reporting years of its actions.

    ``dataset`` may be a view on a date: then ``source`` is the dataset as given, and
    an objective whose owners the date left out is counted apart
    (``owners_did_not_stand``, with the owners' names and dates read against ``at``),
    never as not given, and so are the partners it is run with that the date left out
    (``joint_with_did_not_stand``)."""
    index = dataset.index()
    given = source.index() if source is not None and source is not dataset else None
    owners: dict[str, dict[str, Any]] = {}
    partners: dict[str, dict[str, Any]] = {}
    partners_gone: dict[str, dict[str, Any]] = {}
    not_stated = not_given = 0
    gone: list[dict[str, Any]] = []
    for objective in plan.objectives:
        for key in objective.owners:
            entry = owners.setdefault(
                key, {"id": key, "name": owner_words(dataset, index, key), "objectives": 0}
            )
            entry["objectives"] += 1
        for key in objective.joint_with:
            entry = partners.setdefault(
                key, {"id": key, "name": _name(dataset, index, key), "objectives": 0}
            )
            entry["objectives"] += 1
        was = given.get(objective.id) if given is not None else None
        if isinstance(was, Objective) and source is not None and given is not None:
            for key in was.joint_with:
                if key not in objective.joint_with:
                    entry = partners_gone.setdefault(
                        key, {**_gone_owner(source, given, key, at), "objectives": 0}
                    )
                    entry["objectives"] += 1
        if objective.owners:
            continue
        if isinstance(was, Objective) and was.owners and source is not None and given is not None:
            left = [_gone_owner(source, given, key, at) for key in was.owners]
            title = " ".join(objective.title.split())
            gone.append({"objective": objective.id, "title": title, "owners": left})
        elif "owners" in objective.not_stated:
            not_stated += 1
        else:
            not_given += 1
    years = reporting_years(plan)
    return {
        "id": plan.id,
        "title": " ".join(plan.title.split()),
        "period": _written(plan.period),
        "refresh": plan.refresh,
        "objectives": sum(o.part is PlanPart.STRATEGIC_OBJECTIVE for o in plan.objectives),
        "activities": sum(o.part is PlanPart.ACTIVITY for o in plan.objectives),
        "owners": list(owners.values()),
        "owners_not_stated": not_stated,
        "owners_not_given": not_given,
        "owners_did_not_stand": gone,
        "joint_with": list(partners.values()),
        "joint_with_did_not_stand": list(partners_gone.values()),
        "reviews": [
            {
                "by": [{"id": key, "name": _name(dataset, index, key)} for key in review.by],
                "every": review.every.label if review.every else review.every_text,
                "text": review.text,
            }
            for review in plan.reviews
        ],
        "years": [year if year is not None else YEAR_NOT_STATED for year in years],
        "not_stated": list(plan.not_stated),
    }


def _gone_owner(
    source: Dataset, index: dict[str, Entity], key: str, at: Span | None
) -> dict[str, Any]:
    """An owner or partner a date left out: its name, and its dates in words."""
    entity = index.get(key)
    start, end = getattr(entity, "start", None), getattr(entity, "end", None)
    planned = bool(getattr(entity, "planned", False))
    dates = dated_words(start, end, at, planned=planned) if at is not None else ""
    return {"id": key, "name": " ".join(source.name_of(key, index).split()), "dates": dates}
