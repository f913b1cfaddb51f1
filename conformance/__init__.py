"""test262 conformance runner for jsengine.

``python -m conformance run | check | report`` -- see ``conformance/README.md``. The pieces:
``frontmatter`` (test metadata), ``suite`` (scope and runs), ``executor`` (one run in a fresh engine),
``pool`` (worker processes), ``results``/``report`` (tables, JSON, README block) and ``baseline``
(the expected-failures gate).
"""

from .frontmatter import TestMeta, parse_test
from .suite import Run, Scope, Suite

__all__ = ["Run", "Scope", "Suite", "TestMeta", "parse_test"]
