"""The exporters' registry, and a typed manager of exporters over the plugin core.

Exporters are collected by the core's plugin manager (:mod:`safeguarding_model.hooks`)
through :data:`EXPORTERS`, the registry of the ``register_exporters`` hook: the
built-in plugins (every module of :mod:`safeguarding_model.exporters.builtin`, by
name) are called first, then installed plugins in the order of their entry-point
names. :class:`ExporterManager` gives that the typed methods the exporters layer and
the command line use; loading, checking and the problems are the core's.
"""

from __future__ import annotations

import threading

import attrs
import pluggy

from ..hooks import Plugin, PluginProblem, Registry
from ..hooks.manager import EntryPoints, PluginManager
from ..hooks.manager import default_manager as default_plugin_manager
from ..hooks.manager import reset_default_manager as reset_default_plugin_manager
from .errors import UnknownExporterError
from .exporter import Exporter

__all__ = [
    "EXPORTERS",
    "ExporterManager",
    "default_manager",
    "reset_default_manager",
]


def _exporter_name(exporter: Exporter) -> str:
    return exporter.name


def _exporter_distribution(exporter: Exporter) -> str | None:
    return exporter.distribution


def _with_distribution(exporter: Exporter, distribution: str) -> Exporter:
    return attrs.evolve(exporter, distribution=distribution)


EXPORTERS: Registry[Exporter] = Registry(
    hook="register_exporters",
    kind=Exporter,
    noun="exporter",
    name_of=_exporter_name,
    builtins=f"{__package__}.builtin",
    distribution_of=_exporter_distribution,
    with_distribution=_with_distribution,
)
"""The registry of the ``register_exporters`` hook: what it collects and how."""


class ExporterManager:
    """The exporters of the built-in and installed plugins, loaded on first use.

    ``entry_points`` replaces the discovery of installed plugins (tests fake it);
    ``external`` chooses whether installed plugins load at all (by default, unless
    ``SAFEGUARDING_MODEL_NO_PLUGINS`` is set). ``plugins`` is the core's manager to
    use instead of a new one (the default manager shares the core's default).
    """

    def __init__(
        self,
        *,
        entry_points: EntryPoints | None = None,
        external: bool | None = None,
        plugins: PluginManager | None = None,
    ) -> None:
        if plugins is None:
            plugins = PluginManager(entry_points=entry_points, external=external)
        self._core = plugins

    @property
    def core(self) -> PluginManager:
        """The plugin core's manager that does the work, for the other registries."""
        return self._core

    @property
    def loaded(self) -> bool:
        """Whether plugins have been looked for and loaded yet."""
        return self._core.loaded

    def load(self) -> None:
        """Load the plugins and collect their exporters, once; later calls do nothing."""
        self._core.names(EXPORTERS)

    def add_plugin(self, plugin: object, *, name: str, distribution: str | None = None) -> None:
        """Register a plugin object by hand (a module, a class, an instance).

        For notebooks and tests: ``manager.add_plugin(my_module, name="mine")``.
        Problems raise :class:`~safeguarding_model.plugin.PluginError` here instead of
        being recorded (the plugin's exporters that could be registered stay registered).
        """
        self.load()
        self._core.add_plugin(plugin, name=name, distribution=distribution)

    def exporters(self) -> list[Exporter]:
        """Every registered exporter, by name."""
        return self._core.items(EXPORTERS)

    def names(self) -> list[str]:
        """The names of every registered exporter, sorted."""
        return self._core.names(EXPORTERS)

    def get(self, name: str) -> Exporter:
        """The exporter called ``name``; :class:`UnknownExporterError` if there is none."""
        found = self._core.find(EXPORTERS, name)
        if found is None:
            raise UnknownExporterError(
                name,
                self.names(),
                self._core.suggest(EXPORTERS, name),
                self._core.why_missing(),
            )
        return found

    def plugins(self) -> list[Plugin]:
        """The plugins that loaded: the built-ins first, then the others in load order."""
        self.load()
        return self._core.plugins()

    def problems(self) -> list[PluginProblem]:
        """The plugins that could not be loaded or used, with the reasons."""
        self.load()
        return self._core.problems()

    @property
    def pluggy(self) -> pluggy.PluginManager:
        """The underlying pluggy manager, for anything this wrapper does not offer."""
        self.load()
        return self._core.pluggy


_default: ExporterManager | None = None
_default_lock = threading.Lock()


def default_manager() -> ExporterManager:
    """The manager behind :func:`~safeguarding_model.exporters.export` and friends: the
    exporters of the core's default plugin manager."""
    global _default
    core = default_plugin_manager()
    with _default_lock:
        if _default is None or _default.core is not core:
            _default = ExporterManager(plugins=core)
        return _default


def reset_default_manager() -> None:
    """Forget the default managers, so that the next use discovers plugins again (after
    installing one in a running notebook, say)."""
    global _default
    reset_default_plugin_manager()
    with _default_lock:
        _default = None
