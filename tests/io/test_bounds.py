"""The loader's work and output stay bounded, whatever the input: a parent chain or
circle tens of thousands long, a file or folder of a million problems, thousands of
broken references each with its suggestion, values megabytes long, folders of too
many files. No test asserts a time: each counts calls or problems, or uses a size
that would take minutes or hours if the work grew faster than the input.
"""

from __future__ import annotations

import difflib
import json
import random
import string
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import safeguarding_model as sm
from safeguarding_model.errors import LoadError, closest
from safeguarding_model.io import Limits, files, references
from safeguarding_model.io.json_reading import read_json
from safeguarding_model.io.text import MAX_PROBLEMS, Collector
from safeguarding_model.io.yaml_reading import read_yaml
from safeguarding_model.model import Dataset, Organisation, OrganisationKind, Partnership

HEAD = "schema: safeguarding-model/1\n"
COUNCIL = OrganisationKind.LOCAL_AUTHORITY


def organisations(parents: list[str | None]) -> Dataset:
    """Organisations ``o0``, ``o1``... with the parents given."""
    return Dataset(
        organisations=tuple(
            Organisation(id=f"o{n}", name=f"O{n}", kind=COUNCIL, parent=parent)
            for n, parent in enumerate(parents)
        )
    )


def json_text(data: object) -> str:
    return json.dumps({"schema": "safeguarding-model/1", **data})  # type: ignore[dict-item]


# --- 1. circles of parents: one walk, each circle once -----------------------------------


def test_a_parent_chain_of_20000_is_checked_in_one_walk() -> None:
    size = 20_000  # a walk up each chain, with a list to search, would take hours
    parents: list[str | None] = [f"o{n + 1}" for n in range(size - 1)] + [None]
    assert references.check_references(organisations(parents)) == []


def test_a_parent_circle_of_20000_is_reported_once_in_bounded_words() -> None:
    size = 20_000
    parents: list[str | None] = [f"o{(n + 1) % size}" for n in range(size)]
    found = references.check_references(organisations(parents))
    assert [(p.code, p.at) for p in found] == [("parent-circle", ("organisations", 0, "parent"))]
    message = found[0].message
    assert message.startswith("O0 (`o0`), which is part of O1 (`o1`), which is part of O2 (`o2`)")
    assert f"({size - 5} more)" in message
    assert message.count("which is part of") == 6
    assert "O19999 (`o19999`), which is part of O0 (`o0`): an organisation cannot be part of" in (
        message
    )
    assert len(message) < 600 and found[0].found == "o1"


def test_each_circle_is_reported_at_its_first_member_in_file_order() -> None:
    # o0 leads into the circle o1 -> o3 -> o1 without being part of it; o2 -> o4 -> o2
    # is a second circle, found from o2, its first member.
    dataset = organisations(["o1", "o3", "o4", "o1", "o2", None])
    found = references.check_references(dataset)
    assert [(p.code, p.at, p.found) for p in found] == [
        ("parent-circle", ("organisations", 1, "parent"), "o3"),
        ("parent-circle", ("organisations", 2, "parent"), "o4"),
    ]
    assert found[0].message.startswith(
        "O1 (`o1`), which is part of O3 (`o3`), which is part of O1 (`o1`): "
    )
    assert found[1].message.startswith(
        "O2 (`o2`), which is part of O4 (`o4`), which is part of O2 (`o2`): "
    )


def test_a_circle_found_from_its_middle_is_named_from_its_first_member() -> None:
    # walking from o0 meets o2 first; the circle is o1 -> o2 -> o1, named from o1
    found = references.check_references(organisations(["o2", "o2", "o1"]))
    assert [(p.at, p.found) for p in found] == [(("organisations", 1, "parent"), "o2")]
    assert found[0].message.startswith("O1 (`o1`), which is part of O2 (`o2`), which is part of")


# --- 2. one collector: at most MAX_PROBLEMS listed per file, step or folder -------------


