"""Republications (issue 16): a one-word edit, a re-templated page and a wire copy of the example
are detected as copies of it, on SQLite and PostgreSQL, and add no document and no source to
the central claim's counts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from corpus.support import BACKENDS, EXAMPLE, FIXTURES, analysing_store, dump
from typer.testing import CliRunner

from newsint import batch
from newsint.bench.copies import write_copies
from newsint.corpus import republications
from newsint.corpus.records import DocRecord
from newsint.store import Store, migrate, queries, schema

REPORT = (
    "The harbour authority said on Tuesday that the new container terminal would open in "
    "March, two months later than planned, because the cranes ordered from a supplier abroad "
    "had been held up by a strike at the port where they were built. The authority's chair, "
    "Ines Moreau, said the delay would not raise the cost of the project, which the city "
    "council approved last year after a long dispute over the dredging of the channel."
)
OTHER = (
    "Ines Moreau, who chairs the harbour authority, told councillors the terminal was late. "
    "Cranes built abroad were stuck behind a strike, she said, and the opening moved to the "
    "spring. Councillors asked whether the dredging dispute had cost more than the city was "
    "told, and the authority promised them its accounts for the last three years by May."
)


def _doc(n: int, text: str, published: str | None = None) -> DocRecord:
    return DocRecord(sha256=f"{n:064d}", seq=n, name=f"d{n}.txt", text=text, published=published)


@pytest.mark.parametrize(
    ("copy", "is_copy"),
    [
        (REPORT.replace("Tuesday", "Wednesday"), True),  # one word changed
        (f"PORTSMOUTH (Coast Wire) — {REPORT} (Reporting by A. Reporter; editing by B.)", True),
        (REPORT.upper().replace(".", " ."), True),  # case and punctuation are not words
        (REPORT[: len(REPORT) * 2 // 3], True),  # the last third cut
        (OTHER, False),  # another outlet's own report of the same story
        (REPORT[: len(REPORT) // 3], False),  # a third of it: a quotation, not a copy
    ],
)
def test_a_copy_of_a_report_is_a_republication_and_another_report_is_not(
    copy: str, is_copy: bool
) -> None:
    found = republications.find([_doc(1, REPORT), _doc(2, copy)])
    assert bool(found) is is_copy
    if is_copy:
        (record,) = found
        assert (record.doc, record.duplicate_of) == (f"{2:064d}", f"{1:064d}")
        assert "republishes d1.txt" in record.evidence


def test_the_original_is_the_earliest_published_and_a_copy_of_a_copy_points_to_it() -> None:
    docs = [
        _doc(1, REPORT.replace("Tuesday", "Monday"), published="2024-05-03"),
        _doc(2, REPORT, published="2024-05-01"),
        _doc(3, REPORT.replace("March", "April")),  # undated: last
    ]
    found = {r.doc[-1]: r.duplicate_of[-1] for r in republications.find(docs)}
    assert found == {"1": "2", "3": "2"}


LONG = " ".join(
    [
        REPORT,
        "Dock workers at the harbour said the strike abroad had surprised nobody, since the",
        "crane makers had warned in the summer that their own workers wanted a new contract.",
        "The terminal is meant to double the number of containers the port can take each year",
        "and to bring back the shipping lines that moved to the rival port up the coast when",
        "the old quay was closed for repairs. Shopkeepers near the gates said they hoped the",
        "lorries would use the new ring road rather than the high street, as the council had",
        "promised, and a residents' group asked for the night shifts to be kept quiet.",
        "The authority said it would publish a timetable for the opening in January.",
    ]
)


@pytest.mark.parametrize(
    ("copy", "is_copy"),
    [
        (LONG[: len(LONG) * 2 // 5], True),  # a site that ran the first two fifths of it
        (LONG[len(LONG) // 2 :], True),  # or its second half
        # another report quoting a long passage of it, with as much of its own around it
        (OTHER + " " + LONG[: len(LONG) // 3] + " " + OTHER.upper(), False),
    ],
)
def test_a_shortened_copy_is_a_republication(copy: str, is_copy: bool) -> None:
    assert republications.jaccard(republications.shingles(LONG), republications.shingles(copy)) < (
        republications.THRESHOLD
    )  # not found by similarity alone
    found = republications.find([_doc(1, LONG), _doc(2, copy)])
    assert bool(found) is is_copy
    if is_copy:
        assert "of the shorter text's word 5-grams are the other's" in found[0].evidence


def test_short_texts_are_copies_only_word_for_word() -> None:
    docs = [_doc(1, "Ferry cancelled."), _doc(2, "FERRY cancelled!"), _doc(3, "Ferry late.")]
    assert [r.doc[-1] for r in republications.find(docs)] == ["2"]


# -- the example and its copies, through the store -------------------------------------------


@pytest.fixture(params=BACKENDS)
def store(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Store]:
    yield from analysing_store(request.param, tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_copies(tmp_path_factory.mktemp("copies"))


def _central(store: Store) -> dict:  # type: ignore[type-arg]
    return queries.claims(store, about="ISIS", limit=1)[0]


def test_copies_of_the_example_are_republications_and_leave_the_counts_unchanged(
    store: Store, copies: list[Path]
) -> None:
    batch.ingest([EXAMPLE, *FIXTURES], store, workers=0)
    before = _central(store)
    kent_before = queries.source(store, "Bob Kent")["documents"]

    batch.ingest(copies, store, workers=0)
    found = queries.duplicates(store)
    # one original and three copies of it (which is the original depends on the dates the
    # extractor finds: an undated document comes after a dated one)
    (original,) = {r["duplicate_of"] for r in found}
    versions = {Path(r["document"]).name for r in found} | {Path(original).name}
    assert versions == {EXAMPLE.name, *(p.name for p in copies)}
    assert all(r["similarity"] >= republications.THRESHOLD for r in found)

    after = _central(store)
    assert after["republications"] == 3 and before["republications"] == 0
    for figure in ("documents", "independent_sources", "sources", "amplified_by", "disputed_by"):
        assert after[figure] == before[figure], figure
    assert queries.source(store, "Bob Kent")["documents"] == kent_before


def test_ingesting_copies_twice_changes_nothing(store: Store, copies: list[Path]) -> None:
    batch.ingest([EXAMPLE, *copies], store, workers=0)
    before = dump(store)
    assert len(before["corpus_duplicates"]) == 3
    batch.ingest([EXAMPLE, *copies], store, workers=0)
    assert dump(store) == before


def test_the_cli_lists_republications(store: Store, copies: list[Path]) -> None:
    from newsint.cli import app

    batch.ingest([EXAMPLE, copies[0]], store, workers=0)
    url = store.url.replace("postgresql+psycopg://", "postgresql://")
    result = CliRunner().invoke(app, ["query", "duplicates", "--db", url, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert '"duplicate_of"' in result.output and "one-word.txt" in result.output
    assert EXAMPLE.name in result.output


ADDED_COLUMNS = [
    (schema.claim_clusters, "republications"),
    (schema.claim_clusters, "authored_by"),
    (schema.documents, "authors"),
]


def test_a_store_made_before_republications_and_authors_is_migrated(store: Store) -> None:
    with store.engine.begin() as conn:  # undo migration 0004: a store as 0003 left it
        for table, column in ADDED_COLUMNS:
            conn.execute(sa.text(f"ALTER TABLE {table.name} DROP COLUMN {column}"))
        schema.duplicates.drop(conn)
        schema.author_links.drop(conn)
        conn.execute(
            sa.delete(schema.migrations).where(schema.migrations.c.name == "0004_across_outlets")
        )
    assert migrate(store.engine) == ["0004_across_outlets"]
    inspector = sa.inspect(store.engine)
    for table, column in ADDED_COLUMNS:
        assert column in {c["name"] for c in inspector.get_columns(table.name)}
    assert inspector.has_table(schema.duplicates.name)
    assert inspector.has_table(schema.author_links.name)


def test_the_claims_table_leaves_out_the_new_columns_while_they_are_empty() -> None:
    from newsint.cli_corpus import _without_empty

    keys = ("republications", "authored_by")
    plain = [{"claim": "X", "republications": 0, "authored_by": []}]
    assert _without_empty(plain, keys) == [{"claim": "X"}]
    copied = [*plain, {"claim": "Y", "republications": 2, "authored_by": []}]
    assert [list(r) for r in _without_empty(copied, keys)] == [["claim", "republications"]] * 2


def test_the_bench_states_the_copies_goal() -> None:
    from newsint.bench.copies import CopyScore, example, one_word_changed

    text = example().read_text(encoding="utf-8")
    edited = one_word_changed(text)
    assert len(set(edited.split()) ^ set(text.split())) == 2  # one word out, one in
    assert CopyScore(3, 3).line().endswith("counts unchanged (met)")
    assert "moved: documents" in CopyScore(2, 3, ["documents"]).line()
    assert CopyScore(2, 3, ["documents"]).line().endswith("(NOT met)")
