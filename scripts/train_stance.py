"""Train newsint.article_stance.v1 (FNC-1 stance of an article toward a claim).

    python scripts/train_stance.py [--cv-only] [--folds 5] [--cache FILE]

Reads ../shared/data/stance/ (FNC-1 train) and keeps only the TRAINING part of the
body-disjoint split of ``newsint.bench.stance.dev_bodies`` (1,346 bodies, 40,521 pairs); the
337 development bodies are never read, so ``newsint bench stance`` on them is a held-out figure.

Features: ``newsint.corpus.stance.pair_features`` (IDF learnt on the training bodies, sentence
embeddings from ``newsint.nlp.embeddings``, cached in ``--cache`` because embedding ~25,000
sentences takes minutes). Two scikit-learn ``HistGradientBoostingClassifier`` stages: related vs
unrelated on every pair, then agree / disagree / discuss on the related pairs (class weights
below). The decision threshold of the first stage and a bias toward ``disagree`` in the second
are chosen on out-of-fold predictions of a GroupKFold by body (``--folds``), for the mean of the
FNC score and macro-F1. Then both stages are fitted on all training pairs and their trees are
written as flat arrays (with the IDF table) to src/newsint/models/stance/model.npz, which
``newsint.corpus.stance`` evaluates in numpy; the script checks that numpy and scikit-learn
agree on the training pairs.
"""

from __future__ import annotations

import argparse
import math
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from newsint.bench.stance import fnc_split
from newsint.corpus import stance
from newsint.nlp.embeddings import embed

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsint" / "models" / "stance" / "model.npz"
#: Booster settings, compared by the CV below (see the model card for the runs).
RELATED = {"max_iter": 300, "learning_rate": 0.1, "max_leaf_nodes": 31, "l2_regularization": 1.0}
STANCE = {"max_iter": 300, "learning_rate": 0.05, "max_leaf_nodes": 31, "l2_regularization": 1.0}
#: Class weights of the stance stage (agree, disagree, discuss): disagree is 1.7% of the pairs.
STANCE_WEIGHTS = (2.0, 6.0, 1.0)
MIN_DF = 2  # IDF table: stems in at least this many training bodies
#: The linear stance model: its vocabulary (the most common stems of the training bodies, in at
#: least LINEAR_MIN_DF of them) and its L2 strength.
LINEAR_VOCAB = 5000
LINEAR_MIN_DF = 5
LINEAR_C = 2.0
SEED = 16


