"""``safeguarding-model show SOURCE``: a readable summary of the arrangements."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..documents import summary
from ..errors import UsageError
from ._common import (
    add_format,
    add_partnership,
    add_source,
    load_source,
    partnerships,
    print_text,
)


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "show",
        help="summarise a partnership's arrangements",
        description="Summarise the arrangements: partners, chair, scrutineer, relevant "
        "agencies, functional links and groups with their chairs and reporting lines.",
    )
    add_source(parser)
    add_partnership(parser)
    add_format(parser, "text", "json")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    dataset = load_source(args.source)
    chosen = partnerships(dataset, args.partnership)
    summaries = [summary(dataset, p) for p in chosen]
    if args.format == "json":
        data: Any = summaries[0] if len(summaries) == 1 else summaries
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    if not summaries:
        raise UsageError(f"{args.source} holds no partnerships to show")
    print_text("\n\n".join(render(s) for s in summaries))
    return 0


def _words(value: str) -> str:
    return value.replace("-", " ")


def _lines(title: str, rows: list[str]) -> list[str]:
    return [f"{title} ({len(rows)})", *(f"  {row}" for row in rows)]


def render(data: dict[str, Any]) -> str:
    """The summary as text for a person."""
    head = data["partnership"]
    title = head["name"] + (f" ({head['short_name']})" if head["short_name"] else "")
    out = [title, "=" * len(title), f"Follows {head['guidance_title']}."]
    if head["source"]:
        out.append(
            f"Source: {head['source']['title']}, "
            f"{head['source']['published'] or 'date not stated'}."
        )
    out.append("")
    out += _lines(
        "Lead safeguarding partners",
        [
            f"{_words(p['role'])}: {p.get('text') or p['organisation_name']}"
            for p in data["lead_partners"]
        ],
    )
    out += _lines(
        "Delegated safeguarding partners",
        [f"for the {_words(p['acts_for'])}: {p['text']}" for p in data["delegated_partners"]],
    )
    out += _lines("Partnership chair", [c["text"] for c in data["chairs"]])
    out += _lines("Independent scrutineer", [s["text"] for s in data["scrutineers"]])
    out += _lines(
        "Relevant agencies",
        [
            a["name"] + (" (see footnote)" if a["footnote"] else "")
            for a in data["relevant_agencies"]
        ],
    )
    out += _lines("Functional links", [link["name"] for link in data["functional_links"]])
    out.append(f"Groups ({len(data['groups'])})")
    for group in data["groups"]:
        out.append(f"  {group['name']} [{_words(group['kind'])}]")
        for chair in group["chairs"]:
            out.append(f"    chair: {chair}")
        if group["meets"]:
            out.append(f"    meets: {_words(group['meets'])}")
        for joint in group["joint_with"]:
            out.append(f"    joint with: {joint['name']}")
        for key, verb in (("reports_to", "reports to"), ("escalates_to", "escalates to")):
            for line in group[key]:
                cadence = f" ({_words(line['cadence'])})" if line["cadence"] else ""
                out.append(f"    {verb}: {line['name']}{cadence}")
        if not group["reports_to"] and not group["escalates_to"]:
            out.append("    reports to: not stated in the source")
    if data["not_stated"]:
        out += [
            "",
            "Not stated in the source: " + ", ".join(_words(f) for f in data["not_stated"]) + ".",
        ]
    return "\n".join(out)
