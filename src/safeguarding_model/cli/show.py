"""``safeguarding-model show SOURCE``: a readable summary of the arrangements."""

from __future__ import annotations

import argparse
from typing import Any

from ..documents import summary
from ..errors import UsageError
from ._common import (
    add_format,
    add_on,
    add_partnership,
    add_source,
    load_source,
    on_date,
    partnerships,
    print_json,
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
    add_on(parser)
    add_format(parser, "text", "json")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    on = on_date(args.on)
    dataset = load_source(args.source)
    if on is not None:
        dataset = dataset.as_of(on)
    chosen = partnerships(dataset, args.partnership)
    summaries = [summary(dataset, p) for p in chosen]
    if on is not None:
        summaries = [{"on": str(on), **s} for s in summaries]
    if args.format == "json":
        data: Any = summaries[0] if len(summaries) == 1 else summaries
        print_json(data)
        return 0
    if not summaries:
        raise UsageError(f"{args.source} holds no partnerships to show")
    heading = f"As it stood on {on}:\n" if on is not None else ""
    print_text(heading + "\n\n".join(render(s) for s in summaries))
    return 0


def _section(title: str, rows: list[str], field: str, not_stated: list[str]) -> list[str]:
    """A titled list; "not stated in the source" when the document does not give it, and
    "none given" when the data lists none (an empty list is not the data saying none)."""
    if field in not_stated:
        return [f"{title}: not stated in the source"]
    if not rows:
        return [f"{title}: none given in the data"]
    return [f"{title} ({len(rows)})", *(f"  {row}" for row in rows)]


def _dates(item: dict[str, Any]) -> str:
    if item.get("end"):
        return (
            f" (from {item['start']} to {item['end']})"
            if item.get("start")
            else f" (ended {item['end']})"
        )
    return f" (from {item['start']})" if item.get("start") else ""


def _group_lines(group: dict[str, Any], indent: str) -> list[str]:
    out = [f"{indent}{group['name']} [{group['kind_label']}]{_dates(group)}"]
    inner = indent + "  "
    missing = group["not_stated"]
    if group["parent"]:
        out.append(f"{inner}sits under: {group['parent_name']}")
    if "chairs" in missing:
        out.append(f"{inner}chair: not stated in the source")
    out += [f"{inner}chair: {chair}" for chair in group["chairs"]]
    if group["meets"]:
        out.append(f"{inner}meets: {group['meets_label']}")
    elif "meets" in missing:
        out.append(f"{inner}meets: not stated in the source")
    out += [f"{inner}joint with: {joint['name']}" for joint in group["joint_with"]]
    for key, verb in (("reports_to", "reports to"), ("escalates_to", "escalates to")):
        for line in group[key]:
            cadence = f" ({line['cadence_label']})" if line["cadence"] else ""
            out.append(f"{inner}{verb}: {line['name']}{cadence}{_dates(line)}")
        if not group[key] and key in missing:
            out.append(f"{inner}{verb}: not stated in the source")
    return out


def render(data: dict[str, Any]) -> str:
    """The summary as text for a person."""
    head = data["partnership"]
    missing = data["not_stated"]
    title = head["name"] + (f" ({head['short_name']})" if head["short_name"] else "")
    out = [title, "=" * len(title), f"Follows {head['guidance_title']}."]
    if head["effective"]:
        out.append(f"In effect from {head['effective']}.")
    if head["source"]:
        published = head["source"]["published"]
        out.append(f"Source: {head['source']['title']}" + (f", {published}." if published else "."))
    out.append("")
    out += _section(
        "Lead safeguarding partners",
        [
            f"{p['role_label']}: {p.get('text') or p['organisation_name']}"
            for p in data["lead_partners"]
        ],
        "lead_partners",
        missing,
    )
    out += _section(
        "Delegated safeguarding partners",
        [f"for the {p['acts_for_label']}: {p['text']}" for p in data["delegated_partners"]],
        "delegated_partners",
        missing,
    )
    out += _section("Partnership chair", [c["text"] for c in data["chairs"]], "chairs", missing)
    out += _section(
        "Independent scrutineer", [s["text"] for s in data["scrutineers"]], "scrutineers", missing
    )
    out += _section(
        "Relevant agencies",
        [
            a["name"] + (" (see footnote)" if a["footnote"] else "")
            for a in data["relevant_agencies"]
        ],
        "relevant_agencies",
        missing,
    )
    out += _section(
        "Functional links",
        [link["name"] for link in data["functional_links"]],
        "functional_links",
        missing,
    )
    if "groups" in missing:
        out.append("Groups: not stated in the source")
    elif not data["groups"]:
        out.append("Groups: none given in the data")
    else:
        out.append(f"Groups ({len(data['groups'])})")
        for group in data["groups"]:
            out += _group_lines(group, "  ")
    if data["escalates_to"]:
        out.append("The partnership escalates to")
        out += [f"  {line['name']}" for line in data["escalates_to"]]
    for collaboration in data["collaborations"]:
        label = collaboration["short_name"] or collaboration["name"]
        out += ["", f"Collaboration: {collaboration['name']}"]
        out.append("  members: " + ", ".join(m["name"] for m in collaboration["members"]))
        out.append(f"  {label} groups ({len(collaboration['groups'])})")
        for group in collaboration["groups"]:
            out += _group_lines(group, "    ")
    if missing:
        words = ", ".join(field.replace("_", " ") for field in missing)
        out += ["", f"Not stated in the source: {words}."]
    return "\n".join(out)
