"""Fixtures of the corpus tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus.support import BACKENDS, analysing_store

from newsint.store import Store


@pytest.fixture(params=BACKENDS)
def backend_store(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Store]:
    """A fresh store on each backend (SQLite; PostgreSQL when configured) whose ingestion
    analyses each document once a session."""
    yield from analysing_store(request.param, tmp_path, monkeypatch)
