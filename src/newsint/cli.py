"""The command line: a thin layer over the library. Only this module prints."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from newsint.errors import NewsintError
from newsint.settings import MAX_CHARS

app = typer.Typer(
    name="newsint",
    help="Read news like a fact-checker: sources, quotes, claims, disputes and grades.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    json = "json"
    md = "md"
    html = "html"
    graphml = "graphml"


class BenchName(StrEnum):
    extraction = "extraction"
    attribution = "attribution"
    hedging = "hedging"
    events = "events"
    checkworthy = "checkworthy"
    corpus = "corpus"
    sources = "sources"
    judgement = "judgement"
    robustness = "robustness"
    stance = "stance"
    throughput = "throughput"


def fail(message: str) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(1)


@contextmanager
def _output(out: Path | None) -> Iterator[IO[str]]:
    if out is None:
        yield sys.stdout
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        yield fh


@app.command()
def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files or folders (.html .txt .jsonl .warc, gz ok), or - for stdin."),
    ],
    format: Annotated[
        Format,
        typer.Option(
            "--format", "-f", help="json (a report per line), md, html, graphml (actors)."
        ),
    ] = Format.json,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Analyse news documents: sources, attributions, claims, grades, events.

    Example: newsint analyze examples/circa-iran-isis.txt --format md
    """
    from newsint.cli_progress import Meter
    from newsint.models import Skipped
    from newsint.pipeline import analyze as run
    from newsint.report import graph, html, json, markdown
    from newsint.settings import Settings

    meter = Meter("analyze", to_file=out is not None)
    try:
        settings = Settings.from_env()  # NEWSINT_MAX_BYTES
        with _output(out) as fh, meter:
            for outcome in run(paths, settings):
                if isinstance(outcome, Skipped):
                    meter.step(skipped=True)
                    meter.error(f"Error: {outcome.name}: {outcome.reason}")
                    continue
                meter.step()
                if format is Format.json:
                    fh.write(json.dumps(json.to_dict(outcome)) + "\n")
                elif format is Format.md:
                    fh.write(markdown.render(outcome) + "\n")
                elif format is Format.graphml:
                    fh.write(graph.to_graphml(outcome) + "\n")
                else:
                    fh.write(html.render(outcome))
                fh.flush()
    except NewsintError as exc:
        fail(str(exc))
    if meter.skipped:
        typer.echo(f"{meter.done} analysed, {meter.skipped} skipped", err=True)
        raise typer.Exit(1)


@app.command()
def attributions(
    path: Annotated[
        Path, typer.Argument(help='JSON Lines of {"id", "text"} (plain or .gz), or - for stdin.')
    ],
    out: Annotated[Path | None, typer.Option("--out", "-o")] = None,
) -> None:
    """Attributions (source, cue, content spans) of raw texts, offsets into the text as given.

    Example: newsint attributions ../shared/data/polnear/dev_in.jsonl --out pred.jsonl
    """
    from newsint import plain
    from newsint.cli_progress import Meter
    from newsint.models import Skipped
    from newsint.report.json import dumps

    meter = Meter("attributions", to_file=out is not None)

    def readable() -> Iterator[plain.Record]:
        for record in _records(path):
            if isinstance(record, Skipped):
                _said(record, meter)
            else:
                yield record

    with _output(out) as fh, meter:
        for record, found in plain.attributions(readable(), max_chars=MAX_CHARS):
            spans = []
            if isinstance(found, Skipped):
                _said(found, meter)
            else:
                meter.step()
                spans = [
                    {
                        "source": [list(s) for s in a.source],
                        "cue": [list(s) for s in a.cue],
                        "content": [list(s) for s in a.content],
                    }
                    for a in found
                ]
            fh.write(dumps({"id": plain.record_id(record), "attributions": spans}) + "\n")
    if meter.skipped:
        raise typer.Exit(1)


@app.command()
def extract(
    path: Annotated[
        Path,
        typer.Argument(
            help='JSON Lines of {"id", "html"} or {"id", "text"} (plain or .gz), or - for stdin.'
        ),
    ],
    out: Annotated[Path | None, typer.Option("--out", "-o")] = None,
) -> None:
    """Article title and body of each page (the extraction benchmark interface).

    Example: newsint extract ../shared/data/extraction/text.jsonl --out bodies.jsonl
    """
    from newsint import plain
    from newsint.cli_progress import Meter
    from newsint.models import Skipped
    from newsint.report.json import dumps

    meter = Meter("extract", to_file=out is not None)
    with _output(out) as fh, meter:
        for record in _records(path):
            if isinstance(record, Skipped):
                _said(record, meter)
                continue
            found = plain.extract(record)
            title, body = (None, "") if isinstance(found, Skipped) else found
            if isinstance(found, Skipped):
                _said(found, meter)
            else:
                meter.step()
            fh.write(dumps({"id": plain.record_id(record), "title": title, "body": body}) + "\n")
    if meter.skipped:
        raise typer.Exit(1)


