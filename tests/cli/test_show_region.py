"""``show`` of a region (issue 12): each partnership, then each collaboration once;
another partnership's groups named with their owner; what the source does not give
said so, never left blank."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from safeguarding_model.cli import main


@pytest.fixture(scope="module")
def shown() -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["show", "hips"]) == 0
    return out.getvalue()


def test_the_collaboration_is_shown_once_after_the_partnerships(shown: str) -> None:
    assert shown.count("Collaboration: Hampshire, Isle of Wight, Portsmouth and Southampton") == 1
    text = "\n" + shown
    collaboration = text.index("\nCollaboration: ")
    for name in ("Hampshire", "Portsmouth", "Southampton", "Isle of Wight"):
        assert text.index(f"\n{name} Safeguarding Children Partnership") < collaboration
    taking_part = (
        "Takes part in (shown after the partnerships): Hampshire, Isle of Wight, Portsmouth "
        "and Southampton (HIPS)"
    )
    assert shown.count(taking_part) == 4


def test_the_collaboration_in_full(shown: str) -> None:
    hips = shown[shown.index("\nCollaboration: ") :]
    assert "  background (3)\n" in hips
    assert "  outcomes (1)\n    1. The overarching outcome of these arrangements is" in hips
    assert "       - We make the best use of collective resources.\n" in hips
    # the executive's membership rule, in the document's words
    assert "      members (4):\n" in hips
    assert (
        "        the delegated safeguarding partners for the local authority of each member "
        "partnership: \"Directors of Children's Services from each of the represented local "
        "authorities."
    ) in hips
    assert (
        '        the partnership chair of each member partnership: "Partnership chair for' in hips
    )
    # its own groups need no owner named; the Isle of Wight's do
    assert "      sits under: HIPS Executive Group\n" in hips
    assert "      delivered by: Child Exploitation Delivery Subgroup (IOWSCP)\n" in hips


def test_another_partnership_s_group_is_named_with_its_owner(shown: str) -> None:
    hampshire = shown[: shown.index("\nPortsmouth Safeguarding Children Partnership\n")]
    assert "    monitored by: Child Exploitation Group (HIPS)\n" in hampshire
    assert "    delivered by: Child Exploitation Delivery Subgroup (IOWSCP)\n" in hampshire
    # its own groups are not
    assert "    delivered by: multi-agency review group\n" in hampshire


def test_unknown_facts_are_said_to_be_unknown(shown: str) -> None:
    portsmouth = shown[
        shown.index("\nPortsmouth Safeguarding Children Partnership\n") : shown.index(
            "\nSouthampton Safeguarding Children Partnership\n"
        )
    ]
    assert "Statutory guidance followed: not stated in the source.\n" in portsmouth
    assert "Follows not stated" not in shown
    assert "Groups: not stated in the source\n" in portsmouth
    assert "Partnership chair (1)\n  not named (Partnership chair for each of the LSCPs)" in (
        portsmouth
    )
    assert (
        "Delegated safeguarding partners (1 named, and others the source does not name)"
        in portsmouth
    )
    assert "  lead partners: not stated to 2022-06-30\n" in portsmouth


def test_one_partnership_of_the_region_keeps_its_collaboration(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", "hips", "--partnership", "southampton-scp"]) == 0
    out = capsys.readouterr().out
    assert "Takes part in" not in out
    assert out.count("\nCollaboration: ") == 1


def test_the_json_names_another_owner_s_group(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "hips", "--partnership", "hampshire-scp", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    plan = next(
        d
        for d in data["governed_documents"]
        if d["id"] == "hampshire-child-exploitation-delivery-plan"
    )
    [monitor] = plan["monitored_by"]
    assert monitor == {
        "id": "hips-child-exploitation-group",
        "name": "Child Exploitation Group",
        "called": "Child Exploitation Group (HIPS)",
    }
    [hips] = data["collaborations"]
    assert [m["acts_for"] for m in hips["group_members"]["hips-executive-group"]] == [
        "local-authority",
        None,
        None,
        None,
    ]
    assert len(hips["background"]) == 3 and len(hips["outcomes"][0]["points"]) == 7
