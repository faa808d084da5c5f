"""Train newsint.checkworthy.v1 on CheckThat! 2024 English train (ClaimBuster), numpy only.

    python scripts/train_checkworthy.py [--data ../shared/data/checkworthy] [--out PATH]

TF-IDF over word 1–2-grams seen in at least MIN_DF training sentences, class-balanced logistic
regression with L2, full-batch gradient descent (deterministic: no sampling). The threshold is
0.5 (not tuned on dev). Prints dev F1 for reference; dev is never used for fitting.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path

import numpy as np

from newsint.nlp.checkworthy import MODEL_PATH, features, tfidf

MIN_DF = 2
L2 = 1e-4
STEPS = 2000
RATE = 5.0


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def matrix(texts: list[str], idf: dict[str, float], index: dict[str, int]):  # type: ignore[no-untyped-def]
    indptr, indices, data = [0], [], []
    for text in texts:
        vector = tfidf(text, idf)
        indices += [index[f] for f in vector]
        data += list(vector.values())
        indptr.append(len(indices))
    return np.array(indptr), np.array(indices, dtype=np.int64), np.array(data)


def train(rows: list[dict]) -> dict:
    texts = [r["text"] for r in rows]
    y = np.array([1.0 if r["label"] == "Yes" else 0.0 for r in rows])
    df = Counter(f for t in texts for f in set(features(t)))
    n = len(texts)
    idf = {f: math.log((1 + n) / (1 + c)) + 1.0 for f, c in df.items() if c >= MIN_DF}
    vocab = sorted(idf)
    index = {f: i for i, f in enumerate(vocab)}
    indptr, indices, data = matrix(texts, idf, index)
    rows_of = np.repeat(np.arange(n), np.diff(indptr))
    balance = np.where(y == 1, n / (2 * y.sum()), n / (2 * (n - y.sum())))
    w, b = np.zeros(len(vocab)), 0.0
    for _ in range(STEPS):
        z = np.bincount(rows_of, weights=data * w[indices], minlength=n) + b
        p = 1.0 / (1.0 + np.exp(-z))
        g = (p - y) * balance / n
        grad_w = np.bincount(indices, weights=data * g[rows_of], minlength=len(vocab)) + L2 * w
        w -= RATE * grad_w
        b -= RATE * g.sum()
    keep = {f: round(float(w[i]), 5) for f, i in index.items() if abs(w[i]) > 1e-3}
    return {
        "version": "newsint.checkworthy.v1",
        "data": "CheckThat! 2024 Task 1 English train (ClaimBuster), 22,501 sentences",
        "idf": {f: round(v, 4) for f, v in idf.items()},
        "weights": keep,
        "bias": round(float(b), 5),
        "threshold": 0.5,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data/checkworthy"))
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    model = train(read(args.data / "ct24_en.train.jsonl"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {args.out}: {len(model['weights'])} features")


if __name__ == "__main__":
    main()
