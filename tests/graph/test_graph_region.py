"""A region's answers: whose each body is, one seat per capacity, and a collaboration's
membership rule expanded to each member partnership's posts where the data names them
and given as the rule where it does not (issue 12)."""

from __future__ import annotations

import json
import textwrap

import pytest

import safeguarding_model as sm
from safeguarding_model.cli import main
from safeguarding_model.graph import GovernanceGraph, build_graph
from safeguarding_model.io import loads
from safeguarding_model.model import Member, PartnershipRole, StatutoryRole

REGION = textwrap.dedent(
    """\
    schema: safeguarding-model/2
    organisations:
      - {id: north, name: Northshire Council, kind: local-authority}
      - {id: south, name: Southshire Council, kind: local-authority}
      - {id: police, name: Shire Police, kind: police}
      - {id: icb, name: Shire ICB, kind: integrated-care-board}
    posts:
      - {id: north-dcs, title: Director of Children's Services, organisation: north}
      - {id: north-super, title: Chief Superintendent, organisation: police}
      - {id: north-inspector, title: Detective Inspector, organisation: police}
      - {id: south-dcs, title: Director of Children's Services, organisation: south}
      - {id: chief-constable, title: Chief Constable, organisation: police}
      - {id: north-chair, title: Independent Chair, organisation: null}
    partnerships:
      - id: north-scp
        name: Northshire Safeguarding Children Partnership
        short_name: NSCP
        regimes: [{instrument: working-together-2023}]
        lead_partners:
          - {role: local-authority, organisation: north}
          - {role: chief-officer-of-police, organisation: police, post: chief-constable}
          - {role: integrated-care-board, organisation: icb}
        delegated_partners:
          - {post: north-dcs, acts_for: local-authority}
          - {post: north-super, acts_for: chief-officer-of-police}
          - {post: north-inspector, acts_for: chief-officer-of-police}
        chairs: [{post: north-chair}]
        collaborations: [shire]
        groups:
          - id: north-exec
            name: Executive Group
            kind: executive-group
            members:
              - {organisation: police}
              - {role: delegated-safeguarding-partners, acts_for: chief-officer-of-police}
      - id: south-scp
        name: Southshire Safeguarding Children Partnership
        regimes: [{instrument: working-together-2018}]
        lead_partners:
          - {role: local-authority, organisation: south}
          - {role: chief-officer-of-police, organisation: police}
        delegated_partners:
          - {post: south-dcs, acts_for: local-authority}
        partial:
          - {field: delegated_partners, text: the three delegated partners}
        not_stated: [chairs]
        collaborations: [shire]
        groups:
          - id: south-exec
            name: Executive Group
            kind: executive-group
            members: [{organisation: police}]
    collaborations:
      - id: shire
        name: The Shires
        short_name: Shires
        groups:
          - id: shires-exec
            name: Shires Executive
            kind: executive-group
            members:
              - role: delegated-safeguarding-partners
                acts_for: local-authority
                text: the directors of children's services of each area
              - role: delegated-safeguarding-partners
                acts_for: chief-officer-of-police
              - role: delegated-safeguarding-partners
                acts_for: integrated-care-board
              - role: partnership-chair
    """
)


@pytest.fixture(scope="module")
def region() -> GovernanceGraph:
    return build_graph(loads(REGION, format="yaml"))


def _named(entries: object) -> list[tuple[str | None, tuple[str, ...], str | None]]:
    return [
        (e.member.id if e.member else None, tuple(r.id for r in e.partnerships), e.note)
        for e in entries  # type: ignore[attr-defined]
    ]


# --- acts_for ---------------------------------------------------------------------------


def test_a_role_for_one_statutory_partner_is_its_delegated_partners_only(
    region: GovernanceGraph,
) -> None:
    members = region.members("north-exec")
    assert [(e.member.id if e.member else None, e.named_as) for e in members.entries] == [
        ("police", "organisation"),
        ("north-super", "role"),
        ("north-inspector", "role"),
    ]
    assert members.entries[1].detail == (
        "delegated safeguarding partners for the chief officer of police"
    )
    assert members.entries[1].acts_for == "chief-officer-of-police"
    via = region.graph.edges["north-super", "north-exec", "member-of"]["via"]
    assert via == "named as the delegated safeguarding partners for the chief officer of police"


