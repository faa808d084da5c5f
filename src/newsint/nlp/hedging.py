"""Certainty cues: hedges, disputes, denials and non-confirmations, and the certainty of a claim.

Two parts, both named by :data:`RULES`:

* single-word hedges ("may", "believe", "if", "reportedly") are decided token by token by a small
  logistic model over the token's word, lemma, tag, neighbours and dependency context
  (``models/hedging/model.json``, learned by ``scripts/train_hedging.py`` on the WikiWeasel
  development split). Context matters: "May 2017", "could not", "as if", "suggested by the
  name" are mostly not hedges. Without the model file a hand word list with a few context
  rules stands in.
* multi-word hedges, news weasels ("some analysts"), disputes ("dubious", "no evidence"),
  denials ("denied", "rejected the claim") and non-confirmations ("declined to comment",
  "could not be independently verified") come from the commented lexicon
  ``models/hedging/lexicon.json`` (:mod:`newsint.nlp.stance`).

``find_cues`` reports all of them for news; ``hedge_cues_in_text`` / ``hedge_spans`` keep to
the Szeged semantic-uncertainty scheme (no weasels, no first-person news hedges) for the
benchmark.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from newsint.models import Cue, Span
from newsint.nlp.stance import (
    MODEL_DIR,
    Lexicon,
    Match,
    anonymity,
    doubled,
    lexicon_set,
    load_lexicon,
    match_lexicon,
    negated,
)

__all__ = [
    "RULES",
    "HedgeModel",
    "certainty",
    "cue_weight",
    "find_cues",
    "hedge_cues_in_text",
    "hedge_cues_in_texts",
    "benchmark_phrases",
    "hedge_spans",
    "merge_hedges",
    "load_model",
    "token_features",
]

RULES = "newsint.hedges.v1"
MODEL_PATH = MODEL_DIR / "model.json"

#: How far before a claim a hedge may stand and still scope it ("some analysts believe [claim]",
#: "it may be that [claim]"), in characters, when no sentence end lies between them.
SCOPE_CHARS = 60


_SENTENCE_END = re.compile(r"[.!?]\s|\n")


# --------------------------------------------------------------------------- the learned model


def _shape(tok: Token) -> str:
    if tok.is_sent_start or tok.i == 0:
        return "first"
    if tok.is_title:
        return "Title"
    if tok.is_upper:
        return "UPPER"
    return "lower"


def token_features(doc: Doc, i: int) -> list[str]:
    """Features of the hedge candidate ``doc[i]``: word, lemma, tag, neighbours, syntax.

    Shared by the runtime and ``scripts/train_hedging.py``; changing it means retraining.
    """
    tok = doc[i]
    low, lem, tag = tok.lower_, tok.lemma_.lower(), tok.tag_
    hand_words = load_lexicon().hedge_words
    prev1 = doc[i - 1] if i > 0 else None
    prev2 = doc[i - 2] if i > 1 else None
    next1 = doc[i + 1] if i + 1 < len(doc) else None
    next2 = doc[i + 2] if i + 2 < len(doc) else None
    p1 = prev1.lower_ if prev1 is not None else "<s>"
    p2 = prev2.lower_ if prev2 is not None else "<s>"
    n1 = next1.lower_ if next1 is not None else "</s>"
    n2 = next2.lower_ if next2 is not None else "</s>"
    p1t = prev1.tag_ if prev1 is not None else "<s>"
    n1t = next1.tag_ if next1 is not None else "</s>"
    head = tok.head
    child_deps = sorted({c.dep_ for c in tok.children})
    negated = any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ == "neg" for c in head.children
    )
    feats = [
        "bias",
        f"w={low}",
        f"l={lem}",
        f"t={tag}",
        f"lt={lem}|{tag}",
        f"shape={lem}|{_shape(tok)}",
        f"p1={lem}|{p1}",
        f"n1={lem}|{n1}",
        f"p2={lem}|{p2}",
        f"n2={lem}|{n2}",
        f"p1n1={lem}|{p1}|{n1}",
        f"p1t={lem}|{p1t}",
        f"n1t={lem}|{n1t}",
        f"gp1={p1}",
        f"gn1={n1}",
        f"gn1t={tag}|{n1t}",
        f"dep={lem}|{tok.dep_}",
        f"hd={lem}|{tok.dep_}|{head.lemma_.lower()}",
        f"ht={lem}|{head.tag_}",
        f"neg={lem}|{negated}",
    ]
    if low in hand_words or lem in hand_words:
        feats.append(f"hand={tok.pos_}")  # shared prior for hand-list words rare in training
    feats += [f"cd={lem}|{d}" for d in child_deps]
    feats += [f"gcd={tag}|{d}" for d in child_deps]
    if next1 is not None and next1.like_num or prev1 is not None and prev1.like_num:
        feats.append(f"num={lem}")
    return feats


@dataclass(frozen=True, slots=True)
class HedgeModel:
    """Logistic model over hedge candidates: tokens whose word or lemma is in ``candidates``."""

    candidates: frozenset[str]
    weights: dict[str, float]
    threshold: float
    name: str = RULES

    def is_candidate(self, tok: Token) -> bool:
        return tok.lower_ in self.candidates or tok.lemma_.lower() in self.candidates

    def probability(self, doc: Doc, i: int) -> float:
        z = sum(self.weights.get(f, 0.0) for f in token_features(doc, i))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def hedge_tokens(self, doc: Doc) -> list[int]:
        return [
            tok.i
            for tok in doc
            if self.is_candidate(tok) and self.probability(doc, tok.i) >= self.threshold
        ]

    @classmethod
    def from_json(cls, path: Path) -> HedgeModel:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            candidates=frozenset(raw["candidates"]),
            weights={k: float(v) for k, v in raw["weights"].items()},
            threshold=float(raw["threshold"]),
            name=raw.get("name", RULES),
        )


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> HedgeModel | None:
    """The shipped hedge model, or None when the file is missing (hand fallback is used)."""
    return HedgeModel.from_json(path) if path.exists() else None


def _fallback_hedge_tokens(doc: Doc, lexicon: Lexicon) -> list[int]:
    """Hand word list with the context rules a word list needs most."""
    words = lexicon.hedge_words
    out = []
    for tok in doc:
        low, lem = tok.lower_, tok.lemma_.lower()
        if low not in words and lem not in words:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if low == "may" and (tok.tag_ != "MD" or (nxt is not None and nxt.like_num)):
            continue  # the month
        if low in {"could", "can", "would"} and nxt is not None and nxt.lower_ in {"not", "n't"}:
            continue  # inability or refusal, not a possibility
        if tok.tag_ == "IN" and low != "if" and low != "whether" and low != "unless":
            continue  # "regarding", "considering" as prepositions
        if low == "if" and prev is not None and prev.lower_ in {"as", "even"}:
            continue
        out.append(tok.i)
    return out


# --------------------------------------------------------------------------- cues


def _hedge_token_indices(doc: Doc) -> list[int]:
    model = load_model()
    return model.hedge_tokens(doc) if model else _fallback_hedge_tokens(doc, load_lexicon())


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _longest_first(matches: Iterable[Match]) -> list[Match]:
    """Drop matches that overlap a longer (then earlier) one, like spaCy's filter_spans."""
    kept: list[Match] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if not any(_overlaps((m.start, m.end), (k.start, k.end)) for k in kept):
            kept.append(m)
    return kept


