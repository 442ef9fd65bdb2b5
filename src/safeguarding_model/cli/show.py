"""``safeguarding-model show SOURCE``: a readable summary of the arrangements.

Every dated entry is shown with its dates, read against today (or the ``--on``
date): an ended chair is marked ended, a future one "from" its date, a planned one
planned, apart from what is in place. With ``--on``, the arrangements as they stood
then, saying so first; when nothing stood, a sentence that says why, and status 1.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..documents import summary, view_on
from ..documents.dated import on_sentence
from ..errors import NothingStoodError, UsageError
from ._common import (
    add_format,
    add_on,
    add_partnership,
    add_source,
    load_source,
    nothing_stood,
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
        "agencies, functional links, groups with their chairs and reporting lines, the "
        "published yearly reports and the review schedule, every dated entry with its "
        "dates. Exit status: 0 shown; 1 nothing stood on the --on date; 2 bad input.",
    )
    add_source(parser)
    add_partnership(parser)
    add_on(parser)
    add_format(parser, "text", "json")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    on = on_date(args.on)
    dataset = load_source(args.source)
    try:
        view = view_on(dataset, on, args.partnership)
    except NothingStoodError as error:
        return nothing_stood(error)
    chosen = partnerships(view.dataset, view.partnership)
    summaries = [summary(view.dataset, p, on=view.on, today=view.today) for p in chosen]
    if view.on is not None:
        dated = {"on": str(view.on), "cautions": list(view.cautions)}
        summaries = [{**dated, **s} for s in summaries]
    if args.format == "json":
        data: Any = summaries[0] if len(summaries) == 1 else summaries
        print_json(data)
        return 0
    if not summaries:
        raise UsageError(f"{args.source} holds no partnerships to show")
    heading = [on_sentence(view.on), *view.cautions, ""] if view.on is not None else []
    print_text("\n".join([*heading, "\n\n".join(render(s) for s in summaries)]))
    return 0


def _section(title: str, rows: list[str], field: str, not_stated: list[str]) -> list[str]:
    """A titled list; "not stated in the source" when the document does not give it, and
    "none given" when the data lists none (an empty list is not the data saying none)."""
    if field in not_stated:
        return [f"{title}: not stated in the source"]
    if not rows:
        return [f"{title}: none given in the data"]
    return [f"{title} ({len(rows)})", *(f"  {row}" for row in rows)]


def _planned(title: str, rows: list[str]) -> list[str]:
    """Planned entries, apart: never counted with those in place."""
    if not rows:
        return []
    return [f"{title}, planned, not yet in place ({len(rows)})", *(f"  {row}" for row in rows)]


def _dates(item: dict[str, Any], *, said: bool = False) -> str:
    """An entry's dates in words, in brackets: `` (ended 2021-03)``, or nothing. Under a
    heading that says "planned" (``said``), a plain "planned" is not said again."""
    dates = item.get("dates")
    if not dates or (said and dates == "planned"):
        return ""
    return f" ({dates})"


def _group_lines(group: dict[str, Any], indent: str) -> list[str]:
    out = [f"{indent}{group['name']} [{group['kind_label']}]{_dates(group)}"]
    inner = indent + "  "
    missing = group["not_stated"]
    if group["parent"]:
        out.append(f"{inner}sits under: {group['parent_name']}")
    if "chairs" in missing:
        out.append(f"{inner}chair: not stated in the source")
    out += [f"{inner}chair: {chair}" for chair in group["chairs"]]
    out += [f"{inner}planned chair, not yet in place: {chair}" for chair in group["planned_chairs"]]
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
    for member in group["planned_members"]:
        words = " ".join((member["text"] or member["name"] or "a member").split())
        dates = _dates(member, said=True)
        out.append(f"{inner}planned member, not yet in place: {words}{dates}")
    return out


def _report(report: dict[str, Any]) -> str:
    text = f"{report['period']}: {report['title'] or 'yearly report'}"
    if report["published"]:
        text += f", published {report['published']}"
    if report["presented_by_name"]:
        text += f", presented by {report['presented_by_name']}"
    if report["presented_to"]:
        text += " to " + " and ".join(body["name"] for body in report["presented_to"])
    if report["sent_to"]:
        text += "; sent to " + ", ".join(body["name"] for body in report["sent_to"])
    return text


_EVERY = {1: "every year", 2: "every two years", 3: "every three years", 4: "every four years"}


def _review(review: dict[str, Any]) -> str:
    """The review schedule against the date shown: "next review due 2028, then every
    three years"."""
    every = review["then_every_years"]
    then = f", then {_EVERY.get(every, f'every {every} years')}" if every else ""
    if review["next_due"] is None:
        if review["reviews"]:
            return f"Review: none due after {review['reviews'][-1]} in the data."
        return "Review: no date given."
    dates = ", then ".join([review["next_due"], *review["then"]])
    return f"Review: next review due {dates}{then}."


