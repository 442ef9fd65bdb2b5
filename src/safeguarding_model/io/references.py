"""Checks that span objects: every id unique, every reference resolved to the right kind.

The problems come back with the path of the offending field, so the loader can say
where in the file each one is. Messages name both ends of a dangling reference.
"""

from __future__ import annotations

import functools
import heapq
import math
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs

from ..errors import Diagnostic
from ..model import (
    Action,
    Approval,
    Area,
    BudgetShare,
    Chair,
    Collaboration,
    Contact,
    Contribution,
    Course,
    Dataset,
    DelegatedPartner,
    Duty,
    FunctionalLink,
    Funding,
    GovernedDocument,
    Group,
    LeadPartner,
    Line,
    Meeting,
    MeetingItem,
    Member,
    Objective,
    ObjectiveLink,
    Observer,
    Organisation,
    OrganisationKind,
    Partnership,
    Person,
    Plan,
    Post,
    Procedures,
    ProgressReview,
    PublishedReport,
    RecurringEvent,
    RelevantAgency,
    ReportingLine,
    Scrutineer,
    ScrutinyMechanism,
    SectorRepresentation,
    Succession,
    SupportInKind,
    Tool,
)
from ..model.names import KIND_WORDS, kind_word, kinds_text
from ..model.referencing import References, kept_references
from ..model.values import closest, with_article
from .reading import Path, path_text
from .text import MAX_PROBLEMS, Collector, shown

__all__ = ["MAX_PROBLEMS", "Dangling", "check_references", "duplicate_message"]

_BODY = (Group, Partnership, Collaboration, Organisation)

