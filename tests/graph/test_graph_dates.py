"""Dates: answers say when a group, post, line, seat or chair has ended, and the graph
can be built as the structure stood on a date."""

from __future__ import annotations

import datetime

import attrs
import pytest

import safeguarding_model as sm
from safeguarding_model.graph import build_graph
from safeguarding_model.model import (
    Chair,
    Dataset,
    DelegatedPartner,
    Group,
    GroupKind,
    GuidanceEdition,
    LeadPartner,
    Line,
    Member,
    Organisation,
    OrganisationKind,
    PartialDate,
    Partnership,
    Post,
    Regime,
    SectorRepresentation,
    StatutoryRole,
)


def _d(text: str) -> PartialDate:
    return PartialDate.from_string(text)


def _dataset() -> Dataset:
    council = Organisation(id="council", name="Council", kind=OrganisationKind.LOCAL_AUTHORITY)
    schools = Organisation(id="schools", name="Schools", kind=OrganisationKind.SCHOOL_SECTOR)
    posts = (
        Post(id="chief", title="Chief Executive", organisation="council"),
        Post(id="old-dcs", title="Old Director", organisation="council", end=_d("2023-03")),
        Post(id="dcs", title="Director", organisation="council", start=_d("2023-04")),
    )
    groups = (
        Group(id="exec", name="Executive Group", kind=GroupKind.EXECUTIVE_GROUP),
        Group(
            id="neglect",
            name="Neglect Task and Finish Group",
            kind=GroupKind.TASK_AND_FINISH_GROUP,
            start=_d("2022"),
            end=_d("2023-11"),
            chairs=(Chair(post="old-dcs"), Chair(post="dcs", start=_d("2023-04"))),
            members=(Member(post="old-dcs"), Member(post="dcs"), Member(organisation="council")),
            reports_to=(Line(to="exec"),),
        ),
        Group(
            id="learning",
            name="Learning Group",
            kind=GroupKind.SUBGROUP,
            parent="neglect",
            chairs=(Chair(post="dcs"),),
            members=(
                Member(post="dcs"),
                Member(chair_of=("neglect",)),
                Member(organisation="council", start=_d("2024-02")),
            ),
            escalates_to=(Line(to="neglect"), Line(to="exec", start=_d("2024"))),
        ),
    )
    partnership = Partnership(
        id="scp",
        name="Some Partnership",
        regimes=(Regime(instrument=GuidanceEdition.WORKING_TOGETHER_2023),),
        lead_partners=(
            LeadPartner(
                role=StatutoryRole.LOCAL_AUTHORITY,
                organisation="council",
                post="chief",
                end=_d("2030"),
            ),
        ),
        delegated_partners=(
            DelegatedPartner(post="old-dcs", acts_for=StatutoryRole.LOCAL_AUTHORITY),
            DelegatedPartner(post="dcs", acts_for=StatutoryRole.LOCAL_AUTHORITY),
        ),
        chairs=(Chair(post="old-dcs", end=_d("2023-03")), Chair(post="dcs", start=_d("2023-04"))),
        sector_representation=(
            SectorRepresentation(sector="schools", text="schools", groups=("neglect", "exec")),
        ),
        groups=groups,
    )
    return Dataset(organisations=(council, schools), posts=posts, partnerships=(partnership,))


def test_answers_say_when_a_group_ended() -> None:
    gg = build_graph(_dataset())
    assert gg.ref("neglect").end == "2023-11"
    assert str(gg.ref("neglect")) == (
        "Neglect Task and Finish Group (neglect) (from 2022, ended 2023-11)"
    )
    assert "Neglect Task and Finish Group (neglect) (from 2022, ended 2023-11):" in str(gg.chairs())
    assert str(gg.members("neglect")).startswith(
        "Members of Neglect Task and Finish Group (neglect) (from 2022, ended 2023-11)"
    )
    assert "Old Director, Council (holder not stated) (ended 2023-03)" in str(gg.members("neglect"))
    route = gg.escalation("learning", "neglect")
    assert "Learning Group -> Neglect Task and Finish Group (from 2022, ended 2023-11)" in str(
        route
    )
    line = str(gg.accountability("learning"))
    assert "Neglect Task and Finish Group (from 2022, ended 2023-11)" in line
    seats = str(gg.sits_on("council"))
    assert "Neglect Task and Finish Group (from 2022, ended 2023-11):\n    member, in its" in seats
    assert "Learning Group:\n    member (from 2024-02)\n" in seats
    chairs = str(gg.chairs("scp"))
    assert "  chair: Old Director, Council (holder not stated) (ended 2023-03)\n" in chairs + "\n"
    assert "  chair: Director, Council (holder not stated) (from 2023-04)\n" in chairs + "\n"
    findings = " ".join(f.message for f in gg.structure().findings)
    assert "names Director, Council (holder not stated) (`dcs`) (from 2023-04) 2 times" in findings


