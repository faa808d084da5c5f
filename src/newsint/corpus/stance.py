"""Article stance toward a claim (``newsint.article_stance.v1``): agree, disagree, discuss or
unrelated.

Given a claim (a headline) and an article body, the FNC-1 question: does the article agree with
the claim, dispute it, merely discuss it, or not address it at all? Two stages, as the FNC-1
systems that did best on ``disagree`` do: gradient-boosted trees say whether the body is related
to the claim at all, then other trees say agree / disagree / discuss for the related ones.

The features of a (claim, body) pair (:data:`FEATURES`) are plain numbers: the claim's words and
word n-grams found in the body, its lede and its sentences (with IDF weights learnt on FNC-1
train), the sentence-embedding cosine of the claim with the body's sentences
(:mod:`newsint.nlp.embeddings`: best, top three, mean, lede, whole body), and counts of refuting,
hedging, confirming and negating words in the claim, the body, the lede and the sentences closest
to the claim. The weights (``models/stance/model.npz``: the trees as flat arrays, and the IDF
table) are evaluated here in numpy; scikit-learn is needed only to train them
(``scripts/train_stance.py``; see ``models/stance/MODEL_CARD.md``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from newsint.errors import ConfigError

VERSION = "newsint.article_stance.v1"
LABELS = ("agree", "disagree", "discuss", "unrelated")
STANCES = ("agree", "disagree", "discuss")  # the second stage's classes, in its order
MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "stance" / "model.npz"
#: Body sentences beyond this many are not read: FNC-1 bodies state their stance early, and a
#: cap bounds the embedding time of very long pages (the longest FNC-1 train body has ~400).
MAX_SENTENCES = 60
LEDE = 3  # sentences that make up the lede

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])|\s*\n\s*")
STOP = frozenset(
    "a about above after again against all am an and any are as at be because been before being "
    "below between both but by can did do does doing down during each few for from further had "
    "has have having he her here hers herself him himself his how i if in into is it its itself "
    "just me more most my myself now of off on once only or other our ours ourselves out over own "
    "same she should so some such than that the their theirs them themselves then there these "
    "they this those through to too under until up very was we were what when where which while "
    "who whom why will with you your yours yourself yourselves s t said says say also would "
    "one two new after".split()
)
#: Word lists in the manner of the FNC-1 baseline's refuting words, widened by hand; matched on
#: lowercased words (and a few two-word phrases).
CUES: dict[str, frozenset[str]] = {
    "refute": frozenset(
        "fake fakes faked fraud fraudulent hoax hoaxes false falsely deny denies denied denying "
        "denial refute refutes refuted debunk debunks debunked debunking bogus prank pranks "
        "retract retracts retracted retraction untrue myth satire satirical fabricated "
        "fabrication misleading baseless unfounded nonsense doctored photoshopped dismissed "
        "dismisses rejects rejected scam spoof parody erroneous incorrect wrong rumours_false "
        "not_true no_evidence made_up never_happened turned_out".split()
    ),
    "hedge": frozenset(
        "reportedly allegedly alleged alleges claim claims claimed claiming rumor rumors rumour "
        "rumours rumored rumoured unconfirmed unverified may might could possibly apparently "
        "appears appear purportedly purported suggest suggests suggested speculation "
        "speculated speculate supposedly believed uncertain unclear perhaps likely unlikely "
        "according_to if_true reports_say not_confirmed cannot_confirm could_not".split()
    ),
    "confirm": frozenset(
        "confirmed confirms confirm confirming officially announced announces verified "
        "indeed revealed proof proves proved true genuine authentic real actually "
        "has_been have_been".split()
    ),
    "negate": frozenset("not no never nor none nothing neither n't cannot without".split()),
}
CUE_NAMES = tuple(CUES)


def words(text: str) -> list[str]:
    """Lowercased words, "n't" split off as a word of its own."""
    out = []
    for w in _WORD.findall(text.lower().replace("’", "'")):
        if w.endswith("n't"):
            out += [w[:-3], "n't"]
        else:
            out.append(w.removesuffix("'s"))
    return out


def stem(word: str) -> str:
    """A crude stem: the first six characters (FNC-1 claims and bodies share names more than
    inflections, and truncation joins "denied"/"denies", "bomber"/"bombers")."""
    return word[:6]


def content_stems(ws: Sequence[str]) -> list[str]:
    return [stem(w) for w in ws if w not in STOP and len(w) > 1]


def sentences(text: str) -> list[str]:
    """The body cut at sentence ends and line breaks (no parser: fast and good enough here)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and len(s.strip()) > 1]


