"""Registered, named, ordered migrations (after sqlite-utils' ``Migrations``).

Each migration runs once, in order, inside one transaction with its row in ``migrations``; a
store opened by an older newsint is brought up to date on open. Add a migration at the end of
:data:`MIGRATIONS`; never edit or reorder one that has shipped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

import sqlalchemy as sa

from newsint.store import schema

Migration = tuple[str, Callable[[sa.Connection], None]]


def _create(*tables: sa.Table) -> Callable[[sa.Connection], None]:
    def run(conn: sa.Connection) -> None:
        for table in tables:
            table.create(conn, checkfirst=True)

    return run


def _unique_seq(conn: sa.Connection) -> None:
    """Renumber documents that share a sequence number (written by concurrent server workers
    before the store gave the numbers), keeping their order, then forbid it."""
    d = schema.documents
    rows = conn.execute(sa.select(d.c.sha256, d.c.seq).order_by(d.c.seq, d.c.sha256)).all()
    if len({r.seq for r in rows}) < len(rows):
        for new, row in enumerate(rows, start=1):
            if row.seq != new:
                conn.execute(sa.update(d).where(d.c.sha256 == row.sha256).values(seq=new))
    schema.unique_seq.create(conn, checkfirst=True)


def _add_column(conn: sa.Connection, table: sa.Table, name: str, sql_type: str) -> None:
    """``ALTER TABLE … ADD COLUMN`` unless the table has it (created as the schema is now)."""
    if name not in {c["name"] for c in sa.inspect(conn).get_columns(table.name)}:
        conn.execute(sa.text(f"ALTER TABLE {table.name} ADD COLUMN {name} {sql_type}"))


def _across_outlets(conn: sa.Connection) -> None:
    """Republications and authors (issue 16): the ``corpus_duplicates`` and
    ``corpus_author_links`` tables, ``documents.authors``, and the clusters' ``republications``
    and ``authored_by`` (a store made since has them all: ``0001_documents`` and
    ``0002_corpus`` create the tables as they are now). Authors of documents stored before
    stay unknown (NULL) until they are ingested again."""
    schema.duplicates.create(conn, checkfirst=True)
    schema.author_links.create(conn, checkfirst=True)
    _add_column(conn, schema.documents, "authors", "JSON")
    _add_column(conn, schema.claim_clusters, "republications", "INTEGER NOT NULL DEFAULT 0")
    _add_column(conn, schema.claim_clusters, "authored_by", "JSON")


def _claim_vectors(conn: sa.Connection) -> None:
    """``claims.vector``, each claim's sentence vector (claims across documents are linked by
    meaning, issue 16), computed here once for the claims already stored (about 15 ms each)."""
    blob = "BYTEA" if conn.dialect.name == "postgresql" else "BLOB"
    _add_column(conn, schema.claims, "vector", blob)
    c = schema.claims
    rows = conn.execute(
        sa.select(c.c.doc, c.c.id, c.c.text).where(c.c.vector.is_(None)).order_by(c.c.doc, c.c.id)
    ).all()
    if not rows:
        return
    from newsint.corpus.meaning import embed_texts, encode

    vectors = embed_texts([r.text for r in rows])
    for r, row in zip(rows, vectors, strict=True):
        conn.execute(
            sa.update(c).where(c.c.doc == r.doc, c.c.id == r.id).values(vector=encode(row))
        )


def _event_assertion(conn: sa.Connection) -> None:
    """Events keep whether they are hypothetical and who asserts them (issue 19): a store made
    before has the events table without those columns."""
    _add_column(conn, schema.events, "hypothetical", "BOOLEAN NOT NULL DEFAULT FALSE")
    _add_column(conn, schema.events, "reported_by", "JSON")


MIGRATIONS: list[Migration] = [
    ("0001_documents", _create(*schema.DOCUMENT_TABLES)),
    ("0002_corpus", _create(*schema.CORPUS_TABLES)),
    ("0003_unique_seq", _unique_seq),
    ("0004_across_outlets", _across_outlets),
    ("0005_claim_vectors", _claim_vectors),
    ("0006_event_assertion", _event_assertion),
]


def applied(conn: sa.Connection) -> list[str]:
    if not sa.inspect(conn).has_table(schema.migrations.name):
        return []
    rows = conn.execute(sa.select(schema.migrations.c.name).order_by(schema.migrations.c.position))
    return [r.name for r in rows]


def migrate(engine: sa.Engine) -> list[str]:
    """Apply every migration not yet applied; return the names of those applied now.

    Several processes may open a new store at once (``newsint serve --workers N``, the first
    ``store=true`` requests): a migration that another process applied meanwhile fails here
    (a table or a ``migrations`` row already there) and is tried again, then found applied."""
    done: list[str] = []
    _retrying(lambda: _create_ledger(engine))
    for position, (name, run) in enumerate(MIGRATIONS, start=1):
        if _retrying(partial(_apply, engine, name, run, position)):
            done.append(name)
    return done


#: Tries of one migration against other processes migrating the same new store.
TRIES = 5
_RACES = (sa.exc.IntegrityError, sa.exc.OperationalError, sa.exc.ProgrammingError)


def _create_ledger(engine: sa.Engine) -> bool:
    with engine.begin() as conn:
        schema.migrations.create(conn, checkfirst=True)
    return True


def _apply(
    engine: sa.Engine, name: str, run: Callable[[sa.Connection], None], position: int
) -> bool:
    """Apply one migration unless applied; True when applied now."""
    with engine.begin() as conn:
        if name in applied(conn):
            return False
        run(conn)
        conn.execute(sa.insert(schema.migrations).values(name=name, position=position))
    return True


def _retrying(step: Callable[[], bool]) -> bool:
    for attempt in range(1, TRIES + 1):
        try:
            return step()
        except _RACES:
            if attempt == TRIES:
                raise
            time.sleep(0.05 * attempt)
    return False
