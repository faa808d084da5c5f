"""Event frames: the actor, predicate and target of one predicate, read off the dependency parse.

A *frame* is read off one predicate: the actor (its subject, or the ``by`` agent of a passive,
or what it inherits through ``xcomp``/``conj``/``advcl``, or the noun a relative clause hangs
on), the open predicate as written (always kept), and the target (the object, the subject of a
demanded clause, a ``to``/``against``/``with`` ... object, or the actor named inside an object:
"Turkey's efforts", "a US offer"). Reporting verbs are not events: "X said Y attacked Z" gives
Y -> Z, asserted by X; a pronoun subject of the reported clause ("X said it would ...") is X.
A report of wrongdoing is the exception: "X says Y covertly harvests data" is X accusing Y
(:func:`accusation_frame`, v4.1).
Part of the events stage (:mod:`newsint.nlp.events`, rules ``newsint.events.v4``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Span, Token

from newsint.nlp.actors import is_actor_token, lookup
from newsint.nlp.event_targets import CHAIN_PREPS, SUBJECTS, find_target

#: Verbs that report speech or thought: not events themselves, their complement is.
REPORTING = frozenset(
    """say tell note add believe think suggest report explain announce confirm state claim
    quote declare conclude reveal insist argue write disclose indicate estimate""".split()
)
#: Verbs whose object is the subject of their infinitive: "asked the prime minister to send".
OBJECT_CONTROL = frozenset(
    "ask urge order tell force persuade allow call request pressure press encourage invite recruit "
    "help".split()
)
#: Modal words that make a reported clause a demand on its subject: "X said Y must stop".
DEMAND_MODALS = frozenset({"must", "should", "ought"})


@dataclass(slots=True)
class Frame:
    """One predicate's actor, target and trigger words, still as spaCy tokens."""

    predicate: Token
    actor: Token | None
    target: Token | None
    chain: list[Token] = field(default_factory=list)  # predicate, its xcomp/ccomp verbs, objects
    speaker: Token | None = None  # subject of the reporting verb the predicate is embedded in
    negated: bool = False
    passive: bool = False
    accusation: bool = False  # a report of wrongdoing: the reporter accuses the doer (ACCUSE)


# ---------------------------------------------------------------------------------------------
# frames: actor, predicate, target of one predicate
# ---------------------------------------------------------------------------------------------


def frame_at(pred: Token, speaker: Token | None = None) -> Frame:
    """The frame of ``pred``: actor and target from the dependency structure."""
    actor, target, passive = _arguments(pred)
    if actor is not None and actor.pos_ == "PRON" and actor.lower_ in {"that", "who", "which"}:
        actor = _relative_head(pred)
    if passive and target is not None and target.lower_ in {"that", "who", "which"}:
        target = _relative_head(pred)  # "Shukrijumah, who was indicted in the U.S."
    resolvable = {"it", "they", "he", "she", "we", "i"}
    # "X said it would ...": the speaker, but only as the subject of the clause X reports, not of
    # a clause inside it ("medics were beaten as they called for ..., The Times reported")
    direct = pred.dep_ in {"ccomp", "parataxis", "ROOT"} or pred.head.lemma_.lower() in REPORTING
    if (
        actor is not None
        and actor.pos_ == "PRON"
        and actor.lower_ in resolvable
        and speaker
        and direct
        and _agrees(actor, speaker)
    ):
        actor = speaker
    giver = _giver(pred)
    if giver is not None:  # "the US had received [it] from an ally": the ally gives to the US
        actor, target = giver, actor
    chain = _chain(pred)
    if target is not None and not (is_actor_token(target) or target.pos_ == "PRON"):
        target = None  # "an operation coordinated by X through Y": the patient is no actor
    if target is None:  # not from "stepped down after saying he had misled a journalist"
        target = find_target(_chain(pred, CHAIN_PREPS), actor)
    return Frame(
        predicate=pred,
        actor=actor,
        target=target,
        chain=chain,
        speaker=speaker,
        negated=_negated(pred),
        passive=passive,
    )


#: Verbs of receiving: the one it comes "from" acts.
RECEIVING = frozenset({"receive", "obtain", "accept", "get"})