def idf_table(bodies: dict[str, str]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for text in bodies.values():
        df.update(set(stance.content_stems(stance.words(text))))
    n = len(bodies)
    return {s: math.log((n + 1) / (c + 1)) + 1.0 for s, c in df.items() if c >= MIN_DF}


def embeddings(texts: list[str], cache: Path) -> dict[str, np.ndarray]:
    known: dict[str, np.ndarray] = {}
    if cache.exists():
        with np.load(cache, allow_pickle=False) as npz:
            known = dict(zip((str(t) for t in npz["texts"]), npz["vectors"], strict=True))
    todo = sorted(set(texts) - known.keys())
    if todo:
        print(f"embedding {len(todo)} texts", flush=True)
        start = time.time()
        for i in range(0, len(todo), 512):
            chunk = todo[i : i + 512]
            known.update(zip(chunk, embed(chunk), strict=True))
            print(f"  {i + len(chunk)} in {time.time() - start:.0f}s", flush=True)
        np.savez(cache, texts=np.array(list(known)), vectors=np.stack(list(known.values())))
    return known


def features(pairs, bodies, idf, vectors):
    """The trees' own features of every pair, the linear model's dense inputs of every pair,
    and the prepared bodies."""
    prepared = {}
    for b, text in bodies.items():
        sents = stance.sentences(text)[: stance.MAX_SENTENCES] or [text.strip() or "."]
        prepared[b] = stance.prepare_body(text, np.stack([vectors[s] for s in sents]))
    rows = [stance.pair_features(h, vectors[h], prepared[b], idf) for h, b, _ in pairs]
    sem = np.stack([stance.semantic_inputs(vectors[h], prepared[b]) for h, b, _ in pairs]).astype(
        np.float32
    )
    return np.array(rows, dtype=float), sem, prepared


def linear_vocab(prepared, idf) -> tuple[dict[str, int], np.ndarray]:
    df: Counter[str] = Counter()
    for body in prepared.values():
        df.update(body.all_stems)
    common = [s for s, c in df.most_common(LINEAR_VOCAB) if c >= LINEAR_MIN_DF]
    words = sorted(common)
    return {w: i for i, w in enumerate(words)}, np.array([idf[w] for w in words])


def linear_fit(z: np.ndarray, y: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=LINEAR_C, max_iter=2000, class_weight="balanced").fit(z, y)


def linear_oof(bags, body_index, sem, y, folds_of):
    """Out-of-fold linear probabilities of every pair (the trees learn from these)."""
    out = np.zeros((len(y), 3))
    related = np.array([lab != "unrelated" for lab in y])
    sy = np.array([stance.STANCES.index(lab) if lab in stance.STANCES else -1 for lab in y])
    for tr, te in folds_of:
        tr = tr[related[tr]]
        lin = linear_fit(np.hstack([bags[body_index[tr]], sem[tr]]), sy[tr])
        out[te] = lin.predict_proba(np.hstack([bags[body_index[te]], sem[te]]))
    return out


def scores(gold: list[str], pred: list[str]) -> dict[str, float]:
    """The figures of ../shared/bench/stance_eval.py: FNC score (relative), macro-F1, per class."""
    got = best = 0.0
    for g, p in zip(gold, pred, strict=True):
        best += 0.25 + (0.75 if g != "unrelated" else 0.0)
        if (g == "unrelated") == (p == "unrelated"):
            got += 0.25 + (0.75 if g != "unrelated" and g == p else 0.0)
    out = {"fnc": got / best}
    for lab in stance.LABELS:
        tp = sum(g == p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(p == lab != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab != p for g, p in zip(gold, pred, strict=True))
        out[lab] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    out["macro"] = sum(out[lab] for lab in stance.LABELS) / 4
    return out


def fit(x: np.ndarray, y: list[str]):
    related_y = np.array([lab != "unrelated" for lab in y], dtype=int)
    rel = HistGradientBoostingClassifier(random_state=SEED, **RELATED).fit(x, related_y)
    mask = related_y == 1
    sy = np.array([stance.STANCES.index(lab) for lab, m in zip(y, mask, strict=True) if m])
    weights = np.array(STANCE_WEIGHTS)[sy]
    st = HistGradientBoostingClassifier(random_state=SEED, **STANCE).fit(
        x[mask], sy, sample_weight=weights
    )
    return rel, st


def decide(p_related, p_stance, threshold, bias) -> list[str]:
    z = np.log(p_stance + 1e-12) + bias
    return [
        stance.STANCES[b] if r >= threshold else "unrelated"
        for r, b in zip(p_related, z.argmax(axis=1), strict=True)
    ]


def _linear_alone(x, lin) -> list[str]:
    """The linear model's stance where the body shares half the claim's IDF weight (a yardstick)."""
    overlap = x[:, stance.FEATURES.index("overlap_idf")]
    return [
        stance.STANCES[int(p.argmax())] if o >= 0.5 else "unrelated"
        for o, p in zip(overlap, lin, strict=True)
    ]


def cross_validate(x, y, folds_of):
    p_rel = np.zeros(len(y))
    p_st = np.zeros((len(y), 3))
    folds = len(folds_of)
    for k, (tr, te) in enumerate(folds_of):
        rel, st = fit(x[tr], [y[i] for i in tr])
        p_rel[te] = rel.predict_proba(x[te])[:, 1]
        p_st[te] = st.predict_proba(x[te])
        print(f"  fold {k + 1}/{folds}", flush=True)
    best = None
    for threshold in (0.3, 0.4, 0.5, 0.6):
        for dis in (0.0, 0.5, 1.0, 1.5, 2.0):
            for agr in (-0.5, 0.0, 0.5):
                bias = np.array([agr, dis, 0.0])
                s = scores(y, decide(p_rel, p_st, threshold, bias))
                key = (s["fnc"] + s["macro"]) / 2
                if best is None or key > best[0]:
                    best = (key, threshold, bias, s)
    assert best is not None
    base = scores(y, decide(p_rel, p_st, 0.5, np.zeros(3)))
    print("CV (threshold .5, no bias): " + _fmt(base))
    print(f"CV chosen threshold {best[1]} bias {best[2].tolist()}: " + _fmt(best[3]))
    return best[1], best[2]


def _fmt(s: dict[str, float]) -> str:
    return " ".join(f"{k}={v:.4f}" for k, v in s.items())


def export(prefix: str, clf: HistGradientBoostingClassifier) -> dict[str, np.ndarray]:
    feature, threshold, left, right, value, roots, tree_class = [], [], [], [], [], [], []
    offset, depth = 0, 0
    for iteration in clf._predictors:
        for k, predictor in enumerate(iteration):
            nodes = predictor.nodes
            leaf = nodes["is_leaf"].astype(bool)
            feature.append(np.where(leaf, -1, nodes["feature_idx"]).astype(np.int32))
            threshold.append(nodes["num_threshold"])
            left.append((nodes["left"].astype(np.int64) + offset).astype(np.int32))
            right.append((nodes["right"].astype(np.int64) + offset).astype(np.int32))
            value.append(nodes["value"])
            roots.append(offset)
            tree_class.append(k)
            depth = max(depth, int(nodes["depth"].max()))
            offset += len(nodes)
    return {
        f"{prefix}_feature": np.concatenate(feature),
        f"{prefix}_threshold": np.concatenate(threshold),
        f"{prefix}_left": np.concatenate(left),
        f"{prefix}_right": np.concatenate(right),
        f"{prefix}_value": np.concatenate(value),
        f"{prefix}_roots": np.array(roots, dtype=np.int32),
        f"{prefix}_tree_class": np.array(tree_class, dtype=np.int32),
        f"{prefix}_init": np.asarray(clf._baseline_prediction, dtype=float).ravel(),
        f"{prefix}_rate": np.array(1.0),  # the leaves already carry the learning rate
        f"{prefix}_depth": np.array(depth),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsint-stance-emb.npz"
    )
    args = parser.parse_args()
    pairs, bodies = fnc_split("train")
    print(f"training part: {len(bodies)} bodies, {len(pairs)} pairs", flush=True)
    idf = idf_table(bodies)
    sents = [
        s
        for text in bodies.values()
        for s in stance.sentences(text)[: stance.MAX_SENTENCES] or [text.strip() or "."]
    ]
    vectors = embeddings(sents + [h for h, _, _ in pairs], args.cache)
    start = time.time()
    x, sem, prepared = features(pairs, bodies, idf, vectors)
    y = [lab for _, _, lab in pairs]
    groups = [b for _, b, _ in pairs]
    vocab, vocab_idf = linear_vocab(prepared, idf)
    ids = sorted(prepared)
    bags = np.stack([stance.bag(prepared[b], vocab, vocab_idf) for b in ids]).astype(np.float32)
    body_index = np.array([ids.index(b) for b in groups])
    print(f"features {x.shape} + {sem.shape} in {time.time() - start:.0f}s", flush=True)
    folds_of = list(GroupKFold(n_splits=args.folds).split(x, y, groups))
    lin = linear_oof(bags, body_index, sem, y, folds_of)
    print("linear alone (CV): " + _fmt(scores(y, _linear_alone(x, lin))), flush=True)
    x = np.hstack([x, lin])
    threshold, bias = cross_validate(x, y, folds_of)
    if args.cv_only:
        return
    rel, st = fit(x, y)
    related = [i for i, lab in enumerate(y) if lab != "unrelated"]
    final_linear = linear_fit(
        np.hstack([bags[body_index[related]], sem[related]]),
        np.array([stance.STANCES.index(y[i]) for i in related]),
    )
    arrays = {**export("related", rel), **export("stance", st)}
    words = sorted(idf)
    arrays.update(
        features=np.array(stance.ALL_FEATURES),
        idf_words=np.array(words),
        idf_values=np.array([idf[w] for w in words]),
        linear_vocab=np.array(sorted(vocab, key=vocab.__getitem__)),
        linear_idf=vocab_idf,
        linear_weights=final_linear.coef_.T.astype(np.float64),
        linear_bias=final_linear.intercept_.astype(np.float64),
        decision_threshold=np.array(threshold),
        stance_bias=bias,
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT, **arrays)
    stance.load_model.cache_clear()
    model = stance.load_model(OUT)
    ours = model.related.raw(x)[:, 0]
    theirs = rel._raw_predict(x)[:, 0]
    assert np.allclose(ours, theirs, atol=1e-6), "numpy and scikit-learn disagree (related)"
    assert np.allclose(model.stance.raw(x), st._raw_predict(x), atol=1e-6), "stance differs"
    i = related[0]
    ours_lin = model.linear.probabilities(vectors[pairs[i][0]], prepared[pairs[i][1]])
    theirs_lin = final_linear.predict_proba(np.hstack([bags[body_index[[i]]], sem[[i]]]))[0]
    assert np.allclose(ours_lin, theirs_lin, atol=1e-4), "linear model differs"
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
