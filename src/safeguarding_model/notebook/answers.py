"""The graph's answers as HTML tables, for a notebook.

Each answer (:mod:`safeguarding_model.graph.answers`) shows as the command line says it
(``str(answer)``), laid out as a table: every body by name and id, every step with
whether the data states it or the graph derives it (and how), every entry with how it
stands (``ended 2023-11``, ``planned, not yet in place``), the planned entries apart,
and the document's words where the data keeps them. An answer of a kind this module
does not lay out shows as its text.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..graph.answers import (
    AccountabilityLine,
    BodyChairs,
    ChairInfo,
    Chairs,
    EscalationRoute,
    Finding,
    MemberEntry,
    Membership,
    Place,
    Ref,
    Seat,
    Seats,
    Step,
    StructureReport,
    when,
    words,
)
from .markup import ROOT_CLASS, Markup, join, preformatted, rows_table, tag, text

__all__ = ["answer_html", "findings_table", "stands"]

PLANNED = "planned, not yet in place"


def stands(start: str | None, end: str | None, status: str) -> str:
    """How an entry stands, in words: its dates as the answers say them ("ended
    2023-11", "from 2027-01"), "planned, not yet in place", else its status
    ("current")."""
    if status == "planned":
        dates = when(start, end, status).strip(" ()")
        return PLANNED if dates == "planned" else f"{PLANNED} ({dates})"
    return when(start, end, status).strip(" ()") or status


def _ref(ref: Ref | None) -> Markup:
    if ref is None:
        return text("not named in the data")
    return join([ref.named, " ", tag("code", ref.id)])


def _refs(refs: Sequence[Ref]) -> Markup:
    return join([_ref(ref) for ref in refs], "; ")


def _said(derived: bool, via: str | None) -> str:
    if not derived:
        return "stated"
    return f"derived: {via}" if via else "derived"


def _words(text_: str | None) -> str:
    return " ".join(text_.split()) if text_ else ""


STEP_HEADER = (
    "From",
    "To",
    "Line",
    "Details",
    "Stands",
    "Stated or derived",
    "The document's words",
)


def _step_row(step: Step) -> list[object]:
    line = words(step.kind)
    if step.line_kind and step.line_kind != step.kind:
        line += f" ({words(step.line_kind)})"
    if step.alternatives:
        line += ", and/or " + " and/or ".join(ref.named for ref in step.alternatives)
    details = [
        "via " + " and ".join(ref.named for ref in step.through) if step.through else "",
        words(step.cadence) if step.cadence else (step.cadence_text or ""),
        step.condition or "",
        f"sends: {_words(step.subject)}" if step.subject else "",
    ]
    return [
        _ref(step.source),
        _ref(step.target),
        line,
        "; ".join(d for d in details if d),
        stands(step.start, step.end, step.status),
        _said(step.derived, step.via),
        _words(step.text),
    ]


def _steps(steps: Sequence[Step], caption: str | None = None) -> Markup:
    return rows_table(STEP_HEADER, [_step_row(step) for step in steps], caption)


def _accountability(answer: AccountabilityLine) -> list[object]:
    parts: list[object] = [tag("h4", "Accountability line of ", _ref(answer.body))]
    if answer.steps:
        parts.append(_steps(answer.steps))
    else:
        parts.append(tag("p", "The data gives no line of accountability above this node."))
    if answer.top:
        parts.append(tag("p", "Ends at: ", _refs(answer.top), "."))
    if answer.planned:
        parts.append(_steps(answer.planned, f"Planned, not yet in place ({len(answer.planned)})"))
    if answer.not_followed:
        caption = f"Lines that carry no accountability, not followed ({len(answer.not_followed)})"
        parts.append(_steps(answer.not_followed, caption))
    return parts


def _escalation(answer: EscalationRoute) -> list[object]:
    if not answer.found:
        # the command line's sentences: no route, what it can reach, what is not stated
        return [tag("p", line) for line in str(answer).splitlines()]
    parts: list[object] = [
        tag("h4", "Escalation route from ", _ref(answer.start), " to ", _ref(answer.end))
    ]
    if answer.steps:
        parts.append(_steps(answer.steps))
    else:
        parts.append(tag("p", "The same body."))
    return parts


CHAIR_HEADER = ("Body", "Role", "Chair", "Stands", "The document's words")


def _chair_row(body: Ref, chair: ChairInfo, planned: bool = False) -> list[object]:
    status = stands(chair.start, chair.end, "planned" if planned else chair.status)
    return [_ref(body), words(chair.role), chair.description, status, _words(chair.text)]


def _chair_rows(entry: BodyChairs) -> list[list[object]]:
    rows = [_chair_row(entry.body, chair) for chair in entry.chairs]
    if not entry.chairs:
        missing = "chair not stated in the source" if entry.not_stated else "no chair stated"
        rows.append([_ref(entry.body), "", missing, "", ""])
    rows += [_chair_row(entry.body, chair, planned=True) for chair in entry.planned]
    return rows


def _chairs(entries: Sequence[BodyChairs]) -> list[object]:
    if not entries:
        return [tag("p", "No partnership or group in this data.")]
    rows = [row for entry in entries for row in _chair_rows(entry)]
    return [rows_table(CHAIR_HEADER, rows)]


SEAT_HEADER = (
    "Body",
    "Whose",
    "Capacity",
    "Through",
    "Stands",
    "Stated or derived",
    "The document's words",
)


def _seat_rows(place: Place) -> list[list[object]]:
    """A body's seats, one row each (the body and whose it is on the first)."""
    return [
        [
            _ref(place.body) if n == 0 else "",
            (place.of_label or "") if n == 0 else "",
            words(seat.capacity),
            join(
                [
                    *(["in its own name"] if seat.direct and seat.through else []),
                    _refs(seat.through),
                ],
                "; ",
            )
            if seat.through
            else "",
            stands(seat.start, seat.end, seat.status),
            _said(seat.derived, seat.via),
            _words(" ".join(seat.texts)),
        ]
        for n, seat in enumerate(place.seats)
    ]


def _through(seat: Seat) -> Markup | str:
    """The posts (or parts) a seat is held through, and whether also in its own name."""
    if not seat.through:
        return ""
    own: list[Markup | str] = ["in its own name"] if seat.direct else []
    return join([*own, _refs(seat.through)], "; ")


def _seats(answer: Seats) -> list[object]:
    count = len(answer.places)
    parts: list[object] = [
        tag("h4", _ref(answer.who), f" sits on {count} bod{'y' if count == 1 else 'ies'}")
    ]
    if answer.places:
        parts.append(
            rows_table(SEAT_HEADER, [row for place in answer.places for row in _seat_rows(place)])
        )
    else:
        parts.append(tag("p", "None in this data."))
    if answer.planned:
        caption = f"Planned, not yet in place ({len(answer.planned)})"
        rows = [row for place in answer.planned for row in _seat_rows(place)]
        parts.append(rows_table(SEAT_HEADER, rows, caption))
    return parts


MEMBER_HEADER = ("Member", "Named as", "Capacity", "Stands", "Notes")


def _member_row(entry: MemberEntry) -> list[object]:
    if entry.member is not None:
        who: Markup = _ref(entry.member)
    else:
        who = text(_words(entry.text or entry.note) or "not named in the data")
    how = words(entry.named_as) + (f": {entry.detail}" if entry.detail else "")
    notes = [f"represented by {ref.named}" for ref in entry.represented_by]
    if entry.note and (entry.member is not None or entry.text):
        notes.append(entry.note)
    return [
        who,
        how,
        words(entry.capacity),
        stands(entry.start, entry.end, entry.status),
        "; ".join(notes),
    ]


def _membership(answer: Membership) -> list[object]:
    head = f" ({len(answer.entries)} entries)"
    parts: list[object] = [tag("h4", "Members of ", _ref(answer.body), head)]
    if answer.partial:
        more = f"; {answer.further} more not named" if answer.further else ""
        parts.append(tag("p", f"A partial list: the source gives them only in part{more}."))
    if answer.entries:
        parts.append(rows_table(MEMBER_HEADER, [_member_row(e) for e in answer.entries]))
    else:
        missing = "members not stated in the source" if answer.not_stated else "no members stated"
        parts.append(tag("p", missing.capitalize() + "."))
    if answer.planned:
        caption = f"Planned, not yet in place ({len(answer.planned)})"
        parts.append(rows_table(MEMBER_HEADER, [_member_row(e) for e in answer.planned], caption))
    return parts


FINDING_HEADER = ("Severity", "Code", "Message", "Bodies", "The document's words")


def findings_table(findings: Sequence[Finding]) -> Markup:
    """Structural findings as a table, in their order (errors first)."""
    rows = [
        [f.severity.value, f.code or "", f.message, _refs(f.bodies), _words(f.text)]
        for f in findings
    ]
    return rows_table(FINDING_HEADER, rows)


def _structure(answer: StructureReport) -> list[object]:
    head = str(answer).splitlines()[0]
    if not answer.findings:
        return [tag("h4", head), tag("p", "No structural findings.")]
    return [tag("h4", head), findings_table(answer.findings)]


def answer_html(answer: object) -> str:
    """An answer of the graph's questions as HTML (its ``_repr_html_``)."""
    match answer:
        case AccountabilityLine():
            parts = _accountability(answer)
        case EscalationRoute():
            parts = _escalation(answer)
        case Chairs():
            parts = _chairs(answer.bodies)
        case BodyChairs():
            parts = _chairs([answer])
        case Seats():
            parts = _seats(answer)
        case Membership():
            parts = _membership(answer)
        case StructureReport():
            parts = _structure(answer)
        case Finding():
            parts = [findings_table([answer])]
        case _:
            parts = [preformatted(str(answer))]
    return str(tag("div", *parts, class_=ROOT_CLASS))
