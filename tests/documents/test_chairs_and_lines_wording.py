"""Chairs and lines as the documents give them (issue 10, items 1 and 2), in ``show``'s
text, the arrangements document as Markdown, and the same document as HTML read back
by an HTML parser: nothing said beyond the data."""

from __future__ import annotations

import pytest
from wording import Outputs, outputs, section

import safeguarding_model as sm
from safeguarding_model.model.meaning import chair_words

HEAD = """
schema: safeguarding-model/2
organisations:
  - {id: hants-council, name: Hampshire County Council, kind: local-authority}
  - {id: hants-police, name: Hampshire Constabulary, kind: police}
  - {id: hiow-icb, name: NHS Hampshire and Isle of Wight, kind: integrated-care-board}
  - {id: hwb, name: Health and Wellbeing Board, kind: board}
  - {id: csp, name: Community Safety Partnership, kind: board}
people:
  - {id: jo, name: Jo Bloggs}
  - {id: ann, name: Cllr Ann Smith}
posts:
  - {id: independent-chair, title: Independent Chair, independent: true, holder: jo}
  - {id: cabinet-member, title: Cabinet Member for Children, organisation: hants-council,
     holder: ann, elected: true, also_chairs: [hwb]}
  - {id: dcs, title: Director of Children's Services, organisation: hants-council}
"""


def partnership(body: str) -> str:
    return (
        HEAD
        + """partnerships:
  - id: hscp
    name: Hampshire Safeguarding Children Partnership
    short_name: HSCP
    regimes: [working-together-2023]
"""
        + body
    )


# --- 1. chairs -------------------------------------------------------------------------


def test_an_agency_only_chair_is_chaired_by_it_and_never_rotating_among_it() -> None:
    found = outputs(
        partnership("""    chairs: [{organisation: hants-police}]
    groups:
      - id: board
        name: Partnership Board
        kind: partnership-board
        chairs: [{organisation: hants-police}]
""")
    )
    assert "Partnership chair (1)\n  chaired by Hampshire Constabulary" in found.show
    assert "    chair: Hampshire Constabulary" in found.show
    found.everywhere("The partnership is chaired by Hampshire Constabulary.")
    assert "- Chair: Hampshire Constabulary" in section(found.markdown, "Partnership Board")
    assert "| Partnership Board | partnership board | Hampshire Constabulary |" in found.markdown
    found.nowhere("rotating")


def test_a_rotation_of_one_body_never_says_rotating_among_it() -> None:
    found = outputs(partnership("    chairs: [{rotates_among: [hants-police]}]\n"))
    words = "rotating; of those it rotates among, the data names only Hampshire Constabulary"
    assert words in found.show
    found.everywhere(words)
    found.nowhere("rotating among Hampshire Constabulary")


def test_a_chair_of_one_of_a_role_and_the_lead_partners_in_turn() -> None:
    found = outputs(
        partnership("""    chairs: [{one_of: delegated-safeguarding-partners}]
    groups:
      - id: executive
        name: Executive Group
        kind: executive-group
        chairs: [{one_of: lead-safeguarding-partners, rotates: true, rotation_period: annually}]
""")
    )
    assert "chaired by one of the delegated safeguarding partners" in found.show
    found.everywhere("The partnership is chaired by one of the delegated safeguarding partners.")
    assert "chair: the lead safeguarding partners in turn, annually" in found.show
    found.everywhere("Chair: the lead safeguarding partners in turn, annually")


@pytest.mark.parametrize(
    ("in_order", "words"),
    [
        (
            "true",
            "rotating every two years among Hampshire County Council, Hampshire "
            "Constabulary, NHS Hampshire and Isle of Wight, in that order",
        ),
        (
            "false",
            "rotating every two years among Hampshire County Council, Hampshire "
            "Constabulary, NHS Hampshire and Isle of Wight",
        ),
    ],
)
def test_a_rotation_among_several_gives_its_period_and_an_order_only_where_stated(
    in_order: str, words: str
) -> None:
    found = outputs(
        partnership(
            "    chairs:\n      - rotates_among: [hants-council, hants-police, hiow-icb]\n"
            f"        rotation_period: every two years\n        rotation_in_order: {in_order}\n"
        )
    )
    assert f"Partnership chair (1)\n  {words}\n" in found.show
    found.everywhere(f"The partnership chair is {words}.")
    if in_order == "false":
        found.nowhere("in that order")


