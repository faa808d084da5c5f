"""Source corrections: six rules that revisit the sources ``find_attributions`` has chosen.

They run over the finished relations because some need all of them at once (rule 3 asks whether
the outer verb is a cue too) and all of them only change ``source``. In order:
1. "seem" / "appear" cues never take a source (raising verbs);
2. a cue with no source takes the nearest subject above it;
3. a subjectless conjunct hung inside another verb's complement takes the outer verb's subject;
4. a source before the cue across a line break or dateline dash becomes the noun phrase right
   before the cue;
5. "X issued a statement saying ...": the source is X, not the statement;
6. a passive relative clause ("who was named ...") gives no source.
Measured as a set (3-fold out-of-fold predictions on PolNeAR train, round 9 of the model card):
source F1 .7639 -> .7698, whole .6842 -> .6925, content unchanged.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from newsint.models import Attribution, Spans
from newsint.nlp import text_of
from newsint.nlp.speaker_class import _speaker_table
from newsint.nlp.token_spans import token_spans

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_RAISING = frozenset({"seem", "appear"})
#: Verbs whose subject utters their object ("X voiced concerns"); the subject of "face",
#: "draw" or "raise" criticism is its target or its occasion, not its speaker.
EXPRESSING = frozenset(
    """make issue give offer express voice deliver level release publish repeat file send share
    post tweet write sign pen lodge air put""".split()
)
#: Parts of speech of the noun phrase taken before a cue (rule 4); PART for "Trump 's".
_NP_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PRON", "PART"})
#: Dateline dashes ("WASHINGTON (AP) — X said"), searched for in this order.
_DASHES = (" \u2014 ", " \u2013 ", " - ", " -- ")
#: A dateline dash counts only this close to the start of its line (characters).
_DATELINE_WIDTH = 60
#: How many heads rule 2 climbs looking for a subject.
_CLIMB_STEPS = 5


class _Offsets:
    """Character spans <-> token indices of one document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text_of(doc)  # spaCy rebuilds doc.text from every token on each access
        self.starts = [tok.idx for tok in doc]

    def token_at(self, char: int) -> int:
        """The token that starts at or before ``char``."""
        return max(bisect.bisect_right(self.starts, char) - 1, 0)

    def tokens(self, spans: Spans) -> list[int]:
        """Sorted indices of the tokens the spans touch."""
        out: set[int] = set()
        for start, end in spans:
            out.update(range(self.token_at(start), self.token_at(end - 1) + 1))
        return sorted(out)

    def spans(self, indices: Iterable[int]) -> Spans:
        """Contiguous token runs as character spans, trimmed of edge punctuation."""
        return token_spans(self.doc, indices, self.text)


@dataclass(slots=True)
class _Relation:
    """What the rules read of one attribution; only ``source`` changes."""

    cue: Spans
    cue_head: Token | None
    content: frozenset[int]
    source: Spans


def _head(doc: Doc, indices: list[int]) -> Token | None:
    """The first token whose head lies outside the given tokens (or that is the root)."""
    inside = set(indices)
    for i in indices:
        tok = doc[i]
        if tok.head.i not in inside or tok.head.i == i:
            return tok
    return None


def subject_span(subj: Token) -> range:
    """The subject's subtree, cut before a relative or appositive clause after a comma (the
    source span of ``attribution.py`` and of these rules)."""
    end = subj.right_edge.i
    for child in subj.children:
        clause = child.dep_ in ("relcl", "acl", "appos", "punct")
        if child.i > subj.i and (clause or _when(child)) and child.i <= end:
            cut = child.left_edge.i
            if cut > subj.i and subj.doc[cut - 1].text == ",":
                cut -= 1
            end = min(end, cut - 1)
    return range(subj.left_edge.i, max(end, subj.i) + 1)


