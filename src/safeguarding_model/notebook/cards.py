"""The notebook's displays of a dataset, a partnership and a group.

Each is made from the summary that ``safeguarding-model show`` prints
(:func:`~safeguarding_model.documents.summary`), so a notebook and the command line
say the same thing in the same words: a list the source does not give is "not stated
in the source", one the data gives no entries for "none given in the data", a list
given only in part says so, planned entries are kept apart and marked "planned, not
yet in place", and every dated entry carries its dates in words, read against the date
the display names (today, unless a date is asked for).

A partnership or a group displayed on its own knows nothing of the dataset that holds
the posts, people and organisations it refers to: those are shown by their ids, and
the display says so. Display the dataset, or :func:`show` a partnership with its
dataset, for their names.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

import attrs

from ..documents._common import choose
from ..documents.dated import on_sentence, view_on
from ..documents.summary import collaboration_summary, group_summary, member_words, summary
from ..model import Collaboration, Dataset, Group, Partnership
from ..model.dates import OnDate, Span, span_of
from ..model.meaning import dated_words, reference_span
from .markup import (
    ROOT_CLASS,
    Markup,
    details,
    join,
    link,
    listing,
    rows_table,
    tag,
    text,
)

__all__ = [
    "Shown",
    "collaboration_html",
    "dataset_html",
    "group_html",
    "partnership_html",
    "show",
]

NOT_STATED = "not stated in the source"
"""What a display says of a field the source does not give (``not_stated``)."""
NONE_GIVEN = "none given in the data"
"""What it says of a list the data gives no entry for: not the data saying "none"."""
PLANNED = "planned, not yet in place"
CARDS_SHOWN = 12
"""The partnerships a dataset's display shows in full; the rest are listed by name."""

_SCOPES = {
    "children": "children",
    "adults": "adults",
    "all-age": "children and adults (all-age)",
}


@attrs.frozen(repr=False)
class Shown:
    """A display made by :func:`show`: HTML for a notebook (``_repr_html_``), the same
    text that ``html`` holds."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<Shown: {len(self.html)} characters of HTML, for a notebook to display>"


# --- pieces -----------------------------------------------------------------------------


def _dated(words: str, item: dict[str, Any], *, said: bool = False) -> str:
    """``words`` with the entry's dates in brackets; a plain "planned" is not said again
    under a heading that says it (``said``)."""
    dates = item.get("dates")
    if not dates or (said and dates == "planned"):
        return words
    return f"{words} ({dates})"


def _partial(data: dict[str, Any], field: str) -> dict[str, Any] | None:
    return next((p for p in data.get("partial", ()) if p["field"] == field), None)


def _entries(rows: Sequence[object], field: str, data: dict[str, Any]) -> Markup:
    """The entries of one of ``data``'s lists: "not stated in the source" where the
    source does not give it, "none given in the data" where the data lists none, and
    what a list given only in part leaves out."""
    partial = _partial(data, field)
    if field in data.get("not_stated", ()):
        return text(NOT_STATED)
    if not rows:
        return text(f"none named, {partial['words']}" if partial else NONE_GIVEN)
    if partial:
        return join([listing(rows), tag("p", f"{len(rows)} named, {partial['words']}")])
    return listing(rows)


def _planned(rows: Sequence[object]) -> Markup:
    """Planned entries, apart, never counted with those in place."""
    if not rows:
        return Markup()
    return tag("p", tag("em", f"{PLANNED} ({len(rows)}):"), listing(rows))


def _line(line: dict[str, Any]) -> str:
    """A line from its targets on, under a heading that says its verb."""
    details_ = [*line["details"], *([line["dates"]] if line["dates"] else [])]
    tail = f" ({'; '.join(details_)})" if details_ else ""
    sends = f"; sends: {line['subject']}" if line["subject"] else ""
    return f"{line['targets']}{tail}{sends}"


def _status(item: dict[str, Any]) -> str:
    """How an entry stands, in words: "current", "ended 2023-11", "planned, not yet in
    place", "from 2027-01"."""
    if item["status"] == "planned":
        return PLANNED if item["dates"] in ("", "planned") else f"{PLANNED} ({item['dates']})"
    return item["dates"] or str(item["status"])


