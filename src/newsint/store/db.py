"""The store: open (and migrate) a database by URL, write one document per transaction, read
the records the corpus stage needs, and replace the corpus tables.

A SQLite file by default (``sqlite:///newsint.db``), PostgreSQL by URL
(``postgresql://user:pass@host/db``, driven by psycopg 3). Every write of a document is one
transaction keyed by the sha256 of its raw bytes, so a crash loses at most the document in
flight and never leaves half of one behind.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from newsint import __version__
from newsint.corpus.meaning import claim_vectors
from newsint.corpus.records import (
    ActorRecord,
    ClaimRecord,
    CorpusInput,
    CorpusResult,
    DocRecord,
    SourceRecord,
)
from newsint.errors import ConfigError, StoreNotFound
from newsint.models import Analysis, Skipped, Spans
from newsint.store import schema
from newsint.store.migrations import migrate

DEFAULT_URL = "sqlite:///newsint.db"


def engine_url(url: str) -> str:
    """Accept a path, ``sqlite:///…`` or ``postgresql://…``; pick psycopg 3 for PostgreSQL."""
    if "://" not in url:
        return f"sqlite:///{Path(url)}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


#: How long a SQLite writer waits for another process's write to end (the corpus rebuild after
#: a server worker's store=true can take a few seconds) before "database is locked".
SQLITE_WAIT_SECONDS = 60.0


def _connect_args(url: str) -> dict[str, Any]:
    return {"timeout": SQLITE_WAIT_SECONDS} if url.startswith("sqlite") else {}


def _spans(spans: Spans) -> list[list[int]]:
    return [[s, e] for s, e in spans]


