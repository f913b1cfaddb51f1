"""ECMAScript regular expressions: pattern grammar, compiled backtracking matcher, step budget.

``compile_pattern(pattern, flags)`` returns a cached ``Matcher``; ``Matcher.match`` and
``Matcher.search`` return flat capture index lists in UTF-16 code units.
"""

from .errors import RegExpSyntaxError
from .matcher import Matcher, compile_pattern

__all__ = ["Matcher", "RegExpSyntaxError", "compile_pattern"]
