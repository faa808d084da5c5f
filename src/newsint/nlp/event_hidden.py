"""Acts the parse hides from the verb frames: means nouns and hyphenated verbs.

Part of the events stage (:mod:`newsint.nlp.events`, rules ``newsint.events.v4.1``).

* :func:`means_frames`: acts named as the means of another act. A verb's
"through"/"by"/"via" object that is a PLOVER event noun of the trigger lexicon (bribery,
coercion, negotiation ...) is an act of the verb's subject; its target is the party named by an
"of" phrase in the list ("... assassination of some Iraqi politicians"). Nouns of an act with no
verb behind them ("the October 7 attack") stay out, as the annotation guide says.
* :func:`hyphenated_frames`: a prefixed verb the tagger split and read as an adjective
  ("They're pre-positioning weapons": "pre", "-", "positioning" as adjectives of "weapons").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsint.nlp.actors import is_actor_token
from newsint.nlp.event_frames import Frame, frame_at
from newsint.nlp.plover import TRIGGERS

#: Prepositions that introduce the means of an act.
MEANS_PREPS = frozenset({"through", "by", "via"})


def means_frames(sent: Span) -> list[Frame]:
    """One frame per event noun a verb names as its means, acted by the verb's actor."""
    frames: list[Frame] = []
    for prep in sent:
        if prep.dep_ != "prep" or prep.lower_ not in MEANS_PREPS or prep.head.pos_ != "VERB":
            continue
        acts = [n for n in _listed(prep) if n.pos_ == "NOUN" and n.lemma_.lower() in TRIGGERS]
        if not acts:
            continue
        actor = frame_at(prep.head).actor
        if actor is None:
            continue
        target = _of_party(prep)
        frames += [Frame(act, actor, target, chain=[act]) for act in acts]
    return frames


def _listed(prep: Token) -> list[Token]:
    """The nouns listed after the preposition, including list items the parser hung on the
    verb ("promote through bribery, cajoling, coercion": "cajoling" as the verb's conjunct)."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return []
    items = [pobj, *pobj.conjuncts]
    for conj in prep.head.children:
        if conj.dep_ == "conj" and conj.pos_ == "NOUN" and conj.i > prep.i:
            items += [conj, *conj.conjuncts]
    return sorted({t.i: t for t in items}.values(), key=lambda t: t.i)


def _of_party(prep: Token) -> Token | None:
    """The party an "of" phrase after the means names: "coercion ... of Iraqi politicians"."""
    for tok in prep.sent[prep.i - prep.sent.start :]:
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and is_actor_token(tok):
            return tok
    return None


#: Prefixes of verbs the tokenizer splits off at the hyphen: "pre-positioning", "re-arming".
VERB_PREFIXES = frozenset({"pre", "re", "co", "counter", "over", "out", "under", "mis", "de"})


def hyphenated_frames(sent: Span) -> list[Frame]:
    """ "They're pre-positioning weapons": the -ing word after a verb prefix and a hyphen is the
    predicate, the copula's subject its actor and the noun it modifies its object."""
    frames: list[Frame] = []
    for tok in sent:
        if not (tok.lower_.endswith("ing") and tok.dep_ == "amod" and tok.i >= 2):
            continue
        dash, prefix = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
        if dash.text != "-" or prefix.lower_ not in VERB_PREFIXES:
            continue
        noun = tok.head
        copula = noun.head if noun.dep_ in {"attr", "dobj"} else None
        if copula is None or copula.lemma_ != "be":
            continue
        actor = next((c for c in copula.children if c.dep_ == "nsubj"), None)
        if actor is not None:
            frames.append(Frame(tok, actor, None, chain=[tok, noun]))
    return frames
