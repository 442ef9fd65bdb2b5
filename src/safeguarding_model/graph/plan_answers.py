"""The questions of business plans, answered from the graph: what a group, post,
organisation or person owns, the objectives and activities whose owner the data does
not give, the ones run jointly with other partnerships or a collaboration, and each
plan's progress by reporting year and by state.

The graph gives who owns what (``owns`` edges), which plan an objective belongs to
(``part-of``) and whom it is run with (``joint-with``); the model gives the actions,
their reporting years and their states. The words never say more than the data:

- an action whose state no document gives is **not stated**: never "planned", never
  "no progress"; an objective **shows progress** in a year when one of its actions
  for that year is stated as completed or in progress (a document's claim);
- an objective whose owners the data does not give is **unknown**, never "no owner":
  the format cannot record that a priority has none. ``unowned`` says which are
  recorded as not stated in the source and which the data simply does not give; on a
  date, an objective whose owners did not stand then says so, with their dates;
- reporting years are matched as written (``2020 to 2021`` is not ``2020-04 to
  2021-03``), and a year's progress holds the strategic objectives (Part A) and the
  activities (Part B) that are not another year's, as ``safeguarding-model plan`` does.

Each function takes a ``GovernanceGraph``; ``GovernanceGraph`` has a method for each.
Every question visits each plan, objective and action at most once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from ..model import Action, ActionState, Objective, Plan, PlanPart
from ..model.dates import written
from ..model.names import kind_word
from ..model.plans import reporting_years
from .answers import Ref, _Answer
from .kinds import EdgeKind, NodeKind

if TYPE_CHECKING:
    from .governance import GovernanceGraph

__all__ = [
    "JointItem",
    "JointWork",
    "ObjectiveStates",
    "Owned",
    "Ownership",
    "PartnerWork",
    "PlanStates",
    "PlanYear",
    "Progress",
    "StateCount",
    "UnownedItem",
    "Unowned",
    "YearStates",
    "joint",
    "owns",
    "progress",
    "unowned",
]

OWNER_KINDS = (NodeKind.GROUP, NodeKind.ORGANISATION, NodeKind.POST, NodeKind.PERSON)
"""What ``owns`` takes: an objective's owners are groups, organisations and posts; a
person owns through the posts they hold."""

NOT_STATED = "not stated"
"""The state of an action no document gives a state."""

YEAR_NOT_STATED = "reporting year not stated"

NO_PLAN = "the data holds no business plan"

NOT_GIVEN = "not given in the data"
"""Owners the data does not give, nor records as not stated: unknown, never none."""

_PARTS = {PlanPart.STRATEGIC_OBJECTIVE.value: "Part A", PlanPart.ACTIVITY.value: "Part B"}

UNOWNED_REASONS = {
    "not-stated": "owners not stated in the source",
    "not-given": f"owners {NOT_GIVEN}",
    "did-not-stand": "its owners did not stand on the date",
}
"""Why an objective is listed by ``unowned``, by the ``reason`` it carries."""


def _one(text: str) -> str:
    return " ".join(text.split())


def _year_words(year: str | None) -> str:
    return year if year is not None else YEAR_NOT_STATED


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _head(what: str, listed: int, total: int, plans: int) -> str:
    """The first line of a list of objectives: "<what>: 3 of 7, in 1 plan"."""
    return f"{what}: {listed} of {total}, in {_plural(plans, 'plan', 'plans')}"


def _title(part: str, objective: Ref) -> str:
    """An objective in a list: "Part A: Responding to Neglect (its-id)"."""
    return f"{_PARTS.get(part, part)}: {_one(objective.name)} ({objective.id})"


# --- answers ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class StateCount(_Answer):
    """How many actions are in one ``state`` (an ``ActionState`` value, or None: not
    stated)."""

    state: str | None
    count: int

    @property
    def words(self) -> str:
        """``2 completed``, ``1 in progress``, ``3 not stated``."""
        label = ActionState(self.state).label if self.state is not None else NOT_STATED
        return f"{self.count} {label}"


def _counts(actions: Iterable[Action]) -> tuple[StateCount, ...]:
    """The actions counted by state, in the order of ``ActionState``, not stated last."""
    found = Counter(a.state.value if a.state is not None else None for a in actions)
    order: list[str | None] = [*(s.value for s in ActionState), None]
    return tuple(StateCount(state=s, count=found[s]) for s in order if found[s])


def _counts_words(states: tuple[StateCount, ...]) -> str:
    return ", ".join(count.words for count in states)


@attrs.frozen(kw_only=True)
class YearStates(_Answer):
    """One objective's actions for one reporting ``year`` (as written; None: not
    stated): how many, by state, and whether one is stated as completed or in progress
    (``progress``)."""

    year: str | None
    actions: int
    states: tuple[StateCount, ...]
    progress: bool

    def __str__(self) -> str:
        return f"{_year_words(self.year)}: {_counts_words(self.states)}"


def _years_of(objective: Objective, years: tuple[str | None, ...]) -> tuple[YearStates, ...]:
    """An objective's actions year by year, in the plan's order of years."""
    found = []
    for year in years:
        actions = objective.actions_in(year)
        if actions:
            found.append(
                YearStates(
                    year=year,
                    actions=len(actions),
                    states=_counts(actions),
                    progress=any(a.progress for a in actions),
                )
            )
    return tuple(found)


@attrs.frozen(kw_only=True)
class Owned(_Answer):
    """An objective or activity (``objective``, ``part``) of a ``plan`` that a body
    owns: as one of its owners (``capacity`` ``owner``), or as an owner of one of its
    actions (``capacity`` ``action``, the action's text in ``action``, its reporting
    ``year`` and ``state``: None, not stated). ``through`` is the post or part of an
    organisation through which it owns, when not directly. ``co_owners`` are the other
    owners of the objective (or of the action): it is owned jointly with them;
    ``joint_with`` the partnerships, collaborations or organisations the objective is
    run with; ``years`` its actions year by year (for an owner of the objective)."""

    objective: Ref
    part: str
    plan: Ref
    period: str | None = None
    capacity: str = "owner"
    through: Ref | None = None
    co_owners: tuple[Ref, ...] = ()
    joint_with: tuple[Ref, ...] = ()
    action: str | None = None
    year: str | None = None
    state: str | None = None
    years: tuple[YearStates, ...] = ()

    @property
    def part_words(self) -> str:
        """``Part A`` or ``Part B``."""
        return _PARTS.get(self.part, self.part)

    def lines(self) -> list[str]:
        """The entry as text, one line each."""
        head = _title(self.part, self.objective)
        if self.capacity == "action":
            state = ActionState(self.state).label if self.state is not None else NOT_STATED
            head += f": owner of an action for {_year_words(self.year)} [{state}]"
        else:
            head += ": owner"
        if self.through is not None:
            head += f", through {_one(self.through.named)}"
        out = [head]
        if self.action:
            out.append(f'  "{_one(self.action)}"')
        if self.co_owners:
            whose = "the action" if self.capacity == "action" else "it"
            others = "; ".join(_one(ref.named) for ref in self.co_owners)
            out.append(f"  owns {whose} jointly with: {others}")
        if self.joint_with:
            out.append("  run with: " + "; ".join(_one(ref.named) for ref in self.joint_with))
        if self.capacity != "action":
            out += [f"  {year}" for year in self.years] or ["  no action in the plan"]
        return out


@attrs.frozen(kw_only=True)
class Ownership(_Answer):
    """What ``who`` owns in the business plans, in the plans' order: each objective or
    activity it owns, and each action it owns of another (see :class:`Owned`).
    ``plans`` is the number of plans in the data (none: the data holds no plan, so
    nothing can be said to be owned)."""

    who: Ref
    owned: tuple[Owned, ...]
    plans: int

    @property
    def objectives(self) -> tuple[Ref, ...]:
        """The objectives and activities it owns (as an owner, not of an action only),
        each once."""
        seen = {o.objective.id: o.objective for o in self.owned if o.capacity == "owner"}
        return tuple(seen.values())

    def __str__(self) -> str:
        who = f"{_one(self.who.name)} ({self.who.id})"
        if not self.plans:
            return f"{who} owns nothing that the data can show: {NO_PLAN}."
        if not self.owned:
            return f"{who} owns no objective, activity or action of the plans in this data."
        owned = self.objectives
        others = {o.objective.id for o in self.owned} - {ref.id for ref in owned}
        what = _plural(len(owned), "objective or activity", "objectives and activities")
        head = f"{who} owns {what}"
        if others:
            head += f", and actions of {_plural(len(others), 'other', 'others')}"
        plans = list(dict.fromkeys(o.plan.id for o in self.owned))
        out = [head + f", in {_plural(len(plans), 'plan', 'plans')}"]
        for plan in plans:
            entries = [o for o in self.owned if o.plan.id == plan]
            period = f" ({entries[0].period})" if entries[0].period else ""
            out.append(f"  {_one(entries[0].plan.name)}{period}")
            out += [f"    {line}" for entry in entries for line in entry.lines()]
        return "\n".join(out)


@attrs.frozen(kw_only=True)
class UnownedItem(_Answer):
    """An objective or activity whose owner the data does not give, and why
    (``reason``, a key of :data:`UNOWNED_REASONS`): ``not-stated``, its owners are
    recorded as not stated in the source; ``not-given``, the data gives none and does
    not record why (unknown: never "no owner"); ``did-not-stand``, on the date asked
    its owners (``did_not_stand``, with their dates) did not stand. ``action_owners``
    are the owners the data gives for some of its actions."""

    objective: Ref
    part: str
    plan: Ref
    reason: str
    action_owners: tuple[Ref, ...] = ()
    did_not_stand: tuple[Ref, ...] = ()

    @property
    def reason_words(self) -> str:
        """Why it is listed, in words."""
        if self.reason == "did-not-stand":
            return "its owners did not stand on the date: " + "; ".join(
                _one(ref.named) for ref in self.did_not_stand
            )
        return UNOWNED_REASONS[self.reason]


@attrs.frozen(kw_only=True)
class Unowned(_Answer):
    """The objectives and activities of ``plans`` whose owner the data does not give,
    in the plans' order, out of ``objectives`` in all."""

    plans: tuple[Ref, ...]
    objectives: int
    entries: tuple[UnownedItem, ...]

    def __str__(self) -> str:
        if not self.plans:
            return f"No objective or activity to ask about: {NO_PLAN}."
        what = "Objectives and activities whose owner the data does not give"
        out = [_head(what, len(self.entries), self.objectives, len(self.plans))]
        for plan in self.plans:
            entries = [e for e in self.entries if e.plan.id == plan.id]
            if not entries:
                out.append(f"  {_one(plan.name)}: the data gives owners for every one")
                continue
            out.append(f"  {_one(plan.name)}")
            for e in entries:
                out.append(f"    {_title(e.part, e.objective)}: {e.reason_words}")
                if e.action_owners:
                    owners = "; ".join(_one(ref.named) for ref in e.action_owners)
                    out.append(f"      owners of some of its actions: {owners}")
        if any(e.reason == "not-given" for e in self.entries):
            out.append(
                "Owners not given are unknown, not none: the data does not say these have no owner."
            )
        return "\n".join(out)


