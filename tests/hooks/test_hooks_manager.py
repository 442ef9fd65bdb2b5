"""The plugin core: one manager for every hook, through generic registries.

The exporters' behaviour is tested in ``tests/exporters/test_exporter_manager.py``;
these tests are about what every registry shares: a second hook (``register_rules``,
with a stand-in for the rules layer's rule class), the discovery of built-in plugins,
their precedence, and laziness."""

from __future__ import annotations

import sys
import types
from importlib import metadata
from pathlib import Path

import attrs
import pytest

from safeguarding_model.exporters import EXPORTERS, Exporter, ExporterManager
from safeguarding_model.exporters import manager as exporter_manager
from safeguarding_model.hooks import (
    ENTRY_POINT_GROUP,
    HOOKS,
    PluginError,
    PluginManager,
    Registry,
    default_manager,
    hookimpl,
)


@attrs.frozen
class Rule:
    """Stands in for the rules layer's rule (issue 11): all a registry needs is a type."""

    id: str
    edition: str = "wt2023"


RULES: Registry[Rule] = Registry(
    hook="register_rules", kind=Rule, noun="rule", name_of=lambda rule: rule.id
)


def rules_plugin(*rules: object) -> types.SimpleNamespace:
    def register_rules(register):  # type: ignore[no-untyped-def]
        for rule in rules:
            register(rule)

    return types.SimpleNamespace(register_rules=hookimpl(register_rules))


def exporters_plugin(*names: str) -> types.SimpleNamespace:
    def register_exporters(register):  # type: ignore[no-untyped-def]
        for name in names:
            register(
                Exporter(
                    name=name,
                    media_type="text/plain",
                    extension="txt",
                    description=f"the {name} test format",
                    render=lambda dataset, options: "",
                )
            )

    return types.SimpleNamespace(register_exporters=hookimpl(register_exporters))


def installed(**plugins: object) -> PluginManager:
    """A manager whose installed plugins are these objects, found through fake entry points."""
    module = types.ModuleType("fake_core_plugins")
    for name, plugin in plugins.items():
        setattr(module, name, plugin)
    sys.modules["fake_core_plugins"] = module
    points = [
        metadata.EntryPoint(name=name, value=f"fake_core_plugins:{name}", group=ENTRY_POINT_GROUP)
        for name in plugins
    ]
    return PluginManager(entry_points=lambda: points, external=True)


def test_the_hooks_are_the_specifications() -> None:
    assert HOOKS == ("register_exporters", "register_rules")


def test_a_plugin_that_implements_only_register_rules_loads_without_a_problem() -> None:
    core = installed(statutory=rules_plugin(Rule(id="chair-is-a-member")))
    exporters = ExporterManager(plugins=core)
    assert exporters.problems() == []
    assert "statutory" in [p.name for p in exporters.plugins()]
    assert "json" in exporters.names()  # the exporters are not disturbed
    assert core.items(RULES) == [Rule(id="chair-is-a-member")]
    assert core.problems() == []


def test_one_plugin_can_implement_both_hooks() -> None:
    both = types.SimpleNamespace(
        register_rules=rules_plugin(Rule(id="r1")).register_rules,
        register_exporters=exporters_plugin("both").register_exporters,
    )
    core = installed(both=both)
    assert core.names(RULES) == ["r1"]
    assert "both" in core.names(EXPORTERS)
    assert core.problems() == []


def test_the_rules_hook_is_called_only_when_rules_are_asked_for() -> None:
    calls: list[str] = []

    def register_rules(register):  # type: ignore[no-untyped-def]
        calls.append("rules")

    core = installed(lazy=types.SimpleNamespace(register_rules=hookimpl(register_rules)))
    ExporterManager(plugins=core).names()
    assert calls == []
    core.items(RULES)
    core.items(RULES)
    assert calls == ["rules"]


def test_register_checks_every_registry_the_same_way() -> None:
    core = installed(
        a_first=rules_plugin(Rule(id="same"), "not a rule", Rule(id="other")),
        b_second=rules_plugin(Rule(id="same", edition="wt2018")),
    )
    assert core.items(RULES) == [Rule(id="other"), Rule(id="same")]  # the first "same" stands
    messages = [(p.plugin, p.message) for p in core.problems()]
    assert messages == [
        ("a_first", "register() expects a Rule, found str"),
        (
            "b_second",
            "the rule name 'same' is already registered by a_first; b_second cannot register "
            "another rule of that name",
        ),
    ]


def test_register_after_the_rules_hook_returned_is_an_error() -> None:
    kept: list[object] = []

    def register_rules(register):  # type: ignore[no-untyped-def]
        kept.append(register)

    core = installed(late=types.SimpleNamespace(register_rules=hookimpl(register_rules)))
    assert core.items(RULES) == []
    with pytest.raises(PluginError, match="after register_rules returned; rules are registered"):
        kept[0](Rule(id="later"))  # type: ignore[operator]
    assert core.items(RULES) == []


def test_a_plugin_with_no_known_hook_names_both_hooks() -> None:
    core = installed(idle=types.SimpleNamespace())
    [problem] = core.problems()
    assert problem.plugin == "idle"
    assert "no function named register_exporters or register_rules" in problem.message
    assert "from safeguarding_model.plugin import hookimpl" in problem.message


