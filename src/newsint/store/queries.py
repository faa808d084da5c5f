"""Analysts' questions over the store: the one implementation behind ``newsint query`` (and any
web view). Each returns plain rows (dicts) ready for a table, JSON or CSV.

A ``since`` date (YYYY-MM-DD) keeps documents published on or after it; documents with no known
publication date are left out when ``since`` is given.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa

from newsint.corpus.identity import normalise
from newsint.corpus.identity import slug as identity_slug
from newsint.errors import InputError
from newsint.store import schema as t
from newsint.store.db import Store

Row = dict[str, Any]


def _names(conn: sa.Connection, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    si = t.source_identities
    rows = conn.execute(sa.select(si.c.id, si.c.name).where(si.c.id.in_(ids)))
    names = {r.id: r.name for r in rows}
    return {i: names.get(i, _outlet_name(conn, i)) for i in ids}


def _outlet_name(conn: sa.Connection, identity: str) -> str:
    if identity.startswith("outlet:"):
        d = t.documents
        prefix = identity.removeprefix("outlet:")
        row = conn.execute(
            sa.select(d.c.site, d.c.name).where(d.c.sha256.like(prefix + "%"))
        ).first()
        if row is not None:
            return f"the outlet ({row.site or row.name})"
    return identity


def claims(
    store: Store, *, about: str | None = None, since: str | None = None, limit: int = 50
) -> list[Row]:
    """Claim clusters, most independently sourced first; ``about`` filters on the claim text."""
    c, k, link, d = t.claims, t.claim_clusters, t.claim_links, t.documents
    members = (
        sa.select(link.c.cluster)
        .join(c, sa.and_(c.c.doc == link.c.doc, c.c.id == link.c.claim_id))
        .join(d, d.c.sha256 == c.c.doc)
    )
    if about:
        members = members.where(c.c.text.ilike(f"%{about}%"))
    if since:
        members = members.where(d.c.published >= since)
    query = (
        sa.select(k)
        .where(k.c.id.in_(members))
        .order_by(k.c.independent_sources.desc(), k.c.documents.desc(), k.c.claims.desc(), k.c.id)
        .limit(limit)
    )
    with store.connect() as conn:
        rows = list(conn.execute(query))
        ids = {i for r in rows for i in (*r.sources, *r.disputed_by, *(r.authored_by or ()))}
        names = _names(conn, sorted(ids))
    return [
        {
            "cluster": r.id,
            "claim": r.text,
            "documents": r.documents,
            "independent_sources": r.independent_sources,
            "sources": [names[i] for i in r.sources],
            "amplified_by": {names[i]: n for i, n in r.amplification.items()},
            "disputed_by": [names[i] for i in r.disputed_by],
            "anonymous_only": r.anonymous_only,
            "confirmed_on_record": r.confirmed_on_record,
            "first_published": r.first_published,
            "republications": r.republications,
            "authored_by": [names[i] for i in r.authored_by or ()],
        }
        for r in rows
    ]


def duplicates(store: Store, *, limit: int = 200) -> list[Row]:
    """Republications: documents that republish an earlier one (a wire copy, a re-templated
    page, a one-word edit), with their original and the evidence; by original, then copy."""
    dup, d = t.duplicates, t.documents
    copy, original = d.alias("copy"), d.alias("original")
    query = (
        sa.select(
            copy.c.name.label("document"),
            copy.c.site,
            copy.c.title,
            original.c.name.label("duplicate_of"),
            original.c.site.label("original_site"),
            dup.c.similarity,
            dup.c.evidence,
            dup.c.doc,
            dup.c.duplicate_of.label("original_doc"),
        )
        .join(copy, copy.c.sha256 == dup.c.doc)
        .join(original, original.c.sha256 == dup.c.duplicate_of)
        .order_by(original.c.seq, copy.c.seq)
        .limit(limit)
    )
    with store.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def top_sources(store: Store, *, limit: int = 20, anonymous: bool = False) -> list[Row]:
    """Source identities by the number of documents that quote them (named ones by default)."""
    si, k = t.source_identities, t.claim_clusters
    query = sa.select(si).order_by(si.c.documents.desc(), si.c.statements.desc(), si.c.id)
    if not anonymous:
        query = query.where(si.c.anonymous.is_(False))
    with store.connect() as conn:
        rows = list(conn.execute(query.limit(limit)))
        clusters = list(conn.execute(sa.select(k.c.sources, k.c.disputed_by)))
    backed: dict[str, int] = defaultdict(int)
    disputed: dict[str, int] = defaultdict(int)
    for cl in clusters:
        for i in cl.sources:
            backed[i] += 1
            disputed[i] += bool(cl.disputed_by)
    return [
        {
            "source": r.name,
            "identity": r.id,
            "kind": r.kind,
            "documents": r.documents,
            "statements": r.statements,
            "claims": backed[r.id],
            "claims_disputed": disputed[r.id],
            "roles": r.roles,
            "affiliations": r.affiliations,
        }
        for r in rows
    ]


def _find_source(conn: sa.Connection, name: str) -> sa.Row[Any]:
    si = t.source_identities
    slug = "src:" + identity_slug(normalise(name))
    row = conn.execute(sa.select(si).where(si.c.id == slug)).first()
    if row is None:
        found = list(conn.execute(sa.select(si).where(si.c.name.ilike(f"%{name}%")).limit(5)))
        if len(found) == 1:
            row = found[0]
        elif found:
            raise InputError(
                f"{name!r} matches several sources: {', '.join(r.name for r in found)}; "
                "give the full name"
            )
    if row is None:
        raise InputError(f"no source {name!r} in the store; see `newsint query sources --top`")
    return row


def source(store: Store, name: str) -> Row:
    """One source across the corpus: how it is named where, what it said, who disputed it,
    and the documents it wrote (its byline)."""
    sl, s, c, d, cl, k = (
        t.source_links,
        t.sources,
        t.claims,
        t.documents,
        t.claim_links,
        t.claim_clusters,
    )
    with store.connect() as conn:
        ident = _find_source(conn, name)
        mentions = list(
            conn.execute(
                sa.select(d.c.sha256, d.c.name.label("document"), d.c.published, s, sl.c.evidence)
                .join(s, sa.and_(s.c.doc == sl.c.doc, s.c.id == sl.c.source_id))
                .join(d, d.c.sha256 == sl.c.doc)
                .where(sl.c.identity == ident.id)
                .order_by(d.c.seq)
            )
        )
        said: list[Row] = []
        for m in mentions:
            rows = conn.execute(
                sa.select(
                    c,
                    k.c.id.label("cluster"),
                    k.c.independent_sources,
                    k.c.disputed_by.label("cluster_disputed_by"),
                )
                .join(cl, sa.and_(cl.c.doc == c.c.doc, cl.c.claim_id == c.c.id))
                .join(k, k.c.id == cl.c.cluster)
                .where(c.c.doc == m.sha256)
                .order_by(c.c.id)
            )
            for r in rows:
                if m.id not in r.source_ids or m.id in r.disputed_by:
                    continue
                said.append(
                    {
                        "document": m.document,
                        "published": m.published,
                        "claim": r.text,
                        "grade": f"{r.reliability}{r.credibility}" if r.reliability else None,
                        "cluster": r.cluster,
                        "independent_sources": r.independent_sources,
                        "disputed_by": [i for i in r.cluster_disputed_by if i != ident.id],
                    }
                )
        names = _names(conn, sorted({i for x in said for i in x["disputed_by"]}))
        al = t.author_links
        wrote = [
            {"document": r.name, "title": r.title, "site": r.site, "evidence": r.evidence}
            for r in conn.execute(
                sa.select(d.c.name, d.c.title, d.c.site, al.c.evidence)
                .join(d, d.c.sha256 == al.c.doc)
                .where(al.c.identity == ident.id)
                .order_by(d.c.seq)
            )
        ]
    for x in said:
        x["disputed_by"] = [names[i] for i in x["disputed_by"]]
    return {
        "source": ident.name,
        "identity": ident.id,
        "kind": ident.kind,
        "anonymous": ident.anonymous,
        "roles": ident.roles,
        "affiliations": ident.affiliations,
        "documents": ident.documents,
        "named_as": [
            {"document": m.document, "name": m.name, "role": m.role, "evidence": m.evidence}
            for m in mentions
        ],
        "claims": said,
        "wrote": wrote,  # documents whose byline is this source (amplification by authorship)
    }


def actor(store: Store, name: str, *, since: str | None = None, limit: int = 200) -> list[Row]:
    """Events in which an actor (by name, or country code for states) acts or is acted on."""
    ai, al, e, d, c = t.actor_identities, t.actor_links, t.events, t.documents, t.claims
    key = normalise(name)
    with store.connect() as conn:
        ids = list(
            conn.scalars(
                sa.select(ai.c.id).where(
                    sa.or_(
                        ai.c.id == f"actor:{identity_slug(key)}",
                        sa.func.lower(ai.c.name) == key,
                        sa.func.lower(ai.c.code) == key,
                    )
                )
            )
        )
        if not ids:
            raise InputError(f"no actor {name!r} in the store; try a country name or code")
        names = sa.select(al.c.doc, al.c.name).where(al.c.identity.in_(ids)).subquery()
        query = (
            sa.select(
                e.c.doc,
                e.c.id,
                e.c.actor_name,
                e.c.action,
                e.c.plover,
                e.c.target_name,
                e.c.negated,
                e.c.hedged,
                e.c.hypothetical,
                e.c.reported_by,
                d.c.name.label("document"),
                d.c.published,
                c.c.text.label("claim"),
            )
            .join(d, d.c.sha256 == e.c.doc)
            .join(
                names,
                sa.and_(
                    names.c.doc == e.c.doc,
                    sa.or_(names.c.name == e.c.actor_name, names.c.name == e.c.target_name),
                ),
            )
            .outerjoin(c, sa.and_(c.c.doc == e.c.doc, c.c.id == e.c.claim_id))
            .order_by(sa.nulls_last(d.c.published), d.c.seq, e.c.id)
        )
        if since:
            query = query.where(d.c.published >= since)
        seen: set[tuple[str, str]] = set()
        rows: list[Any] = []
        for r in conn.execute(query):
            if (r.doc, r.id) not in seen and len(rows) < limit:
                seen.add((r.doc, r.id))
                rows.append(r)
    return [
        {
            "published": r.published,
            "document": r.document,
            "actor": r.actor_name,
            "action": r.action,
            "plover": r.plover,
            "target": r.target_name,
            "negated": r.negated,
            "hedged": r.hedged,
            "hypothetical": r.hypothetical,
            "reported_by": list(r.reported_by or []),
            "claim": r.claim,
        }
        for r in rows
    ]