def _facts(rows: Sequence[tuple[str, object]]) -> Markup:
    """A two-column table of facts: what, then the data's answer."""
    return tag(
        "table",
        tag(
            "tbody",
            *(tag("tr", tag("th", key, scope="row"), tag("td", value)) for key, value in rows),
        ),
    )


# --- groups -----------------------------------------------------------------------------


def _group_chairs(group: dict[str, Any]) -> Markup:
    chairs = list(group["chairs"])
    for number, (chair, said) in enumerate(zip(group["chairs"], group["chair_texts"], strict=True)):
        if said and chair.endswith("not named"):  # the document's words, where it names no one
            chairs[number] = f"{chair} ({said})"
    found = _entries(chairs, "chairs", group)
    return join([found, _planned(group["planned_chairs"])])


def _group_meets(group: dict[str, Any]) -> str:
    if group["meets_words"]:
        return str(group["meets_words"])
    return NOT_STATED if "meets" in group["not_stated"] else "not given in the data"


def _group_lines(group: dict[str, Any], field: str) -> Markup:
    rows = [f"{line['verb']}: {_line(line)}" for line in group[field]]
    if not rows and field == "escalates_to" and field not in group["not_stated"]:
        return text("none given in the data")
    return _entries(rows, field, group)


def _group_row(group: dict[str, Any]) -> list[object]:
    return [
        join([tag("strong", group["name"]), tag("br"), tag("code", group["id"])]),
        group["kind_label"] + (" (above the partnership)" if group["leadership"] else ""),
        _group_chairs(group),
        _group_meets(group),
        _group_lines(group, "reports_to"),
        _status(group),
    ]


GROUP_HEADER = ("Group", "Kind", "Chair", "Meets", "Reports to", "Status")


def _groups_table(data: dict[str, Any]) -> Markup:
    """The groups of a partnership (leadership first, then the groups, then teams), the
    planned ones last, marked planned."""
    everything = [*data["leadership"], *data["groups"], *data["teams"]]
    current = [g for g in everything if g["status"] != "planned"]
    planned = [g for g in everything if g["status"] == "planned"]
    partial = _partial(data, "groups")
    if "groups" in data["not_stated"]:
        return tag("p", f"Groups: {NOT_STATED}")
    if not everything:
        return tag("p", "Groups: " + (f"none named, {partial['words']}" if partial else NONE_GIVEN))
    count = f"{len(current)} named, {partial['words']}" if partial else str(len(current))
    parts = [tag("h4", f"Groups ({count})")]
    parts.append(rows_table(GROUP_HEADER, [_group_row(g) for g in current + planned]))
    if planned:
        parts.append(tag("p", f"{len(planned)} of them {PLANNED}, not counted above."))
    return join(parts)


