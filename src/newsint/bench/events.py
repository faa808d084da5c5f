"""`newsint bench events`: PLOVER category, actor and target of one event per sentence.

Reads only ``id`` and ``text`` of the input split (the PLOVER gold-standard records), predicts
the main event of each sentence with :func:`newsint.nlp.events.main_event`, writes
``{"id", "events": [{"type", "actor", "target"}]}`` lines and scores them with
``../shared/bench/events_eval.py`` (category accuracy and macro-F1, actor/target token F1).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsint.bench.common import (
    BenchResult,
    Timer,
    data_file,
    gold_beside,
    peak_memory_mb,
    read_jsonl,
    score,
)

NAME = "events"


def predict(texts: list[str]) -> list[dict[str, Any]]:
    """The main event of each text (one sentence each, as in the PLOVER records)."""
    from newsint.nlp import load_pipeline
    from newsint.nlp.events import main_event

    nlp = load_pipeline()
    out = []
    for doc in nlp.pipe(texts, batch_size=64):
        # a record is one sentence, but the parser sometimes splits it: take the longest part
        sent = max(doc.sents, key=len)
        out.append(main_event(sent))
    return out


def run(
    *, split: str = "dev", data: Path | None = None, predictions: Path | None = None
) -> BenchResult:
    """Predict the main event of every input sentence, score it, and time it.

    ``data``: an input (or gold) JSONL file instead of the shared ``plover_gsr.<split>_in.jsonl``;
    the gold file is looked up beside it. ``predictions``: keep the predictions there.
    """
    from newsint.nlp.events import RULES, load_model

    inputs = data or data_file("events", f"plover_gsr.{split}_in.jsonl")
    gold = gold_beside(inputs) if data else data_file("events", f"plover_gsr.{split}.jsonl")
    rows = [{"id": r["id"], "text": r["text"]} for r in read_jsonl(inputs)]

    with Timer() as timer:
        events = predict([r["text"] for r in rows])
    preds = [
        {"id": r["id"], "events": [{k: e[k] for k in ("type", "actor", "target", "predicate")}]}
        for r, e in zip(rows, events, strict=True)
    ]
    output, figures, _ = score("events_eval.py", gold, preds, predictions)
    model = load_model()
    return BenchResult(
        name=NAME,
        figures=figures,
        scorer_output=output,
        speed={
            "sentences_per_s": len(rows) / timer.seconds if timer.seconds else 0.0,
            "seconds": timer.seconds,
            "peak_memory_mb": peak_memory_mb(),
        },
        extra={
            "rules": RULES,
            "model": model["name"] if model else "trigger lexicon (no model shipped)",
        },
    )
