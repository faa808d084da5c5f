"""`newsint bench hedging`: semantic-uncertainty cues on WikiWeasel (Szeged Uncertainty Corpus).

Reads only ``id`` and ``text`` of the input split, predicts hedge cue spans with the benchmark
path of :mod:`newsint.nlp.hedging` (Szeged scheme: no news weasels, no disputes), writes
``{"id", "label", "cues": [{"start", "end"}]}`` lines and scores them with
``../shared/bench/hedging_eval.py`` (sentence P/R/F1 of the uncertain class, cue-token P/R/F1).
"""

from __future__ import annotations

import re
from pathlib import Path

from newsint.bench.common import (
    BenchResult,
    Timer,
    data_file,
    gold_beside,
    peak_memory_mb,
    read_jsonl,
    score,
)

NAME = "hedging"


def run(
    *, split: str = "dev", data: Path | None = None, predictions: Path | None = None
) -> BenchResult:
    """Predict hedge cues for every input sentence, score them, and time it.

    ``data``: an input (or gold) JSONL file instead of the shared ``wikiweasel.<split>_in.jsonl``;
    the gold file is looked up beside it. ``predictions``: keep the predictions there.
    """
    from newsint.nlp.hedging import RULES, hedge_cues_in_texts, load_model

    inputs = data or data_file("hedging", f"wikiweasel.{split}_in.jsonl")
    gold = gold_beside(inputs) if data else data_file("hedging", f"wikiweasel.{split}.jsonl")
    rows = [{"id": r["id"], "text": r["text"]} for r in read_jsonl(inputs)]

    with Timer() as timer:
        spans = list(hedge_cues_in_texts(r["text"] for r in rows))
    preds = [
        {
            "id": r["id"],
            "label": "uncertain" if cues else "certain",
            "cues": [{"start": s, "end": e} for s, e in cues],
        }
        for r, cues in zip(rows, spans, strict=True)
    ]

    output, figures, _ = score("hedging_eval.py", gold, preds, predictions)

    # the scorer prints P/R only in its table; lift them into the figures too
    for key, line in (("sentence", r"sentence \(uncertain class\):"), ("cue", r"cue tokens:")):
        if m := re.search(line + r"\s+P ([\d.]+)\s+R ([\d.]+)", output):
            figures[f"{key}_P"], figures[f"{key}_R"] = float(m.group(1)), float(m.group(2))
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
        extra={"rules": RULES, "model": "model.json" if model else "hand word list (no model)"},
    )
