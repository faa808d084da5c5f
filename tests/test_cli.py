"""The command line, in-process: formats, batch behaviour, errors that name the document."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsint.cli import app
from newsint.report.json import validate

runner = CliRunner()
STORY = (
    "The mayor of Springfield said on Monday that the river bridge would reopen next week after "
    "repairs that took most of the summer.\n"
    "“We have done the repairs and the inspectors are satisfied,” she said.\n"
    "Some residents believe the work was rushed, according to a local petition.\n"
)


def test_analyze_writes_one_valid_json_report(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    result = runner.invoke(app, ["analyze", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.strip().split("\n")
    report = json.loads(line)
    validate(report)
    assert report["document"]["input_format"] == "text"
    assert any(s["name"].startswith("The mayor") or "mayor" in s["name"] for s in report["sources"])


def test_a_broken_file_in_a_folder_does_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_bytes(b"\x00\xff\x00\xfe" * 64)
    (tmp_path / "c.txt").write_text(STORY.replace("Springfield", "Shelbyville"))
    (tmp_path / "d.xyz").write_text("what is this")
    result = runner.invoke(app, ["analyze", str(tmp_path)])
    assert result.exit_code == 1
    reports = [json.loads(line) for line in result.stdout.strip().split("\n")]
    assert len(reports) == 2
    assert "Shelbyville" in reports[1]["text"]
    assert f"Error: {tmp_path / 'b.txt'}: binary content" in result.stderr
    assert f"Error: {tmp_path / 'd.xyz'}: unknown file extension" in result.stderr
    assert "2 analysed, 2 skipped" in result.stderr


def test_empty_file_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("")
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 1
    assert f"Error: {path}: empty document" in result.stderr


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.stderr


def test_markdown_and_html_to_a_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    out = tmp_path / "report.html"
    assert runner.invoke(app, ["analyze", str(path), "-f", "html", "-o", str(out)]).exit_code == 0
    assert out.read_text().startswith("<!doctype html>")
    result = runner.invoke(app, ["analyze", str(path), "-f", "md"])
    assert "## Sources" in result.stdout


def test_jsonl_input_keeps_ids_and_order(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        {"id": "x1", "text": STORY},
        {"id": "x2", "html": f"<html><body><p>{STORY}</p></body></html>"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 0, result.stderr
    ids = [json.loads(line)["document"]["id"] for line in result.stdout.strip().split("\n")]
    assert ids == ["x1", "x2"]


def test_attributions_interface_uses_offsets_into_the_given_text(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps({"id": "d1", "text": STORY}).encode()))
    result = runner.invoke(app, ["attributions", str(path)])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)
    assert row["id"] == "d1" and row["attributions"]
    contents = [STORY[s:e] for a in row["attributions"] for s, e in a["content"]]
    assert any("bridge would reopen" in c for c in contents)


def test_extract_interface(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    html = f"<html><head><title>Bridge</title></head><body><article><p>{STORY}</p></article></body></html>"
    path.write_text(
        json.dumps({"id": "p1", "html": html}) + "\n" + json.dumps({"id": "p2", "text": STORY})
    )
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.strip().split("\n")]
    assert [r["id"] for r in rows] == ["p1", "p2"]
    assert all("bridge would reopen" in r["body"] for r in rows)


def test_attributions_and_extract_read_stdin_plain_or_gzipped() -> None:
    lines = (json.dumps({"id": "d1", "text": STORY}) + "\n").encode()
    for data in (lines, gzip.compress(lines)):
        result = runner.invoke(app, ["attributions", "-"], input=data)
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["id"] == "d1"
    result = runner.invoke(app, ["extract", "-"], input=lines)
    assert json.loads(result.stdout)["body"].startswith("The mayor of Springfield")


def test_unknown_benchmark_is_refused() -> None:
    result = runner.invoke(app, ["bench", "nonsense"])
    assert result.exit_code != 0


def test_a_text_too_long_to_parse_is_skipped_by_name(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("newsint.pipeline.MAX_CHARS", 100)
    path = tmp_path / "long.txt"
    path.write_text(STORY)
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 1
    assert f"{path}: article text too long to analyse" in result.stderr
    monkeypatch.setattr("newsint.cli.MAX_CHARS", 100)
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "d1", "text": STORY}) + "\n")
    result = runner.invoke(app, ["attributions", str(tmp_path / "in.jsonl")])
    assert result.exit_code == 1 and json.loads(result.stdout) == {"id": "d1", "attributions": []}
    assert "(id d1): article text too long" in result.stderr


def test_max_bytes_from_the_environment_is_honoured_by_analyze_and_ingest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    monkeypatch.setenv("NEWSINT_MAX_BYTES", "100")
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 1 and "larger than the size limit" in result.stderr
    db = f"sqlite:///{tmp_path / 'x.db'}"
    result = runner.invoke(app, ["ingest", str(path), "--db", db, "--workers", "0"])
    assert result.exit_code == 1 and "larger than the size limit" in result.stderr
    monkeypatch.setenv("NEWSINT_MAX_BYTES", "lots")
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 1 and "NEWSINT_MAX_BYTES='lots' is not a number" in result.stderr


def test_ingest_exits_1_when_documents_were_skipped_as_analyze_does(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(STORY)
    (docs / "empty.txt").write_text("")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    result = runner.invoke(app, ["ingest", str(docs), "--db", db, "--workers", "0"])
    assert result.exit_code == 1 and "empty.txt: empty document" in result.stderr
    assert "2 stored (1 skipped)" in result.stderr
    again = runner.invoke(app, ["ingest", str(docs / "good.txt"), "--db", db, "-j", "0"])
    assert again.exit_code == 0  # nothing new, nothing skipped


@pytest.mark.parametrize(
    "command",
    [
        ["query", "claims"],
        ["query", "sources"],
        ["query", "source", "Kent"],
        ["export", "--out", "o"],
    ],
)
def test_a_read_on_a_missing_store_is_an_error_and_creates_nothing(
    tmp_path: Path, command: list[str]
) -> None:
    db = tmp_path / "absent.db"
    result = runner.invoke(app, [*command, "--db", f"sqlite:///{db}"])
    assert (
        result.exit_code == 1
        and "no store at" in result.stderr
        and "newsint ingest" in result.stderr
    )
    assert not db.exists()


# -- tables fit the terminal ------------------------------------------------------------------

WIDE_ROWS = [
    {f"column_{i}": f"value {i} " * 3 for i in range(8)}
    | {"claim": "Iran recruits former fighters, officials said."}
]


@pytest.mark.parametrize(
    ("columns", "width", "fits"),
    [(9, 120, True), (10, 120, True), (11, 120, False), (9, 80, False), (2, 40, True)],
)
def test_a_table_fits_when_its_columns_have_room(columns: int, width: int, fits: bool) -> None:
    from newsint.cli_corpus import fits_as_table

    assert fits_as_table(columns, width) is fits


def test_table_width_follows_columns_then_a_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsint import cli_corpus

    monkeypatch.setenv("COLUMNS", "77")
    assert cli_corpus.table_width() == 77
    monkeypatch.delenv("COLUMNS")
    # under pytest no stream is a terminal: the default for files and pipes
    assert cli_corpus.table_width() == cli_corpus.PIPED_WIDTH


@pytest.mark.parametrize("width", [40, 80, 200])
def test_printed_tables_never_exceed_the_width(
    width: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsint.cli_corpus import Output, _print

    monkeypatch.setenv("COLUMNS", str(width))
    _print(WIDE_ROWS, Output.table)
    lines = capsys.readouterr().out.splitlines()
    assert lines and max(len(line) for line in lines) <= width
    assert ("row 1 of 1" in "\n".join(lines)) is (width < 110)  # too narrow: a record a row


# -- progress on stderr -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stderr_terminal", "stdout_terminal", "to_file", "shown"),
    [
        (True, False, False, True),  # reports piped or redirected, a person watches stderr
        (True, True, True, True),  # --out FILE in a terminal
        (True, True, False, False),  # the reports themselves scroll past on the terminal
        (False, False, False, False),  # stderr piped or redirected: quiet
        (False, True, True, False),
    ],
)
def test_progress_is_shown_only_to_someone_watching(
    stderr_terminal: bool, stdout_terminal: bool, to_file: bool, shown: bool
) -> None:
    from newsint.cli_progress import shows_progress

    assert (
        shows_progress(
            stderr_terminal=stderr_terminal, stdout_terminal=stdout_terminal, to_file=to_file
        )
        is shown
    )


def test_the_meter_counts_and_draws_on_a_terminal() -> None:
    import io

    from rich.console import Console

    from newsint.cli_progress import Meter

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100)
    with Meter("extract", enabled=True, console=console) as meter:
        meter.step()
        meter.step()
        meter.step(skipped=True)
        meter.error("Error: x.jsonl:3: not JSON")
        meter.refresh()
    assert (meter.done, meter.skipped) == (2, 1)
    assert "extract 2 done, 1 skipped" in buffer.getvalue()
    assert "Error: x.jsonl:3: not JSON" in buffer.getvalue()


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    rows = [{"id": f"p{i}", "html": f"<p>{STORY}</p>"} for i in range(3)] + [{"id": "bad"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n")
    result = runner.invoke(app, ["extract", str(path), "--out", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 1
    assert "done" not in result.stderr and "Error:" in result.stderr
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 4
