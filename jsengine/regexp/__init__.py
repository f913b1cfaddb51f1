"""ECMAScript regular expressions: pattern grammar, compiled backtracking matcher, step budget.

``compile_pattern(pattern, flags)`` returns a cached ``Matcher``; ``Matcher.match`` and
``Matcher.search`` return flat capture index lists in UTF-16 code units. The matcher (and the lark
grammar behind it) is imported on first use, so scripts without regular expressions start faster.
"""

from .errors import RegExpSyntaxError


def compile_pattern(pattern: str, flags: str):
    """The cached Matcher for (pattern, flags); raises RegExpSyntaxError."""
    from .matcher import compile_pattern as _compile

    return _compile(pattern, flags)


def __getattr__(name: str):
    if name == "Matcher":
        from .matcher import Matcher

        return Matcher
    raise AttributeError(name)


__all__ = ["Matcher", "RegExpSyntaxError", "compile_pattern"]
