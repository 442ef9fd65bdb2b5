"""A corpus of malformed files, each with the message fragments its error must contain.

A YAML case lists its fragments in ``# expect:`` lines at its top; JSON cases (which
have no comments) list theirs in ``expectations.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safeguarding_model.errors import LoadError
from safeguarding_model.io import load

CORPUS = Path(__file__).parent / "malformed"
CASES = sorted(
    p for p in CORPUS.iterdir() if p.suffix in (".yaml", ".json") and p.name != "expectations.json"
)
JSON_EXPECTATIONS = json.loads((CORPUS / "expectations.json").read_text(encoding="utf-8"))


def expectations(path: Path) -> list[str]:
    if path.suffix == ".json":
        return list(JSON_EXPECTATIONS[path.name])
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line.removeprefix("# expect: ") for line in lines if line.startswith("# expect: ")]


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 20
    assert all(expectations(case) for case in CASES)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_each_malformed_file_gets_a_located_message(path: Path, yaml_loader: str) -> None:
    with pytest.raises(LoadError) as caught:
        load(path)
    message = str(caught.value)
    for fragment in expectations(path):
        assert fragment in message, f"{fragment!r} not in:\n{message}"
    for problem in caught.value.problems:
        assert problem.file == str(path)
