"""Pattern grammar: early errors (with V8's messages), Annex B leniency, flags, group metadata."""

from __future__ import annotations

import pytest
from regexp_node_oracle import NODE, node_run

from jsengine.regexp import RegExpSyntaxError, compile_pattern

# (pattern, flags, message after "Invalid regular expression: /pattern/flags: ")
ERRORS = [
    ("(", "", "Unterminated group"),
    (")", "", "Unmatched ')'"),
    ("[", "", "Unterminated character class"),
    ("*", "", "Nothing to repeat"),
    ("a**", "", "Nothing to repeat"),
    ("a|*", "", "Nothing to repeat"),
    ("{1}", "", "Nothing to repeat"),
    ("x{1}{2}", "", "Nothing to repeat"),
    ("^*", "", "Nothing to repeat"),
    ("\\b+", "", "Nothing to repeat"),
    ("a{2,1}", "", "numbers out of order in {} quantifier"),
    ("{", "u", "Lone quantifier brackets"),
    ("}", "u", "Lone quantifier brackets"),
    ("]", "u", "Lone quantifier brackets"),
    ("a{1", "u", "Incomplete quantifier"),
    ("\\", "", "\\ at end of pattern"),
    ("(?", "", "Invalid group"),
    ("(?a)", "", "Invalid group"),
    ("(?<a", "", "Invalid capture group name"),
    ("(?<1a>x)", "", "Invalid capture group name"),
    ("(?<a>x)(?<a>y)", "", "Duplicate capture group name"),
    ("\\k<b>(?<a>x)", "", "Invalid named capture referenced"),
    ("(?<a>x)\\k", "", "Invalid named reference"),
    ("\\k", "u", "Invalid named reference"),
    ("(?<a>.)[\\k]", "", "Invalid escape"),
    ("\\2(a)", "u", "Invalid escape"),
    ("\\01", "u", "Invalid decimal escape"),
    ("[\\01]", "u", "Invalid class escape"),
    ("\\c0", "u", "Invalid Unicode escape"),
    ("\\x1", "u", "Invalid escape"),
    ("\\u12", "u", "Invalid Unicode escape"),
    ("\\u{110000}", "u", "Invalid Unicode escape"),
    ("\\a", "u", "Invalid escape"),
    ("\\-", "u", "Invalid escape"),
    ("[\\B]", "u", "Invalid escape"),
    ("[\\d-a]", "u", "Invalid character class"),
    ("[b-a]", "", "Range out of order in character class"),
    ("\\p{Foo}", "u", "Invalid property name"),
    ("\\p{Script=Foo}", "u", "Invalid property name"),
    ("\\p{ascii}", "u", "Invalid property name"),
    ("\\p{Block=Basic_Latin}", "u", "Invalid property name"),
    ("\\p{L", "u", "Invalid property name"),
    ("(?=a)*", "u", "Invalid quantifier"),
    ("(?<=a)*", "", "Invalid quantifier"),
    ("(?<!a){2}", "", "Invalid quantifier"),
]


@pytest.mark.parametrize(("pattern", "flags", "message"), ERRORS)
def test_early_errors(pattern: str, flags: str, message: str) -> None:
    with pytest.raises(RegExpSyntaxError) as info:
        compile_pattern(pattern, flags)
    assert str(info.value) == f"Invalid regular expression: /{pattern}/{flags}: {message}"


@pytest.mark.skipif(NODE is None, reason="node not installed")
def test_error_messages_match_node() -> None:
    results = node_run([(p, f, "", 0, "search") for p, f, _ in ERRORS])
    for (p, f, message), got in zip(ERRORS, results):
        assert isinstance(got, dict), p
        assert got["error"].endswith(": " + message), (p, got)


@pytest.mark.parametrize("flags", ["gg", "x", "d", "G", "uu", "gimsuyx"])
def test_invalid_flags(flags: str) -> None:
    with pytest.raises(RegExpSyntaxError, match="Invalid flags supplied to RegExp constructor"):
        compile_pattern("a", flags)


@pytest.mark.parametrize(
    "pattern",
    [
        "\\8",
        "\\1(a)",
        "\\18",
        "\\07",
        "\\c",
        "\\c1",
        "[\\c1]",
        "[\\c_]",
        "[\\c*]",
        "\\k",
        "\\k<a>",
        "[\\d-a]",
        "[a-\\w]",
        "a{",
        "a{1,",
        "{",
        "}",
        "]",
        "\\xg",
        "\\u{61}",
        "(?=a)*",
        "(?!a){2}",
        "\\a",
        "\\-",
        "[\\B]",
        "\\p{L}",
        "\\_",
        "(?<\ud835\udc9c>x)",
    ],
)
def test_annex_b_syntax_is_accepted_without_u(pattern: str) -> None:
    compile_pattern(pattern, "")


@pytest.mark.parametrize(
    ("pattern", "groups", "names"),
    [
        ("", 0, {}),
        ("(a)(?:b)(?<n>c)(?=(d))(?<!(e))", 4, {"n": 2}),
        ("(?<first>a)|(?<second>b)", 2, {"first": 1, "second": 2}),
        ("[(](\\()", 1, {}),
        ("(?<$\u00e9\u200c>a)", 1, {"$\u00e9\u200c": 1}),
        ("(?<\\u0041\\u{42}>a)", 1, {"AB": 1}),
        ("(?<\ud835\udc9c>a)", 1, {"\ud835\udc9c": 1}),
    ],
)
def test_group_metadata(pattern: str, groups: int, names: dict) -> None:
    m = compile_pattern(pattern, "")
    assert m.n_groups == groups
    assert m.group_names == names
    assert list(m.group_names) == list(names)


def test_compile_is_cached() -> None:
    assert compile_pattern("a+b", "gi") is compile_pattern("a+b", "gi")
    assert compile_pattern("a+b", "g") is not compile_pattern("a+b", "gi")


def test_empty_pattern_error_shows_placeholder() -> None:
    with pytest.raises(RegExpSyntaxError, match="Invalid flags"):
        compile_pattern("", "z")
