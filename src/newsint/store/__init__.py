"""The store: one schema through SQLAlchemy Core, SQLite by default, PostgreSQL by URL.

The only package that writes SQL. See ``docs/corpus.md``.
"""

from __future__ import annotations

from newsint.store.db import DEFAULT_URL, TABLES, Store, engine_url
from newsint.store.migrations import MIGRATIONS, migrate

__all__ = ["DEFAULT_URL", "MIGRATIONS", "TABLES", "Store", "engine_url", "migrate"]
