"""Structural findings: pinned on the shipped data, and made to fire on small models
built in code, one problem at a time."""

from __future__ import annotations

import pytest

import safeguarding_model as sm
from safeguarding_model.graph import CODES, GovernanceGraph, build_graph
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
    Partnership,
    PartnershipRole,
    Post,
    Regime,
    StatutoryRole,
)


@pytest.fixture(scope="module")
def iow_graph(iow: sm.Dataset) -> GovernanceGraph:
    return build_graph(iow)


def test_the_child_exploitation_delivery_subgroups_line_is_not_stated(
    iow_graph: GovernanceGraph,
) -> None:
    report = iow_graph.structure()
    assert report.of("no-reporting-line") == ()
    unstated = {f.bodies[0].id: f for f in report.of("reporting-line-not-stated")}
    assert set(unstated) == {
        "child-exploitation-delivery-subgroup",
        "education-subgroup",
        "workforce-development-group",
        "partnership-team",  # its lines are for information only; whom it answers to is unsaid
    }
    finding = unstated["child-exploitation-delivery-subgroup"]
    assert finding.severity == "info"
    assert [b.id for b in finding.bodies] == [
        "child-exploitation-delivery-subgroup",
        "isle-of-wight-scp",
    ]
    assert "does not state its reporting line or escalation line" in finding.message
    assert "it escalates to Isle of Wight Safeguarding" in unstated["education-subgroup"].message


def test_the_shipped_structure_passes_strict(iow_graph: GovernanceGraph) -> None:
    # Only things the source does not state remain: infos, so --strict passes.
    report = iow_graph.structure()
    assert not report.failed()
    assert not report.failed(strict=True)
    assert [f.code for f in report.findings if f.severity != "info"] == []
    assert report.of("escalation-line-only") == ()
    assert report.of("no-chair") == ()
    not_stated = [f.bodies[0].id for f in report.of("chair-not-stated")]
    assert not_stated == [
        "partnership-team",  # a team: the document gives it no chair or members
        "hips-health-group",
        "hips-child-exploitation-group",
        "hips-procedures-and-strategy-group",
    ]
    assert [f.bodies[0].id for f in report.of("members-not-stated")] == not_stated
    assert report.of("no-members") == ()
    assert report.of("reporting-cycle") == ()
    # The Isle of Wight's Director of Children's Services is its partnership chair: on
    # the HIPS Executive as both (an info: both are derived from the rule).
    [twice] = report.of("duplicate-member")
    assert twice.severity == "info"
    assert [ref.id for ref in twice.bodies] == [
        "hips-executive-group",
        "director-of-childrens-services",
    ]
    assert twice.message.endswith(
        "2 times (as the delegated safeguarding partners for the local authority of the Isle "
        "of Wight Safeguarding Children Partnership; the partnership chair of the Isle of "
        "Wight Safeguarding Children Partnership)"
    )


def test_the_2019_structure_passes_strict() -> None:
    report = build_graph(sm.load("isle-of-wight-2019")).structure()
    assert not report.failed(strict=True), str(report)


def test_the_executive_group_chair_is_a_member(iow_graph: GovernanceGraph) -> None:
    flagged = {f.bodies[0].id for f in iow_graph.structure().of("chair-not-member")}
    assert "executive-group" not in flagged
    assert "partnership-board" not in flagged


def test_findings_come_errors_first_and_every_code_is_documented(
    iow_graph: GovernanceGraph,
) -> None:
    severities = [f.severity for f in iow_graph.structure().findings]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert {f.code for f in iow_graph.structure().findings} <= set(CODES)


# --- small models -----------------------------------------------------------------------


