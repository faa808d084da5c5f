"""Events: who does what to whom, from the dependency parse, with a PLOVER category.

``find_events(doc, claims)`` takes each verb whose subject names an actor (a state, an
organisation, an armed or social group, a person), and its object or prepositional target.
The open predicate is always kept; the PLOVER 1.0 category comes from a small trigger lexicon
(``newsint.events.v1``) and stays ``None`` when no trigger matches. Actors are normalised
through the alias table in :mod:`newsint.nlp.actors`.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from newsint.models import Actor, Claim, Cue, Event
from newsint.nlp.actors import actor_for

RULES = "newsint.events.v1"

#: PLOVER 1.0 categories by verb lemma (from the PLOVER codebook's descriptions).
TRIGGERS: dict[str, str] = {}
for _category, _lemmas in {
    "AGREE": "agree sign accept endorse ratify pledge promise",
    "CONSULT": "meet visit host discuss talk consult negotiate call telephone",
    "SUPPORT": "support praise back defend welcome endorse approve",
    "CONCEDE": "concede yield apologize release surrender ease return",
    "COOPERATE": "cooperate coordinate ally collaborate share partner recruit use utilize",
    "AID": "aid help fund supply provide arm train send donate assist finance",
    "RETREAT": "withdraw retreat evacuate leave",
    "REQUEST": "ask request urge demand appeal seek call",
    "ACCUSE": "accuse blame criticize condemn denounce investigate allege",
    "REJECT": "reject refuse deny veto oppose decline",
    "THREATEN": "threaten warn instigate",
    "PROTEST": "protest demonstrate rally march boycott strike",
    "SANCTION": "sanction expel ban suspend freeze embargo",
    "MOBILIZE": "mobilize deploy position pre-position",
    "COERCE": "arrest detain seize coerce bribe impose kidnap abduct destabilize",
    "ASSAULT": "attack kill bomb shoot strike assassinate fight target invade shell",
}.items():
    for _lemma in _lemmas.split():
        TRIGGERS.setdefault(_lemma, _category)

SUBJECTS = {"nsubj", "nsubjpass"}
OBJECTS = {"dobj", "obj", "attr", "dative"}
REPORTING = {"say", "tell", "note", "add", "believe", "think", "suggest", "report", "explain"}


def find_events(doc: Doc, claims: Sequence[Claim] = (), cues: Sequence[Cue] = ()) -> list[Event]:
    events: list[Event] = []
    for token in doc:
        if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() in REPORTING:
            continue
        event = _event_at(doc, token, claims, cues)
        if event is not None:
            events.append(event)
    return [
        Event(
            id=f"e{i + 1}",
            actor=e.actor,
            action=e.action,
            plover=e.plover,
            target=e.target,
            spans=e.spans,
            claim_id=e.claim_id,
            negated=e.negated,
            hedged=e.hedged,
        )
        for i, e in enumerate(events)
    ]


def _event_at(doc: Doc, verb: Token, claims: Sequence[Claim], cues: Sequence[Cue]) -> Event | None:
    subject = _subject(verb)
    if subject is None:
        return None
    actor = actor_for(_phrase(doc, subject))
    if actor is None:
        return None
    target_token = _object(verb)
    target = actor_for(_phrase(doc, target_token)) if target_token is not None else None
    if target_token is not None and target is None:
        target = Actor(_phrase(doc, target_token).text, "other")
    lemma = verb.lemma_.lower()
    start = min(subject.left_edge.idx, verb.idx)
    end_token = target_token.right_edge if target_token is not None else verb
    end = max(end_token.idx + len(end_token), verb.idx + len(verb))
    claim_id = next((c.id for c in claims if any(s <= verb.idx < e for s, e in c.spans)), None)
    negated = any(child.dep_ == "neg" for child in verb.children)
    hedged = any(c.kind == "hedge" and start - 60 <= c.span[0] <= end for c in cues)
    return Event(
        id="",
        actor=actor,
        action=_predicate(verb),
        plover=TRIGGERS.get(lemma),
        target=target,
        spans=((start, end),),
        claim_id=claim_id,
        negated=negated,
        hedged=hedged,
    )


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    # "Iran ... recruiting them": the subject of the governing verb for xcomp / conj / advcl
    if verb.dep_ in {"xcomp", "conj", "advcl"} and verb.head is not verb:
        for child in verb.head.children:
            if child.dep_ == "nsubj":
                return child
    return None


def _object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in OBJECTS:
            return child
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"against", "on", "at", "with", "to"}:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _phrase(doc: Doc, head: Token) -> Span:
    """The noun phrase of ``head`` without relative clauses or trailing prepositional phrases."""
    left = head.left_edge.i
    right = head.i
    for child in head.children:
        if (
            child.i > head.i
            and child.dep_ in {"compound", "flat", "appos"}
            and child.i == right + 1
        ):
            right = child.i
    return doc[left : right + 1]


def _predicate(verb: Token) -> str:
    parts = [verb]
    parts += [
        c
        for c in verb.children
        if c.dep_ in {"prt", "neg"} or (c.dep_ == "aux" and c.lower_ in {"not"})
    ]
    parts.sort(key=lambda t: t.i)
    return " ".join(t.text for t in parts)
