"""`newsint bench throughput`: parse, analysis and ingestion speed on the same texts, in one run.

The texts are the longest PolNeAR development articles (``--docs N``; beyond the 84 there are,
they repeat with a numbered last line, so each is a new document to the store). On them, in this
order and in this process:

* **bare parse**: spaCy's ``en_core_web_sm`` alone (``nlp.pipe``), CPU seconds of this process;
* **full analysis**: the parse plus every stage, grading and summary
  (:func:`newsint.pipeline.analyze_pages`, the worker's own path), CPU seconds; resident memory is
  sampled after every tenth of the documents, so growth over the run shows;
* **full ingestion into SQLite** in this process (``workers=0``: reading, analysis, storage and
  the corpus tables), CPU seconds, then wall-clock documents/s with one and with two worker
  processes and with a local two-worker Dask cluster (after the first document stored, so
  without process start-up and model loading), and the peak memory of any worker.

CPU seconds make the one-core ratios honest on a shared machine; the worker ratios are wall
clock and need idle cores (the load average is printed beside them). The projection scales the
one-core ingestion rate by 16 cores and the measured two-worker efficiency.
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from newsint.bench.common import BenchResult, data_file, read_jsonl, write_jsonl

NAME = "throughput"
DEFAULT_DOCS = 60
DAY, MONTH, CORES = 300_000, 11_500_000, 16

#: The issue-20 goals: (figure, at least, what it means).
GOALS = (
    ("analysis_over_parse", 0.85, "full analysis >= .85 of the bare parse's words/s, one core"),
    ("ingest_over_parse", 0.75, "ingestion >= .75 of the bare parse's docs/s, one core"),
    ("two_over_one", 1.85, "2 workers >= 1.85x one"),
    ("dask_over_pool", 0.90, "local Dask 2 workers >= .90 of the local pool"),
)
MAX_WORKER_MB = 800.0
MAX_GROWTH = 0.20


@dataclass(slots=True)
class Rate:
    docs: int
    words: int
    seconds: float

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def texts_for(n: int) -> list[str]:
    """The ``n`` longest PolNeAR dev texts, repeated with a numbered last line beyond them."""
    rows = read_jsonl(data_file("polnear", "dev_in.jsonl"))
    texts = sorted((str(r["text"]) for r in rows), key=len, reverse=True)
    return [
        texts[i % len(texts)] + (f"\n\nCopy {i // len(texts)}." if i >= len(texts) else "")
        for i in range(n)
    ]


def words_in(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def cpu_seconds(work: Callable[[], object]) -> float:
    """CPU seconds of this process (all its threads) in ``work``, which starts with no sentence
    embedded yet: the embedding cache would otherwise carry one run's work into the next."""
    from newsint.nlp.embeddings import forget

    forget()
    start = time.process_time()
    work()
    return time.process_time() - start


def rss_mb() -> float:
    """Resident memory of this process now (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def bare_parse(texts: list[str]) -> Rate:
    from newsint.nlp import load_pipeline

    nlp = load_pipeline()
    nlp("Warm up.")
    seconds = cpu_seconds(lambda: list(nlp.pipe(texts, batch_size=16)))
    return Rate(len(texts), words_in(texts), seconds)


def full_analysis(texts: list[str]) -> tuple[Rate, list[float]]:
    """CPU rate of the whole analysis, and resident MB after each tenth of the documents."""
    from newsint.models import Page
    from newsint.pipeline import analyze_pages

    pages = [
        Page(id=f"t{i}", name=f"t{i}", content=t, kind="text", input_format="text", sha256=f"{i}")
        for i, t in enumerate(texts)
    ]
    analyze_pages(pages[:1])  # warm up: every model loaded
    samples: list[float] = []
    step = max(1, len(pages) // 10)
    seconds = 0.0
    for start in range(0, len(pages), step):
        seconds += cpu_seconds(partial(analyze_pages, pages[start : start + step]))
        samples.append(rss_mb())
    return Rate(len(texts), words_in(texts), seconds), samples


def ingestion(
    inputs: Path, db: Path, workers: int, scheduler: str | None = None
) -> tuple[float, float]:
    """(CPU seconds of this process, steady wall-clock documents/s) of one ingestion run."""
    from newsint.batch import Progress, ingest
    from newsint.store import Store

    stamps: list[float] = []

    def record(progress: Progress) -> None:
        stamps.append(time.perf_counter())

    store = Store(f"sqlite:///{db}")
    try:
        work = partial(ingest, [inputs], store, workers=workers, scheduler=scheduler)
        cpu = cpu_seconds(lambda: work(on_progress=record))
    finally:
        store.close()
    steady = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else 0.0
    return cpu, steady


def children_peak_mb() -> float:
    """The largest peak resident memory of any finished child process (Linux: kilobytes)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def projection_hours(docs_per_s_per_core: float, efficiency: float, docs: int) -> float:
    rate = docs_per_s_per_core * CORES * min(1.0, efficiency)
    return docs / rate / 3600 if rate else float("inf")


