"""The hook specifications: every hook a plugin can implement, each documented here.

A plugin is a module (or any object) whose functions carry the :data:`hookimpl`
marker and are named after a hook below. Installed plugins are found through the
``safeguarding_model`` entry-point group; the built-in exporters in
:mod:`safeguarding_model.exporters.builtin` are plugins of exactly the same kind.

The docstrings below are the reference documentation of the hooks (``docs/plugins.md``
repeats them with the exact signatures, and a test keeps the two in step).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

import pluggy

from .exporter import Exporter

__all__ = ["PROJECT", "Register", "hookimpl", "hookspec", "register_exporters"]

PROJECT = "safeguarding_model"
"""The pluggy project name that both markers below carry."""

hookspec = pluggy.HookspecMarker(PROJECT)
"""Marks a hook specification (used only in this module)."""

hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marks a plugin's implementation of a hook: ``@hookimpl`` above the function."""

Register: TypeAlias = Callable[[Exporter], None]
"""The function a plugin calls once per exporter it provides."""


@hookspec
def register_exporters(register: Register) -> None:
    """Register the exporters this plugin provides.

    Called once per plugin, the first time anything asks for the list of exporters
    or exports (never when ``safeguarding_model`` is imported). The built-in plugins
    are called first, then installed plugins in the order of their entry-point names.

    :param register: call ``register(Exporter(...))`` once for each exporter, while
        this hook runs (a call after it has returned raises
        :class:`~safeguarding_model.exporters.PluginError`). It checks that it was
        given an :class:`~safeguarding_model.exporters.Exporter`, that no exporter of
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