def cue_counts(ws: Sequence[str]) -> np.ndarray:
    """How many words of each cue list (in :data:`CUE_NAMES` order) the words contain."""
    grams = list(ws) + [f"{a}_{b}" for a, b in zip(ws, ws[1:], strict=False)]
    return np.array([sum(g in CUES[name] for g in grams) for name in CUE_NAMES], dtype=float)


def _ngrams(stems: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(stems[i : i + n]) for i in range(len(stems) - n + 1)}


@dataclass(frozen=True, slots=True)
class Body:
    """What the features need of one article body, computed once however many claims it meets."""

    sentences: tuple[str, ...]
    stems: tuple[tuple[str, ...], ...]  # content stems of each sentence
    all_stems: frozenset[str]
    counts: Counter[str]  # stem counts of the whole body
    bigrams: frozenset[tuple[str, ...]]
    trigrams: frozenset[tuple[str, ...]]
    cues: np.ndarray  # (sentences, cue lists)
    vectors: np.ndarray  # (sentences, 384) sentence embeddings, L2-normalised


def prepare_body(text: str, vectors: np.ndarray | None = None) -> Body:
    """Cut, count and embed a body (``vectors``: its sentences' embeddings, if already known)."""
    sents = tuple(sentences(text)[:MAX_SENTENCES]) or (text.strip() or ".",)
    ws = [words(s) for s in sents]
    stems = tuple(tuple(content_stems(w)) for w in ws)
    flat = [s for st in stems for s in st]
    bigrams: set[tuple[str, ...]] = set()
    trigrams: set[tuple[str, ...]] = set()
    for st in stems:
        bigrams |= _ngrams(st, 2)
        trigrams |= _ngrams(st, 3)
    if vectors is None:
        from newsint.nlp.embeddings import embed

        vectors = embed(list(sents))
    return Body(
        sentences=sents,
        stems=stems,
        all_stems=frozenset(flat),
        counts=Counter(flat),
        bigrams=frozenset(bigrams),
        trigrams=frozenset(trigrams),
        cues=np.array([cue_counts(w) for w in ws]),
        vectors=vectors,
    )


_REGIONS = ("claim", "body", "lede", "near")
FEATURES: tuple[str, ...] = (
    "claim_words",
    "body_sentences_log",
    "overlap",
    "overlap_idf",
    "jaccard",
    "lede_overlap",
    "best_sentence_overlap_idf",
    "bigram_overlap",
    "trigram_overlap",
    "tfidf_cosine",
    "names_overlap",
    "numbers_overlap",
    "cos_max",
    "cos_top3",
    "cos_mean",
    "cos_first",
    "cos_lede",
    "cos_body",
    "cos_best_position",
    "sentences_cos_over_half",
    "claim_question",
    "claim_quote",
    *(f"{region}_{cue}" for region in _REGIONS for cue in CUE_NAMES),
    *(f"near_minus_body_{cue}" for cue in CUE_NAMES),
)


