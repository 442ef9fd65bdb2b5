"""Fixtures for the document tests: the shipped datasets."""

from __future__ import annotations

import pytest

from safeguarding_model.io import load
from safeguarding_model.model import Dataset


@pytest.fixture(scope="session")
def iow() -> Dataset:
    return load("isle-of-wight-2024")


@pytest.fixture(scope="session")
def iow2019() -> Dataset:
    return load("isle-of-wight-2019")
