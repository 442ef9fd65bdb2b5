"""The plugin manager: one typed wrapper around pluggy's, for every hook.

It loads plugins lazily and once: every plugin installed under the
``safeguarding_model`` entry-point group, in the order of the entry-point names, and,
the first time a :class:`~.registry.Registry` is asked for, the built-in plugins of
that registry (the modules of its ``builtins`` package, in the order of their names).
A plugin that fails to import, that implements a hook that does not exist (a misspelt
name with the marker), or that implements no hook at all (no marker, another
project's marker, or a misspelt name without the marker) is recorded as a
:class:`~.registry.PluginProblem` under its name, and the other plugins still load.
A plugin that implements only some of the hooks (``register_rules`` alone, say) is
not a problem.

Each registry's hook is called on every plugin the first time the registry is asked
for: the built-in plugins first, then the others in the order they loaded, so that a
plugin can never replace a built-in. A hook that raises, and an item its
``register`` callback refuses (the wrong type, a name already taken, a claim to be
part of the core), are recorded against the plugin while its other items register.
Setting ``SAFEGUARDING_MODEL_NO_PLUGINS=1`` loads the built-ins only.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import threading
from collections.abc import Callable, Iterable
from importlib import metadata
from typing import Any, TypeVar

import attrs
import pluggy

from ..errors import closest
from . import specs
from .registry import DuplicateNameError, Plugin, PluginError, PluginProblem, Registry

__all__ = [
    "BUILTIN_PREFIX",
    "DISTRIBUTION",
    "ENTRY_POINT_GROUP",
    "NO_PLUGINS_ENV",
    "EntryPoints",
    "PluginManager",
    "default_manager",
    "plugins_blocked",
    "reset_default_manager",
]

T = TypeVar("T")

ENTRY_POINT_GROUP = "safeguarding_model"
"""The entry-point group under which installed distributions declare their plugins.

One group for every kind of plugin (exporters and rules), named like the
pluggy project, as llm and datasette do.
"""

NO_PLUGINS_ENV = "SAFEGUARDING_MODEL_NO_PLUGINS"
"""Set to ``1`` (or ``true``, ``yes``) to load the built-in plugins only."""

DISTRIBUTION = "safeguarding-model"
"""The distribution that provides the built-in plugins (the core)."""

BUILTIN_PREFIX = "builtin."
"""The names of the built-in plugins: ``builtin.`` and the module's name (``builtin.json``).
An installed plugin cannot take such a name."""

EntryPoints = Callable[[], Iterable[metadata.EntryPoint]]
"""Where installed plugins are found: by default the ``safeguarding_model`` entry points."""


def _installed_entry_points() -> Iterable[metadata.EntryPoint]:
    return metadata.entry_points(group=ENTRY_POINT_GROUP)


def plugins_blocked() -> bool:
    """Whether :data:`NO_PLUGINS_ENV` asks for the built-in plugins only."""
    return os.environ.get(NO_PLUGINS_ENV, "").strip().lower() not in ("", "0", "false", "no")


@attrs.frozen
class _Entry:
    """A plugin registered with pluggy, and when (its place in the load order)."""

    plugin: object
    info: Plugin
    order: int


@attrs.define
class _Collection:
    """What one registry's hook has collected so far."""

    registry: Registry[Any]
    items: dict[str, Any] = attrs.Factory(dict)
    sources: dict[str, str] = attrs.Factory(dict)
    """Each item's name, and the distribution (or plugin) that registered it."""
    called: set[int] = attrs.Factory(set)
    """The plugins (by load order) whose implementation of the hook has been called."""


