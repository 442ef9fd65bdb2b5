"""Fixtures for the exporter tests: the shipped 2024 dataset."""

from __future__ import annotations

import pytest

from safeguarding_model.io import load
from safeguarding_model.model import Dataset


@pytest.fixture(scope="session")
def iow() -> Dataset:
    return load("isle-of-wight-2024")
