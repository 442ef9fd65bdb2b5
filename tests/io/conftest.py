"""Fixtures for the reading tests: each YAML case runs with libyaml's parser and with
PyYAML's pure-Python one, which PyYAML falls back to when it is built without libyaml."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml

from safeguarding_model.io import yaml_reading

LOADERS = {"libyaml": getattr(yaml, "CSafeLoader", None), "pure-python": yaml.SafeLoader}


@pytest.fixture(params=sorted(LOADERS))
def yaml_loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Read YAML with each of PyYAML's parsers in turn."""
    loader = LOADERS[request.param]
    if loader is None:
        pytest.skip("this PyYAML is built without libyaml")
    monkeypatch.setattr(yaml_reading, "_Loader", loader)
    yield request.param
