"""`newsint bench stance`: FNC-1 article stance (agree / disagree / discuss / unrelated).

With no data: the body-disjoint development split of ``../shared/data/stance/`` (FNC-1 train):
the bodies of :func:`dev_bodies` and every pair that uses them. The shipped model
(``models/stance``) is trained on the other bodies only. With ``data`` (and ``bodies``): any
stances and bodies files in the FNC-1 layout. Predictions are written in the FNC-1 layout
(``Headline,Body ID,Stance``) and scored by ``../shared/bench/stance_eval.py``.
"""

from __future__ import annotations

import csv
import random
import tempfile
from collections.abc import Iterable
from pathlib import Path

from newsint.bench.common import BenchResult, Timer, data_file, peak_memory_mb, run_scorer, scorer
from newsint.errors import DataNotFound

#: The development split: DEV_SHARE of FNC-1 train's body ids, sorted as integers and drawn
#: by ``random.Random(SPLIT_SEED).sample`` (337 of 1,683 bodies, 9,451 of 49,972 pairs).
SPLIT_SEED = 16
DEV_SHARE = 0.2
STANCES_FILE = "fnc1_train_stances.csv"
BODIES_FILE = "fnc1_train_bodies.csv"

Pair = tuple[str, str, str]  # headline, body id, stance ("" when unknown)


def dev_bodies(body_ids: Iterable[str]) -> set[str]:
    """The held-out body ids of the development split (deterministic for a given id set)."""
    ids = sorted({str(b) for b in body_ids}, key=int)
    return set(random.Random(SPLIT_SEED).sample(ids, round(len(ids) * DEV_SHARE)))


def read_stances(path: Path) -> list[Pair]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [
            (r["Headline"], str(r["Body ID"]).strip(), (r.get("Stance") or "").strip().lower())
            for r in csv.DictReader(fh)
        ]


def read_bodies(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return {str(r["Body ID"]).strip(): r["articleBody"] for r in csv.DictReader(fh)}


def write_stances(path: Path, pairs: Iterable[Pair]) -> None:
    """FNC-1's layout: ``Headline,Body ID,Stance``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["Headline", "Body ID", "Stance"])
        out.writerows(pairs)


def fnc_split(which: str) -> tuple[list[Pair], dict[str, str]]:
    """The ``train`` or ``dev`` part of FNC-1 train: its pairs and the bodies they use."""
    pairs = read_stances(data_file("stance", STANCES_FILE))
    bodies = read_bodies(data_file("stance", BODIES_FILE))
    held_out = dev_bodies(bodies)
    keep = [p for p in pairs if (p[1] in held_out) == (which == "dev")]
    return keep, {b: t for b, t in bodies.items() if (b in held_out) == (which == "dev")}


def run(
    *,
    split: str = "dev",
    data: Path | None = None,
    bodies: Path | None = None,
    predictions: Path | None = None,
) -> BenchResult:
    from newsint.corpus.stance import VERSION, article_stances, load_model

    if data is None:
        if split not in {"dev", "train"}:
            raise DataNotFound(f"no FNC-1 split {split!r}: use dev (or train, in-sample)")
        pairs, texts = fnc_split(split)
        gold = Path(tempfile.mkdtemp(prefix="newsint-bench-")) / f"stance.{split}.gold.csv"
        write_stances(gold, pairs)
    else:
        if bodies is None:
            bodies = data.with_name(data.name.replace("stances", "bodies"))
        if not data.exists() or not bodies.exists():
            raise DataNotFound(f"{data} or {bodies} not found; pass --data and --bodies")
        pairs, texts = read_stances(data), read_bodies(bodies)
        gold = data
    missing = {b for _, b, _ in pairs} - texts.keys()
    if missing:
        raise DataNotFound(f"{len(missing)} body ids of the stances are not in the bodies file")
    from newsint.nlp.embeddings import embed

    load_model()
    embed(["warm-up: load the ONNX session before the clock starts"])
    with Timer() as timer:
        labels = article_stances((h, texts[b]) for h, b, _ in pairs)
    out = predictions or Path(tempfile.mkdtemp(prefix="newsint-bench-")) / "stance.csv"
    write_stances(out, ((h, b, lab) for (h, b, _), lab in zip(pairs, labels, strict=True)))
    output, figures = run_scorer([scorer("stance_eval.py"), gold, out])
    return BenchResult(
        name="stance",
        figures=figures,
        scorer_output=output,
        speed={
            "pairs_per_s": len(pairs) / max(timer.seconds, 1e-9),
            "bodies": len({b for _, b, _ in pairs}),
            "peak_memory_mb": peak_memory_mb(),
        },
        extra={
            "version": VERSION,
            "split": split if data is None else str(data),
            "predictions": str(out),
        },
    )