def _when(child: Token) -> bool:
    """A time the parser hung on the speaker ("an official on Thursday told ..."): when the
    words were said, not who said them."""
    if _speaker_table().classes.get(child.head.lemma_.lower()) == "document":
        return False  # "an ad in 2008": the year tells which ad
    if child.dep_ == "npadvmod":
        return child.ent_type_ in ("DATE", "TIME")
    objects = [t for t in child.children if t.dep_ == "pobj"]
    return child.dep_ == "prep" and bool(objects) and objects[0].ent_type_ in ("DATE", "TIME")


def _child(tok: Token, dep: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ == dep), None)


def _drop_raising_source(off: _Offsets, rels: list[_Relation]) -> None:
    """Rule 1: "Voters seem to favour him": a "seem" / "appear" cue has no source, whatever its
    complement."""
    for rel in rels:
        if rel.cue_head is not None and rel.cue_head.lemma_.lower() in _RAISING:
            rel.source = ()


def _subject_above(cue: Token) -> Token | None:
    """The subject of the nearest head above the cue, stopping at a passive (the root is its own
    head, so the climb stays there)."""
    tok = cue
    for _ in range(_CLIMB_STEPS):
        tok = tok.head
        if tok.tag_ == "VBN" and _child(tok, "auxpass") is not None:
            return None
        subj = _child(tok, "nsubj")
        if subj is not None:
            return subj
    return None


def _climb_to_subject(off: _Offsets, rels: list[_Relation]) -> None:
    """Rule 2: "The senator chimed in with criticism of the plan": a verbal or nominal cue left
    without a source takes the subject of the nearest clause above it, when that subject comes
    before the cue and is not part of the content."""
    for rel in rels:
        cue = rel.cue_head
        if rel.source or cue is None or cue.pos_ not in ("NOUN", "VERB", "AUX"):
            continue
        if cue.lemma_.lower() in _RAISING or cue.tag_ == "VBN":
            continue
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children):
            continue
        if cue.dep_ == "dobj" and cue.head.lemma_ not in EXPRESSING:
            continue  # "Trump has faced criticism": the one criticised
        subj = _subject_above(cue)
        if subj is None or subj.i > cue.i:
            continue
        span = subject_span(subj)
        if not rel.content.intersection(span):
            rel.source = off.spans(span) or rel.source


def _outer_speaker_of_conjunct(off: _Offsets, rels: list[_Relation]) -> None:
    """Rule 3: "The minister conceded that the plan had failed but implied that it would
    return": a subjectless conjunct cue that the parser hung on a verb inside another cue's
    complement ("failed ... implied") shares the outer cue's subject."""
    cue_heads = {rel.cue_head.i for rel in rels if rel.cue_head is not None}
    for rel in rels:
        cue = rel.cue_head
        if not rel.source or cue is None or cue.dep_ != "conj" or cue.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ in _SUBJECTS for c in cue.children):
            continue
        first = cue.head
        while first.dep_ == "conj":
            first = first.head
        if first.dep_ != "ccomp" or first.head.i not in cue_heads:
            continue
        subj = _child(first.head, "nsubj")
        if subj is None:
            continue
        span = subject_span(subj)
        if not rel.content.intersection(span):
            rel.source = off.spans(span) or rel.source


def _break_before(text: str, source_start: int, cue_start: int) -> int:
    """Where the cue's line begins after the source: just after the last line break between
    them, or after a dateline dash near the start of the source's line; -1 if neither."""
    newline = text.rfind("\n", source_start, cue_start)
    if newline >= 0:
        return newline + 1
    line_start = text.rfind("\n", 0, source_start) + 1
    for dash in _DASHES:
        k = text.find(dash, line_start, cue_start)
        if k >= source_start and k - line_start < _DATELINE_WIDTH:
            return k + len(dash)
    return -1


