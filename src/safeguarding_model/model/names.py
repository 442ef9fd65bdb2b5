"""Finding an entity by its id or by its name: the one resolver of the package.

``Dataset.get``, ``Dataset.partnership``, the graph's ``resolve`` (and so every
``query``), and the partnership a document or chart is about all ask this resolver,
so a name means the same thing everywhere: an id first, then a name, short name,
post title or "title, organisation" (case and spacing aside). A name that several
entities of the kinds asked for share is an :class:`AmbiguousNameError` listing
them; nothing is ever settled by file order.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from ..errors import AmbiguousNameError, NotFoundError
from .dataset import Dataset, Entity, _index
from .groups import Group
from .organisations import Organisation, Post
from .plans import Objective
from .values import with_article

__all__ = ["KIND_WORDS", "Names", "kind_word", "kinds_text"]

KIND_WORDS: dict[type, str] = {
    **{found.item: found.noun for found in Dataset.collections()},
    Group: "group",
    Objective: "objective",
}
"""Each kind of entity in words, as messages and the graph's node kinds name them."""

_LISTED = 8  # a not-found message lists the ids of the kind asked for when this few


def kind_word(entity: Entity) -> str:
    """``organisation``, ``post``, ``group``...: what an entity is, in a word."""
    return KIND_WORDS[type(entity)]


def kinds_text(words: Iterable[str]) -> str:
    """``group, partnership or collaboration``."""
    listed = list(words)
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " or " + listed[-1]


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


class Names:
    """The entities of a dataset by id and by every name they go by.

    ``entities`` is the dataset's index (the first entity of each id), when the caller
    has it already. The table of names is made on the first lookup by name.
    """

    def __init__(self, dataset: Dataset, entities: dict[str, Entity] | None = None) -> None:
        self.dataset = dataset
        self.entities = entities if entities is not None else _index(dataset)
        self._table: dict[str, list[str]] | None = None
        self._spellings: dict[str, str] = {}

    def name(self, key: str) -> str:
        """An entity's name in words (a post with its holder and organisation)."""
        return self.dataset.name_of(key, self.entities)

    def _names_of(self, key: str, entity: Entity) -> Iterable[str | None]:
        yield key
        yield self.name(key)
        yield getattr(entity, "name", None)
        yield getattr(entity, "short_name", None)
        if isinstance(entity, Post):
            yield entity.title
            organisation = self.entities.get(entity.organisation or "")
            if isinstance(organisation, Organisation):
                yield f"{entity.title}, {organisation.name}"

    def table(self) -> dict[str, list[str]]:
        """Every name (folded) and the ids of the entities that go by it, in file order."""
        if self._table is None:
            table: dict[str, list[str]] = {}
            for key, entity in self.entities.items():
                for text in self._names_of(key, entity):
                    if not text:
                        continue
                    folded = _fold(text)
                    ids = table.setdefault(folded, [])
                    if key not in ids:
                        ids.append(key)
                    self._spellings.setdefault(folded, " ".join(text.split()))
            self._table = table
        return self._table

    def resolve(self, key: str, *kinds: type) -> Entity:
        """The entity ``key`` names: by id, or by a name it goes by. With ``kinds``
        (entity classes), only an entity of those kinds will do, and an id of another
        kind does not hide a name of the right kind.

        Raises :class:`NotFoundError` (with the nearest name, and the ids of the kind
        asked for when there are few) for a name nothing of those kinds goes by, or a
        thing of another kind; :class:`AmbiguousNameError` for a name several share.
        """

        def fits(entity: Entity) -> bool:
            return not kinds or isinstance(entity, kinds)

        entity = self.entities.get(key)
        if entity is not None and fits(entity):
            return entity
        candidates = self.table().get(_fold(key), [])
        fitting = [c for c in candidates if fits(self.entities[c])]
        if len(fitting) == 1:
            return self.entities[fitting[0]]
        if fitting:
            raise AmbiguousNameError(key, [(c, self.name(c)) for c in fitting])
        wanted = [KIND_WORDS[k] for k in kinds]
        if entity is not None:
            candidates = [key]
        needs = f"this question needs {with_article(kinds_text(wanted))}" if kinds else ""
        if len(candidates) > 1:  # several things go by the name, none of the kind asked
            listed = "; ".join(
                f"`{c}` ({self.name(c)}, {with_article(kind_word(self.entities[c]))})"
                for c in candidates
            )
            raise NotFoundError(f"{key!r} names {listed}; {needs}", key=key)
        if candidates:
            found = self.entities[candidates[0]]
            raise NotFoundError(
                f"{self.name(found.id)} ({found.id}) is {with_article(kind_word(found))}; {needs}",
                key=key,
            )
        raise self._not_found(key, kinds, wanted)

    def _not_found(self, key: str, kinds: tuple[type, ...], wanted: list[str]) -> NotFoundError:
        def fits(ids: list[str]) -> bool:
            return not kinds or any(isinstance(self.entities[i], kinds) for i in ids)

        pool = [name for name, ids in self.table().items() if fits(ids)]
        close = difflib.get_close_matches(_fold(key), pool, n=1, cutoff=0.6)
        suggestion = self._spellings[close[0]] if close else None
        what = f"no {kinds_text(wanted)}" if kinds else "nothing"
        message = f"{what} in this data has the id or name {key!r}"
        if suggestion:
            message += f" (did you mean `{suggestion}`?)"
        if kinds:
            ids = [k for k, e in self.entities.items() if isinstance(e, kinds)]
            if not ids:
                message += f"; it has no {kinds_text(wanted)}"
            elif len(ids) <= _LISTED:
                message += f"; it has: {', '.join(ids)}"
        return NotFoundError(message, key=key, suggestion=suggestion)
