"""The model's meaning lives in the model: whom a delegated partner acts for, who chairs
(in words), and the arrangements on a date, worked out once and used by every layer."""

from __future__ import annotations

import csv
import io

import pytest

import safeguarding_model as sm
from safeguarding_model.documents.summary import chair_text
from safeguarding_model.exporters import get_exporter
from safeguarding_model.model import (
    Chair,
    ChairRole,
    Dataset,
    DelegatedPartner,
    Group,
    GroupKind,
    GuidanceEdition,
    LeadPartner,
    Organisation,
    OrganisationKind,
    Partnership,
    Person,
    Post,
    Regime,
    StatutoryRole,
)
from safeguarding_model.model.meaning import ModelIndex, chair_words


def two_councils(organisation: str | None) -> Dataset:
    """An area with two councils, and one delegated partner for "the local authority"."""
    return Dataset(
        organisations=(
            Organisation(id="north", name="North Council", kind=OrganisationKind.LOCAL_AUTHORITY),
            Organisation(id="south", name="South Council", kind=OrganisationKind.LOCAL_AUTHORITY),
        ),
        posts=(Post(id="dcs", title="Director of Children's Services", organisation="north"),),
        partnerships=(
            Partnership(
                id="scp",
                name="Two Councils Partnership",
                regimes=(Regime(instrument=GuidanceEdition.WORKING_TOGETHER_2023),),
                lead_partners=(
                    LeadPartner(role=StatutoryRole.LOCAL_AUTHORITY, organisation="north"),
                    LeadPartner(role=StatutoryRole.LOCAL_AUTHORITY, organisation="south"),
                ),
                delegated_partners=(
                    DelegatedPartner(
                        post="dcs",
                        acts_for=StatutoryRole.LOCAL_AUTHORITY,
                        organisation=organisation,
                    ),
                ),
            ),
        ),
    )


def test_a_delegated_partner_acts_for_the_lead_partner_it_names() -> None:
    dataset = two_councils("south")
    partnership = dataset.partnerships[0]
    [delegated] = partnership.delegated_partners
    lead = partnership.lead_for(delegated)
    assert lead is not None and lead.organisation == "south"
    assert ModelIndex(dataset).delegation(partnership, delegated).lead == lead


def test_whom_a_delegated_partner_acts_for_is_never_guessed() -> None:
    dataset = two_councils(None)
    partnership = dataset.partnerships[0]
    [delegated] = partnership.delegated_partners
    assert partnership.lead_for(delegated) is None
    found = ModelIndex(dataset).delegation(partnership, delegated)
    assert found.problem == "ambiguous-delegation" and "`north`, `south`" in str(found.message)
    graph = sm.build_graph(dataset)
    assert [p.code for p in graph.problems] == ["ambiguous-delegation"]
    kinds = {key for _, _, key in graph.graph.out_edges("dcs", keys=True)}
    assert "delegates-for" not in kinds and "accountable-to" not in kinds
    tables = get_exporter("csv").run_files(dataset)
    rows = list(csv.DictReader(io.StringIO(str(tables["posts.csv"]))))
    [dcs] = [row for row in rows if row["post"] == "dcs"]
    assert dcs["roles"] == "delegated safeguarding partner of scp (local authority)"


def test_the_chair_wording_is_one_function() -> None:
    dataset = Dataset(
        organisations=(
            Organisation(id="north", name="North Council", kind=OrganisationKind.LOCAL_AUTHORITY),
        ),
        people=(Person(id="ann", name="Ann"),),
        posts=(Post(id="chief", title="Chief Executive", organisation="north", holder="ann"),),
        partnerships=(
            Partnership(
                id="scp",
                name="Some Partnership",
                regimes=(Regime(instrument=GuidanceEdition.WORKING_TOGETHER_2023),),
                chairs=(Chair(post="chief"),),
                groups=(
                    Group(
                        id="exec",
                        name="Executive",
                        kind=GroupKind.EXECUTIVE_GROUP,
                        chairs=(Chair(partnership_chair=True, role=ChairRole.CO_CHAIR),),
                    ),
                ),
            ),
        ),
    )
    partnership = dataset.partnerships[0]
    chair = partnership.groups[0].chairs[0]
    index = dataset.index()
    words = chair_words(
        chair, lambda k: dataset.name_of(k, index), [(partnership, partnership.chairs[0])]
    )
    assert words == "the partnership chair (Ann, Chief Executive, North Council)"
    assert chair_text(chair, partnership, dataset, index) == f"co-chair: {words}"
    [info] = sm.build_graph(dataset).chairs("exec").bodies[0].chairs
    assert info.description == words
    unnamed = chair_words(chair, lambda k: k)
    assert unnamed == "the partnership chair (not named in the data)"


@pytest.mark.parametrize("on", ["2019", "2023-06", "2024-09-30"])
def test_the_view_on_a_date_is_the_models(on: str) -> None:
    dataset = sm.load("isle-of-wight-2024")
    from safeguarding_model.model.dates import as_of

    assert dataset.as_of(on) == as_of(dataset, on)[0]
    assert sm.build_graph(dataset, on=on).dataset == dataset.as_of(on)


COLLABORATION_CHAIR = """\
schema: safeguarding-model/1
organisations:
  - {id: council, name: North Council, kind: local-authority}
people:
  - {id: ann, name: Ann}
posts:
  - {id: dcs, title: Director of Children's Services, organisation: council, holder: ann}
partnerships:
  - id: scp
    name: North Safeguarding Children Partnership
    short_name: NSCP
    guidance: working-together-2023
    chairs: [{post: dcs}]
collaborations:
  - id: region
    name: The Region
    members: [scp]
    groups:
      - {id: regional-board, name: Regional Board, kind: executive-group, chairs: [{partnership_chair: true}]}
"""


def test_every_output_says_who_the_partnership_chair_of_a_collaboration_group_is() -> None:
    from safeguarding_model.cli.show import render
    from safeguarding_model.documents import summary

    dataset = sm.loads(COLLABORATION_CHAIR)
    expected = "the partnership chair of NSCP (Ann, Director of Children's Services, North Council)"
    [info] = sm.build_graph(dataset).chairs("regional-board").bodies[0].chairs
    assert info.description == expected
    shown = summary(dataset, dataset.partnerships[0])
    assert shown["collaborations"][0]["groups"][0]["chairs"] == [expected]
    assert expected in render(shown)
    assert f"Chair: {expected}" in str(sm.export(dataset, "markdown"))


def test_the_csv_posts_table_gives_the_roles_the_model_means() -> None:
    tables = get_exporter("csv").run_files(sm.load("isle-of-wight-2024"))
    rows = {
        row["post"]: row["roles"] for row in csv.DictReader(io.StringIO(str(tables["posts.csv"])))
    }
    roles = rows["director-of-childrens-services"].split("; ")
    assert "chair of isle-of-wight-scp" in roles
    assert "chair of executive-group (derived)" in roles  # as the partnership chair
    assert "chair of partnership-board (derived)" in roles