def test_a_collaboration_expands_the_rule_for_each_member_partnership(
    region: GovernanceGraph,
) -> None:
    members = region.members("Shires Executive")
    assert _named(members.entries) == [
        ("north-dcs", ("north-scp",), None),
        ("south-dcs", ("south-scp",), None),
        ("north-super", ("north-scp",), None),
        ("north-inspector", ("north-scp",), None),
        # partial: the source names some of its delegated partners, not these
        (
            None,
            ("south-scp",),
            "the delegated safeguarding partners for the chief officer of police of the "
            "Southshire Safeguarding Children Partnership: not named in the data",
        ),
        # the data gives both partnerships' lists in full: neither has one for the ICB
        (
            None,
            ("north-scp",),
            "the delegated safeguarding partners for the integrated care board of the "
            "Northshire Safeguarding Children Partnership: none in the data",
        ),
        (
            None,
            ("south-scp",),
            "the delegated safeguarding partners for the integrated care board of the "
            "Southshire Safeguarding Children Partnership: not named in the data",
        ),
        ("north-chair", ("north-scp",), None),
        (
            None,
            ("south-scp",),
            "the partnership chair of the Southshire Safeguarding Children Partnership: "
            "not stated in the source",
        ),
    ]
    text = str(members)
    assert (
        "  the partnership chair of the Southshire Safeguarding Children Partnership: not "
        "stated in the source [role: partnership chair]\n"
    ) in text + "\n"
    assert "Director of Children's Services, Southshire Council (holder not stated) [role: " in text
    assert "of Southshire Safeguarding Children Partnership]" in text
    # no post is guessed: only the posts the data names sit on the group
    sitting = {s for s, _, data in region.graph.in_edges("shires-exec", data=True)}
    assert sitting >= {"north-dcs", "south-dcs", "north-super", "north-inspector"}
    assert "south-scp" not in sitting and "icb" not in sitting
    data = region.graph.edges["south-dcs", "shires-exec", "member-of"]
    assert data["derived"] and data["via"] == (
        "named as the delegated safeguarding partners for the local authority of the "
        "Southshire Safeguarding Children Partnership"
    )


def test_a_holder_for_several_partnerships_is_one_member() -> None:
    """The chief constable is the lead partner for the police of both partnerships."""
    shared = REGION.replace(
        "{role: chief-officer-of-police, organisation: police}",
        "{role: chief-officer-of-police, organisation: police, post: chief-constable}",
    ).replace(
        "acts_for: integrated-care-board\n",
        "acts_for: integrated-care-board\n"
        "          - {role: lead-safeguarding-partners, acts_for: chief-officer-of-police}\n",
    )
    gg = build_graph(loads(shared, format="yaml"))
    chief = [
        e
        for e in gg.members("shires-exec").entries
        if e.member and e.member.id == "chief-constable"
    ]
    assert [[r.id for r in e.partnerships] for e in chief] == [["north-scp", "south-scp"]]
    assert "of Northshire Safeguarding Children Partnership and Southshire" in str(
        gg.members("shires-exec")
    )
    assert not gg.structure().of("duplicate-member")


@pytest.mark.parametrize(
    "fields",
    [
        {"acts_for": StatutoryRole.LOCAL_AUTHORITY},
        {"acts_for": StatutoryRole.LOCAL_AUTHORITY, "role": PartnershipRole.PARTNERSHIP_CHAIR},
    ],
)
def test_acts_for_needs_a_role_of_partners(fields: dict[str, object]) -> None:
    with pytest.raises(sm.FieldError, match="acts_for"):
        Member(text="someone", **fields)  # type: ignore[arg-type]


def test_a_misplaced_acts_for_is_a_located_error() -> None:
    bad = REGION.replace(
        "          - role: partnership-chair\n",
        "          - role: partnership-chair\n            acts_for: local-authority\n",
    )
    assert bad != REGION
    with pytest.raises(sm.LoadError) as caught:
        loads(bad, format="yaml", name="region.yaml")
    message = str(caught.value)
    assert "region.yaml" in message and "acts_for" in message
    assert "groups[0].members[3]" in message