@attrs.frozen(kw_only=True)
class JointItem(_Answer):
    """An objective or activity run jointly: its ``plan`` and the ``partnership`` (or
    collaboration) whose plan it is, whom it is run with (``joint_with``: partnerships,
    collaborations or organisations), its ``owners`` (``owners_not_stated`` when the
    source does not give them), and the document's words about it (``text``: "To be
    undertaken in partnership with ..."). On a date, ``did_not_stand`` names the
    partners it is run with that did not stand then."""

    objective: Ref
    part: str
    plan: Ref
    partnership: Ref
    joint_with: tuple[Ref, ...]
    owners: tuple[Ref, ...] = ()
    owners_not_stated: bool = False
    text: str | None = None
    did_not_stand: tuple[Ref, ...] = ()


@attrs.frozen(kw_only=True)
class PartnerWork(_Answer):
    """A partner and the objectives run with it, in the plans' order."""

    partner: Ref
    objectives: tuple[Ref, ...]


@attrs.frozen(kw_only=True)
class JointWork(_Answer):
    """The objectives and activities of ``plans`` run jointly with other partnerships,
    a collaboration or an organisation (their ``joint_with``), in the plans' order, out
    of ``objectives`` in all; ``partners`` lists each partner with the objectives run
    with it."""

    plans: tuple[Ref, ...]
    objectives: int
    entries: tuple[JointItem, ...]
    partners: tuple[PartnerWork, ...] = ()

    def __str__(self) -> str:
        if not self.plans:
            return f"No objective or activity to ask about: {NO_PLAN}."
        what = "Objectives and activities run jointly"
        out = [_head(what, len(self.entries), self.objectives, len(self.plans))]
        for plan in self.plans:
            entries = [e for e in self.entries if e.plan.id == plan.id]
            if not entries:
                out.append(f"  {_one(plan.name)}: none is run jointly, as the data gives it")
                continue
            out.append(f"  {_one(plan.name)}, of {_one(entries[0].partnership.name)}")
            for e in entries:
                out.append(f"    {_title(e.part, e.objective)}")
                partners = "; ".join(f"{_one(r.named)} [{r.kind}]" for r in e.joint_with)
                if partners:
                    out.append(f"      run with: {partners}")
                if e.did_not_stand:
                    gone = "; ".join(_one(r.named) for r in e.did_not_stand)
                    out.append(f"      run with, but did not stand on the date: {gone}")
                if e.owners:
                    out.append("      owners: " + "; ".join(_one(r.named) for r in e.owners))
                else:
                    why = "not stated in the source" if e.owners_not_stated else NOT_GIVEN
                    out.append(f"      owners: {why}")
                if e.text:
                    out.append(f'      "{_one(e.text)}"')
        if self.partners:
            out.append("With each partner:")
            for work in self.partners:
                titles = "; ".join(_one(ref.name) for ref in work.objectives)
                out.append(f"  {_one(work.partner.name)} ({len(work.objectives)}): {titles}")
        return "\n".join(out)


