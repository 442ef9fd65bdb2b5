"""The plugin manager: a typed wrapper around pluggy's.

It loads plugins lazily and once: the built-in exporters first, then every plugin
installed under the ``safeguarding_model`` entry-point group, in the order of the
entry-point names. A plugin that fails to import, that implements a hook that does
not exist (a misspelt name), or whose ``register_exporters`` fails, is recorded as a
:class:`PluginProblem` under its name, and the other plugins still load. Setting
``SAFEGUARDING_MODEL_NO_PLUGINS=1`` loads the built-ins only.
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
        Problems raise :class:`PluginError` here instead of being recorded.
        """
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
        registered: list[Exporter] = []

        def register(exporter: Exporter) -> None:
            if not isinstance(exporter, Exporter):
                raise PluginError(
                    f"register() expects an Exporter, found {type(exporter).__name__}"
                )
            if exporter.distribution is None:
                exporter = attrs.evolve(exporter, distribution=info.distribution or info.name)
            owner = self._exporters.get(exporter.name) or next(
                (e for e in registered if e.name == exporter.name), None
            )
            if owner is not None:
                raise DuplicateExporterError(exporter.name, _owner(owner), info.label)
            registered.append(exporter)

        for impl in self._pm.hook.register_exporters.get_hookimpls():
            if impl.plugin is not plugin:
                continue
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
        for exporter in registered:
            self._exporters[exporter.name] = exporter
        self._plugins.append(info)

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
            raise UnknownExporterError(name, names, closest(name, names)) from None

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