class PluginManager:
    """The built-in and installed plugins, loaded on first use, and what they register.

    ``entry_points`` replaces the discovery of installed plugins (tests fake it);
    ``external`` chooses whether installed plugins load at all (by default, unless
    :data:`NO_PLUGINS_ENV` is set). Each feature layer asks for its items through its
    own registry: ``manager.items(EXPORTERS)``.
    """

    def __init__(
        self, *, entry_points: EntryPoints | None = None, external: bool | None = None
    ) -> None:
        self._pm = pluggy.PluginManager(specs.PROJECT)
        self._pm.add_hookspecs(specs)
        self._entry_points = entry_points or _installed_entry_points
        self._external = external
        self._lock = threading.RLock()
        self._loaded = False
        self._packages: set[str] = set()
        self._entries: list[_Entry] = []
        self._problems: list[PluginProblem] = []
        self._collections: dict[str, _Collection] = {}

    # -- loading ---------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        """Whether the installed plugins have been looked for and loaded yet."""
        return self._loaded

    def load(self) -> None:
        """Load the installed plugins, once; later calls do nothing. (The built-in
        plugins of a registry load the first time the registry is asked for.)"""
        with self._lock:
            if self._loaded:
                return
            self._loaded = True
            external = self._external if self._external is not None else not plugins_blocked()
            if external:
                for entry_point in sorted(self._entry_points(), key=lambda e: (e.name, e.value)):
                    self._load_entry_point(entry_point)

    def _load_builtins(self, package: str) -> None:
        """Register the modules of ``package`` as built-in plugins, once, in the order of
        their names (a module whose name begins ``_`` is a helper, not a plugin)."""
        if package in self._packages:
            return
        self._packages.add(package)
        from .. import __version__

        try:
            modules = importlib.import_module(package)
        except Exception as error:  # a broken built-in is reported like any plugin
            self._problem(package, DISTRIBUTION, f"could not be imported: {_describe(error)}")
            return
        found = sorted(
            m.name for m in pkgutil.iter_modules(modules.__path__) if not m.name.startswith("_")
        )
        for module in found:
            name = f"{BUILTIN_PREFIX}{module}"
            try:
                plugin = importlib.import_module(f"{package}.{module}")
            except Exception as error:
                self._problem(name, DISTRIBUTION, f"could not be imported: {_describe(error)}")
                continue
            info = Plugin(name=name, distribution=DISTRIBUTION, version=__version__, builtin=True)
            self._register(plugin, info)

    def _load_entry_point(self, entry_point: metadata.EntryPoint) -> None:
        dist = getattr(entry_point, "dist", None)
        info = Plugin(
            name=entry_point.name,
            distribution=dist.name if dist is not None else None,
            version=dist.version if dist is not None else None,
            builtin=False,
        )
        if any(entry.info.name == info.name for entry in self._entries):
            self._problem(info.name, info.distribution, "another plugin has this name")
            return
        if info.name.startswith(BUILTIN_PREFIX):
            message = f"names beginning {BUILTIN_PREFIX!r} are kept for the built-in plugins"
            self._problem(info.name, info.distribution, message)
            return
        try:
            plugin = entry_point.load()
        except Exception as error:
            message = f"could not be imported: {_describe(error)}"
            self._problem(info.name, info.distribution, message)
            return
        self._register(plugin, info)

    def add_plugin(self, plugin: object, *, name: str, distribution: str | None = None) -> None:
        """Register a plugin object by hand (a module, a class, an instance).

        For notebooks and tests: ``manager.add_plugin(my_module, name="mine")``. The
        hooks of the registries asked for already are called at once, and their
        problems raise :class:`PluginError` here instead of being recorded (what could
        be registered stays registered); the other hooks are called when their
        registry is first asked for, after every plugin loaded before this one.
        """
        if distribution == DISTRIBUTION:
            raise PluginError(
                f"plugin {name!r}: only the built-in plugins come from {DISTRIBUTION}; "
                "give the plugin's own distribution, or none"
            )
        if name.startswith(BUILTIN_PREFIX):
            raise PluginError(
                f"plugin {name!r}: names beginning {BUILTIN_PREFIX!r} are kept for the "
                "built-in plugins; give the plugin another name"
            )
        with self._lock:
            self.load()
            before = len(self._problems)
            info = Plugin(name=name, distribution=distribution, version=None, builtin=False)
            self._register(plugin, info)
            if len(self._problems) > before:
                raise PluginError("; ".join(str(p) for p in self._problems[before:]))

    def _register(self, plugin: object, info: Plugin) -> None:
        """Register ``plugin`` with pluggy and check its hooks; call the hooks of the
        registries collected already."""
        try:
            self._pm.register(plugin, name=info.name)
            self._pm.check_pending()
        except (pluggy.PluginValidationError, ValueError) as error:
            if self._pm.is_registered(plugin):
                self._pm.unregister(plugin)
            self._problem(info.name, info.distribution, _describe(error))
            return
        impls = [(hook, impl) for hook in specs.HOOKS for impl in self._impls(hook, plugin)]
        if not impls:
            self._pm.unregister(plugin)
            self._problem(info.name, info.distribution, _no_hook(plugin))
            return
        wrapped = [hook for hook, impl in impls if impl.hookwrapper or impl.wrapper]
        if wrapped:
            self._pm.unregister(plugin)
            self._problem(info.name, info.distribution, f"{wrapped[0]} cannot be a wrapper")
            return
        entry = _Entry(plugin=plugin, info=info, order=len(self._entries))
        self._entries.append(entry)
        for collection in self._collections.values():
            self._call(collection, entry)

    def _impls(self, hook: str, plugin: object) -> list[pluggy.HookImpl]:
        caller: pluggy.HookCaller = getattr(self._pm.hook, hook)
        return [impl for impl in caller.get_hookimpls() if impl.plugin is plugin]

    # -- collecting ------------------------------------------------------------------

    def _collect(self, registry: Registry[Any]) -> _Collection:
        """The registry's items: on first use, its built-ins load and every plugin's
        implementation of its hook is called (built-ins first)."""
        with self._lock:
            self.load()
            if registry.hook not in specs.HOOKS:
                raise PluginError(
                    f"no hook is called {registry.hook!r}; the hooks are: " + ", ".join(specs.HOOKS)
                )
            if registry.builtins is not None:
                self._load_builtins(registry.builtins)
            collection = self._collections.get(registry.hook)
            if collection is None:
                collection = self._collections[registry.hook] = _Collection(registry=registry)
            elif collection.registry != registry:
                raise PluginError(
                    f"the hook {registry.hook} is collected by another registry already: "
                    "each hook has one registry"
                )
            for entry in sorted(self._entries, key=lambda e: (not e.info.builtin, e.order)):
                if entry.order not in collection.called:
                    self._call(collection, entry)
            return collection

    def _call(self, collection: _Collection, entry: _Entry) -> None:
        """Call ``entry``'s implementation of the collection's hook with ``register``."""
        registry = collection.registry
        collection.called.add(entry.order)
        impls = self._impls(registry.hook, entry.plugin)
        if not impls:
            return
        info = entry.info
        registered: list[tuple[str, str, object]] = []
        hook_running = True

        def register(item: object) -> None:
            if not hook_running:
                message = (
                    f"register() was called after {registry.hook} returned; "
                    f"{registry.plural} are registered only while the hook runs"
                )
                self._problem(info.name, info.distribution, message)
                raise PluginError(f"plugin {info.name!r}: {message}")
            refusal = self._refusal(collection, item, info, registered)
            if refusal is not None:  # refuse this one; the plugin's others still register
                self._problem(info.name, info.distribution, refusal)
                return
            claimed = registry.distribution_of(item) if registry.distribution_of else None
            source = info.distribution or claimed or info.name
            if registry.with_distribution is not None:
                item = registry.with_distribution(item, source)
            registered.append((registry.name_of(item), source, item))

        for impl in impls:
            arguments = {"register": register}
            try:
                impl.function(*(arguments[name] for name in impl.argnames))
            except Exception as error:
                self._problem(info.name, info.distribution, _describe(error))
        hook_running = False
        for name, source, item in registered:
            collection.items[name] = item
            collection.sources[name] = source

    def _refusal(
        self,
        collection: _Collection,
        item: object,
        info: Plugin,
        registered: list[tuple[str, str, object]],
    ) -> str | None:
        """Why ``register(item)`` is refused, or None when it is accepted."""
        registry = collection.registry
        if not isinstance(item, registry.kind):
            return f"register() expects {registry.expects}, found {type(item).__name__}"
        name = registry.name_of(item)
        claimed = registry.distribution_of(item) if registry.distribution_of else None
        if DISTRIBUTION in (claimed, info.distribution) and not info.builtin:
            return (
                f"the {registry.noun} {name!r} claims to come from {DISTRIBUTION}, "
                "which only the built-in plugins do; it is not registered"
            )
        owner = collection.sources.get(name) or next(
            (source for taken, source, _ in registered if taken == name), None
        )
        if owner is not None:
            return str(DuplicateNameError(registry.noun, name, owner, info.label))
        return None

    def _problem(self, plugin: str, distribution: str | None, message: str) -> None:
        problem = PluginProblem(plugin=plugin, distribution=distribution, message=message)
        self._problems.append(problem)

    # -- queries ---------------------------------------------------------------------

    def items(self, registry: Registry[T]) -> list[T]:
        """Every item the registry's hook registered, by name."""
        found: dict[str, T] = self._collect(registry).items
        return [found[name] for name in sorted(found)]

    def names(self, registry: Registry[Any]) -> list[str]:
        """The names of the registry's items, sorted."""
        return sorted(self._collect(registry).items)

    def find(self, registry: Registry[T], name: str) -> T | None:
        """The registry's item called ``name``, or None."""
        found: T | None = self._collect(registry).items.get(name)
        return found

    def suggest(self, registry: Registry[Any], name: str) -> str | None:
        """The name of the registry's item nearest to a misspelt ``name``, if one is near."""
        return closest(name, self.names(registry))

    def why_missing(self) -> list[str]:
        """Why an item may be missing: plugins that failed, or plugins not loaded."""
        self.load()
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
        """The plugins that loaded: the built-ins first, then the others in load order."""
        self.load()
        entries = sorted(self._entries, key=lambda e: (not e.info.builtin, e.order))
        return [entry.info for entry in entries]

    def problems(self) -> list[PluginProblem]:
        """The plugins that could not be loaded or used so far, with the reasons."""
        self.load()
        return list(self._problems)

    @property
    def pluggy(self) -> pluggy.PluginManager:
        """The underlying pluggy manager, for anything this wrapper does not offer."""
        self.load()
        return self._pm


