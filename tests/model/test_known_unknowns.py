"""What a document leaves unknown, said in the format without workarounds: lists given in
part inside entries, partners known by their role only, funding through another body or
shared with another board, a vision or purpose with points, a collaboration without a
name. Each loads, round-trips, is checked where it is wrong (with the place and what to
do), and stays unknown in the view on a date."""

from __future__ import annotations

import re

import pytest

from known_unknowns import KNOWN_UNKNOWNS, known_unknowns
from safeguarding_model.errors import ConsistencyError, FieldError, LoadError
from safeguarding_model.io import dumps, loads
from safeguarding_model.model import (
    BudgetShare,
    Collaboration,
    Contribution,
    DelegatedPartner,
    Duty,
    Funding,
    Item,
    LeadPartner,
    PartialDate,
    PartialList,
    Partnership,
    PartnershipRole,
    StatutoryRole,
)
from safeguarding_model.model.changes import compare
from safeguarding_model.model.collaboration import UNNAMED
from safeguarding_model.model.meaning import ModelIndex


def test_the_dataset_round_trips_and_keeps_every_unknown() -> None:
    data = known_unknowns()
    assert loads(dumps(data)) == data
    assert loads(dumps(data, "json"), format="json") == data
    p = data.partnership()
    ku = p.lead_partners[2]
    assert (ku.role, ku.organisation, ku.post, ku.named) == (
        StatutoryRole.INTEGRATED_CARE_BOARD,
        None,
        None,
        False,
    )
    assert [d.post for d in p.delegated_partners] == ["dcs", None, None]
    assert p.delegated_partners[1].text == "a senior officer of the ICB"


def test_a_purpose_or_vision_is_text_or_text_with_points() -> None:
    p = known_unknowns().partnership()
    assert p.purpose is not None and [i.text for i in p.purpose.points] == [
        "Children are safeguarded",
        "Learning is promoted",
    ]
    assert p.vision is not None and p.vision.partial == (
        PartialList(field="points", text="and more"),
    )
    # plain text reads as an item without points, and is written back as plain text
    plain = loads(KNOWN_UNKNOWNS.replace('      text: "To support', '      text: "To help'))
    assert plain.partnership().purpose is not None
    assert Partnership(id="x", name="X", purpose="To lead").purpose == Item(text="To lead")
    text = dumps(
        loads("schema: safeguarding-model/2\npartnerships: [{id: x, name: X, vision: Safe}]")
    )
    assert "vision: Safe\n" in text


def test_lists_inside_entries_say_they_are_given_in_part() -> None:
    p = known_unknowns().partnership()
    assert p.duties[0].partial[0].truncated
    mechanism = p.scrutiny[0]
    assert [(e.field, e.further) for e in mechanism.partial] == [("inputs", 2), ("by", None)]
    assert mechanism.inputs[1].partial == (PartialList(field="points"),)
    assert p.scrutineers[0].partial[0].field == "functions"
    assert p.funding is not None and p.funding.partial[0].field == "contributions"
    [document] = known_unknowns().documents
    assert [e.field for e in document.partial] == ["items", "monitored_by"]


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda: Item(text="x", partial=(PartialList(field="items"),)), "points"),
        (
            lambda: Duty(
                of=PartnershipRole.RELEVANT_AGENCIES,
                items=(Item(text="x"),),
                partial=(PartialList(field="points"),),
            ),
            "items",
        ),
        (lambda: Funding(partial=(PartialList(field="shares"),)), "contributions"),
    ],
)
def test_partial_names_a_list_of_the_entry(build: object, expected: str) -> None:
    with pytest.raises(FieldError) as error:
        build()  # type: ignore[operator]
    assert error.value.field == "partial" and expected in error.value.expected


def test_a_lead_partner_known_by_its_role_only_needs_its_organisation_to_act_through() -> None:
    assert LeadPartner(role=StatutoryRole.LOCAL_AUTHORITY).organisation is None
    assert LeadPartner(role=StatutoryRole.LOCAL_AUTHORITY, post="ceo").post == "ceo"
    with pytest.raises(ConsistencyError, match="names the `organisation` too"):
        LeadPartner(role=StatutoryRole.LOCAL_AUTHORITY, through="childrens-services")
    assert DelegatedPartner(acts_for=StatutoryRole.LOCAL_AUTHORITY).post is None


def test_a_role_held_by_partners_the_data_does_not_name_is_never_read_as_complete() -> None:
    data = known_unknowns()
    index = ModelIndex(data)
    roles = index.roles["westshire-scp"]
    assert roles.nodes(PartnershipRole.LEAD_SAFEGUARDING_PARTNERS) == ["chief-executive", "police"]
    assert len(roles.unnamed_in(PartnershipRole.LEAD_SAFEGUARDING_PARTNERS)) == 1
    assert len(roles.unnamed_in(PartnershipRole.DELEGATED_SAFEGUARDING_PARTNERS)) == 2
    lead, delegated = index.members["board"]
    assert [r.node for r in lead[1]] == ["chief-executive", "police", None]
    assert lead[1][-1].note == (
        "and 1 more of the lead safeguarding partners the data does not name"
    )
    assert [r.node for r in delegated[1]] == ["dcs", None]


