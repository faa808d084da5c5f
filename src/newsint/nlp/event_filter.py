"""The learned frame filter (``newsint.events.filter.v1``, issue 19): which candidate frames
are events.

Every frame with a real actor is a *candidate*; the hand rules of :mod:`newsint.nlp.events`
(codebook trigger or confident category, a party acted on, :func:`~newsint.nlp.event_rules.
not_an_act` ...) say why they would drop it (:attr:`Candidate.rule`). A logistic model over
parse features (:func:`features`: the verb's WordNet class, trigger and category, dependency
shape, actor and target type, voice, negation, modality, quotation, position, and the rule's
verdict) keeps or drops it. It is trained only on ``annotations/events/real.jsonl`` by
``scripts/train_event_filter.py``, cross-validated by article (see the model card in
``newsint/models/events/``). Without the model file the hand rules decide alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from newsint.models import Event
from newsint.nlp import text_of
from newsint.nlp.actors import lookup
from newsint.nlp.event_frames import Frame
from newsint.nlp.linear_model import LinearModel
from newsint.nlp.plover import TRIGGERS, trigger

VERSION = "newsint.events.filter.v1"
FILTER_PATH = Path(__file__).resolve().parents[1] / "models" / "events" / "filter.json"
#: Rule verdict of a candidate the hand rules keep.
KEEP = "keep"
#: Verdicts the filter never overrules: the annotation guide's "not an event" (a refusal to
#: comment, information, travel, a question, the condition of a conditional ...). The other
#: verdicts ("guess": the category model is unsure; "no_party": no target and no trigger;
#: "not_actor": a common noun outside the actor nouns) are heuristics the model replaces.
VETO = frozenset({"refusal", "not_an_act"})


@dataclass(slots=True)
class Candidate:
    """One frame that names a real actor, with its events (one per conjoined actor)."""

    frame: Frame
    events: list[Event]
    actor: Token
    target: Token | None
    prob: float  # the category's probability (1.0 for a codebook trigger)
    rule: str  # KEEP, or why the hand rules drop it ("guess", "no_party", "not_an_act" ...)
    resolved: bool = False  # the actor is a pronoun's or a title's referent
    hidden: bool = False  # a means noun or a hyphenated verb (event_hidden)


@dataclass(frozen=True, slots=True)
class FrameFilter:
    """The fitted model, its keep threshold and the WordNet classes it was given."""

    model: LinearModel
    threshold: float
    classes: Classes
    mode: str = "trigger"  # "replace": the model decides every frame the guide does not veto

    def keep_probability(self, candidate: Candidate) -> float:
        return self.model.probabilities(features(candidate, self.classes)).get("1", 0.0)

    def keeps(self, candidate: Candidate) -> bool:
        if candidate.rule in VETO:
            return False  # decided before the model is asked
        return decide(candidate, self.keep_probability(candidate), self.threshold, self.mode)


def decide(candidate: Candidate, probability: float, threshold: float, mode: str) -> bool:
    """The guide's vetoes first (:data:`VETO`), then (``mode`` "trigger") a codebook trigger
    the hand rules keep, then the model's probability against the threshold."""
    if candidate.rule in VETO:
        return False
    if mode == "trigger" and candidate.rule == KEEP and candidate.prob >= 1.0:
        return True  # "asked the prime minister to send troops": a trigger with its actor
    return probability >= threshold


@lru_cache(maxsize=1)
def load_filter(path: Path = FILTER_PATH) -> FrameFilter | None:
    """The shipped filter, or None when there is none (the hand rules then decide)."""
    if not path.exists():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    return from_json(raw)


def from_json(raw: dict[str, Any]) -> FrameFilter:
    model = LinearModel(tuple(raw["classes"]), {k: tuple(v) for k, v in raw["weights"].items()})
    classes = unpack(raw.get("word_classes", {}))
    return FrameFilter(model, float(raw["threshold"]), classes, raw.get("mode", "trigger"))