@attrs.frozen(kw_only=True)
class ObjectiveStates(_Answer):
    """One objective or activity in a reporting year: its actions for the year, by
    state (none: no action for the year in the plan), and whether one is stated as
    completed or in progress (``progress``)."""

    objective: Ref
    part: str
    actions: int
    states: tuple[StateCount, ...]
    progress: bool


@attrs.frozen(kw_only=True)
class PlanYear(_Answer):
    """A plan in one reporting ``year`` (as written; None: the actions whose year is
    not stated): its actions by state, each objective and activity the year holds, and
    the activities of other years (``other_years``, left out)."""

    year: str | None
    actions: int
    states: tuple[StateCount, ...]
    objectives: tuple[ObjectiveStates, ...]
    other_years: tuple[Ref, ...] = ()

    @property
    def with_progress(self) -> tuple[Ref, ...]:
        """The objectives and activities with an action for the year stated as
        completed or in progress."""
        return tuple(o.objective for o in self.objectives if o.progress)


@attrs.frozen(kw_only=True)
class PlanStates(_Answer):
    """A plan (of ``partnership``, for ``period``) year by year, earliest first."""

    plan: Ref
    partnership: Ref
    period: str | None
    years: tuple[PlanYear, ...]


@attrs.frozen(kw_only=True)
class Progress(_Answer):
    """Each plan's progress by reporting year and by state of its actions."""

    plans: tuple[PlanStates, ...]

    def __str__(self) -> str:
        if not self.plans:
            return f"No progress to report: {NO_PLAN}."
        out: list[str] = []
        for plan in self.plans:
            period = f", {plan.period}" if plan.period else ""
            out.append(
                f"{_one(plan.plan.name)} ({plan.plan.id}){period}: progress by reporting "
                "year and state of its actions"
            )
            if not plan.years:
                out.append("  no action in the plan")
            for year in plan.years:
                shown = len(year.with_progress)
                out.append(
                    f"  {_year_words(year.year)}: "
                    f"{_plural(year.actions, 'action', 'actions')} "
                    f"({_counts_words(year.states)}); {shown} of {len(year.objectives)} "
                    "objectives and activities have an action stated as completed or in progress"
                )
                for o in year.objectives:
                    part = _PARTS.get(o.part, o.part)
                    said = (
                        _counts_words(o.states)
                        if o.actions
                        else f"no action for {_year_words(year.year)} in the plan"
                    )
                    out.append(f"    {part}: {_one(o.objective.name)}: {said}")
                if year.other_years:
                    left = len(year.other_years)
                    out.append(f"    activities of other reporting years, left out: {left}")
        if any(c.state is None for p in self.plans for y in p.years for c in y.states):
            out.append(
                '"Not stated": the data gives the action no state, which is neither '
                '"planned" nor "no progress".'
            )
        return "\n".join(out)


