"""Checks that span objects: every id unique, every reference resolved to the right kind.

The problems come back with the path of the offending field, so the loader can say
where in the file each one is. Messages name both ends of a dangling reference.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from ..errors import Diagnostic
from ..model import (
    Area,
    Chair,
    Collaboration,
    Dataset,
    DelegatedPartner,
    FunctionalLink,
    Group,
    LeadPartner,
    Line,
    Member,
    Observer,
    Organisation,
    OrganisationKind,
    Partnership,
    Person,
    Post,
    Procedures,
    RelevantAgency,
    Scrutineer,
    SectorRepresentation,
    SupportInKind,
)
from ..model.values import closest, with_article
from .reading import Path, path_text

__all__ = ["Dangling", "check_references", "duplicate_message"]

ORG, PERSON, POST, PARTNERSHIP, COLLAB, GROUP = (
    "organisation",
    "person",
    "post",
    "partnership",
    "collaboration",
    "group",
)
_KIND_OF = {
    Organisation: ORG,
    Person: PERSON,
    Post: POST,
    Partnership: PARTNERSHIP,
    Collaboration: COLLAB,
    Group: GROUP,
}
_BODY = (GROUP, PARTNERSHIP, COLLAB, ORG)

# class -> field -> (kinds the id may name, how the message says it)
_REFERENCES: dict[type, dict[str, tuple[tuple[str, ...], str]]] = {
    Organisation: {"parent": ((ORG,), "is part of")},
    Post: {"organisation": ((ORG,), "belongs to"), "holder": ((PERSON,), "is held by")},
    DelegatedPartner: {
        "post": ((POST,), "has as a delegated partner"),
        "organisation": ((ORG,), "has a delegated partner acting for"),
    },
    LeadPartner: {
        "organisation": ((ORG,), "has as a lead partner"),
        "post": ((POST,), "has as a lead partner"),
    },
    Chair: {
        "post": ((POST,), "is chaired by"),
        "nominated_by": ((GROUP,), "has its chair nominated by"),
        "rotates_among": ((ORG,), "has a chair that rotates among"),
    },
    Scrutineer: {"post": ((POST,), "is scrutinised by")},
    Area: {"local_authorities": ((ORG,), "covers the area of")},
    RelevantAgency: {"organisation": ((ORG,), "names as a relevant agency")},
    SectorRepresentation: {
        "sector": ((ORG,), "represents the sector"),
        "via": ((ORG,), "represents a sector through"),
        "groups": ((GROUP,), "represents a sector on"),
    },
    Observer: {
        "post": ((POST,), "has as a participating observer"),
        "organisation": ((ORG,), "has as a participating observer"),
    },
    FunctionalLink: {"organisation": ((ORG,), "links to")},
    Group: {
        "parent": ((GROUP,), "sits under"),
        "joint_with": ((ORG, PARTNERSHIP, COLLAB), "is joint with"),
    },
    Member: {
        "post": ((POST,), "has as a member"),
        "organisation": ((ORG,), "has as a member"),
        "chair_of": ((GROUP,), "has as a member the chair of"),
    },
    Line: {"to": (_BODY, "reports or escalates to")},
    SupportInKind: {"organisation": ((ORG,), "is supported in kind by")},
    Procedures: {"collaboration": ((COLLAB,), "follows the procedures of")},
    Collaboration: {"members": ((PARTNERSHIP, ORG), "has as a member")},
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


MAX_PROBLEMS = 10_000
"""The id and reference problems listed for one file or folder; the rest are counted."""


class _Found:
    """The problems found, the first :data:`MAX_PROBLEMS` of them kept, the rest counted,
    so that a file of a million broken references is reported in bounded memory."""

    def __init__(self) -> None:
        self.kept: list[Dangling] = []
        self.more = 0

    def append(self, problem: Dangling) -> None:
        if len(self.kept) < MAX_PROBLEMS:
            self.kept.append(problem)
        else:
            self.more += 1

    def __bool__(self) -> bool:
        return bool(self.kept)

    def listed(self) -> list[Dangling]:
        if not self.more:
            return self.kept
        last = self.kept[-1]
        summary = Dangling(
            at=last.at,
            code="too-many-problems",
            message=f"and {self.more} more problems of ids and references, not listed: "
            "fix these and check again",
        )
        return [*self.kept, summary]


def duplicate_message(key: str, kind: str, first: str) -> str:
    """What to say of an id used twice, ``first`` saying where it was first used."""
    return (
        f"the id `{key}` is used twice (first by the {kind} at {first}); "
        "ids must be unique in a file or folder"
    )


class _Suggestions:
    """Did-you-mean suggestions for references that name nothing, with the work bounded:
    each suggestion compares the reference with every id of the kinds it may name, so
    a file with thousands of broken references would take minutes; once ``budget``
    comparisons have been spent, the remaining problems are reported without one."""

    def __init__(self, ids_by_kind: dict[str, list[str]], budget: int = 20_000) -> None:
        self._ids_by_kind = ids_by_kind
        self._candidates: dict[tuple[str, ...], list[str]] = {}
        self._memo: dict[tuple[str, tuple[str, ...]], str | None] = {}
        self._budget = budget

    def __call__(self, ref: str, kinds: tuple[str, ...]) -> str | None:
        if (ref, kinds) in self._memo:
            return self._memo[ref, kinds]
        candidates = self._candidates.get(kinds)
        if candidates is None:
            candidates = [i for kind in kinds for i in self._ids_by_kind.get(kind, [])]
            self._candidates[kinds] = candidates
        if len(candidates) > self._budget:
            return None
        self._budget -= len(candidates)
        found = self._memo[ref, kinds] = closest(ref, candidates)
        return found


def _kinds_text(kinds: tuple[str, ...]) -> str:
    """``an organisation, partnership or collaboration``."""
    words = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " or " + kinds[-1]
    return with_article(words)


def check_references(dataset: Dataset, where: str = "this file") -> list[Dangling]:
    """Every duplicate id, every reference that names nothing or the wrong kind of thing,
    and the rules that tie a partnership's partners together (see ``_partnership_rules``).
    ``where`` is how messages name the source: "this file" or "this folder". At most
    :data:`MAX_PROBLEMS` are listed, then one that says how many more there are.
    """
    found = _Found()
    kind_of: dict[str, str] = {}
    first_path: dict[str, Path] = {}
    for path, entity in _entities_with_paths(dataset):
        kind = _KIND_OF[type(entity)]
        if entity.id in first_path:
            first = first_path[entity.id]
            found.append(
                Dangling(
                    at=(*path, "id"),
                    code="duplicate-id",
                    message=duplicate_message(entity.id, kind_of[entity.id], path_text(first)),
                    found=entity.id,
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

    def check(path: Path, subject: str, value: Any, parent_field: str | None) -> None:
        spec = _REFERENCES.get(type(value), {})
        for field in attrs.fields(type(value)):
            current = getattr(value, field.name)
            if field.name in spec and current is not None:
                kinds, phrase = spec[field.name]
                if isinstance(value, Line) and parent_field in _LINE_PHRASE:
                    phrase = _LINE_PHRASE[parent_field]
                many = isinstance(current, tuple)
                for index, ref in enumerate(current if many else (current,)):
                    here = (*path, field.name, index) if many else (*path, field.name)
                    problem = _resolve(ref, kinds, kind_of, suggest, subject, phrase, here, where)
                    if problem:
                        found.append(problem)
                continue
            for step, child in _children(field.name, current):
                child_subject = _subject_of(child, subject)
                check((*path, *step), child_subject, child, field.name)

    for path, entity in _entities_with_paths(dataset, nested=False):
        check(path, _subject_of(entity, "the file"), entity, None)
    if not found:  # the rules below assume every reference resolves
        for problem in (*_partnership_rules(dataset), *_circles(dataset)):
            found.append(problem)
    return found.listed()


_INFINITIVE = {"is part of": "be part of", "sits under": "sit under"}


def _circles(dataset: Dataset) -> Iterator[Dangling]:
    """Organisations or groups that are part of themselves through others (``parent``),
    and a group that reports or escalates to itself: the structure cannot be drawn or
    followed, so each circle is reported once, where its first member (in file order)
    names the next."""
    chains: list[tuple[str, str, list[tuple[Path, Any]]]] = [
        (
            "organisation",
            "is part of",
            [(("organisations", i), o) for i, o in enumerate(dataset.organisations)],
        ),
        ("group", "sits under", list(_groups_with_paths(dataset))),
    ]
    for noun, verb, entries in chains:
        where = {entity.id: path for path, entity in entries}
        parent = {entity.id: entity.parent for _, entity in entries if entity.parent}
        name = {entity.id: entity.name for _, entity in entries}
        reported: set[str] = set()
        for _, entity in entries:
            circle, current = [], entity.id
            while current is not None and current not in circle and current not in reported:
                circle.append(current)
                current = parent.get(current)
            if current is None or current in reported or current != entity.id:
                continue
            reported.update(circle)
            names = f", which {verb} ".join(
                f"{name[key]} (`{key}`)" for key in [*circle, entity.id]
            )
            yield Dangling(
                at=(*where[entity.id], "parent"),
                code="parent-circle",
                message=f"{names}: {with_article(noun)} cannot {_INFINITIVE[verb]} itself; "
                "give one of them another parent, or none",
                found=entity.parent,
            )
    for path, group in _groups_with_paths(dataset):
        for field in ("reports_to", "escalates_to"):
            for i, line in enumerate(getattr(group, field)):
                if line.to == group.id:
                    yield Dangling(
                        at=(*path, field, i, "to"),
                        code="line-to-itself",
                        message=f"{group.name} {_LINE_PHRASE[field]} itself; name the body "
                        "it answers to",
                        found=line.to,
                    )


def _partnership_rules(dataset: Dataset) -> Iterator[Dangling]:
    """Rules across a partnership's references that a reader of the file would expect."""
    index = dataset.index()

    def org_name(key: str | None) -> str:
        return dataset.name_of(key, index)

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
        by_role: dict[str, list[str]] = {}
        for i, lead in enumerate(partnership.lead_partners):
            by_role.setdefault(lead.role.value, []).append(lead.organisation)
            post = index.get(lead.post) if lead.post else None
            if (
                isinstance(post, Post)
                and post.organisation
                and not within(post.organisation, lead.organisation)
            ):
                yield Dangling(
                    at=(*base, "lead_partners", i, "post"),
                    code="lead-post-elsewhere",
                    message=f"the lead partner {org_name(lead.organisation)!r} is given the post "
                    f"`{lead.post}`, which belongs to {org_name(post.organisation)!r}",
                    found=lead.post,
                )
        for i, delegated in enumerate(partnership.delegated_partners):
            here = (*base, "delegated_partners", i)
            role = delegated.acts_for
            leads = by_role.get(role.value, [])
            if not leads:
                if "lead_partners" not in partnership.not_stated:
                    yield Dangling(
                        at=(*here, "acts_for"),
                        code="no-lead-for-delegation",
                        message=f"`{delegated.post}` acts for the {role.label}, but "
                        f"{partnership.name} names no lead partner in that role",
                        found=role.value,
                    )
            elif delegated.organisation is not None and delegated.organisation not in leads:
                yield Dangling(
                    at=(*here, "organisation"),
                    code="delegation-not-a-lead",
                    message=f"`{delegated.post}` acts for {org_name(delegated.organisation)!r}, "
                    f"which is not a lead partner in the role of {role.label}",
                    found=delegated.organisation,
                    suggestion=closest(delegated.organisation, leads),
                )
            elif delegated.organisation is None and len(leads) > 1:
                names = ", ".join(f"`{key}`" for key in leads)
                yield Dangling(
                    at=here,
                    code="ambiguous-delegation",
                    message=f"`{delegated.post}` acts for the {role.label}, and {len(leads)} lead "
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
                        message=f"the area's local authorities include {entity.name!r}, "
                        f"whose kind is {entity.kind.label}, not local authority",
                        found=key,
                    )
    for path, group in _groups_with_paths(dataset):
        for field in ("reports_to", "escalates_to"):
            seen: set[str] = set()
            for i, line in enumerate(getattr(group, field)):
                if line.to in seen:
                    yield Dangling(
                        at=(*path, field, i, "to"),
                        code="line-given-twice",
                        message=f"{group.name} {_LINE_PHRASE[field]} `{line.to}` twice; "
                        "give each line once (a line can carry one cadence and text)",
                        found=line.to,
                    )
                seen.add(line.to)


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
) -> Dangling | None:
    actual = kind_of.get(ref)
    if actual in kinds:
        return None
    expected = _kinds_text(kinds)
    if actual is None:
        return Dangling(
            at=path,
            code="dangling-reference",
            message=f"{subject} {phrase} `{ref}`, which is not {expected} in {where}",
            expected=expected,
            found=ref,
            suggestion=suggest(ref, kinds),
        )
    return Dangling(
        at=path,
        code="wrong-kind-reference",
        message=f"{subject} {phrase} `{ref}`, which is {_kinds_text((actual,))}, not {expected}",
        expected=expected,
        found=ref,
    )


def _subject_of(value: object, default: str) -> str:
    for field in ("name", "title"):
        text = getattr(value, field, None)
        if isinstance(text, str) and (isinstance(value, tuple(_KIND_OF)) or field == "title"):
            return f"the {type(value).__name__.lower()} {text!r}" if field == "title" else text
    return default


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
                for number, group in enumerate(getattr(entity, "groups", ())):
                    yield (found.field, index, "groups", number), group