def test_the_role_words_say_for_whom_in_the_outputs() -> None:
    dataset = loads(REGION, format="yaml")
    document = sm.export(dataset, "markdown", partnership="north-scp")
    assert isinstance(document, str)
    assert "- the delegated safeguarding partners for the chief officer of police\n" in document
    people = sm.export(dataset, "popolo")
    assert isinstance(people, str)
    assert (
        "the delegated safeguarding partners for the chief officer of police of the "
        "Southshire Safeguarding Children Partnership: not named in the data"
    ) in people


# --- sits on, in a region ---------------------------------------------------------------


def test_each_body_once_with_whose_it_is_and_each_capacity_once(region: GovernanceGraph) -> None:
    seats = region.sits_on("Shire Police")
    assert [(p.body.id, p.of_label) for p in seats.places] == [
        ("north-scp", None),
        ("south-scp", None),
        ("north-exec", "NSCP"),
        ("south-exec", "Southshire Safeguarding Children Partnership"),
        ("shires-exec", "Shires"),
    ]
    # the lead partner through its post is one seat with the post, in the same words
    # in a partnership under the 2018 edition as under the 2023 one
    north, south = seats.on("north-scp"), seats.on("south-scp")
    assert [(s.capacity, [r.id for r in s.through], s.direct) for s in north] == [
        ("lead safeguarding partner (chief officer of police)", ["chief-constable"], True),
        (
            "delegated safeguarding partner for the chief officer of police",
            ["north-super", "north-inspector"],
            False,
        ),
    ]
    assert [s.capacity for s in south] == ["lead safeguarding partner (chief officer of police)"]
    text = str(seats)
    assert text.startswith("Shire Police (police) sits on 5 bodies\n")
    assert text.count("\n  Executive Group") == 2
    assert "\n  Executive Group (NSCP):\n    member\n    member, through " in text
    assert "\n  Executive Group (Southshire Safeguarding Children Partnership): member\n" in text
    assert (
        "lead safeguarding partner (chief officer of police), through Chief Constable, "
        "Shire Police (holder not stated)\n"
    ) in text
    # the count counts what the answer lists
    listed = [line for line in text.splitlines()[1:] if line.startswith("  ") and line[2] != " "]
    assert len(listed) == len(seats.places) == len(seats.bodies) == 5


def test_one_partnership_and_no_collaboration_says_no_owner() -> None:
    gg = build_graph(sm.load("isle-of-wight-2019"))
    seats = gg.sits_on("isle-of-wight-council")
    assert not seats.whose
    assert "(IOWSCP)" not in str(seats)
    assert all(p.of is not None for p in seats.places if p.body.kind == "group")