def _group_card(group: dict[str, Any], model: Group, name: Any, at: Span) -> Markup:
    """One group in full: its facts, its members and its responsibilities."""
    members = [
        _dated(
            member_words(m, name)
            + (f" ({m.capacity.label})" if m.capacity.value != "member" else ""),
            {"dates": dated_words(m.start, m.end, at)},
        )
        for m in model.members
        if not m.planned
    ]
    leadership = " (above the partnership)" if group["leadership"] else ""
    rows: list[tuple[str, object]] = [
        ("Kind", group["kind_label"] + leadership),
        ("Status", _status(group)),
    ]
    if group["parent"]:
        rows.append(("Sits under", group["parent_name"]))
    rows += [
        ("Chair", _group_chairs(group)),
        ("Meets", _group_meets(group)),
        ("Members", join([_entries(members, "members", group), _planned(_planned_members(group))])),
        ("Reports to", _group_lines(group, "reports_to")),
        ("Escalates to", _group_lines(group, "escalates_to")),
    ]
    if group["covers"]:
        rows.append(("Covers the areas of", ", ".join(a["name"] for a in group["covers"])))
    if group["scope"]:
        rows.append(("Serves", _SCOPES.get(group["scope"], group["scope"])))
    if group["joint_with"]:
        rows.append(("Joint with", ", ".join(j["name"] for j in group["joint_with"])))
    if group["ends_when"]:
        rows.append(("Ends", group["ends_when"]))
    said = {"chairs", "meets", "members", "reports_to", "escalates_to"}
    others = [field.replace("_", " ") for field in group["not_stated"] if field not in said]
    if others:
        rows.append(("Not stated in the source", ", ".join(others)))
    for entry in group["partial"]:
        if entry["field"] not in said:
            rows.append((entry["field"].replace("_", " ").capitalize(), entry["words"]))
    for period in group["not_stated_for"]:
        rows.append(("Not stated for a period", period["words"]))
    parts = [tag("h3", group["name"], " ", tag("code", group["id"])), _facts(rows)]
    for title, items in (
        ("Responsibilities", model.responsibilities),
        ("Objectives", model.objectives),
    ):
        if items:
            numbered = tag("ol", *(tag("li", item.text) for item in items))
            parts.append(details(f"{title} ({len(items)})", numbered))
    return join(parts)


def _planned_members(group: dict[str, Any]) -> list[str]:
    return [
        _dated(" ".join((m["text"] or m["name"] or "a member").split()), m, said=True)
        for m in group["planned_members"]
    ]


# --- partnerships -----------------------------------------------------------------------


def _source(source: dict[str, Any]) -> Markup:
    published = f", {source['published']}" if source["published"] else ""
    return join([link(source["title"], source["url"]), published])


def _noted(name: str, notes: Sequence[str]) -> str:
    return f"{name} ({'; '.join(notes)})" if notes else name


def _chair(item: dict[str, Any], said: bool = False) -> str:
    words = item["source_text"] if item["text"].endswith("not named") else None
    quoted = f" ({' '.join(words.split())})" if words else ""
    text_ = f"{item['role']}ed by {item['who']}" if item["chaired_by"] else item["text"]
    return _dated(str(text_) + quoted, item, said=said)


def _lead(partner: dict[str, Any]) -> str:
    """A lead partner: its post and holder, else its organisation (with what the data
    says of it), and the body it acts through."""
    if partner.get("text"):
        return str(partner["text"])
    found = _noted(partner["organisation_name"], partner["organisation_notes"])
    return found + (f" (through {partner['through_name']})" if partner["through"] else "")


def _agency(item: dict[str, Any]) -> str:
    note = " (see footnote)" if item["footnote"] else ""
    return _dated(_noted(item["name"], item["notes"]), item, said=True) + note