def _no_hook(plugin: object) -> str:
    """Why a plugin registers nothing: it has no function pluggy takes as a hook."""
    hooks = list(specs.HOOKS)
    marker = f"{specs.PROJECT}_impl"
    how = "mark it with @hookimpl (from safeguarding_model.plugin import hookimpl)"
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
                    f"project {others[0]!r}, not {specs.PROJECT!r}; {how}"
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
            f"project {others[0]!r}, not {specs.PROJECT!r}; {how}"
        )
    return f"registers nothing: it has no function named {' or '.join(hooks)}; {how}"


def _other_markers(function: object) -> list[str]:
    """The pluggy projects whose hookimpl marker ``function`` carries, other than ours."""
    names = getattr(function, "__dict__", {})
    ours = f"{specs.PROJECT}_impl"
    return sorted(n[: -len("_impl")] for n in names if n.endswith("_impl") and n != ours)


def _describe(error: BaseException) -> str:
    text = str(error).strip()
    if isinstance(error, PluginError | DuplicateNameError) and text:
        return text
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


_default: PluginManager | None = None
_default_lock = threading.Lock()


def default_manager() -> PluginManager:
    """The manager behind :func:`~safeguarding_model.exporters.export` and friends."""
    global _default
    with _default_lock:
        if _default is None:
            _default = PluginManager()
        return _default


def reset_default_manager() -> None:
    """Forget the default manager, so that the next use discovers plugins again (after
    installing one in a running notebook, say)."""
    global _default
    with _default_lock:
        _default = None
