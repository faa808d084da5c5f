"""Republications: the same article again under another outlet's name, template or wire credit
(``newsint.republications.minhash.v2``).

A document is a **republication** of an earlier one when the word 5-grams ("shingles") of their
clean texts overlap with a Jaccard similarity of :data:`THRESHOLD` or more. Candidates are found
with MinHash signatures in a MinHash LSH index (``datasketch``), so a corpus is compared in
about linear time, not pair by pair; the exact similarity of each candidate decides. A one-word
edit, a page re-templated around the same text, and a wire copy with its own dateline and
credit line all keep most of their shingles; two outlets' own reports of one story share
quotations but few runs of five words in a row outside them.

A **shortened copy** is one too: nearly all of the shorter text's shingles
(:data:`CONTAINED`) are the other's, and it is too long to be a quotation
(:data:`MIN_CONTAINED`); a second LSH index at a lower threshold finds its candidates.

The **original** is the earliest document (by publication date, undated last, then ingestion
order); a copy of a copy is a copy of the original. A republication adds no document and no
source to a claim's count (:mod:`newsint.corpus`): its claims are attached to the clusters of
the original's matching claims (:func:`match_claims`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from newsint.corpus.clustering import Vectors
from newsint.corpus.records import DocRecord, Republication

if TYPE_CHECKING:
    from datasketch import MinHash

METHOD = "newsint.republications.minhash.v2"

#: Words per shingle. Five: short enough that a one-word edit spoils only five shingles, long
#: enough that two reports of one story quoting the same sentence stay far apart.
SHINGLE = 5

#: Jaccard similarity of the shingle sets from which a document is a republication. A
#: one-word edit of the bundled example scores about .99, its wire copy (new dateline, credit
#: line, last paragraph dropped) about .8, and the fixture articles that re-quote its sources in
#: their own words score under .05 with it (``tests/corpus/test_republications.py``); half-way
#: keeps a copy that lost up to a third of its text on either side.
THRESHOLD = 0.5

#: MinHash permutations: a Jaccard estimate with a standard error of about .04.
NUM_PERM = 128

#: The LSH index looks for candidates from this estimated similarity, under
#: :data:`THRESHOLD` by more than two standard errors, so that a copy whose estimate falls
#: short by chance is still found; each candidate's exact similarity then decides.
CANDIDATES = 0.4

#: Texts with fewer shingles than this are compared by their exact words only: a short note
#: shares too few shingles with anything for the estimate to mean much.
MIN_SHINGLES = 20

#: A shortened copy (a site that runs the first half of an article): the shorter text's
#: shingles are nearly all the other's (:data:`CONTAINED` or more of them), and it is long
#: enough (:data:`MIN_CONTAINED` shingles, about 60 words) that it cannot be a quotation
#: another report makes of it.
CONTAINED = 0.8
MIN_CONTAINED = 60

#: Candidates for a shortened copy: a text 30% as long as its original, all of it copied,
#: has a Jaccard similarity of .3 with it.
CONTAINED_CANDIDATES = 0.2

_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    """The word :data:`SHINGLE`-grams of a text, lower-cased, punctuation ignored."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _signature(grams: set[str]) -> MinHash:
    from datasketch import MinHash

    signature = MinHash(num_perm=NUM_PERM, seed=1)
    signature.update_batch(sorted(g.encode("utf-8") for g in grams))
    return signature


def _earliest_first(documents: Sequence[DocRecord]) -> list[DocRecord]:
    return sorted(documents, key=lambda d: (d.published is None, d.published or "", d.seq))


