#!/usr/bin/env python3
"""Measure newsint's statement-to-claim relation (newsint.relations.v1) on its own annotated pairs.

usage: python scripts/eval_relations.py annotations/relations/*.jsonl [--inputs DIR]

Each annotation line (see annotations/check.py) gives an article's central claim and pairs
(a = claim span, b = statement span, their speakers, a label). For every pair the relation is
predicted as the analysis does it: the speakers are the annotated names (so this measures the
relation, not speaker resolution), the statement's stance comes from newsint's certainty cues
inside its span, and the claim is a denial when a denial or dispute cue lies in its span. Prints
per-label precision/recall/F1, macro-F1 and the confusion matrix. The rules have no fitted
weights; the thresholds in newsint/nlp/relations.py were set on these pairs, so the figure on
the held-out realnews dev set (`newsint bench judgement`) is the honest one.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from newsint.nlp import load_pipeline
from newsint.nlp.hedging import find_cues
from newsint.nlp.relations import Statement, Target, relate

LABELS = ("restates", "supports", "disputes", "not_confirm", "unrelated")
HERE = Path(__file__).resolve().parents[1]


def load(paths: list[Path], inputs: Path) -> list[tuple[dict, str]]:
    texts = {}
    for f in inputs.glob("*.jsonl"):
        for line in f.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            texts[d["id"]] = d["text"]
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows.append((row, texts[row["id"]]))
    return rows


def stance_in(cues: list, span: tuple[int, int]) -> str | None:
    inside = [c for c in cues if span[0] <= c.span[0] and c.span[1] <= span[1]]
    if any(c.kind == "non_confirmation" for c in inside):
        return "non_confirmation"
    if any(c.kind in {"denial", "dispute"} for c in inside):
        return "denial"
    return None


def predict(row: dict, text: str, nlp) -> list[tuple[str, str]]:
    cues = find_cues(nlp(text))
    out = []
    for pair in row.get("pairs") or []:
        a, b = tuple(pair["a"]), tuple(pair["b"])
        a_src = frozenset([pair["a_source"]] if pair.get("a_source") else [])
        b_src = frozenset([pair["b_source"]] if pair.get("b_source") else [])
        target = Target(text[a[0] : a[1]], a_src, stance_in(cues, a) == "denial")
        statement = Statement(text[b[0] : b[1]], b_src, stance_in(cues, b))  # type: ignore[arg-type]
        out.append((pair["label"], relate(target, statement)))
    return out


def report(pairs: list[tuple[str, str]]) -> None:
    confusion = Counter(pairs)
    f1s = []
    for label in LABELS:
        tp = confusion[(label, label)]
        gold = sum(v for (g, _), v in confusion.items() if g == label)
        pred = sum(v for (_, p), v in confusion.items() if p == label)
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f)
        print(f"{label:12s} P={p:.3f} R={r:.3f} F1={f:.3f} (gold {gold}, predicted {pred})")
    right = sum(confusion[(label, label)] for label in LABELS)
    print(
        f"pairs={len(pairs)} accuracy={right / max(1, len(pairs)):.3f} "
        f"macro_F1={sum(f1s) / len(f1s):.3f}"
    )
    print("confusion (rows gold, columns predicted): " + " ".join(x[:5] for x in LABELS))
    for g in LABELS:
        print(f"  {g[:11]:11s} " + " ".join(f"{confusion[(g, p)]:5d}" for p in LABELS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("annotations", nargs="+", type=Path)
    parser.add_argument("--inputs", type=Path, default=HERE / "annotations" / "relations" / "input")
    args = parser.parse_args()
    nlp = load_pipeline()
    pairs = [
        p for row, text in load(args.annotations, args.inputs) for p in predict(row, text, nlp)
    ]
    report(pairs)


if __name__ == "__main__":
    main()