def pair_features(
    claim: str, claim_vector: np.ndarray, body: Body, idf: dict[str, float]
) -> list[float]:
    """The :data:`FEATURES` of one (claim, body) pair."""
    ws = words(claim)
    cs = content_stems(ws)
    cset = set(cs)
    default_idf = max(idf.values(), default=1.0)

    def weight(s: str) -> float:
        return idf.get(s, default_idf)

    total_idf = sum(weight(s) for s in cset) or 1.0
    shared = cset & body.all_stems
    lede = set().union(*body.stems[:LEDE])
    sent_idf = [sum(weight(s) for s in cset & set(st)) / total_idf for st in body.stems]
    cb, ct = _ngrams(cs, 2), _ngrams(cs, 3)
    # TF-IDF cosine of the claim with the whole body.
    qv = {s: c * weight(s) for s, c in Counter(cs).items()}
    dot = sum(v * body.counts.get(s, 0) * weight(s) for s, v in qv.items())
    bnorm = math.sqrt(sum((c * weight(s)) ** 2 for s, c in body.counts.items())) or 1.0
    qnorm = math.sqrt(sum(v * v for v in qv.values())) or 1.0
    names = {stem(w.lower()) for w in re.findall(r"\b[A-Z][a-zA-Z]+", claim)[1:]} - STOP
    numbers = set(re.findall(r"\b\d[\d,.]*\b", claim))
    body_text_numbers = {n for st in body.sentences for n in re.findall(r"\b\d[\d,.]*\b", st)}

    cos = body.vectors @ claim_vector
    order = np.argsort(-cos)
    near = order[:3]
    n = len(body.sentences)
    centroid = body.vectors.mean(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
    lede_vec = body.vectors[:LEDE].mean(axis=0)
    lede_vec /= max(float(np.linalg.norm(lede_vec)), 1e-9)

    claim_cues = cue_counts(ws)
    body_cues = body.cues.sum(axis=0) / n
    lede_cues = body.cues[:LEDE].sum(axis=0)
    near_cues = body.cues[near].sum(axis=0)
    return [
        len(cs),
        math.log1p(n),
        len(shared) / max(len(cset), 1),
        sum(weight(s) for s in shared) / total_idf,
        len(shared) / max(len(cset | body.all_stems), 1),
        len(cset & lede) / max(len(cset), 1),
        max(sent_idf, default=0.0),
        len(cb & body.bigrams) / max(len(cb), 1),
        len(ct & body.trigrams) / max(len(ct), 1),
        dot / (bnorm * qnorm),
        len(names & body.all_stems) / max(len(names), 1) if names else -1.0,
        len(numbers & body_text_numbers) / len(numbers) if numbers else -1.0,
        float(cos[order[0]]),
        float(cos[near].mean()),
        float(cos.mean()),
        float(cos[0]),
        float(lede_vec @ claim_vector),
        float(centroid @ claim_vector),
        float(order[0]) / n,
        float((cos > 0.5).sum()),
        float("?" in claim),
        float(bool(re.search(r"['\"“‘]", claim))),
        *claim_cues,
        *body_cues,
        *lede_cues,
        *near_cues,
        *(near_cues / len(near) - body_cues),
    ]


LINEAR_FEATURES = ("linear_agree", "linear_disagree", "linear_discuss")
SEMANTIC_DIMS = 3 * 384


def semantic_inputs(claim_vector: np.ndarray, body: Body) -> np.ndarray:
    """The linear stance model's dense inputs: the mean embedding of the three sentences closest
    to the claim, the body's mean embedding, and the claim times the first (1,152 values)."""
    cos = body.vectors @ claim_vector
    near = body.vectors[np.argsort(-cos)[:3]].mean(axis=0)
    near /= max(float(np.linalg.norm(near)), 1e-9)
    centroid = body.vectors.mean(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
    return np.concatenate([near, centroid, claim_vector * near])


def bag(body: Body, vocab: dict[str, int], idf: np.ndarray) -> np.ndarray:
    """The body's stems as an L2-normalised TF-IDF vector over ``vocab`` (log counts)."""
    out = np.zeros(len(vocab))
    for s, c in body.counts.items():
        i = vocab.get(s)
        if i is not None:
            out[i] = (1.0 + math.log(c)) * idf[i]
    return out / max(float(np.linalg.norm(out)), 1e-9)


@dataclass(frozen=True, slots=True)
class Linear:
    """A multinomial logistic model of agree / disagree / discuss over the body's words and the
    :func:`semantic_inputs`; its probabilities are three features of the trees."""

    vocab: dict[str, int]
    idf: np.ndarray
    weights: np.ndarray  # (len(vocab) + SEMANTIC_DIMS, 3)
    bias: np.ndarray

    def probabilities(self, claim_vector: np.ndarray, body: Body) -> np.ndarray:
        z = np.concatenate([bag(body, self.vocab, self.idf), semantic_inputs(claim_vector, body)])
        return _softmax((z @ self.weights + self.bias)[None, :])[0]


ALL_FEATURES = FEATURES + LINEAR_FEATURES


# -- the model: gradient-boosted trees as flat arrays ------------------------------------------


@dataclass(frozen=True, slots=True)
class Trees:
    """Additive regression trees in one set of arrays; node ids are global, a leaf has
    ``feature == -1``. ``tree_class[t]`` is the output column tree ``t`` adds to."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    tree_class: np.ndarray
    init: np.ndarray  # the starting raw score of each output column
    rate: float
    depth: int

    def raw(self, x: np.ndarray) -> np.ndarray:
        out = np.tile(self.init, (len(x), 1)).astype(float)
        for start in range(0, len(x), 1024):
            chunk = x[start : start + 1024]
            rows = np.arange(len(chunk))[:, None]
            node = np.tile(self.roots, (len(chunk), 1))
            for _ in range(self.depth):
                feat = self.feature[node]
                leaf = feat < 0
                go_left = chunk[rows, np.where(leaf, 0, feat)] <= self.threshold[node]
                node = np.where(leaf, node, np.where(go_left, self.left[node], self.right[node]))
            values = self.value[node] * self.rate
            for k in range(len(self.init)):
                out[start : start + len(chunk), k] += values[:, self.tree_class == k].sum(axis=1)
        return out


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@dataclass(frozen=True, slots=True)
class StanceModel:
    related: Trees  # one column: log-odds that the body is related to the claim
    stance: Trees  # three columns: agree, disagree, discuss
    linear: Linear
    idf: dict[str, float]
    related_threshold: float
    stance_bias: np.ndarray  # added to the stance stage's log-probabilities (set by CV)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """(pairs, 4) probabilities in :data:`LABELS` order."""
        related = 1.0 / (1.0 + np.exp(-self.related.raw(x)[:, 0]))
        stance = _softmax(self.stance.raw(x))
        return np.column_stack([stance * related[:, None], 1.0 - related])

    def decide(self, x: np.ndarray) -> list[str]:
        """The label of each row of features."""
        if not len(x):
            return []
        related = 1.0 / (1.0 + np.exp(-self.related.raw(x)[:, 0]))
        stance = np.log(_softmax(self.stance.raw(x)) + 1e-12) + self.stance_bias
        best = stance.argmax(axis=1)
        return [
            STANCES[b] if r >= self.related_threshold else "unrelated"
            for r, b in zip(related, best, strict=True)
        ]


def _trees(data: dict[str, np.ndarray], prefix: str) -> Trees:
    return Trees(
        feature=data[f"{prefix}_feature"],
        threshold=data[f"{prefix}_threshold"],
        left=data[f"{prefix}_left"],
        right=data[f"{prefix}_right"],
        value=data[f"{prefix}_value"],
        roots=data[f"{prefix}_roots"],
        tree_class=data[f"{prefix}_tree_class"],
        init=data[f"{prefix}_init"],
        rate=float(data[f"{prefix}_rate"]),
        depth=int(data[f"{prefix}_depth"]),
    )


@cache
def load_model(path: Path = MODEL_PATH) -> StanceModel:
    if not path.exists():
        raise ConfigError(f"stance model {path} is missing; run scripts/train_stance.py")
    with np.load(path, allow_pickle=False) as npz:
        data = {k: npz[k] for k in npz.files}
    if tuple(str(f) for f in data["features"]) != ALL_FEATURES:
        raise ConfigError(f"{path} was trained on other features; run scripts/train_stance.py")
    return StanceModel(
        related=_trees(data, "related"),
        stance=_trees(data, "stance"),
        linear=Linear(
            vocab={str(w): i for i, w in enumerate(data["linear_vocab"])},
            idf=data["linear_idf"],
            weights=data["linear_weights"],
            bias=data["linear_bias"],
        ),
        idf=dict(
            zip((str(w) for w in data["idf_words"]), data["idf_values"].tolist(), strict=True)
        ),
        related_threshold=float(data["decision_threshold"]),
        stance_bias=data["stance_bias"],
    )


def features_for(
    pairs: Sequence[tuple[str, str]], model: StanceModel, *, bodies: dict[str, Body] | None = None
) -> np.ndarray:
    """The :data:`ALL_FEATURES` of (claim, body text) pairs; each distinct body is prepared once
    (``bodies`` keeps them across calls)."""
    from newsint.nlp.embeddings import embed

    bodies = {} if bodies is None else bodies
    claims = sorted({c for c, _ in pairs})
    claim_vectors = dict(zip(claims, embed(claims), strict=True)) if claims else {}
    rows = []
    for claim, text in pairs:
        if text not in bodies:
            bodies[text] = prepare_body(text)
        body, vector = bodies[text], claim_vectors[claim]
        rows.append(
            [
                *pair_features(claim, vector, body, model.idf),
                *model.linear.probabilities(vector, body),
            ]
        )
    return np.array(rows, dtype=float).reshape(len(rows), len(ALL_FEATURES))


def article_stances(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """The stance of each body toward its claim, in :data:`LABELS`: ``[(claim, body), ...]``."""
    pairs = list(pairs)
    model = load_model()
    return model.decide(features_for(pairs, model))
