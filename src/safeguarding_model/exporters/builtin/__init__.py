"""The built-in exporters: ordinary plugins, one small module per format.

Each module implements the ``register_exporters`` hook with the same ``hookimpl``
marker that installed plugins use, and the plugin manager registers them before any
installed plugin, in the order of their module names. They are not listed anywhere:
a new module here is a new built-in plugin. Copy one to start a plugin of your own
(see ``docs/plugins.md``), importing from :mod:`safeguarding_model.plugin`.
"""
