"""Train newsint.relation_model.v2, the statement-to-claim relation, on newsint's own pairs.

    python scripts/train_relations.py [--cv-only] [--folds 5] [FILES...]

The pairs (annotations/relations/*.jsonl, 1,639 pairs of 177 FNC-1 and PolNeAR train articles
labelled by the judgement guide; see annotations/README.md) give a claim span, a statement span,
their speakers and the relation of the statement to the claim: restates, supports, disputes,
not_confirm, unrelated. Each pair becomes what the analysis sees: the annotated speakers as
sources (so this measures the relation, not speaker resolution), the statement's stance from
newsint's certainty cues inside its span, the claim a denial when a denial or dispute cue lies in
its span. A multinomial logistic regression (scikit-learn, L2, C and class weights below) over
newsint.nlp.relation_model.pair_features and semantic_features (the two texts' sentence
embeddings, newsint.nlp.embeddings) is cross-validated by article (GroupKFold), with the
guide's direction rules applied to its output exactly as at run time, and compared with the rules
alone; then fitted on every pair, its weights written to src/newsint/models/relations/model.json.
The dev sets are never read.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
from collections import Counter
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from newsint.nlp import embeddings, load_pipeline, relation_model
from newsint.nlp.hedging import find_cues
from newsint.nlp.linear_model import write_linear
from newsint.nlp.relations import Statement, Target, allowed, rule_relation

ROOT = Path(__file__).resolve().parents[1]
LABELS = ("restates", "supports", "disputes", "not_confirm", "unrelated")
#: L2 strength and class weights, chosen by 5-fold cross-validation by article on these pairs
#: (C 1 / .3 / .1, unweighted or balanced; balanced weights raise the rare relations' recall).
C = 0.3
CLASS_WEIGHT = "balanced"


def stance_in(cues: list, span: tuple[int, int]) -> str | None:
    inside = [c for c in cues if span[0] <= c.span[0] and c.span[1] <= span[1]]
    if any(c.kind == "non_confirmation" for c in inside):
        return "non_confirmation"
    if any(c.kind in {"denial", "dispute"} for c in inside):
        return "denial"
    return None


def article_texts() -> dict[str, str]:
    """The labelled articles' texts: the inputs ``annotations/select.py`` writes, and the FNC-1
    train bodies read from the shared stance data (``fnc2.jsonl`` has no input file)."""
    texts = {}
    shared = Path(os.environ.get("NEWSINT_SHARED", ROOT.parent / "shared"))
    bodies = shared / "data" / "stance" / "fnc1_train_bodies.csv"
    if bodies.exists():
        with bodies.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                texts[f"fnc1-body-{row['Body ID']}"] = row["articleBody"]
    for f in (ROOT / "annotations" / "relations" / "input").glob("*.jsonl"):
        for line in f.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            texts[d["id"]] = d["text"]
    return texts


def accusers_of(text: str, claim: tuple[int, int], pairs: list[dict]) -> frozenset[str]:
    """As at run time (the sources of the attributions nested in a denial lede): the speakers of
    the labelled statements that lie inside the claim's span ("rejected allegations by Gaza
    officials [that authorities released the water]")."""
    return frozenset(
        p["b_source"]
        for p in pairs
        if p.get("b_source") and claim[0] <= p["b"][0] and p["b"][1] <= claim[1]
    )


def pairs_of(paths: list[Path]) -> list[tuple[Target, Statement, str, str]]:
    texts = article_texts()
    nlp = load_pipeline()
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            text = texts[row["id"]]
            cues = find_cues(nlp(text))
            pairs = row.get("pairs") or []
            for pair in pairs:
                a, b = tuple(pair["a"]), tuple(pair["b"])
                a_src = frozenset([pair["a_source"]] if pair.get("a_source") else [])
                b_src = frozenset([pair["b_source"]] if pair.get("b_source") else [])
                denial = stance_in(cues, a) == "denial"
                accusers = accusers_of(text, a, pairs) - a_src if denial else frozenset()
                target = Target(text[a[0] : a[1]], a_src, denial, accusers, start=a[0])
                stance = stance_in(cues, b)
                statement = Statement(text[b[0] : b[1]], b_src, stance, start=b[0])  # type: ignore[arg-type]
                out.append((target, statement, pair["label"], row["id"]))
    return out


