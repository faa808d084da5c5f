"""`newsint bench sources` and `newsint bench judgement`: the judgement layer on hand-read news.

Both analyse the gold's inputs (``dev_in.jsonl`` beside ``dev.jsonl``) as any user would
(``newsint analyze IN.jsonl --format json``), write the reports and run the scorer of
``../shared/bench``: ``sources_eval.py`` (source profiles, by the conventions of the judgement
guide, sections 1-3) or ``judgement_eval.py`` (central claim, its sources, disputers,
non-confirmers and grade, sections 4-5). Then the speed: documents/s and the share of analysis
time the sources and claims stages take.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from newsint.bench.common import (
    BenchResult,
    Timer,
    data_file,
    peak_memory_mb,
    run_scorer,
    scorer,
    write_jsonl,
)
from newsint.errors import DataNotFound

#: The gold files ``newsint bench sources`` scores by default, and ``bench judgement``'s.
SOURCE_SETS = (("sources", "dev.jsonl"), ("realnews", "dev.jsonl"))
JUDGEMENT_SET = ("realnews", "dev.jsonl")


def inputs_of(gold: Path) -> Path:
    """``dev.jsonl`` -> ``dev_in.jsonl`` beside it; a file without one is its own input."""
    beside = gold.with_name(gold.name.replace(".jsonl", "_in.jsonl"))
    return beside if beside.exists() else gold


def analyse_reports(inputs: Path) -> tuple[list[dict[str, Any]], float, dict[str, float]]:
    """Reports for every record of ``inputs``, the seconds it took, and the seconds per stage."""
    from newsint.nlp import analyse
    from newsint.pipeline import analyze
    from newsint.report.json import skipped_to_dict, to_dict

    before = dict(analyse.STAGE_SECONDS)
    reports = []
    with Timer() as timer:
        for outcome in analyze([inputs]):
            is_report = hasattr(outcome, "article")
            reports.append(to_dict(outcome) if is_report else skipped_to_dict(outcome))  # type: ignore[arg-type]
    stages = {k: v - before.get(k, 0.0) for k, v in analyse.STAGE_SECONDS.items()}
    return reports, timer.seconds, stages


def _run(name: str, scorer_name: str, golds: list[Path], predictions: Path | None) -> BenchResult:
    outputs: list[str] = []
    figures: dict[str, float] = {}
    speed: dict[str, float] = {}
    stage_total: dict[str, float] = {}
    total_docs, total_seconds = 0, 0.0
    for gold in golds:
        if not gold.exists():
            raise DataNotFound(f"gold file {gold} not found; pass --data to point at a copy")
        reports, seconds, stages = analyse_reports(inputs_of(gold))
        path = predictions if predictions and len(golds) == 1 else None
        path = path or Path(tempfile.mkdtemp(prefix="newsint-bench-")) / "reports.jsonl"
        write_jsonl(path, reports)
        output, found = run_scorer([scorer(scorer_name), path, gold])  # REPORTS GOLD
        label = f"{gold.parent.name}/{gold.name}"
        outputs.append(f"## {label} ({len(reports)} documents, predictions {path})\n{output}")
        figures.update({f"{gold.parent.name}_{k}": v for k, v in found.items()})
        total_docs += len(reports)
        total_seconds += seconds
        for k, v in stages.items():
            stage_total[k] = stage_total.get(k, 0.0) + v
    analysis = sum(stage_total.values()) or 1.0
    speed["documents_per_s"] = total_docs / max(total_seconds, 1e-9)
    speed["sources_share"] = stage_total.get("sources", 0.0) / analysis
    speed["claims_share"] = stage_total.get("claims", 0.0) / analysis
    speed["peak_memory_mb"] = peak_memory_mb()
    return BenchResult(name=name, figures=figures, scorer_output="\n".join(outputs), speed=speed)


def run_sources(*, data: Path | None = None, predictions: Path | None = None) -> BenchResult:
    golds = [data] if data else [data_file(*parts) for parts in SOURCE_SETS]
    return _run("sources", "sources_eval.py", golds, predictions)


def run_judgement(*, data: Path | None = None, predictions: Path | None = None) -> BenchResult:
    gold = data or data_file(*JUDGEMENT_SET)
    return _run("judgement", "judgement_eval.py", [gold], predictions)


def run(
    *, split: str = "dev", data: Path | None = None, predictions: Path | None = None
) -> BenchResult:
    """``newsint bench judgement`` (only the dev split is shipped)."""
    return run_judgement(data=data, predictions=predictions)
