"""A source is never inside the quotation it is credited with (judgement guide 1.3).

In '"A firm this rich should pay decent wages," says a report from the Valley Times.' the parser
takes "A firm" inside the quotation as the subject of "says", and in '"..., Sam," Ann Lee wrote.'
it takes the addressee "Sam". ``speaker_outside_quote`` moves such a source out of the
quotation: to the noun phrase between the quotation's close and the cue ('"...," Ann Lee
wrote'), or, when the cue follows the quotation directly, to the noun phrase right after the
cue ('"...," says a report from the Valley Times'); with neither, the relation keeps no source
(the source corrections then look for the subject above the cue). A relation with no source
whose quotation closes right before a noun phrase and its cue takes that phrase while the
relation is built (``name_after_quote``)
('"...," screenwriter Cole Haddon wrote', with "screenwriter" parsed as a verb).
``split_quoted_subject``
does the same while a relation is built, when the parser hangs the whole quotation inside the
subject and leaves the relation without content.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import replace

from spacy.tokens import Doc

from newsint.models import Attribution, Spans
from newsint.nlp.attribution_nesting import Rel
from newsint.nlp.token_spans import token_spans

#: Parts of speech of a speaker's noun phrase; "of"/"from"/"for"/"at" join it inside
#: ("master of ceremonies Asab Tabchi", "a report from the Valley Times"), as does a hyphen
#: inside a name ("Ed-Malki").
_NP_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PRON", "PART"})
_NP_LINKS = frozenset({"of", "from", "for", "at"})
_SUBJ = frozenset({"nsubj", "nsubjpass", "expl"})
#: The longest speaker phrase taken (tokens).
_WIDTH = 10


def _phrase(doc: Doc, start: int, stop: int) -> list[int]:
    """The noun phrase opening at token ``start`` (skipping punctuation), before ``stop``; []
    when it holds no noun or name."""
    i = start
    while i < stop and doc[i].is_punct:
        i += 1
    out: list[int] = []
    while i < stop and len(out) < _WIDTH:
        tok = doc[i]
        if tok.ent_type_ in ("DATE", "TIME") or "\n" in doc[i - 1].whitespace_:
            break
        nxt_np = i + 1 < stop and doc[i + 1].pos_ in _NP_POS
        joined = tok.text == "-" and out and not doc[i - 1].whitespace_ and not tok.whitespace_
        if tok.pos_ in _NP_POS or (tok.lower_ in _NP_LINKS and out and nxt_np) or joined:
            out.append(i)
            i += 1
            continue
        break
    while out and doc[out[-1]].lower_ in _NP_LINKS:
        out.pop()
    if any(doc[k].pos_ in ("PROPN", "NOUN") for k in out):
        return out
    return []


def _rejoin(content: Spans, old_source: Spans, text: str) -> Spans:
    """The content with the words the old source had taken out of it put back (spans that then
    touch, or are apart by spaces and commas only, are joined)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted((*content, *old_source)):
        if out and not text[out[-1][1] : start].strip(" \t,;:"):
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return tuple(out)


def split_quoted_subject(doc: Doc, rel: Rel, qidx: list[int]) -> None:
    """'“I am safe,” Tom Vale, another member of the council, tweeted.' parsed with the quotation
    inside the subject of "tweeted": the words after the quotation are the source and the
    quotation the content (only for a relation left without content)."""
    quoted = [k for k in rel.source if qidx[k] >= 0 and qidx[k] != qidx[rel.head]]
    if not quoted or rel.content:
        return
    after = [k for k in rel.source if k > max(quoted)]
    while after and doc[after[0]].is_punct:
        after = after[1:]
    rest = list(itertools.takewhile(lambda k: doc[k].pos_ in _NP_POS, after))
    if any(doc[k].pos_ in ("PROPN", "NOUN") for k in rest):
        rel.content = set(quoted)
        rel.source = rest


def name_after_quote(doc: Doc, rel: Rel) -> None:
    """'"...," screenwriter Cole Haddon wrote on Twitter.' parsed with "screenwriter" as a verb
    and no subject for "wrote": the noun phrase that fills the gap between the quotation the
    relation reports and its cue is the source (only for a relation left without a source)."""
    before = [k for k in rel.content if k < rel.head]
    if rel.source or not before or not doc[max(before)].is_quote:
        return
    start = max(before) + 1
    while start < rel.head and doc[start].is_punct:
        start += 1
    phrase = _phrase(doc, start, rel.head)
    first = doc[start]
    if not phrase and first.is_lower and not any(c.dep_ in _SUBJ for c in first.children):
        # a title word the tagger took for a verb opens the phrase ("screenwriter Cole Haddon")
        rest = _phrase(doc, start + 1, rel.head)
        phrase = [start, *rest] if rest and doc[rest[0]].pos_ == "PROPN" else []
    if phrase and phrase[-1] == rel.head - 1 and doc[phrase[0]].sent == doc[rel.head].sent:
        rel.source = phrase


def speaker_outside_quote(
    doc: Doc, attributions: list[Attribution], quotes: list[tuple[int, int]]
) -> list[Attribution]:
    """The attributions with every source that lies inside a quotation (the cue outside it)
    moved out of it (see the module docstring); other records are returned as they are."""
    text = doc.text
    starts = [tok.idx for tok in doc]
    out: list[Attribution] = []
    for att in attributions:
        if not att.source or not att.cue:
            out.append(att)
            continue
        s0, s1, cue = att.source[0][0], att.source[-1][1], att.cue[0][0]
        inside = [q for q in quotes if q[0] <= s0 and s1 <= q[1]]
        if not inside or any(q[0] <= cue < q[1] for q in quotes):
            out.append(att)
            continue
        q_end = inside[0][1]
        phrase: list[int] = []
        if q_end <= cue:
            after = bisect.bisect_left(starts, q_end)
            cue_tok = bisect.bisect_right(starts, cue) - 1
            phrase = _phrase(doc, after, cue_tok)
            if not phrase and not text[q_end:cue].strip(" ,\u2014-"):
                # '"...," says a report from the Valley Times.': the phrase after the cue
                phrase = _phrase(doc, cue_tok + 1, min(len(doc), doc[cue_tok].sent.end))
        source = token_spans(doc, phrase, text) if phrase else ()
        out.append(replace(att, source=source, content=_rejoin(att.content, att.source, text)))
    return out


__all__ = ["name_after_quote", "speaker_outside_quote", "split_quoted_subject"]