def test_co_chairs_and_vice_chairs_named_or_not_named() -> None:
    found = outputs(
        partnership("""    chairs:
      - {role: co-chair, post: independent-chair}
      - {role: co-chair, organisation: hants-council}
      - {role: vice-chair, person: jo}
      - {role: vice-chair, text: A vice-chair is appointed from the relevant agencies.}
""")
    )
    assert "  co-chair: Jo Bloggs, Independent Chair\n" in found.show
    assert "  co-chaired by Hampshire County Council\n" in found.show
    assert "  vice-chair: Jo Bloggs\n" in found.show
    assert (
        "  vice-chair: not named (A vice-chair is appointed from the relevant agencies.)"
        in found.show
    )
    found.everywhere("The partnership co-chair is Jo Bloggs, Independent Chair.")
    found.everywhere("The partnership is co-chaired by Hampshire County Council.")
    found.everywhere("The partnership vice-chair is Jo Bloggs.")
    found.everywhere("A vice-chair is appointed from the relevant agencies.")
    found.everywhere("The partnership vice-chair is not named.")


def test_a_chair_nominated_by_a_body_and_a_person_without_a_post() -> None:
    found = outputs(
        partnership("""    groups:
      - id: executive
        name: Executive Group
        kind: executive-group
        chairs: [{person: jo}]
      - id: audit
        name: Audit Group
        kind: subgroup
        reports_to: [{to: executive}]
        chairs: [{nominated_by: executive}]
      - id: learning
        name: Learning Group
        kind: subgroup
        reports_to: [{to: executive}]
        chairs: [{post: dcs, nominated_by: hants-police}]
""")
    )
    assert "    chair: Jo Bloggs\n" in found.show
    assert "    chair: a member nominated by the Executive Group\n" in found.show
    nominated = (
        "Director of Children's Services, Hampshire County Council (holder not stated), "
        "nominated by the Hampshire Constabulary"
    )
    assert f"    chair: {nominated}\n" in found.show
    found.everywhere("Chair: Jo Bloggs")
    found.everywhere("Chair: a member nominated by the Executive Group")
    found.everywhere(f"Chair: {nominated}")


@pytest.mark.parametrize(
    "scrutiny",
    [
        "    scrutineers: [{post: independent-chair}]\n",
        "    scrutiny: [{kind: independent-scrutineer, by: [independent-chair]}]\n",
        "    scrutiny: [{kind: independent-chair}]\n",  # names no one: the chair
    ],
    ids=["scrutineers", "a scrutineer mechanism", "an independent-chair mechanism"],
)
def test_an_independent_chair_who_is_also_the_scrutineer(scrutiny: str) -> None:
    found = outputs(partnership("    chairs: [{post: independent-chair}]\n" + scrutiny))
    words = "Jo Bloggs, Independent Chair (also the independent scrutineer)"
    assert f"Partnership chair (1)\n  {words}\n" in found.show
    found.everywhere(f"The partnership chair is {words}.")


def test_a_chair_who_is_not_the_scrutineer_is_not_said_to_be() -> None:
    found = outputs(
        partnership("""    chairs: [{post: dcs}]
    scrutineers: [{post: independent-chair}]
    scrutiny: [{kind: young-scrutineers, by: [dcs]}]
""")
    )
    found.nowhere("also the independent scrutineer")
    found.everywhere("The independent scrutineer is Jo Bloggs.")


def test_a_post_held_by_an_elected_member_that_chairs_a_body_outside() -> None:
    found = outputs(
        partnership("""    groups:
      - id: board
        name: Partnership Board
        kind: partnership-board
        chairs: [{post: cabinet-member}]
        members: [{post: cabinet-member}]
""")
    )
    words = (
        "Cllr Ann Smith, Cabinet Member for Children, Hampshire County Council (an elected "
        "member; also chairs the Health and Wellbeing Board)"
    )
    assert f"chair: {words}" in found.show
    found.everywhere(f"Chair: {words}")
    membership = section(found.markdown, "Partnership Board")
    assert "an elected member; also chairs the Health and Wellbeing Board" in membership


def test_the_graph_and_the_documents_share_the_chair_words() -> None:
    dataset = sm.loads(
        partnership("    chairs: [{one_of: lead-safeguarding-partners, rotates: true}]\n")
    )
    [chair] = dataset.partnerships[0].chairs
    words = chair_words(chair, lambda key: dataset.name_of(key))
    assert words == "the lead safeguarding partners in turn"
    [info] = sm.build_graph(dataset).chairs("hscp").bodies[0].chairs
    assert info.description == words


