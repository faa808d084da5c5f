"""Is a stretch of text a proposition: something that can be true or false?

The judgement guide (section 4) makes a claim "a statement that can be true or false, never a
noun phrase". An attribution's content is often not one: "the U.S. welcomed *the exchange*",
"officials cited *Taliban violence*", "Trump claimed *victory*", "were charged with falsifying
records, *stating they had checked on him*", "urged them *not to tolerate the pretense*". Such a
content tells who spoke about what, but it asserts nothing a reader could check, so it is no
claim to grade (``newsint.propositions.v1``).

A proposition holds a finite clause: one of the heads of the stretch (its tokens whose head lies
outside it, or that head their own sentence) is a verb with tense ("was", "said", "will win",
"had suffered"): a finite verb itself, or a participle or infinitive with a finite auxiliary; or
a noun with its content clause ("the reports that Iran is recruiting fighters").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsint.models import Span

RULES = "newsint.propositions.v1"

#: Penn tags of verbs with tense: past, present third person, present other, modal.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def is_proposition(doc: Doc, spans: Sequence[Span]) -> bool:
    """Whether the text at ``spans`` (character offsets into ``doc``) holds a finite clause
    at its top: "the hostages had suffered" does, "the exchange", "victory" and "stating they
    had checked on him" do not (the finite verb there hangs inside the participle)."""
    for start, end in spans:
        tokens = [t for t in doc if start <= t.idx < end and not t.is_punct]
        inside = {t.i for t in tokens}
        heads = [t for t in tokens if t.head.i == t.i or t.head.i not in inside]
        if any(_finite(t) or _reports(t) for t in heads):
            return True
    return False


def _reports(token: Token) -> bool:
    """A noun that carries its proposition ("the reports that Iran is recruiting fighters",
    "claims that a spider burrowed"): not a bare noun phrase. A relative clause ("the exchange
    that took place") is no content of the noun."""
    return token.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ in {"acl", "ccomp"} and _finite(c) and any(m.dep_ == "mark" for m in c.children)
        for c in token.children
    )


def _finite(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    if token.tag_ in FINITE_TAGS:
        return True
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS for c in token.children)
