"""The learned cue detector: an averaged perceptron over parse features of candidate tokens.

A candidate is a token whose lemma headed a cue in the training data (the model's vocabulary),
or a colon. Features are plain strings (lemma, dependency, head, children, quotation context);
the weights file maps each feature to one float. Shared by ``scripts/train_attribution.py``
(training) and ``attribution.py`` (inference), so the two cannot drift apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

MODEL_NAME = "newsint.attribution.cues.v1"
WEIGHTS = Path(__file__).resolve().parent.parent / "models" / "attribution" / "cues.json"


def candidates(doc: Doc, vocab: frozenset[str]) -> list[int]:
    """Token indices worth scoring: a known cue lemma, or a colon."""
    return [t.i for t in doc if t.lemma_.lower() in vocab or t.text == ":"]


def features(tok: Token, in_quote: bool) -> list[str]:
    """String features of one candidate token."""
    lemma = tok.lemma_.lower()
    dep = tok.dep_
    head = tok.head
    doc = tok.doc
    kids = [c.dep_ for c in tok.children]
    kid_set = set(kids)
    prev_ = doc[tok.i - 1].lower_ if tok.i else "<s>"
    next_ = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else "</s>"
    feats = [
        "b",
        "l=" + lemma,
        "w=" + tok.lower_,
        "t=" + tok.tag_,
        "d=" + dep,
        "ld=" + lemma + "|" + dep,
        "lt=" + lemma + "|" + tok.tag_,
        "hl=" + head.lemma_.lower(),
        "hp=" + head.pos_ + "|" + dep,
        "lhp=" + lemma + "|" + head.pos_,
        "p=" + prev_,
        "n=" + next_,
        "ln=" + lemma + "|" + next_,
        "lp=" + lemma + "|" + prev_,
        "q=" + str(in_quote),
        "lq=" + lemma + "|" + str(in_quote),
    ]
    for k in kid_set:
        feats.append("k=" + k)
        feats.append("lk=" + lemma + "|" + k)
    arg = (
        "C"
        if "ccomp" in kid_set
        else "X"
        if "xcomp" in kid_set
        else "O"
        if "dobj" in kid_set
        else "-"
    )
    feats.append("lda=" + lemma + "|" + dep + "|" + arg)
    if "nsubj" in kid_set or "nsubjpass" in kid_set:
        subj = next(c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass"))
        ent = subj.ent_type_ or ("PRON" if subj.pos_ == "PRON" else "-")
        feats.append("sp=" + subj.pos_)
        feats.append("se=" + ent)
        feats.append("lsp=" + lemma + "|" + subj.pos_)
        feats.append("lse=" + lemma + "|" + ent)
        feats.append("sea=" + ent + "|" + arg)
        feats.append("sl=" + subj.lemma_.lower())
    for c in tok.children:
        if c.dep_ == "prep":
            feats.append("pp=" + lemma + "|" + c.lower_)
            break
    if "ccomp" not in kid_set and "xcomp" not in kid_set and "dobj" not in kid_set:
        feats.append("noarg|" + lemma)
    if tok.text == ":":
        sent = tok.sent
        feats.append("colon_first=" + str(tok.i - sent.start < 12))
        feats.append("colon_next=" + next_)
    return feats


@dataclass(frozen=True, slots=True)
class CueModel:
    """Weights of the averaged perceptron and the candidate vocabulary."""

    weights: dict[str, float]
    vocab: frozenset[str]
    threshold: float = 0.0
    name: str = MODEL_NAME

    def score(self, feats: list[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in feats)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "name": self.name,
            "threshold": self.threshold,
            "vocab": sorted(self.vocab),
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) > 1e-4},
        }
        path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> CueModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            weights=data["weights"],
            vocab=frozenset(data["vocab"]),
            threshold=float(data.get("threshold", 0.0)),
            name=data.get("name", MODEL_NAME),
        )


@lru_cache(maxsize=1)
def shipped_model() -> CueModel | None:
    """The model shipped in ``newsint/models/attribution``, or None when it is missing."""
    return CueModel.load(WEIGHTS) if WEIGHTS.exists() else None
