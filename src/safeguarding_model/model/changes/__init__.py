"""What changed between two versions of the arrangements: a semantic diff.

:func:`compare` takes two datasets (two files, or one dataset on two dates through
:func:`changes_between`) and gives the :class:`Changes` between them: each a
:class:`Change` record that says what kind of thing changed, how (added, removed,
renamed, replaced or changed), the thing as each version names it, the field, the
values before and after in words, and the ids.

Things are matched by id, or by a succession one version declares (the newer body's
``predecessors``: an integrated care board that replaced a clinical commissioning
group), never by their names alone: an agency under another id with no declared
predecessor is one removed and one added. A list entry with no id of its own (a lead
partner, a member, a reporting line) is matched by what it names (its organisation,
post or target, through those successions), then by its other identifying fields.
An organisation renamed is reported once: where it is first met (as a lead partner or
a relevant agency), else under "organisations".

What one version lists under ``not_stated`` and the other gives is "not stated
before; now ..." (never "none before"). Planned entries are marked planned. Order is
not a change; nor are the source's own words kept beside a fact (the ``text`` of a
partner, chair, member or line: see :func:`facts`), nor the bookkeeping that
matching uses (``former_names``, ``predecessors``) or the version's ``source``.
Everything here is linear in the size of the two datasets.

The package: :mod:`.records` (the records of a comparison), :mod:`.facts` (what is a
fact), :mod:`.matching` (pairing entries), :mod:`.lists` (how each list is
compared), :mod:`.versions` (one version, indexed), :mod:`.words` (changes in
words) and :mod:`.comparer` (the comparison, :func:`compare` and
:func:`changes_between`).
"""

from .comparer import changes_between, compare
from .facts import facts
from .lists import NOT_COMPARED
from .records import Change, ChangeHow, ChangeKind, Changes, Compared, MatchSource, Topic, Value
from .words import (
    DateWords,
    at,
    context,
    describe,
    field_words,
    noun,
    predecessor_end_words,
    span_words,
    value_words,
    whose,
)

__all__ = [
    "Change",
    "ChangeHow",
    "ChangeKind",
    "Changes",
    "Compared",
    "MatchSource",
    "Topic",
    "DateWords",
    "NOT_COMPARED",
    "Value",
    "at",
    "changes_between",
    "compare",
    "context",
    "describe",
    "facts",
    "field_words",
    "noun",
    "predecessor_end_words",
    "span_words",
    "value_words",
    "whose",
]
