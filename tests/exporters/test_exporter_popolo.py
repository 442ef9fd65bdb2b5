"""Popolo JSON of the facts issue 10 added, checked as every Popolo export is
(:func:`consumers.check_popolo`: every membership names its member, every id
resolves, dates are Popolo's): chairs that are people or organisations, one of a role,
rotating or nominated; elected posts and posts that chair bodies outside the
partnership; organisations' relations kept out of ``parent_id``; a leadership group
that is not a part of what it leads."""

from __future__ import annotations

from typing import Any

import pytest
from consumers import check_popolo
from variety import variety

from safeguarding_model.exporters import export
from safeguarding_model.model import Dataset

Record = dict[str, Any]


@pytest.fixture(scope="module")
def data() -> Dataset:
    return variety()


@pytest.fixture(scope="module")
def popolo(data: Dataset) -> Record:
    return check_popolo(str(export(data, "popolo")))  # type: ignore[return-value]


def _of(popolo: Record, organization: str) -> list[Record]:
    return [m for m in popolo["memberships"] if m.get("organization_id") == organization]


def _member(membership: Record) -> str:
    if "member" in membership:
        return str(membership["member"]["id"])
    return str(membership.get("post_id") or membership["person_id"])


def test_a_chair_named_as_a_person_or_an_agency_is_a_membership_of_them(popolo: Record) -> None:
    board = {m["role"]: m for m in _of(popolo, "board") if "chair" in m["role"]}
    person = [m for m in _of(popolo, "board") if m.get("person_id") == "sam-cole"]
    assert len(person) == 1 and person[0]["role"] == "vice-chair"
    assert "post_id" not in person[0]  # a person named without a post
    assert board["chair"]["post_id"] == "independent-chair"
    police = [m for m in _of(popolo, "audit") if m["role"] == "chair"]
    assert [m["member"] for m in police] == [{"@type": "Organization", "id": "police"}]
    assert police[0]["label"] == "Chaired by the police"
    assert "rotating" not in police[0]["role"]  # an agency only, not a rotation


def test_one_of_a_role_is_one_seat_never_each_holder(popolo: Record) -> None:
    co_chairs = [m for m in _of(popolo, "audit") if m["role"] == "co-chair"]
    assert len(co_chairs) == 1
    seat = next(p for p in popolo["posts"] if p["id"] == co_chairs[0]["post_id"])
    assert seat == {
        "id": "audit/chair-1",
        "label": "One of the delegated safeguarding partners",
        "organization_id": "audit",
    }
    leaders = _of(popolo, "leaders")
    # one seat for the role, marked derived: who holds it in turn is read from the role
    assert [(m["role"], m["extras"]) for m in leaders] == [
        ("chair (rotating)", {"derived": True, "rotation_period": "annually"})
    ]
    assert leaders[0]["label"] == "The lead partners in turn"


def test_a_rotation_and_a_nominated_chair(popolo: Record) -> None:
    exploitation = _of(popolo, "exploitation")
    rotating = [m for m in exploitation if m["role"] == "chair (rotating)"]
    assert [_member(m) for m in rotating] == ["north-council", "police", "icb"]
    assert {str(m["extras"]) for m in rotating} == {
        str({"rotation_period": "Every two years", "rotation_in_order": True})
    }
    deputy = next(m for m in exploitation if m["role"] == "deputy chair")
    assert deputy["extras"] == {"nominated_by": "board"}
    seat = next(p for p in popolo["posts"] if p["id"] == deputy["post_id"])
    assert seat["label"] == "Deputy chair, nominated by the Partnership Board"


def test_derived_memberships_say_so(popolo: Record) -> None:
    board = [m for m in _of(popolo, "board") if m["role"] in ("chair", "vice-chair")]
    derived = [(m.get("post_id"), m.get("extras", {}).get("derived")) for m in board]
    assert derived == [
        ("independent-chair", True),  # "the partnership chair": derived
        ("board/chair-1", True),  # the partnership's vice-chair, named by no one
        (None, None),  # Sam Cole, stated
    ]
    stated = next(m for m in _of(popolo, "northshire-scp") if m["role"] == "chair")
    assert "extras" not in stated