def test_a_misspelt_rules_hook_without_the_marker_is_named() -> None:
    core = installed(typo=types.SimpleNamespace(register_rule=lambda register: None))
    [problem] = core.problems()
    assert "register_rule looks like a misspelt register_rules" in problem.message


def test_a_hook_wrapper_is_refused_by_name() -> None:
    def register_rules(register):  # type: ignore[no-untyped-def]
        yield

    core = installed(
        wrapping=types.SimpleNamespace(register_rules=hookimpl(wrapper=True)(register_rules))
    )
    [problem] = core.problems()
    assert problem.message == "register_rules cannot be a wrapper"


def test_a_registry_must_name_a_hook_that_exists() -> None:
    typo = Registry(hook="register_rule", kind=Rule, noun="rule", name_of=lambda r: r.id)
    with pytest.raises(PluginError, match="no hook is called 'register_rule'"):
        PluginManager(external=False).items(typo)


def test_each_hook_has_one_registry() -> None:
    core = PluginManager(external=False)
    core.items(RULES)
    other = Registry(hook="register_rules", kind=Rule, noun="check", name_of=lambda r: r.id)
    with pytest.raises(PluginError, match="each hook has one registry"):
        core.items(other)


def test_builtins_register_before_installed_plugins_loaded_earlier() -> None:
    """Pinned: the installed plugins load first here (asking for the plugins loads
    them), yet the built-ins' hooks are called first, so a plugin cannot take a
    built-in's name."""
    core = installed(impostor=exporters_plugin("json", "extra"))
    assert [p.name for p in core.plugins()] == ["impostor"]  # loaded, built-ins not yet
    json_exporter = core.find(EXPORTERS, "json")
    assert json_exporter is not None and json_exporter.distribution == "safeguarding-model"
    assert core.find(EXPORTERS, "extra") is not None
    [problem] = core.problems()
    assert problem.plugin == "impostor"
    assert "'json' is already registered by safeguarding-model" in problem.message
    plugins = core.plugins()
    assert [p.builtin for p in plugins] == sorted((p.builtin for p in plugins), reverse=True)
    assert plugins[-1].name == "impostor"


def test_builtins_are_the_modules_of_their_package_in_name_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "fake_builtin_rules"
    package.mkdir()
    (package / "__init__.py").write_text("")
    plugin = (
        "from safeguarding_model.plugin import hookimpl\n"
        "from test_hooks_manager import Rule\n\n"
        "@hookimpl\n"
        "def register_rules(register):\n"
        "    register(Rule(id=__name__.rsplit('.', 1)[-1]))\n"
    )
    (package / "b_second.py").write_text(plugin)
    (package / "a_first.py").write_text(plugin)
    (package / "_helpers.py").write_text("VALUE = 1\n")  # a helper, not a plugin
    (package / "c_broken.py").write_text("raise ImportError('needs lxml')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend(str(Path(__file__).parent))
    registry = attrs.evolve(RULES, builtins="fake_builtin_rules")
    core = PluginManager(external=False)
    assert core.names(registry) == ["a_first", "b_second"]
    names = [p.name for p in core.plugins()]
    assert names == ["builtin.a_first", "builtin.b_second"]
    assert all(p.builtin and p.distribution == "safeguarding-model" for p in core.plugins())
    [problem] = core.problems()
    assert problem.plugin == "builtin.c_broken"
    assert problem.message == "could not be imported: ImportError: needs lxml"


def test_an_installed_plugin_cannot_take_a_builtin_name() -> None:
    core = installed(**{"builtin.json": exporters_plugin("sneaky")})
    [problem] = core.problems()
    assert problem.plugin == "builtin.json"
    assert "kept for the built-in plugins" in problem.message
    assert core.find(EXPORTERS, "sneaky") is None
    with pytest.raises(PluginError, match="kept for the built-in plugins"):
        PluginManager(external=False).add_plugin(exporters_plugin("x"), name="builtin.x")


def test_a_plugin_added_by_hand_is_collected_now_or_when_its_registry_is_asked_for() -> None:
    core = PluginManager(external=False)
    core.items(RULES)
    core.add_plugin(rules_plugin(Rule(id="now")), name="now")
    assert core.names(RULES) == ["now"]
    with pytest.raises(PluginError, match="already registered by now"):
        core.add_plugin(rules_plugin(Rule(id="now")), name="again")

    fresh = PluginManager(external=False)
    fresh.add_plugin(rules_plugin(Rule(id="later")), name="later")
    assert fresh.names(RULES) == ["later"]


def test_installed_plugins_load_once_for_every_registry() -> None:
    calls = []

    def points() -> list[metadata.EntryPoint]:
        calls.append(1)
        return []

    core = PluginManager(entry_points=points, external=True)
    assert not core.loaded and calls == []
    core.items(EXPORTERS)
    core.items(RULES)
    core.plugins()
    core.problems()
    assert core.loaded and calls == [1]


def test_the_exporters_default_manager_is_the_core_default() -> None:
    assert exporter_manager.default_manager().core is default_manager()
    exporter_manager.reset_default_manager()
    try:
        assert exporter_manager.default_manager().core is default_manager()
    finally:
        exporter_manager.reset_default_manager()
