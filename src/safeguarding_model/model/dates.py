"""The structure as it stood on a date: a dataset with everything the date excludes
left out.

A date is a ``PartialDate`` (``2023``, ``2023-06``, ``2023-06-30``), a
``datetime.date`` or such text. It covers a span of days (June 2023 is the 1st to the
30th). Something with a ``start`` and an ``end`` stands on the date unless its dates
exclude the whole span: it started after the span's last day, or ended before its
first day. A date given by month or year covers its whole month or year, so a group
that ended "2023" still stands on 2023-06 (it may have ended in December): nothing is
left out on a guess.

What the date excludes: partnerships (before their start or their arrangements'
``effective`` date, after their end), organisations, groups, collaborations and
posts; chairs, members, reporting and escalation lines, regimes, lead and delegated
partners, scrutineers and relevant agencies; practice tools (before their launch,
after they stopped being used); meetings that had not yet taken place. References to
anything left out go with it (a member entry naming a post that had ended, a line to
a group that had closed, a chair held by that post, a relevant agency that had been
replaced, a succession from a body that had ended, a yearly report's presenter or
recipient, a meeting item's presenter, a plan's reviewer, a link to an objective of a
plan left out, a tool a tool replaced), and a group whose parent group is left out
sits under no group: the view loads as a file of its own. What belongs to a body
left out goes with it: its meetings and contacts, a course only it offered, a tool
only it adopted, a plan of its own.
What is planned is left out on every date: it is not known to have happened. A post
whose holder a document names on a date (``known_on``) keeps its holder only on dates
that meet the document's: on others, who held it is not known. A delegated partner
goes with the lead partner it acts for. What is left is named as it was on the date
(an organisation's former name whose dates cover it).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from ..errors import UsageError
from .arrangements import GovernedDocument
from .collaboration import Collaboration
from .dataset import Dataset, worked_out
from .groups import Chair, Group, Line, Member, ReportingLine
from .meetings import Contact, Course, Meeting, Tool
from .organisations import Organisation, Post
from .partnership import LeadPartner, Partnership, PublishedReport
from .plans import Plan
from .values import FieldError, FormerName, PartialDate, Succession

__all__ = [
    "Day",
    "OnDate",
    "Span",
    "as_of",
    "covers",
    "former_name_on",
    "name_on",
    "partnership_stands",
    "earlier",
    "later",
    "parse_date",
    "span_of",
    "stands",
    "written",
]

Day = tuple[int, int, int]
Span = tuple[Day, Day]
OnDate = PartialDate | datetime.date | str | int

T = TypeVar("T")
L = TypeVar("L", bound=Line)
E = TypeVar("E", GovernedDocument, Tool, Meeting, Course, Contact)


def parse_date(text: str) -> PartialDate:
    """A date asked for in words (``--on 2023-06``), or a :class:`UsageError` that says
    what is wrong with it: not a date at all, a day or month that does not exist, or
    a date written another way (``2023-9``: did you mean ``2023-09``?)."""
    try:
        return PartialDate.from_string(text)
    except FieldError as error:
        suggestion = PartialDate.suggestion(text)
        if suggestion is not None:
            reason = f"write it {suggestion}"
        elif error.field in ("month", "day"):
            reason = f"its {error.field} must be {error.expected.removeprefix(f'a {error.field} ')}"
        else:
            reason = "write it 2023, 2023-06 or 2023-06-30"
        raise UsageError(f"{text!r} is not a date: {reason}") from None


def span_of(on: OnDate) -> Span:
    """The first and last day a date covers, as (year, month, day) tuples. A whole
    number is a year."""
    if isinstance(on, int) and not isinstance(on, bool):
        on = str(on)
    if isinstance(on, str):
        on = parse_date(on)
    if not isinstance(on, PartialDate | datetime.date):
        raise UsageError(
            f"a date is asked for, found {type(on).__name__}: give 2023, 2023-06 or "
            "2023-06-30, a datetime.date or a PartialDate"
        )
    if isinstance(on, datetime.date):
        day = (on.year, on.month, on.day)
        return day, day
    return on.first_day(), on.last_day()


def date_text(on: OnDate) -> str:
    """A date as it is written: ``2023-06``."""
    if isinstance(on, datetime.date):
        return on.isoformat()
    return str(on)


def stands(start: PartialDate | None, end: PartialDate | None, span: Span) -> bool:
    """Whether something dated ``start`` to ``end`` stands on some day of ``span``."""
    first, last = span
    if start is not None and start.first_day() > last:
        return False
    return not (end is not None and end.last_day() < first)


def later(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    """The later of two start dates (either may be unknown)."""
    if a is None or b is None:
        return a or b
    return a if a.first_day() >= b.first_day() else b


def earlier(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    """The earlier of two end dates (either may be unknown)."""
    if a is None or b is None:
        return a or b
    return a if a.last_day() <= b.last_day() else b


def written(value: PartialDate | None) -> str | None:
    """A date as written, or None."""
    return None if value is None else str(value)


def _dated(value: Any, span: Span) -> bool:
    if getattr(value, "planned", False):
        return False  # not known to have happened on any date
    return stands(value.start, value.end, span)


def unstated_on(entity: T, span: Span) -> T:
    """``entity`` with the fields its ``not_stated_for`` periods cover on ``span`` set
    to unknown: left at their defaults and listed in ``not_stated``. A period that
    only partly overlaps the span counts: the view says no more than the data."""
    periods = getattr(entity, "not_stated_for", ())
    if not periods:
        return entity
    covered = [p.field for p in periods if stands(p.start, p.end, span)]
    if not covered:
        return entity
    cls: Any = type(entity)
    defaults = {f.name: f.default for f in attrs.fields(cls)}
    changes: dict[str, Any] = {name: defaults[name] for name in covered}
    listed = getattr(entity, "not_stated", ())
    changes["not_stated"] = (*listed, *(name for name in covered if name not in listed))
    changes["not_stated_for"] = tuple(p for p in periods if p.field not in covered)
    return attrs.evolve(entity, **changes)  # type: ignore[misc]


def covers(start: PartialDate | None, end: PartialDate | None, span: Span) -> bool:
    """Whether something dated ``start`` to ``end`` surely stood on every day of
    ``span``: at least one date is known, and neither leaves room for doubt."""
    if start is None and end is None:
        return False
    first, last = span
    if start is not None and start.last_day() > first:
        return False
    return not (end is not None and end.first_day() < last)


def former_name_on(former_names: tuple[FormerName, ...], span: Span) -> FormerName | None:
    """The former name (of ``former_names``, newest first) in use on ``span``, or None
    for the entity's own name.

    A former name surely in use comes first: its dates cover the span and, where it
    gives no start, the name before it surely ended before the span began (a name is
    not taken to have been in use since before the one it followed). Failing that,
    when the own name was surely not yet in use (the newest former name surely still
    was after the span), the newest former name that may have been in use: never a
    name the dates rule out."""
    for index, former in enumerate(former_names):
        if not covers(former.start, former.end, span):
            continue
        if former.start is None and index + 1 < len(former_names):
            older = former_names[index + 1].end
            if older is None or older.last_day() >= span[0]:
                continue
        return former
    newest = former_names[0].end if former_names else None
    if newest is not None and newest.first_day() > span[1]:
        for former in former_names:
            if stands(former.start, former.end, span):
                return former
    return None


def name_on(entity: T, span: Span) -> T:
    """``entity`` (an organisation, partnership or collaboration) with the name it
    went by on ``span``: the former name surely in use then (:func:`former_name_on`),
    else its own name."""
    former = former_name_on(getattr(entity, "former_names", ()), span)
    if former is None:
        return entity
    changes: dict[str, object] = {"name": former.name, "short_name": former.short_name}
    not_stated = getattr(entity, "not_stated", ())
    if former.short_name is not None and "short_name" in not_stated:
        # the short name the source does not give is today's: the former one is known
        changes["not_stated"] = tuple(field for field in not_stated if field != "short_name")
    return attrs.evolve(entity, **changes)  # type: ignore[misc]


def after_source(partnership: Partnership, span: Span) -> PartialDate | None:
    """The publication date of a partnership's source when ``span`` falls wholly after
    it and the partnership has not ended: what the source does not date is then read
    as it was at publication, and may have changed since. None otherwise."""
    source = partnership.source
    if source is None or source.published is None or partnership.end is not None:
        return None
    return source.published if span[0] > source.published.last_day() else None


def partnership_stands(partnership: Partnership, span: Span) -> bool:
    """Whether a partnership, and these arrangements of it, stood on ``span``: it had
    started and not ended, and the arrangements had taken effect."""
    return stands(later(partnership.start, partnership.effective), partnership.end, span)


def as_of(dataset: Dataset, on: OnDate) -> tuple[Dataset, tuple[str, ...]]:
    """``dataset`` as it stood on ``on``, and the ids of the partnerships, groups,
    collaborations, organisations, posts, documents, plans, meetings, courses, tools
    and contacts left out (in file order). Everything left is named as it was on the
    date.

    A dataset as it stood on a date is given back as it is when asked for that date
    again (it would come out the same, with nothing left out: a test checks that), so
    that a view passed on to code that views it again costs nothing."""
    span = span_of(on)
    if span in _viewed(dataset):
        return dataset, ()
    dropped: list[str] = []
    organisations = []
    for organisation in dataset.organisations:
        if _dated(organisation, span):
            organisations.append(organisation)
        else:
            dropped.append(organisation.id)
    gone_organisations = set(dropped)
    posts = []
    unknown_holders: set[str] = set()
    for post in dataset.posts:
        if _dated(post, span) and post.organisation not in gone_organisations:
            known = post.known_on
            if known is not None and not stands(known, known, span):
                # named by a document of another date: who held it then is not known
                post = attrs.evolve(post, holder=None, known_on=None, acting=False)
                unknown_holders.add(post.id)
            posts.append(post)
        else:
            dropped.append(post.id)
    partnerships = []
    for partnership in dataset.partnerships:
        if partnership_stands(partnership, span):
            # fields not stated on the date first, so that groups not stated then are
            # left out with the references to them
            unstated = unstated_on(partnership, span)
            if unstated is not partnership:
                kept = {group.id for group in unstated.groups}
                dropped += [g.id for g in partnership.groups if g.id not in kept]
            partnerships.append(unstated)
        else:
            dropped.append(partnership.id)
            dropped += [group.id for group in partnership.groups]
    collaborations = []
    for collaboration in dataset.collaborations:
        if _dated(collaboration, span):
            collaborations.append(collaboration)
        else:
            dropped.append(collaboration.id)
            dropped += [group.id for group in collaboration.groups]
    owners: list[Partnership | Collaboration] = [*partnerships, *collaborations]
    for owner in owners:
        dropped += [group.id for group in owner.groups if not _dated(group, span)]
    kept_ids = {organisation.id for organisation in organisations}
    kept_ids.update(person.id for person in dataset.people)
    kept_ids.update(post.id for post in posts)
    kept_ids.update(partnership.id for partnership in partnerships)
    kept_ids.update(collaboration.id for collaboration in collaborations)
    for owner in owners:
        kept_ids.update(group.id for group in owner.groups if _dated(group, span))

    def keep(items: tuple[E, ...], stood: Callable[[E], bool]) -> list[E]:
        """The ``items`` that ``stood``; the ids of the others join those left out."""
        found = []
        for item in items:
            if stood(item):
                found.append(item)
            else:
                dropped.append(item.id)
        return found

    documents = keep(dataset.documents, lambda d: _dated(d, span) and d.owner in kept_ids)
    kept_ids.update(document.id for document in documents)
    plans = []
    for plan in dataset.plans:
        if plan.partnership in kept_ids:
            plans.append(plan)
        else:
            dropped.append(plan.id)
            dropped += [objective.id for objective in plan.objectives]
    kept_ids.update(plan.id for plan in plans)
    kept_ids.update(objective.id for plan in plans for objective in plan.objectives)
    # a tool in use then, adopted by a body that stood (or by none the data names)
    tools = keep(
        dataset.tools,
        lambda t: _dated(t, span) and (not t.adopted_by or bool(set(t.adopted_by) & kept_ids)),
    )
    kept_ids.update(tool.id for tool in tools)
    # a meeting that had taken place by the date, of a body that stood then
    meetings = keep(
        dataset.meetings, lambda m: m.body in kept_ids and m.date.first_day() <= span[1]
    )
    courses = keep(dataset.courses, lambda c: not c.by or bool(set(c.by) & kept_ids))
    contacts = keep(dataset.contacts, lambda c: c.of in kept_ids)
    gone = frozenset(key for key in dropped if key not in kept_ids)
    filtered = _Filter(span, gone, frozenset(unknown_holders))
    result = attrs.evolve(
        dataset,
        organisations=tuple(filtered.organisation(o) for o in organisations),
        posts=tuple(filtered.post(p) for p in posts),
        partnerships=tuple(filtered.partnership(p) for p in partnerships),
        collaborations=tuple(filtered.collaboration(c) for c in collaborations),
        documents=tuple(filtered.document(d) for d in documents),
        plans=tuple(filtered.plan(p) for p in plans),
        meetings=tuple(filtered.meeting(m) for m in meetings),
        courses=tuple(filtered.without_gone(c, "by") for c in courses),
        tools=tuple(filtered.without_gone(t, "adopted_by", "replaces") for t in tools),
        contacts=tuple(contacts),
    )
    _viewed(result).add(span)
    return result, tuple(dict.fromkeys(key for key in dropped if key in gone))


def _viewed(dataset: Dataset) -> set[Span]:
    """The spans ``dataset`` is the view on (those :func:`as_of` made it for)."""
    spans: set[Span] = worked_out(dataset, "viewed on", lambda _: set())
    return spans


def _same(old: tuple[T, ...], new: tuple[T, ...]) -> tuple[T, ...]:
    """``old`` when ``new`` holds the very same values, else ``new``: a view shares the
    tuples a date leaves as they were."""
    if len(old) == len(new) and all(a is b for a, b in zip(old, new, strict=True)):
        return old
    return new


def _evolved(value: T, **changes: Any) -> T:
    """``value`` with ``changes``, or ``value`` itself when each change is the very
    object it holds already: a view shares what a date leaves as it was, so that it
    takes little memory beside the dataset it views."""
    for name, new in changes.items():
        if getattr(value, name) is not new:
            return attrs.evolve(value, **changes)  # type: ignore[misc]
    return value


class _Filter:
    def __init__(
        self, span: Span, gone: frozenset[str], unknown_holders: frozenset[str] = frozenset()
    ) -> None:
        self.span = span
        self.gone = gone
        self.unknown_holders = unknown_holders
        """Posts whose holder the view does not know: the document's words that name
        the holder (a chair's or member's ``text``) go with the holder."""

    def keep(self, values: tuple[T, ...], change: Callable[[T], T | None]) -> tuple[T, ...]:
        """The ``values`` that stood on the span, each as ``change`` gives it (None:
        left out); ``values`` itself when that leaves every one as it was."""
        found = []
        same = True
        for value in values:
            if not _dated(value, self.span):
                same = False
                continue
            changed = change(value)
            if changed is not value:
                same = False
            if changed is not None:
                found.append(changed)
        return values if same else tuple(found)

    def ids(self, values: tuple[str, ...]) -> tuple[str, ...]:
        """The ids the view keeps; ``values`` itself when it keeps them all."""
        if self.gone.isdisjoint(values):
            return values
        return tuple(key for key in values if key not in self.gone)

    def unless_gone(self, *fields: str) -> Callable[[T], T | None]:
        """Keep a value unless one of ``fields`` names something left out."""
        gone = self.gone

        def change(value: T) -> T | None:
            return None if any(getattr(value, f) in gone for f in fields) else value

        return change

    def successions(self, found: tuple[Succession, ...]) -> tuple[Succession, ...]:
        """The predecessors that the view keeps (a succession from a body left out goes
        with it; who decided it, when left out, is no longer named)."""
        if not any(s.of in self.gone or s.decided_by in self.gone for s in found):
            return found
        return tuple(
            attrs.evolve(s, decided_by=None) if s.decided_by in self.gone else s
            for s in found
            if s.of not in self.gone
        )

    def report(self, report: PublishedReport) -> PublishedReport:
        """A yearly report naming only who and what the view keeps."""
        gone = self.gone
        if not ({report.presented_by, *report.presented_to, *report.sent_to} & gone):
            return report
        return attrs.evolve(
            report,
            presented_by=None if report.presented_by in gone else report.presented_by,
            presented_to=self.ids(report.presented_to),
            sent_to=self.ids(report.sent_to),
        )

    def some_gone(self, value: Any, *fields: str) -> bool:
        """Whether any of ``fields`` of ``value`` (ids or lists of ids) names
        something left out."""
        for name in fields:
            found = getattr(value, name)
            keys = found if isinstance(found, tuple) else (found,)
            if any(key in self.gone for key in keys):
                return True
        return False

    def without_gone(self, value: T, *fields: str) -> T:
        """``value`` with the ids left out removed from ``fields`` (an id becomes None,
        a list loses the entry)."""
        if not self.some_gone(value, *fields):
            return value
        changes: dict[str, Any] = {}
        for name in fields:
            found = getattr(value, name)
            if isinstance(found, tuple):
                changes[name] = self.ids(found)
            elif found in self.gone:
                changes[name] = None
        return attrs.evolve(value, **changes)  # type: ignore[misc]

    def post(self, post: Post) -> Post:
        return self.without_gone(post, "also_chairs")

    def plan(self, plan: Plan) -> Plan:
        """A plan naming only the owners, partners, reviewers and linked objectives the
        view keeps (a plan is not dated; its actions carry their reporting years). A
        progress review left with neither a reviewer nor its words goes."""
        objectives = tuple(
            _evolved(
                self.without_gone(objective, "owners", "joint_with"),
                actions=_same(
                    objective.actions,
                    tuple(self.without_gone(a, "owners") for a in objective.actions),
                ),
                links=_same(
                    objective.links,
                    tuple(link for link in objective.links if link.to not in self.gone),
                ),
            )
            for objective in plan.objectives
        )
        reviews = tuple(
            self.without_gone(review, "by")
            for review in plan.reviews
            if review.text or self.ids(review.by)
        )
        return _evolved(
            plan,
            objectives=_same(plan.objectives, objectives),
            reviews=_same(plan.reviews, reviews),
        )

    def meeting(self, meeting: Meeting) -> Meeting:
        """A meeting whose items name only who the view keeps as having brought them."""
        items = tuple(self.without_gone(item, "by") for item in meeting.items)
        return _evolved(meeting, items=_same(meeting.items, items))

    def document(self, document: GovernedDocument) -> GovernedDocument:
        return self.without_gone(document, "monitored_by", "delivered_by", "delivers")

    def organisation(self, organisation: Organisation) -> Organisation:
        organisation = self.without_gone(organisation, "parent", "owned_by", "delivers_for")
        if organisation.parent in self.gone:
            organisation = attrs.evolve(organisation, parent=None)
        predecessors = self.successions(organisation.predecessors)
        if predecessors is not organisation.predecessors:
            organisation = attrs.evolve(organisation, predecessors=predecessors)
        return name_on(organisation, self.span)

    def line(self, line: L) -> L | None:
        """A line to what the view keeps: a target left out goes, and the line goes
        when none of its targets (nor the body it is from) is kept."""
        if isinstance(line, ReportingLine) and line.by in self.gone:
            return None
        line = self.without_gone(line, "via")
        if not self.some_gone(line, "to", "alternatives"):
            return line
        targets = self.ids(line.targets)
        if not targets:
            return None
        return attrs.evolve(line, to=targets[0], alternatives=targets[1:])

    def chairs(self, owner: T) -> T:
        """``owner`` (a group or partnership) with the chairs the view keeps. A chair
        named only by a document of another date (``known_on``) is not known on this
        one: when no chair is left, the chair is not stated."""
        chairs: tuple[Chair, ...] = owner.chairs  # type: ignore[attr-defined]
        kept = self.keep(chairs, self.chair)
        not_stated: tuple[str, ...] = owner.not_stated  # type: ignore[attr-defined]
        unknown = not kept and any(c.known_on for c in chairs) and "chairs" not in not_stated
        if unknown:
            return attrs.evolve(owner, chairs=kept, not_stated=(*not_stated, "chairs"))  # type: ignore[misc]
        return _evolved(owner, chairs=kept)

    def chair(self, chair: Chair) -> Chair | None:
        if chair.known_on is not None and not stands(chair.known_on, chair.known_on, self.span):
            return None
        if chair.post in self.unknown_holders and chair.text is not None:
            chair = attrs.evolve(chair, text=None)
        if chair.person in self.gone or chair.organisation in self.gone:
            return None
        post = None if chair.post in self.gone else chair.post
        nominated = None if chair.nominated_by in self.gone else chair.nominated_by
        rotates = self.ids(chair.rotates_among)
        if (post, nominated, rotates) == (chair.post, chair.nominated_by, chair.rotates_among):
            return chair
        named = post or chair.person or chair.organisation or chair.one_of
        if not (named or chair.partnership_chair or nominated or rotates):
            return None
        return attrs.evolve(chair, post=post, nominated_by=nominated, rotates_among=rotates)

    def member(self, member: Member) -> Member | None:
        if member.post in self.gone or member.organisation in self.gone:
            return None
        if member.post in self.unknown_holders and member.text is not None:
            member = attrs.evolve(member, text=None)
        if member.chair_of:
            chair_of = self.ids(member.chair_of)
            if not chair_of:
                return None
            if chair_of != member.chair_of:
                return attrs.evolve(member, chair_of=chair_of)
        return member

    def group(self, group: Group) -> Group:
        group = self.chairs(unstated_on(group, self.span))
        return _evolved(
            group,
            parent=None if group.parent in self.gone else group.parent,
            joint_with=self.ids(group.joint_with),
            covers=self.ids(group.covers),
            members=self.keep(group.members, self.member),
            reports_to=self.keep(group.reports_to, self.line),
            escalates_to=self.keep(group.escalates_to, self.line),
            predecessors=self.successions(group.predecessors),
        )

    def groups(self, groups: tuple[Group, ...]) -> tuple[Group, ...]:
        return self.keep(groups, self.group)

    def lead(self, lead: LeadPartner) -> LeadPartner | None:
        if lead.organisation in self.gone:
            return None
        return self.without_gone(lead, "post", "through")

    def partnership(self, p: Partnership) -> Partnership:
        gone = self.gone
        procedures = p.procedures
        if procedures is not None and procedures.collaboration in gone:
            procedures = attrs.evolve(procedures, collaboration=None)
        area = p.area
        if area is not None and set(area.local_authorities) & gone:
            area = attrs.evolve(area, local_authorities=self.ids(area.local_authorities))
        p = self.chairs(unstated_on(p, self.span))
        funding = p.funding
        if funding is not None:
            shared = self.ids(funding.shared_with)
            funding = attrs.evolve(
                self.without_gone(funding, "agreed_by"),
                support_in_kind=tuple(
                    s for s in funding.support_in_kind if s.organisation not in gone
                ),
                contributions=tuple(
                    self.without_gone(c, "on_behalf_of")
                    for c in funding.contributions
                    if c.organisation not in gone
                    and (c.period is None or stands(c.period, c.period, self.span))
                ),
                hosted_by=None if funding.hosted_by in gone else funding.hosted_by,
                shared_with=shared,
                # a share of a body the view leaves out goes, and with no body left to
                # share it with, the budget is not shown as split
                split=tuple(s for s in funding.split if s.body not in gone) if shared else (),
            )
        sectors = []
        for rep in p.sector_representation:
            if rep.sector in gone:
                continue
            if rep.via in gone or set(rep.groups) & gone:
                rep = attrs.evolve(
                    rep, via=None if rep.via in gone else rep.via, groups=self.ids(rep.groups)
                )
            sectors.append(rep)
        view = name_on(
            attrs.evolve(
                p,
                regimes=self.keep(p.regimes, lambda regime: regime),
                area=area,
                lead_partners=self.keep(p.lead_partners, self.lead),
                delegated_partners=self.keep(
                    p.delegated_partners, self.unless_gone("post", "organisation")
                ),
                members=self.keep(p.members, self.member),
                collaborations=self.ids(p.collaborations),
                scrutineers=self.keep(p.scrutineers, self.unless_gone("post")),
                relevant_agencies=self.keep(p.relevant_agencies, self.unless_gone("organisation")),
                sector_representation=tuple(sectors),
                observers=tuple(
                    o for o in p.observers if o.post not in gone and o.organisation not in gone
                ),
                functional_links=tuple(
                    link for link in p.functional_links if link.organisation not in gone
                ),
                groups=self.groups(p.groups),
                reports_to=self.keep(p.reports_to, self.line),
                escalates_to=self.keep(p.escalates_to, self.line),
                lines=self.keep(p.lines, self.line),
                scrutiny=self.keep(p.scrutiny, lambda s: self.without_gone(s, "by")),
                events=self.keep(p.events, lambda e: self.without_gone(e, "by", "to")),
                duties=tuple(d for d in p.duties if d.post not in gone),
                approval=None if p.approval is None else self.without_gone(p.approval, "by"),
                yearly_reports=tuple(
                    self.report(report)
                    for report in p.yearly_reports
                    if report.published is None or report.published.first_day() <= self.span[1]
                ),
                predecessors=self.successions(p.predecessors),
                funding=funding,
                procedures=procedures,
            ),
            self.span,
        )
        # A delegation goes with the lead partner it was made by: one whose lead
        # partner the date leaves out did not stand either.
        delegated = tuple(
            d for d in view.delegated_partners if view.lead_for(d) or not p.lead_for(d)
        )
        if len(delegated) != len(view.delegated_partners):
            view = attrs.evolve(view, delegated_partners=delegated)
        return view

    def collaboration(self, c: Collaboration) -> Collaboration:
        return name_on(
            _evolved(
                c,
                members=self.ids(c.members),
                areas=self.ids(c.areas),
                groups=self.groups(c.groups),
                lines=self.keep(c.lines, self.line),
                predecessors=self.successions(c.predecessors),
            ),
            self.span,
        )
