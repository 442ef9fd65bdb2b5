"""Properties of the graph on generated models: a deterministic build, every
reference an edge, views that exclude what they should, and queries that never crash."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_model.graph import EdgeKind, NodeKind, build_graph
from safeguarding_model.io import dumps, loads
from safeguarding_model.model import Dataset
from safeguarding_model.model.values import check_id, check_ids, optional_id
from strategies import datasets

REFERENCE_VALIDATORS = (check_id, optional_id, check_ids)


def _snapshot(dataset: Dataset) -> tuple[list[Any], list[Any]]:
    graph = build_graph(dataset).graph
    return list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True))


@given(datasets())
def test_two_builds_are_identical(dataset: Dataset) -> None:
    assert _snapshot(dataset) == _snapshot(dataset)


@given(datasets())
def test_a_reloaded_dataset_builds_the_same_graph(dataset: Dataset) -> None:
    assert _snapshot(loads(dumps(dataset))) == _snapshot(dataset)


E = EdgeKind
# Every reference field of the model and the edge kinds that stand for it. A new
# reference field fails the property below until it is added here (and to the build).
EDGE_OF_FIELD: dict[tuple[str, str], tuple[EdgeKind, ...]] = {
    ("Organisation", "parent"): (E.PART_OF,),
    ("Post", "organisation"): (E.POST_IN,),
    ("Post", "holder"): (E.HOLDS_POST,),
    ("LeadPartner", "organisation"): (E.LEAD_PARTNER_OF,),
    ("LeadPartner", "post"): (E.LEAD_PARTNER_OF,),
    ("DelegatedPartner", "post"): (E.DELEGATED_PARTNER_OF,),
    ("Chair", "post"): (E.CHAIRS,),
    ("Chair", "nominated_by"): (E.NOMINATES_CHAIR,),
    ("Chair", "rotates_among"): (E.CHAIRS,),
    ("Scrutineer", "post"): (E.SCRUTINISES,),
    ("Area", "local_authorities"): (E.AREA_OF,),
    ("RelevantAgency", "organisation"): (E.RELEVANT_AGENCY_OF,),
    ("SectorRepresentation", "sector"): (E.REPRESENTED_IN,),
    ("SectorRepresentation", "via"): (E.REPRESENTS,),
    ("SectorRepresentation", "groups"): (E.MEMBER_OF,),
    ("Observer", "post"): (E.OBSERVES,),
    ("Observer", "organisation"): (E.OBSERVES,),
    ("FunctionalLink", "organisation"): (E.LINKED_TO,),
    ("Group", "parent"): (E.PART_OF,),
    ("Group", "joint_with"): (E.JOINT_WITH,),
    ("Member", "post"): (E.MEMBER_OF,),
    ("Member", "organisation"): (E.MEMBER_OF,),
    ("Member", "chair_of"): (E.CHAIR_MEMBER_OF,),
    ("Line", "to"): (E.REPORTS_TO, E.ESCALATES_TO),
    ("SupportInKind", "organisation"): (E.SUPPORTS_IN_KIND,),
    ("Procedures", "collaboration"): (E.FOLLOWS_PROCEDURES_OF,),
    ("Collaboration", "members"): (E.COLLABORATES_IN,),
}


def _references(value: Any, owner: str) -> Iterator[tuple[tuple[str, str], str, str, set[str]]]:
    """((class, field), entity id, referenced id, ids referenced beside it) for every
    reference in the model; the entity is the nearest one with an id."""
    if isinstance(value, tuple):
        for item in value:
            yield from _references(item, owner)
        return
    if not attrs.has(type(value)):
        return
    here = getattr(value, "id", None)
    holder = here if isinstance(here, str) else owner
    siblings: set[str] = set()
    refs: list[tuple[str, str]] = []
    for field in attrs.fields(type(value)):
        current = getattr(value, field.name)
        if field.name != "id" and field.validator in REFERENCE_VALIDATORS and current is not None:
            found = list(current) if isinstance(current, tuple) else [current]
            refs += [(field.name, ref) for ref in found]
            siblings.update(found)
        else:
            yield from _references(current, holder)
    for name, ref in refs:
        yield (type(value).__name__, name), holder, ref, siblings


@given(datasets())
def test_every_reference_in_the_model_is_an_edge(dataset: Dataset) -> None:
    graph = build_graph(dataset).graph
    for field, holder, ref, siblings in _references(dataset, ""):
        assert field in EDGE_OF_FIELD, f"no edge kind for the reference field {field}"
        keys = {kind.value for kind in EDGE_OF_FIELD[field]}
        ends = {holder} | siblings
        linked = any(
            key in graph.get_edge_data(a, b, default={})
            for end in ends
            for a, b in ((ref, end), (end, ref))
            for key in keys
        )
        assert linked, (field, holder, ref)


@given(datasets(), st.sets(st.sampled_from(EdgeKind), min_size=1))
def test_a_view_holds_exactly_the_edges_of_its_kinds(
    dataset: Dataset, kinds: set[EdgeKind]
) -> None:
    gg = build_graph(dataset)
    wanted = {k.value for k in kinds}
    view = gg.view(*kinds)
    everything = list(gg.graph.edges(keys=True))
    assert list(view.edges(keys=True)) == [e for e in everything if e[2] in wanted]
    assert all(key in wanted for _, _, key in view.edges(keys=True))
    assert list(view.nodes) == list(gg.graph.nodes)
    touched = gg.view(*kinds, incident_only=True)
    assert set(touched.nodes) == {n for u, v, k in everything if k in wanted for n in (u, v)}


@given(datasets())
def test_every_node_has_the_attributes_exporters_need(dataset: Dataset) -> None:
    graph = build_graph(dataset).graph
    kinds = {k.value for k in NodeKind}
    for _, data in graph.nodes(data=True):
        assert data["kind"] in kinds and data["label"] and data["name"]
    for _, _, key, data in graph.edges(keys=True, data=True):
        assert data["kind"] == key and EdgeKind(key)


def _check(answer: Any) -> None:
    data = answer.to_dict()
    json.dumps(data)
    assert str(answer)


@given(datasets())
def test_no_query_crashes_on_any_valid_model(dataset: Dataset) -> None:
    gg = build_graph(dataset)
    assert gg.problems == ()
    bodies = gg.nodes_of(NodeKind.GROUP, NodeKind.PARTNERSHIP, NodeKind.COLLABORATION)
    for node in gg.graph:
        assert gg.resolve(node) == node
        _check(gg.accountability(node))
    for node in gg.nodes_of(NodeKind.ORGANISATION, NodeKind.POST, NodeKind.PERSON):
        _check(gg.sits_on(node))
    for node in bodies:
        _check(gg.members(node))
        for other in bodies[:3]:
            route = gg.escalation(node, other)
            _check(route)
            if route.found:
                assert route.steps == () or route.steps[-1].target.id == other
    _check(gg.chairs())
    report = gg.structure()
    _check(report)
    assert all(f.bodies for f in report.findings)


@given(datasets())
def test_accountability_always_ends_where_no_line_goes_further(dataset: Dataset) -> None:
    gg = build_graph(dataset)
    for node in gg.nodes_of(NodeKind.GROUP):
        line = gg.accountability(node)
        assert line.steps, node  # every group answers to something
        for top in line.top:
            assert not any(
                k == "accountable-to" for _, _, k in gg.graph.out_edges(top.id, keys=True)
            )