def _partnership_card(data: dict[str, Any], at_words: str, note: str | None = None) -> Markup:
    """A partnership's key facts, its groups and what the source leaves out."""
    head = data["partnership"]
    missing = data["not_stated"]
    title = head["name"] + (f" ({head['short_name']})" if head["short_name"] else "")
    said = [f"Follows {head['guidance_title']}."]
    if head["scope"] != "children":
        said.append(f"Serves {_SCOPES.get(head['scope'], head['scope'])}.")
    if head["effective"]:
        said.append(f"In effect from {head['effective']}.")
    if head["dates"]:
        said.append(f"The partnership: {head['dates']}.")
    parts: list[object] = [tag("h3", title, " ", tag("code", head["id"])), tag("p", " ".join(said))]
    if head["source"]:
        parts.append(tag("p", "Source: ", _source(head["source"]), "."))
    parts.append(tag("p", tag("em", at_words)))
    if note:
        parts.append(tag("p", tag("em", note)))

    chairs = [c for c in data["chairs"] if c["status"] != "planned"]
    planned_chairs = [c for c in data["chairs"] if c["status"] == "planned"]
    agencies = [a for a in data["relevant_agencies"] if a["status"] != "planned"]
    planned_agencies = [a for a in data["relevant_agencies"] if a["status"] == "planned"]
    agency_rows = [_agency(a) for a in agencies]
    partial_agencies = _partial(data, "relevant_agencies")
    if agency_rows and "relevant_agencies" not in missing:
        counted = (
            f"{len(agency_rows)} named, {partial_agencies['words']}"
            if partial_agencies
            else str(len(agency_rows))
        )
        agencies_cell = join(
            [details(counted, tag("ul", *(tag("li", row) for row in agency_rows)))]
        )
    else:
        agencies_cell = _entries(agency_rows, "relevant_agencies", data)
    rows: list[tuple[str, object]] = [
        (
            "Lead safeguarding partners",
            _entries(
                [_dated(f"{p['role_label']}: {_lead(p)}", p) for p in data["lead_partners"]],
                "lead_partners",
                data,
            ),
        ),
        (
            "Delegated safeguarding partners",
            _entries(
                [
                    _dated(f"for the {p['acts_for_label']}: {_noted(p['text'], p['notes'])}", p)
                    for p in data["delegated_partners"]
                ],
                "delegated_partners",
                data,
            ),
        ),
        (
            "Partnership chair",
            join(
                [
                    _entries([_chair(c) for c in chairs], "chairs", data),
                    _planned([_chair(c, True) for c in planned_chairs]),
                ]
            ),
        ),
        (
            "Independent scrutineer",
            _entries(
                [_dated(_noted(s["text"], s["notes"]), s) for s in data["scrutineers"]],
                "scrutineers",
                data,
            ),
        ),
        (
            "Relevant agencies",
            join([agencies_cell, _planned([_agency(a) for a in planned_agencies])]),
        ),
    ]
    if data["functional_links"] or "functional_links" in missing:
        rows.append(
            (
                "Functional links",
                _entries(
                    [_noted(link_["name"], link_["notes"]) for link_ in data["functional_links"]],
                    "functional_links",
                    data,
                ),
            )
        )
    if data["meets_words"] or "meets" in missing:
        rows.append(("The partnership meets", data["meets_words"] or NOT_STATED))
    for field, title_ in (
        ("reports_to", "Lines from the partnership"),
        ("escalates_to", "The partnership escalates to"),
    ):
        if data[field] or field in missing or _partial(data, field):
            lines = [_dated(str(line["words"]), line) for line in data[field]]
            rows.append((title_, _entries(lines, field, data)))
    parts += [_facts(rows), _groups_table(data)]
    if data["lines"]:
        parts.append(tag("h4", "Other lines"))
        parts.append(
            listing(
                [f"{line['by_name']} {_dated(str(line['words']), line)}" for line in data["lines"]]
            )
        )
    for collaboration in data["collaborations"]:
        members = ", ".join(m["name"] for m in collaboration["members"])
        parts.append(
            tag(
                "p",
                "Takes part in ",
                tag("strong", _dated(collaboration["name"], collaboration)),
                f": members {members or 'none named'}; {len(collaboration['groups'])} groups.",
            )
        )
    if missing:
        parts.append(
            tag(
                "p",
                "Not stated in the source: ",
                ", ".join(f.replace("_", " ") for f in missing),
                ".",
            )
        )
    if data["partial"]:
        given = [f"{p['field'].replace('_', ' ')}: {p['words']}" for p in data["partial"]]
        parts.append(tag("p", "Given only in part in the source: ", "; ".join(given), "."))
    for period in data["not_stated_for"]:
        parts.append(tag("p", period["words"]))
    return join(parts)


# --- collaborations ---------------------------------------------------------------------


def _item(item: dict[str, Any]) -> Markup:
    """An item of text with its points under it, and what the source leaves out."""
    points = [_item(point) for point in item["points"]]
    if item.get("partial"):
        points.append(tag("em", f"… {item['partial']}"))
    return join([item["text"], listing(points)] if points else [item["text"]])


