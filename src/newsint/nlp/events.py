"""Events: who does what to whom, from the dependency parse, with a PLOVER 1.0 category.

Frames (actor, predicate, target) come from :mod:`newsint.nlp.event_frames`; reporting verbs are
not events, and what a speaker reports is asserted by that speaker (``reported_by``).
Coordinated actors give one event each ("Iran and Syria signed" -> two events).

The PLOVER category comes from the codebook trigger lexicon when the predicate is a trigger, else
from a small classifier (weights in ``newsint/models/events/``; the lexicon's chain hits when no
model is shipped), then from the PLOVER mode rules (:func:`apply_mode`: refusal, intent, threat).
Rules: ``newsint.events.v4.3`` (v3: lexicon-first category, PLOVER mode rules; v3.1: a frame the
model only guesses at, p < 0.5, is not an event; v4: real actors only, passives turned around,
``negated``/``hypothetical``/``reported_by``; v4.1: a person named after a group's title, a
name heading its phrase, the subject beside a dateline; v4.2: which candidate frames are events
is decided by the learned filter ``newsint.events.filter.v1`` of :mod:`newsint.nlp.event_filter`
when its model is shipped; v4.3: object and patient pronouns resolved to the last person named,
participles with a by-agent; ``docs/events.md``).

Spans of an :class:`~newsint.models.Event`: ``spans[0]`` the evidence (the clause from actor to
target), ``spans[1]`` the actor mention, ``spans[2]`` the predicate, ``spans[3]`` the target
mention when there is one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsint.models import Actor, Claim, Cue, Event, Source
from newsint.nlp import entities
from newsint.nlp.actors import ENTITY_TYPES, actor_phrase, lookup
from newsint.nlp.event_actors import (
    actor_of,
    attacker,
    common_noun_actor,
    conjuncts,
    counted_people,
    dateline,
    has_object,
    named,
    reciprocal,
    resolve,
    second_subject,
)
from newsint.nlp.event_filter import KEEP, Candidate, load_filter
from newsint.nlp.event_frames import (
    Frame,
    frame_at,
    main_frame,
    sentence_frames,
)
from newsint.nlp.event_hidden import VERB_PREFIXES, hyphenated_frames, means_frames
from newsint.nlp.event_rules import hypothetical, is_denial, not_an_act
from newsint.nlp.event_targets import is_place
from newsint.nlp.plover import (
    PLOVER1,
    TRIGGERS,
    apply_mode,
    classify,
    features,
    load_model,
    trigger,
)

RULES = "newsint.events.v4.3"
#: Below this probability the category model's guess is not an event: on 25 dev news pages, 131 of
#: the 199 events came from the model with p < 0.5 and about 1 in 28 of a sample of them was a real
#: who-does-what-to-whom event ("James became the first player", "Disney had customer service
#: issues"). Codebook triggers (p = 1.0) and confident guesses stay.
MIN_EVENT_PROB = 0.5
#: Bare heads that stand for the state the article last named: "the regime continues ...".
GENERIC_STATE = frozenset({"regime", "nation", "country", "government"})


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
    hedged; ``sources`` (optional) resolve "we"/"I" inside a quotation to its source. Which
    candidate frames are events: the learned filter (:mod:`newsint.nlp.event_filter`) when it
    is shipped, else the hand rules.
    """
    chooser = load_filter()
    keeps = chooser.keeps if chooser is not None else None
    return select_events(event_candidates(doc, claims, cues, sources=sources), keeps)


def select_events(
    candidates: Sequence[Candidate], keeps: Callable[[Candidate], bool] | None = None
) -> list[Event]:
    """The events of the candidates ``keeps`` (by default the hand rules' verdict) keeps."""
    events: list[Event] = []
    seen: set[tuple[int, str, str | None]] = set()
    for candidate in candidates:
        if not (keeps(candidate) if keeps is not None else candidate.rule == KEEP):
            continue
        pred, first = candidate.frame.predicate, candidate.events[0]
        key = (pred.sent.start, first.actor.name, first.target.name if first.target else None)
        if key in seen and pred.dep_ in {"xcomp", "conj"}:
            continue  # "threatened to shell", "targeted and wounded X": one event
        if not has_object(pred):  # "sunk two vessels, seized another": three
            seen.add(key)
        events += candidate.events
    unique = {(e.actor.name, e.spans[2], e.target.name if e.target else None): e for e in events}
    return [replace(e, id=f"e{i + 1}") for i, e in enumerate(unique.values())]


