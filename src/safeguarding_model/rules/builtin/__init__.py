"""The built-in rules: ordinary plugins, one module per instrument or edition.

Each module implements the ``register_rules`` hook with the same ``hookimpl`` marker
that installed plugins use, and the plugin manager registers them before any
installed plugin, in the order of their module names (a module whose name begins
``_`` is a helper). Copy one to start a plugin of your own (see ``docs/plugins.md``),
importing from :mod:`safeguarding_model.plugin`.
"""
