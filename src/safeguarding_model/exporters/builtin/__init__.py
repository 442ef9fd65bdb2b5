"""The built-in exporters: ordinary plugins, one small module per format.

Each module implements the ``register_exporters`` hook with the same ``hookimpl``
marker that installed plugins use, and the plugin manager registers them before any
installed plugin. Copy one to start a plugin of your own (see ``docs/plugins.md``).
"""
