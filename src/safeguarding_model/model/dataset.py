"""The contents of a file or folder: shared organisations, people and posts, and the
partnerships and collaborations that refer to them."""

from __future__ import annotations

import contextlib
import datetime
import weakref
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import attrs

from ..errors import UsageError
from .arrangements import GovernedDocument
from .collaboration import UNNAMED, Collaboration
from .groups import Group
from .meetings import Contact, Course, Meeting, Tool
from .organisations import Organisation, Person, Post
from .partnership import Partnership
from .plans import Objective, Plan
from .values import FieldError, PartialDate

__all__ = ["SCHEMA", "Collection", "Dataset", "Entity", "collection", "worked_out"]

SCHEMA = "safeguarding-model/2"
"""The format version that files declare in their ``schema`` field. Files of
version 1 (``safeguarding-model/1``) are still read, as they always were; see
:mod:`safeguarding_model.io.versions`."""

Entity = (
    Organisation
    | Person
    | Post
    | Partnership
    | Collaboration
    | Group
    | GovernedDocument
    | Plan
    | Objective
    | Meeting
    | Course
    | Tool
    | Contact
)


@attrs.frozen(kw_only=True)
class Collection:
    """One list a dataset holds, declared once on :class:`Dataset` with
    :func:`collection`: loading, merging the files of a folder, checking ids and
    references, counting, the graph's nodes and the JSON Schema all go through
    :meth:`Dataset.collections`, so a new list is one declaration.

    ``field`` is its name in files (``organisations``); ``noun`` one entry in words
    (``organisation``), which is also the kind of its nodes in the graph.
    """

    field: str
    item: type
    noun: str
    shared: bool = False
    """Whether the files of a folder may each repeat an entry (identically): the
    organisations, people, posts and documents that the partnerships of a region
    share."""


def collection(item: type, noun: str, *, shared: bool = False) -> Any:
    """Declare a :class:`Dataset` field as one of its collections (a tuple of ``item``);
    ``shared`` when the files of a folder may each repeat its entries."""
    return attrs.field(default=(), metadata={"collection": (item, noun, shared)})


def _check_schema(instance: object, attribute: object, value: object) -> None:
    if value != SCHEMA:
        raise FieldError("schema", f"`{SCHEMA}`", value)