def find(documents: Sequence[DocRecord], *, threshold: float = THRESHOLD) -> list[Republication]:
    """Every document that republishes an earlier one, with its original and the evidence."""
    from datasketch import MinHashLSH

    index = MinHashLSH(num_perm=NUM_PERM, params=_bands(min(threshold, CANDIDATES)))
    wide = MinHashLSH(num_perm=NUM_PERM, params=_bands(CONTAINED_CANDIDATES))
    short: dict[str, str] = {}  # exact words of short originals -> their sha256
    names = {d.sha256: d.name for d in documents}
    texts = {d.sha256: d.text for d in documents}
    found: list[Republication] = []
    for doc in _earliest_first(documents):
        grams = shingles(doc.text)
        if not grams:
            continue
        if len(grams) < MIN_SHINGLES:
            words = " ".join(_WORD.findall(doc.text.lower()))
            if words in short:
                found.append(_record(doc, short[words], 1.0, names, exact=True))
            else:
                short[words] = doc.sha256
            continue
        signature = _signature(grams)
        scored = [(jaccard(grams, shingles(texts[c])), c) for c in index.query(signature)]
        score, original = max(scored, default=(0.0, ""))
        if score >= threshold:
            found.append(_record(doc, original, score, names))
            continue
        shortened = [(contained(grams, shingles(texts[c])), c) for c in wide.query(signature)]
        score, original = max(shortened, default=(0.0, ""))
        if score >= CONTAINED:
            found.append(_record(doc, original, score, names, shortened=True))
            continue
        index.insert(doc.sha256, signature)
        wide.insert(doc.sha256, signature)
    return sorted(found, key=lambda r: r.doc)


@lru_cache(maxsize=4)
def _bands(threshold: float) -> tuple[int, int]:
    """The LSH index's bands and rows for a threshold: datasketch finds them by numerical
    integration (about 20 ms), once per process rather than at every corpus rebuild."""
    from datasketch import MinHashLSH

    index = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return index.b, index.r


def jaccard(a: set[str], b: set[str]) -> float:
    """The exact Jaccard similarity of two shingle sets, to three decimals."""
    return round(len(a & b) / len(a | b), 3) if a or b else 0.0


def contained(a: set[str], b: set[str]) -> float:
    """The share of the shorter set's shingles that are the other's, to three decimals; 0 when
    the shorter has fewer than :data:`MIN_CONTAINED` (a quotation, not a copy)."""
    shorter = min(len(a), len(b))
    return round(len(a & b) / shorter, 3) if shorter >= MIN_CONTAINED else 0.0


def _record(
    doc: DocRecord,
    original: str,
    score: float,
    names: dict[str, str],
    *,
    exact: bool = False,
    shortened: bool = False,
) -> Republication:
    how = "the same words" if exact else f"{score:.2f} of their word {SHINGLE}-grams in common"
    if shortened:
        how = f"{score:.2f} of the shorter text's word {SHINGLE}-grams are the other's"
    return Republication(
        doc=doc.sha256,
        duplicate_of=original,
        similarity=score,
        evidence=f"republishes {names.get(original, original[:12])}: {how} ({METHOD})",
    )


Key = tuple[str, str]  # (document sha256, claim id)

#: A republication's claim is the original's claim when their cosine (``Vectors``) reaches this:
#: the copy's words are the original's, bar an edit.
CLAIM_MATCH = 0.5


def match_claims(
    copy: Sequence[tuple[Key, str]], original: Sequence[tuple[Key, str]]
) -> dict[Key, tuple[Key, float]]:
    """Each claim of a republication paired with the original's claim that says it (the most
    similar one, :data:`CLAIM_MATCH` or more); claims the copy added are left out."""
    if not copy or not original:
        return {}
    vectors = Vectors.of([t for _, t in original] + [t for _, t in copy])
    pairs: dict[Key, tuple[Key, float]] = {}
    for i, (key, _) in enumerate(copy, start=len(original)):
        scores = [(vectors.similarity(j, i), -j) for j in range(len(original))]
        score, minus_j = max(scores)
        if score >= CLAIM_MATCH and vectors.same_claim(-minus_j, i, score, CLAIM_MATCH):
            pairs[key] = (original[-minus_j][0], score)
    return pairs