def _dataset(*groups: Group, posts: tuple[Post, ...] = ()) -> Dataset:
    council = Organisation(id="council", name="Council", kind=OrganisationKind.LOCAL_AUTHORITY)
    chief = Post(id="chief", title="Chief Executive", organisation="council")
    director = Post(id="director", title="Director", organisation="council")
    partnership = Partnership(
        id="scp",
        name="Some Partnership",
        regimes=(Regime(instrument=GuidanceEdition.WORKING_TOGETHER_2023),),
        lead_partners=(
            LeadPartner(role=StatutoryRole.LOCAL_AUTHORITY, organisation="council", post="chief"),
        ),
        delegated_partners=(
            DelegatedPartner(post="director", acts_for=StatutoryRole.LOCAL_AUTHORITY),
        ),
        chairs=(Chair(post="director"),),
        groups=groups,
    )
    return Dataset(
        organisations=(council,), posts=(chief, director, *posts), partnerships=(partnership,)
    )


def _group(gid: str, **fields: object) -> Group:
    values: dict[str, object] = {"name": gid.replace("-", " ").title(), "kind": GroupKind.SUBGROUP}
    values.update(fields)
    return Group(id=gid, **values)  # type: ignore[arg-type]


def _codes(gg: GovernanceGraph) -> list[str]:
    return [f.code for f in gg.structure().findings]


def test_a_reporting_cycle_is_found_with_every_body_in_it() -> None:
    gg = build_graph(
        _dataset(
            _group("a", reports_to=(Line(to="b"),), chairs=(Chair(post="director"),)),
            _group("b", reports_to=(Line(to="c"),), chairs=(Chair(post="director"),)),
            _group("c", reports_to=(Line(to="a"),), chairs=(Chair(post="director"),)),
        )
    )
    report = gg.structure()
    [cycle] = report.of("reporting-cycle")
    assert cycle.severity == "error"
    assert [b.id for b in cycle.bodies] == ["a", "b", "c"]
    assert "A -> B -> C -> A" in cycle.message
    assert report.of("accountability-cycle") == ()  # the same cycle, reported once
    assert report.failed()
    route = gg.accountability("a")  # a cycle does not make a query loop
    assert {s.target.id for s in route.steps} == {"b", "c", "a"}


def test_a_group_reporting_to_itself_is_a_cycle() -> None:
    gg = build_graph(_dataset(_group("a", reports_to=(Line(to="a"),))))
    [cycle] = gg.structure().of("reporting-cycle")
    assert [b.id for b in cycle.bodies] == ["a"]


def test_a_parent_cycle() -> None:
    gg = build_graph(_dataset(_group("a", parent="b"), _group("b", parent="a")))
    assert "parent-cycle" in _codes(gg)


def test_a_group_with_no_line_reports_to_no_one_unless_it_is_the_top_body() -> None:
    gg = build_graph(
        _dataset(
            _group("exec", kind=GroupKind.EXECUTIVE_GROUP),
            _group("lonely"),
            _group("under", parent="exec"),
        )
    )
    flagged = [f.bodies[0].id for f in gg.structure().of("no-reporting-line")]
    assert flagged == ["lonely"]
    assert [r.id for r in gg.top_bodies("scp")] == ["exec"]


def test_no_chair_and_no_members() -> None:
    gg = build_graph(_dataset(_group("bare", reports_to=(Line(to="scp"),))))
    assert _codes(gg) == ["no-chair", "no-members"]
    assert {f.severity for f in gg.structure().findings} == {"warning"}
    assert gg.structure().failed(strict=True)


def test_what_the_source_does_not_state_is_an_info_not_a_warning() -> None:
    gg = build_graph(
        _dataset(
            _group("quiet", not_stated=("chairs", "members", "reports_to", "escalates_to")),
            _group("half", not_stated=("reports_to",), escalates_to=(Line(to="scp"),)),
        )
    )
    report = gg.structure()
    found = {(f.code, f.bodies[0].id): f.severity for f in report.findings}
    assert found == {
        ("reporting-line-not-stated", "quiet"): "info",
        ("reporting-line-not-stated", "half"): "info",
        ("chair-not-stated", "quiet"): "info",
        ("members-not-stated", "quiet"): "info",
        ("no-chair", "half"): "warning",
        ("no-members", "half"): "warning",
    }
    assert "reports to no one" not in str(report)
    assert "the source does not state its reporting line or escalation line" in str(report)
    assert "the source does not state its reporting line; it escalates to" in str(report)


