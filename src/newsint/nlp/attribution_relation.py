"""The relation filter: a linear model that keeps or drops a whole candidate relation.

Every cue candidate scoring above ``cue threshold + margin`` (a lower bar than the cue model's
own) gets its source and content from the rules; the relation is then featurised as a whole (cue
score band, cue lemma and dependency, content size, quotation share, side and clause type, source
type, overlap and nesting with the other candidates) and kept when its score exceeds the
threshold. Weights: ``newsint/models/attribution/relations.json`` (feature -> weight; the
intercept is the weight of "b"), trained on out-of-fold cue scores of PolNeAR train.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from spacy.tokens import Doc, Token

from newsint.nlp.source_words import (
    DOCUMENT_HEADS,
    MEDIA_WORDS,
    PUBLICATION_VERBS,
    RELAYING_VERBS,
)

MODEL_NAME = "newsint.attribution.relations.v1"
WEIGHTS = Path(__file__).resolve().parent.parent / "models" / "attribution" / "relations.json"
_SIZES = (0, 1, 2, 5, 10, 20, 40)


class RelLike(Protocol):
    head: int
    cue: list[int]
    source: list[int]
    content: set[int]


def _size(n: int) -> str:
    return next((str(b) for b in _SIZES if n <= b), "big")


def sentence_starts(doc: Doc) -> list[int]:
    """The first token index of each token's sentence."""
    starts = [0] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            starts[i] = sent.start
    return starts


def relation_features(
    doc: Doc,
    rel: RelLike,
    margin: float,
    qidx: list[int],
    starts: list[int],
    others: Sequence[RelLike],
) -> list[str]:
    """Features of one candidate relation; ``margin`` = cue score minus the cue threshold."""
    tok = doc[rel.head]
    lemma = tok.lemma_.lower()
    content = rel.content
    band = max(-6, min(6, int((margin + 10) * 2) - 20))
    feats = ["b", f"cs={band}"]
    size = len(content)
    words = sum(1 for i in content if not doc[i].is_punct)
    feats.append("cn=" + _size(words))
    quoted = sum(1 for i in content if qidx[i] >= 0)
    kind = "none" if not quoted else "all" if quoted >= size - 2 else "some"
    feats += ["ck=" + kind, "lck=" + lemma + "|" + kind]
    if content:
        lo, hi = min(content), max(content)
        side = "R" if lo > rel.head else "L" if hi < rel.head else "M"
        feats += ["side=" + side, "lside=" + lemma + "|" + side]
        roots = [i for i in content if doc[i].head.i not in content or doc[i].head.i == i]
        root = doc[roots[0]] if roots else doc[lo]
        rd = root.dep_ if root.head.i in rel.cue else "far"
        feats += ["rd=" + rd, "lrd=" + lemma + "|" + rd, "rp=" + root.pos_]
        clausal = str(any(doc[i].pos_ in ("VERB", "AUX") for i in content))
        feats += ["cl=" + clausal, "lcl=" + lemma + "|" + clausal]
        feats.append("sents=" + str(starts[lo] == starts[hi] == starts[rel.head]))
        feats.append("nroots=" + _size(len(roots)))
    else:
        feats.append("empty")
    src = rel.source
    if not src:
        feats += ["src=none", "lsrc=" + lemma + "|none"]
    else:
        sroots = [i for i in src if doc[i].head.i not in src or doc[i].head.i == i]
        s = doc[sroots[0]] if sroots else doc[src[0]]
        stype = s.ent_type_ or ("PRON" if s.pos_ == "PRON" else s.pos_)
        feats += ["src=" + stype, "lsrc=" + lemma + "|" + stype]
        if s.pos_ == "PRON":
            feats.append("sl=" + s.lower_)
        feats.append("sside=" + ("L" if min(src) < rel.head else "R"))
        feats.append("sn=" + _size(len(src)))
        feats.append("sq=" + str(any(qidx[i] >= 0 for i in src)))
    feats += [
        "cq=" + str(qidx[rel.head] >= 0),
        "cd=" + tok.dep_,
        "lcd=" + lemma + "|" + tok.dep_,
        "l=" + lemma,
    ]
    overlap = nested = holds = 0
    for other in others:
        if other is rel:
            continue
        if other.content & content:
            overlap = 1
        if rel.head in other.content:
            nested = 1
        if other.head in content:
            holds = 1
    feats += [f"ov={overlap}", f"nest={nested}", f"holds={holds}"]
    feats += [f"nest_cs={nested}|{band}", f"ov_cs={overlap}|{band}"]
    return feats


