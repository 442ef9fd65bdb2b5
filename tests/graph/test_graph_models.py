"""Small models built in code, one question at a time: repeated lines, ids used twice,
names that an id of another kind must not hide, delegated partners in an area with two
councils, co-chairs, and the escalation rule for a partnership's groups."""

from __future__ import annotations

import pytest

import safeguarding_model as sm
from safeguarding_model.graph import GovernanceGraph, build_graph, key_kind
from safeguarding_model.model import (
    Chair,
    ChairRole,
    Collaboration,
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
    PartnershipRole,
    Person,
    Post,
    Regime,
    StatutoryRole,
)

LA = StatutoryRole.LOCAL_AUTHORITY


def _org(oid: str, kind: OrganisationKind = OrganisationKind.LOCAL_AUTHORITY) -> Organisation:
    return Organisation(id=oid, name=oid.replace("-", " ").title(), kind=kind)


def _group(gid: str, **fields: object) -> Group:
    values: dict[str, object] = {"name": gid.replace("-", " ").title(), "kind": GroupKind.SUBGROUP}
    values.update(fields)
    return Group(id=gid, **values)  # type: ignore[arg-type]


def _partnership(*groups: Group, **fields: object) -> Partnership:
    values: dict[str, object] = {
        "name": "Some Partnership",
        "regimes": (Regime(instrument=GuidanceEdition.WORKING_TOGETHER_2023),),
        "lead_partners": (LeadPartner(role=LA, organisation="north", post="north-chief"),),
        "groups": groups,
    }
    values.update(fields)
    return Partnership(id="scp", **values)  # type: ignore[arg-type]


def _dataset(*partnerships: Partnership, **fields: object) -> Dataset:
    values: dict[str, object] = {
        "organisations": (_org("north"), _org("south")),
        "posts": (
            Post(id="north-chief", title="Chief Executive", organisation="north"),
            Post(id="south-chief", title="Chief Executive", organisation="south"),
            Post(id="north-dcs", title="Director", organisation="north"),
            Post(id="south-dcs", title="Director", organisation="south"),
        ),
        "partnerships": partnerships,
    }
    values.update(fields)
    return Dataset(**values)  # type: ignore[arg-type]


def _keys(gg: GovernanceGraph, source: str, target: str) -> list[str]:
    return list(gg.graph.get_edge_data(source, target, default={}))


# --- every line is kept ------------------------------------------------------------------


def test_a_line_that_ended_and_the_one_that_replaced_it_are_both_kept() -> None:
    old = Line(to="exec", cadence=sm.Cadence.QUARTERLY, end=PartialDate(year=2023, month=3))
    new = Line(to="exec", cadence=sm.Cadence.SIX_MONTHLY, start=PartialDate(year=2023, month=4))
    gg = build_graph(
        _dataset(
            _partnership(
                _group("exec", kind=GroupKind.EXECUTIVE_GROUP),
                _group("sub", reports_to=(old, new), escalates_to=(Line(to="exec"),)),
            )
        )
    )
    edges = gg.graph.get_edge_data("sub", "exec")
    reporting = [data for key, data in edges.items() if key_kind(key) == "reports-to"]
    assert [data["cadence"] for data in reporting] == ["quarterly", "six-monthly"]
    assert [(data["start"], data["end"]) for data in reporting] == [
        (None, "2023-03"),
        ("2023-04", None),
    ]
    assert list(edges) == [
        "reports-to",
        "reports-to#2",
        "escalates-to",
        "accountable-to",
        "accountable-to#2",
    ]
    assert {data["kind"] for key, data in edges.items() if "#" in key} == {
        "reports-to",
        "accountable-to",
    }
    # Both lines reach the answers, with their dates.
    line = gg.accountability("sub")
    texts = [str(step) for step in line.steps if step.source.id == "sub"]
    assert texts == [
        "Sub -> Exec: accountable to (quarterly) (ended 2023-03) "
        "[derived: a group answers to the bodies it reports to]",
        "Sub -> Exec: accountable to (six-monthly) (from 2023-04) "
        "[derived: a group answers to the bodies it reports to]",
    ]
    assert gg.view("reports-to").number_of_edges() == 2
    # On a date, only the line then in place.
    june = build_graph(gg.dataset, on="2023-06")
    assert _keys(june, "sub", "exec") == ["reports-to", "escalates-to", "accountable-to"]
    assert june.graph.edges["sub", "exec", "reports-to"]["cadence"] == "six-monthly"