# class -> field -> (kinds of entity the id may name, how the message says it)
_REFERENCE_CLASSES: dict[type, dict[str, tuple[tuple[type, ...], str]]] = {
    Organisation: {
        "parent": ((Organisation,), "is part of"),
        "owned_by": ((Organisation,), "is owned by"),
        "delivers_for": ((Organisation,), "delivers services for"),
    },
    Post: {
        "organisation": ((Organisation,), "belongs to"),
        "holder": ((Person,), "is held by"),
        "also_chairs": ((Organisation,), "is held by the chair of"),
    },
    DelegatedPartner: {
        "post": ((Post,), "has as a delegated partner"),
        "organisation": ((Organisation,), "has a delegated partner acting for"),
    },
    LeadPartner: {
        "organisation": ((Organisation,), "has as a lead partner"),
        "post": ((Post,), "has as a lead partner"),
        "through": ((Organisation,), "has a lead partner acting through"),
    },
    Chair: {
        "post": ((Post,), "is chaired by"),
        "person": ((Person,), "is chaired by"),
        "organisation": ((Organisation,), "is chaired by"),
        "nominated_by": ((Group, Organisation), "has its chair nominated by"),
        "rotates_among": ((Organisation, Post), "has a chair that rotates among"),
    },
    Scrutineer: {"post": ((Post,), "is scrutinised by")},
    Area: {"local_authorities": ((Organisation,), "covers the area of")},
    RelevantAgency: {"organisation": ((Organisation,), "names as a relevant agency")},
    SectorRepresentation: {
        "sector": ((Organisation,), "represents the sector"),
        "via": ((Organisation,), "represents a sector through"),
        "groups": ((Group,), "represents a sector on"),
    },
    Observer: {
        "post": ((Post,), "has as a participating observer"),
        "organisation": ((Organisation,), "has as a participating observer"),
    },
    FunctionalLink: {"organisation": ((Organisation,), "links to")},
    Group: {
        "parent": ((Group,), "sits under"),
        "joint_with": ((Organisation, Partnership, Collaboration), "is joint with"),
        "covers": ((Organisation,), "covers the area of"),
    },
    Member: {
        "post": ((Post,), "has as a member"),
        "organisation": ((Organisation,), "has as a member"),
        "chair_of": ((Group,), "has as a member the chair of"),
    },
    Line: {
        "to": ((*_BODY, Post), "reports or escalates to"),
        "alternatives": ((*_BODY, Post), "reports or escalates, as an alternative, to"),
        "via": ((*_BODY, Post), "has a line through"),
    },
    ReportingLine: {
        "by": ((*_BODY, Post), "has a line from"),
        "to": ((*_BODY, Post), "has a line to"),
        "alternatives": ((*_BODY, Post), "has a line, as an alternative, to"),
        "via": ((*_BODY, Post), "has a line through"),
    },
    ScrutinyMechanism: {"by": ((*_BODY, Post, Person), "is scrutinised by")},
    RecurringEvent: {
        "by": ((*_BODY, Post), "has a recurring event or product by"),
        "to": ((*_BODY, Post), "has a recurring event or product for"),
    },
    Duty: {"post": ((Post,), "gives duties to")},
    Approval: {"by": ((*_BODY, Post, Person), "had its arrangements approved by")},
    Contribution: {
        "organisation": ((Organisation,), "is funded by"),
        "on_behalf_of": ((Organisation,), "is funded on behalf of"),
    },
    Funding: {
        "agreed_by": ((*_BODY, Post), "has its budget agreed by"),
        "hosted_by": ((Organisation, Partnership, Group), "has its budget hosted by"),
        "shared_with": ((Organisation, Partnership, Collaboration), "shares its budget with"),
    },
    BudgetShare: {"body": ((Organisation, Partnership, Collaboration), "shares its budget with")},
    Plan: {"partnership": ((Partnership, Collaboration), "is the plan of")},
    Partnership: {"collaborations": ((Collaboration,), "takes part in")},
    Objective: {
        "owners": ((Group, Organisation, Post), "is owned by"),
        "joint_with": ((Partnership, Collaboration, Organisation), "is run jointly with"),
    },
    Action: {"owners": ((Group, Organisation, Post), "has an action owned by")},
    ObjectiveLink: {"to": ((Objective,), "links to")},
    ProgressReview: {
        "by": ((Group, Post, Partnership, Organisation), "has its progress reviewed by")
    },
    Meeting: {"body": ((Group, Partnership, Collaboration), "is a meeting of")},
    MeetingItem: {"by": ((*_BODY, Post), "has a meeting item brought by")},
    Course: {"by": ((Partnership, Collaboration, Organisation), "is a course offered by")},
    Tool: {
        "adopted_by": ((Partnership, Collaboration), "is a tool adopted by"),
        "replaces": ((Tool,), "replaces"),
    },
    Contact: {"of": ((*_BODY, Post), "is how to contact")},
    GovernedDocument: {
        "owner": ((Partnership, Collaboration, Group), "is owned by"),
        "monitored_by": ((*_BODY, Post), "is monitored by"),
        "delivered_by": ((*_BODY, Post), "is delivered by"),
        "delivers": ((GovernedDocument,), "is a delivery plan for"),
    },
    SupportInKind: {"organisation": ((Organisation,), "is supported in kind by")},
    Procedures: {"collaboration": ((Collaboration,), "follows the procedures of")},
    Collaboration: {
        "members": ((Partnership, Organisation), "has as a member"),
        "areas": ((Organisation,), "spans the area of"),
    },
    Succession: {
        "of": (_BODY, "succeeds"),
        "decided_by": ((*_BODY, Post), "has a succession decided by"),
    },
    PublishedReport: {
        "presented_by": ((Post, Group, Organisation), "has a yearly report presented by"),
        "presented_to": ((*_BODY, Post), "has a yearly report presented to"),
        "sent_to": ((*_BODY, Post), "has a yearly report sent to"),
    },
}
# the same, with each kind in words (``organisation``), as ids are recorded
_REFERENCES: dict[type, dict[str, tuple[tuple[str, ...], str]]] = {
    cls: {
        field: (tuple(KIND_WORDS[kind] for kind in kinds), phrase)
        for field, (kinds, phrase) in fields.items()
    }
    for cls, fields in _REFERENCE_CLASSES.items()
}
_LINE_PHRASE = {"reports_to": "reports to", "escalates_to": "escalates to"}


@attrs.frozen(kw_only=True)
class Dangling(Diagnostic):
    """An id or reference problem, as a :class:`~safeguarding_model.errors.Diagnostic`
    whose place is ``at``, the path of keys and indexes in the dataset (the loader
    turns it into a file, line and column)."""

    at: Path = ()
    related: Path | None = None
    """For an id used twice: where it is first used."""
    related_kind: str | None = None
    """For an id used twice: what first used it (an organisation, a group...)."""


