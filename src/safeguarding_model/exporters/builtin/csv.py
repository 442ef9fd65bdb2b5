"""``csv``: tables for spreadsheets and pandas, as a folder of CSV files (or one zip).

``relevant-agencies.csv``, ``memberships.csv``, ``posts.csv`` (with holders and
roles), ``reporting-lines.csv`` (groups' reporting and escalation lines, and the
partnership's own escalation routes) and ``groups.csv``. Each file is RFC 4180 CSV
in UTF-8 with a header row; ids sit beside names so the tables join. Written to a
folder by :func:`~safeguarding_model.exporters.export_to` (or ``-o PATH`` on the
command line); :func:`~safeguarding_model.exporters.export` gives a zip of them.

Every table has ``start`` and ``end`` as written and a ``status`` column: ``current``,
``ended``, ``future`` or ``planned``, read against the export's date (``on``), else
today. A membership or a line stands as its group does too (a seat on a planned group
is planned, on a group that has ended, ended). An export taken on a date has a first
column ``on``, the date on every row, so tables taken on several dates can be put
together.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a line break gets a
leading apostrophe (``'=SUM(A1)``), as OWASP advises against CSV injection, so that a
spreadsheet shows such text rather than running it as a formula.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from typing import Any

from ...hooks.specs import hookimpl
from ...model import Dataset, Entity, Group, Line, PartialDate, Post
from ...model.dates import Span, earlier, later
from ...model.meaning import ModelIndex, reference_span, standing
from ...model.values import Choice
from ..archive import zip_archive
from ..escape import clean
from ..exporter import Content, Exporter, Register
from ..options import ExportOptions

__all__ = ["FORMULA_STARTS", "files", "register_exporters", "table", "zip_files"]

Row = Sequence[object]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""The first characters that make a spreadsheet read a cell as a formula (OWASP's
list; a carriage return is a line break once cleaned)."""


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, PartialDate):
        return str(value)
    text = clean(str(value.value if isinstance(value, Choice) else value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def table(header: Sequence[str], rows: Iterable[Row], on: PartialDate | None = None) -> str:
    """One CSV file's text: the header, then the rows (None as an empty cell); with
    ``on``, a first column ``on`` holding that date on every row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    first: tuple[object, ...] = () if on is None else (on,)
    writer.writerow([*(("on",) if on is not None else ()), *header])
    writer.writerows([_cell(value) for value in (*first, *row)] for row in rows)
    return out.getvalue()


class _Status:
    """The ``status`` of a row, read against the export's date (or today)."""

    def __init__(self, at: Span) -> None:
        self.at = at

    def __call__(self, entry: Any, within: Group | None = None) -> str:
        start, end = getattr(entry, "start", None), getattr(entry, "end", None)
        planned = getattr(entry, "planned", False)
        if within is not None:
            start, end = later(start, within.start), earlier(end, within.end)
            planned = planned or within.planned
        return standing(start, end, self.at, planned=planned).value


def _roles(dataset: Dataset) -> dict[str, list[str]]:
    """What each post does, in words, by post id, as the model means it
    (:class:`~safeguarding_model.model.meaning.ModelIndex`): the roles the data states,
    then those it implies, marked "derived" (a chair held as "the partnership chair",
    a seat held as one of "the delegated safeguarding partners")."""
    model = ModelIndex(dataset)
    roles: dict[str, list[str]] = {}

    def add(node: str | None, text: str, derived: bool = False) -> None:
        if node and isinstance(model.entities.get(node), Post):
            roles.setdefault(node, []).append(text + (" (derived)" if derived else ""))

    for p in model.partnerships:
        held = model.roles[p.id]
        for _, lead in held.lead:
            add(lead.post, f"lead safeguarding partner of {p.id}")
        for node, delegated in held.delegated:
            acts_for = p.lead_for(delegated)
            role = delegated.acts_for.label
            add(
                node,
                f"delegated safeguarding partner of {p.id} ("
                + (f"{role}, {acts_for.organisation}" if acts_for else role)
                + ")",
            )
        for node, chair in held.chairs:
            add(node, f"{chair.role.label} of {p.id}")
        for node, _ in held.scrutineers:
            add(node, f"independent scrutineer of {p.id}")
        for node, _ in held.observers:
            add(node, f"participating observer of {p.id}")
    for _, group in model.groups:
        for entry in model.chair_nodes.get(group.id, []):
            add(entry.node, f"{entry.role.label} of {group.id}", entry.derived)
        for member, resolved in model.members.get(group.id, []):
            for item in resolved:
                add(item.node, f"{member.capacity.label} of {group.id}", item.derived)
    return roles


def files(dataset: Dataset, options: ExportOptions) -> dict[str, Content]:
    index = dataset.index()
    name = dataset.name_of
    on = options.on
    status = _Status(reference_span(on, options.today or datetime.date.today()))
    agencies = table(
        ("partnership", "organisation", "name", "kind", "footnote", "start", "end", "status"),
        (
            (
                p.id,
                a.organisation,
                name(a.organisation, index),
                _kind(index, a.organisation),
                a.footnote,
                a.start,
                a.end,
                status(a),
            )
            for p in dataset.partnerships
            for a in p.relevant_agencies
        ),
        on,
    )
    member_rows = []
    planned_groups = {g.id for _, g in dataset.groups() if g.planned}
    for owner, group in dataset.groups():
        for number, m in enumerate(group.members, start=1):
            common = (m.capacity, m.text, m.start, m.end)
            standing = status(m, group)
            named: list[tuple[str, str | None, str]] = []
            if m.post:
                named.append(("post", m.post, name(m.post, index)))
            elif m.organisation:
                named.append(("organisation", m.organisation, name(m.organisation, index)))
            elif m.chair_of:
                named += [("chair-of", g, f"the chair of {name(g, index)}") for g in m.chair_of]
            elif m.role:
                named.append(("role", m.role.value, m.role.label))
            else:
                named.append(("text", None, m.text or ""))
            for kind, key, words in named:
                # the chair of a group not yet in place is not yet a member either
                row_status = "planned" if key in planned_groups else standing
                member_rows.append(
                    (owner.id, group.id, group.name, number, kind, key, words, *common, row_status)
                )
    memberships = table(
        (
            "owner",
            "group",
            "group_name",
            "entry",
            "member_type",
            "member",
            "member_name",
            "capacity",
            "text",
            "start",
            "end",
            "status",
        ),
        member_rows,
        on,
    )
    roles = _roles(dataset)
    posts = table(
        (
            "post",
            "title",
            "organisation",
            "organisation_name",
            "holder",
            "holder_name",
            "holder_status",
            "independent",
            "roles",
            "start",
            "end",
            "known_on",
            "status",
        ),
        (
            (
                post.id,
                post.title,
                post.organisation,
                name(post.organisation, index) if post.organisation else None,
                post.holder,
                name(post.holder, index) if post.holder else None,
                _status(post),
                post.independent,
                "; ".join(roles.get(post.id, ())),
                post.start,
                post.end,
                post.known_on,
                status(post),
            )
            for post in dataset.posts
        ),
        on,
    )
    bodies: list[tuple[str, str, str, str, tuple[Line, ...], Group | None]] = [
        (p.id, p.id, p.name, "escalates-to", p.escalates_to, None) for p in dataset.partnerships
    ]
    for owner, group in dataset.groups():
        bodies.append((owner.id, group.id, group.name, "reports-to", group.reports_to, group))
        bodies.append((owner.id, group.id, group.name, "escalates-to", group.escalates_to, group))
    lines = table(
        (
            "owner",
            "from",
            "from_name",
            "kind",
            "to",
            "to_name",
            "cadence",
            "text",
            "start",
            "end",
            "status",
        ),
        (
            (
                owner,
                body,
                body_name,
                kind,
                line.to,
                name(line.to, index),
                line.cadence,
                line.text,
                line.start,
                line.end,
                status(line, group),
            )
            for owner, body, body_name, kind, found, group in bodies
            for line in found
        ),
        on,
    )
    groups = table(
        (
            "owner",
            "owner_name",
            "group",
            "name",
            "short_name",
            "kind",
            "parent",
            "joint_with",
            "meets",
            "start",
            "end",
            "status",
        ),
        (
            (
                owner.id,
                owner.name,
                g.id,
                g.name,
                g.short_name,
                g.kind,
                g.parent,
                "; ".join(g.joint_with),
                g.meets,
                g.start,
                g.end,
                status(g),
            )
            for owner, g in dataset.groups()
        ),
        on,
    )
    return {
        "groups.csv": groups,
        "memberships.csv": memberships,
        "posts.csv": posts,
        "relevant-agencies.csv": agencies,
        "reporting-lines.csv": lines,
    }


def _kind(index: dict[str, Entity], key: str) -> str | None:
    kind = getattr(index.get(key), "kind", None)
    return str(kind.value) if kind is not None else None


def _status(post: Post) -> str:
    if post.vacant:
        return "vacant"
    if post.holder:
        return "acting" if post.acting else "held"
    return "not stated"


def zip_files(contents: dict[str, Content]) -> bytes:
    """Files as one zip archive, the same bytes for the same files (fixed dates, order)."""
    return zip_archive(contents)


def render(dataset: Dataset, options: ExportOptions) -> bytes:
    return zip_files(files(dataset, options))


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="csv",
            media_type="application/zip",
            extension="zip",
            description="tables of relevant agencies, memberships, posts, reporting lines and "
            "groups, each row with its dates and status (current, ended, future or planned): "
            "a folder of CSV files (a zip on standard output); cells that start "
            "with =, +, -, @, a tab or a line break get a leading ' so that spreadsheets "
            "do not run them as formulas",
            render=render,
            files=files,
        )
    )
