"""Train newsint.kinds.v1, the source-kind classifier, on newsint's own annotations.

    python scripts/train_kinds.py [--annotations annotations/sources] [--cv-only] [--folds 5]

The annotations (125 PolNeAR train articles profiled by the judgement guide; see
annotations/README.md) give each article's sources and their kinds. newsint analyses each
article; its sources are matched to the annotated ones by name, exactly as
../shared/bench/sources_eval.py matches them, and each matched source is one example: the
features of newsint.nlp.kinds.kind_features, the annotated kind as label. A multinomial logistic
regression (scikit-learn, L2, C below, chosen by this CV: 0.1-3, with and without balanced
class weights; 1.0 unbalanced was best) is cross-validated by
article (GroupKFold; each fold's model decides its held-out articles through
newsint.nlp.kinds.classify, as newsint does, and the accuracy is printed for the PolNeAR and the
FNC-1 parts apart, with the confusion matrix) and then fitted on every article; its weights go to
src/newsint/models/kinds/model.json. The dev sets are never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from spacy.tokens import Doc

from newsint.models import Attribution, Source
from newsint.nlp import attribution as attribution_stage
from newsint.nlp import hedging as hedging_stage
from newsint.nlp import kinds, load_pipeline
from newsint.nlp import profiles as sources_stage
from newsint.nlp import source_context as context_stage
from newsint.nlp.linear_model import LinearModel, write_linear
from newsint.settings import shared_dir

ROOT = Path(__file__).resolve().parents[1]
C = 1.0


@dataclass
class Article:
    """One annotated article, analysed up to the kinds stage, and its matched sources."""

    id: str
    part: str
    doc: Doc
    sources: list[Source]
    attributions: list[Attribution]
    #: (index of the source in ``sources``, annotated kind) for every matched source
    matched: list[tuple[int, str]]


def analyse(folder: Path) -> list[Article]:
    sys.path.insert(0, str(shared_dir() / "bench"))
    import sources_eval  # type: ignore[import-not-found]

    texts = {}
    for path in sorted((folder / "input").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            texts[d["id"]] = d["text"]
    nlp = load_pipeline()
    out = []
    for path in sorted(p for p in folder.glob("*.jsonl") if not p.name.startswith("agreement")):
        for line in path.read_text(encoding="utf-8").splitlines():
            gold = json.loads(line)
            doc = nlp(texts[gold["id"]])
            attributions = attribution_stage.find_attributions(doc)
            sources, attributions = sources_stage.resolve_sources(doc, attributions)
            cues = hedging_stage.find_cues(doc)
            sources = context_stage.refine_profiles(doc.text, sources, attributions, cues)
            pairs = sources_eval.match(gold["sources"], [{"name": s.name} for s in sources])
            matched = [(pi, gold["sources"][gi]["kind"]) for gi, pi in sorted(pairs)]
            out.append(Article(gold["id"], path.stem, doc, sources, attributions, matched))
    return out


def examples(articles: list[Article]) -> tuple[list[dict], list[str], list[str]]:
    """The features, annotated kind and article of every matched source."""
    feats, labels, groups = [], [], []
    for article in articles:
        for pi, kind in article.matched:
            source = article.sources[pi]
            own = [a for a in article.attributions if a.source_id == source.id]
            feats.append(kinds.kind_features(article.doc, source, own))
            labels.append(kind)
            groups.append(article.id)
    return feats, labels, groups


def fit(feats: list[dict], labels: list[str]) -> tuple[DictVectorizer, LogisticRegression]:
    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    model = LogisticRegression(C=C, max_iter=3000)
    model.fit(x, labels)
    return vec, model


def as_linear(vec: DictVectorizer, model: LogisticRegression) -> LinearModel:
    """The fitted model as newsint scores it at run time (the intercept in ``bias``)."""
    names = vec.get_feature_names_out()
    weights = {
        name: tuple(float(model.coef_[k, j]) for k in range(len(model.classes_)))
        for j, name in enumerate(names)
    }
    bias = weights.get("bias", (0.0,) * len(model.classes_))
    weights["bias"] = tuple(w + float(b) for w, b in zip(bias, model.intercept_, strict=True))
    return LinearModel(tuple(str(c) for c in model.classes_), weights)


def cross_validate(articles: list[Article], folds: int) -> None:
    """Kind accuracy by article-grouped folds: each fold's model decides its held-out articles
    through ``kinds.classify`` (the rules' stated stakes and margin included), as in newsint."""
    feats, labels, groups = examples(articles)
    predicted: dict[tuple[str, int], str] = {}
    for train, test in GroupKFold(n_splits=folds).split(feats, labels, groups):
        vec, model = fit([feats[i] for i in train], [labels[i] for i in train])
        held_out = {groups[i] for i in test}
        for article in articles:
            if article.id in held_out:
                decided = kinds.classify(
                    article.doc, article.sources, article.attributions, model=as_linear(vec, model)
                )
                for pi, _ in article.matched:
                    predicted[(article.id, pi)] = decided[pi].kind
    print(f"examples={len(labels)} articles={len(articles)}")
    for name, prefix in (("PolNeAR train", "part"), ("FNC-1 train", "fnc"), ("all", "")):
        pairs = [
            (kind, predicted[(a.id, pi)], a.sources[pi].kind)
            for a in articles
            if a.part.startswith(prefix)
            for pi, kind in a.matched
        ]
        right = sum(gold == pred for gold, pred, _ in pairs) / max(1, len(pairs))
        rules = sum(gold == rule for gold, _, rule in pairs) / max(1, len(pairs))
        print(
            f"{name}: n={len(pairs)} kind accuracy, rules alone {rules:.3f}; "
            f"learned ({folds}-fold by article) {right:.3f}"
        )
    confusion = Counter((kind, predicted[(a.id, pi)]) for a in articles for pi, kind in a.matched)
    kinds_seen = sorted({gold for gold, _ in confusion} | {pred for _, pred in confusion})
    print("confusion (rows annotated, columns decided):")
    print(" " * 17 + " ".join(f"{k[:5]:>5s}" for k in kinds_seen))
    for gold in kinds_seen:
        print(f"{gold:17s}" + " ".join(f"{confusion[(gold, pred)]:5d}" for pred in kinds_seen))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", type=Path, default=ROOT / "annotations" / "sources")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--cv-only", action="store_true")
    args = parser.parse_args()
    articles = analyse(args.annotations)
    cross_validate(articles, args.folds)
    if args.cv_only:
        return
    feats, labels, _ = examples(articles)
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
