"""Events: who does what to whom, from the dependency parse, with a PLOVER 1.0 category.

A *frame* is read off one predicate: the actor (its subject, or the ``by`` agent of a passive,
or what it inherits through ``xcomp``/``conj``/``advcl``, or the noun a relative clause hangs
on), the open predicate as written (always kept), and the target (the object, the subject of a
demanded clause, a ``to``/``against``/``with`` ... object, or the actor named inside an object:
"Turkey's efforts", "a US offer"). Reporting verbs are not events: "X said Y attacked Z" gives
Y -> Z, asserted by X; a pronoun subject of the reported clause ("X said it would ...") is X.
Coordinated actors give one event each ("Iran and Syria signed" -> two events).

The PLOVER category comes from the codebook trigger lexicon when the predicate is a trigger, else
from a small classifier (weights in ``newsint/models/events/``; the lexicon's chain hits when no
model is shipped), then from the PLOVER mode rules (:func:`apply_mode`: refusal, intent, threat).
Rules: ``newsint.events.v3.1`` (v3: lexicon-first category, PLOVER mode rules; v3.1: a frame the
model only guesses at, p < 0.5, is not an event).

Spans of an :class:`~newsint.models.Event`: ``spans[0]`` the evidence (the clause from actor to
target), ``spans[1]`` the actor mention, ``spans[2]`` the predicate, ``spans[3]`` the target
mention when there is one.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsint.models import Actor, Claim, Cue, Event, Source
from newsint.nlp import entities
from newsint.nlp.actors import (
    ENTITY_TYPES,
    actor_phrase,
    is_actor_token,
    lookup,
    normalise,
)

RULES = "newsint.events.v3.1"
MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "events" / "model.json"

PLOVER1 = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    "SANCTION MOBILIZE COERCE ASSAULT"
).split()

#: PLOVER 1.0 categories by trigger lemma, from the PLOVER codebook's descriptions. Used as a
#: classifier feature and as the fallback label when no model is shipped.
TRIGGERS: dict[str, str] = {}
for _category, _lemmas in {
    "AGREE": "agree accept ratify pledge promise offer commit willing ready allow prepared",
    "CONSULT": "meet visit host discuss talk consult negotiate telephone arrive meeting talks "
    "negotiation mediation mediate summit",
    "SUPPORT": "support praise back defend welcome endorse approve apologize treaty ties sign "
    "recognize",
    "CONCEDE": "concede yield release ease lift return",
    "COOPERATE": "cooperate coordinate ally collaborate share partner recruit utilize extradite "
    "exercise game",
    "AID": "aid help fund supply provide arm send donate assist finance grant asylum give "
    "evacuate deliver",
    "RETREAT": "withdraw retreat leave resign demobilize ceasefire withdrawal surrender",
    "REQUEST": "ask request urge demand appeal seek call press pressure insist must",
    "ACCUSE": "accuse blame criticize condemn denounce investigate allege sue investigation "
    "complain charge probe",
    "REJECT": "reject refuse deny veto oppose decline dismiss renege fail",
    "THREATEN": "threaten warn instigate swear vow threat",
    "PROTEST": "protest demonstrate rally march boycott strike riot demonstration",
    "SANCTION": "sanction expel ban suspend freeze embargo halt cancel cut reduce prohibit",
    "MOBILIZE": "mobilize deploy position pre-position alert patrol reinforce",
    "COERCE": "arrest detain seize coerce bribe impose kidnap abduct destabilize deport "
    "confiscate curfew outlaw blockade jail hack siege",
    "ASSAULT": "attack kill bomb shoot assassinate fight target invade shell torture capture "
    "retake fire artillery wound beat",
}.items():
    for _lemma in _lemmas.split():
        TRIGGERS.setdefault(_lemma, _category)

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
#: Verbs whose direct object is the thing moved, not the target: "send troops to Kirkuk".
THEME_VERBS = frozenset(
    "send give provide supply deploy offer contribute deliver donate ship sell transfer".split()
)
#: Modal words that make a reported clause a demand on its subject: "X said Y must stop".
DEMAND_MODALS = frozenset({"must", "should", "ought"})
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
#: Categories of cooperation (the others are conflict): "will X" of a cooperative X promises
#: (AGREE), of a conflictual X threatens (THREATEN); "not X" of a cooperative X rejects.
COOPERATIVE = frozenset("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST".split())
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
    "in": 4,
}
#: Bare heads that stand for the state the article last named: "the regime continues ...".
#: Below this probability the category model's guess is not an event: on 25 dev news pages, 131 of
#: the 199 events came from the model with p < 0.5 and about 1 in 28 of a sample of them was a real
#: who-does-what-to-whom event ("James became the first player", "Disney had customer service
#: issues"). Codebook triggers (p = 1.0) and confident guesses stay.
MIN_EVENT_PROB = 0.5
GENERIC_STATE = frozenset({"regime", "nation", "country", "government"})
NOT_ACTOR_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}


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


# ---------------------------------------------------------------------------------------------
# frames: actor, predicate, target of one predicate
# ---------------------------------------------------------------------------------------------


def frame_at(pred: Token, speaker: Token | None = None) -> Frame:
    """The frame of ``pred``: actor and target from the dependency structure."""
    actor, target, passive = _arguments(pred)
    if actor is not None and actor.pos_ == "PRON" and actor.lower_ in {"that", "who", "which"}:
        actor = _relative_head(pred)
    resolvable = {"it", "they", "he", "she", "we", "i"}
    if actor is not None and actor.pos_ == "PRON" and actor.lower_ in resolvable and speaker:
        actor = speaker
    chain = _chain(pred)
    if target is not None and not (is_actor_token(target) or target.pos_ == "PRON"):
        target = None  # "an operation coordinated by X through Y": the patient is no actor
    if target is None:
        target = _target(chain, actor)
    return Frame(
        predicate=pred,
        actor=actor,
        target=target,
        chain=chain,
        speaker=speaker,
        negated=_negated(pred),
        passive=passive,
    )


def _arguments(pred: Token) -> tuple[Token | None, Token | None, bool]:
    """(actor, target-if-passive, passive) of a predicate, inheriting a missing subject."""
    subject = next((c for c in pred.children if c.dep_ in {"nsubj", "csubj"}), None)
    patient = next((c for c in pred.children if c.dep_ == "nsubjpass"), None)
    if patient is not None:
        return _agent(pred), patient, True
    if subject is not None:
        return subject, None, False
    if pred.dep_ == "acl" and pred.tag_ == "VBN":  # "fighters recruited by Iran"
        return _agent(pred), pred.head, True
    if pred.dep_ == "relcl":
        return pred.head, None, False
    head = pred.head
    if pred.dep_ in {"xcomp", "advcl"} and head.lemma_.lower() in OBJECT_CONTROL:
        obj = next((c for c in head.children if c.dep_ in {"dobj", "dative"}), None)
        if obj is not None:
            return obj, None, False
    if pred.dep_ == "xcomp" and head is not pred:
        if head.lemma_.lower() in OBJECT_CONTROL:
            obj = next((c for c in head.children if c.dep_ in {"dobj", "dative"}), None)
            if obj is not None:
                return obj, None, False
        actor, _, _ = _arguments(head)
        return actor, None, False
    if (
        pred.dep_ in {"conj", "advcl", "pcomp"}
        and head is not pred
        and head.pos_ in {"VERB", "AUX"}
    ):
        actor, _, passive = _arguments(head)
        return (actor, None, False) if not passive else (None, None, False)
    return None, None, False


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


def _chain(pred: Token) -> list[Token]:
    """The predicate and the verbs and nouns that complete it: "threatened to cut off ..."."""
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
            elif child.dep_ == "prep" and node is pred:
                todo.append(child)
            elif child.dep_ == "pcomp" and node.dep_ == "prep":
                chain.append(child)
                todo.append(child)
    return chain


def _mention_head(token: Token) -> Token:
    """The head of the entity a token sits in: "West" of "the West Bank" -> "Bank"."""
    if token.ent_iob_ in {"B", "I"} and token.dep_ in {"compound", "flat"}:
        for ent in token.sent.ents:
            if ent.start <= token.i < ent.end:
                return ent.root
    return token


def _candidates(token: Token | None, actor_ids: set[int], prio: float) -> list[tuple[float, Token]]:
    """Actor-naming tokens in a noun phrase headed by ``token``, with their priority."""
    if token is None or token.i in actor_ids or token.ent_type_ in NOT_ACTOR_ENTS:
        return []
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


def _target(chain: list[Token], actor: Token | None) -> Token | None:
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
            if child.dep_ in OBJECTS:
                theme = pred.lemma_.lower() in THEME_VERBS and child.ent_type_ not in ENTITY_TYPES
                cands = _candidates(child, actor_ids, 1.5 if theme else 0)
            elif child.dep_ == "ccomp":  # "demanded that the US cancel ..."
                subj = next((c for c in child.children if c.dep_ in SUBJECTS), None)
                if subj is not None and subj.pos_ != "PRON":
                    cands = _candidates(subj, actor_ids, 0)
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                cands = _candidates(pobj, actor_ids, TARGET_PREPS[child.lower_])
            for prio, cand in cands:
                found.append((prio, rank, cand))
    if not found:
        # last resort: the first actor noun anywhere in the objects' subtrees
        for pred in chain[:1]:
            for child in pred.children:
                if child.dep_ in OBJECTS | {"ccomp", "prep", "xcomp"}:
                    for tok in child.subtree:
                        if (
                            tok.i not in actor_ids
                            and tok.pos_ in {"PROPN", "NOUN"}
                            and is_actor_token(tok)
                            and tok.ent_type_ not in NOT_ACTOR_ENTS
                        ):
                            return _mention_head(tok)
        return None
    found.sort(key=lambda f: (f[0], f[1], f[2].i))
    return found[0][2]


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
    """Every frame of a sentence with an actor: one per predicate that is not a report verb."""
    frames: list[Frame] = []
    for token in sent:
        if token.pos_ not in {"VERB"} or token.lemma_.lower() in REPORTING:
            continue
        if token.dep_ in {"amod", "compound", "aux", "auxpass"}:
            continue
        speaker = _speaker_of(token)
        frame = frame_at(token, speaker)
        if frame.actor is None:
            continue
        frames.append(frame)
    return frames


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


# ---------------------------------------------------------------------------------------------
# the PLOVER classifier (weights shipped in newsint/models/events/model.json)
# ---------------------------------------------------------------------------------------------


def features(frame: Frame, sent: Span) -> list[str]:
    """Classifier features of a frame: trigger words by role, modality, lexicon hits."""
    feats: list[str] = []
    pred = frame.predicate
    feats.append(f"p={pred.lemma_.lower()}")
    for i, tok in enumerate(frame.chain):
        lemma = tok.lemma_.lower()
        role = "v" if tok.pos_ in {"VERB", "AUX", "ADJ"} else "o"
        feats.append(f"{role}={lemma}")
        if lemma in TRIGGERS:
            feats.append(f"lex={TRIGGERS[lemma]}")
            if i == 0:
                feats.append(f"lex0={TRIGGERS[lemma]}")
    for child in pred.children:
        if child.dep_ == "aux" and child.lower_ in {
            "will",
            "would",
            "may",
            "might",
            "must",
            "should",
        }:
            feats.append(f"mod={child.lower_}")
        if child.dep_ == "prep":
            feats.append(f"prep={child.lower_}")
    lex = [TRIGGERS[t.lemma_.lower()] for t in frame.chain if t.lemma_.lower() in TRIGGERS]
    kind = "" if not lex else ("coop" if lex[0] in COOPERATIVE else "conf")
    auxes = {g.lower_ for t in frame.chain for g in t.children if g.dep_ in {"aux", "mark"}}
    future = bool(auxes & {"will", "would", "'ll", "shall"}) or any(
        t.lemma_.lower() in {"ready", "prepared", "willing", "plan", "intend"} for t in frame.chain
    )
    conditional = any(t.lower_ in {"if", "unless"} for t in sent)
    if future:
        feats += ["future", f"future_{kind}"]
    if conditional:
        feats += ["cond", f"cond_{kind}"]
    if auxes & DEMAND_MODALS:
        feats.append("must")
    if frame.negated or any(g.dep_ == "neg" for t in frame.chain for g in t.children):
        feats += ["neg", f"neg_{kind}"]
    if frame.passive:
        feats.append("passive")
    if frame.target is None:
        feats.append("no_target")
    # (a bag of the sentence's words and position-tagged chain lemmas were tried and dropped:
    # 5-fold CV accuracy on dev 0.70 with them, 0.74 without; scripts/train_events.py)
    return feats


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any] | None:
    """The shipped classifier, or None when it is missing (then the lexicon labels events)."""
    try:
        raw = json.loads(MODEL_PATH.read_text("utf-8"))
    except (FileNotFoundError, OSError):
        return None
    raw["index"] = {f: i for i, f in enumerate(raw["features"])}
    return raw


def classify(feats: Iterable[str], model: dict[str, Any] | None = None) -> tuple[str | None, float]:
    """(PLOVER category, probability) for a frame's features.

    The codebook lexicon decides when the predicate itself is a trigger (``lex0=``); the
    classifier decides when the lexicon is silent on it (or the lexicon's chain hit when no model
    is shipped). :func:`apply_mode` then turns intent and refusal into AGREE/THREATEN/REJECT.
    """
    model = model if model is not None else load_model()
    feats = list(feats)
    trigger = next((f[5:] for f in feats if f.startswith("lex0=")), None)
    if trigger is not None:
        return apply_mode(feats, trigger), 1.0
    if model is None:
        hit = next((f[4:] for f in feats if f.startswith("lex=")), None)
        return (apply_mode(feats, hit), 1.0) if hit else (None, 0.0)
    label, prob = _model_label(feats, model)
    return apply_mode(feats, label), prob


def _model_label(feats: list[str], model: dict[str, Any]) -> tuple[str, float]:
    index: dict[str, int] = model["index"]
    weights: list[list[float]] = model["weights"]
    scores = list(model["bias"])
    seen = {index[f] for f in feats if f in index}
    for j in seen:
        row = weights[j]
        for k in range(len(scores)):
            scores[k] += row[k]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    best = max(range(len(scores)), key=scores.__getitem__)
    return model["labels"][best], exps[best] / sum(exps)


#: Codebook modes (CAMEO 03 "express intent to ...", 12 "refuse to ...", 13 "threaten to ..."):
#: what a refused cooperation, a promised cooperation and an announced conflict action become.
REFUSABLE = frozenset("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT".split())
PROMISABLE = frozenset("CONSULT SUPPORT CONCEDE COOPERATE AID".split())
THREATENABLE = frozenset("ASSAULT COERCE SANCTION PROTEST MOBILIZE".split())


def apply_mode(feats: Iterable[str], label: str) -> str:
    """The category of a negated, future or conditional action: PLOVER codes the speech act.

    "will not accept" -> REJECT; "will support", "would meet" -> AGREE (intent to cooperate);
    "would blockade", "may halt ... if" -> THREATEN.
    """
    fs = set(feats)
    intent = "future" in fs or "cond" in fs
    if "neg" in fs:
        return "REJECT" if label in REFUSABLE else label
    if intent and label in THREATENABLE:
        return "THREATEN"
    if intent and label in PROMISABLE:
        return "AGREE"
    return label


# ---------------------------------------------------------------------------------------------
# benchmark entry point: one event per sentence
# ---------------------------------------------------------------------------------------------


def main_event(sent: Span) -> dict[str, Any]:
    """``{"type", "actor", "target"}`` of the main event of a sentence (texts as written)."""
    frame = main_frame(sent)
    label, _ = classify(features(frame, sent))
    return {
        "type": label,
        "actor": _mention(frame.actor).text if frame.actor is not None else None,
        "target": _mention(frame.target).text if frame.target is not None else None,
        "predicate": _predicate(frame.predicate),
    }


def _mention(token: Token) -> Span:
    if token.pos_ == "PRON":
        return token.doc[token.i : token.i + 1]
    return actor_phrase(token)


# ---------------------------------------------------------------------------------------------
# documents: every event, linked to the claim that asserts it
# ---------------------------------------------------------------------------------------------


def find_events(
    doc: Doc,
    claims: Sequence[Claim] = (),
    cues: Sequence[Cue] = (),
    *,
    sources: Sequence[Source] = (),
) -> list[Event]:
    """Every event of a document whose actor and target (or trigger) name actors.

    ``claims`` link each event to the claim whose span holds its predicate; ``cues`` mark it
    hedged; ``sources`` (optional) resolve "we"/"I" inside a quotation to its source.
    """
    events: list[Event] = []
    previous: Token | None = None
    last_state = _main_state(doc)
    refusals = [c.span for c in cues if c.kind == "non_confirmation"]
    seen: set[tuple[int, str, str | None]] = set()
    for sent in doc.sents:
        for frame in sentence_frames(sent):
            actor_tok = _resolve(frame.actor, frame, previous)
            if actor_tok is None:
                continue
            claim = _claim_at(claims, frame.predicate.idx)
            actor = _actor(actor_tok, claim, sources)
            if actor is None:
                continue
            target_tok = _resolve(frame.target, frame, previous, avoid=actor_tok)
            target = _actor(target_tok, claim, sources) if target_tok is not None else None
            if any(a <= frame.predicate.idx < b for a, b in refusals):
                continue  # "declined to give specifics": a refusal to comment, not an event
            label, prob = classify(features(frame, sent))
            if prob < MIN_EVENT_PROB:
                continue  # no trigger, and the model is only guessing: not an event
            if target is None and frame.predicate.lemma_.lower() not in TRIGGERS:
                continue  # an actor doing something to nobody in particular: not an edge
            if target is not None and target.name == actor.name:
                continue
            if actor.name.lower() in GENERIC_STATE and last_state is not None:
                actor = last_state  # "the regime", "the nation": the article's main state
            if target is not None and target.name.lower() in GENERIC_STATE and last_state:
                target = last_state
            key = (frame.predicate.sent.start, actor.name, target.name if target else None)
            if key in seen and frame.predicate.dep_ in {"xcomp", "conj"}:
                continue
            seen.add(key)
            for conj_actor_tok in [actor_tok, *_conjuncts(actor_tok)]:
                conj_actor = actor if conj_actor_tok is actor_tok else _actor(conj_actor_tok)
                if conj_actor is None:
                    continue
                events.append(
                    _event(
                        frame, conj_actor_tok, conj_actor, target_tok, target, label, claim, cues
                    )
                )
        subj = next((f.actor for f in sentence_frames(sent) if f.actor is not None), None)
        if subj is not None and subj.pos_ != "PRON":
            previous = subj
    return [_renumber(e, i) for i, e in enumerate(events)]


def _main_state(doc: Doc) -> Actor | None:
    """The state the article names most often: what "the regime" or "the nation" stands for."""
    counts: dict[str, int] = {}
    actors: dict[str, Actor] = {}
    for ent in entities(doc):
        if ent.label_ in {"GPE", "NORP"}:
            known = lookup(ent.text)
            if known is not None and known.type == "state":
                counts[known.name] = counts.get(known.name, 0) + 1
                actors[known.name] = known
    if not counts:
        return None
    return actors[max(counts, key=counts.__getitem__)]


def _conjuncts(token: Token) -> list[Token]:
    return [c for c in token.conjuncts if c.i > token.i and c.pos_ in {"PROPN", "NOUN"}]


def _resolve(
    token: Token | None, frame: Frame, previous: Token | None, avoid: Token | None = None
) -> Token | None:
    """A pronoun to the speaker, an earlier actor of the sentence, or the previous sentence's."""
    if token is None or token.pos_ != "PRON":
        return token
    low = token.lower_
    if low in {"i", "we", "me", "us"}:
        return token  # resolved to the quotation's source by _actor
    speaker = frame.speaker
    if low in {"he", "she", "him", "her"} and speaker is not None and speaker.pos_ != "PRON":
        return speaker
    sent = token.sent
    for tok in reversed(list(sent[: token.i - sent.start])):
        if avoid is not None and (tok.i == avoid.i or tok in avoid.subtree):
            continue
        candidate = tok.pos_ in {"PROPN", "NOUN"} and tok.dep_ != "compound"
        if candidate and is_actor_token(tok) and (low in {"they", "them"} or tok.dep_ in SUBJECTS):
            return tok
    return previous if previous is not None and previous is not avoid else None


