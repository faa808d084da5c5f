"""The labelled statement pairs the relation model learns from (annotations/relations/)."""

from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "annotations" / "relations"
LABELS = {"restates", "supports", "disputes", "not_confirm", "unrelated"}
BODIES = (
    Path(os.environ.get("NEWSINT_SHARED", ROOT.parent / "shared"))
    / "data"
    / "stance"
    / "fnc1_train_bodies.csv"
)


def rows(name: str) -> list[dict]:
    return [json.loads(x) for x in (PAIRS / name).read_text(encoding="utf-8").splitlines() if x]


@pytest.mark.parametrize("name", sorted(p.name for p in PAIRS.glob("fnc*.jsonl")))
def test_pairs_are_well_formed(name: str) -> None:
    for row in rows(name):
        claim = row["central_claim"]
        assert claim["text"], row["id"]
        for pair in row["pairs"]:
            assert pair["label"] in LABELS, (row["id"], pair)
            assert 0 <= pair["a"][0] < pair["a"][1], (row["id"], pair)
            assert 0 <= pair["b"][0] < pair["b"][1], (row["id"], pair)


def test_new_pairs_come_from_unused_fnc_train_bodies() -> None:
    """fnc3's bodies are in no other annotation of newsint's (and so in no judgement set)."""
    ours = {row["id"] for row in rows("fnc3.jsonl")}
    assert len(ours) == len(rows("fnc3.jsonl"))
    for path in (ROOT / "annotations").rglob("*"):
        if not path.is_file() or path.suffix not in {".jsonl", ".txt", ".py", ".md"}:
            continue
        if path.parent == PAIRS and path.name in {"fnc3.jsonl", "agreement_fnc3_second40.jsonl"}:
            continue
        named = {f"fnc1-body-{n}" for n in re.findall(r"fnc1-body-(\d+)", path.read_text("utf-8"))}
        assert not ours & named, (path, ours & named)


@pytest.mark.skipif(not BODIES.exists(), reason="the shared FNC-1 data is not beside the repo")
def test_new_pairs_quote_their_bodies() -> None:
    with BODIES.open(encoding="utf-8", newline="") as f:
        bodies = {f"fnc1-body-{r['Body ID']}": r["articleBody"] for r in csv.DictReader(f)}
    for row in rows("fnc3.jsonl"):
        text = bodies[row["id"]]
        claim = row["central_claim"]
        assert text[claim["span"][0] : claim["span"][1]] == claim["text"]
        for pair in row["pairs"]:
            assert pair["a"] == claim["span"]
            assert pair["b"][1] <= len(text)
            assert (pair["a_source"] is None) == (not claim["sources"])


def test_second_labelling_names_existing_pairs() -> None:
    first = {row["id"]: row["pairs"] for row in rows("fnc3.jsonl")}
    second = rows("agreement_fnc3_second40.jsonl")
    assert len(second) == 40
    for r in second:
        pair = first[r["id"]][r["pair"]]
        assert pair["a_source"] != pair["b_source"]
        assert r["label"] in LABELS
