"""``safeguarding-model rules``: list every rule ``check`` applies, with its source,
modality, evidence status and dates.

``--format markdown`` gives the rules reference (``docs/rules.md`` is this output with
no plugins loaded, and a test keeps the two the same): the instruments with how sure
their dates are, then every rule, the confirmed and the unconfirmed told apart.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any

from ..exporters.escape import markdown_cell, markdown_line, markdown_text
from ..rules import (
    EDITIONS,
    Evidence,
    InstrumentKind,
    Rule,
    default_manager,
    instrument,
    parse_edition,
)
from ._common import add_format, print_json, print_text, printable

__all__ = ["HEADER", "add_parser", "applies_with", "reference", "run", "text", "with_code"]


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "rules",
        help="list the statutory and structural rules that check applies",
        description="List every rule: its id (the code of its findings), the instrument and "
        "where in it (a chapter and topic, or a section), its modality (must, should, may), "
        "the evidence status of its source (confirmed, secondary, unconfirmed: advisory) and "
        "the dates it applies. With --edition, only the rules that apply when checking by "
        "that edition: its own, the legislation's and the structure's.",
    )
    parser.add_argument(
        "--edition",
        choices=[edition.key for edition in EDITIONS],
        help="list only the rules applied when checking by this edition of Working Together",
    )
    add_format(parser, "text", "json", "markdown")
    parser.set_defaults(run=run)


def applies_with(rule: Rule, edition: str | None) -> bool:
    """Whether ``rule`` is applied when checking by ``edition`` (every rule when None):
    the edition's own rules, and every rule that is not of another edition."""
    if edition is None:
        return True
    info = instrument(rule.instrument)
    return info.kind is not InstrumentKind.GUIDANCE or rule.instrument == edition


def run(args: argparse.Namespace) -> int:
    manager = default_manager()
    edition = parse_edition(args.edition).key if args.edition else None
    found = [rule for rule in manager.rules() if applies_with(rule, edition)]
    for problem in manager.problems():
        print(printable(f"safeguarding-model: {problem}"), file=sys.stderr)
    if args.format == "json":
        print_json(
            {
                "edition": edition,
                "rules": [rule.to_dict() for rule in found],
                "problems": [p.to_dict() for p in manager.problems()],
            }
        )
    elif args.format == "markdown":
        print_text(reference(found, edition))
    else:
        print_text(text(found))
    return 0


def text(rules: Iterable[Rule]) -> str:
    """One block per rule: its id, modality and status, then its source and dates."""
    out: list[str] = []
    for rule in rules:
        info = instrument(rule.instrument)
        out.append(f"{rule.id}  {rule.modality.value}  {rule.status}")
        out.append(f"    {rule.title}")
        dates = f"; applies {rule.dates}" if rule.dates else ""
        out.append(f"    source: {info.cite(rule.reference)}{dates}")
        if rule.distribution and rule.distribution != "safeguarding-model":
            out.append(f"    from: {rule.distribution}")
    return "\n".join(out)


_STATUS_WORDS = {
    Evidence.CONFIRMED: "confirmed: read in the legislation",
    Evidence.SECONDARY: "secondary: read in partnership sites or briefings that paraphrase it",
    Evidence.UNCONFIRMED: "unconfirmed: recollection only; the rule is advisory",
}

HEADER = """\
# Rules reference

<!-- Generated from the rules themselves: SAFEGUARDING_MODEL_NO_PLUGINS=1
     safeguarding-model rules --format markdown > docs/rules.md
     (a test keeps this page the same as that output). -->

Every rule `safeguarding-model check` applies, generated from the rules themselves. Each
rests on an instrument and cites where in it: a section of an Act, or a chapter and
topic of Working Together (no paragraph number of any edition could be confirmed, so
none is given). Each says what the source asks (**must**, **should** or **may**) and
how sure that source is:

- **confirmed**: read in the legislation (legislation.gov.uk);
- **secondary**: read in partnership sites and briefings that quote or paraphrase the
  source; nothing of any edition of Working Together was read in the guidance itself;
- **unconfirmed**: recollection only: the rule is **advisory**, one step milder (a
  "must" not met is a warning, a "should" information);
- **no statutory source**: the structure of the data, or the arrangements' own
  commitments.

A "must" not met is an error (`check` exits 1), a "should" a warning (exit 1 with
`--strict`), a "may" information. See [commands/check.md](commands/check.md) for how
the edition is chosen on a date.
"""


_CODE = re.compile(r"`([^`\n]+)`")


def with_code(text: str) -> str:
    """Markdown that shows ``text`` as written, its `code spans` kept as code spans."""
    out = []
    last = 0
    for match in _CODE.finditer(text):
        out.append(markdown_text(text[last : match.start()], strip=False))
        out.append(f"`{match.group(1)}`")
        last = match.end()
    out.append(markdown_text(text[last:], strip=False))
    return "".join(out).strip()


def reference(rules: Iterable[Rule], edition: str | None = None) -> str:
    """The rules reference in Markdown: the instruments, then the rules of each (without
    a final line end: printed, it is ``docs/rules.md``)."""
    rules = list(rules)
    out = [HEADER.rstrip("\n")]
    if edition is not None:
        out += ["", markdown_line(markdown_text(f"Only the rules applied with {edition}."))]
    counts = {status: 0 for status in (*Evidence, None)}
    for rule in rules:
        counts[rule.evidence] += 1
    out += ["", "## How sure the rules are", ""]
    out.append("| status | rules |")
    out.append("|---|---|")
    for status, count in counts.items():
        words = _STATUS_WORDS[status] if status is not None else "no statutory source"
        out.append(f"| {markdown_cell(words)} | {count} |")
    out += ["", "## Instruments", ""]
    out.append("| instrument | key | how its rules apply | dates | dates' status |")
    out.append("|---|---|---|---|---|")
    keys = list(dict.fromkeys(rule.instrument for rule in rules))
    for key in keys:
        info = instrument(key)
        how = {
            InstrumentKind.GUIDANCE: "when it is the edition checked",
            InstrumentKind.LEGISLATION: "on the dates in force",
            InstrumentKind.REGIME: "when the partnership declares it",
            InstrumentKind.STRUCTURE: "on every date",
        }[info.kind]
        cells = (
            info.title,
            info.key,
            how,
            info.dates_text or "",
            info.evidence.value if info.evidence else "",
        )
        out.append("| " + " | ".join(markdown_cell(cell) for cell in cells) + " |")
    for key in keys:
        info = instrument(key)
        out += ["", f"## {markdown_text(info.title)}", ""]
        for rule in (r for r in rules if r.instrument == key):
            out.append(f"### `{rule.id}`")
            out.append("")
            out.append(markdown_line(markdown_text(rule.title[:1].upper() + rule.title[1:])))
            out.append("")
            out.append(f"- source: {markdown_text(info.cite(rule.reference))}")
            out.append(f"- modality: **{rule.modality.value}**")
            out.append(f"- status: {markdown_text(rule.status)}")
            if rule.dates:
                out.append(f"- applies: {markdown_text(rule.dates)}")
            if rule.distribution and rule.distribution != "safeguarding-model":
                out.append(f"- from: {markdown_text(rule.distribution)}")
            if rule.basis:
                out += ["", markdown_line(with_code(rule.basis))]
            out.append("")
    return "\n".join(out).rstrip("\n")