def _said(skipped: Any, meter: Any) -> None:
    """Report a record newsint could not read or analyse on stderr, and count it."""
    meter.step(skipped=True)
    meter.error(f"Error: {skipped.name}: {skipped.reason}")


def _records(path: Path) -> Iterator[Any]:
    """The JSON objects of a JSON Lines file or stdin (plain or gzip), one line at a time; a
    line that is not one is a Skipped (reported, and the exit code is 1), not the end."""
    import io

    from newsint.plain import read_records

    if str(path) == "-":
        raw: Any = sys.stdin.buffer
        stream = raw if hasattr(raw, "peek") else io.BufferedReader(raw)
        yield from read_records(stream, "<stdin>")
        return
    if not path.exists():
        fail(f"{path}: no such file")
    with path.open("rb") as fh:
        yield from read_records(fh, str(path))


@app.command()
def bench(
    name: Annotated[BenchName, typer.Argument(help="Which benchmark.")],
    split: Annotated[str, typer.Option(help="Data split; only dev is shipped.")] = "dev",
    data: Annotated[
        Path | None,
        typer.Option(help="Gold file (or folder, for extraction) in the dev set's format."),
    ] = None,
    predictions: Annotated[
        Path | None, typer.Option(help="Where to write the predictions.")
    ] = None,
    input: Annotated[str, typer.Option("--input", help="extraction only: html or text.")] = "html",
    bodies: Annotated[
        Path | None, typer.Option(help="stance only: the FNC-1 bodies file of --data.")
    ] = None,
    n: Annotated[
        int, typer.Option("--n", min=0, help="robustness only: generated documents.")
    ] = 300,
    docs: Annotated[
        int, typer.Option("--docs", min=2, help="throughput only: documents to time.")
    ] = 60,
) -> None:
    """Run newsint on a benchmark split, score it with ../shared/bench, print figures and speed.

    Example: newsint bench attribution --split dev
    """
    import importlib

    try:
        module = importlib.import_module(f"newsint.bench.{name.value}")
    except ModuleNotFoundError:
        fail(f"benchmark {name.value!r} is not implemented yet")
    kwargs: dict[str, object] = {"split": split, "data": data, "predictions": predictions}
    if name is BenchName.extraction:
        kwargs["input"] = input
    if name is BenchName.stance:
        kwargs["bodies"] = bodies
    if name is BenchName.robustness:
        kwargs["n"] = n
    if name is BenchName.throughput:
        kwargs["docs"] = docs
    try:
        result = module.run(**kwargs)
    except NewsintError as exc:
        fail(str(exc))
    for line in result.lines():
        typer.echo(line)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    db: Annotated[
        str,
        typer.Option("--db", envvar="NEWSINT_DB", help="Corpus store for the /api queries."),
    ] = "sqlite:///newsint.db",
    workers: Annotated[
        int,
        typer.Option(help="Server processes (each runs NEWSINT_API_WORKERS analysis processes)."),
    ] = 1,
) -> None:
    """The HTTP API and the web page (open http://HOST:PORT/ in a browser).

    Example: newsint serve --port 8000, then
    curl --data-binary @page.html 'http://127.0.0.1:8000/api/analyze'
    """
    import os

    import uvicorn

    os.environ["NEWSINT_DB"] = db  # the app reads its settings from the environment
    uvicorn.run(
        "newsint.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
    )


def _register_extensions() -> None:
    """Commands owned by other modules (the corpus store: ingest, query, export, serve)."""
    try:
        from newsint.cli_corpus import register
    except ModuleNotFoundError:
        return
    register(app)


_register_extensions()


def main() -> None:
    import logging

    # what the input readers pass over (WARC records that are not HTML responses) goes to
    # stderr; other libraries' logs stay as they are
    log = logging.getLogger("newsint")
    if not log.handlers:
        log.addHandler(logging.StreamHandler())
    log.setLevel(logging.INFO)
    try:
        app()
    except NewsintError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
