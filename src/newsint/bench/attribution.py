"""`newsint bench attribution`: PolNeAR dev, scored by ../shared/bench/attribution_eval.py.

Runs ``find_attributions`` on the split's texts (only ``id`` and ``text`` are read), writes the
predictions, scores them, and in the same run times the bare spaCy pipeline on the same texts,
so the speed ratio is measured under the same machine load.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsint.bench.common import (
    BenchResult,
    Timer,
    data_file,
    peak_memory_mb,
    read_jsonl,
    score,
)
from newsint.models import Attribution

BATCH_SIZE = 16
NEWSINT_PIPES = ["newsint_line_breaks", "newsint_headline_case"]  # off on the bare side
ROUNDS = 3  # timing rounds per side (one core, shared machine: ~15% run-to-run noise)


def _row(doc_id: str, atts: list[Attribution]) -> dict[str, Any]:
    return {
        "id": doc_id,
        "attributions": [
            {
                "source": [list(s) for s in a.source],
                "cue": [list(s) for s in a.cue],
                "content": [list(s) for s in a.content],
                "kind": a.kind,
            }
            for a in atts
        ],
    }


def run(
    *, split: str = "dev", data: Path | None = None, predictions: Path | None = None
) -> BenchResult:
    """Score attribution on a PolNeAR split; report speed against the bare spaCy pipeline."""
    from newsint.nlp import load_pipeline
    from newsint.nlp.attribution import VERSION, find_attributions
    from newsint.nlp.attribution_model import shipped_model
    from newsint.nlp.attribution_relation import shipped_relation_model

    gold = data or data_file("polnear", f"{split}.jsonl")
    docs = [(str(row["id"]), str(row["text"])) for row in read_jsonl(gold)]
    texts = [text for _, text in docs]
    words = sum(len(text.split()) for text in texts)
    nlp = load_pipeline()
    list(nlp.pipe(texts[:2]))  # warm-up: load vectors/tables before timing

    # Rounds in alternating order; the best time of each side cancels most load noise.
    bare_s: list[float] = []
    ours_s: list[float] = []
    rows: list[dict[str, Any]] = []
    for round_ in range(ROUNDS):
        for side in ("bare", "ours") if round_ % 2 == 0 else ("ours", "bare"):
            with Timer() as timer:
                if side == "bare":  # en_core_web_sm alone, without newsint's pipes
                    with nlp.select_pipes(disable=NEWSINT_PIPES):
                        for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
                            pass
                else:
                    parsed = nlp.pipe(texts, batch_size=BATCH_SIZE)
                    rows = [
                        _row(doc_id, find_attributions(doc))
                        for (doc_id, _), doc in zip(docs, parsed, strict=True)
                    ]
            (bare_s if side == "bare" else ours_s).append(timer.seconds)
    bare_t, ours_t = min(bare_s), min(ours_s)

    output, figures, out = score("attribution_eval.py", gold, rows, predictions)
    model = shipped_model()
    filt = shipped_relation_model()
    speed = {
        "newsint_words_per_s": words / ours_t,
        "spacy_words_per_s": words / bare_t,
        "speed_ratio": bare_t / ours_t,
        "newsint_docs_per_s": len(docs) / ours_t,
        "peak_memory_mb": peak_memory_mb(),
    }
    extra = {
        "version": VERSION,
        "cue_model": model.name if model else "lexicon",
        "relation_model": filt.name if filt else "none",
        "pipes": ",".join(nlp.pipe_names),
        "predictions": str(out),
    }
    return BenchResult("attribution", figures, output, speed, extra)
