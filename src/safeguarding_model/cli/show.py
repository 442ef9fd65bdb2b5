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
        "published yearly reports, the business plans and the review schedule, every dated "
        "entry with its dates. Exit status: 0 shown; 1 nothing stood on the --on date; "
        "2 bad input.",
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
    summaries = [
        summary(view.dataset, p, on=view.on, today=view.today, given=view.source) for p in chosen
    ]
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
    print_text("\n".join([*heading, render_all(summaries)]))
    return 0


def render_all(summaries: list[dict[str, Any]]) -> str:
    """The summaries as text. Of several (a region), each collaboration once, after the
    partnerships, each partnership saying it takes part in it."""
    if len(summaries) == 1:
        return render(summaries[0])
    shown: dict[str, dict[str, Any]] = {}
    for data in summaries:
        for collaboration in data["collaborations"]:
            shown.setdefault(collaboration["id"], collaboration)
    parts = [render(data, collaborations=False) for data in summaries]
    parts += ["\n".join(_collaboration(c)).lstrip("\n") for c in shown.values()]
    return "\n\n".join(parts)


TITLES = {
    "lead_partners": "Lead safeguarding partners",
    "delegated_partners": "Delegated safeguarding partners",
    "chairs": "Partnership chair",
    "scrutineers": "Independent scrutineer",
    "scrutiny": "Scrutiny",
    "values": "Values",
    "principles": "Principles",
    "duties": "Duties",
    "relevant_agencies": "Relevant agencies",
    "functional_links": "Functional links",
    "reports_to": "Lines from the partnership",
    "groups": "Groups",
    "lines": "Other lines",
    "members": "Members of the partnership",
    "escalates_to": "The partnership escalates to",
    "events": "Events and products",
    "yearly_reports": "Yearly reports published",
}
"""The heading of each of a partnership's lists that ``show`` prints, by field."""


def _partial(data: dict[str, Any], field: str) -> dict[str, Any] | None:
    return next((p for p in data.get("partial", ()) if p["field"] == field), None)


def _count(rows: list[str], partial: dict[str, Any] | None) -> str:
    """A list's count, never presenting a partial list as complete: "3", "3 named, and
    others the source does not name"."""
    return f"{len(rows)} named, {partial['words']}" if partial else str(len(rows))


def _section(title: str, rows: list[str], field: str, data: dict[str, Any]) -> list[str]:
    """A titled list; "not stated in the source" when the document does not give it,
    "none given" when the data lists none (an empty list is not the data saying none),
    and, for a list the source gives only in part, what it leaves out."""
    partial = _partial(data, field)
    if field in data["not_stated"]:
        return [f"{title}: not stated in the source"]
    if not rows:
        if partial:
            return [f"{title}: none named, {partial['words']}"]
        return [f"{title}: none given in the data"]
    return [f"{title} ({_count(rows, partial)})", *(f"  {row}" for row in rows)]


def _lines(title: str, rows: list[str], field: str, data: dict[str, Any]) -> list[str]:
    """The partnership's own lines under a heading that reads into them ("The
    partnership reports to"): counted only where the source gives them in part."""
    found = _section(title, rows, field, data)
    if rows and not _partial(data, field):
        found[0] = title
    return found


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


def _noted(name: str, notes: list[str]) -> str:
    return f"{name} ({'; '.join(notes)})" if notes else name


def _items(items: list[dict[str, Any]], indent: str, numbered: bool = False) -> list[str]:
    out = []
    for number, item in enumerate(items, start=1):
        mark = f"{number}." if numbered else "-"
        out.append(f"{indent}{mark} {' '.join(item['text'].split())}")
        inner = indent + "   " if numbered else indent + "  "
        out += _items(item["points"], inner)
        out += _more(item.get("partial"), inner)
    return out


def _more(words: str | None, indent: str, mark: str = "- ") -> list[str]:
    """The last line of a list the source gives only in part: what it leaves out."""
    return [f"{indent}{mark}… {words}"] if words else []


def _partial_words(entry: dict[str, Any], field: str) -> str | None:
    """What an entry's own list ``field`` leaves out, where the source gives it in part."""
    found = next((p for p in entry.get("partial", ()) if p["field"] == field), None)
    return None if found is None else str(found["words"])


