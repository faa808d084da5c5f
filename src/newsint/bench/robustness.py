"""`newsint bench robustness`: nothing stops a batch, nothing is lost, every span holds.

A bad-input corpus is written to a temporary folder at run time (nothing big is shipped): the
cases of issue 18 — empty, binary, 50 MB (sparse), wrong and undeclared encodings, UTF-16,
non-English, broken HTML, a truncated WARC and a truncated gzip, a bad JSON line, an unknown
extension, a folder with one broken file, 100,000 nested elements, a 5 MB line, quotes never
closed, lone surrogates, a stray NUL, many ``<`` in prose, control characters, right-to-left
and combining marks — and ``n`` generated JSON Lines records built from news words and those
characters (seeded: the same ``n`` gives the same records).

Every file goes through ``analyze`` (the report and its spans) and the store (as ``ingest``
writes it); the bad-input files and the first 1,000 generated documents also through the plain
interfaces (``attributions`` and ``extract``, for JSON Lines) and the HTTP API
(``POST /api/analyze``), which share ``analyze``'s analysis. Printed: documents in, reports
out, skipped with their reasons, tracebacks (an exception that escaped, a 500, or a skip whose
reason is an internal error: must be 0), documents lost (in but neither reported nor skipped:
must be 0), spans out of range (must be 0).

Then the live steps (:mod:`newsint.bench.robustness_live`): 20 random kills of ``ingest``
(surviving workers: must be 0), ``newsint serve`` under 50 concurrent analyses (errors: 0; a
short request's latency while a long document is analysed: at most twice its latency alone;
sequence numbers distinct across server processes) and schemathesis over the OpenAPI document
(server errors and schema violations: 0). Last, every goal, met or not, then speed and memory.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsint.bench.common import BenchResult, Timer, peak_memory_mb

NAME = "robustness"

#: The bench's parts, in order: the bad-input corpus and generated documents, random kills of
#: ingest, the HTTP server under concurrent load, schemathesis over the OpenAPI document.
STEPS = ("corpus", "kills", "server", "schemathesis")
KILLS = 20
CONCURRENT = 50
SCHEMA_EXAMPLES = 50


#: Generated documents by default: a few seconds of analysis; the issue's goal is 10,000 (--n).
DEFAULT_N = 300

ODD = [
    "\ud800", "\udfff", "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85",
    "\u2028", "\u2029", "\u200f", "\u202e", "\u0627\u0644\u0631\u0626\u064a\u0633", "e\u0301",
    "\u0308\u0308\u0308", "\ufeff", "\ufffd", '"', "“", "”", "'", "«", "<", "<p>", "&amp;", "\r",
    "\t", "\U0001f600",
]  # fmt: skip
WORDS = (
    "the minister said officials told reporters Bob Kent , . — according to Iran attacked "
    "denied may not \n Reuters CEO spokesman “We will” the plan would fail analysts believe"
).split(" ")
STORY = (
    "The minister said on Monday that the bridge would reopen next week, officials said.\n"
    "“We have done the repairs,” said Maria Kovac, the council's head of transport.\n"
    "Some analysts believe the work was rushed, according to a local petition.\n"
)
#: Skip reasons that are a caught exception, i.e. a bug, not a bad document.
_CRASH = re.compile(r"internal error|extraction failed|could not be read", re.I)


@dataclass(slots=True)
class Tally:
    documents_in: int = 0
    reports_out: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    tracebacks: list[str] = field(default_factory=list)
    lost: int = 0
    spans_out_of_range: int = 0
    checks: Counter[str] = field(default_factory=Counter)

    def crash(self, where: str, exc: BaseException | str) -> None:
        self.tracebacks.append(f"{where}: {exc!r}" if isinstance(exc, BaseException) else exc)


def run(
    *,
    split: str = "dev",
    data: Path | None = None,
    predictions: Path | None = None,
    n: int = DEFAULT_N,
    steps: tuple[str, ...] = STEPS,
) -> BenchResult:
    """Build the corpus, run every input path over it, then the kills, the server under
    concurrent load and schemathesis (``steps``: which of :data:`STEPS`), and count. ``data``: a
    folder of more bad inputs to add (each file is expected to give at least one outcome)."""
    from newsint.bench.robustness_live import kills, schema_check, server

    tally = Tally()
    goals: list[Goal] = []
    out: list[str] = []
    figures: dict[str, float] = {}
    corpus_seconds = 0.0
    with Timer() as timer:
        if "corpus" in steps:
            with Timer() as corpus_timer, tempfile.TemporaryDirectory(prefix="robust-") as tmp:
                root = Path(tmp)
                expected = write_corpus(root / "corpus", n)
                if data is not None:
                    expected |= {p: 1 for p in sorted(data.rglob("*")) if p.is_file()}
                pairs = _analyze_all(expected, tally)
                _plain_interfaces(expected, tally)
                _api(expected, tally)
                _store(pairs, root / "store.db", tally)
            corpus_seconds = corpus_timer.seconds
            out += _corpus_lines(tally, n, figures, goals)
        if "kills" in steps:
            out += _step_lines("kills", kills(KILLS), figures, goals)
        if "server" in steps:
            out += _step_lines("server", server(CONCURRENT), figures, goals)
        if "schemathesis" in steps:
            out += _step_lines("schemathesis", schema_check(SCHEMA_EXAMPLES), figures, goals)
    out.append("goals:")
    out += [f"  {'met    ' if g.met else 'NOT met'}  {g.text}" for g in goals]
    met = sum(g.met for g in goals)
    out.append(f"goals met: {met} of {len(goals)}" + (" (all)" if met == len(goals) else ""))
    result = BenchResult(NAME, figures=figures)
    result.scorer_output = "\n".join(out)
    result.speed = {
        "corpus_documents_per_s": tally.documents_in / corpus_seconds if corpus_seconds else 0.0,
        "corpus_seconds": corpus_seconds,
        "seconds": timer.seconds,
        "peak_memory_mb": peak_memory_mb(),
    }
    return result


@dataclass(frozen=True, slots=True)
class Goal:
    text: str
    met: bool


@dataclass(slots=True)
class StepResult:
    """One step's figures (printed ``key=value``), notes, and goals."""

    figures: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)