def _noun_phrase_before(doc: Doc, lo: int, hi: int) -> list[int]:
    """The noun phrase ending right before token ``hi`` (skipping adverbs and auxiliaries next to
    the cue), not reaching before token ``lo``, with no dates or times; [] without a noun."""
    j = hi - 1
    while j >= lo and doc[j].pos_ in ("ADV", "AUX"):
        j -= 1
    end = j
    while j >= lo and doc[j].pos_ in _NP_POS and doc[j].ent_type_ not in ("DATE", "TIME"):
        j -= 1
    run = list(range(j + 1, end + 1))
    while run and doc[run[0]].pos_ in ("PART", "PUNCT"):
        run = run[1:]
    if any(doc[k].pos_ in ("PROPN", "NOUN", "PRON") for k in run):
        return run
    return []


def _source_on_cue_line(off: _Offsets, rels: list[_Relation]) -> None:
    """Rule 4: "Headline words\\nThe mayor said ..." or "WASHINGTON (AP) — The mayor said": a
    source that starts before a line break or dateline dash the cue is after becomes the noun
    phrase right before the cue."""
    doc, text = off.doc, off.text
    for rel in rels:
        if not rel.source or not rel.cue:
            continue
        source_start, cue_start = rel.source[0][0], rel.cue[0][0]
        if source_start >= cue_start:
            continue
        brk = _break_before(text, source_start, cue_start)
        if brk < 0:
            continue
        lo = off.token_at(brk)
        if doc[lo].idx < brk:
            lo += 1
        phrase = _noun_phrase_before(doc, lo, off.token_at(cue_start))
        if not phrase:
            # "Reply 5pts ...\nMarco Rubio defended himself ..., arguing": keep the line's part
            phrase = [k for k in off.tokens(rel.source) if k >= lo]
            if not any(doc[k].pos_ in ("PROPN", "NOUN", "PRON") for k in phrase):
                continue
        rel.source = off.spans(phrase) or rel.source


def _statement_maker(off: _Offsets, rels: list[_Relation]) -> None:
    """Rule 5: "The campaign issued a statement saying ...": when the source is the object noun a
    participle cue describes, the subject of that object's verb speaks; not when that verb
    reacts to the object ("disputed a report saying ...": the report speaks)."""
    from newsint.nlp.attribution_refusals import reacted_report  # it imports subject_span

    for rel in rels:
        cue = rel.cue_head
        if not rel.source or cue is None or cue.dep_ != "acl" or cue.pos_ != "VERB":
            continue
        noun = cue.head
        if noun.dep_ != "dobj" or noun.i not in off.tokens(rel.source) or reacted_report(noun):
            continue
        subj = _child(noun.head, "nsubj")
        if subj is None or subj.i > noun.i:
            continue
        rel.source = off.spans(subject_span(subj)) or rel.source


def _drop_passive_relative(off: _Offsets, rels: list[_Relation]) -> None:
    """Rule 6: "Smith, who was named envoy on Monday, ...": the relative pronoun of a passive
    clause is the one acted on, so the relation has no source."""
    for rel in rels:
        tokens = off.tokens(rel.source) if rel.source else []
        if len(tokens) == 1:
            tok = off.doc[tokens[0]]
            if tok.lower_ in _RELATIVE and tok.dep_ == "nsubjpass":
                rel.source = ()


#: A first list member parsed off its list hangs by one of these ("CNN/npadvmod, Fox and ...").
_STRAY_DEPS = frozenset({"npadvmod", "nsubj", "appos", "dep", "nmod"})
#: Named entities that open a sentence as a setting, not as a speaker ("On Monday, A and B said").
_SETTINGS = frozenset({"DATE", "TIME", "GPE", "LOC", "CARDINAL", "ORDINAL"})


