"""`newsint bench checkworthy`: CheckThat! 2024 Task 1 English (F1 of "Yes")."""

from __future__ import annotations

from pathlib import Path

from newsint.bench.common import (
    BenchResult,
    Timer,
    data_file,
    peak_memory_mb,
    read_jsonl,
    score,
)
from newsint.nlp.checkworthy import VERSION, load_model


def run(
    *, split: str = "dev", data: Path | None = None, predictions: Path | None = None
) -> BenchResult:
    gold = data or data_file("checkworthy", f"ct24_en.{split}.jsonl")
    rows = list(read_jsonl(gold))
    model = load_model()
    with Timer() as timer:
        scores = model.scores(str(r.get("text") or "") for r in rows)
    preds = (
        {"id": r["id"], "label": "Yes" if s >= model.threshold else "No", "score": s}
        for r, s in zip(rows, scores, strict=True)
    )
    output, figures, out = score("checkworthy_eval.py", gold, preds, predictions)
    return BenchResult(
        name="checkworthy",
        figures=figures,
        scorer_output=output,
        speed={
            "sentences_per_s": len(rows) / max(timer.seconds, 1e-9),
            "peak_memory_mb": peak_memory_mb(),
        },
        extra={"version": VERSION, "predictions": str(out)},
    )
