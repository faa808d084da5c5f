"""Sentence embeddings (newsint.nlp.embeddings): the packaged MiniLM model, run on the CPU."""

from __future__ import annotations

import numpy as np
import pytest

from newsint.nlp.embeddings import DIM, basic_tokens, embed, token_ids


def test_shape_and_unit_norm() -> None:
    vectors = embed(["The minister resigned.", "Prices rose in May.", "Rain is expected."])
    assert vectors.shape == (3, DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_no_text_no_rows() -> None:
    assert embed([]).shape == (0, DIM)


def test_order_kept_across_batches() -> None:
    texts = [f"Sentence number {i} is {'long ' * (i % 7)}here." for i in range(40)]
    together = embed(texts)
    assert np.allclose(together[[3, 17, 39]], embed([texts[3], texts[17], texts[39]]), atol=1e-4)


@pytest.mark.parametrize(
    ("claim", "paraphrase", "unrelated"),
    [
        (
            "The company confirmed it will cut 500 jobs.",
            "Five hundred workers will be laid off, the firm said.",
            "Heavy rain is expected in the north on Sunday.",
        ),
        (
            "Russia sent troops into the region.",
            "Moscow deployed soldiers to the area.",
            "The museum reopened its modern art wing.",
        ),
    ],
)
def test_paraphrase_closer_than_unrelated(claim: str, paraphrase: str, unrelated: str) -> None:
    a, b, c = embed([claim, paraphrase, unrelated])
    assert a @ b > 0.5
    assert a @ c < 0.3
    assert a @ b > a @ c + 0.3


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Zürich's café, naïve!", ["zurich", "'", "s", "cafe", ",", "naive", "!"]),
        ("U.S.-led talks", ["u", ".", "s", ".", "-", "led", "talks"]),
        ("東京 is\tbig", ["東", "京", "is", "big"]),
    ],
)
def test_basic_tokens_as_bert_uncased(text: str, tokens: list[str]) -> None:
    assert basic_tokens(text) == tokens


def test_token_ids_wordpieces() -> None:
    # ids of all-MiniLM-L6-v2's tokenizer.json: [CLS] hello world , it ' s zurich [SEP]
    assert token_ids("Hello world, it's Zürich") == [
        101, 7592, 2088, 1010, 2009, 1005, 1055, 10204, 102
    ]  # fmt: skip
    assert len(token_ids("word " * 400)) == 256


def test_a_restatement_in_other_words_joins_its_claim_and_a_shared_topic_does_not() -> None:
    """In-article restatement links (same_as) follow meaning, not shared words."""
    from newsint.pipeline import analyze_text

    analysis = analyze_text(
        "Russia offered bounties to Taliban militants to kill US troops, officials said. "
        "Moscow paid Taliban fighters to target American soldiers, a second official said. "
        "Taliban militants attacked a US base in 2019, the Pentagon said."
    )
    first, second, third = sorted(analysis.claims, key=lambda c: c.spans[0][0])
    assert second.same_as == first.id or first.same_as == second.id
    assert third.same_as is None
