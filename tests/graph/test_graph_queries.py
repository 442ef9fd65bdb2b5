"""The questions of issue 3, asked of the shipped Isle of Wight 2024 data and answered
as the document answers them."""

from __future__ import annotations

import json

import pytest

import safeguarding_model as sm
from safeguarding_model.graph import GovernanceGraph, build_graph

LEAD_POSTS = ["council-chief-executive", "icb-chief-executive", "chief-constable"]


@pytest.fixture(scope="module")
def gg() -> GovernanceGraph:
    return build_graph(sm.load("isle-of-wight-2024"))


# --- accountability ---------------------------------------------------------------------


def test_the_lig_answers_to_both_bodies_then_the_lead_partners(gg: GovernanceGraph) -> None:
    line = gg.accountability("Learning Inquiry Group")
    assert line.body.id == "learning-inquiry-group"
    first = [(s.source.id, s.target.id, s.kind) for s in line.steps[:2]]
    assert first == [
        ("learning-inquiry-group", "executive-group", "accountable-to"),
        ("learning-inquiry-group", "partnership-board", "accountable-to"),
    ]
    assert line.steps[0].cadence == "quarterly"
    assert line.steps[0].text is not None and "reports quarterly" in line.steps[0].text
    assert [ref.id for ref in line.top] == LEAD_POSTS
    assert line.steps[-1].text == "The Chief Constable of Police: Scott Chilton"


@pytest.mark.parametrize(
    "body",
    [
        "executive-group",
        "partnership board",
        "PQA",
        "education subgroup",
        "Workforce Development Group",
        "Child Exploitation Delivery Subgroup",
        "IOWSCP",
    ],
)
def test_every_iow_body_is_accountable_to_the_three_lead_partners(
    gg: GovernanceGraph, body: str
) -> None:
    assert [ref.id for ref in gg.accountability(body).top] == LEAD_POSTS


def test_a_hips_subgroup_answers_through_the_hips_executive_to_hips_and_no_further(
    gg: GovernanceGraph,
) -> None:
    """The HIPS appendix states no line from HIPS to the four partnerships: taking
    part in HIPS makes no one accountable to the Isle of Wight's lead partners."""
    line = gg.accountability("hips-health-group")
    assert [s.target.id for s in line.steps] == ["hips-executive-group", "hips"]
    assert [ref.id for ref in line.top] == ["hips"]
    assert not set(LEAD_POSTS) & {s.target.id for s in line.steps}
    assert all(step.derived and step.via for step in line.steps)


def test_a_delegated_partner_answers_to_the_lead_partner_it_acts_for(gg: GovernanceGraph) -> None:
    line = gg.accountability("area-commander")
    assert [ref.id for ref in line.top] == ["chief-constable"]


def test_a_lead_partner_has_no_line_above_it(gg: GovernanceGraph) -> None:
    line = gg.accountability("chief-constable")
    assert line.steps == () and line.top == ()
    assert "no line of accountability" in str(line)


# --- escalation -------------------------------------------------------------------------


def test_pqa_escalates_to_the_hips_executive_through_the_executive_group_and_the_partnership(
    gg: GovernanceGraph,
) -> None:
    route = gg.escalation("Performance and Quality Assurance Group", "HIPS Executive Group")
    assert route.found
    assert [(s.source.id, s.target.id, s.kind, s.derived) for s in route.steps] == [
        ("performance-and-quality-assurance-group", "executive-group", "escalates-to", False),
        ("executive-group", "isle-of-wight-scp", "part-of", True),
        ("isle-of-wight-scp", "hips-executive-group", "escalates-to", False),
    ]
    assert route.steps[0].text == "Escalate risks to the Executive Group."
    assert route.steps[1].via == "a top body acts for its partnership"
    assert route.steps[2].text is not None and "to the HIPS Executive" in route.steps[2].text


def test_the_education_subgroup_escalates_to_the_partnership_which_escalates(
    gg: GovernanceGraph,
) -> None:
    route = gg.escalation("education-subgroup", "hips-executive-group")
    assert [(s.target.id, s.kind, s.derived) for s in route.steps] == [
        ("isle-of-wight-scp", "escalates-to", False),
        ("hips-executive-group", "escalates-to", False),
    ]
    assert route.steps[0].text is not None and "to the partnership" in route.steps[0].text


def test_the_partnership_acts_through_its_executive_group(gg: GovernanceGraph) -> None:
    route = gg.escalation("education-subgroup", "executive-group")
    assert [(s.target.id, s.kind, s.derived) for s in route.steps] == [
        ("isle-of-wight-scp", "escalates-to", False),
        ("executive-group", "acts-through", True),
    ]


