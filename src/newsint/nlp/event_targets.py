"""Targets of event frames: whom an act is aimed at, and which nouns are places, not parties.

Part of the events stage (:mod:`newsint.nlp.events`, rules ``newsint.events.v4``): the target of
a frame is the best actor-naming token among the predicate's objects, the subject of a demanded
clause and its prepositional objects ("to", "against", "with" ... first, a place last); a
place (:func:`is_place`) ranks after every party, and a document's event drops it.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsint.nlp.actors import ENTITY_TYPES, actor_phrase, is_actor_token, lookup

#: Verbs whose direct object is the thing moved, not the target: "send troops to Kirkuk".
THEME_VERBS = frozenset(
    "send give provide supply deploy offer contribute deliver donate ship sell transfer withdraw "
    "pull move".split()
)
#: Verbs whose "for" object is the side fought for: "extremists fighting for the Islamic State".
FIGHT_FOR = frozenset({"fight", "battle", "work", "campaign", "spy", "die"})
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECTS = {"dobj", "obj", "dative", "attr", "oprd"}
#: Prepositions that introduce a target, best first; "in" (a place) comes last.
TARGET_PREPS = {
    "to": 1,
    "against": 1,
    "with": 1,
    "on": 2,
    "at": 2,
    "into": 2,
    "from": 2,
    "toward": 2,
    "towards": 2,
    "through": 2,
    "for": 3,
    "over": 3,
    "between": 2,
    "of": 3,
    "about": 3,
    "alongside": 2,
    "in": 4,
}
#: Prepositions through which a predicate's target is looked for (and "quoted as saying").
CHAIN_PREPS = frozenset({*TARGET_PREPS, "by", "as"})
NOT_ACTOR_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}


#: Prepositions of place: "in the villages of Maroun al-Ras", "at the port", "near Kobani".
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around"})
#: Added to a place's target priority: PLOVER's coders name the place as the target when no
#: party is named ("rioted in East Timor's capital Dili"); a document's event drops it.
PLACE_PENALTY = 5.0
#: Nouns of places: their modifiers name where, not whom ("in the Iraqi capital").
PLACE_NOUNS = frozenset(
    """capital city town village villages area region province border coast port district
    neighborhood neighbourhood street site outskirts waterway sea""".split()
)


#: Head words of a facility named as a place, whatever entity label the tagger gives it:
#: "took control of the Tripoli International Airport" (v4.1).
FACILITIES = frozenset(
    "airport airfield airbase port harbour harbor bridge highway checkpoint".split()
)


def is_place(token: Token) -> bool:
    """A location, not a party: a LOC entity; a building (FAC); a city or region after "in",
    "at" ...; a name modifying a place noun under such a preposition
    ("in the Iraqi capital", "from the Israeli border"). A state named after "in" stays a party
    ("air strikes in Lebanon", "weapons in Iraq"), and so does the owner of a place that is acted
    on ("shell Lebanese towns")."""
    if token.ent_type_ == "LOC" or token.lemma_.lower() in FACILITIES:
        return True
    if token.ent_type_ == "FAC":
        prep = _nearest_prep(token)
        return prep is None or prep.lower_ != "by"  # "rallies by the Kifaya group" (mislabelled)
    if token.dep_ in {"amod", "compound", "poss", "nmod"}:
        head = token.head
        if head.ent_type_ not in {"GPE", "FAC", "LOC"} and head.lemma_.lower() not in PLACE_NOUNS:
            return False
        prep = _nearest_prep(head)
        return prep is not None and prep.lower_ in PLACE_PREPS | {"from", "to", "into"}
    known = lookup(token.text)
    if known is not None and known.type == "state":
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "of" and _in_place(token.head.head):
        return True  # "in the villages of Maroun al-Ras" (not "to the city of Kirkuk")
    if token.ent_type_ != "GPE":
        return False
    prep = _nearest_prep(token)
    return prep is not None and prep.lower_ in PLACE_PREPS


def _in_place(noun: Token) -> bool:
    """A place noun under a preposition of place: "in the villages", "near the border"."""
    if noun.lemma_.lower() not in PLACE_NOUNS:
        return False
    prep = _nearest_prep(noun)
    return prep is not None and prep.lower_ in PLACE_PREPS


def _nearest_prep(token: Token) -> Token | None:
    """The preposition a noun hangs from, looking through "of" ("in the villages of X")."""
    node = token
    for _ in range(4):
        if node.dep_ not in {"pobj", "compound", "appos"}:
            return None
        node = node.head
        if node.dep_ == "prep" and node.lower_ == "of":
            node = node.head
            continue
        if node.dep_ == "prep":
            return node
    return None


def _mention_head(token: Token) -> Token:
    """The head of the entity a token sits in: "West" of "the West Bank" -> "Bank"."""
    if token.ent_iob_ in {"B", "I"} and token.dep_ in {"compound", "flat"}:
        for ent in token.sent.ents:
            if ent.start <= token.i < ent.end:
                return ent.root
    return token


#: Quantifiers whose "of" object is the party: "all of the Shia militias", "some of them".
PARTITIVES = frozenset("all some many most each both several none any one two".split())


def _candidates(token: Token | None, actor_ids: set[int], prio: float) -> list[tuple[float, Token]]:
    """Actor-naming tokens in a noun phrase headed by ``token``, with their priority."""
    if token is None or token.i in actor_ids or token.ent_type_ in NOT_ACTOR_ENTS:
        return []
    if is_place(token):
        prio += PLACE_PENALTY  # a party first; a place only when no party is named
    if token.pos_ == "PRON" and token.lower_ in PARTITIVES:  # "supporting all of the militias"
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        return _candidates(pobj, actor_ids, prio)
    if token.pos_ == "PRON":
        return [(prio, token)] if token.lower_ in {"them", "him", "her", "us"} else []
    out: list[tuple[float, Token]] = []
    if is_actor_token(token):
        named = token.ent_type_ in ENTITY_TYPES or token.pos_ == "PROPN"
        out.append((prio if named else prio + 0.5, _mention_head(token)))
    # "aid to Mozambique", "demands from Shona rebels", "calls by Kofi Annan"
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS.keys() | {"by"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if (
                pobj is not None
                and pobj.i not in actor_ids
                and is_actor_token(pobj)
                and pobj.ent_type_ not in NOT_ACTOR_ENTS
            ):
                extra = 0.25 if child.lower_ in {"to", "against", "by", "from", "of"} else 1.0
                extra += PLACE_PENALTY if is_place(pobj) else 0.0
                out.append((prio + extra, _mention_head(pobj)))
    # "Turkey's efforts", "a US offer", "Senegalese peace plan": the actor inside the phrase
    for child in token.lefts:
        named = child.ent_type_ in ENTITY_TYPES or (child.pos_ == "PROPN" and is_actor_token(child))
        if (
            child.dep_ in {"poss", "compound", "amod", "nmod"}
            and child.i not in actor_ids
            and named
        ):
            out.append((prio + 0.75, _mention_head(child)))
    return out


def find_target(chain: list[Token], actor: Token | None) -> Token | None:
    """The best target token among the chain's objects and prepositional objects."""
    actor_ids = set()
    if actor is not None:
        actor_ids = {t.i for t in actor_phrase(actor)} | {actor.i}
        actor_ids |= {c.i for c in actor.conjuncts}
    found: list[tuple[float, int, Token]] = []
    for rank, pred in enumerate(chain):
        if pred.pos_ not in {"VERB", "AUX", "ADJ"}:
            continue
        for child in pred.children:
            cands: list[tuple[float, Token]] = []
            if child.dep_ in OBJECTS or _named_npadvmod(child):
                theme = pred.lemma_.lower() in THEME_VERBS and child.ent_type_ not in ENTITY_TYPES
                cands = _candidates(child, actor_ids, 1.5 if theme else 0)
                if _own(child):  # "withdraw its troops from Lebanon": the actor's own troops
                    cands = [c for c in cands if c[1] is not child]
            elif (
                child.dep_ == "ccomp"
                or child.dep_ == "advcl"
                and any(g.dep_ == "mark" and g.lower_ == "for" for g in child.children)
            ):  # "demanded that the US cancel ...", "calling for the two companies to merge"
                subj = next((c for c in child.children if c.dep_ in SUBJECTS), None)
                if subj is not None and subj.pos_ != "PRON":
                    cands = _candidates(subj, actor_ids, 0)
                elif subj is not None and subj.lower_ == "what":
                    cands = _candidates(_known_as(child), actor_ids, 0)
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                if child.lower_ in {"for", "in"} and pred.lemma_.lower() in FIGHT_FOR:
                    continue  # "fighting for the Islamic State", "in Syria": not the target
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                cands = _candidates(pobj, actor_ids, TARGET_PREPS[child.lower_])
            for prio, cand in cands:
                found.append((prio, rank, cand))
    if not found and chain and chain[0].pos_ == "VERB":
        # "targeted and wounded a Hezbollah member": the first verb shares the second's object
        for conj in chain[0].children:
            if (
                conj.dep_ == "conj"
                and conj.pos_ == "VERB"
                and not any(c.dep_ in SUBJECTS for c in conj.children)
                and any(c.dep_ in OBJECTS for c in conj.children)
            ):
                shared = find_target([conj], actor)
                if shared is not None:
                    return shared
    if not found:
        # last resort: the first actor noun anywhere in the objects' subtrees
        for pred in chain[:1]:
            for child in pred.children:
                side = child.lower_ in {"for", "in"} and pred.lemma_.lower() in FIGHT_FOR
                if child.dep_ in OBJECTS | {"ccomp", "xcomp"} or (
                    child.dep_ == "prep" and child.lower_ in TARGET_PREPS and not side
                ):  # not "fired shots after being attacked by demonstrators"
                    nouns = [
                        tok
                        for tok in child.subtree
                        if tok.i not in actor_ids
                        and tok.pos_ in {"PROPN", "NOUN"}
                        and is_actor_token(tok)
                        and tok.ent_type_ not in NOT_ACTOR_ENTS
                        and not _own(tok)
                    ]
                    if nouns:
                        return _mention_head(min(nouns, key=_name_rank))
        return None
    found.sort(key=lambda f: (f[0], f[1], f[2].i))
    return found[0][2]


def _known_as(verb: Token) -> Token | None:
    """The name in "what are known as the Sunni militias", "what is called the Quds Force"."""
    if verb.lemma_.lower() not in {"know", "call", "dub", "term", "describe"}:
        return None
    for child in verb.children:
        if child.dep_ == "oprd":
            return child
        if child.dep_ == "prep" and child.lower_ == "as":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _name_rank(token: Token) -> tuple[int, int]:
    """A name heading its phrase first, then a name inside one, then a common noun:
    "talks to acquire cloud-computing company VMware Inc." -> VMware Inc., not "company";
    "merge with US peer Polycom" -> Polycom."""
    named = token.ent_type_ in ENTITY_TYPES or token.pos_ == "PROPN"
    if named and token.dep_ != "compound":
        return (0, token.i)
    return (1 if named else 2, token.i)


def _named_npadvmod(token: Token) -> bool:
    """A person or group the parser hung as an adverbial noun: "killed top commander Adnan X"."""
    return token.dep_ == "npadvmod" and token.ent_type_ in {"PERSON", "ORG", "NORP"}


def _own(token: Token) -> bool:
    """A noun the actor owns: "its fighters", "their troops"."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)
