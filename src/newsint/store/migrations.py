"""Registered, named, ordered migrations (after sqlite-utils' ``Migrations``).

Each migration runs once, in order, inside one transaction with its row in ``migrations``; a
store opened by an older newsint is brought up to date on open. Add a migration at the end of
:data:`MIGRATIONS`; never edit or reorder one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from newsint.store import schema

Migration = tuple[str, Callable[[sa.Connection], None]]


def _create(*tables: sa.Table) -> Callable[[sa.Connection], None]:
    def run(conn: sa.Connection) -> None:
        for table in tables:
            table.create(conn, checkfirst=True)

    return run


MIGRATIONS: list[Migration] = [
    ("0001_documents", _create(*schema.DOCUMENT_TABLES)),
    ("0002_corpus", _create(*schema.CORPUS_TABLES)),
]


def applied(conn: sa.Connection) -> list[str]:
    if not sa.inspect(conn).has_table(schema.migrations.name):
        return []
    rows = conn.execute(sa.select(schema.migrations.c.name).order_by(schema.migrations.c.position))
    return [r.name for r in rows]


def migrate(engine: sa.Engine) -> list[str]:
    """Apply every migration not yet applied; return the names of those applied now."""
    with engine.begin() as conn:
        schema.migrations.create(conn, checkfirst=True)
    done: list[str] = []
    for position, (name, run) in enumerate(MIGRATIONS, start=1):
        with engine.begin() as conn:
            if name in applied(conn):
                continue
            run(conn)
            conn.execute(sa.insert(schema.migrations).values(name=name, position=position))
        done.append(name)
    return done
