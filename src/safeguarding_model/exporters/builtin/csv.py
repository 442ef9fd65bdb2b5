"""``csv``: tables for spreadsheets and pandas, as a folder of CSV files (or one zip).

The tables (each described, column by column, in ``docs/exporters.md``):

- ``partnerships.csv``, ``collaborations.csv``, ``organisations.csv``, ``posts.csv``
  (with holders and roles) and ``groups.csv``: one row per entity;
- ``chairs.csv`` (every chair entry of a partnership or group, as the data gives it),
  ``memberships.csv``, ``relevant-agencies.csv`` and ``reporting-lines.csv`` (every
  line: groups' and partnerships' reporting lines and escalation routes, and the lines
  a partnership or collaboration gives from other bodies);
- ``scrutiny.csv``, ``duties.csv``, ``events.csv``, ``funding-contributions.csv``
  and ``documents.csv`` (the governed strategies, plans and frameworks);
- ``items.csv``: the text of the lists of text those tables count (values,
  principles, aims, outcomes, duties, scrutiny inputs, documents' items), in order;
- ``partial-lists.csv`` (the lists the source gives only in part, and how many
  further entries it counts) and ``unstated.csv`` (the fields the source does not
  give, for good or for a period).

Each file is RFC 4180 CSV in UTF-8 with a header row, written whether or not it has
rows, so an export always holds the same files; ids sit beside names so the tables
join. Written to a folder by :func:`~safeguarding_model.exporters.export_to` (or ``-o
PATH`` on the command line); :func:`~safeguarding_model.exporters.export` gives a zip.

Not stated is never "none": a cell whose field the source does not give (a field in
``not_stated``) reads ``not stated``, as a post's ``holder_status`` does; an empty
cell means the data gives nothing there. A list cell (ids joined by ``; ``) whose list
the source gives only in part ends with ``and more`` (``and 3 more`` where it counts
them).

Every table of things with dates has ``start`` and ``end`` as written and a
``status`` column: ``current``, ``ended``, ``future`` or ``planned``, read against the
export's date (``on``), else today. A membership, chair or line stands as its group
does too (a seat on a planned group is planned, on a group that has ended, ended). An
export taken on a date has a first column ``on``, the date on every row, so tables
taken on several dates can be put together.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a line break gets a
leading apostrophe (``'=SUM(A1)``), as OWASP advises against CSV injection, so that a
spreadsheet shows such text rather than running it as a formula.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import attrs

from ...hooks.specs import hookimpl
from ...model import (
    BudgetShare,
    Chair,
    Dataset,
    Entity,
    Group,
    Item,
    Line,
    Member,
    PartialDate,
    PartialList,
    Post,
    ReportingLine,
)
from ...model.dates import Span, earlier, later
from ...model.meaning import ModelIndex, member_role_words, members_given, reference_span, standing
from ...model.values import Choice
from ..archive import zip_archive
from ..escape import clean
from ..exporter import Content, Exporter, Register
from ..options import ExportOptions

__all__ = [
    "FORMULA_STARTS",
    "NOT_STATED",
    "TABLES",
    "Table",
    "files",
    "register_exporters",
    "table",
    "tables",
    "zip_files",
]

Row = Sequence[object]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""The first characters that make a spreadsheet read a cell as a formula (OWASP's
list; a carriage return is a line break once cleaned)."""

NOT_STATED = "not stated"
"""The cell of a field the source does not give: never empty, never "none"."""


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


