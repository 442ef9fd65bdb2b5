"""What changed between two versions, for people and for scripts.

:func:`changes_section` is the section "Changes to the safeguarding arrangements" of
the document tree, which the yearly report holds and every document writer (Markdown,
HTML, Word) writes; :func:`changes_document` a small document of it on its own;
:func:`changes_text` the changes as plain text for a terminal; :func:`changes_data` as
plain data for JSON, with the same keys whatever the changes.

Changes are given by topic (the partnership, the partners, the chair, scrutiny,
relevant agencies, observers and links, groups, organisations), each a bulleted
sentence in plain English (:func:`~safeguarding_model.model.changes.describe`), names as
each version gives them; entries added or removed together are listed in one bullet
("Relevant agencies added: ..."), and a merger or a split in one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from ..model import PartialDate
from ..model.changes import (
    Change,
    ChangeHow,
    Changes,
    Compared,
    DateWords,
    Topic,
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
from ..model.values import SuccessionKind
from ._common import date_text
from .tree import Document, ItemList, ListItem, Paragraph, Section

__all__ = [
    "TITLE",
    "bullets",
    "changes_data",
    "changes_document",
    "changes_section",
    "changes_text",
    "date_words",
    "intro",
]

TITLE = "Changes to the safeguarding arrangements"
"""The title of the section of changes, as the yearly report names it."""


def date_words(date: PartialDate) -> str:
    """A date in words, as precise as the data: ``30 September 2024``, ``September
    2024``, ``2024``, ``by December 2024``, ``April 2023 to March 2024``."""
    plain = date_text(attrs.evolve(date, bound=None, until=None)) or str(date)
    if date.bound is not None:
        return f"{date.bound.value} {plain}"
    if date.until is not None:
        return f"{plain} to {date_text(date.until)}"
    return plain


def _listable(change: Change) -> bool:
    return change.how in (ChangeHow.ADDED, ChangeHow.REMOVED) and bool(change.field)


def _list_key(change: Change) -> tuple[Any, ...]:
    return (
        change.kind,
        change.field,
        change.how,
        change.group,
        whose(change),
        change.entry,
        change.not_stated_before,
        change.not_stated_after,
        change.planned,
    )


def _joined(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _listed(changes: Sequence[Change], dates: DateWords) -> str:
    """Entries added or removed together, as one sentence."""
    first = changes[0]
    if len(changes) == 1:
        return describe(first, dates)
    lead = ", ".join(part for part in (whose(first), first.entry) if part)
    lead = f"{lead}: " if lead else ""
    added = first.how is ChangeHow.ADDED
    entries = "; ".join(
        value_words(c.after if added else c.before, dates).rstrip(".")
        + span_words(c, dates, planned=False)
        for c in changes
    )
    plural = noun(first, plural=True)
    if first.not_stated_before:
        text = f"{plural}: not stated before; now {entries}"
    elif first.not_stated_after:
        text = f"{plural}: {entries} before; now not stated"
    else:
        verb = "planned" if first.planned else ("added" if added else "removed")
        text = f"{plural} {verb}: {entries}"
    text = lead + text
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."


def _succession(changes: Sequence[Change], dates: DateWords) -> str:
    """A merger (several into one) or a split (one into several), as one sentence."""
    first = changes[0]
    when = f" {at(first.date, dates)}" if first.date is not None else ""
    if first.succession is SuccessionKind.MERGED:
        olds = _joined(
            [value_words(c.before, dates) + predecessor_end_words(c, dates) for c in changes]
        )
        text = f"{olds} were merged into {value_words(first.after, dates)}{when}"
    else:
        news = _joined([str(value_words(c.after, dates)) for c in changes])
        before = value_words(first.before, dates) + predecessor_end_words(first, dates)
        text = f"{before} was split into {news}{when}"
    lead = f"{whose(first)}: " if whose(first) else ""
    return f"{lead}{text}."


LONG = 160
"""A value longer than this (in characters) that one version gives where the other did
not is not quoted in a bullet: the bullet says it is now given (the JSON has it)."""


def _newly_given(change: Change) -> bool:
    """A long value given now where the older version did not give it."""
    return (
        change.how is ChangeHow.CHANGED
        and change.before is None
        and isinstance(change.after, str)
        and len(change.after) > LONG
    )


def _given(changes: Sequence[Change]) -> str:
    """Long values now given where they were not, as one sentence."""
    first = changes[0]
    lead = f"{context(first)}: " if context(first) else ""
    fields = _joined([field_words(c.field or "", c.kind) for c in changes])
    said = "not stated" if first.not_stated_before else "not given"
    text = f"{lead}{fields} {said} before; now given in the arrangements"
    return text[:1].upper() + text[1:] + "."


def bullets(changes: Iterable[Change], dates: DateWords = str) -> list[str]:
    """The changes as sentences, one a bullet, in order: entries of one kind added (or
    removed) together in one bullet, where the first of them is; a merger or a split
    in one; long values now given where they were not in one, without quoting them."""
    runs: dict[tuple[Any, ...], list[Change]] = {}
    order: list[tuple[Any, ...] | Change] = []
    for change in changes:
        key: tuple[Any, ...] | None = None
        if _newly_given(change):
            key = ("given", change.kind, change.group, context(change), change.not_stated_before)
        elif _listable(change):
            key = ("list", *_list_key(change))
        elif change.how is ChangeHow.REPLACED and change.succession is SuccessionKind.MERGED:
            key = ("merged", change.kind, change.new_id)
        elif change.how is ChangeHow.REPLACED and change.succession is SuccessionKind.SPLIT:
            key = ("split", change.kind, change.old_id)
        if key is None:
            order.append(change)
            continue
        if key not in runs:
            runs[key] = []
            order.append(key)
        runs[key].append(change)
    found = []
    for entry in order:
        if isinstance(entry, Change):
            found.append(describe(entry, dates))
        elif entry[0] == "list":
            found.append(_listed(runs[entry], dates))
        elif entry[0] == "given":
            found.append(_given(runs[entry]))
        elif len(runs[entry]) == 1:
            found.append(describe(runs[entry][0], dates))
        else:
            found.append(_succession(runs[entry], dates))
    return found


def _topics(changes: Iterable[Change]) -> list[tuple[Topic, list[Change]]]:
    """Changes by topic, in the topics' order."""
    found: dict[Topic, list[Change]] = {}
    for change in changes:
        found.setdefault(change.topic, []).append(change)
    return [(topic, found[topic]) for topic in Topic if topic in found]


