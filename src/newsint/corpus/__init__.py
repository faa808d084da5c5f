"""Cross-article work: source and actor identity, claim clustering, corroboration.

Pure functions over plain records: :func:`build` turns a :class:`CorpusInput` (read from the
store) into a :class:`CorpusResult` (written back to the ``corpus_*`` tables). The result
depends only on the input, so rebuilding after every ingestion is idempotent.
"""

from __future__ import annotations

from newsint.corpus import clustering, corroboration, identity
from newsint.corpus.records import (
    ClaimLink,
    CorpusInput,
    CorpusResult,
)

VERSIONS = {
    "identity": identity.RULES,
    "clustering": f"{clustering.METHOD} threshold={clustering.THRESHOLD}",
    "corroboration": corroboration.RULES,
}

__all__ = ["VERSIONS", "CorpusInput", "CorpusResult", "build"]


def build(data: CorpusInput, *, threshold: float = clustering.THRESHOLD) -> CorpusResult:
    """Identities, claim clusters and their corroboration for a whole corpus."""
    documents = {d.sha256: d for d in data.documents}
    source_identities, source_links = identity.resolve_sources(data.sources, data.documents)
    actor_identities, actor_links = identity.resolve_actors(data.actors)
    identity_of = {(link.doc, link.source_id): link.identity for link in source_links}

    def order(claim_key: tuple[str, str]) -> tuple[int, str, int]:
        doc, cid = claim_key
        return (documents[doc].seq if doc in documents else 0, doc, corroboration._number(cid))

    claims = sorted(
        (c for c in data.claims if c.doc in documents), key=lambda c: order((c.doc, c.id))
    )
    by_key = {(c.doc, c.id): c for c in claims}
    method = f"{clustering.METHOD} threshold={threshold}"
    groups, evidence = clustering.cluster(
        [((c.doc, c.id), c.text, c.same_as) for c in claims], threshold=threshold
    )
    clusters = []
    links = []
    for members in groups:
        record = corroboration.corroborate(
            members, claims=by_key, documents=documents, identity_of=identity_of, method=method
        )
        clusters.append(record)
        links += [
            ClaimLink(doc=d, claim_id=c, cluster=record.id, evidence=evidence[(d, c)])
            for d, c in members
        ]
    return CorpusResult(
        source_identities=source_identities,
        source_links=source_links,
        actor_identities=actor_identities,
        actor_links=actor_links,
        claim_clusters=sorted(clusters, key=lambda c: c.id),
        claim_links=links,
    )