def _actor(
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
    if known is None and label is None and not is_actor_token(phrase.root):
        return None
    return normalise(phrase.text, label, phrase.root.text)


def _claim_at(claims: Sequence[Claim], offset: int) -> Claim | None:
    best: Claim | None = None
    for claim in claims:
        for start, end in claim.spans:
            if start <= offset < end and (best is None or end - start < _length(best)):
                best = claim
    return best


def _length(claim: Claim) -> int:
    return sum(e - s for s, e in claim.spans)


def _event(
    frame: Frame,
    actor_tok: Token,
    actor: Actor,
    target_tok: Token | None,
    target: Actor | None,
    label: str | None,
    claim: Claim | None,
    cues: Sequence[Cue],
) -> Event:
    pred = frame.predicate
    actor_span = (
        _char_span(actor_phrase(actor_tok)) if actor_tok.pos_ != "PRON" else _tok(actor_tok)
    )
    pred_span = _tok(pred)
    spans = [actor_span, pred_span]
    if target_tok is not None:
        target_span = (
            _char_span(actor_phrase(target_tok)) if target_tok.pos_ != "PRON" else _tok(target_tok)
        )
        spans.append(target_span)
    # the evidence: from the first to the last mention, when they sit in the same sentence
    same = [s for s in spans if pred.sent.start_char <= s[0] < pred.sent.end_char]
    evidence = (min(s[0] for s in same), max(s[1] for s in same))
    hedged = any(
        c.kind == "hedge" and evidence[0] - 40 <= c.span[0] < evidence[1] for c in cues
    ) or bool(claim and claim.hedges and claim.certainty < 1.0)
    return Event(
        id="",
        actor=actor,
        action=_predicate(pred),
        plover=label,
        target=target,
        spans=(evidence, *spans),
        claim_id=claim.id if claim is not None else None,
        negated=frame.negated,
        hedged=hedged,
    )


def _renumber(event: Event, i: int) -> Event:
    return Event(
        id=f"e{i + 1}",
        actor=event.actor,
        action=event.action,
        plover=event.plover,
        target=event.target,
        spans=event.spans,
        claim_id=event.claim_id,
        negated=event.negated,
        hedged=event.hedged,
    )


def _tok(token: Token) -> tuple[int, int]:
    return (token.idx, token.idx + len(token))


def _char_span(span: Span) -> tuple[int, int]:
    return (span.start_char, span.end_char)


def _predicate(verb: Token) -> str:
    """The open predicate as written, with auxiliaries, negation, particles and xcomp."""
    parts = [verb]
    parts += [c for c in verb.children if c.dep_ in {"prt", "neg", "aux", "auxpass"}]
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB":
            parts += [c, *[g for g in c.children if g.dep_ in {"aux", "prt"}]]
    parts.sort(key=lambda t: t.i)
    text = " ".join(t.text for t in parts)
    return re.sub(r"\s+n't", "n't", text)


__all__ = [
    "PLOVER1",
    "RULES",
    "TRIGGERS",
    "Frame",
    "apply_mode",
    "classify",
    "features",
    "find_events",
    "frame_at",
    "load_model",
    "main_event",
    "main_frame",
    "sentence_frames",
]