def test_a_post_named_directly_and_by_a_role_is_two_edges() -> None:
    gg = build_graph(
        _dataset(
            _partnership(
                _group(
                    "g",
                    members=(
                        Member(post="north-dcs"),
                        Member(role=PartnershipRole.DELEGATED_SAFEGUARDING_PARTNERS),
                    ),
                ),
                delegated_partners=(DelegatedPartner(post="north-dcs", acts_for=LA),),
            )
        )
    )
    edges = gg.graph.get_edge_data("north-dcs", "g")
    assert list(edges) == ["member-of", "member-of#2"]
    assert [data["derived"] for data in edges.values()] == [False, True]
    assert edges["member-of#2"]["via"] == "named as the delegated safeguarding partners"
    # one body, its two seats: named directly, and derived from the role
    seats = gg.sits_on("north-dcs").on("g")
    assert [(seat.capacity, seat.derived) for seat in seats] == [
        ("member", False),
        ("member", True),
    ]


# --- the first entity of an id ------------------------------------------------------------


def test_an_id_used_twice_keeps_the_first_everywhere() -> None:
    first = _group(
        "g", name="First", reports_to=(Line(to="exec"),), members=(Member(post="north-dcs"),)
    )
    second = _group(
        "g", name="Second", reports_to=(Line(to="other"),), members=(Member(post="south-dcs"),)
    )
    gg = build_graph(
        _dataset(
            _partnership(
                _group("exec", kind=GroupKind.EXECUTIVE_GROUP),
                _group("other"),
                first,
                second,
            )
        )
    )
    assert gg.index.entities["g"] is first
    assert gg.graph.nodes["g"]["name"] == "First"
    assert gg.graph.has_edge("g", "exec")
    assert not gg.graph.has_edge("g", "other")
    assert gg.members("g").ids == ("north-dcs",)
    assert [b.body.id for b in gg.chairs().bodies].count("g") == 1
    [problem] = [p for p in gg.problems if p.code == "duplicate-id"]
    assert "keeps the first, First, and leaves out the later group" in problem.message
    assert gg.structure().failed()


def test_a_partnership_id_used_twice_keeps_the_first_partnerships_roles() -> None:
    first = _partnership(chairs=(Chair(post="north-dcs"),))
    second = _partnership(name="Second", chairs=(Chair(post="south-dcs"),))
    gg = build_graph(_dataset(first, second))
    assert gg.graph.nodes["scp"]["name"] == "Some Partnership"
    assert [c.post.id for c in gg.chairs("scp").bodies[0].chairs if c.post] == ["north-dcs"]
    assert not gg.graph.has_edge("south-dcs", "scp")


# --- names are not hidden by ids of another kind ---------------------------------------------


def test_an_id_of_the_wrong_kind_does_not_hide_a_name() -> None:
    gg = build_graph(
        _dataset(
            _partnership(
                _group("performance", short_name="PQA", members=(Member(post="north-dcs"),))
            ),
            organisations=(_org("north"), _org("south"), _org("pqa", OrganisationKind.OTHER)),
        )
    )
    assert gg.members("pqa").body.id == "performance"
    assert gg.resolve("pqa") == "pqa"  # any kind: the id wins
    assert gg.sits_on("pqa").who.id == "pqa"  # an organisation is wanted: the id fits


