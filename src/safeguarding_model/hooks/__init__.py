"""The plugin core: the hook specifications and the one plugin manager.

It sits at the bottom of the layers, just above :mod:`safeguarding_model.errors`, so
that every feature layer (the exporters and the rules) can host plugins: a layer
declares a :class:`Registry` for its hook and asks the manager for its items.

- :mod:`.specs`: every hook a plugin can implement, each documented;
- :mod:`.registry`: what a hook collects (:class:`Registry`), and the records of
  loading (:class:`Plugin`, :class:`PluginProblem`, :class:`PluginError`);
- :mod:`.manager`: the typed plugin manager (:class:`PluginManager`), which loads
  the built-in and installed plugins once, lazily.

Plugins import from :mod:`safeguarding_model.plugin`, not from here. Importing this
package imports pluggy; ``import safeguarding_model`` does not import it.
"""

from __future__ import annotations

from .manager import (
    DISTRIBUTION,
    ENTRY_POINT_GROUP,
    NO_PLUGINS_ENV,
    PluginManager,
    default_manager,
    plugins_blocked,
    reset_default_manager,
)
from .registry import DuplicateNameError, Plugin, PluginError, PluginProblem, Registry
from .specs import HOOKS, PROJECT, Register, hookimpl

__all__ = [
    "DISTRIBUTION",
    "ENTRY_POINT_GROUP",
    "HOOKS",
    "NO_PLUGINS_ENV",
    "PROJECT",
    "DuplicateNameError",
    "Plugin",
    "PluginError",
    "PluginManager",
    "PluginProblem",
    "Register",
    "Registry",
    "default_manager",
    "hookimpl",
    "plugins_blocked",
    "reset_default_manager",
]
