"""One claim across the corpus, document by document: the question behind the web page's
corpus section (``GET /api/corpus/claims/{cluster}``). Read-only, like :mod:`queries`."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from newsint.errors import InputError
from newsint.store import schema as t
from newsint.store.db import Store
from newsint.store.queries import _names

Row = dict[str, Any]


def claim_detail(store: Store, cluster_id: str) -> Row:
    """A claim cluster's figures, and every document that carries it, earliest first (by
    publication date, undated last, then ingestion order): the outlet, the claim's words
    there, its grade there, and the sources credited with it (by their name across the
    corpus, and as that document names them) and disputing it there; a republication (a copy
    of an earlier document, counted in no figure) names its original."""
    k, cl, c, d, s = t.claim_clusters, t.claim_links, t.claims, t.documents, t.sources
    with store.connect() as conn:
        cluster = conn.execute(sa.select(k).where(k.c.id == cluster_id)).first()
        if cluster is None:
            raise InputError(f"no claim {cluster_id!r} in the store; search with /api/claims")
        members = list(
            conn.execute(
                sa.select(
                    c, d.c.name.label("document"), d.c.title, d.c.site, d.c.published, d.c.authors
                )
                .join(cl, sa.and_(cl.c.doc == c.c.doc, cl.c.claim_id == c.c.id))
                .join(d, d.c.sha256 == c.c.doc)
                .where(cl.c.cluster == cluster_id)
                .order_by(d.c.published.is_(None), d.c.published, d.c.seq, c.c.id)
            )
        )
        docs = sorted({m.doc for m in members})
        local = {
            (r.doc, r.id): r.name
            for r in conn.execute(sa.select(s.c.doc, s.c.id, s.c.name).where(s.c.doc.in_(docs)))
        }
        sl = t.source_links
        identity = {
            (r.doc, r.source_id): r.identity
            for r in conn.execute(
                sa.select(sl.c.doc, sl.c.source_id, sl.c.identity).where(sl.c.doc.in_(docs))
            )
        }
        dup = t.duplicates
        original = d.alias("original")
        copy_of = {
            r.doc: r.name
            for r in conn.execute(
                sa.select(dup.c.doc, original.c.name)
                .join(original, original.c.sha256 == dup.c.duplicate_of)
                .where(dup.c.doc.in_(docs))
            )
        }
        ids = {*cluster.sources, *cluster.amplification, *cluster.disputed_by, *identity.values()}
        ids |= set(cluster.authored_by or ())
        names = _names(conn, sorted(ids))

    def corpus_name(doc: str, source_id: str) -> str:
        """The source's name across the corpus ("Bob Kent" for a document's "Kent")."""
        found = identity.get((doc, source_id))
        return names[found] if found else local.get((doc, source_id), source_id)

    return {
        "cluster": cluster.id,
        "claim": cluster.text,
        "documents": cluster.documents,
        "independent_sources": [names[i] for i in cluster.sources],
        "amplified_by": {names[i]: n for i, n in cluster.amplification.items()},
        "disputed_by": [names[i] for i in cluster.disputed_by],
        "anonymous_only": cluster.anonymous_only,
        "confirmed_on_record": cluster.confirmed_on_record,
        "first_published": cluster.first_published,
        "republications": cluster.republications,
        "authored_by": [names[i] for i in cluster.authored_by or ()],
        "appearances": [
            {
                "document": m.document,
                "title": m.title,
                "site": m.site,
                "published": m.published,
                "authors": list(m.authors or ()),
                "claim": m.text,
                "grade": f"{m.reliability}{m.credibility}" if m.reliability else None,
                "credited_to": [corpus_name(m.doc, i) for i in m.source_ids],
                "named_there": [local.get((m.doc, i), i) for i in m.source_ids],
                "disputed_by": [corpus_name(m.doc, i) for i in m.disputed_by],
                "republication_of": copy_of.get(m.doc),  # a copy: counted in no figure
            }
            for m in members
        ],
    }
