"""Token indices <-> character spans of a parsed document, shared by the attribution stages."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from newsint.models import Spans

#: Punctuation and space trimmed from the edges of contents and sources (quotation marks are kept).
EDGE = " \t\n,.;:-\u2014\u2013"


def token_spans(doc: Doc, indices: Iterable[int], text: str) -> Spans:
    """Contiguous token runs as trimmed character spans."""
    idx = sorted(set(indices))
    spans: list[tuple[int, int]] = []
    run_start = prev = -2
    for i in [*idx, -10]:
        if i != prev + 1:
            if run_start >= 0:
                s = doc[run_start].idx
                e = doc[prev].idx + len(doc[prev])
                while s < e and text[s] in EDGE:
                    s += 1
                while e > s and text[e - 1] in EDGE:
                    e -= 1
                if e > s:
                    spans.append((s, e))
            run_start = i
        prev = i
    return tuple(spans)