#: WordNet lexicographer classes by table: "verb" (first sense), "verb2" (second sense) and
#: "noun" (first sense, people and groups only) -> lemma -> class ("contact", "person" ...).
Classes = dict[str, dict[str, str]]
#: The noun classes the filter asks for: whether a common noun can name an actor.
ACTOR_CLASSES = frozenset({"person", "group"})


def pack(verbs: dict[str, tuple[str, ...]], nouns: dict[str, tuple[str, ...]]) -> dict:
    """The tables as stored in the model file: table -> class -> space-separated lemmas."""
    tables: dict[str, dict[str, list[str]]] = {"verb": {}, "verb2": {}, "noun": {}}
    for lemma, found in sorted(verbs.items()):
        for table, cls in zip(("verb", "verb2"), found, strict=False):
            tables[table].setdefault(cls, []).append(lemma)
    for lemma, found in sorted(nouns.items()):
        if found and found[0] in ACTOR_CLASSES:
            tables["noun"].setdefault(found[0], []).append(lemma)
    return {t: {c: " ".join(words) for c, words in v.items()} for t, v in tables.items()}


def unpack(stored: dict[str, dict[str, str]]) -> Classes:
    return {
        table: {lemma: cls for cls, words in by_class.items() for lemma in words.split()}
        for table, by_class in stored.items()
    }


def _bucket(prob: float) -> str:
    return "1" if prob >= 1.0 else "hi" if prob >= 0.7 else "mid" if prob >= 0.5 else "lo"


def _kind(token: Token | None) -> str:
    if token is None:
        return "none"
    if token.pos_ == "PRON":
        return "pron"
    if token.ent_type_:
        return token.ent_type_
    if lookup(token.text) is not None:
        return "known"
    return token.pos_


def _in_quote(token: Token) -> bool:
    before = text_of(token.doc)[token.sent.start_char : token.idx]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _noun_class(token: Token | None, classes: Classes) -> str:
    if token is None or token.pos_ != "NOUN":
        return "-"
    return classes.get("noun", {}).get(token.lemma_.lower(), "other")


def features(candidate: Candidate, classes: Classes) -> dict[str, float]:
    """Binary features of a candidate frame (names -> 1.0); ``bias`` always present."""
    frame = candidate.frame
    pred = frame.predicate
    lemma = pred.lemma_.lower()
    event = candidate.events[0]
    names = [
        "bias",
        f"lemma={lemma}",
        f"dep={pred.dep_}",
        f"tag={pred.tag_}",
        f"prob={_bucket(candidate.prob)}",
        f"cat={event.plover}",
        f"actor={_kind(candidate.actor)}",
        f"actor_type={event.actor.type}",
        f"actor_dep={candidate.actor.dep_}",
        f"target={_kind(candidate.target)}",
    ]
    first = classes.get("verb", {}).get(lemma)
    second = classes.get("verb2", {}).get(lemma)
    names += [f"wn={first}", f"wn_any={first}", f"wn_any={second}"]
    names += [f"actor_wn={_noun_class(candidate.actor, classes)}"]
    names += [f"target_wn={_noun_class(candidate.target, classes)}"]
    if trigger(frame) is not None:
        names.append("trigger")
    if any(t.lemma_.lower() in TRIGGERS for t in frame.chain[1:]):
        names.append("chain_trigger")
    objects = [c for c in pred.children if c.dep_ in {"dobj", "dative"}]
    if objects:
        names.append(f"object={_kind(objects[0])}")
    flags = {
        "passive": frame.passive,
        "negated": frame.negated,
        "hypothetical": event.hypothetical,
        "accusation": frame.accusation,
        "reported": bool(event.reported_by),
        "speaker": frame.speaker is not None,
        "in_quote": _in_quote(pred),
        "resolved": candidate.resolved,
        "hidden": candidate.hidden,
        "first_sentence": pred.sent.start == 0,
        "conjoined": len(candidate.events) > 1,
    }
    names += [k for k, v in flags.items() if v]
    return dict.fromkeys(names, 1.0)


__all__ = [
    "KEEP",
    "VERSION",
    "VETO",
    "Candidate",
    "decide",
    "Classes",
    "FrameFilter",
    "features",
    "from_json",
    "load_filter",
    "pack",
    "unpack",
]