@dataclass(frozen=True, slots=True)
class RelationModel:
    """Weights of the relation filter, its candidate margin and its decision threshold."""

    weights: dict[str, float]
    margin: float = -1.0  # candidates: cue score > cue threshold + margin
    threshold: float = -0.5
    name: str = MODEL_NAME

    def score(self, feats: list[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in feats)

    def save(self, path: Path) -> None:
        data = {
            "name": self.name,
            "margin": self.margin,
            "threshold": self.threshold,
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) > 1e-4},
        }
        path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> RelationModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            weights=data["weights"],
            margin=float(data.get("margin", -1.0)),
            threshold=float(data.get("threshold", -0.5)),
            name=data.get("name", MODEL_NAME),
        )


@lru_cache(maxsize=1)
def shipped_relation_model() -> RelationModel | None:
    """The relation filter shipped in ``newsint/models/attribution``, or None when missing."""
    return RelationModel.load(WEIGHTS) if WEIGHTS.exists() else None


def publication_agent(tok: Token) -> Token | None:
    """The noun of the "by" agent of a publishing verb in the passive ("the emails released by
    the State Department", "was posted online by the blogger Red Fox"), or None."""
    if tok.tag_ != "VBN" or tok.lemma_.lower() not in PUBLICATION_VERBS:
        return None
    for agent in tok.children:
        if agent.dep_ == "agent":
            for pobj in agent.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("PROPN", "NOUN"):
                    return pobj
    return None


def published_by(doc: Doc, rel: RelLike) -> bool:
    """A publication credited to its "by" agent is a statement of the agent (judgement guide 1.5
    "first reported by", 1.7 publications and requests) whatever the filter says."""
    agent = publication_agent(doc[rel.head])
    return agent is not None and agent.i in rel.source and bool(rel.content)


#: How far up from "as" a relaying verb is looked for ("quoted friends of X, who spoke on
#: condition of anonymity, as saying": the parser hangs "as saying" on the relative clause).
_RELAY_STEPS = 5


def relayed_speaker(tok: Token) -> Token | None:
    """The object of the relaying verb whose "as" clause ``tok`` heads: "Newsweek quoted **Sean
    Dall** as saying ...", "TASS cited **officials** as saying ...", or the subject of the
    passive: "**he** is quoted by This Day as saying ..."; None otherwise."""
    if tok.dep_ != "pcomp" or tok.head.lower_ != "as":
        return None
    head = tok.head
    for _ in range(_RELAY_STEPS):
        if head.head is head:
            return None
        head = head.head
        if head.lemma_.lower() in RELAYING_VERBS:
            # "quoted Sean Dall as saying"; passive "Dall was quoted (by Newsweek) as saying"
            found = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass") and c.i < tok.i]
            return found[0] if found else None
    return None


def quoted_as(verb: Token) -> bool:
    """A relaying verb with an "as" clause: "he is quoted by This Day as saying", whose passive
    subject is the speaker, not someone spoken to."""
    return verb.lemma_.lower() in RELAYING_VERBS and any(
        c.lower_ == "as" and c.dep_ == "prep" for c in verb.children
    )


