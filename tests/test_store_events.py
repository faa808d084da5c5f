"""The store keeps who asserts an event and whether it is hypothetical (issue 19)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from newsint.store import schema
from newsint.store.migrations import MIGRATIONS, migrate


def test_migration_adds_the_assertion_columns_to_an_old_events_table(tmp_path: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as conn:  # a store as the migrations before 0006 left it
        schema.migrations.create(conn)
        for table in (*schema.DOCUMENT_TABLES, *schema.CORPUS_TABLES):
            table.create(conn)
        for column in ("hypothetical", "reported_by"):
            conn.execute(sa.text(f"ALTER TABLE {schema.events.name} DROP COLUMN {column}"))
        names = [name for name, _ in MIGRATIONS if name != "0006_event_assertion"]
        for position, name in enumerate(names, start=1):
            conn.execute(sa.insert(schema.migrations).values(name=name, position=position))
    assert migrate(engine) == ["0006_event_assertion"]
    with engine.connect() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns(schema.events.name)}
    assert {"hypothetical", "reported_by"} <= columns
    assert migrate(engine) == []


def test_query_actor_gives_the_asserting_sources(tmp_path: Path) -> None:
    from newsint import corpus
    from newsint.pipeline import analyze_text
    from newsint.store import Store
    from newsint.store.queries import actor

    analysis = analyze_text(
        "Iran attacked the base on Monday, two U.S. officials told Reuters. "
        "Iran will attack Israel if the talks fail.",
        doc_id="a",
    )
    store = Store(f"sqlite:///{tmp_path / 'n.db'}")
    store.save(analysis, sha256="a" * 64)
    store.replace_corpus(corpus.build(store.corpus_input()))
    rows = actor(store, "Iran")
    attacked = [r for r in rows if r["action"] == "attacked"]
    assert attacked and attacked[0]["reported_by"] and not attacked[0]["hypothetical"]
    assert any(r["hypothetical"] for r in rows if "attack" in r["action"] and r is not attacked[0])