def _line(line: dict[str, Any], *, verb: bool = True) -> str:
    """A line in words: "reports for information to X (quarterly; by exception)", with
    its dates; without ``verb``, from its targets on (under a heading that says it)."""
    if verb:
        return str(line["words"]) + _dates(line)
    details = [*line["details"], *([line["dates"]] if line["dates"] else [])]
    tail = f" ({'; '.join(details)})" if details else ""
    sends = f"; sends: {' '.join(line['subject'].split())}" if line["subject"] else ""
    return f"{line['targets']}{tail}{sends}"


def _group_lines(group: dict[str, Any], indent: str) -> list[str]:
    out = [f"{indent}{group['name']} [{group['kind_label']}]{_dates(group)}"]
    inner = indent + "  "
    missing = group["not_stated"]
    if group["leadership"]:
        out.append(f"{inner}above the partnership: the top of its accountability")
    if group["parent"]:
        out.append(f"{inner}sits under: {group['parent_name']}")
    if "chairs" in missing:
        out.append(f"{inner}chair: not stated in the source")
    for chair, said in zip(group["chairs"], group["chair_texts"], strict=True):
        words = f" ({' '.join(said.split())})" if said and chair.endswith("not named") else ""
        out.append(f"{inner}chair: {chair}{words}")
    out += [f"{inner}planned chair, not yet in place: {chair}" for chair in group["planned_chairs"]]
    if group["meets_words"]:
        out.append(f"{inner}meets: {group['meets_words']}")
    elif "meets" in missing:
        out.append(f"{inner}meets: not stated in the source")
    if group["covers"]:
        areas = ", ".join(_noted(a["name"], a.get("notes", [])) for a in group["covers"])
        out.append(f"{inner}covers the areas of: {areas}")
    if group["scope"]:
        out.append(f"{inner}serves: {_SCOPES[group['scope']]}")
    out += [f"{inner}joint with: {joint['name']}" for joint in group["joint_with"]]
    for key in ("reports_to", "escalates_to"):
        for line in group[key]:
            out.append(f"{inner}{line['verb']}: {_line(line, verb=False)}")
        if not group[key] and key in missing:
            out.append(f"{inner}{key.replace('_', ' ')}: not stated in the source")
    if group["ends_when"]:
        out.append(f"{inner}ends: {' '.join(group['ends_when'].split())}")
    for member in group["planned_members"]:
        words = " ".join((member["text"] or member["name"] or "a member").split())
        dates = _dates(member, said=True)
        out.append(f"{inner}planned member, not yet in place: {words}{dates}")
    for partial in group["partial"]:
        field = partial["field"]
        # the members in place (not those planned, listed apart); else every entry given
        count = group["members"] if field == "members" else partial["given"]
        noun = field.replace("_", " ")
        out.append(f"{inner}{noun}: {count or 'none'} named, {partial['words']}")
    said = {"chairs", "meets", "reports_to", "escalates_to"}
    others = [field.replace("_", " ") for field in missing if field not in said]
    if others:
        out.append(f"{inner}not stated in the source: {', '.join(others)}")
    out += [f"{inner}{period['words']}" for period in group["not_stated_for"]]
    return out


_SCOPES = {
    "children": "children",
    "adults": "adults",
    "all-age": "children and adults (all-age)",
}


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


def _text(title: str, text: str | None, field: str, data: dict[str, Any]) -> list[str]:
    """A fact in the document's words: "Vision: ..."; "not stated in the source" where
    the data records that; nothing when the data gives none."""
    if text:
        return [f"{title}: {' '.join(text.split())}"]
    if field in data["not_stated"]:
        return [f"{title}: not stated in the source"]
    return []


def _statement(title: str, field: str, data: dict[str, Any]) -> list[str]:
    """The vision or the purpose: its text, then the points the document lists under
    it (ending with what it leaves out, where it gives them only in part)."""
    item = data[field]
    if item is None:
        return _text(title, None, field, data)
    points = [*_items(item["points"], "  "), *_more(item.get("partial"), "  ")]
    return [*_text(title, item["text"], field, data), *points]


