"""The answers of the graph queries: plain, frozen data that carries its sources.

Every answer names the nodes it talks about by id, kind and readable name (``Ref``),
keeps the document's words where the model has them (``text``), and says when a
step was derived rather than stated (``derived`` with ``via``). ``to_dict()`` gives
JSON-ready data; ``str()`` gives the text the command line prints.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from ..errors import Diagnostic, NotFoundError, Severity, plain
from ..model import (
    Cadence,
    ChairRole,
    EventKind,
    GroupKind,
    LineKind,
    MemberCapacity,
    OrganisationKind,
    PartnershipRole,
    ScrutinyKind,
    StatutoryRole,
)
from ..model.meaning import and_list
from .kinds import EdgeKind, NodeKind

__all__ = [
    "AccountabilityLine",
    "BodyChairs",
    "ChairInfo",
    "Chairs",
    "EscalationRoute",
    "Finding",
    "MemberEntry",
    "Membership",
    "Place",
    "Ref",
    "Seat",
    "Seats",
    "Severity",
    "Step",
    "StructureReport",
]

SEVERITIES = tuple(Severity)
"""The severities, most serious first."""
"""One of ``error``, ``warning`` or ``info``."""


_WORDS: dict[str, str] = {
    member.value: member.label
    for choice in (
        EdgeKind,
        NodeKind,
        ChairRole,
        MemberCapacity,
        StatutoryRole,
        PartnershipRole,
        Cadence,
        GroupKind,
        OrganisationKind,
        ScrutinyKind,
        EventKind,
        LineKind,
    )
    for member in choice
}
_WORDS.update({"acts-through": "acts through", "chair-of": "chair of"})


def words(value: str) -> str:
    """A value of the model's or the graph's enumerations in words, by its ``label``
    (``six-monthly`` and ``co-chair`` keep their hyphens)."""
    return _WORDS.get(value, value)


def when(start: str | None, end: str | None, status: str = "current") -> str:
    """The dates of something, for text, as it stands (``status``, see
    :class:`~safeguarding_model.model.meaning.Standing`): `` (ended 2023-11)``, `` (from
    2022, ended 2023-11)`` for an end that has passed; `` (to 2027-03)``, `` (from
    2024-01)``, `` (2024-01 to 2027-03)`` otherwise; `` (planned)``, `` (planned for
    2027-01)`` for a planned entry; empty when it has none and is not planned."""
    if status == "planned":
        if not start:
            return " (planned)"
        return f" (planned for {start})" if " " not in start else f" (planned, {start})"
    # A date with a space is a bound or a range ("by 2022-06-30", "2023 to 2024").
    since = (f"from {start}" if " " not in start else f"starting {start}") if start else ""
    if status == "ended" and end:
        return f" ({since}, ended {end})" if since else f" (ended {end})"
    if not end:
        return f" ({since})" if since else ""
    if " " in end:
        return f" ({since}, ending {end})" if since else f" (ending {end})"
    if start and " " not in start:
        return f" ({start} to {end})"
    return f" ({since} to {end})" if since else f" (to {end})"


def _apart(planned: tuple[Any, ...], lines: list[str], indent: str = "  ") -> list[str]:
    """The planned entries of an answer, kept apart under a heading of their own."""
    if not planned:
        return []
    shown = [f"{indent}{part}" for line in lines for part in line.splitlines()]
    return [f"Planned, not yet in place ({len(planned)}):", *shown]


class _Answer:
    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """The answer as JSON-ready data (tuples become lists)."""
        data: dict[str, Any] = plain(self)
        return data

    def _repr_html_(self) -> str:
        """The answer in a notebook, as tables (:mod:`safeguarding_model.notebook`, a
        face, imported only when displayed)."""
        from ..notebook.answers import answer_html

        return answer_html(self)


def _quote(text: str | None, indent: str) -> list[str]:
    if not text:
        return []
    flat = " ".join(text.split())
    return [f'{indent}"{flat}"']


@attrs.frozen(kw_only=True)
class Ref(_Answer):
    """A node of the graph: its id, its kind (a ``NodeKind`` value) and its name, and
    for a group, post, organisation or collaboration its ``start`` and ``end`` where the
    data gives them (text such as ``2023-11``), and ``status``: how it stands on the
    date the answer is read against (``current``, ``ended``, ``future``, or ``planned``
    for a planned group)."""

    id: str
    kind: str
    name: str
    start: str | None = None
    end: str | None = None
    status: str = "current"

    @property
    def named(self) -> str:
        """The name with the dates, if any: ``Neglect Task and Finish Group (ended 2023-11)``."""
        return self.name + when(self.start, self.end, self.status)

    def __str__(self) -> str:
        return f"{self.name} ({self.id}){when(self.start, self.end, self.status)}"


@attrs.frozen(kw_only=True)
class Step(_Answer):
    """One step of a line: ``source`` to ``target`` along an edge of ``kind``.

    ``kind`` is an ``EdgeKind`` value, or ``acts-through`` for the step an escalation
    takes from a partnership to the top body that acts for it. ``derived`` steps are
    inferred from the model rather than stated in it; ``via`` says how (every
    accountable-to step is derived: from a stated line of accountability, whose meaning
    ``line_kind`` then gives, or from where a body sits, when ``line_kind`` is None).
    ``alternatives`` are the other bodies of an "and/or" line: the step is one of
    alternatives, and the data does not say which. ``cadence`` (a known value) or
    ``cadence_text`` (the document's words) say how often, ``condition`` when ("by
    exception") and ``subject`` what is sent; ``through`` the bodies the line passes
    through ("via the Scrutiny and Challenge Group"). ``start`` and ``end`` are the
    line's dates where the data gives them, and ``status`` how it stands.
    """

    source: Ref
    target: Ref
    kind: str
    cadence: str | None = None
    text: str | None = None
    derived: bool = False
    via: str | None = None
    start: str | None = None
    end: str | None = None
    status: str = "current"
    line_kind: str | None = None
    alternatives: tuple[Ref, ...] = ()
    condition: str | None = None
    subject: str | None = None
    cadence_text: str | None = None
    through: tuple[Ref, ...] = ()

    def __str__(self) -> str:
        said = words(self.kind)
        via = "via " + " and ".join(ref.named for ref in self.through) if self.through else None
        details = [via, words(self.cadence) if self.cadence else self.cadence_text, self.condition]
        shown = [detail for detail in details if detail]
        if shown:
            said += f" ({', '.join(shown)})"
        said += when(self.start, self.end, self.status)
        if self.alternatives:
            others = " and/or ".join(ref.named for ref in self.alternatives)
            said += f", and/or {others}"
        if self.subject:
            said += f": {self.subject}"
        if self.derived and self.via:
            said += f" [derived: {self.via}]"
        return f"{self.source.named} -> {self.target.named}: {said}"


@attrs.frozen(kw_only=True)
class AccountabilityLine(_Answer):
    """The bodies a body answers to, step by step, as far as the data goes.

    ``steps`` are the accountable-to edges above ``body`` in breadth-first order (a
    body that reports to two bodies has two steps), each derived, with its reason in
    ``via``; ``top`` the nodes where the line ends: the lead safeguarding partners, a
    leadership group (the top of its partnership), or a collaboration (which answers to
    no one unless a stated line says so). ``planned`` holds the planned lines from the
    bodies on the way (not yet in place, so not followed); ``not_followed`` the lines
    from the bodies on the way that carry no accountability (for information, of
    advice, or whose meaning the source does not state), so not followed either.
    ``not_named`` says, for each partnership on the way, the lead partners it answers
    to that the data gives by their role only ("Westshire SCP: the integrated care
    board"): the line ends there too, at a body no node stands for.
    """

    body: Ref
    steps: tuple[Step, ...]
    top: tuple[Ref, ...]
    planned: tuple[Step, ...] = ()
    not_followed: tuple[Step, ...] = ()
    not_named: tuple[str, ...] = ()

    def __str__(self) -> str:
        out = [f"Accountability line of {self.body}"]
        if not self.steps:
            out.append("  the data gives no line of accountability above this node")
        for step in self.steps:
            out.append(f"  {step}")
            out += _quote(step.text, "      ")
        if self.top:
            out.append("Ends at: " + "; ".join(str(ref) for ref in self.top))
        if self.not_named:
            out.append("Also ends at lead partners the data does not name:")
            out += [f"  {words}" for words in self.not_named]
        out += _apart(self.planned, [str(step) for step in self.planned])
        if self.not_followed:
            out.append(
                f"Lines that carry no accountability, not followed ({len(self.not_followed)}):"
            )
            out += [f"  {step}" for step in self.not_followed]
        return "\n".join(out)


@attrs.frozen(kw_only=True)
class EscalationRoute(_Answer):
    """How a concern travels from ``start`` to ``end``: escalation lines first, then
    reporting lines and parent groups; through a partnership by its top body.

    ``found`` is false when no route exists; ``reachable`` lists every body an
    escalation from ``start`` can reach, nearest first. ``not_stated`` lists the
    bodies on the way (``start`` included) whose reporting or escalation line the
    source does not state: a route through them may exist that the data cannot show.
    """

    start: Ref
    end: Ref
    found: bool
    steps: tuple[Step, ...]
    reachable: tuple[Ref, ...]
    not_stated: tuple[Ref, ...] = ()

    def __str__(self) -> str:
        if not self.found:
            out = [f"No escalation route from {self.start} to {self.end}."]
            if self.reachable:
                out.append("It can reach: " + "; ".join(str(ref) for ref in self.reachable))
            elif any(ref.id == self.start.id for ref in self.not_stated):
                out.append("The source does not state its reporting or escalation line.")
            else:
                out.append("The data gives it no escalation or reporting line.")
            others = [ref for ref in self.not_stated if ref.id != self.start.id]
            if others:
                out.append(
                    "The source does not state the reporting or escalation line of: "
                    + "; ".join(str(ref) for ref in others)
                )
            return "\n".join(out)
        out = [f"Escalation route from {self.start} to {self.end}"]
        for number, step in enumerate(self.steps, 1):
            out.append(f"  {number}. {step}")
            out += _quote(step.text, "       ")
        if not self.steps:
            out.append("  (the same body)")
        return "\n".join(out)


@attrs.frozen(kw_only=True)
class ChairInfo(_Answer):
    """One chair of a body, as far as the data says who it is.

    ``role`` is a ``ChairRole`` value; a body chaired by "the partnership chair" takes
    the role of each partnership chair (two co-chairs of the partnership are two
    co-chairs of the body). ``post`` and ``holder`` are known when the data names the
    post (directly, or as the partnership chair, with ``partnership`` saying whose);
    ``holder`` alone when it names a person without a post, ``organisation`` alone when
    it names an agency only ("chaired by the police": not a rotation). ``one_of`` is the
    partnership role whose holders the chair is one of ("one of the delegated
    safeguarding partners"), with ``one_of_holders`` the posts or organisations that
    hold it: the data does not say which of them chairs. ``nominated_by`` and
    ``rotates_among`` say how a chair is chosen; a rotating chair has its
    ``rotation_period`` in the document's words and ``rotation_in_order`` when
    ``rotates_among`` is the order of the rotation. ``description`` says it in words
    ("not named in the data" for a chair the document mentions but does not name);
    ``text`` keeps the document's words; ``start`` and ``end`` are the chair's dates
    where the data gives them, ``status`` how it stands.
    """

    role: str
    post: Ref | None = None
    holder: Ref | None = None
    organisation: Ref | None = None
    partnership_chair: bool = False
    partnership: Ref | None = None
    nominated_by: Ref | None = None
    rotates_among: tuple[Ref, ...] = ()
    one_of: str | None = None
    one_of_holders: tuple[Ref, ...] = ()
    rotation_period: str | None = None
    rotation_in_order: bool = False
    description: str
    text: str | None = None
    start: str | None = None
    end: str | None = None
    status: str = "current"

    def __str__(self) -> str:
        dates = when(self.start, self.end, self.status)
        if self.description.endswith(dates):  # the post's dates say it already
            dates = ""
        return f"{words(self.role)}: {self.description}{dates}"


@attrs.frozen(kw_only=True)
class BodyChairs(_Answer):
    """A group, partnership or collaboration and its chairs (none when not stated);
    ``not_stated`` is true when the source does not give its chair. ``planned`` holds
    its planned chairs, apart: not yet in place."""

    body: Ref
    chairs: tuple[ChairInfo, ...]
    not_stated: bool = False
    planned: tuple[ChairInfo, ...] = ()


@attrs.frozen(kw_only=True)
class Chairs(_Answer):
    """Who chairs what: every body in the data in order, with its chairs."""

    bodies: tuple[BodyChairs, ...]
    resolve: Callable[[str], str] | None = attrs.field(
        default=None, eq=False, repr=False, metadata={"plain": False}
    )
    """The graph's name resolver (``GovernanceGraph.resolve``), for :meth:`of`."""

    def of(self, key: str) -> BodyChairs:
        """The entry for a body, by id or by any name it goes by, as every question
        names bodies (a :class:`~safeguarding_model.errors.NotFoundError` or
        :class:`~safeguarding_model.errors.AmbiguousNameError` otherwise)."""
        wanted = self.resolve(key) if self.resolve is not None else key
        for entry in self.bodies:
            if entry.body.id == wanted:
                return entry
        raise NotFoundError(f"no body in this answer has the id or name {key!r}", key=key)

    def __str__(self) -> str:
        out = []
        for entry in self.bodies:
            if not entry.chairs:
                missing = (
                    "chair not stated in the source" if entry.not_stated else "no chair stated"
                )
                out.append(f"{entry.body}: {missing}")
            else:
                out.append(f"{entry.body}:")
            for chair in entry.chairs:
                out.append(f"  {chair}")
                out += _quote(chair.text, "    ")
            for chair in entry.planned:
                out.append(f"  planned, not yet in place: {chair}")
                out += _quote(chair.text, "    ")
        if not self.bodies:
            out.append("No partnership or group in this data.")
        return "\n".join(out)


@attrs.frozen(kw_only=True)
class Seat(_Answer):
    """One capacity in which an organisation, post or person sits on a body, in one
    wording for each capacity whichever partnership it is in.

    ``capacity`` is the capacity in words ("lead safeguarding partner (chief officer of
    police)", "delegated safeguarding partner for the chief officer of police",
    "member", "co-chair (in rotation)"); ``kind`` the edge kind it comes from (a
    ``lead-partner-through`` edge counts as ``lead-partner-of``); ``value`` the model's
    value it is given by, where there is one (the statutory role, the member capacity
    or the chair role). ``through`` the posts, or parts of an organisation, that hold
    it, each once, in order; ``direct`` whether it is also held in the sitter's own
    name (an organisation named as a member itself): the same capacity held directly
    and through posts is one seat. ``texts`` are the document's words that give it,
    each once. ``derived`` seats are inferred from the model (``via`` says how: a
    member named as a role's holder); ``start`` and ``end`` are the seat's dates where
    the data gives them, ``status`` how it stands.
    """

    capacity: str
    kind: str
    value: str | None = None
    through: tuple[Ref, ...] = ()
    direct: bool = True
    texts: tuple[str, ...] = ()
    derived: bool = False
    via: str | None = None
    start: str | None = None
    end: str | None = None
    status: str = "current"

    def __str__(self) -> str:
        line = f"{self.capacity}{when(self.start, self.end, self.status)}"
        if self.through:
            names = and_list([ref.named for ref in self.through])
            # A lead partner's organisation and its post are one partner: the post says it.
            own = self.direct and self.kind != "lead-partner-of"
            line += f", in its own name and through {names}" if own else f", through {names}"
        if self.derived and self.via:
            line += f" [derived: {self.via}]"
        return line


@attrs.frozen(kw_only=True)
class Place(_Answer):
    """A body an organisation, post or person sits on, and its seats on it.

    ``of`` is the partnership or collaboration the body belongs to (a group's owner;
    None for a partnership or collaboration itself), and ``of_label`` how the text
    names it (its short name where it has one). ``seats`` are its capacities on the
    body, each once (:class:`Seat`)."""

    body: Ref
    seats: tuple[Seat, ...]
    of: Ref | None = None
    of_label: str | None = None

    def lines(self, whose: bool) -> list[str]:
        """The place as text: one line, or the body then a line per seat; with
        ``whose``, a group's body says whose it is."""
        head = self.body.named
        if whose and self.of_label:
            head += f" ({self.of_label})"
        if len(self.seats) == 1:
            return [f"{head}: {self.seats[0]}"]
        return [f"{head}:", *(f"  {seat}" for seat in self.seats)]


@attrs.frozen(kw_only=True)
class Seats(_Answer):
    """Every body an organisation, post or person sits on (``places``, each body once,
    in graph order, with its seats), and the planned places apart, in ``planned``:
    not yet in place (a planned membership, a seat on a planned group). ``whose`` is
    true when the data holds more than one partnership or collaboration, so that the
    text says whose each group is (its ``of``, which the JSON always gives)."""

    who: Ref
    places: tuple[Place, ...]
    planned: tuple[Place, ...] = ()
    whose: bool = False
    resolve: Callable[[str], str] | None = attrs.field(
        default=None, eq=False, repr=False, metadata={"plain": False}
    )
    """The graph's name resolver (``GovernanceGraph.resolve``), for :meth:`on`."""

    def on(self, key: str) -> tuple[Seat, ...]:
        """The seats in place on one body, by id or by any name it goes by (none when
        it sits on it only as planned, or not at all)."""
        wanted = self.resolve(key) if self.resolve is not None else key
        return next((place.seats for place in self.places if place.body.id == wanted), ())

    @property
    def bodies(self) -> tuple[Ref, ...]:
        """The bodies it sits on, each once, in order: what the count counts."""
        return tuple(place.body for place in self.places)

    def to_dict(self) -> dict[str, Any]:
        """The answer as JSON-ready data, with ``count``: the number of ``places``."""
        return {**super().to_dict(), "count": len(self.places)}

    def __str__(self) -> str:
        count = len(self.places)
        out = [f"{self.who} sits on {count} bod{'y' if count == 1 else 'ies'}"]
        out += [f"  {line}" for place in self.places for line in place.lines(self.whose)]
        if not self.places:
            out.append("  (none in this data)")
        planned = [line for place in self.planned for line in place.lines(self.whose)]
        if self.planned:
            out.append(f"Planned, not yet in place ({len(self.planned)}):")
            out += [f"  {line}" for line in planned]
        return "\n".join(out)


@attrs.frozen(kw_only=True)
class MemberEntry(_Answer):
    """One member of a body, expanded as far as the data allows.

    ``member`` is the post or organisation (``None`` when the document describes the
    member only in words, or names a role or a chair the data cannot resolve).
    ``named_as`` says how the document names it: ``post``, ``organisation``,
    ``role``, ``chair-of``, ``sector``, ``text``, or for a partnership
    ``lead-partner``, ``delegated-partner``, ``chair``, ``scrutineer``,
    ``relevant-agency``, ``observer``, and for a collaboration ``member``;
    ``detail`` gives the role or the group; ``note`` why no member is named, or that
    the member is one of several the data does not choose between (the chair of a
    group chaired by one of the delegated safeguarding partners). For a post,
    ``holder`` and ``organisation``; for a sector, ``represented_by``. ``start`` and ``end`` are the
    membership's dates where the data gives them, ``status`` how it stands. A role
    narrowed to the holders for one statutory partner has it in ``acts_for`` (a
    ``StatutoryRole`` value, "chief-officer-of-police"); in a collaboration's group,
    ``partnerships`` are the member partnerships whose role the entry is: those whose
    holder ``member`` is, or, with no ``member``, the one whose holders the data does
    not name (``note`` then gives the rule: "the delegated safeguarding partners for
    the chief officer of police of the Portsmouth Safeguarding Children Partnership:
    not named in the data").
    """

    member: Ref | None
    capacity: str
    named_as: str
    detail: str | None = None
    holder: Ref | None = None
    organisation: Ref | None = None
    represented_by: tuple[Ref, ...] = ()
    text: str | None = None
    note: str | None = None
    start: str | None = None
    end: str | None = None
    status: str = "current"
    acts_for: str | None = None
    partnerships: tuple[Ref, ...] = ()

    def __str__(self) -> str:
        rule = self.member is None and bool(self.partnerships) and bool(self.note)
        if self.member is not None:
            head = self.member.named
        elif rule:  # one member partnership's holders, not named: the rule, in words
            head = " ".join(str(self.note).split())
        else:
            head = " ".join((self.text or self.note or "(unnamed)").split())
        how = words(self.named_as)
        if self.detail:
            how += f": {self.detail}"
        if self.partnerships and not rule:
            how += ", of " + " and ".join(ref.name for ref in self.partnerships)
        extra = f", {words(self.capacity)}" if self.capacity != "member" else ""
        out = [f"{head} [{how}{extra}]{when(self.start, self.end, self.status)}"]
        for rep in self.represented_by:
            out.append(f"    represented by {rep.named}")
        if self.note and (self.member is not None or self.text) and not rule:
            out.append(f"    {self.note}")
        return "\n".join(out)


@attrs.frozen(kw_only=True)
class Membership(_Answer):
    """The members of a group (or a partnership's or collaboration's members), in
    document order; ``not_stated`` is true when the source does not give them, and
    ``partial`` when it gives them only in part (it says the list goes on, or counts
    ``further`` members it does not name; ``partial_text`` keeps its words): the
    entries are then not all the members. ``planned`` holds the planned members apart
    (not yet in place): they are not among ``entries`` nor counted with them."""

    body: Ref
    entries: tuple[MemberEntry, ...]
    not_stated: bool = False
    planned: tuple[MemberEntry, ...] = ()
    partial: bool = False
    further: int | None = None
    partial_text: str | None = None

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the posts and organisations among the members, each once."""
        return tuple(dict.fromkeys(e.member.id for e in self.entries if e.member))

    def __str__(self) -> str:
        out = [f"Members of {self.body} ({len(self.entries)} entries)"]
        if self.partial:
            more = f"; {self.further} more not named" if self.further else ""
            out[0] += f", a partial list: the source gives them only in part{more}"
        out += [f"  {line}" for entry in self.entries for line in str(entry).splitlines()]
        if not self.entries:
            missing = "members not stated in the source" if self.not_stated else "no members stated"
            out.append(f"  ({missing})")
        out += _apart(self.planned, [str(entry) for entry in self.planned])
        return "\n".join(out)


@attrs.frozen(kw_only=True)
class Finding(Diagnostic, _Answer):
    """A structural problem or remark: a :class:`~safeguarding_model.errors.Diagnostic`
    (``code``, ``severity``, ``message``) with the bodies involved and the source text
    if any. ``str()`` is ``severity: code: message``."""

    bodies: tuple[Ref, ...] = ()
    text: str | None = None


@attrs.frozen(kw_only=True)
class StructureReport(_Answer):
    """Every structural finding, errors first."""

    findings: tuple[Finding, ...]

    def of(self, code: str) -> tuple[Finding, ...]:
        """The findings with this code."""
        return tuple(f for f in self.findings if f.code == code)

    def failed(self, strict: bool = False) -> bool:
        """Whether there is an error, or with ``strict`` a warning."""
        bad = {"error", "warning"} if strict else {"error"}
        return any(f.severity in bad for f in self.findings)

    def __str__(self) -> str:
        counts = {s: sum(f.severity == s for f in self.findings) for s in SEVERITIES}
        head = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items())
        return "\n".join([f"Structure: {head}", *(f"  {f}" for f in self.findings)])
