"""Content of a verbal cue (step 3 of ``attribution.py``): what the parse gives as the words a
cue reports, before quotations are taken whole: the clausal complement, the clause the cue
interrupts, a that-clause hung on a prepositional object, a topic preposition, the quotation
next to the cue's clause, the object, a light verb's clause or topic, and the subject +
infinitive of a raising cue."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsint.nlp.attribution_nesting import Rel, span_tokens
from newsint.nlp.source_words import CHANNEL_WORDS, PUBLICATION_VERBS

_COMPLEMENTS = frozenset({"ccomp", "xcomp"})


def clause_content(doc: Doc, tok: Token, qidx: list[int]) -> set[int]:
    """The content of a verbal cue from the parse, before quotation handling."""
    for child in tok.children:
        if child.dep_ in _COMPLEMENTS:
            span = set(span_tokens(child))
            # "to say that" / "said that": drop the complementiser
            if doc[child.left_edge.i].dep_ == "mark":
                span.discard(child.left_edge.i)
            return span
    head = tok.head
    as_clause = tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in tok.children
    )
    # "..., citing X", "It isn't, she hasn't endorsed X": a cue with its own object is not an
    # insertion into the clause it hangs on
    own_object = any(c.dep_ == "dobj" for c in tok.children) or bool(topic(tok))
    if (
        head is not tok
        and not own_object
        and (
            tok.dep_ == "parataxis"
            or (tok.dep_ in ("ccomp", "advcl") and tok.i > head.i)
            or as_clause
        )
    ):
        # "It is X, he said." parsed with the cue hanging off the quoted clause
        own = set(span_tokens(tok))
        return {i for i in span_tokens(head) if i not in own}
    for child in tok.children:
        if child.dep_ in ("dobj", "attr"):
            return set(span_tokens(child))
    return set()


def addressee(doc: Doc, tok: Token, content: set[int]) -> bool:
    """ "...," Victor Cha told CNN.': the object of "tell" is who heard the words, not what was
    said; the quotation next to the clause is, when there is one."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    return tok.lemma_ == "tell" and obj is not None and content == set(span_tokens(obj))


def adjacent_quote(
    doc: Doc, tok: Token, quotes: list[tuple[int, int]], qidx: list[int], text: str
) -> tuple[int, int] | None:
    """The quotation just before or just after the cue's clause, if only punctuation separates."""
    # the clause's first and last words outside other quotations: words of a quotation the
    # parser hung on the cue ('if you say it," Sanders responded') belong to the quotation
    own = qidx[tok.i]
    words = [
        t
        for t in doc[tok.left_edge.i : tok.right_edge.i + 1]
        if not t.is_punct and qidx[t.i] in (-1, own)
    ] or [tok]
    clause_start = min(words[0].idx, tok.idx)
    clause_end = max(words[-1].idx + len(words[-1]), tok.idx + len(tok))
    for qs, qe in quotes:
        if qe <= clause_start and not text[qe:clause_start].strip(" ,\u2014-"):
            return qs, qe
        if qs >= doc[tok.i].idx and not text[clause_end:qs].strip(" ,:\u2014-"):
            return qs, qe
        if qs > clause_end + 3:
            break
    return None


def argument(doc: Doc, tok: Token) -> set[int]:
    """Fallback content: the cue's object, prepositional object or noun complement."""
    kids = {c.dep_: c for c in tok.children}
    if "nsubjpass" in kids and "agent" in kids:
        # "it was never mentioned by the moderators": the passive subject
        return set(span_tokens(kids["nsubjpass"]))
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.i < tok.i:
        # "a merger announced Monday", "the goals set by the judge": the noun described
        noun = tok.head
        return set(range(noun.left_edge.i, noun.i + 1))
    right = [c for c in tok.children if c.i > tok.i]
    for deps in (("dobj", "attr", "oprd", "acl", "advcl", "relcl"), ("prep", "acomp", "agent")):
        for child in right:
            if child.dep_ not in deps:
                continue
            if child.dep_ == "prep" or child.dep_ == "agent":
                obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    return set(span_tokens(obj))
                continue
            if child.dep_ == "acomp":
                inner = argument(doc, child)
                if inner:
                    return inner
                continue
            return set(span_tokens(child))
    if any(c.dep_ == "nsubjpass" for c in tok.children):
        subj = next(c for c in tok.children if c.dep_ == "nsubjpass")
        return set(span_tokens(subj))
    return set()


_TOPIC_PREPS = frozenset({"about", "on", "against", "over", "of", "into", "upon"})


