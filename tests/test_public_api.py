"""The public API keeps its names: no function shares a name with a sub-package, so
using one part of the package never replaces another's name."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import safeguarding_model as sm

PUBLIC_NAMES = textwrap.dedent(
    """
    import inspect, json, pkgutil, types
    import safeguarding_model as sm

    def kind(value):
        if isinstance(value, types.ModuleType):
            return "module"
        if inspect.isclass(value):
            return "class"
        return "callable" if callable(value) else "value"

    before = {name: kind(getattr(sm, name)) for name in sm.__all__}
    sm.export(sm.load("isle-of-wight-2024"), "json")
    after = {name: kind(getattr(sm, name)) for name in sm.__all__}
    packages = sorted(module.name for module in pkgutil.iter_modules(sm.__path__))
    print(json.dumps({"before": before, "after": after, "packages": packages,
                      "all": sm.__all__}))
    """
)


def test_every_public_name_keeps_its_kind_after_an_export() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PUBLIC_NAMES], capture_output=True, text=True, check=True
    )
    found = json.loads(result.stdout)
    assert found["after"] == found["before"]
    assert {name for name, kind in found["before"].items() if kind == "module"} == set()
    for name in ("export", "export_to", "exporter_names", "installed_exporters", "load"):
        assert found["after"][name] == "callable", name
    assert set(found["all"]) & set(found["packages"]) == set()
    assert "exporters" in found["packages"]  # the sub-package that shadowed a function


def test_installed_exporters_lists_every_format() -> None:
    listed = sm.installed_exporters()
    assert sorted(exporter.name for exporter in listed) == sm.exporter_names()
    assert "json" in sm.exporter_names()
