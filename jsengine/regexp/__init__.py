"""ECMAScript regular expressions (22.2, B.1.4): pattern grammar, compiled backtracking matcher, step budget.

``compile_pattern(pattern, flags)`` returns a cached ``Matcher`` (or raises
``RegExpSyntaxError`` with the message a JS SyntaxError carries). Patterns and inputs are
JS strings: Python ``str`` of UTF-16 code units; all indices are code-unit indices.

``Matcher.match(s, index, charge)`` tries one match starting exactly at ``index`` (sticky);
``Matcher.search(s, index, charge)`` scans forward like RegExpBuiltinExec;
``Matcher.search_all(s, index, charge)`` yields the matches of a global lastIndex loop.
Results are flat ``[start0, end0, start1, end1, ...]`` lists with -1 for unmatched groups.

``charge(n)`` is called with the steps consumed (one per matcher node executed, plus one
per 16 characters scanned at C speed), every 1024 steps and at least once per call; it
may raise to stop the match, and the exception propagates unchanged. Matching never
recurses, so long inputs need no stack; pattern nesting is limited to 400 groups.
"""

from .errors import RegExpSyntaxError
from .matcher import Matcher, compile_pattern

__all__ = ["Matcher", "RegExpSyntaxError", "compile_pattern"]
