"""The plugin manager: built-ins as plugins, discovery through entry points, problems
reported by plugin name, duplicates refused, lazy loading, options checked."""

from __future__ import annotations

import inspect
import pkgutil
import subprocess
import sys
import types
from importlib import metadata
from pathlib import Path

import pluggy
import pytest

from safeguarding_model.errors import UsageError
from safeguarding_model.exporters import (
    ENTRY_POINT_GROUP,
    NO_PLUGINS_ENV,
    DuplicateExporterError,
    Exporter,
    ExporterManager,
    ExportOptions,
    PluginError,
    UnknownExporterError,
    builtin,
    hookimpl,
)
from safeguarding_model.hooks import specs
from safeguarding_model.model import Dataset

BUILTIN_FORMATS = {
    "csv",
    "dot",
    "graphml",
    "html",
    "json",
    "markdown",
    "mermaid",
    "png",
    "popolo",
    "svg",
    "yaml",
}
ROOT = Path(__file__).parents[2]
BUILTIN_MODULES = sorted(module.name for module in pkgutil.iter_modules(builtin.__path__))


def builtins_only() -> ExporterManager:
    return ExporterManager(external=False)


def with_plugins(**plugins: object) -> ExporterManager:
    """A manager whose installed plugins are these objects, found through fake entry points."""
    module = types.ModuleType("fake_plugins")
    for name, plugin in plugins.items():
        setattr(module, name, plugin)
    sys.modules["fake_plugins"] = module
    points = [
        metadata.EntryPoint(name=name, value=f"fake_plugins:{name}", group=ENTRY_POINT_GROUP)
        for name in plugins
    ]
    return ExporterManager(entry_points=lambda: points, external=True)


def plugin(*exporters: Exporter, hook: str = "register_exporters") -> types.SimpleNamespace:
    def register_exporters(register):  # type: ignore[no-untyped-def]
        for exporter in exporters:
            register(exporter)

    return types.SimpleNamespace(**{hook: hookimpl(register_exporters)})


def text_exporter(name: str, text: str = "hello\n", **fields: object) -> Exporter:
    return Exporter(
        name=name,
        media_type="text/plain",
        extension="txt",
        description=f"the {name} test format",
        render=lambda dataset, options: text,
        **fields,  # type: ignore[arg-type]
    )


def test_every_builtin_format_is_registered_by_its_own_plugin() -> None:
    manager = builtins_only()
    assert set(manager.names()) == BUILTIN_FORMATS
    assert manager.problems() == []
    assert [p.name for p in manager.plugins()] == [f"builtin.{m}" for m in BUILTIN_MODULES]
    assert all(p.builtin and p.distribution == "safeguarding-model" for p in manager.plugins())
    assert {e.distribution for e in manager.exporters()} == {"safeguarding-model"}


def test_builtins_use_the_public_hookimpl_marker() -> None:
    manager = builtins_only()
    for impl in manager.pluggy.hook.register_exporters.get_hookimpls():
        assert impl.function.__module__.startswith("safeguarding_model.exporters.builtin.")
        assert impl.function.safeguarding_model_impl is not None  # the marker's attribute


def test_plugins_load_lazily_and_once() -> None:
    calls = []

    def points() -> list[metadata.EntryPoint]:
        calls.append(1)
        return []

    manager = ExporterManager(entry_points=points, external=True)
    assert calls == []
    manager.exporters()
    manager.get("json")
    manager.problems()
    assert calls == [1]


