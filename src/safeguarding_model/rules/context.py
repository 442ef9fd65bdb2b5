"""What a rule's check receives: the partnership as it stood on the date checked, and
helpers to look things up and to say what it finds.

A check is a function ``check(context)`` that yields what it finds, made with
:meth:`Context.fail` (the requirement is not met), :meth:`Context.unknown` (the data
does not say enough to tell) or :meth:`Context.note` (a remark: what was found, or
something allowed that a reader may wonder about). Everything is read from
``context.partnership``, the partnership as it stood on the date (``context.on``):
what had ended, was not yet in place or is only planned is already left out.

>>> import safeguarding_model as sm
>>> from safeguarding_model.rules import Context
>>> context = Context.on_date(sm.load("isle-of-wight-2024"), "2024-09")
>>> context.name("chief-constable")
'Scott Chilton, Chief Constable, Hampshire and Isle of Wight Constabulary'
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ..errors import Severity, UsageError
from ..model import (
    Collaboration,
    Dataset,
    Entity,
    GovernedDocument,
    Group,
    Item,
    Organisation,
    OrganisationKind,
    PartialDate,
    PartialList,
    Partnership,
    Post,
)
from ..model.dates import OnDate, Span, as_of, date_text, span_of
from ..model.meaning import ModelIndex
from .instruments import InstrumentInfo, instrument
from .rule import Rule, RuleFinding

if TYPE_CHECKING:
    from ..graph import GovernanceGraph

__all__ = ["Context", "Words"]

Words = tuple[str, str]
"""A text the data keeps, with the path of the field that holds it."""


@attrs.define(kw_only=True)
class Context:
    """The partnership as it stood on a date, for one rule's check.

    ``source`` is the dataset as given and ``dataset`` the view on the date
    (:meth:`~safeguarding_model.model.Dataset.as_of`); ``partnership`` is the view's.
    ``on`` is the date checked and ``span`` its first and last day; ``edition`` the
    edition of Working Together the partnership is checked by (None before 29 June
    2018); ``assumptions`` the commencement dates given for provisions not yet in
    force (``{"s2": PartialDate}``); ``rule`` the rule being checked.
    """

    source: Dataset
    dataset: Dataset
    partnership: Partnership
    on: PartialDate | datetime.date
    span: Span
    edition: InstrumentInfo | None = None
    assumptions: Mapping[str, PartialDate] = attrs.Factory(dict)
    rule: Rule | None = None
    shared: dict[str, Any] = attrs.Factory(dict)
    """What the checks of one run share (the index, the governance graph), built once."""

    @classmethod
    def on_date(
        cls,
        dataset: Dataset,
        on: OnDate,
        partnership: str | None = None,
        edition: InstrumentInfo | None = None,
    ) -> Context:
        """A context for ``partnership`` (its id; the only one when None) of ``dataset``
        as it stood on ``on``: for trying a check by hand."""
        if isinstance(on, str | int):
            on = PartialDate.from_string(str(on))
        span = span_of(on)
        view, _ = as_of(dataset, on)
        found = [p for p in view.partnerships if partnership in (None, p.id)]
        if len(found) != 1:
            raise UsageError(f"no single partnership stood on {date_text(on)}: name one by id")
        return cls(
            source=dataset, dataset=view, partnership=found[0], on=on, span=span, edition=edition
        )

    def for_rule(self, rule: Rule) -> Context:
        """This context for ``rule`` (sharing what has been built)."""
        return attrs.evolve(self, rule=rule, shared=self.shared)

    @property
    def on_text(self) -> str:
        """The date checked, as written."""
        return date_text(self.on)

    # -- looking things up ---------------------------------------------------------------

    @property
    def index(self) -> dict[str, Entity]:
        """Every entity of the view by id."""
        found: dict[str, Entity] | None = self.shared.get("index")
        if found is None:
            found = self.shared["index"] = self.dataset.index()
        return found

    @property
    def meaning(self) -> ModelIndex:
        """What the view's references mean (roles, chairs, members), worked out once."""
        found: ModelIndex | None = self.shared.get("meaning")
        if found is None:
            found = self.shared["meaning"] = ModelIndex(self.dataset)
        return found

    @property
    def graph(self) -> GovernanceGraph:
        """The governance graph of the source on the date, built once (imports networkx)."""
        found: GovernanceGraph | None = self.shared.get("graph")
        if found is None:
            from ..graph import build_graph

            found = self.shared["graph"] = build_graph(self.source, on=self.on)
        return found

    def entity(self, key: str | None) -> Entity | None:
        """The entity of the view with this id, or None."""
        return None if key is None else self.index.get(key)

    def organisation(self, key: str | None) -> Organisation | None:
        """The organisation with this id, or None."""
        found = self.entity(key)
        return found if isinstance(found, Organisation) else None

    def post(self, key: str | None) -> Post | None:
        """The post with this id, or None."""
        found = self.entity(key)
        return found if isinstance(found, Post) else None

    def kind(self, key: str | None) -> OrganisationKind | None:
        """The kind of the organisation with this id, or of a post's organisation."""
        post = self.post(key)
        if post is not None:
            key = post.organisation
        organisation = self.organisation(key)
        return None if organisation is None else organisation.kind

    def name(self, key: str | None) -> str:
        """A readable name for an id: a post with its holder and organisation."""
        return self.dataset.name_of(key, self.index)

    def stated(self, field: str) -> bool:
        """Whether the source gives the partnership's ``field`` (it is not in ``not_stated``)."""
        return field not in self.partnership.not_stated

    def partial(self, field: str) -> PartialList | None:
        """How the source gives the partnership's list ``field`` only in part, if it does."""
        return next((p for p in self.partnership.partial if p.field == field), None)

    def collaborations(self) -> list[Collaboration]:
        """The collaborations of the view the partnership is a member of."""
        return self.dataset.collaborations_of(self.partnership)

    def groups(self) -> list[tuple[Partnership | Collaboration, Group]]:
        """The partnership's groups, then those of its collaborations, with their owner."""
        found: list[tuple[Partnership | Collaboration, Group]] = [
            (self.partnership, group) for group in self.partnership.groups
        ]
        for collaboration in self.collaborations():
            found += [(collaboration, group) for group in collaboration.groups]
        return found

    # -- where in the model --------------------------------------------------------------

    def path(self, field: str | None = None, entry: object = None) -> str:
        """The path of the partnership (or of its ``field``, or of one ``entry`` of that
        list) in the dataset as given: ``partnerships[0].lead_partners[2]``."""
        owners = self.source.partnerships
        number = self._positions().get(self.partnership.id)
        base = "partnerships" if number is None else f"partnerships[{number}]"
        if field is None:
            return base
        if entry is None:
            return f"{base}.{field}"
        values = getattr(owners[number], field, ()) if number is not None else ()
        position = _position(values, entry)
        return f"{base}.{field}" + ("" if position is None else f"[{position}]")

    def group_path(self, group_id: str) -> str:
        """The path of a group (of the partnership or of a collaboration) as given."""
        return self._once("group paths", self.source, _group_paths).get(group_id) or self.path(
            "groups"
        )

    def _positions(self) -> dict[str, int]:
        """Where each partnership is in the dataset as given (the first, for an id given
        twice)."""
        return self._once("partnership positions", self.source, _partnership_positions)

    def _once(self, what: str, dataset: Dataset, make: Callable[[Dataset], _T]) -> _T:
        """``make(dataset)``, worked out once for the run (the checks of every
        partnership share it), not once a partnership."""
        key = f"{what} of {id(dataset)}"
        found: _T | None = self.shared.get(key)
        if found is None:
            found = self.shared[key] = make(dataset)
        return found

    # -- the words the data keeps ----------------------------------------------------------

    def words(self) -> Iterator[Words]:
        """Every text the data keeps of the partnership's arrangements (its own fields,
        its groups, the documents it owns, and the collaborations it belongs to), with
        the path of each, in file order."""
        p = self.partnership
        base = self.path()
        for field in ("vision", "purpose"):
            statement = getattr(p, field)
            if statement is not None:
                yield f"{base}.{field}", statement.text
                yield from _items(f"{base}.{field}.points", statement.points)
        if p.contact:
            yield f"{base}.contact", p.contact
        for field in ("values", "principles", "aims"):
            yield from _items(f"{base}.{field}", getattr(p, field))
        if p.area is not None:
            yield f"{base}.area", p.area.text
        if p.thresholds is not None:
            yield f"{base}.thresholds", p.thresholds.title
            if p.thresholds.text:
                yield f"{base}.thresholds", p.thresholds.text
        for chair in p.chairs:
            if chair.text:
                yield self.path("chairs", chair), chair.text
        for scrutineer in p.scrutineers:
            where = self.path("scrutineers", scrutineer)
            if scrutineer.text:
                yield where, scrutineer.text
            yield from _items(f"{where}.functions", scrutineer.functions)
        for mechanism in p.scrutiny:
            where = self.path("scrutiny", mechanism)
            for text in (mechanism.name, mechanism.text):
                if text:
                    yield where, text
            yield from _items(f"{where}.inputs", mechanism.inputs)
        for agency in p.relevant_agencies:
            if agency.footnote:
                yield self.path("relevant_agencies", agency), agency.footnote
        for rep in p.sector_representation:
            yield self.path("sector_representation", rep), rep.text
        for duty in p.duties:
            where = self.path("duties", duty)
            if duty.text:
                yield where, duty.text
            yield from _items(f"{where}.items", duty.items)
        for event in p.events:
            where = self.path("events", event)
            yield where, event.name
            if event.text:
                yield where, event.text
        for line in (*p.reports_to, *p.escalates_to, *p.lines):
            if line.text:
                yield self.path(), line.text
        if p.funding is not None:
            for text in (p.funding.text, p.funding.rule):
                if text:
                    yield f"{base}.funding", text
        if p.training is not None:
            yield from _items(f"{base}.training.elements", p.training.elements)
            if p.training.charging:
                yield f"{base}.training", p.training.charging
        if p.procedures is not None:
            yield f"{base}.procedures", p.procedures.name
            if p.procedures.text:
                yield f"{base}.procedures", p.procedures.text
            yield from _items(f"{base}.procedures.areas", p.procedures.areas)
        if p.yearly_report is not None:
            if p.yearly_report.text:
                yield f"{base}.yearly_report", p.yearly_report.text
            yield from _items(f"{base}.yearly_report.contents", p.yearly_report.contents)
        if p.review is not None and p.review.text:
            yield f"{base}.review", p.review.text
        for _, group in self.groups():
            yield from self._group_words(group)
        for i, collaboration in enumerate(self.collaborations()):
            where = f"collaborations[{self._collaboration_number(collaboration, i)}]"
            if collaboration.description:
                yield where, collaboration.description
            if collaboration.purpose is not None:
                yield where, collaboration.purpose.text
                yield from _items(f"{where}.purpose.points", collaboration.purpose.points)
            yield from _items(f"{where}.principles", collaboration.principles)
            yield from _items(f"{where}.background", collaboration.background)
            yield from _items(f"{where}.outcomes", collaboration.outcomes)
        owners = {p.id} | {g.id for _, g in self.groups()}
        for j, document in self._documents_owned_by(owners):
            where = f"documents[{j}]"
            yield where, document.title
            if document.text:
                yield where, document.text
            yield from _items(f"{where}.items", document.items)

    def _documents_owned_by(self, owners: set[str]) -> list[tuple[int, GovernedDocument]]:
        """The view's documents that ``owners`` own, with their positions, in order."""
        by_owner = self._once("documents by owner", self.dataset, _documents_by_owner)
        return sorted(found for owner in owners for found in by_owner.get(owner, ()))

    def _collaboration_number(self, collaboration: Collaboration, default: int) -> int:
        numbers = self._once("collaboration positions", self.source, _collaboration_positions)
        return numbers.get(collaboration.id, default)

    def _group_words(self, group: Group) -> Iterator[Words]:
        where = self.group_path(group.id)
        yield where, group.name
        if group.description:
            yield where, group.description
        yield from _items(f"{where}.objectives", group.objectives)
        yield from _items(f"{where}.responsibilities", group.responsibilities)
        for k, member in enumerate(group.members):
            if member.text:
                yield f"{where}.members[{k}]", member.text
        for k, chair in enumerate(group.chairs):
            if chair.text:
                yield f"{where}.chairs[{k}]", chair.text
        for line in (*group.reports_to, *group.escalates_to):
            if line.text:
                yield where, line.text

    def mentions(self, *patterns: str, words: Iterable[Words] | None = None) -> list[Words]:
        """The texts (of :meth:`words`, or of ``words``) that match any of the regular
        expressions ``patterns`` (case aside), each text once."""
        found = []
        compiled = [re.compile(pattern, re.IGNORECASE) for pattern in patterns]
        seen: set[str] = set()
        for where, text in self.words() if words is None else words:
            if text in seen:
                continue
            if any(pattern.search(text) for pattern in compiled):
                seen.add(text)
                found.append((where, text))
        return found

    # -- saying what was found -------------------------------------------------------------

    def _finding(
        self,
        message: str,
        severity: Severity,
        *,
        path: str,
        bodies: Iterable[str],
        text: str | None,
        expected: str | None,
        found: str | None,
        code: str | None,
        outcome: str = "note",
    ) -> RuleFinding:
        rule = self.rule
        if rule is None:
            raise UsageError("a finding is made for a rule: use context.for_rule(rule)")
        info = instrument(rule.instrument)
        status = rule.status
        return RuleFinding(
            message=message,
            code=code or rule.id,
            severity=rule.limit(severity),
            path=path,
            expected=expected,
            found=found,
            source=f"{info.cite(rule.reference)} ({status})",
            rule=rule.id,
            instrument=rule.instrument,
            reference=rule.reference,
            modality=rule.modality.value,
            evidence=None if rule.evidence is None else rule.evidence.value,
            advisory=rule.advisory,
            partnership=self.partnership.id,
            bodies=tuple(dict.fromkeys(bodies)),
            text=" ".join(text.split()) if text else None,
            outcome=outcome,
        )

    def fail(
        self,
        message: str,
        *,
        path: str | None = None,
        bodies: Iterable[str] = (),
        text: str | None = None,
        expected: str | None = None,
        found: str | None = None,
        code: str | None = None,
    ) -> RuleFinding:
        """A finding that the requirement is not met, at the rule's severity (an error
        for a ``must``), about ``path`` (by default the partnership) and ``bodies``
        (ids), quoting the source's ``text`` where the data keeps it."""
        return self._finding(
            message,
            Severity.ERROR,
            path=self.path() if path is None else path,
            bodies=bodies,
            text=text,
            expected=expected,
            found=found,
            code=code,
            outcome="not-met",
        )

    def unknown(
        self,
        message: str,
        *,
        path: str | None = None,
        bodies: Iterable[str] = (),
        text: str | None = None,
    ) -> RuleFinding:
        """Information that the data does not say enough to tell (the source does not
        state the field, or the format has no place for it): the rule's outcome is
        "cannot tell" unless it also fails."""
        return self._finding(
            message,
            Severity.INFO,
            path=self.path() if path is None else path,
            bodies=bodies,
            text=text,
            expected=None,
            found=None,
            code=None,
            outcome="cannot-tell",
        )

    def note(
        self,
        message: str,
        *,
        path: str | None = None,
        bodies: Iterable[str] = (),
        text: str | None = None,
        code: str | None = None,
        severity: Severity | str = Severity.INFO,
    ) -> RuleFinding:
        """A remark (information by default): what was found, or something allowed that
        a reader may wonder about. ``severity`` gives another, never more than the
        rule's own."""
        return self._finding(
            message,
            Severity(severity),
            path=self.path() if path is None else path,
            bodies=bodies,
            text=text,
            expected=None,
            found=None,
            code=code,
        )


