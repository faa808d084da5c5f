"""The same claim in different words across articles, by meaning or by words.

``newsint.claim-cluster.minilm.v1`` (used): two claims of different documents are the same
claim when the cosine of their sentence vectors (the int8 MiniLM, :mod:`newsint.corpus.meaning`,
stored with each claim when its document is analysed) reaches :data:`MEANING_THRESHOLD`, chosen
by leave-one-out cross-validation on the hand-labelled pairs of
``tests/corpus/claim_pairs.jsonl`` (:func:`cross_validate`; ``newsint bench corpus`` prints it).

``newsint.claim-cluster.tfidf.v1`` (the fallback, and the republications' claim matching): a
claim becomes a bag of content words (stop words out, crude suffix stemming, a few news
synonyms folded: "Iranian"/"Tehran" → "iran", "Islamic State" → "isis"), weighted by TF-IDF
over every claim in the corpus and compared by cosine, with enough words in common.

Inside a document the pipeline's own ``same_as`` links are kept. Links are applied strongest
first, and join two clusters only when the mean similarity over all their pairs of claims is
still high enough (average linkage as a brake on single-link chaining).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsint.corpus import separation
from newsint.corpus.separation import Span

METHOD = "newsint.claim-cluster.tfidf.v1"

#: Cosine similarity from which two claims of different documents are the same claim. Chosen on
#: tests/corpus/claim_pairs.jsonl (the only labelled set; see docs/corpus.md): the highest
#: threshold that keeps recall of the paraphrase pairs, since a false merge inflates the
#: independent-source count of a cluster and a missed one only splits it.
THRESHOLD = 0.30

#: Two claims must also share this many distinct content words, and at least
#: :data:`MIN_SHARED_FRACTION` of the shorter claim's: cosine alone links short claims that
#: share one rare word ("to release millions in cash" / "to release his own returns soon").
MIN_SHARED = 3
MIN_SHARED_FRACTION = 0.5

#: Two clusters joined by a link must also have this mean cosine over all their pairs of
#: claims (average linkage as a brake on single-link chaining across a news cycle).
MEAN_MIN = 0.15

#: By meaning (``newsint.claim-cluster.minilm.v1``): the cosine of two claims' sentence vectors
#: (:mod:`newsint.corpus.meaning`) from which they are the same claim, chosen by leave-one-out
#: cross-validation on tests/corpus/claim_pairs.jsonl (:func:`cross_validate`, docs/corpus.md),
#: and the mean cosine two clusters need to be joined: the same (average linkage at the cut of
#: a pair; lower, a story's lede chained its background sentences and their sources in).
MEANING_METHOD = "newsint.claim-cluster.minilm.v1"
MEANING_THRESHOLD = 0.60
MEANING_MEAN_MIN = 0.55

#: By meaning, the pipeline's restatement link (``same_as``) between two claims of one article
#: is kept only when their sentence vectors are at least this alike: below it the "restatement"
#: is a background sentence grouped with the lede ("it wasn't clear whether the meteorite was
#: buried" with "residents heard a boom", .09), whose sources are not the claim's. Restatements
#: of the fixture corpus score .57 and more, those of the same-story corpus .31 and more; the
#: three background sentences it grouped, .09-.24 (chosen on that corpus: in-sample).
RESTATEMENT_MIN = 0.25

_STOP = set(
    """a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into is
    it its itself just let me more most my myself no nor not now of off on once only or other our
    ours ourselves out over own said same say says she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours told
    according noted added one two s t don't didn't won't can't it's they're we're i'm""".split()
)
_SYNONYMS = [
    (re.compile(r"\bislamic state\b|\bisil\b|\bdaesh\b"), "isis"),
    (re.compile(r"\biranians?\b|\btehran\b|\biran's\b"), "iran"),
    (re.compile(r"\biraqis?\b|\bbaghdad\b|\biraq's\b"), "iraq"),
    (re.compile(r"\bu\.s\.a?\.?|\bunited states\b|\bamerican\b|\bwashington\b"), "usa"),
    (re.compile(r"\benlist\w*|\brecruit\w*"), "recruit"),
    (re.compile(r"\bmilitants?\b|\bfighters?\b|\bveterans?\b"), "fighter"),
]
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    """The content words of a text, normalised for comparison."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    for pattern, replacement in _SYNONYMS:
        text = pattern.sub(replacement, text)
    return [_stem(w) for w in _WORD.findall(text) if w not in _STOP and len(w) > 1]


