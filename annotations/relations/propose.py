#!/usr/bin/env python3
"""Pick FNC-1 train bodies for new relation pairs and list the statements newsint finds in them.

    PYTHONPATH=src python annotations/relations/propose.py N [--skip K] > /tmp/proposals.txt

The pool: FNC-1 **train** bodies (``../shared/data/stance/fnc1_train_bodies.csv``) that FNC-1
labels "disagree" with some headline (so disputes and non-confirmations are common), 1,200-3,000
characters, whose Body ID appears in no file under ``annotations/`` (no other annotation of
newsint's uses them), in ``random.Random(16)`` order. For each of N bodies (after the first K) it
prints the text and every attribution newsint finds (content span, source name), which the
annotator keeps, corrects or drops and labels against the central claim by the judgement guide
(sections 1 and 4). No dev set, PolNeAR test or FNC-1 competition text is read.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = Path(os.environ.get("NEWSINT_SHARED", ROOT.parent / "shared"))
SEED = 16
MIN_CHARS, MAX_CHARS = 1200, 3000


#: The files this pool's annotations went to (their bodies stay in the pool, so it is stable).
OWN = re.compile(r"fnc[3-9]\.jsonl|agreement_fnc3\w*\.jsonl")


def used_bodies() -> set[str]:
    """Every FNC-1 Body ID named in a file under annotations/ (other than this pool's output)."""
    found: set[str] = set()
    for path in (ROOT / "annotations").rglob("*"):
        if OWN.fullmatch(path.name) and path.parent == HERE:
            continue
        if path.is_file() and path.suffix in {".jsonl", ".txt", ".py", ".md", ".json"}:
            text = path.read_text(encoding="utf-8", errors="ignore")
            found |= set(re.findall(r"fnc1-body-(\d+)", text))
    return found


def pool(exclude: set[str]) -> list[tuple[str, str]]:
    data = SHARED / "data" / "stance"
    stances: dict[str, set[str]] = defaultdict(set)
    with (data / "fnc1_train_stances.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            stances[row["Body ID"]].add(row["Stance"])
    with (data / "fnc1_train_bodies.csv").open(encoding="utf-8", newline="") as f:
        bodies = [(r["Body ID"], r["articleBody"]) for r in csv.DictReader(f)]
    keep = [
        (b, t)
        for b, t in bodies
        if "disagree" in stances[b] and b not in exclude and MIN_CHARS <= len(t) <= MAX_CHARS
    ]
    keep.sort(key=lambda x: int(x[0]))
    random.Random(SEED).shuffle(keep)
    return keep


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--skip", type=int, default=0)
    args = parser.parse_args()
    from newsint.nlp.analyse import analyse_text

    for body, text in pool(used_bodies())[args.skip : args.skip + args.n]:
        parts = analyse_text(text)
        names = {s.id: s.name for s in parts.sources}
        print(f"=== fnc1-body-{body} ({len(text)} chars)")
        print(text)
        print("--- statements")
        for a in sorted(parts.attributions, key=lambda a: a.content[0][0]):
            start, end = a.content[0][0], a.content[-1][1]
            who = names.get(a.source_id or "", "?")
            print(f"[{start}, {end}] {who!r}: {text[start:end]!r}")
        print()


if __name__ == "__main__":
    main()
