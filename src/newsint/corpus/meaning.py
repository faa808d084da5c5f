"""Claims' sentence vectors for clustering across documents (``newsint.claim-vectors.v1``).

Each claim's text is embedded by the int8 MiniLM newsint ships (:mod:`newsint.nlp.embeddings`)
when its document is analysed: the worker that analysed the article computes them right after
the analysis (the claims' grouping already embedded those texts, so the model's cache answers)
and hands them back beside the outcome, never in the public JSON report. The store keeps them
in ``claims.vector`` as :data:`DIM` little-endian float32 values, so a corpus rebuild only reads
them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsint.models import Analysis

VERSION = "newsint.claim-vectors.v1"
DIM = 384
_DTYPE = np.dtype("<f4")


def embed_texts(texts: Sequence[str]) -> np.ndarray:
    """One unit row of :data:`DIM` float32 values per text (the shipped MiniLM)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    from newsint.nlp.embeddings import embed

    return embed(list(texts))


def claim_vectors(analysis: Analysis) -> list[bytes]:
    """The stored form of each claim's vector, in the order of ``analysis.claims``."""
    return [encode(row) for row in embed_texts([c.text for c in analysis.claims])]


def encode(row: np.ndarray) -> bytes:
    return np.asarray(row, dtype=_DTYPE).tobytes()


def decode(blob: bytes | None) -> np.ndarray | None:
    """A stored vector back as float32 (None for a missing or malformed one)."""
    if not blob or len(blob) != DIM * _DTYPE.itemsize:
        return None
    return np.frombuffer(blob, dtype=_DTYPE).astype(np.float32)


def matrix(texts: Sequence[str], stored: Sequence[bytes | None]) -> np.ndarray:
    """Unit vectors of ``texts``: the stored ones, the rest embedded now (claims stored by a
    path that gave none)."""
    rows = [decode(b) for b in stored]
    missing = [i for i, r in enumerate(rows) if r is None]
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    if missing:
        for i, row in zip(missing, embed_texts([texts[i] for i in missing]), strict=True):
            rows[i] = row
    for i, row in enumerate(rows):
        if row is not None:
            norm = float(np.linalg.norm(row))
            out[i] = row / norm if norm else row
    return out