def _stem(word: str) -> str:
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + keep
    return word


@dataclass(slots=True)
class Vectors:
    """Unit-length TF-IDF vectors of a list of texts, and an inverted index over them."""

    vectors: list[dict[str, float]]
    postings: dict[str, list[int]]

    def same_claim(self, i: int, j: int, score: float, threshold: float) -> bool:
        """The decision: cosine at ``threshold`` or more, and enough words in common."""
        a, b = self.vectors[i], self.vectors[j]
        shared = sum(1 for w in a if w in b)
        return (
            score >= threshold
            and shared >= MIN_SHARED
            and shared >= MIN_SHARED_FRACTION * min(len(a), len(b))
        )

    @classmethod
    def of(cls, texts: Sequence[str]) -> Vectors:
        bags = [Counter(words(t)) for t in texts]
        df = Counter(w for bag in bags for w in bag)
        n = len(bags)
        vectors = []
        postings: dict[str, list[int]] = defaultdict(list)
        for i, bag in enumerate(bags):
            weights = {
                w: (1 + math.log(c)) * (math.log((n + 1) / (df[w] + 1)) + 1) for w, c in bag.items()
            }
            norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
            vectors.append({w: v / norm for w, v in weights.items()})
            for w in weights:
                postings[w].append(i)
        return cls(vectors, dict(postings))

    def similarity(self, i: int, j: int) -> float:
        a, b = self.vectors[i], self.vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(w, 0.0) for w, v in a.items())

    def neighbours(self, i: int, *, threshold: float) -> dict[int, float]:
        """Every other text whose cosine with text ``i`` reaches ``threshold``."""
        scores: dict[int, float] = defaultdict(float)
        for w, v in self.vectors[i].items():
            for j in self.postings[w]:
                if j != i:
                    scores[j] += v * self.vectors[j][w]
        return {j: s for j, s in scores.items() if s >= threshold}


def similarity(a: str, b: str, *, corpus: Sequence[str] = ()) -> float:
    """Cosine of two texts, with IDF taken over ``corpus`` (plus the two texts)."""
    vectors = Vectors.of([a, b, *corpus])
    return vectors.similarity(0, 1)


Key = tuple[str, str]  # (document sha256, claim id)
Edge = tuple[float, int, int]


class _Lexical:
    """TF-IDF cosine plus shared words (:data:`THRESHOLD`, :data:`MEAN_MIN`)."""

    method = METHOD
    mean_min = MEAN_MIN

    def __init__(self, texts: Sequence[str], threshold: float) -> None:
        self.vectors = Vectors.of(texts)
        self.threshold = threshold

    def edges(self, docs: Sequence[str]) -> list[Edge]:
        v, t = self.vectors, self.threshold
        return [
            (score, i, j)
            for i in range(len(docs))
            for j, score in v.neighbours(i, threshold=t).items()
            if i < j and docs[j] != docs[i] and v.same_claim(i, j, score, t)
        ]

    def mean(self, a: list[int], b: list[int]) -> float:
        return _mean_similarity(self.vectors, a, b)

    def restates(self, i: int, j: int) -> bool:
        return True  # the pipeline's own link, kept as it is


