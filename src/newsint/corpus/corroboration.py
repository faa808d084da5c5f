"""Corroboration of a claim cluster: independent sources, first appearance, amplification,
contradictions (``newsint.corroboration.v1``).

* In each document, the cluster's **supporters** are the sources of its claims there, minus the
  sources that dispute or decline to confirm any of them there; when none of its claims there
  has a source they are the outlet's own assertion, and the outlet (the document) supports it,
  unless a source is credited with the claim somewhere in the cluster: outlets repeating in
  their own voice what others credit to a source carry it, they do not confirm it.
* **Independent sources** are the distinct source identities among the supporters of every
  claim of the cluster: five outlets quoting Bob Kent are one source, not five. Anonymous
  sources are never merged (see :mod:`newsint.corpus.identity`), so each counts once per
  document; ``anonymous_only`` flags a cluster that rests on them alone.
* **Amplification**: a source identity that supports the cluster in two or more documents,
  or an original report (an outlet's own report, credited by other versions) carried by two
  or more; ``amplification`` maps each to its number of documents. An author whose
  byline is a source identity (:func:`newsint.corpus.identity.resolve_authors`) supports the
  claims their article makes in its own voice, and a source of the claim who writes another
  version of it amplifies it there too (``authored_by``): the guide's "including when its
  author writes one of the versions".
* **Contradictions**: the identities that dispute a claim of the cluster.
* **First appearance**: the earliest document by publication date, then by ingestion order.
* **Confirmed on the record**: an anonymous supporter, and a named one besides who is not an
  interested party (the guide: "confirmed" only with independent, non-interested, on-record
  confirmation; a party backing its own interest confirms nothing).
* **Republications** (:mod:`newsint.corpus.republications`) are not members: a copy of an
  article adds no document and no source; ``republications`` counts the copies carrying it.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence

from newsint.corpus.records import ClaimCluster, ClaimRecord, DocRecord

RULES = "newsint.corroboration.v1"

Key = tuple[str, str]


def cluster_id(members: Sequence[Key]) -> str:
    digest = hashlib.sha256("|".join(f"{d}:{c}" for d, c in sorted(members)).encode())
    return f"k:{digest.hexdigest()[:16]}"


def outlet_identity(doc: DocRecord) -> str:
    return f"outlet:{doc.sha256[:12]}"


def corroborate(
    members: Sequence[Key],
    *,
    claims: dict[Key, ClaimRecord],
    documents: dict[str, DocRecord],
    identity_of: dict[Key, str],
    method: str,
    republications: int = 0,
    bylines: dict[str, tuple[str, ...]] | None = None,
    outlets: dict[str, str] | None = None,
    interested: frozenset[str] = frozenset(),
    channels: dict[Key, frozenset[str]] | None = None,
    unnamed: frozenset[Key] = frozenset(),
) -> ClaimCluster:
    """The corroboration record of one cluster; ``identity_of`` maps (doc, source id) to the
    source identity; ``republications``: copies of its documents that carry it (``members``
    holds no claim of a republication: they add no document and no source); ``bylines`` and
    ``outlets``: the source identities of each document's authors and of its outlet, when they
    are quoted or credited in the corpus (:mod:`newsint.corpus.authorship`); ``interested``:
    the identities that are interested parties (they confirm nothing on the record);
    ``channels``: per claim, the identities that relay its source there
    (:mod:`newsint.corpus.channels`): a channel of the claim in an article backs none of its
    claims there; ``unnamed``: the (document, source id) of unnamed sources taken for the
    outlet they told (:mod:`newsint.corpus.reported_by`): an outlet backing the claim through
    them is no on-record confirmation."""
    bylines, outlets = bylines or {}, outlets or {}
    hidden: set[str] = set()  # identities that back the claim through unnamed sources
    backers: dict[str, set[str]] = {}  # document -> identities that back the claim there
    disputers: set[str] = set()
    by_doc: dict[str, list[ClaimRecord]] = defaultdict(list)
    for key in members:
        by_doc[claims[key].doc].append(claims[key])

    def ident(doc: str, source_id: str) -> str:
        return identity_of.get((doc, source_id), f"anon:{doc[:12]}:{source_id}")

    def writers(doc: str) -> tuple[str, ...]:
        """Who asserts the document's own-voice claims: its author when quoted in the corpus,
        else its outlet when credited in the corpus, else the outlet as this document."""
        outlet = (outlets[doc],) if doc in outlets else ()
        return bylines.get(doc) or outlet or (outlet_identity(documents[doc]),)

    for doc, group in by_doc.items():
        # a source that disputes or will not confirm the claim anywhere in this article does
        # not back it there, even where the pipeline made its refusal a claim of its own
        against = {s for c in group for s in c.disputed_by}
        declined = {s for c in group for s in c.not_confirmed_by}
        disputers |= {ident(doc, s) for s in against}
        backing = {s for c in group for s in c.source_ids} - against - declined
        relaying = {i for c in group for i in (channels or {}).get((doc, c.id), ())}
        backers[doc] = {ident(doc, s) for s in backing} - relaying
        hidden |= {ident(doc, s) for s in backing if (doc, s) in unnamed}
        if not backing and all(not c.source_ids for c in group):
            backers[doc] |= set(writers(doc))  # the outlet's own assertion
    if any(i for ids in backers.values() for i in ids if not i.startswith("outlet:")):
        # a source is credited somewhere: outlets that carry the claim in their own voice
        # repeat it, they do not confirm it
        backers = {d: {i for i in ids if not i.startswith("outlet:")} for d, ids in backers.items()}
    supporters = _by_identity(backers)

    # amplification by authorship: a source of the claim who writes another version of it
    written: dict[str, set[str]] = defaultdict(set)
    for doc in by_doc:
        for writer in (*bylines.get(doc, ()), *([outlets[doc]] if doc in outlets else [])):
            written[writer].add(doc)
    authored_by = sorted(w for w, docs in written.items() if supporters.get(w, set()) - docs)
    for writer in authored_by:
        supporters[writer] |= written[writer]
    reports = _rest_on_original_reports(supporters, backers, outlets)

    def order(doc: str) -> tuple[bool, str, int]:
        d = documents[doc]
        return (d.published is None, d.published or "", d.seq)

    ordered = sorted(members, key=lambda k: (order(k[0]), _number(k[1])))
    first = documents[ordered[0][0]]
    independent = sorted(supporters)
    carried = {**reports, **supporters}  # an original report is carried, not a source
    amplification = {i: len(docs) for i, docs in sorted(carried.items()) if len(docs) > 1}
    anonymous = [i for i in independent if i.startswith("anon:") or i in hidden]
    on_record = [
        i for i in independent if i.startswith("src:") and i not in interested and i not in hidden
    ]
    return ClaimCluster(
        id=cluster_id(members),
        text=claims[ordered[0]].text,
        claims=len(members),
        documents=len({d for d, _ in members}),
        independent_sources=len(independent),
        sources=independent,
        first_doc=first.sha256,
        first_published=first.published,
        amplified=bool(amplification),
        amplification=amplification,
        disputed_by=sorted(disputers),
        contradicted=bool(disputers),
        anonymous_only=bool(independent) and len(anonymous) == len(independent),
        confirmed_on_record=bool(anonymous) and bool(on_record),
        method=method,
        republications=republications,
        authored_by=authored_by,
    )


def _by_identity(backers: dict[str, set[str]]) -> dict[str, set[str]]:
    supporters: dict[str, set[str]] = defaultdict(set)  # identity -> documents
    for doc, identities in backers.items():
        for identity in identities:
            supporters[identity].add(doc)
    return supporters


def _rest_on_original_reports(
    supporters: dict[str, set[str]], backers: dict[str, set[str]], outlets: dict[str, str]
) -> dict[str, set[str]]:
    """An outlet credited with the claim elsewhere ("according to Foreign Policy") whose own
    report of it is in the cluster and credits its sources is not one more source: the credit
    rests on that report, so its sources are amplified there instead. Returns each such
    report's documents (its own and those crediting it): the guide's "one original report
    carried by several outlets" is amplification, though not a source."""
    reports: dict[str, set[str]] = {}
    for doc, outlet in sorted(outlets.items()):
        sources = backers.get(doc, set()) - {outlet}
        if outlet not in supporters or not sources or outlet in backers.get(doc, set()):
            continue
        credited = supporters.pop(outlet) - {doc}
        reports[outlet] = credited | {doc}
        for source in sources:
            supporters[source] |= credited
    return reports


def _number(local_id: str) -> int:
    digits = "".join(ch for ch in local_id if ch.isdigit())
    return int(digits) if digits else 0
