"""A region as a folder: partnership files that each declare the organisations they
share load as one dataset with one entry per organisation; a repeat that differs is
a located error naming both places."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeguarding_model.errors import LoadError
from safeguarding_model.io import load

SHARED = """\
  - id: county-police
    name: County Police
    kind: police
  - id: county-icb
    name: NHS County
    kind: integrated-care-board
"""


def _partnership(key: str, council: str, extra: str = "") -> str:
    return f"""\
schema: safeguarding-model/2
organisations:
{SHARED}{extra}  - id: {council}
    name: {council.replace("-", " ").title()}
    kind: local-authority
partnerships:
  - id: {key}
    name: {key.upper()}
    lead_partners:
      - {{role: local-authority, organisation: {council}}}
      - {{role: integrated-care-board, organisation: county-icb}}
      - {{role: chief-officer-of-police, organisation: county-police}}
"""


def _region(tmp_path: Path, north: str, south: str) -> Path:
    (tmp_path / "north.yaml").write_text(north, encoding="utf-8")
    (tmp_path / "south.yaml").write_text(south, encoding="utf-8")
    return tmp_path


def test_files_of_a_region_may_repeat_shared_organisations_identically(tmp_path: Path) -> None:
    folder = _region(
        tmp_path,
        _partnership("north-scp", "north-council"),
        _partnership("south-scp", "south-council"),
    )
    dataset = load(folder)
    ids = [o.id for o in dataset.organisations]
    assert ids == ["county-police", "county-icb", "north-council", "south-council"]
    assert [p.id for p in dataset.partnerships] == ["north-scp", "south-scp"]
    from safeguarding_model.graph import build_graph

    graph = build_graph(dataset).graph
    partnerships = {v for _, v, k in graph.out_edges("county-police", keys=True)}
    assert {"north-scp", "south-scp"} <= partnerships  # one node serves both


def test_a_repeat_that_differs_is_located_in_both_files(tmp_path: Path) -> None:
    south = _partnership("south-scp", "south-council").replace(
        "name: County Police", "name: County Constabulary"
    )
    folder = _region(tmp_path, _partnership("north-scp", "north-council"), south)
    with pytest.raises(LoadError) as caught:
        load(folder)
    (problem,) = caught.value.problems
    text = str(problem)
    assert problem.file.endswith("south.yaml") and problem.line == 3
    assert "north.yaml:3" in text and "`name`" in text and "only identically" in text


def test_a_repeat_within_one_file_is_still_an_error(tmp_path: Path) -> None:
    text = _partnership("north-scp", "north-council", extra=SHARED.split("  - id: county-icb")[0])
    with pytest.raises(LoadError) as caught:
        load(_region(tmp_path, text, _partnership("south-scp", "south-council")))
    assert any("used twice" in str(p) for p in caught.value.problems)


def test_references_across_the_files_of_a_region_are_checked_where_written(
    tmp_path: Path,
) -> None:
    south = _partnership("south-scp", "south-council") + (
        "    escalates_to:\n      - to: north-scpp\n"
    )
    folder = _region(tmp_path, _partnership("north-scp", "north-council"), south)
    with pytest.raises(LoadError) as caught:
        load(folder)
    (problem,) = caught.value.problems
    assert problem.file.endswith("south.yaml") and "north-scp" in str(problem)
    fixed = south.replace("north-scpp", "north-scp")
    (folder / "south.yaml").write_text(fixed, encoding="utf-8")
    assert load(folder).partnerships[1].escalates_to[0].to == "north-scp"


def test_a_shipped_example_may_be_a_folder(tmp_path: Path) -> None:
    """A region ships as a folder of files, read in name order like any folder."""
    from safeguarding_model.io.files import _example_texts, _load_texts
    from safeguarding_model.io.text import DEFAULT_LIMITS

    _region(
        tmp_path,
        _partnership("north-scp", "north-council"),
        _partnership("south-scp", "south-council"),
    )
    (tmp_path / "notes.txt").write_text("not data", encoding="utf-8")
    texts = _example_texts("region", tmp_path, DEFAULT_LIMITS)
    assert [t.name for t in texts] == [
        "region/north.yaml (shipped example)",
        "region/south.yaml (shipped example)",
    ]
    assert [p.id for p in _load_texts(texts, "this folder").partnerships] == [
        "north-scp",
        "south-scp",
    ]


def test_a_file_may_include_the_files_it_builds_on(tmp_path: Path) -> None:
    """A manifest: a region file naming its partnership files, each loaded once."""
    (tmp_path / "north").mkdir()
    (tmp_path / "north" / "north.yaml").write_text(
        _partnership("north-scp", "north-council"), encoding="utf-8"
    )
    (tmp_path / "south.yaml").write_text(
        _partnership("south-scp", "south-council").replace(
            "schema: safeguarding-model/2\n",
            "schema: safeguarding-model/2\ninclude: [region.yaml]\n",
        ),
        encoding="utf-8",
    )
    region = tmp_path / "region.yaml"
    region.write_text(
        "schema: safeguarding-model/2\ninclude: [north/north.yaml, south.yaml]\n", encoding="utf-8"
    )
    dataset = load(region)
    assert [p.id for p in dataset.partnerships] == ["north-scp", "south-scp"]
    assert len(dataset.organisations) == 4  # the shared ones once


@pytest.mark.parametrize(
    ("include", "expected"),
    [
        ("include: [missing.yaml]", "no such file next to this one"),
        ("include: missing.yaml", "a list of file names"),
    ],
)
def test_a_bad_include_is_located(tmp_path: Path, include: str, expected: str) -> None:
    region = tmp_path / "region.yaml"
    region.write_text(f"schema: safeguarding-model/2\n{include}\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(region)
    (problem,) = caught.value.problems
    assert problem.line == 2 and expected in str(problem)


def test_text_given_as_text_cannot_include() -> None:
    from safeguarding_model.io import loads

    with pytest.raises(LoadError) as caught:
        loads("schema: safeguarding-model/2\ninclude: [a.yaml]\n")
    assert "no folder" in str(caught.value)