def test_an_id_of_the_wrong_kind_and_two_names_is_ambiguous() -> None:
    gg = build_graph(
        _dataset(
            _partnership(
                _group("performance", short_name="PQA"), _group("quality", short_name="pqa")
            ),
            organisations=(_org("north"), _org("south"), _org("pqa", OrganisationKind.OTHER)),
        )
    )
    with pytest.raises(sm.UsageError, match=r"could mean several things: `performance`.*`quality`"):
        gg.members("pqa")


# --- delegated partners in an area with two councils ----------------------------------------


def _two_councils(*delegated: DelegatedPartner) -> Dataset:
    return _dataset(
        _partnership(
            lead_partners=(
                LeadPartner(role=LA, organisation="north", post="north-chief"),
                LeadPartner(role=LA, organisation="south", post="south-chief"),
            ),
            delegated_partners=delegated,
        )
    )


def test_a_delegated_partner_acts_for_the_council_it_names() -> None:
    gg = build_graph(
        _two_councils(
            DelegatedPartner(post="north-dcs", acts_for=LA, organisation="north"),
            DelegatedPartner(post="south-dcs", acts_for=LA, organisation="south"),
        )
    )
    assert gg.problems == ()
    assert _keys(gg, "south-dcs", "south-chief") == ["delegates-for", "accountable-to"]
    assert _keys(gg, "south-dcs", "north-chief") == []
    assert _keys(gg, "north-dcs", "north-chief") == ["delegates-for", "accountable-to"]
    data = gg.graph.edges["south-dcs", "south-chief", "delegates-for"]
    assert data["via"] == "acts for the local authority, South"
    assert [ref.id for ref in gg.accountability("south-dcs").top] == ["south-chief"]


def test_a_delegated_partner_of_a_shared_role_is_never_given_the_first_council() -> None:
    gg = build_graph(_two_councils(DelegatedPartner(post="south-dcs", acts_for=LA)))
    assert _keys(gg, "south-dcs", "north-chief") == []
    assert _keys(gg, "south-dcs", "south-chief") == []
    [problem] = gg.problems
    assert problem.code == "ambiguous-delegation" and problem.severity == "error"
    assert "`north`" in problem.message and "`south`" in problem.message
    assert gg.structure().failed()


def test_a_delegated_partner_of_a_council_that_is_not_a_lead_partner_is_reported() -> None:
    gg = build_graph(
        _dataset(
            _partnership(
                delegated_partners=(
                    DelegatedPartner(post="south-dcs", acts_for=LA, organisation="south"),
                )
            )
        )
    )
    assert _keys(gg, "south-dcs", "north-chief") == []
    # the loader's code for the same case: one decision (Partnership.delegation_problem)
    assert [(p.code, p.severity) for p in gg.problems] == [("delegation-not-a-lead", "error")]


def test_a_delegated_partner_of_the_only_lead_partner_in_its_role() -> None:
    gg = build_graph(
        _dataset(
            _partnership(delegated_partners=(DelegatedPartner(post="north-dcs", acts_for=LA),))
        )
    )
    assert gg.problems == ()
    assert _keys(gg, "north-dcs", "north-chief") == ["delegates-for", "accountable-to"]


# --- co-chairs --------------------------------------------------------------------------------


