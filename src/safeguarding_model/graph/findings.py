"""Structural findings: every problem in the structure, collected and reported together.

Each finding has a ``code``, a ``severity`` (``error``, ``warning`` or ``info``), a
message in words, and the ids and names of the bodies involved. ``CODES`` lists
every code with its severity and meaning; ``StructureReport.failed(strict=True)``
treats warnings as errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import networkx as nx

from ..model import Collaboration, Group, Organisation, Partnership, Post
from .answers import SEVERITIES, Finding, Ref, StructureReport
from .kinds import EdgeKind

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
    "reporting-cycle": ("error", "groups whose reporting lines run in a circle"),
    "escalation-cycle": ("error", "groups whose escalation lines run in a circle"),
    "parent-cycle": ("error", "groups (or organisations) that sit under one another in a circle"),
    "accountability-cycle": ("error", "bodies whose derived accountability runs in a circle"),
    "no-reporting-line": (
        "warning",
        "a group that reports to no one: no reporting line, no escalation line, no parent "
        "group, and not a top body (an executive group or partnership board)",
    ),
    "no-chair": ("warning", "a group with no chair stated"),
    "duplicate-member": (
        "warning",
        "a post or organisation named more than once in a group's membership "
        "(info when a role or a chair of another group names it again)",
    ),
    "chair-not-member": (
        "warning",
        "a chair who is not among the group's members, nor is their organisation "
        "(info when some members are described only in words and may include the chair)",
    ),
    "escalation-line-only": (
        "info",
        "a group with an escalation line but no reporting line or parent group",
    ),
    "unresolved-member": ("info", "a role or a chair of another group that the data cannot name"),
    "no-members": ("info", "a group with no members stated"),
}


def structure(gg: GovernanceGraph) -> StructureReport:
    """Every structural finding of the graph, errors first, then by code and model order."""
    findings = list(gg.problems)
    findings += _cycles(gg)
    for owner, group in gg.index.groups:
        if gg.index.owner.get(group.id) is not owner:
            continue
        findings += _lines(gg, owner, group)
        findings += _chairs_and_members(gg, group)
    order = list(CODES)
    findings.sort(key=lambda f: (SEVERITIES.index(f.severity), order.index(f.code)))
    return StructureReport(findings=tuple(findings))


def _names(refs: list[Ref]) -> str:
    texts = [f"{r.name} (`{r.id}`)" for r in refs]
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
    for source, target, key in gg.graph.edges(keys=True):
        if key in lines:
            lines[key].append((source, target))
    for kind, code, verb in checks:
        graph = nx.DiGraph(lines[kind.value])
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
    if group.reports_to or group.parent:
        return
    if group.id in gg.index.top.get(owner.id, []):
        return
    refs = [gg.ref(group.id), gg.ref(owner.id)]
    if group.escalates_to:
        targets = [gg.ref(line.to) for line in group.escalates_to]
        yield _finding(
            "escalation-line-only",
            f"{_names(refs[:1])} of {owner.label} has no stated reporting line; it escalates to "
            + _names(targets),
            refs + targets,
            text=group.escalates_to[0].text,
        )
        return
    yield _finding(
        "no-reporting-line",
        f"{_names(refs[:1])} of {owner.label} reports to no one: the data gives it no reporting "
        "line, no escalation line and no parent group",
        refs,
    )


# --- chairs and members -----------------------------------------------------------------


def _chairs_and_members(gg: GovernanceGraph, group: Group) -> Iterator[Finding]:
    index = gg.index
    me = gg.ref(group.id)
    if not group.chairs:
        yield _finding("no-chair", f"{_names([me])} has no chair stated", [me])
    entries = index.members.get(group.id, [])
    sectors = index.sector_groups.get(group.id, [])
    if not entries and not sectors:
        yield _finding("no-members", f"{_names([me])} has no members stated", [me])
        return
    namings: dict[str, list[tuple[str, bool]]] = {}
    vague = False
    for member, resolved in entries:
        unresolved = [r for r in resolved if r.node is None]
        vague = vague or bool(unresolved)
        for item in resolved:
            if item.node is not None:
                namings.setdefault(item.node, []).append((item.named_as, item.derived))
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
        ways = ", ".join(how for how, _ in named)
        yield _finding(
            "duplicate-member",
            f"{_names([me])} names {_names([gg.ref(node)])} {len(named)} times (as {ways})",
            [me, gg.ref(node)],
            severity="warning" if direct > 1 else "info",
        )
    present = {node for node, _, _ in index.expanded_members(group.id)}
    for chair in index.chair_nodes.get(group.id, []):
        if chair.node is None or _is_member(gg, chair.node, present):
            continue
        who = gg.ref(chair.node)
        yield _finding(
            "chair-not-member",
            f"{_names([who])} chairs {_names([me])} but is not among its members"
            + (" named in the data; some members are described only in words" if vague else ""),
            [me, who],
            text=chair.chair.text,
            severity="info" if vague else "warning",
        )


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