def check_summary(problems: tuple[sm.Problem, ...], more: int, what: str = "problems") -> None:
    assert len(problems) == MAX_PROBLEMS + 1
    summary, last = problems[-1], problems[-2]
    assert summary.code == "too-many-problems"
    assert summary.message == f"and {more} more {what}, not listed: fix these and check again"
    assert summary.found == str(more)
    assert (summary.file, summary.line, summary.column) == (last.file, last.line, last.column)
    assert sum(p.code == "too-many-problems" for p in problems) == 1


def test_a_yaml_file_of_tagged_values_lists_at_most_the_limit() -> None:
    size = 30_000
    text = HEAD + "aims:\n" + "- !!str x\n" * size
    with pytest.raises(LoadError) as caught:
        read_yaml(text, name="tags.yaml")
    check_summary(caught.value.problems, size - MAX_PROBLEMS)
    assert caught.value.problems[-1].line == MAX_PROBLEMS + 2  # at the last one listed


def test_a_json_file_of_lone_surrogates_lists_at_most_the_limit() -> None:
    size = 15_000
    text = '{"aims": [' + ",".join(['"\\ud800"'] * size) + "]}"
    with pytest.raises(LoadError) as caught:
        read_json(text, name="halves.json")
    check_summary(caught.value.problems, size - MAX_PROBLEMS)
    assert {p.code for p in caught.value.problems[:-1]} == {"lone-surrogate"}


def test_structuring_lists_at_most_the_limit_whatever_each_lists_cap() -> None:
    # 1,000 entries (within the per-list cap) each with 12 unknown fields: 12,000 problems
    entry = {"id": "x", "name": "X", "kind": "police", **{f"bad{n}": 1 for n in range(12)}}
    text = json_text({"organisations": [entry] * 1000})
    with pytest.raises(LoadError) as caught:
        sm.loads(text, format="json", name="fields.json")
    check_summary(caught.value.problems, 12_000 - MAX_PROBLEMS)
    assert caught.value.problems[0].code == "unknown-field"


@pytest.mark.slow
def test_reference_problems_list_at_most_the_limit() -> None:
    size = MAX_PROBLEMS + 50
    entries = [
        {"id": f"o{n}", "name": "O", "kind": "police", "parent": f"gone-{n}"} for n in range(size)
    ]
    with pytest.raises(LoadError) as caught:
        sm.loads(json_text({"organisations": entries}), format="json", name="refs.json")
    check_summary(caught.value.problems, 50, "problems of ids and references")


