"""The plugin manager: a typed wrapper around pluggy's.

It loads plugins lazily and once: the built-in exporters first, then every plugin
installed under the ``safeguarding_model`` entry-point group, in the order of the
entry-point names. A plugin that fails to import, that implements a hook that does
not exist (a misspelt name with the marker), that implements no hook at all (no
marker, another project's marker, or a misspelt name without the marker), or whose
``register_exporters`` fails, is recorded as a :class:`PluginProblem` under its
name, and the other plugins still load. An exporter that cannot be registered (a
name already taken, a claim to be part of the core) is refused and recorded while
the plugin's other exporters register. Setting ``SAFEGUARDING_MODEL_NO_PLUGINS=1``
loads the built-ins only; asking for a format then says so.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Callable, Iterable
from importlib import metadata

import attrs
import pluggy

from ..model.values import closest
from . import hookspecs
from .errors import DuplicateExporterError, PluginError, UnknownExporterError
from .exporter import Exporter

__all__ = [
    "BUILTIN_PLUGINS",
    "DISTRIBUTION",
    "ENTRY_POINT_GROUP",
    "NO_PLUGINS_ENV",
    "ExporterManager",
    "Plugin",
    "PluginProblem",
    "default_manager",
    "reset_default_manager",
]

ENTRY_POINT_GROUP = "safeguarding_model"
"""The entry-point group under which installed distributions declare their plugins.

