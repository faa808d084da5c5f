"""Sequence numbers are the store's to give: writers in several processes (``newsint serve
--workers N`` with ``store=true``) never give two documents the same number, and a store written
before that is renumbered, in order, when opened."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from corpus.support import BACKENDS, open_store

from newsint.models import Skipped
from newsint.store import MIGRATIONS, Store, migrate, schema


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from open_store(request.param, tmp_path)


def _doc(n: int) -> tuple[Skipped, str]:
    return Skipped(f"d{n}", f"d{n}.txt", "empty document"), hashlib.sha256(b"%d" % n).hexdigest()


def _seqs(store: Store) -> list[int]:
    with store.connect() as conn:
        return sorted(conn.scalars(sa.select(schema.documents.c.seq)))


def test_writers_with_their_own_connections_never_share_a_number(store: Store) -> None:
    """Four writers, each with its own engine (as each server process has), save at once."""
    per_writer = 15

    def write(first: int) -> None:
        with Store(store.url) as mine:
            for n in range(first, first + per_writer):
                mine.save(*_doc(n)[:1], sha256=_doc(n)[1])

    threads = [threading.Thread(target=write, args=(w * per_writer,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert _seqs(store) == list(range(1, 4 * per_writer + 1))


def test_a_document_saved_again_keeps_its_number(store: Store) -> None:
    numbers = [store.save(*_doc(n)[:1], sha256=_doc(n)[1]) for n in range(3)]
    assert numbers == [1, 2, 3]
    assert store.save(*_doc(1)[:1], sha256=_doc(1)[1]) == 2
    assert store.save(*_doc(7)[:1], sha256=_doc(7)[1]) == 4


def test_a_store_with_shared_numbers_is_renumbered_in_order_when_opened(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:  # a store as the two migrations before 0003 left it
        schema.migrations.create(conn)
        for table in (*schema.DOCUMENT_TABLES, *schema.CORPUS_TABLES):
            table.create(conn)
        schema.unique_seq.drop(conn)
        for position, name in enumerate(["0001_documents", "0002_corpus"], start=1):
            conn.execute(sa.insert(schema.migrations).values(name=name, position=position))
        for sha, seq in [("b", 1), ("a", 2), ("c", 2), ("d", 3)]:
            conn.execute(
                sa.insert(schema.documents).values(
                    sha256=sha * 64, seq=seq, doc_id=sha, name=sha, status="skipped"
                )
            )
    assert migrate(engine) == [
        "0003_unique_seq",
        "0004_across_outlets",
        "0005_claim_vectors",
        "0006_event_assertion",
    ]
    with engine.connect() as conn:
        d = schema.documents
        rows = conn.execute(sa.select(d.c.doc_id, d.c.seq).order_by(d.c.seq)).all()
    assert [tuple(r) for r in rows] == [("b", 1), ("a", 2), ("c", 3), ("d", 4)]
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.execute(
            sa.insert(schema.documents).values(
                sha256="e" * 64, seq=4, doc_id="e", name="e", status="skipped"
            )
        )
    engine.dispose()


def test_processes_opening_a_new_store_at_once_all_open_it(tmp_path: Path) -> None:
    """The first store=true requests of several server processes each migrate the new store."""
    url = f"sqlite:///{tmp_path / 'new.db'}"
    failures: list[Exception] = []

    def open_it() -> None:
        try:
            Store(url).close()
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            failures.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with Store(url) as store, store.connect() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(schema.migrations)) == len(
            MIGRATIONS
        )
