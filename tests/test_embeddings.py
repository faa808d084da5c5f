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


def test_a_vector_does_not_depend_on_the_batch_it_is_run_in() -> None:
    """Batching is for speed only: padding is masked, so a text alone, padded beside longer
    ones, or beside texts of its own length gives the same vector (the reports rest on it)."""
    from newsint.nlp.embeddings import _embed_ids

    texts = [
        "He said the plan was working.",
        "She said the plan had failed.",
        "Officials denied it.",
        "A spokesman for the company said the figures were wrong and it would appeal.",
    ]
    alone = np.stack([_embed_ids([token_ids(t)])[0] for t in texts])
    padded = _embed_ids([token_ids(t) for t in texts])
    pair = _embed_ids([token_ids(t) for t in texts[:2]])
    assert np.abs(alone - padded).max() <= 1e-6
    assert np.abs(alone[:2] - pair).max() <= 1e-6


@pytest.mark.parametrize(
    ("lengths", "cuts"),
    [
        ([], []),
        ([9], [(0, 1)]),
        ([9, 9, 9, 10], [(0, 4)]),  # one token of padding is cheaper than a second pass
        ([5, 200], [(0, 1), (1, 2)]),  # 195 tokens of padding cost more than a pass
        ([40] * 10, [(0, 6), (6, 10)]),  # at most BATCH_TOKENS (256) tokens a pass
        ([300, 300], [(0, 1), (1, 2)]),  # longer than a batch: alone
    ],
)
def test_batches_cut_sorted_lengths_where_padding_costs_more_than_a_pass(
    lengths: list[int], cuts: list[tuple[int, int]]
) -> None:
    from newsint.nlp.embeddings import batches

    assert [(r.start, r.stop) for r in batches(lengths)] == cuts


def test_each_distinct_text_is_embedded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsint.nlp import embeddings

    embeddings.forget()
    seen: list[int] = []
    real = embeddings._embed_ids
    monkeypatch.setattr(embeddings, "_embed_ids", lambda rows: seen.append(len(rows)) or real(rows))
    first = embeddings.embed(["Rain fell.", "Rain fell.", "The mayor resigned on Monday."])
    again = embeddings.embed(["The mayor resigned on Monday.", "Rain fell."])
    assert sum(seen) == 2
    assert np.array_equal(first[2], again[0]) and np.array_equal(first[0], first[1])