def test_a_folder_lists_at_most_the_limit_in_all(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.yaml").write_text(HEAD + "aims:\n" + "- !!str x\n" * 4000)
    with pytest.raises(LoadError) as caught:
        sm.load(tmp_path)
    check_summary(caught.value.problems, 12_000 - MAX_PROBLEMS)
    assert caught.value.problems[-1].file == str(tmp_path / "c.yaml")


def test_a_folder_counts_what_its_files_left_out(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text(HEAD + "aims:\n" + "- !!str x\n" * 12_000)
    with pytest.raises(LoadError) as caught:
        sm.load(tmp_path)
    check_summary(caught.value.problems, 24_000 - MAX_PROBLEMS)


def test_the_collector_keeps_the_first_and_counts_the_rest() -> None:
    found: Collector[sm.Problem] = Collector(most=2)
    for n in range(5):
        found.add(sm.Problem(message=f"p{n}", code="x", file="f", line=n))
    listed = found.listed()
    assert [p.message for p in listed[:2]] == ["p0", "p1"]
    assert (listed[2].code, listed[2].line, listed[2].found) == ("too-many-problems", 1, "3")
    again: Collector[sm.Problem] = Collector(most=2)
    again.extend(listed)  # a list that was cut short counts what it left out
    assert again.listed()[-1].found == "3"


# --- 3. every broken reference gets its suggestion, in linear work ---------------------


def slugs(count: int, seed: int) -> list[str]:
    """``count`` distinct ids such as ``bramwick-hollow-council``."""
    rng = random.Random(seed)
    syllables = ["bram", "wick", "holl", "ford", "ley", "stan", "mere", "dun", "ash", "ton"]
    kinds = ["council", "police", "icb", "school", "trust", "college", "service"]
    found: set[str] = set()
    while len(found) < count:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        found.add(
            f"{word}-{rng.choice(string.ascii_lowercase)}{rng.randint(0, 99)}-{rng.choice(kinds)}"
        )
    return sorted(found)


def one_edit(word: str, rng: random.Random) -> str:
    at = rng.randrange(1, len(word) - 1)
    letter = rng.choice(string.ascii_lowercase)
    return rng.choice(
        [
            word[:at] + word[at + 1 :],  # a letter left out
            word[:at] + letter + word[at:],  # a letter put in
            word[:at] + letter + word[at + 1 :],  # a letter mistyped
            word[: at - 1] + word[at] + word[at - 1] + word[at + 1 :],  # two swapped
        ]
    )


@pytest.mark.slow
def test_every_typo_among_5000_ids_gets_the_suggestion_a_full_search_gives() -> None:
    ids = slugs(5000, seed=7)
    rng = random.Random(11)
    known = set(ids)
    typos: dict[str, str] = {}
    while len(typos) < 50:
        meant = rng.choice(ids)
        typo = one_edit(meant, rng)
        if typo not in known:
            typos[typo] = meant
    entries = [{"id": key, "name": key, "kind": "police"} for key in ids]
    entries += [
        {"id": f"typo-{n}", "name": "T", "kind": "police", "parent": typo}
        for n, typo in enumerate(typos)
    ]
    with pytest.raises(LoadError) as caught:
        sm.loads(json_text({"organisations": entries}), format="json", name="national.json")
    got = {p.found: p.suggestion for p in caught.value.problems}
    assert len(got) == 50
    assert got == typos  # the first dozen only, under the old budget of comparisons
    assert all(closest(typo, ids) == meant for typo, meant in typos.items())


@pytest.fixture
def ratios(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many times difflib works out a full ratio: the costly comparison."""
    calls = [0]
    original = difflib.SequenceMatcher.ratio

    def counting(self: difflib.SequenceMatcher[str]) -> float:
        calls[0] += 1
        return original(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", counting)
    yield calls


def test_3000_broken_references_compare_each_with_a_few_ids(ratios: list[int]) -> None:
    size = 3000
    ids = slugs(size, seed=3)
    rng = random.Random(5)
    entries = [{"id": key, "name": key, "kind": "police"} for key in ids]
    broken = []
    for n, key in enumerate(ids):
        typo = one_edit(key, rng)
        broken.append(typo)
        entries.append({"id": f"typo-{n}", "name": "T", "kind": "police", "parent": typo})
    known = set(ids)
    missing = [typo for typo in broken if typo not in known]
    with pytest.raises(LoadError) as caught:
        sm.loads(json_text({"organisations": entries}), format="json", name="many.json")
    problems = caught.value.problems
    assert len(problems) == len(missing) > 2900
    assert ratios[0] <= 30 * len(missing)  # not 3,000 comparisons for each
    suggested = sum(p.suggestion is not None for p in problems)
    assert suggested == len(missing)


# --- 4. whom a delegated partner acts for is the model's decision -----------------------


DELEGATION = HEAD + (
    "organisations:\n"
    "  - {id: council, name: Council, kind: local-authority}\n"
    "  - {id: police, name: Police, kind: police}\n"
    "posts:\n"
    "  - {id: director, title: Director, organisation: council}\n"
    "partnerships:\n"
    "  - id: scp\n    name: SCP\n    guidance: working-together-2023\n"
    "    lead_partners:\n"
    "      - {organisation: council, role: local-authority}\n"
    "    delegated_partners:\n"
    "      - {post: director, acts_for: local-authority, organisation: %s}\n"
)


def test_the_loader_words_the_models_delegation_decision(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(LoadError) as caught:
        sm.loads(DELEGATION % "police", name="mine.yaml")
    problem = caught.value.problems[0]
    assert (problem.code, problem.path, problem.suggestion) == (
        "delegation-not-a-lead",
        "partnerships[0].delegated_partners[0].organisation",
        None,
    )
    assert problem.message == (
        "`director` acts for 'Police', which is not a lead partner in the role of local authority"
    )
    assert sm.loads(DELEGATION % "council").partnerships[0].delegated_partners
    # the loader asks the model, and does not decide again
    monkeypatch.setattr(Partnership, "delegation_problem", lambda self, delegated: None)
    assert sm.loads(DELEGATION % "police").partnerships[0].delegated_partners
    monkeypatch.setattr(
        Partnership, "delegation_problem", lambda self, delegated: "ambiguous-delegation"
    )
    with pytest.raises(LoadError, match="say which with `organisation:`"):
        sm.loads(DELEGATION % "council")


def test_reference_kinds_are_the_models_words() -> None:
    assert not hasattr(references, "_KIND_OF")
    text = HEAD + (
        "organisations:\n  - {id: council, name: Council, kind: local-authority}\n"
        "posts:\n  - {id: director, title: Director, organisation: council, holder: council}\n"
    )
    with pytest.raises(LoadError) as caught:
        sm.loads(text)
    problem = caught.value.problems[0]
    assert problem.code == "wrong-kind-reference"
    assert "which is an organisation, not a person" in problem.message


# --- 5. a raw control character in JSON, in the package's words --------------------------


@pytest.mark.parametrize(
    ("text", "column", "words"),
    [
        ('{"schema": "a\x01b"}', 14, "the character U+0001 in quoted text"),
        ('{"schema": "a\tb"}', 14, "the character U+0009 (a tab) in quoted text"),
        ('{"schema": 1\x02}', 13, "the character U+0002, which JSON does not allow"),
        ('{"schema": "a\nb"}', 14, "a line break in quoted text"),
    ],
)
def test_a_control_character_in_json_is_named_in_the_packages_words(
    text: str, column: int, words: str
) -> None:
    with pytest.raises(LoadError) as caught:
        sm.loads(text, format="json", name="mine.json")
    (problem,) = caught.value.problems
    assert (problem.code, problem.line, problem.column) == ("control-character", 1, column)
    assert words in problem.message
    assert "Invalid control character" not in problem.message


# --- 6. Python's own limit on long numbers, where it is lower than ours -------------------


@pytest.fixture
def python_reads_640_digits() -> Iterator[None]:
    before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(640)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(before)


@pytest.mark.usefixtures("python_reads_640_digits", "yaml_loader")
def test_a_number_past_pythons_lower_limit_is_located_in_yaml() -> None:
    text = HEAD + "aims:\n  - 12\n  - " + "1" * 1000 + "\n"
    with pytest.raises(LoadError) as caught:
        sm.loads(text, name="mine.yaml")
    (problem,) = caught.value.problems
    assert (problem.code, problem.line, problem.column, problem.path) == (
        "number-too-long",
        4,
        5,
        "aims[1]",
    )
    assert "1000 digits, more than the 640 Python is set to read here" in problem.message


@pytest.mark.usefixtures("python_reads_640_digits")
def test_a_number_past_pythons_lower_limit_is_located_in_json() -> None:
    text = '{\n"schema": "safeguarding-model/1",\n"aims": [12, ' + "1" * 1000 + "]}"
    with pytest.raises(LoadError) as caught:
        sm.loads(text, format="json", name="mine.json")
    (problem,) = caught.value.problems
    assert (problem.code, problem.line, problem.column, problem.path) == (
        "number-too-long",
        3,
        14,
        "aims[1]",
    )
    assert "1000 digits, more than the 640 Python is set to read here" in problem.message


# --- 7. values from a file are shown by their start ---------------------------------------


def test_an_alias_of_a_huge_list_used_as_a_key_is_shown_short() -> None:
    text = HEAD + "big: &x [" + "0, " * 300_000 + "0]\nother:\n  ? *x\n  : 1\n"
    with pytest.raises(LoadError) as caught:
        sm.loads(text, name="mine.yaml")
    problems = caught.value.problems
    assert [p.code for p in problems] == ["key-not-text"]
    assert len(problems[0].found or "") <= 200
    assert len(json.dumps([p.to_dict() for p in problems])) < 2000


def test_a_long_number_or_field_name_is_shown_short() -> None:
    digits = "1" * 4000  # within the limit for numbers, but not text
    text = HEAD + f"people:\n  - id: jo\n    name: {digits}\n    ? {'x' * 5000}\n    : 1\n"
    with pytest.raises(LoadError) as caught:
        sm.loads(text, name="mine.yaml")
    problems = caught.value.problems
    assert {p.code for p in problems} == {"wrong-type", "unknown-field"}
    for problem in problems:
        assert len(problem.found or "") <= 200
        assert len(problem.message) < 400
        assert len(str(problem)) < 800  # the field's path too
        assert problem.found and "..." in problem.found


def test_a_json_number_too_long_is_shown_short() -> None:
    text = '{"schema": "safeguarding-model/1", "aims": [' + "1" * 5000 + "]}"
    with pytest.raises(LoadError) as caught:
        sm.loads(text, format="json", name="mine.json")
    (problem,) = caught.value.problems
    assert problem.code == "number-too-long"
    assert len(problem.found or "") <= 200


# --- 8. a folder of too many files, or too many bytes, is refused before reading -------


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the loader reads."""
    read: list[Path] = []
    original = files._read

    def counting(path: Path, *args: object, **kwargs: object) -> object:
        read.append(path)
        return original(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "_read", counting)
    return read


def test_a_folder_of_too_many_files_is_refused_before_reading(
    tmp_path: Path, reads: list[Path]
) -> None:
    for n in range(5):
        (tmp_path / f"{n}.yaml").write_text(HEAD)
    with pytest.raises(LoadError) as caught:
        sm.load(tmp_path, limits=Limits(max_files=3))
    (problem,) = caught.value.problems
    assert (problem.code, problem.file) == ("too-many-files", str(tmp_path))
    assert "more than 3 YAML and JSON files" in problem.message
    assert reads == []


def test_a_folder_of_too_many_bytes_is_refused_before_reading(
    tmp_path: Path, reads: list[Path]
) -> None:
    for n in range(2):
        (tmp_path / f"{n}.yaml").write_text(HEAD + "organisations: []\n" + "#" * 800 + "\n")
    with pytest.raises(LoadError) as caught:
        sm.load(tmp_path, limits=Limits(max_bytes=1000, max_total_bytes=1500))
    (problem,) = caught.value.problems
    assert (problem.code, problem.file) == ("too-large", str(tmp_path))
    assert f"the files of the folder {tmp_path} hold more than 1500 bytes" in problem.message
    assert reads == []
    assert sm.load(tmp_path, limits=Limits(max_bytes=1000, max_total_bytes=2000)) == sm.Dataset()


def test_a_folder_stops_reading_at_its_limit_whatever_sizes_the_files_give(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(2):
        (tmp_path / f"{n}.yaml").write_text(HEAD + "organisations: []\n" + "#" * 800 + "\n")
    monkeypatch.setattr(files, "_file_size", lambda path: 0)  # "empty", as /proc says
    with pytest.raises(LoadError) as caught:
        sm.load(tmp_path, limits=Limits(max_bytes=1000, max_total_bytes=1500))
    (problem,) = caught.value.problems
    assert (problem.code, problem.file) == ("too-large", str(tmp_path))


def test_the_folder_limit_follows_the_file_limit() -> None:
    assert Limits().max_total_bytes == 8 * Limits().max_bytes
    assert Limits(max_bytes=100).max_total_bytes == 800
    assert Limits().max_files == 10_000
