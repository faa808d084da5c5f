"""The store's tables, in SQLAlchemy Core: one schema for SQLite and PostgreSQL.

Documents are keyed by the sha256 of their raw bytes; every other per-document row is keyed by
``(doc, id)`` where ``id`` is the id the report gives it (``s1``, ``a3``, ``c4``, ``e2``).
Span lists and id lists are JSON. The ``corpus_*`` tables are derived: :mod:`newsint.corpus`
recomputes them from the per-document rows after each ingestion, deterministically.

No column holds a wall-clock time, so ingesting the same inputs twice leaves the store identical.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

Doc = sa.String(64)  # sha256 hex of the raw bytes
LocalId = sa.String(32)

migrations = sa.Table(
    "migrations",
    metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("sha256", Doc, primary_key=True),
    sa.Column("seq", sa.Integer, nullable=False, index=True),  # order of first ingestion
    sa.Column("doc_id", sa.Text, nullable=False),  # the input's own id (JSONL id, WARC record)
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("status", sa.String(10), nullable=False),  # "analysed" | "skipped"
    sa.Column("reason", sa.Text),  # why it was skipped
    sa.Column("input_format", sa.String(10)),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("site", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("published", sa.String(10), index=True),  # YYYY-MM-DD
    sa.Column("language", sa.String(10)),
    sa.Column("extractor", sa.Text),
    sa.Column("text", sa.Text),
    sa.Column("sourcing", sa.Text),
    sa.Column("central_claim_id", LocalId),
    sa.Column("counts", sa.JSON),
    sa.Column("versions", sa.JSON),  # rule set and model names, newsint version
    sa.Column("authors", sa.JSON),  # bylines, a list of names (migration 0004)
)
#: No two documents share a sequence number (the store gives them: ``Store.save``).
unique_seq = sa.Index("uq_documents_seq", documents.c.seq, unique=True)


def _child(name: str, *columns: sa.Column) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("doc", Doc, sa.ForeignKey("documents.sha256"), primary_key=True),
        sa.Column("id", LocalId, primary_key=True),
        *columns,
    )


sources = _child(
    "sources",
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("anonymous", sa.Boolean, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("role", sa.Text),
    sa.Column("affiliation", sa.Text),
    sa.Column("anonymity_reason", sa.Text),
    sa.Column("interest", sa.Text),
    sa.Column("relays_others", sa.Boolean, nullable=False),
    sa.Column("statements", sa.Integer, nullable=False),
    sa.Column("mentions", sa.JSON, nullable=False),
)

attributions = _child(
    "attributions",
    sa.Column("source_id", LocalId),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("source", sa.JSON, nullable=False),
    sa.Column("cue", sa.JSON, nullable=False),
    sa.Column("content", sa.JSON, nullable=False),
)

claims = _child(
    "claims",
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("spans", sa.JSON, nullable=False),
    sa.Column("attribution_ids", sa.JSON, nullable=False),
    sa.Column("source_ids", sa.JSON, nullable=False),
    sa.Column("certainty", sa.Float, nullable=False),
    sa.Column("hedges", sa.JSON, nullable=False),
    sa.Column("supported_by", sa.JSON, nullable=False),
    sa.Column("disputed_by", sa.JSON, nullable=False),
    sa.Column("not_confirmed_by", sa.JSON, nullable=False),
    sa.Column("reliability", sa.String(1)),
    sa.Column("credibility", sa.Integer),
    sa.Column("grade_reasons", sa.JSON),
    sa.Column("grade_rules", sa.Text),
    sa.Column("central", sa.Boolean, nullable=False),
    sa.Column("same_as", LocalId),
    # the claim's sentence vector: 384 little-endian float32 (newsint.corpus.meaning; 0005)
    sa.Column("vector", sa.LargeBinary),
)

events = _child(
    "events",
    sa.Column("actor_name", sa.Text, nullable=False),
    sa.Column("actor_type", sa.String(20), nullable=False),
    sa.Column("actor_code", sa.String(10)),
    sa.Column("action", sa.Text, nullable=False),
    sa.Column("plover", sa.String(20)),
    sa.Column("target_name", sa.Text),
    sa.Column("target_type", sa.String(20)),
    sa.Column("target_code", sa.String(10)),
    sa.Column("spans", sa.JSON, nullable=False),
    sa.Column("claim_id", LocalId),
    sa.Column("negated", sa.Boolean, nullable=False),
    sa.Column("hedged", sa.Boolean, nullable=False),
    # added by migration 0006_event_assertion (issue 19): not done but possible / planned, and
    # the names of the sources that assert the event ([] is the outlet's own voice)
    sa.Column("hypothetical", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("reported_by", sa.JSON),
)

cues = _child(
    "cues",
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("rule", sa.Text),
)

DOCUMENT_TABLES = (documents, sources, attributions, claims, events, cues)

# -- derived by newsint.corpus -------------------------------------------------------------

source_identities = sa.Table(
    "corpus_source_identities",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("anonymous", sa.Boolean, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("roles", sa.JSON, nullable=False),
    sa.Column("affiliations", sa.JSON, nullable=False),
    sa.Column("documents", sa.Integer, nullable=False),
    sa.Column("statements", sa.Integer, nullable=False),
)

source_links = sa.Table(
    "corpus_source_links",
    metadata,
    sa.Column("doc", Doc, primary_key=True),
    sa.Column("source_id", LocalId, primary_key=True),
    sa.Column("identity", sa.String(80), nullable=False, index=True),
    sa.Column("evidence", sa.Text, nullable=False),
)

actor_identities = sa.Table(
    "corpus_actor_identities",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(20), nullable=False),
    sa.Column("code", sa.String(10)),
    sa.Column("names", sa.JSON, nullable=False),
    sa.Column("documents", sa.Integer, nullable=False),
)

actor_links = sa.Table(
    "corpus_actor_links",
    metadata,
    sa.Column("doc", Doc, primary_key=True),
    sa.Column("name", sa.Text, primary_key=True),  # the actor's name as written
    sa.Column("identity", sa.String(80), nullable=False, index=True),
    sa.Column("evidence", sa.Text, nullable=False),
)

claim_clusters = sa.Table(
    "corpus_claim_clusters",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("text", sa.Text, nullable=False),  # the earliest member's text
    sa.Column("claims", sa.Integer, nullable=False),
    sa.Column("documents", sa.Integer, nullable=False),
    sa.Column("independent_sources", sa.Integer, nullable=False),
    sa.Column("sources", sa.JSON, nullable=False),  # identity ids counted as independent
    sa.Column("first_doc", Doc, nullable=False),
    sa.Column("first_published", sa.String(10)),
    sa.Column("amplified", sa.Boolean, nullable=False),
    sa.Column("amplification", sa.JSON, nullable=False),  # {identity: number of documents}
    sa.Column("disputed_by", sa.JSON, nullable=False),  # identity ids
    sa.Column("contradicted", sa.Boolean, nullable=False),
    sa.Column("anonymous_only", sa.Boolean, nullable=False),
    sa.Column("confirmed_on_record", sa.Boolean, nullable=False),
    sa.Column("method", sa.Text, nullable=False),
    # copies of member documents that carry the claim: counted neither as documents nor sources
    # (added by migration 0004, hence the defaults)
    sa.Column("republications", sa.Integer, nullable=False, server_default="0"),
    # identities that write a version and are its source elsewhere (amplification by authorship)
    sa.Column("authored_by", sa.JSON),
)

claim_links = sa.Table(
    "corpus_claim_links",
    metadata,
    sa.Column("doc", Doc, primary_key=True),
    sa.Column("claim_id", LocalId, primary_key=True),
    sa.Column("cluster", sa.String(80), nullable=False, index=True),
    sa.Column("evidence", sa.Text, nullable=False),
)

author_links = sa.Table(
    "corpus_author_links",
    metadata,
    sa.Column("doc", Doc, primary_key=True),
    sa.Column("role", sa.String(10), primary_key=True),  # "byline" | "outlet"
    sa.Column("name", sa.Text, primary_key=True),  # the byline's name, or the site, as written
    sa.Column("identity", sa.String(80), nullable=False, index=True),  # src:… when also a source
    sa.Column("evidence", sa.Text, nullable=False),
)

duplicates = sa.Table(
    "corpus_duplicates",
    metadata,
    sa.Column("doc", Doc, primary_key=True),  # the republication
    sa.Column("duplicate_of", Doc, nullable=False, index=True),  # the earliest version
    sa.Column("similarity", sa.Float, nullable=False),  # Jaccard of word 5-grams (MinHash)
    sa.Column("evidence", sa.Text, nullable=False),
)

CORPUS_TABLES = (
    source_identities,
    source_links,
    actor_identities,
    actor_links,
    claim_clusters,
    claim_links,
    author_links,
    duplicates,
)
