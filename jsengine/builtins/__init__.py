"""Builtin objects, one module per global; each has ``setup(realm)`` (see realm.py)."""
