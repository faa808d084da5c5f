"""Odd characters made safe, one character for one, so that every offset still holds.

Text reaches newsint from JSON (which may hold a lone surrogate such as ``"\\ud800"``: valid
JSON, not encodable as UTF-8), from file names (undecodable bytes become surrogates), and from
pages with NULs and control characters (which lxml refuses and PostgreSQL cannot store). Each
such character is replaced by one character, so a span computed on the repaired text is the
same span in the text as given:

- a lone surrogate becomes U+FFFD, the replacement character;
- NUL, the other C0 and C1 control characters (but tab, line feed and carriage return) and
  DEL become a space; so do the separators that ``str.splitlines`` breaks on but ``"\\n"``
  code does not (U+2028, U+2029), which would otherwise make the two disagree.
"""

from __future__ import annotations

import re

__all__ = ["needs_repair", "repair"]

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_ANY = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def needs_repair(text: str) -> bool:
    return _ANY.search(text) is not None


def repair(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD and every control character (but
    tab, LF and CR) by a space; the length and every other character are unchanged."""
    if not needs_repair(text):
        return text
    return _CONTROL.sub(" ", _SURROGATE.sub("\ufffd", text))
