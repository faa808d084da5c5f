"""The PLOVER 1.0 category of an event frame: codebook trigger lexicon, classifier, mode rules.

The category comes from the codebook trigger lexicon (``newsint/data/event_triggers.json``) when
the predicate is a trigger, else from a small classifier (weights in ``newsint/models/events/``;
the lexicon's chain hits when no model is shipped), then from the PLOVER mode rules
(:func:`apply_mode`: refusal, intent, threat).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

from newsint.nlp.event_frames import DEMAND_MODALS, Frame, event_lexicon

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "events" / "model.json"

PLOVER1 = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    "SANCTION MOBILIZE COERCE ASSAULT"
).split()

#: PLOVER 1.0 categories by trigger lemma, from the PLOVER codebook's descriptions. Used as a


@lru_cache(maxsize=1)
def _trigger_table() -> dict[str, str]:
    raw = event_lexicon()
    table: dict[str, str] = {}
    for category, lemmas in raw["triggers"].items():
        for lemma in lemmas:
            table.setdefault(lemma, category)
    return table


#: PLOVER 1.0 categories by trigger lemma, from the PLOVER codebook's descriptions (data file
#: ``newsint/data/event_triggers.json``). Used as a classifier feature and as the fallback label
#: when no model is shipped.
TRIGGERS: dict[str, str] = _trigger_table()

#: Categories of cooperation (the others are conflict): "will X" of a cooperative X promises
#: (AGREE), of a conflictual X threatens (THREATEN); "not X" of a cooperative X rejects.
COOPERATIVE = frozenset("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST".split())


#: Verbs that carry their event in their object: "waged a war", "opened an offensive", "filed a
#: complaint", "made the initial approach", "is in talks" (v4).
LIGHT_VERBS = frozenset(
    """wage open make launch renew file lodge take establish carry conduct hold issue mount stage
    begin start continue orchestrate be have""".split()
)


#: Light verbs that carry only some event nouns: "took control" but not "took a direct hit".
LIGHT_NOUNS = {
    "take": frozenset({"control"}),
    "have": frozenset({"talk", "meeting", "discussion"}),
    "be": frozenset({"talk", "negotiation", "discussion"}),
}
#: Triggers that promise only with "to": "committed to talks", "pledged to withdraw".
NEEDS_TO = frozenset({"commit"})
#: Lemmas the tagger gets wrong ("waging" -> "wag").
LEMMA_FIXES = {"waging": "wage", "waged": "wage", "wages": "wage"}
#: Adverbs that act as verb particles when the parser misses it ("stepped down").
PARTICLES = frozenset({"down", "up", "out", "off", "on"})
#: A formal protest or complaint lodged or filed is a disapproval (CAMEO 11, PLOVER ACCUSE),
#: not a demonstration.
LODGED = frozenset({"lodge", "file", "register", "issue"})


def trigger(frame: Frame) -> str | None:
    """The codebook category of a frame's trigger: its predicate ("attacked", "stepped down"),
    or the event noun a light verb carries ("waged a war", "is in talks"); None when neither is
    in the lexicon."""
    pred = frame.predicate
    lemma = LEMMA_FIXES.get(pred.lower_, pred.lemma_.lower())
    if pred.pos_ == "ADJ" and lemma.endswith("ing"):  # "pre-positioning" read as an adjective
        lemma = next((w for w in _ing_stems(lemma) if w in TRIGGERS), lemma)
    particle = next(
        (
            c.lower_
            for c in pred.children
            if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ in PARTICLES
        ),
        None,
    )
    if particle and f"{lemma}_{particle}" in TRIGGERS:
        return TRIGGERS[f"{lemma}_{particle}"]
    if lemma in NEEDS_TO and not any(
        c.lower_ == "to" and c.dep_ in {"prep", "aux"} and c.i > pred.i for c in pred.subtree
    ):  # not the "to" before it: "found to have committed"
        return None  # "committed violations" is no promise; "committed to talks" is
    if lemma in CARRIERS:  # "exchanged attacks" is an assault, "exchanged data" cooperation
        return _carried(pred, lemma) or TRIGGERS.get(lemma)
    if lemma not in LIGHT_VERBS:
        return TRIGGERS.get(lemma)
    return _carried(pred, lemma)


def _ing_stems(word: str) -> list[str]:
    """Verb forms an -ing word may come from: "positioning" -> position, "arming" -> arm/arme,
    "shelling" -> shell/shel."""
    stem = word[:-3]
    return [stem, stem + "e", stem[:-1]]


#: Verbs with a category of their own that take their object's when it is an event noun:
#: "exchanged fire", "traded blows" (v4.1).
CARRIERS = frozenset({"exchange", "trade"})


def _carried(pred: Token, lemma: str) -> str | None:
    """The category of the event noun a verb carries: "waged a war", "is in talks"."""
    for child in pred.children:
        nouns = [child] if child.dep_ in {"dobj", "attr"} else []
        if child.dep_ == "prep" and child.lower_ in {"in", "into"}:
            nouns = [g for g in child.children if g.dep_ == "pobj"]  # "is in talks"
        for noun in nouns:
            word = noun.lemma_.lower()
            if noun.pos_ != "NOUN" or word not in TRIGGERS:
                continue
            if lemma in LIGHT_NOUNS and word not in LIGHT_NOUNS[lemma]:
                continue
            if lemma in LODGED and TRIGGERS[word] == "PROTEST":
                return "ACCUSE"
            return TRIGGERS[word]
    return None


def features(frame: Frame, sent: Span) -> list[str]:
    """Classifier features of a frame: trigger words by role, modality, lexicon hits."""
    feats: list[str] = []
    pred = frame.predicate
    feats.append(f"p={pred.lemma_.lower()}")
    for tok in frame.chain:
        lemma = tok.lemma_.lower()
        role = "v" if tok.pos_ in {"VERB", "AUX", "ADJ"} else "o"
        feats.append(f"{role}={lemma}")
        if lemma in TRIGGERS:
            feats.append(f"lex={TRIGGERS[lemma]}")
    category = trigger(frame)
    if category is not None:
        feats.append(f"lex0={category}")
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
