"""Matching results, feature by feature. Every expectation was checked against Node (V8)."""

from __future__ import annotations

import pytest
from regexp_helpers import counting_charge, exec_, fast  # noqa: F401
from regexp_node_oracle import NODE, node_run

from jsengine.regexp import Matcher

U = None  # an unmatched group (undefined)
PAIR = "\ud83d\ude00"  # U+1F600 as UTF-16
PAIR2 = "\ud83d\ude01"

# (pattern, flags, input, start index, expected exec() array or None)
CASES = [
    # captures and alternation
    ("(a)|b", "", "b", 0, ["b", U]),
    ("(z)((a+)?(b+)?(c))*", "", "zaacbbbcac", 0, ["zaacbbbcac", "z", "ac", "a", U, "c"]),
    ("(a|ab)(c|bcd)(d*)", "", "abcd", 0, ["abcd", "a", "bcd", ""]),
    ("((a)|b)+", "", "ab", 0, ["ab", "b", U]),
    ("(?:(a)|b)*", "", "ab", 0, ["ab", U]),
    ("(a)|(b)|(c)", "", "c", 0, ["c", U, U, "c"]),
    ("(?:)", "", "x", 0, [""]),
    # quantifiers: greedy, lazy, counted, empty check
    ("a{2,3}", "", "aaaa", 0, ["aaa"]),
    ("a{2,3}?", "", "aaaa", 0, ["aa"]),
    ("x*?y", "", "xxxy", 0, ["xxxy"]),
    ("(a*)*b", "", "aaab", 0, ["aaab", "aaa"]),
    ("(a*)+", "", "b", 0, ["", ""]),
    ("(a?)*?b", "", "ab", 0, ["ab", "a"]),
    ("(|a)*", "", "aa", 0, ["aa", "a"]),
    ("(?:a?){2,}", "", "a", 0, ["a"]),
    ("(a){0}", "", "a", 0, ["", U]),
    ("a{,3}", "", "a{,3}", 0, ["a{,3}"]),
    # backreferences
    ("\\1(a)", "", "aa", 0, ["a", "a"]),
    ("(a)?\\1", "", "b", 0, ["", U]),
    ("(a)\\1", "i", "aA", 0, ["aA", "a"]),
    ("(?<q>['\"]).*?\\k<q>", "", "say \"hi\" 'x'", 0, ['"hi"', '"']),
    ("(?=(a+))a*b\\1", "", "baaabac", 0, ["aba", "a"]),
    ("(.*?)a(?!(a+)b\\2c)\\2(.*)", "", "baaabaac", 0, ["baaabaac", "ba", U, "abaac"]),
    # lookahead, lookbehind
    ("(?<=\\$)\\d+(\\.\\d*)?", "", "cost $10.53", 0, ["10.53", ".53"]),
    ("(?<!(a)\\1)b", "", "aab xb", 0, ["b", U]),
    ("(?<=(\\d+)(\\d+))$", "", "1053", 0, ["", "1", "053"]),
    ("(?<=\\1(a))b", "", "aab", 0, ["b", "a"]),
    ("(?<!abc)\\w\\w\\w", "", "abcdef", 0, ["abc"]),
    ("(?<=^|,)\\w+", "", "a,bc", 1, ["bc"]),
    ("(?=(a))?a\\1", "", "aa", 0, ["a", U]),
    ("(?!a)+b", "", "b", 0, ["b"]),
    # assertions and flags m, s
    ("^a$", "m", "b\na\nc", 0, ["a"]),
    ("^a$", "", "b\na\nc", 0, None),
    ("a.c", "", "a\nc", 0, None),
    ("a.c", "s", "a\nc", 0, ["a\nc"]),
    ("a.c", "", "a\u2028c", 0, None),
    ("\\bfoo\\b", "", "a foo.", 0, ["foo"]),
    ("\\B", "", "", 0, [""]),
    ("$", "", "ab", 0, [""]),
    # classes and escapes
    ("[^]", "", "\n", 0, ["\n"]),
    ("[]", "", "a", 0, None),
    ("[\\b]", "", "a\bb", 0, ["\b"]),
    ("[a-z-]+", "", "x-y_z", 0, ["x-y"]),
    ("\\s+", "", "a \u00a0\ufeff\u3000b", 0, [" \u00a0\ufeff\u3000"]),
    ("\\W+", "", "ab-\u00e9cd", 0, ["-\u00e9"]),
    # Annex B syntax in non-u patterns
    ("\\8", "", "8", 0, ["8"]),
    ("\\18(a)", "", "a", 0, None),
    ("\\18(a)", "", "\x018a", 0, ["\x018a", "a"]),
    ("\\377\\400", "", "\xff\x200", 0, ["\xff\x200"]),
    ("\\c1", "", "\\c1", 0, ["\\c1"]),
    ("[\\c1]", "", "\x11", 0, ["\x11"]),
    ("[\\c_]", "", "\x1f", 0, ["\x1f"]),
    ("\\k<a>", "", "k<a>", 0, ["k<a>"]),
    ("[\\d-a]+", "", "1-a", 0, ["1-a"]),
    ("a{", "", "a{", 0, ["a{"]),
    ("]}", "", "]}", 0, ["]}"]),
    ("\\xg\\u00", "", "xgu00", 0, ["xgu00"]),
    ("(?=a){2}a", "", "a", 0, ["a"]),
    ("\\a\\-", "", "a-", 0, ["a-"]),
    # case-insensitive: non-u uses toUpperCase, u uses simple case folding
    ("\u212a", "i", "k", 0, None),
    ("\u212a", "iu", "k", 0, ["k"]),
    ("\u017f", "i", "s", 0, None),
    ("\u017f", "iu", "S", 0, ["S"]),
    ("\u00df", "i", "\u1e9e", 0, None),
    ("\u00df", "iu", "\u1e9e", 0, ["\u1e9e"]),
    ("[a-z]+", "i", "ABC", 0, ["ABC"]),
    ("\u03c3", "i", "\u03c2", 0, ["\u03c2"]),
    ("\\w", "iu", "\u017f", 0, ["\u017f"]),
    ("\\W", "iu", "\u017f", 0, None),
    ("\\w", "i", "\u017f", 0, None),
    ("\\b", "iu", "\u212a", 0, [""]),
    ("[^k]", "iu", "\u212a", 0, None),
    ("[\u00e0-\u00ff]+", "i", "\u00c0\u00c9x", 0, ["\u00c0\u00c9"]),
    # u mode: code points, surrogates, escapes
    (".", "u", PAIR, 0, [PAIR]),
    (".", "", PAIR, 0, ["\ud83d"]),
    ("^.$", "u", PAIR, 0, [PAIR]),
    ("\\ud83d", "u", PAIR, 0, None),
    ("\\ude00", "u", PAIR, 0, None),
    ("\\ude00", "", PAIR, 0, ["\ude00"]),
    ("\\ud83d\\ude00", "u", PAIR, 0, [PAIR]),
    ("\\u{1F600}+", "u", PAIR + PAIR, 0, [PAIR + PAIR]),
    ("[\\u{1F600}-\\u{1F601}]", "u", "x" + PAIR2, 0, [PAIR2]),
    ("[^x]", "u", PAIR, 0, [PAIR]),
    ("[" + PAIR + "]", "", PAIR, 0, ["\ud83d"]),
    (".", "u", PAIR, 1, [PAIR]),
    ("\\ude00", "u", "\ude00" + PAIR, 1, None),
    ("\\u{61}", "", "a", 0, None),
    ("\\u{61}", "", "u" * 61, 0, ["u" * 61]),
    ("\\p{Script=Greek}+", "u", "abc\u03b1\u03b2\u03b3", 0, ["\u03b1\u03b2\u03b3"]),
    ("\\p{L}+", "u", "1\u00e9\ud835\udc9c", 0, ["\u00e9\ud835\udc9c"]),
    ("\\P{L}+", "u", "ab12", 0, ["12"]),
    ("\\p{ASCII_Hex_Digit}+", "u", "xBEEFy", 0, ["BEEF"]),
    ("\\p{Lu}", "iu", "a", 0, ["a"]),
    ("[\\p{Lu}\\d]+", "u", "aB1c", 0, ["B1"]),
    ("\\p{Any}", "u", "\udc00", 0, ["\udc00"]),
    # named groups
    ("(?<year>\\d{4})-(?<month>\\d\\d)", "", "on 2020-12-01", 0, ["2020-12", "2020", "12"]),
    ("(?<\u00e9>a)\\k<\u00e9>", "", "aa", 0, ["aa", "a"]),
    ("(?<a\\u{62}>.)\\k<ab>", "", "xx", 0, ["xx", "x"]),
    ("(?<\ud835\udc9c>.)", "", "x", 0, ["x", "x"]),
    # search from an index
    ("a", "", "aba", 1, ["a"]),
    ("^a", "", "aba", 1, None),
    ("^a", "m", "b\na", 1, ["a"]),
]