@attrs.frozen(kw_only=True)
class Table:
    """One table: its ``header`` and its ``rows`` of the model's values (text, numbers,
    ``True``/``False``, dates as :class:`~safeguarding_model.model.PartialDate`, allowed
    values as :class:`~safeguarding_model.model.values.Choice`, ``None`` where the data
    gives nothing), and ``on``, the date of an export taken on a date."""

    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    on: PartialDate | None = None

    def csv(self) -> str:
        """The table as one CSV file's text (see :func:`table`)."""
        return table(self.header, self.rows, self.on)


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
            whom = acts_for.organisation if acts_for else None  # None: known by its role only
            add(
                node,
                f"delegated safeguarding partner of {p.id} ("
                + (f"{role}, {whom}" if whom else role)
                + ")",
            )
        for entry in model.chair_nodes.get(p.id, []):  # one of a role's holders: derived
            add(entry.node, f"{entry.role.label} of {p.id}", entry.derived)
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


# --- cells ------------------------------------------------------------------------------


def _partial(entity: object, field: str) -> PartialList | None:
    """The entry of ``entity.partial`` for the list ``field``, if the list is partial."""
    for entry in getattr(entity, "partial", ()):
        if entry.field == field:
            return entry  # type: ignore[no-any-return]
    return None


def _more(entry: PartialList) -> str:
    return f"and {entry.further} more" if entry.further else "and more"


def _stated(entity: object, field: str, value: object) -> object:
    """``value``, or ``not stated`` where it is empty and ``entity`` lists ``field``
    among the fields its source does not give."""
    if value in (None, "", ()) and field in getattr(entity, "not_stated", ()):
        return NOT_STATED
    return value


def _joined(values: Iterable[str], entity: object = None, field: str = "") -> object:
    """Values joined by ``; ``; ``not stated`` for a list the source does not give, and
    ``and more`` (``and 3 more``) after a list it gives only in part."""
    found = list(values)
    partial = _partial(entity, field) if entity is not None else None
    if partial is not None:
        found.append(_more(partial))
    return _stated(entity, field, "; ".join(found))


def _count(entity: object, field: str) -> object:
    """How many entries a list of ``entity`` has, with ``+`` after a partial list
    (``3+``: three given, and more), ``not stated`` for one the source does not give."""
    values = getattr(entity, field)
    if not values and field in getattr(entity, "not_stated", ()):
        return NOT_STATED
    return f"{len(values)}+" if _partial(entity, field) else len(values)


def _share(share: BudgetShare) -> str:
    """A body's share of a shared budget in a cell: ``west-sab 40%``, ``west-sab 120000``
    (whole pounds), or the body alone where the document gives no figure."""
    figures = [f"{share.percent:g}%"] if share.percent is not None else []
    figures += [str(share.amount)] if share.amount is not None else []
    return " ".join([share.body, *figures])


def _partial_lists(entity: object, path: str = "") -> Iterator[tuple[str, PartialList, int]]:
    """Every list of ``entity`` its source gives only in part, its own and those of the
    entries it holds (a duty's items, an item's points, the funding's contributions),
    as (the list's path, its entry, how many it gives): ``relevant_agencies``,
    ``duties[1].items``, ``values[2].points``, counting entries from 1 as ``items.csv``
    does. The groups of a partnership or collaboration are entities of their own."""
    if isinstance(entity, tuple):
        for number, entry in enumerate(entity, start=1):
            yield from _partial_lists(entry, f"{path}[{number}]")
        return
    kind = type(entity)
    if not attrs.has(kind) or (path and isinstance(entity, Group)):
        return
    for entry in getattr(entity, "partial", ()):
        where = f"{path}.{entry.field}" if path else entry.field
        yield where, entry, len(getattr(entity, entry.field, ()))
    for field in attrs.fields(kind):
        if field.name not in ("partial", "not_stated_for", "predecessors", "former_names"):
            inner = f"{path}.{field.name}" if path else field.name
            yield from _partial_lists(getattr(entity, field.name), inner)


def _items(items: tuple[Item, ...], prefix: str = "") -> Iterator[tuple[str, str]]:
    """Each item and point as (its number, ``1``, ``2.1``..., its text), in order."""
    for number, item in enumerate(items, start=1):
        label = f"{prefix}{number}"
        yield label, item.text
        yield from _items(item.points, f"{label}.")