def _collaboration_card(data: dict[str, Any], at_words: str, note: str | None = None) -> Markup:
    """A collaboration's key facts: its members, areas and purpose, its groups, its
    lines and its business plans, and what the source leaves out."""
    title = data["name"] + (f" ({data['short_name']})" if data["short_name"] else "")
    parts: list[object] = [tag("h3", title, " ", tag("code", data["id"]))]
    if not data["named"]:
        parts.append(tag("p", tag("em", "The source gives the collaboration no name.")))
    if data["description"]:
        parts.append(tag("p", data["description"]))
    if data["dates"]:
        parts.append(tag("p", f"The collaboration: {data['dates']}."))
    parts.append(tag("p", tag("em", at_words)))
    if note:
        parts.append(tag("p", tag("em", note)))
    shaped = {"not_stated": [], "partial": data["partial"]}  # as a partnership's are
    rows: list[tuple[str, object]] = [
        ("Members", _entries([m["name"] for m in data["members"]], "members", shaped)),
    ]
    if data["areas"]:
        rows.append(("Covers the areas of", ", ".join(a["name"] for a in data["areas"])))
    if data["purpose"]:
        rows.append(("Purpose", _item(data["purpose"])))
    for field, title_ in (("outcomes", "Outcomes"), ("principles", "Principles")):
        if data[field]:
            rows.append((title_, listing([_item(item) for item in data[field]])))
    if data["business_plans"]:
        rows.append(("Business plans", listing([p["title"] for p in data["business_plans"]])))
    parts.append(_facts(rows))
    groups = {"leadership": [], "groups": data["groups"], "teams": [], **shaped}
    parts.append(_groups_table(groups))
    if data["lines"]:
        parts.append(tag("h4", "Lines"))
        parts.append(
            listing(
                [f"{line['by_name']} {_dated(str(line['words']), line)}" for line in data["lines"]]
            )
        )
    if data["partial"]:
        given = [f"{p['field'].replace('_', ' ')}: {p['words']}" for p in data["partial"]]
        parts.append(tag("p", "Given only in part in the source: ", "; ".join(given), "."))
    return join(parts)


# --- what the faces call ----------------------------------------------------------------


def _at_words(on: object | None, today: datetime.date) -> str:
    if on is not None:
        return on_sentence(on)  # type: ignore[arg-type]
    return f"Dates read against today, {today.isoformat()}."


def _root(*parts: object) -> str:
    return str(tag("div", *parts, class_=ROOT_CLASS))


_ALONE = (
    "Shown on its own, without the dataset that holds its posts, people and "
    "organisations: those are shown by their ids. Display the dataset for their names."
)


def partnership_html(partnership: Partnership, *, today: datetime.date | None = None) -> str:
    """A partnership on its own, as HTML (its ``_repr_html_``)."""
    today = today or datetime.date.today()
    data = summary(Dataset(partnerships=(partnership,)), partnership, today=today)
    return _root(_partnership_card(data, _at_words(None, today), _ALONE))


def collaboration_html(collaboration: Collaboration, *, today: datetime.date | None = None) -> str:
    """A collaboration on its own, as HTML (its ``_repr_html_``)."""
    today = today or datetime.date.today()
    data = collaboration_summary(
        Dataset(collaborations=(collaboration,)), collaboration, today=today
    )
    note = _ALONE.replace("its posts", "its members, posts")
    return _root(_collaboration_card(data, _at_words(None, today), note))


def group_html(group: Group, *, today: datetime.date | None = None) -> str:
    """A group on its own, as HTML (its ``_repr_html_``)."""
    today = today or datetime.date.today()
    alone = Dataset()
    data = group_summary(alone, group, today=today)
    at = reference_span(None, today)
    card = _group_card(data, group, lambda key: alone.name_of(key), at)
    note = _ALONE.replace("its posts", "the posts")
    return _root(card, tag("p", tag("em", _at_words(None, today))), tag("p", tag("em", note)))


