"""The structure of the arrangements: the governance graph's structural findings, as
rules of the same engine (one findings system).

Each rule gathers some of the codes of :data:`safeguarding_model.graph.CODES` (every
code belongs to one rule; a test keeps them in step) and keeps each finding's code,
message and bodies. They rest on no statutory source: they say whether the arrangements
can be read as a structure at all (a body that reports in a circle, a reference to
nothing) and what any set of arrangements needs (a chair, a reporting line, members).
The graph's severity is kept (an error for a cycle, a warning for a group with no
chair, information for what the source does not state), never above the rule's own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from ...hooks.specs import Register, hookimpl
from ..context import Context
from ..rule import Check, Modality, Rule, RuleFinding

INSTRUMENT = "structure"

GROUPS: dict[str, tuple[Modality, tuple[str, ...], str, str]] = {
    "structure-cycles": (
        Modality.MUST,
        ("reporting-cycle", "escalation-cycle", "parent-cycle", "accountability-cycle"),
        "no reporting, escalation, parent or accountability cycle",
        "reporting, escalation, parent and accountability lines",
    ),
    "structure-references": (
        Modality.MUST,
        (
            "duplicate-id",
            "dangling-reference",
            "dangling-member",
            "ambiguous-delegation",
            "delegation-not-a-lead",
        ),
        "every reference names something, and every delegated partner acts for a lead partner",
        "references and delegations",
    ),
    "structure-group-reports": (
        Modality.SHOULD,
        (
            "no-reporting-line",
            "reporting-line-not-stated",
            "information-line-only",
            "escalation-line-only",
        ),
        "every group reports somewhere",
        "reporting lines of groups",
    ),
    "structure-group-chair": (
        Modality.SHOULD,
        ("no-chair", "chair-not-stated", "chair-not-member"),
        "every group has a chair, among its members",
        "chairs of groups",
    ),
    "structure-group-members": (
        Modality.SHOULD,
        ("no-members", "members-not-stated", "duplicate-member", "unresolved-member"),
        "every group has members, each named once",
        "members of groups",
    ),
    "structure-notes": (
        Modality.MAY,
        ("planned-group", "no-lead-for-delegation"),
        "what is planned, or cannot be placed, is said",
        "planned groups and unplaced delegations",
    ),
}
"""Each structural rule: its modality, the graph's codes it gathers, its title and topic."""


def _scope(context: Context) -> set[str]:
    """The ids a finding must name one of to concern the partnership checked."""
    p = context.partnership
    found = {p.id, *(g.id for g in p.groups)}
    for collaboration in context.collaborations():
        found |= {collaboration.id, *(g.id for g in collaboration.groups)}
    return found


def _by_body(findings: Sequence[Any]) -> dict[str | None, list[int]]:
    """The positions of the findings that name each body (None: those naming none)."""
    found: dict[str | None, list[int]] = {}
    for number, finding in enumerate(findings):
        ids = {ref.id for ref in finding.bodies} or {None}
        for key in ids:
            found.setdefault(key, []).append(number)
    return found


def gather(codes: tuple[str, ...]) -> Check:
    """The check that reports the graph's findings with these codes that concern the
    partnership (or name no body)."""
    wanted = set(codes)

    def check(context: Context) -> Iterator[RuleFinding]:
        report = context.shared.get("structure")
        if report is None:
            report = context.shared["structure"] = context.graph.structure()
        rule = context.rule
        assert rule is not None
        scope = _scope(context)
        groups = {g.id for _, g in context.groups()}
        by_body = context.shared.get("structure by body")
        if by_body is None:  # which findings name each body, worked out once for the run
            by_body = context.shared["structure by body"] = _by_body(report.findings)
        chosen = set(by_body.get(None, ()))
        for key in scope:
            chosen.update(by_body.get(key, ()))
        for number in sorted(chosen):
            finding = report.findings[number]
            if finding.code not in wanted:
                continue
            ids = [ref.id for ref in finding.bodies]
            group = next((key for key in ids if key in groups), None)
            path = context.group_path(group) if group else context.path()
            if finding.severity != "info":
                made = context.fail(
                    finding.message, path=path, bodies=ids, text=finding.text, code=finding.code
                )
                yield attrs.evolve(made, severity=rule.limit(finding.severity))
            elif finding.code and finding.code.endswith("-not-stated"):
                made = context.unknown(finding.message, path=path, bodies=ids, text=finding.text)
                yield attrs.evolve(made, code=finding.code)
            else:
                yield context.note(
                    finding.message, path=path, bodies=ids, text=finding.text, code=finding.code
                )

    return check


RULES = tuple(
    Rule(
        id=rule_id,
        title=title,
        instrument=INSTRUMENT,
        reference=topic,
        modality=modality,
        evidence=None,
        basis="The governance graph's findings with the codes "
        + ", ".join(f"`{code}`" for code in codes)
        + " (see docs/graph.md). No statutory source: the arrangements as a structure.",
        check=gather(codes),
    )
    for rule_id, (modality, codes, title, topic) in GROUPS.items()
)


@hookimpl
def register_rules(register: Register) -> None:
    for rule in RULES:
        register(rule)
