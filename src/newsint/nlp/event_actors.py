"""Which token of a frame names a real actor: the author of a strike, the name beside a title,
no dateline, no count of victims; and which conjoined actors act on each other.

Part of the events stage (:mod:`newsint.nlp.events`, rules ``newsint.events.v4``, issue 19).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsint.nlp.actors import lookup
from newsint.nlp.event_frames import ATTACK_NOUNS, Frame

#: Entity labels that never act: dates, amounts, places, works, products, laws.
NOT_ACTORS = frozenset(
    "DATE TIME MONEY PERCENT QUANTITY CARDINAL ORDINAL LOC FAC WORK_OF_ART PRODUCT EVENT LAW "
    "LANGUAGE".split()
)
#: Nouns for people who suffer an act: a number of them is a casualty count, not a party to the
#: event ("killed at least three seafarers"; "gun down 30 terrorists" keeps its target).
PEOPLE = frozenset(
    """people person men man women woman children child civilians seafarers sailors passengers
    doctors workers students teenagers residents villagers patients pilgrims tourists
    worshippers""".split()
)


def attacker(token: Token | None) -> Token | None:
    """The author named on an attack noun ("an Israeli strike" -> Israeli), else None: a strike,
    a drone or an operation is no actor. Other tokens pass through."""
    if token is None or token.lemma_.lower() not in ATTACK_NOUNS:
        return token
    for child in token.children:
        if child.dep_ in {"amod", "compound", "nmod", "poss"} and (
            child.ent_type_ in {"NORP", "GPE", "ORG"}
            or child.pos_ == "PROPN"
            or lookup(child.text) is not None
        ):
            return child
        if child.dep_ == "compound" and child.lemma_.lower() in ATTACK_NOUNS:
            inner = attacker(child)  # "a US drone strike": the US modifies "drone"
            if inner is not child and inner is not None:
                return inner
    return None


def named(token: Token | None) -> Token | None:
    """A title with the person's name beside it names the person: "The American ambassador to
    Pakistan, Anne W. Patterson" -> Anne W. Patterson."""
    if token is None or token.pos_ == "PROPN":
        return token
    for child in token.subtree:
        if child.dep_ == "appos" and child.ent_type_ in NAMES and child.pos_ == "PROPN":
            return mention_root(child)
    return token


#: Entity labels of a name that can stand beside a title ("the group behind the hack, Joker's
#: Stash"; "the Lebanese armed group Hezbollah").
NAMES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def mention_root(token: Token) -> Token:
    for ent in token.sent.ents:
        if ent.start <= token.i < ent.end:
            return ent.root
    return token


#: Acts that two conjoined actors do to each other ("Israel and Hezbollah exchanged attacks").
RECIPROCAL = frozenset({"CONSULT", "COOPERATE"})
MUTUAL_VERBS = frozenset({"exchange", "clash", "trade", "fight", "battle", "negotiate", "meet"})


def reciprocal(frame: Frame, label: str | None) -> bool:
    return label in RECIPROCAL or frame.predicate.lemma_.lower() in MUTUAL_VERBS


def has_object(pred: Token) -> bool:
    return any(c.dep_ in {"dobj", "dative", "nsubjpass"} for c in pred.children)


DATELINE_MARKS = frozenset({",", "(", "—", "–", "-"})


def dateline(token: Token) -> bool:
    """ "ISLAMABAD, Pakistan — The chief ... said": a dateline is no subject."""
    while token.dep_ == "compound" and token.head.is_upper and token.head.ent_type_ == "GPE":
        token = token.head  # "SAN" of "SAN FRANCISCO (CN) —"
    if not (token.is_upper and len(token) > 3 and token.ent_type_ == "GPE"):
        return False
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is None or after.text not in DATELINE_MARKS:
        return False
    start = token.i  # the first word of the place name, then what comes before it on the line
    while start > 0 and doc[start - 1].is_upper and doc[start - 1].ent_type_ == "GPE":
        start -= 1
    before = doc.text[: doc[start].idx].rstrip(" \t")
    return start == token.sent.start or not before or before.endswith("\n")


def counted_people(token: Token | None) -> bool:
    """A count of unnamed people ("at least 10 people", "more than a dozen doctors"): victims
    or a crowd, not a party that can be put on a map ("three Americans" stays)."""
    if token is None or token.pos_ != "NOUN":
        return False
    if any(c.ent_type_ in {"NORP", "GPE", "ORG"} for c in token.children):
        return False
    counted = any(c.dep_ == "nummod" or c.like_num for c in token.children)
    return counted and (token.lower_ in PEOPLE or token.lemma_.lower() in PEOPLE)