def event_candidates(
    doc: Doc,
    claims: Sequence[Claim] = (),
    cues: Sequence[Cue] = (),
    *,
    sources: Sequence[Source] = (),
) -> list[Candidate]:
    """Every frame of the document that names a real actor, with the hand rules' verdict."""
    candidates: list[Candidate] = []
    previous: Token | None = None
    last_state = _main_state(doc)
    refusals = [c.span for c in cues if c.kind == "non_confirmation"]
    for sent in doc.sents:
        hidden = [*means_frames(sent), *hyphenated_frames(sent)]
        for frame in [*sentence_frames(sent), *hidden]:
            if is_denial(frame):
                continue  # "the army denied the report": a statement about a fact
            actor_tok = named(attacker(resolve(frame.actor, frame, previous)))
            if actor_tok is not None and dateline(actor_tok):
                actor_tok = second_subject(frame.predicate, actor_tok)
            if actor_tok is None or is_place(actor_tok):
                continue  # "the siege in Nairobi, Kenya, that killed ...": a place acts on no one
            claim = _claim_at(claims, frame.predicate.idx)
            actor, loose = actor_of(actor_tok, claim, sources), None
            if actor is None:  # "the gunmen": a common noun for the learned filter to weigh
                actor = loose = common_noun_actor(actor_tok)
            if actor is None:
                continue
            target_tok = named(resolve(frame.target, frame, previous, avoid=actor_tok))
            if counted_people(target_tok) or target_tok is not None and is_place(target_tok):
                target_tok = None  # "killed at least 10 people", "in the villages": no party
            target = actor_of(target_tok, claim, sources) if target_tok is not None else None
            if target is not None and target.name == actor.name:
                continue
            label, prob = classify(features(frame, sent))
            if frame.accusation:
                label, prob = "ACCUSE", 1.0
            rule = "not_actor" if loose else _rule(frame, target is not None, prob, refusals)
            if actor.name.lower() in GENERIC_STATE and last_state is not None:
                actor = last_state  # "the regime", "the nation": the article's main state
            if target is not None and target.name.lower() in GENERIC_STATE and last_state:
                target = last_state
            parties = [actor_tok, *conjuncts(actor_tok)]
            unnamed = target is None or not _names_party(target_tok)
            mutual = unnamed and len(parties) > 1 and reciprocal(frame, label)
            events = []
            for conj_actor_tok in parties:
                conj_actor = actor if conj_actor_tok is actor_tok else actor_of(conj_actor_tok)
                if conj_actor is None:
                    continue
                if mutual:  # "Jay-Z and Samsung teamed up": each with the other
                    other_tok = next(p for p in parties if p is not conj_actor_tok)
                    target_tok, target = other_tok, actor_of(other_tok)
                event = _event(
                    frame, conj_actor_tok, conj_actor, target_tok, target, label, claim, cues
                )
                events.append(replace(event, reported_by=_asserting(claim, sources)))
            resolved = actor_tok is not frame.actor
            candidate = Candidate(
                frame, events, actor_tok, target_tok, prob, rule, resolved, _among(frame, hidden)
            )
            candidates.append(candidate)
        subj = next((f.actor for f in sentence_frames(sent) if f.actor is not None), None)
        if subj is not None and subj.pos_ != "PRON":
            previous = subj
    return candidates


def _among(frame: Frame, frames: Sequence[Frame]) -> bool:
    return any(frame is f for f in frames)


def _rule(frame: Frame, has_target: bool, prob: float, refusals: Sequence[tuple[int, int]]) -> str:
    """Why the hand rules drop a frame, or :data:`KEEP`."""
    if any(a <= frame.predicate.idx < b for a, b in refusals):
        return "refusal"  # "declined to give specifics": a refusal to comment, not an event
    if not_an_act(frame, has_target):
        return "not_an_act"  # "released a report", "who requested anonymity"
    if prob < MIN_EVENT_PROB and frame.predicate.lemma_.lower() not in ORDERS:
        return "guess"  # no trigger, and the model is only guessing: not an event
    if not has_target and trigger(frame) is None and not frame.accusation:
        return "no_party"  # an actor doing something to nobody in particular: not an edge
    return KEEP


#: Verbs of command: always an act of the one who commands, whose category is the act ordered
#: ("ordered patrols" MOBILIZE, "ordered the newspaper to suspend publication" COERCE), so they
#: are not codebook triggers of their own.
ORDERS = frozenset({"order", "command", "instruct", "direct"})


def _asserting(claim: Claim | None, sources: Sequence[Source]) -> tuple[str, ...]:
    """Names of the sources the claim holding the event credits; () is the outlet's own voice."""
    if claim is None:
        return ()
    names = {s.id: s.name for s in sources}
    return tuple(names[i] for i in claim.source_ids if i in names)


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


def _names_party(token: Token | None) -> bool:
    """A name, not a common noun: "talks to form a coalition" names no party to the talks."""
    return token is not None and (token.pos_ == "PROPN" or token.ent_type_ in ENTITY_TYPES)


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
        hypothetical=hypothetical(frame),
    )


def _tok(token: Token) -> tuple[int, int]:
    return (token.idx, token.idx + len(token))


def _char_span(span: Span) -> tuple[int, int]:
    return (span.start_char, span.end_char)


def _predicate(verb: Token) -> str:
    """The open predicate as written, with auxiliaries, negation, particles and xcomp."""
    parts = [verb]
    parts += [c for c in verb.children if c.dep_ in {"prt", "neg", "aux", "auxpass"}]
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ in VERB_PREFIXES:
        parts += [doc[verb.i - 2], doc[verb.i - 1]]  # "pre-positioning"
    if verb.lemma_.lower() == "be":  # "is in talks"
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
            parts += [prep, *[g for g in prep.children if g.dep_ == "pobj"]]
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB":
            parts += [c, *[g for g in c.children if g.dep_ in {"aux", "prt"}]]
    parts.sort(key=lambda t: t.i)
    text = " ".join(t.text for t in parts)
    return re.sub(r"\s+n't", "n't", text).replace(" - ", "-")


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