def test_importing_the_exporters_package_loads_no_plugin() -> None:
    code = (
        "import sys, safeguarding_model.exporters as e;"
        "print(e.default_manager().loaded,"
        " 'safeguarding_model.exporters.builtin.dot' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]


def test_listing_exporters_does_not_import_networkx() -> None:
    code = (
        "import sys, safeguarding_model.exporters as e; e.installed_exporters();"
        "print('networkx' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_an_installed_plugin_registers_exporters() -> None:
    manager = with_plugins(greeting=plugin(text_exporter("greeting")))
    assert "greeting" in manager.names()
    assert manager.get("greeting").run(Dataset(), ExportOptions()) == "hello\n"
    assert manager.problems() == []


def test_a_plugin_that_fails_to_import_is_reported_by_name_and_the_others_load() -> None:
    points = [
        metadata.EntryPoint(name="broken", value="no_such_module_xyz", group=ENTRY_POINT_GROUP),
        metadata.EntryPoint(name="works", value="fake_plugins:works", group=ENTRY_POINT_GROUP),
    ]
    sys.modules["fake_plugins"] = types.SimpleNamespace(  # type: ignore[assignment]
        works=plugin(text_exporter("works"))
    )
    manager = ExporterManager(entry_points=lambda: points, external=True)
    assert "works" in manager.names()
    assert set(manager.names()) >= BUILTIN_FORMATS
    [problem] = manager.problems()
    assert problem.plugin == "broken"
    assert "could not be imported" in problem.message and "no_such_module_xyz" in problem.message
    assert str(problem).startswith("error: plugin-problem: plugin 'broken': could not be imported")
    assert problem.code == "plugin-problem" and problem.to_dict()["plugin"] == "broken"


def test_a_plugin_whose_import_raises_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "exploding_plugin.py").write_text("raise RuntimeError('needs lxml')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    point = metadata.EntryPoint(name="exploding", value="exploding_plugin", group=ENTRY_POINT_GROUP)
    manager = ExporterManager(entry_points=lambda: [point], external=True)
    assert set(manager.names()) == BUILTIN_FORMATS
    [problem] = manager.problems()
    assert problem.plugin == "exploding"
    assert problem.message == "could not be imported: RuntimeError: needs lxml"


def test_a_misspelt_hook_with_the_marker_is_reported_by_check_pending() -> None:
    manager = with_plugins(typo=plugin(text_exporter("typo"), hook="register_exporter"))
    assert "typo" not in manager.names()
    [problem] = manager.problems()
    assert problem.plugin == "typo"
    assert "register_exporter" in problem.message


def test_a_failing_register_hook_is_reported() -> None:
    def register_exporters(register):  # type: ignore[no-untyped-def]
        raise ValueError("cannot make my exporters")

    manager = with_plugins(
        failing=types.SimpleNamespace(register_exporters=hookimpl(register_exporters))
    )
    [problem] = manager.problems()
    assert problem.plugin == "failing" and "cannot make my exporters" in problem.message


def test_register_refuses_anything_but_an_exporter() -> None:
    manager = with_plugins(wrong=plugin("not an exporter"))  # type: ignore[arg-type]
    [problem] = manager.problems()
    assert "register() expects an Exporter, found str" in problem.message


def test_builtins_win_a_name_clash_and_the_plugin_is_told_why() -> None:
    """Pinned: the built-ins are registered first and a duplicate name is refused, so a
    plugin can never replace a built-in format (or another plugin's)."""
    impostor = text_exporter("json", text="not json")
    manager = with_plugins(impostor=plugin(impostor, text_exporter("extra")))
    assert manager.get("json").distribution == "safeguarding-model"
    assert manager.get("json").run(Dataset(), ExportOptions()) != "not json"
    [problem] = manager.problems()
    assert problem.plugin == "impostor"
    assert "'json' is already registered by safeguarding-model" in problem.message
    assert "extra" in manager.names()  # the refused one does not stop the plugin's others


def test_two_plugins_with_one_name_the_first_in_entry_point_order_wins() -> None:
    manager = with_plugins(
        a_first=plugin(text_exporter("same", "a")), b_second=plugin(text_exporter("same", "b"))
    )
    assert manager.get("same").run(Dataset(), ExportOptions()) == "a"
    [problem] = manager.problems()
    assert problem.plugin == "b_second"


def test_the_duplicate_error_names_both_sides() -> None:
    error = DuplicateExporterError("json", "safeguarding-model", "impostor (impostor-pkg 1.0)")
    assert "safeguarding-model" in str(error) and "impostor (impostor-pkg 1.0)" in str(error)


def test_the_environment_variable_blocks_installed_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NO_PLUGINS_ENV, "1")
    module = types.SimpleNamespace(p=plugin(text_exporter("blocked")))
    sys.modules["fake_plugins"] = module  # type: ignore[assignment]
    points = [metadata.EntryPoint(name="p", value="fake_plugins:p", group=ENTRY_POINT_GROUP)]
    manager = ExporterManager(entry_points=lambda: points)
    assert "blocked" not in manager.names()
    assert set(manager.names()) == BUILTIN_FORMATS
    monkeypatch.setenv(NO_PLUGINS_ENV, "0")
    assert "blocked" in ExporterManager(entry_points=lambda: points).names()


def test_add_plugin_registers_at_run_time_and_raises_on_problems() -> None:
    manager = builtins_only()
    manager.add_plugin(plugin(text_exporter("late")), name="late")
    assert "late" in manager.names()
    with pytest.raises(PluginError, match="already registered"):
        manager.add_plugin(plugin(text_exporter("late")), name="again")


def test_an_unknown_format_suggests_the_nearest() -> None:
    with pytest.raises(UnknownExporterError, match="did you mean `mermaid`"):
        builtins_only().get("mermiad")


def test_an_option_the_format_does_not_take_is_refused(iow: Dataset) -> None:
    json_exporter = builtins_only().get("json")
    with pytest.raises(UsageError, match="does not take the option 'depth'"):
        json_exporter.run(iow, ExportOptions(depth=2))


def test_unknown_and_bad_option_values_are_refused() -> None:
    with pytest.raises(UsageError, match="unknown export option 'colour'"):
        ExportOptions.from_keywords({"colour": "red"})
    with pytest.raises(UsageError, match="depth"):
        ExportOptions(depth=-1)
    with pytest.raises(UsageError, match="document"):
        ExportOptions(document="minutes")
    assert ExportOptions(edges="reports-to, escalates-to").edges == ("reports-to", "escalates-to")


def test_an_exporter_that_returns_the_wrong_type_is_a_plugin_error() -> None:
    bad = Exporter(
        name="bad",
        media_type="text/plain",
        extension="txt",
        description="returns a number",
        render=lambda dataset, options: 42,  # type: ignore[arg-type,return-value]
    )
    with pytest.raises(PluginError, match="returned int"):
        bad.run(Dataset())


def test_exporter_fields_are_checked() -> None:
    with pytest.raises(PluginError, match="name"):
        text_exporter("Not A Name")
    with pytest.raises(PluginError, match="extension"):
        Exporter(
            name="x", media_type="t/p", extension=".txt", description="d", render=lambda d, o: ""
        )
    with pytest.raises(PluginError, match="'colour' is not an option"):
        text_exporter("x", options={"colour"})


def test_folder_files_must_have_plain_names() -> None:
    sneaky = Exporter(
        name="sneaky",
        media_type="application/zip",
        extension="zip",
        description="tries to write outside its folder",
        render=lambda dataset, options: b"",
        files=lambda dataset, options: {"../outside.txt": "x"},
    )
    with pytest.raises(PluginError, match="plain file name"):
        sneaky.run_files(Dataset())


def test_every_hook_is_documented_with_its_exact_signature() -> None:
    page = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    hooks = [
        (name, function)
        for name, function in vars(specs).items()
        if callable(function) and hasattr(function, "safeguarding_model_spec")
    ]
    assert hooks, "no hook specifications found"
    for name, function in hooks:
        assert inspect.getdoc(function), f"{name} has no docstring"
        signature = f"def {name}{inspect.signature(function)}".replace("'", "")
        assert signature in page, f"docs/plugins.md lacks `{signature}`"


def test_a_hook_implementation_may_leave_out_the_arguments_it_does_not_need() -> None:
    calls = []

    def register_exporters():  # type: ignore[no-untyped-def]
        calls.append("called")

    manager = with_plugins(
        quiet=types.SimpleNamespace(register_exporters=hookimpl(register_exporters))
    )
    assert manager.problems() == []
    assert calls == ["called"]


@pytest.mark.parametrize(
    ("plugin_object", "reason"),
    [
        (types.SimpleNamespace(), "has no function named register_exporters"),
        (
            types.SimpleNamespace(register_exporters=lambda register: None),
            "its register_exporters is not marked as a hook",
        ),
        (
            types.SimpleNamespace(
                register_exporters=pluggy.HookimplMarker("datasette")(lambda register: None)
            ),
            "carries the hookimpl marker of the pluggy project 'datasette'",
        ),
        (
            types.SimpleNamespace(register_exporter=lambda register: None),
            "register_exporter looks like a misspelt register_exporters",
        ),
    ],
    ids=["empty", "no-marker", "wrong-marker", "misspelt-without-marker"],
)
def test_a_plugin_that_implements_no_hook_is_reported_by_name(
    plugin_object: object, reason: str
) -> None:
    manager = with_plugins(idle=plugin_object)
    [problem] = manager.problems()
    assert problem.plugin == "idle"
    assert problem.message.startswith("registers nothing: ")
    assert reason in problem.message
    assert "idle" not in [p.name for p in manager.plugins()]
    assert set(manager.names()) == BUILTIN_FORMATS


def test_register_after_the_hook_returned_is_an_error() -> None:
    kept: list[object] = []

    def register_exporters(register):  # type: ignore[no-untyped-def]
        kept.append(register)
        register(text_exporter("early"))

    manager = with_plugins(
        late=types.SimpleNamespace(register_exporters=hookimpl(register_exporters))
    )
    assert "early" in manager.names()
    assert manager.problems() == []
    with pytest.raises(PluginError, match="after register_exporters returned"):
        kept[0](text_exporter("later"))  # type: ignore[operator]
    assert "later" not in manager.names()
    [problem] = manager.problems()
    assert problem.plugin == "late"


def test_a_plugin_cannot_pass_for_the_core() -> None:
    claims = text_exporter("claims", distribution="safeguarding-model")
    manager = with_plugins(pretender=plugin(claims, text_exporter("honest")))
    assert "claims" not in manager.names()
    assert manager.get("honest").distribution == "pretender"  # its own name, at least
    [problem] = manager.problems()
    assert problem.plugin == "pretender" and "only the built-in plugins" in problem.message
    with pytest.raises(PluginError, match="only the built-in plugins"):
        builtins_only().add_plugin(
            plugin(text_exporter("x")), name="x", distribution="safeguarding-model"
        )


def test_an_exporter_takes_the_distribution_of_its_plugin() -> None:
    manager = ExporterManager(external=False)
    manager.add_plugin(
        plugin(text_exporter("mine", distribution="someone-else")),
        name="m",
        distribution="mine-pkg",
    )
    assert manager.get("mine").distribution == "mine-pkg"


def test_a_missing_format_names_the_plugins_that_failed() -> None:
    points = [metadata.EntryPoint(name="rdf", value="no_such_rdf_xyz", group=ENTRY_POINT_GROUP)]
    manager = ExporterManager(entry_points=lambda: points, external=True)
    with pytest.raises(UnknownExporterError) as caught:
        manager.get("turtle")
    message = str(caught.value)
    assert "no exporter is called 'turtle'" in message
    assert "plugin 'rdf'" in message and "could not be imported" in message


def test_a_missing_format_says_plugins_are_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NO_PLUGINS_ENV, "1")
    point = metadata.EntryPoint(name="rdf", value="fake_plugins:rdf", group=ENTRY_POINT_GROUP)
    manager = ExporterManager(entry_points=lambda: [point])
    with pytest.raises(UnknownExporterError) as caught:
        manager.get("turtle")
    message = str(caught.value)
    assert f"Installed plugins are not loaded because {NO_PLUGINS_ENV} is set" in message
    assert "not loaded: rdf" in message


@pytest.mark.parametrize("name", ["org-chart", "docx", "a1", "x-2-y"])
def test_exporter_names_are_words_joined_by_single_hyphens(name: str) -> None:
    assert text_exporter(name).name == name


@pytest.mark.parametrize("name", ["org_chart", "Org", "-x", "x-", "a--b", "a b", "", "a.b"])
def test_other_exporter_names_are_refused_with_the_rule(name: str) -> None:
    with pytest.raises(PluginError, match="joined by single hyphens, such as 'org-chart'"):
        text_exporter(name)


def test_the_name_rule_in_the_docs_is_the_rule_in_the_code() -> None:
    from safeguarding_model.exporters.exporter import NAME_RULE

    page = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    assert NAME_RULE.replace("'", "`") in page