def run(
    *,
    split: str = "dev",
    data: Path | None = None,
    predictions: Path | None = None,
    docs: int = DEFAULT_DOCS,
    dask: bool = True,
) -> BenchResult:
    """Every figure of the module docstring, the goals as met / NOT met, and the projection."""
    texts = texts_for(max(2, docs))
    result = BenchResult(name=NAME)
    parse = bare_parse(texts)
    analysis, memory = full_analysis(texts)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "texts.jsonl"
        write_jsonl(inputs, ({"id": f"t{i}", "text": t} for i, t in enumerate(texts)))
        ingest_cpu, _ = ingestion(inputs, Path(tmp) / "in_process.db", 0)
        _, one = ingestion(inputs, Path(tmp) / "one.db", 1)
        _, two = ingestion(inputs, Path(tmp) / "two.db", 2)
        worker_mb = children_peak_mb()
        _, on_dask = ingestion(inputs, Path(tmp) / "dask.db", 2, "local") if dask else (0, 0)
    ingest_rate = Rate(len(texts), words_in(texts), ingest_cpu)
    figures = {
        "parse_words_per_s": parse.words_per_s,
        "parse_docs_per_s": parse.docs_per_s,
        "analysis_words_per_s": analysis.words_per_s,
        "ingest_docs_per_s_one_core": ingest_rate.docs_per_s,
        "ingest_wall_docs_per_s_1_worker": one,
        "ingest_wall_docs_per_s_2_workers": two,
        "ingest_wall_docs_per_s_dask_2_workers": on_dask,
        "analysis_over_parse": analysis.words_per_s / parse.words_per_s,
        "ingest_over_parse": ingest_rate.docs_per_s / parse.docs_per_s,
        "two_over_one": two / one if one else 0.0,
        "dask_over_pool": on_dask / two if two else 0.0,
        "peak_worker_mb": worker_mb,
        "memory_growth": memory[-1] / memory[0] - 1 if memory and memory[0] else 0.0,
    }
    result.figures = figures
    result.scorer_output = _report(figures, len(texts), words_in(texts), memory)
    result.extra["load_average"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return result


def _report(f: dict[str, float], docs: int, words: int, memory: list[float]) -> str:
    efficiency = f["two_over_one"] / 2
    lines = [
        f"{docs} PolNeAR dev texts, {words:,} words",
        f"bare parse (1 core, CPU time): {f['parse_words_per_s']:,.0f} words/s, "
        f"{f['parse_docs_per_s']:.2f} docs/s",
        f"full analysis (1 core, CPU time): {f['analysis_words_per_s']:,.0f} words/s "
        f"({f['analysis_over_parse']:.2f} of the parse)",
        f"full ingestion into SQLite (1 core, CPU time): {f['ingest_docs_per_s_one_core']:.2f} "
        f"docs/s ({f['ingest_over_parse']:.2f} of the parse)",
        f"ingestion, wall clock after the first document: 1 worker "
        f"{f['ingest_wall_docs_per_s_1_worker']:.2f} docs/s, 2 workers "
        f"{f['ingest_wall_docs_per_s_2_workers']:.2f} ({f['two_over_one']:.2f}x), local Dask "
        f"2 workers {f['ingest_wall_docs_per_s_dask_2_workers']:.2f} "
        f"({f['dask_over_pool']:.2f} of the pool)",
        f"peak memory of a worker: {f['peak_worker_mb']:.0f} MB; this process's resident MB "
        f"after each tenth of the analysis: {' '.join(f'{m:.0f}' for m in memory)}",
        f"projection per {CORES} cores at {f['ingest_docs_per_s_one_core']:.2f} docs/s/core and "
        f"{min(1.0, efficiency):.0%} parallel efficiency: one day ({DAY:,} articles) "
        f"{projection_hours(f['ingest_docs_per_s_one_core'], efficiency, DAY):.1f} h, one month "
        f"({MONTH:,}) {projection_hours(f['ingest_docs_per_s_one_core'], efficiency, MONTH):.0f} h",
    ]
    for key, least, meaning in GOALS:
        lines.append(f"goal {_met(f[key] >= least)}: {meaning} ({f[key]:.2f})")
    lines.append(
        f"goal {_met(f['peak_worker_mb'] <= MAX_WORKER_MB)}: peak memory per worker <= "
        f"{MAX_WORKER_MB:.0f} MB ({f['peak_worker_mb']:.0f})"
    )
    lines.append(
        f"goal {_met(f['memory_growth'] <= MAX_GROWTH)}: memory flat within 20% over the run "
        f"({f['memory_growth']:+.0%} from the first tenth to the end; --docs 10000 for the "
        "issue's 1,000-to-10,000 check)"
    )
    lines += [f"{k}={v:.4g}" for k, v in f.items()]
    return "\n".join(lines)


def _met(ok: bool) -> str:
    return "met" if ok else "NOT met"
