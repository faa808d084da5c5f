"""A party an outlet cites or quotes is a source (judgement guide 1.5: "TASS quoted officials").

"Al-Sabah reported that ..., citing hospital sources", "Citing two officials, the Times said
...", "the agency said, quoting a local commander": the parse makes the cited party the object
of "citing"/"quoting", so the relation credits the outlet with a noun ("citing | two
officials"). ``cited_sources`` credits the cited party with what the outlet reports through it:
the content of the cue the participle hangs on. That relation replaces the outlet's "citing"
relation when the outlet is credited there already; otherwise ("The Times carried a report,
quoting Iraqi sources") both stay. Not a reason or an event ("resigned, citing health reasons",
"citing the attack"): the object must be able to speak (``speaker_class``), the outer cue is
no refusal ("citing an ongoing investigation, declined to comment"), and the one who cites is
an outlet or a named organisation: a person's cited witnesses are nested in the person's
statement ("he said, citing witnesses": guide 1.5, "Kent said Iran told its proxies"). The
"as saying" form ("quoted Sean Dall as saying") is ``attribution_relation.relayed_speaker``'s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from newsint.models import Attribution, QuoteKind, Spans
from newsint.nlp import text_of
from newsint.nlp.attribution_relation import outlet_source, refusing
from newsint.nlp.source_words import RELAYING_VERBS
from newsint.nlp.speaker_class import speaker_class
from newsint.nlp.token_spans import token_spans

#: How a "citing" participle hangs on the verb it serves.
_PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "conj", "acl"})


def _cite_token(doc: Doc, att: Attribution) -> Token | None:
    """The participle "citing"/"quoting" that is this relation's cue, with an object and no
    "as" clause; None otherwise."""
    if len(att.cue) != 1:
        return None
    span = doc.char_span(*att.cue[0], alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    tok = span[0]
    if tok.lemma_.lower() not in RELAYING_VERBS or tok.tag_ != "VBG":
        return None
    if tok.dep_ not in _PARTICIPLE_DEPS or any(c.lower_ == "as" for c in tok.children):
        return None
    return tok


def _cited_party(tok: Token) -> list[int]:
    """The object's phrase up to its first comma ("a local commander, who ...")."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return []
    end = obj.right_edge.i
    for k in range(obj.i + 1, end + 1):
        if obj.doc[k].text == ",":
            end = k - 1
            break
    return list(range(obj.left_edge.i, max(end, obj.i) + 1))


#: How far up from the participle the cue it serves is looked for ("reported that two cases
#: were confirmed, citing sources": the parser may hang "citing" on the reported clause's verb).
_STEPS = 3


def _outer(tok: Token, by_cue: dict[int, Attribution]) -> Attribution | None:
    """The relation whose cue the participle serves: its head, or a head above it."""
    head = tok
    for _ in range(_STEPS):
        if head.head is head:
            return None
        head = head.head
        if head.idx in by_cue:
            return by_cue[head.idx]
    return None


def _cited(
    doc: Doc, att: Attribution, by_cue: dict[int, Attribution]
) -> tuple[Spans, Spans, bool] | None:
    """(source, content, replaces the outlet's relation) of the party ``att`` cites, or None."""
    tok = _cite_token(doc, att)
    if tok is None:
        return None
    party = _cited_party(tok)
    if not party:
        return None
    source = token_spans(doc, party, text_of(doc))
    if speaker_class(doc, source[0][0], source[-1][1]) is None:
        return None
    outer = _outer(tok, by_cue)
    if outer is None or not outer.content or refusing(doc[_token(doc, outer.cue[0][0])]):
        return None  # "..., citing an ongoing investigation, declined to comment": a reason
    teller = _tokens(doc, att.source)
    if not teller or not outlet_source(doc, teller):
        return None  # "he said, citing witnesses": a person's nested speakers (guide 1.5)
    return source, outer.content, bool(outer.source)


def _token(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _tokens(doc: Doc, spans: Spans) -> list[int]:
    out: list[int] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        out.extend(range(span.start, span.end) if span is not None else ())
    return out


def cited_sources(
    doc: Doc, attributions: list[Attribution], quote_kind: Callable[[str, Spans], QuoteKind]
) -> list[Attribution]:
    """``attributions`` with each party an outlet cites credited with what the outlet reports
    through it (see the module docstring), in text order, renumbered when one is added."""
    by_cue = {att.cue[0][0]: att for att in attributions if att.cue}
    out: list[Attribution] = []
    added = False
    for att in attributions:
        cited = _cited(doc, att, by_cue)
        if cited is None:
            out.append(att)
            continue
        source, content, replaces = cited
        if not replaces:
            out.append(att)
            added = True
        kind = quote_kind(text_of(doc), content)
        out.append(replace(att, source=source, content=content, kind=kind, source_id=None))
    if not added:
        return out
    out.sort(key=lambda a: a.cue[0][0] if a.cue else 0)
    return [replace(a, id=f"a{n}") for n, a in enumerate(out, 1)]


__all__ = ["cited_sources"]