def _giver(pred: Token) -> Token | None:
    if pred.lemma_.lower() not in RECEIVING:
        return None
    for child in pred.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and is_actor_token(pobj):
                return pobj
    return None


def _controller(verb: Token) -> Token | None:
    """Who is to do what an object-control verb asks: its object ("asked the prime minister to
    send"), or whom it calls "on" ("calling on voters to boycott the election")."""
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "dative"}), None)
    if obj is not None or verb.lemma_.lower() != "call":
        return obj
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"on", "upon"}:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _agrees(pronoun: Token, speaker: Token) -> bool:
    """Whether a pronoun can stand for the speaker: "they" for a group or a plural, "he"/"she"
    for one person ("they had killed him", Abdulla said: not Abdulla)."""
    group = speaker.tag_ in {"NNS", "NNPS"} or speaker.ent_type_ in {"ORG", "NORP", "GPE"}
    if pronoun.lower_ in {"they", "we"}:
        return group or pronoun.lower_ == "we"
    return speaker.tag_ not in {"NNS", "NNPS"}


#: Tags of a past participle hanging on a noun; the tagger reads some as past tenses ("the man
#: believed to have beheaded X": a clause on a noun has no tense of its own).
PARTICIPLE = frozenset({"VBN", "VBD"})


def _arguments(pred: Token) -> tuple[Token | None, Token | None, bool]:
    """(actor, target-if-passive, passive) of a predicate, inheriting a missing subject."""
    subject = next((c for c in pred.children if c.dep_ in {"nsubj", "csubj"}), None)
    patient = next((c for c in pred.children if c.dep_ == "nsubjpass"), None)
    if patient is not None:
        return _agent(pred) or _attack_by(pred) or _state_by(pred), patient, True
    if subject is not None:
        return subject, None, False
    if pred.dep_ == "acl" and pred.tag_ in PARTICIPLE and _agent(pred) is not None:
        # "fighters recruited by Iran", "a hostage being held by al Qaeda": the noun is acted on
        return _agent(pred), pred.head, True
    if any(c.dep_ == "auxpass" for c in pred.children) and _agent(pred) is not None:
        # "Officers fired warning shots after being attacked by demonstrators"
        clause = pred.head.head if pred.dep_ == "pcomp" else pred.head
        patient = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
        return _agent(pred), patient, True
    if pred.dep_ == "acl" and pred.tag_ == "VBG":  # "Kurdish fighters battling Islamic State"
        return pred.head, None, False
    if pred.dep_ == "acl" and pred.tag_ in PARTICIPLE:  # "weapons supplied to the rebels"
        return None, pred.head, True
    if pred.dep_ == "relcl":
        return pred.head, None, False
    head = pred.head
    if pred.dep_ in {"xcomp", "advcl"} and head.lemma_.lower() in OBJECT_CONTROL:
        obj = _controller(head)
        if obj is not None:
            return obj, None, False
    if pred.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        head = head.head  # "Papandreou would be willing to resign", "we are able to defeat"
    if pred.dep_ == "xcomp" and head is not pred:
        if head.lemma_.lower() in OBJECT_CONTROL:
            obj = _controller(head)
            if obj is not None:
                return obj, None, False
        actor, patient, passive = _arguments(head)
        if passive and actor is None:  # "the SEALs were forced to withdraw": the SEALs withdraw
            return patient, None, False
        return actor, None, False
    if (
        pred.dep_ in {"conj", "advcl", "pcomp"}
        and head is not pred
        and head.pos_ in {"VERB", "AUX"}
    ):
        actor, _, passive = _arguments(head)
        return (actor, None, False) if not passive else (None, None, False)
    return None, None, False


#: Nouns of an attack that can stand for their author ("targeted in a U.S. strike").
ATTACK_NOUNS = frozenset(
    "strike strikes airstrike airstrikes attack attacks raid raids bombing drone drones missile "
    "missiles shelling operation offensive".split()
)


def _attack_by(pred: Token) -> Token | None:
    """The attack a passive was done "in" or "by" when no agent is named: "a commander was
    targeted in a U.S. strike" (the events stage then names its author, or drops it)."""
    for child in pred.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "by"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in ATTACK_NOUNS:
                return pobj
    return None