# --- questions ----------------------------------------------------------------------


def _plans(gg: GovernanceGraph, plan: str | None) -> list[Plan]:
    """The plans asked about, in the data's order: all of the graph's, or the one
    named (by id or title)."""
    if plan is not None:
        key = gg.resolve(plan, NodeKind.PLAN)
        return [p for p in gg.dataset.plans if p.id == key and gg.index.kept(p)]
    return [p for p in gg.dataset.plans if gg.index.kept(p) and p.id in gg.graph]


def _objectives(gg: GovernanceGraph, plan: Plan) -> list[Objective]:
    return [o for o in plan.objectives if gg.index.kept(o) and o.id in gg.graph]


def _refs(gg: GovernanceGraph, keys: Iterable[str]) -> tuple[Ref, ...]:
    return tuple(gg.ref(key) for key in keys if key in gg.graph)


def _source_index(gg: GovernanceGraph) -> dict[str, Any] | None:
    """The index of the dataset as given, when the graph is of a date (else None)."""
    return gg.source.index() if gg.on is not None else None


def _gone(
    gg: GovernanceGraph, index: dict[str, Any] | None, objective: Objective, field: str
) -> tuple[Ref, ...]:
    """On a date, the entries of ``objective``'s ``field`` (``owners``,
    ``joint_with``) in the dataset as given (``index``, its index) that the date left
    out, as references with their dates."""
    found = index.get(objective.id) if index is not None else None
    if not isinstance(found, Objective) or index is None:
        return ()
    kept = set(getattr(objective, field))
    refs = []
    for key in getattr(found, field):
        if key in kept:
            continue
        entity = index.get(key)
        start = written(getattr(entity, "start", None))
        end = written(getattr(entity, "end", None))
        planned = bool(getattr(entity, "planned", False))
        refs.append(
            Ref(
                id=key,
                kind=kind_word(entity) if entity is not None else "unknown",
                name=gg.source.name_of(key, index),
                start=start,
                end=end,
                status=gg.status({"start": start, "end": end, "planned": planned}),
            )
        )
    return tuple(refs)


