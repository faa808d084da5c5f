"""Quotation spans in a text: pairing of double quotation marks, across sentences and paragraphs.

Straight and curly double marks count, and so does a doubled apostrophe (``''``), which some
papers (the New York Times in PolNeAR) print instead of a double quotation mark.

News style opens every paragraph of a multi-paragraph quotation and closes only the last one, and an
article may end inside a quotation. Both are handled: an open quotation continues into a paragraph
that starts with an opening mark, and a quotation still open at the end of a paragraph that is not
continued closes there (or at the end of the document).
"""

from __future__ import annotations

from spacy.tokens import Doc

OPENERS = "\u201c\u201e\u201f\u00ab"
CLOSERS = "\u201d\u00bb"
STRAIGHT = '"\u2033'
ALL_QUOTES = OPENERS + CLOSERS + STRAIGHT

#: Characters after which a straight quotation mark opens rather than closes.
_OPEN_BEFORE = " \t\n([{\u2014\u2013-/"


#: Two apostrophes stand for a double quotation mark in some wire and newspaper styles (NYT).
DOUBLED = "''"


def _is_opening(text: str, i: int, width: int = 1) -> bool:
    ch = text[i]
    if ch in OPENERS:
        return True
    if ch in CLOSERS:
        return False
    before = text[i - 1] if i else "\n"
    after = text[i + width] if i + width < len(text) else "\n"
    nested_close = before == " " and i >= 2 and text[i - 2] in "'\u2019"
    if before in _OPEN_BEFORE and not nested_close:
        return True
    if after.isspace() or after in ".,;:!?)":
        return False  # also "'Manhattan poor,' '' she said": a nested quotation closed first
    return not before.isalnum()


def _mark_width(text: str, i: int) -> int:
    """1 for a double quotation mark at ``i``, 2 for a doubled apostrophe, 0 otherwise."""
    if text[i] in ALL_QUOTES:
        return 1
    if (
        text.startswith(DOUBLED, i)
        and not text.startswith(DOUBLED, i + 1)
        and (not i or text[i - 1] != "'")
    ):
        return 2
    return 0


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of quotations, marks included, in text order."""
    quotes: list[tuple[int, int]] = []
    start = -1
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n" and start >= 0:
            # End of a paragraph inside an open quotation: continue only if the next paragraph
            # opens a quotation (news style for multi-paragraph quotes).
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j >= n or not _mark_width(text, j):
                quotes.append((start, i))
                start = -1
            i += 1
            continue
        width = _mark_width(text, i) if ch in ALL_QUOTES or ch == "'" else 0
        if not width:
            i += 1
            continue
        opening = _is_opening(text, i, width)
        if start < 0:
            if opening:
                start = i
            # a stray closing mark with nothing open is ignored
        elif not opening:
            quotes.append((start, i + width))
            start = -1
        else:
            # an opening mark while open: legitimate only at a paragraph start (continuation);
            # otherwise the previous quote lost its closing mark; restart here.
            para_start = text.rfind("\n", 0, i) + 1
            if text[para_start:i].strip():
                quotes.append((start, i))
                start = i
        i += width
    if start >= 0:
        end = n
        while end > start and text[end - 1].isspace():
            end -= 1
        quotes.append((start, end))
    return quotes


def quote_index(doc: Doc, quotes: list[tuple[int, int]]) -> list[int]:
    """For each token of ``doc``, the index of the quotation containing it, or -1."""
    out = [-1] * len(doc)
    q = 0
    for tok in doc:
        while q < len(quotes) and quotes[q][1] <= tok.idx:
            q += 1
        if q < len(quotes) and quotes[q][0] <= tok.idx < quotes[q][1]:
            out[tok.i] = q
    return out
