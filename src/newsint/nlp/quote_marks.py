"""Quotation marks in a profile's words: a role or affiliation never comes from inside a
quotation, nor holds its marks (guide 3)."""

from __future__ import annotations

import re

from newsint.models import Span

#: A word that opens or closes a quotation: a double quote anywhere, or a single closing quote
#: after punctuation (",’"); not the apostrophe of "O’Hanlon" or "Jones’".
QUOTE_MARK = re.compile(r"[\"“”„″]|[,.;:!?][’']")


def quoted_word(word: str) -> bool:
    """ "Prisons,”", "“We", ",’": the word touches a quotation mark."""
    return bool(QUOTE_MARK.search(word))


def quotations(text: str) -> tuple[Span, ...]:
    """Where the quotations of ``text`` are: from each opening double quote to its closing one,
    or to the end of the line when it is not closed there (a quotation running on)."""
    spans: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        opened: int | None = None
        for match in re.finditer(r"[\"“”]", line):
            mark, at = match.group(0), offset + match.start()
            if opened is None and mark != "”":
                opened = at
            elif opened is not None and mark != "“":
                spans.append((opened, at + 1))
                opened = None
        if opened is not None:
            spans.append((opened, offset + len(line)))
        offset += len(line) + 1
    return tuple(spans)


def inside_quotation(spans: tuple[Span, ...], start: int, end: int) -> bool:
    return any(s < start and end <= e for s, e in spans)


def clean_title(value: str | None) -> str | None:
    """A role or affiliation never holds quotation marks: words taken from a quotation are no
    title ("the Metropolitan Correctional Center,”", "Prisons,”")."""
    if value is None or QUOTE_MARK.search(value):
        return None
    return value