One group for every kind of plugin (exporters now, rules later), named like the
pluggy project, as llm and datasette do.
"""

NO_PLUGINS_ENV = "SAFEGUARDING_MODEL_NO_PLUGINS"
"""Set to ``1`` (or ``true``, ``yes``) to load the built-in plugins only."""

DISTRIBUTION = "safeguarding-model"
"""The distribution that provides the built-in exporters."""

BUILTIN_PLUGINS = (
    "json",
    "yaml",
    "dot",
    "svg",
    "png",
    "mermaid",
    "markdown",
    "html",
    "graphml",
    "csv",
    "popolo",
)
"""The modules of :mod:`safeguarding_model.exporters.builtin`, registered in this order."""

EntryPoints = Callable[[], Iterable[metadata.EntryPoint]]


@attrs.frozen(kw_only=True)
class Plugin:
    """A loaded plugin: its name, the distribution that provides it, and its version."""

    name: str
    distribution: str | None
    version: str | None
    builtin: bool

    @property
    def label(self) -> str:
        """``name (distribution version)``, as much of it as is known."""
        if self.distribution is None:
            return self.name
        version = f" {self.version}" if self.version else ""
        return f"{self.name} ({self.distribution}{version})"


@attrs.frozen(kw_only=True)
class PluginProblem:
    """A plugin that could not be loaded or used, by name, with the reason."""

    plugin: str
    distribution: str | None
    message: str

    def __str__(self) -> str:
        where = f" from {self.distribution}" if self.distribution else ""
        return f"plugin {self.plugin!r}{where}: {self.message}"


def _installed_entry_points() -> Iterable[metadata.EntryPoint]:
    return metadata.entry_points(group=ENTRY_POINT_GROUP)


def plugins_blocked() -> bool:
    """Whether :data:`NO_PLUGINS_ENV` asks for the built-in plugins only."""
    return os.environ.get(NO_PLUGINS_ENV, "").strip().lower() not in ("", "0", "false", "no")


class ExporterManager:
    """The exporters of the built-in and installed plugins, loaded on first use.

    ``entry_points`` replaces the discovery of installed plugins (tests fake it);
    ``external`` chooses whether installed plugins load at all (by default, unless
    :data:`NO_PLUGINS_ENV` is set).
    """

    def __init__(
        self, *, entry_points: EntryPoints | None = None, external: bool | None = None
    ) -> None:
        self._pm = pluggy.PluginManager(hookspecs.PROJECT)
        self._pm.add_hookspecs(hookspecs)
        self._entry_points = entry_points or _installed_entry_points
        self._external = external
        self._lock = threading.RLock()
        self._loaded = False
        self._plugins: list[Plugin] = []
        self._exporters: dict[str, Exporter] = {}
        self._problems: list[PluginProblem] = []

    # -- loading ---------------------------------------------------------------------

    def load(self) -> None:
        """Load the plugins, once; later calls do nothing."""
        with self._lock:
            if self._loaded:
                return
            self._loaded = True
            from .. import __version__

            for module in BUILTIN_PLUGINS:
                name = f"builtin.{module}"
                try:
                    plugin = importlib.import_module(f"{__package__}.builtin.{module}")
                except Exception as error:  # a broken built-in is reported like any plugin
                    self._problem(name, DISTRIBUTION, f"could not be imported: {_describe(error)}")
                    continue
                info = Plugin(
                    name=name, distribution=DISTRIBUTION, version=__version__, builtin=True
                )
                self._add(plugin, info)
            external = self._external if self._external is not None else not plugins_blocked()
            if external:
                for entry_point in sorted(self._entry_points(), key=lambda e: (e.name, e.value)):
                    self._load_entry_point(entry_point)

    def _load_entry_point(self, entry_point: metadata.EntryPoint) -> None:
        dist = getattr(entry_point, "dist", None)
        info = Plugin(
            name=entry_point.name,
            distribution=dist.name if dist is not None else None,
            version=dist.version if dist is not None else None,
            builtin=False,
        )
        if any(p.name == info.name for p in self._plugins):
            self._problem(info.name, info.distribution, "another plugin has this name")
            return
        try:
            plugin = entry_point.load()
        except Exception as error:
            message = f"could not be imported: {_describe(error)}"
            self._problem(info.name, info.distribution, message)
            return
        self._add(plugin, info)

    def add_plugin(self, plugin: object, *, name: str, distribution: str | None = None) -> None:
        """Register a plugin object by hand (a module, a class, an instance).

        For notebooks and tests: ``manager.add_plugin(my_module, name="mine")``.
        Problems raise :class:`PluginError` here instead of being recorded (the plugin's
        exporters that could be registered stay registered).
        """
        if distribution == DISTRIBUTION:
            raise PluginError(
                f"plugin {name!r}: only the built-in plugins come from {DISTRIBUTION}; "
                "give the plugin's own distribution, or none"
            )
        with self._lock:
            self.load()
            before = len(self._problems)
            info = Plugin(name=name, distribution=distribution, version=None, builtin=False)
            self._add(plugin, info)
            if len(self._problems) > before:
                raise PluginError("; ".join(str(p) for p in self._problems[before:]))

    def _add(self, plugin: object, info: Plugin) -> None:
        try:
            self._pm.register(plugin, name=info.name)
            self._pm.check_pending()
        except (pluggy.PluginValidationError, ValueError) as error:
            if self._pm.is_registered(plugin):
                self._pm.unregister(plugin)
            self._problem(info.name, info.distribution, _describe(error))
            return
        impls = [
            impl
            for impl in self._pm.hook.register_exporters.get_hookimpls()
            if impl.plugin is plugin
        ]
        if not impls:
            self._pm.unregister(plugin)
            self._problem(info.name, info.distribution, _no_hook(plugin))
            return
        registered: list[Exporter] = []
        hook_running = True

        def register(exporter: Exporter) -> None:
            if not hook_running:
                message = (
                    "register() was called after register_exporters returned; exporters "
                    "are registered only while the hook runs"
                )
                self._problem(info.name, info.distribution, message)
                raise PluginError(f"plugin {info.name!r}: {message}")
            refusal = self._refusal(exporter, info, registered)
            if refusal is not None:  # refuse this one; the plugin's others still register
                self._problem(info.name, info.distribution, refusal)
                return
            distribution = info.distribution or exporter.distribution or info.name
            registered.append(attrs.evolve(exporter, distribution=distribution))

        for impl in impls:
            if impl.hookwrapper or impl.wrapper:
                self._pm.unregister(plugin)
                message = "register_exporters cannot be a wrapper"
                self._problem(info.name, info.distribution, message)
                return
            arguments = {"register": register}
            try:
                impl.function(*(arguments[name] for name in impl.argnames))
            except Exception as error:
                self._problem(info.name, info.distribution, _describe(error))
        hook_running = False
        for exporter in registered:
            self._exporters[exporter.name] = exporter
        self._plugins.append(info)

    def _refusal(self, exporter: object, info: Plugin, registered: list[Exporter]) -> str | None:
        """Why ``register(exporter)`` is refused, or None when it is accepted."""
        if not isinstance(exporter, Exporter):
            return f"register() expects an Exporter, found {type(exporter).__name__}"
        core = DISTRIBUTION in (exporter.distribution, info.distribution)
        if core and not info.builtin:
            return (
                f"the exporter {exporter.name!r} claims to come from {DISTRIBUTION}, "
                "which only the built-in plugins do; it is not registered"
            )
        owner = self._exporters.get(exporter.name) or next(
            (e for e in registered if e.name == exporter.name), None
        )
        if owner is not None:
            return str(DuplicateExporterError(exporter.name, _owner(owner), info.label))
        return None

    def _problem(self, plugin: str, distribution: str | None, message: str) -> None:
        problem = PluginProblem(plugin=plugin, distribution=distribution, message=message)
        self._problems.append(problem)

    # -- queries ---------------------------------------------------------------------

    def exporters(self) -> list[Exporter]:
        """Every registered exporter, by name."""
        self.load()
        return [self._exporters[name] for name in sorted(self._exporters)]

    def names(self) -> list[str]:
        """The names of every registered exporter, sorted."""
        self.load()
        return sorted(self._exporters)

    def get(self, name: str) -> Exporter:
        """The exporter called ``name``; :class:`UnknownExporterError` if there is none."""
        self.load()
        try:
            return self._exporters[name]
        except KeyError:
            names = self.names()
            notes = self._why_missing()
            raise UnknownExporterError(name, names, closest(name, names), notes) from None

    def _why_missing(self) -> list[str]:
        """Why a format may be missing: plugins that failed, or plugins not loaded."""
        notes = []
        if self._problems:
            notes.append(
                "Some plugins could not be loaded or used, and may provide it: "
                + "; ".join(str(problem) for problem in self._problems)
            )
        if self._external is None and plugins_blocked():
            labels = []
            for point in sorted(self._entry_points(), key=lambda e: (e.name, e.value)):
                dist = getattr(point, "dist", None)
                labels.append(f"{point.name} ({dist.name})" if dist is not None else point.name)
            value = os.environ.get(NO_PLUGINS_ENV, "")
            notes.append(
                f"Installed plugins are not loaded because {NO_PLUGINS_ENV} is set "
                f"(to {value!r})"
                + (f"; not loaded: {', '.join(labels)}" if labels else "")
                + f"; unset {NO_PLUGINS_ENV} to use them"
            )
        return notes

    def plugins(self) -> list[Plugin]:
        """The plugins that loaded, in load order."""
        self.load()
        return list(self._plugins)

    def problems(self) -> list[PluginProblem]:
        """The plugins that could not be loaded or used, with the reasons."""
        self.load()
        return list(self._problems)

    @property
    def pluggy(self) -> pluggy.PluginManager:
        """The underlying pluggy manager, for anything this wrapper does not offer."""
        self.load()
        return self._pm


def _no_hook(plugin: object) -> str:
    """Why a plugin registers nothing: it has no function pluggy takes as a hook."""
    spec = f"{hookspecs.PROJECT}_spec"
    hooks = sorted(name for name, value in vars(hookspecs).items() if hasattr(value, spec))
    marker = f"{hookspecs.PROJECT}_impl"
    how = "mark it with @hookimpl (from safeguarding_model.exporters import hookimpl)"
    functions = {
        name: getattr(plugin, name, None)
        for name in dir(plugin)
        if not name.startswith("_") and callable(getattr(plugin, name, None))
    }
    for hook in hooks:
        function = functions.get(hook)
        if function is not None and not hasattr(function, marker):
            others = _other_markers(function)
            if others:
                return (
                    f"registers nothing: its {hook} carries the hookimpl marker of the pluggy "
                    f"project {others[0]!r}, not {hookspecs.PROJECT!r}; {how}"
                )
            return f"registers nothing: its {hook} is not marked as a hook; {how}"
    for name in sorted(functions):
        hint = closest(name, hooks)
        if hint and name not in hooks:
            return (
                f"registers nothing: it has no hook implementation; {name} looks like a "
                f"misspelt {hint} (name the function {hint} and {how})"
            )
    others = sorted({o for f in functions.values() for o in _other_markers(f)})
    if others:
        return (
            f"registers nothing: its functions carry the hookimpl marker of the pluggy "
            f"project {others[0]!r}, not {hookspecs.PROJECT!r}; {how}"
        )
    return f"registers nothing: it has no function named {' or '.join(hooks)}; {how}"


def _other_markers(function: object) -> list[str]:
    """The pluggy projects whose hookimpl marker ``function`` carries, other than ours."""
    names = getattr(function, "__dict__", {})
    ours = f"{hookspecs.PROJECT}_impl"
    return sorted(n[: -len("_impl")] for n in names if n.endswith("_impl") and n != ours)


def _owner(exporter: Exporter) -> str:
    return exporter.distribution or "another plugin"


def _describe(error: BaseException) -> str:
    text = str(error).strip()
    if isinstance(error, PluginError | DuplicateExporterError) and text:
        return text
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


_default: ExporterManager | None = None
_default_lock = threading.Lock()


def default_manager() -> ExporterManager:
    """The manager behind :func:`~safeguarding_model.exporters.export` and friends."""
    global _default
    with _default_lock:
        if _default is None:
            _default = ExporterManager()
        return _default


def reset_default_manager() -> None:
    """Forget the default manager, so that the next use discovers plugins again (after
    installing one in a running notebook, say)."""
    global _default
    with _default_lock:
        _default = None
