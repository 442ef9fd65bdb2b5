"""Real partnerships other than the Isle of Wight, in examples/partnerships/: each file
loads on its own with no problem, survives a round trip, builds a governance graph with
no structural error, and keeps a few facts pinned to the pages it was encoded from (the
sources are named at the top of each file). A careless edit of the data fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeguarding_model.graph import build_graph
from safeguarding_model.io import dumps, load, loads
from safeguarding_model.model import (
    Cadence,
    ChairRole,
    Dataset,
    DocumentKind,
    GroupKind,
    Instrument,
    LineKind,
    OrganisationKind,
    PartialDate,
    PartnershipRole,
    Scope,
    ScrutinyKind,
    StatutoryRole,
    SuccessionKind,
)

FOLDER = Path(__file__).parents[1] / "examples" / "partnerships"
FILES = sorted(FOLDER.glob("*.yaml"))


def date(text: str) -> PartialDate:
    return PartialDate.from_string(text)


def example(name: str) -> Dataset:
    return load(FOLDER / f"{name}.yaml")


def test_there_are_several_partnerships() -> None:
    assert [f.stem for f in FILES] == [
        "city-and-hackney",
        "dudley",
        "halton",
        "islington",
        "kent",
        "sussex",
        "windsor-and-maidenhead",
    ]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_each_file_loads_alone_and_round_trips(path: Path) -> None:
    data = load(path)
    assert data.partnerships
    assert loads(dumps(data)) == data


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_each_file_has_no_structural_error(path: Path) -> None:
    report = build_graph(load(path)).structure()
    assert not report.failed(), str(report)
    groups = {g.id: g for _, g in load(path).groups()}
    for finding in report.findings:
        if finding.severity != "warning":
            continue
        # The one warning allowed: a lead partners' forum (the top of accountability)
        # said to report to no one.
        assert finding.code == "no-reporting-line", str(finding)
        kinds = {groups[b.id].kind for b in finding.bodies if b.id in groups}
        assert kinds == {GroupKind.LEADERSHIP_GROUP}, str(finding)


def test_each_partnership_names_its_source() -> None:
    for path in FILES:
        for partnership in load(path).partnerships:
            assert partnership.source is not None, path.name
            assert partnership.source.title


# --- City & Hackney: several councils and police forces, a rotating vice-chair --------


def test_city_and_hackney_has_two_councils_and_two_police_forces() -> None:
    p = example("city-and-hackney").partnership()
    roles = [lead.role for lead in p.lead_partners]
    assert roles.count(StatutoryRole.LOCAL_AUTHORITY) == 2
    assert roles.count(StatutoryRole.CHIEF_OFFICER_OF_POLICE) == 2
    assert roles.count(StatutoryRole.CLINICAL_COMMISSIONING_GROUP) == 1
    assert p.area is not None
    assert set(p.area.local_authorities) == {"city-of-london-corporation", "hackney-council"}


def test_city_and_hackney_vice_chairs_rotate_annually_among_partner_representatives() -> None:
    p = example("city-and-hackney").partnership()
    for group_id in ("strategic-leadership-team", "chscp-executive"):
        chair, vice = next(g for g in p.groups if g.id == group_id).chairs
        assert chair.post == "independent-child-safeguarding-commissioner"
        assert vice.role is ChairRole.VICE_CHAIR
        assert vice.one_of is PartnershipRole.DELEGATED_SAFEGUARDING_PARTNERS
        assert vice.rotating and vice.rotation_period == "annually"
        assert vice.post is None and vice.organisation is None  # no one is named


def test_city_and_hackney_cadences_in_the_pages_words() -> None:
    p = example("city-and-hackney").partnership()
    slt, executive = p.groups
    assert slt.kind is GroupKind.LEADERSHIP_GROUP
    assert (slt.meets, slt.meets_text) == (None, "a minimum of three times per year")
    assert executive.meets is Cadence.BIMONTHLY
    [event] = p.events
    assert event.every is None and event.every_text == "three times per year"
    assert "delegated_partners" in p.not_stated  # no post is named for any partner


# --- Dudley: all-age, a chair and a separate scrutineer --------------------------------


def test_dudley_is_all_age_over_a_childrens_group_and_an_adults_board() -> None:
    p = example("dudley").partnership()
    assert p.scope is Scope.ALL_AGE
    groups = {g.id: g for g in p.groups}
    assert groups["executive"].scope is Scope.ALL_AGE
    assert (groups["dscpg"].scope, groups["dscpg"].parent) == (Scope.CHILDREN, "executive")
    assert (groups["dsab"].scope, groups["dsab"].parent) == (Scope.ADULTS, "executive")


def test_dudley_chair_and_scrutineer_are_two_posts() -> None:
    p = example("dudley").partnership()
    [chair] = p.chairs
    [scrutineer] = p.scrutineers
    assert chair.post == "dspp-independent-chair"
    assert scrutineer.post == "dspp-independent-scrutineer"
    acting_for_council = [
        d.post for d in p.delegated_partners if d.acts_for is StatutoryRole.LOCAL_AUTHORITY
    ]
    assert acting_for_council == [
        "dudley-director-of-childrens-services",
        "dudley-director-of-adult-social-care",
    ]
    executive = next(g for g in p.groups if g.id == "executive")
    assert [entry.field for entry in executive.partial] == ["members"]
    assert len(executive.members) == 6


def test_dudley_names_its_local_authority_by_role_and_post_only() -> None:
    data = example("dudley")
    p = data.partnership()
    council = p.leads_in_role(StatutoryRole.LOCAL_AUTHORITY)
    assert [(lead.organisation, lead.post) for lead in council] == [
        (None, "local-authority-chief-executive")
    ]
    assert not any(o.kind is OrganisationKind.LOCAL_AUTHORITY for o in data.organisations)
    # the delegated partners still speak for the local authority, the one in its role
    for delegated in p.delegated_partners:
        if delegated.acts_for is StatutoryRole.LOCAL_AUTHORITY:
            assert p.lead_for(delegated) is council[0]


# --- Halton: scrutiny mechanisms, a former name, a shared procedure ---------------------


def test_halton_scrutineers_functions_are_cut_short_in_the_copy() -> None:
    [scrutineer] = example("halton").partnership().scrutineers
    assert len(scrutineer.functions) == 4
    [partial] = scrutineer.partial
    assert (partial.field, partial.truncated, partial.further) == ("functions", True, None)


def test_halton_scrutiny_is_a_set_of_mechanisms() -> None:
    p = example("halton").partnership()
    assert [m.kind for m in p.scrutiny] == [
        ScrutinyKind.YOUNG_SCRUTINEERS,
        ScrutinyKind.OTHER,
        ScrutinyKind.MULTI_AGENCY_AUDIT,
        ScrutinyKind.OTHER,
        ScrutinyKind.INDEPENDENT_SCRUTINEER,
        ScrutinyKind.ELECTED_MEMBERS,
    ]
    assert p.scrutiny[0].by == ("hscp-youth-forum",)
    assert p.scrutiny[-1].by == ()  # "our lead members": no post is named
    assert [entry.field for entry in p.partial] == ["scrutiny"]  # "including"
    [scrutineer] = p.scrutineers
    assert len(scrutineer.functions) == 4


def test_halton_was_renamed_in_june_2024_and_replaced_the_board() -> None:
    data = example("halton")
    p = data.partnership()
    [former] = p.former_names
    assert former.name == "Halton CYPS Partnership"
    assert (former.start, former.end) == (date("2019-07-11"), date("2024-06"))
    [predecessor] = p.predecessors
    assert (predecessor.of, predecessor.how) == ("halton-lscb", SuccessionKind.REPLACED)
    assert data.as_of("2022").partnership().name == "Halton CYPS Partnership"


def test_halton_procedures_belong_to_the_pan_cheshire_collaboration() -> None:
    data = example("halton")
    [collaboration] = data.collaborations
    assert collaboration.members == ("hscp",)
    [partial] = collaboration.partial
    assert (partial.field, partial.further) == ("members", 3)
    procedures = next(d for d in data.documents if d.kind is DocumentKind.PROCEDURES)
    assert procedures.owner == "pan-cheshire"
    plan = next(d for d in data.documents if d.kind is DocumentKind.BUSINESS_PLAN)
    assert (plan.owner, plan.period) == ("hscp", date("2024 to 2027"))


# --- Islington: an independent chair who is also the scrutineer ------------------------


def test_islington_chair_of_the_executive_is_the_scrutineer() -> None:
    data = example("islington")
    p = data.partnership()
    executive = next(g for g in p.groups if g.id == "executive-partnership")
    [chair] = executive.chairs
    [scrutineer] = p.scrutineers
    assert chair.post == scrutineer.post == "independent-chair-and-scrutineer"
    post = next(post for post in data.posts if post.id == chair.post)
    assert post.independent and post.organisation is None
    [mechanism] = p.scrutiny
    assert mechanism.kind is ScrutinyKind.INDEPENDENT_CHAIR
    assert mechanism.by == (chair.post,)
    assert "chairs" in p.not_stated  # the page names no chair of the partnership itself


def test_islington_police_partner_is_a_command_unit_and_the_council_approved() -> None:
    data = example("islington")
    p = data.partnership()
    police = next(lp for lp in p.lead_partners if lp.role is StatutoryRole.CHIEF_OFFICER_OF_POLICE)
    unit = next(o for o in data.organisations if o.id == police.organisation)
    assert unit.parent == "metropolitan-police-service"
    assert p.approval is not None
    assert p.approval.by == ("islington-council-executive",)
    assert p.approval.date == date("2019-06-20")
    assert p.effective == date("2019-09-01")


# --- Kent: an elected chair, a joint group, advice rather than accountability -----------


def test_kent_scrutiny_group_is_chaired_by_an_elected_cabinet_member() -> None:
    data = example("kent")
    group = next(g for _, g in data.groups() if g.id == "scrutiny-and-challenge-group")
    [chair] = group.chairs
    post = next(post for post in data.posts if post.id == chair.post)
    assert post.elected and post.holder == "sue-chandler"
    assert post.title == "Cabinet Member for Integrated Children's Services"


def test_kent_lines_advise_and_a_group_is_joint_with_medway() -> None:
    p = example("kent").partnership()
    groups = {g.id: g for g in p.groups}
    assert groups["policy-and-procedures-group"].joint_with == ("medway-scp",)
    [themes] = groups["emerging-themes-group"].reports_to
    assert (themes.to, themes.meaning()) == ("executive-board", LineKind.ADVISES)
    [education] = groups["education-representative-group"].reports_to
    assert (education.to, education.meaning()) == ("kscmp", LineKind.ADVISES)
    assert education.condition == "where required"
    # the annual report "submitted to full Council" is not made a line of accountability
    assert p.reports_to == ()


def test_kent_clinical_commissioning_groups_are_named_collectively() -> None:
    data = example("kent")
    ccgs = next(o for o in data.organisations if o.id == "kent-ccgs")
    assert ccgs.kind is OrganisationKind.CLINICAL_COMMISSIONING_GROUP
    assert ccgs.collective and ccgs.count is None  # the pages do not say how many
    p = data.partnership()
    assert p.effective == date("2019-09-17")
    assert p.approval is not None
    assert p.approval.by_role is PartnershipRole.LEAD_SAFEGUARDING_PARTNERS


# --- Sussex: a rotating pan-Sussex chair, a chair who scrutinises, for information ------


def test_sussex_executive_chair_rotates_every_two_years_between_two_posts() -> None:
    data = example("sussex")
    [collaboration] = data.collaborations
    ssce = next(g for g in collaboration.groups if g.id == "ssce")
    [chair] = ssce.chairs
    assert chair.rotating
    assert chair.rotates_among == (
        "nhs-sussex-deputy-chief-nursing-officer",
        "sussex-police-head-of-public-protection",
    )
    assert chair.rotation_period == "on a 2 yearly basis"
    assert not chair.rotation_in_order  # "... or ...": the page gives no order
    assert len(ssce.members) == 5
    assert set(collaboration.areas) == {
        "west-sussex-county-council",
        "brighton-and-hove-city-council",
        "east-sussex-county-council",
    }
    [partial] = collaboration.partial
    assert (partial.field, partial.further) == ("members", 1)


def test_brighton_and_hove_is_chaired_by_its_scrutineer_and_informs_the_board() -> None:
    data = example("sussex")
    p = data.partnership("bhscp")
    [chair] = p.chairs
    [scrutineer] = p.scrutineers
    assert chair.post == scrutineer.post == "bhscp-independent-scrutineer"
    [line] = p.reports_to
    assert line.to == "brighton-and-hove-health-and-wellbeing-board"
    assert line.meaning() is LineKind.FOR_INFORMATION
    assert line.subject == "the annual reports"


def test_brighton_and_hove_keeps_vision_values_and_principles_apart_from_aims() -> None:
    p = example("sussex").partnership("bhscp")
    assert p.vision is not None and p.vision.text.startswith("We have a vision")
    assert (len(p.aims), len(p.values), len(p.principles)) == (2, 4, 3)
    assert [entry.field for entry in p.partial] == ["principles"]


def test_brighton_and_hove_business_plan_has_four_priorities() -> None:
    [plan] = example("sussex").documents
    assert (plan.owner, plan.kind, plan.period) == (
        "bhscp",
        DocumentKind.BUSINESS_PLAN,
        date("2023 to 2026"),
    )
    assert [item.text.split(":")[0] for item in plan.items] == [
        f"Priority {n}" for n in range(1, 5)
    ]
    assert [item.points[0].text for item in plan.items[1:]] == [
        "Lead Agency: Sussex Police",
        "Lead Agency: Brighton & Hove City Council",
        "Lead Agency: NHS Sussex ICB",
    ]


def test_east_sussex_purpose_is_one_sentence_with_five_points() -> None:
    p = example("sussex").partnership("esscp")
    assert p.purpose is not None
    assert p.purpose.text.endswith("to work together in a system where:")
    assert [point.text.split()[0] for point in p.purpose.points] == [
        "Children",
        "Partner",
        "There",
        "Learning",
        "Information",
    ]


def test_east_sussex_is_chaired_by_a_delegated_partner() -> None:
    data = example("sussex")
    p = data.partnership("esscp")
    [chair] = p.chairs
    assert chair.post in {d.post for d in p.delegated_partners}
    assert [r.instrument for r in p.regimes] == [Instrument.WORKING_TOGETHER_2023]
    assert p.effective == date("2024-09-02")
    post = next(post for post in data.posts if post.id == chair.post)
    assert (post.holder, post.known_on) == ("richard-mcdonagh", date("2024-11-19"))


# --- Windsor & Maidenhead: all-age, the lead partners' forum above the executive -------


def test_windsor_and_maidenhead_lead_partners_forum_is_above_the_executive() -> None:
    p = example("windsor-and-maidenhead").partnership()
    assert p.scope is Scope.ALL_AGE
    forum, executive = p.groups
    assert forum.kind is GroupKind.LEADERSHIP_GROUP
    assert [m.role for m in forum.members] == [PartnershipRole.LEAD_SAFEGUARDING_PARTNERS]
    assert forum.meets is Cadence.QUARTERLY
    assert forum.reports_to == ()
    [line] = executive.reports_to
    assert (line.to, line.meaning()) == (forum.id, LineKind.ACCOUNTABLE_TO)
    assert line.subject == "The decisions made by DSPs"
    assert [entry.field for entry in executive.partial] == ["responsibilities"]
    assert (len(p.aims), len(p.duties[1].items)) == (8, 8)
