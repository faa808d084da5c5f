"""Check-worthiness: how much a sentence asks to be fact-checked (optional context on claims).

A TF-IDF (word 1–2-grams, sublinear tf, l2) logistic regression trained on the CheckThat! 2024
English training set (ClaimBuster sentences), class-balanced, in pure numpy; the weights ship in
``newsint/models/checkworthy/model.json`` with ``scripts/train_checkworthy.py``. It is a baseline:
on the lab's harder official test set such models fall to about F1 0.62 (the 2024 winner, a
fine-tuned LLM, reached about 0.80), so the score is context for the reader, never a grade.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

VERSION = "newsint.checkworthy.v1"
MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "checkworthy" / "model.json"
TOKEN = re.compile(r"[a-z0-9]+(?:['.,][a-z0-9]+)*|[$%]")


def features(text: str) -> list[str]:
    """Word unigrams and bigrams of the lower-cased sentence; numbers keep their shape."""
    words = [re.sub(r"\d", "0", w) for w in TOKEN.findall(text.lower())]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def tfidf(text: str, idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(f for f in features(text) if f in idf)
    vector = {f: (1.0 + math.log(c)) * idf[f] for f, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {f: v / norm for f, v in vector.items()}


@dataclass(frozen=True, slots=True)
class CheckworthyModel:
    idf: dict[str, float]
    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, text: str) -> float:
        z = self.bias + sum(v * self.weights.get(f, 0.0) for f, v in tfidf(text, self.idf).items())
        return 1.0 / (1.0 + math.exp(-z))

    def scores(self, texts: Iterable[str]) -> list[float]:
        return [self.score(t) for t in texts]


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> CheckworthyModel:
    raw = json.loads(path.read_text("utf-8"))
    return CheckworthyModel(
        idf=raw["idf"], weights=raw["weights"], bias=raw["bias"], threshold=raw["threshold"]
    )


def checkworthiness(text: str) -> float:
    """Probability-like score in 0..1 that ``text`` is worth fact-checking."""
    return load_model().score(text)
