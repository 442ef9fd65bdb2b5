"""What changed between two versions: matched by id or by a declared predecessor, never
by name alone; every changed field named; not stated kept apart from none; planned
entries marked; the same dataset twice is no change; one dataset on two dates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_model.errors import NotFoundError, NothingStoodError, UsageError
from safeguarding_model.io import loads
from safeguarding_model.model import (
    Bound,
    Cadence,
    Change,
    ChangeHow,
    ChangeKind,
    Changes,
    Collaboration,
    Dataset,
    Duty,
    FormerName,
    Group,
    Instrument,
    Item,
    LeadPartner,
    MatchSource,
    Member,
    MemberCapacity,
    Organisation,
    OrganisationKind,
    PartialDate,
    PartialList,
    Partnership,
    PartnershipRole,
    Regime,
    RelevantAgency,
    Scope,
    ScrutinyKind,
    ScrutinyMechanism,
    StatutoryRole,
    Succession,
    SuccessionKind,
    Topic,
    changes_between,
    compare,
)
from safeguarding_model.model.changes import NOT_COMPARED, describe, facts
from strategies import datasets, partial_dates

BASE = """\
schema: safeguarding-model/2
organisations:
  - {id: council, name: Northshire Council, kind: local-authority}
  - {id: ccg, name: Northshire Clinical Commissioning Group, kind: clinical-commissioning-group}
  - {id: police, name: Northshire Police, kind: police}
  - {id: cafcass, name: Children and Family Court Advisory Service, short_name: CAFCASS, kind: court-service}
  - {id: fire, name: Northshire Fire and Rescue, kind: fire-and-rescue}
people:
  - {id: ann, name: Ann Archer}
  - {id: bob, name: Bob Baker}
