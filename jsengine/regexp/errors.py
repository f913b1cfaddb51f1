"""The error raised for invalid patterns and flags."""


class RegExpSyntaxError(Exception):
    """An early error in a pattern or its flags; the message is what a JS SyntaxError carries."""