class _Tables:
    """The tables of one dataset; each method returns one table's text."""

    def __init__(self, dataset: Dataset, options: ExportOptions) -> None:
        self.dataset = dataset
        self.index = dataset.index()
        self.on = options.on
        self.status = _Status(reference_span(options.on, options.today or datetime.date.today()))
        self.given = [members_given(dataset, c) for c in dataset.collaborations]
        """The collaborations with the members the dataset gives them (those they list,
        and the partnerships that say they take part), their partial lists counted so."""

    def name(self, key: str | None) -> str | None:
        return self.dataset.name_of(key, self.index) if key else None

    def names(self, keys: Iterable[str], entity: object = None, field: str = "") -> object:
        return _joined((self.dataset.name_of(k, self.index) for k in keys), entity, field)

    def table(self, header: Sequence[str], rows: Iterable[Row]) -> Table:
        return Table(header=tuple(header), rows=tuple(tuple(row) for row in rows), on=self.on)

    def group_of(self, key: str) -> Group | None:
        found = self.index.get(key)
        return found if isinstance(found, Group) else None

    # --- entities -----------------------------------------------------------------------

    def partnerships(self) -> Table:
        rows = []
        for p in self.dataset.partnerships:
            funding, approval = p.funding, p.approval
            money: tuple[object, ...] = (
                (
                    funding.rule,
                    funding.text,
                    _joined(funding.agreed_by),
                    self.names(funding.agreed_by),
                    funding.agreed_by_role,
                    funding.agreed_every,
                    _count(funding, "contributions"),
                    funding.hosted_by,
                    self.name(funding.hosted_by),
                    _joined(funding.shared_with),
                    self.names(funding.shared_with),
                    "; ".join(_share(share) for share in funding.split),
                )
                if funding
                else (None,) * 12
            )
            if funding is None and "funding" in p.not_stated:
                money = (NOT_STATED,) * 12
            approved: tuple[object, ...] = (
                (
                    _joined(approval.by),
                    self.names(approval.by),
                    approval.by_role,
                    approval.date,
                    approval.instrument,
                    approval.text,
                )
                if approval
                else (_stated(p, "approval", None),) * 6
            )
            rows.append(
                (
                    p.id,
                    p.name,
                    p.short_name,
                    p.scope,
                    p.meets or (None if p.meets_text else _stated(p, "meets", None)),
                    _stated(p, "meets_text", p.meets_text),
                    _stated(p, "vision", p.vision.text if p.vision else None),
                    _stated(p, "purpose", p.purpose.text if p.purpose else None),
                    _count(p, "values"),
                    _count(p, "principles"),
                    _count(p, "aims"),
                    _count(p, "scrutiny"),
                    _count(p, "duties"),
                    _count(p, "events"),
                    *money,
                    *approved,
                    p.effective,
                    p.start,
                    p.end,
                    self.status(p),
                )
            )
        return self.table(
            (
                "partnership",
                "name",
                "short_name",
                "scope",
                "meets",
                "meets_text",
                "vision",
                "purpose",
                "values",
                "principles",
                "aims",
                "scrutiny",
                "duties",
                "events",
                "funding_rule",
                "funding_text",
                "budget_agreed_by",
                "budget_agreed_by_names",
                "budget_agreed_by_role",
                "budget_agreed_every",
                "contributions",
                "budget_hosted_by",
                "budget_hosted_by_name",
                "budget_shared_with",
                "budget_shared_with_names",
                "budget_split",
                "approved_by",
                "approved_by_names",
                "approved_by_role",
                "approval_date",
                "approval_instrument",
                "approval_text",
                "effective",
                "start",
                "end",
                "status",
            ),
            rows,
        )

    def collaborations(self) -> Table:
        return self.table(
            (
                "collaboration",
                "name",
                "short_name",
                "members",
                "member_names",
                "areas",
                "area_names",
                "purpose",
                "principles",
                "outcomes",
                "start",
                "end",
                "status",
            ),
            (
                (
                    c.id,
                    c.name,
                    c.short_name,
                    _joined(c.members, c, "members"),
                    self.names(c.members, c, "members"),
                    _joined(c.areas, c, "areas"),
                    self.names(c.areas, c, "areas"),
                    c.purpose.text if c.purpose else None,
                    _count(c, "principles"),
                    _count(c, "outcomes"),
                    c.start,
                    c.end,
                    self.status(c),
                )
                for c in self.given
            ),
        )

    def organisations(self) -> Table:
        return self.table(
            (
                "organisation",
                "name",
                "short_name",
                "kind",
                "parent",
                "owned_by",
                "owned_by_names",
                "delivers_for",
                "delivers_for_names",
                "collective",
                "count",
                "start",
                "end",
                "status",
            ),
            (
                (
                    o.id,
                    o.name,
                    o.short_name,
                    o.kind,
                    o.parent,
                    _joined(o.owned_by),
                    self.names(o.owned_by),
                    _joined(o.delivers_for),
                    self.names(o.delivers_for),
                    o.collective,
                    (NOT_STATED if o.count is None else o.count) if o.collective else None,
                    o.start,
                    o.end,
                    self.status(o),
                )
                for o in self.dataset.organisations
            ),
        )

    def posts(self) -> Table:
        roles = _roles(self.dataset)
        return self.table(
            (
                "post",
                "title",
                "organisation",
                "organisation_name",
                "holder",
                "holder_name",
                "holder_status",
                "independent",
                "elected",
                "also_chairs",
                "also_chairs_names",
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
                    self.name(post.organisation),
                    post.holder,
                    self.name(post.holder),
                    _holder_status(post),
                    post.independent,
                    post.elected,
                    _joined(post.also_chairs),
                    self.names(post.also_chairs),
                    "; ".join(roles.get(post.id, ())),
                    post.start,
                    post.end,
                    post.known_on,
                    self.status(post),
                )
                for post in self.dataset.posts
            ),
        )

    def groups(self) -> Table:
        return self.table(
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
                "meets_text",
                "covers",
                "covers_names",
                "scope",
                "ends_when",
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
                    _stated(g, "short_name", g.short_name),
                    g.kind,
                    _stated(g, "parent", g.parent),
                    _joined(g.joint_with, g, "joint_with"),
                    g.meets or (None if g.meets_text else _stated(g, "meets", None)),
                    _stated(g, "meets_text", g.meets_text),
                    _joined(g.covers, g, "covers"),
                    self.names(g.covers, g, "covers"),
                    _stated(g, "scope", g.scope),
                    _stated(g, "ends_when", g.ends_when),
                    g.start,
                    g.end,
                    self.status(g),
                )
                for owner, g in self.dataset.groups()
            ),
        )

    # --- who sits where -----------------------------------------------------------------

    def chairs(self) -> Table:
        bodies: list[tuple[str, str, str, tuple[Chair, ...], Group | None]] = [
            (p.id, p.id, p.name, p.chairs, None) for p in self.dataset.partnerships
        ]
        bodies += [(o.id, g.id, g.name, g.chairs, g) for o, g in self.dataset.groups()]
        rows = []
        for owner, body, body_name, chairs, group in bodies:
            for number, chair in enumerate(chairs, start=1):
                kind, key, words = self.chair_named(chair)
                rotating = chair.rotating
                rows.append(
                    (
                        owner,
                        body,
                        body_name,
                        number,
                        chair.role,
                        kind,
                        key,
                        words,
                        _joined(chair.rotates_among),
                        self.names(chair.rotates_among),
                        rotating,
                        (chair.rotation_period or NOT_STATED) if rotating else None,
                        (True if chair.rotation_in_order else NOT_STATED) if rotating else None,
                        chair.nominated_by,
                        self.name(chair.nominated_by),
                        chair.text,
                        chair.start,
                        chair.end,
                        chair.known_on,
                        self.status(chair, group),
                    )
                )
        return self.table(
            (
                "owner",
                "body",
                "body_name",
                "entry",
                "role",
                "chair_type",
                "chair",
                "chair_name",
                "rotates_among",
                "rotates_among_names",
                "rotating",
                "rotation_period",
                "rotation_in_order",
                "nominated_by",
                "nominated_by_name",
                "text",
                "start",
                "end",
                "known_on",
                "status",
            ),
            rows,
        )

    def chair_named(self, chair: Chair) -> tuple[str, str | None, str | None]:
        """What kind of chair the data gives, its id (or role), and it in words."""
        if chair.post:
            return "post", chair.post, self.name(chair.post)
        if chair.person:
            return "person", chair.person, self.name(chair.person)
        if chair.organisation:
            return "organisation", chair.organisation, self.name(chair.organisation)
        if chair.one_of:
            words = f"one of the {chair.one_of.label}" + (" in turn" if chair.rotates else "")
            return "role", chair.one_of.value, words
        if chair.partnership_chair:
            return "partnership-chair", None, "the partnership chair"
        if chair.rotates_among:
            return "rotation", None, None
        if chair.nominated_by:
            return "nominated", None, None
        return "text", None, chair.text

    def memberships(self) -> Table:
        rows = []
        index = self.index
        planned_groups = {g.id for _, g in self.dataset.groups() if g.planned}
        bodies: list[tuple[str, str, str, tuple[Member, ...], Group | None]] = [
            (p.id, p.id, p.name, p.members, None) for p in self.dataset.partnerships
        ]
        bodies += [(o.id, g.id, g.name, g.members, g) for o, g in self.dataset.groups()]
        for owner, body, body_name, members, group in bodies:
            for number, m in enumerate(members, start=1):
                common = (m.capacity, m.some if m.role else None, m.text, m.start, m.end)
                found = self.status(m, group)
                named: list[tuple[str, str | None, str]] = []
                if m.post:
                    named.append(("post", m.post, self.dataset.name_of(m.post, index)))
                elif m.organisation:
                    named.append(
                        (
                            "organisation",
                            m.organisation,
                            self.dataset.name_of(m.organisation, index),
                        )
                    )
                elif m.chair_of:
                    named += [
                        ("chair-of", g, f"the chair of {self.dataset.name_of(g, index)}")
                        for g in m.chair_of
                    ]
                elif m.role:
                    words = member_role_words(m.role, m.acts_for, some=m.some)
                    named.append(("role", m.role.value, words))
                else:
                    named.append(("text", None, m.text or ""))
                for kind, key, words in named:
                    # the chair of a group not yet in place is not yet a member either
                    row_status = "planned" if key in planned_groups else found
                    rows.append(
                        (owner, body, body_name, number, kind, key, words, *common, row_status)
                    )
        return self.table(
            (
                "owner",
                "group",
                "group_name",
                "entry",
                "member_type",
                "member",
                "member_name",
                "capacity",
                "some",
                "text",
                "start",
                "end",
                "status",
            ),
            rows,
        )

    def partners(self) -> Table:
        """The lead and delegated safeguarding partners, each with what the source does
        not name (``not_named``: its organisation or its post), never left blank as if
        none."""
        rows: list[Row] = []
        for p in self.dataset.partnerships:
            for lead in p.lead_partners:
                unnamed = "organisation" if lead.organisation is None else None
                rows.append(
                    (
                        p.id,
                        "lead",
                        lead.role.value,
                        lead.organisation,
                        self.name(lead.organisation),
                        lead.post,
                        self.name(lead.post),
                        lead.through,
                        unnamed,
                        lead.text,
                        lead.start,
                        lead.end,
                        self.status(lead),
                    )
                )
            for delegate in p.delegated_partners:
                rows.append(
                    (
                        p.id,
                        "delegated",
                        delegate.acts_for.value,
                        delegate.organisation,
                        self.name(delegate.organisation),
                        delegate.post,
                        self.name(delegate.post),
                        None,
                        "post" if delegate.post is None else None,
                        delegate.text,
                        delegate.start,
                        delegate.end,
                        self.status(delegate),
                    )
                )
        return self.table(
            (
                "partnership",
                "partner",
                "role",
                "organisation",
                "organisation_name",
                "post",
                "post_name",
                "through",
                "not_named",
                "text",
                "start",
                "end",
                "status",
            ),
            rows,
        )

    def relevant_agencies(self) -> Table:
        return self.table(
            ("partnership", "organisation", "name", "kind", "footnote", "start", "end", "status"),
            (
                (
                    p.id,
                    a.organisation,
                    self.name(a.organisation),
                    _kind(self.index, a.organisation),
                    a.footnote,
                    a.start,
                    a.end,
                    self.status(a),
                )
                for p in self.dataset.partnerships
                for a in p.relevant_agencies
            ),
        )

    def lines(self) -> Table:
        found: list[tuple[str, str, str, Line, Group | None]] = []
        for p in self.dataset.partnerships:
            found += [(p.id, p.id, "reports_to", line, None) for line in p.reports_to]
            found += [(p.id, p.id, "escalates_to", line, None) for line in p.escalates_to]
        for owner, group in self.dataset.groups():
            found += [(owner.id, group.id, "reports_to", line, group) for line in group.reports_to]
            found += [
                (owner.id, group.id, "escalates_to", line, group) for line in group.escalates_to
            ]
        given: list[tuple[str, tuple[ReportingLine, ...]]] = [
            (p.id, p.lines) for p in self.dataset.partnerships
        ]
        given += [(c.id, c.lines) for c in self.dataset.collaborations]
        for owner_id, lines in given:
            found += [(owner_id, line.by, "lines", line, self.group_of(line.by)) for line in lines]
        return self.table(
            (
                "owner",
                "from",
                "from_name",
                "kind",
                "list",
                "to",
                "to_name",
                "alternatives",
                "alternatives_names",
                "via",
                "via_names",
                "condition",
                "cadence",
                "cadence_text",
                "subject",
                "text",
                "start",
                "end",
                "status",
            ),
            (
                (
                    owner,
                    body,
                    self.name(body),
                    line.meaning(field),
                    field,
                    line.to,
                    self.name(line.to),
                    _joined(line.alternatives),
                    self.names(line.alternatives),
                    _joined(line.via),
                    self.names(line.via),
                    line.condition,
                    line.cadence,
                    line.cadence_text,
                    line.subject,
                    line.text,
                    line.start,
                    line.end,
                    self.status(line, group),
                )
                for owner, body, field, line, group in found
            ),
        )

    # --- the arrangements beyond the structure ----------------------------------------

    def scrutiny(self) -> Table:
        return self.table(
            (
                "partnership",
                "entry",
                "kind",
                "name",
                "by",
                "by_names",
                "by_role",
                "inputs",
                "text",
                "start",
                "end",
                "status",
            ),
            (
                (
                    p.id,
                    number,
                    s.kind,
                    s.name,
                    _joined(s.by),
                    self.names(s.by),
                    s.by_role,
                    len(s.inputs),
                    s.text,
                    s.start,
                    s.end,
                    self.status(s),
                )
                for p in self.dataset.partnerships
                for number, s in enumerate(p.scrutiny, start=1)
            ),
        )

    def duties(self) -> Table:
        return self.table(
            ("partnership", "entry", "of", "of_name", "post", "post_name", "items", "text"),
            (
                (
                    p.id,
                    number,
                    d.of,
                    d.of.label if d.of else None,
                    d.post,
                    self.name(d.post),
                    len(d.items),
                    d.text,
                )
                for p in self.dataset.partnerships
                for number, d in enumerate(p.duties, start=1)
            ),
        )

    def events(self) -> Table:
        return self.table(
            (
                "partnership",
                "entry",
                "name",
                "kind",
                "every",
                "every_text",
                "by",
                "by_names",
                "to",
                "to_names",
                "text",
                "start",
                "end",
                "status",
            ),
            (
                (
                    p.id,
                    number,
                    e.name,
                    e.kind,
                    e.every,
                    e.every_text,
                    _joined(e.by),
                    self.names(e.by),
                    _joined(e.to),
                    self.names(e.to),
                    e.text,
                    e.start,
                    e.end,
                    self.status(e),
                )
                for p in self.dataset.partnerships
                for number, e in enumerate(p.events, start=1)
            ),
        )

    def contributions(self) -> Table:
        return self.table(
            (
                "partnership",
                "entry",
                "organisation",
                "organisation_name",
                "on_behalf_of",
                "on_behalf_of_names",
                "amount",
                "percent",
                "in_kind",
                "period",
                "text",
            ),
            (
                (
                    p.id,
                    number,
                    c.organisation,
                    self.name(c.organisation),
                    _joined(c.on_behalf_of),
                    self.names(c.on_behalf_of),
                    c.amount,
                    c.percent,
                    "; ".join(c.in_kind),
                    c.period,
                    c.text,
                )
                for p in self.dataset.partnerships
                if p.funding is not None
                for number, c in enumerate(p.funding.contributions, start=1)
            ),
        )

    def documents(self) -> Table:
        return self.table(
            (
                "document",
                "title",
                "kind",
                "owner",
                "owner_name",
                "monitored_by",
                "monitored_by_names",
                "delivered_by",
                "delivered_by_names",
                "delivers",
                "delivers_title",
                "period",
                "reviewed",
                "next_review",
                "items",
                "text",
                "start",
                "end",
                "status",
            ),
            (
                (
                    d.id,
                    d.title,
                    d.kind,
                    d.owner,
                    self.name(d.owner),
                    _joined(d.monitored_by),
                    self.names(d.monitored_by),
                    _joined(d.delivered_by),
                    self.names(d.delivered_by),
                    d.delivers,
                    self.name(d.delivers),
                    d.period,
                    d.reviewed,
                    d.next_review,
                    len(d.items),
                    d.text,
                    d.start,
                    d.end,
                    self.status(d),
                )
                for d in self.dataset.documents
            ),
        )

    def items(self) -> Table:
        rows: list[Row] = []

        def add(
            key: str, kind: str, field: str, entry: int | None, found: tuple[Item, ...]
        ) -> None:
            rows.extend((key, kind, field, entry, n, text) for n, text in _items(found))

        for p in self.dataset.partnerships:
            for field in ("vision", "purpose"):  # the points under the statement
                statement: Item | None = getattr(p, field)
                if statement is not None:
                    add(p.id, "partnership", field, None, statement.points)
            for field in ("values", "principles", "aims"):
                add(p.id, "partnership", field, None, getattr(p, field))
            for number, duty in enumerate(p.duties, start=1):
                add(p.id, "partnership", "duties", number, duty.items)
            for number, mechanism in enumerate(p.scrutiny, start=1):
                add(p.id, "partnership", "scrutiny", number, mechanism.inputs)
        for c in self.dataset.collaborations:
            if c.purpose is not None:
                add(c.id, "collaboration", "purpose", None, c.purpose.points)
            for field in ("principles", "outcomes"):
                add(c.id, "collaboration", field, None, getattr(c, field))
        for d in self.dataset.documents:
            add(d.id, "document", "items", None, d.items)
        return self.table(("entity", "entity_type", "list", "entry", "item", "text"), rows)

    # --- what the source does not give ------------------------------------------------

    def _described(self) -> Iterator[tuple[str, str, str, Any]]:
        """Every entity that may say what its source leaves out: (owner, id, type, it)."""
        for p in self.dataset.partnerships:
            yield p.id, p.id, "partnership", p
        for c in self.given:
            yield c.id, c.id, "collaboration", c
        for owner, g in self.dataset.groups():
            yield owner.id, g.id, "group", g

    def partial_lists(self) -> Table:
        rows: list[Row] = []
        for owner, key, kind, entity in self._described():
            for path, p, given in _partial_lists(entity):
                rows.append((owner, key, kind, path, given, p.further, p.text))
        for d in self.dataset.documents:
            for path, p, given in _partial_lists(d):
                rows.append((d.owner, d.id, "document", path, given, p.further, p.text))
        return self.table(
            ("owner", "entity", "entity_type", "list", "given", "further", "text"), rows
        )

    def unstated(self) -> Table:
        rows: list[Row] = []
        for owner, key, kind, entity in self._described():
            for field in entity.not_stated if hasattr(entity, "not_stated") else ():
                rows.append((owner, key, kind, field, None, None, None, "current"))
            for period in getattr(entity, "not_stated_for", ()):
                rows.append(
                    (
                        owner,
                        key,
                        kind,
                        period.field,
                        period.start,
                        period.end,
                        period.text,
                        self.status(period),
                    )
                )
        return self.table(
            ("owner", "entity", "entity_type", "field", "start", "end", "text", "status"), rows
        )