def duplicate_message(key: str, kind: str, first: str) -> str:
    """What to say of an id used twice, ``first`` saying where it was first used."""
    return (
        f"the id `{shown(key)}` is used twice (first by the {kind} at {first}); "
        "ids must be unique in a file or folder"
    )


def _trigrams(text: str) -> set[str]:
    """The runs of three characters of ``text`` (folded, padded with spaces so that its
    start and end count): ``  e``, `` es``, ``ess``... for ``essex``."""
    padded = f"  {text.casefold()} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class _Index:
    """The ids of some kinds by their trigrams, to find the few worth comparing with a
    broken reference. A trigram that very many ids share (``cou`` of ``council``) does
    not tell them apart and is left out, so a lookup reads at most a few hundred ids
    per trigram of the reference, whatever the number of ids."""

    TOP = 10
    """The candidates compared in full with each reference, at most."""
    NEAR = 0.5
    """Of those, the ones that share more than this part as many rare trigrams as the
    best: one that shares half as many or fewer is too far to be the nearest."""
    LONGEST = 200
    """A reference longer than this is no one's typo: it gets no suggestion."""

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids
        postings: dict[str, list[int]] = {}
        for number, key in enumerate(ids):
            for gram in _trigrams(key):
                postings.setdefault(gram, []).append(number)
        common = max(64, 4 * math.isqrt(len(ids)))
        self.postings = {gram: found for gram, found in postings.items() if len(found) <= common}

    def candidates(self, ref: str) -> list[str]:
        """The ids that share most of the rare trigrams of ``ref`` (then nearest in
        length, then first in the file), at most :data:`TOP` of them."""
        if len(ref) > self.LONGEST:
            return []
        shared: dict[int, int] = {}
        for gram in _trigrams(ref):
            for number in self.postings.get(gram, ()):
                shared[number] = shared.get(number, 0) + 1
        size = len(ref)
        best = heapq.nsmallest(
            self.TOP, shared, key=lambda n: (-shared[n], abs(len(self.ids[n]) - size), n)
        )
        if not best:
            return []
        enough = self.NEAR * shared[best[0]]
        return [self.ids[number] for number in best if shared[number] > enough]


class _Suggestions:
    """Did-you-mean suggestions for references that name nothing, each worked out
    once per reference and kinds: the ids that share the most rare trigrams with the
    reference (:class:`_Index`) are compared in full (``closest``), so every broken
    reference gets the suggestion a comparison with every id would give in all but odd
    cases, and a file of thousands of broken references is still checked in linear
    time."""

    def __init__(self, ids_by_kind: dict[str, list[str]]) -> None:
        self._ids_by_kind = ids_by_kind
        self._indexes: dict[tuple[str, ...], _Index] = {}
        self._memo: dict[tuple[str, tuple[str, ...]], str | None] = {}

    def __call__(self, ref: str, kinds: tuple[str, ...]) -> str | None:
        if (ref, kinds) in self._memo:
            return self._memo[ref, kinds]
        index = self._indexes.get(kinds)
        if index is None:
            ids = [key for kind in kinds for key in self._ids_by_kind.get(kind, [])]
            index = self._indexes[kinds] = _Index(ids)
        candidates = index.candidates(ref)
        found = self._memo[ref, kinds] = closest(ref, candidates) if candidates else None
        return found


def _kinds_text(kinds: tuple[str, ...]) -> str:
    """``an organisation, partnership or collaboration``."""
    return with_article(kinds_text(kinds))