def constrained(probs: dict[str, float], target: Target, statement: Statement) -> str:
    return max(allowed(target, statement), key=lambda r: probs.get(r, 0.0))


def combined(probs: dict[str, float], target: Target, statement: Statement) -> str:
    """As at run time (newsint.nlp.relations.relate): the rules where they find a relation."""
    found = rule_relation(target, statement)
    return found if found != "unrelated" else constrained(probs, target, statement)


def scores(gold: list[str], pred: list[str]) -> str:
    confusion = Counter(zip(gold, pred, strict=True))
    f1s = []
    lines = []
    for label in LABELS:
        tp = confusion[(label, label)]
        n_gold = sum(v for (g, _), v in confusion.items() if g == label)
        n_pred = sum(v for (_, p), v in confusion.items() if p == label)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f)
        lines.append(
            f"  {label:12s} P={p:.3f} R={r:.3f} F1={f:.3f} (gold {n_gold}, predicted {n_pred})"
        )
    right = sum(confusion[(x, x)] for x in LABELS)
    head = f"accuracy={right / max(1, len(gold)):.3f} macro_F1={sum(f1s) / len(f1s):.3f}"
    return "\n".join([head, *lines])


def features(pairs: list[tuple[Target, Statement, str, str]]) -> list[dict[str, float]]:
    """Each pair's features as at run time; every distinct text embedded once."""
    texts = sorted({x.text for t, s, _, _ in pairs for x in (t, s)})
    vectors = dict(zip(texts, embeddings.embed(texts), strict=True))
    return [
        relation_model.pair_features(t, s)
        | relation_model.semantic_features(vectors[t.text], vectors[s.text])
        for t, s, _, _ in pairs
    ]


def fit(feats: list[dict], labels: list[str]) -> tuple[DictVectorizer, LogisticRegression]:
    vec = DictVectorizer()
    model = LogisticRegression(C=C, class_weight=CLASS_WEIGHT, max_iter=5000)
    model.fit(vec.fit_transform(feats), labels)
    return vec, model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--cv-only", action="store_true")
    args = parser.parse_args()
    files = args.files or sorted((ROOT / "annotations" / "relations").glob("*.jsonl"))
    pairs = pairs_of(files)
    feats = features(pairs)
    labels = [label for _, _, label, _ in pairs]
    groups = [doc for _, _, _, doc in pairs]
    print(f"pairs={len(pairs)} articles={len(set(groups))}")
    print("rules alone (newsint.relations.v1 rules):")
    print(scores(labels, [rule_relation(t, s) for t, s, _, _ in pairs]))
    pred, both = [""] * len(pairs), [""] * len(pairs)
    for train, test in GroupKFold(n_splits=args.folds).split(feats, labels, groups):
        vec, model = fit([feats[i] for i in train], [labels[i] for i in train])
        probs = model.predict_proba(vec.transform([feats[i] for i in test]))
        for row, i in zip(probs, test, strict=True):
            p = dict(zip(model.classes_, row, strict=True))
            pred[i] = constrained(p, pairs[i][0], pairs[i][1])
            both[i] = combined(p, pairs[i][0], pairs[i][1])
    print(f"learned, {args.folds}-fold by article, with the direction rules:")
    print(scores(labels, pred))
    print("rules where they find a relation, else the learned model (as at run time):")
    print(scores(labels, both))
    if args.cv_only:
        return
    vec, model = fit(feats, labels)
    count = write_linear(
        relation_model.MODEL_PATH,
        vec,
        model,
        version=relation_model.VERSION,
        data="annotations/relations/*.jsonl (newsint's own pairs: FNC-1 and PolNeAR train)",
        C=C,
        class_weight=CLASS_WEIGHT,
        embeddings=f"{embeddings.VERSION}: {embeddings.MODEL}",
    )
    print(f"wrote {relation_model.MODEL_PATH} ({count} features)")


if __name__ == "__main__":
    main()
