"""Cross-article work: source and actor identity, claim clustering, corroboration.

Pure functions over plain records: :func:`build` turns a :class:`CorpusInput` (read from the
store) into a :class:`CorpusResult` (written back to the ``corpus_*`` tables). The result
depends only on the input, so rebuilding after every ingestion is idempotent.
"""

from __future__ import annotations

from collections import defaultdict

from newsint.corpus import (
    authorship,
    channels,
    clustering,
    corroboration,
    identity,
    meaning,
    own_sources,
    reported_by,
    republications,
    separation,
    transliteration,
)
from newsint.corpus.records import (
    ClaimLink,
    ClaimRecord,
    CorpusInput,
    CorpusResult,
    DocRecord,
)

VERSIONS = {
    "identity": identity.RULES,
    "transliteration": transliteration.RULES,
    "reported_by": reported_by.RULES,
    "authorship": authorship.RULES,
    "clustering": f"{clustering.MEANING_METHOD} threshold={clustering.MEANING_THRESHOLD}",
    "claim_vectors": meaning.VERSION,
    "corroboration": corroboration.RULES,
    "republications": f"{republications.METHOD} threshold={republications.THRESHOLD}",
    "own_sources": own_sources.RULES,
    "channels": channels.RULES,
    "separation": f"{separation.RULES} max_gap_days={separation.MAX_GAP_DAYS}",
}

__all__ = ["VERSIONS", "CorpusInput", "CorpusResult", "build"]


def build(
    data: CorpusInput, *, threshold: float | None = None, by_meaning: bool = True
) -> CorpusResult:
    """Identities, claim clusters and their corroboration for a whole corpus. Claims are
    clustered by their stored sentence vectors (``by_meaning``), else by their words."""
    documents = {d.sha256: d for d in data.documents}
    duplicates = republications.find(data.documents)
    original_of = {r.doc: r.duplicate_of for r in duplicates}
    source_identities, source_links = identity.resolve_sources(
        data.sources, data.documents, original_of=original_of
    )
    actor_identities, actor_links = identity.resolve_actors(data.actors)
    identity_of = {(link.doc, link.source_id): link.identity for link in source_links}
    interested = frozenset(i.id for i in source_identities if i.kind == "interested_party")
    author_links = authorship.resolve_authors(data.documents, source_identities, source_links)
    bylines: dict[str, tuple[str, ...]] = defaultdict(tuple)
    outlets: dict[str, str] = {}
    for a in author_links:
        if a.role == "outlet":
            outlets[a.doc] = a.identity
        elif a.identity.startswith("src:") and a.identity not in bylines[a.doc]:
            bylines[a.doc] += (a.identity,)

    def order(claim_key: tuple[str, str]) -> tuple[int, str, int]:
        doc, cid = claim_key
        return (documents[doc].seq if doc in documents else 0, doc, corroboration._number(cid))

    every = sorted(
        (c for c in data.claims if c.doc in documents), key=lambda c: order((c.doc, c.id))
    )
    sources = {(s.doc, s.id): s for s in data.sources}
    # republications add no claim; a claim's subject is not its source
    claims = own_sources.own_sources((c for c in every if c.doc not in original_of), sources)
    claims = reported_by.without_given_to(claims, reported_by.given_to(data.sources, documents))
    names = channels.names_of(data.sources, identity_of)
    relays = channels.relayed(claims, documents, names, identity_of, sources)
    claims = relays.claims
    identity_of.update(relays.identities)
    by_key = {(c.doc, c.id): c for c in claims}
    vectors = None
    if by_meaning:
        vectors = meaning.matrix([c.text for c in claims], [c.vector for c in claims])
        used = clustering.MEANING_THRESHOLD if threshold is None else threshold
        method = f"{clustering.MEANING_METHOD} threshold={used}"
    else:
        used = clustering.THRESHOLD if threshold is None else threshold
        method = f"{clustering.METHOD} threshold={used}"
    traces = _traces(claims, documents, identity_of)
    groups, evidence = clustering.cluster(
        [((c.doc, c.id), c.text, c.same_as) for c in claims],
        threshold=used,
        vectors=vectors,
        stories=[separation.Span.of(t) for t in traces],
    )
    copies = _copied_claims(every, original_of, documents)
    unnamed = frozenset(reported_by.credited_outlets(data.sources, documents))
    clusters = []
    links = []
    for members in groups:
        carried = [(copy, why) for key in members for copy, why in copies.get(key, [])]
        record = corroboration.corroborate(
            members,
            claims=by_key,
            documents=documents,
            identity_of=identity_of,
            method=method,
            republications=len({doc for (doc, _), _ in carried}),
            bylines=bylines,
            outlets=outlets,
            interested=interested,
            channels=relays.channels,
            unnamed=unnamed,
        )
        clusters.append(record)
        links += [
            ClaimLink(d, c, record.id, _joined(evidence[(d, c)], relays.evidence.get((d, c))))
            for d, c in members
        ]
        links += [
            ClaimLink(doc=d, claim_id=c, cluster=record.id, evidence=why) for (d, c), why in carried
        ]
    return CorpusResult(
        source_identities=source_identities,
        source_links=source_links,
        actor_identities=actor_identities,
        actor_links=actor_links,
        claim_clusters=sorted(clusters, key=lambda c: c.id),
        claim_links=links,
        author_links=author_links,
        duplicates=duplicates,
    )


Key = tuple[str, str]


def _joined(*parts: str | None) -> str:
    return "; ".join(p for p in parts if p)


def _traces(
    claims: list[ClaimRecord], documents: dict[str, DocRecord], identity_of: dict[Key, str]
) -> list[separation.Trace]:
    """Each claim's day and named sources, which tell two stories on one subject apart."""
    out = []
    names: dict[str, frozenset[str]] = {}
    for c in claims:
        named = {identity_of.get((c.doc, s), "") for s in (*c.source_ids, *c.supported_by)}
        day = separation.day_of(documents[c.doc].published)
        if c.doc not in names:
            names[c.doc] = separation.proper_names(documents[c.doc].text)
        sources = frozenset(i for i in named if i.startswith("src:"))
        out.append(separation.Trace(day, sources, names[c.doc]))
    return out


def _copied_claims(
    claims: list[ClaimRecord], original_of: dict[str, str], documents: dict[str, DocRecord]
) -> dict[Key, list[tuple[Key, str]]]:
    """For each claim of an original document, the claims of its republications that say it,
    with the evidence for each link."""
    by_doc: dict[str, list[tuple[Key, str]]] = defaultdict(list)
    for c in claims:
        by_doc[c.doc].append(((c.doc, c.id), c.text))
    copies: dict[Key, list[tuple[Key, str]]] = defaultdict(list)
    for copy, original in sorted(original_of.items()):
        name = documents[original].name if original in documents else original[:12]
        pairs = republications.match_claims(by_doc.get(copy, []), by_doc.get(original, []))
        for key, (source, score) in pairs.items():
            why = f"republication of {name}: {source[1]} there (similarity {score:.2f})"
            copies[source].append((key, why))
    return copies
