"""A multinomial logistic model stored as JSON, one weight per feature and class.

newsint's learned judgement parts (``newsint.kinds.v1``, ``newsint.relation_model.v1``) are such
models over named binary features; this module scores them at run time (no scikit-learn needed)
and writes them at training time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class LinearModel:
    classes: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        """Softmax over the classes of the summed weights of the features present."""
        scores = [0.0] * len(self.classes)
        for name, value in features.items():
            row = self.weights.get(name)
            if row is not None:
                for k, w in enumerate(row):
                    scores[k] += w * value
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}


def load_linear(path: Path) -> LinearModel | None:
    """The model written at ``path``, or None when there is none (the rules then stand)."""
    if not path.exists():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    return LinearModel(tuple(raw["classes"]), {k: tuple(v) for k, v in raw["weights"].items()})


def write_linear(path: Path, vectorizer: Any, model: Any, **about: object) -> int:
    """Write a fitted scikit-learn ``LogisticRegression`` over a ``DictVectorizer``'s features;
    the intercept goes into the always-present ``bias`` feature. Returns the feature count."""
    names = vectorizer.get_feature_names_out()
    weights = {
        name: [round(float(model.coef_[k, j]), 5) for k in range(len(model.classes_))]
        for j, name in enumerate(names)
    }
    bias = weights.get("bias", [0.0] * len(model.classes_))
    weights["bias"] = [round(w + float(b), 5) for w, b in zip(bias, model.intercept_, strict=True)]
    out = {**about, "classes": [str(c) for c in model.classes_], "weights": weights}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, sort_keys=True) + "\n", encoding="utf-8")
    return len(weights)
