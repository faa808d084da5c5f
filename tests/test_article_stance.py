"""Article stance toward a claim (FNC-1's question), and the stance bench's CSV layout."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from newsint.bench.stance import dev_bodies, read_stances, write_stances
from newsint.corpus import stance

CLAIM = "Giant crab attacks swimmers at a Florida beach"
AGREE = (
    "A giant crab attacked several swimmers at a beach in Florida on Saturday, officials "
    "confirmed. Lifeguards said the crab, nearly a metre wide, bit three people near the pier. "
    "Police closed the beach and wildlife officers confirmed the crab was caught on Sunday."
)
DISAGREE = (
    "A viral story claiming that a giant crab attacked swimmers at a Florida beach is a hoax. "
    "The story, which spread on Facebook, was published by a satirical website. Local police "
    "said no such attack happened and the photo of the crab was doctored. Wildlife officials "
    "also denied the report, calling it fake."
)
UNRELATED = (
    "The central bank raised interest rates by a quarter point on Wednesday, citing inflation. "
    "Economists had expected the move. Markets in Asia fell slightly after the announcement, "
    "and the currency strengthened against the dollar."
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [(AGREE, "agree"), (DISAGREE, "disagree"), (UNRELATED, "unrelated")],
)
def test_toy_pairs(body: str, expected: str) -> None:
    assert stance.article_stances([(CLAIM, body)]) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two words here.", ["One.", "Two words here."]),
        ("A line\n\nAnother line", ["A line", "Another line"]),
        ('He said "no." Then left.', ['He said "no."', "Then left."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert stance.sentences(text) == expected


def test_cue_counts_words_and_phrases() -> None:
    counts = dict(
        zip(
            stance.CUE_NAMES, stance.cue_counts(stance.words("It is not true, a hoax")), strict=True
        )
    )
    assert counts["refute"] == 2  # "hoax", "not true"
    assert counts["negate"] == 1


def test_trees_follow_thresholds() -> None:
    # one stump: feature 0 <= 0.5 -> -1, else +2; init 0.25
    trees = stance.Trees(
        feature=np.array([0, -1, -1]),
        threshold=np.array([0.5, 0.0, 0.0]),
        left=np.array([1, 0, 0]),
        right=np.array([2, 0, 0]),
        value=np.array([0.0, -1.0, 2.0]),
        roots=np.array([0]),
        tree_class=np.array([0]),
        init=np.array([0.25]),
        rate=1.0,
        depth=1,
    )
    assert trees.raw(np.array([[0.5], [0.7]]))[:, 0].tolist() == [-0.75, 2.25]


def test_split_is_body_disjoint_and_fixed() -> None:
    ids = [str(i) for i in range(100)]
    held = dev_bodies(ids)
    assert len(held) == 20
    assert held == dev_bodies(reversed(ids))


def test_predictions_csv_layout(tmp_path: Path) -> None:
    out = tmp_path / "pred.csv"
    write_stances(out, [('A "quoted", headline', "12", "agree"), ("B", "7", "unrelated")])
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["Headline", "Body ID", "Stance"]
    assert read_stances(out) == [('A "quoted", headline', "12", "agree"), ("B", "7", "unrelated")]
