"""The hook specifications: every hook a plugin can implement, each documented here.

A plugin is a module (or any object) whose functions carry the :data:`hookimpl`
marker and are named after a hook below. Installed plugins are found through the
``safeguarding_model`` entry-point group; the built-in plugins (the exporters in
:mod:`safeguarding_model.exporters.builtin`, the rules in
:mod:`safeguarding_model.rules.builtin`) are plugins of exactly the same kind.
Plugins import what they need from :mod:`safeguarding_model.plugin`.

Every hook receives a ``register`` callback from the core and calls it once per item
it provides; the core checks each item, refuses a duplicate name, and keeps the
bookkeeping (see :class:`~safeguarding_model.hooks.registry.Registry`).

The docstrings below are the reference documentation of the hooks (``docs/plugins.md``
repeats them with the exact signatures, and a test keeps the two in step).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeAlias

import pluggy

__all__ = [
    "HOOKS",
    "PROJECT",
    "Register",
    "hookimpl",
    "hookspec",
    "register_exporters",
    "register_rules",
]

PROJECT = "safeguarding_model"
"""The pluggy project name that both markers below carry."""

hookspec = pluggy.HookspecMarker(PROJECT)
"""Marks a hook specification (used only in this module)."""

hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marks a plugin's implementation of a hook: ``@hookimpl`` above the function."""

Register: TypeAlias = Callable[[Any], None]
"""The callback a ``register_*`` hook receives: call it once per item the plugin
provides. What it takes depends on the hook (an ``Exporter`` for
:func:`register_exporters`, a ``Rule`` for :func:`register_rules`);
:mod:`safeguarding_model.plugin` gives the typed versions, ``RegisterExporter`` and
``RegisterRule``."""


@hookspec
def register_exporters(register: Register) -> None:
    """Register the exporters this plugin provides.

    Called once per plugin, the first time anything asks for the list of exporters
    or exports (never when ``safeguarding_model`` is imported). The built-in plugins
    are called first, then installed plugins in the order of their entry-point names.

    :param register: call ``register(Exporter(...))`` once for each exporter, while
        this hook runs (a call after it has returned raises
        :class:`~safeguarding_model.plugin.PluginError`). It checks that it was
        given an :class:`~safeguarding_model.plugin.Exporter`, that no exporter of
        the same name is registered already and that the exporter does not claim to
        come from ``safeguarding-model`` (only the built-ins do). An exporter that
        fails a check is refused and reported against this plugin (a duplicate name
        with the words of :class:`~safeguarding_model.exporters.DuplicateExporterError`,
        while the first exporter of that name, a built-in when the clash is with one,
        stays); the call returns normally, so the plugin's other exporters still
        register.
    :returns: nothing; what counts is the calls to ``register``.

    Keep the implementation cheap: import heavy libraries inside the exporter's
    ``render`` function, not at the top of the plugin module, so that listing the
    exporters stays fast.
    """


@hookspec
def register_rules(register: Register) -> None:
    """Register the statutory rules this plugin provides.

    Called once per plugin, the first time anything asks for the rules (a check, the
    list of rules; never when ``safeguarding_model`` is imported). The built-in plugins
    (the modules of :mod:`safeguarding_model.rules.builtin`, one per instrument or
    edition) are called first, then installed plugins in the order of their entry-point
    names, so a plugin adds rules but never replaces a built-in one.

    :param register: call ``register(Rule(...))`` once for each rule, while this hook
        runs (a call after it has returned raises
        :class:`~safeguarding_model.plugin.PluginError`). It checks that it was given a
        :class:`~safeguarding_model.plugin.Rule`, that no rule of the same id is
        registered already and that the rule does not claim to come from
        ``safeguarding-model`` (only the built-ins do). A rule that fails a check is
        refused and reported against this plugin; the call returns normally, so the
        plugin's other rules still register.
    :returns: nothing; what counts is the calls to ``register``.

    A rule names the instrument it rests on (an edition of Working Together applies
    when it is the edition checked; any other instrument, a plugin's own included,
    applies by the rule's dates), where in it, its modality and the evidence status of
    its source. Its ``check(context)`` yields what it finds through
    ``context.fail``, ``context.unknown`` and ``context.note``; a check that raises is
    reported as a finding of its own and the other rules still run. Keep imports of
    heavy libraries inside ``check``.
    """


HOOKS: tuple[str, ...] = tuple(
    name for name, value in list(globals().items()) if hasattr(value, f"{PROJECT}_spec")
)
"""The names of the hooks above, in the order this module specifies them."""