def test_the_lig_escalates_along_its_lines(gg: GovernanceGraph) -> None:
    # The shortest route: the LIG's analysis for the Yearly Report goes to the
    # partnership (a line for information, and the step says so), which escalates to
    # the HIPS Executive; along its reporting line it takes one step more.
    route = gg.escalation("LIG", "HIPS Executive Group")
    assert [s.kind for s in route.steps] == ["reports-for-information-to", "escalates-to"]
    assert route.steps[0].target.id == "isle-of-wight-scp"
    route = gg.escalation("LIG", "Executive Group")
    assert [s.kind for s in route.steps] == ["reports-to"]


@pytest.mark.parametrize("end", ["isle-of-wight-scp", "executive-group", "hips-executive-group"])
def test_the_child_exploitation_delivery_subgroup_has_no_route(
    gg: GovernanceGraph, end: str
) -> None:
    # The document gives it no reporting or escalation line (not_stated): it reaches
    # neither its partnership nor the partnership's Executive Group, by the same rule.
    route = gg.escalation("Child Exploitation Delivery Subgroup", end)
    assert not route.found
    assert route.steps == () and route.reachable == ()
    assert [ref.id for ref in route.not_stated] == ["child-exploitation-delivery-subgroup"]
    assert str(route).startswith("No escalation route")
    assert "The source does not state its reporting or escalation line." in str(route)


@pytest.mark.parametrize(
    "start", ["education-subgroup", "workforce-development-group", "PQA", "LIG"]
)
def test_a_subgroup_with_a_line_reaches_both_its_partnership_and_its_executive(
    gg: GovernanceGraph, start: str
) -> None:
    assert gg.escalation(start, "isle-of-wight-scp").found
    assert gg.escalation(start, "executive-group").found


def test_the_hips_subgroups_reach_the_collaboration_through_the_hips_executive(
    gg: GovernanceGraph,
) -> None:
    route = gg.escalation("hips-health-group", "hips")
    assert [(s.target.id, s.kind, s.via) for s in route.steps] == [
        ("hips-executive-group", "part-of", "a group raises concerns with the group it sits under"),
        ("hips", "part-of", "a top body acts for its collaboration"),
    ]


def test_escalation_to_the_same_body_is_an_empty_route(gg: GovernanceGraph) -> None:
    route = gg.escalation("executive-group", "Executive Group")
    assert route.found and route.steps == ()


# --- chairs -----------------------------------------------------------------------------


def test_the_executive_group_is_chaired_by_the_partnership_chair(gg: GovernanceGraph) -> None:
    [chair] = gg.chairs().of("Executive Group").chairs
    assert chair.partnership_chair
    assert chair.role == "chair"
    assert chair.post is not None and chair.post.id == "director-of-childrens-services"
    assert chair.holder is not None and chair.holder.name == "Ashley Whittaker"
    assert chair.partnership is not None and chair.partnership.id == "isle-of-wight-scp"
    assert chair.text == "The Executive Group is chaired by the partnership chair"
    assert chair.description == (
        "the partnership chair (Ashley Whittaker, Director of Children's Services, "
        "Isle of Wight Council)"
    )
    [partnership_chair] = gg.chairs().of("isle-of-wight-scp").chairs
    assert partnership_chair.post == chair.post


def test_the_chair_wording_agrees_with_the_documents() -> None:
    # The graph words each chair as the documents' chair_text does (one wording,
    # meaning.chair_words, with the same notes): post and holder, the partnership
    # chair (holder), the nominating group, the organisations a chair rotates among.
    from safeguarding_model.documents.summary import chair_text

    dataset = sm.load("isle-of-wight-2024")
    graph = build_graph(dataset)
    index = dataset.index()
    partnership = dataset.partnerships[0]
    bodies = [(partnership, None), *((group, partnership) for group in partnership.groups)]
    for body, owner in bodies:
        infos = graph.chairs(body.id).bodies[0].chairs
        assert len(infos) == len(body.chairs)
        for chair, info in zip(body.chairs, infos, strict=True):
            own = None if owner else partnership
            said = chair_text(chair, owner, dataset, index, partnership=own)
            assert said == info.description, (body.id, said, info.description)