# --- 2. lines -------------------------------------------------------------------------

LINES = partnership("""    reports_to:
      - {to: hwb, kind: for-information, cadence: annually}
    groups:
      - id: forum
        name: Lead Partners Forum
        kind: leadership-group
      - id: executive
        name: Executive Group
        kind: executive-group
        reports_to: [{to: forum}]
      - id: board
        name: Partnership Board
        kind: partnership-board
        reports_to: [{to: executive, cadence: quarterly}]
      - id: learning
        name: Learning Inquiry Group
        kind: subgroup
        parent: board
        meets: quarterly
        meets_text: at least three times a year
        reports_to:
          - to: board
            cadence: quarterly
            cadence_text: bi-monthly and as required
          - to: hwb
            alternatives: [csp]
            kind: for-information
            condition: by exception
          - to: executive
            kind: advises
            subject: analysis of findings for the Yearly Report
        escalates_to: [{to: executive, condition: by exception}]
    lines:
      - by: dcs
        to: learning
        kind: for-information
        cadence: quarterly
        subject: data relating to key safeguarding processes
""")


@pytest.fixture(scope="module")
def lines() -> Outputs:
    return outputs(LINES)


def test_each_line_says_what_it_means(lines: Outputs) -> None:
    found = lines
    assert "    reports to: Partnership Board (bi-monthly and as required)" in found.show
    assert (
        "    reports for information to: Health and Wellbeing Board and/or Community Safety "
        "Partnership (by exception)"
    ) in found.show
    assert (
        "    advises: Executive Group; sends: analysis of findings for the Yearly Report"
        in found.show
    )
    assert "    escalates to: Executive Group (by exception)" in found.show
    learning = section(found.markdown, "Learning Inquiry Group")
    assert "- Reports to: Partnership Board (bi-monthly and as required)" in learning
    assert (
        "- Reports for information to: Health and Wellbeing Board and/or Community Safety "
        "Partnership (by exception)"
    ) in learning
    assert "- Advises: Executive Group; sends: analysis of findings for the Yearly Report" in (
        learning
    )
    found.everywhere(
        "Learning Inquiry Group reports for information to Health and Wellbeing Board "
        "and/or Community Safety Partnership (by exception)."
    )
    # in the table's column of reporting lines, a line that only informs or advises says so
    cell = next(
        cell for cell in found.html.blocks if cell.startswith("Partnership Board (bi-monthly")
    )
    assert cell == (
        "Partnership Board (bi-monthly and as required); reports for information to Health "
        "and Wellbeing Board and/or Community Safety Partnership (by exception); advises "
        "Executive Group"
    )  # what each line sends is in the group's section


def test_the_documents_words_for_a_cadence_come_before_the_known_value(lines: Outputs) -> None:
    found = lines
    assert "    meets: at least three times a year" in found.show
    found.everywhere("Meets: at least three times a year")
    learning = section(found.markdown, "Learning Inquiry Group")
    assert "quarterly" not in learning


def test_the_partnerships_own_lines_and_lines_from_other_bodies(lines: Outputs) -> None:
    found = lines
    assert (
        "Lines from the partnership\n  reports for information to Health and Wellbeing Board "
        "(annually)"
    ) in found.show
    found.everywhere("The HSCP reports for information to Health and Wellbeing Board (annually).")
    from_dcs = (
        "Director of Children's Services, Hampshire County Council (holder not stated) reports "
        "for information to Learning Inquiry Group (quarterly"
    )
    assert from_dcs + "); sends: data relating to key safeguarding processes" in found.show
    found.everywhere(from_dcs + "); sends: data relating to key safeguarding processes.")


def test_a_leadership_group_is_above_the_partnership_not_among_its_subgroups(
    lines: Outputs,
) -> None:
    found = lines
    assert (
        "Leadership above the partnership (1)\n  Lead Partners Forum [leadership group]\n"
        "    above the partnership: the top of its accountability\nGroups (3)\n"
    ) in found.show
    structure = section(found.markdown, "Leadership Above the Partnership")
    assert "at the top of its accountability (not one of its subgroups)" in structure
    assert "- Lead Partners Forum" in structure
    assert "\n| Lead Partners Forum |" not in found.markdown  # not a row of the groups' table
    found.everywhere("Lead Partners Forum stands above the partnership, at the top of its ")
    found.nowhere("Lead Partners Forum: its reporting line")
