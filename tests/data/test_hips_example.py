"""The shipped ``hips`` example pinned to its documents, and properties of regions.

``hips`` is a folder: ``isle-of-wight.yaml`` includes ``isle-of-wight-2024.yaml`` (the
Isle of Wight arrangements of September 2024 in full, with the HIPS appendix, seed
001); ``hampshire.yaml`` is the Hampshire partnership from its Business Plan 2020-23,
2021-22 refresh (seed 002), with what the HIPS appendix says of every area, and
``hampshire-plan.yaml`` that plan itself;
``portsmouth.yaml`` and ``southampton.yaml`` hold only what the appendix says of every
area, everything else not stated (docs/data.md, "The HIPS region").

The properties generate small regions of several partnerships that share
organisations, one file per partnership, each repeating the shared organisations
and posts identically, and check the regional graph.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_model.cli import main
from safeguarding_model.documents.comparison import NOT_STATED, compare_partnerships
from safeguarding_model.graph import EdgeKind, NodeKind, build_graph
from safeguarding_model.io import dumps, example_names, load
from safeguarding_model.model import (
    Collaboration,
    Dataset,
    DocumentKind,
    Group,
    GroupKind,
    Instrument,
    LeadPartner,
    Line,
    LineKind,
    Organisation,
    OrganisationKind,
    Partnership,
    Post,
    ScrutinyKind,
    StatutoryRole,
)

IOW = "isle-of-wight-scp"
HAMPSHIRE = "hampshire-scp"
PORTSMOUTH = "portsmouth-scp"
SOUTHAMPTON = "southampton-scp"
DESCRIBED_BY_THE_APPENDIX = (PORTSMOUTH, SOUTHAMPTON)
CONSTABULARY = "hampshire-and-isle-of-wight-constabulary"
ICB = "nhs-hampshire-and-isle-of-wight"
JOINT_GROUPS = (
    "safeguarding-adolescents-group",
    "neglect-group",
    "child-sexual-abuse-strategy-group",
)
LEARNING = "The learning and good practice arising from Local Child Safeguarding Practice Reviews"


@pytest.fixture(scope="module")
def hips() -> Dataset:
    return load("hips")


@pytest.fixture(scope="module")
def iow2024() -> Dataset:
    return load("isle-of-wight-2024")


def _partnership(dataset: Dataset, key: str) -> Partnership:
    (found,) = [p for p in dataset.partnerships if p.id == key]
    return found


def _group(partnership: Partnership, key: str) -> Group:
    (found,) = [g for g in partnership.groups if g.id == key]
    return found


# --- the region as a whole ----------------------------------------------------------


def test_hips_is_a_shipped_region_of_four_partnerships(hips: Dataset) -> None:
    assert "hips" in example_names()
    names = {p.id: p.name for p in hips.partnerships}
    assert names == {
        HAMPSHIRE: "Hampshire Safeguarding Children Partnership",
        PORTSMOUTH: "Portsmouth Safeguarding Children Partnership",
        SOUTHAMPTON: "Southampton Safeguarding Children Partnership",
        IOW: "Isle of Wight Safeguarding Children Partnership",
    }
    assert [c.id for c in hips.collaborations] == ["hips"]
    # Hampshire's business plan, in hampshire-plan.yaml (tests/data/test_plans_data.py)
    assert [(p.id, p.partnership) for p in hips.plans] == [
        ("hscp-business-plan-2020-23", HAMPSHIRE)
    ]


def test_the_isle_of_wight_is_included_in_full_and_unchanged(
    hips: Dataset, iow2024: Dataset
) -> None:
    assert _partnership(hips, IOW) == iow2024.partnership(IOW)
    assert hips.collaborations == iow2024.collaborations
    for field in ("organisations", "people", "posts", "documents"):
        region = {entry.id: entry for entry in getattr(hips, field)}
        for entry in getattr(iow2024, field):
            assert region[entry.id] == entry, (field, entry.id)


def test_no_person_is_added_to_the_isle_of_wights(hips: Dataset, iow2024: Dataset) -> None:
    """The Hampshire plan and the HIPS appendix name no person of the other areas."""
    assert hips.people == iow2024.people
    added = {p.id for p in hips.posts} - {p.id for p in iow2024.posts}
    assert added == {
        "hampshire-director-of-childrens-services",
        "portsmouth-director-of-childrens-services",
        "southampton-director-of-childrens-services",
    }
    assert all(p.holder is None for p in hips.posts if p.id in added)


@pytest.mark.parametrize("name", ["hampshire", "portsmouth", "southampton", "isle-of-wight"])
def test_each_file_of_the_region_loads_on_its_own(name: str) -> None:
    """Each partnership file includes isle-of-wight.yaml (the HIPS collaboration it
    refers to), so that it loads alone, by its path."""
    examples = resources.files("safeguarding_model") / "data" / "examples"
    with resources.as_file(examples / "hips" / f"{name}.yaml") as path:
        dataset = load(path)
    ids = [p.id for p in dataset.partnerships]
    assert IOW in ids and len(ids) == (1 if name == "isle-of-wight" else 2)


def test_shared_organisations_are_one_entry_and_one_node(hips: Dataset) -> None:
    ids = [o.id for o in hips.organisations]
    assert len(ids) == len(set(ids))
    graph = build_graph(hips)
    assert set(graph.nodes_of(NodeKind.ORGANISATION)) == set(ids)
    for shared in (CONSTABULARY, ICB):
        served = {
            target
            for target, _, data in graph.out_edges(shared, EdgeKind.LEAD_PARTNER_OF)
            if data["kind"] == EdgeKind.LEAD_PARTNER_OF.value
        }
        assert served == {IOW, HAMPSHIRE, PORTSMOUTH, SOUTHAMPTON}


def test_the_collaboration_is_the_2024_files(hips: Dataset) -> None:
    """The HIPS collaboration is declared once, by the Isle of Wight document, which names
    the other three partnerships by their areas only: the region does not change it, so
    its members stay the Isle of Wight and three not named (docs/data.md)."""
    (collaboration,) = hips.collaborations
    assert collaboration.members == (IOW,)
    assert next((p.field, p.further) for p in collaboration.partial) == ("members", 3)
    assert collaboration.areas == (
        "hampshire",
        "isle-of-wight-council",
        "portsmouth",
        "southampton",
    )


def test_every_partnership_is_tied_to_hips_by_what_the_appendix_says(hips: Dataset) -> None:
    """Each escalates to the HIPS Executive, feeds it the learning from its own reviews
    (the Isle of Wight's line is the collaboration's), follows the common procedures and
    takes part in the pan-area Section 11 audit."""
    for key in (HAMPSHIRE, *DESCRIBED_BY_THE_APPENDIX):
        partnership = _partnership(hips, key)
        assert [line.to for line in partnership.escalates_to] == ["hips-executive-group"]
        assert "clear route for escalation" in (partnership.escalates_to[0].text or "")
        (learning,) = [line for line in partnership.lines if line.by == key]
        assert learning.to == "hips-executive-group"
        assert learning.meaning("lines") is LineKind.FOR_INFORMATION
        assert " ".join((learning.subject or "").split()) == LEARNING
        assert partnership.procedures is not None
        assert partnership.procedures.collaboration == "hips"
        assert partnership.procedures.name == (
            "Pan-Hampshire and Isle of Wight safeguarding children procedures"
        )
        (audit,) = partnership.scrutiny
        assert audit.kind is ScrutinyKind.OTHER and audit.name == "Section 11 Audit"
        assert audit.by == ("hips-procedures-and-strategy-group",)
        assert {p.field for p in partnership.partial} >= {"scrutiny", "delegated_partners"}
        assert "scrutineers" in partnership.not_stated
    (collaboration,) = hips.collaborations
    assert [(line.by, line.to) for line in collaboration.lines] == [
        (IOW, "hips-executive-group"),
        ("learning-inquiry-group", IOW),
    ]


def test_every_area_has_its_dcs_as_delegated_partner_and_an_unnamed_chair(
    hips: Dataset,
) -> None:
    """ "The three delegated safeguarding partners across each of the four LSCP areas,
    namely: Directors of Children's Services ...": the council's delegated partner; the
    "Partnership chair for each of the LSCPs" is a chair the appendix does not name."""
    for key, council in (
        (HAMPSHIRE, "hampshire"),
        (PORTSMOUTH, "portsmouth"),
        (SOUTHAMPTON, "southampton"),
    ):
        partnership = _partnership(hips, key)
        (delegated,) = partnership.delegated_partners
        assert delegated.acts_for is StatutoryRole.LOCAL_AUTHORITY
        post = hips.index()[delegated.post]
        assert isinstance(post, Post)
        assert (post.title, post.organisation, post.holder) == (
            "Director of Children's Services",
            council,
            None,
        )
        (chair,) = partnership.chairs
        assert chair.text == "Partnership chair for each of the LSCPs"
        assert chair.post is None and chair.person is None and chair.organisation is None
        assert partnership.area is not None and partnership.area.local_authorities == (council,)


# --- Hampshire ----------------------------------------------------------------------


def test_hampshires_partners_are_named_as_in_2021(hips: Dataset) -> None:
    hampshire = _partnership(hips, HAMPSHIRE)
    leads = [
        (lead.role, lead.organisation, lead.through, lead.text) for lead in hampshire.lead_partners
    ]
    assert leads == [
        (
            StatutoryRole.LOCAL_AUTHORITY,
            "hampshire",
            "hampshire-county-council-childrens-services",
            "Hampshire County Council Children's Services",
        ),
        (
            StatutoryRole.CLINICAL_COMMISSIONING_GROUP,
            "west-hampshire-ccg",
            None,
            "West Hampshire Clinical Commissioning Group on behalf of the Hampshire, "
            "Southampton and Isle of Wight CCG",
        ),
        (
            StatutoryRole.CHIEF_OFFICER_OF_POLICE,
            CONSTABULARY,
            None,
            "Hampshire Constabulary",
        ),
        (StatutoryRole.INTEGRATED_CARE_BOARD, ICB, None, None),
    ]
    assert all(lead.post is None for lead in hampshire.lead_partners)
    index = hips.index()
    service = index["hampshire-county-council-childrens-services"]
    assert isinstance(service, Organisation) and service.parent == "hampshire"
    constabulary = index[CONSTABULARY]
    assert isinstance(constabulary, Organisation)
    assert [n.name for n in constabulary.former_names] == ["Hampshire Constabulary"]
    _, ccg, _, board = hampshire.lead_partners
    assert str(ccg.end) == "by 2022-06-30" and ccg.start is None
    assert str(board.start) == "2022-07-01" and board.end is None


def test_hampshires_partners_on_a_date(hips: Dataset) -> None:
    """The clinical commissioning group in 2021; the integrated care board in 2024."""
    in_2021 = _partnership(hips.as_of("2021"), HAMPSHIRE)
    in_2024 = _partnership(hips.as_of("2024-09"), HAMPSHIRE)
    assert [lead.organisation for lead in in_2021.lead_partners] == [
        "hampshire",
        "west-hampshire-ccg",
        CONSTABULARY,
    ]
    assert [lead.organisation for lead in in_2024.lead_partners] == [
        "hampshire",
        CONSTABULARY,
        ICB,
    ]


def test_hampshires_regime_source_vision_and_values(hips: Dataset) -> None:
    hampshire = _partnership(hips, HAMPSHIRE)
    assert [r.instrument for r in hampshire.regimes] == [Instrument.WORKING_TOGETHER_2018]
    assert hampshire.source is not None
    assert (
        hampshire.source.title
        == "Hampshire Safeguarding Children Partnership Business Plan 2020-23"
    )
    assert str(hampshire.source.published) == "2021"
    assert hampshire.area is not None
    assert "the local authority area of Hampshire" in hampshire.area.text
    assert hampshire.vision is not None
    assert hampshire.vision.text.startswith(
        "The vision for the Hampshire Safeguarding Partnership is that children and young "
        "people in Hampshire grow up in a safe environment, free from abuse and neglect."
    )
    assert [v.text.split(":")[0] for v in hampshire.values] == [
        "Transparency",
        "Honesty",
        "Challenge",
        "Collaboration",
        "Listening to the voice and lived experience of the Child",
    ]
    assert hampshire.purpose is None  # "Our Purpose" is the business plan's


def test_hampshires_groups_and_which_are_joint(hips: Dataset) -> None:
    hampshire = _partnership(hips, HAMPSHIRE)
    groups = [(g.id, g.name, g.kind) for g in hampshire.groups]
    assert groups == [
        ("hscp-board", "HSCP Board", GroupKind.PARTNERSHIP_BOARD),
        ("hscp-business-group", "Business Group", GroupKind.OTHER),
        (
            "safeguarding-adolescents-group",
            "Safeguarding Adolescents",
            GroupKind.TASK_AND_FINISH_GROUP,
        ),
        ("neglect-group", "Neglect Task and Finish Group", GroupKind.TASK_AND_FINISH_GROUP),
        (
            "child-sexual-abuse-strategy-group",
            "Child Sexual Abuse Strategy",
            GroupKind.TASK_AND_FINISH_GROUP,
        ),
        ("hscp-child-exploitation-review-group", "multi-agency review group", GroupKind.OTHER),
    ]
    joint = {g.id: g.joint_with for g in hampshire.groups if g.joint_with}
    assert joint == {key: (IOW,) for key in JOINT_GROUPS}
    for group in hampshire.groups:
        assert set(group.not_stated) == {"chairs", "members", "meets", "reports_to"}
        assert not (group.chairs or group.members or group.reports_to or group.meets)
        assert group.end is None  # no seed says when any of them ended
    assert {str(_group(hampshire, key).start) for key in JOINT_GROUPS} == {"by 2020-11"}
    assert next(p.field for p in hampshire.partial) == "groups"
    assert not any(g.joint_with for g in _partnership(hips, IOW).groups if g.id in JOINT_GROUPS)


def test_the_joint_groups_in_the_graph(hips: Dataset) -> None:
    graph = build_graph(hips)
    joint = {
        (source, target)
        for source, target, kind in graph.graph.edges(keys=True)
        if kind == EdgeKind.JOINT_WITH.value
    }
    assert {(key, IOW) for key in JOINT_GROUPS} <= joint
    groups = {s for s, t in joint if t == IOW and graph.graph.nodes[s]["kind"] == "group"}
    assert groups == set(JOINT_GROUPS)
    # the Hampshire plan's objectives run with the Isle of Wight are joint with it too
    objectives = {s for s, t in joint if t == IOW} - groups
    assert objectives and all(graph.graph.nodes[s]["kind"] == "objective" for s in objectives)


def test_the_business_groups_line_to_the_board_says_no_more_than_the_plan(
    hips: Dataset,
) -> None:
    """ "Where necessary and appropriate, the Business Group will highlight ... to the full
    HSCP Board meetings": a line whose meaning is not stated, kept out of the group's
    own reporting lines (whom it answers to is not stated)."""
    hampshire = _partnership(hips, HAMPSHIRE)
    (line,) = [line for line in hampshire.lines if line.by == "hscp-business-group"]
    assert (line.to, line.kind, line.condition) == (
        "hscp-board",
        LineKind.REPORTS_TO,
        "Where necessary and appropriate",
    )
    assert line.subject == "both areas of concern and areas of good practice and success"
    assert _group(hampshire, "hscp-business-group").reports_to == ()


def test_hampshires_not_stated_fields(hips: Dataset) -> None:
    hampshire = _partnership(hips, HAMPSHIRE)
    assert set(hampshire.not_stated) == {
        "scrutineers",
        "principles",
        "aims",
        "thresholds",
        "relevant_agencies",
        "sector_representation",
        "observers",
        "functional_links",
        "duties",
        "approval",
        "yearly_report",
        "review",
        "funding",
        "training",
        "contact",
    }


# --- Portsmouth and Southampton -----------------------------------------------------


@pytest.mark.parametrize("key", DESCRIBED_BY_THE_APPENDIX)
def test_portsmouth_and_southampton_hold_only_what_the_appendix_states(
    hips: Dataset, key: str
) -> None:
    partnership = _partnership(hips, key)
    area = key.removesuffix("-scp")
    leads = [(lead.role, lead.organisation, lead.post) for lead in partnership.lead_partners]
    assert leads == [
        (StatutoryRole.LOCAL_AUTHORITY, area, None),
        (StatutoryRole.CHIEF_OFFICER_OF_POLICE, CONSTABULARY, None),
        (StatutoryRole.INTEGRATED_CARE_BOARD, ICB, None),
    ]
    assert partnership.regimes == () and partnership.groups == ()
    assert partnership.relevant_agencies == () and partnership.funding is None
    assert partnership.vision is None and partnership.values == ()
    assert {
        "regimes",
        "groups",
        "relevant_agencies",
        "funding",
        "vision",
        "values",
        "scrutineers",
        "review",
    } <= set(partnership.not_stated)
    assert partnership.source is not None and str(partnership.source.published) == "2024-09"
    council = hips.index()[area]
    assert isinstance(council, Organisation)
    assert council.kind is OrganisationKind.LOCAL_AUTHORITY and council.name == area.title()


@pytest.mark.parametrize("key", DESCRIBED_BY_THE_APPENDIX)
def test_before_the_integrated_care_board_their_partners_are_not_stated(
    hips: Dataset, key: str
) -> None:
    """The appendix (2024) names the board as the health partner; before the board was
    established the partners are not stated, not a list of two."""
    before = _partnership(hips.as_of("2021"), key)
    assert before.lead_partners == () and before.delegated_partners == ()
    assert {"lead_partners", "delegated_partners"} <= set(before.not_stated)
    after = _partnership(hips.as_of("2024-09"), key)
    assert len(after.lead_partners) == 3 and len(after.delegated_partners) == 1


def test_unknowns_read_as_not_stated_side_by_side(hips: Dataset) -> None:
    comparison = compare_partnerships(hips)
    assert comparison.ids == (HAMPSHIRE, PORTSMOUTH, SOUTHAMPTON, IOW)
    rows = {
        aspect.name: dict(zip(comparison.ids, aspect.values, strict=True))
        for aspect in comparison.aspects
    }
    for key in DESCRIBED_BY_THE_APPENDIX:
        for aspect in ("Statutory regimes", "Groups by kind", "Relevant agencies", "Funding"):
            assert rows[aspect][key] == NOT_STATED, (aspect, key)
        assert rows["Chair"][key] == "described, not named"
        assert rows["Delegated safeguarding partners"][key].endswith("(partial)")
    assert rows["Statutory regimes"][HAMPSHIRE] == "Working Together to Safeguard Children 2018"
    assert rows["Groups by kind"][HAMPSHIRE].endswith("(partial)")
    assert rows["Relevant agencies"][HAMPSHIRE] == NOT_STATED
    # an entry with dates is never shown as simply in place: the CCG ended, the ICB began
    leads = rows["Lead safeguarding partners"][HAMPSHIRE]
    assert "West Hampshire Clinical Commissioning Group (ending by 2022-06-30)" in leads
    assert "NHS Hampshire and Isle of Wight (from 2022-07-01)" in leads
    on = compare_partnerships(hips.as_of("2024-10"))
    assert "Clinical Commissioning Group" not in on.aspects[2].values[0]
    shared = rows["Organisations shared with the others"]
    assert all(
        "Hampshire and Isle of Wight Constabulary" in value
        and "NHS Hampshire and Isle of Wight" in value
        for value in shared.values()
    )


# --- governed documents -------------------------------------------------------------


def test_the_child_exploitation_strategy_and_its_local_delivery(hips: Dataset) -> None:
    documents = {d.id: d for d in hips.documents}
    strategy = documents["hips-child-exploitation-strategy"]
    assert (strategy.owner, strategy.kind, str(strategy.period)) == (
        "hips",
        DocumentKind.STRATEGY,
        "2023 to 2026",
    )
    assert strategy.delivered_by == ("child-exploitation-delivery-subgroup",)
    delivery = documents["isle-of-wight-child-exploitation-delivery-plan"]
    assert (delivery.owner, delivery.delivers) == (IOW, strategy.id)
    hampshire = documents["hampshire-child-exploitation-delivery-plan"]
    assert (hampshire.title, hampshire.kind, hampshire.owner) == (
        "Hampshire delivery plan",
        DocumentKind.DELIVERY_PLAN,
        HAMPSHIRE,
    )
    assert hampshire.delivered_by == ("hscp-child-exploitation-review-group",)
    assert hampshire.monitored_by == ("hips-child-exploitation-group",)
    assert hampshire.delivers is None and hampshire.period is None  # neither is stated


# --- the commands -------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "hips"],
        ["show", "hips"],
        ["compare", "hips"],
        ["compare", "hips", "--format", "markdown"],
        *(
            ["export", "hips", "--to", "markdown", "--partnership", key]
            for key in (HAMPSHIRE, PORTSMOUTH, SOUTHAMPTON, IOW)
        ),
    ],
)
def test_the_commands_answer_for_the_region(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.strip()


def test_show_says_what_portsmouth_does_not_state(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "hips"]) == 0
    out = capsys.readouterr().out
    portsmouth = out.split("Portsmouth Safeguarding Children Partnership\n")[1]
    portsmouth = portsmouth.split("Southampton Safeguarding Children Partnership\n")[0]
    assert "Groups: not stated in the source" in portsmouth
    assert "Relevant agencies: not stated in the source" in portsmouth
    assert "Director of Children's Services, Portsmouth (holder not stated)" in portsmouth


# --- properties of regions ----------------------------------------------------------

SHARED = (
    Organisation(id="county-police", name="County Police", kind=OrganisationKind.POLICE),
    Organisation(id="county-icb", name="NHS County", kind=OrganisationKind.INTEGRATED_CARE_BOARD),
)
SHARED_POSTS = (
    Post(id="chief-constable", title="Chief Constable", organisation="county-police"),
    Post(id="icb-chief-executive", title="Chief Executive", organisation="county-icb"),
)
REGION_GROUPS = ("region-executive", "region-subgroup")


@st.composite
def regions(draw: st.DrawFn) -> dict[str, Dataset]:
    """The files of a region: one per partnership, each declaring its council and
    repeating the shared organisations and posts identically, and one for the
    collaboration of them all. Lines are stated only within a partnership, to the
    collaboration's groups (at least one), or as escalations; groups may be run
    jointly with another partnership."""
    count = draw(st.integers(2, 4))
    keys = [f"area{i}-scp" for i in range(count)]
    files: dict[str, Dataset] = {}
    crossing = draw(st.integers(0, count - 1))  # a partnership with a line to the region
    for number, key in enumerate(keys):
        council = Organisation(
            id=f"area{number}-council",
            name=f"Area {number} Council",
            kind=OrganisationKind.LOCAL_AUTHORITY,
        )
        own_posts = (
            (
                Post(
                    id=f"area{number}-chief-executive",
                    title="Chief Executive",
                    organisation=council.id,
                ),
            )
            if draw(st.booleans())
            else ()
        )
        leads = [
            LeadPartner(
                role=StatutoryRole.LOCAL_AUTHORITY,
                organisation=council.id,
                post=own_posts[0].id if own_posts else None,
            ),
            LeadPartner(
                role=StatutoryRole.CHIEF_OFFICER_OF_POLICE,
                organisation="county-police",
                post="chief-constable" if draw(st.booleans()) else None,
            ),
        ]
        if draw(st.booleans()):
            leads.append(
                LeadPartner(
                    role=StatutoryRole.INTEGRATED_CARE_BOARD,
                    organisation="county-icb",
                    post="icb-chief-executive" if draw(st.booleans()) else None,
                )
            )
        groups: list[Group] = []
        for index in range(draw(st.integers(1, 3))):
            gid = f"area{number}-group{index}"
            targets: set[str] = set()
            if index and draw(st.booleans()):
                targets.add(f"area{number}-group{draw(st.integers(0, index - 1))}")
            if draw(st.booleans()) or (number == crossing and index == 0):
                targets.add(draw(st.sampled_from(REGION_GROUPS)))
            escalations = draw(
                st.sets(
                    st.sampled_from([*REGION_GROUPS, *(k for k in keys if k != key)]), max_size=2
                )
            )
            others = [k for k in keys if k != key]
            groups.append(
                Group(
                    id=gid,
                    name=f"Group {index} of area {number}",
                    kind=draw(
                        st.sampled_from([GroupKind.SUBGROUP, GroupKind.TASK_AND_FINISH_GROUP])
                    ),
                    reports_to=tuple(Line(to=t) for t in sorted(targets)),
                    escalates_to=tuple(Line(to=t) for t in sorted(escalations)),
                    joint_with=tuple(draw(st.sets(st.sampled_from(others), max_size=1))),
                )
            )
        partnership = Partnership(
            id=key,
            name=f"Area {number} Safeguarding Children Partnership",
            lead_partners=tuple(leads),
            groups=tuple(groups),
        )
        files[f"{key}.yaml"] = Dataset(
            organisations=(*SHARED, council),
            posts=(*SHARED_POSTS, *own_posts),
            partnerships=(partnership,),
        )
    collaboration = Collaboration(
        id="region",
        name="The Region",
        members=tuple(keys),
        groups=(
            Group(id=REGION_GROUPS[0], name="Regional Executive", kind=GroupKind.EXECUTIVE_GROUP),
            Group(
                id=REGION_GROUPS[1],
                name="Regional Subgroup",
                kind=GroupKind.SUBGROUP,
                parent=REGION_GROUPS[0],
            ),
        ),
    )
    files["region.yaml"] = Dataset(collaborations=(collaboration,))
    return files


def _loaded(files: dict[str, Dataset]) -> Dataset:
    with tempfile.TemporaryDirectory() as folder:
        for name, dataset in files.items():
            (Path(folder) / name).write_text(dumps(dataset), encoding="utf-8")
        return load(folder)


def _leads(partnership: Partnership) -> set[str]:
    return {
        key for lead in partnership.lead_partners for key in (lead.organisation, lead.post) if key
    }


def _graph_facts(dataset: Dataset) -> Iterator[Any]:
    graph = build_graph(dataset).graph
    yield list(graph.nodes(data=True))
    yield list(graph.edges(keys=True, data=True))


@given(regions())
def test_a_region_has_one_node_per_organisation_and_builds_deterministically(
    files: dict[str, Dataset],
) -> None:
    dataset = _loaded(files)
    organisations = [o.id for o in dataset.organisations]
    assert len(organisations) == len(set(organisations))  # the repeats are one entry each
    assert dataset.organisations[: len(SHARED)] == SHARED
    graph = build_graph(dataset)
    assert sorted(graph.nodes_of(NodeKind.ORGANISATION)) == sorted(organisations)
    for shared in SHARED:
        naming = {p.id for p in dataset.partnerships if shared.id in _leads(p)}
        served = {
            target
            for target, _, data in graph.out_edges(shared.id)
            if data["kind"] == EdgeKind.LEAD_PARTNER_OF.value
        }
        assert served == naming
    assert list(_graph_facts(dataset)) == list(_graph_facts(dataset))


@given(regions())
def test_no_group_is_accountable_to_another_partnerships_lead_partners(
    files: dict[str, Dataset],
) -> None:
    """No derived accountable-to path from a group of partnership A reaches a lead
    partner of partnership B (one that is not also A's): the generated regions state no
    line from A's groups to B's bodies, only to the collaboration's groups, escalations
    and joint working."""
    dataset = _loaded(files)
    graph = build_graph(dataset)
    accountable = graph.view(EdgeKind.ACCOUNTABLE_TO)
    for partnership in dataset.partnerships:
        own = _leads(partnership)
        others = set().union(*(_leads(p) for p in dataset.partnerships if p is not partnership))
        foreign = others - own
        for group in partnership.groups:
            reached = nx.descendants(accountable, group.id) & foreign
            assert not reached, (group.id, sorted(reached))


def test_each_partnership_of_the_region_says_it_takes_part_in_hips() -> None:
    """The 2024 file names only the Isle of Wight among the members (its document does
    not name the other partnerships); the others' own files say they take part."""
    from safeguarding_model import load

    dataset = load("hips")
    hips = next(c for c in dataset.collaborations if c.id == "hips")
    assert hips.members == ("isle-of-wight-scp",)
    assert set(dataset.members_of(hips)) == {
        "isle-of-wight-scp",
        "hampshire-scp",
        "portsmouth-scp",
        "southampton-scp",
    }


def test_every_output_of_the_region_counts_the_partnerships_that_say_they_take_part() -> None:
    """In the region, HIPS has the four partnerships as members: the Isle of Wight file
    counts three it does not name, and the other three files name themselves, so the
    list is complete there (and stays partial in the Isle of Wight file alone). Each
    partnership's show, documents, graph and checks take part in HIPS."""
    from safeguarding_model.exporters import export
    from safeguarding_model.model.meaning import members_given
    from safeguarding_model.rules.context import Context

    dataset = load("hips")
    hips = next(c for c in dataset.collaborations if c.id == "hips")
    given_ = members_given(dataset, hips)
    assert len(given_.members) == 4
    assert not [p for p in given_.partial if p.field == "members"]
    members = build_graph(dataset).members("hips")
    assert len(members.ids) == 4 and not members.partial
    alone = build_graph(load("isle-of-wight-2024")).members("hips")
    assert alone.ids == ("isle-of-wight-scp",) and alone.partial and alone.further == 3
    hampshire = next(p for p in dataset.partnerships if p.id == "hampshire-scp")
    assert [c.id for c in dataset.collaborations_of(hampshire)] == ["hips"]
    text = str(export(dataset, "markdown", partnership="hampshire-scp"))
    assert "Hampshire, Isle of Wight, Portsmouth and Southampton" in text
    assert "3 further" not in text
    context = Context.on_date(dataset, "2025", "hampshire-scp")
    assert [c.id for c in context.collaborations()] == ["hips"]
