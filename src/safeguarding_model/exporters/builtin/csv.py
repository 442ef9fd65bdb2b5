"""``csv``: tables for spreadsheets and pandas, as a folder of CSV files (or one zip).

``relevant-agencies.csv``, ``memberships.csv``, ``posts.csv`` (with holders and
roles), ``reporting-lines.csv`` and ``groups.csv``. Each file is RFC 4180 CSV in
UTF-8 with a header row; ids sit beside names so the tables join. Written to a
folder by :func:`~safeguarding_model.exporters.export_to` (or ``-o PATH`` on the
command line); :func:`~safeguarding_model.exporters.export` gives a zip of them.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence

from ...model import Dataset, Entity, PartialDate, Post
from ..escape import clean
from ..exporter import Content, Exporter, ExportOptions
from ..hookspecs import Register, hookimpl

Row = Sequence[object]

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, PartialDate):
        return str(value)
    return clean(str(getattr(value, "value", value)))


def table(header: Sequence[str], rows: Iterable[Row]) -> str:
    """One CSV file's text: the header, then the rows (None as an empty cell)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return out.getvalue()


def _roles(dataset: Dataset, index: dict[str, Entity]) -> dict[str, list[str]]:
    """What each post does, in words, by post id."""
    roles: dict[str, list[str]] = {}

    def add(post: str | None, text: str) -> None:
        if post:
            roles.setdefault(post, []).append(text)

    for p in dataset.partnerships:
        for lead in p.lead_partners:
            add(lead.post, f"lead safeguarding partner of {p.id}")
        for delegated in p.delegated_partners:
            add(
                delegated.post,
                f"delegated safeguarding partner of {p.id} ({delegated.acts_for.value})",
            )
        for chair in p.chairs:
            add(chair.post, f"{chair.role.value} of {p.id}")
        for scrutineer in p.scrutineers:
            add(scrutineer.post, f"independent scrutineer of {p.id}")
        for observer in p.observers:
            add(observer.post, f"participating observer of {p.id}")
    for _, group in dataset.groups():
        for chair in group.chairs:
            add(chair.post, f"{chair.role.value} of {group.id}")
        for member in group.members:
            add(member.post, f"{member.capacity.value} of {group.id}")
    return roles


def files(dataset: Dataset, options: ExportOptions) -> dict[str, Content]:
    index = dataset.index()
    name = dataset.name_of
    agencies = table(
        ("partnership", "organisation", "name", "kind", "footnote", "start", "end"),
        (
            (
                p.id,
                a.organisation,
                name(a.organisation, index),
                _kind(index, a.organisation),
                a.footnote,
                a.start,
                a.end,
            )
            for p in dataset.partnerships
            for a in p.relevant_agencies
        ),
    )
    member_rows = []
    for owner, group in dataset.groups():
        for number, m in enumerate(group.members, start=1):
            common = (m.capacity, m.text, m.start, m.end)
            named: list[tuple[str, str | None, str]] = []
            if m.post:
                named.append(("post", m.post, name(m.post, index)))
            elif m.organisation:
                named.append(("organisation", m.organisation, name(m.organisation, index)))
            elif m.chair_of:
                named += [("chair-of", g, f"the chair of {name(g, index)}") for g in m.chair_of]
            elif m.role:
                named.append(("role", m.role.value, m.role.value.replace("-", " ")))
            else:
                named.append(("text", None, m.text or ""))
            member_rows += [(owner.id, group.id, group.name, number, *n, *common) for n in named]
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
        ),
        member_rows,
    )
    roles = _roles(dataset, index)
    posts = table(
        (
            "post",
            "title",
            "organisation",
            "organisation_name",
            "holder",
            "holder_name",
            "status",
            "independent",
            "roles",
            "start",
            "end",
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
            )
            for post in dataset.posts
        ),
    )
    lines = table(
        ("owner", "from", "from_name", "kind", "to", "to_name", "cadence", "text", "start", "end"),
        (
            (
                owner.id,
                group.id,
                group.name,
                kind,
                line.to,
                name(line.to, index),
                line.cadence,
                line.text,
                line.start,
                line.end,
            )
            for owner, group in dataset.groups()
            for kind, found in (
                ("reports-to", group.reports_to),
                ("escalates-to", group.escalates_to),
            )
            for line in found
        ),
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
            )
            for owner, g in dataset.groups()
        ),
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
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for file_name in sorted(contents):
            info = zipfile.ZipInfo(file_name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            content = contents[file_name]
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()


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
            "groups: a folder of CSV files (a zip on standard output)",
            render=render,
            files=files,
        )
    )