class _Meaning:
    """Cosine of the claims' sentence vectors (:data:`MEANING_THRESHOLD`,
    :data:`MEANING_MEAN_MIN`); the mean over two groups' pairs is the dot product of their sums
    over the product of their sizes."""

    method = MEANING_METHOD
    mean_min = MEANING_MEAN_MIN

    def __init__(self, vectors: np.ndarray, threshold: float) -> None:
        self.vectors = vectors
        self.threshold = threshold

    def edges(self, docs: Sequence[str]) -> list[Edge]:
        found: list[Edge] = []
        doc_ids = np.unique(np.asarray(docs), return_inverse=True)[1]
        for start in range(0, len(docs), _BLOCK):
            scores = self.vectors[start : start + _BLOCK] @ self.vectors.T
            rows, cols = np.nonzero(scores >= self.threshold)
            for r, j in zip(rows.tolist(), cols.tolist(), strict=True):
                i = start + r
                if i < j and doc_ids[i] != doc_ids[j]:
                    found.append((round(float(scores[r, j]), 6), i, j))
        return found

    def mean(self, a: list[int], b: list[int]) -> float:
        sa, sb = self.vectors[a].sum(axis=0), self.vectors[b].sum(axis=0)
        return float(sa @ sb) / (len(a) * len(b))

    def restates(self, i: int, j: int) -> bool:
        """Whether the pipeline's restatement link between two claims of one article holds by
        meaning (:data:`RESTATEMENT_MIN`)."""
        return float(self.vectors[i] @ self.vectors[j]) >= RESTATEMENT_MIN


#: Claims compared at once by :class:`_Meaning` (a block of rows against all claims).
_BLOCK = 512