def _holders(gg: GovernanceGraph, key: str) -> list[tuple[str, Ref | None]]:
    """The nodes through which ``key`` owns, with the one it owns through (None:
    directly): a person through the posts they hold; an organisation directly, through
    its posts, and through its parts and their posts."""
    kind = gg.graph.nodes[key]["kind"]
    if kind == NodeKind.PERSON.value:
        return [(post, gg.ref(post)) for post, _, _ in gg.out_edges(key, EdgeKind.HOLDS_POST)]
    if kind != NodeKind.ORGANISATION.value:
        return [(key, None)]
    found: list[tuple[str, Ref | None]] = []
    seen: set[str] = set()
    queue = [key]
    while queue:
        org = queue.pop(0)
        if org in seen:
            continue
        seen.add(org)
        found.append((org, None if org == key else gg.ref(org)))
        for source, kinds in _into(gg, org, EdgeKind.POST_IN, EdgeKind.PART_OF):
            node_kind = gg.graph.nodes[source]["kind"]
            if EdgeKind.POST_IN.value in kinds and node_kind == NodeKind.POST.value:
                found.append((source, gg.ref(source)))
            if EdgeKind.PART_OF.value in kinds and node_kind == NodeKind.ORGANISATION.value:
                queue.append(source)
    return found


