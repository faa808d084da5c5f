"""The source of a verbal or nominal cue: its subject, climbing through clauses ("After
suggesting ..., X"), a passive's "by" agent, the one "quoted as saying", an object that controls
the infinitive ("it prompted Cooper to accuse"), a noun that acts as the source ("emails showing
that ..."), an inverted subject ("said X")."""

from __future__ import annotations

from spacy.tokens import Token

from newsint.nlp.attribution_nesting import span_tokens
from newsint.nlp.attribution_relation import quoted_as, relayed_span, relayed_speaker
from newsint.nlp.attribution_sources import EXPRESSING, subject_span

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Relations climbed to find a cue's subject; "prep" covers "After suggesting ..., X" and
#: "In a statement, X said".
_CLIMB = frozenset({"xcomp", "conj", "advcl", "acl", "pcomp", "ccomp", "acomp", "prep"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_NP_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PRON"})
#: Object-control verbs: in "it prompted Cooper to accuse Bondi" the object, not the subject,
#: is who does the infinitive's act (English grammar, not a PolNeAR list).
_OBJECT_CONTROL = frozenset(
    """prompt lead force leave permit push require ask tell urge allow encourage cause persuade
    invite compel pressure inspire drive spur order instruct enable press convince""".split()
)


def _participle_speaker(tok: Token) -> Token:
    """'X told Y that Z had ..., adding ...': a participle after a comma that the parser hung on
    a verb inside another verb's complement speaks for the outer verb's subject."""
    doc = tok.doc
    if not (tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.i and doc[tok.i - 1].text == ","):
        return tok
    if any(c.dep_ in _SUBJECTS for c in tok.children):
        return tok
    head, steps = tok.head, 0
    while head.dep_ == "ccomp" and head.head is not head and head.head.i < tok.i and steps < 3:
        head, steps = head.head, steps + 1
    return head if steps else tok


def cue_subject(tok: Token) -> list[int]:
    """Token indices of the source of a verbal (or nominal) cue."""
    tok = _participle_speaker(tok)
    if tok.pos_ in ("NOUN", "PROPN"):
        nominal = _nominal_source(tok)
        if nominal is not None:
            return nominal
    seen, via, cue_tag = 0, "", tok.tag_
    while seen < 4:
        seen += 1
        for child in tok.children:
            if child.dep_ == "agent" and not quoted_as(tok):  # "quoted by X as saying": X relays
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return list(span_tokens(pobj))
        for child in tok.children:
            if child.dep_ in _SUBJECTS:
                if child.lower_ in _RELATIVE and tok.dep_ == "relcl":
                    # PolNeAR marks the relative pronoun itself as the source
                    return [child.i]
                if child.dep_ == "nsubjpass" and (via != "conj" or cue_tag == "VBN"):
                    if quoted_as(tok):
                        return list(subject_span(child))  # "he is quoted by X as saying"
                    # "X was told": the one told is no speaker (but "X was forced out and said")
                    return []
                return list(subject_span(child))
        relayed = relayed_speaker(tok)
        if relayed is not None:
            return relayed_span(relayed, tok)
        controller = _object_controller(tok)
        if controller is not None:
            return list(subject_span(controller))
        if tok.dep_ in ("acl", "advcl") and tok.tag_ == "VBN":
            return []  # "the goals set (by X)", "Asked about it, ...": no agent, no source
        head = tok.head
        if tok.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON") and head.i < tok.i:
            # "emails showing that ...", "911 calls saying ...": the noun acts as the source
            return list(range(head.left_edge.i, head.i + 1))
        if tok.dep_ in _CLIMB and tok.head is not tok:
            via, tok = tok.dep_, tok.head
            continue
        if tok.dep_ == "amod" and tok.pos_ == "ADJ" and tok.head.i < tok.i:
            # "lawmakers nervous about ...": the noun the adjective describes
            noun = tok.head
            return list(range(noun.left_edge.i, noun.i + 1))
        break
    return _inverted_subject(tok)


def _object_controller(tok: Token) -> Token | None:
    """The object of an object-control verb whose infinitive complement ``tok`` is."""
    head = tok.head
    if tok.dep_ != "xcomp" or head is tok or head.lemma_ not in _OBJECT_CONTROL:
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < tok.i), None)


def _nominal_source(tok: Token) -> list[int] | None:
    """'Trump's claim', 'a statement from the campaign', 'X made the claim': the noun's owner."""
    for child in tok.children:
        if child.dep_ == "poss":
            return list(span_tokens(child))
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return list(span_tokens(pobj))
    head = tok.head
    if tok.dep_ == "dobj" and head is not tok and head.lemma_ in EXPRESSING:
        for child in head.children:
            if child.dep_ == "nsubj":
                return list(subject_span(child))
    return None


def _inverted_subject(tok: Token) -> list[int]:
    """'..., said Kent, who ...': a noun phrase right after the cue (misparsed inversions)."""
    doc = tok.doc
    i = tok.i + 1
    out: list[int] = []
    while (
        i < len(doc)
        and doc[i].pos_ in _NP_POS
        and doc[i].ent_type_ not in ("DATE", "TIME")
        and len(out) < 8
    ):
        out.append(i)
        i += 1
    if out and any(doc[j].pos_ in ("PROPN", "NOUN", "PRON") for j in out):
        return out
    return []