def test_the_chair_of_a_group_chaired_by_an_agency_and_a_role(popolo: Record) -> None:
    members = [m for m in _of(popolo, "exploitation") if m["role"] == "member"]
    assert [_member(m) for m in members] == ["police", "audit/chair-1"]
    assert all(m["extras"] == {"derived": True} for m in members)
    assert all(m["label"] == "The chair of the Audit Subgroup" for m in members)


def test_elected_posts_and_posts_that_chair_outside_bodies(popolo: Record) -> None:
    posts = {p["id"]: p for p in popolo["posts"]}
    assert posts["cabinet-member"]["extras"] == {"elected": True}
    assert "extras" not in posts["dcs"]
    outside = _of(popolo, "hwb")
    assert [(m["role"], m["post_id"], m["person_id"]) for m in outside] == [
        ("chair", "cabinet-member", "lee-hart")
    ]


def test_ownership_and_service_delivery_are_not_containment(popolo: Record) -> None:
    organizations = {o["id"]: o for o in popolo["organizations"]}
    company = organizations["shared-services"]
    assert "parent_id" not in company
    assert company["extras"] == {"owned_by": ["north-council", "south-council"]}
    assert organizations["north-trust"]["extras"] == {"delivers_for": ["north-council"]}
    assert organizations["ccgs"]["extras"] == {"collective": True, "count": 8}
    assert "extras" not in organizations["police"]


def test_a_leadership_group_is_not_a_part_of_what_it_leads(popolo: Record) -> None:
    organizations = {o["id"]: o for o in popolo["organizations"]}
    leaders = organizations["leaders"]
    assert "parent_id" not in leaders
    assert leaders["extras"] == {"leads": "northshire-scp"}
    assert organizations["board"]["parent_id"] == "northshire-scp"
    assert organizations["audit"]["parent_id"] == "board"


def test_what_popolo_has_no_place_for_is_left_out(popolo: Record) -> None:
    text = str(popolo)
    for words in ("Equal shares", "Youth Forum", "Child Exploitation Strategy", "By exception"):
        assert words not in text


def test_planned_chairs_of_a_chaired_group_stay_apart(data: Dataset) -> None:
    import attrs

    partnership = data.partnerships[0]
    groups = tuple(
        attrs.evolve(g, chairs=tuple(attrs.evolve(c, planned=True) for c in g.chairs))
        if g.id == "audit"
        else g
        for g in partnership.groups
    )
    changed = attrs.evolve(data, partnerships=(attrs.evolve(partnership, groups=groups),))
    popolo = check_popolo(str(export(changed, "popolo")))
    chairs = [m for m in popolo["memberships"] if m.get("organization_id") == "audit"]
    assert [m["role"] for m in chairs] == ["member"]  # its chairs are all planned
    planned = popolo["planned"]["memberships"]  # type: ignore[call-overload]
    members = [m for m in planned if m["organization_id"] == "exploitation"]
    assert [m["extras"] for m in members] == [
        {"planned": True, "derived": True},
        {"planned": True, "derived": True},
    ]


def test_some_of_a_role_is_one_seat_never_each_holder(popolo: Record) -> None:
    audit = [m for m in _of(popolo, "audit") if m["role"] == "member"]
    assert len(audit) == 1
    seat = next(p for p in popolo["posts"] if p["id"] == audit[0]["post_id"])
    assert seat["label"] == "A number of relevant agencies"
    agencies = {"schools", "north-trust", "ccgs"}
    assert not any(m.get("member", {}).get("id") in agencies for m in _of(popolo, "audit"))


def test_the_partnerships_own_members(popolo: Record) -> None:
    own = [m for m in _of(popolo, "northshire-scp") if m["role"] == "member"]
    assert [_member(m) for m in own] == [
        "dcs",
        "northshire-scp/seat-1",
        "police",
        "audit/chair-1",
    ]
    posts = {p["id"]: p for p in popolo["posts"]}
    assert posts["northshire-scp/seat-1"]["label"] == "Some of the relevant agencies"
    assert [m.get("extras") for m in own[2:]] == [{"derived": True}, {"derived": True}]


def test_a_chair_known_on_a_date(popolo: Record) -> None:
    chair = next(m for m in _of(popolo, "board") if m.get("person_id") == "sam-cole")
    assert chair["extras"] == {"known_on": "2024-09"}
    assert "start_date" not in chair