def _item_section(title: str, field: str, data: dict[str, Any]) -> list[str]:
    """A list of the document's items (values, principles) under its heading."""
    items = data[field]
    if not items:
        return (
            _section(title, [], field, data)
            if field in data["not_stated"] or _partial(data, field)
            else []
        )
    head = _section(title, [item["text"] for item in items], field, data)[0]
    return [head, *_items(items, "  ", numbered=True)]


def _scrutiny(mechanism: dict[str, Any]) -> list[str]:
    text = mechanism["kind_label"]
    if mechanism["name"]:
        text += f": {mechanism['name']}"
    elif mechanism["text"]:  # the document's words, where it gives the mechanism no name
        text += f": {' '.join(mechanism['text'].split())}"
    if mechanism["by_words"]:
        text += f", by {mechanism['by_words']}"
    more = _partial_words(mechanism, "by")
    if more:
        text += f", {more}" if mechanism["by_words"] else f", by some not named ({more})"
    out = [text + _dates(mechanism)]
    inputs = _partial_words(mechanism, "inputs")
    if mechanism["inputs"] or inputs:
        count = len(mechanism["inputs"])
        out.append(f"  drawing on ({f'{count} named, {inputs}' if inputs else count}):")
        out += _items(mechanism["inputs"], "    ") + _more(inputs, "    ")
    return out


def _document(document: dict[str, Any]) -> list[str]:
    period = f", {document['period']}" if document["period"] else ""
    out = [f"{document['title']} [{document['kind_label']}{period}]{_dates(document)}"]
    out.append(f"  owned by: {_names([document['owner']])}")
    for key, words in (("monitored_by", "monitored by"), ("delivered_by", "delivered by")):
        more = _partial_words(document, key)
        if document[key] or more:
            names = _names(document[key]) or "none named"
            out.append(f"  {words}: {names}" + (f", {more}" if more else ""))
    if document["delivers"]:
        out.append(f"  delivery plan for: {document['delivers']['name']}")
    if document["reviewed"]:
        out.append(f"  last reviewed: {document['reviewed']}")
    if document["next_review"]:
        out.append(f"  next review due: {document['next_review']}")
    more = _partial_words(document, "items")
    if document["items"] or more:
        count = len(document["items"])
        out.append(f"  contents ({f'{count} named, {more}' if more else count}):")
        out += _items(document["items"], "    ") + _more(more, "    ")
    return out


def _plan(plan: dict[str, Any]) -> list[str]:
    """A business plan in brief: its objectives and activities, who owns them, and
    those whose owner is not stated, not given (unknown) or, on a date, did not stand."""
    dates = ", ".join(
        d for d in (plan["period"], plan["refresh"] and f"{plan['refresh']} refresh") if d
    )
    out = [plan["title"] + (f" [{dates}]" if dates else "")]
    total = plan["objectives"] + plan["activities"]
    if not total:
        missing = (
            "not stated in the source"
            if "objectives" in plan["not_stated"]
            else "none given in the data"
        )
        out.append(f"  objectives and activities: {missing}")
        return out
    out.append(
        f"  {_counted(plan['objectives'], 'strategic objective')} (Part A), "
        f"{_counted(plan['activities'], 'activity', 'activities')} (Part B)"
    )
    owned = total - plan["owners_not_stated"] - plan["owners_not_given"]
    owned -= len(plan["owners_did_not_stand"])
    if plan["owners"]:
        out.append(f"  owners given for {owned} of {total}: {_names(plan['owners'])}")
    if plan["owners_not_stated"]:
        out.append(f"  owners not stated in the source: {plan['owners_not_stated']} of {total}")
    if plan["owners_not_given"]:
        out.append(
            f"  owners not given in the data (unknown): {plan['owners_not_given']} of {total}"
        )
    for gone in plan["owners_did_not_stand"]:
        owners = "; ".join(
            o["name"] + (f" ({o['dates']})" if o["dates"] else "") for o in gone["owners"]
        )
        out.append(f"  owners that did not stand on this date, of {gone['title']}: {owners}")
    if plan["joint_with"]:
        partners = "; ".join(
            f"{p['name']} ({p['objectives']} of {total})" for p in plan["joint_with"]
        )
        out.append(f"  run jointly with: {partners}")
    if plan["joint_with_did_not_stand"]:
        partners = "; ".join(
            p["name"]
            + (f", {p['dates']}" if p["dates"] else "")
            + f" ({p['objectives']} of {total})"
            for p in plan["joint_with_did_not_stand"]
        )
        out.append(f"  run jointly with, but not standing on this date: {partners}")
    for review in plan["reviews"]:
        if review["by"]:
            every = f" ({review['every']})" if review["every"] else ""
            out.append(f"  progress reviewed by: {_names(review['by'])}{every}")
    if plan["years"]:
        out.append(f"  reporting years of its actions: {', '.join(plan['years'])}")
    return out