@pytest.mark.parametrize(("pattern", "flags", "text", "index", "expected"), CASES)
def test_exec(pattern: str, flags: str, text: str, index: int, expected: list | None, fast: bool) -> None:  # noqa: F811
    assert exec_(pattern, flags, text, index, fast) == expected


@pytest.mark.skipif(NODE is None, reason="node not installed")
def test_expectations_match_node() -> None:
    """The table above is what V8 answers."""
    results = node_run([(p, f, s, i, "search") for p, f, s, i, _ in CASES])
    for (p, f, s, _, expected), got in zip(CASES, results):
        strings = (
            None
            if got is None
            else [s[got[k] : got[k + 1]] if got[k] >= 0 else None for k in range(0, len(got), 2)]
        )
        assert strings == expected, (p, f, s)


@pytest.mark.parametrize(
    ("pattern", "flags", "text", "spans"),
    [
        ("a*", "", "baa", [(0, 0), (1, 3), (3, 3)]),
        ("", "u", PAIR + "x", [(0, 0), (2, 2), (3, 3)]),
        ("", "", PAIR, [(0, 0), (1, 1), (2, 2)]),
        ("'", "", "it's 'x'", [(2, 3), (5, 6), (7, 8)]),
        (",\\s*", "", "a, b,c", [(1, 3), (4, 5)]),
        ("(?=(a))", "", "aba", [(0, 0), (2, 2)]),
        ("\\b", "", "ab cd", [(0, 0), (2, 2), (3, 3), (5, 5)]),
    ],
)
def test_search_all_follows_the_lastindex_loop(pattern: str, flags: str, text: str, spans: list) -> None:
    for fast_paths in (True, False):
        charge, total = counting_charge()
        m = Matcher(pattern, flags, fast_paths=fast_paths)
        got = [(r[0], r[1]) for r in m.search_all(text, 0, charge)]
        assert got == spans
        assert total[0] >= 1
