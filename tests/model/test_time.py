"""Dates as precise as the source, the view on a date, and the review schedule."""

from __future__ import annotations

import pytest

from safeguarding_model.errors import UsageError
from safeguarding_model.model import (
    Dataset,
    FieldError,
    FormerName,
    Group,
    GroupKind,
    Instrument,
    Member,
    Organisation,
    OrganisationKind,
    PartialDate,
    Partnership,
    Regime,
    RelevantAgency,
    ReviewSchedule,
    Succession,
    SuccessionKind,
)
from safeguarding_model.model.dates import parse_date, span_of
from safeguarding_model.model.meaning import dates_words, partners_word, regimes_text
from safeguarding_model.model.values import ConsistencyError

D = PartialDate.from_string


@pytest.mark.parametrize(
    ("written", "first", "last"),
    [
        ("2024", (2024, 1, 1), (2024, 12, 31)),
        ("2024-02", (2024, 2, 1), (2024, 2, 29)),
        ("by 2024-12", (1800, 1, 1), (2024, 12, 31)),
        ("before 2020", (1800, 1, 1), (2019, 12, 31)),
        ("before 2020-03-01", (1800, 1, 1), (2020, 2, 29)),
        ("after 2019", (2020, 1, 1), (2999, 12, 31)),
        ("after 2023-12-31", (2024, 1, 1), (2999, 12, 31)),
        ("2023-04 to 2024-03", (2023, 4, 1), (2024, 3, 31)),
        ("2019 to 2020", (2019, 1, 1), (2020, 12, 31)),
    ],
)
def test_a_date_covers_every_day_it_could_mean(
    written: str, first: tuple[int, int, int], last: tuple[int, int, int]
) -> None:
    date = D(written)
    assert (date.first_day(), date.last_day()) == (first, last)
    assert str(date) == written  # written back as the user wrote it


@pytest.mark.parametrize(
    "written", ["by", "2024 to", "by 2024 to 2025", "about 2021", "2023 - 2024"]
)
def test_a_date_written_otherwise_is_refused_with_the_forms(written: str) -> None:
    with pytest.raises(FieldError) as caught:
        D(written)
    assert "2024" in caught.value.expected


def test_a_range_that_ends_before_it_starts_says_so() -> None:
    with pytest.raises(FieldError, match="on or after its start"):
        D("2025 to 2024")


def test_a_year_span_written_as_documents_write_it_is_suggested() -> None:
    assert PartialDate.suggestion("2023-24") == "2023 to 2024"
    assert PartialDate.suggestion("2099/00") == "2099 to 2100"
    with pytest.raises(UsageError, match="write it 2023 to 2024"):
        parse_date("2023-24")


def test_an_asked_date_may_be_a_bound() -> None:
    assert span_of("by 2020") == ((1800, 1, 1), (2020, 12, 31))
    with pytest.raises(UsageError, match="not a date"):
        parse_date("in 2020")


def test_dates_in_words_are_as_precise_as_the_source() -> None:
    assert dates_words(D("2019-06"), None) == "from 2019-06"
    assert dates_words(None, D("2022-06-30")) == "to 2022-06-30"
    assert dates_words(D("2019"), D("2024-08")) == "2019 to 2024-08"
    assert dates_words(D("by 2019"), D("2024")) == "starting by 2019, to 2024"
    assert dates_words(D("2019"), D("by 2024-12")) == "from 2019, ending by 2024-12"
    assert dates_words(None, D("2023-04 to 2024-03")) == "ending 2023-04 to 2024-03"
    assert dates_words(None, None) == ""


def test_a_planned_entry_has_no_end() -> None:
    with pytest.raises(ConsistencyError, match="planned"):
        Member(text="a seat", planned=True, end=D("2025"))


def test_the_next_review_counts_on_from_the_last_listed() -> None:
    schedule = ReviewSchedule(reviews=(D("2025-12"), D("2028")), then_every_years=3)
    assert str(schedule.next_due((2024, 9, 1))) == "2025-12"
    assert str(schedule.next_due((2026, 1, 1))) == "2028"
    assert str(schedule.next_due((2029, 1, 1))) == "2031"
    assert str(schedule.next_due((2031, 12, 31))) == "2031"
    assert str(schedule.next_due((2032, 1, 1))) == "2034"
    assert ReviewSchedule(reviews=(D("2025"),)).next_due((2026, 1, 1)) is None


