"""Export every table of the store: JSON Lines, CSV (JSON cells as JSON text, binary ones as
base64) or Parquet."""

from __future__ import annotations

import base64
import csv
import json
from pathlib import Path
from typing import Any

from newsint.errors import ConfigError
from newsint.store.db import TABLES, Store


def _flat(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else _text(value)


def _text(value: Any) -> Any:
    """Binary cells (``claims.vector``) as base64 text in JSON Lines and CSV."""
    return base64.b64encode(value).decode("ascii") if isinstance(value, bytes) else value


def export_store(store: Store, out: Path, *, format: str = "jsonl") -> list[tuple[Path, int]]:
    """One file per table under ``out``; return (path, rows) of each."""
    if format not in ("jsonl", "csv", "parquet"):
        raise ConfigError(f"unknown export format {format!r}; use parquet, csv or jsonl")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        rows = list(store.rows(table))
        path = out / f"{table}.{format}"
        if format == "jsonl":
            with path.open("w", encoding="utf-8") as fh:
                for r in rows:
                    row = {k: _text(v) for k, v in r.items()}
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif format == "csv":
            columns = [c.name for c in _columns(table)]
            with path.open("w", encoding="utf-8", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=columns)
                writer.writeheader()
                writer.writerows({k: _flat(v) for k, v in r.items()} for r in rows)
        else:
            _parquet(table, rows, path)
        written.append((path, len(rows)))
    return written


def _columns(table: str) -> list[Any]:
    from newsint.store.schema import metadata

    return list(metadata.tables[table].columns)


def _parquet(table: str, rows: list[dict[str, Any]], path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:
        raise ConfigError("Parquet export needs pyarrow: pip install pyarrow") from exc
    columns = [c.name for c in _columns(table)]
    data = {c: [r[c] if isinstance(r[c], bytes) else _flat(r[c]) for r in rows] for c in columns}
    pq.write_table(pa.table(data) if rows else pa.table({c: [] for c in columns}), path)
