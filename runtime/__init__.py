"""The activity-script runtime: integrations, bindings, storage, activity log and webhook server.

It builds on the engine only through :mod:`runtime.sandbox`; everything else is plain Python.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
