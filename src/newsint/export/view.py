"""What the standard exports read from a store, loaded once and indexed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from newsint.store import Store

Row = dict[str, Any]
Key = tuple[str, str]  # (document sha256, the report's local id)


@dataclass(frozen=True, slots=True)
class CorpusView:
    documents: dict[str, Row]  # analysed documents by sha256, in ingestion order
    sources: dict[Key, Row]
    attributions: dict[str, list[Row]]  # by document
    claims: dict[str, list[Row]]  # by document
    identities: dict[str, Row]  # corpus source identities by id
    identity_of: dict[Key, str]  # (document, source id) -> identity id
    clusters: list[Row]  # corpus claim clusters, in key order
    members: dict[str, list[Key]]  # cluster id -> its claims (document, claim id)

    def claim(self, key: Key) -> Row | None:
        doc, claim_id = key
        return next((c for c in self.claims.get(doc, []) if c["id"] == claim_id), None)


def load(store: Store) -> CorpusView:
    """Every table the exports need, from a store (analysed documents only)."""
    documents = {
        d["sha256"]: d
        for d in sorted(store.rows("documents"), key=lambda d: d["seq"])
        if d["status"] == "analysed"
    }
    attributions: dict[str, list[Row]] = defaultdict(list)
    for a in store.rows("attributions"):
        attributions[a["doc"]].append(a)
    claims: dict[str, list[Row]] = defaultdict(list)
    for c in store.rows("claims"):
        claims[c["doc"]].append(c)
    members: dict[str, list[Key]] = defaultdict(list)
    for link in store.rows("corpus_claim_links"):
        members[link["cluster"]].append((link["doc"], link["claim_id"]))
    return CorpusView(
        documents=documents,
        sources={(s["doc"], s["id"]): s for s in store.rows("sources")},
        attributions={d: _by_number(rows) for d, rows in attributions.items()},
        claims={d: _by_number(rows) for d, rows in claims.items()},
        identities={i["id"]: i for i in store.rows("corpus_source_identities")},
        identity_of={
            (link["doc"], link["source_id"]): link["identity"]
            for link in store.rows("corpus_source_links")
        },
        clusters=list(store.rows("corpus_claim_clusters")),
        members={k: sorted(v, key=lambda m: _number(m[1])) for k, v in members.items()},
    )


def _number(local_id: str) -> tuple[str, int]:
    """``c10`` after ``c9``: the report's ids sorted by their number."""
    head = local_id.rstrip("0123456789")
    tail = local_id[len(head) :]
    return head, int(tail) if tail else 0


def _by_number(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda r: _number(r["id"]))
