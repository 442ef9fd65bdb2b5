"""Which entry of a dataset names which.

A dataset's entries are the entities of its collections: a partnership or a
collaboration with its groups, a plan with its objectives, an organisation, a person.
:class:`References` records, for each entry, the ids it holds and the ids it names in
its reference fields (and those of the entries it holds), so that the part of a dataset
one body's document needs can be found without walking the whole dataset again.

Loading finds them as it checks that every reference resolves, and keeps them with the
dataset it returns (:func:`kept_references`); for a dataset made in code they are found
on first use, by the same walk (see ``safeguarding_model.documents.neighbourhood``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from .collaboration import Collaboration
from .dataset import Dataset, worked_out
from .partnership import Partnership

__all__ = ["REFERENCES", "References", "held_ids", "kept_references"]

REFERENCES = "references"
"""The name a dataset's references are kept under (see :func:`.dataset.worked_out`)."""


def held_ids(entity: Any) -> Iterator[str]:
    """The ids an entry holds: its own, then its groups' or objectives'."""
    yield entity.id
    for field in ("groups", "objectives"):
        for inner in getattr(entity, field, ()):
            yield inner.id


class References:
    """Which entry of a dataset names which.

    ``entries`` lists each entry as (collection, position), in the dataset's order;
    ``owner`` gives the entry that holds each id (the first, where an id is used twice);
    ``names[n]`` holds the ids that entry ``n`` names and that some entry holds (a
    reference that names nothing is left out), each once, in order; ``named_by`` gives,
    for each id, the entries that name it. Nothing here may be changed: it is shared by
    all who use the dataset, and kept as long as it lives (as tuples, which take a
    third of the memory of sets).
    """

    def __init__(
        self, entries: list[tuple[str, int]], owner: dict[str, int], names: list[set[str]]
    ) -> None:
        self.entries = entries
        self.owner = owner
        self.names: list[tuple[str, ...]] = [tuple(sorted(named)) for named in names]
        self.named_by: dict[str, list[int]] = {}
        for number, named in enumerate(self.names):
            for key in named:
                self.named_by.setdefault(key, []).append(number)

    @classmethod
    def entries_of(cls, dataset: Dataset) -> tuple[list[tuple[str, int]], dict[str, int]]:
        """The entries of ``dataset`` and the entry that holds each id."""
        entries: list[tuple[str, int]] = []
        owner: dict[str, int] = {}
        for found in Dataset.collections():
            for position, entity in enumerate(getattr(dataset, found.field)):
                number = len(entries)
                entries.append((found.field, position))
                for key in held_ids(entity):
                    owner.setdefault(key, number)
        return entries, owner

    def entity(self, dataset: Dataset, number: int) -> Any:
        """Entry ``number`` of ``dataset`` (the dataset these are the references of)."""
        field, position = self.entries[number]
        return getattr(dataset, field)[position]

    def whole(self, entries: Iterable[int]) -> set[int]:
        """``entries`` with every entry they name, and every entry those name, ..."""
        kept = set(entries)
        queue = list(kept)
        while queue:
            for key in self.names[queue.pop()]:
                other = self.owner[key]
                if other not in kept:
                    kept.add(other)
                    queue.append(other)
        return kept

    def own(self, dataset: Dataset, number: int) -> list[int]:
        """The entries that entry ``number`` names, and those they name, and so on,
        short of a partnership or a collaboration (another body, with its own): the
        organisations, people and posts a partnership's arrangements speak of, say. In
        the dataset's order, ``number`` itself not among them."""
        kept: set[int] = set()
        queue = [number]
        while queue:
            for key in self.names[queue.pop()]:
                other = self.owner[key]
                if other in kept or other == number:
                    continue
                if not isinstance(self.entity(dataset, other), Partnership | Collaboration):
                    kept.add(other)
                    queue.append(other)
        return sorted(kept)

    def naming(self, keys: Iterable[str]) -> set[int]:
        """The entries that hold or name any of ``keys``."""
        found: set[int] = set()
        for key in keys:
            if key in self.owner:
                found.add(self.owner[key])
            found.update(self.named_by.get(key, ()))
        return found

    def part(self, dataset: Dataset, entries: set[int]) -> Dataset:
        """The dataset of ``entries`` alone, each collection in its order."""
        chosen: dict[str, list[Any]] = {}
        for number in sorted(entries):
            field, position = self.entries[number]
            chosen.setdefault(field, []).append(getattr(dataset, field)[position])
        collections: dict[str, Any] = {
            found.field: tuple(chosen.get(found.field, ())) for found in Dataset.collections()
        }
        return attrs.evolve(dataset, **collections)


def kept_references(dataset: Dataset, found: References) -> None:
    """Keep ``found`` as the references of ``dataset`` while it lives (loading does,
    having found them): whoever asks for them later is given these."""
    worked_out(dataset, REFERENCES, lambda _: found)
