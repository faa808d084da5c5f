"""`newsint bench corpus`: claim-clustering precision/recall and ingestion speed.

* **Clustering**: the "same claim?" decisions of :mod:`newsint.corpus.clustering` (by meaning:
  the claims' sentence vectors) on the hand-labelled claim pairs of
  ``tests/corpus/claim_pairs.jsonl`` (``--data`` for another file of ``{"a", "b", "same"}``
  lines), at the shipped threshold and by leave-one-out cross-validation of its choice, beside
  the lexical method's.
* **Same-story corpus** (``annotations/stories/``, :mod:`newsint.bench.stories`): real reports
  of six stories by several outlets, ingested and scored against the hand-written independent
  sources, amplifiers and republications of each cross-outlet claim.
* **Republications** (:mod:`newsint.bench.copies`): a one-word edit, a re-templated page and a
  wire copy of the bundled example are detected, and its central claim's counts do not move.
* **Ingestion**: the first :data:`SUBSET` pages of the extraction dev set and of the PolNeAR dev
  texts, ingested into a fresh SQLite store by one worker process and then by one per core;
  documents/s of each, with process start-up and model loading (what a user waits for) and
  in steady state (after the first document). The machine's load average is printed beside
  them: on a shared machine the second core may not be free.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from newsint.batch import Progress
from newsint.bench.common import BenchResult, Timer, data_file, read_jsonl, write_jsonl
from newsint.errors import DataNotFound
from newsint.settings import project_root

NAME = "corpus"

#: Documents per speed run: 20 HTML pages and 20 PolNeAR texts keep both runs to a few minutes
#: on the 2-core machine while covering both kinds of input.
SUBSET = 40


def pairs_file() -> Path:
    path = project_root() / "tests" / "corpus" / "claim_pairs.jsonl"
    if not path.exists():
        raise DataNotFound(f"{path} not found; pass --data FILE of {{a, b, same}} lines")
    return path


def run(
    *, split: str = "dev", data: Path | None = None, predictions: Path | None = None
) -> BenchResult:
    """Score the clustering on the labelled pairs, then time ingestion on one and all cores.

    ``predictions``: write each pair's similarity and decision there (JSON Lines).
    """
    from newsint.batch import default_workers, ingest
    from newsint.corpus import clustering as c
    from newsint.store import Store

    rows = list(read_jsonl(data or pairs_file()))
    pairs = [(str(r["a"]), str(r["b"]), bool(r["same"])) for r in rows]
    lexical = c.score_pairs(pairs)
    similarities = c.meaning_similarities(pairs)
    labels = [same for _, _, same in pairs]
    at = c.MEANING_THRESHOLD
    score = c.score_decisions([x >= at for x in similarities], labels, at)
    cv, chosen = c.cross_validate(similarities, labels)
    if predictions is not None:
        write_jsonl(
            predictions,
            ({**r, "similarity": x} for r, x in zip(rows, similarities, strict=True)),
        )

    result = BenchResult(name=NAME)
    result.figures = {
        "pair_P": score.precision,
        "pair_R": score.recall,
        "pair_F1": score.f1,
        "pair_cv_P": cv.precision,
        "pair_cv_R": cv.recall,
        "pair_cv_F1": cv.f1,
        "pair_lexical_F1": lexical.f1,
    }
    result.scorer_output = (
        f"claim clustering ({c.MEANING_METHOD}, threshold {at}) on {score.pairs} labelled pairs: "
        f"P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}\n"
        f"  leave-one-out (threshold chosen on the other pairs, {min(chosen):.2f}-"
        f"{max(chosen):.2f}; on all: {c.best_threshold(similarities, labels):.2f}): "
        f"P {cv.precision:.3f}  R {cv.recall:.3f}  F1 {cv.f1:.3f}\n"
        f"  lexical ({c.METHOD}, threshold {c.THRESHOLD}): P {lexical.precision:.3f}  "
        f"R {lexical.recall:.3f}  F1 {lexical.f1:.3f}\n"
        f"pair_P={score.precision:.4f} pair_R={score.recall:.4f} pair_F1={score.f1:.4f} "
        f"pair_cv_F1={cv.f1:.4f}"
    )

    cores = default_workers()
    _stories(result)
    _copies(result)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "subset.jsonl"
        html = list(read_jsonl(data_file("extraction", "html.jsonl.gz")))[: SUBSET // 2]
        polnear = list(read_jsonl(data_file("polnear", f"{split}_in.jsonl")))[: SUBSET - len(html)]
        write_jsonl(inputs, [{"id": r["id"], "html": r["html"]} for r in html] + polnear)
        for label, workers in (("one_core", 1), ("all_cores", cores)):
            store = Store(f"sqlite:///{Path(tmp) / f'{label}.db'}")
            stamps: list[float] = []
            with Timer() as timer:
                counts = ingest([inputs], store, workers=workers, on_progress=_recorder(stamps))
            store.close()
            result.speed[f"ingest_docs_per_s_{label}"] = counts.stored / timer.seconds
            # after the first document: without process start-up and model loading
            if len(stamps) > 1:
                steady = (len(stamps) - 1) / (stamps[-1] - stamps[0])
                result.speed[f"ingest_steady_docs_per_s_{label}"] = steady
            result.extra[f"ingest_{label}"] = (
                f"{counts.stored} docs in {timer.seconds:.1f}s with {workers} worker(s)"
            )
    speed = result.speed
    speed["speedup"] = speed["ingest_docs_per_s_all_cores"] / speed["ingest_docs_per_s_one_core"]
    if (
        "ingest_steady_docs_per_s_one_core" in speed
        and "ingest_steady_docs_per_s_all_cores" in speed
    ):
        speed["steady_speedup"] = (
            speed["ingest_steady_docs_per_s_all_cores"] / speed["ingest_steady_docs_per_s_one_core"]
        )
    result.extra["load_average"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    result.extra["cores"] = cores
    result.extra["pairs"] = json.dumps({"file": str(data or pairs_file()), "n": score.pairs})
    return result


def _stories(result: BenchResult) -> None:
    """Score the same-story corpus into ``result``: the development stories (``stories_*``, the
    rules were written reading them) and the held-out ones (``heldout_stories_*``, never read
    for rules); each is skipped when its annotations are absent."""
    from newsint.bench import stories

    folder = stories.stories_folder()
    for prefix, where in (("stories", folder), ("heldout_stories", folder / "heldout")):
        if not (where / "gold.jsonl").exists():
            result.extra[prefix] = f"skipped: no {where / 'gold.jsonl'}"
            continue
        result.scorer_output += f"\n# {prefix} ({where}):"
        _story_set(result, prefix, where)


def _story_set(result: BenchResult, prefix: str, folder: Path) -> None:
    from newsint.bench import stories

    with tempfile.TemporaryDirectory() as tmp, Timer() as timer:
        score, counts = stories.evaluate(folder, Path(tmp))
    n = len(score.claims)
    figures = {
        f"{prefix}_exact": score.exact / n if n else 0.0,
        f"{prefix}_amplifiers": (
            score.amplifiers[0] / score.amplifiers[1] if score.amplifiers[1] else 1.0
        ),
        f"{prefix}_republications": (
            score.republications[0] / score.republications[1] if score.republications[1] else 1.0
        ),
        f"{prefix}_merged": float(len(score.merged)),
    }
    result.figures.update(figures)
    result.scorer_output += "\n" + "\n".join(score.lines())
    result.scorer_output += "\n" + " ".join(f"{k}={v:.4f}" for k, v in figures.items())
    result.extra[f"{prefix}_ingest"] = f"{counts.stored} docs in {timer.seconds:.1f}s"


def _copies(result: BenchResult) -> None:
    """Issue 16's republication goal on the example's copies (``newsint.bench.copies``)."""
    from newsint.bench import copies

    with tempfile.TemporaryDirectory() as tmp:
        score = copies.evaluate(Path(tmp))
    result.figures["copies_detected"] = score.detected / score.copies
    result.figures["copies_counts_unchanged"] = float(not score.changed)
    result.scorer_output += "\n" + score.line()


def _recorder(stamps: list[float]) -> Callable[[Progress], None]:
    """A progress callback that records when each document was stored."""

    def record(progress: Progress) -> None:
        stamps.append(progress.seconds)

    return record
