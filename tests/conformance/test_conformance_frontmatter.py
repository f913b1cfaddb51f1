"""The frontmatter parser reads the YAML subset test262 uses."""

from __future__ import annotations

import pytest

from conformance.frontmatter import FrontmatterError, extract, parse_test, parse_yaml


def header(body: str) -> str:
    return f"// Copyright\n/*---\n{body}\n---*/\nvar x;\n"


def test_no_frontmatter_gives_defaults():
    meta = parse_test("var x = 1;")
    assert meta.flags == [] and meta.includes == [] and meta.features == [] and not meta.is_negative


def test_unterminated_frontmatter_is_an_error():
    with pytest.raises(FrontmatterError):
        extract("/*---\ndescription: x\n")


def test_flow_lists():
    meta = parse_test(header("includes: [compareArray.js, propertyHelper.js]\nflags: [onlyStrict]\n"
                             "features: [Symbol.iterator, let]"))
    assert meta.includes == ["compareArray.js", "propertyHelper.js"]
    assert meta.flags == ["onlyStrict"]
    assert meta.features == ["Symbol.iterator", "let"]


def test_block_lists_and_empty_list():
    meta = parse_test(header("features:\n  - Symbol.toStringTag\n  - Symbol.iterator\nincludes:\n- a.js\n- b.js\n"
                             "flags: []"))
    assert meta.features == ["Symbol.toStringTag", "Symbol.iterator"]
    assert meta.includes == ["a.js", "b.js"]
    assert meta.flags == []


def test_flow_list_spanning_lines():
    assert parse_yaml("features: [a,\n  b, c]\n")["features"] == ["a", "b", "c"]


@pytest.mark.parametrize(
    "body",
    [
        "negative:\n  phase: parse\n  type: SyntaxError",
        "negative:\n    phase: parse\n    type: SyntaxError",
        "negative: {phase: parse, type: SyntaxError}",
    ],
)
def test_negative_block_and_flow_mapping(body):
    meta = parse_test(header("description: d\n" + body + "\nflags: [noStrict]"))
    assert (meta.negative_phase, meta.negative_type) == ("parse", "SyntaxError")
    assert meta.flags == ["noStrict"]


def test_negative_without_type_is_an_error():
    with pytest.raises(FrontmatterError):
        parse_test(header("negative:\n  phase: parse"))


def test_literal_and_folded_block_scalars():
    data = parse_yaml(
        "description: >\n  Folded lines\n  join with spaces.\n\n  New paragraph.\n"
        "info: |\n  Literal lines\n    keep indentation\n\n  and breaks.\n"
        "esid: sec-x\n"
    )
    assert data["description"] == "Folded lines join with spaces.\nNew paragraph.\n"
    assert data["info"] == "Literal lines\n  keep indentation\n\nand breaks.\n"
    assert data["esid"] == "sec-x"


def test_block_scalar_chomping_and_empty():
    data = parse_yaml("a: |-\n  text\n\nb: |+\n  text\n\nc: |\nd: x\n")
    assert data["a"] == "text"
    assert data["b"] == "text\n\n"
    assert data["c"] == ""
    assert data["d"] == "x"


def test_quoted_and_plain_scalars():
    data = parse_yaml(
        "description: 'it''s # not a comment'\n"
        'info: "tab\\tand \\u00e9"\n'
        "es5id: 15.4.4.4-5-c-i-1 # trailing comment\n"
        "author: Some One\n  continued here\n"
    )
    assert data["description"] == "it's # not a comment"
    assert data["info"] == "tab\tand \u00e9"
    assert data["es5id"] == "15.4.4.4-5-c-i-1"
    assert data["author"] == "Some One continued here"


def test_comment_lines_inside_frontmatter_and_block_scalars():
    data = parse_yaml("# a comment\ninfo: |\n  # kept: part of the text\n  line\n# another\nflags: [raw]\n")
    assert data["info"] == "# kept: part of the text\nline\n"
    assert data["flags"] == ["raw"]


def test_all_documented_keys():
    meta = parse_test(header(
        "description: Everything at once\ninfo: text\nesid: sec-a\nes5id: 1\nes6id: 2\nauthor: me\n"
        "locale: [en, en-US]\nincludes: [a.js]\nflags: [async, generated]\nfeatures: [Promise]\n"
        "negative:\n  phase: runtime\n  type: TypeError"
    ))
    assert meta.description == "Everything at once"
    assert meta.esid == "sec-a"
    assert meta.locale == ["en", "en-US"]
    assert meta.flags == ["async", "generated"]
    assert meta.negative_phase == "runtime" and meta.negative_type == "TypeError"
    assert meta.raw["es5id"] == "1" and meta.raw["author"] == "me"


def test_every_real_test262_header_parses(real_suite_files):
    """All frontmatter blocks in the checkout parse, and lists come out as lists of names."""
    assert len(real_suite_files) > 40_000
    assert [tf.file for tf in real_suite_files if tf.error] == []
    for tf in real_suite_files:
        m = tf.meta
        assert all(isinstance(x, str) for x in m.features + m.flags + m.includes), tf.file
        assert m.negative_phase in (None, "parse", "resolution", "runtime"), tf.file