def test_a_group_whose_escalation_alone_is_not_stated_still_reports_to_no_one() -> None:
    gg = build_graph(
        _dataset(_group("g", not_stated=("escalates_to",), chairs=(Chair(post="director"),)))
    )
    [finding] = gg.structure().of("no-reporting-line")
    assert finding.severity == "warning"
    assert "the source does not state its escalation line" in finding.message


def test_duplicate_membership_named_twice_directly_is_a_warning() -> None:
    gg = build_graph(
        _dataset(
            _group(
                "dup",
                reports_to=(Line(to="scp"),),
                chairs=(Chair(post="director"),),
                members=(Member(post="director"), Member(post="director", text="again")),
            )
        )
    )
    [finding] = gg.structure().of("duplicate-member")
    assert finding.severity == "warning"
    assert [b.id for b in finding.bodies] == ["dup", "director"]


def test_a_post_named_directly_and_by_role_is_an_info() -> None:
    gg = build_graph(
        _dataset(
            _group(
                "dup",
                reports_to=(Line(to="scp"),),
                chairs=(Chair(post="director"),),
                members=(
                    Member(post="director"),
                    Member(role=PartnershipRole.DELEGATED_SAFEGUARDING_PARTNERS),
                ),
            )
        )
    )
    [finding] = gg.structure().of("duplicate-member")
    assert finding.severity == "info"


def test_a_chair_who_is_not_a_member() -> None:
    outsider = Post(id="outsider", title="Outsider", independent=True)
    gg = build_graph(
        _dataset(
            _group(
                "g",
                reports_to=(Line(to="scp"),),
                chairs=(Chair(post="outsider"),),
                members=(Member(post="director"),),
            ),
            _group(
                "h",
                reports_to=(Line(to="scp"),),
                chairs=(Chair(post="outsider"),),
                members=(Member(post="director"), Member(text="others, described in words")),
            ),
            _group(
                "k",
                reports_to=(Line(to="scp"),),
                chairs=(Chair(post="director"),),
                members=(Member(organisation="council"),),
            ),
            posts=(outsider,),
        )
    )
    found = {f.bodies[0].id: f.severity for f in gg.structure().of("chair-not-member")}
    assert found == {"g": "warning", "h": "info"}  # k: the chair's organisation is a member


def test_a_partnership_chair_resolves_and_is_checked() -> None:
    gg = build_graph(
        _dataset(
            _group(
                "g",
                reports_to=(Line(to="scp"),),
                chairs=(Chair(partnership_chair=True),),
                members=(Member(role=PartnershipRole.DELEGATED_SAFEGUARDING_PARTNERS),),
            )
        )
    )
    assert "chair-not-member" not in _codes(gg)
    assert gg.graph.has_edge("director", "g", "chairs")


def test_an_unresolved_role_is_reported() -> None:
    gg = build_graph(
        _dataset(
            _group(
                "g",
                reports_to=(Line(to="scp"),),
                chairs=(Chair(post="director"),),
                members=(
                    Member(post="director"),
                    Member(role=PartnershipRole.INDEPENDENT_SCRUTINEER),
                ),
            )
        )
    )
    [finding] = gg.structure().of("unresolved-member")
    assert "independent scrutineer" in finding.message


def test_dangling_references_in_a_model_made_in_code_are_findings_not_crashes() -> None:
    gg = build_graph(
        _dataset(
            _group(
                "g",
                reports_to=(Line(to="nowhere"),),
                chairs=(Chair(post="ghost"),),
                members=(Member(post="phantom"),),
            )
        )
    )
    report = gg.structure()
    assert [f.code for f in report.of("dangling-member")] == ["dangling-member"]
    assert "phantom" in report.of("dangling-member")[0].message
    dangling = " ".join(f.message for f in report.of("dangling-reference"))
    assert "nowhere" in dangling and "ghost" in dangling
    assert "nowhere" not in gg.graph and "phantom" not in gg.graph
    assert report.failed()
    gg.members("g")
    gg.chairs()
    gg.accountability("g")
