"""The lists a dataset holds are declared once, on ``Dataset``, and every part of the
package that goes through all of them asks ``Dataset.collections()``."""

from __future__ import annotations

import ast
from pathlib import Path

import attrs

import safeguarding_model as sm
from safeguarding_model.model import Dataset

PACKAGE = Path(sm.__file__).parent
FIELDS = {found.field for found in Dataset.collections()}


def test_every_list_of_the_dataset_is_a_declared_collection() -> None:
    lists = {f.name for f in attrs.fields(Dataset) if f.name != "schema"}
    assert lists == FIELDS
    assert [c.noun for c in Dataset.collections()] == [
        "organisation",
        "person",
        "post",
        "partnership",
        "collaboration",
        "document",
        "plan",
        "meeting",
        "course",
        "tool",
        "contact",
    ]


def test_no_module_lists_the_collections_by_hand() -> None:
    """A literal naming two or more collections is a list that a new collection (the
    coming business plans, say) would silently miss."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "dataset.py" and path.parent.name == "model":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Tuple | ast.List | ast.Set | ast.Dict):
                items = node.keys if isinstance(node, ast.Dict) else node.elts
                named = {
                    item.value
                    for item in items
                    if isinstance(item, ast.Constant) and item.value in FIELDS
                }
                if len(named) >= 2:
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {sorted(named)}")
    assert not found, found


def test_a_folder_merges_every_collection_in_file_order(tmp_path: Path) -> None:
    shipped = sm.load("isle-of-wight-2024")
    halves = {}
    for found in Dataset.collections():
        entries = getattr(shipped, found.field)
        halves[found.field] = (entries[: len(entries) // 2], entries[len(entries) // 2 :])
    first = Dataset(**{field: pair[0] for field, pair in halves.items()})
    second = Dataset(**{field: pair[1] for field, pair in halves.items()})
    assert first.merged(second) == shipped
    sm.dump(first, tmp_path / "a.yaml")
    sm.dump(second, tmp_path / "b.yaml")
    assert sm.load(tmp_path) == shipped


def test_the_graph_has_a_node_kind_for_every_kind_of_entity() -> None:
    """``NodeKind`` is the one other list of kinds (an enum, for typed code): a new
    collection of the dataset fails here until the graph knows its kind."""
    from safeguarding_model.graph import NodeKind
    from safeguarding_model.model.names import KIND_WORDS

    assert {kind.value for kind in NodeKind} == set(KIND_WORDS.values())