def _corpus_lines(tally: Tally, n: int, figures: dict[str, float], goals: list[Goal]) -> list[str]:
    counts = {
        "documents_in": tally.documents_in,
        "reports_out": tally.reports_out,
        "skipped": sum(tally.skipped.values()),
        "tracebacks": len(tally.tracebacks),
        "lost": tally.lost,
        "spans_out_of_range": tally.spans_out_of_range,
    }
    figures |= {k: float(v) for k, v in counts.items()}
    out = [f"corpus: the bad-input files and {n:,} generated documents"]
    out += [f"{k}={v}" for k, v in counts.items()]
    out.append("skipped, by reason:")
    out += [f"  {count:5d}  {reason}" for reason, count in tally.skipped.most_common()]
    out.append("checked: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.checks.items())))
    out += [f"traceback: {text}" for text in tally.tracebacks[:50]]
    goals += [
        Goal(f"0 tracebacks over the bad inputs and {n:,} generated documents (got "
             f"{len(tally.tracebacks)})", not tally.tracebacks),
        Goal(f"0 documents lost (got {tally.lost})", not tally.lost),
        Goal(f"0 spans out of range (got {tally.spans_out_of_range})",
             not tally.spans_out_of_range),
    ]  # fmt: skip
    return out


def _step_lines(
    name: str, step: StepResult, figures: dict[str, float], goals: list[Goal]
) -> list[str]:
    figures |= {f"{name}_{k}": v for k, v in step.figures.items()}
    goals += step.goals
    out = [f"{name}:"]
    out += [f"{name}_{k}={v:g}" for k, v in step.figures.items()]
    return out + [f"  {note}" for note in step.notes]


# -- the corpus ---------------------------------------------------------------------------------


def generated(n: int, seed: int = 18) -> Iterator[dict[str, Any]]:
    """``n`` JSON Lines records of news words and odd characters, some as HTML, some huge."""
    rng = random.Random(seed)
    for i in range(n):
        parts = []
        for _ in range(rng.randint(0, 80)):
            roll = rng.random()
            if roll < 0.55:
                parts.append(rng.choice(WORDS))
            elif roll < 0.85:
                parts.append(rng.choice(ODD))
            elif roll < 0.97:
                parts.append("".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(1, 4))))
            else:
                parts.append("x" * rng.randint(100, 20_000))  # a huge token
        text = " ".join(parts)
        kind = "html" if rng.random() < 0.25 else "text"
        if kind == "html":
            text = f"<html><body><article><p>{text}</p></article></body></html>"
        ident: Any = rng.choice([f"g{i}", i, f"g{i}\ud800", None])
        yield {"id": ident, kind: text}


