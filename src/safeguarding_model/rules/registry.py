"""The rules' registry, and a typed manager of rules over the plugin core.

Rules are collected by the core's plugin manager (:mod:`safeguarding_model.hooks`)
through :data:`RULES`, the registry of the ``register_rules`` hook: the built-in
plugins (every module of :mod:`safeguarding_model.rules.builtin`, by name: one per
instrument or edition) are called first, then installed plugins in the order of
their entry-point names, so a plugin can add rules but never replace a built-in one
(a rule whose id is taken is refused and reported against the plugin).
"""

from __future__ import annotations

import threading

import attrs

from ..errors import NotFoundError
from ..hooks import Plugin, PluginProblem, Registry
from ..hooks.manager import EntryPoints, PluginManager
from ..hooks.manager import default_manager as default_plugin_manager
from ..hooks.manager import reset_default_manager as reset_default_plugin_manager
from .instruments import INSTRUMENTS
from .rule import Rule

__all__ = ["RULES", "RuleManager", "default_manager", "reset_default_manager", "sorted_rules"]


def _rule_id(rule: Rule) -> str:
    return rule.id


def _rule_distribution(rule: Rule) -> str | None:
    return rule.distribution


def _with_distribution(rule: Rule, distribution: str) -> Rule:
    return attrs.evolve(rule, distribution=distribution)


RULES: Registry[Rule] = Registry(
    hook="register_rules",
    kind=Rule,
    noun="rule",
    name_of=_rule_id,
    builtins=f"{__package__}.builtin",
    distribution_of=_rule_distribution,
    with_distribution=_with_distribution,
)
"""The registry of the ``register_rules`` hook: what it collects and how."""

_RANK = {key: number for number, key in enumerate(INSTRUMENTS)}


def sorted_rules(rules: list[Rule]) -> list[Rule]:
    """Rules in the order reports list them: by instrument (the Act, the regulations,
    the editions oldest first, the 2026 Act, the Care Act, the structure; a plugin's
    own instruments last, by key), then by id."""
    return sorted(rules, key=lambda r: (_RANK.get(r.instrument, len(_RANK)), r.instrument, r.id))


class RuleManager:
    """The rules of the built-in and installed plugins, loaded on first use.

    ``entry_points`` replaces the discovery of installed plugins (tests fake it);
    ``external`` chooses whether installed plugins load at all (by default, unless
    ``SAFEGUARDING_MODEL_NO_PLUGINS`` is set); ``plugins`` is the core's manager to use
    instead of a new one (the default manager shares the core's default, with the
    exporters).
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
        """The plugin core's manager that does the work."""
        return self._core

    def load(self) -> None:
        """Load the plugins and collect their rules, once; later calls do nothing."""
        self._core.names(RULES)

    def add_plugin(self, plugin: object, *, name: str, distribution: str | None = None) -> None:
        """Register a plugin object by hand (a module, a class, an instance): for
        notebooks and tests. Problems raise :class:`~safeguarding_model.plugin.PluginError`
        here instead of being recorded."""
        self.load()
        self._core.add_plugin(plugin, name=name, distribution=distribution)

    def rules(self) -> list[Rule]:
        """Every registered rule, in report order (:func:`sorted_rules`)."""
        return sorted_rules(self._core.items(RULES))

    def ids(self) -> list[str]:
        """The ids of every registered rule, sorted."""
        return self._core.names(RULES)

    def get(self, rule_id: str) -> Rule:
        """The rule with this id; a :class:`~safeguarding_model.errors.NotFoundError`
        with the nearest id when there is none."""
        found = self._core.find(RULES, rule_id)
        if found is None:
            suggestion = self._core.suggest(RULES, rule_id)
            hint = f" (did you mean `{suggestion}`?)" if suggestion else ""
            notes = "".join(f". {note}" for note in self._core.why_missing())
            raise NotFoundError(
                f"no rule has the id {rule_id!r}{hint}{notes}",
                key=rule_id,
                suggestion=suggestion,
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


_default: RuleManager | None = None
_default_lock = threading.Lock()


def default_manager() -> RuleManager:
    """The manager behind :func:`~safeguarding_model.rules.check`: the rules of the
    core's default plugin manager."""
    global _default
    core = default_plugin_manager()
    with _default_lock:
        if _default is None or _default.core is not core:
            _default = RuleManager(plugins=core)
        return _default


def reset_default_manager() -> None:
    """Forget the default managers, so that the next use discovers plugins again."""
    global _default
    reset_default_plugin_manager()
    with _default_lock:
        _default = None