def check_references(dataset: Dataset, where: str = "this file") -> list[Dangling]:
    """Every duplicate id, every reference that names nothing or the wrong kind of thing,
    and the rules that tie a partnership's partners together (see ``_partnership_rules``).
    ``where`` is how messages name the source: "this file" or "this folder". At most
    :data:`MAX_PROBLEMS` are listed, then one that says how many more there are.
    """
    found: Collector[Dangling] = Collector("problems of ids and references")
    kind_of: dict[str, str] = {}
    first_path: dict[str, Path] = {}
    entries: list[tuple[str, int]] = []  # what names what, kept when all is well
    owner: dict[str, int] = {}
    for path, entity in _entities_with_paths(dataset):
        if len(path) == 2:
            entries.append(path)  # type: ignore[arg-type]
        owner.setdefault(entity.id, len(entries) - 1)
        kind = kind_word(entity)
        if entity.id in first_path:
            first = first_path[entity.id]
            found.add(
                Dangling(
                    at=(*path, "id"),
                    code="duplicate-id",
                    message=duplicate_message(entity.id, kind_of[entity.id], path_text(first)),
                    found=shown(entity.id),
                    related=first,
                    related_kind=kind_of[entity.id],
                )
            )
            continue
        kind_of[entity.id] = kind
        first_path[entity.id] = path
    ids_by_kind: dict[str, list[str]] = {}
    for key, kind in kind_of.items():
        ids_by_kind.setdefault(kind, []).append(key)
    suggest = _Suggestions(ids_by_kind)
    names: list[set[str]] = []

    def check(path: Path, subject: str, value: Any, parent_field: str | None) -> None:
        for name, spec in _plan(type(value)):
            current = getattr(value, name)
            if spec is not None:
                if current is None:
                    continue
                kinds, phrase = spec
                if isinstance(value, Line) and parent_field in _LINE_PHRASE:
                    phrase = _LINE_PHRASE[parent_field]
                many = isinstance(current, tuple)
                for index, ref in enumerate(current if many else (current,)):
                    if kind_of.get(ref) in kinds:
                        names[-1].add(ref)
                        continue
                    if found.full:  # counted, not made: no suggestion is looked for
                        found.count()
                        continue
                    here = (*path, name, index) if many else (*path, name)
                    found.add(_resolve(ref, kinds, kind_of, suggest, subject, phrase, here, where))
                continue
            if type(current) is tuple:
                for index, item in enumerate(current):
                    if _is_entry(type(item)):
                        check((*path, name, index), _subject_of(item, subject), item, name)
            elif _is_entry(type(current)):
                check((*path, name), _subject_of(current, subject), current, name)

    for path, entity in _entities_with_paths(dataset, nested=False):
        names.append(set())
        check(path, _subject_of(entity, "the file"), entity, None)
    if not found:  # the rules below assume every reference resolves
        found.extend(_partnership_rules(dataset))
        found.extend(_circles(dataset))
    if not found:  # every reference resolves: what names what is kept with the dataset
        kept_references(dataset, References(entries, owner, names))
    return found.listed()


_INFINITIVE = {"is part of": "be part of", "sits under": "sit under"}


_UNVISITED, _ON_PATH, _DONE = 0, 1, 2
_SHOWN_MEMBERS = 6  # a longer circle is named by its first and last members


def _circles(dataset: Dataset) -> Iterator[Dangling]:
    """Organisations or groups that are part of themselves through others (``parent``),
    and a group that reports or escalates to itself: the structure cannot be drawn or
    followed, so each circle is reported once, where its first member (in file order)
    names the next.

    One walk up the parents of each entry in turn, each id unvisited, on the current
    path or done, so every id is visited once however long the chains."""
    chains: list[tuple[str, str, list[tuple[Path, Any]]]] = [
        (
            "organisation",
            "is part of",
            [(("organisations", i), o) for i, o in enumerate(dataset.organisations)],
        ),
        ("group", "sits under", list(_groups_with_paths(dataset))),
    ]
    for noun, verb, entries in chains:
        order = {entity.id: number for number, (_, entity) in enumerate(entries)}
        parent = {entity.id: entity.parent for _, entity in entries if entity.parent}
        state = dict.fromkeys(order, _UNVISITED)
        circles: list[list[str]] = []
        for _, entity in entries:
            walk: list[str] = []
            current: str | None = entity.id
            while current is not None and state.get(current, _DONE) == _UNVISITED:
                state[current] = _ON_PATH
                walk.append(current)
                current = parent.get(current)
            if current is not None and state.get(current) == _ON_PATH:
                circle = walk[walk.index(current) :]
                first = min(range(len(circle)), key=lambda i: order[circle[i]])
                circles.append(circle[first:] + circle[:first])
            for key in walk:
                state[key] = _DONE
        circles.sort(key=lambda circle: order[circle[0]])
        for circle in circles:
            path, entity = entries[order[circle[0]]]
            yield Dangling(
                at=(*path, "parent"),
                code="parent-circle",
                message=f"{_circle_words(circle, entries, order, verb)}: "
                f"{with_article(noun)} cannot {_INFINITIVE[verb]} itself; "
                "give one of them another parent, or none",
                found=shown(entity.parent or ""),
            )
    for path, group in _groups_with_paths(dataset):
        for field in ("reports_to", "escalates_to"):
            for i, line in enumerate(getattr(group, field)):
                if line.to == group.id:
                    yield Dangling(
                        at=(*path, field, i, "to"),
                        code="line-to-itself",
                        message=f"{shown(group.name)} {_LINE_PHRASE[field]} itself; name the "
                        "body it answers to",
                        found=shown(line.to),
                    )