def _counted(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


def _event(event: dict[str, Any]) -> str:
    text = f"{event['name']} [{event['kind']}]"
    details = [event["every_words"]] if event["every_words"] else []
    if event["by"]:
        details.append(f"by {_names(event['by'])}")
    if event["to"]:
        details.append(f"to {_names(event['to'])}")
    return text + (f": {'; '.join(details)}" if details else "") + _dates(event)


def _approval(approval: dict[str, Any]) -> str:
    parts = []
    if approval["by_words"]:
        parts.append(f"by {approval['by_words']}")
    if approval["date"]:
        parts.append(approval["date"])
    if approval["instrument"]:
        parts.append(" ".join(approval["instrument"].split()))
    if not parts:
        return "Approval: " + " ".join((approval["text"] or "given").split())
    return "Approval: approved " + "; ".join(parts) + "."


def _funding(funding: dict[str, Any]) -> list[str]:
    out = ["Funding"]
    if funding["rule"]:
        out.append(f"  rule: {' '.join(funding['rule'].split())}")
    agreed = _partial_words(funding, "agreed_by")
    if funding["agreed_by_words"] or funding["agreed_every"] or agreed:
        who = funding["agreed_by_words"] or ("some not named" if agreed else "not stated")
        who += f", {agreed}" if agreed else ""
        every = f", {funding['agreed_every']}" if funding["agreed_every"] else ""
        out.append(f"  budget agreed by: {who}{every}")
    if funding["hosted_by"]:
        out.append(f"  budget hosted by: {funding['hosted_by']['name']}")
    shared = _partial_words(funding, "shared_with")
    if funding["shared_with"] or shared:
        names = _names(funding["shared_with"]) or "none named"
        out.append(f"  one budget shared with: {names}" + (f", {shared}" if shared else ""))
    for field, title, rows in (
        (
            "split",
            "each body's share",
            [f"    {share['name']}: {share['words']}" for share in funding["split"]],
        ),
        (
            "contributions",
            "contributions",
            [
                f"    {c['name']}"
                + (f" (on behalf of {_names(c['on_behalf_of'])})" if c["on_behalf_of"] else "")
                + f": {c['words']}"
                for c in funding["contributions"]
            ],
        ),
        (
            "support_in_kind",
            "support in kind",
            [
                f"    {s['name']}: {', '.join(s['provides']) or 'support'}"
                for s in funding["support_in_kind"]
            ],
        ),
    ):
        more = _partial_words(funding, field)
        if rows or more:
            out.append(f"  {title} ({f'{len(rows)} named, {more}' if more else len(rows)})")
            out += rows + _more(more, "    ", mark="")
    if len(out) == 1 and funding["text"]:
        out.append(f"  {' '.join(funding['text'].split())}")
    return out


def _lead(partner: dict[str, Any]) -> str:
    """A lead partner: its post, else its organisation (and what it acts through); one
    known by its role only says so, never naming an organisation."""
    if not partner["named"]:
        said = [" ".join(partner["source_text"].split())] if partner["source_text"] else []
        said += [partner["text"]] if partner.get("text") else []  # the post, where named
        unnamed = "the organisation is not named in the source"
        return f"{': '.join(said)} ({unnamed})" if said else unnamed
    if partner.get("text"):  # the post
        return str(partner["text"])
    text = _noted(partner["organisation_name"], partner["organisation_notes"])
    return text + (f" (through {partner['through_name']})" if partner["through"] else "")


def _member(member: dict[str, Any]) -> str:
    """A member entry of a collaboration's group: whom it names (a role for each member
    partnership) and the document's words where they say more."""
    words = " ".join(str(member["words"]).split())
    said = " ".join((member["text"] or "").split())
    if member["capacity"] != "member":
        words += f" ({member['capacity'].replace('-', ' ')})"
    return f'{words}: "{said}"' if said and said != words else words


def _names(bodies: list[dict[str, Any]]) -> str:
    """Names in a list: "A, B", or "A; B" where a name has a comma of its own (a post
    with its organisation); another partnership's group with its owner's name."""
    names = [str(body.get("called") or body["name"]) for body in bodies]
    return ("; " if any("," in name for name in names) else ", ").join(names)


def _source(source: dict[str, Any]) -> str:
    published = f", {source['published']}" if source["published"] else ""
    url = f" ({source['url']})" if source["url"] else ""
    return f"{source['title']}{published}{url}"


def render(data: dict[str, Any], *, collaborations: bool = True) -> str:
    """The summary as text for a person; without ``collaborations``, each collaboration
    the partnership takes part in is named, not shown (:func:`render_all` shows it)."""
    head = data["partnership"]
    missing = data["not_stated"]
    title = head["name"] + (f" ({head['short_name']})" if head["short_name"] else "")
    out = [title, "=" * len(title)]
    if head["regimes"]:
        out.append(f"Follows {head['guidance_title']}.")
    elif "regimes" in missing:
        out.append("Statutory guidance followed: not stated in the source.")
    else:
        out.append("Statutory guidance followed: none given in the data.")
    if head["scope"] != "children":
        out.append(f"Serves {_SCOPES[head['scope']]}.")
    if head["effective"]:
        out.append(f"In effect from {head['effective']}.")
    if head["dates"]:
        out.append(f"The partnership: {head['dates']}.")
    if head["source"]:
        out.append(f"Source: {_source(head['source'])}.")
    out += [f"Also from: {_source(other)}." for other in head["sources"]]
    out.append("")
    out += _statement("Vision", "vision", data)
    out += _statement("Purpose", "purpose", data)
    out += _item_section("Values", "values", data)
    out += _item_section("Principles", "principles", data)
    if data["members"] or "members" in data["not_stated"] or _partial(data, "members"):
        out += _section(
            TITLES["members"],
            [
                " ".join(str(m["words"]).split())
                + (f" ({m['capacity'].replace('-', ' ')})" if m["capacity"] != "member" else "")
                + _dates(m)
                for m in data["members"]
            ],
            "members",
            data,
        )
    out += _text("The partnership meets", data["meets_words"], "meets", data)
    out += _section(
        TITLES["lead_partners"],
        [f"{p['role_label']}: {_lead(p)}{_dates(p)}" for p in data["lead_partners"]],
        "lead_partners",
        data,
    )
    out += _section(
        TITLES["delegated_partners"],
        [
            f"for the {p['acts_for_label']}: {_noted(p['text'], p['notes'])}{_dates(p)}"
            for p in data["delegated_partners"]
        ],
        "delegated_partners",
        data,
    )

    def chair(item: dict[str, Any], said: bool = False) -> str:
        words = item["source_text"] if item["text"].endswith("not named") else None
        quoted = f" ({' '.join(words.split())})" if words else ""
        text = f"{item['role']}ed by {item['who']}" if item["chaired_by"] else item["text"]
        return str(text) + quoted + _dates(item, said=said)

    chairs = [c for c in data["chairs"] if c["status"] != "planned"]
    planned = [c for c in data["chairs"] if c["status"] == "planned"]
    if chairs or not planned:
        out += _section(TITLES["chairs"], [chair(c) for c in chairs], "chairs", data)
    out += _planned(TITLES["chairs"], [chair(c, True) for c in planned])
    out += _section(
        TITLES["scrutineers"],
        [_noted(s["text"], s["notes"]) + _dates(s) for s in data["scrutineers"]],
        "scrutineers",
        data,
    )
    if data["scrutiny"]:
        rows = [line for m in data["scrutiny"] for line in _scrutiny(m)]
        heading = _section(TITLES["scrutiny"], data["scrutiny"], "scrutiny", data)[0]
        out += [heading, *(f"  {row}" for row in rows)]
    elif "scrutiny" in missing or _partial(data, "scrutiny"):
        out += _section(TITLES["scrutiny"], [], "scrutiny", data)
    if data["duties"]:
        whose: dict[str, list[dict[str, Any]]] = {}
        for duty in data["duties"]:
            whose.setdefault(duty["of_words"], []).append(duty)
        rows = list(whose)
        out.append(f"{TITLES['duties']} ({_count(rows, _partial(data, 'duties'))})")
        for words, duties in whose.items():
            items = [item for duty in duties for item in duty["items"]]
            cut = any(_partial_words(duty, "items") for duty in duties)
            count = f"{len(items)} named, and more" if cut else str(len(items))
            out.append(f"  of {words}" + (f" ({count})" if items or cut else ""))
            for duty in duties:
                if duty["text"]:
                    out.append(f"    {' '.join(duty['text'].split())}")
                out += _items(duty["items"], "    ") + _more(_partial_words(duty, "items"), "    ")
    elif "duties" in missing or _partial(data, "duties"):
        out += _section(TITLES["duties"], [], "duties", data)
    agencies = [a for a in data["relevant_agencies"] if a["status"] != "planned"]
    planned = [a for a in data["relevant_agencies"] if a["status"] == "planned"]

    def agency(item: dict[str, Any]) -> str:
        note = " (see footnote)" if item["footnote"] else ""
        return f"{_noted(item['name'], item['notes'])}{_dates(item, said=True)}{note}"

    if agencies or not planned:
        out += _section(
            TITLES["relevant_agencies"], [agency(a) for a in agencies], "relevant_agencies", data
        )
    out += _planned(TITLES["relevant_agencies"], [agency(a) for a in planned])
    out += _section(
        TITLES["functional_links"],
        [_noted(link["name"], link["notes"]) for link in data["functional_links"]],
        "functional_links",
        data,
    )
    if data["reports_to"] or "reports_to" in missing or _partial(data, "reports_to"):
        out += _lines(
            TITLES["reports_to"], [_line(line) for line in data["reports_to"]], "reports_to", data
        )
    leadership = data["leadership"]
    if leadership:
        count = "" if _partial(data, "groups") else f" ({len(leadership)})"
        out.append(f"Leadership above the partnership{count}")
        for group in leadership:
            out += _group_lines(group, "  ")
    teams = data["teams"]
    subgroups = data["groups"]
    partial = _partial(data, "groups")
    if "groups" in missing:
        out.append("Groups: not stated in the source")
    elif not subgroups:
        out += (
            [] if (leadership or teams) and not partial else _section("Groups", [], "groups", data)
        )
    else:
        current = [g for g in subgroups if g["status"] != "planned"]
        planned = [g for g in subgroups if g["status"] == "planned"]
        if current or partial:
            out.append(f"Groups ({_count(current, partial)})")
            for group in current:
                out += _group_lines(group, "  ")
        if planned:
            out.append(f"Groups, planned, not yet in place ({len(planned)})")
            for group in planned:
                out += _group_lines(group, "  ")
    if teams:
        count = "" if _partial(data, "groups") else f" ({len(teams)})"
        out.append(f"Teams{count}")
        for team in teams:
            out += _group_lines(team, "  ")
    if data["lines"] or _partial(data, "lines"):
        out += _section(
            TITLES["lines"],
            [f"{line['by_name']} {_line(line)}" for line in data["lines"]],
            "lines",
            data,
        )
    if data["escalates_to"] or _partial(data, "escalates_to"):
        out += _lines(
            TITLES["escalates_to"],
            [_line(line, verb=False) for line in data["escalates_to"]],
            "escalates_to",
            data,
        )
    if data["governed_documents"]:
        out.append(f"Strategies, plans and frameworks ({len(data['governed_documents'])})")
        for document in data["governed_documents"]:
            out += [f"  {row}" for row in _document(document)]
    if data["business_plans"]:
        out.append(f"Business plans ({len(data['business_plans'])})")
        out += [f"  {row}" for plan in data["business_plans"] for row in _plan(plan)]
    if data["events"] or "events" in missing or _partial(data, "events"):
        out += _section(TITLES["events"], [_event(e) for e in data["events"]], "events", data)
    if data["approval"] is not None:
        out.append(_approval(data["approval"]))
    elif "approval" in missing:
        out.append("Approval: not stated in the source")
    if data["funding"] is not None:
        out += _funding(data["funding"])
    if data["yearly_reports"] or "yearly_reports" in missing or _partial(data, "yearly_reports"):
        out += _section(
            TITLES["yearly_reports"],
            [_report(report) for report in data["yearly_reports"]],
            "yearly_reports",
            data,
        )
    if data["review"] is not None:
        out.append(_review(data["review"]))
    elif "review" in missing:
        out.append("Review: not stated in the source")
    if collaborations:
        for collaboration in data["collaborations"]:
            out += _collaboration(collaboration)
    elif data["collaborations"]:
        names = [_label(collaboration) for collaboration in data["collaborations"]]
        out.append(f"Takes part in (shown after the partnerships): {'; '.join(names)}")
    if missing:
        words = ", ".join(field.replace("_", " ") for field in missing)
        out += ["", f"Not stated in the source: {words}."]
    if data["partial"]:
        out += ["", "Given only in part in the source:"]
        out += [f"  {p['field'].replace('_', ' ')}: {p['words']}" for p in data["partial"]]
    if data["not_stated_for"]:
        out += ["", "Not stated for a period:"]
        out += [f"  {period['words']}" for period in data["not_stated_for"]]
    return "\n".join(out)


def _label(collaboration: dict[str, Any]) -> str:
    short = collaboration["short_name"]
    return str(collaboration["name"]) + (f" ({short})" if short else "")


def _collaboration(collaboration: dict[str, Any]) -> list[str]:
    label = collaboration["short_name"] or collaboration["name"]
    out = ["", f"Collaboration: {_label(collaboration)}{_dates(collaboration)}"]
    if not collaboration["named"]:  # the source's words are all there is to call it by
        out.append(f"  in the source's words: {' '.join(collaboration['description'].split())}")
    partial = {p["field"]: p for p in collaboration["partial"]}

    def more(field: str) -> str:
        return f", {partial[field]['words']}" if field in partial else ""

    members = ", ".join(m["name"] for m in collaboration["members"])
    if members or "members" in partial:
        out.append(f"  members: {members or 'none named'}{more('members')}")
    if collaboration["areas"]:
        areas = ", ".join(_noted(a["name"], a.get("notes", [])) for a in collaboration["areas"])
        out.append(f"  areas: {areas}{more('areas')}")
    purpose = collaboration["purpose"]
    if purpose:
        out.append(f"  purpose: {' '.join(purpose['text'].split())}")
        out += _items(purpose["points"], "    ") + _more(purpose.get("partial"), "    ")
    for field in ("background", "outcomes", "principles"):
        items = collaboration[field]
        if items:
            out.append(f"  {field} ({len(items)}{more(field)})")
            out += _items(items, "    ", numbered=True)
    groups = collaboration["groups"]
    if groups or "groups" in partial:
        out.append(f"  {label} groups ({_count(groups, partial.get('groups'))})")
    for group in groups:
        out += _group_lines(group, "    ")
        members = collaboration["group_members"][group["id"]]
        if members:  # its membership rule, in its words
            out.append(f"      members ({len(members)}):")
            out += [f"        {_member(member)}" for member in members]
    if collaboration["lines"]:
        out.append(f"  lines ({_count(collaboration['lines'], partial.get('lines'))})")
        out += [f"    {line['by_name']} {_line(line)}" for line in collaboration["lines"]]
    if collaboration["governed_documents"]:
        out.append(f"  documents it owns ({len(collaboration['governed_documents'])})")
        for document in collaboration["governed_documents"]:
            out += [f"    {row}" for row in _document(document)]
    if collaboration["business_plans"]:
        out.append(f"  business plans ({len(collaboration['business_plans'])})")
        out += [f"    {row}" for plan in collaboration["business_plans"] for row in _plan(plan)]
    for field, entry in partial.items():
        if field not in ("members", "areas", "principles", "groups", "lines"):
            out.append(f"  {field.replace('_', ' ')}: {entry['words']}")
    return out
