"""``newsint export --format claims-jsonld``: the store's claims as schema.org ``Claim``s.

One ``Claim`` per claim cluster of the corpus (the same claim across documents,
``docs/corpus.md``): its ``text``; ``author``, the sources credited with it (people as
``Person`` with their role and affiliation, groups and outlets as ``Organization``, an
anonymous source described as such); ``citation``, the documents credited with it (an
unspecified "information", a report); ``appearance``, every article that carries it;
``firstAppearance``, the earliest (by publication date, then ingestion order).

newsint rates sourcing, never truth. A ``ClaimReview`` is written only where a rating exists:
the claim's Admiralty grade in one article, with ``reviewAspect`` saying it rates the
sourcing; a claim with no grade, or graded F6 ("cannot be judged"), has none.
"""

from __future__ import annotations

from typing import Any

from newsint import __version__
from newsint.export.jsonld import SCHEMA_ORG, context
from newsint.export.view import CorpusView, Key, Row
from newsint.summary import (
    _CREDIBILITY as CREDIBILITY,  # the grade's words, as the summary says them
)
from newsint.summary import _RELIABILITY as RELIABILITY

#: What every ClaimReview rates: the sourcing as the article gives it, not the claim's truth.
REVIEW_ASPECT = (
    "sourcing: the Admiralty grade (reliability A-F of the sources as the article presents "
    "them x credibility 1-6 of the information), not whether the claim is true"
)
ORGANISATION_KINDS = frozenset({"organisation", "media"})
DOCUMENT_KIND = "document"


def claims_document(view: CorpusView) -> dict[str, Any]:
    """The whole export: one JSON-LD document, its context inline (nothing to fetch)."""
    graph: list[dict[str, Any]] = []
    for cluster in view.clusters:
        members = [m for m in view.members.get(cluster["id"], []) if m[0] in view.documents]
        if not members:
            continue
        graph.append(claim_node(view, cluster, members))
        graph += [r for m in members if (r := review_node(view, cluster, m)) is not None]
    return {"@context": context(SCHEMA_ORG), "@graph": graph}


def claim_iri(cluster_id: str) -> str:
    return f"urn:newsint:claim:{cluster_id}"


def document_iri(sha256: str) -> str:
    return f"urn:newsint:doc:{sha256}"


def claim_node(view: CorpusView, cluster: Row, members: list[Key]) -> dict[str, Any]:
    docs = list(dict.fromkeys(doc for doc, _ in members))
    credited = _credited(view, members)
    node: dict[str, Any] = {
        "@id": claim_iri(cluster["id"]),
        "@type": "Claim",
        "identifier": cluster["id"],
        "text": cluster["text"],
        "author": [_author(view, i) for i in credited if not _is_document(view, i)],
        "citation": [_citation(view, i) for i in credited if _is_document(view, i)],
        "appearance": [_article(view, doc) for doc in docs],
        "firstAppearance": {"@id": document_iri(_first(view, cluster, docs))},
    }
    return {k: v for k, v in node.items() if v != []}


def _credited(view: CorpusView, members: list[Key]) -> list[str]:
    """The identities credited with the cluster's claims, in order of first mention; a claim
    with no source at all is the outlet's own assertion."""
    found: list[str] = []
    for doc, claim_id in members:
        claim = view.claim((doc, claim_id))
        ids = claim["source_ids"] if claim else []
        found += [view.identity_of.get((doc, s), f"{doc}:{s}") for s in ids]
        if claim is not None and not ids:
            found.append(f"outlet:{doc}")
    return list(dict.fromkeys(found))


def _is_document(view: CorpusView, identity: str) -> bool:
    row = view.identities.get(identity)
    return row is not None and row["kind"] == DOCUMENT_KIND


def _author(view: CorpusView, identity: str) -> dict[str, Any]:
    row = view.identities.get(identity)
    if identity.startswith("outlet:"):
        doc = view.documents.get(identity.removeprefix("outlet:"), {})
        name = doc.get("site") or doc.get("name") or "the outlet"
        return {"@type": "Organization", "name": name, "description": "the outlet's own assertion"}
    if row is None:
        return {"@type": "Person", "name": identity}
    kind = "Organization" if row["kind"] in ORGANISATION_KINDS else "Person"
    node: dict[str, Any] = {"@type": kind, "name": row["name"], "identifier": identity}
    if row["anonymous"]:
        node["description"] = f"anonymous source ({row['kind'].replace('_', ' ')})"
    else:
        node["description"] = f"named source ({row['kind'].replace('_', ' ')})"
    if kind == "Person" and row["roles"]:
        node["jobTitle"] = row["roles"]
    if kind == "Person" and row["affiliations"]:
        node["affiliation"] = [{"@type": "Organization", "name": a} for a in row["affiliations"]]
    return node


def _citation(view: CorpusView, identity: str) -> dict[str, Any]:
    row = view.identities[identity]
    state = "unnamed provider" if row["anonymous"] else "named"
    return {
        "@type": "CreativeWork",
        "name": row["name"],
        "identifier": identity,
        "description": f"a document credited with the claim ({state})",
    }


def _article(view: CorpusView, doc: str) -> dict[str, Any]:
    d = view.documents[doc]
    node: dict[str, Any] = {
        "@id": document_iri(doc),
        "@type": "NewsArticle",
        "identifier": d["doc_id"],
        "name": d["name"],
        "headline": d["title"],
        "url": d["url"],
        "datePublished": d["published"],
        "publisher": {"@type": "Organization", "name": d["site"]} if d["site"] else None,
    }
    return {k: v for k, v in node.items() if v is not None}


def _first(view: CorpusView, cluster: Row, docs: list[str]) -> str:
    if cluster["first_doc"] in docs:
        return str(cluster["first_doc"])
    return docs[0]


def review_node(view: CorpusView, cluster: Row, member: Key) -> dict[str, Any] | None:
    """The claim's sourcing grade in one article as a ClaimReview, or None without a rating."""
    claim = view.claim(member)
    if claim is None or not _rated(claim):
        return None
    doc, claim_id = member
    grade = f"{claim['reliability']}{claim['credibility']}"
    reasons = [r["text"] for r in claim["grade_reasons"] or []]
    meaning = f"{RELIABILITY[claim['reliability']]}; {CREDIBILITY[claim['credibility']]}"
    return {
        "@id": f"{document_iri(doc)}/claim/{claim_id}/review",
        "@type": "ClaimReview",
        "itemReviewed": {"@id": claim_iri(cluster["id"])},
        "claimReviewed": claim["text"],
        "reviewAspect": REVIEW_ASPECT,
        "author": {"@type": "Organization", "name": f"newsint {__version__} (automated)"},
        "citation": {"@id": document_iri(doc)},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": grade,
            "alternateName": meaning,
            "reviewAspect": "sourcing",
            "ratingExplanation": "; ".join(reasons) or meaning,
        },
    }


def _rated(claim: Row) -> bool:
    """A grade that rates something: not missing, not F6 ("cannot be judged")."""
    reliability, credibility = claim["reliability"], claim["credibility"]
    if reliability not in RELIABILITY or credibility not in CREDIBILITY:
        return False
    return not (reliability == "F" and credibility == 6)
