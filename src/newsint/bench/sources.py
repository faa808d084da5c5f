"""`newsint bench sources`: source profiles on the hand-profiled dev sets (see judgement.py)."""

from __future__ import annotations

from pathlib import Path

from newsint.bench.common import BenchResult
from newsint.bench.judgement import run_sources


def run(
    *, split: str = "dev", data: Path | None = None, predictions: Path | None = None
) -> BenchResult:
    """Both dev sets by default; ``data``: any gold file in their format (inputs beside it)."""
    return run_sources(data=data, predictions=predictions)