#: Acts only a state does to a person, whose passive names the state by where it happened:
#: "indicted in the U.S.", "expelled from Russia", "released from U.S. custody".
STATE_ACTS = frozenset(
    """indict charge convict sentence expel deport extradite release free detain arrest jail
    imprison ban sanction""".split()
)


def _state_by(pred: Token) -> Token | None:
    """The state a passive act of state happened in or came from, when no agent is named."""
    if pred.lemma_.lower() not in STATE_ACTS:
        return None
    for child in pred.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "from", "by"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            for tok in [pobj, *(pobj.children if pobj is not None else [])]:
                if tok is not None and tok.dep_ in {"pobj", "compound"} and _is_state(tok):
                    return tok
    return None


def _is_state(token: Token) -> bool:
    known = lookup(token.text)
    return known is not None and known.type == "state"


def _agent(pred: Token) -> Token | None:
    for child in pred.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _relative_head(pred: Token) -> Token | None:
    node = pred
    while node.dep_ not in {"relcl", "ROOT"} and node.head is not node:
        node = node.head
    return node.head if node.dep_ == "relcl" else None


def _chain(pred: Token, preps: frozenset[str] | None = None) -> list[Token]:
    """The predicate and the verbs and nouns that complete it: "threatened to cut off ...";
    through the predicate's prepositions in ``preps`` only, when given (for its target)."""
    chain = [pred]
    todo = [pred]
    while todo:
        node = todo.pop(0)
        for child in node.children:
            if child.dep_ in {"xcomp", "acomp", "ccomp"} and child.pos_ in {"VERB", "AUX", "ADJ"}:
                chain.append(child)
                todo.append(child)
            elif child.dep_ == "advcl" and any(g.lower_ == "to" for g in child.lefts):
                chain.append(child)  # purpose: "opened fire to disperse demonstrators"
                todo.append(child)
            elif child.dep_ in {"dobj", "obj", "attr", "pobj"} and child.pos_ in {"NOUN", "PROPN"}:
                chain.append(child)
            elif child.dep_ == "prep" and node is pred and (preps is None or child.lower_ in preps):
                todo.append(child)
            elif child.dep_ == "pcomp" and node.dep_ == "prep":
                chain.append(child)
                todo.append(child)
    return chain


def _negated(pred: Token) -> bool:
    for child in pred.children:
        if child.dep_ == "neg" or child.lower_ in {"never", "not", "n't"}:
            return True
    # "did not attack": spaCy sometimes hangs the negation on the auxiliary
    return any(c.dep_ == "aux" and any(g.dep_ == "neg" for g in c.children) for c in pred.children)


# ---------------------------------------------------------------------------------------------
# the main event of a sentence (the benchmark's unit) and all events of a document
# ---------------------------------------------------------------------------------------------