@attrs.frozen(kw_only=True, repr=False)
class Dataset:
    """Everything one file or folder describes.

    Organisations, people and posts are listed once and shared: one constabulary can
    serve several partnerships and one person can hold posts in several bodies.
    """

    schema: str = attrs.field(default=SCHEMA, validator=_check_schema)
    organisations: tuple[Organisation, ...] = collection(Organisation, "organisation", shared=True)
    """Councils, integrated care boards, police forces, trusts, sectors and boards, each
    listed once and shared by every partnership that names it."""
    people: tuple[Person, ...] = collection(Person, "person", shared=True)
    """Only the people a source document names."""
    posts: tuple[Post, ...] = collection(Post, "post", shared=True)
    """Titles in organisations, held by a person, vacant, or held by someone the documents
    do not name."""
    partnerships: tuple[Partnership, ...] = collection(Partnership, "partnership")
    """The partnerships and their published arrangements (usually one a file)."""
    collaborations: tuple[Collaboration, ...] = collection(Collaboration, "collaboration")
    """Partnerships working together, such as HIPS."""
    documents: tuple[GovernedDocument, ...] = collection(GovernedDocument, "document", shared=True)
    """Strategies, plans, frameworks and other documents the arrangements govern."""
    plans: tuple[Plan, ...] = collection(Plan, "plan")
    """Business plans: objectives and activities, owners, actions and progress."""
    meetings: tuple[Meeting, ...] = collection(Meeting, "meeting")
    """Meetings of a body on a date, with their key items, decisions and the next meeting."""
    courses: tuple[Course, ...] = collection(Course, "course", shared=True)
    """Training courses, with their dates, audience and learning outcomes."""
    tools: tuple[Tool, ...] = collection(Tool, "tool", shared=True)
    """Tools adopted (a risk assessment framework), with what they replace."""
    contacts: tuple[Contact, ...] = collection(Contact, "contact")
    """How to reach a body: email, telephone, website, address."""

    @classmethod
    def collections(cls) -> tuple[Collection, ...]:
        """The lists a dataset holds, in file order."""
        return _COLLECTIONS

    def __repr__(self) -> str:
        parts = []
        for found in _COLLECTIONS:
            entries = getattr(self, found.field)
            shown = [e.id for e in entries] if hasattr(found.item, "groups") else len(entries)
            parts.append(f"{found.field}={shown}")
        return f"Dataset({', '.join(parts)})"

    def _repr_html_(self) -> str:
        """The dataset in a notebook: what it holds and each partnership's facts
        (:mod:`safeguarding_model.notebook`, a face, imported only when displayed)."""
        from ..notebook.cards import dataset_html

        return dataset_html(self)

    def merged(self, *others: Dataset) -> Dataset:
        """One dataset holding the entries of this one and then of ``others``, in order
        (the files of a folder)."""
        if not others:
            return self
        everything = (self, *others)
        entries: dict[str, Any] = {
            c.field: tuple(e for d in everything for e in getattr(d, c.field)) for c in _COLLECTIONS
        }
        return Dataset(**entries)

    def groups(self) -> Iterator[tuple[Partnership | Collaboration, Group]]:
        """Every group with the partnership or collaboration it belongs to."""
        for found in _COLLECTIONS:
            for owner in getattr(self, found.field):
                for group in getattr(owner, "groups", ()):
                    yield owner, group

    def members_of(self, collaboration: Collaboration) -> tuple[str, ...]:
        """The members of a collaboration: those it lists, then the partnerships that
        say they take part in it (``Partnership.collaborations``), each once."""
        claimed = _claims(self).get(collaboration.id, ())
        return tuple(dict.fromkeys((*collaboration.members, *claimed)))

    def collaborations_of(self, partnership: Partnership) -> list[Collaboration]:
        """The collaborations a partnership takes part in, in the dataset's order: those
        that list it among their members, and those it says it takes part in
        (``Partnership.collaborations``): :meth:`members_of` seen from the partnership."""
        return [
            c
            for c in self.collaborations
            if partnership.id in c.members or c.id in partnership.collaborations
        ]

    def objectives(self) -> Iterator[tuple[Plan, Objective]]:
        """Every objective and activity of the plans, with its plan."""
        for plan in self.plans:
            for objective in plan.objectives:
                yield plan, objective

    def entities(self) -> Iterator[Entity]:
        """Every entity that has an id, in file order: each collection's, then the
        groups of the partnerships and collaborations, then the plans' objectives."""
        for found in _COLLECTIONS:
            yield from getattr(self, found.field)
        for _, group in self.groups():
            yield group
        for _, objective in self.objectives():
            yield objective

    def index(self) -> dict[str, Entity]:
        """Every entity by id: a new dictionary, yours to change (the entities are
        found once while the dataset lives, and copied).

        Where an id is used twice (which loading refuses, but code can build), the
        first entity keeps it, as everywhere in the package.
        """
        return _index(self).copy()

    def get(self, key: str) -> Entity:
        """The entity with this id, or the one that goes by the name ``key`` (a name,
        short name or post title, case and spacing aside).

        Raises :class:`~safeguarding_model.errors.NotFoundError` (a ``KeyError``) with
        the nearest name when nothing does, and
        :class:`~safeguarding_model.errors.AmbiguousNameError` listing the candidates
        when several things go by the name.
        """
        from .names import Names

        return Names(self).resolve(key)

    def partnership(self, key: str | None = None) -> Partnership:
        """The partnership with this id or name; the only one when ``key`` is None."""
        if key is None:
            if not self.partnerships:
                raise UsageError("this dataset holds no partnership")
            if len(self.partnerships) != 1:
                ids = ", ".join(p.id for p in self.partnerships)
                raise UsageError(
                    f"this dataset has {len(self.partnerships)} partnerships ({ids}): name one"
                )
            return self.partnerships[0]
        from .names import Names

        found = Names(self).resolve(key, Partnership)
        assert isinstance(found, Partnership)
        return found

    def as_of(self, on: datetime.date | PartialDate | str | int) -> Dataset:
        """The arrangements as they stood on ``on`` (``2023``, ``2023-06``,
        ``2023-06-30``, a ``datetime.date``, or a year as a number): what the date's span
        excludes (groups,
        posts, collaborations, chairs, members, lines and partners dated before or after
        it) is left out, with the references to it. See :mod:`.dates`."""
        from .dates import as_of

        return as_of(self, on)[0]

    def name_of(self, key: str | None, index: dict[str, Entity] | None = None) -> str:
        """A person-readable name for an id: a post with its holder, a group's name."""
        if key is None:
            return "unknown"
        index = index if index is not None else _index(self)
        entity = index.get(key)
        if entity is None:
            return key
        if isinstance(entity, Post):
            org = index.get(entity.organisation) if entity.organisation else None
            text = entity.title
            if isinstance(org, Organisation):
                text += f", {org.name}"
            holder = index.get(entity.holder) if entity.holder else None
            if isinstance(holder, Person):
                text = f"{holder.name}, {text}" + (" (acting)" if entity.acting else "")
            elif entity.vacant:
                text += " (vacant)"
            else:
                text += " (holder not stated)"
            return text
        name = entity.name
        return UNNAMED if name is None else name  # a collaboration the source does not name


