"""The collector held off while a large structure is built, and left as it was."""

from __future__ import annotations

import gc

import pytest

import safeguarding_model as sm
from safeguarding_model._collector import collector_paused


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_on_again_after_an_error() -> None:
    with pytest.raises(ValueError, match="inside"), collector_paused():
        raise ValueError("inside")
    assert gc.isenabled()


def test_a_collector_that_was_off_is_left_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_building_a_graph_leaves_the_collector_as_it_was() -> None:
    dataset = sm.load("isle-of-wight-2024")
    sm.build_graph(dataset)
    assert gc.isenabled()
    gc.disable()
    try:
        sm.build_graph(dataset)
        assert not gc.isenabled()
    finally:
        gc.enable()