posts:
  - {id: dcs, title: Director of Children's Services, organisation: council, holder: ann}
  - {id: scrutineer, title: Independent Scrutineer, independent: true}
partnerships:
  - id: northshire
    name: Northshire Safeguarding Children Partnership
    regimes: [working-together-2018]
    lead_partners:
      - {role: local-authority, organisation: council}
      - {role: clinical-commissioning-group, organisation: ccg}
      - {role: chief-officer-of-police, organisation: police}
    delegated_partners:
      - {post: dcs, acts_for: local-authority}
    scrutineers: [{post: scrutineer}]
    relevant_agencies:
      - {organisation: cafcass}
      - {organisation: fire, footnote: the fire service}
    groups:
      - id: executive
        name: Executive
        kind: executive-group
        chairs: [{post: dcs}]
        members: [{post: dcs}, {organisation: police}]
        meets: quarterly
        responsibilities: [Set the priorities]
      - id: learning
        name: Learning Group
        kind: subgroup
        reports_to: [{to: executive, cadence: quarterly}]
    not_stated: [chairs, observers]
"""


@pytest.fixture(scope="module")
def base() -> Dataset:
    return loads(BASE, name="northshire.yaml")


def with_partnership(dataset: Dataset, **changes: Any) -> Dataset:
    partnership = attrs.evolve(dataset.partnerships[0], **changes)
    return attrs.evolve(dataset, partnerships=(partnership,))


def with_group(dataset: Dataset, key: str, **changes: Any) -> Dataset:
    partnership = dataset.partnerships[0]
    groups = tuple(attrs.evolve(g, **changes) if g.id == key else g for g in partnership.groups)
    return with_partnership(dataset, groups=groups)


def with_entity(dataset: Dataset, key: str, **changes: Any) -> Dataset:
    found: dict[str, Any] = {}
    for field in ("organisations", "posts", "people"):
        entries = getattr(dataset, field)
        found[field] = tuple(attrs.evolve(e, **changes) if e.id == key else e for e in entries)
    return attrs.evolve(dataset, **found)


def adding(dataset: Dataset, *organisations: Organisation) -> Dataset:
    return attrs.evolve(dataset, organisations=(*dataset.organisations, *organisations))


def replacing_the_ccg(base: Dataset) -> tuple[Organisation, tuple[LeadPartner, ...]]:
    """An integrated care board that replaced the clinical commissioning group on
    2022-07-01, and the lead partners with it in the group's place."""
    icb = Organisation(
        id="icb",
        name="NHS Northshire",
        kind=OrganisationKind.INTEGRATED_CARE_BOARD,
        predecessors=(
            Succession(
                of="ccg", how=SuccessionKind.REPLACED, date=PartialDate(year=2022, month=7, day=1)
            ),
        ),
    )
    leads = tuple(
        attrs.evolve(lead, organisation="icb", role=StatutoryRole.INTEGRATED_CARE_BOARD)
        if lead.organisation == "ccg"
        else lead
        for lead in base.partnerships[0].lead_partners
    )
    return icb, leads


def one(changes: Changes, **where: Any) -> Change:
    found = [c for c in changes if all(getattr(c, k) == v for k, v in where.items())]
    assert len(found) == 1, (where, [describe(c) for c in changes])
    return found[0]


# --- the same thing twice --------------------------------------------------------------


def test_the_same_dataset_twice_is_no_change(base: Dataset, iow: Dataset) -> None:
    assert not compare(base, base)
    assert len(compare(iow, iow)) == 0
    assert compare(iow, iow).compared[0].new_id == "isle-of-wight-scp"


@given(datasets())
def test_no_dataset_differs_from_itself(dataset: Dataset) -> None:
    assert list(compare(dataset, dataset)) == []


def _stands_on(dataset: Dataset, *dates: PartialDate) -> bool:
    return any(
        p.id in {q.id for q in dataset.as_of(on).partnerships}
        for p in dataset.partnerships
        for on in dates
    )


@given(datasets(), partial_dates())
def test_no_dataset_differs_from_itself_on_one_date(dataset: Dataset, on: PartialDate) -> None:
    if not _stands_on(dataset, on):
        with pytest.raises(NothingStoodError):
            changes_between(dataset, on, on)
        return
    assert not changes_between(dataset, on, on)


# --- every changed field named -----------------------------------------------------------


def test_every_changed_field_is_named_with_before_and_after(base: Dataset) -> None:
    new = with_group(
        base,
        "executive",
        meets=Cadence.MONTHLY,
        members=(
            Member(post="dcs"),
            Member(organisation="police", capacity=MemberCapacity.INVITED),
        ),
        responsibilities=(Item(text="Set the priorities"), Item(text="Publish the yearly report")),
    )
    learning = new.partnerships[0].group("learning")
    line = attrs.evolve(learning.reports_to[0], cadence=Cadence.MONTHLY)
    new = with_group(new, "learning", reports_to=(line,))
    new = with_partnership(
        new,
        regimes=(Regime(instrument=Instrument.WORKING_TOGETHER_2023),),
        relevant_agencies=(
            RelevantAgency(organisation="cafcass"),
            RelevantAgency(organisation="fire", footnote="the fire and rescue service"),
        ),
    )
    new = with_entity(new, "dcs", holder="bob")
    found = {
        (c.kind, c.how, c.group, c.field, str(c.before), str(c.after)) for c in compare(base, new)
    }
    assert found == {
        (
            ChangeKind.REGIME,
            ChangeHow.CHANGED,
            None,
            "regimes",
            "Working Together to Safeguard Children 2018",
            "Working Together to Safeguard Children 2023",
        ),
        (
            ChangeKind.RELEVANT_AGENCY,
            ChangeHow.CHANGED,
            None,
            "footnote",
            "the fire service",
            "the fire and rescue service",
        ),
        (ChangeKind.POST_HOLDER, ChangeHow.CHANGED, None, "holder", "Ann Archer", "Bob Baker"),
        (ChangeKind.MEMBER, ChangeHow.CHANGED, "executive", "capacity", "member", "invited"),
        (
            ChangeKind.MEETING_CADENCE,
            ChangeHow.CHANGED,
            "executive",
            "meets",
            "quarterly",
            "monthly",
        ),
        (
            ChangeKind.RESPONSIBILITY,
            ChangeHow.ADDED,
            "executive",
            "responsibilities",
            "None",
            "Publish the yearly report",
        ),
        (ChangeKind.LINE, ChangeHow.CHANGED, "learning", "cadence", "quarterly", "monthly"),
    }
    texts = [describe(c) for c in compare(base, new)]
    assert "Executive: meetings changed from quarterly to monthly." in texts
    assert (
        "Learning Group, reports to Executive: cadence changed from quarterly to monthly." in texts
    )
    assert "Director of Children's Services: holder changed from Ann Archer to Bob Baker." in texts


def _folded(value: Any) -> Any:
    """A value with its text folded (case and spacing aside) and its lists in any order."""
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    if isinstance(value, tuple):
        return tuple(sorted((_folded(item) for item in value), key=repr))
    if attrs.has(type(value)) and not isinstance(value, PartialDate):
        fields = attrs.fields(type(value))
        return (type(value).__name__, *(_folded(getattr(value, f.name)) for f in fields))
    return value


def _differs(old: Any, new: Any) -> bool:
    return bool(_folded(facts(old)) != _folded(facts(new)))


PARTNERSHIP_LISTS = {
    ChangeKind.REGIME: "regimes",
    ChangeKind.LEAD_PARTNER: "lead_partners",
    ChangeKind.DELEGATED_PARTNER: "delegated_partners",
    ChangeKind.CHAIR: "chairs",
    ChangeKind.SCRUTINEER: "scrutineers",
    ChangeKind.RELEVANT_AGENCY: "relevant_agencies",
    ChangeKind.SECTOR_REPRESENTATION: "sector_representation",
    ChangeKind.OBSERVER: "observers",
    ChangeKind.FUNCTIONAL_LINK: "functional_links",
    ChangeKind.GROUP: "groups",
    ChangeKind.LINE: "escalates_to",  # the partnership's own lines
}
GROUP_LISTS = {
    ChangeKind.GROUP_CHAIR: {"chairs"},
    ChangeKind.MEMBER: {"members"},
    ChangeKind.MEETING_CADENCE: {"meets"},
    ChangeKind.LINE: {"reports_to", "escalates_to"},
    ChangeKind.RESPONSIBILITY: {"objectives", "responsibilities"},
}


def _names_partnership_field(change: Change, field: str) -> bool:
    if change.group is not None:
        return field == "groups"
    if field == "short_name" and change.field == "name":
        return True  # a rename says both names, short names and all
    return change.field == field or PARTNERSHIP_LISTS.get(change.kind) == field


def _names_group_field(change: Change, field: str) -> bool:
    if field == "short_name" and change.field == "name":
        return True
    return change.field == field or field in GROUP_LISTS.get(change.kind, set())


def _compared(value: Any) -> Any:
    """Groups without the fields that are not compared (``not_stated`` and the like say
    how far the rest is given; a value unknown in both versions is no change)."""
    if isinstance(value, tuple) and all(isinstance(item, Group) for item in value):
        bookkeeping = {f.name for f in attrs.fields(Group)} & NOT_COMPARED - {"id"}
        return tuple(attrs.evolve(g, **dict.fromkeys(bookkeeping, ())) for g in value)
    return value


def _by_short_name(old: Any, new: Any) -> bool:
    """One version names the body by the other's short name (and the newer records no
    former name for it): not a rename, and its names are no change."""
    fold = _folded
    short = fold(old.name) == fold(new.short_name) or fold(new.name) == fold(old.short_name)
    formers = getattr(new, "former_names", ())
    return short and not any(fold(f.name) == fold(old.name) for f in formers)


def _names_kept_end(changes: Changes, kept: Partnership | Group) -> bool:
    """The end the newer version gives a predecessor it keeps beside its successor is
    named by the succession (as ``predecessor_end``)."""
    return any(
        c.match is MatchSource.PREDECESSOR and c.old_id == kept.id and c.predecessor_end == kept.end
        for c in changes
    )


@pytest.mark.slow
@given(datasets(), datasets())
def test_for_generated_pairs_every_changed_field_is_named(old: Dataset, new: Dataset) -> None:
    changes = compare(old, new)
    olds = {p.id: p for p in old.partnerships}
    for partnership in new.partnerships:
        before = olds.get(partnership.id)
        own = changes.of(partnership.id)
        if before is None:  # one added, or one that follows another
            assert [c.how for c in own] == [ChangeHow.ADDED] or (
                own[0].match is MatchSource.PREDECESSOR and own[0].new_id == partnership.id
            )
            continue
        same_groups = {g.id for g in before.groups} == {g.id for g in partnership.groups}
        for field in attrs.fields(Partnership):
            if field.name in NOT_COMPARED or (field.name == "groups" and same_groups):
                continue  # the same groups: each is checked field by field below
            if _differs(
                _compared(getattr(before, field.name)), _compared(getattr(partnership, field.name))
            ):
                assert (
                    any(_names_partnership_field(c, field.name) for c in own)
                    or (field.name == "end" and _names_kept_end(changes, partnership))
                    or (field.name == "name" and _by_short_name(before, partnership))
                ), field.name
        old_groups = {g.id: g for g in before.groups}
        for group in partnership.groups:
            earlier = old_groups.get(group.id)
            if earlier is None:
                continue
            in_group = [c for c in own if c.group == group.id]
            for field in attrs.fields(Group):
                if field.name in NOT_COMPARED:
                    continue
                if _differs(getattr(earlier, field.name), getattr(group, field.name)):
                    assert (
                        any(_names_group_field(c, field.name) for c in in_group)
                        or (field.name == "end" and _names_kept_end(changes, group))
                        or (field.name in ("name", "short_name") and _by_short_name(earlier, group))
                    ), field.name
    renamed = {c.old_id for c in changes if c.how is ChangeHow.RENAMED}
    news = {o.id: o for o in new.organisations}
    for organisation in old.organisations:
        later = news.get(organisation.id)
        if later is not None and _differs(organisation.name, later.name):
            assert organisation.id in renamed or _by_short_name(organisation, later)


# --- matching: by id, by a declared predecessor, never by name alone ----------------------


def test_an_organisation_renamed_under_one_id_is_renamed_with_both_names(base: Dataset) -> None:
    new = with_entity(
        base,
        "cafcass",
        name="Cafcass",
        short_name=None,
        former_names=("Children and Family Court Advisory Service",),
    )
    change = one(compare(base, new), kind=ChangeKind.RELEVANT_AGENCY)
    assert change.how is ChangeHow.RENAMED
    assert change.match is MatchSource.FORMER_NAME
    assert (change.old_name, change.new_name) == (
        "Children and Family Court Advisory Service (CAFCASS)",
        "Cafcass",
    )
    assert (change.old_id, change.new_id) == ("cafcass", "cafcass")
    assert (
        describe(change)
        == "Children and Family Court Advisory Service (CAFCASS) was renamed Cafcass."
    )


def test_a_rename_without_a_former_name_is_matched_by_id_and_dated_when_the_data_dates_it(
    base: Dataset,
) -> None:
    new = with_entity(base, "police", name="Northshire and Southby Police")
    change = one(compare(base, new), kind=ChangeKind.LEAD_PARTNER)
    assert (change.how, change.match) == (ChangeHow.RENAMED, MatchSource.SAME_ID)
    # no version records a renaming: the newer one only names it differently
    assert describe(change) == "Northshire Police is now named Northshire and Southby Police."
    dated = with_entity(
        new,
        "police",
        former_names=(FormerName(name="Northshire Police", end=PartialDate(year=2021, month=3)),),
    )
    change = one(compare(base, dated), kind=ChangeKind.LEAD_PARTNER)
    assert change.match is MatchSource.FORMER_NAME and str(change.date) == "2021-03"
    assert describe(change).endswith("(the former name until 2021-03).")


def test_a_body_one_version_names_by_the_others_short_name_is_not_renamed(
    base: Dataset,
) -> None:
    old = with_group(base, "learning", name="Learning Group")
    new = with_group(
        base, "learning", name="Learning and Inquiry Group", short_name="Learning Group"
    )
    assert not compare(old, new)
    assert not compare(new, old)
    renamed = with_group(base, "learning", name="Learning and Inquiry Group")
    assert [describe(c) for c in compare(old, renamed)] == [
        "Learning Group is now named Learning and Inquiry Group."
    ]


def test_a_lead_partner_replaced_by_a_declared_successor_is_replaced_not_removed_and_added(
    base: Dataset,
) -> None:
    icb, leads = replacing_the_ccg(base)
    new = with_partnership(adding(base, icb), lead_partners=leads)
    new = attrs.evolve(new, organisations=tuple(o for o in new.organisations if o.id != "ccg"))
    changes = compare(base, new)
    change = one(changes, kind=ChangeKind.LEAD_PARTNER)
    assert change.how is ChangeHow.REPLACED
    assert (change.match, change.succession) == (MatchSource.PREDECESSOR, SuccessionKind.REPLACED)
    assert (change.old_id, change.new_id) == ("ccg", "icb")
    assert describe(change) == (
        "Northshire Clinical Commissioning Group (clinical commissioning group) was replaced by "
        "NHS Northshire (integrated care board) on 2022-07-01."
    )
    assert not [c for c in changes if c.how in (ChangeHow.ADDED, ChangeHow.REMOVED)]
    # declared in the older version only, it matches just the same
    old = adding(base, icb)
    assert one(compare(old, new), kind=ChangeKind.LEAD_PARTNER).how is ChangeHow.REPLACED


def test_the_same_name_under_another_id_is_never_matched(base: Dataset) -> None:
    twin = Organisation(
        id="fire-2", name="Northshire Fire and Rescue", kind=OrganisationKind.FIRE_AND_RESCUE
    )
    new = with_partnership(
        adding(base, twin),
        relevant_agencies=(
            RelevantAgency(organisation="cafcass"),
            RelevantAgency(organisation="fire-2"),
        ),
    )
    found = [(c.how, c.old_id, c.new_id) for c in compare(base, new)]
    assert found == [(ChangeHow.ADDED, None, "fire-2"), (ChangeHow.REMOVED, "fire", None)]


def _groups(*groups: Group) -> Callable[[Dataset], Dataset]:
    def change(dataset: Dataset) -> Dataset:
        return with_partnership(dataset, groups=groups)

    return change


def test_groups_merged_into_one_are_one_sentence(base: Dataset) -> None:
    kind = base.partnerships[0].groups[0].kind
    a = Group(id="a", name="Neglect Group", kind=kind)
    b = Group(id="b", name="Exploitation Group", kind=kind)
    merged = Group(
        id="c",
        name="Vulnerable Children Group",
        kind=kind,
        predecessors=(
            Succession(of="a", how=SuccessionKind.MERGED, date=PartialDate(year=2023)),
            Succession(of="b", how=SuccessionKind.MERGED, date=PartialDate(year=2023)),
        ),
    )
    changes = compare(_groups(a, b)(base), _groups(merged)(base))
    assert [(c.how, c.succession, c.old_id, c.new_id) for c in changes] == [
        (ChangeHow.REPLACED, SuccessionKind.MERGED, "a", "c"),
        (ChangeHow.REPLACED, SuccessionKind.MERGED, "b", "c"),
    ]
    from safeguarding_model.documents.changes import bullets

    assert bullets(changes) == [
        "Neglect Group and Exploitation Group were merged into Vulnerable Children Group in 2023."
    ]


def test_a_group_split_in_two_is_one_sentence(base: Dataset) -> None:
    kind = base.partnerships[0].groups[0].kind
    whole = Group(id="a", name="Learning and Training Group", kind=kind)
    parts = [
        Group(
            id=key,
            name=name,
            kind=kind,
            predecessors=(Succession(of="a", how=SuccessionKind.SPLIT),),
        )
        for key, name in (("learning", "Learning Group"), ("training", "Training Group"))
    ]
    changes = compare(_groups(whole)(base), _groups(*parts)(base))
    assert {(c.how, c.succession, c.old_id) for c in changes} == {
        (ChangeHow.REPLACED, SuccessionKind.SPLIT, "a")
    }
    from safeguarding_model.documents.changes import bullets

    assert bullets(changes) == [
        "Learning and Training Group was split into Learning Group and Training Group."
    ]


def test_partnerships_merged_into_an_all_age_partnership_are_one_sentence() -> None:
    old = Dataset(
        partnerships=(
            Partnership(id="children", name="Northshire Safeguarding Children Partnership"),
            Partnership(id="adults", name="Northshire Safeguarding Adults Board"),
        )
    )
    when = PartialDate(year=2024, month=4)
    merged = Partnership(
        id="all-age",
        name="Northshire Safeguarding Partnership",
        scope=Scope.ALL_AGE,
        predecessors=tuple(
            Succession(of=key, how=SuccessionKind.MERGED, date=when)
            for key in ("children", "adults")
        ),
    )
    changes = compare(old, Dataset(partnerships=(merged,)))
    assert [(c.how, c.succession, c.old_id, c.new_id) for c in changes] == [
        (ChangeHow.REPLACED, SuccessionKind.MERGED, "children", "all-age"),
        (ChangeHow.REPLACED, SuccessionKind.MERGED, "adults", "all-age"),
    ]
    assert [c.new_id for c in changes.compared] == ["all-age"]
    from safeguarding_model.documents.changes import bullets

    assert bullets(changes) == [
        "Northshire Safeguarding Children Partnership and Northshire Safeguarding Adults Board "
        "were merged into Northshire Safeguarding Partnership in 2024-04."
    ]


def test_a_partnership_split_in_two_is_compared_with_each_part(base: Dataset) -> None:
    whole = base.partnerships[0]
    split = (Succession(of=whole.id, how=SuccessionKind.SPLIT),)
    east = attrs.evolve(whole, id="east", name="East Partnership", predecessors=split)
    west = attrs.evolve(whole, id="west", name="West Partnership", predecessors=split, groups=())
    changes = compare(base, attrs.evolve(base, partnerships=(east, west)))
    assert [c.new_id for c in changes.compared] == ["east", "west"]
    assert [(c.how, c.succession) for c in changes.of("east")] == [
        (ChangeHow.REPLACED, SuccessionKind.SPLIT)
    ]
    assert [(c.kind, c.how) for c in changes.of("west")] == [
        (ChangeKind.PARTNERSHIP, ChangeHow.REPLACED),
        (ChangeKind.GROUP, ChangeHow.REMOVED),
        (ChangeKind.GROUP, ChangeHow.REMOVED),
    ]
    from safeguarding_model.documents.changes import bullets

    assert bullets(c for c in changes if c.kind is ChangeKind.PARTNERSHIP) == [
        "Northshire Safeguarding Children Partnership was split into East Partnership and West "
        "Partnership."
    ]


COUNCIL = """\
schema: safeguarding-model/2
organisations:
  - {id: la, name: Council, kind: local-authority}
partnerships:
"""

MERGED_BEFORE = (
    COUNCIL
    + """\
  - {id: children, name: Children Partnership, scope: children,
     lead_partners: [{organisation: la, role: local-authority}]}
  - {id: adults, name: Adults Board, lead_partners: [{organisation: la, role: local-authority}]}
"""
)

MERGED_AFTER = (
    COUNCIL
    + """\
  - {id: children, name: Children Partnership, end: 2023-03-31}
  - {id: adults, name: Adults Board, end: 2023-03-31}
  - id: all-age
    name: All Age Partnership
    scope: all-age
    lead_partners: [{organisation: la, role: local-authority}]
    predecessors:
      - {of: children, how: merged, date: 2023-04-01}
      - {of: adults, how: merged, date: 2023-04-01}
"""
)


def test_a_merge_is_found_where_the_newer_file_keeps_the_ended_predecessors() -> None:
    """The loader requires a predecessor in the same file, so the newer file holds the
    partnerships merged, ended: their ends are part of the merge, not changes. What the
    older file said of them and the newer does not is not given now (never removed):
    each is compared with itself too, under its own id."""
    old, new = loads(MERGED_BEFORE), loads(MERGED_AFTER)
    merge = [
        (ChangeHow.REPLACED, SuccessionKind.MERGED, "children", "all-age", "2023-03-31"),
        (ChangeHow.REPLACED, SuccessionKind.MERGED, "adults", "all-age", "2023-03-31"),
    ]
    for key in (None, "all-age", "children", "All Age Partnership"):
        changes = compare(old, new, partnership=key)
        found = [
            (c.how, c.succession, c.old_id, c.new_id, str(c.predecessor_end))
            for c in changes.of("all-age")
        ]
        assert found == merge, key
    changes = compare(old, new)
    assert [c.new_id for c in changes.compared] == ["children", "adults", "all-age"]
    kept = [describe(c) for c in changes.of("children")]
    assert kept == ["Safeguarding partners: Council (local authority) before; now not given."]
    assert [c.new_id for c in compare(old, new, partnership="all-age").compared] == ["all-age"]
    from safeguarding_model.documents.changes import bullets

    assert bullets(changes.of("all-age")) == [
        "Children Partnership and Adults Board were merged into All Age Partnership on 2023-04-01."
    ]


def test_the_end_of_a_kept_predecessor_is_said_where_the_date_does_not_say_it() -> None:
    """The end of the ended entry the newer file keeps goes with the succession: left out
    where the succession's date implies it (the day before, or the same date), said
    where it does not."""
    later = MERGED_AFTER.replace(
        "end: 2023-03-31}\n  - {id: adults", "end: 2022-12}\n  - {id: adults"
    )
    changes = compare(loads(MERGED_BEFORE), loads(later))
    from safeguarding_model.documents.changes import bullets

    assert bullets(changes.of("all-age")) == [
        "Children Partnership (to 2022-12) and Adults Board were merged into All Age "
        "Partnership on 2023-04-01."
    ]


def test_a_group_replaced_where_the_newer_file_keeps_it_ended_is_replaced() -> None:
    def version(groups: str) -> Dataset:
        return loads(
            "schema: safeguarding-model/2\n"
            "partnerships:\n  - id: scp\n    name: Some Partnership\n    groups:\n" + groups
        )

    old = version("      - {id: old, name: Old Group, kind: subgroup}\n")
    new = version(
        "      - {id: old, name: Old Group, kind: subgroup, end: 2022}\n"
        "      - {id: new, name: New Group, kind: subgroup, "
        "predecessors: [{of: old, how: replaced, date: 2022}]}\n"
    )
    assert [describe(c) for c in compare(old, new)] == [
        "Old Group was replaced by New Group in 2022."
    ]


SUCCEEDED = """\
schema: safeguarding-model/2
organisations:
  - {id: la, name: Council, kind: local-authority}
  - {id: ccg, name: A CCG, kind: clinical-commissioning-group, end: 2022-06-30}
  - {id: icb, name: An ICB, kind: integrated-care-board, start: 2022-07-01,
     predecessors: [{of: ccg, how: replaced, date: 2022-07-01}]}
partnerships:
  - id: scp
    name: Some Partnership
    lead_partners:
      - {organisation: la, role: local-authority}
      - {organisation: ccg, role: clinical-commissioning-group, end: 2022-06-30}
      - {organisation: icb, role: integrated-care-board, start: 2022-07-01}
    groups:
      - id: board
        name: Board
        kind: partnership-board
        members:
          - {organisation: ccg, capacity: member, end: 2022-06-30}
          - {organisation: ccg, capacity: observer, end: 2022-06-30}
          - {organisation: icb, capacity: member, start: 2022-07-01}
          - {organisation: icb, capacity: observer, start: 2022-07-01}
"""


def test_a_succession_is_found_between_two_dates_though_each_view_holds_one_side() -> None:
    """The view on 2021 holds the clinical commissioning group only, that on 2023 the
    integrated care board only (and not its predecessor): still one replaced by the
    other, matched by the dataset's successions. Found by its id or its name."""
    dataset = loads(SUCCEEDED)
    for key in (None, "scp", "Some Partnership"):
        changes = changes_between(dataset, "2021", "2023", partnership=key)
        assert [(c.kind, c.how, c.old_id, c.new_id) for c in changes] == [
            (ChangeKind.LEAD_PARTNER, ChangeHow.REPLACED, "ccg", "icb"),
            (ChangeKind.MEMBER, ChangeHow.REPLACED, "ccg", "icb"),
            (ChangeKind.MEMBER, ChangeHow.REPLACED, "ccg", "icb"),
        ], key


def test_entries_that_share_a_successor_are_paired_one_to_one() -> None:
    """Two older entries naming one organisation and two newer naming its successor
    are two replacements, each with its own capacity: not four, nor invented changes."""
    dataset = loads(SUCCEEDED)
    changes = compare(dataset.as_of("2021"), dataset)
    members = [describe(c) for c in changes if c.kind is ChangeKind.MEMBER]
    assert members == [
        "Board: A CCG was replaced by An ICB on 2022-07-01.",
        "Board: A CCG (observer) was replaced by An ICB (observer) on 2022-07-01.",
    ]


# --- not stated is never none -------------------------------------------------------------


def test_what_was_not_stated_and_now_is_given_says_so(base: Dataset) -> None:
    new = with_partnership(
        base,
        chairs=(attrs.evolve(base.partnerships[0].groups[0].chairs[0]),),
        not_stated=("observers",),
    )
    change = one(compare(base, new), kind=ChangeKind.CHAIR)
    assert (change.how, change.not_stated_before) == (ChangeHow.ADDED, True)
    assert describe(change) == (
        "Partnership chair: not stated before; now Ann Archer, Director of Children's Services, "
        "Northshire Council."
    )
    back = one(compare(new, base), kind=ChangeKind.CHAIR)
    assert (back.how, back.not_stated_after) == (ChangeHow.REMOVED, True)
    assert describe(back).endswith("before; now not stated.")
    assert "none" not in describe(change) + describe(back)


def test_a_list_not_stated_and_now_given_as_empty_is_not_none_before(base: Dataset) -> None:
    new = with_partnership(base, not_stated=("chairs",))  # observers: given, and none listed
    change = one(compare(base, new), kind=ChangeKind.OBSERVER)
    assert (change.how, change.not_stated_before, change.field) == (
        ChangeHow.CHANGED,
        True,
        "observers",
    )
    assert describe(change) == "Participating observers: not stated before; now none given."
    reverse = one(compare(new, base), kind=ChangeKind.OBSERVER)
    assert describe(reverse) == "Participating observers: none given before; now not stated."


def test_an_entry_a_partial_list_leaves_out_is_not_removed(base: Dataset) -> None:
    """A list a version gives only in part may hold, unlisted, what the other lists."""
    partial = (PartialList(field="relevant_agencies", text="including"),)
    fewer = with_partnership(
        base, relevant_agencies=(RelevantAgency(organisation="cafcass"),), partial=partial
    )
    assert [describe(c) for c in compare(base, fewer)] == [
        "Relevant agency: Northshire Fire and Rescue before; now not stated."
    ]
    assert [describe(c) for c in compare(fewer, base)] == [
        "Relevant agency: not stated before; now Northshire Fire and Rescue."
    ]
    listed = attrs.evolve(fewer, partnerships=(attrs.evolve(fewer.partnerships[0], partial=()),))
    assert [describe(c) for c in compare(base, listed)] == [
        "Relevant agency removed: Northshire Fire and Rescue."
    ]


def test_a_value_unknown_in_both_versions_is_no_change(base: Dataset) -> None:
    """Not stated in one version and not given in the other: unknown in both."""
    unstated = with_partnership(base, not_stated=("chairs", "observers", "thresholds"))
    assert not compare(base, unstated)
    assert not compare(unstated, base)
    given = with_partnership(base, effective=PartialDate(year=2019))
    unstated = with_partnership(base, not_stated=("chairs", "observers", "effective"))
    assert [describe(c) for c in compare(unstated, given)] == [
        "Date the arrangements took effect not stated before; now 2019."
    ]


def test_a_group_field_not_stated_before_is_so_described(base: Dataset) -> None:
    old = with_group(base, "executive", meets=None, not_stated=("meets",))
    change = one(compare(old, base), kind=ChangeKind.MEETING_CADENCE)
    assert change.not_stated_before and describe(change) == (
        "Executive: meetings not stated before; now quarterly."
    )


def test_a_collaboration_a_file_says_nothing_of_is_not_stated_not_added(base: Dataset) -> None:
    """An older file that holds no collaboration at all is silent about them: a
    collaboration in the newer one was not stated before, never added (nor, the other
    way, removed). A file that holds collaborations, but none with the partnership,
    says the partnership was in none."""
    hips = Collaboration(id="hips", name="Four Areas", members=("northshire",))
    new = attrs.evolve(base, collaborations=(hips,))
    change = one(compare(base, new), field="collaborations")
    assert (change.how, change.not_stated_before) == (ChangeHow.ADDED, True)
    assert describe(change) == "Collaboration: not stated before; now Four Areas."
    back = one(compare(new, base), field="collaborations")
    assert describe(back) == "Collaboration: Four Areas before; now not stated."
    other = attrs.evolve(base, collaborations=(attrs.evolve(hips, id="other", members=()),))
    assert describe(one(compare(other, new), field="collaborations")) == (
        "Collaboration added: Four Areas."
    )


def test_a_change_to_an_entry_that_names_a_post_names_the_post_not_its_holder(
    base: Dataset,
) -> None:
    """The holder of a post may differ between versions: a change to the scrutineer's
    functions is the post's, not that of the person who holds it now."""
    scrutineer = attrs.evolve(
        base.partnerships[0].scrutineers[0], functions=(Item(text="Scrutinise"),)
    )
    new = with_entity(with_partnership(base, scrutineers=(scrutineer,)), "scrutineer", holder="bob")
    texts = [describe(c) for c in compare(base, new)]
    assert texts == [
        "Independent Scrutineer: functions not given before; now Scrutinise.",
        "Independent Scrutineer: holder not stated before; now Bob Baker.",
    ]


def test_the_dates_of_one_statutory_regime_are_named_by_it(base: Dataset) -> None:
    """The same guidance with a date given in one version only is that date not given,
    not the guidance changed; undated in both is no change."""
    dated = with_partnership(
        base,
        regimes=(
            Regime(
                instrument=Instrument.WORKING_TOGETHER_2018, start=PartialDate(year=2019, month=6)
            ),
        ),
    )
    assert [describe(c) for c in compare(dated, base)] == [
        "Working Together to Safeguard Children 2018: start 2019-06 before; now not given."
    ]
    undated = with_partnership(
        base, regimes=(Regime(instrument=Instrument.WORKING_TOGETHER_2018, text="as we read it"),)
    )
    assert not compare(base, undated)
    assert [describe(c) for c in compare(base, dated)] == [
        "Working Together to Safeguard Children 2018: start not given before; now 2019-06."
    ]


def test_an_organisations_other_facts_are_compared_with_before_and_after(base: Dataset) -> None:
    new = with_entity(
        base,
        "fire",
        short_name="NFRS",
        kind=OrganisationKind.OTHER,
        parent="council",
        start=PartialDate(year=2001),
        end=PartialDate(year=2030, month=3),
    )
    found = [
        (c.kind, c.topic, c.partnership, c.field, str(c.before), str(c.after), describe(c))
        for c in compare(base, new)
    ]
    organisation, topic = ChangeKind.ORGANISATION, Topic.ORGANISATIONS
    assert found == [
        (
            organisation,
            topic,
            None,
            "short_name",
            "None",
            "NFRS",
            "Northshire Fire and Rescue (NFRS): short name not given before; now NFRS.",
        ),
        (
            organisation,
            topic,
            None,
            "kind",
            "fire and rescue",
            "other",
            "Northshire Fire and Rescue (NFRS): kind changed from fire and rescue to other.",
        ),
        (
            organisation,
            topic,
            None,
            "parent",
            "None",
            "Northshire Council",
            "Northshire Fire and Rescue (NFRS): part of not given before; now Northshire Council.",
        ),
        (
            organisation,
            topic,
            None,
            "start",
            "None",
            "2001",
            "Northshire Fire and Rescue (NFRS): start not given before; now 2001.",
        ),
        (
            organisation,
            topic,
            None,
            "end",
            "None",
            "2030-03",
            "Northshire Fire and Rescue (NFRS): end not given before; now 2030-03.",
        ),
    ]


def test_the_end_of_an_organisation_a_successor_followed_goes_with_the_succession(
    base: Dataset,
) -> None:
    """The newer version keeps the clinical commissioning group, ended, beside the
    integrated care board that replaced it: one change, its end in the record."""
    icb, leads = replacing_the_ccg(base)
    new = with_entity(
        with_partnership(adding(base, icb), lead_partners=leads),
        "ccg",
        end=PartialDate(year=2022, month=6, day=30, bound=Bound.BY),
    )
    [change] = compare(base, new)
    assert (change.how, str(change.predecessor_end)) == (ChangeHow.REPLACED, "by 2022-06-30")
    assert describe(change).endswith("on 2022-07-01.")
    unlisted = attrs.evolve(
        new, partnerships=(attrs.evolve(new.partnerships[0], lead_partners=()),)
    )
    early = with_entity(unlisted, "ccg", end=PartialDate(year=2021))
    replaced = one(compare(base, early), kind=ChangeKind.ORGANISATION)
    assert describe(replaced) == (
        "Northshire Clinical Commissioning Group (to 2021) was replaced by NHS Northshire on "
        "2022-07-01."
    )


def test_a_posts_tenure_is_compared_and_a_new_holders_goes_with_the_holder(base: Dataset) -> None:
    dated = with_entity(base, "dcs", start=PartialDate(year=2019, month=4))
    assert [describe(c) for c in compare(base, dated)] == [
        "Director of Children's Services: start of the holder's tenure not given before; now 2019-04."
    ]
    named = with_entity(base, "dcs", holder="bob", known_on=PartialDate(year=2024))
    assert [describe(c) for c in compare(dated, named)] == [
        "Director of Children's Services: holder changed from Ann Archer to Bob Baker.",
        "Director of Children's Services: date of the document that names the holder not given "
        "before; now 2024.",
    ]


def test_a_collaborations_own_groups_are_compared_once(base: Dataset) -> None:
    """Under the first partnership compared that is a member; a collaboration has no
    not_stated, so a list of groups one version leaves empty is not given there."""
    kind = base.partnerships[0].groups[0].kind
    executive = Group(id="hips-executive", name="HIPS Executive", kind=kind)
    hips = Collaboration(id="hips", name="Four Areas", short_name="HIPS", members=("northshire",))
    old = attrs.evolve(base, collaborations=(hips,))
    new = attrs.evolve(base, collaborations=(attrs.evolve(hips, groups=(executive,)),))
    [change] = compare(old, new)
    assert (change.topic, change.partnership, change.field) == (
        Topic.COLLABORATIONS,
        "northshire",
        "groups",
    )
    assert describe(change) == "Four Areas (HIPS): groups: not given before; now HIPS Executive."
    later = attrs.evolve(
        new,
        collaborations=(
            attrs.evolve(
                hips,
                groups=(
                    attrs.evolve(executive, meets=Cadence.MONTHLY),
                    Group(id="hips-health", name="HIPS Health", kind=kind),
                ),
            ),
        ),
    )
    from safeguarding_model.documents.changes import bullets

    assert bullets(compare(new, later)) == [
        "HIPS Executive: meetings not given before; now monthly.",
        "Four Areas (HIPS): group added: HIPS Health.",
    ]


# --- planned, dated, and on two dates -------------------------------------------------


def test_a_planned_entry_is_reported_as_planned(base: Dataset) -> None:
    executive = base.partnerships[0].group("executive")
    seat = Member(
        text="a senior leader from the schools", planned=True, start=PartialDate(year=2025)
    )
    new = with_group(base, "executive", members=(*executive.members, seat))
    change = one(compare(base, new), kind=ChangeKind.MEMBER)
    assert (change.how, change.planned) == (ChangeHow.ADDED, True)
    assert (
        describe(change)
        == "Executive: member planned: a senior leader from the schools (from 2025)."
    )


DATED = """\
schema: safeguarding-model/2
organisations:
  - id: police
    name: Northshire and Southby Police
    kind: police
    former_names: [{name: Northshire Police, end: 2021-03-31}]
people:
  - {id: ann, name: Ann Archer}
  - {id: bob, name: Bob Baker}
posts:
  - {id: first-chair, title: Independent Chair, independent: true, holder: ann, end: 2022-03}
  - {id: second-chair, title: Partnership Chair, independent: true, holder: bob, start: 2022-04}
partnerships:
  - id: northshire
    name: Northshire Safeguarding Children Partnership
    regimes: [{instrument: working-together-2018, end: 2024-08}, {instrument: working-together-2023, start: 2024-09}]
    lead_partners: [{role: chief-officer-of-police, organisation: police}]
    chairs:
      - {post: first-chair, end: 2022-03}
      - {post: second-chair, start: 2022-04}
    groups:
      - {id: neglect, name: Neglect Group, kind: subgroup, end: 2022-12}
      - {id: board, name: Partnership Board, kind: partnership-board, start: 2021}
"""


def test_one_dataset_on_two_dates() -> None:
    dataset = loads(DATED, name="dated.yaml")
    changes = changes_between(dataset, "2020", "2024-10")
    assert (str(changes.old_on), str(changes.new_on)) == ("2020", "2024-10")
    texts = [describe(c) for c in changes]
    assert texts == [
        "Statutory guidance changed from Working Together to Safeguard Children 2018 (to 2024-08) "
        "to Working Together to Safeguard Children 2023 (from 2024-09).",
        "Northshire Police was renamed Northshire and Southby Police (the former name until 2021-03-31).",
        "Partnership chair changed from Ann Archer, Independent Chair to Bob Baker, Partnership Chair.",
        "Group added: Partnership Board (from 2021).",
        "Group removed: Neglect Group (to 2022-12).",
    ]
    assert [c.topic for c in changes] == [
        Topic.PARTNERSHIP,
        Topic.PARTNERS,
        Topic.CHAIR,
        Topic.GROUPS,
        Topic.GROUPS,
    ]
    assert not changes_between(dataset, "2024-10", "2025")


# --- order, choosing a partnership, size ---------------------------------------------


def test_changes_come_in_the_order_of_the_arrangements(iow2019: Dataset, iow: Dataset) -> None:
    topics = [c.topic for c in compare(iow2019, iow)]
    assert topics == sorted(topics, key=list(Topic).index)
    groups = [c.new_id for c in compare(iow2019, iow) if c.kind is ChangeKind.GROUP]
    assert groups == [g.id for g in iow.partnerships[0].groups]


def test_a_partnership_must_be_in_both_versions(base: Dataset, iow: Dataset) -> None:
    assert compare(base, base, partnership="Northshire Safeguarding Children Partnership") == (
        compare(base, base)
    )
    with pytest.raises(UsageError, match="'isle-of-wight-scp' is only in the newer version"):
        compare(base, iow, partnership="isle-of-wight-scp")
    with pytest.raises(NotFoundError, match="no partnership 'nowhere' in either version"):
        compare(base, iow, partnership="nowhere")


def test_a_partnership_in_one_version_only_is_added_or_removed(base: Dataset, iow: Dataset) -> None:
    both = base.merged(iow)
    changes = compare(base, both)
    assert [(c.kind, c.how, c.new_id) for c in changes.of("isle-of-wight-scp")] == [
        (ChangeKind.PARTNERSHIP, ChangeHow.ADDED, "isle-of-wight-scp")
    ]
    assert not changes.of("northshire")


def test_many_agencies_added_removed_and_replaced_are_each_named(base: Dataset) -> None:
    """Agencies added and removed, and agencies each replaced by a successor (the
    succession pass), compared and written as a document (how long it takes as the
    model grows is measured in benchmarks/bench_diff.py, never asserted here)."""
    from safeguarding_model.documents.changes import changes_document

    def agencies(n: int, prefix: str, follows: str | None = None) -> Dataset:
        organisations = tuple(
            Organisation(
                id=f"{prefix}-{i}",
                name=f"Agency {i}",
                kind=OrganisationKind.OTHER,
                predecessors=(Succession(of=f"{follows}-{i}", how=SuccessionKind.REPLACED),)
                if follows
                else (),
            )
            for i in range(n)
        )
        return with_partnership(
            adding(base, *organisations),
            relevant_agencies=tuple(RelevantAgency(organisation=o.id) for o in organisations),
        )

    old, new, later = agencies(300, "old"), agencies(300, "new"), agencies(300, "later", "old")
    assert len(compare(old, new)) == 2 * 300
    replaced = compare(old, later)
    assert len(replaced) == 300
    assert {c.how for c in replaced} == {ChangeHow.REPLACED}
    assert changes_document(replaced).sections


def test_an_end_is_never_said_to_have_passed() -> None:
    """A comparison has no date of its own: an end may be still to come."""

    def version(agencies: str) -> Dataset:
        return loads(
            "schema: safeguarding-model/2\norganisations:\n"
            "  - {id: school, name: A School, kind: other}\n"
            "partnerships:\n  - {id: scp, name: Some Partnership, relevant_agencies: ["
            + agencies
            + "]}\n"
        )

    texts = [
        describe(c)
        for entry in (
            "{organisation: school, end: 2030-03}",
            "{organisation: school, start: 2019, end: by 2030-03}",
        )
        for c in compare(version(""), version(entry))
    ]
    assert texts == [
        "Relevant agency added: A School (to 2030-03).",
        "Relevant agency added: A School (from 2019, ending by 2030-03).",
    ]


def test_on_two_dates_the_dates_come_in_order_and_something_must_stand() -> None:
    dataset = loads(DATED, name="dated.yaml")
    with pytest.raises(
        UsageError, match=r"the earlier date \(2024\) is after the later one \(2020\)"
    ):
        changes_between(dataset, "2024", "2020")
    assert not changes_between(dataset, "2020", "2020-06")  # overlapping dates are in order
    started = loads(
        DATED.replace(
            "    name: Northshire Safeguarding",
            "    start: 2019\n    name: Northshire Safeguarding",
        )
    )
    with pytest.raises(NothingStoodError, match="no partnership stood in 2010 or in 2018"):
        changes_between(started, "2010", "2018")
    with pytest.raises(NothingStoodError, match="'northshire' did not stand in 2018"):
        changes_between(started, "2018", "2020", partnership="northshire")
    assert [c.how for c in changes_between(started, "2018", "2020")] == [ChangeHow.ADDED]


@given(st.data())
def test_generated_versions_compare_on_any_two_dates(data: st.DataObject) -> None:
    """Every change's subject is in one of the two views, and a date compared with
    itself is no change."""
    dataset = data.draw(datasets())
    first, second = data.draw(partial_dates()), data.draw(partial_dates())
    if first.first_day() > second.last_day():
        with pytest.raises(UsageError, match="is after the later one"):
            changes_between(dataset, first, second)
        first, second = second, first
    if not _stands_on(dataset, first, second):
        with pytest.raises(NothingStoodError, match="no partnership stood"):
            changes_between(dataset, first, second)
        return
    changes = changes_between(dataset, first, second)
    views = (dataset.as_of(first), dataset.as_of(second))
    ids = {key for view in views for key in view.index()}
    for change in changes:
        assert describe(change).endswith(".")
        assert change.partnership is None or change.partnership in ids, change
        assert change.old_id is None or change.old_id in ids, change
        assert change.new_id is None or change.new_id in ids, change
    if _stands_on(dataset, first):
        assert not changes_between(dataset, first, first)


# --- the shipped Isle of Wight arrangements, 2019 to 2024 -----------------------------


def test_the_isle_of_wight_2019_to_2024_as_a_business_manager_would_write_it(
    iow2019: Dataset, iow: Dataset
) -> None:
    """The changes the issue names: the clinical commissioning group replaced by the
    integrated care board, the constabulary renamed, a partnership chair where 2019
    stated none, the groups given where 2019 did not state them, and relevant agencies
    added and removed, with renames matched by id."""
    from safeguarding_model.documents.changes import bullets, date_words

    changes = compare(iow2019, iow)
    changes_text = [describe(c) for c in changes]
    by_topic = {
        topic: bullets([c for c in changes if c.topic is topic], date_words) for topic in Topic
    }
    assert (
        "Hampshire and Isle of Wight Partnership of Clinical Commissioning Groups (clinical "
        "commissioning group) was replaced by NHS Hampshire and Isle of Wight (integrated care "
        "board) on 1 July 2022."
    ) in by_topic[Topic.PARTNERS]
    assert (
        "Hampshire Constabulary was renamed Hampshire and Isle of Wight Constabulary."
        in by_topic[Topic.PARTNERS]
    )
    assert by_topic[Topic.CHAIR] == [
        "Partnership chair: not stated before; now Ashley Whittaker, Director of Children's "
        "Services, Isle of Wight Council."
    ]
    groups = "; ".join(
        f"{g.name} ({g.short_name})" if g.short_name else g.name for g in iow.partnership().groups
    )
    assert f"Groups: not stated before; now {groups}." in by_topic[Topic.GROUPS]
    agencies = by_topic[Topic.RELEVANT_AGENCIES]
    # 2024 names by its short name what 2019 named in full, recording no former name
    assert not [text for text in changes_text if "CAFCASS" in text]
    added = next(text for text in agencies if text.startswith("Relevant agencies added: "))
    removed = next(text for text in agencies if text.startswith("Relevant agencies removed: "))
    assert "CAMHS" in added and "Coroner's Office" in added
    assert "Lay Members" in removed and "Portsmouth Diocese" in removed

    leads = [c for c in changes if c.kind is ChangeKind.LEAD_PARTNER]
    assert not [c for c in leads if c.how in (ChangeHow.ADDED, ChangeHow.REMOVED)]
    replaced = one(changes, kind=ChangeKind.LEAD_PARTNER, how=ChangeHow.REPLACED)
    assert (replaced.match, replaced.succession, replaced.old_id, replaced.new_id) == (
        MatchSource.PREDECESSOR,
        SuccessionKind.REPLACED,
        "hampshire-and-isle-of-wight-partnership-of-ccgs",
        "nhs-hampshire-and-isle-of-wight",
    )
    renamed = one(changes, kind=ChangeKind.LEAD_PARTNER, how=ChangeHow.RENAMED)
    assert (renamed.old_name, renamed.new_name, renamed.match) == (
        "Hampshire Constabulary",
        "Hampshire and Isle of Wight Constabulary",
        MatchSource.FORMER_NAME,
    )
    chair = one(changes, kind=ChangeKind.CHAIR)
    assert (chair.how, chair.not_stated_before) == (ChangeHow.ADDED, True)
    relevant = [c for c in changes if c.kind is ChangeKind.RELEVANT_AGENCY]
    added_ids = {c.new_id for c in relevant if c.how is ChangeHow.ADDED}
    removed_ids = {c.old_id for c in relevant if c.how is ChangeHow.REMOVED}
    assert added_ids and removed_ids and not added_ids & removed_ids
    assert all(
        c.old_id == c.new_id and c.match in (MatchSource.SAME_ID, MatchSource.FORMER_NAME)
        for c in relevant
        if c.how is ChangeHow.RENAMED
    )
    # the way back is the same changes, the other way round
    back = compare(iow, iow2019)
    assert one(back, kind=ChangeKind.CHAIR).not_stated_after
    assert not [
        c for c in back if c.kind is ChangeKind.LEAD_PARTNER and c.how is ChangeHow.REPLACED
    ]


# --- lists of entries compared entry by entry ------------------------------------------


def test_duties_and_scrutiny_are_compared_entry_by_entry_and_their_points_one_by_one(
    base: Dataset,
) -> None:
    """A list of structured entries is never given as one dump of both versions: each
    entry is matched (a duty by whose it is, a scrutiny mechanism by its kind and name),
    its points are compared one by one, and entries added or removed are named."""
    agencies = Duty(
        of=PartnershipRole.RELEVANT_AGENCIES,
        items=(Item(text="Engage fully"), Item(text="Provide information")),
    )
    audits = ScrutinyMechanism(kind=ScrutinyKind.MULTI_AGENCY_AUDIT, name="multi-agency audits")
    old = with_partnership(base, duties=(agencies,), scrutiny=(audits,))
    changed = attrs.evolve(agencies, items=(Item(text="Engage fully"), Item(text="Audit")))
    youth = ScrutinyMechanism(
        kind=ScrutinyKind.YOUNG_SCRUTINEERS, name="youth forum", by=("police",)
    )
    new = with_partnership(base, duties=(changed,), scrutiny=(audits, youth))
    assert [describe(c) for c in compare(old, new)] == [
        "Duties of the relevant agencies: point added: Audit.",
        "Duties of the relevant agencies: point removed: Provide information.",
        "Scrutiny mechanism added: youth forum (young scrutineers), by Northshire Police.",
    ]
    assert not compare(new, new)


def test_the_isle_of_wight_scrutiny_duties_and_lines_from_2019_to_2024_entry_by_entry(
    iow2019: Dataset, iow: Dataset
) -> None:
    from safeguarding_model.documents.changes import bullets, date_words

    changes = compare(iow2019, iow)
    by_topic = {
        topic: bullets([c for c in changes if c.topic is topic], date_words) for topic in Topic
    }
    scrutiny = by_topic[Topic.SCRUTINY]
    assert (
        "Scrutiny mechanism independent scrutineer: by not given before; now Scott MacKechnie, "
        "Independent Scrutineer." in scrutiny
    )
    added = next(text for text in scrutiny if text.startswith("Scrutiny mechanisms added: "))
    assert "multi-agency audits (multi agency audit)" in added
    partnership = by_topic[Topic.PARTNERSHIP]
    assert (
        "Duties added: of the delegated safeguarding partners (3 points); of the partnership "
        "chair (2 points); of the relevant agencies (6 points); of the relevant agencies."
    ) in partnership
    # the 2019 page describes no groups, so lines between them are not stated then
    lines = next(text for text in partnership if text.startswith("Lines: not stated before; now "))
    assert (
        "Multi Agency Safeguarding Hub (MASH) to Executive Group (accountable to, quarterly)"
        in (lines)
    )
    for text in partnership + scrutiny:  # entry by entry: no list given as one dump
        assert "; text: " not in text and "; items: " not in text, text