class Store:
    """One database. ``Store(url)`` opens it (creating it if need be) and applies pending
    migrations; ``Store(url, create=False)``, for reads, raises :class:`StoreNotFound` instead
    of creating a store that does not exist (a SQLite file, or the tables of a PostgreSQL
    database)."""

    def __init__(self, url: str = DEFAULT_URL, *, create: bool = True) -> None:
        self.url = engine_url(url)
        try:
            self.engine = sa.create_engine(self.url, connect_args=_connect_args(self.url))
        except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError) as exc:
            raise ConfigError(
                f"cannot open the store {url!r}: {exc}; "
                "give --db a sqlite:///FILE or postgresql://URL"
            ) from exc
        try:
            if not create:
                self._must_exist(url)
            migrate(self.engine)
        except sa.exc.OperationalError as exc:
            self.engine.dispose()
            raise ConfigError(
                f"cannot open the store {url!r}: {exc.__class__.__name__}: "
                f"{str(exc).splitlines()[0]}; give --db a sqlite:///FILE or postgresql://URL"
            ) from exc

    def _must_exist(self, url: str) -> None:
        missing = StoreNotFound(
            f"no store at {url!r}: nothing has been ingested there; "
            f"run `newsint ingest PATH --db {url}` first, or give --db the store to read"
        )
        if self.engine.dialect.name == "sqlite":
            database = self.engine.url.database
            if database and database != ":memory:" and not Path(database).is_file():
                self.engine.dispose()
                raise missing
            return
        if not sa.inspect(self.engine).has_table(schema.documents.name):
            self.engine.dispose()
            raise missing

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing documents ---------------------------------------------------------------

    def known(self) -> set[str]:
        """The sha256 of every stored document, analysed or skipped."""
        with self.engine.connect() as conn:
            return set(conn.scalars(sa.select(schema.documents.c.sha256)))

    def next_seq(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.scalar(sa.select(sa.func.max(schema.documents.c.seq))) or 0) + 1

    def save(
        self, outcome: Analysis | Skipped, *, sha256: str, vectors: Sequence[bytes] | None = None
    ) -> int:
        """Store one document (replacing any earlier version of it) in one transaction; return
        its sequence number.

        The number is the database's to give: an earlier version's number, else one above the
        highest, read inside the transaction under the documents table's write lock (SQLite's
        database lock, taken by the first write; PostgreSQL's ``SHARE ROW EXCLUSIVE`` table lock),
        so writers in other processes (``newsint serve --workers N``) never give two documents
        the same number, and a unique index stands behind it.

        ``vectors``: the claims' sentence vectors in stored form, in the order of the claims, as
        the worker that analysed the document computed them (:mod:`newsint.corpus.meaning`);
        computed here when not given."""
        given = vectors is not None and len(vectors) == len(getattr(outcome, "claims", ()))
        if isinstance(outcome, Analysis) and not given:
            vectors = claim_vectors(outcome)
        d = schema.documents
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text(f"LOCK TABLE {d.name} IN SHARE ROW EXCLUSIVE MODE"))
            else:  # a write first: SQLite's lock is then held until commit
                conn.execute(sa.update(d).where(d.c.sha256 == sha256).values(seq=d.c.seq))
            seq = conn.scalar(sa.select(d.c.seq).where(d.c.sha256 == sha256))
            if seq is None:
                seq = int(conn.scalar(sa.select(sa.func.max(d.c.seq))) or 0) + 1
            for table in reversed(schema.DOCUMENT_TABLES):
                column = table.c.sha256 if table is d else table.c.doc
                conn.execute(sa.delete(table).where(column == sha256))
            if isinstance(outcome, Skipped):
                conn.execute(
                    sa.insert(d).values(
                        sha256=sha256,
                        seq=seq,
                        doc_id=outcome.id,
                        name=outcome.name,
                        status="skipped",
                        reason=outcome.reason,
                        versions={"newsint": __version__},
                    )
                )
                return int(seq)
            for table, rows in _rows(outcome, sha256, int(seq), vectors or ()):
                if rows:
                    conn.execute(sa.insert(table), rows)
        return int(seq)

    # -- the corpus ------------------------------------------------------------------------

    def corpus_input(self) -> CorpusInput:
        d, s, c, e = schema.documents, schema.sources, schema.claims, schema.events
        data = CorpusInput()
        with self.engine.connect() as conn:
            for r in conn.execute(
                sa.select(
                    d.c.sha256,
                    d.c.seq,
                    d.c.name,
                    d.c.site,
                    d.c.url,
                    d.c.published,
                    d.c.text,
                    d.c.authors,
                )
                .where(d.c.status == "analysed")
                .order_by(d.c.seq)
            ):
                data.documents.append(
                    DocRecord(
                        r.sha256,
                        r.seq,
                        r.name,
                        r.site,
                        r.url,
                        r.published,
                        r.text or "",
                        tuple(r.authors or ()),
                    )
                )
            for r in conn.execute(sa.select(s).order_by(s.c.doc, s.c.id)):
                data.sources.append(
                    SourceRecord(
                        r.doc,
                        r.id,
                        r.name,
                        r.anonymous,
                        r.kind,
                        r.role,
                        r.affiliation,
                        r.statements,
                    )
                )
            for r in conn.execute(sa.select(c).order_by(c.c.doc, c.c.id)):
                data.claims.append(
                    ClaimRecord(
                        r.doc,
                        r.id,
                        r.text,
                        tuple(r.source_ids),
                        tuple(r.supported_by),
                        tuple(r.disputed_by),
                        tuple(r.not_confirmed_by),
                        r.same_as,
                        r.central,
                        r.vector,
                    )
                )
            for r in conn.execute(sa.select(e).order_by(e.c.doc, e.c.id)):
                data.actors.append(ActorRecord(r.doc, r.actor_name, r.actor_type, r.actor_code))
                if r.target_name:
                    data.actors.append(
                        ActorRecord(r.doc, r.target_name, r.target_type or "other", r.target_code)
                    )
        return data

    def replace_corpus(self, result: CorpusResult) -> None:
        """Swap in a freshly built corpus, in one transaction."""
        with self.engine.begin() as conn:
            for table in schema.CORPUS_TABLES:
                conn.execute(sa.delete(table))
            for table in schema.CORPUS_TABLES:
                rows = [dataclasses.asdict(x) for x in getattr(result, _field(table))]
                for start in range(0, len(rows), 1000):
                    conn.execute(sa.insert(table), rows[start : start + 1000])

    # -- reading -----------------------------------------------------------------------------

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of one table, in primary-key order (for export and comparisons)."""
        t = schema.metadata.tables.get(table)
        if t is None:
            raise ConfigError(f"no table {table!r}; tables: {', '.join(TABLES)}")
        with self.engine.connect() as conn:
            for r in conn.execute(sa.select(t).order_by(*t.primary_key.columns)):
                yield dict(r._mapping)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                name: int(conn.scalar(sa.select(sa.func.count()).select_from(table)) or 0)
                for name, table in schema.metadata.tables.items()
            }

    def connect(self) -> sa.Connection:
        return self.engine.connect()


TABLES = [t.name for t in (*schema.DOCUMENT_TABLES, *schema.CORPUS_TABLES)]


def _field(table: sa.Table) -> str:
    return table.name.removeprefix("corpus_")


def _clean(text: str | None) -> str | None:
    """PostgreSQL text cannot hold NUL characters; nothing newsint reads needs them."""
    return text.replace("\x00", "") if text else text


def _rows(
    a: Analysis, sha: str, seq: int, vectors: Sequence[bytes]
) -> list[tuple[sa.Table, list[dict[str, Any]]]]:
    art = a.article
    summary = a.summary
    document = {
        "sha256": sha,
        "seq": seq,
        "doc_id": art.id,
        "name": art.name,
        "status": "analysed",
        "reason": None,
        "input_format": art.input_format,
        "title": art.title,
        "url": art.url,
        "site": art.site,
        "author": art.author,
        "published": art.published,
        "language": art.language,
        "extractor": art.extractor,
        "text": _clean(art.text),
        "sourcing": summary.sourcing if summary else None,
        "central_claim_id": summary.central_claim_id if summary else None,
        "counts": dict(summary.counts) if summary else {},
        "versions": {**a.versions, "newsint": __version__},
        "authors": list(art.authors),
    }
    sources = [
        {
            "doc": sha,
            "id": s.id,
            "name": s.name,
            "anonymous": s.anonymous,
            "kind": s.kind,
            "role": s.role,
            "affiliation": s.affiliation,
            "anonymity_reason": s.anonymity_reason,
            "interest": s.interest,
            "relays_others": s.relays_others,
            "statements": s.statements,
            "mentions": _spans(s.mentions),
        }
        for s in a.sources
    ]
    attributions = [
        {
            "doc": sha,
            "id": x.id,
            "source_id": x.source_id,
            "kind": x.kind,
            "source": _spans(x.source),
            "cue": _spans(x.cue),
            "content": _spans(x.content),
        }
        for x in a.attributions
    ]
    claims = [
        {
            "doc": sha,
            "id": c.id,
            "text": c.text,
            "spans": _spans(c.spans),
            "attribution_ids": list(c.attribution_ids),
            "source_ids": list(c.source_ids),
            "certainty": float(c.certainty),
            "hedges": _spans(c.hedges),
            "supported_by": list(c.supported_by),
            "disputed_by": list(c.disputed_by),
            "not_confirmed_by": list(c.not_confirmed_by),
            "reliability": c.grade.reliability if c.grade else None,
            "credibility": c.grade.credibility if c.grade else None,
            "grade_reasons": [{"text": r.text, "spans": _spans(r.spans)} for r in c.grade.reasons]
            if c.grade
            else None,
            "grade_rules": c.grade.rules if c.grade else None,
            "central": c.central,
            "same_as": c.same_as,
            "vector": vector,
        }
        for c, vector in zip(a.claims, vectors, strict=True)
    ]
    events = [
        {
            "doc": sha,
            "id": e.id,
            "actor_name": e.actor.name,
            "actor_type": e.actor.type,
            "actor_code": e.actor.code,
            "action": e.action,
            "plover": e.plover,
            "target_name": e.target.name if e.target else None,
            "target_type": e.target.type if e.target else None,
            "target_code": e.target.code if e.target else None,
            "spans": _spans(e.spans),
            "claim_id": e.claim_id,
            "negated": e.negated,
            "hedged": e.hedged,
            "hypothetical": e.hypothetical,
            "reported_by": list(e.reported_by),
        }
        for e in a.events
    ]
    cues = [
        {
            "doc": sha,
            "id": f"q{n}",
            "kind": c.kind,
            "text": c.text,
            "start": c.span[0],
            "end": c.span[1],
            "rule": c.rule,
        }
        for n, c in enumerate(a.cues, start=1)
    ]
    return [
        (schema.documents, [document]),
        (schema.sources, sources),
        (schema.attributions, attributions),
        (schema.claims, claims),
        (schema.events, events),
        (schema.cues, cues),
    ]