def _partnership(**fields: object) -> Partnership:
    values: dict[str, object] = {"id": "scp", "name": "Example SCP"}
    values.update(fields)
    return Partnership(**values)  # type: ignore[arg-type]


def test_regimes_in_words_and_the_partners_they_name() -> None:
    old = Regime(instrument=Instrument.WORKING_TOGETHER_2018, end=D("2024-08"))
    new = Regime(instrument=Instrument.WORKING_TOGETHER_2023, start=D("2024-09"))
    p = _partnership(regimes=(old, new))
    assert p.guidance is Instrument.WORKING_TOGETHER_2023
    assert regimes_text(p) == (
        "Working Together to Safeguard Children 2018 (to 2024-08) and "
        "Working Together to Safeguard Children 2023 (from 2024-09)"
    )
    assert partners_word(p) == "lead safeguarding partners"
    on_2020 = Dataset(partnerships=(p,)).as_of("2020").partnerships[0]
    assert partners_word(on_2020) == "safeguarding partners"
    silent = _partnership()
    assert silent.guidance is None and regimes_text(silent) == "not stated"
    assert partners_word(silent) == "safeguarding partners"


def test_nothing_stands_before_a_partnership_starts_or_its_arrangements_take_effect() -> None:
    dataset = Dataset(partnerships=(_partnership(start=D("2019-06"), effective=D("2024-09")),))
    assert dataset.as_of("2019").partnerships == ()
    assert dataset.as_of("2024-08").partnerships == ()
    assert [p.id for p in dataset.as_of("2024-09").partnerships] == ["scp"]
    ended = Dataset(partnerships=(_partnership(end=D("2025-03-31")),))
    assert ended.as_of("2025-04").partnerships == ()


def _region() -> Dataset:
    ccg = Organisation(
        id="ccg",
        name="Example CCG",
        kind=OrganisationKind.CLINICAL_COMMISSIONING_GROUP,
        end=D("2022-06-30"),
    )
    icb = Organisation(
        id="icb",
        name="NHS Example",
        kind=OrganisationKind.INTEGRATED_CARE_BOARD,
        start=D("2022-07-01"),
        predecessors=(Succession(of="ccg", how=SuccessionKind.REPLACED, date=D("2022-07-01")),),
    )
    police = Organisation(
        id="police",
        name="Shire and Isle Constabulary",
        kind=OrganisationKind.POLICE,
        former_names=(FormerName(name="Shire Constabulary", end=D("2021")), "Shire Police"),
    )
    planned = Group(id="new-group", name="New Group", kind=GroupKind.SUBGROUP, planned=True)
    group = Group(
        id="board",
        name="Board",
        kind=GroupKind.PARTNERSHIP_BOARD,
        members=(
            Member(organisation="ccg"),
            Member(organisation="icb"),
            Member(text="a schools leader", planned=True),
        ),
    )
    partnership = _partnership(
        relevant_agencies=(
            RelevantAgency(organisation="ccg"),
            RelevantAgency(organisation="police"),
            RelevantAgency(organisation="icb", planned=True),
        ),
        groups=(group, planned),
    )
    return Dataset(organisations=(ccg, icb, police), partnerships=(partnership,))


def test_an_organisation_that_ended_goes_with_every_reference_to_it() -> None:
    view = _region().as_of("2023")
    assert [o.id for o in view.organisations] == ["icb", "police"]
    p = view.partnerships[0]
    assert [a.organisation for a in p.relevant_agencies] == ["police"]
    assert [m.organisation for m in p.groups[0].members] == ["icb"]


def test_what_is_planned_stands_on_no_date() -> None:
    for on in ("2019", "2023", "2030"):
        p = _region().as_of(on).partnerships[0]
        assert [g.id for g in p.groups] == ["board"]
        assert not any(m.planned for m in p.groups[0].members)
        assert not any(a.planned for a in p.relevant_agencies)