def test_chairs_lists_every_body_in_order(gg: GovernanceGraph) -> None:
    bodies = [entry.body.id for entry in gg.chairs().bodies]
    assert bodies[:3] == ["isle-of-wight-scp", "executive-group", "partnership-board"]
    assert len(bodies) == 1 + 8 + 4  # the partnership, its groups and team, HIPS's groups
    education = gg.chairs().of("education-subgroup").chairs[0]
    assert education.post is not None and education.post.id == "service-director-for-education"
    assert education.nominated_by is not None and education.nominated_by.id == "executive-group"
    pqa = gg.chairs().of("performance-and-quality-assurance-group").chairs[0]
    assert pqa.post is None and pqa.description == "a member nominated by the Executive Group"
    assert gg.chairs().of("hips-health-group").chairs == ()
    assert gg.chairs().of("hips-health-group").not_stated
    assert "Health Group (hips-health-group): chair not stated in the source" in str(gg.chairs())


def test_chairs_of_named_bodies_only(gg: GovernanceGraph) -> None:
    answer = gg.chairs("HIPS Executive Group")
    assert [e.body.id for e in answer.bodies] == ["hips-executive-group"]
    assert answer.bodies[0].chairs[0].post is not None
    assert answer.bodies[0].chairs[0].post.id == "hips-independent-chair"


# --- sits on ----------------------------------------------------------------------------


def test_the_constabulary_sits_on_four_bodies(gg: GovernanceGraph) -> None:
    seats = gg.sits_on("Hampshire and Isle of Wight Constabulary")
    assert [b.id for b in seats.bodies] == [
        "isle-of-wight-scp",
        "executive-group",
        "partnership-board",
        "hips-executive-group",
    ]
    assert str(seats).startswith(
        "Hampshire and Isle of Wight Constabulary (hampshire-and-isle-of-wight-constabulary) "
        "sits on 4 bodies\n"
    )
    # One seat for each capacity: the lead partner through its post, the delegated
    # partners' two posts together.
    partnership = seats.on("isle-of-wight-scp")
    assert [(s.kind, [r.id for r in s.through], s.direct) for s in partnership] == [
        ("lead-partner-of", ["chief-constable"], True),
        (
            "delegated-partner-of",
            ["head-of-specialist-crime-command", "area-commander"],
            False,
        ),
    ]
    assert partnership[0].capacity == "lead safeguarding partner (chief officer of police)"
    # The constabulary sits on the Executive Group as an organisation: the document
    # does not say its delegated partners' posts do.
    [executive] = seats.on("executive-group")
    assert (executive.kind, executive.through, executive.derived) == ("member-of", (), False)
    [hips] = seats.on("HIPS Executive Group")
    assert "Chief Superintendent with lead safeguarding responsibility" in hips.texts[0]
    # whose each group is: the partnership's, or the collaboration's
    owners = {place.body.id: place.of_label for place in seats.places}
    assert owners == {
        "isle-of-wight-scp": None,
        "executive-group": "IOWSCP",
        "partnership-board": "IOWSCP",
        "hips-executive-group": "HIPS",
    }
    assert "\n  HIPS Executive Group (HIPS): member\n" in str(seats) + "\n"


def test_the_area_commander_sits_only_on_the_partnership(gg: GovernanceGraph) -> None:
    seats = gg.sits_on("area-commander")
    assert [(place.body.id, [seat.kind for seat in place.seats]) for place in seats.places] == [
        ("isle-of-wight-scp", ["delegated-partner-of"])
    ]


def test_ashley_whittaker_chairs_and_sits(gg: GovernanceGraph) -> None:
    seats = gg.sits_on("ashley whittaker")
    chaired = [p.body.id for p in seats.places if any(s.kind == "chairs" for s in p.seats)]
    assert chaired == ["isle-of-wight-scp", "executive-group", "partnership-board"]
    # On the HIPS Executive twice over (as the Isle of Wight's Director of Children's
    # Services and as its partnership chair): one seat, both derivations.
    [hips] = seats.on("hips-executive-group")
    assert hips.derived and hips.via is not None
    assert hips.via.count("named as") == 2 and "partnership chair" in hips.via


def test_the_council_sits_through_its_services_and_posts(gg: GovernanceGraph) -> None:
    seats = gg.sits_on("isle-of-wight-council")
    every = [seat for place in seats.places for seat in place.seats]
    throughs = {ref.id for seat in every for ref in seat.through}
    assert {"council-chief-executive", "isle-of-wight-council-public-health"} <= throughs
    assert any(seat.capacity.startswith("for Early Years Settings") for seat in every)
    # each body once, and the count counts them
    assert len(seats.bodies) == len(set(seats.bodies))
    assert f"sits on {len(seats.places)} bodies" in str(seats)


# --- members ----------------------------------------------------------------------------


