"""The store, on a real SQLite file and (with NEWSINT_TEST_PG_URL) a real PostgreSQL server:
migrations, idempotent ingestion, resuming after an interruption, skipped documents, the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus.support import BACKENDS, EXAMPLE, FIXTURES, cached_analyse, dump, open_store
from typer.testing import CliRunner

from newsint import batch
from newsint.errors import ConfigError
from newsint.settings import Settings
from newsint.store import MIGRATIONS, Store, migrate

CORPUS = [EXAMPLE, *FIXTURES]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from open_store(request.param, tmp_path)


@pytest.fixture(autouse=True)
def _analyse_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "_analyse", cached_analyse)


def test_migrations_are_applied_once_in_order(store: Store) -> None:
    with store.connect() as conn:
        rows = conn.exec_driver_sql("SELECT name, position FROM migrations ORDER BY position")
        assert [tuple(r) for r in rows] == [(n, i) for i, (n, _) in enumerate(MIGRATIONS, 1)]
    assert migrate(store.engine) == []  # opening an up-to-date store changes nothing


def test_ingesting_twice_changes_nothing(store: Store) -> None:
    first = batch.ingest(CORPUS, store, workers=0)
    assert (first.stored, first.skipped, first.already) == (len(CORPUS), 0, 0)
    before = dump(store)
    again = batch.ingest(CORPUS, store, workers=0)
    assert (again.stored, again.already) == (0, len(CORPUS))
    assert dump(store) == before
    assert len(before["documents"]) == len(CORPUS)
    assert {d["sha256"] for d in before["documents"]} == {batch.key_of(p) for p in _pages(CORPUS)}


def test_an_interrupted_ingestion_resumes_without_loss_or_duplicates(
    store: Store, tmp_path: Path
) -> None:
    def stop_after_three(progress: batch.Progress) -> None:
        if progress.stored == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        batch.ingest(CORPUS, store, workers=0, on_progress=stop_after_three)
    assert len(dump(store)["documents"]) == 3
    resumed = batch.ingest(CORPUS, store, workers=0)
    assert (resumed.stored, resumed.already) == (len(CORPUS) - 3, 3)

    with Store(f"sqlite:///{tmp_path / 'reference.db'}") as reference:
        batch.ingest(CORPUS, reference, workers=0)
        assert dump(store) == dump(reference)  # same rows, same order numbers, either backend


def test_a_failed_document_is_stored_as_skipped_with_its_reason(
    store: Store, tmp_path: Path
) -> None:
    bad = tmp_path / "inputs"
    bad.mkdir()
    (bad / "empty.txt").write_text("   \n")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (bad / "notes.docx").write_bytes(b"PK")
    counts = batch.ingest([bad], store, workers=0)
    assert (counts.stored, counts.skipped) == (3, 3)
    docs = {Path(d["name"]).name: d for d in dump(store)["documents"]}
    assert {n: d["status"] for n, d in docs.items()} == dict.fromkeys(docs, "skipped")
    assert "empty" in docs["empty.txt"]["reason"]
    assert "binary" in docs["binary.txt"]["reason"]
    assert "unknown file extension" in docs["notes.docx"]["reason"]
    assert batch.ingest([bad], store, workers=0).already == 3


def test_jsonl_records_are_keyed_by_their_own_bytes(store: Store, tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "records.jsonl"
    rows = [{"id": "a", "text": text}, {"id": "b", "text": text}, {"id": "c", "text": 3}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    counts = batch.ingest([path], store, workers=0)
    # the same text twice is one document; the malformed record is kept with its reason
    assert (counts.stored, counts.skipped) == (2, 1)
    statuses = sorted(d["status"] for d in dump(store)["documents"])
    assert statuses == ["analysed", "skipped"]


def test_parallel_ingestion_stores_what_serial_ingestion_stores(tmp_path: Path) -> None:
    with (
        Store(f"sqlite:///{tmp_path / 'serial.db'}") as serial,
        Store(f"sqlite:///{tmp_path / 'parallel.db'}") as parallel,
    ):
        batch.ingest(CORPUS[:3], serial, workers=0)
        counts = batch.ingest(CORPUS[:3], parallel, workers=2)  # real worker processes
        assert counts.stored == 3
        assert dump(parallel) == dump(serial)


def test_ingestion_on_a_dask_cluster_stores_what_serial_ingestion_stores(tmp_path: Path) -> None:
    with (
        Store(f"sqlite:///{tmp_path / 'serial.db'}") as serial,
        Store(f"sqlite:///{tmp_path / 'dask.db'}") as cluster,
    ):
        batch.ingest(CORPUS[:2], serial, workers=0)
        counts = batch.ingest(CORPUS[:2], cluster, workers=1, scheduler="local")
        assert counts.stored == 2
        assert dump(cluster) == dump(serial)


def test_an_unreachable_dask_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as store, pytest.raises(ConfigError, match="Dask"):
        batch.ingest(
            CORPUS[:1], store, scheduler="tcp://127.0.0.1:1", settings=Settings(dask_timeout=1)
        )


def test_a_bad_database_url_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="cannot open the store"):
        Store("postgresql://nobody@127.0.0.1:1/none")


def test_cli_ingest_query_and_export(store: Store, tmp_path: Path) -> None:
    from newsint.cli import app

    url = store.url
    runner = CliRunner()
    args = ["ingest", *map(str, CORPUS), "--db", url, "--workers", "0"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert f"{len(CORPUS)} stored" in result.output

    result = runner.invoke(app, ["query", "claims", "--about", "ISIS", "--db", url, "-f", "json"])
    assert result.exit_code == 0, result.output
    top = json.loads(result.stdout)[0]
    assert top["amplified_by"] == {"Bob Kent": 3}

    result = runner.invoke(app, ["query", "source", "Bob Kent", "--db", url, "-f", "json"])
    kent = json.loads(result.stdout)
    assert kent["documents"] == 3 and {m["name"] for m in kent["named_as"]} == {"Bob Kent", "Kent"}

    result = runner.invoke(app, ["query", "sources", "--top", "3", "--db", url, "-f", "csv"])
    assert result.stdout.splitlines()[1].startswith("Bob Kent,src:bob-kent,")

    result = runner.invoke(app, ["query", "actor", "Iran", "--db", url, "-f", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)
    result = runner.invoke(app, ["query", "actor", "Iran", "--since", "2030-01-01", "--db", url])
    assert result.exit_code == 0  # no dated documents: an empty table, not an error

    result = runner.invoke(app, ["query", "source", "Nobody Atall", "--db", url])
    assert result.exit_code == 1 and "no source" in result.output

    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / fmt
        result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--db", url])
        assert result.exit_code == 0, result.output
        assert (out / f"documents.{fmt}").exists()
    lines = (tmp_path / "jsonl" / "documents.jsonl").read_text().splitlines()
    assert len(lines) == len(CORPUS)


def _pages(paths: list[Path]) -> list:  # type: ignore[type-arg]
    from newsint.ingest import read_inputs

    return list(read_inputs(paths))