def _embedded(root: Token) -> tuple[Token, Token | None]:
    """Descend from a reporting verb into what it reports; return (predicate, speaker)."""
    pred, speaker = root, None
    for _ in range(3):
        if pred.lemma_.lower() not in REPORTING:
            break
        comp = next((c for c in pred.children if c.dep_ in {"ccomp", "parataxis"}), None)
        if comp is None:
            # "X was quoted as saying ...": look one level further
            xcomp = next((c for c in pred.children if c.dep_ in {"xcomp", "advcl"}), None)
            if xcomp is None:
                break
            comp = xcomp
        subj = next((c for c in pred.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and subj.pos_ != "PRON" or subj is not None and speaker is None:
            speaker = subj
        pred = comp
    return pred, speaker


def main_frame(sent: Span) -> Frame:
    """The coded event of a one-event sentence: the reported clause of a reporting verb."""
    root = sent.root
    pred, speaker = _embedded(root)
    frame = frame_at(pred, speaker)
    # "X said (that) Y must ...": a demand by the speaker on Y
    if (
        speaker is not None
        and pred is not root
        and speaker.i < pred.i
        and _is_demand(pred)
        and frame.actor is not None
        and frame.actor.i != speaker.i
    ):
        frame.actor, frame.target = speaker, frame.actor
        frame.chain = [root, *frame.chain]
    if frame.actor is None and speaker is not None:
        frame.actor = speaker
    if pred is not root:
        frame.chain.append(root)
    return frame


def _is_demand(pred: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in pred.children)


def sentence_frames(sent: Span) -> list[Frame]:
    """Every frame of a sentence with an actor: one per predicate that is not a report verb,
    and one per report of wrongdoing (:func:`accusation_frame`)."""
    frames: list[Frame] = []
    for token in sent:
        accusation = accusation_frame(token)
        if accusation is not None:
            frames.append(accusation)
            continue
        if token.lemma_.lower() in REPORTING or not (token.pos_ == "VERB" or _in_talks(token)):
            continue
        if token.dep_ in {"amod", "compound", "aux", "auxpass"}:
            continue
        speaker = _speaker_of(token)
        frame = frame_at(token, speaker)
        if frame.actor is None:
            continue
        frames.append(frame)
    return frames


@lru_cache(maxsize=1)
def event_lexicon() -> dict[str, Any]:
    """The events' word lists (``newsint/data/event_triggers.json``): PLOVER triggers by
    category, and the words of wrongdoing."""
    raw = resources.files("newsint.data").joinpath("event_triggers.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


@lru_cache(maxsize=1)
def _wrongdoing() -> frozenset[str]:
    return frozenset(event_lexicon()["wrongdoing"])


def _is_wrongdoing(token: Token) -> bool:
    words = _wrongdoing()
    if token.lemma_.lower() == "cover":
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children)
    return token.lower_ in words or token.lemma_.lower() in words


#: Pronouns that open a relative clause: their referent is the noun the clause hangs on.
RELATIVES = frozenset({"who", "whom", "which", "that"})


def accusation_frame(token: Token) -> Frame | None:
    """A report of wrongdoing accuses its doer (PLOVER ACCUSE; the annotation guide of
    ``annotations/events/``): "Plaintiffs say Google covertly harvests the data", "whom the
    Russians say is a CIA operative", "alleging he violated campaign finance laws". The reporter
    is the actor, the doer named in the reported clause the target. None when the clause names
    no party ("claimed that there was cheating"), when the report is negated, or when the doer
    is the reporter."""
    if token.lemma_.lower() not in REPORTING | {"allege"} or _negated(token):
        return None
    comp = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if comp is None or not any(_is_wrongdoing(t) for t in _near(comp)):
        return None
    actor, _, passive = _arguments(token)
    if actor is None or passive or actor.lower_ in RELATIVES:
        return None
    accused = _accused(token, comp)
    if accused is None or accused.i == actor.i or accused.i in {t.i for t in actor.subtree}:
        return None
    return Frame(token, actor, accused, chain=[token, comp], accusation=True)


def _near(comp: Token) -> list[Token]:
    """The reported clause's predicate, its dependents and theirs: the wrongdoing must be what
    the clause says of its doer, not a word deep inside it."""
    return [comp, *comp.children, *(g for c in comp.children for g in c.children)]


def _accused(report: Token, comp: Token) -> Token | None:
    """The doer named in a reported clause: its subject, the noun a relative "whom" stands
    for, or the first name before its verb when the parser hung the subject elsewhere."""
    subject = next((c for c in comp.children if c.dep_ in SUBJECTS), None)
    if subject is not None and subject.lower_ in RELATIVES:
        return report.head if report.dep_ == "relcl" else None
    if subject is not None:
        return subject if is_actor_token(subject) or subject.pos_ == "PROPN" else None
    before = [t for t in comp.subtree if t.i < comp.i and t.pos_ == "PROPN" and is_actor_token(t)]
    return before[0] if before else None


def _in_talks(token: Token) -> bool:
    """ "Broadcom is in talks to acquire VMware": the copula carries the talks."""
    if token.lemma_.lower() != "be":
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "in"
        and any(g.lemma_.lower() in {"talk", "negotiation", "discussion"} for g in c.children)
        for c in token.children
    )


def _speaker_of(token: Token) -> Token | None:
    """The subject of the nearest reporting verb governing ``token``, if any."""
    node = token
    for _ in range(6):
        if node.head is node:
            return None
        if node.dep_ in {"ccomp", "parataxis"} and node.head.lemma_.lower() in REPORTING:
            return next((c for c in node.head.children if c.dep_ == "nsubj"), None)
        node = node.head
    return None
