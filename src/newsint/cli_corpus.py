"""The corpus commands: ``ingest``, ``query …``, ``export``. Thin: each is a call into
:mod:`newsint.batch` or :mod:`newsint.store.queries`, then printing."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from newsint.errors import NewsintError

if TYPE_CHECKING:
    from newsint.store import Store

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="NEWSINT_DB",
        help="Store URL: sqlite:///FILE (default newsint.db) or postgresql://user:pass@host/db.",
    ),
]
DEFAULT_DB = "sqlite:///newsint.db"


class Output(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    claims_jsonld = "claims-jsonld"
    prov = "prov"


#: The formats that write one JSON-LD document (a file) rather than a file per table.
JSONLD_FORMATS = frozenset({ExportFormat.claims_jsonld, ExportFormat.prov})


FormatOption = Annotated[
    Output, typer.Option("--format", "-f", help="table (for people), json or csv.")
]


def _fail(message: str) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(1)


def _open(db: str, *, create: bool = False) -> Store:
    """The store at ``db``; only ``ingest`` (``create=True``) makes one that does not exist."""
    from newsint.store import Store

    try:
        return Store(db, create=create)
    except NewsintError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(1) from None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(
            f"{k} ×{v}" if isinstance(v, int) else f"{k}: {v}" for k, v in value.items()
        )
    return str(value)


def _print(rows: list[dict[str, Any]], output: Output, *, title: str | None = None) -> None:
    if output is Output.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if output is Output.csv:
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows({k: _cell(v) for k, v in r.items()} for r in rows)
        return
    from rich.console import Console

    width = table_width()
    console = Console(width=width)
    if rows and not fits_as_table(len(rows[0]), width):
        for number, r in enumerate(rows, 1):
            console.print(_record(r, f"{title or 'row'} {number} of {len(rows)}"))
        return
    console.print(_table(rows, title))


#: The narrowest a column of a table may be; a sentence column asks for this much more.
MIN_COLUMN = 10
SENTENCE_COLUMNS = frozenset({"claim", "text", "evidence"})
SENTENCE_EXTRA = 20


def fits_as_table(columns: int, width: int) -> bool:
    """Whether ``columns`` columns fit ``width`` characters; if not, each row is printed as a
    record (one line a field), as ``psql`` does with ``\\x``."""
    return columns * MIN_COLUMN + SENTENCE_EXTRA <= width


def _table(rows: list[dict[str, Any]], title: str | None) -> Any:
    from rich.table import Table

    table = Table(title=title, show_lines=True)
    for key in rows[0] if rows else ["(no rows)"]:
        wide = key in SENTENCE_COLUMNS  # the sentences: give them room
        table.add_column(
            key.replace("_", " "),
            overflow="fold",
            min_width=MIN_COLUMN + SENTENCE_EXTRA if wide else None,
        )
    for r in rows:
        table.add_row(*(_cell(v) for v in r.values()))
    return table


def _record(row: dict[str, Any], title: str) -> Any:
    from rich.table import Table

    table = Table(title=title, show_header=False, show_lines=True, expand=True)
    table.add_column("field", style="bold", no_wrap=True)
    table.add_column("value", overflow="fold", ratio=1)
    for key, value in row.items():
        table.add_row(key.replace("_", " "), _cell(value))
    return table


#: The width of a table written where no terminal tells one (a file, a pipe with no terminal).
PIPED_WIDTH = 120


def table_width() -> int:
    """``COLUMNS`` if set, else the width of the terminal behind stdout, stderr or stdin (so
    ``query … | less`` still fits the screen), else :data:`PIPED_WIDTH`: rich folds the cells."""
    import os

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        try:
            return os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, OSError, ValueError):
            continue
    return PIPED_WIDTH


def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders (.html .txt .jsonl .warc, gz ok).")
    ],
    db: DbOption = DEFAULT_DB,
    workers: Annotated[
        int | None, typer.Option("--workers", "-j", help="Processes (default: every core).")
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Analyse on a Dask cluster: its scheduler (tcp://host:8786), or 'local'."
        ),
    ] = None,
) -> None:
    """Analyse documents into the store; already stored ones are skipped, so re-running resumes.

    Example: newsint ingest ../shared/data/polnear/dev_in.jsonl --db sqlite:///news.db
    """
    with _open(db, create=True) as store:
        _ingest(store, paths, workers, scheduler)


def _ingest(
    store: Store, paths: list[str], workers: int | None, scheduler: str | None = None
) -> None:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from newsint.batch import Progress as Counts
    from newsint.batch import ingest as run
    from newsint.models import Skipped
    from newsint.settings import Settings

    columns = (
        TextColumn("ingest"),
        BarColumn(),
        TextColumn("{task.completed} stored, {task.fields[rate]:.2f} docs/s"),
        TextColumn("{task.fields[errors]} skipped, {task.fields[already]} already stored"),
        TimeElapsedColumn(),
    )
    console = Console(stderr=True)
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("ingest", total=None, rate=0.0, errors=0, already=0)

        def show(p: Counts) -> None:
            bar.update(task, completed=p.stored, rate=p.rate, errors=p.skipped, already=p.already)

        def said(s: Skipped) -> None:  # as `analyze` reports them
            console.print(
                f"Error: {s.name}: {s.reason}", markup=False, highlight=False, soft_wrap=True
            )

        try:
            settings = Settings.from_env()  # NEWSINT_MAX_BYTES
            counts = run(
                paths,
                store,
                settings=settings,
                workers=workers,
                on_progress=show,
                scheduler=scheduler,
                on_skipped=said,
            )
        except KeyboardInterrupt:
            console.print(
                "interrupted: what was stored stays stored; run the same command to resume"
            )
            raise typer.Exit(130) from None
        except NewsintError as exc:
            _fail(str(exc))
        show(counts)
    typer.echo(
        f"{counts.stored} stored ({counts.skipped} skipped), {counts.already} already stored, "
        f"{counts.rate:.2f} docs/s",
        err=True,
    )
    if counts.skipped:  # as `analyze`: 1 when a document of this run could not be analysed
        raise typer.Exit(1)


query_app = typer.Typer(
    help="Ask the store: claims and their corroboration, sources, actors, republications.",
    no_args_is_help=True,
)


@query_app.command("claims")
def query_claims(
    about: Annotated[str | None, typer.Option(help="Words the claim contains.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many claims.")] = 20,
    db: DbOption = DEFAULT_DB,
    format: FormatOption = Output.table,
) -> None:
    """Claims across articles: independent sources, amplification, who disputes them.

    Example: newsint query claims --about Iran --format json
    """
    from newsint.store import queries

    with _open(db) as store:
        rows = queries.claims(store, about=about, since=since, limit=limit)
        if since and not rows:
            _explain_since(since, rows, queries.claims(store, about=about, limit=1))
    if format is Output.table:
        rows = _without_empty(rows, ("republications", "authored_by"))
    _print(rows, format)


def _without_empty(rows: list[dict[str, Any]], keys: tuple[str, ...]) -> list[dict[str, Any]]:
    """``rows`` without the columns among ``keys`` that are empty in every row (a table for
    people: a store with no republication and no amplifying author keeps the columns it had)."""
    empty = {k for k in keys if not any(r.get(k) for r in rows)}
    return [{k: v for k, v in r.items() if k not in empty} for r in rows]


@query_app.command("duplicates")
def query_duplicates(
    limit: Annotated[int, typer.Option(help="At most this many documents.")] = 200,
    db: DbOption = DEFAULT_DB,
    format: FormatOption = Output.table,
) -> None:
    """Republications: documents that copy an earlier one (wire copies, re-templated pages,
    small edits), with the original; they add no document and no source to a claim's count.

    Example: newsint query duplicates --format json
    """
    from newsint.store import queries

    with _open(db) as store:
        rows = queries.duplicates(store, limit=limit)
    if format is Output.table:
        rows = [{k: v for k, v in r.items() if k not in ("doc", "original_doc")} for r in rows]
    _print(rows, format)


@query_app.command("sources")
def query_sources(
    top: Annotated[int, typer.Option("--top", help="How many, most quoted first.")] = 20,
    anonymous: Annotated[bool, typer.Option(help="Include anonymous sources.")] = False,
    db: DbOption = DEFAULT_DB,
    format: FormatOption = Output.table,
) -> None:
    """The most quoted sources of the corpus (by number of documents).

    Example: newsint query sources --top 10
    """
    from newsint.store import queries

    with _open(db) as store:
        rows = queries.top_sources(store, limit=top, anonymous=anonymous)
    _print(rows, format)


@query_app.command("source")
def query_source(
    name: Annotated[str, typer.Argument(help='A source\'s name, e.g. "Bob Kent".')],
    db: DbOption = DEFAULT_DB,
    format: FormatOption = Output.table,
) -> None:
    """What a source has said across the corpus, how it was named, and who disputed it.

    Example: newsint query source "Bob Kent"
    """
    from newsint.store import queries

    try:
        with _open(db) as store:
            found = queries.source(store, name)
    except NewsintError as exc:
        _fail(str(exc))
    if format is Output.json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    if format is Output.table:
        head = {k: v for k, v in found.items() if k not in ("named_as", "claims", "wrote")}
        _print([head], format, title="source")
        _print(found["named_as"], format, title="named as")
        if found["wrote"]:
            _print(found["wrote"], format, title="wrote (bylines)")
    _print(found["claims"], format, title="claims")


@query_app.command("actor")
def query_actor(
    name: Annotated[str, typer.Argument(help="An actor: a country, organisation or person.")],
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many events.")] = 200,
    db: DbOption = DEFAULT_DB,
    format: FormatOption = Output.table,
) -> None:
    """Events in which an actor acts or is acted on, with the claim that carries each.

    Example: newsint query actor Iran --since 2017-01-01
    """
    from newsint.store import queries

    try:
        with _open(db) as store:
            rows = queries.actor(store, name, since=since, limit=limit)
            if since and not rows:
                _explain_since(since, rows, queries.actor(store, name, limit=1))
    except NewsintError as exc:
        _fail(str(exc))
    _print(rows, format)


def _explain_since(since: str | None, rows: list[dict[str, Any]], without_since: list[Any]) -> None:
    """When ``--since`` left nothing but the same query without it finds rows, say on stderr
    that ``--since`` leaves out documents with no publication date (the bundled ones)."""
    if since and not rows and without_since:
        typer.echo(
            f"no rows published on or after {since}; --since leaves out documents with no "
            "publication date, and without it this query has rows",
            err=True,
        )


def export(
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="parquet, csv, jsonl: a folder, one file per table. claims-jsonld, prov: a "
            "file (an existing folder gets claims.jsonld or prov.jsonld; - is stdout).",
        ),
    ],
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="parquet, csv or jsonl (every table); claims-jsonld (schema.org Claims) or "
            "prov (W3C PROV-O: where every span came from), JSON-LD.",
        ),
    ] = ExportFormat.jsonl,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write the store: every table (parquet, csv, jsonl), or a standard JSON-LD export.

    Example: newsint export --format parquet --out corpus/
    Example: newsint export --format claims-jsonld --out claims.jsonld
    """
    if format in JSONLD_FORMATS:
        _export_jsonld(out, format, db)
        return
    from newsint.store.export import export_store

    try:
        with _open(db) as store:
            written = export_store(store, out, format=format.value)
    except NewsintError as exc:
        _fail(str(exc))
    for path, rows in written:
        typer.echo(f"{path}\t{rows} rows", err=True)


def _export_jsonld(out: Path, format: ExportFormat, db: str) -> None:
    from newsint import export as standard

    with _open(db) as store:
        document = standard.build(store, format.value)
    if str(out) == "-":
        sys.stdout.write(standard.dumps(document))
        return
    if out.is_dir():
        out = out / f"{format.value.removesuffix('-jsonld')}.jsonld"
    standard.write(document, out)
    typer.echo(f"{out}\t{len(document['@graph'])} nodes", err=True)


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the main ``newsint`` app."""
    app.command()(ingest)
    app.add_typer(query_app, name="query")
    app.command()(export)