def test_an_organisation_is_named_as_it_was_on_the_date() -> None:
    names = {on: _region().as_of(on).organisations[-1].name for on in ("2020", "2021", "2022")}
    # "Shire Constabulary" until some day of 2021: surely so in 2020, not surely in 2021
    assert names == {
        "2020": "Shire Constabulary",
        "2021": "Shire and Isle Constabulary",
        "2022": "Shire and Isle Constabulary",
    }


def test_a_former_short_name_is_given_on_its_date_where_todays_is_not_stated() -> None:
    """The short name a source does not give is today's: on a date of a former name
    whose short name is known, that one is given, and no longer listed as not stated
    (the view must be a valid partnership)."""
    partnership = Partnership(
        id="p",
        name="Shire Safeguarding Children Partnership",
        former_names=(FormerName(name="Shire Children Board", short_name="SCB", end=D("2019-06")),),
        not_stated=("short_name", "groups"),
    )
    old = Dataset(partnerships=(partnership,)).as_of("2018").partnerships[0]
    assert (old.name, old.short_name, old.not_stated) == (
        "Shire Children Board",
        "SCB",
        ("groups",),
    )
    now = Dataset(partnerships=(partnership,)).as_of("2024").partnerships[0]
    assert (now.short_name, now.not_stated) == (None, ("short_name", "groups"))


def test_a_former_name_given_as_text_is_a_former_name() -> None:
    police = _region().organisations[-1]
    assert police.former_names[1] == FormerName(name="Shire Police")


def test_nothing_succeeds_itself() -> None:
    with pytest.raises(FieldError, match="nothing succeeds itself"):
        Organisation(
            id="icb",
            name="ICB",
            kind=OrganisationKind.INTEGRATED_CARE_BOARD,
            predecessors=(Succession(of="icb", how=SuccessionKind.RENAMED),),
        )


def test_a_holder_named_by_a_document_is_known_only_on_dates_that_meet_it() -> None:
    from safeguarding_model.model import Person, Post

    chair = Post(
        id="chair",
        title="Independent Chair",
        independent=True,
        holder="derek",
        acting=True,
        known_on=D("2020-09 to 2020-11"),
    )
    dataset = Dataset(people=(Person(id="derek", name="Derek Example"),), posts=(chair,))
    assert dataset.as_of("2020").posts[0].holder == "derek"
    assert dataset.as_of("2020-10").posts[0].holder == "derek"
    later_on = dataset.as_of("2024").posts[0]
    assert (later_on.holder, later_on.known_on, later_on.acting) == (None, None, False)
    assert later_on.title == "Independent Chair"  # the post is still there


def test_a_delegated_partner_goes_with_the_lead_partner_it_acts_for() -> None:
    from safeguarding_model.model import DelegatedPartner, LeadPartner, Post, StatutoryRole

    ccg = Organisation(id="ccg", name="A CCG", kind=OrganisationKind.CLINICAL_COMMISSIONING_GROUP)
    role = StatutoryRole.CLINICAL_COMMISSIONING_GROUP
    dataset = Dataset(
        organisations=(ccg,),
        posts=(Post(id="director", title="Director", organisation="ccg"),),
        partnerships=(
            _partnership(
                lead_partners=(LeadPartner(role=role, organisation="ccg", end=D("2022-06-30")),),
                delegated_partners=(DelegatedPartner(post="director", acts_for=role),),
            ),
        ),
    )
    assert len(dataset.as_of("2021").partnerships[0].delegated_partners) == 1
    assert dataset.as_of("2023").partnerships[0].delegated_partners == ()


def test_a_former_name_without_a_start_is_not_taken_to_precede_the_one_before_it() -> None:
    council = Organisation(
        id="council",
        name="New Council",
        kind=OrganisationKind.LOCAL_AUTHORITY,
        former_names=(
            FormerName(name="Middle Council", end=D("2020")),
            FormerName(name="Oldest Council", end=D("2015")),
        ),
    )
    names = {
        on: Dataset(organisations=(council,)).as_of(on).organisations[0].name
        for on in ("2010", "2015", "2017", "2020", "2022")
    }
    assert names == {
        "2010": "Oldest Council",
        "2015": "Middle Council",  # "New Council" came after 2020; of the two possible, the newer
        "2017": "Middle Council",
        "2020": "New Council",
        "2022": "New Council",
    }