def _list_head_before_source(off: _Offsets, rels: list[_Relation]) -> None:
    """Rule 7: "CNN, Fox News and ABC reported ...": the parser hangs the first member of a list
    off the verb, so the source is only "Fox News and ABC"; a name right before the source's
    comma, attached to the cue or to the source, opens the list (guide 1.2: each member of a
    joint source is credited)."""
    doc = off.doc
    for rel in rels:
        tokens = off.tokens(rel.source) if rel.source else []
        if not tokens or rel.cue_head is None:
            continue
        lo = tokens[0]
        if lo < 2 or doc[lo - 1].text != "," or not any(doc[k].dep_ == "cc" for k in tokens):
            continue
        phrase = _noun_phrase_before(doc, doc[lo - 2].sent.start, lo - 1)
        if not phrase or phrase[0] != doc[lo - 2].sent.start:
            continue
        head = doc[phrase[-1]]
        if (
            head.pos_ != "PROPN"
            or head.dep_ not in _STRAY_DEPS
            or head.ent_type_ in _SETTINGS
            or (head.head.i != rel.cue_head.i and head.head.i not in tokens)
            or head.i in rel.content
        ):
            continue
        rel.source = off.spans(range(phrase[0], tokens[-1] + 1)) or rel.source


#: The longest "according to" object rule 8 takes (tokens).
_ACCORDING_WIDTH = 12


def _according_to_line_end(off: _Offsets, rels: list[_Relation]) -> None:
    """Rule 8: "..., according to the F.A.A.\n\nMost people ...": the parser reads the
    abbreviation's full stop as no sentence end and hangs the object on the next paragraph, so
    "according to" had no source or one running into the next line. Its source is the noun
    phrase after "to", up to the line break, a comma or the sentence end."""
    doc = off.doc
    for rel in rels:
        cue = off.tokens(rel.cue)
        if len(cue) != 2 or doc[cue[0]].lower_ != "according" or doc[cue[1]].lower_ != "to":
            continue
        if rel.source and "\n" not in off.text[rel.source[0][0] : rel.source[-1][1]]:
            continue
        phrase: list[int] = []
        for k in range(cue[1] + 1, min(len(doc), cue[1] + 1 + _ACCORDING_WIDTH)):
            if doc[k].is_space or "\n" in doc[k].text_with_ws or doc[k].text in {",", ".", ";"}:
                if not doc[k].is_space and doc[k].text not in {",", ".", ";"}:
                    phrase.append(k)
                break
            phrase.append(k)
        if any(doc[k].pos_ in ("PROPN", "NOUN") for k in phrase):
            rel.source = off.spans(phrase) or rel.source


#: The rules in the order they were measured (rule 2 fills sources that 4-6 then revisit).
_RULES: tuple[Callable[[_Offsets, list[_Relation]], None], ...] = (
    _drop_raising_source,
    _climb_to_subject,
    _outer_speaker_of_conjunct,
    _source_on_cue_line,
    _statement_maker,
    _drop_passive_relative,
    _list_head_before_source,
    _according_to_line_end,
)


def correct_sources(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions of ``doc`` with their sources corrected by the eight rules (same order,
    same ids; records whose source does not change are returned as they are)."""
    off = _Offsets(doc)
    rels = []
    for att in attributions:
        cue = off.tokens(att.cue)
        rels.append(
            _Relation(
                cue=att.cue,
                cue_head=_head(doc, cue) if cue else None,
                content=frozenset(off.tokens(att.content)),
                source=att.source,
            )
        )
    for rule in _RULES:
        rule(off, rels)
    return [
        att
        if rel.source == att.source
        else replace(att, source=rel.source, content=_outside(att.content, rel.source))
        for att, rel in zip(attributions, rels, strict=True)
    ]


def _outside(content: Spans, source: Spans) -> Spans:
    """The content without the characters of its source (a source is never in its own content)."""
    out: list[tuple[int, int]] = []
    for start, end in content:
        pieces = [(start, end)]
        for a, b in source:
            pieces = [p for x, y in pieces for p in ((x, min(y, a)), (max(x, b), y)) if p[0] < p[1]]
        out.extend(pieces)
    return tuple(out)


__all__ = ["correct_sources", "subject_span"]
