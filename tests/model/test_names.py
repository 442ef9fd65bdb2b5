"""One name resolver: ``Dataset.get``, ``Partnership.group``, the graph's ``resolve`` and
the partnership a document is about all find the same thing, or refuse in the same words."""

from __future__ import annotations

import attrs
import pytest

import safeguarding_model as sm
from safeguarding_model.documents._common import choose
from safeguarding_model.errors import AmbiguousNameError, NotFoundError, UsageError
from safeguarding_model.model import (
    Dataset,
    Group,
    GroupKind,
    GuidanceEdition,
    Organisation,
    OrganisationKind,
    Partnership,
    Post,
    Regime,
)
from safeguarding_model.model.names import Names


@pytest.mark.parametrize(
    ("key", "found"),
    [
        ("executive-group", "executive-group"),  # an id
        ("Executive   GROUP", "executive-group"),  # a name, case and spacing aside
        ("PQA", "performance-and-quality-assurance-group"),  # a short name
        ("IOWSCP", "isle-of-wight-scp"),
        ("Chief Executive, Isle of Wight Council", "council-chief-executive"),  # title, org
        ("scott mackechnie", "scott-mackechnie"),  # a person
    ],
)
def test_an_entity_is_found_by_id_or_by_any_name_it_goes_by(
    iow: Dataset, key: str, found: str
) -> None:
    assert iow.get(key).id == found
    assert sm.build_graph(iow).resolve(key) == found


def test_a_shared_name_is_refused_with_every_candidate_never_the_first(iow: Dataset) -> None:
    with pytest.raises(AmbiguousNameError) as caught:
        iow.get("chief executive")
    assert [key for key, _ in caught.value.candidates] == [
        "council-chief-executive",
        "icb-chief-executive",
    ]
    assert "Wendy Perera" in str(caught.value) and "name one by its id" in str(caught.value)
    assert isinstance(caught.value, KeyError) and isinstance(caught.value, UsageError)
    with pytest.raises(AmbiguousNameError):
        sm.build_graph(iow).resolve("chief executive")


def test_a_kind_narrows_the_search_and_an_id_of_another_kind_does_not_hide_a_name() -> None:
    dataset = Dataset(
        organisations=(Organisation(id="pqa", name="Pqa Ltd", kind=OrganisationKind.OTHER),),
        partnerships=(
            Partnership(
                id="scp",
                name="Some Partnership",
                regimes=(Regime(instrument=GuidanceEdition.WORKING_TOGETHER_2023),),
                groups=(
                    Group(
                        id="quality",
                        name="Quality Group",
                        short_name="PQA",
                        kind=GroupKind.SUBGROUP,
                    ),
                ),
            ),
        ),
    )
    names = Names(dataset)
    assert names.resolve("pqa").id == "pqa"
    assert names.resolve("pqa", Group).id == "quality"
    with pytest.raises(
        NotFoundError, match=r"Pqa Ltd \(pqa\) is an organisation; this question needs a post"
    ):
        names.resolve("pqa", Post)


def test_nothing_found_says_the_nearest_name_and_what_there_is(iow: Dataset) -> None:
    with pytest.raises(NotFoundError) as caught:
        iow.partnership("Isle of Wight Safeguarding Children Partnershp")
    assert caught.value.suggestion == "Isle of Wight Safeguarding Children Partnership"
    assert str(caught.value) == (
        "no partnership in this data has the id or name "
        "'Isle of Wight Safeguarding Children Partnershp' "
        "(did you mean `Isle of Wight Safeguarding Children Partnership`?); "
        "it has: isle-of-wight-scp"
    )
    assert isinstance(caught.value, KeyError)


def test_every_layer_asks_the_one_resolver(iow: Dataset) -> None:
    graph = sm.build_graph(iow)
    partnership = iow.partnership()
    assert choose(iow, "iowscp") is partnership
    assert iow.partnership("iowscp") is partnership
    assert graph.resolve("iowscp") == partnership.id
    assert partnership.group("learning inquiry group").id == "learning-inquiry-group"
    messages = set()
    for ask in (
        lambda: choose(iow, "hips"),
        lambda: iow.partnership("hips"),
        lambda: graph.resolve("hips", "partnership"),
    ):
        with pytest.raises(NotFoundError) as caught:
            ask()
        messages.add(str(caught.value))
    assert len(messages) == 1, messages  # one wording, whoever asks


def test_a_group_name_two_groups_share_is_refused() -> None:
    partnership = Partnership(
        id="scp",
        name="Some Partnership",
        regimes=(Regime(instrument=GuidanceEdition.WORKING_TOGETHER_2023),),
        groups=(
            Group(id="a", name="Quality Group", kind=GroupKind.SUBGROUP),
            Group(id="b", name="Quality  group", kind=GroupKind.SUBGROUP),
        ),
    )
    with pytest.raises(AmbiguousNameError, match=r"`a` .*`b`"):
        partnership.group("quality group")
    with pytest.raises(NotFoundError, match="did you mean `Quality Group`"):
        partnership.group("Qualty Group")


def test_a_name_of_several_things_none_of_the_kind_asked_lists_them(iow: Dataset) -> None:
    with pytest.raises(NotFoundError) as caught:
        sm.build_graph(iow).members("Chief Executive")
    message = str(caught.value)
    assert "`council-chief-executive`" in message and "`icb-chief-executive`" in message
    assert message.endswith("this question needs a group, partnership or collaboration")


def test_an_answer_names_its_bodies_as_every_question_does(iow: Dataset) -> None:
    chairs = sm.build_graph(iow).chairs()
    assert chairs.of("PQA").body.id == "performance-and-quality-assurance-group"
    with pytest.raises(NotFoundError, match="did you mean `Executive Group`"):
        chairs.of("Executve Group")
    assert "resolve" not in chairs.to_dict()


def test_a_dataset_of_several_partnerships_lists_them(iow: Dataset) -> None:
    two = iow.merged(Dataset(partnerships=(attrs.evolve(iow.partnership(), id="second"),)))
    with pytest.raises(UsageError, match=r"2 partnerships \(isle-of-wight-scp, second\)"):
        two.partnership()


def test_the_index_is_worked_out_once_and_each_caller_gets_its_own_copy() -> None:
    import gc

    from safeguarding_model.model.dataset import _WORKED_OUT, worked_out

    dataset = sm.load("isle-of-wight-2024")
    first = dataset.index()
    first.clear()  # the caller's to change: the next caller is not affected
    second = dataset.index()
    assert second and second is not first
    assert list(second) == [entity.id for entity in dataset.entities()]
    calls: list[int] = []

    def make(found: Dataset) -> list[int]:
        calls.append(len(found.partnerships))
        return calls

    assert worked_out(dataset, "test", make) is worked_out(dataset, "test", make)
    assert calls == [1]  # once while the dataset lives
    key = id(dataset)
    assert key in _WORKED_OUT
    del dataset, first, second
    gc.collect()
    assert key not in _WORKED_OUT  # forgotten with the dataset