_COLLECTIONS = tuple(
    Collection(
        field=field.name,
        item=field.metadata["collection"][0],
        noun=field.metadata["collection"][1],
        shared=field.metadata["collection"][2],
    )
    for field in attrs.fields(Dataset)
    if "collection" in field.metadata
)


_T = TypeVar("_T")

_WORKED_OUT: dict[int, tuple[weakref.ref[Dataset], dict[str, Any]]] = {}
"""What was worked out from each dataset alive, by its identity (a dataset is not
hashed: that would walk all of it), and by what it is."""


def worked_out(dataset: Dataset, name: str, make: Callable[[Dataset], _T]) -> _T:
    """``make(dataset)``, worked out once while ``dataset`` lives and kept under
    ``name``: a dataset is immutable, so whatever is found from it alone stays true.
    What is kept must not be changed by those it is given to, nor hold the dataset
    itself (it would then live for ever)."""
    key = id(dataset)
    kept = _WORKED_OUT.get(key)
    if kept is None or kept[0]() is not dataset:
        kept = (weakref.ref(dataset, lambda _: _forget(key)), {})
        _WORKED_OUT[key] = kept
    found = kept[1]
    if name not in found:
        found[name] = make(dataset)
    result: _T = found[name]
    return result


def _forget(key: int) -> None:
    with contextlib.suppress(AttributeError, TypeError):  # the interpreter is ending
        _WORKED_OUT.pop(key, None)


def _make_index(dataset: Dataset) -> dict[str, Entity]:
    found: dict[str, Entity] = {}
    for entity in dataset.entities():
        found.setdefault(entity.id, entity)
    return found


def _index(dataset: Dataset) -> dict[str, Entity]:
    """Every entity of ``dataset`` by id, worked out once: not to be changed."""
    return worked_out(dataset, "index", _make_index)


def _entity_count(dataset: Dataset) -> int:
    """How many entities ``dataset.entities()`` gives, without visiting them."""
    listed = sum(len(getattr(dataset, found.field)) for found in _COLLECTIONS)
    groups = sum(
        len(owner.groups)
        for found in _COLLECTIONS
        if hasattr(found.item, "groups")  # (the others' entries have none)
        for owner in getattr(dataset, found.field)
    )
    return listed + groups + sum(len(plan.objectives) for plan in dataset.plans)


def _make_claims(dataset: Dataset) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for partnership in dataset.partnerships:
        for key in dict.fromkeys(partnership.collaborations):
            found.setdefault(key, []).append(partnership.id)
    return found


def _claims(dataset: Dataset) -> dict[str, list[str]]:
    """The ids of the partnerships that say they take part in each collaboration
    (``Partnership.collaborations``), by the collaboration's id, in the dataset's order:
    worked out once (each collaboration's look-up would otherwise visit every
    partnership), not to be changed."""
    return worked_out(dataset, "claims", _make_claims)
