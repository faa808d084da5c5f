"""The learned cue detector: a linear model (L1 logistic regression) over parse features.

A candidate is a token whose lemma headed a cue in the training data (the model's vocabulary),
a colon, or a word WordNet files under communication or cognition (``word_classes``).
Features are plain strings (lemma, dependency, head, children, quotation context, WordNet
classes); the weights file maps each feature to one float (the intercept is the weight of
"b"). Shared by
``scripts/train_attribution.py`` (training) and ``attribution.py`` (inference, and
``candidate_features`` for training), so the two cannot drift apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from newsint.nlp.word_classes import WordClasses

MODEL_NAME = "newsint.attribution.cues.v3"
WEIGHTS = Path(__file__).resolve().parent.parent / "models" / "attribution" / "cues.json"


#: Punctuation that introduces content ("Source: ...", "Source \u2015 ...").
_PUNCT_CUES = frozenset({":", "\u2015", "--"})


def candidates(doc: Doc, vocab: frozenset[str], classes: WordClasses | None = None) -> list[int]:
    """Token indices worth scoring: a known cue lemma, a colon or a dash, a WordNet cue word."""
    return [
        t.i
        for t in doc
        if t.lemma_.lower() in vocab
        or t.text in _PUNCT_CUES
        or (classes is not None and classes.is_cue_word(t))
    ]


def _class_features(tok: Token, arg: str, classes: WordClasses) -> list[str]:
    """The token's WordNet classes: first sense, first sense with its frame, any of three."""
    found = classes.of(tok)
    if not found:
        return ["wn=none"]
    pos = tok.pos_
    feats = ["wn1=" + pos + found[0], "wnd=" + pos + found[0] + "|" + tok.dep_ + "|" + arg]
    return feats + ["wna=" + pos + c for c in found]


def features(tok: Token, in_quote: bool, classes: WordClasses | None = None) -> list[str]:
    """String features of one candidate token (with its WordNet classes when given)."""
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
    lo, hi = max(tok.i - 3, 0), min(tok.i + 4, len(doc))
    near_quote = any(doc[j].is_quote for j in range(lo, hi))
    feats.append("qa=" + str(near_quote) + "|" + str(in_quote))
    feats.append("lqa=" + lemma + "|" + str(near_quote))
    feats.append("sd=" + head.dep_ + "|" + dep)
    for c in tok.children:
        if c.dep_ == "prep":
            feats.append("pp=" + lemma + "|" + c.lower_)
            break
    if "ccomp" not in kid_set and "xcomp" not in kid_set and "dobj" not in kid_set:
        feats.append("noarg|" + lemma)
    if tok.text in _PUNCT_CUES:
        sent = tok.sent
        feats.append("colon_first=" + str(tok.i - sent.start < 12))
        feats.append("colon_next=" + next_)
    # Wider context: neighbouring lemmas and tags, the head's relation, nominal cues.
    prev2 = doc[tok.i - 2].lower_ if tok.i > 1 else "<s>"
    next2 = doc[tok.i + 2].lower_ if tok.i + 2 < len(doc) else "</s>"
    feats.append("p2=" + prev2 + "|" + prev_)
    feats.append("n2=" + next_ + "|" + next2)
    feats.append("lhl=" + lemma + "|" + head.lemma_.lower())
    feats.append("lhd=" + lemma + "|" + dep + "|" + head.dep_)
    feats.append("ltd=" + lemma + "|" + tok.tag_ + "|" + dep)
    for c in tok.children:
        cd = c.dep_
        if cd in ("ccomp", "xcomp", "dobj", "acl", "relcl", "attr", "acomp", "advcl"):
            feats.append("kl=" + lemma + "|" + cd + "|" + c.tag_)
            mark = next((g.lower_ for g in c.children if g.dep_ in ("mark", "aux")), "-")
            feats.append("km=" + cd + "|" + mark)
            feats.append("lkm=" + lemma + "|" + cd + "|" + mark)
        elif cd in ("poss", "prep", "aux", "auxpass", "neg", "det", "advmod"):
            feats.append("kw=" + cd + "|" + c.lower_)
            feats.append("lkw=" + lemma + "|" + cd + "|" + c.lower_)
        elif cd == "punct" and c.is_quote:
            feats.append("kq=" + ("L" if c.i < tok.i else "R"))
    if dep in ("acomp", "attr", "dobj", "pobj"):
        feats.append("hx=" + head.lemma_.lower() + "|" + dep + "|" + lemma)
    # Nesting: the verb whose clausal complement holds this token (PolNeAR gives a token one role).
    node, steps = tok, 0
    while node.dep_ not in ("ROOT", "ccomp", "xcomp", "parataxis") and steps < 6:
        node, steps = node.head, steps + 1
    if node.dep_ in ("ccomp", "xcomp", "parataxis") and node.head is not node:
        anc = node.head.lemma_.lower()
        feats.append("anc=" + node.dep_ + "|" + anc)
        feats.append("lanc=" + lemma + "|" + node.dep_ + "|" + anc)
    sent = tok.sent
    place = "first" if tok.i - sent.start < 3 else "last" if sent.end - tok.i < 4 else "mid"
    feats.append("pos=" + place)
    if classes is not None:
        feats += _class_features(tok, arg, classes)
    return feats


@dataclass(frozen=True, slots=True)
class CueModel:
    """Weights of the linear cue model, its candidate vocabulary and the light-verb objects."""

    weights: dict[str, float]
    vocab: frozenset[str]
    threshold: float = 0.0
    name: str = MODEL_NAME
    #: object lemmas that belong to the cue ("took a swipe at", "issued a statement")
    objects: frozenset[str] = frozenset()
    #: WordNet classes of the lemmas that can be candidates (None: vocabulary only)
    classes: WordClasses | None = None

    def score(self, feats: list[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in feats)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "name": self.name,
            "threshold": self.threshold,
            "vocab": sorted(self.vocab),
            "objects": sorted(self.objects),
            "classes": self.classes.to_json() if self.classes is not None else None,
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
            objects=frozenset(data.get("objects", ())),
            classes=WordClasses.from_json(data["classes"]) if data.get("classes") else None,
        )


@lru_cache(maxsize=1)
def shipped_model() -> CueModel | None:
    """The model shipped in ``newsint/models/attribution``, or None when it is missing."""
    return CueModel.load(WEIGHTS) if WEIGHTS.exists() else None