def test_a_delegated_partner_without_a_post_acts_for_the_only_lead_in_its_role() -> None:
    p = known_unknowns().partnership()
    assert p.lead_for(p.delegated_partners[1]) is p.lead_partners[2]
    assert p.delegation_problem(p.delegated_partners[2]) is None


def test_funding_through_another_body_and_shared_with_another_board() -> None:
    funding = known_unknowns().partnership().funding
    assert funding is not None
    assert funding.hosted_by == "county-council"
    assert funding.contributions[0].on_behalf_of == ("east-district", "west-district")
    assert funding.shared_with == ("county-sab",)
    assert [(s.body, s.percent) for s in funding.split] == [
        ("westshire-scp", 60),
        ("county-sab", 40),
    ]


def test_a_share_without_figures_is_written_as_the_bodys_id() -> None:
    text = KNOWN_UNKNOWNS.replace(
        "        - {body: county-sab, percent: 40}\n", "        - county-sab\n"
    )
    data = loads(text)
    funding = data.partnership().funding
    assert funding is not None and funding.split[1] == BudgetShare(body="county-sab")
    assert re.search(r"\n *- county-sab\n", dumps(data))
    assert loads(dumps(data)) == data


def test_funding_that_does_not_add_up_is_refused() -> None:
    with pytest.raises(ConsistencyError, match="shared_with"):
        Funding(split=(BudgetShare(body="x"),))
    with pytest.raises(FieldError):
        Contribution(organisation="a", on_behalf_of=("a",))
    with pytest.raises(FieldError):
        BudgetShare(body="a", percent=140)
    with pytest.raises(ConsistencyError, match="neither this partnership"):
        Partnership(
            id="p",
            name="P",
            funding=Funding(shared_with=("sab",), split=(BudgetShare(body="other"),)),
        )
    with pytest.raises(ConsistencyError, match="not the partnership itself"):
        Partnership(id="p", name="P", funding=Funding(shared_with=("p",)))


def test_a_funding_mistake_is_reported_where_it_is() -> None:
    text = KNOWN_UNKNOWNS.replace("hosted_by: county-council", "hosted_by: dcs").replace(
        "on_behalf_of: [east-district, west-district]",
        "on_behalf_of: [east-district, west-distric]",
    )
    with pytest.raises(LoadError) as error:
        loads(text)
    message = str(error.value)
    assert "<string>:57:7: partnerships[0].funding.hosted_by" in message
    assert "not an organisation, partnership or group" in message
    assert "partnerships[0].funding.contributions[0].on_behalf_of[1]" in message
    assert "did you mean `west-district`?" in message


def test_a_collaboration_without_a_name_keeps_the_documents_words() -> None:
    data = known_unknowns()
    [collaboration] = data.collaborations
    assert collaboration.name is None and not collaboration.named
    assert collaboration.label == UNNAMED
    assert data.name_of("neighbours") == "a collaboration the source does not name"
    with pytest.raises(ConsistencyError, match="description"):
        Collaboration(id="c")
    with pytest.raises(ConsistencyError, match="no short or former name"):
        Collaboration(id="c", description="neighbours", short_name="N")


def test_the_view_on_a_date_leaves_no_funding_reference_to_what_it_leaves_out() -> None:
    text = KNOWN_UNKNOWNS.replace(
        "  - {id: county-sab, name: Westshire Safeguarding Adults Board, kind: board}",
        '  - {id: county-sab, name: Westshire Safeguarding Adults Board, kind: board, end: "2020"}',
    ).replace(
        "  - {id: county-council, name: Westshire County Council, kind: local-authority}",
        "  - {id: county-council, name: Westshire County Council, kind: local-authority,"
        ' start: "2025"}',
    )
    funding = loads(text).as_of(PartialDate.from_string("2024-06")).partnership().funding
    assert funding is not None
    assert funding.hosted_by is None  # the council had not started
    assert funding.shared_with == () and funding.split == ()  # the board had ended
    assert [c.organisation for c in funding.contributions] == ["police"]


def test_unnamed_partners_stay_unnamed_on_any_date() -> None:
    view = known_unknowns().as_of(PartialDate.from_string("2024"))
    p = view.partnership()
    assert [lead.organisation for lead in p.lead_partners] == [None, "police", None]
    assert [d.post for d in p.delegated_partners] == ["dcs", None, None]


def test_a_diff_says_a_partner_was_known_by_its_role_only() -> None:
    """Naming the organisation a later version names is a partner removed (the one known
    by its role) and one added, each in words that name nothing the data does not."""
    old = known_unknowns()
    new = loads(
        KNOWN_UNKNOWNS.replace(
            "      - role: integrated-care-board\n        text: The Integrated Care Board\n",
            "      - {role: integrated-care-board, organisation: icb}\n",
        )
        .replace(
            "organisations:\n",
            "organisations:\n  - {id: icb, name: NHS Westshire, kind: integrated-care-board}\n",
            1,
        )
        .replace("      - acts_for: chief-officer-of-police\n", "")
    )
    changes = [(c.how.value, c.before or c.after) for c in compare(old, new)]
    assert changes == [
        ("added", "NHS Westshire (integrated care board)"),
        ("removed", "the integrated care board (the organisation not named)"),
        ("removed", "a post not stated (for the chief officer of police)"),
    ]
