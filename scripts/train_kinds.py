"""Train newsint.kinds.v1, the source-kind classifier, on newsint's own annotations.

    python scripts/train_kinds.py [--annotations annotations/sources] [--cv-only] [--folds 5]

The annotations (125 PolNeAR train articles profiled by the judgement guide; see
annotations/README.md) give each article's sources and their kinds. newsint analyses each
article; its sources are matched to the annotated ones by name, exactly as
../shared/bench/sources_eval.py matches them, and each matched source is one example: the
features of newsint.nlp.kinds.kind_features, the annotated kind as label. A multinomial logistic
regression (scikit-learn, L2, C below, chosen by this CV: 0.1-3, with and without balanced
class weights; 1.0 unbalanced was best) is cross-validated by
article (GroupKFold) and then fitted on every article; its weights go to
src/newsint/models/kinds/model.json. The dev sets are never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from newsint.nlp import attribution as attribution_stage
from newsint.nlp import hedging as hedging_stage
from newsint.nlp import kinds, load_pipeline
from newsint.nlp import profiles as sources_stage
from newsint.nlp import source_context as context_stage
from newsint.nlp.linear_model import write_linear
from newsint.settings import shared_dir

ROOT = Path(__file__).resolve().parents[1]
C = 1.0


def examples(folder: Path) -> tuple[list[dict], list[str], list[str], list[str]]:
    sys.path.insert(0, str(shared_dir() / "bench"))
    import sources_eval  # type: ignore[import-not-found]

    texts = {}
    for path in sorted((folder / "input").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            texts[d["id"]] = d["text"]
    nlp = load_pipeline()
    feats, labels, groups, rules = [], [], [], []
    for path in sorted(p for p in folder.glob("*.jsonl") if not p.name.startswith("agreement")):
        for line in path.read_text(encoding="utf-8").splitlines():
            gold = json.loads(line)
            doc = nlp(texts[gold["id"]])
            attributions = attribution_stage.find_attributions(doc)
            sources, attributions = sources_stage.resolve_sources(doc, attributions)
            cues = hedging_stage.find_cues(doc)
            sources = context_stage.refine_profiles(doc.text, sources, attributions, cues)
            pairs = sources_eval.match(gold["sources"], [{"name": s.name} for s in sources])
            for gi, pi in pairs:
                source = sources[pi]
                own = [a for a in attributions if a.source_id == source.id]
                feats.append(kinds.kind_features(doc, source, own))
                labels.append(gold["sources"][gi]["kind"])
                groups.append(gold["id"])
                rules.append(source.kind)
    return feats, labels, groups, rules


def fit(feats: list[dict], labels: list[str]) -> tuple[DictVectorizer, LogisticRegression]:
    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    model = LogisticRegression(C=C, max_iter=3000)
    model.fit(x, labels)
    return vec, model


def cross_validate(feats, labels, groups, rules, folds: int) -> None:  # type: ignore[no-untyped-def]
    y = np.array(labels)
    pred = np.empty(len(y), dtype=object)
    for train, test in GroupKFold(n_splits=folds).split(feats, y, groups):
        vec, model = fit([feats[i] for i in train], list(y[train]))
        pred[test] = model.predict(vec.transform([feats[i] for i in test]))
    rule_acc = np.mean(np.array(rules) == y)
    print(f"examples={len(y)} articles={len(set(groups))}")
    print(
        f"kind accuracy, rules alone: {rule_acc:.3f}; learned ({folds}-fold by article): "
        f"{np.mean(pred == y):.3f}"
    )
    for kind in sorted(set(y)):
        mask = y == kind
        print(
            f"  {kind:17s} n={mask.sum():4d} recall={np.mean(pred[mask] == kind):.3f} "
            f"precision={np.mean(y[pred == kind] == kind) if (pred == kind).any() else 0:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", type=Path, default=ROOT / "annotations" / "sources")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--cache", type=Path, help="keep the analysed examples here (JSON)")
    args = parser.parse_args()
    if args.cache and args.cache.exists():
        feats, labels, groups, rules = json.loads(args.cache.read_text())
    else:
        feats, labels, groups, rules = examples(args.annotations)
        if args.cache:
            args.cache.write_text(json.dumps([feats, labels, groups, rules]))
    cross_validate(feats, labels, groups, rules, args.folds)
    if args.cv_only:
        return
    vec, model = fit(feats, labels)
    count = write_linear(
        kinds.MODEL_PATH,
        vec,
        model,
        version=kinds.VERSION,
        data="annotations/sources/*.jsonl (PolNeAR and FNC-1 train articles, newsint's own)",
        C=C,
    )
    print(f"wrote {kinds.MODEL_PATH} ({count} features)")


if __name__ == "__main__":
    main()
