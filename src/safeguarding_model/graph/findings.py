"""Structural findings: every problem in the structure, collected and reported together.

Each finding has a ``code``, a ``severity`` (``error``, ``warning`` or ``info``), a
message in words, and the ids and names of the bodies involved. ``CODES`` lists
every code with its severity and meaning; ``StructureReport.failed(strict=True)``
treats warnings as errors.

Severities: an **error** is a structure that cannot be right (a cycle, a reference to
nothing, an id used twice); a **warning** is a gap the data leaves without saying
why (a group that reports to no one, has no chair or no members, and the data does
not record that the source is silent), which ``--strict`` fails on; an **info** is
a remark, including everything the source does not state (a group's ``not_stated``):
recording that the document is silent is the data being complete, not a gap, so the
shipped data passes ``--strict``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..model import (
    Collaboration,
    Group,
    GroupKind,
    Member,
    Organisation,
    Partnership,
    Post,
    SectorRepresentation,
)
from ..model.meaning import TOP_KINDS, Resolved
from .answers import SEVERITIES, Finding, Ref, StructureReport, when, words
from .kinds import NOT_ACCOUNTABLE, EdgeKind, key_kind

if TYPE_CHECKING:
    from .governance import GovernanceGraph

__all__ = ["CODES", "structure"]

CODES: dict[str, tuple[str, str]] = {
    "duplicate-id": ("error", "two entities share an id; the graph keeps the first"),
    "dangling-reference": ("error", "a reference names nothing in the data"),
    "dangling-member": (
        "error",
        "a membership entry names a post, organisation or group that is not in the data",
    ),
    "ambiguous-delegation": (
        "error",
        "a delegated partner whose role several lead partners share, and whose "
        "`organisation` does not name one of them",
    ),
    "delegation-not-a-lead": (
        "error",
        "a delegated partner whose `organisation` is not a lead partner in its role",
    ),
    "reporting-cycle": (
        "error",
        "bodies whose lines of accountability run in a circle (lines for information or "
        "of advice may: learning fed both ways)",
    ),
    "escalation-cycle": ("error", "bodies whose escalation lines run in a circle"),
    "parent-cycle": ("error", "groups (or organisations) that sit under one another in a circle"),
    "accountability-cycle": ("error", "bodies whose derived accountability runs in a circle"),
    "no-reporting-line": (
        "warning",
        "a group that reports to no one: no line of accountability, no line for information "
        "or advice, no escalation line, no parent group, and not a top body (an executive "
        "group or partnership board, or a leadership group above the partnership), while the "
        "data does not record that the source leaves its reporting line unstated",
    ),
    "no-chair": ("warning", "a group with no chair, not recorded as unstated in the source"),
    "no-members": (
        "warning",
        "a group with no members, not recorded as unstated in the source",
    ),
    "duplicate-member": (
        "warning",
        "a post or organisation named more than once in a group's membership "
        "(info when a role or a chair of another group names it again)",
    ),
    "chair-not-member": (
        "warning",
        "a chair who is not among the group's members, nor is their organisation, an "
        "organisation it is part of (such as a sector), or an organisation through which "
        "a member sector is represented (info when some members are described only in "
        "words and may include the chair)",
    ),
    "reporting-line-not-stated": (
        "info",
        "a group with no reporting line or parent group, whose reporting line the source "
        "does not state (`reports_to` in its `not_stated`)",
    ),
    "chair-not-stated": (
        "info",
        "a group whose chair the source does not state (`chairs` in its `not_stated`)",
    ),
    "members-not-stated": (
        "info",
        "a group whose members the source does not state (`members` in its `not_stated`)",
    ),
    "information-line-only": (
        "info",
        "a group whose only lines are for information, of advice or of a meaning the source "
        "does not state: no line of accountability and no parent group (it answers, "
        "derived, to its partnership or collaboration)",
    ),
    "escalation-line-only": (
        "info",
        "a group with an escalation line but no reporting line or parent group",
    ),
    "unresolved-member": (
        "info",
        "a role (or some of its holders) or the chair of another group that the data cannot name",
    ),
    "planned-group": (
        "info",
        "a group the arrangements plan but that is not yet in place: its chair, members "
        "and lines are not checked until it is",
    ),
    "no-lead-for-delegation": (
        "info",
        "a delegated partner acting for a role no lead partner holds in the data (the lead "
        "partners not stated, or not in post on the date asked about)",
    ),
}


def structure(gg: GovernanceGraph) -> StructureReport:
    """Every structural finding of the graph, errors first, then by code and model order."""
    findings = list(gg.problems)
    findings += _cycles(gg)
    for owner, group in gg.index.groups:
        if group.planned:
            me = gg.ref(group.id)
            findings.append(
                _finding("planned-group", f"{_names([me])} is planned, not yet in place", [me])
            )
            continue
        findings += _lines(gg, owner, group)
        findings += _chairs_and_members(gg, group)
    order = {code: number for number, code in enumerate(CODES)}
    rank = {severity: number for number, severity in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (rank[f.severity], order.get(f.code or "", len(order))))
    return StructureReport(findings=tuple(findings))


def _names(refs: list[Ref]) -> str:
    texts = [f"{r.name} (`{r.id}`){when(r.start, r.end, r.status)}" for r in refs]
    return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " and " + texts[-1]


def _finding(
    code: str, message: str, bodies: list[Ref], text: str | None = None, severity: str | None = None
) -> Finding:
    return Finding(
        code=code,
        severity=severity or CODES[code][0],
        message=message,
        bodies=tuple(bodies),
        text=text,
    )


# --- cycles -----------------------------------------------------------------------------


def _cycles(gg: GovernanceGraph) -> Iterator[Finding]:
    position = {node: i for i, node in enumerate(gg.graph)}
    reported: set[frozenset[str]] = set()
    checks = (
        (EdgeKind.REPORTS_TO, "reporting-cycle", "report to one another"),
        (EdgeKind.ESCALATES_TO, "escalation-cycle", "escalate to one another"),
        (EdgeKind.PART_OF, "parent-cycle", "sit under one another"),
        (EdgeKind.ACCOUNTABLE_TO, "accountability-cycle", "are accountable to one another"),
    )
    # A plain DiGraph per kind: much faster for networkx's algorithms than a filtered view.
    lines: dict[str, list[tuple[str, str]]] = {kind.value: [] for kind, _, _ in checks}
    for source, target, key, planned in gg.graph.edges(keys=True, data="planned"):
        plain = key_kind(key)
        if plain in lines and not planned:  # a planned line is not yet a line
            lines[plain].append((source, target))
    for kind, code, verb in checks:
        graph = nx.DiGraph()
        graph.add_edges_from(lines[kind.value])  # not DiGraph(list): older networkx warns
        components = []
        for component in nx.strongly_connected_components(graph):
            first = next(iter(component))
            if len(component) > 1 or graph.has_edge(first, first):
                components.append(sorted(component, key=position.__getitem__))
        components.sort(key=lambda c: position[c[0]])
        for members in components:
            key = frozenset(members)
            if kind is EdgeKind.ACCOUNTABLE_TO and key in reported:
                continue
            reported.add(key)
            cycle = nx.find_cycle(graph.subgraph(members), source=members[0])
            path = [gg.ref(edge[0]).name for edge in cycle] + [gg.ref(cycle[0][0]).name]
            refs = [gg.ref(n) for n in members]
            if len(members) == 1:
                message = f"{_names(refs)} {verb.replace('one another', 'itself')}"
            else:
                message = f"{_names(refs)} {verb} in a circle: " + " -> ".join(path)
            yield _finding(code, message, refs)


# --- lines ------------------------------------------------------------------------------


def _lines(
    gg: GovernanceGraph, owner: Partnership | Collaboration, group: Group
) -> Iterator[Finding]:
    """A group that reports to no one for accountability. A line of accountability in
    place (not planned, to a body that is not planned), a parent group, being a top
    body (an executive group or partnership board with no such line) or a leadership
    group (the top of accountability) is a reporting line; a line for information or of
    advice is not, nor is an escalation route: each gets an info of its own."""
    if group.parent or group.kind is GroupKind.LEADERSHIP_GROUP:
        return
    found: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for target, _, data in gg.out_edges(group.id, *LINES):
        found.setdefault("planned" if data["planned"] else data["kind"], []).append((target, data))
    if found.get(EdgeKind.REPORTS_TO.value) or group.kind in TOP_KINDS:
        return
    refs = [gg.ref(group.id), gg.ref(owner.id)]
    me = f"{_names(refs[:1])} of {owner.label}"
    escalations = found.get(EdgeKind.ESCALATES_TO.value, [])
    informs = [item for kind in NOT_ACCOUNTABLE for item in found.get(kind.value, [])]
    targets = [gg.ref(key) for key in dict.fromkeys(target for target, _ in escalations)]
    told = [gg.ref(key) for key in dict.fromkeys(target for target, _ in informs)]
    planned = [gg.ref(key) for key in dict.fromkeys(t for t, _ in found.get("planned", []))]
    if planned:
        me += f" (its planned line to {_names(planned)} is not yet in place)"
    bodies = list({ref.id: ref for ref in refs + targets + told}.values())
    escalates = f"; it escalates to {_names(targets)}" if targets else ""
    text = next((data["text"] for _, data in (*informs, *escalations) if data["text"]), None)
    if "reports_to" in group.not_stated:
        unstated = " or escalation line" if "escalates_to" in group.not_stated else ""
        yield _finding(
            "reporting-line-not-stated",
            f"{me}: the source does not state its reporting line{unstated}{escalates}",
            bodies,
            text=text,
        )
        return
    if told:
        kinds = sorted({words(data["kind"]) for _, data in informs})
        yield _finding(
            "information-line-only",
            f"{me} has no line of accountability: it {' and '.join(kinds)} "
            f"{_names(told)}{escalates}",
            bodies,
            text=text,
        )
        return
    if targets:
        yield _finding(
            "escalation-line-only",
            f"{me} has no stated reporting line{escalates}",
            bodies,
            text=text,
        )
        return
    escalation = (
        "and the source does not state its escalation line"
        if "escalates_to" in group.not_stated
        else "no escalation line"
    )
    yield _finding(
        "no-reporting-line",
        f"{me} reports to no one: the data gives it no reporting line, no parent group, "
        + escalation,
        refs,
    )


LINES = (EdgeKind.REPORTS_TO, *NOT_ACCOUNTABLE, EdgeKind.ESCALATES_TO)


# --- chairs and members -----------------------------------------------------------------


def _chairs_and_members(gg: GovernanceGraph, group: Group) -> Iterator[Finding]:
    index = gg.index
    me = gg.ref(group.id)
    planned = " (only planned, not yet in place)"
    if not any(not chair.planned for chair in group.chairs):
        if "chairs" in group.not_stated:
            yield _finding(
                "chair-not-stated", f"{_names([me])}: the source does not state its chair", [me]
            )
        else:
            some = planned if group.chairs else ""
            yield _finding("no-chair", f"{_names([me])} has no chair in the data{some}", [me])
    everyone = index.members.get(group.id, [])
    entries = [(member, resolved) for member, resolved in everyone if not member.planned]
    sectors = index.sector_groups.get(group.id, [])
    if not entries and not sectors:
        if "members" in group.not_stated:
            yield _finding(
                "members-not-stated",
                f"{_names([me])}: the source does not state its members",
                [me],
            )
        else:
            some = planned if everyone else ""
            yield _finding("no-members", f"{_names([me])} has no members in the data{some}", [me])
        return
    namings: dict[str, list[tuple[str, bool]]] = {}
    vague = False
    for member, resolved in entries:
        unresolved = [r for r in resolved if r.node is None]
        vague = vague or bool(unresolved)
        for item in resolved:
            if item.node is not None:
                how = item.named_as
                if how == "role" and item.detail:  # which role, and whose
                    how = index.role_entry_words(item)
                namings.setdefault(item.node, []).append((how, item.derived))
        notes = [r.note for r in unresolved if r.named_as in ("role", "chair-of") and r.note]
        if notes:
            others = [gg.ref(r.detail) for r in unresolved if r.named_as == "chair-of" and r.detail]
            yield _finding(
                "unresolved-member",
                f"{_names([me])} has as a member " + "; ".join(notes),
                [me, *others],
                text=member.text,
            )
    for node, named in namings.items():
        if len(named) < 2:
            continue
        direct = sum(not derived for _, derived in named)
        ways = "; ".join(how for how, _ in named)
        yield _finding(
            "duplicate-member",
            f"{_names([me])} names {_names([gg.ref(node)])} {len(named)} times (as {ways})",
            [me, gg.ref(node)],
            severity="warning" if direct > 1 else "info",
        )
    present = {item.node for _, resolved in entries for item in resolved if item.node}
    present |= {rep.sector for _, rep in sectors}
    present |= _representatives(gg, group, entries, sectors)
    chairs = [(c.node, c.chair) for c in index.chair_nodes.get(group.id, []) if c.node]
    chaired = {node for node, _ in chairs}
    # A chair given as an agency only ("chaired by the police") sits as that agency.
    chairs += [
        (c.organisation, c)
        for c in group.chairs
        if c.organisation and c.organisation not in chaired
    ]
    for node, chair in chairs:
        if chair.planned or node not in gg.graph or _is_member(gg, node, present):
            continue
        who = gg.ref(node)
        yield _finding(
            "chair-not-member",
            f"{_names([who])} chairs {_names([me])} but is not among its members"
            + (" named in the data; some members are described only in words" if vague else ""),
            [me, who],
            text=chair.text,
            severity="info" if vague else "warning",
        )


def _representatives(
    gg: GovernanceGraph,
    group: Group,
    entries: list[tuple[Member, list[Resolved]]],
    sectors: list[tuple[Partnership, SectorRepresentation]],
) -> set[str]:
    """The organisations through which a sector among the group's members is
    represented (a sector representation's ``via``): a chair from one of them sits for
    that sector, so is a member. A member entry naming a sector counts the
    representations of the group's own partnerships (a collaboration's: its members');
    a seat given by a sector representation counts that representation's ``via``."""
    index = gg.index
    found = {rep.via for _, rep in sectors if rep.via}
    owner = index.owner.get(group.id)
    if owner is None:
        return found
    for _, resolved in entries:
        for item in resolved:
            if item.node is not None:
                found.update(index.represented_by(owner, item.node))
    return found


def _is_member(gg: GovernanceGraph, node: str, present: set[str]) -> bool:
    if node in present:
        return True
    entity = gg.index.entities.get(node)
    organisation = None
    if isinstance(entity, Post):
        organisation = entity.organisation
    elif isinstance(entity, Organisation):
        organisation = entity.parent
    if organisation is None:
        return False
    return any(o in present for o in gg.index.organisation_chain(organisation))