def write_corpus(folder: Path, n: int) -> dict[Path, int]:
    """Write the bad-input corpus; return each input path with the documents it holds."""
    folder.mkdir(parents=True)
    out: dict[Path, int] = {}

    def put(name: str, data: bytes | str, docs: int = 1) -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        out[path] = docs
        return path

    rng = random.Random(0)
    put("empty.txt", b"")
    put("binary.txt", rng.randbytes(65536))
    huge = put("huge.txt", b"")
    with huge.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB, sparse: skipped unread
    russian = "<p>Президент России заявил в понедельник, что переговоры продолжатся.</p>" * 8
    put(
        "wrong-charset.html",
        f'<html><head><meta charset="iso-8859-1"></head><body>{russian}</body></html>'.encode(
            "cp1251"
        ),
    )
    put("undeclared-latin1.html", f"<html><body><p>{STORY} Café in Zürich.</p></body></html>"
        .encode("latin-1", "replace"))  # fmt: skip
    put("utf16.txt", STORY.encode("utf-16"))
    put(
        "french.txt",
        "Le ministre a déclaré lundi que le pont serait rouvert la semaine prochaine, "
        "selon des responsables. Les travaux ont été réalisés pendant tout l'été.\n" * 3,
    )
    put("broken.html", "<html><body><div><p>" + STORY + "<p><b><i></div></span><table><tr>")
    put("cut.warc.gz", _cut_warc(), docs=2)
    put("cut.txt.gz", gzip.compress(STORY.encode() * 50)[:60])
    put(
        "bad-line.jsonl",
        json.dumps({"id": "ok1", "text": STORY}) + '\n{"id": "bad", "text": \n'
        + json.dumps({"id": "ok2", "text": STORY}) + "\n",
        docs=3,
    )  # fmt: skip
    put("notes.docx", b"PK\x03\x04" + rng.randbytes(200))
    put("folder/good.txt", STORY)
    put("folder/broken.txt.gz", gzip.compress(STORY.encode())[:30])
    out.pop(folder / "folder" / "good.txt")
    out.pop(folder / "folder" / "broken.txt.gz")
    out[folder / "folder"] = 2
    nested = "<div>" * 100_000 + STORY + "</div>" * 100_000
    put("nested.html", f"<html><body>{nested}</body></html>")
    line = " ".join(rng.choice(WORDS[:20]) for _ in range(5_000_000 // 6))
    put("long-line.txt", line)
    put("unclosed-quotes.txt", STORY + "“The minister said it would never “happen, ‘she said " * 20)
    put(
        "surrogates.jsonl",
        json.dumps({"id": "s1", "text": "Hello \ud800 world. " + STORY})
        + "\n"
        + json.dumps({"id": "s2\udfff", "html": f"<p>\ud83d {STORY}</p>"})
        + "\n",
        docs=2,
    )
    put("nul.txt", STORY * 3 + "\x00" + STORY)
    put("angles.txt", "If a < b and b < c then a < c. <<< see <- here. " * 10 + STORY)
    put("controls.txt", STORY + "\x01\x1b[31m\u202eRTL\u200f e\u0301\u0308 \x7f\x85\u2028" * 5)
    records = [json.dumps(r) + "\n" for r in generated(n)]
    for k, start in enumerate(range(0, n, CHUNK)):
        chunk = records[start : start + CHUNK]
        put(f"generated-{k:03d}.jsonl", "".join(chunk), docs=len(chunk))
    return out


#: Generated documents a file. ``analyze`` and the store take every file; the other interfaces
#: (the HTTP API, ``attributions``, ``extract``), which share its analysis, take the bad-input
#: files and the first file of generated documents only, so that 10,000 fit in the bench's time.
CHUNK = 1000


def _interfaces_take(path: Path) -> bool:
    return not path.name.startswith("generated-") or path.name == "generated-000.jsonl"


def _cut_warc() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for i in range(2):
        body = f"<html><body><article><p>{STORY}</p></article></body></html>".encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.test/{i}",
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http,
        )
        writer.write_record(record)
    data = buffer.getvalue()
    return data[: len(data) - 40]  # cut inside the second record


# -- the input paths ----------------------------------------------------------------------------


#: The time budget of one document in the bench: generated word soup of attribution cues is the
#: slowest text there is (analysis grows faster than its length), and the bench is about not
#: stopping, not about waiting; the budget's skips are counted like any other.
BENCH_SECONDS = 10.0


def _analyze_all(expected: dict[Path, int], tally: Tally) -> list[tuple[Any, Any]]:
    """``newsint analyze`` (the library call) over each input; the pairs for the store."""
    from newsint.ingest import read_inputs
    from newsint.models import Analysis, Page, Skipped
    from newsint.pipeline import analyze_page
    from newsint.report.json import spans_out_of_range, to_dict
    from newsint.settings import Settings

    pairs: list[tuple[Any, Any]] = []
    for path, docs in expected.items():
        tally.documents_in += docs
        got = 0
        try:
            for item in read_inputs([path]):
                if isinstance(item, Page):
                    outcome = analyze_page(item, Settings(max_seconds=BENCH_SECONDS))
                else:
                    outcome = item
                got += 1
                pairs.append((item, outcome))
                if isinstance(outcome, Skipped):
                    tally.skipped[_reason(outcome.reason)] += 1
                    if _CRASH.search(outcome.reason):
                        tally.crash(outcome.name, outcome.reason)
                    continue
                assert isinstance(outcome, Analysis)
                tally.reports_out += 1
                report = to_dict(outcome)
                tally.spans_out_of_range += len(spans_out_of_range(report))
                json.dumps(report, ensure_ascii=False).encode("utf-8")
        except Exception as exc:  # noqa: BLE001 - what the bench is here to count
            tally.crash(f"analyze {path.name}", exc)
        tally.checks["analyze"] += 1
        tally.lost += max(0, docs - got)
    return pairs


def _plain_interfaces(expected: dict[Path, int], tally: Tally) -> None:
    """``newsint attributions`` and ``newsint extract`` over every JSON Lines input."""
    from newsint import plain
    from newsint.models import Skipped
    from newsint.settings import MAX_CHARS

    for path in (p for p in expected if p.suffix == ".jsonl" and _interfaces_take(p)):

        def records(path: Path = path) -> Iterator[dict[str, Any]]:
            with path.open("rb") as fh:
                for r in plain.read_records(fh, str(path)):
                    if not isinstance(r, Skipped):
                        yield r

        try:
            for record, found in plain.attributions(records(), max_chars=MAX_CHARS):
                if isinstance(found, Skipped):
                    if _CRASH.search(found.reason):
                        tally.crash(found.name, found.reason)
                    continue
                size = len(str(record.get("text") or ""))
                spans = [s for a in found for s in (*a.source, *a.cue, *a.content)]
                tally.spans_out_of_range += sum(not 0 <= s <= e <= size for s, e in spans)
            tally.checks["attributions"] += 1
            for record in records():
                outcome = plain.extract(record)
                if isinstance(outcome, Skipped) and _CRASH.search(outcome.reason):
                    tally.crash(outcome.name, outcome.reason)
            tally.checks["extract"] += 1
        except Exception as exc:  # noqa: BLE001
            tally.crash(f"attributions/extract {path.name}", exc)


def _api(expected: dict[Path, int], tally: Tally) -> None:
    """``POST /api/analyze`` with each file's bytes: a JSON answer every time, never a 500."""
    from fastapi.testclient import TestClient

    from newsint.settings import Settings
    from newsint.web.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db_url=f"sqlite:///{Path(tmp) / 'api.db'}", api_workers=0)
        client = TestClient(create_app(settings), raise_server_exceptions=False)
        for path in filter(_interfaces_take, expected):
            if path.is_dir() or path.stat().st_size > settings.max_bytes:
                continue
            try:
                answer = client.post(f"/api/analyze?name={path.name}", content=path.read_bytes())
                body = answer.json()
                if answer.status_code >= 500 or not isinstance(body, dict):
                    tally.crash(f"POST {path.name}", f"{answer.status_code} {answer.text[:200]}")
                from newsint.report.json import spans_out_of_range

                for report in body.get("reports", []):
                    tally.spans_out_of_range += len(spans_out_of_range(report))
            except Exception as exc:  # noqa: BLE001
                tally.crash(f"POST {path.name}", exc)
            tally.checks["api"] += 1


def _store(pairs: list[tuple[Any, Any]], db: Path, tally: Tally) -> None:
    """Every outcome written to a store as ``ingest`` writes it (odd ids, names, texts)."""
    from newsint.batch import store_outcomes
    from newsint.store import Store

    try:
        with Store(f"sqlite:///{db}") as store:
            store_outcomes(pairs, store)
        tally.checks["store"] += 1
    except Exception as exc:  # noqa: BLE001
        tally.crash("store", exc)


def _reason(reason: str) -> str:
    """The kind of a skip reason, without the document's particulars."""
    head = re.split(r"[:;(]", reason, maxsplit=1)[0].strip()
    return head or reason[:40]