def dataset_html(
    dataset: Dataset, *, on: OnDate | None = None, today: datetime.date | None = None
) -> str:
    """A dataset as HTML (its ``_repr_html_``): what it holds, then each partnership
    (the first :data:`CARDS_SHOWN` in full) and the collaborations that no
    partnership of it takes part in."""
    view = view_on(dataset, on, today=today)
    shown = view.dataset
    counts = [
        f"{count} {c.noun if count == 1 else c.field}"
        for c in Dataset.collections()
        if (count := len(getattr(shown, c.field)))
    ]
    parts: list[object] = [
        tag("p", tag("strong", "Dataset"), ": ", ", ".join(counts) or "empty", "."),
        *(tag("p", tag("em", caution)) for caution in view.cautions),
    ]
    at_words = _at_words(view.on, view.today)
    several = len(shown.partnerships) > 1
    for number, partnership in enumerate(shown.partnerships):
        if number == CARDS_SHOWN:
            rest = shown.partnerships[CARDS_SHOWN:]
            parts.append(
                tag(
                    "p",
                    f"{len(rest)} more partnerships, not shown in full here: ",
                    ", ".join(p.name for p in rest),
                    ". ",
                    tag("code", "safeguarding_model.notebook.show(dataset, ID)"),
                    " shows one.",
                )
            )
            break
        data = summary(shown, partnership, on=view.on, today=view.today)
        card = _partnership_card(data, at_words)
        parts.append(details(partnership.name, card) if several else card)
    claimed = {c.id for p in shown.partnerships for c in shown.collaborations_of(p)}
    for collaboration in shown.collaborations:
        if collaboration.id not in claimed:
            parts.append(_collaboration_line(shown, collaboration))
    return _root(*parts)


def _collaboration_line(dataset: Dataset, collaboration: Collaboration) -> Markup:
    members = [dataset.name_of(key) for key in dataset.members_of(collaboration)]
    return tag(
        "p",
        "Collaboration ",
        tag("strong", collaboration.name),
        f": members {', '.join(members) or 'none named'}; {len(collaboration.groups)} groups.",
    )


def show(
    dataset: Dataset,
    partnership: str | None = None,
    *,
    group: str | None = None,
    on: OnDate | None = None,
    today: datetime.date | None = None,
) -> Shown:
    """A partnership of ``dataset`` (by id or name; the only one when None), or one of
    its ``group``\\ s, displayed with the dataset's names, as the arrangements stood
    ``on`` a date when one is given (``dataset.as_of(on)``), else read against today.
    A collaboration's id or name (``"hips"``) displays the collaboration."""
    if partnership is not None and group is None:
        named = choose(dataset, partnership, collaborations=True)  # the one resolver
        if isinstance(named, Collaboration):
            return _show_collaboration(dataset, named, on, today)
    view = view_on(dataset, on, partnership, today=today)
    shown = view.dataset
    chosen = shown.partnership(view.partnership)
    at_words = _at_words(view.on, view.today)
    cautions = [tag("p", tag("em", caution)) for caution in view.cautions]
    if group is None:
        data = summary(shown, chosen, on=view.on, today=view.today)
        return Shown(html=_root(*cautions, _partnership_card(data, at_words)))
    found = chosen.group(group)
    data = group_summary(shown, found, chosen, on=view.on, today=view.today)
    index = shown.index()
    at = span_of(view.on) if view.on is not None else reference_span(None, view.today)
    card = _group_card(data, found, lambda key: shown.name_of(key, index), at)
    return Shown(html=_root(card, tag("p", tag("em", at_words)), *cautions))


def _show_collaboration(
    dataset: Dataset,
    collaboration: Collaboration,
    on: OnDate | None,
    today: datetime.date | None,
) -> Shown:
    view = view_on(dataset, on, today=today)
    shown = view.dataset
    standing = next((c for c in shown.collaborations if c.id == collaboration.id), None)
    cautions = [tag("p", tag("em", caution)) for caution in view.cautions]
    at_words = _at_words(view.on, view.today)
    if standing is None:
        said = f"{collaboration.label} did not stand then."
        return Shown(html=_root(tag("p", said), tag("p", tag("em", at_words)), *cautions))
    data = collaboration_summary(shown, standing, on=view.on, today=view.today)
    return Shown(html=_root(*cautions, _collaboration_card(data, at_words)))