def intro(changes: Changes, compared: Compared | None, dates: DateWords = str) -> str:
    """What was compared, in a sentence: "Changes between the arrangements of June 2019
    and those of September 2024."."""
    if changes.old_on is not None and changes.new_on is not None:
        return (
            f"Changes between the arrangements as they stood {at(changes.old_on, dates)} "
            f"and {at(changes.new_on, dates)}."
        )
    if compared is not None and compared.old_date is not None and compared.new_date is not None:
        old, new = dates(compared.old_date), dates(compared.new_date)
        if old == new:
            return f"Changes between two versions of the arrangements of {old}."
        return f"Changes between the arrangements of {old} and those of {new}."
    if changes.old_version and changes.new_version:
        return f"Changes from {changes.old_version} to {changes.new_version}."
    return "Changes between the earlier arrangements and these."


def _compared(changes: Changes, partnership: str | None) -> Compared | None:
    for compared in changes.compared:
        if partnership is not None and partnership in (compared.old_id, compared.new_id):
            return compared
    return changes.compared[0] if len(changes.compared) == 1 and partnership is None else None


NO_CHANGE = "The data shows no change to the arrangements."


def _topic_sections(changes: Iterable[Change]) -> tuple[Section, ...]:
    return tuple(
        Section(
            title=topic.title,
            blocks=(
                ItemList(
                    items=tuple(ListItem(content=text) for text in bullets(found, date_words))
                ),
            ),
        )
        for topic, found in _topics(changes)
    )


def changes_section(
    changes: Changes, partnership: str | None = None, *, title: str = TITLE
) -> Section:
    """The section "Changes to the safeguarding arrangements" for one partnership (by
    default the only one compared), with the organisations renamed or replaced that
    its changes do not mention: a sentence saying what was compared, then a
    subsection a topic, each a bulleted list; a sentence saying there is no change
    when there is none."""
    compared = _compared(changes, partnership)
    key = compared.id if compared is not None else partnership
    own = [*changes.of(key), *(changes.of(None) if key is not None else ())]
    blocks = [Paragraph(content=intro(changes, compared, date_words))]
    if not own:
        blocks.append(Paragraph(content=NO_CHANGE))
    return Section(title=title, blocks=tuple(blocks), sections=_topic_sections(own))


