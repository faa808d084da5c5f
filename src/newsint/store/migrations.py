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


def _event_assertion(conn: sa.Connection) -> None:
    """Events keep whether they are hypothetical and who asserts them (issue 19); a store made
    before has the events table without those columns."""
    have = {c["name"] for c in sa.inspect(conn).get_columns(schema.events.name)}
    table = conn.dialect.identifier_preparer.quote(schema.events.name)
    if "hypothetical" not in have:
        conn.execute(
            sa.text(f"ALTER TABLE {table} ADD COLUMN hypothetical BOOLEAN NOT NULL DEFAULT FALSE")
        )
    if "reported_by" not in have:
        kind = schema.events.c.reported_by.type.compile(dialect=conn.dialect)
        conn.execute(sa.text(f"ALTER TABLE {table} ADD COLUMN reported_by {kind}"))


MIGRATIONS: list[Migration] = [
    ("0001_documents", _create(*schema.DOCUMENT_TABLES)),
    ("0002_corpus", _create(*schema.CORPUS_TABLES)),
    ("0003_unique_seq", _unique_seq),
    ("0004_event_assertion", _event_assertion),
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