def _circle_words(
    circle: list[str], entries: list[tuple[Path, Any]], order: dict[str, int], verb: str
) -> str:
    """``A (`a`), which is part of B (`b`), which is part of A (`a`)``; a long circle
    by its first and last members and how many stand between."""

    def named(key: str) -> str:
        return f"{shown(entries[order[key]][1].name, 80)} (`{shown(key, 80)}`)"

    members = [*circle, circle[0]]
    if len(members) <= _SHOWN_MEMBERS + 1:
        return f", which {verb} ".join(named(key) for key in members)
    head = members[: _SHOWN_MEMBERS // 2]
    tail = members[-(_SHOWN_MEMBERS // 2) :]
    between = len(members) - len(head) - len(tail)
    return f", which {verb} ".join(
        [*(named(key) for key in head), f"... ({between} more) ...", *(named(key) for key in tail)]
    )


def _partnership_rules(dataset: Dataset) -> Iterator[Dangling]:
    """Rules across a partnership's references that a reader of the file would expect.
    Whom a delegated partner acts for is the model's decision
    (:meth:`~safeguarding_model.model.Partnership.delegation_problem`); this says it
    where the file says it."""
    index = dataset.index()

    def org_name(key: str | None) -> str:
        return shown(dataset.name_of(key, index))

    def within(organisation: str | None, ancestor: str) -> bool:
        seen: set[str] = set()
        while organisation and organisation not in seen:
            if organisation == ancestor:
                return True
            seen.add(organisation)
            parent = index.get(organisation)
            organisation = parent.parent if isinstance(parent, Organisation) else None
        return False

    for number, partnership in enumerate(dataset.partnerships):
        base: Path = ("partnerships", number)
        for i, lead in enumerate(partnership.lead_partners):
            post = index.get(lead.post) if lead.post else None
            if (
                isinstance(post, Post)
                and post.organisation
                and lead.organisation
                and not within(post.organisation, lead.organisation)
            ):
                yield Dangling(
                    at=(*base, "lead_partners", i, "post"),
                    code="lead-post-elsewhere",
                    message=f"the lead partner {org_name(lead.organisation)!r} is given the post "
                    f"`{shown(lead.post or '')}`, which belongs to {org_name(post.organisation)!r}",
                    found=lead.post and shown(lead.post),
                )
        for i, delegated in enumerate(partnership.delegated_partners):
            problem = partnership.delegation_problem(delegated)
            if problem is None:
                continue
            here = (*base, "delegated_partners", i)
            role = delegated.acts_for
            who = (
                f"`{shown(delegated.post)}`"
                if delegated.post
                else "a delegated partner whose post is not stated"
            )
            leads = [
                lead.organisation
                for lead in partnership.leads_in_role(role)
                if lead.organisation is not None
            ]
            if problem == "no-lead-for-delegation":
                if "lead_partners" not in partnership.not_stated:
                    yield Dangling(
                        at=(*here, "acts_for"),
                        code=problem,
                        message=f"{who} acts for the {role.label}, but "
                        f"{shown(partnership.name)} names no lead partner in that role",
                        found=role.value,
                    )
            elif problem == "delegation-not-a-lead" and delegated.organisation is not None:
                yield Dangling(
                    at=(*here, "organisation"),
                    code=problem,
                    message=f"{who} acts for {org_name(delegated.organisation)!r}, "
                    f"which is not a lead partner in the role of {role.label}",
                    found=shown(delegated.organisation),
                    suggestion=closest(delegated.organisation, leads),
                )
            else:
                count = len(partnership.leads_in_role(role))
                named = [f"`{key}`" for key in leads]
                if len(named) < count:
                    named.append(f"{count - len(named)} known by the role only")
                names = shown(", ".join(named))
                yield Dangling(
                    at=here,
                    code=problem,
                    message=f"{who} acts for the {role.label}, and {count} lead "
                    f"partners have that role ({names}); say which with `organisation:`",
                )
        if partnership.area is not None:
            for i, key in enumerate(partnership.area.local_authorities):
                entity = index.get(key)
                if isinstance(entity, Organisation) and entity.kind is not (
                    OrganisationKind.LOCAL_AUTHORITY
                ):
                    yield Dangling(
                        at=(*base, "area", "local_authorities", i),
                        code="area-not-a-local-authority",
                        message=f"the area's local authorities include {shown(entity.name)!r}, "
                        f"whose kind is {entity.kind.label}, not local authority",
                        found=shown(key),
                    )
    for path, group in _groups_with_paths(dataset):
        for field in ("reports_to", "escalates_to"):
            seen: set[tuple[object, ...]] = set()
            for i, line in enumerate(getattr(group, field)):
                # the same body twice is one line given twice, unless the two differ in
                # meaning, route, condition or dates
                same = (line.to, line.kind, line.via, line.condition, line.start, line.end)
                if same in seen:
                    yield Dangling(
                        at=(*path, field, i, "to"),
                        code="line-given-twice",
                        message=f"{shown(group.name)} {_LINE_PHRASE[field]} "
                        f"`{shown(line.to)}` twice; give each line once (a line can carry "
                        "one cadence and text; two lines to one body differ in their kind, "
                        "via, condition or dates)",
                        found=shown(line.to),
                    )
                seen.add(same)


def _groups_with_paths(dataset: Dataset) -> Iterator[tuple[Path, Group]]:
    for found in Dataset.collections():
        for index, owner in enumerate(getattr(dataset, found.field)):
            for number, group in enumerate(getattr(owner, "groups", ())):
                yield (found.field, index, "groups", number), group


def _resolve(
    ref: str,
    kinds: tuple[str, ...],
    kind_of: dict[str, str],
    suggest: _Suggestions,
    subject: str,
    phrase: str,
    path: Path,
    where: str,
) -> Dangling:
    """The problem of a reference that names nothing of ``kinds``."""
    actual = kind_of.get(ref)
    expected = _kinds_text(kinds)
    if actual is None:
        return Dangling(
            at=path,
            code="dangling-reference",
            message=f"{subject} {phrase} `{shown(ref)}`, which is not {expected} in {where}",
            expected=expected,
            found=shown(ref),
            suggestion=suggest(ref, kinds),
        )
    return Dangling(
        at=path,
        code="wrong-kind-reference",
        message=f"{subject} {phrase} `{shown(ref)}`, which is {_kinds_text((actual,))}, "
        f"not {expected}",
        expected=expected,
        found=shown(ref),
    )


def _subject_of(value: object, default: str) -> str:
    for field in ("name", "title"):
        text = getattr(value, field, None)
        if isinstance(text, str) and (isinstance(value, tuple(KIND_WORDS)) or field == "title"):
            return (
                f"the {type(value).__name__.lower()} {shown(text)!r}"
                if field == "title"
                else (shown(text))
            )
    return default


_Spec = tuple[tuple[str, ...], str]


def named_ids(entry: object, found: set[str]) -> set[str]:
    """Add to ``found`` every id that ``entry`` (an entry of the model: an entity, a
    group, a line...) or the entries it holds name in their reference fields, the
    fields loading checks (an entity's own id is not a reference); returns ``found``."""
    stack: list[Any] = [entry]
    while stack:
        value = stack.pop()
        for name, spec in _plan(type(value)):
            current = getattr(value, name)
            if spec is not None:
                if isinstance(current, tuple):
                    found.update(current)
                elif current is not None:
                    found.add(current)
            elif type(current) is tuple:
                stack.extend(item for item in current if _is_entry(type(item)))
            elif _is_entry(type(current)):
                stack.append(current)
    return found


_ENTRIES: dict[type, bool] = {}
_PLANS: dict[type, tuple[tuple[str, _Spec | None], ...]] = {}


def _is_entry(kind: type) -> bool:
    """Whether values of this type are entries of the model (attrs classes)."""
    found = _ENTRIES.get(kind)
    if found is None:
        found = _ENTRIES[kind] = attrs.has(kind)
    return found


def _plan(kind: type) -> tuple[tuple[str, _Spec | None], ...]:
    """The fields of an entry that the check looks at (see :func:`_make_plan`)."""
    found = _PLANS.get(kind)
    if found is None:
        found = _PLANS[kind] = _make_plan(kind)
    return found


def _make_plan(kind: type) -> tuple[tuple[str, _Spec | None], ...]:
    """The fields of an entry that the check looks at, in order: each reference field
    with what it may name and how to say it, and each field that may hold entries with
    references of their own (by its type; every other field when a type is not known),
    not the text, dates, numbers and choices, nor entries that name nothing."""
    spec = _REFERENCES.get(kind, {})
    try:
        hints: dict[str, Any] | None = typing.get_type_hints(kind)
    except Exception:  # a type it cannot resolve: look at every field
        hints = None
    return tuple(
        (field.name, spec.get(field.name))
        for field in attrs.fields(kind)
        if field.name in spec or hints is None or _holds_references(hints.get(field.name, Any))
    )


def _holds_references(hint: Any) -> bool:
    """Whether a value of this type may be, or hold, an entry with a reference field."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType, tuple):
        return any(_holds_references(arg) for arg in typing.get_args(hint) if arg is not Ellipsis)
    if origin is not None or not isinstance(hint, type):
        return True  # a type it does not know: look
    return attrs.has(hint) and hint in _referring()


def _entries_in(hint: Any) -> set[type] | None:
    """The entry classes a value of this type may be or hold; None for a type it does
    not know (a mapping, say)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType, tuple):
        found: set[type] = set()
        for arg in typing.get_args(hint):
            inner = None if arg is Ellipsis else _entries_in(arg)
            if inner is None and arg is not Ellipsis:
                return None
            found |= inner or set()
        return found
    if origin is not None or not isinstance(hint, type):
        return None
    return {hint} if attrs.has(hint) else set()


@functools.cache
def _referring() -> frozenset[type]:
    """Every entry class that has a reference field or may hold an entry that does:
    the classes a dataset may hold, found from its types, and the least set closed
    under "holds" that contains the classes with reference fields (an item that holds
    items holds no more than its own fields say). A class whose types cannot be read
    is counted in."""
    held: dict[type, set[type]] = {}
    referring = set(_REFERENCES)
    todo: list[type] = [Dataset]
    while todo:
        kind = todo.pop()
        if kind in held:
            continue
        held[kind] = set()
        try:
            hints = typing.get_type_hints(kind)
        except Exception:
            referring.add(kind)
            continue
        for hint in hints.values():
            inner = _entries_in(hint)
            if inner is None:
                referring.add(kind)
                continue
            held[kind] |= inner
            todo.extend(inner - held.keys())
    changed = True
    while changed:
        changed = False
        for kind, inner in held.items():
            if kind not in referring and inner & referring:
                referring.add(kind)
                changed = True
    known = frozenset(held)
    return frozenset(referring) | frozenset(k for k in _REFERENCES if k not in known)


def _children(name: str, value: object) -> Iterator[tuple[Path, object]]:
    if attrs.has(type(value)):
        yield (name,), value
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            if attrs.has(type(item)):
                yield (name, index), item


def _entities_with_paths(dataset: Dataset, nested: bool = True) -> Iterator[tuple[Path, Any]]:
    for found in Dataset.collections():
        for index, entity in enumerate(getattr(dataset, found.field)):
            yield (found.field, index), entity
            if nested:
                for field in ("groups", "objectives"):
                    for number, inner in enumerate(getattr(entity, field, ())):
                        yield (found.field, index, field, number), inner