def render(data: dict[str, Any]) -> str:
    """The summary as text for a person."""
    head = data["partnership"]
    missing = data["not_stated"]
    title = head["name"] + (f" ({head['short_name']})" if head["short_name"] else "")
    out = [title, "=" * len(title), f"Follows {head['guidance_title']}."]
    if head["effective"]:
        out.append(f"In effect from {head['effective']}.")
    if head["dates"]:
        out.append(f"The partnership: {head['dates']}.")
    if head["source"]:
        published = head["source"]["published"]
        out.append(f"Source: {head['source']['title']}" + (f", {published}." if published else "."))
    out.append("")
    out += _section(
        "Lead safeguarding partners",
        [
            f"{p['role_label']}: {p.get('text') or p['organisation_name']}{_dates(p)}"
            for p in data["lead_partners"]
        ],
        "lead_partners",
        missing,
    )
    out += _section(
        "Delegated safeguarding partners",
        [
            f"for the {p['acts_for_label']}: {p['text']}{_dates(p)}"
            for p in data["delegated_partners"]
        ],
        "delegated_partners",
        missing,
    )
    chairs = [c for c in data["chairs"] if c["status"] != "planned"]
    planned = [c for c in data["chairs"] if c["status"] == "planned"]
    if chairs or not planned:
        out += _section(
            "Partnership chair", [c["text"] + _dates(c) for c in chairs], "chairs", missing
        )
    out += _planned("Partnership chair", [c["text"] + _dates(c, said=True) for c in planned])
    out += _section(
        "Independent scrutineer",
        [s["text"] + _dates(s) for s in data["scrutineers"]],
        "scrutineers",
        missing,
    )
    agencies = [a for a in data["relevant_agencies"] if a["status"] != "planned"]
    planned = [a for a in data["relevant_agencies"] if a["status"] == "planned"]

    def agency(item: dict[str, Any]) -> str:
        note = " (see footnote)" if item["footnote"] else ""
        return f"{item['name']}{_dates(item, said=True)}{note}"

    if agencies or not planned:
        out += _section(
            "Relevant agencies", [agency(a) for a in agencies], "relevant_agencies", missing
        )
    out += _planned("Relevant agencies", [agency(a) for a in planned])
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
        current = [g for g in data["groups"] if g["status"] != "planned"]
        planned = [g for g in data["groups"] if g["status"] == "planned"]
        if current:
            out.append(f"Groups ({len(current)})")
            for group in current:
                out += _group_lines(group, "  ")
        if planned:
            out.append(f"Groups, planned, not yet in place ({len(planned)})")
            for group in planned:
                out += _group_lines(group, "  ")
    if data["escalates_to"]:
        out.append("The partnership escalates to")
        out += [f"  {line['name']}{_dates(line)}" for line in data["escalates_to"]]
    if data["yearly_reports"]:
        out += _section(
            "Yearly reports published",
            [_report(report) for report in data["yearly_reports"]],
            "yearly_reports",
            missing,
        )
    elif "yearly_reports" in missing:
        out.append("Yearly reports published: not stated in the source")
    if data["review"] is not None:
        out.append(_review(data["review"]))
    elif "review" in missing:
        out.append("Review: not stated in the source")
    for collaboration in data["collaborations"]:
        label = collaboration["short_name"] or collaboration["name"]
        out += ["", f"Collaboration: {collaboration['name']}{_dates(collaboration)}"]
        out.append("  members: " + ", ".join(m["name"] for m in collaboration["members"]))
        out.append(f"  {label} groups ({len(collaboration['groups'])})")
        for group in collaboration["groups"]:
            out += _group_lines(group, "    ")
    if missing:
        words = ", ".join(field.replace("_", " ") for field in missing)
        out += ["", f"Not stated in the source: {words}."]
    return "\n".join(out)
