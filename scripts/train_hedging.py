#!/usr/bin/env python
"""Learn the single-word hedge model of ``newsint.hedges.v1`` from the WikiWeasel dev split.

Usage:
    .venv/bin/python scripts/train_hedging.py [--data DEV.jsonl] [--folds 5] [--out MODEL.json]
        [--cv-predictions PRED.jsonl] [--cache PARSED.spacy]

1. Parse every sentence once with the shared spaCy pipeline (no NER); optionally cache the parses.
2. Candidates: tokens whose word or lemma was a gold cue token at least ``--min-count`` times in
   the training part, or is in the hand lexicon (``hedge.words``). Label: the token starts inside
   a gold cue span.
3. A logistic model (numpy, L2, full-batch Adam) over ``hedging.token_features``.
4. Cross-validation BY DOCUMENT (``doc`` field, documents sorted, fold = index % folds): each fold
   is predicted by a model that never saw its articles; the full benchmark prediction (hedge
   phrases + model tokens, exactly the runtime path) is written for every threshold on a grid
   and scored with ../shared/bench/hedging_eval.py. The threshold with the best cross-validated
   sentence F1 is kept.
5. The shipped model is trained on all of dev with that threshold and written to
   ``src/newsint/models/hedging/model.json`` with the cross-validated figures in it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, DocBin, Token

from newsint.bench.common import read_jsonl, scorer
from newsint.nlp import load_pipeline
from newsint.nlp.hedging import (
    MODEL_PATH,
    RULES,
    HedgeModel,
    benchmark_phrases,
    merge_hedges,
    token_features,
)
from newsint.nlp.stance import load_lexicon

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/data/hedging/wikiweasel.dev.jsonl"
THRESHOLDS = [round(x, 2) for x in np.arange(0.20, 0.71, 0.05)]


def parse(rows: list[dict], cache: Path | None) -> list[Doc]:
    nlp = load_pipeline()
    if cache and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(rows):
            return docs
    docs = []
    for n, doc in enumerate(nlp.pipe((r["text"] for r in rows), batch_size=256, disable=["ner"])):
        docs.append(doc)
        if n % 2000 == 0:
            print(f"parsed {n}/{len(rows)}", file=sys.stderr)
    if cache:
        DocBin(
            attrs=["ORTH", "TAG", "POS", "LEMMA", "DEP", "HEAD", "SENT_START"], docs=docs
        ).to_disk(cache)
    return docs


def gold_token_labels(doc: Doc, cues: list[dict]) -> list[bool]:
    return [any(c["start"] <= t.idx < c["end"] for c in cues) for t in doc]


def candidate_words(docs: Sequence[Doc], labels: Sequence[list[bool]], min_count: int) -> set[str]:
    """Words cue at least ``min_count`` times as a one-word cue, plus the hand hedge words.

    Words seen only inside multi-word cues ("is" in "little is known") are left to the
    lexicon's phrase patterns, so that every "is" does not become a candidate.
    """
    counts: Counter[str] = Counter()
    for doc, lab in zip(docs, labels, strict=True):
        for t, y in zip(doc, lab, strict=True):
            alone = not (t.i > 0 and lab[t.i - 1]) and not (t.i + 1 < len(doc) and lab[t.i + 1])
            if y and alone and t.is_alpha:
                counts[t.lemma_.lower()] += 1
                if t.lower_ != t.lemma_.lower():
                    counts[t.lower_] += 1
    return {w for w, c in counts.items() if c >= min_count} | set(load_lexicon().hedge_words)


def is_candidate(t: Token, cands: set[str]) -> bool:
    return t.lower_ in cands or t.lemma_.lower() in cands


class Logistic:
    """L2 logistic regression over sparse binary features, trained full-batch with Adam."""

    def __init__(self, l2: float = 1.0, iters: int = 400, lr: float = 0.1) -> None:
        self.l2, self.iters, self.lr = l2, iters, lr
        self.index: dict[str, int] = {}
        self.w = np.zeros(0)

    def _encode(self, rows: list[list[str]], grow: bool) -> tuple[np.ndarray, np.ndarray]:
        idx, ptr = [], [0]
        for feats in rows:
            for f in feats:
                j = self.index.get(f)
                if j is None and grow:
                    j = self.index[f] = len(self.index)
                if j is not None:
                    idx.append(j)
            ptr.append(len(idx))
        return np.asarray(idx, dtype=np.int64), np.asarray(ptr, dtype=np.int64)

    def fit(self, rows: list[list[str]], y: np.ndarray) -> Logistic:
        idx, ptr = self._encode(rows, grow=True)
        n, f = len(rows), len(self.index)
        lens = np.diff(ptr)
        w, m, v = np.zeros(f), np.zeros(f), np.zeros(f)
        b1, b2, eps = 0.9, 0.999, 1e-8
        for it in range(1, self.iters + 1):
            z = np.add.reduceat(w[idx], ptr[:-1]) if n else np.zeros(0)
            p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
            g_row = p - y
            grad = np.bincount(idx, weights=np.repeat(g_row, lens), minlength=f) / n
            grad += self.l2 * w / n
            m = b1 * m + (1 - b1) * grad
            v = b2 * v + (1 - b2) * grad * grad
            w -= self.lr * (m / (1 - b1**it)) / (np.sqrt(v / (1 - b2**it)) + eps)
        self.w = w
        return self

    def weights(self, min_abs: float = 1e-3) -> dict[str, float]:
        return {
            f: round(float(self.w[j]), 4)
            for f, j in self.index.items()
            if abs(self.w[j]) >= min_abs
        }


def candidate_rows(
    docs: Sequence[Doc], labels: Sequence[list[bool]], cands: set[str]
) -> tuple[list[tuple[int, int]], list[list[str]], np.ndarray]:
    where, rows, ys = [], [], []
    for k, (doc, lab) in enumerate(zip(docs, labels, strict=True)):
        for t in doc:
            if is_candidate(t, cands):
                where.append((k, t.i))
                rows.append(token_features(doc, t.i))
                ys.append(float(lab[t.i]))
    return where, rows, np.asarray(ys)


def score(gold: Path, preds: list[dict]) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        for p in preds:
            fh.write(json.dumps(p) + "\n")
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        pass
    subprocess.run(
        [sys.executable, str(scorer("hedging_eval.py")), str(gold), fh.name, "--json", out.name],
        check=True,
        capture_output=True,
    )
    result: dict[str, float] = json.loads(Path(out.name).read_text())
    Path(fh.name).unlink()
    Path(out.name).unlink()
    return result


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--iters", type=int, default=400)
    ap.add_argument("--min-weight", type=float, default=0.01, help="prune smaller weights")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--cv-predictions", type=Path, help="write the best CV predictions here")
    ap.add_argument("--cache", type=Path, help="cache the spaCy parses in this DocBin file")
    ap.add_argument("--no-ship", action="store_true", help="cross-validate only")
    a = ap.parse_args(argv)

    rows = list(read_jsonl(a.data))
    docs = parse(rows, a.cache)
    labels = [gold_token_labels(d, r["cues"]) for d, r in zip(docs, rows, strict=True)]
    phrases = [benchmark_phrases(d) for d in docs]
    articles = sorted({r["doc"] for r in rows})
    fold_of = {doc_id: i % a.folds for i, doc_id in enumerate(articles)}
    folds = np.asarray([fold_of[r["doc"]] for r in rows])

    # cross-validation: probabilities of every held-out candidate
    probs: list[dict[int, float]] = [{} for _ in rows]
    for k in range(a.folds):
        train = [i for i in range(len(rows)) if folds[i] != k]
        test = [i for i in range(len(rows)) if folds[i] == k]
        cands = candidate_words([docs[i] for i in train], [labels[i] for i in train], a.min_count)
        _, x, y = candidate_rows([docs[i] for i in train], [labels[i] for i in train], cands)
        model = Logistic(l2=a.l2, iters=a.iters).fit(x, y)
        hm = HedgeModel(frozenset(cands), model.weights(min_abs=a.min_weight), threshold=0.5)
        for i in test:
            for t in docs[i]:
                if hm.is_candidate(t):
                    probs[i][t.i] = hm.probability(docs[i], t.i)
        print(f"fold {k}: {len(x)} candidates, {len(model.index)} features", file=sys.stderr)

    def preds_at(thr: float) -> list[dict]:
        out = []
        for r, d, ph, pr in zip(rows, docs, phrases, probs, strict=True):
            spans = merge_hedges(d, ph, (i for i, p in pr.items() if p >= thr))
            cues = [{"start": s, "end": e} for s, e in spans]
            out.append({"id": r["id"], "label": "uncertain" if cues else "certain", "cues": cues})
        return out

    grid = {thr: score(a.data, preds_at(thr)) for thr in THRESHOLDS}
    for thr, res in grid.items():
        print(
            f"CV thr={thr:.2f} sentence P {res['sentence_P']:.4f} R {res['sentence_R']:.4f} "
            f"F1 {res['sentence_F1']:.4f} cue F1 {res['cue_F1']:.4f}"
        )
    best = max(grid, key=lambda t: grid[t]["sentence_F1"])
    cv = {k: round(v, 4) for k, v in grid[best].items() if isinstance(v, float)}
    print(f"best threshold {best}: {cv}")
    if a.cv_predictions:
        a.cv_predictions.parent.mkdir(parents=True, exist_ok=True)
        a.cv_predictions.write_text("".join(json.dumps(p) + "\n" for p in preds_at(best)))
    if a.no_ship:
        return

    cands = candidate_words(docs, labels, a.min_count)
    _, x, y = candidate_rows(docs, labels, cands)
    model = Logistic(l2=a.l2, iters=a.iters).fit(x, y)
    weights = model.weights(min_abs=a.min_weight)
    a.out.write_text(
        json.dumps(
            {
                "name": RULES,
                "about": "Logistic hedge-candidate model; features: newsint.nlp.hedging."
                "token_features. See MODEL_CARD.md.",
                "trained_on": "WikiWeasel (Szeged Uncertainty Corpus) dev split, all "
                f"{len(rows)} sentences of {len(articles)} articles",
                "threshold": best,
                "hyperparameters": {
                    "l2": a.l2,
                    "iters": a.iters,
                    "min_count": a.min_count,
                    "min_weight": a.min_weight,
                },
                "cross_validation": {"folds": a.folds, "by": "article", **cv},
                "candidates": sorted(cands),
                "weights": dict(sorted(weights.items())),
            },
            indent=0,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {a.out}: {len(cands)} candidate words, {len(weights)} weights", file=sys.stderr)


if __name__ == "__main__":
    main()