def _items(where: str, items: tuple[Item, ...]) -> Iterator[Words]:
    for k, item in enumerate(items):
        yield f"{where}[{k}]", item.text
        yield from _items(f"{where}[{k}].points", item.points)


_KEYS: dict[str, tuple[str, ...]] = {
    "LeadPartner": ("role", "organisation"),
    "DelegatedPartner": ("post", "acts_for", "organisation"),
    "Chair": ("role", "post", "person", "organisation", "one_of", "partnership_chair"),
    "Scrutineer": ("post",),
    "RelevantAgency": ("organisation",),
    "SectorRepresentation": ("sector",),
    "ScrutinyMechanism": ("kind", "name"),
    "Duty": ("of",),
    "RecurringEvent": ("name",),
    "Regime": ("instrument",),
}


_T = TypeVar("_T")


def _group_paths(dataset: Dataset) -> dict[str, str]:
    """The path of every group (the first, for an id given twice)."""
    paths: dict[str, str] = {}
    for found in Dataset.collections():
        if "groups" not in attrs.fields_dict(found.item):
            continue
        for i, owner in enumerate(getattr(dataset, found.field)):
            for j, group in enumerate(owner.groups):
                paths.setdefault(group.id, f"{found.field}[{i}].groups[{j}]")
    return paths