def _into(gg: GovernanceGraph, node: str, *kinds: EdgeKind) -> list[tuple[str, set[str]]]:
    """The nodes with an edge of ``kinds`` into ``node``, in the model's order, each
    with the kinds of its edges."""
    wanted = {k.value for k in kinds}
    order = gg.order
    found: dict[str, tuple[int, set[str]]] = {}
    for source, keyed in gg.graph.pred[node].items():
        for key, data in keyed.items():
            if data["kind"] in wanted:
                first, seen = found.get(source, (order[(source, node, key)], set()))
                seen.add(data["kind"])
                found[source] = (min(first, order[(source, node, key)]), seen)
    return [(s, seen) for s, (_, seen) in sorted(found.items(), key=lambda item: item[1][0])]


def owns(gg: GovernanceGraph, who: str) -> Ownership:
    """What a group, organisation, post or person owns in the business plans: each
    objective or activity it owns (with its co-owners, the partnerships it is run
    with, and its actions year by year, by state), and each action it owns of another;
    a person through the posts they hold, an organisation directly, through its posts
    and through its parts."""
    key = gg.resolve(who, *OWNER_KINDS)
    plans = _plans(gg, None)
    where: dict[str, tuple[int, Plan, Objective]] = {}
    for plan in plans:
        for objective in _objectives(gg, plan):
            where[objective.id] = (len(where), plan, objective)
    found: list[tuple[tuple[int, int, int], Owned]] = []
    seen: set[tuple[str, str, str]] = set()
    for node, through in _holders(gg, key):
        for target, _, data in gg.out_edges(node, EdgeKind.OWNS):
            capacity = "action" if data.get("capacity") == "action" else "owner"
            if target not in where or (target, node, capacity) in seen:
                continue
            seen.add((target, node, capacity))
            position, plan, objective = where[target]
            common: dict[str, Any] = {
                "objective": gg.ref(target),
                "part": objective.part.value,
                "plan": gg.ref(plan.id),
                "period": written(plan.period),
                "through": through,
                "joint_with": _refs(gg, objective.joint_with),
            }
            if capacity == "owner":
                entry = Owned(
                    **common,
                    co_owners=_refs(gg, (k for k in objective.owners if k != node)),
                    years=_years_of(objective, reporting_years(plan)),
                )
                found.append(((position, 0, 0), entry))
                continue
            for number, action in enumerate(objective.actions):
                if node not in action.owners:
                    continue
                entry = Owned(
                    **common,
                    capacity="action",
                    co_owners=_refs(gg, (k for k in action.owners if k != node)),
                    action=action.text,
                    year=action.year_written,
                    state=action.state.value if action.state is not None else None,
                )
                found.append(((position, 1, number), entry))
    found.sort(key=lambda item: item[0])
    return Ownership(who=gg.ref(key), owned=tuple(entry for _, entry in found), plans=len(plans))