def topic(tok: Token) -> set[int]:
    """'spoke about X', 'weighed in on X', 'railed against X': the prepositional object; not
    where the words were given ("wrote on Twitter", "said on his show": ``CHANNEL_WORDS``)."""
    for child in tok.children:
        if child.dep_ == "prep" and child.i > tok.i and child.lower_ in _TOPIC_PREPS:
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is None or obj.ent_type_ in ("DATE", "TIME"):
                continue
            if child.lower_ == "on" and obj.lemma_.lower() in CHANNEL_WORDS:
                continue
            return set(span_tokens(obj))
    return set()


def intro_quote(doc: Doc, tok: Token, quotes: list[tuple[int, int]]) -> set[int]:
    """'The senator had this to say:' or 'The following correction was added:' closing its line,
    and the next paragraph opening with a quotation: that quotation is what the colon's clause
    introduces (its tokens; empty otherwise)."""
    text = doc.text
    if tok.text != ":":
        return set()
    line_end = text.find("\n", tok.idx)
    if line_end < 0 or text[tok.idx + 1 : line_end].strip():
        return set()
    start = len(text) - len(text[line_end:].lstrip())
    for qs, qe in quotes:
        if qs > start:
            break
        if qs == start:
            span = doc.char_span(qs, qe, alignment_mode="expand")
            return set(range(span.start, span.end)) if span is not None else set()
    return set()


#: Verbs by which a document is put in front of the reader ("The following correction was
#: added:"); "Those who read the page were given an account:" credits no one.
_POSTED = PUBLICATION_VERBS | {"add", "append", "attach", "include", "produce", "publish", "print"}


def intro_source(source: list[int], root: Token) -> list[int]:
    """The speaker of a colon that introduces a quotation: "Here is what the governor had to
    say:" is the governor's (no "what"), "The following correction was added:" the correction's
    (a passive's subject is the document credited, guide 1.9)."""
    doc = root.doc
    if not source and root.lemma_.lower() in _POSTED:
        subj = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
        passive = subj is not None and not any(c.dep_ == "agent" for c in root.children)
        source = list(span_tokens(subj)) if passive and subj is not None else []
    return [i for i in source if doc[i].tag_ not in ("WP", "WDT", "WRB")]


def drop_echoed_intros(doc: Doc, kept: list[Rel], quotes: list[tuple[int, int]]) -> list[Rel]:
    """``kept`` without the colon relations whose introduced quotation has a cue and speaker of
    its own ('Woods's agent, too:' + '"...," agent Mark Lee said.'; 'X said:' + '"..."')."""
    out = list(kept)
    for rel in [rel for rel in kept if intro_quote(doc, doc[rel.head], quotes)]:
        if any(o is not rel and o.source and o.content & rel.content for o in out):
            out.remove(rel)
    return out


def reported_clause(tok: Token) -> set[int]:
    """'said in a statement that X', 'wrote on Twitter that X': the that-clause the parser hung
    on the prepositional object."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.i < tok.i:
            continue
        for pobj in prep.children:
            for clause in pobj.children:
                mark = clause.left_edge
                that = mark.dep_ == "mark" and mark.lower_ == "that"
                if clause.dep_ in ("acl", "ccomp") and that:
                    return set(span_tokens(clause)) - {mark.i}
    return set()


def light_content(obj: Token, verb: Token) -> set[int]:
    """Content of a light-verb cue: the object's clause or topic, or the verb's topic."""
    for child in obj.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and child.i > obj.i:
            span = set(span_tokens(child))
            if obj.doc[child.left_edge.i].dep_ == "mark":
                span.discard(child.left_edge.i)
            return span
    for head in (obj, verb):
        for child in head.children:
            if child.dep_ == "prep" and child.i > obj.i and child.lower_ not in ("in", "during"):
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                    return set(span_tokens(pobj))
    return set()


_RAISING = frozenset({"seem", "appear"})


def raising(tok: Token) -> set[int]:
    """Subject + infinitive of a raising cue with no source ("is expected to", "seems to")."""
    xcomp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
    if xcomp is None:
        return set()
    subj = next((c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if subj is None or any(c.dep_ == "agent" for c in tok.children):
        return set()
    if subj.dep_ == "nsubj" and tok.lemma_.lower() not in _RAISING:
        return set()
    return set(span_tokens(subj)) | set(span_tokens(xcomp))


__all__ = [
    "addressee",
    "drop_echoed_intros",
    "intro_quote",
    "intro_source",
    "adjacent_quote",
    "argument",
    "clause_content",
    "light_content",
    "raising",
    "reported_clause",
    "topic",
]