def test_sits_on_as_json_carries_the_places(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "hips", "--format", "json", "sits-on", "Hampshire"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["count"] == len(data["places"]) == 2
    [partnership, hips] = data["places"]
    assert partnership["body"]["id"] == "hampshire-scp" and partnership["of"] is None
    lead = partnership["seats"][0]
    assert (lead["kind"], lead["value"], lead["direct"]) == (
        "lead-partner-of",
        "local-authority",
        True,
    )
    # the council's lead partner acts through its children's services
    assert [ref["id"] for ref in lead["through"]] == ["hampshire-county-council-childrens-services"]
    assert lead["texts"] == ["Hampshire County Council Children's Services"]
    assert hips["of"]["id"] == "hips" and hips["of_label"] == "HIPS"
    [seat] = hips["seats"]
    assert (
        seat["derived"] and seat["through"][0]["id"] == "hampshire-director-of-childrens-services"
    )


# --- the HIPS region, pinned to the documents -------------------------------------------


@pytest.fixture(scope="module")
def hips() -> GovernanceGraph:
    return build_graph(sm.load("hips"))


def test_the_constabulary_across_hips(hips: GovernanceGraph) -> None:
    seats = hips.sits_on("hampshire-and-isle-of-wight-constabulary")
    assert [(p.body.id, p.of_label) for p in seats.places] == [
        ("hampshire-scp", None),
        ("portsmouth-scp", None),
        ("southampton-scp", None),
        ("isle-of-wight-scp", None),
        ("executive-group", "IOWSCP"),
        ("partnership-board", "IOWSCP"),
        ("hips-executive-group", "HIPS"),
    ]
    capacities = {p.body.id: [s.capacity for s in p.seats] for p in seats.places}
    lead = "lead safeguarding partner (chief officer of police)"
    assert capacities["hampshire-scp"] == capacities["portsmouth-scp"] == [lead]
    assert capacities["isle-of-wight-scp"] == [
        lead,
        "delegated safeguarding partner for the chief officer of police",
    ]
    assert str(seats).splitlines()[0].endswith("sits on 7 bodies")
    assert "\n  HIPS Executive Group (HIPS): member" in str(seats)


def test_the_hips_executive_membership_rule(hips: GovernanceGraph) -> None:
    """Appendix 1, 4: "the three delegated safeguarding partners across each of the four
    LSCP areas, namely: Directors of Children's Services from each of the represented
    local authorities ...; Hampshire and Isle of Wight Constabulary represented through
    the Chief Superintendent with lead safeguarding responsibility; Health, represented
    by the ... ICB ...; Partnership chair for each of the LSCPs"."""
    members = hips.members("hips-executive-group")
    assert _named(members.entries) == [
        ("director-of-childrens-services", ("isle-of-wight-scp",), None),
        ("hampshire-director-of-childrens-services", ("hampshire-scp",), None),
        ("portsmouth-director-of-childrens-services", ("portsmouth-scp",), None),
        ("southampton-director-of-childrens-services", ("southampton-scp",), None),
        ("hampshire-and-isle-of-wight-constabulary", (), None),
        ("nhs-hampshire-and-isle-of-wight", (), None),
        ("director-of-childrens-services", ("isle-of-wight-scp",), None),
        *(
            (
                None,
                (key,),
                f"the partnership chair of the {name} Safeguarding Children Partnership: "
                "not named in the data",
            )
            for key, name in (
                ("hampshire-scp", "Hampshire"),
                ("portsmouth-scp", "Portsmouth"),
                ("southampton-scp", "Southampton"),
            )
        ),
    ]
    assert not members.partial
    # the Chief Superintendent is not named: no post of the constabulary is taken for it
    assert ("area-commander", "hips-executive-group") not in {
        (s, t) for s, t in hips.graph.in_edges("hips-executive-group")
    }


# --- the reference page -----------------------------------------------------------------


def _in_order(out: list[str], shown: list[str]) -> bool:
    """Whether ``shown`` is ``out``, where a line ``...`` (indented or not) stands for
    lines left out."""
    at = 0
    skipping = False
    for line in shown:
        if line.strip() == "...":
            skipping = True
            continue
        if skipping:
            while at < len(out) and out[at] != line:
                at += 1
        if at >= len(out) or out[at] != line:
            return False
        at += 1
        skipping = False
    return skipping or at == len(out)


def test_the_region_examples_of_the_query_page_are_what_it_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import re
    import shlex
    from pathlib import Path

    page = (Path(__file__).parents[2] / "docs" / "commands" / "query.md").read_text("utf-8")
    examples = re.findall(r"```console\n\$ (safeguarding-model query [^\n]*)\n(.*?)```", page, re.S)
    ran = 0
    for command, shown in examples:
        if "\n$ " in "\n" + shown or not re.search(r"sits-on|query hips", command):
            continue
        assert main(shlex.split(command)[1:]) == 0, command
        out = capsys.readouterr().out.splitlines()
        assert _in_order(out, shown.rstrip("\n").splitlines()), (command, out)
        ran += 1
    assert ran == 4  # sits-on and members in a region; owns and progress of the plans
    assert _in_order(["a", "b", "c"], ["a", "  ...", "c"])
    assert not _in_order(["a", "b", "c"], ["a", "c"])
    assert not _in_order(["a", "b"], ["a"])