def cluster(
    claims: Sequence[tuple[Key, str, str | None]],
    *,
    threshold: float | None = None,
    vectors: np.ndarray | None = None,
    stories: Sequence[Span] | None = None,
) -> tuple[list[list[Key]], dict[Key, str]]:
    """Cluster ``(key, text, same_as)`` claims; return the clusters (members in input order)
    and, per claim, the evidence that put it in its cluster. With ``vectors`` (one unit row per
    claim) claims are compared by meaning, else by words. ``stories`` (one span per claim: its
    day and sources) keeps two clusters apart whatever their similarity when they are two
    stories on one subject (:mod:`newsint.corpus.separation`)."""
    keys = [k for k, _, _ in claims]
    index = {k: i for i, k in enumerate(keys)}
    parent = list(range(len(keys)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    similar: _Lexical | _Meaning
    if vectors is not None:
        similar = _Meaning(vectors, MEANING_THRESHOLD if threshold is None else threshold)
    else:
        similar = _Lexical([t for _, t, _ in claims], THRESHOLD if threshold is None else threshold)
    evidence: dict[Key, str] = {}
    best: dict[int, tuple[float, int]] = {}
    for i, ((doc, _), _, same_as) in enumerate(claims):
        if same_as and (doc, same_as) in index:
            j = index[(doc, same_as)]
            if similar.restates(i, j):
                union(i, j)
                evidence[keys[i]] = f"restates {same_as} in the same article"
    # strongest links first; a link joins two clusters only when, on average, their claims are
    # still alike: single links alone chain a news cycle's claims into one cluster
    members: dict[int, list[int]] = defaultdict(list)
    spans: dict[int, Span] = {}
    for i in range(len(keys)):
        members[find(i)].append(i)
        if stories is not None:
            root = find(i)
            spans[root] = spans[root].join(stories[i]) if root in spans else stories[i]
    edges = sorted(similar.edges([d for d, _ in keys]), key=lambda e: (-e[0], e[1], e[2]))
    for score, i, j in edges:
        a, b = find(i), find(j)
        if a == b or (spans and separation.apart(spans[a], spans[b])):
            continue
        if similar.mean(members[a], members[b]) < similar.mean_min:
            continue
        merged = members.pop(a) + members.pop(b)
        joined = spans.pop(a).join(spans.pop(b)) if spans else None
        union(a, b)
        members[find(a)] = merged
        if joined is not None:
            spans[find(a)] = joined
        for k, other in ((i, j), (j, i)):
            if score > best.get(k, (0.0, -1))[0]:
                best[k] = (score, other)
    for i, (score, j) in best.items():
        doc, cid = keys[j]
        evidence.setdefault(
            keys[i], f"similarity {score:.2f} with {cid} of {doc[:12]} ({similar.method})"
        )
    groups: dict[int, list[Key]] = defaultdict(list)
    for i, key in enumerate(keys):
        groups[find(i)].append(key)
        evidence.setdefault(key, "no other claim says the same")
    return [groups[root] for root in sorted(groups)], evidence


def _mean_similarity(vectors: Vectors, a: list[int], b: list[int]) -> float:
    total = sum(vectors.similarity(i, j) for i in a for j in b)
    return total / (len(a) * len(b))


@dataclass(frozen=True, slots=True)
class PairScore:
    precision: float
    recall: float
    f1: float
    pairs: int
    threshold: float


def score_pairs(
    pairs: Sequence[tuple[str, str, bool]], *, threshold: float = THRESHOLD
) -> PairScore:
    """Precision and recall of "same claim" decisions on labelled ``(a, b, same)`` pairs, IDF
    taken over every text of the set (a stand-in for the corpus the claims come from)."""
    texts = sorted({t for a, b, _ in pairs for t in (a, b)})
    vectors = Vectors.of(texts)
    at = {t: i for i, t in enumerate(texts)}
    tp = fp = fn = 0
    for a, b, same in pairs:
        i, j = at[a], at[b]
        predicted = vectors.same_claim(i, j, vectors.similarity(i, j), threshold)
        tp += predicted and same
        fp += predicted and not same
        fn += (not predicted) and same
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScore(precision, recall, f1, len(pairs), threshold)


def meaning_similarities(pairs: Sequence[tuple[str, str, bool]]) -> list[float]:
    """The cosine of each pair's sentence vectors (the shipped MiniLM)."""
    from newsint.corpus.meaning import embed_texts

    texts = sorted({t for a, b, _ in pairs for t in (a, b)})
    vectors = embed_texts(texts)
    at = {t: i for i, t in enumerate(texts)}
    return [round(float(vectors[at[a]] @ vectors[at[b]]), 6) for a, b, _ in pairs]


def score_decisions(
    decisions: Sequence[bool], labels: Sequence[bool], threshold: float
) -> PairScore:
    tp = sum(p and y for p, y in zip(decisions, labels, strict=True))
    fp = sum(p and not y for p, y in zip(decisions, labels, strict=True))
    fn = sum(y and not p for p, y in zip(decisions, labels, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScore(precision, recall, f1, len(labels), threshold)


#: Thresholds tried (hundredths), and the half-width of the window over which F1 is averaged:
#: a threshold in a wide plateau of good F1, not in the gap between two close scores.
GRID = range(30, 91)
WINDOW = 2


def best_threshold(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """The threshold of best F1 on ``(score, same)`` pairs, F1 averaged over the thresholds
    :data:`WINDOW` hundredths either side (ties: the lower threshold)."""

    def f1(t: int) -> float:
        return score_decisions([s >= t / 100 for s in scores], labels, t / 100).f1

    at = {t: f1(t) for t in range(GRID.start - WINDOW, GRID.stop + WINDOW)}
    smooth = {t: sum(at[t + d] for d in range(-WINDOW, WINDOW + 1)) for t in GRID}
    return max(GRID, key=lambda t: (round(smooth[t], 9), -t)) / 100


def cross_validate(
    scores: Sequence[float], labels: Sequence[bool]
) -> tuple[PairScore, list[float]]:
    """Leave-one-out: each pair decided by the threshold chosen on all the others; the pooled
    P/R/F1 and the thresholds chosen."""
    decisions, chosen = [], []
    for k in range(len(scores)):
        rest = [s for i, s in enumerate(scores) if i != k]
        t = best_threshold(rest, [y for i, y in enumerate(labels) if i != k])
        chosen.append(t)
        decisions.append(scores[k] >= t)
    return score_decisions(decisions, labels, best_threshold(scores, labels)), chosen
