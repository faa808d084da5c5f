"""The robustness bench's bookkeeping: generated documents all written (in files of 1,000),
and each goal printed met or not from the counts."""

from __future__ import annotations

from pathlib import Path

from newsint.bench.robustness import (
    CHUNK,
    Goal,
    Tally,
    _corpus_lines,
    _interfaces_take,
    write_corpus,
)


def test_every_generated_document_is_written_and_the_interfaces_take_the_first_file(
    tmp_path: Path,
) -> None:
    expected = write_corpus(tmp_path / "corpus", CHUNK + 7)
    generated = {p.name: n for p, n in expected.items() if p.name.startswith("generated-")}
    assert generated == {"generated-000.jsonl": CHUNK, "generated-001.jsonl": 7}
    assert (tmp_path / "corpus" / "generated-001.jsonl").read_text().count("\n") == 7
    taken = {p.name for p in expected if _interfaces_take(p)}
    assert "generated-000.jsonl" in taken and "generated-001.jsonl" not in taken
    assert "surrogates.jsonl" in taken


def test_a_traceback_or_a_lost_document_is_a_goal_not_met() -> None:
    for tally, met in [
        (Tally(documents_in=3, reports_out=2), [True, True, True]),
        (Tally(tracebacks=["analyze x: ValueError()"]), [False, True, True]),
        (Tally(lost=1, spans_out_of_range=2), [True, False, False]),
    ]:
        goals: list[Goal] = []
        lines = _corpus_lines(tally, 10, {}, goals)
        assert [g.met for g in goals] == met
        assert f"tracebacks={len(tally.tracebacks)}" in lines
