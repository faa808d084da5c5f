"""Shared by tests/test_store.py and tests/test_corpus.py: the store backends the suite runs
on, a dump of a store for comparisons, and a cache that analyses each fixture document once
per session however many times the tests ingest it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from newsint import batch
from newsint.models import Page, Skipped
from newsint.settings import Settings
from newsint.store import TABLES, Store, engine_url
from newsint.store.schema import metadata

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
EXAMPLE = ROOT / "examples" / "circa-iran-isis.txt"
FIXTURES = sorted(HERE.glob("*.txt"))
PG_URL = os.environ.get("NEWSINT_TEST_PG_URL")

BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not PG_URL, reason="set NEWSINT_TEST_PG_URL to test PostgreSQL"),
    ),
]

_analysed: dict[str, batch.Outcome] = {}
_real_analyse = batch._analyse


def cached_analyse(chunk: batch.Chunk, settings: Settings) -> list[batch.Outcome]:
    """``batch._analyse`` with a per-session cache: the pipeline is not what these tests test."""
    new = [
        (k, item) for k, item in chunk if isinstance(item, Page) and item.sha256 not in _analysed
    ]
    for (_, page), outcome in zip(new, _real_analyse(new, settings), strict=True):
        _analysed[page.sha256] = outcome
    return [item if isinstance(item, Skipped) else _analysed[item.sha256] for _, item in chunk]


def open_store(backend: str, tmp_path: Path, name: str = "newsint.db") -> Iterator[Store]:
    """A fresh, empty store; PostgreSQL is emptied before and after (one database is shared)."""
    if backend == "sqlite":
        store = Store(f"sqlite:///{tmp_path / name}")
    else:
        assert PG_URL
        engine = sa.create_engine(engine_url(PG_URL))
        metadata.drop_all(engine)
        engine.dispose()
        store = Store(PG_URL)
    try:
        yield store
    finally:
        if backend != "sqlite":
            metadata.drop_all(store.engine)
        store.close()


def analysing_store(
    backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Store]:
    """A fresh store (:func:`open_store`) whose ingestion analyses each document once a session."""
    monkeypatch.setattr(batch, "_analyse", cached_analyse)
    yield from open_store(backend, tmp_path)


def dump(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, in key order: two stores are identical when dumps are equal."""
    return {table: list(store.rows(table)) for table in TABLES}
