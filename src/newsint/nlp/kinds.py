"""The kind of a source, learned (``newsint.kinds.v1``): one of the guide's nine.

A multinomial logistic model over what the article says about the source: the rules' own kind
(:mod:`newsint.nlp.profiles`, :mod:`newsint.nlp.source_context` and its helpers), the words of
its role and name, the kinds its titles name anywhere in the article, its entity label, the verbs
that credit it, a stated stake or denial, campaign words around it and how often it speaks. (Being
named in the lede, a sign of the story's subject, was tried and left out: in 2016 campaign
stories it means a candidate, elsewhere not.) Trained by ``scripts/train_kinds.py`` on
newsint's own annotations (``annotations/sources/``, PolNeAR train), never on a dev set; see
the model card beside the weights. Without the weights file the rules' kind stands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import cast

from spacy.tokens import Doc

from newsint.models import Attribution, Source, SourceKind
from newsint.nlp.linear_model import LinearModel, load_linear
from newsint.nlp.profile_tables import campaign_words, media_name, political_kind, title_kind
from newsint.nlp.stakes import campaign_of
from newsint.nlp.titles import titles_of

VERSION = "newsint.kinds.v1"
#: The model overrules a kind the rules gave from a title or a stated role ("Superintendent",
#: "economist", "math teacher") only when its probability beats the rules' kind by this much;
#: an `other` with no title it always replaces. 5-fold CV on the own annotations: .644 with the
#: margin, .668 without; without it short passages lose their obvious kinds to the training
#: set's prior (2016 campaign stories, 40% interested parties).
RULE_MARGIN = 0.5
#: Characters around each mention read for campaign words.
CONTEXT = 100
MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "kinds" / "model.json"


def kind_features(doc: Doc, source: Source, own: Sequence[Attribution]) -> dict[str, float]:
    """Binary features of one source (their names are the model's vocabulary)."""
    text = doc.text
    f: dict[str, float] = {"bias": 1.0, f"rule={source.kind}": 1.0}
    f[f"anonymous={source.anonymous}"] = 1.0
    for word in _words(source.role):
        f[f"role={word}"] = 1.0
    f[f"title={title_kind(source.role) or title_kind(source.affiliation)}"] = 1.0
    f[f"political={political_kind(source.role, source.affiliation)}"] = 1.0
    for word in _words(source.affiliation):
        f[f"aff={word}"] = 1.0
    f[f"has_aff={source.affiliation is not None}"] = 1.0
    words = source.name.split()
    for word in words:
        f[f"name={word.lower()}" if word[:1].islower() else "name=Cap"] = 1.0
    if words:
        f[f"head={words[-1].lower().strip(',.')}"] = 1.0
    if not source.anonymous:
        for role, affiliation in titles_of(text, source.name)[:6]:
            f[f"title_any={title_kind(role)}"] = 1.0
            f[f"political_any={political_kind(role, affiliation)}"] = 1.0
        f[f"campaign_of={campaign_of(text, source.name) is not None}"] = 1.0
    f[f"ent={_entity_label(doc, source)}"] = 1.0
    f[f"media_name={media_name(source.name)}"] = 1.0
    f[f"aff_media={media_name(source.affiliation or '')}"] = 1.0
    for a in own:
        for s, e in a.cue:
            for token in doc.char_span(s, e, alignment_mode="expand") or ():
                if token.pos_ in {"VERB", "NOUN", "ADP"}:
                    f[f"cue={token.lemma_.lower()}"] = 1.0
        f[f"quote={a.kind}"] = 1.0
    f[f"interest={source.interest is not None}"] = 1.0
    f[f"relays={source.relays_others}"] = 1.0
    f[f"statements={min(len(own), 4)}"] = 1.0
    doc_campaign = campaign_words(text) / max(1, len(text) // 1000)
    f[f"campaign_doc={min(int(doc_campaign), 4)}"] = 1.0
    near = sum(campaign_words(text[max(0, s - CONTEXT) : e + CONTEXT]) for s, e in source.mentions)
    f[f"campaign_near={min(near, 3)}"] = 1.0
    return f


def _words(text: str | None) -> list[str]:
    return re.findall(r"[a-z][a-z.'-]+", (text or "").lower())


def _entity_label(doc: Doc, source: Source) -> str:
    for s, e in source.mentions[:3]:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            labels = [t.ent_type_ for t in span if t.ent_type_]
            if labels:
                return labels[-1]
    return "none"


def classify(
    doc: Doc,
    sources: Sequence[Source],
    attributions: Sequence[Attribution],
    model: LinearModel | None = None,
) -> list[Source]:
    """Every source with the kind the model gives it (the rules' kind without the model); a
    source the rules made an interested party on stated evidence keeps that kind. ``model``:
    another model than the shipped one (the training script's cross-validation folds)."""
    model = model or load_model()
    if model is None:
        return list(sources)
    out = []
    for source in sources:
        if source.kind == "interested_party" and source.interest_span is not None:
            out.append(source)  # a stake the text states outranks the model's guess
            continue
        own = [a for a in attributions if a.source_id == source.id]
        features = kind_features(doc, source, own)
        probs = model.probabilities(features)
        if not _stake_signal(features):
            probs.pop("interested_party", None)
        kind = cast(SourceKind, max(probs, key=lambda c: probs[c]))
        decided = source.kind != "other" or title_kind(source.role) == "other"
        if decided and probs[kind] - probs.get(source.kind, 0.0) < RULE_MARGIN:
            kind = source.kind  # a title or a stated role decided it; the model must be sure
        out.append(replace(source, kind=kind) if kind != source.kind else source)
    return out


#: Features that say a source may have a stake: its own denial or defence, a stated interest,
#: the rules' verdict, a candidacy the article states, or an election campaign around it.
STAKE_FEATURES = frozenset(
    {
        "cue=deny",
        "cue=reject",
        "cue=dismiss",
        "cue=defend",
        "interest=True",
        "rule=interested_party",
        "campaign_of=True",
        "political_any=interested_party",
    }  # fmt: skip
)


def _stake_signal(features: dict[str, float]) -> bool:
    """An interested party has "a stated commercial, legal or political stake, or [is] the
    subject of the story speaking about their own conduct" (guide, section 3). A source whose
    title says what it is ("head of research", "math teacher") and shows no stake (no denial or
    defence of its own, no stated interest, no campaign around it) is not one, whatever the
    model's prior (a third of its training sources). Its cost on the 5-fold CV is stated in the
    model card."""
    titled = any(name.startswith("role=") for name in features)
    return bool(STAKE_FEATURES & features.keys()) or not titled or "campaign_near=0" not in features


@cache
def load_model(path: Path = MODEL_PATH) -> LinearModel | None:
    return load_linear(path)
