"""What a ``register_*`` hook collects, described once, and the records of loading.

A :class:`Registry` describes one hook of :mod:`.specs` for the plugin manager: the
hook's name, the type of what its ``register`` callback accepts, how to get an item's
name, the noun for messages and the package of its built-in plugins. The manager
(:mod:`.manager`) does the rest the same way for every registry: it checks the type,
refuses a duplicate name or a claim to be the core, records each problem against the
plugin and keeps loading the others.

This module is pure: it imports neither pluggy nor any layer above the core.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

import attrs

from ..errors import DuplicateNameError, PluginError, PluginProblem, with_article

__all__ = [
    "DuplicateNameError",
    "Plugin",
    "PluginError",
    "PluginProblem",
    "Registry",
]

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Registry(Generic[T]):
    """One ``register_*`` hook, as the plugin manager collects it.

    ``hook``
        the name of the hook specification in :mod:`safeguarding_model.hooks.specs`
        (``"register_exporters"``).
    ``kind``
        the type that ``register`` accepts; anything else is refused and reported.
    ``noun``
        what one item is called in messages (``"exporter"``).
    ``name_of``
        an item's name, unique in the registry (``lambda exporter: exporter.name``).
    ``builtins``
        the package whose modules are the built-in plugins of this hook
        (``"safeguarding_model.exporters.builtin"``), registered in the order of their
        module names (but those beginning ``_``, which are helpers) and before any
        installed plugin; ``None`` when there are none.
    ``distribution_of``
        the distribution an item says it comes from, if items carry one: an item that
        claims to be the core's (``safeguarding-model``) is refused unless a built-in
        plugin registered it.
    ``with_distribution``
        an item given the distribution of the plugin that registered it (the core
        calls it on every accepted item), if items carry one.
    """

    hook: str
    kind: type[T]
    noun: str
    name_of: Callable[[T], str]
    builtins: str | None = None
    distribution_of: Callable[[T], str | None] | None = None
    with_distribution: Callable[[T, str], T] | None = None

    @property
    def plural(self) -> str:
        """The noun in the plural, for messages: ``exporters``."""
        return f"{self.noun}s"

    @property
    def expects(self) -> str:
        """What ``register`` takes, in words: ``an Exporter``."""
        return with_article(self.kind.__name__)


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