def test_executive_group_members_are_the_partners_and_the_subgroup_chairs(
    gg: GovernanceGraph,
) -> None:
    members = gg.members("Executive Group")
    named = [(e.member.id if e.member else None, e.named_as) for e in members.entries]
    assert named[:3] == [
        ("isle-of-wight-council", "organisation"),
        ("nhs-hampshire-and-isle-of-wight", "organisation"),
        ("hampshire-and-isle-of-wight-constabulary", "organisation"),
    ]
    assert ("service-director-for-education", "chair-of") in named
    assert named.count((None, "chair-of")) == 4
    assert named[-1] == (None, "chair-of")
    # The seat for all phases of education is planned (no date): kept apart, never current.
    [seat] = members.planned
    assert (seat.member, seat.named_as, seat.capacity) == (None, "text", "representative")
    assert not members.not_stated


def test_members_not_stated_in_the_source(gg: GovernanceGraph) -> None:
    members = gg.members("hips-health-group")
    assert members.entries == () and members.not_stated
    assert "(members not stated in the source)" in str(members)


def test_partnership_board_members_include_every_relevant_agency(gg: GovernanceGraph) -> None:
    members = gg.members("partnership-board")
    agencies = [e for e in members.entries if e.detail == "relevant agencies"]
    assert len(agencies) == 31
    early_years = next(e for e in agencies if e.member and e.member.id == "early-years-settings")
    assert [r.id for r in early_years.represented_by] == ["isle-of-wight-council-early-years-team"]


def test_hips_executive_members_keep_the_documents_words(gg: GovernanceGraph) -> None:
    members = gg.members("HIPS Executive Group")
    assert [(e.member.id if e.member else None, e.named_as) for e in members.entries] == [
        ("director-of-childrens-services", "role"),
        (None, "role"),
        ("hampshire-and-isle-of-wight-constabulary", "organisation"),
        ("nhs-hampshire-and-isle-of-wight", "organisation"),
        ("director-of-childrens-services", "role"),
        (None, "role"),
    ]
    dcs = members.entries[0]
    assert dcs.text is not None and dcs.text.startswith("Directors of Children's")
    assert dcs.acts_for == "local-authority"
    assert [ref.id for ref in dcs.partnerships] == ["isle-of-wight-scp"]
    # "Directors of Children's Services from each of the represented local
    # authorities": the three partnerships this file does not describe are counted by
    # HIPS, not named, so their Directors are the rule, never a guessed post.
    assert members.entries[1].note == (
        "the delegated safeguarding partners for the local authority of the 3 other member "
        "partnerships the data does not name: not named in the data"
    )


def test_members_of_a_partnership_and_a_collaboration(gg: GovernanceGraph) -> None:
    partnership = gg.members("IOWSCP")
    assert partnership.ids[:3] == tuple(LEAD_POSTS)
    # "the four local partnerships": the document describes one, and counts the others
    hips = gg.members("HIPS")
    assert hips.ids == ("isle-of-wight-scp",)
    assert hips.partial and hips.further == 3


# --- naming -----------------------------------------------------------------------------


def test_names_are_case_insensitive(gg: GovernanceGraph) -> None:
    assert gg.resolve("EXECUTIVE GROUP") == "executive-group"
    assert gg.resolve("lig") == "learning-inquiry-group"
    assert gg.resolve("Scott  Chilton") == "scott-chilton"
    assert gg.resolve("Chief Executive, Isle of Wight Council") == "council-chief-executive"


def test_an_unknown_name_suggests_the_nearest(gg: GovernanceGraph) -> None:
    with pytest.raises(sm.UsageError, match="did you mean `Executive Group`"):
        gg.members("Executve Group")


def test_an_ambiguous_name_lists_the_ids(gg: GovernanceGraph) -> None:
    with pytest.raises(sm.UsageError, match=r"council-chief-executive.*icb-chief-executive"):
        gg.sits_on("chief executive")


def test_a_name_of_the_wrong_kind_is_refused(gg: GovernanceGraph) -> None:
    with pytest.raises(sm.UsageError, match="is a person"):
        gg.members("Wendy Perera")
    with pytest.raises(sm.UsageError, match="is a group"):
        gg.sits_on("executive-group")


# --- answers are plain data -------------------------------------------------------------


def test_answers_are_json_ready(gg: GovernanceGraph) -> None:
    answers = [
        gg.accountability("LIG"),
        gg.escalation("PQA", "HIPS Executive Group"),
        gg.chairs(),
        gg.sits_on("Hampshire and Isle of Wight Constabulary"),
        gg.members("Executive Group"),
        gg.structure(),
    ]
    for answer in answers:
        data = answer.to_dict()
        assert json.loads(json.dumps(data)) == data
        assert str(answer)