def changes_document(changes: Changes) -> Document:
    """The changes as a document of their own: for one partnership, the section
    "Changes to the safeguarding arrangements" under the partnership's name; for
    several, a section a partnership, then the organisations renamed or replaced."""
    if len(changes.compared) == 1:
        compared = changes.compared[0]
        return Document(
            kind="changes",
            title=compared.name,
            partnership=compared.id,
            sections=(changes_section(changes, compared.id),),
        )
    sections = [
        Section(
            title=compared.name,
            blocks=(Paragraph(content=intro(changes, compared, date_words)),)
            + (() if changes.of(compared.id) else (Paragraph(content=NO_CHANGE),)),
            sections=_topic_sections(changes.of(compared.id)),
        )
        for compared in changes.compared
    ]
    if changes.of(None):
        sections += _topic_sections(changes.of(None))
    return Document(kind="changes", title=TITLE, sections=tuple(sections))


def changes_text(changes: Changes) -> str:
    """The changes as text for a person: each partnership's name, what was compared,
    then each topic's changes as indented bullets."""
    heading = (
        f"Changes from {changes.old_version} to {changes.new_version}"
        if changes.old_version and changes.new_version
        else "Changes"
    )
    out = [heading, "=" * len(heading)]
    for compared in changes.compared:
        out += ["", compared.name, "-" * len(compared.name), intro(changes, compared)]
        own = changes.of(compared.id)
        if not own:
            out.append(NO_CHANGE)
        out += _text_topics(own)
    rest = changes.of(None)
    if rest:
        out.append("")
        out += _text_topics(rest)
    if not changes.compared and not rest:
        out += ["", NO_CHANGE]
    return "\n".join(out)


def _text_topics(changes: Iterable[Change]) -> list[str]:
    out = []
    for topic, found in _topics(changes):
        out += ["", topic.title]
        out += [f"  - {text}" for text in bullets(found)]
    return out


def _written(value: object) -> str | None:
    """A value or a date as written, None for none."""
    return None if value is None else str(value)


def change_data(change: Change) -> dict[str, Any]:
    """One change as plain data: every key always present (None where it does not
    apply); allowed values as their values, dates as written; ``text`` the sentence."""
    return {
        "kind": change.kind.value,
        "how": change.how.value,
        "topic": change.topic.value,
        "partnership": change.partnership,
        "group": change.group,
        "group_name": change.group_name,
        "entry": change.entry,
        "subject": change.subject,
        "old_name": change.old_name,
        "new_name": change.new_name,
        "field": change.field,
        "before": _written(change.before),
        "after": _written(change.after),
        "old_id": change.old_id,
        "new_id": change.new_id,
        "match": change.match.value if change.match else None,
        "succession": change.succession.value if change.succession else None,
        "date": _written(change.date),
        "predecessor_end": _written(change.predecessor_end),
        "start": _written(change.start),
        "end": _written(change.end),
        "planned": change.planned,
        "not_stated_before": change.not_stated_before,
        "not_stated_after": change.not_stated_after,
        "text": describe(change),
    }


def changes_data(changes: Changes) -> dict[str, Any]:
    """The changes as plain data for JSON: ``old`` and ``new`` (what was compared, in
    words, or None), ``from`` and ``to`` (the dates of a comparison on two dates, or
    None), ``partnerships`` (each compared partnership's ids, names and dates in each
    version), ``count`` and ``changes`` (each as :func:`change_data`)."""
    return {
        "old": changes.old_version,
        "new": changes.new_version,
        "from": _written(changes.old_on),
        "to": _written(changes.new_on),
        "partnerships": [
            {
                "old_id": compared.old_id,
                "new_id": compared.new_id,
                "old_name": compared.old_name,
                "new_name": compared.new_name,
                "old_date": _written(compared.old_date),
                "new_date": _written(compared.new_date),
            }
            for compared in changes.compared
        ],
        "count": len(changes),
        "changes": [change_data(change) for change in changes],
    }
