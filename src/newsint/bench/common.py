"""What every benchmark shares: reading JSON Lines, timing, peak memory, running a scorer."""

from __future__ import annotations

import gzip
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsint.errors import DataNotFound
from newsint.settings import shared_dir


@dataclass(slots=True)
class BenchResult:
    """Figures of one benchmark run: the scorer's KEY=value pairs, its full output, speed."""

    name: str
    figures: dict[str, float] = field(default_factory=dict)
    scorer_output: str = ""
    speed: dict[str, float] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [self.scorer_output.rstrip()] if self.scorer_output else []
        out += [f"{k}={v:.4g}" for k, v in self.speed.items()]
        out += [f"{k}={v}" for k, v in self.extra.items()]
        return out


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def data_file(*parts: str) -> Path:
    path = shared_dir().joinpath("data", *parts)
    if not path.exists():
        raise DataNotFound(f"benchmark data {path} not found; pass --data to point at a copy")
    return path


def gold_beside(data: Path) -> Path:
    """The gold file beside an input file (``X.dev_in.jsonl`` -> ``X.dev.jsonl``); a gold file
    serves as its own input, since benchmarks read only ``id`` and ``text`` from it."""
    if data.name.endswith("_in.jsonl"):
        gold = data.with_name(data.name.replace("_in.jsonl", ".jsonl"))
        if gold.exists():
            return gold
    return data


def scorer(name: str) -> Path:
    return shared_dir() / "bench" / name


def run_scorer(args: list[str | Path]) -> tuple[str, dict[str, float]]:
    """Run a scorer from ../shared/bench; return its output and the KEY=value pairs it printed."""
    proc = subprocess.run(
        [sys.executable, *map(str, args)], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise DataNotFound(f"scorer {args[0]} failed: {proc.stderr.strip()[-500:]}")
    figures: dict[str, float] = {}
    for key, value in re.findall(r"(\w+)=(-?[\d.]+(?:e-?\d+)?)", proc.stdout):
        figures[key] = float(value)
    return proc.stdout, figures


def score(
    scorer_name: str,
    gold: Path,
    rows: Iterable[dict[str, Any]],
    predictions: Path | None = None,
) -> tuple[str, dict[str, float], Path]:
    """Write the predictions (to ``predictions``, else a kept temporary file) and run the scorer
    of ../shared/bench on them; return its output, its KEY=value figures and the file."""
    stem = scorer_name.removesuffix("_eval.py")
    out = predictions or Path(tempfile.mkdtemp(prefix="newsint-bench-")) / f"{stem}.jsonl"
    write_jsonl(out, rows)
    output, figures = run_scorer([scorer(scorer_name), gold, out])
    return output, figures, out


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Timer:
    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start