def benchmark_phrases(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the Szeged-scheme hedge phrases in ``doc`` ("little is known", ...)."""
    found = [m for m in match_lexicon(doc, benchmark_only=True) if m.group.kind == "hedge"]
    return sorted((m.start, m.end) for m in _longest_first(found))


def merge_hedges(doc: Doc, phrases: Sequence[tuple[int, int]], tokens: Iterable[int]) -> list[Span]:
    """Character spans of the phrases plus the hedge tokens that are not inside one."""
    ranges = list(phrases)
    for i in tokens:
        if not any(s <= i < e for s, e in ranges):
            ranges.append((i, i + 1))
    return sorted((doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in ranges)


def hedge_spans(doc: Doc, *, model: HedgeModel | None = None) -> list[Span]:
    """Semantic-uncertainty cue spans of ``doc`` in the Szeged/WikiWeasel sense (benchmark path).

    Character offsets into ``doc.text``: benchmark-scheme hedge phrases plus the hedge tokens of
    ``model`` (default: the shipped one) not inside one. No news weasels, disputes or
    first-person hedges.
    """
    tokens = model.hedge_tokens(doc) if model else _hedge_token_indices(doc)
    return merge_hedges(doc, benchmark_phrases(doc), tokens)


def hedge_cues_in_texts(texts: Iterable[str], *, batch_size: int = 256) -> Iterator[list[Span]]:
    """:func:`hedge_spans` for many texts, parsed in batches (the NER is not needed)."""
    from newsint.nlp import load_pipeline

    nlp = load_pipeline()
    disable = [p for p in ("ner",) if p in nlp.pipe_names]
    for doc in nlp.pipe(texts, batch_size=batch_size, disable=disable):
        yield hedge_spans(doc)


def hedge_cues_in_text(text: str) -> list[Span]:
    """Hedge cue spans of one text (benchmark scheme), parsing it with the shared pipeline."""
    return next(hedge_cues_in_texts([text]))


def find_cues(doc: Doc) -> list[Cue]:
    """All certainty cues of ``doc`` for news: hedges, disputes, denials, non-confirmations.

    Character offsets into ``doc.text``, in text order, not overlapping. Where cues overlap,
    a dispute/denial/non-confirmation wins over a hedge ("could not be independently
    verified" is a non-confirmation, not the hedge "could"), and a longer match over a shorter.
    """
    matches = [
        m
        for m in match_lexicon(doc)
        if not _withholds(doc, m)
        and not _wished(doc, m)
        and not negated(doc, m)
        and not anonymity(doc, m)
        and not doubled(doc, m)
    ]
    stance = _longest_first(m for m in matches if m.group.kind != "hedge")
    taken = [(m.start, m.end) for m in stance]
    phrases = [
        m
        for m in _longest_first(m for m in matches if m.group.kind == "hedge")
        if not any(_overlaps((m.start, m.end), t) for t in taken)
    ]
    taken += [(m.start, m.end) for m in phrases]
    cues = []
    for m in [*stance, *phrases]:
        span = doc[m.start : m.end]
        cues.append(
            Cue(
                span=(span.start_char, span.end_char),
                kind=m.group.kind,
                text=span.text,
                rule=f"{m.group.id}:{span.text.lower()}",
            )
        )
    model_name = "model" if load_model() else "hedge.words"
    for i in _hedge_token_indices(doc):
        if any(s <= i < e for s, e in taken):
            continue
        tok = doc[i]
        cues.append(
            Cue(
                span=(tok.idx, tok.idx + len(tok)),
                kind="hedge",
                text=tok.text,
                rule=f"{model_name}:{tok.lemma_.lower()}",
            )
        )
    return sorted(cues, key=lambda c: c.span)


#: How many tokens after "deny" the withheld thing may stand ("deny the Muslims their right").
WITHHELD_WITHIN = 6
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you"})
#: Nouns whose "to deny" is still a denial ("a decision to deny the report", "a move to deny").
CLAIM_HOLDERS = frozenset({"decision", "move", "statement", "refusal"})


def _withholds(doc: Doc, match: Match) -> bool:
    """A "deny" that withholds something rather than denying a claim: "deny the Muslims their
    right to live", "denied him access", "was denied bail" (``sets.withheld_things``; a claim
    noun first keeps the denial: "denied the report of his access")."""
    if match.group.kind != "denial":
        return False
    verbs = [t for t in doc[match.start : match.end] if t.lemma_.lower() == "deny"]
    if not verbs:
        return False
    verb = verbs[0]
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.head.lower_ not in CLAIM_HOLDERS:
        return True  # "any attempt to deny the Muslims ...": an aim named, not a denial made
    withheld, claims = lexicon_set("withheld_things"), lexicon_set("claim_nouns")
    after = doc[verb.i + 1 : min(len(doc), verb.i + 1 + WITHHELD_WITHIN)]
    if len(after) > 1 and after[0].lower_ in _OBJECT_PRONOUNS and after[1].pos_ in {"NOUN", "DET"}:
        return True  # "denied him access", "denied them a visa"
    for tok in after:
        if tok.is_punct or tok.pos_ in {"VERB", "AUX"}:
            return False
        if tok.lemma_.lower() in claims or tok.lower_ in claims:
            return False
        if tok.lower_ in withheld or tok.lemma_.lower() in withheld:
            return True
    return False


def _wished(doc: Doc, match: Match) -> bool:
    """A dispute or denial the speaker only hopes or wishes for: "I hope this isn't true"
    (a verb of ``sets.wish_verbs`` governs the cue)."""
    if match.group.kind not in {"dispute", "denial"}:
        return False
    wishes = lexicon_set("wish_verbs")
    head = doc[match.start]
    return any(a.lemma_.lower() in wishes for a in head.ancestors)


# --------------------------------------------------------------------------- certainty


def cue_weight(cue: Cue) -> float:
    """Certainty factor of one hedge cue (1.0 for the other kinds); see ``lexicon.json``."""
    if cue.kind != "hedge":
        return 1.0
    lexicon = load_lexicon()
    group, _, key = cue.rule.partition(":")
    if group in {"model", "hedge.words"}:
        return lexicon.word_weights.get(key, lexicon.default_weight)
    try:
        return lexicon.group(group).weight
    except KeyError:
        return lexicon.word_weights.get(cue.text.lower(), lexicon.default_weight)


def certainty(cues: Sequence[Cue], span: Span, *, text: str | None = None) -> float:
    """How firmly the claim at ``span`` is stated: 1.0 as fact .. towards 0 pure speculation.

    The product of the weights of the hedge cues that lie inside the claim. Given the ``text``
    the offsets point into, hedges that scope the claim from just before it count too (within
    :data:`SCOPE_CHARS` and not across a sentence end, as in "some analysts believe [claim]");
    without ``text`` that window is not used, since a hedge ending the previous sentence would
    look the same. Disputes and non-confirmations are not hedges of the claim's wording; they
    are reported separately (``Claim.disputed_by`` / ``not_confirmed_by``).
    """
    start, end = span
    value = 1.0
    for cue in cues:
        if cue.kind != "hedge":
            continue
        c_start, c_end = cue.span
        inside = start <= c_start < end
        before = (
            text is not None
            and c_end <= start
            and start - c_end <= SCOPE_CHARS
            and not _SENTENCE_END.search(text, c_end, start)
        )
        if inside or before:
            value *= cue_weight(cue)
    return round(value, 4)
