"""The globals of an activity script, one module per binding (plain Python, engine-independent)."""