def _partnership_positions(dataset: Dataset) -> dict[str, int]:
    found: dict[str, int] = {}
    for number, partnership in enumerate(dataset.partnerships):
        found.setdefault(partnership.id, number)
    return found


def _collaboration_positions(dataset: Dataset) -> dict[str, int]:
    found: dict[str, int] = {}
    for number, collaboration in enumerate(dataset.collaborations):
        found.setdefault(collaboration.id, number)
    return found


def _documents_by_owner(dataset: Dataset) -> dict[str | None, list[tuple[int, GovernedDocument]]]:
    found: dict[str | None, list[tuple[int, GovernedDocument]]] = {}
    for number, document in enumerate(dataset.documents):
        found.setdefault(document.owner, []).append((number, document))
    return found


def _position(values: Iterable[object], entry: object) -> int | None:
    """Where ``entry`` (from the view on a date) is in ``values`` (as given): the same
    object, an equal one, or one with the same id or key fields."""
    values = list(values)
    for i, value in enumerate(values):
        if value is entry:
            return i
    for i, value in enumerate(values):
        if value == entry:
            return i
    key = getattr(entry, "id", None)
    if key is not None:
        return next((i for i, v in enumerate(values) if getattr(v, "id", None) == key), None)
    fields = _KEYS.get(type(entry).__name__)
    if fields is None:
        return None
    wanted = tuple(getattr(entry, f, None) for f in fields)
    for i, value in enumerate(values):
        if type(value) is type(entry) and tuple(getattr(value, f, None) for f in fields) == wanted:
            return i
    return None
