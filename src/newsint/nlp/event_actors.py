"""Which token of a frame names a real actor: the author of a strike, the name beside a title,
no dateline, no count of victims; and which conjoined actors act on each other.

Also the actor of a frame itself: a pronoun's referent (:func:`resolve`), the name and type
of the actor a token names (:func:`actor_of`), or a common noun for the learned filter to weigh
(:func:`common_noun_actor`). Part of the events stage (:mod:`newsint.nlp.events`, rules
``newsint.events.v4``, issue 19).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from newsint.models import Actor, Claim, Source
from newsint.nlp import text_of
from newsint.nlp.actors import (
    ENTITY_TYPES,
    actor_phrase,
    is_actor_token,
    lookup,
    normalise,
)
from newsint.nlp.event_frames import ATTACK_NOUNS, Frame
from newsint.nlp.event_targets import SUBJECTS, is_place

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
    before = text_of(doc)[: doc[start].idx].rstrip(" \t")
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


def second_subject(verb: Token, dateline_tok: Token) -> Token | None:
    """The subject a dateline stands beside: "SAN FRANCISCO (CN) — A federal judge demanded"."""
    skip = {dateline_tok.i, *(t.i for t in dateline_tok.subtree)}
    return next((c for c in verb.children if c.dep_ in SUBJECTS and c.i not in skip), None)


def conjuncts(token: Token) -> list[Token]:
    """Actors conjoined with ``token``; a title the parser split from the name right after it
    ("Najib and opposition leader Anwar Ibrahim") is that name, not a party of its own."""
    later = [c for c in token.conjuncts if c.i > token.i and c.pos_ in {"PROPN", "NOUN"}]
    names = {t.i for c in later if c.pos_ == "PROPN" for t in c.subtree}
    return [c for c in later if not (c.pos_ == "NOUN" and c.i + 1 in names)]


def resolve(
    token: Token | None, frame: Frame, previous: Token | None, avoid: Token | None = None
) -> Token | None:
    """A pronoun to the speaker, an earlier actor of the sentence, or the previous sentence's."""
    if token is None or token.pos_ != "PRON":
        return token
    low = token.lower_
    if low in {"i", "we", "me", "us"}:
        return token  # resolved to the quotation's source by _actor
    speaker = frame.speaker
    if low in {"he", "she"} and speaker is not None and speaker.pos_ != "PRON":
        return speaker  # not "him"/"her": who reports an act is seldom the one it is done to
    sent = token.sent
    earlier = []
    for tok in reversed(list(sent[: token.i - sent.start])):
        if avoid is not None and (tok.i == avoid.i or tok in avoid.subtree):
            continue
        if is_place(tok):
            continue  # "On landing in Dar es Salaam, they were detained": not "they"
        candidate = tok.pos_ in {"PROPN", "NOUN"} and tok.dep_ != "compound"
        if candidate and is_actor_token(tok) and (low in {"they", "them"} or tok.dep_ in SUBJECTS):
            earlier.append(tok)
    if earlier:  # a subject "they" stands for an earlier subject first: "medics were beaten
        # by riot police as they called for ..." are the medics
        subjects = [t for t in earlier if t.dep_ in SUBJECTS] if token.dep_ in SUBJECTS else []
        return (subjects or earlier)[0]
    if low in {"him", "her"}:
        return _last_person(token, avoid)
    if low in {"he", "she"} and avoid is not None:  # a patient: "the body of X after he was
        person = _last_person(token, avoid)  # killed by US air strikes"
        if person is not None:
            return person
    if sent.text.lstrip()[:1] in {"“", '"'}:
        return None  # a quotation opens: its "they" is not the last sentence's subject
    if previous is None or previous is avoid:
        return None
    if low in {"he", "she"} and previous.tag_ in {"NNS", "NNPS"}:
        return None  # "the journalists got it wrong ... He accused": not the journalists
    if low in {"he", "she"} and not is_actor_token(previous) and previous.pos_ != "PROPN":
        return _last_person(token, avoid)  # "The story hit a chord with X. She criticised":
    return previous  # a person, not the story


#: How many sentences back an object "him"/"her" looks for the person it stands for.
PERSON_LOOKBACK = 2


def _last_person(pronoun: Token, avoid: Token | None) -> Token | None:
    """An object "him"/"her" acted on: the last person named before it, in its sentence or the
    two before, other than the actor ("Lin was ambushed ... kicking her to the ground")."""
    doc = pronoun.doc
    sents = [s for s in doc.sents if s.start <= pronoun.i]
    start = sents[max(0, len(sents) - 1 - PERSON_LOOKBACK)].start
    skip = set() if avoid is None else {t.i for t in avoid.subtree}
    for tok in reversed(doc[start : pronoun.i]):
        if tok.ent_type_ == "PERSON" and tok.dep_ != "compound" and tok.i not in skip:
            return tok
    return None


def actor_of(
    token: Token | None, claim: Claim | None = None, sources: Sequence[Source] = ()
) -> Actor | None:
    if token is None:
        return None
    if token.pos_ == "PRON":
        if token.lower_ in {"i", "we", "me", "us"} and claim is not None and claim.source_ids:
            source = next((s for s in sources if s.id == claim.source_ids[0]), None)
            if source is not None:
                return Actor(source.name, "person" if not source.affiliation else "organisation")
        return None
    phrase = actor_phrase(token)
    if not phrase.text.strip() or phrase.root.pos_ == "PRON":
        return None
    root = phrase.root
    label = root.ent_type_ if root.ent_type_ in ENTITY_TYPES else None
    known = lookup(phrase.text)
    if root.ent_type_ in NOT_ACTORS:
        return None
    if known is None and label is None and not is_actor_token(root) and root.pos_ != "PROPN":
        return None  # a proper name the tagger did not type is still somebody: "IDAC", "Abdulla"
    if label in {"PERSON", "ORG"}:  # "top al Qaeda commander Adnan X", "US peer Polycom"
        name = next((e for e in root.sent.ents if e.start <= root.i < e.end), None)
        if name is not None and lookup(name.text) is None:
            return normalise(name.text, label, root.text)
    return normalise(phrase.text, label, phrase.root.text)


def common_noun_actor(token: Token) -> Actor | None:
    """A common noun outside the actor nouns ("the gunmen", "protesters") as an actor
    candidate: the hand rules drop it, the learned filter weighs its WordNet class."""
    if token.pos_ != "NOUN" or token.ent_type_ in NOT_ACTORS:
        return None
    phrase = actor_phrase(token)
    if not phrase.text.strip() or phrase.root.pos_ == "PRON":
        return None
    return normalise(phrase.text, None, phrase.root.text)