TABLES: dict[str, Callable[[_Tables], Table]] = {
    "chairs.csv": _Tables.chairs,
    "collaborations.csv": _Tables.collaborations,
    "documents.csv": _Tables.documents,
    "duties.csv": _Tables.duties,
    "events.csv": _Tables.events,
    "funding-contributions.csv": _Tables.contributions,
    "groups.csv": _Tables.groups,
    "items.csv": _Tables.items,
    "memberships.csv": _Tables.memberships,
    "organisations.csv": _Tables.organisations,
    "partial-lists.csv": _Tables.partial_lists,
    "partners.csv": _Tables.partners,
    "partnerships.csv": _Tables.partnerships,
    "posts.csv": _Tables.posts,
    "relevant-agencies.csv": _Tables.relevant_agencies,
    "reporting-lines.csv": _Tables.lines,
    "scrutiny.csv": _Tables.scrutiny,
    "unstated.csv": _Tables.unstated,
}
"""How each table is made, by the name of its file."""


def tables(
    dataset: Dataset, options: ExportOptions, names: Iterable[str] | None = None
) -> dict[str, Table]:
    """The tables of ``dataset`` by the names of their files (only those ``names``
    given, in that order), as the model's values: the rows the CSV files and the
    notebook's data frames (:mod:`safeguarding_model.notebook`) are made from. An
    unknown name is a ``KeyError``; the callers say which names there are."""
    made = _Tables(dataset, options)
    return {name: TABLES[name](made) for name in (TABLES if names is None else names)}


def files(dataset: Dataset, options: ExportOptions) -> dict[str, Content]:
    return {name: found.csv() for name, found in tables(dataset, options).items()}


def _kind(index: dict[str, Entity], key: str) -> str | None:
    kind = getattr(index.get(key), "kind", None)
    return str(kind.value) if kind is not None else None


def _holder_status(post: Post) -> str:
    if post.vacant:
        return "vacant"
    if post.holder:
        return "acting" if post.acting else "held"
    return NOT_STATED


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
            description="tables of partnerships, collaborations, organisations, posts, groups, "
            "chairs, memberships, relevant agencies, lines, scrutiny, duties, events, "
            "funding contributions, governed documents, their lists of text, partial lists "
            "and what is not stated, each row with its dates and status (current, ended, "
            "future or planned): a folder of CSV files (a zip on standard output); cells "
            "that start with =, +, -, @, a tab or a line break get a leading ' so that "
            "spreadsheets do not run them as formulas",
            render=render,
            files=files,
        )
    )