def test_a_body_chaired_by_partnership_co_chairs_keeps_their_role() -> None:
    people = (Person(id="ann", name="Ann"), Person(id="bob", name="Bob"))
    posts = (
        Post(id="north-chief", title="Chief Executive", organisation="north", holder="ann"),
        Post(id="south-chief", title="Chief Executive", organisation="south", holder="bob"),
    )
    gg = build_graph(
        _dataset(
            _partnership(
                _group(
                    "exec", kind=GroupKind.EXECUTIVE_GROUP, chairs=(Chair(partnership_chair=True),)
                ),
                _group("vice", chairs=(Chair(partnership_chair=True, role=ChairRole.VICE_CHAIR),)),
                chairs=(
                    Chair(post="north-chief", role=ChairRole.CO_CHAIR),
                    Chair(post="south-chief", role=ChairRole.CO_CHAIR),
                ),
            ),
            people=people,
            posts=posts,
        )
    )
    infos = gg.chairs("exec").bodies[0].chairs
    assert [(c.role, c.post.id if c.post else None) for c in infos] == [
        ("co-chair", "north-chief"),
        ("co-chair", "south-chief"),
    ]
    assert [c.holder.name if c.holder else None for c in infos] == ["Ann", "Bob"]
    assert infos[0].description == ("the partnership chair (Ann, Chief Executive, North)")
    text = str(gg.chairs("exec"))
    assert "  co-chair: the partnership chair (Ann, Chief Executive, North)" in text
    assert "  co-chair: the partnership chair (Bob, Chief Executive, South)" in text
    assert "\n  chair:" not in text
    assert gg.graph.edges["north-chief", "exec", "chairs"]["capacity"] == "co-chair"
    capacities = {
        place.body.id: seat.capacity
        for place in gg.sits_on("Ann").places
        for seat in place.seats
        if seat.kind == "chairs"
    }
    assert capacities == {"scp": "co-chair", "exec": "co-chair", "vice": "vice-chair"}
    # A body that names its own role for the partnership chair keeps it.
    assert [c.role for c in gg.chairs("vice").bodies[0].chairs] == ["vice-chair", "vice-chair"]


def test_a_collaboration_group_chaired_by_the_partnership_chairs_says_whose() -> None:
    collaboration = Collaboration(
        id="region",
        name="Region",
        members=("scp",),
        groups=(_group("regional", chairs=(Chair(partnership_chair=True),)),),
    )
    gg = build_graph(
        _dataset(_partnership(chairs=(Chair(post="north-dcs"),)), collaborations=(collaboration,))
    )
    [info] = gg.chairs("regional").bodies[0].chairs
    assert info.partnership is not None and info.partnership.id == "scp"
    assert info.description.startswith("the partnership chair of Some Partnership (Director")
    data = gg.graph.edges["north-dcs", "regional", "chairs"]
    assert data["via"] == "the partnership chair of Some Partnership"


# --- escalation through a partnership ------------------------------------------------------


def _escalating() -> GovernanceGraph:
    return build_graph(
        _dataset(
            _partnership(
                _group("exec", kind=GroupKind.EXECUTIVE_GROUP),
                _group("lined", reports_to=(Line(to="exec"),)),
                _group("silent", not_stated=("reports_to", "escalates_to")),
                _group("under", parent="lined"),
                escalates_to=(Line(to="regional", text="the partnership escalates"),),
            ),
            collaborations=(
                Collaboration(
                    id="region",
                    name="Region",
                    members=("scp",),
                    groups=(_group("regional", kind=GroupKind.EXECUTIVE_GROUP),),
                ),
            ),
        )
    )


@pytest.mark.parametrize(
    ("start", "found"), [("lined", True), ("under", True), ("silent", False), ("exec", True)]
)
def test_a_group_reaches_its_partnership_and_its_executive_alike(start: str, found: bool) -> None:
    gg = _escalating()
    assert gg.escalation(start, "scp").found is found
    assert gg.escalation(start, "exec").found is found
    assert gg.escalation(start, "regional").found is found


def test_the_partnership_escalates_by_its_own_line() -> None:
    gg = _escalating()
    route = gg.escalation("lined", "regional")
    assert [(s.source.id, s.target.id, s.kind, s.derived) for s in route.steps] == [
        ("lined", "exec", "reports-to", False),
        ("exec", "scp", "part-of", True),
        ("scp", "regional", "escalates-to", False),
    ]
    assert route.steps[2].text == "the partnership escalates"
    route = gg.escalation("under", "exec")
    assert [(s.kind, s.via) for s in route.steps] == [
        ("part-of", "a group raises concerns with the group it sits under"),
        ("reports-to", None),
    ]
    silent = gg.escalation("silent", "exec")
    assert [r.id for r in silent.not_stated] == ["silent"]
