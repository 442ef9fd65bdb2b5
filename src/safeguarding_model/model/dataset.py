"""The contents of a file or folder: shared organisations, people and posts, and the
partnerships and collaborations that refer to them."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from .collaboration import Collaboration
from .groups import Group
from .organisations import Organisation, Person, Post
from .partnership import Partnership
from .values import FieldError, closest, slugify

__all__ = ["SCHEMA", "Dataset", "Entity"]

SCHEMA = "safeguarding-model/1"
"""The format version that files declare in their ``schema`` field."""

Entity = Organisation | Person | Post | Partnership | Collaboration | Group


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
    organisations: tuple[Organisation, ...] = ()
    people: tuple[Person, ...] = ()
    posts: tuple[Post, ...] = ()
    partnerships: tuple[Partnership, ...] = ()
    collaborations: tuple[Collaboration, ...] = ()

    def __repr__(self) -> str:
        return (
            f"Dataset(organisations={len(self.organisations)}, people={len(self.people)}, "
            f"posts={len(self.posts)}, partnerships={[p.id for p in self.partnerships]}, "
            f"collaborations={[c.id for c in self.collaborations]})"
        )

    def groups(self) -> Iterator[tuple[Partnership | Collaboration, Group]]:
        """Every group with the partnership or collaboration it belongs to."""
        owners: tuple[Partnership | Collaboration, ...] = (*self.partnerships, *self.collaborations)
        for owner in owners:
            for group in owner.groups:
                yield owner, group

    def entities(self) -> Iterator[Entity]:
        """Every entity that has an id, in file order."""
        yield from self.organisations
        yield from self.people
        yield from self.posts
        yield from self.partnerships
        yield from self.collaborations
        for _, group in self.groups():
            yield group

    def index(self) -> dict[str, Entity]:
        """Every entity by id. Build it once when looking up many ids.

        Where an id is used twice (which loading refuses, but code can build), the
        first entity keeps it, as everywhere in the package.
        """
        found: dict[str, Entity] = {}
        for entity in self.entities():
            found.setdefault(entity.id, entity)
        return found

    def get(self, key: str) -> Entity:
        """The entity with this id, or the one whose name is ``key`` (case-insensitive)."""
        wanted = key.casefold()
        by_name = None
        for entity in self.entities():
            if entity.id == key:
                return entity
            names = [getattr(entity, "name", None), getattr(entity, "title", None)]
            names.append(getattr(entity, "short_name", None))
            if by_name is None and any(n and n.casefold() == wanted for n in names):
                by_name = entity
        if by_name is None:
            known = [e.id for e in self.entities()]
            hint = closest(key, known) or closest(slugify(key), known)
            raise KeyError(
                f"nothing has the id or name {key!r}"
                + (f"; did you mean {hint!r}?" if hint else "")
            )
        return by_name

    def partnership(self, key: str | None = None) -> Partnership:
        """The partnership with this id or name; the only one when ``key`` is None."""
        if key is None:
            if len(self.partnerships) != 1:
                raise KeyError(f"this dataset has {len(self.partnerships)} partnerships: name one")
            return self.partnerships[0]
        found = self.get(key)
        if not isinstance(found, Partnership):
            raise KeyError(f"{key!r} is not a partnership")
        return found

    def name_of(self, key: str | None, index: dict[str, Entity] | None = None) -> str:
        """A person-readable name for an id: a post with its holder, a group's name."""
        if key is None:
            return "unknown"
        index = index if index is not None else self.index()
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
        if isinstance(entity, Person):
            return entity.name
        return entity.name