def unowned(gg: GovernanceGraph, plan: str | None = None) -> Unowned:
    """The objectives and activities (of ``plan``, by id or title; of every plan when
    None) whose owner the data does not give: recorded as not stated in the source,
    not given at all (unknown, never "no owner"), or, on a date, given but not standing
    then."""
    plans = _plans(gg, plan)
    source = _source_index(gg)
    entries = []
    total = 0
    for chosen in plans:
        for objective in _objectives(gg, chosen):
            total += 1
            if objective.owners:
                continue
            gone = _gone(gg, source, objective, "owners")
            if gone:
                reason = "did-not-stand"
            elif "owners" in objective.not_stated:
                reason = "not-stated"
            else:
                reason = "not-given"
            action_owners = dict.fromkeys(k for a in objective.actions for k in a.owners)
            entries.append(
                UnownedItem(
                    objective=gg.ref(objective.id),
                    part=objective.part.value,
                    plan=gg.ref(chosen.id),
                    reason=reason,
                    action_owners=_refs(gg, action_owners),
                    did_not_stand=gone,
                )
            )
    return Unowned(
        plans=tuple(gg.ref(p.id) for p in plans), objectives=total, entries=tuple(entries)
    )


def joint(gg: GovernanceGraph, plan: str | None = None) -> JointWork:
    """The objectives and activities (of ``plan``; of every plan when None) run
    jointly with other partnerships, a collaboration or an organisation, as the plans
    say (``joint_with``), with whom, and who owns them; and each partner with the
    objectives run with it."""
    plans = _plans(gg, plan)
    source = _source_index(gg)
    entries = []
    total = 0
    partners: dict[str, tuple[Ref, list[Ref]]] = {}
    for chosen in plans:
        for objective in _objectives(gg, chosen):
            total += 1
            gone = _gone(gg, source, objective, "joint_with")
            if not objective.joint_with and not gone:
                continue
            ref = gg.ref(objective.id)
            with_whom = tuple(
                gg.ref(target) for target, _, _ in gg.out_edges(objective.id, EdgeKind.JOINT_WITH)
            )
            for partner in with_whom:
                partners.setdefault(partner.id, (partner, []))[1].append(ref)
            entries.append(
                JointItem(
                    objective=ref,
                    part=objective.part.value,
                    plan=gg.ref(chosen.id),
                    partnership=gg.ref(chosen.partnership),
                    joint_with=with_whom,
                    owners=_refs(gg, objective.owners),
                    owners_not_stated="owners" in objective.not_stated,
                    text=objective.description,
                    did_not_stand=gone,
                )
            )
    return JointWork(
        plans=tuple(gg.ref(p.id) for p in plans),
        objectives=total,
        entries=tuple(entries),
        partners=tuple(
            PartnerWork(partner=partner, objectives=tuple(refs))
            for partner, refs in partners.values()
        ),
    )


def progress(gg: GovernanceGraph, plan: str | None = None) -> Progress:
    """Each plan's (``plan`` only, when given) progress by reporting year, earliest
    first, and by state: its actions counted by state, and each objective and activity
    the year holds with its actions for the year by state; the activities of other
    years apart."""
    found = []
    for chosen in _plans(gg, plan):
        objectives = _objectives(gg, chosen)
        years = []
        for year in reporting_years(chosen):
            held = [o for o in objectives if o.in_year(year)]
            actions = [a for o in held for a in o.actions_in(year)]
            years.append(
                PlanYear(
                    year=year,
                    actions=len(actions),
                    states=_counts(actions),
                    objectives=tuple(
                        ObjectiveStates(
                            objective=gg.ref(o.id),
                            part=o.part.value,
                            actions=len(o.actions_in(year)),
                            states=_counts(o.actions_in(year)),
                            progress=any(a.progress for a in o.actions_in(year)),
                        )
                        for o in held
                    ),
                    other_years=tuple(gg.ref(o.id) for o in objectives if not o.in_year(year)),
                )
            )
        found.append(
            PlanStates(
                plan=gg.ref(chosen.id),
                partnership=gg.ref(chosen.partnership),
                period=written(chosen.period),
                years=tuple(years),
            )
        )
    return Progress(plans=tuple(found))