def relayed_span(obj: Token, cue: Token) -> list[int]:
    """The relayed speaker's words: the object's phrase up to its first comma or the "as"
    ("friends of the suspect, who spoke on condition of anonymity, as saying")."""
    end = obj.right_edge.i if obj.dep_ == "nsubjpass" else cue.head.i - 1  # not "was quoted"
    for k in range(obj.i + 1, end + 1):
        if obj.doc[k].text == ",":
            end = k - 1
            break
    return list(range(obj.left_edge.i, max(end, obj.i) + 1))


def relayed(doc: Doc, rel: RelLike) -> bool:
    """The words of a party an outlet relays are that party's statement (judgement guide 1.5:
    "Newsweek quoted Sean Dall as saying" makes Dall a source) whatever the filter says."""
    return relayed_speaker(doc[rel.head]) is not None and bool(rel.source) and bool(rel.content)


#: How far below the cue threshold a cue inside an outlet's report is still a candidate
#: ("Mashable reports that a Kurdish official told Xendan ...": the cue model, trained on
#: PolNeAR, scores nested cues low).
RELAY_MARGIN = -2.5


def outlet_report(doc: Doc, rel: RelLike) -> bool:
    """A relation in which a named organisation reports ("Mashable reports that ...", "the Valley
    Times reported ...", "according to Reuters, ..."): the parties whose words it carries are
    sources too (judgement guide 1.5)."""
    cue = doc[rel.head]
    if cue.lower_ != "according" and cue.lemma_.lower() != "report":
        return False
    names = [doc[i] for i in rel.source if _name_word(doc[i])]
    return bool(names) and all(tok.ent_type_ not in ("PERSON", "GPE", "NORP") for tok in names)


def outlet_source(doc: Doc, source: list[int]) -> bool:
    """The source is an outlet, a named organisation or a document ("Reuters", "the Herald", "the
    agency", "a report in the Times"), not a person, a place or a pronoun: whose cited parties
    are sources (guide 1.5)."""
    toks = [doc[i] for i in source]
    heads = [t for t in toks if t.head.i not in source or t.head is t]
    if not heads or heads[0].ent_type_ in ("PERSON", "GPE", "NORP") or heads[0].pos_ == "PRON":
        return False  # "he said, citing witnesses"; but "the Israeli daily Haaretz" is an outlet
    head = heads[0]
    lemma = head.lemma_.lower()
    named = _name_word(head) or head.ent_type_ == "ORG"
    return named or lemma in MEDIA_WORDS or lemma in DOCUMENT_HEADS  # "A report, citing ..."


def _name_word(tok: Token) -> bool:
    """A word of a name: a proper noun, or a capitalised word the tagger took for something else
    ("Mashable reports" tags "Mashable" as an adjective) but not a common noun opening the
    sentence ("Officials reported")."""
    if tok.pos_ == "PROPN":
        return True
    if not tok.text[:1].isupper() or tok.pos_ in ("DET", "PRON"):
        return False
    return not tok.is_sent_start or tok.pos_ not in ("NOUN", "VERB", "AUX")


#: Verbs of answering: "did not respond", "has not returned calls", "would not comment".
ANSWER_VERBS = frozenset({"respond", "return", "comment", "answer", "reply"})
#: Verbs of refusing whose infinitive is an answer: "declined to comment", "refused to answer".
REFUSE_VERBS = frozenset({"decline", "refuse", "fail"})


def refusal(doc: Doc, rel: RelLike) -> bool:
    """ "The campaign did not respond to questions", "the ministry refused to comment": a refusal
    to answer, with its subject, is a statement (judgement guide 1.7) whatever the filter says."""
    return bool(rel.source) and refusing(doc[rel.head])


def refusing(tok: Token) -> bool:
    """``tok`` heads a refusal to answer ("did not respond", "refused to comment"): a candidate
    cue however low the cue model scores it ("Ndjamena refused to comment but security sources
    said ..." scored 1.6 below the threshold)."""
    lemma = tok.lemma_.lower()
    if lemma in ANSWER_VERBS:
        return any(c.dep_ == "neg" for c in tok.children)
    if lemma in REFUSE_VERBS:
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in ANSWER_VERBS for c in tok.children)
    return False
