"""`newsint bench events`: PLOVER category, actor and target of one event per sentence.

Reads only ``id`` and ``text`` of the input split (the PLOVER gold-standard records), predicts
the main event of each sentence with :func:`newsint.nlp.events.main_event`, writes
``{"id", "events": [{"type", "actor", "target"}]}`` lines and scores them with
``../shared/bench/events_eval.py`` (category accuracy and macro-F1, actor/target token F1).

``--data`` may also name a set of whole articles with every event annotated (our own real-report
set, ``annotations/events/real_in.jsonl``): then every article is analysed as ``newsint analyze``
does and its events are scored whole (:mod:`newsint.bench.events_docs`: precision and recall of
events whose actor, action and target are all right), and the PLOVER dev figures are printed
beside them.
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
    write_jsonl,
)
from newsint.errors import DataNotFound

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


def is_document_gold(gold: Path) -> bool:
    """Whether ``gold`` annotates whole articles (``events[].evidence``), not PLOVER sentences."""
    for record in read_jsonl(gold):
        for event in record.get("events") or []:
            return "evidence" in event
    return False


def predict_documents(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Every event newsint finds in each article, in the form :mod:`events_docs` scores."""
    from newsint.pipeline import analyze_text

    out: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        analysis = analyze_text(row["text"], doc_id=str(row["id"]))
        out[str(row["id"])] = [event_row(analysis, e) for e in analysis.events]
    return out


def event_row(analysis: Any, event: Any) -> dict[str, Any]:
    text = analysis.article.text

    def mention(k: int) -> str:
        return text[event.spans[k][0] : event.spans[k][1]] if len(event.spans) > k else ""

    target = [event.target.name, mention(3)] if event.target is not None else []
    return {
        "actor": [event.actor.name, mention(1)],
        "action": event.action,
        "at": event.spans[2][0],
        "target": target,
        "plover": event.plover,
        "negated": event.negated,
        "hypothetical": getattr(event, "hypothetical", False),
        "reported_by": reported_by(analysis, event),
        "evidence": mention(0),
    }


def reported_by(analysis: Any, event: Any) -> list[str]:
    """Names of the sources that assert the event (none: the outlet's own voice)."""
    names = list(getattr(event, "reported_by", ()) or ())
    if names:
        return names
    claim = next((c for c in analysis.claims if c.id == event.claim_id), None)
    ids = set(claim.source_ids) if claim is not None else set()
    return [s.name for s in analysis.sources if s.id in ids]


def run_documents(inputs: Path, gold: Path, predictions: Path | None) -> BenchResult:
    """Whole-event precision and recall on an annotated set of articles."""
    import json

    from newsint.bench.events_docs import format_figures, score_documents

    rows = list(read_jsonl(inputs))
    if rows and "text" not in rows[0]:
        raise DataNotFound(f"{inputs} has no article texts; give the _in.jsonl file beside it")
    golds = {str(r["id"]): r["events"] for r in read_jsonl(gold)}
    with Timer() as timer:
        preds = predict_documents(rows)
    tally = score_documents(golds, preds)
    if predictions is not None:
        write_jsonl(predictions, [{"id": k, "events": v} for k, v in preds.items()])
        errors = predictions.with_name(predictions.stem + ".errors.jsonl")
        errors.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in tally.errors))
    figures = tally.figures()
    plover = run(split="dev")
    for key, value in plover.figures.items():
        figures[f"plover_{key}"] = value
    output = format_figures(tally.figures()) + "\n# PLOVER dev:\n" + plover.scorer_output
    return BenchResult(
        name=NAME,
        figures=figures,
        scorer_output=output,
        speed={"articles_per_s": len(rows) / timer.seconds if timer.seconds else 0.0},
        extra={"rules": plover.extra["rules"], "model": plover.extra["model"]},
    )


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
    if data and is_document_gold(gold):
        return run_documents(inputs, gold, predictions)
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