def test_findings_say_when_a_group_ended() -> None:
    closed = Group(
        id="closed",
        name="Closed Group",
        kind=GroupKind.SUBGROUP,
        end=_d("2023"),
        members=(Member(post="chief"),),
        reports_to=(Line(to="exec"),),
    )
    dataset = _dataset()
    partnership = attrs.evolve(
        dataset.partnerships[0], groups=(*dataset.partnerships[0].groups, closed)
    )
    gg = build_graph(attrs.evolve(dataset, partnerships=(partnership,)))
    [finding] = [f for f in gg.structure().of("no-chair") if f.bodies[0].id == "closed"]
    assert finding.message == "Closed Group (`closed`) (ended 2023) has no chair in the data"
    assert (
        "closed"
        not in build_graph(attrs.evolve(dataset, partnerships=(partnership,)), on="2024").graph
    )


@pytest.mark.parametrize(
    "on", [_d("2023-06"), datetime.date(2023, 6, 15), "2023-06", "2023", "2023-11-30"]
)
def test_the_structure_on_a_date_while_the_group_stood(on: object) -> None:
    gg = build_graph(_dataset(), on=on)  # type: ignore[arg-type]
    assert "neglect" in gg.graph
    assert gg.on == on


def test_the_structure_after_the_group_closed() -> None:
    dataset = _dataset()
    gg = build_graph(dataset, on="2024-03")
    assert gg.excluded == ("old-dcs", "neglect")
    assert gg.source is dataset and gg.dataset is not dataset
    assert "neglect" not in gg.graph and "old-dcs" not in gg.graph
    assert gg.problems == ()  # what the date leaves out is not a dangling reference
    # The learning group sat under the neglect group: now under none, and its line to
    # the closed group has gone with it; the line that started in 2024 is there.
    assert [s.target.id for s in gg.escalation("learning", "exec").steps] == ["exec"]
    assert [s.target.id for s in gg.accountability("learning").steps][:1] == ["scp"]
    assert gg.members("learning").ids == ("dcs", "council")
    assert [c.post.id for c in gg.chairs("scp").bodies[0].chairs if c.post] == ["dcs"]
    assert [place.body.id for place in gg.sits_on("schools").places] == ["scp", "exec"]
    assert repr(gg).startswith("<GovernanceGraph on 2024-03:")


def test_the_structure_before_the_new_director() -> None:
    gg = build_graph(_dataset(), on=_d("2023-01"))
    assert gg.excluded == ("dcs",)
    assert [c.post.id for c in gg.chairs("neglect").bodies[0].chairs if c.post] == ["old-dcs"]
    assert gg.members("learning").ids == ("old-dcs",)  # as the chair of the neglect group
    assert [ref.id for ref in gg.accountability("old-dcs").top] == ["chief"]
    assert gg.graph.has_edge("learning", "neglect", "escalates-to")
    assert not gg.graph.has_edge("learning", "exec")


def test_a_date_by_month_or_year_covers_its_whole_span() -> None:
    # The group ended in November 2023: it stood in 2023 and in November, not after.
    assert "neglect" in build_graph(_dataset(), on="2023").graph
    assert "neglect" in build_graph(_dataset(), on=datetime.date(2023, 11, 30)).graph
    assert "neglect" not in build_graph(_dataset(), on=datetime.date(2023, 12, 1)).graph
    assert "neglect" not in build_graph(_dataset(), on="2021").graph


def test_no_date_is_everything() -> None:
    dataset = _dataset()
    everything = build_graph(dataset)
    assert everything.on is None and everything.excluded == ()
    assert everything.dataset is dataset


def test_the_shipped_data_on_its_date_is_the_whole_structure_in_place() -> None:
    """On the date the 2024 arrangements took effect, the structure is the whole file but
    what had ended before (the clinical commissioning groups the board replaced) and what
    is planned."""
    dataset = sm.load("isle-of-wight-2024")
    whole = build_graph(dataset)
    dated = build_graph(dataset, on="2024-09")
    kept = [(n, d) for n, d in whole.graph.nodes(data=True) if n not in dated.excluded]
    assert [n for n, _ in dated.graph.nodes(data=True)] == [n for n, _ in kept]
    assert all(whole.ref(n).status == "ended" for n in dated.excluded)
    in_place = {
        (u, v, d["kind"])
        for u, v, d in whole.graph.edges(data=True)
        if not d["planned"] and u not in dated.excluded and v not in dated.excluded
    }
    assert {(u, v, d["kind"]) for u, v, d in dated.graph.edges(data=True)} == in_place


@pytest.mark.parametrize("on", ["June 2023", "2023-13", ""])
def test_a_bad_date_is_a_usage_error(on: str) -> None:
    with pytest.raises(sm.UsageError, match="is not a date"):
        build_graph(_dataset(), on=on)
